// A feed server that misbehaves on command, for the robustness tests (loopback only, and it
// closes itself after `lifetime` ms so no test can leave it running).
//
//   const s = await faultServer({ body, lifetime }); s.mode = "500"; … s.mode = "ok";
//   node tests/e2e/fault-server.mjs [--port 8090]   (then GET /__mode?set=hang)
//
// Modes: ok (ETag/304), 500, 503, hang (never answers), truncate (half the body, then the
// response ends), invalid-json, invalid-feed (valid JSON, fails validation), oversize (33 MiB,
// chunked, no length), oversize-declared (Content-Length over the limit), trickle (the body
// in 512-byte drips every 250 ms).
import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";

export const MODES = ["ok", "500", "503", "hang", "truncate", "invalid-json", "invalid-feed", "oversize", "oversize-declared", "trickle"];

export async function faultServer({ body, lifetime = 10 * 60 * 1000, port = 0, pages = {}, mutate = null } = {}) {
  // `mutate(n)`, if given, makes a new body for every feed request n: every poll is an update.
  const state = { body, mode: "ok", requests: [], closed: false, served: 0 };
  const sockets = new Set();
  const server = createServer((req, res) => {
    const url = new URL(req.url, "http://x");
    state.requests.push({ path: url.pathname, time: Date.now(), mode: state.mode, inm: req.headers["if-none-match"] ?? null });
    const cors = { "access-control-allow-origin": "*" };
    if (url.pathname === "/__mode") {
      const m = url.searchParams.get("set");
      if (MODES.includes(m)) state.mode = m;
      res.writeHead(200, { "content-type": "text/plain", ...cors });
      return res.end(state.mode);
    }
    if (pages[url.pathname]) {
      const p = pages[url.pathname];
      res.writeHead(200, { "content-type": p.type || "text/html; charset=utf-8", ...(p.headers || {}) });
      return res.end(p.body);
    }
    if (url.pathname !== "/feed.json") {
      res.writeHead(404, cors);
      return res.end();
    }
    if (mutate && state.mode === "ok") state.body = mutate(++state.served);
    serveFeed(state, req, res, cors);
  });
  server.on("connection", (s) => { sockets.add(s); s.on("close", () => sockets.delete(s)); });
  await new Promise((ok) => server.listen(port, "127.0.0.1", ok));
  const close = () => new Promise((ok) => {
    if (state.closed) return ok();
    state.closed = true;
    clearTimeout(timer);
    for (const s of sockets) s.destroy();
    server.close(() => ok());
  });
  const timer = setTimeout(close, lifetime);
  timer.unref();
  state.url = `http://127.0.0.1:${server.address().port}`;
  state.close = close;
  return state;
}

function serveFeed(state, req, res, cors) {
  const json = { "content-type": "application/json", "cache-control": "no-cache", ...cors };
  switch (state.mode) {
    case "500":
    case "503":
      res.writeHead(Number(state.mode), { "content-type": "text/plain", ...cors });
      return res.end("server error");
    case "hang":
      return; // never answers; the socket is destroyed when the server closes
    case "truncate":
      res.writeHead(200, json);
      return res.end(state.body.slice(0, Math.floor(state.body.length / 2)));
    case "invalid-json":
      res.writeHead(200, json);
      return res.end("{\"version\": 1, \"pages\": [ {\"id\": \"a\",, } ]");
    case "invalid-feed":
      res.writeHead(200, json);
      return res.end(JSON.stringify({ version: 1, pages: [{ id: "a", name: "A", series: [{ date: "2026-11-28", interactions: -5 }] }] }));
    case "oversize-declared":
      res.writeHead(200, { ...json, "content-length": String(40 * 1024 * 1024) });
      return res.end(); // the client must refuse before reading a body
    case "oversize": {
      res.writeHead(200, json); // chunked: the client only learns the size by reading
      const chunk = Buffer.alloc(1024 * 1024, 0x20);
      let sent = 0;
      const pump = () => {
        while (sent < 33 && !res.destroyed) {
          sent++;
          if (!res.write(chunk)) return res.once("drain", pump);
        }
        if (!res.destroyed) res.end();
      };
      res.write("{\"version\":1,\"pages\":[");
      return pump();
    }
    case "trickle": {
      res.writeHead(200, json);
      let at = 0;
      const drip = setInterval(() => {
        if (res.destroyed || at >= state.body.length) { clearInterval(drip); return res.end(); }
        res.write(state.body.slice(at, at + 512));
        at += 512;
      }, 250);
      res.on("close", () => clearInterval(drip));
      return;
    }
    default: {
      const etag = `"${createHash("sha1").update(state.body).digest("hex").slice(0, 12)}"`;
      if (req.headers["if-none-match"] === etag) {
        res.writeHead(304, { etag, ...json });
        return res.end();
      }
      res.writeHead(200, { etag, ...json });
      return res.end(state.body);
    }
  }
}

/** The package files a page needs for live boards, as `pages` entries (served beside the feed). */
export function packagePages(root = new URL("../../", import.meta.url).pathname) {
  const file = (name, type) => ({ body: readFileSync(`${root}pkg/${name}`), type });
  return {
    "/pkg/element.js": file("element.js", "text/javascript"),
    "/pkg/gov_leaderboard_element.js": file("gov_leaderboard_element.js", "text/javascript"),
    "/pkg/gov_leaderboard_element_bg.wasm": file("gov_leaderboard_element_bg.wasm", "application/wasm"),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const i = process.argv.indexOf("--port");
  const body = readFileSync(new URL("../../www/data/seed.json", import.meta.url), "utf8");
  const s = await faultServer({ body, port: i > 0 ? Number(process.argv[i + 1]) : 8090 });
  console.log(`fault server on ${s.url}/feed.json — set a mode with ${s.url}/__mode?set=${MODES.join("|")}`);
}
