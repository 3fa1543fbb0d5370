// The <round-explainer> element's lifecycle, as Lit's rules have it: moved or removed and
// re-added, it is drawn again; its observed attributes (src, scenario, url-state) are followed;
// a load that lost its race (the element left, or a newer src came) draws nothing; a story
// that never arrives ends in a visible error; a host page that takes window.RoundExplainer
// changes nothing. Listener counts come from the wasm instance that draws the explainers
// (round-explainer.js exports liveListenerCount).
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { withBrowser, DIST } from "./harness.mjs";

const env = withBrowser();
const STORY = "/stories/openai-2026.json";
const article = JSON.parse(await readFile(`${DIST}stories/openai-2026.json`, "utf8"));

async function openHost(options = {}) {
  const page = await env.newPage({ viewport: { width: 1000, height: 900 }, ...options });
  await page.goto(`${env.server.url}fixtures/element.html`);
  await page.waitForFunction(() => window.embedLoaded, undefined, { timeout: 10_000 });
  return page;
}

/** Adds <round-explainer id=…> with `attributes` to #first. */
const add = (page, id, attributes) =>
  page.evaluate(([id, attributes]) => {
    const element = document.createElement("round-explainer");
    element.id = id;
    for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
    document.getElementById("first").append(element);
  }, [id, attributes]);

const stateOf = (page, id) => page.evaluate((id) => document.getElementById(id).dataset.state ?? null, id);
const waitState = (page, id, state) =>
  page.waitForFunction(([id, state]) => document.getElementById(id)?.dataset.state === state, [id, state], { timeout: 5000 });
/** The headline's text, or null when nothing is drawn. */
const headline = (page, id) =>
  page.evaluate((id) => document.getElementById(id).shadowRoot?.querySelector(".rx-headline")?.textContent ?? null, id);
const waitHeadline = (page, id, pattern) =>
  page.waitForFunction(
    ([id, source]) => new RegExp(source).test(document.getElementById(id).shadowRoot?.querySelector(".rx-headline")?.textContent ?? ""),
    [id, pattern.source],
    { timeout: 5000 },
  );
const listeners = (page) => page.evaluate(() => window.embed.liveListenerCount());

/** Holds back the answer to requests matching `url` until release(body) is called. */
async function hold(page, url) {
  let seen;
  const requested = new Promise((resolve) => { seen = resolve; });
  let answer;
  const released = new Promise((resolve) => { answer = resolve; });
  await page.route(url, async (route) => {
    seen();
    const body = await released;
    await route.fulfill({ contentType: "application/json", body: JSON.stringify(body) });
  });
  return { requested, release: (body) => answer(body) };
}

/** A story like the article's, with another title and pre-money valuation. */
const variant = (title, preMoney) => {
  const story = structuredClone(article);
  story.title = title;
  story.pre_money.default = preMoney;
  return story;
};

test("a moved explainer stays drawn where it lands, with the reader's choices and no new listeners", async () => {
  const page = await openHost();
  await add(page, "x", { src: STORY });
  await waitState(page, "x", "ready");
  await page.click("#x button[data-preset=low_end]");
  assert.match(await headline(page, "x"), /\$550B/, "the low end: $500B + $50B");
  const count = await listeners(page);
  assert.ok(count > 0, `listeners while drawn: ${count}`);
  await page.evaluate(() => document.getElementById("second").append(document.getElementById("x")));
  assert.match((await headline(page, "x")) ?? "blank", /\$550B/, "drawn after the move, with the preset");
  assert.equal(await stateOf(page, "x"), "ready");
  assert.equal(await listeners(page), count, "as many listeners as before the move");
});

test("removed, an explainer holds no listeners; re-added later, it is drawn again", async () => {
  const page = await openHost();
  await add(page, "x", { src: STORY, "url-state": "" });
  await waitState(page, "x", "ready");
  const count = await listeners(page);
  await page.evaluate(() => {
    window.kept = document.getElementById("x");
    window.kept.remove();
  });
  // Taken down by the next microtask (a move, out and in again by one piece of script, keeps it).
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve)));
  assert.equal(await listeners(page), 0, "no listeners once removed");
  assert.equal(await headline(page, "x").catch(() => null), null);
  await page.evaluate(() => document.getElementById("second").append(window.kept));
  assert.match((await headline(page, "x")) ?? "blank", /\$600B/, "drawn again at once: the story and the wasm are already here");
  assert.equal(await stateOf(page, "x"), "ready");
  assert.equal(await listeners(page), count, "as many listeners as the first time");
});

test("removed while its story loads, an explainer draws nothing; re-added after, it draws", async () => {
  const page = await openHost();
  await add(page, "warm", { src: STORY }); // the wasm is ready before the held story arrives
  await waitState(page, "warm", "ready");
  const one = await listeners(page);
  const held = await hold(page, "**/held.json");
  await add(page, "x", { src: "/held.json" });
  await held.requested;
  assert.equal(await stateOf(page, "x"), "loading");
  await page.evaluate(() => {
    window.kept = document.getElementById("x");
    window.pending = window.kept.updateComplete;
    window.kept.remove();
  });
  held.release(article);
  assert.equal(await page.evaluate(() => window.pending), false, "the load that lost its element reports that it drew nothing");
  assert.equal(await page.evaluate(() => window.kept.shadowRoot.querySelector(".rx-headline")), null, "nothing drawn while out of the page");
  assert.equal(await listeners(page), one, "and it holds no listeners");
  await page.evaluate(() => document.getElementById("second").append(window.kept));
  await waitHeadline(page, "x", /\$600B/);
  assert.equal(await stateOf(page, "x"), "ready");
  assert.equal(await listeners(page), 2 * one);
});

test("a new src loads its story; the older load, finishing later, draws nothing", async () => {
  const page = await openHost();
  const held = await hold(page, "**/slow.json");
  await page.route("**/other.json", (route) => route.fulfill({ json: variant("The other story", "400B") }));
  await add(page, "x", { src: "/slow.json" });
  await held.requested;
  await page.evaluate(() => {
    window.stale = document.getElementById("x").updateComplete;
    document.getElementById("x").setAttribute("src", "/stories/openai-2026.json");
  });
  await waitHeadline(page, "x", /\$600B/);
  const count = await listeners(page);
  held.release(variant("The stale story", "900B"));
  assert.equal(await page.evaluate(() => window.stale), false, "the stale load drew nothing");
  assert.match(await headline(page, "x"), /\$600B/);
  const title = () => page.evaluate(() => document.getElementById("x").shadowRoot.querySelector(".rx-title").textContent);
  assert.doesNotMatch(await title(), /stale/);

  await page.evaluate(() => document.getElementById("x").setAttribute("src", "/other.json"));
  await waitHeadline(page, "x", /\$500B/); // $400B + $100B
  assert.equal(await title(), "The other story");
  assert.equal(await stateOf(page, "x"), "ready");
  assert.equal(await listeners(page), count, "the first explainer's listeners went with it");
});

test("an element with a shadow root declared in the page's HTML takes it over and draws", async () => {
  const page = await openHost();
  await page.evaluate(() => {
    const holder = document.createElement("div");
    holder.setHTMLUnsafe('<round-explainer id="x" src="/stories/openai-2026.json"><template shadowrootmode="open"><p class="old">Pre-rendered</p></template></round-explainer>');
    document.getElementById("first").append(...holder.childNodes);
  });
  await waitState(page, "x", "ready");
  assert.match(await headline(page, "x"), /\$600B/);
  assert.equal(await page.locator("#x .old").count(), 0, "what was declared is replaced");
});

test("the scenario attribute is followed after the first draw", async () => {
  const page = await openHost();
  await add(page, "x", { src: STORY, scenario: "v1&amazon=40B&softbank=on" });
  await waitState(page, "x", "ready");
  assert.match(await headline(page, "x"), /\$630B.*6\.35%|6\.35%.*\$630B/);
  const count = await listeners(page);
  await page.evaluate(() => document.getElementById("x").setAttribute("scenario", "v1&pre=1T"));
  assert.match(await headline(page, "x"), /\$1\.1T/);
  await page.evaluate(() => document.getElementById("x").removeAttribute("scenario"));
  assert.match(await headline(page, "x"), /\$600B/, "no scenario: the article's figures");
  assert.equal(await listeners(page), count, "redrawn, not mounted again");
});

test("the url-state attribute is followed after the first draw", async () => {
  const page = await openHost();
  await add(page, "x", { src: STORY });
  await waitState(page, "x", "ready");
  const count = await listeners(page);
  await page.evaluate(() => document.getElementById("x").setAttribute("url-state", ""));
  assert.equal(await listeners(page), count + 1, "it listens to the fragment");
  await page.evaluate(() => { location.hash = "#v1&pre=1T"; });
  await waitHeadline(page, "x", /\$1\.1T/);
  await page.evaluate(() => document.getElementById("x").removeAttribute("url-state"));
  assert.equal(await listeners(page), count, "and stops");
});

test("a story that never arrives: a visible loading state, then a visible error after the timeout", async () => {
  const page = await openHost();
  await hold(page, "**/never.json");
  await add(page, "x", { src: "/never.json", timeout: "1000" });
  assert.equal(await stateOf(page, "x"), "loading");
  const loading = page.locator("#x .rx-loading");
  assert.equal(await loading.isVisible(), true, "the loading text is shown");
  assert.equal(await loading.textContent(), "Loading the explainer…");
  assert.equal(await loading.getAttribute("role"), "status", "and told politely");
  await waitState(page, "x", "error");
  const error = page.locator("#x .rx-error");
  assert.equal(await error.isVisible(), true);
  assert.match(await error.textContent(), /story file: \/never\.json did not arrive within 1 second/);
  assert.equal(await error.getAttribute("role"), "alert");
});

test("a wasm that never starts: a visible error after the timeout, not a box that loads forever", async () => {
  const page = await openHost();
  await hold(page, "**/round_explainer_bg.wasm");
  await add(page, "x", { src: STORY, timeout: "1500" });
  assert.equal(await stateOf(page, "x"), "loading");
  await waitState(page, "x", "error");
  assert.match(await page.locator("#x .rx-error").textContent(), /the explainer's WebAssembly did not start within 1\.5 seconds/);
});

test("the default timeout is 15 seconds", async () => {
  const page = await env.newPage();
  await page.clock.install();
  await page.goto(`${env.server.url}fixtures/element.html`);
  await page.waitForFunction(() => window.embedLoaded, undefined, { polling: 50 });
  await hold(page, "**/never.json");
  await add(page, "x", { src: "/never.json", timeout: "soon" }); // not a number: the default
  await page.clock.runFor(14_900);
  assert.equal(await stateOf(page, "x"), "loading");
  await page.clock.runFor(200);
  assert.equal(await stateOf(page, "x"), "error");
  assert.match(await page.locator("#x .rx-error").textContent(), /did not arrive within 15 seconds/);
});

const takenGlobals = {
  "a number": "window.RoundExplainer = 42;",
  "a frozen object": "window.RoundExplainer = Object.freeze({});",
  "a getter that throws": 'Object.defineProperty(window, "RoundExplainer", { get() { throw new Error("the host\'s own"); } });',
};
for (const [what, script] of Object.entries(takenGlobals)) {
  test(`a host page whose window.RoundExplainer is ${what} still gets its explainers`, async () => {
    const page = await env.newPage();
    await page.addInitScript(script);
    await page.goto(`${env.server.url}fixtures/element.html`);
    await page.waitForFunction(() => window.embedLoaded, undefined, { timeout: 10_000 });
    await add(page, "x", { src: STORY });
    await waitState(page, "x", "ready");
    assert.match(await headline(page, "x"), /\$600B/);
  });

  test(`the one-file build works when window.RoundExplainer is ${what}`, async () => {
    const page = await env.newPage();
    await page.addInitScript(script);
    await page.goto(`file://${DIST}round-explainer.html`);
    await waitState(page, "explainer", "ready");
    assert.match(await headline(page, "explainer"), /\$600B/);
  });
}
