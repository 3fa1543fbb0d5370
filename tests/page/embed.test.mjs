// Embedding in news pages: the one-file build from file://, the custom element and iframes on a
// host page (with duplicated scripts, a bad story, a hidden embed, hostile CSS, a strict CSP),
// and the loader's handling of heights and forged messages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";
import { withBrowser, watchRequests, DIST } from "./harness.mjs";

const env = withBrowser();
const article = JSON.parse(await readFile(join(DIST, "stories/openai-2026.json"), "utf8"));

// Any page error or console error the test does not expect (options.expectErrors) fails it
// (harness.mjs).
async function open(path, options = {}) {
  const page = await env.newPage({ viewport: { width: 1000, height: 900 }, ...options });
  await page.goto(path.startsWith("file:") ? path : env.server.url + path.replace(/^\//, ""));
  return page;
}

/** The state an explainer settles in (ready, error or static), once it has stopped loading (or waiting, pre-rendered, for the wasm). */
const state = (page, selector) =>
  page
    .waitForFunction((s) => {
      const state = document.querySelector(s)?.dataset.state;
      return state && state !== "loading" && state !== "prerendered" ? state : null;
    }, selector, { timeout: 10_000 })
    .then((h) => h.jsonValue());
// The iframe's inner height (its CSS height, without the border).
const frameHeight = (page, id) => page.evaluate((i) => document.getElementById(i).clientHeight, id);
const contentHeight = (page, id) =>
  page.frameLocator(`#${id}`).locator("#embed").evaluate((e) => Math.ceil(e.getBoundingClientRect().height));

test("the one-file build works from file:// with the default figures", async () => {
  const page = await open(`file://${DIST}round-explainer.html`);
  assert.equal(await state(page, "round-explainer"), "ready");
  const headline = await page.textContent(".rx-headline"); // Playwright's selectors pierce shadow roots
  assert.ok(headline.includes("$600B") && headline.includes("8.33%"), headline);
  assert.match(await page.textContent("article"), /Amazon is in active discussions/);
});

// Preloads start every file at once; one that does not match the module's own request (its
// credentials mode, say) is wasted and the file is fetched twice.
const preloadCases = [
  ["the README's preloads for the custom element", "fixtures/preloaded.html",
    ["/round-explainer.js", "/pkg-embed/round_explainer_bg.wasm", "/stories/openai-2026.json", "/explainer.css"]],
  ["the iframe child's preloads", "embed.html?story=stories/openai-2026.json",
    ["/embed-child.js", "/round-explainer.js", "/pkg-embed/round_explainer_bg.wasm", "/explainer.css"]],
];
for (const [what, path, preloaded] of preloadCases) {
  test(`${what} are each used, not fetched twice`, async () => {
    const page = await env.newPage();
    const requested = watchRequests(page);
    await page.goto(env.server.url + path);
    assert.equal(await state(page, "round-explainer"), "ready");
    for (const file of preloaded) {
      assert.equal(requested.filter((p) => p === file).length, 1, `${file} requested once: ${requested.join(" ")}`);
    }
  });
}

test("the ES-module page from file:// says what to do instead of a blank box", async () => {
  // From file:// the browser refuses the module and the preloads, and says so: that is why
  // the page's own message is there.
  const page = await open(`file://${DIST}index.html`, { expectErrors: [/blocked by CORS policy/, /net::ERR_FAILED/] });
  assert.match(await page.textContent("#explainer"), /serve this page over http.*or open round-explainer\.html/);
  assert.match(await page.textContent("#explainer .rx-headline"), /\$600B/, "the written figures stay");
});

test("a host page: element, iframe with loader, bare iframe, duplicated scripts, bad stories", async () => {
  // The missing story's 404 is the one console error expected.
  const page = await open("/fixtures/host.html", { expectErrors: [/status of 404 \(Not Found\)/] });
  assert.equal(await state(page, "#element"), "ready");
  assert.match(await page.textContent("#element .rx-headline"), /8\.33%/);
  assert.equal(await state(page, "#bad"), "error");
  assert.match(await page.textContent("#bad .rx-error"), /story file: \(the document\): not valid JSON at line 1, column 26: the text ends where a value should be/);
  assert.equal(await state(page, "#invalid"), "error");
  assert.match(await page.textContent("#invalid .rx-error"), /story file: version: version 3 is not supported/);
  assert.equal(await state(page, "#missing"), "error");
  assert.match(await page.textContent("#missing .rx-error"), /could not load \/stories\/no-such-story\.json: HTTP 404/);

  // The neighbour of the bad stories still works.
  await page.click("#element button[data-preset=low_end]");
  assert.match(await page.textContent("#element .rx-headline"), /\$50B/);

  // The loader sizes its iframe to the content; the bare iframe keeps its fallback height.
  await page.waitForFunction(() => document.getElementById("loader").clientHeight > 1000);
  assert.ok(Math.abs((await frameHeight(page, "loader")) - (await contentHeight(page, "loader"))) <= 1);
  assert.equal(await frameHeight(page, "bare"), 900);
  assert.equal(await page.getAttribute("#bare", "title"), "Funding-round explainer");
  const bareScrolls = await page.frameLocator("#bare").locator("html").evaluate((e) => e.scrollHeight > e.clientHeight);
  assert.ok(bareScrolls, "the bare iframe scrolls inside itself");
});

test("the iframe grows and shrinks with its content, and a hidden one is sized once shown", async () => {
  const page = await open("/fixtures/host.html", { expectErrors: [/status of 404 \(Not Found\)/] }); // #missing
  await page.waitForFunction(() => document.getElementById("loader").clientHeight > 1000);
  const before = await frameHeight(page, "loader");
  const child = page.frameLocator("#loader");
  await child.locator("button[data-ref='post-money']").click();
  await page.waitForFunction((h) => document.getElementById("loader").clientHeight > h, before);
  await child.locator("button[data-ref='post-money']").click();
  await page.waitForFunction((h) => document.getElementById("loader").clientHeight === h, before);

  assert.equal(await frameHeight(page, "hidden"), 0, "hidden: no height yet");
  await page.evaluate(() => { document.getElementById("later").hidden = false; });
  await page.waitForFunction(() => document.getElementById("hidden").clientHeight > 1000);
});

test("a loader that arrives after the child has reported still sizes the iframe", async () => {
  const page = await open("/fixtures/late-loader.html");
  const child = page.frameLocator("#loader");
  await child.locator("round-explainer[data-state=ready]").waitFor();
  // The child has said its height, and has nothing new to say.
  await page.waitForFunction(() => window.heights.some((h) => h > 1000));
  assert.equal(await frameHeight(page, "loader"), 600, "no loader yet: the fallback height");
  await page.evaluate(() => {
    const script = document.createElement("script");
    script.src = "/embed-loader.js";
    document.body.append(script);
  });
  await page.waitForFunction(() => document.getElementById("loader").clientHeight > 1000, undefined, { timeout: 5000 });
  assert.ok(Math.abs((await frameHeight(page, "loader")) - (await contentHeight(page, "loader"))) <= 1);
});

test("an iframe added after the loader is sized too", async () => {
  const page = await open("/fixtures/host.html", { expectErrors: [/status of 404 \(Not Found\)/] });
  await page.evaluate(() => {
    const frame = document.createElement("iframe");
    frame.id = "added";
    frame.dataset.roundExplainer = "";
    frame.title = "Funding-round explainer";
    frame.src = "/embed.html?story=/stories/openai-2026.json";
    document.body.append(frame);
  });
  await page.waitForFunction(() => document.getElementById("added").clientHeight > 1000, undefined, { timeout: 10_000 });
  assert.ok(Math.abs((await frameHeight(page, "added")) - (await contentHeight(page, "added"))) <= 1);
});

test("the iframe child adds no main landmark to its host page", async () => {
  const page = await open("/fixtures/late-loader.html");
  const child = page.frameLocator("#loader");
  await child.locator("round-explainer[data-state=ready]").waitFor();
  assert.equal(await child.locator("main, [role=main]").count(), 0, "no main in the child");
  assert.equal(await child.locator("#embed").count(), 1, "its content is still #embed");
  assert.equal(await page.locator("main").count(), 1, "the host's own main is the only one");
});

test("forged height messages from other windows change nothing", async () => {
  const page = await open("/fixtures/host.html", { expectErrors: [/status of 404 \(Not Found\)/] }); // #missing
  await page.waitForFunction(() => document.getElementById("loader").clientHeight > 1000);
  const before = await frameHeight(page, "loader");
  await page.evaluate(async () => {
    const forger = document.createElement("iframe");
    document.body.append(forger);
    for (const message of [
      "pymxPYMxround-explainerxPYMxheightxPYMx5",
      { sentinel: "amp", type: "embed-size", height: 5 },
      { "datawrapper-height": { "round-explainer": 5 } },
    ]) {
      forger.contentWindow.parent.postMessage(message, "*"); // sent from the forger's window
      window.postMessage(message, "*"); // sent from the host itself
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  assert.equal(await frameHeight(page, "loader"), before);
  // Insane heights from the real child are refused too.
  await page.frameLocator("#loader").locator("html").evaluate(async () => {
    for (const height of [-5, 0, 1e9, "NaN", "100px"]) window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
    await new Promise((resolve) => setTimeout(resolve, 300));
  });
  assert.equal(await frameHeight(page, "loader"), before);
});

test("hostile host CSS neither leaks in nor beats the loader", async () => {
  const page = await open("/fixtures/hostile.html");
  assert.equal(await state(page, "#element"), "ready");
  const style = await page.locator("#element .rx").evaluate((e) => {
    const s = getComputedStyle(e);
    return { fontSize: s.fontSize, lineHeight: s.lineHeight, boxSizing: s.boxSizing, color: s.color };
  });
  assert.deepEqual(style, { fontSize: "15px", lineHeight: "21.75px", boxSizing: "border-box", color: "rgb(26, 26, 26)" });
  await page.waitForFunction(() => document.getElementById("loader").clientHeight > 1000);
  assert.ok(Math.abs((await frameHeight(page, "loader")) - (await contentHeight(page, "loader"))) <= 1, "iframe { height: 100% } loses");
});

test("a strict CSP: everything works with no violation", async () => {
  const page = await open("/fixtures/csp.html");
  assert.equal(await state(page, "#element"), "ready");
  await page.click("#element input[data-deal=softbank]");
  assert.match(await page.textContent("#element .rx-headline"), /\$630B/);
  await page.waitForFunction(() => document.getElementById("loader").clientHeight > 1000);
  assert.deepEqual(await page.evaluate(() => window.cspViolations), []);
});

// Without WebAssembly the model cannot check a story, so no figure is shown at all: a figure
// the model would refuse (an amount of -5B, a currency it does not write as $) must not reach
// the reader by another road. Only the title, when it is a string, and a clear message.
const NO_WASM = /this explainer needs WebAssembly, which this page does not allow/i;
const noWasmErrors = [/Refused to compile or instantiate WebAssembly/, /^round-explainer: WebAssembly could not start/];

test("a CSP without 'wasm-unsafe-eval': the story's title, a clear message, no figures, one error of ours", async () => {
  const page = await open("/fixtures/csp-no-wasm.html", { expectErrors: noWasmErrors });
  assert.equal(await state(page, "#element"), "static");
  const box = page.locator("#element .rx-static");
  assert.equal(await box.isVisible(), true);
  assert.equal(await page.locator("#element table, #element .rx-num").count(), 0, "no table of figures");
  assert.equal((await box.textContent()).replace(article.title, "").match(/[$€\d]/), null, "no figure besides the title's");
  assert.equal(await box.locator(".rx-title").textContent(), article.title);
  assert.match(await box.textContent(), NO_WASM);
  const ours = env.errorsOf(page).filter((e) => e.startsWith("round-explainer:"));
  assert.equal(ours.length, 1, ours.join("\n"));
});

const refused = {
  "a story in euros": (story) => { story.currency = "EUR"; },
  "an amount of -5B": (story) => { story.round.tranches[0].investors[0].amount.value = "-5B"; },
  "a JSON-number amount": (story) => { story.round.total.value = 100000000000000000000001; },
  "tranches that are not an array": (story) => { story.round.tranches = { strategic: story.round.tranches[0] }; },
  "a title that is not a string": (story) => { story.title = 12345; },
  "a story that is not an object": () => null,
};
for (const [what, change] of Object.entries(refused)) {
  test(`a CSP without 'wasm-unsafe-eval', ${what}: a message and the static state, no figure`, async () => {
    const page = await open("/fixtures/csp-no-wasm.html", { expectErrors: noWasmErrors });
    await state(page, "#element");
    const story = structuredClone(article);
    story.title = "A round told in words";
    const changed = change(story);
    await page.evaluate((json) => {
      const element = document.createElement("round-explainer");
      element.id = "refused";
      const script = document.createElement("script");
      script.type = "application/json";
      script.textContent = json;
      element.append(script);
      document.body.prepend(element);
    }, JSON.stringify(changed === undefined ? story : changed));
    assert.equal(await state(page, "#refused"), "static");
    const text = await page.locator("#refused .rx-static").textContent();
    assert.equal(text.match(/[$€\d]/), null, `no figure: ${text}`);
    assert.match(text, NO_WASM);
    if (typeof story.title === "string" && changed === undefined) assert.match(text, /A round told in words/);
  });
}

test("the built JavaScript holds no eval, new Function, or innerHTML", async () => {
  const files = [...(await readdir(DIST)).filter((f) => f.endsWith(".js")), ...(await readdir(join(DIST, "pkg"))).filter((f) => f.endsWith(".js")).map((f) => `pkg/${f}`)];
  assert.ok(files.length >= 6, files.join(", "));
  for (const file of files) {
    const text = await readFile(join(DIST, file), "utf8");
    for (const pattern of [/\beval\(/, /new Function/, /innerHTML\s*=/, /outerHTML|insertAdjacentHTML|document\.write/]) {
      assert.doesNotMatch(text, pattern, `${file} matches ${pattern}`);
    }
  }
  const standalone = await readFile(join(DIST, "round-explainer.html"), "utf8");
  assert.doesNotMatch(standalone, /\beval\(|new Function|innerHTML\s*=/);
});
