// embed.html: builds one <gov-leaderboard> from the query string and reports the page's
// height to the host page (www/embed-host.js resizes the iframe). Only a number is sent.
// The feed must come from this page's own origin or from one listed in
// <meta name="gov-leaderboard-feeds">: the page is served at the publisher's address, so it
// must never show figures from anyone else's `src`.
import "./pkg/element.js";

const ATTRIBUTES = ["src", "metric", "window", "ties", "top", "pin", "country", "platform",
  "category", "locale", "dir", "refresh", "chart", "theme", "timeout", "as-of", "replay",
  "replay-from", "replay-duration", "heading-level", "announce", "share"];
const params = new URLSearchParams(location.search);

const REFUSED = {
  en: "This leaderboard cannot be shown here: its data source is not allowed.",
  ar: "لا يمكن عرض هذه اللوحة هنا: مصدر بياناتها غير مسموح به.",
  fr: "Ce classement ne peut pas être affiché ici\u00a0: sa source de données n’est pas autorisée.",
  de: "Diese Rangliste kann hier nicht angezeigt werden: Ihre Datenquelle ist nicht zugelassen.",
};

// The document's title until the board has its own (then the board's title): what a screen
// reader says of the frame's document.
const TITLES = {
  en: "Leaderboard of government pages",
  ar: "لوحة ترتيب الصفحات الحكومية",
  fr: "Classement des pages gouvernementales",
  de: "Rangliste der Regierungsseiten",
};

/** Origins feeds may come from: this page's, and those its meta tag lists. */
function allowedOrigins() {
  const listed = document.querySelector('meta[name="gov-leaderboard-feeds"]')?.content ?? "";
  const origins = new Set([location.origin]);
  for (const entry of listed.split(/\s+/).filter(Boolean)) {
    try {
      const url = new URL(entry);
      if (url.protocol === "https:" || url.protocol === "http:") origins.add(url.origin);
    } catch { /* not a URL: ignored */ }
  }
  return origins;
}

/** The feed URL if it may be shown here, else null. */
function allowedSrc(src) {
  let url;
  try {
    url = new URL(src, location.href);
  } catch {
    return null;
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") return null;
  return allowedOrigins().has(url.origin) ? url.href : null;
}

const locale = params.get("locale");
const language = (locale ?? "en").slice(0, 2).toLowerCase();
if (locale) document.documentElement.lang = locale;
// The direction goes with the language (or the `dir` parameter), so the page's own text (the
// refusal note, the title) reads the right way round.
const dir = params.get("dir");
document.documentElement.dir = dir === "rtl" || dir === "ltr" ? dir
  : /^(ar|fa|he|ur|ps|sd|ug|yi|dv|ckb)(-|$)/i.test(locale ?? "") ? "rtl" : "ltr";
document.title = TITLES[language] ?? TITLES.en;
if (["1", "true", "yes"].includes(params.get("transparent"))) document.documentElement.classList.add("transparent");

const src = params.get("src");
if (src !== null && allowedSrc(src) === null) {
  const note = document.createElement("p");
  note.className = "gl-embed-refused";
  note.setAttribute("role", "status");
  note.textContent = REFUSED[language] ?? REFUSED.en;
  document.body.append(note);
  console.error(`gov-leaderboard embed: the feed ${JSON.stringify(src.slice(0, 200))} is not on this page's origin or listed in <meta name="gov-leaderboard-feeds">`);
} else {
  const board = document.createElement("gov-leaderboard");
  for (const name of ATTRIBUTES) {
    const value = params.get(name);
    if (value !== null) board.setAttribute(name, value);
  }
  board.addEventListener("leaderboard-update", () => {
    const heading = board.shadowRoot?.querySelector(".gl-title")?.textContent?.trim();
    if (heading) document.title = heading;
  });
  document.body.append(board);
}

// In an AMP page (`amp-iframe` appends #amp=1), AMP's own resize request is posted too: a
// `resizable` amp-iframe then fits the board (AMP may defer it while the frame is in view).
const amp = new URLSearchParams(location.hash.slice(1)).get("amp") === "1";

let last = 0;
function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: "gov-leaderboard:resize", height }, "*");
  if (amp) window.parent.postMessage({ sentinel: "amp", type: "embed-size", height }, "*");
}
new ResizeObserver(report).observe(document.documentElement);
