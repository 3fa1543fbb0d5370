// Loads the wasm and the story, then shows the headline figures. The full widget (drawn by
// Rust into the DOM) replaces this in the widget issue; data goes into the page as text only.
import init, { RoundStory, formatMoney } from "./pkg/round_explainer.js";

const host = document.getElementById("explainer");

function show(lines, className) {
  const box = document.createElement("div");
  if (className) box.className = className;
  for (const line of lines) {
    const p = document.createElement("p");
    p.textContent = line;
    box.append(p);
  }
  host.replaceChildren(box);
}

try {
  await init();
  const response = await fetch(host.dataset.story);
  if (!response.ok) throw new Error(`could not load ${host.dataset.story}: HTTP ${response.status}`);
  const story = new RoundStory(await response.json());
  const outcome = story.compute(undefined);
  const amazon = outcome.holdings.find((h) => h.id === "amazon");
  show([
    `Money in the round: ${formatMoney(outcome.round.total, true)}`,
    `Post-money valuation: ${formatMoney(outcome.post_money, true)}`,
    `Amazon's stake: ${amazon.display_percent}%`,
    `Existing holders diluted by ${outcome.dilution_percent}%`,
  ]);
  host.dataset.ready = "true";
} catch (error) {
  show([`The explainer could not load: ${error.message}`], "error");
  console.error(error);
}
