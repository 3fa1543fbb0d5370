// The explainer written into the built pages (scripts/prerender.mjs) before any script runs:
// readable without JavaScript, taken over by the wasm without a change (the pre-rendered HTML
// equals what the wasm draws), without a second fetch of the story, with the wasm off the
// article's critical path, and with no layout shift. A slider moved before the wasm arrived
// keeps its position and the figures catch up.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser } from "./harness.mjs";

const env = withBrowser();

/** The pages that hold a pre-rendered explainer, and how to find its root in each. */
const PAGES = {
  "the article page": { path: "index.html", root: () => document.querySelector("#explainer > .rx") },
  "the story's iframe child": { path: "embed/openai-2026.html", root: () => document.querySelector("#explainer > .rx") },
  "the one-file build": {
    path: "round-explainer.html",
    root: () => document.querySelector("round-explainer").shadowRoot.querySelector(".rx"),
  },
  "the demo's custom element": {
    path: "embed-demo.html",
    root: () => document.querySelector("#element-embed").shadowRoot.querySelector(".rx"),
  },
};

/** The explainer's root as the page's HTML has it, parsed from the file (a declarative shadow
 * root's content is read from its template), serialised the same way as the live one. */
function writtenRoot() {
  return fetch(location.href)
    .then((response) => response.text())
    .then((html) => {
      const doc = new DOMParser().parseFromString(html, "text/html");
      const template = doc.querySelector("#element-embed > template, round-explainer > template");
      return (template ? template.content : doc).querySelector(".rx");
    });
}

const hydrated = (page) =>
  page.waitForFunction(() => performance.getEntriesByName("round-explainer:hydrated").length > 0, undefined, { timeout: 10_000 });

for (const [name, { path }] of Object.entries(PAGES).slice(0, 2)) {
  test(`${name} without JavaScript shows the figures and their sources, and no controls`, async () => {
    const page = await env.newPage({ javaScriptEnabled: false, viewport: { width: 375, height: 800 } });
    await page.goto(`${env.server.url}${path}`);
    const headline = await page.textContent(".rx-headline");
    assert.match(headline, /\$600B/, "the post-money valuation");
    assert.match(headline, /8\.33%/, "Amazon's stake");
    assert.equal(await page.isVisible(".rx-controls"), false, "no controls that cannot work");
    assert.equal(await page.isVisible(".rx-noscript"), true, "what needs script says so");
    assert.equal(await page.isVisible("text=Loading"), false, "nothing waits for a script");
    await page.click(".rx-sources summary");
    assert.match(await page.textContent(".rx-sources"), /as much as \$50 billion in OpenAI/, "the article's sentences");
    assert.equal(await page.isVisible(".rx-sources blockquote >> nth=0"), true, "the sources open without script");
  });
}

for (const [name, { path, root }] of Object.entries(PAGES)) {
  test(`${name}: the wasm takes over the written explainer without changing it`, async () => {
    const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
    const requests = [];
    page.on("request", (request) => requests.push(new URL(request.url()).pathname));
    await page.addInitScript(() => {
      window.shifts = [];
      new PerformanceObserver((list) => window.shifts.push(...list.getEntries().map((e) => e.value))).observe({
        type: "layout-shift",
        buffered: true,
      });
    });
    await page.goto(`${env.server.url}${path}`);
    // Read as soon as the page is in: it must already hold the figures (no "Loading…").
    const first = await page.evaluate(`(${root})().querySelector(".rx-headline").textContent`);
    assert.match(first, /\$600B/, "the figures are in the page before any script has run");
    await hydrated(page);
    const same = await page.evaluate(
      async ([rootSource, writtenSource]) => {
        const live = eval(`(${rootSource})()`).cloneNode(true);
        live.removeAttribute("data-highlight"); // set by the page's reading guide, not the view
        const written = await eval(`(${writtenSource})`)();
        return written.isEqualNode(live);
      },
      [root.toString(), writtenRoot.toString()],
    );
    assert.equal(same, true, "the pre-rendered HTML equals what the wasm draws for the same story and scenario");
    assert.ok(!requests.some((p) => p.endsWith("/openai-2026.json")), `the story is not fetched again: ${requests.join(", ")}`);
    const shift = await page.evaluate(() => window.shifts.reduce((a, b) => a + b, 0));
    assert.equal(shift, 0, "no layout shift from loading to taken over");
    // Moving a slider now is the wasm's work: the figures follow.
    await page.evaluate(`(() => { const s = (${root})().querySelector("input[data-control=amazon]"); s.value = "30"; s.dispatchEvent(new Event("input", { bubbles: true })); })()`);
    assert.match(await page.evaluate(`(${root})().querySelector(".rx-headline").textContent`), /for \$40B/, "the sliders work once taken over");
  });
}

test("the wasm loads after the article's largest paint, not on its critical path", async () => {
  const page = await env.newPage({ viewport: { width: 375, height: 800 } });
  await page.addInitScript(() => {
    window.lcp = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.lcp = Math.max(window.lcp, entry.startTime);
    }).observe({ type: "largest-contentful-paint", buffered: true });
  });
  await page.goto(`${env.server.url}index.html`);
  await hydrated(page);
  const { lcp, wasmAt, loadAt } = await page.evaluate(() => ({
    lcp: window.lcp,
    wasmAt: performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"))?.startTime,
    loadAt: performance.getEntriesByType("navigation")[0].loadEventStart,
  }));
  assert.ok(lcp > 0, "the article had a largest paint");
  assert.ok(wasmAt > lcp && wasmAt >= loadAt, `the wasm was asked for at ${wasmAt} ms, after the largest paint at ${lcp} ms and the load at ${loadAt} ms`);
});

/** Holds every request for the wasm until the function it gives is called. */
async function holdWasm(page) {
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await page.route("**/*.wasm", async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test("a slider moved before the wasm arrived keeps its position, and the figures catch up", async () => {
  const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
  // Hold the wasm until the reader has moved the slider (on the pre-rendered page, the native
  // range input moves by itself; nothing updates the figures yet).
  const release = await holdWasm(page);
  await page.goto(`${env.server.url}embed/openai-2026.html`);
  const slider = page.locator("input[data-control=amazon]");
  await slider.focus(); // the first focus asks for the wasm
  const before = Number(await slider.inputValue());
  await page.keyboard.press("ArrowLeft");
  await page.keyboard.press("ArrowLeft");
  assert.equal(Number(await slider.inputValue()), before - 2, "the native slider moved");
  assert.match(await page.textContent(".rx-headline"), /8\.33%for \$50B/, "no script has updated the figures yet");
  release();
  await hydrated(page);
  assert.equal(Number(await slider.inputValue()), before - 2, "the slider kept its position");
  const headline = await page.textContent(".rx-headline");
  assert.match(headline, /8\.00%for \$48B/, `the figures caught up: ${headline}`);
  assert.match(await slider.getAttribute("aria-valuetext"), /billion/, "and the slider says its value");
});

test("print: the figures and their sources, no controls", async () => {
  const page = await env.newPage({ viewport: { width: 800, height: 1000 } });
  await page.emulateMedia({ media: "print" });
  await page.goto(`${env.server.url}embed/openai-2026.html`);
  assert.equal(await page.isVisible(".rx-controls"), false, "no controls on paper");
  assert.match(await page.textContent(".rx-headline"), /\$600B/);
  const quote = page.locator(".rx-sources blockquote").first();
  assert.equal(await quote.isVisible(), true, "every sentence printed, the disclosure open");
});

test("AMP: the child reports its height in amp-iframe's embed-size message", async () => {
  const page = await env.newPage({ viewport: { width: 600, height: 800 } });
  await page.goto(`${env.server.url}fixtures/blank.html`);
  const message = await page.evaluate(
    () =>
      new Promise((resolve) => {
        window.addEventListener("message", (event) => {
          if (event.data && event.data.sentinel === "amp") resolve(event.data);
        });
        const frame = document.createElement("iframe");
        frame.src = "/embed/openai-2026.html";
        frame.style.width = "400px";
        document.body.append(frame);
      }),
  );
  assert.equal(message.type, "embed-size");
  assert.ok(message.height > 1000, `the explainer's whole height: ${message.height}`);
});

test("oEmbed: the child names its response, whose HTML embeds it and sizes itself", async () => {
  const page = await env.newPage({ viewport: { width: 800, height: 800 } });
  await page.goto(`${env.server.url}embed/openai-2026.html`);
  const href = await page.getAttribute('link[rel=alternate][type="application/json+oembed"]', "href");
  const response = await page.evaluate((href) => fetch(new URL(href, location.href)).then((r) => r.json()), href);
  assert.equal(response.version, "1.0");
  assert.equal(response.type, "rich");
  assert.match(response.title, /OpenAI/);
  assert.ok(response.width > 0 && response.height > 0);
  // A CMS pastes the HTML into a page at the site's root (this build's addresses are relative
  // to dist/; RX_BASE_URL makes them absolute).
  await page.goto(`${env.server.url}fixtures/blank.html`);
  await page.evaluate((html) => {
    const base = document.createElement("base");
    base.href = "/";
    document.head.append(base);
    document.body.append(document.createRange().createContextualFragment(html));
  }, response.html);
  await page.waitForFunction(
    () => {
      const frame = document.querySelector("iframe[data-round-explainer]");
      return frame && frame.style.height && frame.style.height !== "1400px";
    },
    undefined,
    { timeout: 10_000 },
  );
  const inside = page.frameLocator("iframe[data-round-explainer]");
  assert.match(await inside.locator(".rx-headline").textContent(), /\$600B/);
});

test("a preset pressed before the wasm arrived is pressed again once it has", async () => {
  const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
  const release = await holdWasm(page);
  await page.goto(`${env.server.url}embed/openai-2026.html`);
  await page.click("button[data-preset=low_end]"); // asks for the wasm; nothing listens yet
  assert.match(await page.textContent(".rx-headline"), /\$600B/, "nothing has changed yet");
  release();
  await hydrated(page);
  await page.waitForFunction(() => /\$550B/.test(document.querySelector(".rx-headline").textContent), undefined, { timeout: 5000 });
  assert.equal(await page.getAttribute("button[data-preset=low_end]", "aria-pressed"), "true");
});
