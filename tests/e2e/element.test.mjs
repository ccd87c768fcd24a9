// The live element in Chromium: rows, canvas pixels, RTL, live updates, faults, attributes,
// two boards, strict CSP, no horizontal scroll, screenshots. Needs `make pkg` first.
import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, screenshot, feedRoute, until } from "./harness.mjs";
import { boardPages } from "./pages.mjs";

const SEED = JSON.parse(readFileSync(join(ROOT, "www/data/seed.json"), "utf8"));
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; base-uri 'none'";

/** The seed feed with one page's latest point changed. */
function withLatest(id, interactions) {
  const feed = structuredClone(SEED);
  const page = feed.pages.find((p) => p.id === id);
  page.series[page.series.length - 1].interactions = interactions;
  return JSON.stringify(feed);
}

function page(boards, { lang = "en", dir = "ltr" } = {}) {
  return `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>t</title>
<link rel="stylesheet" href="/tests/e2e/article.css">
<script type="module" src="/pkg/element.js"></script>
<script type="module" src="/tests/e2e/page-probe.js"></script></head>
<body><main class="article">${boards}</main></body></html>`;
}

const feed = feedRoute(JSON.stringify(SEED));
const routes = {
  "/feed.json": feed.route,
  "/ar.html": { body: page(`<gov-leaderboard id="b" src="/feed.json" locale="ar-EG" pin="eg-moi" top="5" refresh="0.3"></gov-leaderboard>`, { lang: "ar", dir: "rtl" }) },
  "/en.html": { body: page(`<gov-leaderboard id="b" src="/feed.json" locale="en" pin="eg-moi" top="5" refresh="0.3"></gov-leaderboard>`) },
  "/bare.html": { body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title></head><body></body></html>` },
  "/data.html": { body: page(`<gov-leaderboard id="b" locale="en" top="5"></gov-leaderboard>`) },
  "/two.html": { body: page(`<gov-leaderboard id="a" src="/feed.json" locale="en" top="3"></gov-leaderboard>
    <gov-leaderboard id="b" src="/feed.json" locale="ar" metric="per_post" top="4" chart="trend"></gov-leaderboard>`) },
};

const pages = boardPages({ routes, headers: { "content-security-policy": CSP } });
const { open } = pages;
afterEach(() => {
  feed.fault = null;
});

const ids = (p, sel = "#b") => p.$eval(sel, (el) => [...el.shadowRoot.querySelectorAll("tbody tr")].map((tr) => tr.dataset.id));

test("renders the ranked rows, in Arabic right to left, with the canvas drawn", async () => {
  feed.body = JSON.stringify(SEED);
  const { p, context, problems } = await open("/ar.html");
  assert.deepEqual(await ids(p), ["us-wh", "eg-moi", "kh-pm", "ph-pco", "br-planalto"]);
  const info = await p.$eval("#b", (el) => {
    const r = el.shadowRoot;
    const row = r.querySelector('tr[data-id="eg-moi"]');
    const canvas = r.querySelector("canvas");
    const ctx = canvas.getContext("2d");
    const dpr = devicePixelRatio;
    const y = Math.round((40 + 20 + 7) * dpr); // second bar (the pinned page)
    const px = (x) => [...ctx.getImageData(x, y, 1, 1).data];
    return {
      dir: r.querySelector(".gl-board").getAttribute("dir"),
      value: row.querySelector(".gl-value").textContent,
      rankRight: row.querySelector(".gl-rank").getBoundingClientRect().left > row.querySelector(".gl-value").getBoundingClientRect().left,
      size: [canvas.width, canvas.height, canvas.getBoundingClientRect().width],
      rightEdge: px(canvas.width - Math.round(10 * dpr)),
      leftEdge: px(Math.round(2 * dpr)),
      rows: el.rows,
    };
  });
  assert.equal(info.dir, "rtl");
  assert.equal(info.value, "٢٤٬٣٧٤٬٠٠٠");
  assert.ok(info.rankRight, "rank column on the right");
  assert.equal(info.size[0], Math.round(info.size[2]), "backing store = CSS width × dpr (dpr 1)");
  assert.deepEqual(info.rightEdge.slice(0, 3), [0xc2, 0x41, 0x0c], "pinned bar drawn from the right edge in the accent colour");
  assert.equal(info.leftEdge[3], 0, "shorter bar leaves the left edge empty");
  assert.deepEqual(info.rows[1], { rank: 2, id: "eg-moi", name: "وزارة الداخلية المصرية", value: 24374000, previous_rank: 4, delta: 2 });
  assert.deepEqual(problems, []);
  await context.close();
});

test("a feed change moves ranks live, fires leaderboard-update and announces it", async () => {
  feed.body = JSON.stringify(SEED);
  const { p, context } = await open("/en.html");
  await p.evaluate(() => {
    window.updates = [];
    document.getElementById("b").addEventListener("leaderboard-update", (e) => window.updates.push(e.detail.map((r) => r.id)));
  });
  // Cambodia's PM jumps past Egypt's ministry.
  feed.body = withLatest("kh-pm", 15_500_000);
  await until(async () => (await ids(p))[1] === "kh-pm", 8000, "kh-pm to reach rank 2");
  assert.deepEqual(await ids(p), ["us-wh", "kh-pm", "eg-moi", "ph-pco", "br-planalto"]);
  // The moved rows glide to their places (Web Animations, no style attributes).
  await p.waitForFunction(() => [...document.getElementById("b").shadowRoot.querySelectorAll("tbody tr")]
    .some((tr) => tr.getAnimations().length > 0 && !tr.hasAttribute("style")), null, { timeout: 2000 });
  const updates = await p.evaluate(() => window.updates);
  assert.deepEqual(updates.at(-1), ["us-wh", "kh-pm", "eg-moi", "ph-pco", "br-planalto"]);
  const said = await p.$eval("#b", (el) => el.shadowRoot.querySelector("[aria-live]").textContent);
  assert.equal(said, "Ministry of Interior (Egypt): down 1 since the last update, now rank 3");
  // Unchanged polls are answered 304 (conditional requests through the HTTP cache).
  const before = feed.notModified;
  await until(() => feed.notModified > before, 5000, "a 304");
  await context.close();
});

test("a 500 or an invalid feed keeps the board with a stale note, then it recovers", async () => {
  feed.body = JSON.stringify(SEED);
  const { p, context } = await open("/en.html");
  await p.evaluate(() => {
    window.errors = [];
    document.getElementById("b").addEventListener("leaderboard-error", (e) => window.errors.push(e.detail));
  });
  const stale = () => p.$eval("#b", (el) => { const n = el.shadowRoot.querySelector(".gl-stale"); return n.textContent || null; });
  for (const fault of ["500", "invalid"]) {
    feed.fault = fault;
    const note = await until(stale, 8000, `stale note after ${fault}`);
    assert.match(note, /^These figures are stale: last updated .+; the latest update could not be loaded\.$/);
    assert.deepEqual(await ids(p), ["us-wh", "eg-moi", "kh-pm", "ph-pco", "br-planalto"], "last good rows kept");
    feed.fault = null;
    feed.body = withLatest("in-mygov", 1 + Math.floor(Math.random() * 1000)); // new bytes
    await until(async () => (await stale()) === null, 10000, "recovery");
    // Cleared, the note takes no room (its `:empty` rule: no text node left behind).
    const cleared = await p.$eval("#b", (el) => { const n = el.shadowRoot.querySelector(".gl-stale"); return { empty: n.matches(":empty"), height: n.getBoundingClientRect().height }; });
    assert.deepEqual(cleared, { empty: true, height: 0 }, "the cleared stale note collapses");
  }
  const errors = await p.evaluate(() => window.errors);
  assert.ok(errors.some((e) => /HTTP 500/.test(e)), JSON.stringify(errors));
  assert.ok(errors.some((e) => /pages\[0\]\.name: required/.test(e)), JSON.stringify(errors));
  await context.close();
});

test("attribute changes re-render without fetching again", async () => {
  feed.body = JSON.stringify(SEED);
  const { p, context } = await open("/two.html");
  await p.waitForFunction(() => document.getElementById("b").rows.length > 0);
  const requests = pages.server.log.filter((r) => r.path === "/feed.json").length;
  await p.$eval("#a", (el) => { el.setAttribute("top", "2"); el.setAttribute("locale", "de"); });
  assert.deepEqual(await ids(p, "#a"), ["us-wh", "eg-moi"]);
  const header = await p.$eval("#a", (el) => el.shadowRoot.querySelector("thead .gl-rank").textContent);
  assert.equal(header, "Rang");
  assert.equal(pages.server.log.filter((r) => r.path === "/feed.json").length, requests, "no refetch");
  // The other board is untouched: its own metric, locale and chart.
  const b = await p.$eval("#b", (el) => ({
    rows: el.shadowRoot.querySelectorAll("tbody tr").length,
    dir: el.shadowRoot.querySelector(".gl-board").dir,
    metric: el.shadowRoot.querySelector("thead .gl-value").textContent,
  }));
  assert.deepEqual(b, { rows: 4, dir: "rtl", metric: "التفاعلات لكل منشور" });
  await context.close();
});

test("a removed board stops polling", async () => {
  feed.body = JSON.stringify(SEED);
  const { p, context } = await open("/en.html");
  await p.$eval("#b", (el) => el.remove());
  await new Promise((r) => setTimeout(r, 400));
  const count = pages.server.log.filter((r) => r.path === "/feed.json").length;
  await new Promise((r) => setTimeout(r, 1200));
  assert.equal(pages.server.log.filter((r) => r.path === "/feed.json").length, count);
  await context.close();
});

test("strict CSP: no violations; no horizontal scroll; screenshots", async () => {
  feed.body = JSON.stringify(SEED);
  for (const [path, name] of [["/ar.html", "ar-EG"], ["/en.html", "en"]]) {
    for (const width of [320, 360, 1000, 1200]) {
      for (const dark of [false, true]) {
        const { p, context, problems } = await open(path, { width, dark, reducedMotion: "reduce" });
        const v = await p.evaluate(() => ({ csp: window.cspViolations, scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
        assert.deepEqual(v.csp, [], `${name} ${width}: CSP violations`);
        assert.ok(v.scroll <= v.client, `${name} ${width}px: horizontal scroll ${v.scroll} > ${v.client}`);
        assert.deepEqual(problems, []);
        if (width === 360 || width === 1000) await screenshot(p, `element-${name}-${width}-${dark ? "dark" : "light"}`);
        await context.close();
      }
    }
  }
});

test("a board moved in the page keeps working; removed and added back, it starts again", async () => {
  feed.body = JSON.stringify(SEED);
  const { p } = await open("/en.html");
  await p.evaluate(() => {
    const b = document.getElementById("b");
    const box = document.createElement("section");
    document.body.append(box);
    box.append(b); // a move: disconnected and connected in one task
  });
  await p.waitForTimeout(300);
  assert.equal(await p.$eval("#b", (el) => el.shadowRoot.querySelectorAll(".gl-board").length), 1);
  assert.deepEqual(await ids(p), ["us-wh", "eg-moi", "kh-pm", "ph-pco", "br-planalto"]);
  await p.evaluate(() => { window.kept = document.getElementById("b"); window.kept.remove(); });
  await p.waitForTimeout(200);
  await p.evaluate(() => document.body.append(window.kept));
  await p.waitForFunction(() => window.kept.rows.length === 5);
  assert.equal(await p.$eval("#b", (el) => el.shadowRoot.querySelectorAll(".gl-board").length), 1, "one board, not two");
  assert.deepEqual(await ids(p), ["us-wh", "eg-moi", "kh-pm", "ph-pco", "br-planalto"]);
});

test("polling pauses while the page is hidden and resumes when it is shown", async () => {
  feed.body = JSON.stringify(SEED);
  const { p } = await open("/en.html");
  const polls = () => pages.server.log.filter((r) => r.path === "/feed.json").length;
  await p.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await p.waitForTimeout(700); // a poll already scheduled may still run once
  const hidden = polls();
  await p.waitForTimeout(1500);
  assert.equal(polls(), hidden, "no requests while hidden");
  await p.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await until(() => polls() > hidden, 2000, "a poll on becoming visible");
});

test("a page hidden from the start loads its board once and does not poll until shown", async () => {
  feed.body = JSON.stringify(SEED);
  const context = await pages.context();
  const p = await context.newPage();
  // A background tab: hidden before any script runs, no visibilitychange ever fires.
  await p.addInitScript(() => Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" }));
  const polls = () => pages.server.log.filter((r) => r.path === "/feed.json").length;
  const before = polls();
  await p.goto(pages.server.url + "/en.html");
  await p.waitForFunction(() => document.querySelector("gov-leaderboard")?.rows?.length > 0);
  await p.waitForTimeout(1500); // en.html polls every 0.3 s when visible
  assert.equal(polls() - before, 1, "the first board only");
  await p.evaluate(() => {
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "visible" });
    document.dispatchEvent(new Event("visibilitychange"));
  });
  await until(() => polls() - before > 1, 2000, "a poll on becoming visible");
});

test("'Get the data' downloads the shown rows as UTF-8 CSV with a byte-order mark", async () => {
  feed.body = JSON.stringify(SEED);
  const { p } = await open("/ar.html");
  const link = await p.$eval("#b", (el) => {
    const a = el.shadowRoot.querySelector("a.gl-download");
    return { text: a.textContent, download: a.getAttribute("download"), href: a.getAttribute("href") };
  });
  // (With whose data it is, in hidden text: the feed's title, in Arabic from its `titles`.)
  assert.equal(link.text, "تنزيل البيانات (CSV): الصفحات الحكومية الأكثر تفاعلاً (بيانات توضيحية)");
  assert.equal(link.download, "leaderboard.csv");
  const csv = Buffer.from(decodeURIComponent(link.href.slice(link.href.indexOf(",") + 1)));
  assert.deepEqual([...csv.subarray(0, 3)], [0xef, 0xbb, 0xbf], "UTF-8 BOM");
  const lines = csv.subarray(3).toString("utf8").trim().split("\r\n");
  assert.equal(lines[0], "rank,id,name,value,previous_rank,delta");
  assert.equal(lines[2], "2,eg-moi,وزارة الداخلية المصرية,24374000,4,2");
  assert.equal(lines.length, 6);
  const [download] = await Promise.all([
    p.waitForEvent("download"),
    p.$eval("#b", (el) => el.shadowRoot.querySelector("a.gl-download").click()),
  ]);
  assert.equal(download.suggestedFilename(), "leaderboard.csv");
});

test("text contrast meets WCAG AA (4.5:1) in light and dark themes", async () => {
  feed.body = JSON.stringify(SEED);
  for (const dark of [false, true]) {
    const { p } = await open("/en.html", { dark });
    const worst = await p.$eval("#b", (el) => {
      const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
      const lum = ([r, g, b]) => [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; })
        .reduce((a, v, i) => a + v * [0.2126, 0.7152, 0.0722][i], 0);
      const bgOf = (node) => {
        for (let n = node; n; n = n.parentElement || n.getRootNode().host) {
          const c = getComputedStyle(n).backgroundColor;
          if (c && !/rgba\(.*,\s*0\)|transparent/.test(c)) return rgb(c);
        }
        return rgb(getComputedStyle(document.documentElement).backgroundColor) ;
      };
      let min = { ratio: 99 };
      const r = el.shadowRoot;
      for (const n of r.querySelectorAll(".gl-title, .gl-sub, th, td span[aria-hidden], .gl-rank, .gl-name, .gl-value, .gl-foot span, a.gl-download")) {
        if (!n.textContent.trim() || n.closest("[hidden]") || n.closest(".gl-sr")) continue;
        const fg = lum(rgb(getComputedStyle(n).color));
        const bg = lum(bgOf(n));
        const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
        if (ratio < min.ratio) min = { ratio, text: n.textContent.slice(0, 30), color: getComputedStyle(n).color };
      }
      return min;
    });
    assert.ok(worst.ratio >= 4.5, `${dark ? "dark" : "light"}: ${JSON.stringify(worst)}`);
  }
});

test("figures end exact when updates interrupt a count-up", async () => {
  const context = await pages.context({ viewport: { width: 1000, height: 900 } });
  const p = await context.newPage();
  await p.goto(pages.server.url + "/data.html");
  const values = await p.evaluate(async (seed) => {
    const el = document.getElementById("b");
    const feed = (n, m = 0) => {
      const f = structuredClone(seed);
      f.pages.find((x) => x.id === "us-wh").series.at(-1).interactions += n;
      f.pages.find((x) => x.id === "kh-pm").series.at(-1).interactions += m;
      return f;
    };
    el.data = feed(0);
    await new Promise((r) => setTimeout(r, 300));
    el.data = feed(5_000_000); // the White House starts counting up
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    el.data = feed(5_000_000, 1000); // mid-count, another row changes: a new count-up
    el.data = feed(5_000_000, 1000);
    await new Promise((r) => setTimeout(r, 1000));
    return [...el.shadowRoot.querySelectorAll("tbody .gl-value")].map((td) => [td.textContent, Number(td.dataset.value)]);
  }, SEED);
  for (const [text, value] of values) assert.equal(text, new Intl.NumberFormat("en").format(value));
  assert.equal(values[0][1], 31_000_000);
});

// Rows glide and figures count up where someone can see them; a table out of view takes its
// new order and figures at once (its animations would be style work on every frame).
test("a live update animates the table in view, and sets a table out of view at once", async () => {
  for (const [height, inView] of [[900, true], [200, false]]) {
    const context = await pages.context({ viewport: { width: 1000, height } });
    const p = await context.newPage();
    await p.goto(pages.server.url + "/data.html");
    const seen = await p.evaluate(async ([seed, inView]) => {
      const el = document.getElementById("b");
      if (!inView) el.style.marginTop = "3000px"; // far below the fold
      const feed = (n) => {
        const f = structuredClone(seed);
        f.pages.find((x) => x.id === "kh-pm").series.at(-1).interactions += n;
        return f;
      };
      el.data = feed(0);
      await new Promise((r) => setTimeout(r, 300));
      el.data = feed(20_000_000); // Cambodia's PM to first place
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const rows = [...el.shadowRoot.querySelectorAll("tbody tr")];
      const first = rows[0];
      return {
        first: first.dataset.id,
        animations: rows.reduce((n, tr) => n + tr.getAnimations().length, 0),
        exact: first.querySelector(".gl-value").textContent === new Intl.NumberFormat("en").format(Number(first.querySelector(".gl-value").dataset.value)),
      };
    }, [SEED, inView]);
    assert.equal(seen.first, "kh-pm");
    if (inView) {
      assert.ok(seen.animations > 0, "the rows in view glide");
      assert.equal(seen.exact, false, "the figure in view counts up");
    } else {
      assert.equal(seen.animations, 0, "no glide out of view");
      assert.equal(seen.exact, true, "the figure out of view is final at once");
    }
    await context.close();
  }
});

// The reader's motion setting is followed while the article is open (its media query's change
// events), not only read when the board connected.
test("turning on reduced motion while the board is shown stops its glides and count-ups; turning it off brings them back", async () => {
  const context = await pages.context({ viewport: { width: 1000, height: 900 } });
  const p = await context.newPage();
  await p.goto(pages.server.url + "/data.html");
  await p.waitForFunction(() => customElements.get("gov-leaderboard") && document.getElementById("b").shadowRoot);
  const climb = (n) => p.evaluate(async ([seed, n]) => {
    const el = document.getElementById("b");
    const f = structuredClone(seed);
    f.pages.find((x) => x.id === "kh-pm").series.at(-1).interactions += n;
    el.data = f;
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const rows = [...el.shadowRoot.querySelectorAll("tbody tr")];
    const value = rows[0].querySelector(".gl-value");
    return {
      first: rows[0].dataset.id,
      animations: rows.reduce((k, tr) => k + tr.getAnimations().length, 0),
      exact: value.textContent === new Intl.NumberFormat("en").format(Number(value.dataset.value)),
    };
  }, [SEED, n]);
  await climb(0);
  await p.waitForTimeout(300);
  const first = await climb(20_000_000);
  assert.equal(first.first, "kh-pm");
  assert.ok(first.animations > 0 && !first.exact, "motion at first");
  await p.waitForTimeout(1000);
  // The query's `change` event comes with the next rendering step.
  const settled = () => p.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  await p.emulateMedia({ reducedMotion: "reduce" });
  await settled();
  assert.deepEqual(await climb(0), { first: "us-wh", animations: 0, exact: true }, "no motion once reduced");
  await p.emulateMedia({ reducedMotion: "no-preference" });
  await settled();
  const back = await climb(20_000_000);
  assert.equal(back.first, "kh-pm");
  assert.ok(back.animations > 0 && !back.exact, "motion again");
  await context.close();
});

test("data set before the element is defined is taken over when it upgrades", async () => {
  const context = await pages.context();
  const p = await context.newPage();
  await p.goto(pages.server.url + "/bare.html");
  const rows = await p.evaluate(async (seed) => {
    const el = document.createElement("gov-leaderboard");
    el.data = seed; // an own property: the class does not exist yet
    el.setAttribute("top", "3");
    const rendered = new Promise((r) => el.addEventListener("leaderboard-update", r, { once: true }));
    document.body.append(el);
    await import("/pkg/element.js");
    await rendered;
    return el.rows.map((r) => r.id);
  }, SEED);
  assert.deepEqual(rows, ["us-wh", "eg-moi", "kh-pm"]);
});

// element.js encodes feed text of up to a million characters with encodeInto (three bytes of
// room a character) and longer text with encode: both give the engine the same bytes.
test("feed text as a string reaches the board whole, short or over a million characters, names in Arabic", async () => {
  const context = await pages.context();
  const p = await context.newPage();
  await p.goto(pages.server.url + "/data.html");
  const got = await p.evaluate(async (seed) => {
    await customElements.whenDefined("gov-leaderboard");
    const el = document.getElementById("b");
    const show = (text) => new Promise((r) => {
      const done = (e) => {
        el.removeEventListener("leaderboard-update", done);
        el.removeEventListener("leaderboard-error", done);
        r(e.type === "leaderboard-error" ? [`error: ${e.detail}`] : el.rows.map((row) => `${row.id} ${row.name}`));
      };
      el.addEventListener("leaderboard-update", done);
      el.addEventListener("leaderboard-error", done);
      el.data = text;
    });
    const feed = structuredClone(seed);
    feed.pages.find((x) => x.id === "eg-moi").name = "وزارة الداخلية المصرية";
    const short = await show(JSON.stringify(feed));
    feed.pages.find((x) => x.id === "eg-moi").name = "وزارة الداخلية";
    const text = JSON.stringify({ ...feed, padding: "ب".repeat(1_100_000) });
    return { short, long: await show(text), length: text.length };
  }, SEED);
  assert.ok(got.length > 1e6);
  assert.ok(got.short.includes("eg-moi وزارة الداخلية المصرية"), got.short.join(" | "));
  assert.ok(got.long.includes("eg-moi وزارة الداخلية"), got.long.join(" | "));
  await context.close();
});

test("a dark board brings its own background, so it stays readable on a light page", async () => {
  const context = await pages.context({ colorScheme: "dark" });
  const p = await context.newPage();
  await p.goto(pages.server.url + "/data.html");
  const bg = await p.evaluate(async (seed) => {
    const el = document.getElementById("b");
    document.body.style.background = "#ffffff"; // a light-only article
    const rendered = new Promise((r) => el.addEventListener("leaderboard-update", r, { once: true }));
    el.data = seed; // may render at once: the listener is already there
    await rendered;
    return getComputedStyle(el.shadowRoot.querySelector(".gl-board")).backgroundColor;
  }, SEED);
  assert.equal(bg, "rgb(22, 25, 29)");
});
