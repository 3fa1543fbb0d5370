// The package's entry: `import "round-explainer"` defines <round-explainer> (www/element.js,
// copied next to this file by scripts/build-package.sh). The wasm and the stylesheet are found
// next to this module, written as `new URL("./file", import.meta.url)` because that is the form
// bundlers recognise as an asset (Vite, webpack 5, Parcel emit the file and rewrite the URL);
// esbuild leaves it alone, so the files are copied next to its bundle (README).
import init, { Explainer } from "./round_explainer.js";
import "./element.js";

// A browser condition without a DOM (a test runner, an edge worker) gets nothing to define, as the
// server entry does; this keeps such an import from throwing.
if (typeof customElements !== "undefined") {
  const element = globalThis[Symbol.for("round-explainer")];
  // The glue starts the wasm once, however many explainers ask, and shares it with
  // "round-explainer/developer": it is the same module.
  const ready = () => init({ module_or_path: new URL("./round_explainer_bg.wasm", import.meta.url) });
  element.define({ ready, Explainer }, { cssUrl: new URL("./explainer.css", import.meta.url).href });
}
