// Layout at the widths readers use: legend figures stay whole and inside the card, and a
// provenance note opens where the reader is looking (issue 13, items 19 and 21).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { withBrowser } from "./harness.mjs";

const env = withBrowser();
const article = JSON.parse(await readFile(new URL("../../www/stories/openai-2026.json", import.meta.url), "utf8"));
// A story that is not the article's: one tranche, Amazon alone, SoftBank on by default.
const other = structuredClone(article);
other.round.tranches = [{ ...article.round.tranches[0], investors: [article.round.tranches[0].investors[0]] }];
other.separate_deals[0].on_by_default = true;

/** Mounts `story` inline in an element on the blank page, at `width` × `height`. */
async function mounted(story, width, height = 900) {
  const page = await env.newPage({ viewport: { width, height } });
  await page.goto(`${env.server.url}fixtures/blank.html`);
  await page.evaluate(async (text) => {
    await import("/round-explainer.js");
    const element = document.createElement("round-explainer");
    const block = document.createElement("script");
    block.type = "application/json";
    block.textContent = text;
    element.append(block);
    document.body.append(element);
  }, JSON.stringify(story));
  await page.waitForFunction(() => document.querySelector("round-explainer")?.dataset.state === "ready");
  return page;
}

for (const width of [320, 375]) {
  for (const [name, story] of [["the article's story", article], ["another story", other]]) {
    test(`at ${width} px, ${name}: every legend figure is on one line and inside the card`, async () => {
      const page = await mounted(story, width);
      const problems = await page.evaluate(() => {
        const root = document.querySelector("round-explainer").shadowRoot;
        const card = root.querySelector(".rx").getBoundingClientRect();
        const inner = { left: card.left + 8, right: card.right - 8 };
        const out = [];
        for (const button of root.querySelectorAll(".rx-legend .rx-fig")) {
          const box = button.getBoundingClientRect();
          const lines = button.getClientRects().length;
          const tall = box.height > parseFloat(getComputedStyle(button).lineHeight) * 1.5 + 4;
          if (tall || lines > 1) out.push(`${button.textContent} wraps (${Math.round(box.height)} px)`);
          if (box.right > inner.right || box.left < inner.left) out.push(`${button.textContent} at ${Math.round(box.left)}..${Math.round(box.right)}, card ${inner.left}..${inner.right}`);
        }
        return out;
      });
      assert.deepEqual(problems, []);
    });
  }
}

/** Whether the open note is on screen: its top inside the window. */
const noteOnScreen = (page, within = "document") =>
  page.evaluate((within) => {
    const root = within === "document" ? document : document.querySelector("round-explainer").shadowRoot;
    const note = root.querySelector(".rx-provenance:not([hidden])");
    if (!note) return "no open note";
    const box = note.getBoundingClientRect();
    return box.top >= 0 && box.top < window.innerHeight - 20 ? "on screen" : `at ${Math.round(box.top)} in a ${window.innerHeight} px window`;
  }, within);

test("at 320 × 256, a note opens where the reader is looking", async () => {
  const page = await mounted(article, 320, 256);
  const figure = page.locator("round-explainer .rx-table .rx-fig").last();
  await figure.scrollIntoViewIfNeeded();
  await figure.click();
  assert.equal(await noteOnScreen(page, "element"), "on screen");
});

test("at 1280 × 800 on the article page, a note from the foot of the sticky column is on screen", async () => {
  const page = await env.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(env.server.url);
  await page.waitForSelector("#explainer[data-ready]");
  const figure = page.locator("#explainer .rx-table .rx-fig").last();
  await figure.scrollIntoViewIfNeeded();
  await figure.click();
  assert.equal(await noteOnScreen(page), "on screen");
});

test("the host page sets the element's heading level, and changes it", async () => {
  const page = await mounted(article, 1280);
  const tags = () =>
    page.evaluate(() => {
      const root = document.querySelector("round-explainer").shadowRoot;
      return [root.querySelector(".rx-title").tagName, root.querySelector(".rx-h").tagName];
    });
  assert.deepEqual(await tags(), ["H2", "H3"], "h2 and h3 by default");
  await page.evaluate(() => document.querySelector("round-explainer").setAttribute("heading-level", "3"));
  await page.waitForFunction(() => document.querySelector("round-explainer").shadowRoot.querySelector(".rx-title")?.tagName === "H3");
  assert.deepEqual(await tags(), ["H3", "H4"]);
});
