// The demo server: serves www/ (and the built package) on 127.0.0.1, plus a feed that really
// changes, so the live board visibly moves.
//
//   node www/dev/server.mjs [--port 8080] [--tick 3]
//
// /data/live.json is the seed feed (shared/seed figures, illustrative rest) whose illustrative
// pages gain simulated interactions every tick; the two reported totals (White House,
// Egypt's Ministry of Interior) are never changed. It answers conditional requests
// (ETag / If-None-Match, Last-Modified / If-Modified-Since) with 304.
import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { createHash } from "node:crypto";
import { extname, join, normalize } from "node:path";
import { seedFeed, prng } from "./sample-feeds.mjs";

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const PORT = Number(opt("--port", 8080));
const TICK = Number(opt("--tick", 3));
const ROOT = new URL("../", import.meta.url).pathname; // www/

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8", ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8", ".json": "application/json; charset=utf-8", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".csv": "text/csv; charset=utf-8", ".ts": "text/plain; charset=utf-8", ".png": "image/png" };

/** The live feed: the illustrative pages' latest day moves around its seed value (never
 * growing without end), so ranks 3–8 reshuffle while the two reported totals stay put. */
export function liveFeeds(seed = 42) {
  const rand = prng(seed);
  const feed = seedFeed();
  const fixed = new Set(["us-wh", "eg-moi"]);
  const base = new Map(feed.pages.map((p) => [p.id, p.series[p.series.length - 1].interactions]));
  let tick = 0;
  return () => {
    tick += 1;
    for (const page of feed.pages) {
      if (fixed.has(page.id)) continue;
      const last = page.series[page.series.length - 1];
      last.interactions = base.get(page.id) + Math.floor(rand() * 2_200_000);
    }
    feed.generated = tick;
    return JSON.stringify(feed);
  };
}

export function startServer({ port = PORT, tick = TICK, host = "127.0.0.1" } = {}) {
  const next = liveFeeds();
  let body = next();
  let modified = new Date();
  let etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
  const timer = setInterval(() => {
    body = next();
    modified = new Date();
    etag = `"${createHash("sha1").update(body).digest("hex").slice(0, 16)}"`;
  }, tick * 1000);

  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (path === "/data/live.json") {
      const lastModified = new Date(Math.floor(modified.getTime() / 1000) * 1000).toUTCString();
      const headers = { "content-type": TYPES[".json"], etag, "last-modified": lastModified, "cache-control": "no-cache" };
      const since = req.headers["if-modified-since"];
      if (req.headers["if-none-match"] === etag || (!req.headers["if-none-match"] && since && new Date(since) >= new Date(lastModified))) {
        res.writeHead(304, headers);
        return res.end();
      }
      res.writeHead(200, headers);
      return res.end(body);
    }
    let file = normalize(join(ROOT, path === "/" ? "index.html" : path));
    if (!file.startsWith(ROOT)) { res.writeHead(403); return res.end(); }
    try {
      if ((await stat(file)).isDirectory()) file = join(file, "index.html");
      const data = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", "cache-control": "no-cache" });
      res.end(data);
    } catch {
      res.writeHead(404, { "content-type": "text/plain" });
      res.end("not found");
    }
  });
  server.listen(port, host);
  return { server, close: () => { clearInterval(timer); server.close(); } };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  startServer();
  console.log(`gov-leaderboard demo on http://127.0.0.1:${PORT}/ (live feed changes every ${TICK}s; Ctrl-C to stop)`);
}
