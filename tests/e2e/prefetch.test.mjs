// The first load: element.js requests the feed while the .wasm downloads and compiles, and the
// engine takes that response as its own first request (one request, not two; errors reported
// as ever; a `src` changed meanwhile is fetched anew and the old request dropped; a feed that
// is already there is shown in the engine's first task, with no frame of "Loading…"; the
// browser's locale data is loaded meanwhile too). The .wasm is served 600 ms late here, so
// "while" is measurable. Needs `make pkg` first.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { ROOT, until } from "./harness.mjs";
import { boardPages } from "./pages.mjs";

const BIN = process.env.GOV_LEADERBOARD_BIN || join(ROOT, "target/debug/gov-leaderboard");
const SEED = join(ROOT, "www/data/seed.json");
const WASM_DELAY_MS = 600;

const page = (board) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>
<script type="module" src="/pkg/element.js"></script></head><body>${board}</body></html>`;

const routes = {
  "/pkg/gov_leaderboard_element_bg.wasm": async () => {
    await new Promise((resolve) => setTimeout(resolve, WASM_DELAY_MS));
    return { body: await readFile(join(ROOT, "www/pkg/gov_leaderboard_element_bg.wasm")), type: "application/wasm" };
  },
  "/feed.json": async () => ({ body: await readFile(SEED), type: "application/json" }),
  "/other.json": async () => ({ body: await readFile(SEED), type: "application/json" }),
  "/board.html": { body: page(`<gov-leaderboard id="b" src="/feed.json" locale="en" top="5"></gov-leaderboard>`) },
  "/missing.html": { body: page(`<gov-leaderboard id="b" src="/nowhere.json" locale="en" top="5"></gov-leaderboard>`) },
  "/changed.html": {
    body: page(`<gov-leaderboard id="b" src="/feed.json" locale="en" top="3"></gov-leaderboard>
<script type="module">document.getElementById("b").setAttribute("src", "/other.json");</script>`),
  },
};
const pages = boardPages({ routes });

const requests = (path) => pages.server.log.filter((r) => r.path === path).length;

async function load(path) {
  const context = await pages.context({ viewport: { width: 900, height: 900 } });
  const p = await context.newPage();
  const problems = [];
  p.on("pageerror", (e) => problems.push(e.message));
  await p.goto(pages.server.url + path);
  return { p, problems };
}

test("the feed is requested while the .wasm loads, once, and the board is the CLI's", async () => {
  const before = requests("/feed.json");
  const { p, problems } = await load("/board.html");
  await p.waitForFunction(() => document.getElementById("b").rows?.length > 0);
  const timing = await p.evaluate(() => {
    const entry = (end) => performance.getEntriesByType("resource").find((e) => e.name.endsWith(end));
    return { feedStart: entry("/feed.json").startTime, feedEnd: entry("/feed.json").responseEnd, wasmEnd: entry(".wasm").responseEnd };
  });
  assert.ok(timing.feedEnd < timing.wasmEnd, `the feed (${JSON.stringify(timing)}) arrived before the .wasm`);
  assert.equal(requests("/feed.json") - before, 1, "one request for the feed");
  const expected = JSON.parse(execFileSync(BIN, ["rank", SEED, "--top", "5"], { encoding: "utf8" }));
  assert.deepEqual(await p.evaluate(() => document.getElementById("b").rows), expected.rows);
  assert.deepEqual(problems, []);
});

test("the browser's locale data is loaded while the .wasm downloads, not in the board's first task", async () => {
  // The page's first Intl formatter costs Chromium 16-26 ms (its locale data); element.js
  // makes one while the .wasm is on its way, so the engine's own formatters come cheap.
  const context = await pages.context({ viewport: { width: 900, height: 900 } });
  await context.addInitScript(() => {
    const Made = Intl.NumberFormat;
    Intl.NumberFormat = function (...args) {
      window.firstFormatter ??= performance.now();
      return new Made(...args);
    };
    Object.assign(Intl.NumberFormat, Made);
    Intl.NumberFormat.prototype = Made.prototype;
  });
  const p = await context.newPage();
  await p.goto(pages.server.url + "/board.html");
  await p.waitForFunction(() => document.getElementById("b").rows?.length > 0);
  const t = await p.evaluate(() => ({
    formatter: window.firstFormatter,
    wasmEnd: performance.getEntriesByType("resource").find((e) => e.name.endsWith(".wasm")).responseEnd,
  }));
  assert.ok(t.formatter < t.wasmEnd, `the first formatter (${JSON.stringify(t)}) was made before the .wasm arrived`);
  // The engine's own formatters still work through the wrapped constructor.
  const value = await p.evaluate(() => document.getElementById("b").shadowRoot.querySelector("td.gl-value")?.textContent);
  assert.match(value, /^\d{1,3}(,\d{3})+$/);
});

test("a prefetched feed that fails is reported as the engine's own request would be", async () => {
  const before = requests("/nowhere.json");
  const { p, problems } = await load("/missing.html");
  const detail = await p.evaluate(() => new Promise((resolve) => {
    document.getElementById("b").addEventListener("leaderboard-error", (e) => resolve(e.detail), { once: true });
  }));
  assert.match(detail, /nowhere\.json/);
  assert.match(detail, /404/);
  await until(async () => (await p.evaluate(() => document.getElementById("b").shadowRoot?.querySelector(".gl-error:not([hidden])")?.textContent ?? "")) !== "", 3000, "the error sentence");
  assert.equal(requests("/nowhere.json") - before, 1, "one request");
  assert.deepEqual(problems, []);
});

test("a src changed before the engine starts: the new one is fetched, the old request dropped", async () => {
  const before = requests("/other.json");
  const { p, problems } = await load("/changed.html");
  await p.waitForFunction(() => document.getElementById("b").rows?.length === 3);
  assert.equal(requests("/other.json") - before, 1, "the new src, once");
  const expected = JSON.parse(execFileSync(BIN, ["rank", SEED, "--top", "3"], { encoding: "utf8" }));
  assert.deepEqual(await p.evaluate(() => document.getElementById("b").rows), expected.rows);
  assert.equal(await p.evaluate(() => "__govLeaderboardPrefetch" in document.getElementById("b")), false, "nothing left behind");
  assert.deepEqual(problems, []);
});

test("a feed that arrived before the engine is shown in the engine's first task: no frame of 'Loading…'", async () => {
  const context = await pages.context({ viewport: { width: 900, height: 900 } });
  // Every frame from the first: what the board's status line said, and whether rows were up.
  await context.addInitScript(() => {
    window.frames_ = [];
    const look = () => {
      const root = document.getElementById("b")?.shadowRoot;
      const status = root?.querySelector(".gl-status");
      window.frames_.push({ loading: !!status && !status.hidden && /Loading/.test(status.textContent), rows: document.getElementById("b")?.rows?.length ?? 0 });
      if (!window.frames_.at(-1).rows) requestAnimationFrame(look);
    };
    requestAnimationFrame(look);
  });
  const p = await context.newPage();
  await p.goto(pages.server.url + "/board.html");
  await p.waitForFunction(() => window.frames_.at(-1)?.rows > 0);
  const frames = await p.evaluate(() => window.frames_);
  assert.ok(frames.length > 10, `frames were watched while the .wasm loaded (${frames.length})`);
  assert.deepEqual(frames.filter((f) => f.loading), [], "no frame showed Loading…");
});
