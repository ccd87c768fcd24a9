// Static prerender → live element: the static site example builds; with JavaScript off the
// boards are whole; with it, the element takes over in place (layout shift 0, same rows),
// under a strict CSP.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, serve, launch, screenshot } from "./harness.mjs";

const SITE = join(ROOT, "target/static-site");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";
let server, browser;

before(async () => {
  execFileSync("node", [join(ROOT, "tests/static-site/build.mjs"), SITE], { stdio: "pipe" });
  server = await serve({ dir: SITE, headers: { "content-security-policy": CSP } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

// Records layout shifts and CSP violations from the very start of the page.
const PROBE = () => {
  window.__shifts = [];
  window.__csp = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      // What moved, for the failure message: node, and its box before → after.
      const box = (r) => r && [r.x, r.y, r.width, r.height].map((v) => Math.round(v * 100) / 100).join(",");
      const sources = (e.sources ?? []).map((s) => `${s.node?.nodeName ?? "?"}.${s.node?.className ?? ""} ${box(s.previousRect)} → ${box(s.currentRect)}`);
      window.__shifts.push({ value: e.value, at: Math.round(e.startTime), sources });
    }
  }).observe({ type: "layout-shift", buffered: true });
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(e.violatedDirective));
};

const staticIds = (p) => p.$$eval("gov-leaderboard", (els) => els.map((el) => [...el.querySelectorAll(":scope > .gl-board tbody tr")].map((tr) => tr.dataset.id)));
const liveIds = (p) => p.$$eval("gov-leaderboard", (els) => els.map((el) => [...(el.shadowRoot?.querySelectorAll("tbody tr") ?? [])].map((tr) => tr.dataset.id)));

for (const [path, name] of [["/index.html", "ar-EG"], ["/en.html", "en"]]) {
  test(`${name}: whole board without JavaScript`, async () => {
    for (const width of [360, 1000]) {
      const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width, height: 900 } });
      const p = await context.newPage();
      await p.goto(server.url + path);
      const ids = await staticIds(p);
      assert.ok(ids.every((rows) => rows.length >= 5), JSON.stringify(ids));
      assert.equal(await p.$$eval("gov-leaderboard .gl-chart > svg", (s) => s.length), ids.length);
      await screenshot(p, `static-site-nojs-${name}-${width}`);
      await context.close();
    }
  });

  test(`${name}: the live element takes over with no layout shift and the same rows`, async () => {
    for (const width of [360, 1000]) {
      const context = await browser.newContext({ viewport: { width, height: 1400 } });
      const p = await context.newPage();
      await p.addInitScript(PROBE);
      await p.goto(server.url + path);
      const before = await staticIds(p);
      await p.waitForFunction(() => [...document.querySelectorAll("gov-leaderboard")].every((el) =>
        el.shadowRoot && !el.shadowRoot.querySelector("slot") && el.rows.length > 0));
      await p.waitForTimeout(300); // let any late shift be recorded
      assert.deepEqual(await liveIds(p), before, "same rows");
      const { shifts, csp } = await p.evaluate(() => ({ shifts: window.__shifts, csp: window.__csp }));
      const cls = shifts.reduce((a, b) => a + b.value, 0);
      assert.equal(cls, 0, `${name} ${width}px: cumulative layout shift ${cls}: ${JSON.stringify(shifts)}`);
      assert.deepEqual(csp, []);
      await screenshot(p, `static-site-live-${name}-${width}`);
      await context.close();
    }
  });
}
