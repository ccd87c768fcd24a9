// The static render, in a real browser: no JavaScript, strict CSP, Arabic and English,
// narrow and wide, light and dark. Also checks the numbers against Chromium's own Intl.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { ROOT, serve, launch, screenshot, articlePage } from "./harness.mjs";

const BIN = process.env.GOV_LEADERBOARD_BIN || join(ROOT, "target/debug/gov-leaderboard");
const SEED = join(ROOT, "www/data/seed.json");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

const render = (...args) => execFileSync(BIN, ["render", SEED, ...args], { encoding: "utf8" });

let server, browser;
const routes = {};
for (const locale of ["en", "ar", "ar-EG", "fr", "de"]) {
  const html = render("--locale", locale, "--pin", "eg-moi");
  const rtl = locale.startsWith("ar");
  routes[`/static-${locale}.html`] = { body: articlePage({ body: html, lang: locale, dir: rtl ? "rtl" : "ltr" }) };
}
routes["/static-trend-ar-EG.html"] = { body: articlePage({ body: render("--locale", "ar-EG", "--chart", "trend", "--top", "5", "--pin", "eg-moi"), lang: "ar", dir: "rtl" }) };
routes["/static-trend-en.html"] = { body: articlePage({ body: render("--locale", "en", "--chart", "trend", "--top", "5", "--pin", "eg-moi") }) };

before(async () => {
  server = await serve({ routes, headers: { "content-security-policy": CSP } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(path, { width = 1000, dark = false, js = true } = {}) {
  const context = await browser.newContext({ viewport: { width, height: 900 }, javaScriptEnabled: js, colorScheme: dark ? "dark" : "light" });
  const page = await context.newPage();
  const violations = [];
  page.on("console", (m) => { if (/Content.Security.Policy/i.test(m.text())) violations.push(m.text()); });
  await page.goto(server.url + path);
  return { page, context, violations };
}

test("rows, order and values match the ranking, with Chromium's Intl formatting", async () => {
  for (const locale of ["en", "ar", "ar-EG", "fr", "de"]) {
    const { page, context, violations } = await open(`/static-${locale}.html`);
    const rows = await page.$$eval(".gl-table tbody tr", (trs) => trs.map((tr) => ({
      id: tr.dataset.id,
      rank: tr.querySelector(".gl-rank").textContent,
      value: tr.querySelector(".gl-value").textContent,
      raw: tr.querySelector(".gl-value").dataset.value,
    })));
    assert.deepEqual(rows.map((r) => r.id), ["us-wh", "eg-moi", "kh-pm", "ph-pco", "br-planalto", "in-mygov", "fr-elysee", "ma-gov"]);
    const intl = await page.evaluate(({ locale, rows }) => {
      const nf = new Intl.NumberFormat(locale);
      return rows.map((r, i) => ({ value: nf.format(Number(r.raw)), rank: nf.format(i + 1) }));
    }, { locale, rows });
    rows.forEach((r, i) => {
      assert.equal(r.value, intl[i].value, `${locale} value of ${r.id}`);
      assert.equal(r.rank, intl[i].rank, `${locale} rank of ${r.id}`);
    });
    const asOf = await page.$eval(".gl-asof", (e) => e.textContent);
    const date = await page.evaluate((l) => new Intl.DateTimeFormat(l, { dateStyle: "long", timeZone: "UTC" }).format(new Date("2026-11-28T00:00:00Z")), locale);
    assert.ok(asOf.includes(date), `${locale}: footer ${JSON.stringify(asOf)} carries ${JSON.stringify(date)}`);
    assert.deepEqual(violations, [], `${locale}: no CSP violations`);
    await context.close();
  }
});

test("Egypt's figure reads as the source article gives it", async () => {
  const { page, context } = await open("/static-ar-EG.html");
  const moi = await page.$eval('tr[data-id="eg-moi"]', (tr) => tr.innerText);
  assert.match(moi, /٢٤٬٣٧٤٬٠٠٠/);
  assert.match(moi, /وزارة الداخلية المصرية/);
  assert.match(moi, /▲/);
  const board = await page.$eval(".gl-board", (b) => [b.getAttribute("dir"), b.getAttribute("lang")]);
  assert.deepEqual(board, ["rtl", "ar-EG"]);
  await context.close();
});

test("Arabic is right-to-left: rank column on the right, bars grow from the right", async () => {
  const { page, context } = await open("/static-ar-EG.html", { js: true });
  const geo = await page.evaluate(() => {
    const row = document.querySelector(".gl-table tbody tr");
    const rank = row.querySelector(".gl-rank").getBoundingClientRect();
    const value = row.querySelector(".gl-value").getBoundingClientRect();
    const svg = document.querySelector(".gl-chart svg").getBoundingClientRect();
    const bars = [...document.querySelectorAll(".gl-chart rect")].map((r) => r.getBoundingClientRect());
    return { rankLeft: rank.left, valueLeft: value.left, svgRight: svg.right, bars: bars.map((b) => [b.left, b.right]) };
  });
  assert.ok(geo.rankLeft > geo.valueLeft, "rank is to the right of the value");
  for (const [left, right] of geo.bars) assert.ok(geo.svgRight - right < 8 && left > geo.svgRight - 1000, "each bar ends at the right edge");
  assert.ok(geo.bars[0][1] - geo.bars[0][0] > geo.bars[2][1] - geo.bars[2][0], "first bar longer than third");
  await context.close();
});

test("works without JavaScript, no horizontal scroll from 320 to 1200 px, screenshots", async () => {
  for (const locale of ["en", "ar-EG"]) {
    for (const width of [320, 360, 1000, 1200]) {
      for (const dark of [false, true]) {
        const { page, context } = await open(`/static-${locale}.html`, { width, dark, js: false });
        const { scroll, client, rows } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollWidth,
          client: document.documentElement.clientWidth,
          rows: document.querySelectorAll(".gl-table tbody tr").length,
        })).catch(async () => {
          // With JavaScript off evaluate may be refused; measure through a JS-enabled twin.
          const twin = await open(`/static-${locale}.html`, { width, dark });
          const r = await twin.page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth, rows: document.querySelectorAll(".gl-table tbody tr").length }));
          await twin.context.close();
          return r;
        });
        assert.equal(rows, 8);
        assert.ok(scroll <= client, `${locale} ${width}px: scrollWidth ${scroll} > ${client}`);
        if (width === 360 || width === 1000) await screenshot(page, `static-${locale}-${width}-${dark ? "dark" : "light"}`);
        await context.close();
      }
    }
  }
  for (const locale of ["en", "ar-EG"]) {
    const { page, context } = await open(`/static-trend-${locale}.html`, { width: 1000 });
    assert.ok((await page.$$(".gl-chart polyline")).length >= 5);
    await screenshot(page, `static-trend-${locale}-1000-light`);
    await context.close();
  }
});
