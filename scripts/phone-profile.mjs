// `make bench`'s phone profile: what a reader on a mid-range phone gets from each way of showing
// the explainer. Headless Chromium, driven through the DevTools protocol (CDP): 4x CPU
// throttling, a slow 4G network, a 412 x 823 touch screen, nothing cached. bench.mjs calls
// phoneProfile() and adds its verdicts to the budgets; alone, after `make build`:
//   node scripts/phone-profile.mjs            (PHONE_LOADS=5 for a quick try; 20 by default)
// Every verdict and every reason given for a missed budget is computed from the figures.
import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { launchChromium, serveDist, DIST } from "../tests/page/harness.mjs";

const KB = 1024;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (xs, q) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * q))];
const ms = (x) => (Number.isFinite(x) ? `${x.toFixed(0)} ms` : "n/a");
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
const pct = (part, whole) => `${((100 * part) / whole).toFixed(0)}%`;
const verdict = (ok) => (ok ? "met" : "MISSED");
/** The numbers among `xs` (a load that timed out leaves a hole). */
const numbers = (xs) => xs.filter(Number.isFinite);
/** "median (min-max)" of the numbers among `xs`. */
const spread = (xs) => {
  const n = numbers(xs);
  return n.length ? `${ms(median(n))} (${Math.min(...n).toFixed(0)}-${Math.max(...n).toFixed(0)})` : "n/a";
};

/** The profile: a mid-range phone on slow 4G (Lighthouse's mobile figures, and its viewport). */
export const PROFILE = {
  cpuRate: 4,
  // 1.6 Mbit/s down, 750 kbit/s up, in bytes per second; 150 ms of latency per request.
  network: { offline: false, latency: 150, downloadThroughput: 200_000, uploadThroughput: 93_750 },
  context: { viewport: { width: 412, height: 823 }, deviceScaleFactor: 2.625, isMobile: true, hasTouch: true },
};
const LOADS = Number(process.env.PHONE_LOADS ?? 20);
const TAPS = 50;
const STEPS = 100;
/** How long a page is left alone after the last thing it did (a mark, the explainer seen, its
 * load event) before it is read: late layout shifts and long tasks still count. */
const SETTLE_MS = 1000;
/** The longest a cold load may take before it is read as it is (and counted as timed out). */
const LOAD_TIMEOUT_MS = 45_000;
const STORY = "stories/openai-2026.json";

// --- The pages -------------------------------------------------------------------------------

/** The element with `id="explainer"` (else the first <round-explainer>) in `html`: where it
 * starts, where its content starts and ends, and where it ends, counting nested elements of the
 * same tag, so that a pre-rendered explainer inside it is taken whole: { start, inner: [from, to], end }. */
function explainerHost(html) {
  const open = /<([a-z][a-z0-9-]*)\b[^>]*\bid="explainer"[^>]*>/i.exec(html) ?? /<(round-explainer)\b[^>]*>/i.exec(html);
  if (!open) throw new Error("dist/index.html has no element with id=\"explainer\" nor a <round-explainer>");
  const tag = new RegExp(`<(/?)${open[1]}\\b[^>]*>`, "gi");
  tag.lastIndex = open.index + open[0].length;
  for (let depth = 1, match; (match = tag.exec(html)); ) {
    depth += match[1] ? -1 : 1;
    if (depth === 0) {
      return { start: open.index, inner: [open.index + open[0].length, match.index], end: tag.lastIndex };
    }
  }
  throw new Error(`dist/index.html: the explainer's <${open[1]}> is not closed`);
}

/** dist/index.html without its scripts, preloads and module preloads: the article alone. */
function articleWithoutScripts(html) {
  const page = html
    .replace(/\s*<link rel="(modulepreload|preload)"[^>]*>/g, "")
    .replace(/\s*<script type="module"[^>]*>[\s\S]*?<\/script>/g, "");
  if (/<script type="module"|src="main\.js"/.test(page)) throw new Error("the article-only page still loads a module");
  return page;
}

/**
 * For scale, in the start-up table and here: the article page without the explainer (same HTML
 * and inline stylesheets; a classic script at the end of the body sets the mark). A host that
 * holds a pre-rendered explainer (its title is in the HTML) is emptied, so that the page stays
 * the article alone. Writes `dir`/article-only.html.
 */
export async function writeArticleOnly(dir) {
  let page = articleWithoutScripts(await readFile(`${DIST}index.html`, "utf8"));
  const host = explainerHost(page);
  if (/rx-title|shadowrootmode/.test(page.slice(...host.inner))) page = page.slice(0, host.inner[0]) + page.slice(host.inner[1]);
  page = page.replace("</body>", '  <script>performance.mark("round-explainer:rendered");</script>\n</body>');
  await mkdir(dir, { recursive: true });
  await writeFile(`${dir}article-only.html`, page);
}

/**
 * The custom element as a newsroom would embed it beside its article (README): the article
 * page's HTML and inline styles, its explainer host replaced by the element pre-rendered in a
 * declarative shadow root with its story inline (`round-explainer snippet --prerendered`, the
 * README's snippet for this). Writes `dir`/phone-element.html (served under /bench/, so its
 * addresses are absolute).
 */
async function writeElementHost(dir) {
  const page = articleWithoutScripts(await readFile(`${DIST}index.html`, "utf8"));
  const host = explainerHost(page);
  const element = execFileSync("target/debug/round-explainer", ["snippet", `www/${STORY}`, "--prerendered"], { encoding: "utf8" });
  const html = (page.slice(0, host.start) + element + page.slice(host.end))
    .replace("</body>", '  <script type="module" src="/round-explainer.js"></script>\n</body>');
  await writeFile(`${dir}phone-element.html`, html);
}

/** A host page holding the iframe child from another site (`childUrl`), to see whether the
 * profile reaches an out-of-process iframe. Writes `dir`/phone-iframe-host.html. */
async function writeIframeHost(dir, childUrl) {
  await writeFile(
    `${dir}phone-iframe-host.html`,
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Host page for the iframe check</title><link rel="icon" href="data:,"></head>
<body><p>The article.</p><iframe src="${childUrl}" title="Funding-round explainer" width="100%" height="900"></iframe></body></html>\n`,
  );
}

/** The iframe child: the pre-rendered one (dist/embed/openai-2026.html) once the build writes
 * it, else the child that draws the story named by ?story=. */
const iframeChild = () =>
  existsSync(`${DIST}embed/openai-2026.html`) ? "embed/openai-2026.html" : `embed.html?story=${STORY}`;

// --- In the page -----------------------------------------------------------------------------

/**
 * Runs in the page before its scripts (an init script) and keeps what the page reports in
 * window.__phone: largest contentful paints, layout shifts, long tasks, Event Timing entries of
 * interactions, and when the explainer was first seen. It says "phone-profile:settled" on the
 * console `settleMs` after the last thing the page did, so that nothing of ours runs in the page
 * while it loads (a first Playwright evaluation costs the main thread 10-20 ms, 4x that here).
 *
 * The explainer first seen: Element Timing of its title (.rx-title, marked by a mutation
 * observer) when it is in the page's own DOM. Element Timing does not see into shadow roots, nor
 * report text it did not paint in the viewport, so the title is also looked for (in the document
 * or a <round-explainer>'s shadow root) in a requestAnimationFrame callback after each change to
 * the DOM, until it is there and laid out; that frame's time and the time just after its
 * rendering work (a setTimeout 0 from the rAF callback) are kept. Node picks one (visibleAt).
 */
function observeInPage({ settleMs, timeoutMs }) {
  const state = (window.__phone = {
    lcp: [], shifts: [], longTasks: [], interactions: [], steps: [], inputs: 0,
    elementPaint: undefined, poll: undefined, loaded: false, timedOut: false,
  });
  let settleTimer;
  const say = (what) => console.debug(`phone-profile:${what}`);
  const done = () => state.loaded && (state.poll !== undefined || state.elementPaint !== undefined);
  // Called whenever the page does something that matters: settled once quiet for settleMs.
  const touch = () => {
    clearTimeout(settleTimer);
    if (done()) settleTimer = setTimeout(() => say("settled"), settleMs);
  };
  setTimeout(() => {
    state.timedOut = !done();
    if (state.timedOut) say("timeout");
  }, timeoutMs);
  const observe = (type, options, each) => {
    try {
      new PerformanceObserver((list) => list.getEntries().forEach(each)).observe({ type, ...options });
    } catch {
      // an entry type this browser does not know: its figure stays empty
    }
  };
  /** A node as a selector would name it: div#explainer, p.explainer-loading. */
  const describe = (node) => {
    if (!node) return "(a node gone since)";
    const classes = typeof node.className === "string" && node.className.trim() ? `.${node.className.trim().split(/\s+/).join(".")}` : "";
    return `${node.nodeName.toLowerCase()}${node.id ? `#${node.id}` : ""}${classes}`;
  };
  observe("largest-contentful-paint", { buffered: true }, (e) => state.lcp.push(e.startTime));
  observe("layout-shift", { buffered: true }, (e) => {
    if (e.hadRecentInput) return;
    state.shifts.push({
      start: e.startTime,
      value: e.value,
      sources: (e.sources ?? []).map((s) => ({ node: describe(s.node), from: s.previousRect.y, to: s.currentRect.y })),
    });
    touch();
  });
  observe("longtask", {}, (e) => state.longTasks.push({ start: e.startTime, duration: e.duration }));
  observe("element", { buffered: true }, (e) => {
    if (e.identifier === "round-explainer") state.elementPaint ??= e.renderTime || e.loadTime;
    touch();
  });
  observe("event", { buffered: true, durationThreshold: 16 }, (e) => {
    if (!e.interactionId) return;
    state.interactions.push({
      id: e.interactionId, name: e.name, start: e.startTime, duration: e.duration,
      processingStart: e.processingStart, processingEnd: e.processingEnd,
    });
  });
  observe("mark", { buffered: true }, (e) => {
    if (!e.name.startsWith("round-explainer:")) return;
    touch();
    look();
  });
  addEventListener("load", () => {
    state.loaded = true;
    touch();
    look();
  });

  const findTitle = () => {
    const light = document.querySelector(".rx-title");
    if (light) return { node: light, shadow: false };
    for (const host of document.querySelectorAll("round-explainer")) {
      const title = host.shadowRoot?.querySelector(".rx-title");
      if (title) return { node: title, shadow: true };
    }
    return undefined;
  };
  const laidOut = (node) =>
    node.getBoundingClientRect().height > 0 && (node.checkVisibility?.({ visibilityProperty: true }) ?? true);
  const drawn = () =>
    performance.getEntriesByName("round-explainer:rendered").length > 0 ||
    performance.getEntriesByName("round-explainer:hydrated").length > 0;
  // Looked for in the next frame after anything changed (not every frame: a rAF each frame would
  // make the throttled page render frames it did not ask for), and again each frame while the
  // title is there but not laid out yet.
  let looking = false;
  let seen = false;
  const inFrame = (frame) => {
    looking = false;
    const found = findTitle();
    if (found && laidOut(found.node)) {
      seen = true;
      setTimeout(() => {
        state.poll = { frame, after: performance.now(), shadow: found.shadow };
        touch();
      });
    } else if (found) {
      look();
    } else if (drawn()) {
      // Drawn, and no title: a page without the explainer (or one that failed).
      state.poll = null;
      touch();
    }
  };
  const look = () => {
    if (looking || seen || state.poll !== undefined) return;
    looking = true;
    requestAnimationFrame(inFrame);
  };
  // Changes in the document, and in every shadow root the page attaches (a declarative shadow
  // root is parsed with its host, whose insertion is seen).
  const changes = new MutationObserver(() => {
    document.querySelector(".rx-title:not([elementtiming])")?.setAttribute("elementtiming", "round-explainer");
    look();
  });
  changes.observe(document, { subtree: true, childList: true });
  const attachShadow = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    const root = attachShadow.call(this, init);
    changes.observe(root, { subtree: true, childList: true });
    return root;
  };
  look();

  // A slider step, by tap or by key: from the pointerdown's or keydown's timestamp, through the
  // explainer's handlers (it moves a slider on keydown, and follows a tap's input event), to just
  // after the next frame, which shows the change (requestAnimationFrame, then a setTimeout 0).
  let pending;
  const start = (kind) => (e) => (pending = { kind, stamp: e.timeStamp, dispatched: performance.now() });
  const handled = () => {
    if (!pending) return;
    const step = { ...pending, handled: performance.now() };
    pending = undefined;
    requestAnimationFrame(() => setTimeout(() => state.steps.push({ ...step, after: performance.now() })));
  };
  addEventListener("pointerdown", start("tap"), true);
  addEventListener("keydown", start("key"), true);
  addEventListener("keydown", handled); // bubbling: after the explainer's own keydown handler
  addEventListener("input", () => {
    state.inputs++;
    handled();
  });
}

/** Runs in the page once it has settled: what observeInPage kept, the marks and paints, and
 * Resource Timing of the document and every file. */
function readPage() {
  const at = (name) => performance.getEntriesByName(name)[0]?.startTime;
  const nav = performance.getEntriesByType("navigation")[0];
  const file = (e, name) => ({
    name, start: e.startTime, responseStart: e.responseStart, end: e.responseEnd, bytes: e.encodedBodySize,
  });
  return {
    ...window.__phone,
    fcp: at("first-contentful-paint"),
    hydrated: at("round-explainer:hydrated"),
    rendered: at("round-explainer:rendered"),
    wasmReady: at("round-explainer:loaded"),
    files: [
      file(nav, "(the document)"),
      ...performance.getEntriesByType("resource").map((e) => file(e, new URL(e.name).pathname)),
    ],
  };
}

// --- One page under the profile --------------------------------------------------------------

/** A fresh context (nothing cached) with the phone's screen, and a page in it with the CPU and
 * network throttled through CDP and observeInPage installed; `settled` resolves with
 * "settled" or "timeout" once the page has loaded url. */
async function openPhonePage(browser, url) {
  const context = await browser.newContext(PROFILE.context);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: PROFILE.cpuRate });
  await cdp.send("Network.enable");
  await cdp.send("Network.setCacheDisabled", { cacheDisabled: true });
  await cdp.send("Network.emulateNetworkConditions", PROFILE.network);
  await page.addInitScript(observeInPage, { settleMs: SETTLE_MS, timeoutMs: LOAD_TIMEOUT_MS });
  const settled = new Promise((resolve) => {
    page.on("console", (message) => {
      const [, what] = /^phone-profile:(\w+)/.exec(message.text()) ?? [];
      if (what) resolve(what);
    });
  });
  // Should the page never say (a crash), the load is read as it is; unref'd, so as not to hold
  // the process open.
  const gaveUp = new Promise((resolve) => setTimeout(() => resolve("timeout"), LOAD_TIMEOUT_MS + 5000).unref());
  await page.goto(url, { timeout: LOAD_TIMEOUT_MS });
  return { context, page, settled: Promise.race([settled, gaveUp]) };
}

/** When the explainer was first on screen, and how that was known: the title's paint (Element
 * Timing); else, if the first contentful paint came in or after the frame in which the title was
 * first laid out, that paint (the explainer was in the page when it was first painted); else just
 * after that frame's rendering work (rAF, then setTimeout 0). Undefined without an explainer. */
function visibleAt(load) {
  if (load.elementPaint !== undefined) return { at: load.elementPaint, how: "Element Timing of the title" };
  if (!load.poll) return { at: undefined, how: "none" };
  const where = load.poll.shadow ? "in a shadow root" : "in the page";
  if (load.fcp >= load.poll.frame) return { at: load.fcp, how: `title ${where} at the first contentful paint` };
  return { at: load.poll.after, how: `title ${where}, first frame with it laid out (rAF poll)` };
}

/** Cumulative layout shift as web-vitals counts it: shifts without recent input, grouped into
 * session windows (a gap under 1 s, at most 5 s long); the largest window. */
function cumulativeLayoutShift(shifts) {
  let largest = 0;
  let window = [];
  for (const shift of shifts) {
    const first = window[0];
    const last = window[window.length - 1];
    if (first && (shift.start - last.start >= 1000 || shift.start - first.start >= 5000)) window = [];
    window.push(shift);
    largest = Math.max(largest, window.reduce((sum, s) => sum + s.value, 0));
  }
  return largest;
}

/** The bytes (as sent: gzip) a reader had received by `time`: each file whose response had
 * ended by then; the document counts too, pro rata to its time from first to last byte if it was
 * still arriving (the one-file build paints while its inlined wasm streams in). */
function bytesBefore(files, time) {
  const counted = [];
  for (const f of files) {
    if (f.end <= time) counted.push({ name: f.name, bytes: f.bytes, end: f.end });
    else if (f.name === "(the document)" && f.responseStart < time) {
      const part = (time - f.responseStart) / (f.end - f.responseStart);
      counted.push({ name: `${f.name}, the part in by then`, bytes: f.bytes * part, end: time });
    }
  }
  return { bytes: counted.reduce((sum, f) => sum + f.bytes, 0), counted };
}

/** One cold load of `url` under the profile, and the figures of it. */
async function coldLoad(browser, url) {
  const { context, page, settled } = await openPhonePage(browser, url);
  const outcome = await settled;
  const load = await page.evaluate(readPage);
  await context.close();
  const visible = visibleAt(load);
  const lcp = load.lcp[load.lcp.length - 1];
  const hydratedMark =
    load.hydrated !== undefined ? "round-explainer:hydrated" : load.rendered !== undefined ? "round-explainer:rendered" : "none";
  const before = bytesBefore(load.files, visible.at ?? load.fcp);
  return {
    timedOut: outcome !== "settled",
    fcp: load.fcp,
    lcp,
    visible: visible.at,
    visibleHow: visible.how,
    hydrated: load.hydrated ?? load.rendered,
    hydratedMark,
    wasmReady: load.wasmReady,
    cls: cumulativeLayoutShift(load.shifts),
    shifts: load.shifts,
    longTasks: load.longTasks,
    longBeforeLcp: load.longTasks.filter((t) => t.start < lcp),
    bytes: before.bytes,
    counted: before.counted,
    files: load.files,
  };
}

/** `count` cold loads of each of `pages`, taken in turn (a, b, c, a, b, c…) so that a noisy
 * stretch of the machine falls on every page alike. */
async function coldLoads(browser, pages, count) {
  const series = pages.map(() => []);
  for (let i = 0; i < count; i++) {
    for (const [index, page] of pages.entries()) series[index].push(await coldLoad(browser, page.url));
  }
  return series;
}

// --- Interactions ----------------------------------------------------------------------------

/** INP as web-vitals computes it: interactions grouped by interactionId, each as long as its
 * longest event; of `count` interactions, the 98th percentile: the longest with fewer than 50,
 * one excluded per 50 (with 50, the second longest). Entries under Event Timing's 16 ms threshold
 * are not reported: if fewer are seen than that rank needs, INP is under 16 ms. */
function interactionToNextPaint(entries, count) {
  const byId = new Map();
  for (const e of entries) if (!byId.has(e.id) || byId.get(e.id).duration < e.duration) byId.set(e.id, e);
  const longest = [...byId.values()].sort((a, b) => b.duration - a.duration);
  const rank = Math.min(Math.floor(count / 50), count - 1);
  return { inp: longest[rank], seen: longest.length, rank };
}

/** How one slider step (a tap or a key) went, from the page's own timing: until its pointerdown or
 * keydown was dispatched, in the handlers, and from them to just after the next frame. */
const phasesOf = (step) =>
  `${ms(step.dispatched - step.stamp)} until its ${step.kind === "tap" ? "pointerdown" : "keydown"} was dispatched, ` +
  `${ms(step.handled - step.dispatched)} in the handlers (to the ${step.kind === "tap" ? "input event" : "keydown"} handled), ` +
  `${ms(step.after - step.handled)} from there to just after the next frame`;

/** Runs in the page: what it kept from `since` on (performance.now() time) and the interaction
 * count since `count`. */
function interactionsSince({ since, count, inputs }) {
  const state = window.__phone;
  return {
    moved: state.inputs - inputs,
    count: performance.interactionCount === undefined ? undefined : performance.interactionCount - count,
    entries: state.interactions.filter((e) => e.start >= since),
    steps: state.steps.filter((s) => s.stamp >= since),
  };
}
/** Runs in the page: where the next interactionsSince starts. */
const mark = () => ({ since: performance.now(), count: performance.interactionCount, inputs: window.__phone.inputs });

/** On a fresh load of `url` under the profile: `taps` real taps (touch events through CDP) at
 * different places along the Amazon slider, then `steps` ArrowRight presses on the focused
 * slider (ArrowLeft back from its end). Gives, for each, what interactionsSince kept and INP. */
async function interact(browser, url, taps, steps) {
  const { context, page, settled } = await openPhonePage(browser, url);
  await settled;
  // Playwright's locators see into open shadow roots: the same selector serves every page.
  const slider = page.locator("input[data-control=amazon]").first();
  await slider.scrollIntoViewIfNeeded();
  await page.waitForTimeout(500); // the scroll's own work (the page's reading highlight) ends
  const box = await slider.boundingBox();
  let from = await page.evaluate(mark);
  for (let i = 0; i < taps; i++) {
    // 17 and 50 share no factor: every tap lands elsewhere than the one before it.
    const along = 0.04 + (0.92 * ((i * 17) % 50)) / 49;
    await page.touchscreen.tap(box.x + box.width * along, box.y + box.height / 2);
    await page.waitForTimeout(300);
  }
  const tapped = await page.evaluate(interactionsSince, from);
  await slider.focus();
  const range = await slider.evaluate((input) => ({ value: Number(input.value), min: Number(input.min), max: Number(input.max), step: Number(input.step) || 1 }));
  let value = range.value;
  let direction = 1;
  from = await page.evaluate(mark);
  for (let i = 0; i < steps; i++) {
    if (value + direction * range.step > range.max || value + direction * range.step < range.min) direction = -direction;
    value += direction * range.step;
    await page.keyboard.press(direction > 0 ? "ArrowRight" : "ArrowLeft");
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(500);
  const keyed = await page.evaluate(interactionsSince, from);
  await context.close();
  return {
    taps: { ...tapped, tries: taps, ...interactionToNextPaint(tapped.entries, tapped.count ?? taps) },
    keys: { ...keyed, tries: steps, ...interactionToNextPaint(keyed.entries, keyed.count ?? steps) },
  };
}

// --- Is an out-of-process iframe throttled? --------------------------------------------------

/** Runs in a frame: a fixed piece of work, timed (how fast that frame's CPU is). */
function busyWork() {
  const start = performance.now();
  let x = 0;
  for (let i = 0; i < 3e6; i++) x = (x + i * i) % 1000003;
  return { ms: performance.now() - start, x };
}

/** One load of a host page whose iframe child comes from another site (localhost, not
 * 127.0.0.1): site isolation puts it in a renderer of its own. Does the CDP profile of the page
 * reach it? Network: how long the child's wasm took against the least the profile's bandwidth
 * allows; CPU: the same work timed in the page, in the child, and in a page without the profile. */
async function iframeCheck(browser, server, benchPages) {
  await writeIframeHost(benchPages, `${server.otherSite}${iframeChild()}`);
  const { context, page, settled } = await openPhonePage(browser, `${server.url}bench/phone-iframe-host.html`);
  await settled;
  const child = page.frames().find((frame) => frame !== page.mainFrame());
  if (!child) throw new Error("the host page has no iframe");
  // Its wasm in hand (or, for a child that needs none, its load event and a mark).
  await child.waitForFunction(
    () =>
      performance.getEntriesByType("resource").some((r) => r.name.endsWith(".wasm")) ||
      (document.readyState === "complete" && performance.getEntriesByType("mark").length > 0),
    undefined,
    { timeout: LOAD_TIMEOUT_MS },
  );
  const wasm = await child.evaluate(() => {
    const e = performance.getEntriesByType("resource").find((r) => r.name.endsWith(".wasm"));
    return e && { took: e.responseEnd - e.startTime, bytes: e.encodedBodySize };
  });
  const plain = await browser.newPage();
  const cpu = {
    page: (await page.evaluate(busyWork)).ms,
    child: (await child.evaluate(busyWork)).ms,
    plain: (await plain.evaluate(busyWork)).ms,
  };
  await plain.close();
  await context.close();
  return { wasm, cpu, least: wasm ? (1000 * wasm.bytes) / PROFILE.network.downloadThroughput : NaN };
}

/** Prints what iframeCheck found, as computed from its figures. */
function reportIframeCheck(out, check) {
  const mbit = (PROFILE.network.downloadThroughput * 8e-6).toFixed(1);
  const throttled = check.wasm && check.wasm.took >= 0.9 * check.least;
  const cpuReached = Math.abs(check.cpu.child - check.cpu.page) < Math.abs(check.cpu.child - check.cpu.plain);
  out("");
  out("The iframe child from another site (localhost beside 127.0.0.1) in a host page under the same profile, one load:");
  out(
    check.wasm
      ? `its wasm (${kb(check.wasm.bytes)} gzip) took ${ms(check.wasm.took)} from request to last byte, where ${mbit} Mbit/s needs at ` +
          `least ${ms(check.least)}: the network emulation ${throttled ? "reaches" : "does not reach"} it.`
      : "it fetched no wasm, so the network check had nothing to time.",
  );
  out(
    `The same piece of work took ${ms(check.cpu.page)} in the host page, ${ms(check.cpu.child)} in the child and ` +
      `${ms(check.cpu.plain)} in a page without the profile: the CPU throttling ${cpuReached ? "reaches" : "does not reach"} the child.` +
      (throttled && cpuReached ? "" : " Hence the child is measured above as a page of its own."),
  );
}

// --- Why a budget was missed -----------------------------------------------------------------

/** The most common of `xs`. */
const mostCommon = (xs) => [...xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map())].sort((a, b) => b[1] - a[1])[0]?.[0];

/** Where the time to `key` (visible, hydrated) went, over the loads: until the last file that had
 * arrived by then was in hand (which file, most often), then the rest, with the long tasks in it. */
function whereTheTimeWent(loads, key) {
  const splits = loads
    .filter((l) => Number.isFinite(l[key]))
    .map((l) => {
      const arrived = l.files.filter((f) => f.end <= l[key]).sort((a, b) => b.end - a.end)[0];
      const inHand = arrived?.end ?? 0;
      const busy = l.longTasks.filter((t) => t.start >= inHand && t.start < l[key]).reduce((sum, t) => sum + t.duration, 0);
      return { total: l[key], inHand, last: arrived?.name ?? "nothing", busy, wasmReady: l.wasmReady };
    });
  if (!splits.length) return "no load reached it";
  const total = median(splits.map((s) => s.total));
  const inHand = median(splits.map((s) => s.inHand));
  const busy = median(splits.map((s) => s.busy));
  const ready = numbers(splits.map((s) => s.wasmReady));
  const readyPart = ready.length && median(ready) > inHand ? `; the wasm and story ready (round-explainer:loaded) at ${ms(median(ready))}` : "";
  const rest = total - inHand;
  return (
    `of ${ms(total)} (medians), ${ms(inHand)} (${pct(inHand, total)}) until the last file in hand by then had arrived, most ` +
    `often ${mostCommon(splits.map((s) => s.last))}${readyPart}; the other ${ms(rest)} (${pct(rest, total)}) to run scripts, ` +
    `the wasm and the mount, lay out and paint (long tasks that started in it: ${ms(busy)})`
  );
}

/** The largest files among those counted before the explainer was visible (median load). */
function largestCounted(loads) {
  const load = [...loads].sort((a, b) => a.bytes - b.bytes)[Math.floor(loads.length / 2)];
  return [...load.counted].sort((a, b) => b.bytes - a.bytes).slice(0, 4).map((f) => `${f.name} ${kb(f.bytes)}`).join(", ");
}

/** The largest layout shift of the loads, and what it moved. */
function largestShift(loads) {
  const shift = loads.flatMap((l) => l.shifts).sort((a, b) => b.value - a.value)[0];
  if (!shift) return "no shift";
  const moved = shift.sources.map((s) => `${s.node} (y ${s.from.toFixed(0)} to ${s.to.toFixed(0)})`).join(", ");
  return `largest shift ${shift.value.toFixed(3)} at ${ms(shift.start)}, moving ${moved || "nodes it does not name"}`;
}

/** The long tasks that started before LCP, over the loads, beside the article alone's. */
function longTasksBeforeLcp(loads, articleLoads) {
  const tasks = loads.flatMap((l) => l.longBeforeLcp.map((t) => ({ ...t, lcp: l.lcp })));
  const longest = tasks.sort((a, b) => b.duration - a.duration)[0];
  const hit = (series) => series.filter((l) => l.longBeforeLcp.length).length;
  const alone = articleLoads.flatMap((l) => l.longBeforeLcp).sort((a, b) => b.duration - a.duration)[0];
  return (
    `${hit(loads)} of ${loads.length} loads had one; the longest ${ms(longest.duration)} from ${ms(longest.start)}, before an LCP at ` +
    `${ms(longest.lcp)}. The article alone had one in ${hit(articleLoads)} of ${articleLoads.length} loads` +
    (alone ? ` (the longest ${ms(alone.duration)} from ${ms(alone.start)})` : "")
  );
}

// --- The section -----------------------------------------------------------------------------

/** The pages measured, on `server`: every way of showing the explainer, and the article alone.
 * The taps and key steps go to the article page and the element (its slider in a shadow root). */
function phonePages(server) {
  const child = iframeChild();
  return [
    { what: "article page (dist/index.html)", url: server.url, explainer: true, tapped: true },
    { what: `iframe child, as a page of its own (dist/${child})`, url: `${server.url}${child}`, explainer: true },
    {
      what: "custom element in a host page (target/bench-pages/phone-element.html)",
      url: `${server.url}bench/phone-element.html`,
      explainer: true,
      tapped: true,
    },
    { what: "one-file build over http (dist/round-explainer.html)", url: `${server.url}round-explainer.html`, explainer: true },
    { what: "for scale: the article page alone", url: `${server.url}bench/article-only.html`, explainer: false },
  ];
}

/** CLS with 3 decimals, or 2 significant digits when that would show a shift as 0.000. */
const clsText = (cls) => (cls > 0 && cls < 0.0005 ? cls.toPrecision(2) : cls.toFixed(3));

/** How many loads were taken each way, e.g. "Element Timing of the title 20". */
const tally = (loads, key) =>
  [...loads.reduce((m, l) => m.set(l[key], (m.get(l[key]) ?? 0) + 1), new Map())].map(([k, n]) => `${k} ${n}`).join(", ");

/** The profile, the cold loads' table, and how each figure was taken. */
function reportLoads(out, pages, series, articleBytes) {
  const { cpuRate, network, context } = PROFILE;
  out("");
  out(`## Phone profile: ${series[0].length} cold loads of each page, taken in turn`);
  out(`Headless Chromium through the DevTools protocol: the CPU ${cpuRate}x slower (Emulation.setCPUThrottlingRate),`);
  out(
    `a ${(network.downloadThroughput * 8e-6).toFixed(1)} Mbit/s down, ${(network.uploadThroughput * 8e-3).toFixed(0)} kbit/s up network ` +
      `with ${network.latency} ms latency (Network.emulateNetworkConditions),`,
  );
  out(
    `a ${context.viewport.width} x ${context.viewport.height} touch screen at ${context.deviceScaleFactor}x (isMobile, hasTouch), ` +
      "the cache off and a fresh context per load.",
  );
  out("The files are served with gzip -9 (Content-Encoding: gzip), so the throttled network carries compressed");
  out("bytes and the byte counts are gzip sizes (Resource Timing's encodedBodySize). The one-file build is served");
  out("over http here so that the network emulation applies to it; from file:// there is no network to slow down.");
  out("The iframe child is loaded as a page of its own, since a page's emulation may not reach an out-of-process");
  out("iframe (checked at the end). Figures are medians (min-max) in ms from navigation start.");
  out("");
  out("| page | first contentful paint | largest contentful paint | explainer visible | hydrated | CLS (worst load) | long tasks (before LCP) | gzip bytes before visible |");
  out("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const [index, { what, explainer }] of pages.entries()) {
    const s = series[index];
    const cls = clsText(Math.max(...s.map((l) => l.cls)));
    const tasks = `${median(s.map((l) => l.longTasks.length))} (${median(s.map((l) => l.longBeforeLcp.length))})`;
    const visible = explainer ? spread(s.map((l) => l.visible)) : "—";
    const hydrated = explainer ? spread(s.map((l) => l.hydrated)) : "—";
    const bytes = kb(median(s.map((l) => l.bytes)));
    out(`| ${what} | ${spread(s.map((l) => l.fcp))} | ${spread(s.map((l) => l.lcp))} | ${visible} | ${hydrated} | ${cls} | ${tasks} | ${bytes} |`);
  }
  out("");
  out("How each figure was taken, per page (in how many loads):");
  for (const [index, { what, explainer }] of pages.entries()) {
    if (!explainer) continue;
    const timedOut = series[index].filter((l) => l.timedOut).length;
    const late = timedOut ? `; ${timedOut} loads timed out` : "";
    out(`- ${what}: visible by ${tally(series[index], "visibleHow")}; hydrated by the mark ${tally(series[index], "hydratedMark")}${late}.`);
  }
  out("Explainer visible: the title's paint by Element Timing when it is in the page's own DOM and painted in the");
  out("viewport; otherwise (a shadow root, or below the fold) a requestAnimationFrame poll finds the first frame in");
  out("which the title is in the DOM and laid out, and the time is the first contentful paint if that came in or");
  out("after that frame (the explainer was in the page when it was first painted), else the time just after that");
  out("frame's rendering work (a setTimeout 0 from the rAF callback). Hydrated: the performance mark");
  out("round-explainer:hydrated where the page sets it, else round-explainer:rendered (set after the wasm's first");
  out("mount). CLS: layout shifts without recent input in session windows, the largest (as web-vitals). Long tasks:");
  out("PerformanceObserver 'longtask', and of them those that started before the page's own largest contentful");
  out("paint. Bytes before visible: the document and every file whose response had ended by then (the document pro");
  out(`rata if still arriving); the article alone counts those before its first contentful paint: ${kb(articleBytes)}.`);
}

/** The cold loads' budgets, each over every page that shows the explainer. */
function judgeLoads(judge, pages, series) {
  const article = series[pages.findIndex((p) => !p.explainer)];
  const articleFcp = median(numbers(article.map((l) => l.fcp)));
  const articleBytes = median(article.map((l) => l.bytes));
  const explained = pages.map((p, i) => ({ ...p, loads: series[i] })).filter((p) => p.explainer);
  const limit = 1.05 * articleFcp;
  const fcpText = `${ms(articleFcp)}, so ${ms(limit)}`;
  judge(`explainer visible at most 1.05 x the article alone's first contentful paint (${fcpText})`, explained, ({ loads }) => {
    const visible = median(numbers(loads.map((l) => l.visible)));
    return { ok: visible <= limit, figure: ms(visible), why: () => whereTheTimeWent(loads, "visible") };
  });
  judge("CLS 0 on every page", explained, ({ loads }) => {
    const worst = Math.max(...loads.map((l) => l.cls));
    const figure = `${clsText(worst)} in the worst load, ${clsText(median(loads.map((l) => l.cls)))} median`;
    return { ok: worst === 0, figure, why: () => largestShift(loads) };
  });
  judge("no long task before the page's largest contentful paint", explained, ({ loads }) => {
    const count = loads.reduce((sum, l) => sum + l.longBeforeLcp.length, 0);
    return { ok: count === 0, figure: `${count} in ${loads.length} loads`, why: () => longTasksBeforeLcp(loads, article) };
  });
  judge(`bytes before visible at most 12 KB gzip beyond the article alone's (${kb(articleBytes)})`, explained, ({ loads }) => {
    const beyond = median(loads.map((l) => l.bytes)) - articleBytes;
    return { ok: beyond <= 12 * KB, figure: `${kb(beyond)} beyond`, why: () => `the largest counted (median load): ${largestCounted(loads)}` };
  });
  judge("hydrated within 1.5 s of the page's own first contentful paint (median of hydrated - FCP per load)", explained, ({ loads }) => {
    const gap = median(numbers(loads.map((l) => l.hydrated - l.fcp)));
    return { ok: gap <= 1500, figure: `${ms(gap)} after it`, why: () => whereTheTimeWent(loads, "hydrated") };
  });
}

/** Each step's time from its event's timestamp to just after the next frame. */
const stepTimes = (steps) => steps.map((s) => s.after - s.stamp);
const inpText = (run) => (run.inp ? ms(run.inp.duration) : "under 16 ms");

/** The interactions' table. */
function reportInteractions(out, runs) {
  out("");
  out(`### Phone profile: interactions (${TAPS} taps, then ${STEPS} key steps, on the Amazon slider; same profile)`);
  out("One fresh load of each page. Taps are touch events through CDP (page.touchscreen.tap) at different places");
  out("along the slider, 300 ms apart. INP is web-vitals': Event Timing (durationThreshold 16 ms) grouped by");
  out("interactionId, each interaction as long as its longest event, and the 98th percentile of them (with 50");
  out("interactions, the longest left out). A key step is an ArrowRight (ArrowLeft back from the end) on the focused");
  out('slider, 200 ms apart. "To next frame" is the page\'s own timing of each step: from the pointerdown\'s or');
  out("keydown's timestamp to just after the frame that follows the explainer's handlers (rAF, then setTimeout 0).");
  out("| page | taps that moved it | interactions over 16 ms | INP (taps) | tap to next frame, median | INP (keys) | key step median | key step p98 |");
  out("|---|---:|---:|---:|---:|---:|---:|---:|");
  for (const { what, taps, keys } of runs) {
    out(
      `| ${what} | ${taps.moved} of ${taps.tries} | ${taps.seen} | ${inpText(taps)} | ${ms(median(stepTimes(taps.steps)))} | ` +
        `${inpText(keys)} | ${ms(median(stepTimes(keys.steps)))} | ${ms(quantile(stepTimes(keys.steps), 0.98))} |`,
    );
  }
}

/** The interactions' budgets, each over every page that was tapped. */
function judgeInteractions(judge, runs) {
  judge("INP over the taps at most 50 ms", runs, ({ taps }) => ({
    ok: !taps.inp || taps.inp.duration <= 50,
    figure: inpText(taps),
    why: () => {
      const e = taps.inp;
      const step = taps.steps.find((s) => Math.abs(s.stamp - e.start) < 1);
      const timing =
        `Event Timing of its ${e.name}: ${ms(e.processingStart - e.start)} input delay, ` +
        `${ms(e.processingEnd - e.processingStart)} in its handlers, ${ms(e.start + e.duration - e.processingEnd)} from them to the next paint`;
      return step ? `${timing}; the page's own timing of that tap: ${phasesOf(step)}` : timing;
    },
  }));
  judge("slider step, key to next frame, p98 at most 33 ms", runs, ({ keys }) => {
    const p98 = quantile(stepTimes(keys.steps), 0.98);
    const step = keys.steps.find((s) => s.after - s.stamp === p98);
    return { ok: p98 <= 33, figure: `${ms(p98)} over ${keys.steps.length} steps`, why: () => `that step: ${phasesOf(step)}` };
  });
}

/**
 * The phone profile: cold loads of every page that shows the explainer and of the article alone,
 * taken in turn; then taps and key steps on the slider; then whether the emulation reaches an
 * out-of-process iframe. Prints its tables and verdicts with `out` and returns its budgets as
 * [what, ok] pairs for the summary.
 */
export async function phoneProfile({ browser, out = console.log, benchPages, loads = LOADS }) {
  await writeArticleOnly(benchPages);
  await writeElementHost(benchPages);
  const server = await serveDist({ "/bench/": benchPages }, { gzip: true });
  try {
    const budgets = [];
    /** Prints a budget's verdict over `subjects` (pages, or interaction runs), each with its
     * figure and, where missed, the reason `check` computes; keeps it for the summary. */
    const judge = (what, subjects, check) => {
      const results = subjects.map((subject) => ({ what: subject.what, ...check(subject) }));
      const ok = results.every((r) => r.ok);
      out("");
      out(`Budget: ${what}: ${verdict(ok)}.`);
      for (const r of results) out(`- ${r.what}: ${r.figure}, ${verdict(r.ok)}${r.ok ? "" : `: ${r.why()}`}.`);
      budgets.push([`phone: ${what}`, ok]);
    };

    const pages = phonePages(server);
    const series = await coldLoads(browser, pages, loads);
    reportLoads(out, pages, series, median(series[pages.findIndex((p) => !p.explainer)].map((l) => l.bytes)));
    judgeLoads(judge, pages, series);

    const runs = [];
    for (const p of pages.filter((page) => page.tapped)) {
      runs.push({ what: p.what, ...(await interact(browser, p.url, TAPS, STEPS)) });
    }
    reportInteractions(out, runs);
    judgeInteractions(judge, runs);

    try {
      reportIframeCheck(out, await iframeCheck(browser, server, benchPages));
    } catch (error) {
      out("");
      out(`The check of an out-of-process iframe could not run: ${error.message.split("\n")[0]}`);
    }
    return budgets;
  } finally {
    server.close();
  }
}

// Alone: `node scripts/phone-profile.mjs` prints the section (no BENCHMARKS.md).
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const browser = await launchChromium();
  try {
    const budgets = await phoneProfile({ browser, benchPages: `${process.cwd()}/target/bench-pages/` });
    console.log("");
    for (const [what, ok] of budgets) console.log(`- ${what}: ${verdict(ok)}`);
  } finally {
    await browser.close();
  }
}
