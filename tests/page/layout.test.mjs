// Layout at the widths readers use: legend figures stay whole and inside the card, and a
// provenance note opens where the reader is looking (issue 13, items 19 and 21).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { withBrowser } from "./harness.mjs";

const env = withBrowser();
const read = async (path) => JSON.parse(await readFile(new URL(`../../${path}`, import.meta.url), "utf8"));
const article = await read("www/stories/openai-2026.json");
// The fictional stories of tests/stories/, each with its own article.
const fictional = [
  ["a euro round with a reported post-money", await read("tests/stories/brightwater-eur.json")],
  ["a round in two parts whose lead could be cut", await read("tests/stories/orbital-tranches.json")],
  ["a pound round with a group and two deals", await read("tests/stories/thistle-gbp.json")],
];
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
  for (const [name, story] of [["the article's story", article], ["another story", other], ...fictional]) {
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

for (const width of [375, 1280]) {
  for (const [name, story] of fictional) {
    test(`at ${width} px, ${name}: nothing is wider than the card, every figure opens a note, every preset is honest`, async () => {
      const page = await mounted(story, width);
      const result = await page.evaluate(async () => {
        const root = document.querySelector("round-explainer").shadowRoot;
        const card = root.querySelector(".rx").getBoundingClientRect();
        const wide = [];
        for (const e of root.querySelectorAll(".rx *")) {
          const box = e.getBoundingClientRect();
          if (box.width === 0 && box.height === 0) continue;
          if (e.closest(".rx-sr, .rx-live")) continue; // read aloud, not shown
          if (box.right > card.right + 1 || box.left < card.left - 1) wide.push(`${e.tagName}.${e.getAttribute("class")}`);
        }
        const dead = [];
        const kinds = new Set();
        const clickAll = () => {
          for (const button of root.querySelectorAll("button[data-ref]")) {
            button.click();
            const note = root.querySelector(".rx-provenance");
            if (note.hidden || !root.querySelector(".rx-note-text")?.textContent) dead.push(button.dataset.ref);
            else kinds.add(root.querySelector(".rx-note-kind").textContent);
            button.click();
          }
        };
        clickAll();
        const presets = [];
        for (const preset of root.querySelectorAll("button[data-preset]")) {
          preset.click();
          const pressed = [...root.querySelectorAll("button[data-preset][aria-pressed=true]")].map((b) => b.dataset.preset);
          presets.push(`${preset.dataset.preset}: ${pressed.join(",")}`);
          clickAll();
        }
        return { wide: wide.slice(0, 8), dead, kinds: [...kinds].sort(), presets };
      });
      assert.deepEqual(result.wide, [], "no element wider than its card");
      assert.deepEqual(result.dead, [], "every figure button opens a note, for each preset too");
      for (const line of result.presets) {
        const [preset, pressed] = line.split(": ");
        assert.equal(pressed, preset, `after ${preset} only it is pressed`);
      }
      assert.ok(result.kinds.includes("From the article"), `kinds seen: ${result.kinds}`);
      const status = await page.evaluate(() => document.querySelector("round-explainer").shadowRoot.querySelector(".rx-status").textContent);
      assert.doesNotMatch(status, /price of the round is an assumption/i, "each of these stories reports its price");
    });
  }
}

test("at 375 px, no word of the data table is broken in two", async () => {
  for (const [, story] of [["article", article], ...fictional]) {
    const page = await mounted(story, 375);
    const broken = await page.evaluate(() => {
      const root = document.querySelector("round-explainer").shadowRoot;
      const out = [];
      for (const cell of root.querySelectorAll(".rx-table td:last-child, .rx-table thead th")) {
        const text = cell.textContent.trim();
        if (text.includes(" ")) continue; // may wrap between its words
        const range = document.createRange();
        range.selectNodeContents(cell);
        const lines = new Set([...range.getClientRects()].map((r) => Math.round(r.top)));
        if (lines.size > 1) out.push(text);
      }
      return out;
    });
    assert.deepEqual(broken, [], "one-word cells stay whole");
  }
});
