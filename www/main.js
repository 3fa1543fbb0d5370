// The article page: the explainer beside the article is in the page's HTML already (the build
// writes it, scripts/prerender.mjs), with its story. This script brings it to life: it loads
// the wasm once the reader is likely to want it (off the article's critical path), takes the
// explainer over in place (with the scenario kept in the URL fragment), and highlights the part
// of the explainer that the paragraph being read talks about. Scrolling is never taken over.
import { Explainer } from "./pkg-embed/round_explainer.js";
import { followReading, ready, whenWanted } from "./round-explainer.js";

const host = document.getElementById("explainer");

function showError(message) {
  const box = document.createElement("div");
  box.className = "rx rx-error";
  box.setAttribute("role", "alert");
  box.textContent = `The explainer could not load: ${message}`;
  host.replaceChildren(box);
}

/** The story's text: from the page when it holds it, else from its file. Not JSON.parse of it:
 * the wasm reads it with the model's strict reader. */
async function loadStory() {
  const inline = host.querySelector("script.rx-story");
  if (inline) return inline.textContent;
  const response = await fetch(host.dataset.story);
  if (!response.ok) throw new Error(`could not load ${host.dataset.story}: HTTP ${response.status}`);
  return response.text();
}

/** As long as the explainer element waits (element.js): after that the page says it gave up. */
const TIMEOUT_MS = 15000;

async function start(replay) {
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("the story and the explainer did not arrive within 15 seconds")), TIMEOUT_MS);
  });
  const [story] = await Promise.race([Promise.all([loadStory(), ready()]), timedOut]);
  clearTimeout(timer);
  // Start-up in phases for `make bench`: loading (wasm and story), the mount, and whether it
  // took over the pre-rendered explainer.
  performance.mark("round-explainer:loaded");
  const hydrating = Boolean(host.querySelector(":scope > .rx[data-story]"));
  const explainer = Explainer.mount(host, story, undefined, true);
  performance.mark("round-explainer:rendered");
  if (hydrating) performance.mark("round-explainer:hydrated");
  followReading(explainer, document.querySelectorAll("article p[data-part]"));
  host.dataset.ready = "true";
  // What the reader pressed while the wasm was on its way is pressed again (whenWanted).
  if (replay) replay();
}

function run(replay) {
  start(replay).catch((error) => {
    console.error(error);
    if (replay) replay(); // lets go of what it recorded (the buttons do nothing now)
    // Figures written by the model stay when the wasm cannot come: they say they cannot change.
    const written = host.querySelector(":scope > .rx[data-story]");
    if (written) return written.setAttribute("data-static", "");
    // A bad story is already shown in place by Explainer.mount; anything else is shown here.
    if (!host.querySelector(".rx-error")) showError(error.message);
  });
}

// From file:// (where some browsers still run modules) the page's inline script has already
// said what to do; fetching the story would only fail.
if (location.protocol !== "file:") {
  // Pre-rendered, the explainer waits until it is wanted; without it there is nothing to show
  // until the wasm arrives, so it starts at once.
  if (host.querySelector(":scope > .rx[data-story]")) whenWanted(host, run);
  else run();
}
