// The iframe child: takes over the explainer written into its page (embed/<story>.html), or
// shows the story named by ?story= (embed.html, same origin only), and reports its height
// to the host page in three formats: Pym.js, Datawrapper's and AMP's embed-size. Unchanged
// heights are not sent again, unless the host's loader asks (it may arrive after the child has
// reported: see embed-loader.js), when the current height is sent even if unchanged.
const params = new URLSearchParams(location.search);
const element = document.querySelector("round-explainer");
const pymId = params.get("childId") || "round-explainer";
const chartId = params.get("id") || "round-explainer";
const content = document.getElementById("embed");
let lastHeight = 0;

function reportHeight(always) {
  if (window.parent === window) return;
  const height = Math.ceil(content.getBoundingClientRect().height);
  // A hidden iframe lays out nothing; its height is sent once it is shown.
  if (height <= 0 || (height === lastHeight && always !== true)) return;
  lastHeight = height;
  window.parent.postMessage(`pymxPYMx${pymId}xPYMxheightxPYMx${height}`, "*");
  window.parent.postMessage({ "datawrapper-height": { [chartId]: height } }, "*");
  window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
}

// The explainer's events (README, "Events") go to the host page too, where the loader
// dispatches them again on the iframe: analytics see the same events however it is embedded.
for (const name of ["ready", "change", "note", "download", "error"]) {
  document.addEventListener(`round-explainer:${name}`, (event) => {
    if (window.parent === window) return;
    window.parent.postMessage({ type: "round-explainer:event", name: event.type, detail: event.detail ?? null }, "*");
  });
}

// Listening from the start: the loader asks when it starts and when this page has loaded.
window.addEventListener("message", (event) => {
  if (event.source !== window.parent || window.parent === window) return;
  if (event.data && event.data.type === "round-explainer:ask-height") reportHeight(true);
});

const prerendered = document.getElementById("explainer");
if (prerendered) {
  // A child with its explainer written in (embed/<story>.html): its story is in the page, and
  // the wasm comes once the reader is likely to want it.
  const { Explainer, ready, whenWanted } = await import("./round-explainer.js");
  whenWanted(prerendered, (replay) => {
    const story = document.querySelector("script.rx-story").textContent;
    ready()
      .then(() => {
        performance.mark("round-explainer:loaded");
        if (params.has("locale")) prerendered.dataset.locale = params.get("locale");
        const explainer = Explainer.mount(prerendered, story, undefined, false);
        if (params.has("scenario")) explainer.setFragment(params.get("scenario"));
        performance.mark("round-explainer:rendered");
        performance.mark("round-explainer:hydrated");
        // What the reader pressed while the wasm was on its way is pressed again.
        replay();
      })
      .catch((error) => {
        // Mount shows a bad story in place; a wasm that cannot start leaves the written figures.
        console.error("round-explainer:", error && error.message ? error.message : error);
        replay(); // lets go of what it recorded (the buttons do nothing now)
        prerendered.querySelector(".rx")?.setAttribute("data-static", "");
      });
  });
} else {
  const story = params.get("story") || "stories/openai-2026.json";
  const storyUrl = new URL(story, location.href);
  if (storyUrl.origin === location.origin) {
    element.setAttribute("src", storyUrl.pathname + storyUrl.search);
  } else {
    // The element shows "give a src attribute…" in place; say why here too.
    console.error(`round-explainer: the story must come from this site, not ${storyUrl.origin}`);
  }
  if (params.has("scenario")) element.setAttribute("scenario", params.get("scenario"));
  if (params.has("locale")) element.setAttribute("locale", params.get("locale"));
  // Defined only now, so the element starts with its attributes already set.
  await import("./round-explainer.js");
}

new ResizeObserver(() => reportHeight()).observe(content);
window.addEventListener("load", () => reportHeight());
