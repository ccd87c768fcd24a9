// One board markup, two writers: the static HTML of `gov-leaderboard render` and the live
// element's shadow DOM, for the same feed and options, are the same tree node by node (tags,
// attributes, text), apart from what only the live board has (its loading/error/stale
// status lines, its announcer, and a canvas where the static board has its SVG).
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, launch } from "./harness.mjs";

const BIN = process.env.GOV_LEADERBOARD_BIN || join(ROOT, "target/debug/gov-leaderboard");
const SEED = readFileSync(join(ROOT, "www/data/seed.json"), "utf8");
// The seed with languages (SPEC §1 `lang`): its title and source are English, the Interior
// Ministry's `name` is Arabic, the Philippine office's English (it has an Arabic name only);
// boards mark what is not in their language.
const LANG = (() => {
  const f = JSON.parse(SEED);
  // The English title and source alone (the seed also has them in Arabic, French and German).
  delete f.titles;
  delete f.source.names;
  f.lang = "en";
  f.pages.find((p) => p.id === "eg-moi").lang = "ar";
  f.pages.find((p) => p.id === "ph-pco").lang = "en";
  return JSON.stringify(f);
})();
/** Every element below the board root that carries `lang`: [tag, lang, text]. */
function marked(node, out = [], root = true) {
  if (!root && node.attrs?.lang) out.push([node.tag, node.attrs.lang, JSON.stringify(node.children)]);
  for (const c of node.children ?? []) if (typeof c === "object") marked(c, out, false);
  return out;
}
const CASES = [
  { locale: "en", top: "3", pin: "ma-gov", chart: "bars" },
  { locale: "ar-EG", top: "5", pin: "eg-moi", chart: "trend" },
  { locale: "fr", top: "10", metric: "engagement_rate", chart: "none" },
  { locale: "de", top: "2", window: "all" },
  // SPEC §2a value displays: the static board's (ICU4X) and the live one's (Intl) must agree.
  { locale: "ar-EG", top: "5", metric: "growth", window: "7d" },
  { locale: "de", top: "4", metric: "per_post", chart: "bars" },
  { locale: "ar", top: "3", metric: "engagement_rate" },
  // The title's heading level, and `lang` on text in another language than the board's.
  { locale: "ar-EG", top: "5", "heading-level": "3", feed: "lang" },
  { locale: "fr", top: "4", feed: "lang" },
];
const feedOf = (c) => (c.feed === "lang" ? LANG : SEED);
const optionsOf = (c) => Object.entries(c).filter(([k]) => k !== "feed");
let server, browser;

before(async () => {
  const routes = {};
  CASES.forEach((c, i) => {
    const args = optionsOf(c).flatMap(([k, v]) => [`--${k}`, v]);
    const html = execFileSync(BIN, ["render", "-", ...args], { input: feedOf(c), encoding: "utf8" });
    const attrs = optionsOf(c).map(([k, v]) => `${k}="${v}"`).join(" ");
    routes[`/case${i}.html`] = { body: `<!doctype html><html><head><meta charset="utf-8"><title>markup</title>
      <link rel="stylesheet" href="/www/gov-leaderboard.css"><script type="module" src="/pkg/element.js"></script></head>
      <body><div id="static">${html}</div><gov-leaderboard id="live" ${attrs}></gov-leaderboard></body></html>` };
  });
  server = await serve({ routes });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A plain tree of `root`: tags, attributes, trimmed texts; live-only parts left out. */
function tree(root) {
  const LIVE_ONLY = ["gl-status", "gl-error", "gl-stale", "gl-actions"];
  const IGNORED_ATTRS = new Set(["part", "hidden", "data-theme"]);
  const walk = (el) => {
    const attrs = Object.fromEntries([...el.attributes].filter((a) => !IGNORED_ATTRS.has(a.name)).map((a) => [a.name, a.value]));
    const children = [];
    if (!el.classList.contains("gl-chart")) {
      for (const n of el.childNodes) {
        if (n.nodeType === 3) {
          if (n.textContent.trim()) children.push(n.textContent);
        } else if (n.nodeType === 1) {
          if (n.hasAttribute("hidden") || LIVE_ONLY.some((c) => n.classList.contains(c)) || n.hasAttribute("aria-live")) continue;
          children.push(walk(n));
        }
      }
    }
    return { tag: el.tagName.toLowerCase(), attrs, children };
  };
  return walk(root);
}

for (const [i, c] of CASES.entries()) {
  test(`static and live boards are the same tree: ${JSON.stringify(c)}`, async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/case${i}.html`);
    await page.evaluate((feed) => { document.getElementById("live").data = JSON.parse(feed); }, feedOf(c));
    await page.waitForFunction(() => document.getElementById("live").rows.length > 0);
    const [stat, live] = await page.evaluate(`[${tree}].map((f) => [
      f(document.querySelector("#static > .gl-board")),
      f(document.getElementById("live").shadowRoot.querySelector(".gl-board")),
    ])[0]`);
    assert.ok(stat.children.length >= 4, "a whole static board");
    assert.deepEqual(live, stat);
    if (c.feed === "lang") {
      const marks = marked(stat).map(([tag, lang, text]) => `${tag} ${lang} ${text.includes("Sada") ? "source" : text.includes("Philippines") ? "ph-pco" : text.includes("sample data") ? "title" : text}`);
      // Arabic board: the English title and source; Arabic names (from names.ar or an Arabic
      // `name`) are not marked. French board: also the Philippine office's English name.
      // (The last is the download link's hidden "whose data" text: the title again.)
      const expected = c.locale === "ar-EG" ? ["h3 en title", "bdi en source", "span en title"] : ["h2 en title", "bdi en ph-pco", "bdi en source", "span en title"];
      assert.deepEqual(marks, expected);
    }
    await page.close();
  });
}
