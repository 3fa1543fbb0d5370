// The <round-explainer> custom element, as an ES module: load it once (or twice: it is
// harmless) and write <round-explainer src="stories/openai-2026.json"></round-explainer>.
import init, { Explainer, liveListenerCount } from "./pkg-embed/round_explainer.js";
import "./element.js";

let starting;
/** Starts the wasm once for every explainer on the page. Its address is given because the build
 * bundles this file with the glue, away from the wasm the glue would look for next to itself. */
export const ready = () => (starting ??= init({ module_or_path: new URL("pkg-embed/round_explainer_bg.wasm", import.meta.url) }));

// element.js keeps its functions under a symbol, not a global name a host page could hold.
const element = globalThis[Symbol.for("round-explainer")];
element.define({ ready, Explainer }, { cssUrl: new URL("explainer.css", import.meta.url).href });

export const followReading = element.followReading;
/** Calls back once an explainer is likely to be wanted (element.js). */
export const whenWanted = element.whenWanted;
/** The explainer itself, for pages that take over one they hold (the iframe child). */
export { Explainer };
/** How many listeners and timers this module's explainers hold (zero once all are taken down). */
export { liveListenerCount };
