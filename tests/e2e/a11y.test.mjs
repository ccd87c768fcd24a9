// What a screen-reader or high-contrast reader meets on a live board (SPEC §4 "Accessibility"):
// one announcement for one change across the page's boards, saying what it compares with and
// marking names in another language; a pause button that stops updates and announcements;
// the table named by the heading; links that say they open a new tab; the pinned row said in
// words and marked under forced colours (canvas in system colours); a trend chart whose lines
// are numbered, whose name says what it shows and whose axis labels are not cut.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { ROOT, screenshot, until, axTree } from "./harness.mjs";
import { boardPages } from "./pages.mjs";

const SEED = JSON.parse(readFileSync(join(ROOT, "www/data/seed.json"), "utf8"));
const BIN = process.env.GOV_LEADERBOARD_BIN || join(ROOT, "target/debug/gov-leaderboard");

/** The seed, with `id`'s latest day set to `value`. */
function feedWith(id, value) {
  const f = structuredClone(SEED);
  // Cambodia's PM without an Arabic name: an Arabic board shows (and says) it in English.
  const pm = f.pages.find((p) => p.id === "kh-pm");
  delete pm.names.ar;
  pm.lang = "en";
  if (id) {
    const page = f.pages.find((p) => p.id === id);
    page.series.at(-1).interactions = value;
  }
  return JSON.stringify(f);
}

const feed = { body: feedWith(), requests: 0 };
const html = (body, { lang = "en", dir = "ltr" } = {}) => `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Accessibility</title>
<link rel="stylesheet" href="/tests/e2e/article.css"><link rel="stylesheet" href="/pkg/gov-leaderboard.css">
<script type="module" src="/pkg/element.js"></script></head><body><main class="article"><h1>Article</h1>${body}</main></body></html>`;

const pages = boardPages({
  routes: {
    "/feed.json": () => { feed.requests += 1; return { body: feed.body, type: "application/json", headers: { "cache-control": "no-store" } }; },
    "/two.html": { body: html(`<gov-leaderboard id="en" src="/feed.json" refresh="1" top="5" pin="kh-pm"></gov-leaderboard>
      <gov-leaderboard id="ar" src="/feed.json" refresh="1" top="5" pin="kh-pm" locale="ar-EG"></gov-leaderboard>`) },
    "/pause.html": { body: html(`<gov-leaderboard id="b" src="/feed.json" refresh="1" top="5" pin="kh-pm"></gov-leaderboard>`) },
    "/ar-pause.html": { body: html(`<gov-leaderboard id="b" src="/feed.json" refresh="1" top="5" pin="kh-pm" locale="ar-EG"></gov-leaderboard>`, { lang: "ar", dir: "rtl" }) },
    "/once.html": { body: html(`<gov-leaderboard id="b" src="/www/data/seed.json" top="5" pin="eg-moi"></gov-leaderboard>`) },
    "/trend.html": { body: html(`<gov-leaderboard id="b" src="/www/data/seed.json" top="5" pin="eg-moi" chart="trend" locale="ar-EG"></gov-leaderboard>`, { lang: "ar", dir: "rtl" }) },
  },
});

/** Records every text each board's live region says, with the `lang` of its parts. */
async function listen(p) {
  await p.evaluate(() => {
    window.said = [];
    for (const board of document.querySelectorAll("gov-leaderboard")) {
      const region = board.shadowRoot.querySelector("[aria-live]");
      new MutationObserver(() => {
        if (!region.textContent) return;
        const langs = [...region.querySelectorAll("[lang]")].map((e) => [e.lang, e.textContent]);
        window.said.push({ board: board.id, text: region.textContent, langs });
      }).observe(region, { childList: true, subtree: true, characterData: true });
    }
  });
}

test("one change shown by two boards is announced once, naming its baseline and marking the English name", async () => {
  feed.body = feedWith();
  const { p } = await pages.open("/two.html");
  await p.waitForFunction(() => [...document.querySelectorAll("gov-leaderboard")].every((b) => b.rows.length > 0));
  await listen(p);
  feed.body = feedWith("kh-pm", 40_000_000); // Cambodia's PM takes first place
  const said = await until(() => p.evaluate(() => window.said.length && window.said), 6000, "an announcement");
  await new Promise((r) => setTimeout(r, 3500)); // three more polls of both boards
  const all = await p.evaluate(() => window.said);
  assert.equal(all.length, 1, JSON.stringify(all));
  const [{ board, text, langs }] = said;
  if (board === "en") {
    assert.equal(text, "Prime Minister of Cambodia: up 2 since the last update, now rank 1");
  } else {
    assert.equal(text, "Prime Minister of Cambodia: تقدّم ٢ منذ آخر تحديث، الآن في المركز ١");
    assert.deepEqual(langs, [["en", "Prime Minister of Cambodia"]]);
  }
  // Both boards show the move.
  assert.deepEqual(await p.evaluate(() => [...document.querySelectorAll("gov-leaderboard")].map((b) => b.rows[0].id)), ["kh-pm", "kh-pm"]);
});

test("an Arabic board names an English page with lang=en when it speaks", async () => {
  feed.body = feedWith();
  const { p } = await pages.open("/ar-pause.html");
  await listen(p);
  feed.body = feedWith("kh-pm", 40_000_000);
  const [said] = await until(() => p.evaluate(() => window.said.length && window.said), 6000, "an announcement");
  assert.equal(said.text, "Prime Minister of Cambodia: تقدّم ٢ منذ آخر تحديث، الآن في المركز ١");
  assert.deepEqual(said.langs, [["en", "Prime Minister of Cambodia"]]);
});

test("the pause button stops updates and announcements, and resuming catches up (en, ar)", async () => {
  for (const [path, name] of [["/pause.html", "Pause updates"], ["/ar-pause.html", "إيقاف التحديثات مؤقتًا"]]) {
    feed.body = feedWith();
    const { p, context } = await pages.open(path, { width: 380 });
    await listen(p);
    const button = () => p.evaluateHandle(() => document.getElementById("b").shadowRoot.querySelector('[part="pause"]'));
    const state = () => p.evaluate(() => {
      const b = document.getElementById("b").shadowRoot.querySelector('[part="pause"]');
      return { pressed: b.getAttribute("aria-pressed"), name: b.textContent, hidden: b.hidden, tag: b.tagName };
    });
    assert.deepEqual(await state(), { pressed: "false", name, hidden: false, tag: "BUTTON" });
    assert.ok((await axTree(p)).includes(`button: ${name}`), "a named button in the accessibility tree");
    await (await button()).asElement().click();
    assert.equal((await state()).pressed, "true");
    const before = feed.requests;
    feed.body = feedWith("kh-pm", 40_000_000);
    await new Promise((r) => setTimeout(r, 3000));
    assert.equal(feed.requests, before, "no polls while paused");
    assert.equal(await p.evaluate(() => document.getElementById("b").rows[0].id), "us-wh", "no update while paused");
    assert.deepEqual(await p.evaluate(() => window.said), [], "nothing said while paused");
    await screenshot(p, `a11y-paused-${path.slice(1, -5)}`);
    // Keyboard: the button is reachable and Space resumes.
    await (await button()).asElement().focus();
    await p.keyboard.press("Space");
    assert.equal((await state()).pressed, "false");
    await until(() => p.evaluate(() => document.getElementById("b").rows[0].id === "kh-pm"), 4000, "the update after resuming");
    const said = await until(() => p.evaluate(() => window.said.length && window.said), 4000, "the announcement after resuming");
    assert.match(said[0].text, /Prime Minister of Cambodia/);
    await context.close(); // it polls on: the next page's request count is its own
  }
});

test("no pause button without refresh; the table is named by the heading; links say they open a new tab; the pinned row says so", async () => {
  const { p } = await pages.open("/once.html");
  assert.equal(await p.evaluate(() => document.getElementById("b").shadowRoot.querySelector('[part="pause"]').hidden), true);
  const tree = await axTree(p);
  const title = SEED.title;
  assert.ok(tree.includes(`table: ${title} Interactions, last 30 days`), tree.filter((l) => l.startsWith("table")).join("\n"));
  assert.ok(tree.includes(`heading: ${title}`));
  assert.ok(tree.includes("link: Ministry of Interior (Egypt) (opens in a new tab)"), tree.filter((l) => l.startsWith("link")).join("\n"));
  assert.ok(tree.some((l) => /^rowheader: Ministry of Interior \(Egypt\) \(opens in a new tab\) \(highlighted\)$/.test(l)), tree.filter((l) => l.startsWith("rowheader")).join("\n"));
  assert.equal(await p.evaluate(() => document.getElementById("b").shadowRoot.querySelector("caption")), null);
});

test("forced colours: the pinned row keeps a visible mark and the canvas draws in system colours", async () => {
  for (const scheme of ["dark", "light"]) {
    const context = await pages.context({ viewport: { width: 600, height: 900 }, forcedColors: "active", colorScheme: scheme });
    const p = await context.newPage();
    await p.goto(pages.server.url + "/once.html");
    await p.waitForFunction(() => document.getElementById("b").rows.length > 0);
    await p.waitForTimeout(300);
    const outline = await p.evaluate(() => {
      const tr = document.getElementById("b").shadowRoot.querySelector("tr.gl-pinned");
      const s = getComputedStyle(tr);
      return { style: s.outlineStyle, width: s.outlineWidth };
    });
    assert.deepEqual(outline, { style: "solid", width: "3px" });
    // Canvas text and bars in CanvasText: white on black in the dark forced palette, black on
    // white in the light one; nothing in the normal theme's dark grey text colour.
    const counts = await p.evaluate(() => {
      const c = document.getElementById("b").shadowRoot.querySelector("canvas");
      const d = c.getContext("2d").getImageData(0, 0, c.width, c.height).data;
      let white = 0, black = 0, themeText = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (d[i + 3] < 250) continue;
        const [r, g, b] = [d[i], d[i + 1], d[i + 2]];
        if (r > 245 && g > 245 && b > 245) white++;
        else if (r < 10 && g < 10 && b < 10) black++;
        else if (r === 0x1b && g === 0x1f && b === 0x24) themeText++;
      }
      return { white, black, themeText };
    });
    if (scheme === "dark") assert.ok(counts.white > 2000 && counts.black === 0, JSON.stringify(counts));
    else assert.ok(counts.black > 2000 && counts.white === 0, JSON.stringify(counts));
    assert.equal(counts.themeText, 0);
    await screenshot(p, `a11y-forced-colors-${scheme}`);
  }
});

test("trend chart: a name that says what it shows, numbered lines, Arabic axis labels not cut (canvas and static SVG)", async () => {
  const { p } = await pages.open("/trend.html", { width: 380 });
  const name = await p.evaluate(() => document.getElementById("b").shadowRoot.querySelector(".gl-chart").getAttribute("aria-label"));
  assert.equal(name, "رسم خطي: التفاعلات اليومية للصفحات المعروضة");
  await screenshot(p, "a11y-trend-ar-380");
  // The static SVG: every tick label lies inside the chart; each line's number appears twice
  // (at its end and in the legend).
  const svg = execFileSync(BIN, ["render", join(ROOT, "www/data/seed.json"), "--chart", "trend", "--locale", "ar-EG", "--top", "5", "--pin", "eg-moi"], { encoding: "utf8" });
  await p.setContent(`<html lang="ar" dir="rtl"><head><link rel="stylesheet" href="${pages.server.url}/pkg/gov-leaderboard.css"></head><body style="width:320px;margin:0">${svg}</body></html>`);
  const boxes = await p.evaluate(() => {
    const chart = document.querySelector(".gl-chart svg").getBoundingClientRect();
    const texts = [...document.querySelectorAll(".gl-chart text")].map((t) => ({ text: t.textContent, r: t.getBoundingClientRect() }));
    return { chart: { left: chart.left, right: chart.right }, texts: texts.map((t) => ({ text: t.text, left: t.r.left, right: t.r.right })) };
  });
  const ticks = boxes.texts.filter((t) => /مليون|ألف|^\u2068[٠-٩٫]+\u2069$/.test(t.text));
  assert.ok(ticks.length >= 2, JSON.stringify(boxes.texts.map((t) => t.text)));
  for (const t of ticks) assert.ok(t.left >= boxes.chart.left - 0.5 && t.right <= boxes.chart.right + 0.5, JSON.stringify({ t, chart: boxes.chart }));
  for (const n of ["١", "٢", "٣", "٤", "٥"]) {
    assert.equal(boxes.texts.filter((t) => t.text === `\u2068${n}\u2069`).length, 2, `mark ${n}`);
  }
  await screenshot(p, "a11y-trend-ar-static-320");
});
