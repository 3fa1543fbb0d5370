// The one-file build and the file:// message in Debian's Firefox ESR, driven through geckodriver's
// WebDriver API (Playwright drives only its own Firefox build, which may not be downloaded).
import { test, before, after, beforeEach, afterEach } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { homedir } from "node:os";
import { DIST } from "./harness.mjs";

const GECKODRIVER = process.env.GECKODRIVER || `${homedir()}/.cargo/bin/geckodriver`;
let driver;
let base;
// Firefox prints the pages' console messages and uncaught errors on its standard output
// (devtools.console.stdout.content), which geckodriver passes on: as in harness.mjs, any error
// of the pages under test that a test did not expect (expectErrors) fails it. Lines of
// Firefox's own (resource://, chrome://, its internal console.error calls) are not the pages'.
let output = "";
let seen = 0;
let expected = [];
const expectErrors = (...patterns) => expected.push(...patterns);
function pageErrors() {
  const lines = output.slice(seen).split("\n");
  seen = output.length;
  return lines.filter((line) => /^JavaScript error: (file:|http:)/.test(line) || /^console\.error: "/.test(line));
}
let session;

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function call(method, path, body) {
  const response = await fetch(`${base}${path}`, {
    method,
    headers: { "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${JSON.stringify(json.value)}`);
  return json.value;
}

const run = (script) => call("POST", `/session/${session}/execute/sync`, { script, args: [] });

async function until(script, timeout = 15_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await run(script);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for: ${script}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

before(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  driver = spawn(GECKODRIVER, ["--port", String(port), "--log", "error"], { stdio: ["ignore", "pipe", "pipe"] });
  driver.stdout.on("data", (chunk) => { output += chunk; });
  driver.stderr.on("data", (chunk) => { output += chunk; });
  for (let i = 0; i < 100; i++) {
    try {
      await fetch(`${base}/status`);
      break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  const created = await call("POST", "/session", {
    capabilities: {
      alwaysMatch: {
        browserName: "firefox",
        "moz:firefoxOptions": { args: ["-headless"], prefs: { "devtools.console.stdout.content": true } },
      },
    },
  });
  session = created.sessionId;
});

beforeEach(() => {
  pageErrors(); // what came before this test is not its own
  expected = [];
});

afterEach(async () => {
  // Away from the page, so that what it printed while it was shown has been printed.
  await call("POST", `/session/${session}/url`, { url: "about:blank" });
  const unexpected = pageErrors().filter((line) => !expected.some((pattern) => pattern.test(line)));
  assert.deepEqual(unexpected, [], "no page error or console error the test did not expect");
});

after(async () => {
  if (session) await call("DELETE", `/session/${session}`).catch(() => {});
  driver?.kill();
});

test("Firefox: the one-file build works from file:// with the default figures", async () => {
  await call("POST", `/session/${session}/url`, { url: `file://${DIST}round-explainer.html` });
  // The state it settles in, once it has stopped loading.
  const state = await until("const s = document.querySelector('round-explainer').dataset.state; return s !== 'loading' && s !== 'prerendered' && s");
  assert.equal(state, "ready");
  const headline = await run("return document.querySelector('round-explainer').shadowRoot.querySelector('.rx-headline').textContent");
  assert.ok(headline.includes("$600B") && headline.includes("8.33%"), headline);
});

test("Firefox: the ES-module page from file:// says what to do", async () => {
  await call("POST", `/session/${session}/url`, { url: `file://${DIST}index.html` });
  const text = await until("return document.getElementById('explainer').textContent.includes('serve this page over http') && document.getElementById('explainer').textContent");
  assert.match(text, /open round-explainer\.html/);
});
