// Issue 13, item 1: every path reads a story's JSON text with the model's one strict reader and
// gives the same error as the native reader: the developer API, an inline story, a `src`, and
// the iframe child's ?story=. The cases are tests/malformed/ (the native test's corpus, each a
// patch of the article's story with the message it must give), its raw/ files, and a story with
// the round's total given twice, which JSON.parse would have read as its last value, $60B.
import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, readFile, readdir, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withBrowser } from "./harness.mjs";

const root = new URL("../../", import.meta.url);
const articleText = await readFile(new URL("www/stories/openai-2026.json", root), "utf8");

/** A JSON Patch (replace, add, remove), as tests/malformed_stories.rs applies it. */
function patched(patch) {
  const story = JSON.parse(articleText);
  for (const op of patch) {
    const keys = op.path.split("/").slice(1);
    const last = keys.pop();
    const parent = keys.reduce((node, key) => node[key], story);
    if (op.op === "remove") delete parent[last];
    else parent[last] = op.value;
  }
  return JSON.stringify(story, null, 2);
}

const cases = [];
for (const file of (await readdir(new URL("tests/malformed/", root))).filter((f) => f.endsWith(".json")).sort()) {
  const { patch, expect } = JSON.parse(await readFile(new URL(`tests/malformed/${file}`, root), "utf8"));
  cases.push({ name: file, text: patched(patch), expect });
}
const raw = {
  "truncated.json": "(the document): not valid JSON at line 1, column 33: expected a field name in double quotes",
  "array.json": "(the document): expected an object, found an array",
  "trailing-comma.json": "(the document): not valid JSON at line 1, column 17: expected a field name in double quotes",
};
for (const [file, expect] of Object.entries(raw)) {
  cases.push({ name: `raw/${file}`, text: await readFile(new URL(`tests/malformed/raw/${file}`, root), "utf8"), expect });
}
const twice = articleText.replace('"value": "100B"', '"value": "100B", "value": "60B"');
assert.notEqual(twice, articleText);
cases.push({ name: "total given twice", text: twice, expect: "round.total.value: this field appears twice" });

const dir = await mkdtemp(join(tmpdir(), "rx-malformed-"));
for (const [index, { text }] of cases.entries()) await writeFile(join(dir, `${index}.json`), text);

const env = withBrowser({ "/malformed/": `${dir}/` });

test(`${cases.length} bad stories give the native reader's error on every path`, async () => {
  const page = await env.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${env.server.url}fixtures/blank.html`);
  const seen = await page.evaluate(async (cases) => {
    const developer = await import("/pkg/round_explainer.js");
    await developer.default();
    await import("/round-explainer.js");
    const results = [];
    for (const [index, { text }] of cases.entries()) {
      let api = "accepted";
      try {
        new developer.RoundStory(text);
      } catch (error) {
        api = error.message;
      }
      const inline = document.createElement("round-explainer");
      const block = document.createElement("script");
      block.type = "application/json";
      block.textContent = text;
      inline.append(block);
      const fetched = document.createElement("round-explainer");
      fetched.setAttribute("src", `/malformed/${index}.json`);
      const frame = document.createElement("iframe");
      frame.src = `/embed.html?story=/malformed/${index}.json`;
      document.body.append(inline, fetched, frame);
      results.push({ api, inline, fetched, frame });
    }
    const shown = async (element) => {
      while (!["error", "ready"].includes(element.dataset.state)) await new Promise((r) => setTimeout(r, 20));
      return element.shadowRoot.querySelector(".rx-error")?.textContent ?? `state ${element.dataset.state}`;
    };
    const framed = async (frame) => {
      for (;;) {
        const element = frame.contentDocument?.querySelector("round-explainer");
        if (element && ["error", "ready"].includes(element.dataset.state)) return shown(element);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    const out = [];
    for (const { api, inline, fetched, frame } of results) {
      out.push({ api, inline: await shown(inline), fetched: await shown(fetched), frame: await framed(frame) });
    }
    return out;
  }, cases);
  const problems = [];
  for (const [index, { name, expect }] of cases.entries()) {
    const wanted = `story file: ${expect}`;
    for (const [path, message] of Object.entries(seen[index])) {
      if (!message.includes(wanted)) problems.push(`${name} via ${path}: expected ${JSON.stringify(wanted)}, got ${JSON.stringify(message)}`);
    }
  }
  assert.deepEqual(problems, [], "every path gives the native message");
});
