// The packed npm package in the stacks newsrooms build with (tests/frameworks/): Vite (build and
// dev server), Astro (build and dev server), Next.js 15 (webpack and Turbopack; a server
// component using rank/renderStatic per request, a client component with the element), webpack
// 5 production, Vitest with jsdom, Node ESM, TypeScript (Node-only lib es2022, React 19 and
// Preact JSX), publint and arethetypeswrong. The stacks are installed once
// (tests/frameworks/package.json, `make setup-frameworks`); the tarball is unpacked into their
// node_modules/ as npm would install it. Every app with a page is driven in Chromium: the
// live board's rows in its shadow root, the API's ranking, a styled static board, no errors.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { ROOT, serve, launch, screenshot, until } from "./harness.mjs";

const FIX = join(ROOT, "tests/frameworks");
const BIN = join(FIX, "node_modules/.bin");
const SEED = join(ROOT, "www/data/seed.json");
// No telemetry calls home from a closed network.
const ENV = { ...process.env, NEXT_TELEMETRY_DISABLED: "1", ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1", CI: "1" };
let tarball;
let browser;

function run(cmd, args, cwd, extraEnv = {}) {
  try {
    return execFileSync(cmd, args, { cwd, env: { ...ENV, ...extraEnv }, encoding: "utf8", stdio: "pipe", maxBuffer: 64 << 20 });
  } catch (e) {
    throw new Error(`${cmd} ${args.join(" ")} (in ${cwd}) failed:\n${e.stdout}\n${e.stderr}`);
  }
}

before(async () => {
  assert.ok(existsSync(join(FIX, "node_modules/.package-lock.json")), "the stacks are not installed: make setup-frameworks");
  const out = join(ROOT, "target/npm");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  tarball = join(out, run("npm", ["pack", join(ROOT, "pkg"), "--pack-destination", out, "--silent"], ROOT).trim().split("\n").pop());
  const installed = join(FIX, "node_modules/gov-leaderboard");
  rmSync(installed, { recursive: true, force: true });
  mkdirSync(installed, { recursive: true });
  run("tar", ["xzf", tarball, "-C", installed, "--strip-components=1"], ROOT);
  for (const app of ["next", "astro"]) {
    mkdirSync(join(FIX, app, "public"), { recursive: true });
    cpSync(SEED, join(FIX, app, "public/seed.json"));
  }
  browser = await launch();
});

after(async () => {
  await browser?.close();
});

async function freePort() {
  const server = createServer();
  await new Promise((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address();
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Starts a server process, waits until `url` answers; returns { url, log, stop }. */
async function start(cmd, args, cwd, port) {
  const child = spawn(cmd, args, { cwd, env: ENV, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let log = "";
  child.stdout.on("data", (d) => (log += d));
  child.stderr.on("data", (d) => (log += d));
  const url = `http://127.0.0.1:${port}`;
  const stop = () => {
    try { process.kill(-child.pid, "SIGTERM"); } catch {}
  };
  try {
    await until(async () => {
      if (child.exitCode !== null) throw new Error(`${cmd} exited ${child.exitCode}:\n${log}`);
      try { return (await fetch(url + "/")).status < 500; } catch { return false; }
    }, 120000, `${cmd} ${args.join(" ")} to answer`);
  } catch (e) {
    stop();
    throw new Error(`${e.message}\n${log}`);
  }
  return { url, stop, log: () => log };
}

/** The fixture page: the API's ranking, a styled static board and a live board in Arabic. */
async function checkPage(url, name, { staticRows = 2 } = {}) {
  const page = await browser.newPage({ viewport: { width: 800, height: 900 } });
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => m.type() === "error" && !m.text().startsWith("Failed to load resource") && errors.push(m.text()));
  // Every request succeeds (the browser's own favicon.ico probe aside).
  page.on("response", (r) => r.status() >= 400 && !r.url().endsWith("/favicon.ico") && errors.push(`${r.status()} ${r.url()}`));
  try {
    await page.goto(url, { waitUntil: "load" });
    await page.waitForFunction(() => document.getElementById("live")?.shadowRoot?.querySelectorAll("tbody tr").length === 3, null, { timeout: 60000 });
    assert.equal((await page.textContent("#api")).trim(), "1:us-wh 2:eg-moi 3:kh-pm", name);
    const live = await page.$eval("#live", (el) => ({
      ids: [...el.shadowRoot.querySelectorAll("tbody tr")].map((tr) => tr.dataset.id),
      dir: el.shadowRoot.querySelector(".gl-board")?.getAttribute("dir"),
      rows: el.rows.map((r) => r.id),
    }));
    assert.deepEqual(live, { ids: ["us-wh", "eg-moi", "kh-pm"], dir: "rtl", rows: ["us-wh", "eg-moi", "kh-pm"] }, name);
    assert.equal(await page.$$eval("#static tbody tr", (trs) => trs.length), staticRows, name);
    // The package stylesheet reached the page: the static table is styled.
    assert.equal(await page.$eval("#static .gl-table", (t) => getComputedStyle(t).borderCollapse), "collapse", `${name}: static board unstyled`);
    assert.deepEqual(errors, [], name);
    await screenshot(page, `framework-${name}`);
  } finally {
    await page.close();
  }
}

test("publint --strict and arethetypeswrong (ESM only) find nothing", () => {
  const lint = run(join(BIN, "publint"), ["--strict", join(FIX, "node_modules/gov-leaderboard")], FIX);
  assert.match(lint, /All good!/, lint);
  const attw = run(join(BIN, "attw"), ["--pack", join(FIX, "node_modules/gov-leaderboard"), "--profile", "esm-only", "--format", "table-flipped",
    "--exclude-entrypoints", "./gov-leaderboard.css", "./custom-elements.json", "./gov_leaderboard_bg.wasm", "./gov_leaderboard_element_bg.wasm", "./package.json"], FIX);
  // attw exits non-zero on a problem (run() throws then); every entry point resolves, typed, as
  // ESM in Node and in bundlers.
  for (const entry of ["gov-leaderboard", "gov-leaderboard/element", "gov-leaderboard/react", "gov-leaderboard/preact"]) {
    assert.match(attw, new RegExp(`"${entry}"\\s+│ 🟢 \\(ESM\\)\\s+│ 🟢 `), attw);
  }
});

test("Node ESM: rank and renderStatic through the `node` condition, the element entry imports without a DOM", () => {
  const out = run("node", ["main.mjs"], join(FIX, "node"));
  assert.deepEqual(JSON.parse(out), { top: ["us-wh", "eg-moi", "kh-pm"], staticRows: 2, element: "function", customElements: "undefined" });
});

test("TypeScript: the types compile for Node alone (lib es2022), and as JSX in React 19 and Preact", () => {
  for (const project of ["types/node", "types/react", "types/preact"]) {
    run("node", [join(FIX, "node_modules/typescript/bin/tsc"), "-p", join(FIX, project)], FIX);
  }
  // The checks can fail: a wrong option type is an error.
  assert.throws(() => run("node", [join(FIX, "node_modules/typescript/bin/tsc"), "-p", join(FIX, "types/wrong")], FIX), /top.*string|string.*number/s);
});

test("Vitest with jsdom: init, rank, renderStatic and the element's registration", () => {
  const out = run(join(BIN, "vitest"), ["run", "--root", join(FIX, "vitest")], join(FIX, "vitest"));
  assert.match(out, /Tests\s+2 passed/, out);
});

test("webpack 5 production build: no warning about the package, its CSS kept, the boards in Chromium", async () => {
  const app = join(FIX, "webpack");
  const out = run(join(BIN, "webpack"), ["--config", "webpack.config.cjs", "--no-color"], app);
  assert.doesNotMatch(out, /Critical dependency|Module not found|ERROR/, out);
  // What webpack warns about here is its own 244 KiB hint on the npm build's .wasm (the element's
  // is smaller); nothing about the package's code.
  for (const w of out.split("WARNING in").slice(1)) assert.match(w, /^ (asset size limit|entrypoint size limit|webpack performance recommendations)/, w);
  const css = readFileSync(join(app, "dist/main.css"), "utf8");
  assert.match(css, /\.gl-board/, "the imported stylesheet was dropped");
  cpSync(join(app, "index.html"), join(app, "dist/index.html"));
  cpSync(SEED, join(app, "dist/seed.json"));
  const server = await serve({ dir: join(app, "dist") });
  try {
    await checkPage(server.url + "/index.html", "webpack");
  } finally {
    await server.close();
  }
});

test("Vite 7: production build, and the dev server with the documented optimizeDeps line", async () => {
  const app = join(FIX, "vite");
  const dist = join(ROOT, "target/npm/vite-dist");
  run(join(BIN, "vite"), ["build", "--outDir", dist, "--emptyOutDir", "--logLevel", "warn"], app);
  const server = await serve({ dir: dist });
  try {
    await checkPage(server.url + "/index.html", "vite-build");
  } finally {
    await server.close();
  }
  const port = await freePort();
  const dev = await start(join(BIN, "vite"), ["--port", String(port), "--strictPort", "--host", "127.0.0.1"], app, port);
  try {
    await checkPage(dev.url + "/index.html", "vite-dev");
  } finally {
    dev.stop();
  }
});

test("Astro 5: static build (rendered at build time in Node), and the dev server", async () => {
  const app = join(FIX, "astro");
  run(join(BIN, "astro"), ["build"], app);
  const html = readFileSync(join(app, "dist/index.html"), "utf8");
  assert.match(html, /1:us-wh 2:eg-moi 3:kh-pm/);
  const server = await serve({ dir: join(app, "dist") });
  try {
    await checkPage(server.url + "/index.html", "astro-build");
  } finally {
    await server.close();
  }
  const port = await freePort();
  const dev = await start(join(BIN, "astro"), ["dev", "--port", String(port), "--host", "127.0.0.1"], app, port);
  try {
    await checkPage(dev.url + "/", "astro-dev");
  } finally {
    dev.stop();
  }
});

for (const [bundler, flags] of [["webpack", []], ["turbopack", ["--turbopack"]]]) {
  test(`Next.js 15 (${bundler}): a server component ranks per request, a client component shows the element`, async () => {
    const app = join(FIX, "next");
    rmSync(join(app, ".next"), { recursive: true, force: true });
    run(join(BIN, "next"), ["build", ...flags], app);
    const port = await freePort();
    const server = await start(join(BIN, "next"), ["start", "-p", String(port), "-H", "127.0.0.1"], app, port);
    try {
      for (let request = 0; request < 2; request++) {
        const html = await (await fetch(server.url + "/")).text();
        assert.match(html, /1:us-wh 2:eg-moi 3:kh-pm/, `request ${request}`);
      }
      await checkPage(server.url + "/", `next-${bundler}`);
      assert.doesNotMatch(server.log(), /Error|HTMLElement is not defined/, server.log());
    } finally {
      server.stop();
    }
  });
}

test("the fixtures cover every stack the README's Frameworks section names", () => {
  const readme = readFileSync(join(ROOT, "README.md"), "utf8");
  const section = readme.slice(readme.indexOf("## Frameworks"));
  assert.ok(readme.includes("## Frameworks"), "README has a Frameworks section");
  for (const stack of ["Vite", "Astro", "Next.js", "webpack", "Vitest", "Node", "TypeScript", "React", "Preact"]) {
    assert.match(section, new RegExp(stack), stack);
  }
  assert.match(section, /optimizeDeps: \{ exclude: \["gov-leaderboard"\] \}/);
  const fixtures = readdirSync(FIX).filter((d) => !d.startsWith(".") && !d.includes("node_modules") && !d.includes("."));
  assert.deepEqual(fixtures.sort(), ["astro", "next", "node", "types", "vite", "vitest", "webpack"]);
});
