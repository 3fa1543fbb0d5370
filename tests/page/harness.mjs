// Shared by the page tests: a static server for dist/ on a free localhost port, and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { gzipSync } from "node:zlib";
import { fileURLToPath } from "node:url";
import { before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { chromium } from "playwright-core";

export const DIST = fileURLToPath(new URL("../../dist/", import.meta.url));
/** Host pages for the embed tests, served under /fixtures/. */
export const FIXTURES = fileURLToPath(new URL("./fixtures/", import.meta.url));

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
};
/** What a static host would compress. */
const COMPRESSIBLE = new Set([".html", ".js", ".css", ".json", ".wasm", ".svg"]);

/** Serves dist/ on 127.0.0.1, with tests/page/fixtures/ under /fixtures/ and each of `more`
 * (`{ "/bench/": directory }`) under its prefix; resolves to { url, otherSite, close }
 * (`otherSite`: the same server as another site, localhost for 127.0.0.1). With `gzip`, files a
 * static host would compress are sent gzip -9 (Content-Encoding: gzip), each compressed once:
 * `make bench`'s phone profile then carries compressed bytes over its slowed network. */
export async function serveDist(more = {}, { gzip = false } = {}) {
  const roots = Object.entries({ ...more, "/fixtures/": FIXTURES });
  const zipped = new Map();
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
    // Pages under a strict CSP cannot use a data: icon; the browser then asks for this.
    if (path === "/favicon.ico") return response.writeHead(204).end();
    const [prefix, base] = roots.find(([root]) => path.startsWith(root)) ?? ["/", DIST];
    const rest = path.slice(prefix.length - 1);
    const file = join(base, rest.endsWith("/") ? `${rest}index.html` : rest);
    if (!file.startsWith(base)) return response.writeHead(403).end();
    try {
      const headers = { "content-type": TYPES[extname(file)] ?? "application/octet-stream" };
      let body;
      if (gzip && COMPRESSIBLE.has(extname(file))) {
        if (!zipped.has(file)) zipped.set(file, gzipSync(await readFile(file), { level: 9 }));
        body = zipped.get(file);
        headers["content-encoding"] = "gzip";
      } else {
        body = await readFile(file);
      }
      headers["content-length"] = body.length;
      response.writeHead(200, headers).end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = server.address().port;
  return { url: `http://127.0.0.1:${port}/`, otherSite: `http://localhost:${port}/`, close: () => server.close() };
}

// Headless Chromium gives every window (so every Playwright context) an invisible omnibox popup:
// two chrome:// WebUI apps that load in their own renderer alongside the page under test and,
// on a 2-core machine, took about a core for the first second of each page. A reader's browser
// loaded its popup long before the article, so the tests and `make bench` switch it off.
// Chromium keeps only the last --disable-features, so this repeats Playwright's own list
// (playwright-core 1.65.1, pinned in package.json) before adding ours.
const PLAYWRIGHT_DISABLED_FEATURES = [
  "AvoidUnnecessaryBeforeUnloadCheckSync", "DestroyProfileOnBrowserClose", "HttpsUpgrades",
  "HttpsFirstBalancedModeAutoEnable", "LensOverlay", "MediaRouter", "PaintHolding",
  "ThirdPartyStoragePartitioning", "AvoidCorsURLLoaderRestartOnRedirect", "TcpPortRandomizationWin",
  "OptimizationHints", "NetworkTimeServiceQuerying", "AimEnabled", "PreconnectToSearch",
];
const DISABLED_FEATURES = [...PLAYWRIGHT_DISABLED_FEATURES, "WebUIOmniboxPopup", "WebUIOmniboxAimPopup"];

/** Headless Debian Chromium with the flags this machine needs, and any `extra` ones. */
export function launchChromium(extra = []) {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      ...extra,
      `--disable-features=${DISABLED_FEATURES.join(",")}`,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Collects console errors and uncaught exceptions of a page (scripts outside the tests; the
 * tests use withBrowser's env.newPage, which fails a test on any error it did not expect). */
export function watchErrors(page) {
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Collects the paths a page requests, in order. */
export function watchRequests(page) {
  const paths = [];
  page.on("request", (request) => paths.push(new URL(request.url()).pathname));
  return paths;
}

/**
 * Starts the server and the browser before a test file's tests and stops them after.
 *
 * Every page is opened with `env.newPage(options)`, which watches it from the start: after each
 * test, any uncaught page error or console error (in the page or its frames) that the test did
 * not expect fails that test, and its pages are closed. A test that expects errors says which:
 * `env.newPage({ expectErrors: [/HTTP 404/] })`, or later `env.expectErrors(page, /pattern/)`.
 * `env.errorsOf(page)` gives the page's errors so far, for tests that count them. A page opened
 * any other way (`env.browser.newPage()`) fails the test too, so none escapes the watch.
 * `more` serves other directories as serveDist does (`{ "/malformed/": directory }`).
 */
export function withBrowser(more = {}) {
  const env = {};
  let watched = [];
  const entryOf = (page) => {
    const entry = watched.find((w) => w.page === page);
    if (!entry) throw new Error("this page was not opened with env.newPage()");
    return entry;
  };
  env.newPage = async (options = {}) => {
    const { expectErrors = [], ...pageOptions } = options;
    const page = await env.browser.newPage(pageOptions);
    const entry = { page, errors: [], expected: [...expectErrors] };
    page.on("console", (message) => {
      if (message.type() === "error") entry.errors.push(message.text());
    });
    page.on("pageerror", (error) => entry.errors.push(`uncaught ${error.name}: ${error.message}`));
    watched.push(entry);
    return page;
  };
  env.expectErrors = (page, ...patterns) => entryOf(page).expected.push(...patterns);
  /**
   * A host page (`path` under the server, fixtures/element.html unless given) with a
   * `<round-explainer id="x">` of these attributes, drawn: `css` for the page (only if given:
   * a page's policy may refuse inline styles), `inline` for a story's text inside the element.
   */
  env.elementPage = async (attributes, { path = "fixtures/element.html", colorScheme = "light", css = "", inline } = {}) => {
    const page = await env.newPage({ viewport: { width: 1000, height: 900 }, colorScheme });
    await page.goto(env.server.url + path);
    await page.evaluate(async ([attributes, css, inline]) => {
      await import("/round-explainer.js");
      if (css) {
        const style = document.createElement("style");
        style.textContent = css;
        document.head.append(style);
      }
      const element = document.createElement("round-explainer");
      element.id = "x";
      for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
      if (inline !== undefined) {
        const block = document.createElement("script");
        block.type = "application/json";
        block.textContent = inline;
        element.append(block);
      }
      (document.getElementById("first") ?? document.body).append(element);
    }, [attributes, css, inline]);
    await page.waitForFunction(() => document.getElementById("x")?.dataset.state === "ready", undefined, { timeout: 10_000 });
    return page;
  };
  env.errorsOf = (page) => [...entryOf(page).errors];
  before(async () => {
    env.server = await serveDist(more);
    env.browser = await launchChromium();
  });
  beforeEach(() => {
    watched = [];
  });
  afterEach(async () => {
    const pages = watched;
    watched = [];
    const known = new Set(pages.map((w) => w.page.context()));
    const strays = env.browser.contexts().filter((context) => !known.has(context));
    const unexpected = [];
    for (const { page, errors, expected } of pages) {
      unexpected.push(...errors.filter((error) => !expected.some((pattern) => pattern.test(error))));
      await page.close();
    }
    for (const context of strays) await context.close();
    assert.equal(strays.length, 0, "every page is opened with env.newPage(), so that its errors are watched");
    assert.deepEqual(unexpected, [], "no page error or console error the test did not expect");
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}
