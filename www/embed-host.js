// Include once on a page that embeds gov-leaderboard iframes:
//   <script src="https://…/embed-host.js" defer></script>
// Every iframe whose page posts the board's resize message is set to its content height.
// A message counts only when it comes from that iframe's own window (event.source) and from
// its origin — or, for a frame sandboxed without allow-same-origin, from the opaque origin
// "null". Only a clamped number is used; nothing else in the message is read.
(function () {
  "use strict";
  if (window.__govLeaderboardHost) return;
  window.__govLeaderboardHost = true;

  var MIN_HEIGHT = 60;
  var MAX_HEIGHT = 8000;

  function frameOf(source) {
    var frames = document.getElementsByTagName("iframe");
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === source) return frames[i];
    }
    return null;
  }

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
    var frame = frameOf(event.source);
    if (!frame || event.origin !== expectedOrigin(frame)) return;
    var height = Number(data.height);
    if (!isFinite(height)) return;
    height = Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, Math.ceil(height)));
    frame.style.height = height + "px";
  });
})();
