// A colour per holding (issue 16): each colour a story gives is the computed fill of its
// holding's bar segments and the background of its legend swatch, in the light and in the dark
// theme: in the custom element (theme="dark", and under a strict Content-Security-Policy), and
// in the pre-rendered iframe child, whose policy allows the colours' style attributes by their
// hashes, so they show before the wasm has taken it over, and without script. A host's
// --rx-investor replaces the default palette, never a story's own colours.
import { after, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { childPage } from "../../scripts/embed-child.mjs";
import { withBrowser, DIST } from "./harness.mjs";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const STORIES = join(ROOT, "tests/stories/");
const storyText = readFileSync(join(STORIES, "thistle-gbp.json"), "utf8");
const story = JSON.parse(storyText);
const article = JSON.parse(readFileSync(join(DIST, "stories/openai-2026.json"), "utf8"));

/** `#rrggbb` as getComputedStyle writes it. */
const rgb = (hex) => `rgb(${[1, 3, 5].map((at) => parseInt(hex.slice(at, at + 2), 16)).join(", ")})`;

/** The two investors with colours of their own, by legend label, with their colours. */
const coloured = story.round.tranches[0].investors
  .filter((investor) => investor.colour)
  .map((investor) => ({ name: investor.name, light: rgb(investor.colour.light), dark: rgb(investor.colour.dark) }));
assert.equal(coloured.length, 2, "the fictional story gives two investors their own colours");

// The story's iframe child, written as the build writes those of www/stories/ (its head
// without the share card and oEmbed link, which this test does not need).
const childDir = mkdtempSync(join(tmpdir(), "rx-colours-"));
const fragment = join(childDir, "fragment.html");
execFileSync(join(ROOT, "target/debug/round-explainer"), ["render", join(STORIES, "thistle-gbp.json"), "--format", "html", "--fragment", "-o", fragment]);
const explainer = readFileSync(fragment, "utf8");
const child = childPage({ title: "Thistle", head: "", explainer, dist: DIST, template: join(ROOT, "www/embed-child.html") });
writeFileSync(join(childDir, "thistle-gbp.html"), child);
// The same child under a policy without the colours' hashes, as a host's stricter copy would be.
writeFileSync(join(childDir, "refused.html"), child.replace(/ 'unsafe-hashes'[^;]*/, ""));

const env = withBrowser({ "/embed-test/": `${childDir}/`, "/test-stories/": STORIES });
after(() => rmSync(childDir, { recursive: true, force: true }));

/** For each bar whose legend names `name`: its segment's computed fill and its swatch's
 * background (a bar's segments are in its legend's order). Runs in the page. */
function paintsOf([rootSelector, name]) {
  const find = (selector) => {
    const element = document.querySelector(selector);
    return element?.shadowRoot ? element.shadowRoot.querySelector(".rx") : element;
  };
  const root = find(rootSelector);
  const found = [];
  for (const bar of root.querySelectorAll(".rx-bar")) {
    const items = [...bar.querySelectorAll(".rx-legend > li")];
    const index = items.findIndex((item) => item.querySelector(".rx-legend-label").textContent.replace(/[\u2068\u2069]/g, "") === name);
    if (index < 0) continue;
    const rect = bar.querySelectorAll("svg rect")[index];
    found.push({
      bar: bar.querySelector("figcaption").textContent,
      fill: getComputedStyle(rect).fill,
      swatch: getComputedStyle(items[index].querySelector(".rx-swatch")).backgroundColor,
    });
  }
  return found;
}

/** Asserts each coloured investor is drawn in its `theme` colour in both of its bars. */
async function assertColours(page, rootSelector, theme, where) {
  for (const investor of coloured) {
    const paints = await page.evaluate(paintsOf, [rootSelector, investor.name]);
    assert.equal(paints.length, 2, `${where}: ${investor.name} in the round bar and the ownership bar`);
    for (const paint of paints) {
      const expected = { bar: paint.bar, fill: investor[theme], swatch: investor[theme] };
      assert.deepEqual(paint, expected, `${where}, ${theme}: ${investor.name}`);
    }
  }
}

/** A page at `path` with the story in a custom element (inline, or from `src`), drawn. */
const element = (path, attributes, { inline = true, colorScheme = "light", css = "", text = storyText } = {}) =>
  env.elementPage(attributes, { path, colorScheme, css, inline: inline ? text : undefined });

test("the custom element draws each investor's own colour, light and dark", async () => {
  for (const [theme, attributes] of [["light", {}], ["light", { theme: "light" }], ["dark", { theme: "dark" }]]) {
    const page = await element("fixtures/blank.html", attributes);
    await assertColours(page, "#x", theme, `theme=${attributes.theme ?? "auto"}`);
  }
  // The reader's dark setting, and the element restyled in place when the attribute changes.
  const page = await element("fixtures/blank.html", {}, { colorScheme: "dark" });
  await assertColours(page, "#x", "dark", "the reader's dark setting");
  await page.evaluate(() => document.getElementById("x").setAttribute("theme", "light"));
  await assertColours(page, "#x", "light", "theme=light on a dark setting");
});

test("under a strict Content-Security-Policy the element's colours are set, with no violation", async () => {
  const page = await element("fixtures/csp.html", { src: "/test-stories/thistle-gbp.json", theme: "dark" }, { inline: false });
  await assertColours(page, "#x", "dark", "strict CSP");
  await page.evaluate(() => document.getElementById("x").setAttribute("theme", "light"));
  await assertColours(page, "#x", "light", "strict CSP");
  assert.deepEqual(await page.evaluate(() => window.cspViolations), [], "no policy violation");
});

test("the pre-rendered iframe child shows the colours at once, without script, and once taken over", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const still = await env.newPage({ javaScriptEnabled: false, colorScheme, viewport: { width: 600, height: 900 } });
    await still.goto(`${env.server.url}embed-test/thistle-gbp.html`);
    await assertColours(still, "#explainer > .rx", colorScheme, "the child without script");

    const page = await env.newPage({ colorScheme, viewport: { width: 600, height: 900 } });
    await page.goto(`${env.server.url}embed-test/thistle-gbp.html`);
    await assertColours(page, "#explainer > .rx", colorScheme, "the child before the wasm");
    await page.waitForFunction(() => performance.getEntriesByName("round-explainer:hydrated").length > 0, undefined, { timeout: 10_000 });
    await assertColours(page, "#explainer > .rx", colorScheme, "the child taken over");
    // A redraw (the price slider moved) keeps them.
    await page.locator("input[type=range]").first().press("ArrowLeft");
    await assertColours(page, "#explainer > .rx", colorScheme, "the child after a change");
  }
});

test("colours a page's policy refused before the wasm arrived are set when it takes over", async () => {
  const page = await env.newPage({ viewport: { width: 600, height: 900 }, expectErrors: [/inline style violates/] });
  await page.goto(`${env.server.url}embed-test/refused.html`);
  await page.waitForFunction(() => performance.getEntriesByName("round-explainer:hydrated").length > 0, undefined, { timeout: 10_000 });
  await assertColours(page, "#explainer > .rx", "light", "refused, then taken over");
  assert.ok(env.errorsOf(page).length > 0, "the policy did refuse the written colours");
});

test("a host's --rx-investor replaces the default palette, not a story's own colours", async () => {
  const css = "round-explainer { --rx-investor: rgb(1, 2, 3); --rx-dark-investor: rgb(4, 5, 6); }";
  const page = await element("fixtures/blank.html", {}, { css, text: JSON.stringify(article) });
  const [amazon] = await page.evaluate(paintsOf, ["#x", "Amazon"]);
  assert.equal(amazon.fill, "rgb(1, 2, 3)", "Amazon's default tone gives way to the host's colour");
  const dark = await element("fixtures/blank.html", { theme: "dark" }, { css, text: JSON.stringify(article) });
  assert.equal((await dark.evaluate(paintsOf, ["#x", "Amazon"]))[0].swatch, "rgb(4, 5, 6)", "and its dark twin");
  const own = await element("fixtures/blank.html", {}, { css });
  await assertColours(own, "#x", "light", "the story's own colours under the host's");
});
