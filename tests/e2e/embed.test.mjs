// The iframe embed: www/embed.html served cross-origin from a CDN-like server (ACAO: *),
// sandboxed without allow-same-origin; www/embed-host.js sizes it to its content and ignores
// forged or malformed messages.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, launch, screenshot, feedRoute, until } from "./harness.mjs";

const SEED = JSON.parse(readFileSync(join(ROOT, "www/data/seed.json"), "utf8"));
const feed = feedRoute(JSON.stringify(SEED));
let cdn, evil, host, browser;

function withLatest(id, interactions) {
  const f = structuredClone(SEED);
  const page = f.pages.find((p) => p.id === id);
  page.series[page.series.length - 1].interactions = interactions;
  return JSON.stringify(f);
}

before(async () => {
  const cors = { "access-control-allow-origin": "*" };
  cdn = await serve({ headers: cors, routes: {
    "/feed.json": feed.route,
    // A frame that starts on the CDN's origin, then navigates to another origin and posts.
    "/redirect.html": () => ({ body: `<!doctype html><script>location.replace(${JSON.stringify(evil.url + "/poster.html")})</script>` }),
  } });
  evil = await serve({ routes: {
    "/poster.html": { body: `<!doctype html><p>evil</p><script>setInterval(() => parent.postMessage({ type: "gov-leaderboard:resize", height: 3333 }, "*"), 100)</script>` },
  } });
  const src = `${cdn.url}/www/embed.html?src=${encodeURIComponent(cdn.url + "/feed.json")}&locale=en&top=3&pin=in-mygov&refresh=0.3&transparent=1`;
  host = await serve({ routes: {
    "/host.html": { body: `<!doctype html><html><head><meta charset="utf-8"><title>host</title>
      <script src="${cdn.url}/www/embed-host.js"></script></head>
      <body style="margin:0;font-family:serif"><p>Article text above.</p>
      <iframe id="board" data-gov-leaderboard title="Leaderboard" src="${src}" sandbox="allow-scripts allow-popups allow-popups-to-escape-sandbox allow-downloads" style="width:100%;border:0;height:120px"></iframe>
      <iframe id="other" data-gov-leaderboard title="Other" src="${cdn.url}/redirect.html" style="width:100%;border:0;height:90px"></iframe>
      <iframe id="ad" title="Advertisement" src="${evil.url}/poster.html" style="width:100%;border:0;height:90px"></iframe>
      <p>Article text below.</p></body></html>` },
    "/clamp.html": { body: `<!doctype html><html><head><meta charset="utf-8"><title>clamp</title></head>
      <body><p id="__govLeaderboardHost">A user comment that tries to switch the host script off.</p>
      <form name="__govLeaderboardHost"></form><a id="Symbol"></a>
      <script src="${cdn.url}/www/embed-host.js"></script>
      <iframe id="probe" data-gov-leaderboard src="/probe.html" style="border:0;height:100px"></iframe>
      <iframe id="unmarked" src="/probe.html" style="border:0;height:100px"></iframe></body></html>` },
    "/probe.html": { body: "<!doctype html><p>probe</p>" },
    // A page that plays AMP's part: it resizes the frame to what an embed-size message asks.
    "/amp.html": { body: `<!doctype html><html><head><meta charset="utf-8"><title>amp</title></head><body style="margin:0">
      <iframe id="amp" src="${cdn.url}/www/embed.html?src=${encodeURIComponent(cdn.url + "/feed.json")}&locale=ar-EG&top=3#amp=1"
        sandbox="allow-scripts allow-same-origin" style="width:100%;border:0;height:150px"></iframe>
      <iframe id="plain" src="${cdn.url}/www/embed.html?src=${encodeURIComponent(cdn.url + "/feed.json")}&locale=en&top=3"
        style="width:100%;border:0;height:150px"></iframe>
      <script>
        window.__amp = [];
        addEventListener("message", (e) => {
          const d = e.data;
          if (!d || d.sentinel !== "amp" || d.type !== "embed-size") return;
          const frame = [...document.querySelectorAll("iframe")].find((f) => f.contentWindow === e.source);
          window.__amp.push({ frame: frame?.id, height: d.height });
          if (frame) frame.style.height = d.height + "px";
        });
      </script></body></html>` },
  } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([cdn?.close(), evil?.close(), host?.close()]);
});

test("sandboxed cross-origin iframe shows the board and follows its height live; forgeries are ignored", async () => {
  feed.body = JSON.stringify(SEED);
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  await page.goto(host.url + "/host.html");
  const frame = () => page.frame({ url: /embed\.html/ });
  await until(async () => (await frame()?.evaluate(() => document.querySelector("gov-leaderboard")?.rows?.length)) === 4, 15000, "board in the frame");
  const heights = async () => ({
    iframe: await page.$eval("#board", (f) => f.getBoundingClientRect().height),
    content: await frame().evaluate(() => document.documentElement.getBoundingClientRect().height),
  });
  await until(async () => { const h = await heights(); return Math.abs(h.iframe - h.content) <= 2; }, 5000, "iframe sized to content");
  const tall = (await heights()).iframe;
  assert.ok(tall > 300, `height ${tall}`);
  // The pinned page climbs into the top 3: its extra row goes and the frame shrinks with it.
  feed.body = withLatest("in-mygov", 9_000_000);
  await until(async () => (await frame().evaluate(() => document.querySelector("gov-leaderboard").rows.length)) === 3, 8000, "3 rows");
  await until(async () => { const h = await heights(); return Math.abs(h.iframe - h.content) <= 2 && h.iframe < tall; }, 5000, "iframe shrinks");
  // Forged: from the host window itself, malformed data, and a frame that left its origin.
  const settled = (await heights()).iframe;
  await page.evaluate(() => window.postMessage({ type: "gov-leaderboard:resize", height: 4321 }, "*"));
  await page.waitForTimeout(500);
  assert.equal((await heights()).iframe, settled, "message from the host window ignored");
  assert.equal(await page.$eval("#other", (f) => f.getBoundingClientRect().height), 90, "message from a frame whose origin changed ignored");
  assert.equal(await page.$eval("#ad", (f) => f.getBoundingClientRect().height), 90, "message from a frame without data-gov-leaderboard ignored");
  await screenshot(page, "iframe-host-900");
  await page.close();
});

test("AMP: with #amp=1 the frame posts AMP's embed-size with its content height; without it, nothing", async () => {
  feed.body = JSON.stringify(SEED);
  const page = await browser.newPage({ viewport: { width: 600, height: 900 } });
  await page.goto(host.url + "/amp.html");
  const frame = () => page.frames().find((f) => f.url().includes("locale=ar-EG"));
  await until(async () => (await frame()?.evaluate(() => document.querySelector("gov-leaderboard")?.rows?.length)) === 3, 15000, "board in the AMP frame");
  await until(async () => {
    const content = await frame().evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
    const last = (await page.evaluate(() => window.__amp)).at(-1);
    return last && last.frame === "amp" && last.height === content && content > 300;
  }, 8000, "embed-size matches the content height");
  assert.equal(await page.$eval("#amp", (f) => Math.round(f.getBoundingClientRect().height)),
    await frame().evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height)));
  assert.ok((await page.evaluate(() => window.__amp)).every((m) => m.frame === "amp"), "no AMP message without #amp=1");
  await page.close();
});

test("heights are clamped, only numbers are used, unmarked frames and page markup change nothing", async () => {
  const page = await browser.newPage();
  await page.goto(host.url + "/clamp.html");
  const frameById = async (id) => {
    for (const f of page.frames()) {
      if (f.parentFrame() && (await (await f.frameElement()).getAttribute("id")) === id) return f;
    }
    throw new Error(`no frame #${id}`);
  };
  const probe = await frameById("probe");
  const send = async (data) => {
    await probe.evaluate((d) => parent.postMessage(d, "*"), data);
    await page.waitForTimeout(150);
    return page.$eval("#probe", (f) => Math.round(f.getBoundingClientRect().height));
  };
  assert.equal(await send({ type: "gov-leaderboard:resize", height: 250.2 }), 251);
  assert.equal(await send({ type: "gov-leaderboard:resize", height: 99999 }), 8000, "clamped high");
  assert.equal(await send({ type: "gov-leaderboard:resize", height: 3 }), 60, "clamped low");
  assert.equal(await send({ type: "gov-leaderboard:resize", height: "abc" }), 60, "not a number: ignored");
  assert.equal(await send({ type: "something-else", height: 400 }), 60, "other messages ignored");
  assert.equal(await send("gov-leaderboard:resize 400"), 60, "strings ignored");
  assert.equal(await send({ type: "gov-leaderboard:resize", height: " 7000 " }), 60, "a numeric string is not a number");
  assert.equal(await send({ type: "gov-leaderboard:resize", height: [7777] }), 60, "an array is not a number");
  assert.equal(await send({ type: "gov-leaderboard:resize", height: Infinity }), 60, "infinity ignored");
  // A change under 1 px writes nothing (no style churn from sub-pixel reports).
  assert.equal(await send({ type: "gov-leaderboard:resize", height: 300 }), 300);
  await page.$eval("#probe", (f) => {
    window.__writes = 0;
    new MutationObserver((m) => { window.__writes += m.length; }).observe(f, { attributes: true, attributeFilter: ["style"] });
  });
  assert.equal(await send({ type: "gov-leaderboard:resize", height: 299.4 }), 300);
  assert.equal(await page.evaluate(() => window.__writes), 0, "no write for a change under 1 px");
  // The same message from a frame without data-gov-leaderboard: ignored.
  const unmarked = await frameById("unmarked");
  await unmarked.evaluate(() => parent.postMessage({ type: "gov-leaderboard:resize", height: 700 }, "*"));
  await page.waitForTimeout(150);
  assert.equal(await page.$eval("#unmarked", (f) => Math.round(f.getBoundingClientRect().height)), 100, "unmarked frame untouched");
  await page.close();
});

test("embed.html's document speaks the board's language: lang, dir and a localized title, then the board's own", async () => {
  for (const [locale, dir, first] of [["ar-EG", "rtl", "لوحة ترتيب الصفحات الحكومية"], ["de", "ltr", "Rangliste der Regierungsseiten"]]) {
    const page = await browser.newPage();
    // A feed that is not there: the document keeps its own title (no board, no board title).
    feed.body = JSON.stringify(SEED);
    await page.goto(`${cdn.url}/www/embed.html?src=${encodeURIComponent(cdn.url + "/nothing.json")}&locale=${locale}`);
    assert.deepEqual(await page.evaluate(() => [document.documentElement.lang, document.documentElement.dir, document.title]), [locale, dir, first]);
    await page.goto(`${cdn.url}/www/embed.html?src=${encodeURIComponent(cdn.url + "/feed.json")}&locale=${locale}&top=3`);
    await page.waitForFunction(() => document.querySelector("gov-leaderboard")?.rows?.length > 0);
    // Then the board's title, in the board's language (the seed's `titles`).
    assert.equal(await page.title(), SEED.titles[locale.slice(0, 2)]);
    await page.close();
  }
  // Without JavaScript: the noscript note in each language, each marked.
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${cdn.url}/www/embed.html?locale=ar`);
  const notes = await page.$$eval("noscript p", (ps) => ps.map((p) => [p.lang, p.dir]));
  assert.deepEqual(notes.map(([l]) => l), ["en", "ar", "fr", "de"]);
  await context.close();
});
