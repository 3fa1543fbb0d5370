// Writes the explainer into the built pages, so that its figures show at the first paint and
// without script (the wasm then takes them over in place). Everything comes from the native
// `round-explainer` command, which draws the same description the wasm draws:
//   dist/index.html            the article's explainer, its story inline, the page's description
//   dist/embed/<story>.html    an iframe child per story in www/stories/ (from www/embed-child.html)
//   dist/embed-demo.html       its custom element, written into a declarative shadow root
//   dist/cards/<story>.png     its share card (og:image), the scenario's sentence as its alt text
//   dist/oembed/<story>.json   the oEmbed response for each child (type rich), which the child's
//                              <link rel="alternate" type="application/json+oembed"> names
// Usage: [RX_BASE_URL=https://static.example.org/round-explainer/] node scripts/prerender.mjs <binary>
// RX_BASE_URL is where dist/ will be served: oEmbed's iframe and discovery link need absolute
// addresses; without it they are relative to dist/, for a look on this machine.
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { childPage, replaceOnce } from "./embed-child.mjs";

const [binary] = process.argv.slice(2);
const BASE = process.env.RX_BASE_URL ?? "";
const work = join(tmpdir(), `rx-prerender-${process.pid}`);
mkdirSync(work, { recursive: true });

/** One `round-explainer render` output, as text. */
function render(story, format, ...flags) {
  const out = join(work, `out.${format}`);
  execFileSync(binary, ["render", story, "--format", format, ...flags, "-o", out], { stdio: ["ignore", "ignore", "inherit"] });
  return readFileSync(out, "utf8");
}

/** Text for an attribute value or a text node: the sentence is the story's words. */
const escape = (text) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The share card of a story (dist/cards/<id>.png), written once. */
function card(story) {
  const id = story.replace(/^.*\/|\.json$/g, "");
  const file = `dist/cards/${id}.png`;
  mkdirSync("dist/cards", { recursive: true });
  execFileSync(binary, ["render", story, "--format", "png", "-o", file], { stdio: ["ignore", "ignore", "inherit"] });
  return `cards/${id}.png`;
}

/** The page's head additions for a story: its description in the scenario's plain words, and
 * its share card with the same sentence as alt text (`prefix` leads from the page to dist/). */
function head(story, prefix = "") {
  const sentence = escape(render(story, "text").trim().replace(/[\u2068\u2069]/g, ""));
  const image = `${BASE || prefix}${card(story)}`;
  return [
    `<meta name="description" content="${sentence}">`,
    `<meta property="og:description" content="${sentence}">`,
    `<meta property="og:image" content="${escape(image)}">`,
    `<meta property="og:image:width" content="1200">`,
    `<meta property="og:image:height" content="630">`,
    `<meta property="og:image:alt" content="${sentence}">`,
    `<meta name="twitter:card" content="summary_large_image">`,
  ].join("\n  ");
}

// The article page: its explainer host holds a marker, the loading line and a noscript line,
// which the written explainer replaces.
const indexPath = "dist/index.html";
let index = readFileSync(indexPath, "utf8");
const host = index.match(/<!-- prerender:explainer ([\w./-]+) -->[\s\S]*?<\/noscript>/);
if (!host) throw new Error(`${indexPath}: no explainer marker with its loading and noscript lines`);
const articleStory = join("www", host[1]);
// The explainer and its story (`--fragment`); the page links the stylesheets it needs.
const written = render(articleStory, "html", "--fragment");
index = index.replace(host[0], () => written);
index = replaceOnce(index, "<!-- prerender:head -->", head(articleStory), indexPath);
writeFileSync(indexPath, index);

/** The oEmbed response for a story's child: the iframe with the loader, as the README shows. */
function oembed(id, title) {
  const src = `${BASE}embed/${id}.html`;
  const height = 1400;
  const html =
    `<iframe data-round-explainer title="${escape(title)}" src="${escape(src)}" width="100%" height="${height}" style="border:0"></iframe>` +
    `<script src="${escape(`${BASE}embed-loader.min.js`)}"></script>`;
  return { version: "1.0", type: "rich", provider_name: "round-explainer", title, html, width: 640, height };
}

// An iframe child per story, and its oEmbed response. Its stylesheets (minified by the build)
// go inline, each allowed by its hash in the child's policy, as are a story's colours
// (scripts/embed-child.mjs).
mkdirSync("dist/embed", { recursive: true });
mkdirSync("dist/oembed", { recursive: true });
const stories = readdirSync("www/stories").filter((name) => name.endsWith(".json"));
for (const name of stories) {
  const story = join("www/stories", name);
  const text = readFileSync(story, "utf8");
  const title = JSON.parse(text).title;
  const page = `dist/embed/${name.replace(/\.json$/, ".html")}`;
  const id = name.replace(/\.json$/, "");
  const discovery = `<link rel="alternate" type="application/json+oembed" href="${escape(`${BASE || "../"}oembed/${id}.json`)}" title="${escape(String(title))}">`;
  writeFileSync(`dist/oembed/${id}.json`, `${JSON.stringify(oembed(id, String(title)), null, 2)}\n`);
  const explainer = render(story, "html", "--fragment");
  writeFileSync(page, childPage({ title: escape(String(title)), head: `${head(story, "../")}\n  ${discovery}`, explainer }));
}
rmSync("dist/embed-child.html");

// The demo of the three embeds: its custom element written into a declarative shadow root.
const demoPath = "dist/embed-demo.html";
const element = '<round-explainer id="element-embed" src="stories/openai-2026.json"></round-explainer>';
const snippet = execFileSync(binary, ["snippet", "www/stories/openai-2026.json", "--prerendered"], { encoding: "utf8" });
const demo = replaceOnce(readFileSync(demoPath, "utf8"), element, snippet.trim().replace("<round-explainer>", '<round-explainer id="element-embed">'), demoPath);
writeFileSync(demoPath, demo);
rmSync(work, { recursive: true, force: true });
console.log(`prerendered dist/index.html and ${stories.length} iframe children in dist/embed/`);
