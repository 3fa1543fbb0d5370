// Styles a host page sets on an ancestor are inherited through the shadow root (and, on the
// article page, straight into the explainer): the explainer resets those it does not mean to
// take, so its figures are not dots, not sideways, not uppercase, and a long unbroken name
// wraps inside the card instead of widening the page. Forced colours keep the pressed preset
// and the chart's key apart.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { withBrowser, DIST } from "./harness.mjs";

const env = withBrowser();
const article = JSON.parse(await readFile(`${DIST}stories/openai-2026.json`, "utf8"));

/** Puts an explainer with `story` inline into `#parent`, and waits until it has drawn. */
async function mountInline(page, parent, story) {
  await page.evaluate(([parent, json]) => {
    const element = document.createElement("round-explainer");
    element.id = "x";
    const script = document.createElement("script");
    script.type = "application/json";
    script.textContent = json;
    element.append(script);
    document.getElementById(parent).append(element);
  }, [parent, JSON.stringify(story)]);
  await page.waitForFunction(() => document.getElementById("x")?.dataset.state === "ready", undefined, { timeout: 10_000 });
}

/** The computed styles the tests care about, of the first element matching `selector`. */
const looks = (page, selector) =>
  page.locator(selector).first().evaluate((e) => {
    const s = getComputedStyle(e);
    const box = e.getBoundingClientRect();
    return {
      textSecurity: s.webkitTextSecurity,
      fillIsColor: s.webkitTextFillColor === s.color,
      whiteSpace: s.whiteSpace,
      writingMode: s.writingMode,
      textTransform: s.textTransform,
      letterSpacing: s.letterSpacing,
      wordSpacing: s.wordSpacing,
      textIndent: s.textIndent,
      fontStyle: s.fontStyle,
      fontVariant: s.fontVariant,
      textShadow: s.textShadow,
      direction: s.direction,
      wider: box.width > box.height,
    };
  });

const PLAIN = {
  textSecurity: "none", fillIsColor: true, whiteSpace: "normal", writingMode: "horizontal-tb",
  textTransform: "none", letterSpacing: "normal", wordSpacing: "0px", textIndent: "0px",
  fontStyle: "normal", fontVariant: "normal", textShadow: "none", direction: "ltr", wider: true,
};

test("inherited host styles do not reach the custom element's figures", async () => {
  const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.server.url}fixtures/inherited.html`);
  await mountInline(page, "sideways", article);
  for (const selector of ["#x .rx-big", "#x .rx-title", "#x .rx-table tbody th"]) {
    assert.deepEqual(await looks(page, selector), PLAIN, selector);
  }
});

test("inherited host styles do not reach the article page's explainer", async () => {
  const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(env.server.url);
  await page.waitForSelector("#explainer[data-ready]", { timeout: 10_000 });
  await page.addStyleTag({ url: "/fixtures/inherited.css" });
  await page.evaluate(() => document.querySelector(".explainer-column").classList.add("inherits"));
  for (const selector of [".rx-big", ".rx-title", ".rx-table tbody th"]) {
    assert.deepEqual(await looks(page, selector), PLAIN, selector);
  }
});

/** Every element in the explainer's card, and how far it reaches past the card's sides. */
const overflowOf = (page) =>
  page.evaluate(() => {
    const card = document.getElementById("x").shadowRoot.querySelector(".rx");
    const edge = card.getBoundingClientRect();
    const out = [];
    for (const e of card.querySelectorAll("*")) {
      const box = e.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      if (box.right > edge.right + 1 || box.left < edge.left - 1) out.push(`${e.tagName}.${e.getAttribute("class")} ${Math.round(box.left)}..${Math.round(box.right)}`);
    }
    return { card: [Math.round(edge.left), Math.round(edge.right)], out: out.slice(0, 8), page: document.documentElement.scrollWidth, window: window.innerWidth };
  });

// At the longest a name may be (300 characters, at most 8 combining marks in a row): a longer one
// is refused with its path (tests/malformed/long-name.json, combining-tower.json).
for (const [what, name] of [["a 300-character word", "W".repeat(300)], ["8 combining marks on each of 33 letters", `A${"\u0301".repeat(8)}`.repeat(33)]]) {
  test(`an investor named with ${what} wraps inside the card, under host styles that say nowrap`, async () => {
    const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await page.goto(`${env.server.url}fixtures/inherited.html`);
    const story = structuredClone(article);
    story.round.tranches[0].investors[0].name = name; // Amazon, the focus investor
    story.round.tranches[0].investors[1].name = name;
    await mountInline(page, "flow", story);
    const seen = await overflowOf(page);
    assert.ok(seen.page <= seen.window, `the page is not wider than the window: ${seen.page} > ${seen.window}`);
    assert.deepEqual(seen.out, [], `nothing wider than the card ${seen.card}`);
  });
}

test("forced colours: the pressed preset differs from the others, and the legend keeps its key", async () => {
  for (const path of ["", "fixtures/element.html"]) {
    const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    await page.emulateMedia({ forcedColors: "active" });
    await page.goto(env.server.url + path);
    if (path) {
      await page.evaluate(() => {
        const element = document.createElement("round-explainer");
        element.setAttribute("src", "/stories/openai-2026.json");
        document.getElementById("first").append(element);
      });
    }
    await page.waitForSelector(".rx-headline", { timeout: 10_000 });
    const paint = (selector) =>
      page.locator(selector).first().evaluate((e) => {
        const s = getComputedStyle(e);
        return { background: s.backgroundColor, image: s.backgroundImage, border: `${s.borderTopWidth} ${s.borderTopColor}`, color: s.color, fill: s.fill };
      });
    const pressed = await paint(".rx-preset[aria-pressed=true]");
    const unpressed = await paint(".rx-preset[aria-pressed=false]");
    assert.ok(pressed.background !== unpressed.background || pressed.border !== unpressed.border,
      `${path || "article page"}: pressed ${JSON.stringify(pressed)} against ${JSON.stringify(unpressed)}`);
    const card = await paint(".rx");
    const transparent = "rgba(0, 0, 0, 0)";
    const swatches = await page.locator(".rx-legend .rx-swatch").evaluateAll((all) =>
      all.map((e) => { const s = getComputedStyle(e); return { cls: e.getAttribute("class"), background: s.backgroundColor, image: s.backgroundImage }; }));
    assert.ok(swatches.length >= 3, `swatches: ${swatches.length}`);
    const keys = new Set();
    for (const swatch of swatches) {
      const painted = swatch.image !== "none" || (swatch.background !== transparent && swatch.background !== card.background);
      assert.ok(painted, `${path || "article page"}: swatch ${JSON.stringify(swatch)} shows against the card's ${card.background}`);
      keys.add(`${swatch.background} ${swatch.image}`);
    }
    const kinds = new Set(swatches.map((s) => s.cls));
    assert.equal(keys.size, kinds.size, `each kind of swatch is told apart: ${[...keys].join(" | ")}`);
    const bars = await page.locator(".rx-bar rect").evaluateAll((all) => all.map((e) => getComputedStyle(e).fill));
    assert.ok(bars.length >= 2 && new Set(bars).size >= 2, `the bar's parts keep distinct fills: ${bars.join(", ")}`);
  }
});
