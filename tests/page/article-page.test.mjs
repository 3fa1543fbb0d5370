// The built article page over http: the release wasm loads and shows the default figures.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serveDist, launchChromium, watchErrors } from "./harness.mjs";

let server;
let browser;
before(async () => {
  server = await serveDist();
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
  server?.close();
});

test("dist/index.html loads the release wasm and shows the default figures", async () => {
  const page = await browser.newPage();
  const errors = watchErrors(page);
  await page.goto(server.url);
  await page.waitForSelector("#explainer[data-ready]", { timeout: 10_000 });
  const text = await page.textContent("#explainer");
  assert.match(text, /Post-money valuation: \$600 billion/);
  assert.match(text, /Amazon's stake: 8\.33%/);
  assert.deepEqual(errors, [], "no console errors");
  await page.close();
});
