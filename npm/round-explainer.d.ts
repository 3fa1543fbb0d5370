// Types for `import "round-explainer"`: the <round-explainer> element, its attributes and events.
// The module exports nothing; importing it defines the element. The developer API's types are
// wasm-bindgen's own, generated from the Rust (round_explainer.d.ts, "round-explainer/developer").

/** The parts `highlight` can light up (src/view/mod.rs, www/explainer.css). */
export type RoundExplainerPart = "headline" | "controls" | "round" | "ownership" | "comparisons" | "timeline";

/**
 * The element's attributes (it has no properties for them: set them with setAttribute, or in
 * HTML). All but `timeout` are followed while the element is on the page.
 */
export interface RoundExplainerAttributes {
  /** The story file's URL, resolved against the page. An inline
   * `<script type="application/json">` child takes its place. */
  src?: string;
  /** A starting scenario in the URL-fragment format, e.g. `v1&amazon=40B&softbank=on`. */
  scenario?: string;
  /** Present: the reader's scenario is kept in the page's URL fragment (one explainer per page). */
  "url-state"?: boolean | "";
  /** The heading level of the explainer's title, its sections one below (2 otherwise). */
  "heading-level"?: "1" | "2" | "3" | "4" | "5";
  /** Holds a theme whatever the reader's setting; without it the reader's setting is followed. */
  theme?: "auto" | "light" | "dark";
  /** `inherit` takes the host page's font (README, "Style it"). */
  font?: "inherit";
  /** The readers' locale, BCP 47 (`de`, `fr-CA`, `es-419`), over the story's own `locale`: the
   * interface's words (en, de, fr, es) and CLDR numbers. Observed: a change redraws in place. */
  locale?: string;
  /** Milliseconds the story and the wasm may take before the element shows an error (15000);
   * read when a load starts. */
  timeout?: string;
}

/**
 * The events the explainer dispatches, by type (README, "Events"): each bubbles and is composed.
 * A new event is one line here.
 */
export interface RoundExplainerEventMap {
  /** The explainer is drawn and follows the reader (data-state="ready"). */
  "round-explainer:ready": CustomEvent<{ story: string | null }>;
  /** Once input rests, if the scenario changed: its fragment, the control last moved or the
   * preset pressed. */
  "round-explainer:change": CustomEvent<{ fragment: string; control: string | null; preset: string | null }>;
  /** A figure's source note opened: which figure (`post-money`, `source:<id>`…) and its kind. */
  "round-explainer:note": CustomEvent<{ figure: string; kind: "reported" | "derived" | "assumption" | "choice" | "partly-reported" }>;
  /** "Get the data": `csv` or `json`. */
  "round-explainer:download": CustomEvent<{ format: string }>;
  /** A story that cannot be shown, or a choice that cannot (with its control). */
  "round-explainer:error": CustomEvent<{ message: string; control: string | null }>;
}

/** <round-explainer>: `document.querySelector("round-explainer")` is typed as this. */
export interface RoundExplainerElement extends HTMLElement {
  /**
   * Settles once the latest load has shown what it will show: true when it drew (the explainer,
   * an error or the no-WebAssembly message), false when it was dropped (the element left the
   * page, or a newer src replaced it). Its `data-state` then says which: `ready`, `error`,
   * `static`; before, `loading` or `prerendered`.
   */
  readonly updateComplete: Promise<boolean>;
  /** Highlights a part of the explainer, or none with `undefined`. */
  highlight(part?: RoundExplainerPart | null): void;
  addEventListener<K extends keyof RoundExplainerElementEventMap>(
    type: K,
    listener: (this: RoundExplainerElement, event: RoundExplainerElementEventMap[K]) => unknown,
    options?: boolean | AddEventListenerOptions,
  ): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | AddEventListenerOptions): void;
  removeEventListener<K extends keyof RoundExplainerElementEventMap>(
    type: K,
    listener: (this: RoundExplainerElement, event: RoundExplainerElementEventMap[K]) => unknown,
    options?: boolean | EventListenerOptions,
  ): void;
  removeEventListener(type: string, listener: EventListenerOrEventListenerObject, options?: boolean | EventListenerOptions): void;
}

/** An element's own events and the explainer's. */
export interface RoundExplainerElementEventMap extends HTMLElementEventMap, RoundExplainerEventMap {}

declare global {
  interface HTMLElementTagNameMap {
    "round-explainer": RoundExplainerElement;
  }
  /** The events bubble: a listener on an ancestor, the document or the window is typed too. */
  interface GlobalEventHandlersEventMap extends RoundExplainerEventMap {}
}
