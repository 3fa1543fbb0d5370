// House style from the host page: theme="light|dark" holds a theme whatever the reader's
// setting (auto follows it), changes without a redraw; custom properties restyle the colours,
// fonts, radius and spacing; ::part() reaches the main parts; the analytics events reach the
// host from the element and, through the loader, from an iframe.
import { test } from "node:test";
import assert from "node:assert/strict";
import { withBrowser } from "./harness.mjs";

const env = withBrowser();
const STORY = "/stories/openai-2026.json";
const LIGHT_PAPER = "rgb(255, 255, 255)";
const DARK_PAPER = "rgb(23, 24, 26)";

const hostWith = (colorScheme, attributes, css = "") => env.elementPage(attributes, { colorScheme, css });

const rootStyle = (page, property) =>
  page.evaluate((property) => getComputedStyle(document.getElementById("x").shadowRoot.querySelector(".rx"))[property], property);

test("theme: dark on a light page, light on a dark one, auto follows the reader, a change restyles in place", async () => {
  const page = await hostWith("light", { src: STORY, theme: "dark" });
  assert.equal(await rootStyle(page, "backgroundColor"), DARK_PAPER, "dark on a light page");
  await page.click("#x button[data-preset=low_end]");
  const root = await page.evaluateHandle(() => document.getElementById("x").shadowRoot.querySelector(".rx"));
  await page.evaluate(() => document.getElementById("x").setAttribute("theme", "light"));
  assert.equal(await rootStyle(page, "backgroundColor"), LIGHT_PAPER, "light once asked");
  assert.equal(await page.evaluate((root) => root.isConnected, root), true, "restyled, not redrawn");
  assert.match(await page.evaluate(() => document.getElementById("x").shadowRoot.querySelector(".rx-headline").textContent), /\$550B/, "the reader's choice stays");
  await page.evaluate(() => document.getElementById("x").removeAttribute("theme"));
  assert.equal(await rootStyle(page, "backgroundColor"), LIGHT_PAPER, "auto: the reader's light setting");
  await page.emulateMedia({ colorScheme: "dark" });
  assert.equal(await rootStyle(page, "backgroundColor"), DARK_PAPER, "auto: the reader's dark setting");
  await page.evaluate(() => document.getElementById("x").setAttribute("theme", "light"));
  assert.equal(await rootStyle(page, "backgroundColor"), LIGHT_PAPER, "light holds on a dark setting");
});

test("custom properties, the host's font and ::part() restyle it from the host page", async () => {
  const css = `
    round-explainer { --rx-ink: rgb(1, 2, 3); --rx-paper: rgb(250, 240, 230); --rx-radius: 0px; --rx-space: 20px;
                      --rx-font: Georgia, serif; --rx-font-figures: monospace; }
    round-explainer::part(title) { text-transform: uppercase; }`;
  const page = await hostWith("light", { src: STORY }, css);
  assert.equal(await rootStyle(page, "color"), "rgb(1, 2, 3)");
  assert.equal(await rootStyle(page, "backgroundColor"), "rgb(250, 240, 230)");
  assert.equal(await rootStyle(page, "borderTopLeftRadius"), "0px");
  assert.equal(await rootStyle(page, "paddingTop"), "20px");
  assert.match(await rootStyle(page, "fontFamily"), /Georgia/);
  const inside = (selector, property) =>
    page.evaluate(([selector, property]) => getComputedStyle(document.getElementById("x").shadowRoot.querySelector(selector))[property], [selector, property]);
  assert.equal(await inside(".rx-big", "fontFamily"), "monospace", "the figures' own face");
  assert.equal(await inside(".rx-title", "textTransform"), "uppercase", "::part(title)");
  await page.evaluate(() => {
    document.body.style.fontFamily = "Verdana";
    document.getElementById("x").setAttribute("font", "inherit");
  });
  assert.match(await rootStyle(page, "fontFamily"), /Verdana/, "the host's font, when it asks");
});

test("a preset gives one change event with the new fragment, from the element and from an iframe", async () => {
  const page = await hostWith("light", { src: STORY });
  await page.evaluate(() => {
    window.heard = [];
    document.addEventListener("round-explainer:change", (event) => window.heard.push(["element", event.detail]));
  });
  await page.click("#x button[data-preset=low_end]");
  await page.waitForFunction(() => window.heard.length > 0, undefined, { timeout: 3000 });
  await page.waitForTimeout(900);
  assert.deepEqual(await page.evaluate(() => window.heard), [["element", { fragment: "v1&round=50B&amazon=10B", control: null, preset: "low_end" }]]);

  await page.evaluate(() => {
    const frame = document.createElement("iframe");
    frame.id = "f";
    frame.setAttribute("data-round-explainer", "");
    frame.src = "/embed/openai-2026.html";
    frame.style.width = "600px";
    frame.addEventListener("round-explainer:change", (event) => window.heard.push(["iframe", event.detail]));
    document.body.append(frame);
    const loader = document.createElement("script");
    loader.src = "/embed-loader.js";
    document.body.append(loader);
  });
  const child = page.frameLocator("#f");
  await child.locator("button[data-preset=low_end]").click();
  await page.waitForFunction(() => window.heard.length > 1, undefined, { timeout: 5000 });
  assert.deepEqual((await page.evaluate(() => window.heard))[1], ["iframe", { fragment: "v1&round=50B&amazon=10B", control: null, preset: "low_end" }]);
});
