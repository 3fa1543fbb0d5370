// The npm package (scripts/build-package.sh, `make package`) as a newsroom's build uses it: the
// fixture site in tests/package/ installs it from pkg-npm/ and bundles it with esbuild; the
// bundle draws the article's figures in Chromium, with the wasm and stylesheet found next to it.
// Imported on a server (Node, no DOM), the package does nothing. Its types declare exactly the
// events element.js dispatches, and everything its exports name is in the installed package.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { withBrowser, watchRequests } from "./harness.mjs";

const FIXTURE = fileURLToPath(new URL("../package/", import.meta.url));
const INSTALLED = `${FIXTURE}node_modules/round-explainer/`;
const env = withBrowser({ "/site/": `${FIXTURE}out/` });

before(() => {
  assert.ok(existsSync(new URL("../../pkg-npm/package.json", import.meta.url)), "pkg-npm/ is built (make package)");
  execFileSync(process.execPath, [`${FIXTURE}build.mjs`], { stdio: "inherit" });
});

test("the bundled package renders the article's figures, loading the wasm and stylesheet next to the bundle", async () => {
  const page = await env.newPage({ viewport: { width: 1000, height: 900 } });
  const requests = watchRequests(page);
  await page.goto(`${env.server.url}site/`);
  const settled = await page.waitForFunction(() => {
    const state = document.querySelector("round-explainer")?.dataset.state;
    return state && state !== "loading" ? state : null;
  }, undefined, { timeout: 10_000 });
  assert.equal(await settled.jsonValue(), "ready");
  const headline = await page.textContent(".rx-headline"); // Playwright's selectors pierce shadow roots
  assert.ok(headline.includes("$600B") && headline.includes("8.33%"), headline);
  const ownership = await page.textContent('[data-part="ownership"]');
  assert.match(ownership, /Amazon[\s\S]*8\.33%/, "Amazon's stake in the ownership part");
  assert.equal(await page.evaluate(() => window.readyEvents), 1, "one round-explainer:ready event");
  assert.ok(await page.evaluate(() => document.querySelector("round-explainer").updateComplete), "updateComplete settles true");
  for (const file of ["/site/app.js", "/site/round_explainer_bg.wasm", "/site/explainer.css"]) {
    assert.ok(requests.includes(file), `${file} requested (${requests.join(", ")})`);
  }
  const styled = await page.evaluate(() => document.querySelector("round-explainer").shadowRoot.styleSheets.length);
  assert.equal(styled, 1, "the stylesheet applies inside the shadow root");
});

/** Runs tests/package/ssr.mjs in a fresh Node (no DOM), with `args` before it. */
const ssr = (...args) => JSON.parse(execFileSync(process.execPath, [...args, `${FIXTURE}ssr.mjs`], { encoding: "utf8" }));

test("imported on the server (Node, no DOM), the package does nothing, throws nothing, defines nothing", () => {
  const result = ssr();
  assert.ok(result.resolved.endsWith("/round-explainer/server.js"), `Node gets the server entry: ${result.resolved}`);
  assert.deepEqual(result.exports, [], "nothing exported");
  assert.deepEqual(result.added, [], "no global added");
  // A runtime that claims the browser condition without having a DOM: still no throw, and no
  // element; element.js keeps its functions under its symbol, which is all it adds.
  const browser = ssr("--conditions=browser");
  assert.ok(browser.resolved.endsWith("/round-explainer/round-explainer.js"), browser.resolved);
  assert.deepEqual(browser.added, ["Symbol(round-explainer)"]);
});

test("the developer API runs in Node too, with the package's wasm", async () => {
  const { initSync, RoundStory, formatMoney } = await import(`${INSTALLED}round_explainer.js`);
  initSync({ module: readFileSync(`${INSTALLED}round_explainer_bg.wasm`) });
  const story = new RoundStory(readFileSync(`${FIXTURE}../../www/stories/openai-2026.json`, "utf8"));
  const outcome = story.compute(undefined);
  assert.equal(formatMoney(outcome.post_money, true), "$600 billion");
  assert.equal(outcome.holdings.find((holding) => holding.id === "amazon").display_percent, "8.33");
});

test("the types declare the events the element and the wasm dispatch, no more; the exports name files that are there", () => {
  const fromElement = [...readFileSync(`${INSTALLED}element.js`, "utf8").matchAll(/new CustomEvent\("([^"]+)"/g)].map((m) => m[1]);
  // The wasm's own events (src/dom/): Pending::new(target, "<name>", …).
  const dom = readdirSync(`${FIXTURE}../../src/dom`).map((file) => readFileSync(`${FIXTURE}../../src/dom/${file}`, "utf8")).join("\n");
  const fromWasm = [...dom.matchAll(/Pending::new\(\s*[^,]+,\s*"([a-z]+)"/g)].map((m) => `round-explainer:${m[1]}`);
  const dispatched = [...fromElement, ...fromWasm];
  const types = readFileSync(`${INSTALLED}round-explainer.d.ts`, "utf8");
  const map = types.match(/interface RoundExplainerEventMap \{([\s\S]*?)\n\}/)[1];
  const declared = [...map.matchAll(/^\s*"([^"]+)":/gm)].map((m) => m[1]);
  assert.deepEqual(declared.sort(), [...new Set(dispatched)].sort());
  const { exports } = JSON.parse(readFileSync(`${INSTALLED}package.json`, "utf8"));
  const targets = Object.values(exports).flatMap((target) => (typeof target === "string" ? [target] : Object.values(target)));
  for (const target of new Set(targets)) assert.ok(existsSync(`${INSTALLED}${target}`), `${target} is in the installed package`);
});
