// axe-core, injected into headless Chromium, on the article page, the one-file build and the
// iframe child: zero violations of the WCAG
// 2.0/2.1 A and AA and 2.2 AA rules, in light and dark, at 320 and 1280 px, with and without
// reduced motion. Then a keyboard-only pass over the explainer's controls.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createRequire } from "node:module";
import { withBrowser, DIST } from "./harness.mjs";

const AXE = createRequire(import.meta.url).resolve("axe-core/axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

const env = withBrowser();

async function audit(page) {
  await page.addScriptTag({ path: AXE });
  const result = await page.evaluate((tags) => window.axe.run(document, { runOnly: { type: "tag", values: tags } }), TAGS);
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).slice(0, 3).join("; ")})`);
}

const PAGES = {
  "article page": () => env.server.url,
  "one-file build": () => `file://${DIST}round-explainer.html`,
  "iframe child": () => `${env.server.url}embed.html?story=stories/openai-2026.json`,
};

for (const [name, url] of Object.entries(PAGES)) {
  for (const colorScheme of ["light", "dark"]) {
    for (const width of [320, 1280]) {
      for (const reducedMotion of ["no-preference", "reduce"]) {
        test(`no axe violations: ${name}, ${colorScheme}, ${width} px, reduced motion ${reducedMotion}`, async () => {
          const page = await env.newPage({ viewport: { width, height: 900 }, colorScheme, reducedMotion });
          await page.goto(url());
          await page.waitForSelector(".rx-headline .rx-fig"); // Playwright pierces the shadow roots
          // Open a provenance note too, so it is audited.
          await page.click(".rx-headline .rx-fig");
          assert.deepEqual(await audit(page), []);
          if (reducedMotion === "reduce") {
            const transition = await page.locator(".rx-section").first().evaluate((e) => getComputedStyle(e).transitionDuration);
            assert.equal(transition, "0s", "no transitions under reduced motion");
          }
        });
      }
    }
  }
}

test("keyboard only: every control is reached in order, operated, and shows its focus ring", async () => {
  const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(env.server.url);
  await page.waitForSelector("#explainer[data-ready]");
  // Start at the explainer's first figure, as a reader tabbing in from the article would.
  await page.focus(".rx-headline .rx-fig");
  const order = [];
  for (let i = 0; i < 40; i++) {
    const here = await page.evaluate(() => {
      const el = document.activeElement;
      return el.dataset.control ?? el.dataset.deal ?? el.dataset.preset ?? el.dataset.download ?? null;
    });
    if (here && !order.includes(here)) order.push(here);
    await page.keyboard.press("Tab");
  }
  // No "upper end": for the article's story it is the article's figures (one button, not two).
  const controls = ["article", "low_end", "amazon", "softbank", "round", "pre", "csv", "json"];
  assert.deepEqual(order.filter((c) => controls.includes(c)), controls, "controls in reading order (SoftBank's slider is skipped while off)");

  await page.focus("input[data-control=amazon]");
  const ring = await page.evaluate(() => getComputedStyle(document.activeElement).outlineWidth);
  assert.equal(ring, "3px", "a visible focus ring");
  const amazon = () => page.textContent("[data-part=control-amazon] .rx-value");
  await page.keyboard.press("ArrowLeft");
  assert.equal(await amazon(), "$49B", "arrow: one step");
  await page.keyboard.press("PageDown");
  assert.equal(await amazon(), "$45B", "PageDown: a tenth");
  await page.keyboard.press("Home");
  assert.equal(await amazon(), "$10B", "Home: the low end");
  await page.keyboard.press("End");
  assert.equal(await amazon(), "$50B", "End: the high end");

  await page.focus("input[data-deal=softbank]");
  await page.keyboard.press("Space");
  assert.match(await page.textContent(".rx-headline"), /\$630B/, "Space toggles SoftBank's deal");
  await page.focus("button[data-preset=low_end]");
  await page.keyboard.press("Enter");
  assert.equal(await amazon(), "$10B", "Enter applies a preset");
  await page.focus("button[data-ref='source:project-rainier']");
  await page.keyboard.press("Enter");
  assert.match(await page.textContent(".rx-provenance"), /Project Rainier/, "Enter opens a figure's source");
  await page.keyboard.press("Escape");
  assert.equal(await page.getAttribute(".rx-provenance", "hidden"), "", "Escape closes it");
});
