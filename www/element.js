// The <round-explainer> custom element. Written as a plain script (no import/export) so the same
// file serves the ES-module build (round-explainer.js imports it) and the one-file build (inlined
// as a classic script). It defines `RoundExplainer.define(api, options)`; loading it twice, or
// defining twice, does nothing the second time.
(function () {
  "use strict";
  const root = typeof globalThis !== "undefined" ? globalThis : window;
  if (root.RoundExplainer) return;

  const QUALIFIERS = {
    exactly: "", approximately: "approximately", about: "about", roughly: "roughly",
    close_to: "close to", as_much_as: "as much as", up_to: "up to",
  };

  /** "50B" or "50000000000" as "$50B" / "$50,000,000,000", without arithmetic: text stays exact. */
  function amountText(value) {
    const text = String(value).trim().replace(/^\$\s*/, "");
    return "$" + (/^\d+$/.test(text) ? BigInt(text).toLocaleString("en-US") : text);
  }

  function el(doc, tag, className, text) {
    const node = doc.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** The story's reported figures as a plain table, for when WebAssembly cannot run. */
  function staticTable(doc, story) {
    const rows = [];
    const add = (label, figure) => {
      if (!figure || !figure.value) return;
      const words = QUALIFIERS[figure.qualifier] || "";
      rows.push([label, (words ? words + " " : "") + amountText(figure.value)]);
    };
    const round = story.round || {};
    add(round.label || "The round", round.total);
    for (const tranche of round.tranches || []) {
      for (const investor of tranche.investors || []) {
        if (investor.amount) add(investor.name, investor.amount);
        else rows.push([investor.name, "amount not reported"]);
      }
    }
    for (const deal of story.separate_deals || []) add(deal.investor + " (separate deal)", deal.amount);
    for (const mark of story.marks || []) add(mark.label + ", " + mark.when, mark.valuation);
    for (const comparison of story.comparisons || []) add(comparison.label, comparison.amount);
    const box = el(doc, "div", "rx rx-static");
    box.append(el(doc, "h2", "rx-title", story.title || "Funding round"));
    const table = el(doc, "table", "rx-table");
    table.append(el(doc, "caption", "", "The figures as the article reports them"));
    const body = el(doc, "tbody");
    for (const [label, value] of rows) {
      const tr = el(doc, "tr");
      const th = el(doc, "th", "", label);
      th.scope = "row";
      tr.append(th, el(doc, "td", "rx-num", value));
      body.append(tr);
    }
    table.append(body);
    box.append(table);
    return box;
  }

  function errorBox(doc, message) {
    const box = el(doc, "div", "rx rx-error");
    box.setAttribute("role", "alert");
    box.append(el(doc, "strong", "", "The explainer could not be shown. "), el(doc, "span", "", message));
    return box;
  }

  /**
   * Defines <round-explainer> once.
   * api: { ready: Promise (wasm initialised), Explainer }
   * options: { cssUrl } to link the stylesheet, or { cssText } to inline it (one-file build).
   */
  function define(api, options) {
    if (customElements.get("round-explainer")) return;

    class RoundExplainerElement extends HTMLElement {
      connectedCallback() {
        if (this.shadowRoot) return;
        const shadow = this.attachShadow({ mode: "open" });
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
        this.start();
      }

      disconnectedCallback() {
        if (this.explainer) {
          this.explainer.unmount();
          this.explainer.free();
          this.explainer = undefined;
        }
      }

      async readStory() {
        const inline = this.querySelector('script[type="application/json"]');
        if (inline) {
          try {
            return JSON.parse(inline.textContent);
          } catch (error) {
            throw new Error("story file: not valid JSON: " + error.message);
          }
        }
        const src = this.getAttribute("src");
        if (!src) throw new Error("story file: give a src attribute or an inline <script type=\"application/json\">");
        let response;
        try {
          response = await fetch(new URL(src, document.baseURI));
        } catch (error) {
          throw new Error("story file: could not load " + src + ": " + error.message);
        }
        if (!response.ok) throw new Error("story file: could not load " + src + ": HTTP " + response.status);
        try {
          return await response.json();
        } catch (error) {
          throw new Error("story file: " + src + " is not valid JSON: " + error.message);
        }
      }

      async start() {
        // The story loads while the wasm compiles.
        const wasm = api.ready().then(() => null, (error) => error);
        let story;
        try {
          story = await this.readStory();
        } catch (error) {
          this.container.replaceChildren(errorBox(document, error.message));
          this.dataset.state = "error";
          return;
        }
        const failed = await wasm;
        if (failed) {
          // WebAssembly refused (a CSP without 'wasm-unsafe-eval', or no WebAssembly at all).
          console.error("round-explainer: WebAssembly could not start, showing the reported figures only:", failed.message);
          this.container.replaceChildren(staticTable(document, story));
          this.dataset.state = "static";
          return;
        }
        if (!this.isConnected) return;
        const scenario = this.getAttribute("scenario");
        try {
          performance.mark("round-explainer:loaded");
          this.explainer = api.Explainer.mount(this.container, story, undefined, this.hasAttribute("url-state"));
          if (scenario) this.explainer.setFragment(scenario);
          performance.mark("round-explainer:rendered");
          this.dataset.state = "ready";
          this.dispatchEvent(new CustomEvent("round-explainer:ready", { bubbles: true }));
        } catch (error) {
          // Mount has shown the model's message in place.
          this.dataset.state = "error";
        }
      }

      /** Highlights a part of the explainer (`round`, `ownership`…), or none. */
      highlight(part) {
        if (this.explainer) this.explainer.highlight(part);
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

  root.RoundExplainer = { define, followReading };
})();
