// The title as a heading, and loading and error states as a screen reader meets them (SPEC §4 "Accessibility"): until the
// first board only a polite, localized status is exposed — no empty heading, image or table —
// in the board's language and direction; a failed load is one plain localized sentence
// (role="status"), the technical detail goes to `leaderboard-error` and the console. Checked
// through Chromium's accessibility tree and axe *during* each state, in Arabic and English.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, launch, screenshot, axTree } from "./harness.mjs";

let release;
const held = new Promise((resolve) => (release = resolve));
const page = (board, { lang = "en", dir = "ltr" } = {}) => `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>States</title>
<link rel="stylesheet" href="/tests/e2e/article.css"><script type="module" src="/pkg/element.js"></script></head>
<body><main class="article"><h1>Article</h1>${board}</main></body></html>`;
let server, browser;

before(async () => {
  server = await serve({
    routes: {
      // Answers once the test releases it: the board stays in its loading state meanwhile.
      "/held.json": async () => { await held; return { body: readFileSync(join(ROOT, "www/data/seed.json")), type: "application/json" }; },
      "/broken.json": { status: 500, body: "oops" },
      "/invalid.json": { body: '{"version":1,"pages":[{"id":"a","name":"A","series":[{"date":"2026-13-01","interactions":1}]}]}', type: "application/json" },
      "/loading-ar.html": { body: page(`<gov-leaderboard id="b" src="/held.json" locale="ar-EG" top="5"></gov-leaderboard>`, { lang: "ar", dir: "rtl" }) },
      "/loading-en.html": { body: page(`<gov-leaderboard id="b" src="/held.json" locale="en" top="5"></gov-leaderboard>`) },
      "/broken-ar.html": { body: page(`<gov-leaderboard id="b" src="/broken.json" locale="ar-EG" top="5"></gov-leaderboard>`, { lang: "ar", dir: "rtl" }) },
      "/heading.html": { body: page(`<gov-leaderboard id="b" src="/www/data/seed.json" locale="en" top="3" heading-level="3"></gov-leaderboard>`) },
      "/invalid-en.html": { body: page(`<gov-leaderboard id="b" src="/invalid.json" locale="en" top="5"></gov-leaderboard>`) },
    },
  });
  browser = await launch();
});
after(async () => {
  release();
  await browser?.close();
  await server?.close();
});

const AXE = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");

async function open(path) {
  const context = await browser.newContext({ viewport: { width: 900, height: 900 } });
  const p = await context.newPage();
  const consoleLines = [], events = [];
  p.on("console", (m) => consoleLines.push(m.text()));
  await p.exposeFunction("__event", (d) => events.push(d));
  await p.addInitScript(() => document.addEventListener("leaderboard-error", (e) => window.__event(e.detail), true));
  await p.goto(server.url + path);
  return { p, context, consoleLines, events };
}

async function axe(p) {
  await p.addScriptTag({ content: AXE });
  return p.evaluate(async () => (await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21aa"] } }))
    .violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`));
}

for (const [path, lang, dir, text] of [["/loading-ar.html", "ar-EG", "rtl", "جارٍ التحميل…"], ["/loading-en.html", "en", "ltr", "Loading…"]]) {
  test(`loading (${lang}): only a polite localized status, in the board's language; no empty heading, image or table`, async () => {
    const { p, context } = await open(path);
    await p.waitForFunction(() => document.getElementById("b").shadowRoot?.querySelector(".gl-status")?.textContent);
    const state = await p.evaluate(() => {
      const root = document.getElementById("b").shadowRoot, board = root.querySelector(".gl-board");
      const visible = (sel) => [...root.querySelectorAll(sel)].some((e) => e.getClientRects().length > 0);
      const status = root.querySelector(".gl-status");
      return { lang: board.lang, dir: board.dir, status: status.textContent, role: status.getAttribute("role"),
        table: visible("table"), canvas: visible("canvas"), heading: visible(".gl-head"), replay: visible(".gl-replay") };
    });
    assert.deepEqual(state, { lang, dir, status: text, role: "status", table: false, canvas: false, heading: false, replay: false });
    const ax = await axTree(p);
    assert.ok(ax.some((l) => l === `status: ${text}` || l.includes(text)), ax.join("\n"));
    assert.ok(!ax.some((l) => /^(table|image|columnheader|img)\b/.test(l)), ax.join("\n"));
    assert.deepEqual(await axe(p), []);
    await screenshot(p, `state-loading-${lang}`);
    await context.close();
  });
}

test("a failed load (Arabic): one plain Arabic sentence read politely; the detail in the event and the console", async () => {
  const { p, context, consoleLines, events } = await open("/broken-ar.html");
  await p.waitForFunction(() => { const e = document.getElementById("b").shadowRoot?.querySelector(".gl-error"); return e && !e.hidden; });
  const state = await p.evaluate(() => {
    const root = document.getElementById("b").shadowRoot, e = root.querySelector(".gl-error");
    return { text: e.textContent, role: e.getAttribute("role"), lang: root.querySelector(".gl-board").lang, dir: root.querySelector(".gl-board").dir,
      shadowText: root.textContent };
  });
  assert.equal(state.text, "تعذّر تحميل لوحة الترتيب.");
  assert.equal(state.role, "status");
  assert.equal(state.lang, "ar-EG");
  assert.equal(state.dir, "rtl");
  assert.doesNotMatch(state.shadowText, /HTTP|500|broken\.json/, "no technical text on the board");
  assert.ok(events.some((d) => /broken\.json.*500/.test(d)), `event: ${events}`);
  assert.ok(consoleLines.some((l) => /broken\.json.*500/.test(l)), `console: ${consoleLines}`);
  const ax = await axTree(p);
  assert.ok(ax.some((l) => l.includes("تعذّر تحميل لوحة الترتيب.")), ax.join("\n"));
  assert.deepEqual(await axe(p), []);
  await screenshot(p, "state-error-ar");
  await context.close();
});

test("an invalid feed (English): the sentence, and the located problem for developers only", async () => {
  const { p, context, events } = await open("/invalid-en.html");
  await p.waitForFunction(() => { const e = document.getElementById("b").shadowRoot?.querySelector(".gl-error"); return e && !e.hidden; });
  assert.equal(await p.evaluate(() => document.getElementById("b").shadowRoot.querySelector(".gl-error").textContent), "The leaderboard could not be loaded.");
  assert.ok(events.some((d) => /pages\[0\]\.series\[0\]\.date/.test(d)), `event: ${events}`);
  assert.deepEqual(await axe(p), []);
  await context.close();
});

test("the title is a heading, h2 by default, of the level `heading-level` asks for", async () => {
  const { p, context } = await open("/heading.html");
  await p.waitForFunction(() => document.getElementById("b").rows?.length === 3);
  assert.equal(await p.evaluate(() => document.getElementById("b").shadowRoot.querySelector(".gl-title").tagName), "H3");
  const ax = await axTree(p);
  assert.ok(ax.includes("heading: Most-engaged government pages (sample data)"), ax.join("\n"));
  // The download link says whose data it is; the stale note's live region is there, empty.
  // (Chromium puts a space before the hidden part's colon when it computes the name.)
  assert.ok(ax.some((l) => /^link: Get the data \(CSV\) ?: Most-engaged government pages \(sample data\)$/.test(l)), ax.join("\n"));
  assert.deepEqual(await p.evaluate(() => {
    const n = document.getElementById("b").shadowRoot.querySelector(".gl-stale");
    return [n.getAttribute("role"), n.hidden, n.textContent];
  }), ["status", false, ""]);
  await p.evaluate(() => document.getElementById("b").removeAttribute("heading-level"));
  assert.equal(await p.evaluate(() => document.getElementById("b").shadowRoot.querySelector(".gl-title").tagName), "H2");
  await context.close();
});
