// What a hostile feed or a stranger's page can do to the article that embeds a board, in
// Chromium: a 20,000-row tied feed gives a bounded board (and a bounded live update); a real
// WebAssembly trap (out of memory) shows an error in that board only, the other boards keep
// working and the trapped one comes back with the next good feed; embed.html shows no board
// for a feed from another origin (or data:) unless its meta tag lists that origin.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, launch, screenshot, until } from "./harness.mjs";

const SEED = readFileSync(join(ROOT, "www/data/seed.json"), "utf8");

/** `n` pages tied on one day, as CSV; `bump` raises one page so the order changes. */
function tiedCsv(n, bump = null) {
  const rows = ["id,name,date,interactions"];
  for (let i = 0; i < n; i++) {
    const id = `p${String(i).padStart(6, "0")}`;
    rows.push(`${id},Page ${i},2026-11-28,${id === bump ? 9 : 5}`);
  }
  return rows.join("\n") + "\n";
}

const tied = { body: tiedCsv(20_000) };
let server, other, browser;

before(async () => {
  other = await serve({ headers: { "access-control-allow-origin": "*" }, routes: {
    "/feed.json": { body: SEED, type: "application/json" },
  } });
  const embed = readFileSync(join(ROOT, "www/embed.html"), "utf8")
    .replace('<meta name="gov-leaderboard-feeds" content="">', `<meta name="gov-leaderboard-feeds" content="${other.url}">`)
    .replace("connect-src 'self'", `connect-src 'self' ${other.url}`);
  server = await serve({ routes: {
    "/tied.csv": () => ({ body: tied.body, type: "text/csv", headers: { "cache-control": "no-cache" } }),
    "/seed.json": { body: SEED, type: "application/json" },
    "/tied.html": { body: `<!doctype html><html><head><meta charset="utf-8"><title>tied</title>
      <script type="module" src="/pkg/element.js"></script></head><body>
      <gov-leaderboard id="b" src="/tied.csv" top="1" refresh="0.5" locale="en"></gov-leaderboard></body></html>` },
    "/two.html": { body: `<!doctype html><html><head><meta charset="utf-8"><title>two boards</title>
      <script type="module" src="/pkg/element.js"></script></head><body>
      <gov-leaderboard id="a" locale="en" top="3"></gov-leaderboard>
      <gov-leaderboard id="b" locale="ar" top="3"></gov-leaderboard></body></html>` },
    "/www/embed-listed.html": { body: embed, type: "text/html" },
  } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await Promise.all([server?.close(), other?.close()]);
});

const shadow = (page, id, f, arg) => page.$eval(`#${id}`, (el, [src, a]) => new Function("root", "arg", `return (${src})(root, arg)`)(el.shadowRoot, a), [f.toString(), arg]);

test("a 20,000-row tied feed shows 100 rows and one line, and updates live within bounds", async () => {
  const page = await browser.newPage({ viewport: { width: 400, height: 800 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + "/tied.html");
  await until(() => page.$eval("#b", (el) => el.rows.length === 100), 20000, "100 rows");
  const first = await shadow(page, "b", (root) => ({
    rows: root.querySelectorAll("tbody tr").length,
    more: root.querySelector(".gl-more")?.textContent,
    moreHidden: root.querySelector(".gl-more")?.hidden,
    canvas: root.querySelector("canvas").height / devicePixelRatio,
    nodes: root.querySelectorAll("*").length,
  }));
  assert.equal(first.rows, 100);
  assert.equal(first.more, "19,900 more tied at rank 1");
  assert.equal(first.moreHidden, false);
  assert.ok(first.canvas <= 100 * 40 + 4, `canvas ${first.canvas} px high`);
  assert.ok(first.nodes < 1500, `${first.nodes} nodes in the board`);
  await page.$eval("#b", (el) => el.shadowRoot.querySelector(".gl-more").scrollIntoView({ block: "end" }));
  await page.screenshot({ path: join(ROOT, "target/screenshots/abuse-tied-100-end-400.png") });
  // A live update that moves a page from the end of the feed to first place.
  tied.body = tiedCsv(20_000, "p019999");
  await until(() => page.$eval("#b", (el) => el.rows[0]?.id === "p019999"), 15000, "the bumped page first");
  const after = await shadow(page, "b", (root) => ({
    rows: root.querySelectorAll("tbody tr").length,
    first: root.querySelector("tbody tr").dataset.id,
    more: root.querySelector(".gl-more").hidden,
  }));
  assert.deepEqual(after, { rows: 1, first: "p019999", more: true }, "top 1 is now one page alone");
  assert.deepEqual(errors, []);
  await screenshot(page, "abuse-tied-400");
  await page.close();
});

test("long names are cut with an ellipsis on the canvas and never run under the value", async () => {
  const long = "W".repeat(120) + " Ministry";
  const arLong = "وزارة " + "الشؤون ".repeat(20) + "الخارجية";
  const feed = JSON.parse(SEED);
  feed.pages[0].name = long;
  feed.pages[0].names = { ar: arLong };
  for (const [locale, dir, width, theme] of [["en", "ltr", 360, "light"], ["ar-EG", "rtl", 360, "dark"], ["en", "ltr", 900, "dark"], ["ar-EG", "rtl", 900, "light"]]) {
    const page = await browser.newPage({ viewport: { width, height: 700 }, colorScheme: theme });
    // Record every label the chart draws, with where it starts and ends on the canvas.
    await page.addInitScript(() => {
      window.__labels = [];
      const fill = CanvasRenderingContext2D.prototype.fillText;
      CanvasRenderingContext2D.prototype.fillText = function (text, x, y) {
        const w = this.measureText(text).width;
        const left = this.textAlign === "right" ? x - w : this.textAlign === "center" ? x - w / 2 : x;
        window.__labels.push({ text, left, right: left + w, y });
        return fill.apply(this, arguments);
      };
    });
    await page.goto(server.url + "/two.html");
    await page.evaluate(([f, loc, th]) => {
      const el = document.getElementById("a");
      el.setAttribute("locale", loc);
      el.setAttribute("theme", th);
      el.data = f;
    }, [feed, locale, theme]);
    await until(() => page.$eval("#a", (el) => el.rows.length === 3), 10000, "board");
    await page.waitForTimeout(300);
    const labels = await page.evaluate(() => window.__labels);
    const rows = new Map();
    for (const l of labels) rows.set(l.y, [...(rows.get(l.y) ?? []), l]);
    const first = [...rows.values()].find((r) => r.some((l) => l.text.includes(locale === "en" ? "WWW" : "الشؤون")));
    assert.ok(first, "the long name was drawn");
    const name = first.find((l) => l.text.includes(locale === "en" ? "WWW" : "الشؤون"));
    const value = first.find((l) => l !== name);
    assert.ok(name.text.endsWith("…\u2069"), `cut with an ellipsis: ${name.text.slice(-12)}`);
    const [a, b] = dir === "ltr" ? [name.right, value.left] : [value.right, name.left];
    assert.ok(a < b, `${locale} ${width}px: name and value overlap (${a} ≥ ${b})`);
    // The table keeps the whole name.
    assert.equal(await page.$eval("#a", (el) => el.shadowRoot.querySelector("tbody tr bdi").textContent), locale === "en" ? long : arLong);
    await screenshot(page, `abuse-long-name-${locale}-${width}-${theme}`);
    await page.close();
  }
});

test("a real trap (out of memory) shows an error in that board only; it comes back with the next good feed", async () => {
  const page = await browser.newPage({ viewport: { width: 900, height: 900 } });
  const uncaught = [];
  page.on("pageerror", (e) => uncaught.push(e.message));
  await page.goto(server.url + "/two.html");
  await page.evaluate(async (seed) => {
    window.__errors = { a: [], b: [] };
    for (const id of ["a", "b"]) {
      document.getElementById(id).addEventListener("leaderboard-error", (e) => window.__errors[id].push(e.detail));
    }
    document.getElementById("a").data = JSON.parse(seed);
    document.getElementById("b").data = JSON.parse(seed);
  }, SEED);
  await until(() => page.evaluate(() => ["a", "b"].every((id) => document.getElementById(id).rows.length === 3)), 10000, "both boards");
  // Take the instance's memory to the 4 GiB limit of wasm32: the next allocation that needs
  // more memory fails, and the allocator aborts (a genuine `unreachable` trap).
  const grown = await page.evaluate(async () => {
    const glue = await import("/pkg/gov_leaderboard_element.js");
    const { memory } = await glue.default();
    const pages = memory.buffer.byteLength / 65536;
    try {
      memory.grow(65536 - pages);
    } catch (e) {
      return String(e);
    }
    return memory.buffer.byteLength / 2 ** 30;
  });
  assert.equal(grown, 4, `memory grown to 4 GiB: ${grown}`);
  // A 24 MB feed on board A: reading it needs memory the instance cannot get.
  await page.evaluate(() => {
    const pages = [];
    for (let i = 0; i < 40000; i++) pages.push({ id: `x${i}`, name: `Page ${i}`, series: [{ date: "2026-11-28", interactions: i }, { date: "2026-11-27", interactions: i }, { date: "2026-11-26", interactions: i }] });
    document.getElementById("a").data = JSON.stringify({ version: 1, pages, padding: "x".repeat(20e6) });
  });
  await until(() => page.evaluate(() => window.__errors.a.length > 0), 10000, "leaderboard-error on A");
  const a = await until(async () => {
    const s = await shadow(page, "a", (root) => {
      const err = root.querySelector(".gl-error");
      return err && !err.hidden ? err.textContent : null;
    });
    return s;
  }, 10000, "A shows an error");
  // One plain sentence on the board; the technical detail is the event's (SPEC §4).
  assert.equal(a, "The leaderboard could not be loaded.");
  assert.match(await page.evaluate(() => window.__errors.a[0]), /RuntimeError|unreachable/);
  assert.ok((await page.evaluate(() => window.__errors.a)).some((m) => /internal error/.test(m)), "the event says what happened");
  // B moved to a fresh instance and shows its board; it takes new data.
  await until(() => page.$eval("#b", (el) => el.rows.length === 3), 10000, "B back on a fresh instance");
  await page.evaluate((seed) => {
    const f = JSON.parse(seed);
    f.pages.find((p) => p.id === "kh-pm").series.at(-1).interactions = 90_000_000;
    document.getElementById("b").data = f;
  }, SEED);
  await until(() => page.$eval("#b", (el) => el.rows[0]?.id === "kh-pm"), 10000, "B updates");
  assert.deepEqual(await page.evaluate(() => window.__errors.b), [], "B saw no error");
  // The next good feed brings A back.
  await page.evaluate((seed) => { document.getElementById("a").data = JSON.parse(seed); }, SEED);
  await until(() => page.$eval("#a", (el) => el.rows.length === 3), 10000, "A back");
  const aBack = await shadow(page, "a", (root) => root.querySelector(".gl-error").hidden);
  assert.equal(aBack, true, "A's error is gone");
  await screenshot(page, "abuse-trap-recovered");
  await page.close();
});

test("a trap while reading a fetched feed (outside any call) is recovered the same way", async () => {
  const page = await browser.newPage();
  await page.goto(server.url + "/two.html");
  await page.evaluate((seed) => {
    window.__errors = [];
    document.getElementById("a").addEventListener("leaderboard-error", (e) => window.__errors.push(e.detail));
    document.getElementById("b").data = JSON.parse(seed);
  }, SEED);
  await until(() => page.$eval("#b", (el) => el.rows.length === 3), 10000, "B");
  await page.evaluate(async () => {
    const glue = await import("/pkg/gov_leaderboard_element.js");
    const { memory } = await glue.default();
    memory.grow(65536 - memory.buffer.byteLength / 65536);
  });
  // A fetches a large feed: the engine reads it in a task of its own, where it traps.
  await page.$eval("#a", (el) => el.setAttribute("src", "/tied.csv?big"));
  await until(() => page.evaluate(() => window.__errors.length > 0), 15000, "leaderboard-error on A");
  await until(() => shadow(page, "a", (root) => !root.querySelector(".gl-error").hidden), 10000, "A shows its error");
  await until(() => page.$eval("#b", (el) => el.rows.length === 3), 10000, "B still shows its board");
  // An option change brings A back (the feed is fetched again on a fresh instance).
  tied.body = tiedCsv(30);
  await page.$eval("#a", (el) => el.setAttribute("top", "5"));
  await until(() => page.$eval("#a", (el) => el.rows.length === 30), 15000, "A back (30 tied rows)");
  await page.close();
});

test("embed.html shows no board for a feed from another origin or a data: URL", async () => {
  const page = await browser.newPage();
  const consoleErrors = [];
  page.on("console", (m) => m.type() === "error" && consoleErrors.push(m.text()));
  const fake = `data:application/json,${JSON.stringify({ version: 1, title: "OFFICIAL: Ministry ranks last", source: { name: "Reuters", url: "https://phish.example/" }, pages: [{ id: "x", name: "Ministry", series: [{ date: "2026-11-28", interactions: 1 }] }] })}`;
  for (const src of [fake, `${other.url}/feed.json`, "blob:" + server.url + "/x", "javascript:alert(1)"]) {
    await page.goto(`${server.url}/www/embed.html?src=${encodeURIComponent(src)}&locale=en`);
    await page.waitForSelector(".gl-embed-refused");
    assert.equal(await page.$("gov-leaderboard"), null, `no board for ${src.slice(0, 40)}`);
    assert.equal(await page.textContent(".gl-embed-refused"), "This leaderboard cannot be shown here: its data source is not allowed.");
    assert.ok(!(await page.content()).includes("OFFICIAL"));
  }
  assert.ok(consoleErrors.some((m) => m.includes("gov-leaderboard embed")), "the reason is in the console");
  // Arabic: the refusal in the board's language.
  await page.goto(`${server.url}/www/embed.html?src=${encodeURIComponent(fake)}&locale=ar-EG`);
  assert.equal(await page.textContent(".gl-embed-refused"), "لا يمكن عرض هذه اللوحة هنا: مصدر بياناتها غير مسموح به.");
  assert.equal(await page.getAttribute("html", "dir"), "rtl");
  // Same origin: the board.
  await page.goto(`${server.url}/www/embed.html?src=%2Fseed.json&locale=en&top=3`);
  await until(() => page.$eval("gov-leaderboard", (el) => el.rows.length === 3), 10000, "same-origin board");
  // Another origin listed in the meta tag (and in connect-src): the board.
  await page.goto(`${server.url}/www/embed-listed.html?src=${encodeURIComponent(other.url + "/feed.json")}&locale=en&top=3`);
  await until(() => page.$eval("gov-leaderboard", (el) => el.rows.length === 3), 10000, "listed-origin board");
  await page.close();
});

test("embed.html carries a meta CSP", async () => {
  const html = readFileSync(join(ROOT, "www/embed.html"), "utf8");
  const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1];
  assert.ok(csp, "meta CSP present");
  for (const part of ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "connect-src 'self'"]) {
    assert.ok(csp.includes(part), `${part} in ${csp}`);
  }
  const page = await browser.newPage();
  const violations = [];
  page.on("console", (m) => /Content Security Policy/.test(m.text()) && violations.push(m.text()));
  await page.goto(`${server.url}/www/embed.html?src=%2Fseed.json&locale=ar-EG&top=3&chart=trend`);
  await until(() => page.$eval("gov-leaderboard", (el) => el.rows.length === 3), 10000, "board under the meta CSP");
  assert.deepEqual(violations, []);
  await page.close();
});
