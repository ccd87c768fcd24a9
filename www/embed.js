// embed.html: builds one <gov-leaderboard> from the query string and reports the page's
// height to the host page (www/embed-host.js resizes the iframe). Only a number is sent.
import "./pkg/element.js";

const ATTRIBUTES = ["src", "metric", "window", "ties", "top", "pin", "country", "platform",
  "category", "locale", "dir", "refresh", "chart", "theme", "timeout"];
const params = new URLSearchParams(location.search);

const board = document.createElement("gov-leaderboard");
for (const name of ATTRIBUTES) {
  const value = params.get(name);
  if (value !== null) board.setAttribute(name, value);
}
const locale = params.get("locale");
if (locale) document.documentElement.lang = locale;
if (["1", "true", "yes"].includes(params.get("transparent"))) document.documentElement.classList.add("transparent");
document.body.append(board);

let last = 0;
function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: "gov-leaderboard:resize", height }, "*");
}
new ResizeObserver(report).observe(document.documentElement);
