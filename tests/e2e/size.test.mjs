// The size budget (issue: "total gzip weight of one live board ≤ 90 KB"), measured the way a
// reader pays it: a page with one live board is loaded in Chromium and every response it
// receives, other than the page itself and the feed, is gzipped (-9) and summed. So a file the
// element starts to load (a second script, a stylesheet, a font) is counted without anyone
// having to list it. The budget lives in wasm-pack.toml ([budget] max-gzip-bytes).
import { test } from "node:test";
import assert from "node:assert/strict";
import { gzipSync } from "node:zlib";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, launch } from "./harness.mjs";

const budget = Number(/^max-gzip-bytes\s*=\s*(\d+)/m.exec(readFileSync(join(ROOT, "wasm-pack.toml"), "utf8"))[1]);

test(`one live board downloads at most ${budget} bytes gzip -9 (wasm-pack.toml budget)`, async () => {
  const seed = readFileSync(join(ROOT, "www/data/seed.json"), "utf8");
  const server = await serve({
    routes: {
      "/article.html": { body: `<!doctype html><html><head><meta charset="utf-8"><title>size</title>
<script type="module" src="/pkg/element.js"></script></head>
<body><gov-leaderboard src="/feed.json" top="10" pin="eg-moi"></gov-leaderboard></body></html>` },
      "/feed.json": { body: seed, type: "application/json" },
    },
  });
  const chromium = await launch();
  try {
    const page = await chromium.newPage();
    const bodies = [];
    page.on("response", (response) => {
      const path = new URL(response.url()).pathname;
      if (path !== "/article.html" && path !== "/feed.json") bodies.push(response.body().then((b) => [path, b]));
    });
    await page.goto(server.url + "/article.html");
    await page.waitForFunction(() => document.querySelector("gov-leaderboard").rows.length > 0);
    const files = await Promise.all(bodies);
    const sizes = files.map(([path, body]) => [path, gzipSync(body, { level: 9 }).length]);
    const total = sizes.reduce((s, [, n]) => s + n, 0);
    console.log(`embed weight: ${total} bytes gzip -9 (budget ${budget}): ${sizes.map(([p, n]) => `${p} ${n}`).join(", ")}`);
    // What the board needs and nothing else: the element, its glue and its .wasm.
    assert.deepEqual(sizes.map(([p]) => p).sort(),
      ["/pkg/element.js", "/pkg/gov_leaderboard_element.js", "/pkg/gov_leaderboard_element_bg.wasm"]);
    assert.ok(total <= budget, `embed weight ${total} bytes gzip -9 is over the budget of ${budget}`);
  } finally {
    await chromium.close();
    await server.close();
  }
});
