// Shared end-to-end helpers: a loopback static server and Debian's Chromium via playwright-core.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize } from "node:path";
import { createHash } from "node:crypto";
import { chromium } from "playwright-core";

export const ROOT = new URL("../../", import.meta.url).pathname;
export const SCREENSHOTS = join(ROOT, "target/screenshots");
export const CHROMIUM = process.env.CHROMIUM || "/usr/bin/chromium";

// Chromium as root on a closed network: no sandbox, no background network look-ups.
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync",
  "--disable-dev-shm-usage"];

const TYPES = { ".html": "text/html; charset=utf-8", ".css": "text/css", ".js": "text/javascript",
  ".mjs": "text/javascript", ".json": "application/json", ".wasm": "application/wasm",
  ".svg": "image/svg+xml", ".csv": "text/csv; charset=utf-8", ".png": "image/png" };

/**
 * Serves files on 127.0.0.1 from `routes` (path → {body, type, headers, status}, or a
 * function of the request returning one) or from `dir`. Every response carries `headers`
 * (e.g. a CSP); every request is logged in `log`. Returns { url, close, log }.
 */
export async function serve({ dir = ROOT, routes = {}, headers = {} } = {}) {
  const log = [];
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    log.push({ path, headers: req.headers, time: Date.now() });
    let route = routes[path];
    try {
      if (typeof route === "function") route = await route(req);
      if (route === "hang") return; // never answers: the client's timeout must act
      if (route) {
        res.writeHead(route.status || 200, { "content-type": route.type || TYPES[extname(path)] || "text/plain", ...headers, ...(route.headers || {}) });
        res.end(route.body);
        return;
      }
      const file = normalize(join(dir, path));
      if (!file.startsWith(normalize(dir))) throw new Error("outside");
      const body = await readFile(file);
      res.writeHead(200, { "content-type": TYPES[extname(file)] || "application/octet-stream", ...headers });
      res.end(body);
    } catch {
      res.writeHead(404, headers);
      res.end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}`, log, close: () => new Promise((ok) => { server.closeAllConnections?.(); server.close(ok); }) };
}

export async function launch() {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
}

export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/** A minimal article-like page around `body`, linking the board's stylesheet. */
export function articlePage({ body, lang = "en", dir = "ltr", title = "Board" }) {
  return `<!doctype html>
<html lang="${lang}" dir="${dir}">
<head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>
<link rel="stylesheet" href="/www/gov-leaderboard.css">
<link rel="stylesheet" href="/tests/e2e/article.css">
</head>
<body><main class="article">
${body}
</main></body></html>`;
}

/**
 * A feed route with ETag / If-None-Match: `feed.body` can be changed, `feed.fault` set.
 * `cacheControl` is what it says of freshness (a CDN would send a max-age).
 */
export function feedRoute(initial, { cacheControl = "no-cache" } = {}) {
  const feed = { body: initial, fault: null, served: 0, notModified: 0 };
  feed.route = (req) => {
    if (feed.fault === "500") return { status: 500, body: "boom", type: "text/plain" };
    if (feed.fault === "invalid") return { body: '{"version":1,"pages":[{"id":"x"}]}', type: "application/json" };
    if (feed.fault === "hang") return "hang";
    const etag = `"${createHash("sha1").update(feed.body).digest("hex").slice(0, 12)}"`;
    const h = { etag, "cache-control": cacheControl };
    if (req.headers["if-none-match"] === etag) {
      feed.notModified++;
      return { status: 304, body: "", headers: h };
    }
    feed.served++;
    return { body: feed.body, type: "application/json", headers: h };
  };
  return feed;
}

/** Waits until `check()` is truthy (polling), or fails after `ms`. */
export async function until(check, ms = 10000, what = "condition") {
  const end = Date.now() + ms;
  for (;;) {
    const v = await check();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** The page's accessibility tree, flattened to "role: name" lines (Chromium's, through CDP). */
export async function axTree(page) {
  const cdp = await page.context().newCDPSession(page);
  const { nodes } = await cdp.send("Accessibility.getFullAXTree");
  await cdp.detach();
  return nodes.filter((n) => !n.ignored).map((n) => `${n.role?.value}: ${n.name?.value ?? ""}`.trim());
}
