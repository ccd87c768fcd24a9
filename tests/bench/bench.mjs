// make bench: one table; every figure measured in this run next to its baseline, given as a
// ratio where a baseline exists (absolute times on shared machines are noise).
import { execFileSync } from "node:child_process";
import { brotliCompressSync, constants as zlibConstants, gzipSync } from "node:zlib";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT, feedRoute, serve, launch } from "../e2e/harness.mjs";
import { largeFeed } from "../../www/dev/sample-feeds.mjs";
import { rankJs, rankJsValidating } from "./rank-baseline.mjs";
import init, { rank, rankTimeline } from "../../pkg/index.node.js";

const OUT = join(ROOT, "target/bench");
const BIN = join(ROOT, "target/release/gov-leaderboard");
const rows = [];
const add = (what, ours, baseline, ratio, note = "") => rows.push({ what, ours, baseline, ratio, note });
const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
const ms = (v) => `${v.toFixed(1)} ms`;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((xs.length * p) / 100))];
const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const br = (buf) => brotliCompressSync(buf, { params: { [zlibConstants.BROTLI_PARAM_QUALITY]: 11 } }).length;
mkdirSync(OUT, { recursive: true });

/** A peer library's bar-chart bundle, built as an app would ship it (target/bench/<entry>/bundle.js). */
function peerBundle(entry, fresh = false) {
  const dir = join(OUT, entry.replace(".js", ""));
  if (!fresh && existsSync(join(dir, "bundle.js"))) return dir;
  rmSync(dir, { recursive: true, force: true });
  execFileSync(join(ROOT, "node_modules/.bin/vite"), ["build", "--logLevel", "error", "--outDir", dir, "--emptyOutDir"], {
    cwd: join(ROOT, "tests/bench"),
    env: { ...process.env, BENCH_ENTRY: entry },
    stdio: "pipe",
  });
  return dir;
}

// ---- 1. embed weight ----
function embedWeight() {
  // What a page with one live board downloads: element.js (which carries the board's CSS), the
  // element's wasm-bindgen glue and its .wasm. gov-leaderboard.css is only for static boards.
  const files = ["element.js", "gov_leaderboard_element.js", "gov_leaderboard_element_bg.wasm"];
  const built = files.map((f) => readFileSync(join(ROOT, "pkg", f)));
  const ours = built.reduce((sum, b) => sum + gz(b), 0);
  // Most CDNs send brotli to browsers that ask for it; the targets and the budget stay gzip -9.
  const oursBr = built.reduce((sum, b) => sum + br(b), 0);
  const budget = Number(/max-gzip-bytes\s*=\s*(\d+)/.exec(readFileSync(join(ROOT, "wasm-pack.toml"), "utf8"))[1]);
  for (const [name, entry] of [["Chart.js 4 (bar only, tree-shaken)", "baseline-chartjs.js"], ["ECharts 6 (bar only, core entry)", "baseline-echarts.js"]]) {
    const dir = peerBundle(entry, true);
    const js = readdirSync(dir).filter((f) => f.endsWith(".js")).map((f) => readFileSync(join(dir, f)));
    const bytes = js.reduce((s, b) => s + gz(b), 0);
    const bytesBr = js.reduce((s, b) => s + br(b), 0);
    add(`embed weight (gzip -9) vs ${name}`, kb(ours), kb(bytes), (ours / bytes).toFixed(2),
      `lower is better; brotli -q 11: ${kb(oursBr)} vs ${kb(bytesBr)} (${(oursBr / bytesBr).toFixed(2)})`);
  }
  add("embed weight vs budget (wasm-pack.toml)", kb(ours), kb(budget), (ours / budget).toFixed(2), ours <= budget ? "within budget" : "OVER BUDGET");
  // The two builds' .wasm: the element's for size, the npm/Node one for speed (opt-level 3).
  const wasmSize = (f) => { const b = readFileSync(join(ROOT, "pkg", f)); return `${kb(b.length)} (${kb(gz(b))} gz)`; };
  add(".wasm of the element build (size) vs the npm build (speed)", wasmSize("gov_leaderboard_element_bg.wasm"), wasmSize("gov_leaderboard_bg.wasm"), "", "the npm build adds rank/renderStatic/rankTimeline and is optimised for speed; no reader downloads it");
}

// ---- 2. ranking throughput ----
function time(f, runs) {
  const t = [];
  let out;
  for (let i = 0; i < runs; i++) {
    const s = performance.now();
    out = f();
    t.push(performance.now() - s);
  }
  return { ms: median(t), out };
}

/**
 * `time` for several variants at once, taking turns run by run (the order rotating), so a slow
 * minute of this VM falls on all of them alike and their ratios hold. Timed one after another,
 * the same build's rankTimeline ÷ rank read anywhere from 0.8 to 2.2 in three runs (1,000 and
 * 4,000 pages); taking turns, 1.23 to 1.46.
 */
function timeTurns(variants, runs) {
  const names = Object.keys(variants);
  const t = Object.fromEntries(names.map((n) => [n, []]));
  const out = {};
  for (let i = 0; i < runs; i++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(i + k) % names.length];
      const s = performance.now();
      out[name] = variants[name]();
      t[name].push(performance.now() - s);
    }
  }
  return Object.fromEntries(names.map((n) => [n, { ms: median(t[n]), out: out[n] }]));
}

async function throughput() {
  await init();
  for (const pages of [1000, 4000]) {
    const text = JSON.stringify(largeFeed(pages, 90, "2026-11-28", pages));
    const bytes = new TextEncoder().encode(text);
    const file = join(OUT, `feed-${pages}.json`);
    writeFileSync(file, text);
    const options = { metric: "interactions", window: "30d", top: 10, pin: "p00007" };
    const runs = pages === 1000 ? 21 : 11;
    // Warm-up: the first calls grow the WebAssembly memory and let the engines tier up; without
    // it whichever variant is timed first pays for that. Each variant runs for 400 ms at least:
    // V8 compiles optimised wasm in the background and a call only uses it once it is ready
    // (there is no on-stack replacement for wasm), so two calls left some timed runs on the
    // baseline compiler's code (rank 1,000 pages: 12 ms instead of 7.4; --no-liftoff: 7.4
    // from the first call). A one-off call (`rank` once in a build script) runs partly on that
    // baseline code.
    const warm = (f) => {
      const end = performance.now() + 400;
      do f(); while (performance.now() < end);
    };
    warm(() => rank(bytes, options));
    warm(() => rank(text, options));
    warm(() => rankTimeline(bytes, options));
    warm(() => rankJs(text, options));
    warm(() => rankJsValidating(text, options));
    // Ours take turns with each other; the JS baselines are timed on their own (their garbage,
    // collected in the next call, would land on whichever of ours came after them).
    const { wasm, fromText, timeline } = timeTurns({
      wasm: () => rank(bytes, options),
      fromText: () => rank(text, options),
      timeline: () => rankTimeline(bytes, options),
    }, runs);
    const js = time(() => rankJs(text, options), 5);
    const checked = time(() => rankJsValidating(text, options), 5);
    for (const other of [js.out, checked.out, fromText.out]) {
      if (JSON.stringify(wasm.out) !== JSON.stringify(other)) throw new Error(`outputs differ for ${pages} pages`);
    }
    const mb = bytes.length / 1048576;
    const rate = (t) => `${(mb / (t / 1000)).toFixed(0)} MB/s (${ms(t)})`;
    add(`rank ${pages} pages × 90 d (${mb.toFixed(1)} MB) wasm vs JS`, rate(wasm.ms), rate(js.ms), (js.ms / wasm.ms).toFixed(2),
      "throughput ×, higher is better; outputs equal; JS without validation");
    add(`rank ${pages} pages from bytes vs validating JS`, rate(wasm.ms), rate(checked.ms), (checked.ms / wasm.ms).toFixed(2),
      "aim ≥ 5 (SPEC §1 checks in both)");
    add(`rank ${pages} pages from text (a string) vs validating JS`, rate(fromText.ms), rate(checked.ms), (checked.ms / fromText.ms).toFixed(2),
      `aim ≥ 5; text ÷ bytes time ${(fromText.ms / wasm.ms).toFixed(2)} (aim 1.0)`);
    const cli = [];
    for (let i = 0; i < runs; i++) {
      const s = performance.now();
      execFileSync(BIN, ["rank", file, "--top", "10", "--pin", "p00007"], { stdio: "pipe" });
      cli.push(performance.now() - s);
    }
    add(`rank ${pages} pages native CLI (whole process) vs JS`, `${(mb / (median(cli) / 1000)).toFixed(0)} MB/s (${ms(median(cli))})`,
      `${(mb / (js.ms / 1000)).toFixed(0)} MB/s`, (js.ms / median(cli)).toFixed(2), "throughput ×");
    // Every day's ranking in one pass (SPEC §2b) against one ranking of the same bytes.
    const days = timeline.out.dates.length;
    add(`rankTimeline ${pages} pages × 90 d (${days} frames) vs one rank`, ms(timeline.ms), ms(wasm.ms), (timeline.ms / wasm.ms).toFixed(2),
      "aim ≤ 1.5 (lower is better); both from the same bytes, feed parsing included");
    if (pages === 4000) firstCall(file, options);
  }
}

/** One `rank` of a file in a fresh Node process, as a build script runs it: the engines are
 *  cold (the .wasm compiled on load, its code not yet optimised; see the warm-up above). */
function firstCall(file, options) {
  const script = (fn) => `
    import { readFileSync } from "node:fs";
    const text = readFileSync(${JSON.stringify(file)}, "utf8");
    const t0 = performance.now();
    ${fn === "wasm"
      ? `const { default: init, rank } = await import(${JSON.stringify(join(ROOT, "pkg/index.node.js"))}); await init();`
      : `const { rankJsValidating: rank } = await import(${JSON.stringify(join(ROOT, "tests/bench/rank-baseline.mjs"))});`}
    const t1 = performance.now();
    rank(text, ${JSON.stringify(options)});
    console.log(JSON.stringify({ load: t1 - t0, call: performance.now() - t1 }));`;
  const run = (fn) => {
    const r = [];
    for (let i = 0; i < 3; i++) {
      r.push(JSON.parse(execFileSync(process.execPath, ["--input-type=module", "-e", script(fn)], { encoding: "utf8" })));
    }
    return { load: median(r.map((x) => x.load)), call: median(r.map((x) => x.call)) };
  };
  const ours = run("wasm");
  const js = run("js");
  add("rank 4000 pages from text, first call in a fresh process vs validating JS", `${ms(ours.load + ours.call)}`, ms(js.load + js.call),
    ((js.load + js.call) / (ours.load + ours.call)).toFixed(2),
    `median of 3; ours: ${ms(ours.load)} to load and compile the .wasm + ${ms(ours.call)} for the call, on code not yet optimised (a build script's one call)`);
}

// ---- 3–5. in Chromium, each next to a peer library doing the same job on the same page ----
const RACE_SECONDS = 15;

/** The race's per-day values of every page (for the ECharts bar race), from rankTimeline. */
function raceSeries(raceText) {
  const { dates, frames } = rankTimeline(new TextEncoder().encode(raceText), { top: 300 });
  const feed = JSON.parse(raceText);
  const names = feed.pages.map((pg) => pg.name);
  const index = new Map(feed.pages.map((pg, i) => [pg.id, i]));
  const days = frames.map((f) => {
    const values = new Array(names.length).fill(0);
    for (const r of f.rows) values[index.get(r.id)] = r.value;
    return values;
  });
  return { dates, names, days };
}

// The start and end of a news article around a board (see "/first-article.html").
const ARTICLE = [`<article style="max-width:42rem;margin:0 auto;font-family:sans-serif;line-height:1.5">
<p><small>World · Social media</small></p>
<h1>Egypt's Interior Ministry page ranks second in the world for interactions</h1>
<p><i>By our data desk</i> · <time>28 November 2026</time></p>
<p><b>Cairo —</b> The Facebook page of Egypt's Ministry of Interior drew 24,374,000 interactions last
month, second only to the White House among government pages worldwide and ahead of the page of
Cambodia's Prime Minister, according to figures presented on the programme <q>On My Responsibility</q>.</p>
<p>The ranking below is updated as new figures arrive. <a href="#method">How the ranking works</a>.</p>`,
`<h2 id="method">How the ranking works</h2>
<p>Pages are ranked by the interactions on their posts over the last 30 days; ties share a rank.</p>
</article>`];

async function browser() {
  await init();
  const seed = readFileSync(join(ROOT, "www/data/seed.json"), "utf8");
  const fifty = JSON.stringify(largeFeed(60, 40, "2026-11-28", 3));
  const race = JSON.stringify(largeFeed(300, 90, "2026-11-28", 5));
  const chartjs = `/${join("target/bench", "baseline-chartjs", "bundle.js")}`;
  const echarts = `/${join("target/bench", "baseline-echarts", "bundle.js")}`;
  peerBundle("baseline-chartjs.js");
  peerBundle("baseline-echarts.js");
  const page = (body) => `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/pkg/element.js"></script></head><body>${body}</body></html>`;
  const chartjsFirst = (before, after) => `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>${before}<div style="height:420px"><canvas id="c"></canvas></div>${after}
<script type="module">
import Chart from "${chartjs}"; import { rankJs } from "/tests/bench/rank-baseline.mjs";
const { rows } = rankJs(await (await fetch("/feed.json")).text(), { top: 10 });
new Chart(document.getElementById("c"), { type: "bar", data: { labels: rows.map((r) => r.name ?? r.id), datasets: [{ data: rows.map((r) => r.value) }] }, options: { indexAxis: "y", maintainAspectRatio: false, animation: false } });
requestAnimationFrame(() => requestAnimationFrame(() => { window.__board = performance.now(); }));
</script></body></html>`;
  // The peers' pages: the library, the JS ranking of rank-baseline.mjs (no validation: in
  // their favour), and a 50-bar chart as tall as ours (40 px a bar).
  const peerPage = (lib, body) => `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body>${body}
<script type="module">import Lib from "${lib}"; import { rankJs } from "/tests/bench/rank-baseline.mjs"; window.peer = { Lib, rankJs };</script></body></html>`;
  // A feed as a newsroom's server or CDN sends it: fresh for an hour, with an ETag. Chart.js's
  // page reads it from the HTTP cache on a reload; a board revalidates every request
  // (`cache: "no-cache"`, so a reload never shows an old feed) and gets a 304 without the body.
  const cdnFeed = (body) => feedRoute(body, { cacheControl: "max-age=3600" }).route;
  const server = await serve({
    routes: {
      "/feed.json": cdnFeed(seed),
      "/first.html": { body: page(`<gov-leaderboard src="/feed.json" top="10"></gov-leaderboard>`) },
      "/first-300.html": { body: page(`<gov-leaderboard src="/race.json" top="10"></gov-leaderboard>`) },
      // Chart.js's first chart from the same feed: fetch, JSON.parse + ranking, new Chart.
      "/first-chartjs.html": { body: chartjsFirst("", "") },
      // The same two inside a news article, as the element is used: the article's headline
      // and paragraphs (bold faces and all) are laid out before the engine or the peer arrives.
      "/first-article.html": { body: page(`${ARTICLE[0]}<gov-leaderboard src="/feed.json" top="10"></gov-leaderboard>${ARTICLE[1]}`) },
      "/first-chartjs-article.html": { body: chartjsFirst(...ARTICLE) },
      // The engine's own part of a first board: the runtime is loaded first (ready()), then a
      // new board is given the seed feed (see "first board, engine only").
      "/first-engine.html": { body: `<!doctype html><html><head><meta charset="utf-8"><title>bench</title></head><body><script type="module">
const { ready } = await import("/pkg/element.js");
await ready();
const feed = await (await fetch("/feed.json")).text();
window.go = () => {
  const el = document.createElement("gov-leaderboard");
  el.setAttribute("top", "10");
  const t0 = performance.now();
  el.addEventListener("leaderboard-update", () => requestAnimationFrame(() => requestAnimationFrame(() => { window.__board = performance.now() - t0; })), { once: true });
  document.body.append(el);
  el.data = feed;
};
</script></body></html>` },
      "/update.html": { body: page(`<gov-leaderboard id="b" top="50" chart="bars"></gov-leaderboard>`) },
      "/update-chartjs.html": { body: peerPage(chartjs, `<div style="height:2000px"><canvas id="c"></canvas></div>`) },
      "/fifty.json": { body: fifty, type: "application/json" },
      "/race.json": cdnFeed(race),
      "/race-series.json": { body: JSON.stringify(raceSeries(race)), type: "application/json" },
      "/replay.html": { body: page(`<gov-leaderboard id="b" src="/race.json" top="50" replay replay-duration="${RACE_SECONDS}"></gov-leaderboard>`) },
      "/replay-echarts.html": { body: peerPage(echarts, `<div id="c" style="width:1000px;height:2000px"></div>`) },
    },
    headers: { "cache-control": "max-age=3600" },
  });
  const chromium = await launch();
  try {
    // 3. first board, cold (new profile context) and warm (reload in the same context): the
    // time of the first `leaderboard-update` (or the peer's chart), two frames later. The pages
    // take turns round by round, so this VM's slow minutes fall on ours and the peer's alike.
    const ROUNDS = 9;
    const firstBoards = async (paths) => {
      const runs = paths.map(() => ({ cold: [], warm: [], afterWasm: [] }));
      const when = (p) => p.waitForFunction(() => window.__board).then(() => p.evaluate(() => {
        const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
        return { board: window.__board, wasm: wasm ? wasm.responseEnd : NaN };
      }));
      for (let i = 0; i < ROUNDS; i++) {
        for (const [k, path] of paths.entries()) {
          const context = await chromium.newContext();
          await context.addInitScript(() => window.addEventListener("leaderboard-update", () =>
            requestAnimationFrame(() => requestAnimationFrame(() => { window.__board ??= performance.now(); })), { capture: true, once: true }));
          const p = await context.newPage();
          await p.goto(server.url + path, { waitUntil: "commit" });
          const c = await when(p);
          runs[k].cold.push(c.board);
          runs[k].afterWasm.push(c.board - c.wasm);
          await p.reload({ waitUntil: "commit" });
          runs[k].warm.push((await when(p)).board);
          await context.close();
        }
      }
      return runs.map((r) => ({ cold: median(r.cold), warm: median(r.warm), afterWasm: median(r.afterWasm) }));
    };
    const [first, first300, peerFirst, inArticle, peerInArticle] =
      await firstBoards(["/first.html", "/first-300.html", "/first-chartjs.html", "/first-article.html", "/first-chartjs-article.html"]);
    add("first board painted, cold cache (navigation → board)", ms(first.cold), ms(peerFirst.cold), (first.cold / peerFirst.cold).toFixed(2),
      `median of ${ROUNDS}, taking turns with the baseline; seed feed, top 10; baseline: Chart.js 4's first chart from the same feed (fetch, JSON.parse + JS ranking, new Chart)`);
    add("first board, after the .wasm arrived", ms(first.afterWasm), "100 ms target", (first.afterWasm / 100).toFixed(2), "≤ 1 meets the target (the feed is fetched while the .wasm loads)");
    add("first board painted, warm cache", ms(first.warm), ms(peerFirst.warm), (first.warm / peerFirst.warm).toFixed(2), `median of ${ROUNDS}; baseline: Chart.js 4, same feed`);
    add("first board inside a news article, after the .wasm arrived", ms(inArticle.afterWasm), "100 ms target", (inArticle.afterWasm / 100).toFixed(2),
      "≤ 1 meets the target; the article's text was laid out (and its fonts loaded) before the .wasm arrived, as on a news site");
    add("first board inside a news article, cold cache (navigation → board)", ms(inArticle.cold), ms(peerInArticle.cold), (inArticle.cold / peerInArticle.cold).toFixed(2),
      `median of ${ROUNDS}; warm ${ms(inArticle.warm)} vs ${ms(peerInArticle.warm)}; baseline: Chart.js 4's first chart in the same article`);
    // What our code costs of a first board, without the network, the module's load or the
    // page's own loading (steadier on this VM than the rows above, which include them all):
    // the engine functions compiled at their first call, the page's first Intl formatters, the
    // layout, the paint. It is where a change to the engine shows first (an element build with
    // a larger feed reader put this 20-30 ms later).
    const engine = [];
    for (let i = 0; i < ROUNDS; i++) {
      const context = await chromium.newContext();
      const p = await context.newPage();
      await p.goto(server.url + "/first-engine.html");
      await p.waitForFunction(() => typeof window.go === "function");
      await p.waitForTimeout(300); // the runtime's own start settles
      await p.evaluate(() => window.go());
      engine.push(await p.waitForFunction(() => window.__board).then((h) => h.jsonValue()));
      await context.close();
    }
    add("first board, engine only (runtime loaded, seed feed)", ms(median(engine)), "", "",
      `median of ${ROUNDS}, fresh contexts: board appended and given the feed → painted; the .wasm already loaded (V8 still compiles each function at its first call)`);
    add("first board, 300-page feed (1.4 MB): cold / warm", `${ms(first300.cold)} / ${ms(first300.warm)}`, "", "",
      `median of ${ROUNDS}; after the .wasm arrived: ${ms(first300.afterWasm)}`);

    // 4. live update cost: 50-row board with chart, 200 updates
    const updates = (fifty, variant) => {
      const base = JSON.parse(fifty);
      const feeds = [];
      for (let i = 0; i < 201; i++) {
        const f = structuredClone(base);
        for (const [j, pg] of f.pages.entries()) pg.series.at(-1).interactions = 1000 + ((i * 7919 + j * 104729) % 900000);
        feeds.push(variant === "object" ? f : JSON.stringify(f));
      }
      return feeds;
    };
    const context = await chromium.newContext({ viewport: { width: 1000, height: 900 } });
    const p = await context.newPage();
    await p.goto(server.url + "/update.html");
    const ourUpdates = async (variant) => p.evaluate(async ([fifty, variant, updatesSrc]) => {
      const feeds = (0, eval)(updatesSrc)(fifty, variant);
      const el = document.getElementById("b");
      await new Promise((r) => { el.addEventListener("leaderboard-update", r, { once: true }); el.data = feeds[0]; });
      const t = [];
      for (let i = 1; i <= 200; i++) {
        const s = performance.now();
        el.data = feeds[i]; // parse, rank, DOM update, canvas repaint: all synchronous
        el.shadowRoot.querySelector("tbody").getBoundingClientRect(); // and the layout it causes
        t.push(performance.now() - s);
        await new Promise((r) => requestAnimationFrame(r));
      }
      return { t, rows: el.rows.length };
    }, [fifty, variant, updates.toString()]);
    const times = await ourUpdates("object");
    const fromText = await ourUpdates("text");
    add(`live update, ${times.rows}-row board + chart: p50`, ms(pct(times.t, 50)), "", "", "200 updates of a feed object: parse, rank, DOM, canvas and the layout they cause");
    add(`live update: p95`, ms(pct(times.t, 95)), "4 ms target", (pct(times.t, 95) / 4).toFixed(2), "≤ 1 meets the target");
    await context.close();
    const peer = await chromium.newContext({ viewport: { width: 1000, height: 900 } });
    const pp = await peer.newPage();
    await pp.goto(server.url + "/update-chartjs.html");
    await pp.waitForFunction(() => window.peer);
    const peerTimes = await pp.evaluate(async ([fifty, updatesSrc]) => {
      const feeds = (0, eval)(updatesSrc)(fifty, "text");
      const { Lib: Chart, rankJs } = window.peer;
      const top = (text) => rankJs(text, { top: 50 }).rows;
      const rows0 = top(feeds[0]);
      const chart = new Chart(document.getElementById("c"), { type: "bar", data: { labels: rows0.map((r) => r.name ?? r.id), datasets: [{ data: rows0.map((r) => r.value) }] },
        options: { indexAxis: "y", maintainAspectRatio: false } });
      await new Promise((r) => setTimeout(r, 1200)); // its first animation ends
      const t = [];
      for (let i = 1; i <= 200; i++) {
        const s = performance.now();
        const rows = top(feeds[i]);
        chart.data.labels = rows.map((r) => r.name ?? r.id);
        chart.data.datasets[0].data = rows.map((r) => r.value);
        chart.update("none"); // the whole redraw now (its animated update() draws in later frames)
        document.body.getBoundingClientRect();
        t.push(performance.now() - s);
        await new Promise((r) => requestAnimationFrame(r));
      }
      return { t };
    }, [fifty, updates.toString()]);
    await peer.close();
    add("live update from feed text (p95) vs Chart.js 4", ms(pct(fromText.t, 95)), ms(pct(peerTimes.t, 95)), (pct(fromText.t, 95) / pct(peerTimes.t, 95)).toFixed(2),
      `same 50 rows, 200 updates of the same text; ours: parse + validate + rank + table + chart; Chart.js: JSON.parse + JS ranking + update("none"), no table; p50 ${ms(pct(fromText.t, 50))} vs ${ms(pct(peerTimes.t, 50))}`);

    // 5. replay: a 50-row bars board playing 90 days (300 pages) in RACE_SECONDS. Each animation
    // frame's script time (the rAF callback and the microtasks it queues: the controller, the
    // DOM patch, the canvas) is measured by wrapping requestAnimationFrame; the browser's own
    // style/layout/paint after it is not in that figure (it shows in the frame intervals).
    const WRAP_RAF = () => {
      window.__frames = []; window.__intervals = []; window.__tasks = [];
      new PerformanceObserver((l) => window.__tasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
      const raf = window.requestAnimationFrame.bind(window);
      let last = 0;
      window.requestAnimationFrame = (cb) => raf((ts) => {
        const s = performance.now();
        cb(ts);
        queueMicrotask(() => queueMicrotask(() => window.__frames.push(performance.now() - s)));
        if (last && ts !== last) window.__intervals.push(ts - last);
        last = ts;
      });
    };
    const replay = await chromium.newContext({ viewport: { width: 1000, height: 900 } });
    await replay.addInitScript(WRAP_RAF);
    const rp = await replay.newPage();
    await rp.goto(server.url + "/replay.html");
    await rp.waitForFunction(() => document.getElementById("b")?.rows?.length === 50);
    const r = await rp.evaluate(async () => {
      window.__frames.length = 0; window.__intervals.length = 0; window.__tasks.length = 0;
      const el = document.getElementById("b");
      const play = el.shadowRoot.querySelector("[part=play]");
      play.click();
      await new Promise((resolve) => {
        const check = () => (play.getAttribute("aria-pressed") === "false" ? resolve() : setTimeout(check, 50));
        check();
      });
      return { frames: window.__frames, intervals: window.__intervals, tasks: window.__tasks };
    });
    await replay.close();
    // ECharts' bar race (realtimeSort) over the same 90 days in the same time: a setOption per
    // day, its own animation between days.
    const echartsRace = await chromium.newContext({ viewport: { width: 1000, height: 900 } });
    await echartsRace.addInitScript(WRAP_RAF);
    const ep = await echartsRace.newPage();
    await ep.goto(server.url + "/replay-echarts.html");
    await ep.waitForFunction(() => window.peer);
    const e = await ep.evaluate(async (seconds) => {
      const { dates, names, days } = await (await fetch("/race-series.json")).json();
      const chart = window.peer.Lib.init(document.getElementById("c"));
      const step = (seconds * 1000) / (dates.length - 1);
      chart.setOption({
        xAxis: { max: "dataMax" },
        yAxis: { type: "category", data: names, inverse: true, max: 49, animationDuration: 300, animationDurationUpdate: 300 },
        series: [{ realtimeSort: true, type: "bar", data: days[0], label: { show: true, position: "right", valueAnimation: true } }],
        animationDuration: 0, animationDurationUpdate: step, animationEasing: "linear", animationEasingUpdate: "linear",
      });
      await new Promise((r) => setTimeout(r, 500));
      window.__frames.length = 0; window.__intervals.length = 0; window.__tasks.length = 0;
      const sets = [];
      for (let d = 1; d < days.length; d++) {
        await new Promise((r) => setTimeout(r, step));
        const s = performance.now();
        chart.setOption({ series: [{ type: "bar", data: days[d] }] });
        sets.push(performance.now() - s);
      }
      await new Promise((r) => setTimeout(r, step));
      return { frames: window.__frames, intervals: window.__intervals, tasks: window.__tasks, sets };
    }, RACE_SECONDS);
    await echartsRace.close();
    const dropped = (x) => x.intervals.filter((i) => i > 25).length;
    const droppedAtStart = (x) => x.intervals.slice(0, 3).filter((i) => i > 25).length;
    add("replay frame, 50-row board + bars: p50", ms(pct(r.frames, 50)), ms(pct(e.frames, 50)), (pct(r.frames, 50) / pct(e.frames, 50)).toFixed(2),
      `${r.frames.length} frames over 90 days in ${RACE_SECONDS} s: values eased, rows ordered, DOM, canvas; baseline: ECharts 6 realtimeSort bar race, same days, same time, chart only`);
    add("replay frame: p95", ms(pct(r.frames, 95)), "4 ms target", (pct(r.frames, 95) / 4).toFixed(2), `≤ 1 meets the target; ECharts' frame p95 ${ms(pct(e.frames, 95))} (ratio ${(pct(r.frames, 95) / pct(e.frames, 95)).toFixed(2)}), plus its setOption per day p95 ${ms(pct(e.sets, 95))}`);
    add("replay: dropped frames (interval > 25 ms), longest task", `${dropped(r)} of ${r.intervals.length}`, `${dropped(e)} of ${e.intervals.length}`, "",
      `ours vs ECharts (in the first 3 frames: ${droppedAtStart(r)} vs ${droppedAtStart(e)}); frame interval p95 ${ms(pct(r.intervals, 95))} vs ${ms(pct(e.intervals, 95))}; longest task ${r.tasks.length ? ms(Math.max(...r.tasks)) : "none over 50 ms"} vs ${e.tasks.length ? ms(Math.max(...e.tasks)) : "none over 50 ms"}`);
  } finally {
    await chromium.close();
    await server.close();
  }
}

// 6. a hostile feed: 20,000 pages tied at the cut (top=1). The board is bounded at 100 rows,
// so its first render and a live update must not grow with the feed: each measured as the
// longest main-thread task (PerformanceObserver "longtask") against the 200 ms aim.
async function tied() {
  const csv = (bump) => ["id,name,date,interactions", ...Array.from({ length: 20000 }, (_, i) => {
    const id = `p${String(i).padStart(6, "0")}`;
    return `${id},Page ${i},2026-11-28,${id === bump ? 9 : 5}`;
  })].join("\n");
  const server = await serve({ routes: {
    "/tied.html": { body: `<!doctype html><html><head><meta charset="utf-8"><title>tied</title><script type="module" src="/pkg/element.js"></script></head><body><gov-leaderboard id="b" top="1"></gov-leaderboard></body></html>` },
  } });
  const chromium = await launch();
  try {
    const p = await chromium.newPage({ viewport: { width: 400, height: 800 } });
    await p.goto(server.url + "/tied.html");
    const r = await p.evaluate(async ([a, b]) => {
      await customElements.whenDefined("gov-leaderboard");
      const el = document.getElementById("b");
      const longest = [];
      new PerformanceObserver((l) => { for (const e of l.getEntries()) longest.push(e.duration); }).observe({ type: "longtask" });
      const render = async (data) => {
        longest.length = 0;
        const s = performance.now();
        await new Promise((ok) => { el.addEventListener("leaderboard-update", ok, { once: true }); el.data = data; });
        await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
        const total = performance.now() - s;
        await new Promise((ok) => setTimeout(ok, 700)); // glide and count-up frames
        return { total, task: Math.max(0, ...longest), rows: el.shadowRoot.querySelectorAll("tbody tr").length };
      };
      // The first render waits for the .wasm too: load it with a small feed first.
      await render("id,name,date,interactions\nx,X,2026-11-28,1");
      const first = await render(a);
      const update = await render(b);
      return { first, update };
    }, [csv(null), csv("p019999")]);
    add(`20,000 tied pages (top=1): first board, longest task`, ms(r.first.task), "200 ms aim", (r.first.task / 200).toFixed(2), `${r.first.rows} rows shown; data → painted ${ms(r.first.total)}`);
    add(`20,000 tied pages: live update, longest task`, ms(r.update.task), "200 ms aim", (r.update.task / 200).toFixed(2), `${r.update.rows} row(s) after the update; data → painted ${ms(r.update.total)}`);
  } finally {
    await chromium.close();
    await server.close();
  }
}

// 7. import: a CrowdTangle-shaped export (about 1 GB: 2,000 pages × 130 days, long quoted
// messages) through `gov-leaderboard import` vs pandas read_csv + groupby on the same file.
// IMPORT_PAGES / IMPORT_DAYS make it smaller; the file is kept in target/bench between runs.
function importBench() {
  const pages = Number(process.env.IMPORT_PAGES || 2000), days = Number(process.env.IMPORT_DAYS || 130);
  const file = join(OUT, `crowdtangle-${pages}x${days}.csv`);
  if (!existsSync(file)) {
    execFileSync("node", [join(ROOT, "www/dev/sample-export.mjs"), "large", String(pages), String(days), file], { stdio: "inherit" });
  }
  const mb = statSync(file).size / 1048576;
  const ours = [];
  for (let i = 0; i < 3; i++) {
    const s = performance.now();
    execFileSync(BIN, ["import", file], { stdio: ["ignore", "ignore", "pipe"], maxBuffer: 1 << 30 });
    ours.push(performance.now() - s);
  }
  // Debian's python3-pandas lives with /usr/bin/python3 (a pyenv python3 may come first on PATH).
  let pandas = null;
  for (const python of ["/usr/bin/python3", "python3"]) {
    try {
      const s = performance.now();
      execFileSync(python, [join(ROOT, "tests/bench/import-baseline.py"), file], { stdio: "pipe" });
      pandas = performance.now() - s;
      break;
    } catch (e) {
      console.error(`pandas baseline with ${python}: ${String(e.stderr || e).split("\n").filter(Boolean).pop()}`);
    }
  }
  const rate = (t) => `${(mb / (t / 1000)).toFixed(0)} MB/s (${(t / 1000).toFixed(1)} s)`;
  add(`import ${mb.toFixed(0)} MB CrowdTangle export vs pandas read_csv + groupby`, rate(median(ours)),
    pandas ? rate(pandas) : "pandas missing", pandas ? (pandas / median(ours)).toFixed(2) : "",
    "throughput ×, aim ≥ 3; whole process, validated feed written");
}

// 5. layout shift of a hydrating static board
async function hydration() {
  execFileSync("node", [join(ROOT, "tests/static-site/build.mjs"), join(OUT, "site")], { stdio: "pipe" });
  const server = await serve({ dir: join(OUT, "site") });
  const chromium = await launch();
  try {
    const p = await chromium.newPage({ viewport: { width: 1000, height: 1400 } });
    await p.addInitScript(() => {
      window.__cls = 0;
      new PerformanceObserver((l) => { for (const e of l.getEntries()) if (!e.hadRecentInput) window.__cls += e.value; }).observe({ type: "layout-shift", buffered: true });
    });
    await p.goto(server.url + "/en.html");
    await p.waitForFunction(() => [...document.querySelectorAll("gov-leaderboard")].every((el) => el.rows.length > 0));
    await p.waitForTimeout(300);
    const cls = await p.evaluate(() => window.__cls);
    add("layout shift of a hydrating static board (CLS)", cls.toFixed(4), "0", "", cls === 0 ? "meets the target" : "MISSES the target");
  } finally {
    await chromium.close();
    await server.close();
  }
}

// BENCH_ONLY=weight,rank,browser,hydration,tied,import runs a subset (while working on one figure).
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",") : null;
const run = (name) => !only || only.includes(name);
if (run("weight")) embedWeight();
if (run("rank")) await throughput();
if (run("browser")) await browser();
if (run("hydration")) await hydration();
if (run("tied")) await tied();
if (run("import")) importBench();

const cols = ["what", "ours", "baseline", "ratio", "note"];
const width = cols.map((c) => Math.max(c.length, ...rows.map((r) => String(r[c]).length)));
const line = (r) => cols.map((c, i) => String(r[c]).padEnd(width[i])).join(" | ");
console.log(line(Object.fromEntries(cols.map((c) => [c, c]))));
console.log(width.map((w) => "-".repeat(w)).join("-|-"));
for (const r of rows) console.log(line(r));
console.log("\nJS baseline: JSON.parse + Map + Array.sort, SPEC §2 in plain JavaScript, no validation (tests/bench/rank-baseline.mjs).");
console.log("wasm: bytes → validated feed → ranking, through the npm package in Node; CLI: the whole process, file read included.");
