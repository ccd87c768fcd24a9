// Hostile text in every free-text field: the element, the static render and the iframe page
// show it as text; nothing runs (a sentinel global stays unset, no dialog), no unexpected
// element or on* attribute appears, and bidi controls in a name cannot reorder its row.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, launch, screenshot } from "./harness.mjs";

const BIN = process.env.GOV_LEADERBOARD_BIN || join(ROOT, "target/debug/gov-leaderboard");
const PAYLOADS = JSON.parse(readFileSync(join(ROOT, "tests/fixtures/hostile/payloads.json"), "utf8"));
const ALLOWED = new Set(["DIV", "P", "H2", "SPAN", "TABLE", "CAPTION", "THEAD", "TBODY", "TR", "TH", "TD", "A", "BDI", "SMALL",
  "CANVAS", "SLOT", "svg", "text", "rect", "polyline",
  // the replay controls (our own markup, hidden on a board without `replay`)
  "BUTTON", "INPUT"]);

/** Every payload lands in every free-text field somewhere in the feed. */
function hostileFeed() {
  const text = (i) => PAYLOADS[i % PAYLOADS.length].replaceAll("\u0000", "").slice(0, 200) || "x";
  return {
    version: 1,
    title: text(0),
    source: { name: text(1), url: "https://example.org/?q=\"><script>window.__pwned=1</script>" },
    as_of: "2026-11-28",
    pages: PAYLOADS.map((_, i) => ({
      id: `p${i}`,
      name: text(i),
      names: { en: text(i + 3), ar: text(i + 5) },
      country: text(i + 7),
      platform: text(i + 9),
      category: text(i + 11),
      url: `https://example.org/${i}?x="'<>`,
      series: [{ date: "2026-11-28", interactions: 1000 - i }],
    })),
  };
}

const FEED = JSON.stringify(hostileFeed());
let server, browser;

before(async () => {
  const staticHtml = execFileSync(BIN, ["render", "-", "--locale", "en", "--top", "100"], { input: FEED, encoding: "utf8" });
  const staticAr = execFileSync(BIN, ["render", "-", "--locale", "ar", "--top", "100", "--chart", "trend"], { input: FEED, encoding: "utf8" });
  const head = `<meta charset="utf-8"><title>hostile</title><link rel="stylesheet" href="/www/gov-leaderboard.css">`;
  server = await serve({
    headers: { "access-control-allow-origin": "*" },
    routes: {
      "/hostile.json": { body: FEED, type: "application/json" },
      "/element.html": { body: `<!doctype html><html><head>${head}<script type="module" src="/pkg/element.js"></script></head><body>
        <gov-leaderboard id="en" src="/hostile.json" locale="en" top="100"></gov-leaderboard>
        <gov-leaderboard id="ar" src="/hostile.json" locale="ar" top="100" chart="trend"></gov-leaderboard></body></html>` },
      "/static.html": { body: `<!doctype html><html><head>${head}</head><body><div id="en">${staticHtml}</div><div id="ar">${staticAr}</div></body></html>` },
      "/frame.html": { body: `<!doctype html><html><head><meta charset="utf-8"></head><body>
        <iframe id="f" style="width:100%;height:2000px" src="/www/embed.html?src=%2Fhostile.json&top=100&locale=ar"></iframe></body></html>` },
    },
  });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path) {
  const page = await browser.newPage({ viewport: { width: 1000, height: 1200 } });
  const dialogs = [];
  page.on("dialog", (d) => { dialogs.push(d.message()); d.dismiss(); });
  await page.goto(server.url + path);
  await page.evaluate(`window.__audit = ${audit.toString()}`);
  return { page, dialogs };
}

/** Tags and on* attributes under `root` (a shadow root or an element). */
function audit(root, allowed) {
  const bad = [];
  for (const el of root.querySelectorAll("*")) {
    if (!allowed.includes(el.tagName)) bad.push(`<${el.tagName}>`);
    for (const a of el.attributes) if (/^on/i.test(a.name)) bad.push(`${el.tagName}[${a.name}]`);
    if (el.tagName === "A" && !/^(https?:|data:text\/csv)/.test(el.getAttribute("href") || "")) bad.push(`a[href=${el.getAttribute("href")}]`);
  }
  return bad;
}

test("the element shows hostile text as text and runs none of it", async () => {
  const { page, dialogs } = await open("/element.html");
  await page.waitForFunction(() => ["en", "ar"].every((id) => document.getElementById(id).rows.length > 20));
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(dialogs, []);
  for (const id of ["en", "ar"]) {
    const bad = await page.$eval(`#${id}`, (el, allowed) => window.__audit(el.shadowRoot, allowed), [...ALLOWED]);
    assert.deepEqual(bad, [], id);
  }
  const names = await page.$eval("#en", (el) => [...el.shadowRoot.querySelectorAll("tbody th bdi")].map((b) => b.textContent));
  const expected = hostileFeed().pages.map((p) => p.names.en);
  assert.deepEqual(new Set(names), new Set(expected));
  assert.equal(await page.$eval("#en", (el) => el.shadowRoot.querySelector(".gl-title").textContent), hostileFeed().title);
  await screenshot(page, "hostile-element-1000");
  await page.close();
});

test("bidi controls in a name do not reorder its row", async () => {
  const { page } = await open("/element.html");
  await page.waitForFunction(() => document.getElementById("en").rows.length > 20);
  const rows = await page.$eval("#en", (el) => [...el.shadowRoot.querySelectorAll("tbody tr")].map((tr) => {
    const x = (sel) => tr.querySelector(sel).getBoundingClientRect();
    return { rank: x(".gl-rank").left, name: x(".gl-name").left, value: x(".gl-value").right, bdi: !!tr.querySelector(".gl-name bdi") };
  }));
  for (const r of rows) {
    assert.ok(r.rank < r.name && r.name < r.value, JSON.stringify(r));
    assert.ok(r.bdi, "names are isolated in <bdi>");
  }
  await page.close();
});

test("the static render shows hostile text as text and runs none of it", async () => {
  const { page, dialogs } = await open("/static.html");
  await page.waitForTimeout(300);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(dialogs, []);
  for (const id of ["en", "ar"]) {
    const bad = await page.$eval(`#${id}`, (el, allowed) => window.__audit(el, allowed), [...ALLOWED]);
    assert.deepEqual(bad, [], id);
  }
  const names = await page.$$eval("#en tbody th bdi", (bdis) => bdis.map((b) => b.textContent));
  // The static HTML shows C0 control characters as U+FFFD (they are not allowed in HTML text).
  const shown = (t) => t.replace(/[\u0001-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g, "\ufffd");
  assert.deepEqual(new Set(names), new Set(hostileFeed().pages.map((p) => shown(p.names.en))));
  await page.close();
});

test("the iframe page shows hostile text as text and runs none of it", async () => {
  const { page, dialogs } = await open("/frame.html");
  const frame = page.frame({ url: /embed\.html/ });
  await frame.evaluate(`window.__audit = ${audit.toString()}`);
  await frame.waitForFunction(() => document.querySelector("gov-leaderboard")?.rows?.length > 20);
  assert.equal(await frame.evaluate(() => window.__pwned), undefined);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  assert.deepEqual(dialogs, []);
  const bad = await frame.$eval("gov-leaderboard", (el, allowed) => window.__audit(el.shadowRoot, allowed), [...ALLOWED]);
  assert.deepEqual(bad, []);
  await page.close();
});
