// Host-page loader for round-explainer iframes: sets each iframe's height from the messages its
// own child sends (Pym.js, Datawrapper or AMP format), and dispatches the explainer's events
// ({ type: "round-explainer:event", name, detail }) again on that iframe. Only iframes marked
// data-round-explainer are touched, only by messages from their own window and origin, and only
// with a sane height. A child reports only when its height changes, so a loader that arrives
// late would never hear from it: the loader asks each marked iframe for its height when it
// starts and whenever one loads ({ type: "round-explainer:ask-height" }), and the child answers.
// No dependencies; loading it twice is harmless.
(function () {
  if (window.roundExplainerLoader) return;
  window.roundExplainerLoader = true;
  var SELECTOR = "iframe[data-round-explainer]";

  function heightOf(data) {
    if (typeof data === "string") {
      var parts = data.split("xPYMx");
      return parts[0] === "pym" && parts[2] === "height" ? Number(parts[3]) : NaN;
    }
    if (data && typeof data === "object") {
      if (data.sentinel === "amp" && data.type === "embed-size") return Number(data.height);
      var sizes = data["datawrapper-height"];
      if (sizes && typeof sizes === "object") {
        for (var key in sizes) return Number(sizes[key]);
      }
    }
    return NaN;
  }

  function ask(frame) {
    // The question holds nothing secret, and the iframe may still show its first about:blank
    // (whose origin is not the child's): "*" reaches whichever page it holds, which ignores it
    // or answers. Answers are checked as every height message is.
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: "round-explainer:ask-height" }, "*");
  }

  var EVENTS = ["round-explainer:ready", "round-explainer:change", "round-explainer:note",
    "round-explainer:download", "round-explainer:error"];

  /** The iframe marked data-round-explainer whose own page sent `event`, if any. */
  function frameOf(event) {
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) continue;
      return frame;
    }
    return null;
  }

  /** A forwarded event's detail, kept to what the explainer sends: strings and nulls. */
  function cleanDetail(detail) {
    var clean = {};
    if (!detail || typeof detail !== "object") return clean;
    for (var key in detail) {
      var value = detail[key];
      if (typeof value === "string" || value === null) clean[key] = value;
    }
    return clean;
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (data && typeof data === "object" && data.type === "round-explainer:event") {
      var from = frameOf(event);
      if (from && EVENTS.indexOf(data.name) >= 0) {
        from.dispatchEvent(new CustomEvent(data.name, { bubbles: true, detail: cleanDetail(data.detail) }));
      }
      return;
    }
    var height = heightOf(event.data);
    if (!(height > 0 && height < 100000)) return;
    var frames = document.querySelectorAll(SELECTOR);
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) continue;
      // Important, so a host rule such as iframe { height: 100% } cannot override it.
      frame.style.setProperty("height", Math.ceil(height) + "px", "important");
    }
  });

  // load does not bubble, but it can be caught on its way down: iframes added later count too.
  document.addEventListener("load", function (event) {
    var target = event.target;
    if (target && target.matches && target.matches(SELECTOR)) ask(target);
  }, true);
  var frames = document.querySelectorAll(SELECTOR);
  for (var i = 0; i < frames.length; i++) ask(frames[i]);
})();
