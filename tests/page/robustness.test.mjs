// Hostile stories in the browser: a 5 MB story, one nested 10,000 levels deep and one with
// 10,000 investors each fail fast with a clear error or work, and the tab stays alive.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser } from "./harness.mjs";

const env = withBrowser();

test("extreme stories fail with a message or work; the page keeps working", async () => {
  const page = await env.newPage();
  await page.goto(`${env.server.url}fixtures/blank.html`);
  const results = await page.evaluate(async () => {
    const wasm = await import("/pkg/round_explainer.js");
    await wasm.default();
    const article = await (await fetch("/stories/openai-2026.json")).json();
    const attempt = (story) => {
      const host = document.createElement("div");
      document.body.append(host);
      try {
        const explainer = wasm.Explainer.mount(host, story, undefined, false);
        const text = host.querySelector(".rx-headline").textContent;
        explainer.unmount();
        return `ok: ${text.slice(0, 40)}`;
      } catch (error) {
        return `error: ${error.message}`;
      } finally {
        host.remove();
      }
    };
    const big = structuredClone(article);
    big.sources[0].quote = "x".repeat(5 * 1024 * 1024);
    let deep = {};
    const root = deep;
    for (let i = 0; i < 10000; i++) deep = deep.a = {};
    const many = structuredClone(article);
    many.round.tranches = [{ id: "all", label: "All", source: "round-tranches", investors: [] }];
    for (let n = 0; n < 10000; n++) {
      many.round.tranches[0].investors.push({ id: `i${n}`, name: `Investor ${n}`, source: "round-tranches",
        amount: { value: "1M", source: "round-tranches", range: { low: "0", high: "1M" } } });
    }
    many.separate_deals = [];
    many.focus_investor = "i0";
    return { big: attempt(big), deep: attempt(root), many: attempt(many), after: attempt(article) };
  });
  assert.match(results.big, /^ok: Money in the round\$100B/, "5 MB works");
  assert.equal(results.deep, "error: story file: the document nests deeper than 32 levels");
  assert.match(results.many, /^ok: Money in the round/, "10,000 investors work");
  assert.match(results.after, /^ok: Money in the round\$100B/, "and the next explainer is fine");
});
