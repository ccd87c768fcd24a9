// Include once on a page that embeds gov-leaderboard iframes:
//   <script src="https://…/embed-host.js" defer></script>
// Every iframe that carries the attribute data-gov-leaderboard is set to the height its board
// posts. A message counts only when it comes from such an iframe's own window (event.source:
// a frame sandboxed without allow-same-origin has the origin "null", so the window, not the
// origin string, identifies it) and from the origin that frame should have; only a finite
// number (not a string, not an array) is used, clamped; changes under 1 px are ignored. Any
// other frame on the page (an ad, a comment widget) is never touched.
(function () {
  "use strict";
  // A symbol, not a global name: page markup (an element with some id, a user comment)
  // cannot define it, so it cannot switch this script off.
  var KEY = typeof Symbol === "function" ? Symbol.for("gov-leaderboard.embed-host") : null;
  if (!KEY || window[KEY]) return;
  Object.defineProperty(window, KEY, { value: true });

  var MIN_HEIGHT = 60;
  var MAX_HEIGHT = 8000;

  function boardFrameOf(source) {
    if (!source) return null;
    var frames = document.querySelectorAll("iframe[data-gov-leaderboard]");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

  // Also the origin the frame should have: its src's, or "null" when sandboxed without
  // allow-same-origin. A marked frame that navigated elsewhere no longer speaks for the board.
  function expectedOrigin(frame) {
    var sandbox = frame.getAttribute("sandbox");
    if (sandbox !== null && !/(^|\s)allow-same-origin(\s|$)/i.test(sandbox)) return "null";
    try {
      return new URL(frame.src, document.baseURI).origin;
    } catch (e) {
      return undefined;
    }
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "gov-leaderboard:resize") return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height)) return;
    var frame = boardFrameOf(event.source);
    if (!frame || event.origin !== expectedOrigin(frame)) return;
    height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height)));
    var current = parseFloat(frame.style.height);
    if (isFinite(current) && Math.abs(current - height) < 1) return;
    frame.style.height = height + "px";
  });
})();
