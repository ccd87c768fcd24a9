// make bench: one table; every figure measured in this run next to its baseline, given as a
// ratio where a baseline exists (absolute times on shared machines are noise).
import { execFileSync } from "node:child_process";
import { gzipSync } from "node:zlib";
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { ROOT, serve, launch } from "../e2e/harness.mjs";
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
mkdirSync(OUT, { recursive: true });

// ---- 1. embed weight ----
function embedWeight() {
  // What a page with one live board downloads: element.js (which carries the board's CSS), the
  // element's wasm-bindgen glue and its .wasm. gov-leaderboard.css is only for static boards.
  const files = ["element.js", "gov_leaderboard_element.js", "gov_leaderboard_element_bg.wasm"];
  const ours = files.reduce((sum, f) => sum + gz(readFileSync(join(ROOT, "pkg", f))), 0);
  const budget = Number(/max-gzip-bytes\s*=\s*(\d+)/.exec(readFileSync(join(ROOT, "wasm-pack.toml"), "utf8"))[1]);
  for (const [name, entry] of [["Chart.js 4 (bar only, tree-shaken)", "baseline-chartjs.js"], ["ECharts 6 (bar only, core entry)", "baseline-echarts.js"]]) {
    const dir = join(OUT, entry.replace(".js", ""));
    rmSync(dir, { recursive: true, force: true });
    execFileSync(join(ROOT, "node_modules/.bin/vite"), ["build", "--logLevel", "error", "--outDir", dir, "--emptyOutDir"], {
      cwd: join(ROOT, "tests/bench"),
      env: { ...process.env, BENCH_ENTRY: entry },
      stdio: "pipe",
    });
    const bytes = readdirSync(dir).filter((f) => f.endsWith(".js")).reduce((s, f) => s + gz(readFileSync(join(dir, f))), 0);
    add(`embed weight (gzip -9) vs ${name}`, kb(ours), kb(bytes), (ours / bytes).toFixed(2), "lower is better");
  }
  add("embed weight vs budget (wasm-pack.toml)", kb(ours), kb(budget), (ours / budget).toFixed(2), ours <= budget ? "within budget" : "OVER BUDGET");
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

async function throughput() {
  await init();
  for (const pages of [1000, 4000]) {
    const text = JSON.stringify(largeFeed(pages, 90, "2026-11-28", pages));
    const bytes = new TextEncoder().encode(text);
    const file = join(OUT, `feed-${pages}.json`);
    writeFileSync(file, text);
    const options = { metric: "interactions", window: "30d", top: 10, pin: "p00007" };
    const runs = pages === 1000 ? 7 : 5;
    // Warm-up: the first calls grow the WebAssembly memory and let the engines tier up; without
    // it whichever variant is timed first pays for that.
    for (let i = 0; i < 2; i++) {
      rank(bytes, options);
      rank(text, options);
      rankJsValidating(text, options);
    }
    const wasm = time(() => rank(bytes, options), runs);
    const js = time(() => rankJs(text, options), runs);
    const checked = time(() => rankJsValidating(text, options), runs);
    const fromText = time(() => rank(text, options), runs);
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
    const timeline = time(() => rankTimeline(bytes, options), runs);
    const days = timeline.out.dates.length;
    add(`rankTimeline ${pages} pages × 90 d (${days} frames) vs one rank`, ms(timeline.ms), ms(wasm.ms), (timeline.ms / wasm.ms).toFixed(2),
      "aim ≤ 1.5 (lower is better); both from the same bytes, feed parsing included");
  }
}

// ---- 3–5. in Chromium ----
async function browser() {
  const seed = readFileSync(join(ROOT, "www/data/seed.json"), "utf8");
  const fifty = JSON.stringify(largeFeed(60, 40, "2026-11-28", 3));
  const page = (body) => `<!doctype html><html><head><meta charset="utf-8"><title>bench</title>
<script type="module" src="/pkg/element.js"></script></head><body>${body}</body></html>`;
  const server = await serve({
    routes: {
      "/feed.json": { body: seed, type: "application/json", headers: { "cache-control": "max-age=3600" } },
      "/first.html": { body: page(`<gov-leaderboard src="/feed.json" top="10"></gov-leaderboard>`) },
      "/update.html": { body: page(`<gov-leaderboard id="b" top="50" chart="bars"></gov-leaderboard>`) },
      "/fifty.json": { body: fifty, type: "application/json" },
      "/race.json": { body: JSON.stringify(largeFeed(300, 90, "2026-11-28", 5)), type: "application/json" },
      "/replay.html": { body: page(`<gov-leaderboard id="b" src="/race.json" top="50" replay replay-duration="6"></gov-leaderboard>`) },
    },
    headers: { "cache-control": "max-age=3600" },
  });
  const chromium = await launch();
  try {
    // 3. first board, cold (new profile context) and warm (reload in the same context)
    const FIRST = async (p) => p.evaluate(() => new Promise((resolve) => {
      const done = () => requestAnimationFrame(() => requestAnimationFrame(() => {
        const wasm = performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm"));
        resolve({ board: performance.now(), wasm: wasm ? wasm.responseEnd : NaN });
      }));
      const el = document.querySelector("gov-leaderboard");
      if (el.rows?.length) done(); else el.addEventListener("leaderboard-update", done, { once: true });
    }));
    const cold = [], warm = [], afterWasm = [];
    for (let i = 0; i < 5; i++) {
      const context = await chromium.newContext();
      const p = await context.newPage();
      await p.goto(server.url + "/first.html", { waitUntil: "commit" });
      const c = await FIRST(p);
      cold.push(c.board);
      afterWasm.push(c.board - c.wasm);
      await p.reload({ waitUntil: "commit" });
      warm.push((await FIRST(p)).board);
      await context.close();
    }
    add("first board painted, cold cache (navigation → board)", ms(median(cold)), "", "", "median of 5; target: ≤ 100 ms after the .wasm arrives");
    add("first board, after the .wasm arrived", ms(median(afterWasm)), "100 ms target", (median(afterWasm) / 100).toFixed(2), "≤ 1 meets the target");
    add("first board painted, warm cache", ms(median(warm)), "", "", "median of 5");

    // 4. live update cost: 50-row board with chart, 200 updates
    const context = await chromium.newContext({ viewport: { width: 1000, height: 900 } });
    const p = await context.newPage();
    await p.goto(server.url + "/update.html");
    const times = await p.evaluate(async () => {
      const base = await (await fetch("/fifty.json")).json();
      const el = document.getElementById("b");
      const feeds = [];
      for (let i = 0; i < 201; i++) {
        const f = structuredClone(base);
        for (const [j, pg] of f.pages.entries()) pg.series.at(-1).interactions = 1000 + ((i * 7919 + j * 104729) % 900000);
        feeds.push(f);
      }
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
    });
    add(`live update, ${times.rows}-row board + chart: p50`, ms(pct(times.t, 50)), "", "", "200 updates: parse, rank, DOM, canvas and the layout they cause");
    add(`live update: p95`, ms(pct(times.t, 95)), "4 ms target", (pct(times.t, 95) / 4).toFixed(2), "≤ 1 meets the target");
    await context.close();

    // 5. replay: a 50-row bars board playing 90 days (300 pages) in 6 s. Each animation
    // frame's script time (the rAF callback and the microtasks it queues: the controller, the
    // DOM patch, the canvas) is measured by wrapping requestAnimationFrame; the browser's own
    // style/layout/paint after it is not in that figure (it shows in the frame intervals).
    const replay = await chromium.newContext({ viewport: { width: 1000, height: 900 } });
    const rp = await replay.newPage();
    await rp.goto(server.url + "/replay.html");
    await rp.waitForFunction(() => document.getElementById("b")?.rows?.length === 50);
    const r = await rp.evaluate(async () => {
      const frames = [], intervals = [], tasks = [];
      new PerformanceObserver((l) => tasks.push(...l.getEntries().map((e) => e.duration))).observe({ type: "longtask" });
      const raf = window.requestAnimationFrame.bind(window);
      let last = 0;
      window.requestAnimationFrame = (cb) => raf((ts) => {
        const s = performance.now();
        cb(ts);
        queueMicrotask(() => queueMicrotask(() => frames.push(performance.now() - s)));
        if (last) intervals.push(ts - last);
        last = ts;
      });
      const el = document.getElementById("b");
      const play = el.shadowRoot.querySelector("[part=play]");
      play.click();
      await new Promise((resolve) => {
        const check = () => (play.getAttribute("aria-pressed") === "false" ? resolve() : setTimeout(check, 50));
        check();
      });
      return { frames, intervals, tasks };
    });
    const dropped = r.intervals.filter((x) => x > 25).length;
    add("replay frame, 50-row board + bars: p50", ms(pct(r.frames, 50)), "", "", `${r.frames.length} frames over 90 days in 6 s: values eased, rows ordered, DOM, canvas`);
    add("replay frame: p95", ms(pct(r.frames, 95)), "4 ms target", (pct(r.frames, 95) / 4).toFixed(2), "≤ 1 meets the target");
    add("replay: dropped frames, longest task", `${dropped} of ${r.intervals.length}`, "", "",
      `frame interval p95 ${ms(pct(r.intervals, 95))}; longest task ${r.tasks.length ? ms(Math.max(...r.tasks)) : "none over 50 ms"}`);
    await replay.close();
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
