// The share image (SPEC §4 "Share"): `share` gives a localized "Save image" button
// (part="share") that downloads leaderboard-<as_of>.png of the board as shown, at 1200×675 or
// the attribute's WxH; `snapshot()` resolves to the same PNG; it works under the strict CSP;
// English and Arabic images differ and are not blank; in a replay the image shows the day
// shown. The CLI's `render --card` writes the same card as SVG, which Chromium parses.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { execFileSync } from "node:child_process";
import { ROOT, SCREENSHOTS } from "./harness.mjs";
import { boardPages } from "./pages.mjs";

const BIN = process.env.GOV_LEADERBOARD_BIN || join(ROOT, "target/debug/gov-leaderboard");
const CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'";
const html = (body, { lang = "en", dir = "ltr" } = {}) => `<!doctype html><html lang="${lang}" dir="${dir}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>Share</title>
<link rel="stylesheet" href="/tests/e2e/article.css"><script type="module" src="/pkg/element.js"></script></head>
<body><main class="article"><h1>Article</h1>${body}</main></body></html>`;

const pages = boardPages({
  headers: { "content-security-policy": CSP },
  routes: {
    "/en.html": { body: html(`<gov-leaderboard id="b" src="/www/data/seed.json" top="5" pin="eg-moi" share></gov-leaderboard>`) },
    "/ar.html": { body: html(`<gov-leaderboard id="b" src="/www/data/seed.json" top="5" pin="eg-moi" locale="ar-EG" share="1080x1080"></gov-leaderboard>`, { lang: "ar", dir: "rtl" }) },
    "/dark.html": { body: html(`<gov-leaderboard id="b" src="/www/data/seed.json" top="5" pin="eg-moi" theme="dark" share></gov-leaderboard>`) },
    "/plain.html": { body: html(`<gov-leaderboard id="b" src="/www/data/seed.json" top="5"></gov-leaderboard>`) },
    "/replay.html": { body: html(`<gov-leaderboard id="b" src="/www/data/seed.json" top="5" pin="eg-moi" replay share></gov-leaderboard>`) },
  },
});

/** Width, height and a rough content measure of a PNG, decoded by the page itself. */
async function inspect(p, base64) {
  return p.evaluate(async (b64) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = c.getContext("2d");
    ctx.drawImage(bitmap, 0, 0);
    const d = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set();
    let ink = 0;
    for (let i = 0; i < d.length; i += 4 * 7) {
      colours.add(`${d[i] >> 4},${d[i + 1] >> 4},${d[i + 2] >> 4}`);
      if (d[i] + d[i + 1] + d[i + 2] < 600) ink++;
    }
    // Where the pinned page's colour (#c2410c) is: the highlighted row.
    let accent = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - 0xc2) < 12 && Math.abs(d[i + 1] - 0x41) < 12 && Math.abs(d[i + 2] - 0x0c) < 12) accent++;
    const opaque = d[3] === 255 && d[d.length - 1] === 255;
    return { width: bitmap.width, height: bitmap.height, colours: colours.size, ink, accent, opaque };
  }, base64);
}

function save(name, buffer) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, name);
  writeFileSync(path, buffer);
  return path;
}

for (const [path, lang, size, name] of [["/en.html", "en", [1200, 675], "Save image"], ["/ar.html", "ar", [1080, 1080], "حفظ الصورة"]]) {
  test(`${lang}: the share button downloads leaderboard-<as_of>.png at ${size.join("×")}, under the strict CSP`, async () => {
    const { p, context, problems } = await pages.open(path, { width: 900 });
    const button = await p.evaluateHandle(() => document.getElementById("b").shadowRoot.querySelector('[part="share"]'));
    assert.deepEqual(await button.evaluate((b) => [b.tagName, b.textContent, b.hidden]), ["BUTTON", name, false]);
    const [download] = await Promise.all([p.waitForEvent("download"), button.asElement().click()]);
    assert.equal(download.suggestedFilename(), "leaderboard-2026-11-28.png");
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], "a PNG");
    const info = await inspect(p, bytes.toString("base64"));
    assert.equal(info.width, size[0]);
    assert.equal(info.height, size[1]);
    assert.ok(info.opaque, "an opaque background");
    assert.ok(info.colours > 20 && info.ink > 500, `not blank: ${JSON.stringify(info)}`);
    assert.ok(info.accent > 1000, `the pinned page highlighted: ${JSON.stringify(info)}`);
    save(`share-${lang}.png`, bytes);
    assert.deepEqual(problems, []);
    await context.close();
  });
}

test("snapshot() resolves to the same PNG; English and Arabic differ; sizes are checked; no button without share", async () => {
  const shots = {};
  for (const [path, lang] of [["/en.html", "en"], ["/ar.html", "ar"]]) {
    const { p } = await pages.open(path);
    shots[lang] = await p.evaluate(async () => {
      const blob = await document.getElementById("b").snapshot({ width: 800, height: 450 });
      const bytes = new Uint8Array(await blob.arrayBuffer());
      return { type: blob.type, b64: btoa(String.fromCharCode(...bytes)) };
    });
    assert.equal(shots[lang].type, "image/png");
    const info = await inspect(p, shots[lang].b64);
    assert.deepEqual([info.width, info.height], [800, 450]);
    // Out-of-range sizes are refused with a message.
    const refused = await p.evaluate(() => document.getElementById("b").snapshot({ width: 100, height: 450 }).then(() => "ok", (e) => String(e.message ?? e)));
    assert.match(refused, /200 to 4096/);
  }
  assert.notEqual(shots.en.b64, shots.ar.b64);
  const { p } = await pages.open("/plain.html");
  assert.equal(await p.evaluate(() => document.getElementById("b").shadowRoot.querySelector('[part="share"]').hidden), true);
  // snapshot() works without the button too.
  const size = await p.evaluate(async () => (await document.getElementById("b").snapshot()).size);
  assert.ok(size > 10_000, `a 1200×675 PNG: ${size} bytes`);
});

test("in a replay, the image shows the day shown", async () => {
  const { p } = await pages.open("/replay.html");
  const at = async () => p.evaluate(async () => {
    const blob = await document.getElementById("b").snapshot();
    const bytes = new Uint8Array(await blob.arrayBuffer());
    let b64 = "";
    for (let i = 0; i < bytes.length; i += 0x8000) b64 += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(b64);
  });
  const latest = await at();
  // Scrub to the first day: the board (and so the image) shows another ranking and date.
  await p.evaluate(() => {
    const s = document.getElementById("b").shadowRoot.querySelector('[part="scrubber"]');
    s.value = "0";
    s.dispatchEvent(new Event("input", { bubbles: true }));
  });
  await p.waitForFunction(() => document.getElementById("b").shadowRoot.querySelector('[part="day"]').textContent !== "November 28, 2026");
  const first = await at();
  assert.notEqual(first, latest);
  save("share-replay-first-day.png", Buffer.from(first, "base64"));
  const [download] = await Promise.all([
    p.waitForEvent("download"),
    p.evaluate(() => document.getElementById("b").shadowRoot.querySelector('[part="share"]').click()),
  ]);
  assert.match(download.suggestedFilename(), /^leaderboard-2026-\d\d-\d\d\.png$/);
  assert.notEqual(download.suggestedFilename(), "leaderboard-2026-11-28.png");
});

test("render --card writes the card as an SVG that Chromium draws, in the board's direction", async () => {
  const seed = join(ROOT, "www/data/seed.json");
  for (const [args, size, dir] of [[["--card"], [1200, 675], "ltr"], [["--card=1080x1080", "--locale", "ar-EG"], [1080, 1080], "rtl"]]) {
    const svg = execFileSync(BIN, ["render", seed, "--top", "5", "--pin", "eg-moi", ...args], { encoding: "utf8" });
    const context = await pages.context({ viewport: { width: size[0], height: size[1] } });
    const p = await context.newPage();
    await p.setContent(`<!doctype html><body style="margin:0">${svg}</body>`);
    const info = await p.evaluate(() => {
      const s = document.querySelector("svg");
      const box = s.getBoundingClientRect();
      const texts = [...s.querySelectorAll("text")];
      const outside = texts.filter((t) => { const r = t.getBoundingClientRect(); return r.left < box.left - 1 || r.right > box.right + 1; }).map((t) => t.textContent);
      return { w: box.width, h: box.height, dir: s.getAttribute("direction"), texts: texts.map((t) => t.textContent), outside };
    });
    assert.deepEqual([info.w, info.h, info.dir], [...size, dir]);
    assert.deepEqual(info.outside, [], "every label inside the card");
    assert.ok(info.texts.some((t) => t.includes(dir === "rtl" ? "وزارة الداخلية المصرية" : "Ministry of Interior (Egypt)")));
    assert.ok(info.texts.some((t) => t.includes(dir === "rtl" ? "٢٨ نوفمبر ٢٠٢٦" : "November 28, 2026")), "the as-of date");
    await p.screenshot({ path: join(SCREENSHOTS, `card-svg-${dir}.png`) });
    await context.close();
  }
  // A bad size is a usage error.
  assert.throws(() => execFileSync(BIN, ["render", seed, "--card=100x100"], { stdio: "pipe" }), (e) => e.status === 2);
});

test("the image follows the board's theme: dark board, dark opaque image", async () => {
  const { p } = await pages.open("/dark.html");
  const corner = await p.evaluate(async () => {
    const blob = await document.getElementById("b").snapshot();
    const bitmap = await createImageBitmap(blob);
    const c = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = c.getContext("2d");
    ctx.drawImage(bitmap, 0, 0);
    const bytes = new Uint8Array(await (await c.convertToBlob()).arrayBuffer());
    let b64 = "";
    for (let i = 0; i < bytes.length; i += 0x8000) b64 += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return { pixel: [...ctx.getImageData(2, 2, 1, 1).data], b64: btoa(b64) };
  });
  assert.deepEqual(corner.pixel, [0x16, 0x19, 0x1d, 255]);
  save("share-dark.png", Buffer.from(corner.b64, "base64"));
});
