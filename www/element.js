// The <round-explainer> custom element. Written as a plain script (no import/export) so the same
// file serves the ES-module build (round-explainer.js imports it) and the one-file build (inlined
// as a classic script). It puts `{ define(api, options), followReading }` on globalThis under
// Symbol.for("round-explainer"): a name a host page cannot take by accident, as it can take
// window.RoundExplainer (its own script, a number, a frozen object), which would otherwise blank
// every explainer. Loading it twice, or defining twice, does nothing the second time.
(function () {
  "use strict";
  const root = typeof globalThis !== "undefined" ? globalThis : window;
  const KEY = Symbol.for("round-explainer");
  if (root[KEY]) return;

  /** How long the story may take to arrive, and the wasm to start, before the element gives up
   * with an error (README); the `timeout` attribute (milliseconds) sets another. */
  const DEFAULT_TIMEOUT_MS = 15000;

  function el(doc, tag, className, text) {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  // The element's own words, shown before the wasm runs (or when it cannot), in each language
  // the explainer speaks: a copy of src/locale/messages/, which tests/element_words.rs writes
  // into this block and checks.
  // BEGIN ELEMENT WORDS
  const WORDS = {
    en: { heading: "The explainer could not be shown. ", loading: "Loading the explainer\u2026", noWasm: "This explainer needs WebAssembly, which this page does not allow." },
    de: { heading: "Die interaktive Grafik konnte nicht angezeigt werden. ", loading: "Die interaktive Grafik wird geladen \u2026", noWasm: "Diese interaktive Grafik braucht WebAssembly, das diese Seite nicht erlaubt." },
    fr: { heading: "L\u2019infographie interactive n\u2019a pas pu s\u2019afficher. ", loading: "Chargement de l\u2019infographie interactive\u2026", noWasm: "Cette infographie interactive a besoin de WebAssembly, que cette page n\u2019autorise pas." },
    es: { heading: "No se ha podido mostrar el gr\u00e1fico interactivo. ", loading: "Cargando el gr\u00e1fico interactivo\u2026", noWasm: "Este gr\u00e1fico interactivo necesita WebAssembly, que esta p\u00e1gina no permite." },
  };
  // END ELEMENT WORDS

  /** The words for an element: its locale attribute's language, else the page's, else English. */
  function wordsFor(element) {
    const tag = element.getAttribute("locale") || element.closest("[lang]")?.getAttribute("lang") || "en";
    const language = tag.trim().split("-")[0].toLowerCase();
    return Object.hasOwn(WORDS, language) ? WORDS[language] : WORDS.en;
  }

  function errorBox(doc, message, words) {
    const box = el(doc, "div", "rx rx-error");
    box.setAttribute("role", "alert");
    box.append(el(doc, "strong", "", words.heading), el(doc, "span", "rx-error-message", message));
    return box;
  }

  function loadingBox(doc, words) {
    const box = el(doc, "div", "rx rx-loading", words.loading);
    box.setAttribute("role", "status");
    return box;
  }

  /**
   * What is shown when WebAssembly cannot run. Only the model reads a story (and refuses a bad
   * one), so without it no figure is shown at all: the story's title, if it has one, and why.
   */
  /** No figure without the model: only the story's title (if its text is JSON with a string
   * title) and why nothing more is shown. */
  function staticBox(doc, text, words) {
    const box = el(doc, "div", "rx rx-static");
    let story;
    try {
      story = JSON.parse(text);
    } catch {
      story = undefined;
    }
    const title = story !== null && typeof story === "object" && typeof story.title === "string" ? story.title : "";
    if (title) box.append(el(doc, "h2", "rx-title", title));
    box.append(el(doc, "p", "rx-static-note", words.noWasm));
    return box;
  }

  function timeoutOf(value) {
    const ms = value === null || value.trim() === "" ? NaN : Number(value);
    return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_TIMEOUT_MS;
  }

  function duration(ms) {
    const seconds = ms / 1000;
    return seconds === 1 ? "1 second" : `${seconds} seconds`;
  }

  /**
   * Calls `start` once the explainer is likely to be wanted, and never before the page has
   * loaded (so after the article's largest paint): when the browser is idle, when `host` nears
   * the viewport, or at the reader's first pointer or focus on it, whichever comes first.
   * A button pressed before the explainer was taken over would be lost (it had no listener
   * yet): `start` gets a `replay` function, to call once the explainer is taken over, which
   * presses it again. Gives a function that stops waiting (and removes every listener).
   */
  function whenWanted(host, start) {
    const PAINT_WAIT_MS = 3000;
    let done = false;
    const cleanups = [];
    const stopWaiting = () => {
      done = true;
      for (const cleanup of cleanups.splice(0)) cleanup();
    };
    const pressed = [];
    // composedPath: a press inside a shadow root reaches this listener retargeted to its host.
    const record = (event) => {
      const button = event.composedPath()[0]?.closest?.("button");
      if (button) pressed.push(button);
    };
    host.addEventListener("click", record, { capture: true });
    const stopRecording = () => host.removeEventListener("click", record, { capture: true });
    const replay = () => {
      stopRecording();
      for (const button of pressed.splice(0)) if (button.isConnected) button.click();
    };
    const go = () => {
      if (done) return;
      stopWaiting();
      start(replay);
    };
    for (const type of ["pointerdown", "focusin", "keydown"]) {
      host.addEventListener(type, go, { capture: true });
      cleanups.push(() => host.removeEventListener(type, go, { capture: true }));
    }
    const armed = () => {
      if (done) return;
      if (typeof IntersectionObserver === "function") {
        const observer = new IntersectionObserver((entries) => {
          if (entries.some((entry) => entry.isIntersecting)) go();
        }, { rootMargin: "600px 0px" });
        observer.observe(host);
        cleanups.push(() => observer.disconnect());
      }
      if (typeof requestIdleCallback === "function") {
        const idle = requestIdleCallback(go, { timeout: 2000 });
        cleanups.push(() => cancelIdleCallback(idle));
      } else {
        const timer = setTimeout(go, 200);
        cleanups.push(() => clearTimeout(timer));
      }
    };
    // After the load event and the page's largest paint as the browser reports it (a frame's
    // callbacks run before its paint is presented, so they cannot tell); where the browser
    // reports no such paint, after the next frame. A page that never paints (a hidden tab)
    // waits no longer than PAINT_WAIT_MS.
    const afterPaint = () => {
      const types = (typeof PerformanceObserver === "function" && PerformanceObserver.supportedEntryTypes) || [];
      const type = ["largest-contentful-paint", "paint"].find((t) => types.includes(t));
      if (!type) {
        requestAnimationFrame(() => setTimeout(armed, 0));
        return;
      }
      // Either the paint or the timer arms it, never both.
      const observer = new PerformanceObserver(() => {
        observer.disconnect();
        clearTimeout(timer);
        armed();
      });
      observer.observe({ type, buffered: true });
      const timer = setTimeout(() => {
        observer.disconnect();
        armed();
      }, PAINT_WAIT_MS);
      cleanups.push(() => observer.disconnect(), () => clearTimeout(timer));
    };
    if (document.readyState === "complete") {
      afterPaint();
    } else {
      window.addEventListener("load", afterPaint, { once: true });
      cleanups.push(() => window.removeEventListener("load", afterPaint));
    }
    return () => {
      stopWaiting();
      stopRecording();
    };
  }

  /**
   * Defines <round-explainer> once.
   * api: { ready: () => Promise (wasm initialised), Explainer }
   * options: { cssUrl } to link the stylesheet, or { cssText } to inline it (one-file build).
   */
  function define(api, options) {
    if (customElements.get("round-explainer")) return;

    // Set once the wasm has started, so that an element re-added to the page, whose story is
    // already read, is drawn at once rather than a frame later.
    let started = false;
    const ready = () => {
      let starting;
      try {
        starting = Promise.resolve(api.ready());
      } catch (error) {
        starting = Promise.reject(error);
      }
      return starting.then(() => {
        started = true;
        return null;
      }, (error) => error || new Error("WebAssembly could not start"));
    };

    // Lit's lifecycle: connected, it draws (again, if it was taken out); disconnected, it is taken
    // down, unless it is back by the next microtask (a move: out and in again by one piece of
    // script), which keeps it as it is, with the reader's choices. Observed attributes are followed at any time. Each load has a
    // number; a load that is no longer the element's latest, or whose element has left the
    // page, draws nothing.
    class RoundExplainerElement extends HTMLElement {
      static get observedAttributes() {
        return ["src", "scenario", "url-state", "heading-level", "theme", "font", "locale"];
      }

      constructor() {
        super();
        this.explainer = undefined;
        this.container = undefined;
        this._generation = 0;
        this._pending = undefined; // the load in flight: its timer and fetch
        this._story = undefined; // { key, value }: the last story drawn
        this._live = false; // drawn or loading, and not taken down since
        this._done = Promise.resolve(false);
        this._stopWaiting = undefined; // a pre-rendered explainer waits to be wanted
        this._replay = undefined; // and presses again what the reader pressed meanwhile
      }

      /**
       * Settles once the latest load has shown what it will show: true when it drew (the
       * explainer, an error or the static message), false when it was dropped because the
       * element left the page or a newer src replaced it.
       */
      get updateComplete() {
        return this._done;
      }

      connectedCallback() {
        if (!this.container) {
          // A shadow root declared in the page's HTML (`round-explainer snippet --prerendered`)
          // holds the explainer already drawn, with its stylesheet: it is taken over as it is.
          const declared = this.shadowRoot && this.shadowRoot.querySelector(".rx-host");
          if (declared) {
            this.container = declared;
          } else {
            const shadow = this.shadowRoot || this.attachShadow({ mode: "open" });
            shadow.replaceChildren();
            if (options.cssText) {
              shadow.append(el(document, "style", "", options.cssText));
            } else {
              const link = el(document, "link");
              link.rel = "stylesheet";
              link.href = options.cssUrl;
              shadow.append(link);
            }
            this.container = el(document, "div", "rx-host");
            shadow.append(this.container);
          }
        }
        this._style();
        // Moved: still drawn, or still loading.
        if (this._live) return;
        this._render();
      }

      disconnectedCallback() {
        queueMicrotask(() => {
          if (!this.isConnected) this._takeDown();
        });
      }

      attributeChangedCallback(name, old, value) {
        // Before the first connection there is nothing to change: it reads them all then.
        if (old === value || !this.container) return;
        if (name === "theme" || name === "font") {
          // Styles only: the explainer on screen, and the reader's choices, stay as they are.
          this._style();
          return;
        }
        if (!this.isConnected) {
          // Out of the page (perhaps on its way elsewhere): drawn afresh when it comes back.
          this._takeDown();
          return;
        }
        if (name === "src") {
          this._takeDown();
          this._render();
        } else if (name === "scenario") {
          // A load in flight reads the attribute when it draws.
          if (this.explainer) this.explainer.setFragment(value || "");
        } else if (name === "locale") {
          // Another language, with the reader's choices as they are; a load in flight reads
          // the attribute when it draws. One the explainer cannot speak changes nothing.
          const spoken = this.container.dataset.locale;
          this._localeAttribute();
          if (this.explainer) {
            try {
              this.explainer.setLocale(value || "");
            } catch (error) {
              // Kept as it was, so that a later redraw speaks what is on screen now.
              if (spoken === undefined) delete this.container.dataset.locale;
              else this.container.dataset.locale = spoken;
              this._emitError(error && error.message ? error.message : String(error));
            }
          }
        } else if ((name === "url-state" || name === "heading-level") && this.explainer && this._story) {
          this._draw(this._story.value);
        }
      }

      /** The id of the story drawn, as its root says. */
      _storyId() {
        return this.container.querySelector(".rx[data-story]")?.getAttribute("data-story") ?? null;
      }

      /** Highlights a part of the explainer (`round`, `ownership`…), or none. */
      highlight(part) {
        if (this.explainer) this.explainer.highlight(part);
      }

      _unmount() {
        if (this.explainer) {
          this.explainer.unmount();
          this.explainer.free();
          this.explainer = undefined;
        }
      }

      _cancel() {
        if (this._stopWaiting) {
          this._stopWaiting();
          this._stopWaiting = this._replay = undefined;
        }
        if (this._pending) {
          clearTimeout(this._pending.timer);
          this._pending.controller?.abort();
          this._pending = undefined;
        }
      }

      _takeDown() {
        this._live = false;
        this._generation++;
        this._cancel();
        this._unmount();
      }

      _source() {
        const inline = this.querySelector('script[type="application/json"]');
        if (inline) return { key: `inline ${inline.textContent}`, inline: inline.textContent };
        const src = this.getAttribute("src");
        return { key: `src ${src}`, src };
      }

      /** `round-explainer:error` from the element itself (the wasm dispatches its own). */
      _emitError(message) {
        this.dispatchEvent(new CustomEvent("round-explainer:error", { bubbles: true, composed: true, detail: { message, control: null } }));
      }

      _show(node, state) {
        this._unmount();
        this.container.replaceChildren(node);
        this.dataset.state = state;
        if (state === "error") {
          this._emitError(node.querySelector(".rx-error-message")?.textContent ?? node.textContent);
        }
      }

      _render() {
        this._cancel();
        const generation = ++this._generation;
        this._live = true;
        const source = this._source();
        if (started && this._story && this._story.key === source.key) {
          this._done = Promise.resolve(this._draw(this._story.value));
        } else {
          this._done = this._load(generation, source);
        }
      }

      /** The story file's JSON text, inline or fetched. It is not parsed here: the wasm reads
       * it with the model's strict reader, as every other path does (JSON.parse would keep the
       * last of two equal keys, and let a second "value" replace the quoted figure). */
      async _readStory(source, signal) {
        if (source.inline !== undefined) return source.inline;
        const src = source.src;
        if (!src) throw new Error('story file: give a src attribute or an inline <script type="application/json">');
        let response;
        try {
          response = await fetch(new URL(src, document.baseURI), signal ? { signal } : undefined);
        } catch (error) {
          throw new Error("story file: could not load " + src + ": " + error.message);
        }
        if (!response.ok) throw new Error("story file: could not load " + src + ": HTTP " + response.status);
        return await response.text();
      }

      /** The explainer already drawn in the container (pre-rendered), if any. */
      _prerendered() {
        return this.container.querySelector(":scope > .rx[data-story]");
      }

      async _load(generation, source) {
        const current = () => generation === this._generation && this.isConnected;
        const prerendered = this._prerendered();
        if (prerendered) {
          // Its figures are on screen already: the wasm is not on the page's critical path, and
          // comes when the reader is likely to want it.
          this.dataset.state = "prerendered";
          this._replay = await new Promise((resolve) => {
            this._stopWaiting = whenWanted(this, resolve);
          });
          if (!current()) return false;
        } else {
          this._show(loadingBox(document, wordsFor(this)), "loading");
        }
        const ms = timeoutOf(this.getAttribute("timeout"));
        const controller = typeof AbortController === "function" ? new AbortController() : undefined;
        let waitingFor = `story file: ${source.src || "the story"} did not arrive`;
        const pending = { controller, timer: 0 };
        const timedOut = new Promise((_, reject) => {
          pending.timer = setTimeout(() => {
            reject(new Error(`${waitingFor} within ${duration(ms)}`));
            controller?.abort();
          }, ms);
        });
        timedOut.catch(() => {}); // lost races are not unhandled rejections
        this._pending = pending;
        // The story loads while the wasm compiles.
        const wasm = ready();
        let failed;
        let story;
        try {
          story = await Promise.race([this._readStory(source, controller?.signal), timedOut]);
          if (!current()) return false;
          waitingFor = "the explainer's WebAssembly did not start";
          failed = await Promise.race([wasm, timedOut]);
        } catch (error) {
          if (!current()) return false;
          this._pending = undefined;
          clearTimeout(pending.timer);
          this._show(errorBox(document, error.message, wordsFor(this)), "error");
          return true;
        }
        if (!current()) return false;
        this._pending = undefined;
        clearTimeout(pending.timer);
        if (failed) {
          // WebAssembly refused (a CSP without 'wasm-unsafe-eval', or no WebAssembly at all).
          if (prerendered) {
            // Figures written by the model itself: they stay, and say that they cannot change.
            console.error("round-explainer: WebAssembly could not start; the figures stay as written:", failed.message);
            prerendered.setAttribute("data-static", "");
            this.dataset.state = "static";
            return true;
          }
          console.error("round-explainer: WebAssembly could not start, so no figures are shown:", failed.message);
          this._show(staticBox(document, story, wordsFor(this)), "static");
          return true;
        }
        this._story = { key: source.key, value: story };
        const drawn = this._draw(story);
        // A button the reader pressed while the wasm was on its way is pressed again, now
        // that the explainer listens.
        const replay = this._replay;
        this._replay = this._stopWaiting = undefined;
        if (replay) replay();
        return drawn;
      }

      /** The locale asked for (BCP 47), which the explainer reads from its host. */
      _localeAttribute() {
        const locale = this.getAttribute("locale");
        if (locale) this.container.dataset.locale = locale;
        else delete this.container.dataset.locale;
      }

      /** theme="light|dark" (auto otherwise) and font="inherit", for the stylesheet. */
      _style() {
        const theme = this.getAttribute("theme");
        if (theme === "light" || theme === "dark") this.container.dataset.theme = theme;
        else delete this.container.dataset.theme;
        if (this.getAttribute("font") === "inherit") this.container.dataset.font = "inherit";
        else delete this.container.dataset.font;
      }

      _draw(story) {
        this._unmount();
        // The host page's heading level for the explainer's title (its sections one below).
        const level = this.getAttribute("heading-level");
        if (level) this.container.dataset.headingLevel = level;
        else delete this.container.dataset.headingLevel;
        this._localeAttribute();
        try {
          performance.mark("round-explainer:loaded");
          // A pre-rendered explainer was written with the scenario attribute and may hold the
          // reader's moves since: mounting takes it over as it stands.
          const hydrating = Boolean(this._prerendered());
          this.explainer = api.Explainer.mount(this.container, story, undefined, this.hasAttribute("url-state"));
          const scenario = this.getAttribute("scenario");
          if (scenario && !hydrating) this.explainer.setFragment(scenario);
          performance.mark("round-explainer:rendered");
          if (hydrating) performance.mark("round-explainer:hydrated");
        } catch (error) {
          // Mount has shown the model's message in place (and dispatched its error event);
          // anything else is shown here.
          this._unmount();
          if (!this.container.querySelector(".rx-error")) {
            this._show(errorBox(document, error && error.message ? error.message : String(error), wordsFor(this)), "error");
          }
          this.dataset.state = "error";
          return true;
        }
        this.dataset.state = "ready";
        this.dispatchEvent(new CustomEvent("round-explainer:ready", { bubbles: true, composed: true, detail: { story: this._storyId() } }));
        return true;
      }
    }

    customElements.define("round-explainer", RoundExplainerElement);
  }

  /**
   * Highlights, in `explainer`, the part named by the data-part of the paragraph being read.
   * Scrolling is never taken over; without a paragraph in the reading band, nothing is lit.
   */
  function followReading(explainer, paragraphs) {
    const visible = new Set();
    const observer = new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (entry.isIntersecting) visible.add(entry.target);
          else visible.delete(entry.target);
        }
        const line = window.innerHeight * 0.45;
        const distance = (p) => {
          const box = p.getBoundingClientRect();
          return Math.abs(box.top + box.height / 2 - line);
        };
        const current = [...visible].sort((a, b) => distance(a) - distance(b))[0];
        explainer.highlight(current ? current.dataset.part : undefined);
      },
      { rootMargin: "-35% 0px -45% 0px" },
    );
    for (const paragraph of paragraphs) observer.observe(paragraph);
    return observer;
  }

  Object.defineProperty(root, KEY, { value: Object.freeze({ define, followReading, whenWanted }) });
})();
