// Writes dist/round-explainer.html: the article and the explainer in one file that works when
// double-clicked (file://), where ES modules and fetch are blocked. Everything is inline:
// page and explainer CSS, the story, and classic scripts, with the wasm as base64.
// Usage: node scripts/build-standalone.mjs <no-modules glue dir> <out file>
// The stylesheets are read from the out file's folder, where build-site.sh has minified them.
import { execFileSync } from "node:child_process";
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { minify } from "terser";

const [glueDir, out, binary] = process.argv.slice(2);
const read = (path) => readFile(path, "utf8");
/** A classic script, minified; its top-level names (`wasm_bindgen`) are kept. */
const minified = async (path) => (await minify(await read(path), { compress: true, mangle: true })).code;
const [page, pageCss, explainerCss, element, story, glue, wasm] = await Promise.all([
  read("www/index.html"),
  read(join(dirname(out), "page.css")), // minified by build-site.sh
  read(join(dirname(out), "explainer.css")),
  minified("www/element.js"),
  read("www/stories/openai-2026.json"),
  minified(`${glueDir}/round_explainer.js`),
  readFile(`${glueDir}/round_explainer_bg.wasm`),
]);

/** Text safe inside an inline <script> or <style>. */
function inline(text, what) {
  if (/<\/(script|style)/i.test(text)) throw new Error(`${what} contains a closing tag and cannot be inlined`);
  return text;
}
/** A value as a JavaScript literal safe inside <script>: `<` written as \u003c. */
const json = (value) => JSON.stringify(value).replace(/</g, "\\u003c");
/** JSON text safe inside <script>: `<`, `>`, `&` and U+2028/9 written as \u escapes, as
 * `round-explainer snippet` does (src/view/html.rs). The text itself, not JSON.parse of it,
 * which would drop a key given twice before the model's strict reader could refuse it. */
const jsonText = (text) =>
  text.trim().replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

// The no-modules glue declares a top-level `let wasm_bindgen`, which throws if a page holds two
// copies; inside a function it is local, and a guard keeps a second copy from running at all.
const wasmScript = `(function () {
if (window.__roundExplainerWasm) return;
${inline(glue, "the wasm glue")}
window.__roundExplainerWasm = wasm_bindgen;
})();`;

const startScript = `(function () {
"use strict";
var wasm = window.__roundExplainerWasm;
var base64 = "${wasm.toString("base64")}";
function decode() {
  if (Uint8Array.fromBase64) return Uint8Array.fromBase64(base64);
  // A plain loop: Uint8Array.from with a callback per byte takes tens of milliseconds here.
  var text = atob(base64);
  var bytes = new Uint8Array(text.length);
  for (var i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}
// The bytes are already here, so the module is compiled synchronously (V8 and SpiderMonkey
// compile functions lazily, so this only validates): the explainer then mounts before the
// page's first paint instead of a frame later. A refusal (a CSP without 'wasm-unsafe-eval')
// comes back as a rejected promise, and the element says it needs WebAssembly.
var starting;
function ready() {
  if (!starting) {
    try {
      wasm.initSync({ module: decode() });
      starting = Promise.resolve();
    } catch (error) {
      starting = Promise.reject(error);
    }
  }
  return starting;
}
// element.js keeps its functions under a symbol, not a global name a host page could hold.
var RoundExplainer = window[Symbol.for("round-explainer")];
RoundExplainer.define({ ready: ready, get Explainer() { return wasm.Explainer; } }, { cssText: ${json(explainerCss)} });
var element = document.getElementById("explainer");
// Once: the element highlights through whichever explainer it holds, after any redraw.
element.addEventListener("round-explainer:ready", function () {
  RoundExplainer.followReading(element, document.querySelectorAll("article p[data-part]"));
}, { once: true });
})();`;

// The element with the explainer written into a declarative shadow root, and its story inline
// (`round-explainer snippet --prerendered`): the figures show at the first paint; the wasm,
// started once the reader is likely to want it, takes them over in place.
const snippet = execFileSync(binary, ["snippet", "www/stories/openai-2026.json", "--prerendered"], { encoding: "utf8" });
if (!snippet.startsWith("<round-explainer>") || !snippet.includes(jsonText(story))) {
  throw new Error("round-explainer snippet did not write the element with this story inline");
}
const explainer = snippet.trim().replace("<round-explainer>", '<round-explainer id="explainer" url-state>');

let html = page
  .replace('<link rel="stylesheet" href="page.css">', () => `<style>\n${inline(pageCss, "page.css")}</style>`)
  .replace(/\s*<link rel="stylesheet" href="explainer.css">/, "")
  // The element's shadow root holds its own rule for a page without script.
  .replace(/\s*<noscript><link rel="stylesheet" href="noscript.css"><\/noscript>/, "")
  .replace(/\s*<!-- (Fetch the script|The build puts|The build writes)[^>]*-->/g, "")
  .replace(/\s*<!-- prerender:head -->/, "")
  .replace(/\s*<link rel="(modulepreload|preload)"[^>]*>/g, "")
  .replace(/<div id="explainer"[\s\S]*?<\/div>/, () => explainer)
  .replace(/\s*<script>\s*\/\/ ES modules do not load[\s\S]*?<\/script>/, "")
  .replace(
    '<script type="module" src="main.js"></script>',
    () => `<script>\n${wasmScript}\n</script>\n  <script>\n${inline(element, "element.js")}\n</script>\n  <script>\n${startScript}\n</script>`,
  );
for (const leftover of ['src="main.js"', "page.css", 'id="explainer" data-story', "preload", "<!-- "]) {
  if (html.includes(leftover)) throw new Error(`the standalone page still refers to ${leftover}`);
}
await writeFile(out, html);
console.log(`wrote ${out} (${html.length} bytes)`);
