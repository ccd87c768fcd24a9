// The replay in Chromium (SPEC §4 "Replay"): every scrubbed day against `gov-leaderboard rank
// --as-of`, play / pause / end, the keyboard, autoplay only in view and never under reduced
// motion, the right-to-left scrubber, accessibility (axe) with the controls, a strict CSP, no
// long task while playing, no layout shift when a static board with room for the controls
// goes live, screenshots of a paused mid-race board. Needs `make pkg` first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, screenshot, until } from "./harness.mjs";
import { boardPages } from "./pages.mjs";
import { largeFeed } from "../../www/dev/sample-feeds.mjs";

const BIN = process.env.GOV_LEADERBOARD_BIN || join(ROOT, "target/debug/gov-leaderboard");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";
const SEED = join(ROOT, "www/data/seed.json");

/** A feed of our own whose pages cross often: 8 pages × 40 days of waves out of phase, ties. */
function crossingFeed() {
  const pages = [];
  for (let p = 0; p < 8; p++) {
    const series = [];
    for (let d = 0; d < 40; d++) {
      const date = new Date(Date.UTC(2026, 9, 20 + d)).toISOString().slice(0, 10);
      const wave = Math.round(1000 + 800 * Math.sin((d + p * 5) / 3));
      if (p === 7 && d < 12) continue; // starts late
      series.push({ date, interactions: p === 6 ? 1000 : wave, posts: 1 + (d % 3) });
    }
    pages.push({ id: `page-${p}`, name: `Page ${p}`, names: { ar: `الصفحة ${p}` }, series });
  }
  return JSON.stringify({ version: 1, title: "Crossing", titles: { ar: "تقاطع" }, pages });
}
const CROSSING = crossingFeed();

function page(boards, { lang = "en", dir = "ltr", css = false } = {}) {
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Replay</title>
<link rel="stylesheet" href="/tests/e2e/article.css">${css ? '\n<link rel="stylesheet" href="/www/gov-leaderboard.css">' : ""}
<script type="module" src="/pkg/element.js"></script></head>
<body><main class="article">${boards}</main></body></html>`;
}

const staticBoard = execFileSync(BIN, ["render", SEED, "--locale", "ar-EG", "--pin", "eg-moi", "--top", "8"], { encoding: "utf8" });
// A class, not a style attribute: the pages run under a CSP without inline styles.
const spacer = `<div class="spacer"></div>`;
const routes = {
  "/crossing.json": { body: CROSSING, type: "application/json" },
  "/large.json": { body: JSON.stringify(largeFeed(300, 90, "2026-11-28", 5)), type: "application/json" },
  "/plain.html": { body: page(`<gov-leaderboard id="b" src="/crossing.json" locale="en" top="5"></gov-leaderboard>`) },
  "/en.html": { body: page(`<gov-leaderboard id="b" src="/crossing.json" locale="en" top="5" window="7d" replay replay-duration="3"></gov-leaderboard>`) },
  "/ar.html": { body: page(`<gov-leaderboard id="b" src="/crossing.json" locale="ar-EG" top="5" window="7d" replay replay-duration="3"></gov-leaderboard>`, { lang: "ar", dir: "rtl" }) },
  "/seed-ar.html": { body: page(`<gov-leaderboard id="b" src="/www/data/seed.json" locale="ar-EG" pin="eg-moi" top="8" replay replay-duration="6"></gov-leaderboard>`, { lang: "ar", dir: "rtl" }) },
  "/seed-en.html": { body: page(`<gov-leaderboard id="b" src="/www/data/seed.json" locale="en" pin="eg-moi" top="8" replay replay-duration="6"></gov-leaderboard>`) },
  "/autoplay.html": { body: page(`<p>Above the fold.</p>${spacer}<gov-leaderboard id="b" src="/crossing.json" locale="en" top="5" window="7d" replay="autoplay" replay-duration="2"></gov-leaderboard>${spacer}`) },
  "/hydrate.html": { body: page(`<gov-leaderboard id="b" src="/www/data/seed.json" locale="ar-EG" pin="eg-moi" top="8" replay>${staticBoard}</gov-leaderboard>`, { lang: "ar", dir: "rtl", css: true }) },
  "/fifty.html": { body: page(`<gov-leaderboard id="b" src="/large.json" locale="en" top="50" replay replay-duration="4"></gov-leaderboard>`) },
};

const pages = boardPages({ routes, headers: { "content-security-policy": CSP } });
const open = async (path, options = {}) => {
  const { p, problems } = await pages.open(path, { width: 900, ...options });
  return { p, errors: problems };
};

const shadow = (p, js) => p.evaluate(`(() => { const root = document.getElementById("b").shadowRoot; return ${js}; })()`);
const tableIds = (p) => shadow(p, `[...root.querySelectorAll("tbody tr")].map((tr) => tr.dataset.id)`);
const pressed = (p) => shadow(p, `root.querySelector("[part=play]").getAttribute("aria-pressed")`);

async function scrubTo(p, index) {
  await p.evaluate((i) => {
    const s = document.getElementById("b").shadowRoot.querySelector("[part=scrubber]");
    s.value = String(i);
    s.dispatchEvent(new Event("input", { bubbles: true }));
  }, index);
}

function cliRank(feedText, args) {
  return JSON.parse(execFileSync(BIN, ["rank", "-", ...args], { input: feedText, encoding: "utf8" }));
}

test("scrubbing shows each day's exact ranking: table rows, `rows` and an update per day, as the CLI's --as-of", async () => {
  const { p, errors } = await open("/en.html");
  const controls = await shadow(p, `(() => { const s = root.querySelector("[part=scrubber]"); return { min: s.min, max: s.max, step: s.step, value: s.value, type: s.type }; })()`);
  assert.deepEqual(controls, { min: "0", max: "39", step: "1", value: "39", type: "range" }, "starts on D");
  await p.evaluate(() => {
    window.updates = [];
    document.getElementById("b").addEventListener("leaderboard-update", (e) => window.updates.push(e.detail.map((r) => r.id)));
  });
  for (let i = 0; i < 40; i++) {
    await scrubTo(p, i);
    const date = new Date(Date.UTC(2026, 9, 20 + i)).toISOString().slice(0, 10);
    const expected = cliRank(CROSSING, ["--top", "5", "--window", "7d", "--as-of", date]);
    const ids = expected.rows.map((r) => r.id);
    const got = await p.evaluate(() => document.getElementById("b").rows);
    assert.deepEqual(got, expected.rows, date);
    assert.deepEqual(await tableIds(p), ids, date);
    assert.deepEqual(await p.evaluate(() => window.updates.at(-1)), ids, `${date}: leaderboard-update`);
    const day = await shadow(p, `root.querySelector("[part=day]").textContent`);
    const valuetext = await shadow(p, `root.querySelector("[part=scrubber]").getAttribute("aria-valuetext")`);
    assert.equal(day, new Date(date + "T12:00:00Z").toLocaleDateString("en-US", { dateStyle: "long", timeZone: "UTC" }));
    assert.equal(valuetext, day);
  }
  assert.deepEqual(errors, []);
});

test("play from D restarts at F, glides with no per-day updates, stops at D with one announcement; pause mid-way", async () => {
  const { p, errors } = await open("/en.html");
  await p.evaluate(() => {
    window.updates = 0;
    document.getElementById("b").addEventListener("leaderboard-update", () => window.updates++);
    const live = document.getElementById("b").shadowRoot.querySelector("[aria-live]");
    window.said = [];
    new MutationObserver(() => window.said.push(live.textContent)).observe(live, { childList: true, characterData: true, subtree: true });
  });
  await shadow(p, `root.querySelector("[part=play]").click()`);
  assert.equal(await pressed(p), "true");
  assert.ok(Number(await shadow(p, `root.querySelector("[part=scrubber]").value`)) < 5, "restarted at F");
  await until(async () => (await pressed(p)) === "false", 8000, "the end of playback");
  const expected = cliRank(CROSSING, ["--top", "5", "--window", "7d"]);
  assert.deepEqual(await p.evaluate(() => document.getElementById("b").rows), expected.rows);
  assert.equal(await shadow(p, `root.querySelector("[part=scrubber]").value`), "39");
  assert.equal(await p.evaluate(() => window.updates), 1, "one leaderboard-update: at the end");
  assert.deepEqual(await p.evaluate(() => window.said.filter(Boolean)), ["Replay stopped at November 28, 2026"]);
  // Pause mid-way: the nearest day's exact ranking.
  await shadow(p, `root.querySelector("[part=play]").click()`);
  await p.waitForTimeout(1200);
  await shadow(p, `root.querySelector("[part=play]").click()`);
  assert.equal(await pressed(p), "false");
  const index = Number(await shadow(p, `root.querySelector("[part=scrubber]").value`));
  assert.ok(index > 2 && index < 39, `paused mid-way at ${index}`);
  const date = new Date(Date.UTC(2026, 9, 20 + index)).toISOString().slice(0, 10);
  await p.waitForTimeout(600); // the glide settles
  assert.deepEqual(await tableIds(p), cliRank(CROSSING, ["--top", "5", "--window", "7d", "--as-of", date]).rows.map((r) => r.id));
  assert.deepEqual(errors, []);
});

test("without `replay` there are no controls; removing it hides them, adding it shows them", async () => {
  const { p } = await open("/plain.html");
  const shown = () => shadow(p, `(() => { const r = root.querySelector(".gl-replay"); return r.getBoundingClientRect().height > 0 && getComputedStyle(r).display !== "none"; })()`);
  assert.equal(await shown(), false);
  await p.evaluate(() => document.getElementById("b").setAttribute("replay", ""));
  assert.equal(await shown(), true);
  assert.equal(await shadow(p, `root.querySelector("[part=scrubber]").max`), "39");
  await p.evaluate(() => document.getElementById("b").removeAttribute("replay"));
  assert.equal(await shown(), false);
});

test("keyboard: arrows step a day, Home and End go to F and D, Space on the button plays and pauses", async () => {
  const { p } = await open("/en.html");
  await shadow(p, `root.querySelector("[part=scrubber]").focus()`);
  await p.keyboard.press("Home");
  assert.equal(await shadow(p, `root.querySelector("[part=scrubber]").value`), "0");
  await p.keyboard.press("ArrowRight");
  await p.keyboard.press("ArrowRight");
  assert.equal(await shadow(p, `root.querySelector("[part=scrubber]").value`), "2");
  assert.deepEqual(await tableIds(p), cliRank(CROSSING, ["--top", "5", "--window", "7d", "--as-of", "2026-10-22"]).rows.map((r) => r.id));
  await p.keyboard.press("End");
  assert.equal(await shadow(p, `root.querySelector("[part=scrubber]").value`), "39");
  await shadow(p, `root.querySelector("[part=play]").focus()`);
  await p.keyboard.press("Space");
  assert.equal(await pressed(p), "true");
  await p.keyboard.press("Space");
  assert.equal(await pressed(p), "false");
});

test("right to left: the scrubber runs right to left and the day reads in Arabic-Indic digits (bars from the right: element.test.mjs)", async () => {
  const thumbs = {};
  for (const [path, index] of [["/ar.html", 0], ["/ar.html", 39], ["/en.html", 0]]) {
    const { p } = await open(path);
    await scrubTo(p, index);
    const box = await shadow(p, `(() => {
      const s = root.querySelector("[part=scrubber]"), b = s.getBoundingClientRect();
      return { x: b.left, y: b.top, width: b.width, height: b.height, direction: getComputedStyle(s).direction };
    })()`);
    assert.equal(box.direction, path === "/ar.html" ? "rtl" : "ltr");
    if (path === "/ar.html") {
      const day = await shadow(p, `root.querySelector("[part=day]").textContent`);
      assert.match(day, /^[٠-٩]+ (أكتوبر|نوفمبر) [٠-٩]{4}$/, day);
      await screenshot(p, `replay-ar-day-${index}`);
    }
    // Where the accent colour (thumb and filled track) sits, as a fraction of the width.
    const png = (await p.screenshot({ clip: { x: box.x, y: box.y, width: box.width, height: box.height } })).toString("base64");
    const blank = await p.context().newPage();
    thumbs[`${path} ${index}`] = await blank.evaluate(async (b64) => {
      const img = new Image();
      img.src = `data:image/png;base64,${b64}`;
      await img.decode();
      const c = document.createElement("canvas");
      c.width = img.width;
      c.height = img.height;
      const g = c.getContext("2d");
      g.drawImage(img, 0, 0);
      const { data } = g.getImageData(0, 0, c.width, c.height);
      let sum = 0, n = 0;
      for (let i = 0; i < data.length; i += 4) {
        const [r, gr, bl] = [data[i], data[i + 1], data[i + 2]];
        if (r > 150 && gr < 120 && bl < 80) { sum += (i / 4) % c.width; n++; } // the orange accent
      }
      return n ? sum / n / c.width : -1;
    }, png);
    await blank.close();
  }
  // Day F: the thumb at the right end on an Arabic board, at the left on an English one; D
  // fills the track from the right.
  assert.ok(thumbs["/ar.html 0"] > 0.85, JSON.stringify(thumbs));
  assert.ok(thumbs["/en.html 0"] >= 0 && thumbs["/en.html 0"] < 0.15, JSON.stringify(thumbs));
  assert.ok(thumbs["/ar.html 39"] > 0.3 && thumbs["/ar.html 39"] < 0.7, JSON.stringify(thumbs));
});

test("autoplay: plays once when half in view, never before; never under reduced motion", async () => {
  const { p } = await open("/autoplay.html", { height: 700 });
  await p.waitForTimeout(500);
  assert.equal(await pressed(p), "false", "not in view: not playing");
  await p.evaluate(() => document.getElementById("b").scrollIntoView({ block: "center" }));
  await until(async () => (await pressed(p)) === "true", 5000, "autoplay in view");
  await until(async () => (await pressed(p)) === "false", 8000, "the end");
  await p.evaluate(() => window.scrollTo(0, 0));
  await p.waitForTimeout(300);
  await p.evaluate(() => document.getElementById("b").scrollIntoView({ block: "center" }));
  await p.waitForTimeout(800);
  assert.equal(await pressed(p), "false", "once");

  const reduced = await open("/autoplay.html", { height: 700, reducedMotion: "reduce" });
  await reduced.p.evaluate(() => document.getElementById("b").scrollIntoView({ block: "center" }));
  await reduced.p.waitForTimeout(1500);
  assert.equal(await pressed(reduced.p), "false", "no autoplay under reduced motion");
});

test("a hidden page pauses playback", async () => {
  const { p } = await open("/en.html");
  await shadow(p, `root.querySelector("[part=play]").click()`);
  await p.waitForTimeout(300);
  await p.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  assert.equal(await pressed(p), "false");
});

test("accessibility: axe finds nothing with the controls, in English and Arabic, light and dark", async () => {
  const axe = readFileSync(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  for (const [path, dark] of [["/seed-en.html", false], ["/seed-ar.html", true]]) {
    // axe is injected as a script: this page runs without the CSP header.
    const context = await pages.context({ viewport: { width: 900, height: 900 }, colorScheme: dark ? "dark" : "light", bypassCSP: true });
    const p = await context.newPage();
    await p.goto(pages.server.url + path);
    await p.waitForFunction(() => document.getElementById("b")?.rows?.length > 0);
    await scrubTo(p, 30);
    await p.waitForTimeout(600);
    await p.addScriptTag({ content: axe });
    const result = await p.evaluate(async () => {
      const r = await window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } });
      return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
    });
    assert.deepEqual(result, [], path);
    const names = await shadow(p, `[root.querySelector("[part=play]"), root.querySelector("[part=scrubber]")].map((e) => e.getAttribute("aria-label") ?? e.textContent)`);
    assert.ok(names.every((n) => n && n.trim().length > 2), names.join(" | "));
  }
});

test("a static board with room for the controls goes live without a layout shift", async () => {
  const { p, errors } = await open("/hydrate.html");
  await p.waitForTimeout(500);
  const cls = await p.evaluate(() => new Promise((resolve) => {
    let total = 0;
    new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) total += e.value; })
      .observe({ type: "layout-shift", buffered: true });
    setTimeout(() => resolve(total), 300);
  }));
  assert.equal(cls, 0, "cumulative layout shift");
  assert.equal(await shadow(p, `getComputedStyle(root.querySelector(".gl-replay")).display`), "flex");
  assert.deepEqual(errors, []);
});

// Timing (long tasks, frame cost, dropped frames) is measured by `make bench`, never asserted
// here: on a loaded 2-core machine a timed assertion fails for reasons that are not the code's
// (a build running beside the tests made a 64 ms task once).
test("playing 50 rows with bars plays through to D without errors (timing: make bench)", async () => {
  const { p, errors } = await open("/fifty.html");
  await shadow(p, `root.querySelector("[part=play]").click()`);
  await until(async () => (await pressed(p)) === "false", 15000, "the end");
  assert.equal(await shadow(p, `root.querySelectorAll("tbody tr").length`), 50);
  assert.deepEqual(errors, []);
});

// A replay frame redraws and rewrites only what is in view (a 50-bar chart is 2,000 px tall,
// its table below it); what scrolls into view while playing is up to date a frame later, and
// the board at rest is whole: every bar drawn, every row the CLI's. While it plays the table is
// aria-busy (assistive technology waits for the board at rest).
test("a long board playing: what is in view moves every frame, all of it is exact at rest", async () => {
  const { p, errors } = await open("/fifty.html", { height: 600 });
  const values = () => shadow(p, `[...root.querySelectorAll("tbody tr")].slice(0, 5).map((tr) => tr.lastElementChild.textContent).join("|")`);
  const frames = (n) => p.evaluate((n) => new Promise((resolve) => {
    const step = (k) => (k ? requestAnimationFrame(() => step(k - 1)) : resolve());
    step(n);
  }), n);
  // Ink in a horizontal strip of the canvas (CSS pixels from its top).
  const ink = (from, to) => shadow(p, `(() => {
    const c = root.querySelector("canvas"), k = c.width / c.clientWidth;
    const px = c.getContext("2d").getImageData(0, Math.round(${from} * k), c.width, Math.round((${to} - ${from}) * k)).data;
    let n = 0;
    for (let i = 3; i < px.length; i += 4) if (px[i]) n++;
    return n;
  })()`);
  await shadow(p, `root.querySelector("[part=play]").click()`);
  await p.waitForTimeout(500);
  await shadow(p, `root.querySelector("tbody tr").scrollIntoView({ block: "start" })`);
  await frames(2);
  const a = await values();
  await frames(3);
  const b = await values();
  assert.notEqual(a, b, "the rows in view change while playing");
  assert.equal(await shadow(p, `root.querySelector("table").getAttribute("aria-busy")`), "true", "a playing table is busy");
  await until(async () => (await pressed(p)) === "false", 15000, "the end");
  const expected = cliRank(routes["/large.json"].body, ["--top", "50"]);
  assert.deepEqual(await p.evaluate(() => document.getElementById("b").rows), expected.rows);
  assert.deepEqual(await tableIds(p), expected.rows.map((r) => r.id));
  assert.equal(await shadow(p, `root.querySelector("table").hasAttribute("aria-busy")`), false, "at rest it is not");
  // Every row's figure is the last day's, once the count-up from the last frame's settles.
  const figures = expected.rows.map((r) => r.value.toLocaleString("en-US")).join("|");
  const shown = () => shadow(p, `[...root.querySelectorAll("tbody tr")].map((tr) => tr.lastElementChild.textContent).join("|")`);
  await until(async () => (await shown()) === figures, 3000, "the last day's figures in every row");
  // At rest the whole chart is drawn: the first bar and the last (off screen while playing).
  assert.ok(await ink(0, 40) > 0, "the first bar is drawn");
  assert.ok(await ink(49 * 40, 50 * 40) > 0, "the last bar is drawn");
  assert.deepEqual(errors, []);
});

test("screenshots: a paused mid-race board, Arabic and English, light and dark, narrow and wide", async () => {
  for (const [path, width, dark] of [["/seed-ar.html", 900, false], ["/seed-ar.html", 380, true], ["/seed-en.html", 900, true], ["/seed-en.html", 380, false]]) {
    const { p } = await open(path, { width, dark });
    await scrubTo(p, 35);
    await p.waitForTimeout(700);
    const ids = await tableIds(p);
    assert.deepEqual(ids, cliRank(readFileSync(SEED, "utf8"), ["--top", "8", "--pin", "eg-moi", "--as-of", "2026-11-04"]).rows.map((r) => r.id));
    await screenshot(p, `replay-${path.slice(6, 8)}-${width}-${dark ? "dark" : "light"}`);
  }
});
