// The npm package: Node's rank/renderStatic equal the CLI byte for byte, errors and options
// behave as the CLI's. (The packed tarball in Vite, Astro, Next.js, webpack, Vitest, Node and
// TypeScript: frameworks.test.mjs.)
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { readFileSync, readdirSync, existsSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "./harness.mjs";
import { largeFeed, toCsv } from "../../www/dev/sample-feeds.mjs";
import init, { rank, renderStatic, rankTimeline } from "../../pkg/index.node.js";

const BIN = process.env.GOV_LEADERBOARD_BIN || join(ROOT, "target/debug/gov-leaderboard");
const cli = (args, input) => execFileSync(BIN, args, { encoding: "utf8", input, stdio: "pipe" });

before(async () => { await init(); });

test("before init() has finished, rank and renderStatic say so; a failed init() can be retried", () => {
  // In a process of its own: this file's module state is initialized already.
  const script = `
    import init, { rank, renderStatic, rankTimeline } from ${JSON.stringify(join(ROOT, "pkg/index.node.js"))};
    const out = [];
    try { rank("{}"); } catch (e) { out.push(e.message); }
    try { rankTimeline("{}"); } catch (e) { out.push(e.message); }
    const pending = init(new Uint8Array([0, 1, 2, 3]));
    try { renderStatic("{}"); } catch (e) { out.push(e.message); }
    try { await pending; out.push("loaded a broken module?"); } catch (e) { out.push(e.constructor.name); }
    await init();
    out.push(rank('{"version":1,"pages":[{"id":"a","name":"A","series":[{"date":"2026-11-28","interactions":1}]}]}').rows[0].id);
    console.log(JSON.stringify(out));`;
  const out = JSON.parse(execFileSync("node", ["--input-type=module", "-e", script], { encoding: "utf8" }));
  assert.deepEqual(out, [
    "gov-leaderboard: call `await init()` (and let it finish) before rank()",
    "gov-leaderboard: call `await init()` (and let it finish) before rankTimeline()",
    "gov-leaderboard: call `await init()` (and let it finish) before renderStatic()",
    "CompileError",
    "a",
  ]);
});

test("the element module can be imported where there is no DOM (SSR) and registers nothing", async () => {
  const el = await import("../../pkg/element.js");
  assert.equal(typeof el.GovLeaderboard, "function");
  assert.equal(typeof globalThis.customElements, "undefined");
});

test("init() with no argument works in Node, once", async () => {
  assert.equal(await init(), await init());
});

// The node entry decodes its base64 .wasm with `Uint8Array.fromBase64` or `Buffer` where the
// runtime has one, else with atob and a loop (edge runtimes that take the `node` condition).
test("the node entry loads without Buffer and Uint8Array.fromBase64 too, to the same module", () => {
  const script = `
    const { default: init, rank } = await import(${JSON.stringify(join(ROOT, "pkg/index.node.js"))});
    void globalThis.Response; // loads Node's fetch (it needs Buffer), which the glue looks at
    const buffer = globalThis.Buffer; // console.log needs it back afterwards
    globalThis.Buffer = undefined;
    Uint8Array.fromBase64 = undefined;
    const exports = await init();
    globalThis.Buffer = buffer;
    const feed = '{"version":1,"pages":[{"id":"a","name":"A","series":[{"date":"2026-11-28","interactions":1}]}]}';
    console.log(JSON.stringify({ memory: exports.memory instanceof WebAssembly.Memory, id: rank(feed).rows[0].id }));`;
  const out = JSON.parse(execFileSync("node", ["--input-type=module", "-e", script], { encoding: "utf8" }));
  assert.deepEqual(out, { memory: true, id: "a" });
});

test("renderStatic equals `gov-leaderboard render` for every golden case", () => {
  const fixtures = join(ROOT, "tests/fixtures");
  let n = 0;
  for (const name of readdirSync(fixtures)) {
    const dir = join(fixtures, name);
    if (!existsSync(join(dir, "args"))) continue;
    const [command, ...args] = readFileSync(join(dir, "args"), "utf8").trim().split(/\s+/);
    const feedFile = existsSync(join(dir, "feed.json")) ? join(dir, "feed.json") : join(dir, "feed.csv");
    const options = {};
    for (let i = 0; i < args.length; i += 2) options[args[i].slice(2)] = args[i] === "--top" ? Number(args[i + 1]) : args[i + 1];
    const feed = readFileSync(feedFile);
    const expected = cli([command, feedFile, ...args]);
    const got = command === "rank" ? JSON.stringify(rank(feed, options)) + "\n" : renderStatic(new Uint8Array(feed), options);
    assert.equal(got, expected, name);
    n++;
  }
  assert.ok(n >= 8);
});

test("rank equals `gov-leaderboard rank` on generated feeds, JSON and CSV, every metric", () => {
  const feed = largeFeed(150, 60, "2026-11-28", 11);
  const json = JSON.stringify(feed);
  const csv = toCsv(feed);
  for (const metric of ["interactions", "per_post", "engagement_rate", "growth"]) {
    for (const [window, ties, top] of [["30d", "competition", "10"], ["7d", "dense", "25"], ["all", "competition", "5"]]) {
      const args = ["--metric", metric, "--window", window, "--ties", ties, "--top", top, "--pin", "p00042"];
      const options = { metric, window, ties, top: Number(top), pin: "p00042" };
      assert.equal(JSON.stringify(rank(json, options)) + "\n", cli(["rank", "-", ...args], json), `json ${metric} ${window}`);
      assert.equal(JSON.stringify(rank(csv, options)) + "\n", cli(["rank", "-", ...args], csv), `csv ${metric} ${window}`);
      assert.deepEqual(rank(feed, options), rank(json, options), "object input = text input");
    }
  }
});

test("text out of the engine is exact on both sides of the glue's short-ASCII path (short-strings.mjs)", () => {
  // Names of every length around the 24-byte cut, ASCII and with a non-ASCII character first,
  // in the middle and last (one byte, two, three and four in UTF-8), each ranked and read back.
  const names = [];
  for (let n = 1; n <= 30; n++) {
    const ascii = "abcdefghijklmnopqrstuvwxyz0123456789".slice(0, n);
    names.push(ascii);
    for (const c of ["\u00e9", "\u0645", "\u2068", "\u{1F1EA}"]) {
      names.push(c + ascii, ascii.slice(0, n >> 1) + c + ascii.slice(n >> 1), ascii + c);
    }
  }
  for (let at = 0; at < names.length; at += 100) {
    const pages = names.slice(at, at + 100).map((name, i) => ({ id: `p${i}`, name, series: [{ date: "2026-11-28", interactions: i + 1 }] }));
    const { rows } = rank({ version: 1, pages }, { top: pages.length });
    assert.equal(rows.length, pages.length);
    for (const row of rows) assert.equal(row.name, pages[Number(row.id.slice(1))].name, `name of ${row.id}`);
  }
});

test("a bad feed throws an Error with the CLI's message; bad options throw too", () => {
  const bad = '{"version":1,"pages":[{"id":"a","name":"A","series":[{"date":"2026-11-27","interactions":-5}]}]}';
  let stderr = "";
  try { cli(["rank", "-"], bad); } catch (e) { stderr = e.stderr; }
  assert.throws(() => rank(bad), (e) => e instanceof Error && stderr.startsWith(e.message + "\n"));
  assert.throws(() => rank(bad), { message: "pages[0].series[0].interactions: expected a non-negative integer, got -5" });
  assert.throws(() => rank("{}", { metric: "likes" }), /invalid value "likes" for metric/);
  assert.throws(() => renderStatic('{"version":1,"pages":[]}', { locale: "not a tag" }), /invalid locale/);
  // Unknown names and wrong types are errors that name the option (the CLI exits 2 on both).
  assert.throws(() => rank("{}", { metrc: "growth" }), (e) => e instanceof Error && /unknown option "metrc"/.test(e.message));
  assert.throws(() => rank("{}", { top: "ten" }), (e) => e instanceof Error && /^options\.top: invalid type: string "ten"/.test(e.message));
  assert.throws(() => renderStatic("{}", "metric=growth"), /options: expected an object/);
  assert.throws(() => rank("{}", { top: 0 }), /invalid value "0" for top/);
  const r = rank('{"version":1,"pages":[{"id":"a","name":"A"}]}');
  assert.deepEqual(r, { as_of: null, metric: "interactions", window: "30d", ties: "competition", rows: [], unranked: ["a"] });
});

test("options are read from the object's own properties only", () => {
  const feed = readFileSync(join(ROOT, "www/data/seed.json"), "utf8");
  const inherited = Object.create({ top: 1, locale: "ar", metric: "growth" });
  assert.deepEqual(rank(feed, inherited), rank(feed, {}), "inherited options ignored");
  assert.equal(renderStatic(feed, inherited), renderStatic(feed, {}));
  Object.prototype.top = 2; // a polluted prototype changes nothing either
  try {
    assert.equal(rank(feed, {}).rows.length, rank(feed, { top: 10 }).rows.length);
  } finally {
    delete Object.prototype.top;
  }
  const own = Object.assign(Object.create(null), { top: 1 });
  assert.equal(rank(feed, own).rows.length, 1, "a null-prototype object works");
});

test("the shipped JS has source maps that point into the sources, also after the restored bundler comments", async () => {
  const { SourceMap } = await import("node:module");
  const pkg = JSON.parse(readFileSync(join(ROOT, "pkg/package.json"), "utf8"));
  for (const file of ["element.js", "index.js", "index.node.js", "api.js", "gov_leaderboard.js", "gov_leaderboard_element.js"]) {
    const code = readFileSync(join(ROOT, "pkg", file), "utf8");
    assert.ok(code.trimEnd().endsWith(`//# sourceMappingURL=${file}.map`), file);
    assert.ok(pkg.files.includes(`${file}.map`), `${file}.map is published`);
  }
  const code = readFileSync(join(ROOT, "pkg/element.js"), "utf8");
  const raw = JSON.parse(readFileSync(join(ROOT, "pkg/element.js.map"), "utf8"));
  const map = new SourceMap(raw);
  const source = raw.sourcesContent[0].split("\n");
  // Before and after the inserted `/* webpackIgnore: true */ /* @vite-ignore */`.
  assert.match(code, /import\(\/\* webpackIgnore: true \*\/ \/\* @vite-ignore \*\/ `/);
  for (const needle of ["adoptedStyleSheets=", "customElements.define(", "attachShadow("]) {
    const at = code.indexOf(needle);
    const entry = map.findEntry(0, at);
    assert.ok(source[entry.originalLine].slice(entry.originalColumn).startsWith(needle.replace("=", " =")), `${needle} → line ${entry.originalLine + 1}: ${source[entry.originalLine]}`);
  }
});

test("rankTimeline: every day F..D, each frame equal to rank with asOf and to the CLI's --as-of", () => {
  const feed = largeFeed(120, 45, "2026-11-28", 3);
  const json = JSON.stringify(feed);
  for (const options of [{ top: 5, pin: "p00100" }, { metric: "growth", window: "7d", ties: "dense", top: 3 }, { metric: "per_post", window: "all", top: 4 }]) {
    const t = rankTimeline(json, options);
    assert.equal(t.dates.length, 45);
    assert.equal(t.dates[0], "2026-10-15");
    assert.equal(t.dates.at(-1), "2026-11-28");
    t.dates.forEach((date, i) => {
      assert.deepEqual(t.frames[i], rank(json, { ...options, asOf: date }), `${JSON.stringify(options)} ${date}`);
    });
    for (const i of [0, 17, 44]) {
      const args = ["--as-of", t.dates[i], ...Object.entries(options).flatMap(([k, v]) => [`--${k}`, String(v)])];
      // (Compared as values: the CLI writes a whole ratio as 865723.0, JavaScript as 865723.)
      assert.deepEqual(t.frames[i], JSON.parse(cli(["rank", "-", ...args], json)), t.dates[i]);
    }
  }
  // `from` starts later; `asOf` ends earlier; a replay spans at most 3,660 days.
  const later = rankTimeline(json, { from: "2026-11-20", asOf: "2026-11-25" });
  assert.deepEqual(later.dates, ["2026-11-20", "2026-11-21", "2026-11-22", "2026-11-23", "2026-11-24", "2026-11-25"]);
  const old = '{"version":1,"pages":[{"id":"a","name":"A","series":[{"date":"1950-01-01","interactions":1},{"date":"2026-11-28","interactions":2}]}]}';
  const long = rankTimeline(old);
  assert.equal(long.dates.length, 3660);
  assert.equal(long.dates[0], "2016-11-21"); // D − 3,659 days
  assert.deepEqual(rankTimeline('{"version":1,"pages":[]}'), { dates: [], frames: [] });
  assert.throws(() => rankTimeline(json, { asOf: "2026-02-30" }), /invalid value "2026-02-30" for as-of/);
  assert.throws(() => rankTimeline(json, { from: "yesterday" }), /invalid value "yesterday" for replay-from/);
  assert.throws(() => rank(json, { as_of: "2026-11-01" }), /unknown option "as_of"/);
});

test("renderStatic with card gives the CLI's render --card SVG", () => {
  const seed = readFileSync(join(ROOT, "www/data/seed.json"));
  for (const [card, args] of [["", ["--card"]], ["1080x1080", ["--card=1080x1080"]]]) {
    const svg = renderStatic(new Uint8Array(seed), { card, locale: "ar-EG", pin: "eg-moi" });
    assert.equal(svg, cli(["render", "-", "--locale", "ar-EG", "--pin", "eg-moi", ...args], seed));
    assert.match(svg, card ? /^<svg [^>]*width="1080" height="1080"[^>]*direction="rtl"/ : /^<svg [^>]*width="1200" height="675"/);
  }
  assert.throws(() => renderStatic(new Uint8Array(seed), { card: "10x10" }), /invalid value "10x10" for card/);
});
