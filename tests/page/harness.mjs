// Shared by the page tests: a static server for dist/ on a free localhost port, and Debian's
// Chromium driven by playwright-core (never a downloaded browser).
import { createServer } from "node:http";
import { readFile } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { before, after } from "node:test";
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
  ".png": "image/png",
};

/** Serves dist/ on 127.0.0.1; resolves to { url, close }. */
export async function serveDist() {
  const server = createServer(async (request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url, "http://x").pathname));
    // Pages under a strict CSP cannot use a data: icon; the browser then asks for this.
    if (path === "/favicon.ico") return response.writeHead(204).end();
    const [base, rest] = path.startsWith("/fixtures/") ? [FIXTURES, path.slice("/fixtures".length)] : [DIST, path];
    const file = join(base, rest.endsWith("/") ? `${rest}index.html` : rest);
    if (!file.startsWith(base)) return response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${server.address().port}/`, close: () => server.close() };
}

/** Headless Debian Chromium with the flags this machine needs, and any `extra` ones. */
export function launchChromium(extra = []) {
  return chromium.launch({
    executablePath: "/usr/bin/chromium",
    args: [
      ...extra,
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Collects console errors and uncaught exceptions of a page. */
export function watchErrors(page) {
  const errors = [];
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  page.on("pageerror", (error) => errors.push(error.message));
  return errors;
}

/** Starts the server and the browser before a test file's tests and stops them after. */
export function withBrowser() {
  const env = {};
  before(async () => {
    env.server = await serveDist();
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.close();
  });
  return env;
}
