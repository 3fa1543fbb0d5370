// An iframe child page (dist/embed/<story>.html) from www/embed-child.html: the explainer
// written in, the built stylesheets inline, and its Content-Security-Policy allowing each of
// them by its hash. A story that gives holdings colours of their own writes them as custom
// properties in style attributes (src/view/colours.rs), which the policy allows by their hashes
// with 'unsafe-hashes', so they show at the first paint and without script; a story without
// colours writes none, and its policy stays as it was. Used by scripts/prerender.mjs for the
// stories in www/stories/, and by the page tests for a fictional story.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

/** A CSP source for `text` by its SHA-256. */
const hashOf = (text) => `'sha256-${createHash("sha256").update(text).digest("base64")}'`;

/** Replaces the one `marker` in `html`, or fails the build. */
export function replaceOnce(html, marker, text, where) {
  const at = html.indexOf(marker);
  if (at < 0 || html.indexOf(marker, at + 1) >= 0) throw new Error(`${where}: expected one ${marker}`);
  return html.slice(0, at) + text + html.slice(at + marker.length);
}

/** The values of the style attributes in `html`, each once. Only tags are searched: story text
 * is escaped (no `<` or `>` in it), and attribute values have their `"` escaped. */
export function styleAttributes(html) {
  const values = new Set();
  for (const [tag] of html.matchAll(/<[a-z][^>]*>/g)) {
    for (const [, value] of tag.matchAll(/\sstyle="([^"]*)"/g)) {
      values.add(value.replace(/&quot;/g, '"').replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&"));
    }
  }
  return [...values];
}

/** The child page for one story: `explainer` is `round-explainer render --format html
 * --fragment`, `head` what goes into its head (description, share card, oEmbed link). */
export function childPage({ title, head, explainer, dist = "dist", template = "www/embed-child.html" }) {
  const styles = ["embed.css", "explainer.css"].map((file) => readFileSync(`${dist}/${file}`, "utf8"));
  const attributes = styleAttributes(explainer);
  const sources = [
    ...styles.map(hashOf),
    ...(attributes.length > 0 ? ["'unsafe-hashes'", ...attributes.map(hashOf)] : []),
  ];
  let page = readFileSync(template, "utf8");
  page = replaceOnce(page, "<!-- prerender:style-hashes -->", sources.join(" "), template);
  page = replaceOnce(page, "<!-- prerender:styles -->", styles.map((css) => `<style>${css}</style>`).join("\n  "), template);
  page = replaceOnce(page, "<!-- prerender:title -->", title, template);
  page = replaceOnce(page, "<!-- prerender:head -->", head, template);
  return replaceOnce(page, "<!-- prerender:explainer -->", explainer, template);
}
