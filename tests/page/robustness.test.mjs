// Hostile stories in the browser: a 5 MB story, one nested 10,000 levels deep and one with
// 10,000 investors each fail fast with a clear error, the largest story the format accepts
// works, and the tab stays alive.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { withBrowser } from "./harness.mjs";
import { largestStory } from "./largest-story.mjs";

const env = withBrowser();

test("extreme stories fail with a message or work; the page keeps working", async () => {
  const page = await env.newPage();
  await page.goto(`${env.server.url}fixtures/blank.html`);
  const largest = JSON.stringify(largestStory(JSON.parse(await readFile(new URL("../../www/stories/openai-2026.json", import.meta.url), "utf8"))));
  const results = await page.evaluate(async (largest) => {
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
        amount: { value: "1M", source: "round-tranches", range: { low: "0", high: "1M", assumption: "generated" } } });
    }
    many.separate_deals = [];
    many.focus_investor = "i0";
    return { big: attempt(big), deep: attempt(root), many: attempt(many), largest: attempt(largest), after: attempt(article) };
  }, largest);
  assert.match(results.big, /^error: story file: \(the document\): the file is \d+ bytes long; a story file may have at most 2097152$/, "5 MB is refused");
  assert.match(results.deep, /^error: story file: (could not be read as JSON|\(the document\): not valid JSON at line 1, column \d+: the document nests deeper than 32 levels)/);
  assert.equal(results.many, "error: story file: round: 10000 investors and deals; a story may have at most 100", "10,000 investors are refused");
  assert.match(results.largest, /^ok: Money in the round\$200B/, "the largest accepted story works");
  assert.match(results.after, /^ok: Money in the round\$100B/, "and the next explainer is fine");
});
