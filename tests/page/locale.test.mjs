// Languages from the host page: locale="de" gives German words and CLDR figures ("Mrd.", a
// decimal comma) with lang="de" on the explainer's root; changing the attribute redraws in
// place with the reader's choices and no new listeners; a locale it cannot speak is an error
// event and changes nothing; a story's own locale speaks without the attribute.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { withBrowser } from "./harness.mjs";

const env = withBrowser();
const STORY = "/stories/openai-2026.json";

const hostWith = (attributes) => env.elementPage(attributes);

const root = (page) =>
  page.evaluate(() => {
    const rx = document.getElementById("x").shadowRoot.querySelector(".rx");
    return { lang: rx.getAttribute("lang"), text: rx.textContent, headline: rx.querySelector(".rx-headline").textContent };
  });

test('locale="de": German words, "Mrd." and decimal commas, lang="de" on the root', async () => {
  const page = await hostWith({ src: STORY, locale: "de" });
  const german = await root(page);
  assert.equal(german.lang, "de");
  assert.match(german.headline, /Mrd\./, `German billions: ${german.headline}`);
  assert.match(german.headline, /8,33\u00a0%/, `a decimal comma and a spaced percent sign: ${german.headline}`);
  assert.match(german.text, /Wer besäße was|Anteil/, "German words");
  assert.doesNotMatch(german.text, /Who would own what|Money in the round/, "no English interface words");
  assert.match(german.text, /OpenAI/, "the story's own text stays as written");
});

test("changing locale redraws in place, keeps the reader's choice, leaks nothing; a bad one is an error", async () => {
  const page = await hostWith({ src: STORY, locale: "de" });
  await page.click("#x button[data-preset=low_end]");
  const before = await page.evaluate(() => window.embed.liveListenerCount());
  const element = await page.evaluateHandle(() => document.getElementById("x").shadowRoot.querySelector(".rx"));
  await page.evaluate(() => {
    window.errors = [];
    document.addEventListener("round-explainer:error", (event) => window.errors.push(event.detail.message));
    document.getElementById("x").setAttribute("locale", "fr");
  });
  const french = await root(page);
  assert.equal(french.lang, "fr");
  assert.match(french.headline, /550\u00a0Md/, `the reader's choice, in French: ${french.headline}`);
  assert.equal(await page.evaluate((rx) => rx.isConnected, element), true, "the same root, patched");
  const after = await page.evaluate(() => window.embed.liveListenerCount());
  assert.equal(after, before, "no listener added");

  await page.evaluate(() => document.getElementById("x").setAttribute("locale", "xx-<b>"));
  const errors = await page.evaluate(() => window.errors);
  assert.equal(errors.length, 1, "one error event");
  assert.match(errors[0], /locale attribute/, errors[0]);
  assert.equal((await root(page)).lang, "fr", "a locale it cannot speak changes nothing");

  await page.evaluate(() => document.getElementById("x").removeAttribute("locale"));
  assert.equal((await root(page)).lang, "en", "back to the story's own");
});

test("a story's own locale is spoken without the attribute, and the attribute overrides it", async () => {
  const story = JSON.parse(await readFile("tests/stories/brightwater-eur.json", "utf8"));
  story.locale = "es";
  const page = await env.elementPage({}, { inline: JSON.stringify(story) });
  const lang = async () => (await root(page)).lang;
  const headline = async () => (await root(page)).headline;
  assert.equal(await lang(), "es", "the story's own locale");
  assert.match(await headline(), /mil\u00a0M\u00a0€|M\u00a0€/, `Spanish euros: ${await headline()}`);
  await page.evaluate(() => document.getElementById("x").setAttribute("locale", "de-AT"));
  assert.equal(await lang(), "de-AT", "the attribute overrides it");
  assert.match(await headline(), /Mrd\./, "Austrian German figures");
});

test("the iframe child takes locale= from its URL", async () => {
  const page = await env.newPage({ viewport: { width: 600, height: 900 } });
  await page.goto(`${env.server.url}embed.html?story=stories/openai-2026.json&locale=de`);
  await page.waitForFunction(() => document.querySelector("round-explainer")?.dataset.state === "ready", undefined, { timeout: 10_000 });
  const drawn = await page.evaluate(() => {
    const rx = document.querySelector("round-explainer").shadowRoot.querySelector(".rx");
    return { lang: rx.getAttribute("lang"), headline: rx.querySelector(".rx-headline").textContent };
  });
  assert.equal(drawn.lang, "de");
  assert.match(drawn.headline, /Mrd\./, drawn.headline);
});

test("the element's own words before the wasm are the locale's: a story that cannot load, in German", async () => {
  const page = await env.newPage({ viewport: { width: 600, height: 900 } });
  env.expectErrors(page, /404|Failed to load resource/);
  await page.goto(`${env.server.url}fixtures/element.html`);
  await page.waitForFunction(() => window.embedLoaded, undefined, { timeout: 10_000 });
  const heard = await page.evaluate(async () => {
    const messages = [];
    document.addEventListener("round-explainer:error", (event) => messages.push(event.detail.message));
    const element = document.createElement("round-explainer");
    element.id = "x";
    element.setAttribute("locale", "de");
    element.setAttribute("src", "/stories/no-such-story.json");
    document.getElementById("first").append(element);
    await element.updateComplete;
    return { messages, text: element.shadowRoot.querySelector(".rx-error").textContent };
  });
  assert.match(heard.text, /^Die interaktive Grafik konnte nicht angezeigt werden\. /, heard.text);
  assert.equal(heard.messages.length, 1, "one error event");
  assert.match(heard.messages[0], /no-such-story\.json/, "the event's message is the reason alone");
  assert.doesNotMatch(heard.messages[0], /Grafik/, "without the heading");
});
