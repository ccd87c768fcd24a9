// When a stricter policy blocks WebAssembly itself (no 'wasm-unsafe-eval'), the static board
// inside the element stays on screen and the element says why.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, serve, launch, screenshot } from "./harness.mjs";

const BIN = process.env.GOV_LEADERBOARD_BIN || join(ROOT, "target/debug/gov-leaderboard");
const NO_WASM = "default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; base-uri 'none'";
let server, browser;

before(async () => {
  const board = execFileSync(BIN, ["render", join(ROOT, "www/data/seed.json"), "--locale", "en", "--top", "5"], { encoding: "utf8" });
  server = await serve({
    headers: { "content-security-policy": NO_WASM },
    routes: {
      "/page.html": { body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>no wasm</title>
        <link rel="stylesheet" href="/www/gov-leaderboard.css">
        <script type="module" src="/tests/e2e/page-probe.js"></script>
        <script type="module" src="/tests/e2e/error-probe.js"></script>
        <script type="module" src="/pkg/element.js"></script></head>
        <body><gov-leaderboard id="b" src="/www/data/seed.json" top="5">${board}</gov-leaderboard></body></html>` },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("WebAssembly blocked by CSP: static board stays, the element reports why", async () => {
  const page = await browser.newPage({ viewport: { width: 800, height: 1000 } });
  await page.goto(server.url + "/page.html");
  await page.waitForFunction(() => window.boardErrors?.length > 0, null, { timeout: 10000 });
  const errors = await page.evaluate(() => window.boardErrors);
  assert.match(errors[0], /^gov-leaderboard: .*(WebAssembly|wasm|Content Security Policy)/i);
  const visible = await page.$eval("#b", (el) => ({
    rows: [...el.querySelectorAll(":scope > .gl-board tbody tr")].filter((tr) => tr.getBoundingClientRect().height > 0).length,
    note: el.shadowRoot?.querySelector(".gl-fatal")?.textContent ?? null,
    role: el.shadowRoot?.querySelector(".gl-fatal")?.getAttribute("role") ?? null,
  }));
  assert.equal(visible.rows, 5, "the static rows are still on screen");
  // A plain sentence, read politely; why is in the event (above) and the console.
  assert.equal(visible.note, "The leaderboard could not be loaded.");
  assert.equal(visible.role, "status");
  await screenshot(page, "csp-no-wasm-800");
  await page.close();
});
