// The article page: loads the wasm and the story, mounts the explainer beside the article
// (with the scenario kept in the URL fragment), and highlights the part of the explainer that
// the paragraph being read talks about. Scrolling is never taken over.
import { Explainer } from "./pkg-embed/round_explainer.js";
import { followReading, ready } from "./round-explainer.js";

const host = document.getElementById("explainer");

function showError(message) {
  const box = document.createElement("div");
  box.className = "rx rx-error";
  box.setAttribute("role", "alert");
  box.textContent = `The explainer could not load: ${message}`;
  host.replaceChildren(box);
}

async function loadStory() {
  const response = await fetch(host.dataset.story);
  if (!response.ok) throw new Error(`could not load ${host.dataset.story}: HTTP ${response.status}`);
  // The text, not JSON.parse of it: the wasm reads it with the model's strict reader.
  return response.text();
}

/** As long as the explainer element waits (element.js): after that the page says it gave up. */
const TIMEOUT_MS = 15000;

async function start() {
  // The story downloads while the wasm compiles.
  let timer;
  const timedOut = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error("the story and the explainer did not arrive within 15 seconds")), TIMEOUT_MS);
  });
  const [story] = await Promise.race([Promise.all([loadStory(), ready()]), timedOut]);
  clearTimeout(timer);
  // Start-up in two phases for `make bench`: loading (wasm and story) and the first mount.
  performance.mark("round-explainer:loaded");
  const explainer = Explainer.mount(host, story, undefined, true);
  performance.mark("round-explainer:rendered");
  followReading(explainer, document.querySelectorAll("article p[data-part]"));
  host.dataset.ready = "true";
}

// From file:// (where some browsers still run modules) the page's inline script has already
// said what to do; fetching the story would only fail.
if (location.protocol !== "file:") {
  start().catch((error) => {
    // A bad story is already shown in place by Explainer.mount; anything else is shown here.
    if (!host.querySelector(".rx-error")) showError(error.message);
    console.error(error);
  });
}
