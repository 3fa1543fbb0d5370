// The article page: loads the wasm and the story, mounts the explainer beside the article
// (with the scenario kept in the URL fragment), and highlights the part of the explainer that
// the paragraph being read talks about. Scrolling is never taken over.
import init, { Explainer } from "./pkg/round_explainer.js";

const host = document.getElementById("explainer");

function showError(message) {
  const box = document.createElement("div");
  box.className = "rx rx-error";
  box.setAttribute("role", "alert");
  box.textContent = `The explainer could not load: ${message}`;
  host.replaceChildren(box);
}

/** Highlights the explainer part of the paragraph in the reading band, or none. */
function followReading(explainer) {
  const paragraphs = [...document.querySelectorAll("article p[data-part]")];
  const visible = new Set();
  const observer = new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (entry.isIntersecting) visible.add(entry.target);
        else visible.delete(entry.target);
      }
      // Of the paragraphs in the band, the one nearest the reading line wins; none clears it.
      const line = window.innerHeight * 0.45;
      const distance = (p) => {
        const box = p.getBoundingClientRect();
        return Math.abs(box.top + box.height / 2 - line);
      };
      const current = [...visible].sort((a, b) => distance(a) - distance(b))[0];
      explainer.highlight(current ? current.dataset.part : undefined);
    },
    { rootMargin: "-35% 0px -45% 0px" },
  );
  for (const paragraph of paragraphs) observer.observe(paragraph);
  return observer;
}

try {
  await init();
  const response = await fetch(host.dataset.story);
  if (!response.ok) throw new Error(`could not load ${host.dataset.story}: HTTP ${response.status}`);
  const explainer = Explainer.mount(host, await response.json(), undefined, true);
  followReading(explainer);
  host.dataset.ready = "true";
} catch (error) {
  // A bad story is already shown in place by Explainer.mount; anything else is shown here.
  if (!host.querySelector(".rx-error")) showError(error.message);
  console.error(error);
}
