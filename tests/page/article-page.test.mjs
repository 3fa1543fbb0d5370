// The built article page over http: the release wasm loads, the explainer shows the default
// figures beside the article, follows the reader's scrolling, and keeps its state in the URL.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser, watchRequests } from "./harness.mjs";

const env = withBrowser();

// Any page error or console error fails the test (harness.mjs).
async function open(options = {}) {
  const { hash, ...pageOptions } = options;
  const page = await env.newPage(pageOptions);
  await page.goto(env.server.url + (hash ?? ""));
  await page.waitForSelector("#explainer[data-ready]", { timeout: 10_000 });
  return page;
}

test("dist/index.html shows the article and the default figures", async () => {
  const page = await open({ viewport: { width: 1280, height: 900 } });
  const headline = await page.textContent(".rx-headline");
  for (const figure of ["$100B", "$600B", "8.33%", "16.67%"]) assert.ok(headline.includes(figure), `${figure} in ${headline}`);
  const [figureSize, labelSize] = await page.evaluate(() =>
    [".rx-big", ".rx-tile-label"].map((selector) => parseFloat(getComputedStyle(document.querySelector(selector)).fontSize)),
  );
  assert.ok(figureSize >= 1.5 * labelSize, `the headline figures stand out: ${figureSize}px against labels of ${labelSize}px`);
  const article = await page.textContent("article");
  assert.match(article, /Amazon is in active discussions to invest as much as \$50 billion/);
  assert.doesNotMatch(article, /Photo: Bloomberg|\.jpg\)/, "no caption leftovers");
  const [text, explainer] = await Promise.all([page.$(".lede").then((e) => e.boundingBox()), page.$("#explainer").then((e) => e.boundingBox())]);
  assert.ok(explainer.x > text.x + text.width, "side by side at 1280 px");
});

// The stylesheets are inline (scripts/inline-styles.mjs), so the first paint waits for no request,
// and each preloaded file is used, not fetched a second time.
test("dist/index.html requests its script and the wasm once each, and no stylesheet or story: the page holds them", async () => {
  const page = await env.newPage();
  const requested = watchRequests(page);
  await page.goto(env.server.url);
  await page.waitForSelector("#explainer[data-ready]", { timeout: 10_000 });
  assert.deepEqual(requested.sort(), ["/", "/main.js", "/pkg-embed/round_explainer_bg.wasm"]);
  assert.equal(await page.$eval(".rx", (e) => getComputedStyle(e).fontFamily.includes("system-ui")), true, "explainer styled");
});

for (const width of [320, 375]) {
  test(`at ${width} px the explainer follows the lede, in one column`, async () => {
    const page = await open({ viewport: { width, height: 800 } });
    const [lede, explainer, rest] = await Promise.all(
      [".lede", "#explainer", ".rest"].map((s) => page.$(s).then((e) => e.boundingBox())),
    );
    assert.ok(lede.y + lede.height <= explainer.y && explainer.y + explainer.height <= rest.y, "stacked in reading order");
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.equal(overflow, 0, "nothing wider than the phone");
  });
}

// In one column the explainer sits between the lede and the rest of the article: when it
// arrives, the rest must not jump under the reader's eyes. The wasm is held back so that the
// page is painted with its placeholder first, as on a slow network.
for (const [width, height] of [[800, 900], [600, 1000], [375, 667]]) {
  test(`at ${width} x ${height} the article does not move when the explainer arrives`, async () => {
    const page = await env.newPage({ viewport: { width, height } });
    await page.route("**/round_explainer_bg.wasm", async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 400));
      await route.continue();
    });
    await page.goto(env.server.url);
    await page.waitForSelector("#explainer[data-ready]", { timeout: 10_000 });
    const shifts = await page.evaluate(
      () =>
        new Promise((resolve) => {
          const seen = [];
          new PerformanceObserver((list) => seen.push(...list.getEntries())).observe({ type: "layout-shift", buffered: true });
          // Entries are reported after the frame that moved things: two frames and a pause.
          requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(() => resolve(seen.map((e) => e.value)), 200)));
        }),
    );
    const total = shifts.reduce((sum, value) => sum + value, 0);
    assert.ok(total < 0.01, `layout shift ${total.toFixed(3)} (${shifts.length} shifts)`);
  });
}

test("the paragraph being read highlights its part of the explainer, and back", async () => {
  const page = await open({ viewport: { width: 1280, height: 900 } });
  const highlighted = () => page.getAttribute(".rx", "data-highlight");
  await page.evaluate(() => document.querySelector(".rest p[data-part=comparisons]").scrollIntoView({ block: "center" }));
  await page.waitForFunction(() => document.querySelector(".rx").dataset.highlight === "comparisons");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForFunction(() => document.querySelector(".rx").dataset.highlight !== "comparisons");
  assert.notEqual(await highlighted(), "comparisons", "scrolling back restores the earlier state");
});

test("the scenario is shared through the URL fragment", async () => {
  const page = await open({ hash: "#v1&amazon=40B&softbank=on" });
  const headline = await page.textContent(".rx-headline");
  // $500B + $100B round + SoftBank's $30B; Amazon's $40B of it is 40/630.
  assert.ok(headline.includes("$630B") && headline.includes("6.35%"), headline);
  await page.click("button[data-preset=article]");
  // Written once input rests; defaults are omitted.
  await page.waitForFunction(() => location.hash === "");
});

test("Get the data downloads the current figures as CSV and JSON", async () => {
  const page = await open({ hash: "#v1&amazon=40B" });
  const save = async (format) => {
    const [download] = await Promise.all([page.waitForEvent("download"), page.click(`button[data-download=${format}]`)]);
    const stream = await download.createReadStream();
    let text = "";
    for await (const chunk of stream) text += chunk;
    return { name: download.suggestedFilename(), text };
  };
  const csv = await save("csv");
  assert.equal(csv.name, "openai-2026-figures.csv");
  assert.match(csv.text, /^figure,value,unit,basis,source\r\n/);
  assert.match(csv.text, /Amazon's investment,40000000000,USD,reader's choice,\r\n/);
  const json = await save("json");
  assert.equal(json.name, "openai-2026-figures.json");
  const figures = JSON.parse(json.text).figures;
  assert.equal(figures.find((f) => f.figure === "Post-money valuation").value, "600000000000");
});

test("a fragment changed by the reader (hashchange) is followed", async () => {
  const page = await open();
  await page.evaluate(() => { location.hash = "#v1&pre=1T"; });
  await page.waitForFunction(() => document.querySelector(".rx-headline").textContent.includes("$1.1T"));
  // A fragment that is not the explainer's (the host's own anchor) changes nothing, and stays.
  await page.evaluate(() => { location.hash = "#garbage<script>"; });
  await page.waitForTimeout(900); // past the time the explainer would write its fragment
  assert.match(await page.textContent(".rx-headline"), /\$1\.1T/, "the reader's scenario stays");
  assert.equal(await page.evaluate(() => location.hash), "#garbage%3Cscript%3E", "the host's anchor stays");
  // The explainer's own part, unreadable, gives the article's figures.
  await page.evaluate(() => { location.hash = "#v1&pre=garbage"; });
  await page.waitForFunction(() => document.querySelector(".rx-headline").textContent.includes("$600B"));
});

test("a wasm that never arrives: after 15 seconds the written figures stay, and say they cannot change", async () => {
  const page = await env.newPage({ expectErrors: [/did not arrive within 15 seconds/] });
  await page.clock.install();
  await page.route("**/*.wasm", () => {}); // never answered
  await page.goto(env.server.url);
  await page.focus("input[data-control=amazon]"); // the reader reaches for it: the wasm is asked for
  const noscript = () => page.isVisible("#explainer .rx-noscript");
  assert.equal(await noscript(), false, "waiting: the controls are there");
  await page.clock.runFor(15_100);
  assert.equal(await noscript(), true, "what needs script says it cannot change");
  assert.equal(await page.isVisible("#explainer .rx-controls"), false, "no dead controls");
  assert.match(await page.textContent("#explainer .rx-headline"), /\$600B/, "the figures stay");
});
