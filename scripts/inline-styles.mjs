// Puts a page's own stylesheets into the page: each <link rel="stylesheet" href="x.css"> of a
// file next to it becomes a <style> with that file's text. A stylesheet link blocks the first
// paint until it has arrived, and on a cold load the request waits its turn with the script,
// the wasm and the story; inline, the article is laid out and painted while those download
// (`make bench`: the article painted about 20 ms sooner, and the explainer with it).
// Usage: node scripts/inline-styles.mjs <page.html>   (rewrites the page in place)
import { readFile, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";

const [page] = process.argv.slice(2);
const html = await readFile(page, "utf8");
const links = [...html.matchAll(/<link rel="stylesheet" href="([\w-]+\.css)">/g)];
if (links.length === 0) throw new Error(`${page} has no stylesheet link to inline`);
let inlined = html;
for (const [link, file] of links) {
  const css = await readFile(join(dirname(page), file), "utf8");
  if (/<\/style/i.test(css)) throw new Error(`${file} contains </style and cannot be inlined`);
  // A function, so that `$&` and the like in the CSS are not read as replacement patterns.
  inlined = inlined.replace(link, () => `<style>/* ${file} */\n${css}</style>`);
}
await writeFile(page, inlined);
