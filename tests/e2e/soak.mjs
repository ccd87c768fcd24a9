// make soak: one page through many live updates, then 1,000 attach/remove cycles, reporting
// JS heap and wasm memory at start and end, and the listeners/timers/observers left behind.
//   SOAK_UPDATES=10000 node tests/e2e/soak.mjs
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, launch } from "./harness.mjs";
import { faultServer, packagePages } from "./fault-server.mjs";

const UPDATES = Number(process.env.SOAK_UPDATES || 10000);
const CYCLES = Number(process.env.SOAK_CYCLES || 1000);
const BOARDS = 10; // each polls every 0.1 s, the element's shortest refresh
const SEED = JSON.parse(readFileSync(join(ROOT, "www/data/seed.json"), "utf8"));

function variant(n) {
  const f = structuredClone(SEED);
  for (const [i, p] of f.pages.entries()) p.series.at(-1).interactions = 100_000 + ((n * 7919 + i * 104_729) % 9_000_000);
  return JSON.stringify(f);
}

// Counts what the page has registered and not released (listeners, timers, observers, frames).
const COUNTERS = () => {
  const live = { listeners: 0, timers: 0, observers: 0, frames: 0 };
  window.__live = live;
  const reg = new WeakMap();
  const add = EventTarget.prototype.addEventListener;
  const remove = EventTarget.prototype.removeEventListener;
  EventTarget.prototype.addEventListener = function (type, fn, opts) {
    let types = reg.get(this);
    if (!types) reg.set(this, (types = new Map()));
    const key = type + "|" + !!(opts === true || opts?.capture);
    let fns = types.get(key);
    if (!fns) types.set(key, (fns = new Set()));
    // `once` listeners remove themselves without removeEventListener: not counted.
    if (fn && !fns.has(fn) && !opts?.once) { fns.add(fn); live.listeners++; }
    return add.call(this, type, fn, opts);
  };
  EventTarget.prototype.removeEventListener = function (type, fn, opts) {
    const fns = reg.get(this)?.get(type + "|" + !!(opts === true || opts?.capture));
    if (fns?.delete(fn)) live.listeners--;
    return remove.call(this, type, fn, opts);
  };
  const pending = new Set();
  const st = window.setTimeout, ct = window.clearTimeout;
  window.setTimeout = function (fn, ms, ...a) {
    const id = st.call(window, (...b) => { pending.delete(id); live.timers = pending.size; return typeof fn === "function" ? fn(...b) : undefined; }, ms, ...a);
    pending.add(id); live.timers = pending.size; return id;
  };
  window.clearTimeout = function (id) { pending.delete(id); live.timers = pending.size; return ct.call(window, id); };
  const RO = window.ResizeObserver;
  window.ResizeObserver = class extends RO {
    observe(t) { if (!this.__on) { this.__on = true; live.observers++; } return super.observe(t); }
    disconnect() { if (this.__on) { this.__on = false; live.observers--; } return super.disconnect(); }
  };
  const frames = new Set();
  const raf = window.requestAnimationFrame, caf = window.cancelAnimationFrame;
  window.requestAnimationFrame = (fn) => { const id = raf((t) => { frames.delete(id); live.frames = frames.size; fn(t); }); frames.add(id); live.frames = frames.size; return id; };
  window.cancelAnimationFrame = (id) => { frames.delete(id); live.frames = frames.size; caf(id); };
};

const page_html = `<!doctype html><html><head><meta charset="utf-8"><title>soak</title>
<script type="module" src="/pkg/element.js"></script></head><body>
${Array.from({ length: BOARDS }, (_, i) => `<gov-leaderboard class="live" src="/feed.json" refresh="0.1" top="8" locale="${i % 2 ? "ar-EG" : "en"}" chart="${i % 3 ? "bars" : "trend"}"></gov-leaderboard>`).join("\n")}
<div id="lab"></div></body></html>`;

const server = await faultServer({
  body: variant(0),
  mutate: variant,
  lifetime: 60 * 60 * 1000,
  pages: {
    "/soak.html": { body: page_html },
    ...packagePages(),
  },
});
const browser = await launch();
const mib = (b) => (b / 1048576).toFixed(1);
try {
  const page = await browser.newPage();
  await page.addInitScript(COUNTERS);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Performance.enable");
  const measure = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { metrics } = await cdp.send("Performance.getMetrics");
    const heap = metrics.find((m) => m.name === "JSHeapUsedSize").value;
    const wasm = await page.evaluate(async () => (await (await import("/pkg/element.js")).ready()).memory.buffer.byteLength);
    const live = await page.evaluate(() => ({ ...window.__live }));
    return { heap, wasm, live };
  };
  await page.goto(server.url + "/soak.html");
  await page.evaluate(() => {
    window.__updates = 0;
    document.addEventListener("leaderboard-update", () => window.__updates++, true);
  });
  await page.waitForFunction(() => window.__updates >= 20);
  const start = await measure();
  const t0 = Date.now();
  let last = 0;
  for (;;) {
    const n = await page.evaluate(() => window.__updates);
    if (n >= UPDATES) break;
    if (Date.now() - t0 > 30 * 60 * 1000) throw new Error(`only ${n} updates in 30 minutes`);
    if (n - last >= 1000) { console.log(`  ${n} updates…`); last = n; }
    await new Promise((r) => setTimeout(r, 1000));
  }
  const updates = await page.evaluate(() => window.__updates);
  const errors = await page.evaluate(() => [...document.querySelectorAll("gov-leaderboard")].map((b) => b.shadowRoot.querySelector(".gl-stale").textContent === ""));
  const end = await measure();
  const seconds = ((Date.now() - t0) / 1000).toFixed(0);
  console.log(`live updates: ${updates} over ${BOARDS} boards in ${seconds} s (polls served: ${server.served})`);
  console.log(`  JS heap   start ${mib(start.heap)} MiB → end ${mib(end.heap)} MiB`);
  console.log(`  wasm mem  start ${mib(start.wasm)} MiB → end ${mib(end.wasm)} MiB`);
  console.log(`  boards fresh at the end: ${errors.filter(Boolean).length}/${errors.length}`);

  // Stop the live boards, then attach and remove a board CYCLES times.
  await page.evaluate(() => document.querySelectorAll("gov-leaderboard.live").forEach((b) => b.remove()));
  await page.waitForTimeout(500);
  const before = await measure();
  await page.evaluate(async ({ cycles, feed }) => {
    const lab = document.getElementById("lab");
    const data = JSON.parse(feed);
    for (let i = 0; i < cycles; i++) {
      const b = document.createElement("gov-leaderboard");
      b.setAttribute("top", "5");
      if (i % 2) b.setAttribute("locale", "ar");
      const rendered = new Promise((r) => b.addEventListener("leaderboard-update", r, { once: true }));
      lab.append(b);
      b.data = data;
      await rendered;
      b.remove();
    }
  }, { cycles: CYCLES, feed: variant(1) });
  await page.waitForTimeout(1000);
  const after = await measure();
  console.log(`attach/remove: ${CYCLES} cycles`);
  console.log(`  JS heap   ${mib(before.heap)} MiB → ${mib(after.heap)} MiB; wasm mem ${mib(before.wasm)} → ${mib(after.wasm)} MiB`);
  console.log(`  registered and not released — before: ${JSON.stringify(before.live)}, after: ${JSON.stringify(after.live)}`);
  const leaked = ["listeners", "timers", "observers", "frames"].filter((k) => after.live[k] > before.live[k]);
  const grewWasm = end.wasm > 4 * start.wasm + 8 * 1048576;
  if (leaked.length || grewWasm || updates < UPDATES) {
    console.log(`FAIL: ${leaked.length ? "leaked " + leaked.join(", ") : ""}${grewWasm ? " wasm memory grew unbounded" : ""}`);
    process.exitCode = 1;
  } else {
    console.log("soak: ok");
  }
} finally {
  await browser.close();
  await server.close();
}
