// Host-page loader for round-explainer iframes: sets each iframe's height from the messages its
// own child sends (Pym.js, Datawrapper or AMP format). Only iframes marked
// data-round-explainer are touched, only by messages from their own window and origin, and only
// with a sane height. No dependencies; loading it twice is harmless.
(function () {
  if (window.roundExplainerLoader) return;
  window.roundExplainerLoader = true;

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

  window.addEventListener("message", function (event) {
    var height = heightOf(event.data);
    if (!(height > 0 && height < 100000)) return;
    var frames = document.querySelectorAll("iframe[data-round-explainer]");
    for (var i = 0; i < frames.length; i++) {
      var frame = frames[i];
      if (frame.contentWindow !== event.source) continue;
      if (new URL(frame.src, location.href).origin !== event.origin) continue;
      // Important, so a host rule such as iframe { height: 100% } cannot override it.
      frame.style.setProperty("height", Math.ceil(height) + "px", "important");
    }
  });
})();
