import { serve, launch } from "./harness.mjs";
import { largeFeed } from "../../www/dev/sample-feeds.mjs";
const body = `<!doctype html><html><head><meta charset="utf-8"><title>t</title><script type="module" src="/named/element.js"></script></head><body><gov-leaderboard id="b" src="/large.json" top="50" replay replay-duration="6"></gov-leaderboard></body></html>`;
const server = await serve({ dir: "/tmp", routes: { "/a.html": { body }, "/large.json": { body: JSON.stringify(largeFeed(300, 90, "2026-11-28", 5)) } } });
const browser = await launch();
const ctx = await browser.newContext({ viewport: { width: 1000, height: 900 } });
const p = await ctx.newPage();
p.on("pageerror", (e) => console.log("err", e.message));
await p.goto(server.url + "/a.html");
await p.waitForFunction(() => document.getElementById("b")?.rows?.length === 50);
await p.waitForTimeout(500);
const cdp = await ctx.newCDPSession(p);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
await cdp.send("Profiler.start");
await p.evaluate(() => document.getElementById("b").shadowRoot.querySelector("[part=play]").click());
await p.waitForTimeout(6500);
const { profile } = await cdp.send("Profiler.stop");
// inclusive time per function name
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map(), self = new Map();
for (let i = 0; i < profile.samples.length; i++) {
  const dt = profile.timeDeltas[i] || 0; let id = profile.samples[i]; const seen = new Set();
  const n0 = byId.get(id); const k0 = n0.callFrame.functionName; self.set(k0, (self.get(k0) || 0) + dt);
  while (id) { const n = byId.get(id); const k = n.callFrame.functionName; if (!seen.has(k)) { incl.set(k, (incl.get(k) || 0) + dt); seen.add(k); } id = parent.get(id); }
}
const show = (m) => [...m].filter(([k]) => k && !k.startsWith("(")).sort((a, b) => b[1] - a[1]).slice(0, 40).map(([k, v]) => `${(v / 1000).toFixed(0)}ms ${k.slice(0, 120)}`).join("\n");
console.log("INCLUSIVE\n" + show(incl));
await browser.close(); await server.close();
