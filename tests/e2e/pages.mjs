// One loopback server and one Chromium for a test file, and `open(path, options)`: a page in a
// fresh browser context, returned once its first board has rows. Contexts are closed after each
// test, so a failed test never leaves a page polling into the next. `problems` collects the
// page's errors and console errors (failed-resource lines aside: tests check requests).
import { before, after, afterEach } from "node:test";
import { serve, launch } from "./harness.mjs";

export function boardPages({ routes, headers = {} }) {
  const pages = { server: null, browser: null, contexts: new Set() };
  before(async () => {
    pages.server = await serve({ routes, headers });
    pages.browser = await launch();
  });
  after(async () => {
    await pages.browser?.close();
    await pages.server?.close();
  });
  afterEach(async () => {
    for (const c of pages.contexts) await c.close().catch(() => {});
    pages.contexts.clear();
  });
  /** A context of its own (closed after the test). */
  pages.context = async (options = {}) => {
    const context = await pages.browser.newContext(options);
    pages.contexts.add(context);
    return context;
  };
  pages.open = async (path, { width = 1000, height = 900, dark = false, reducedMotion = "no-preference" } = {}) => {
    const context = await pages.context({ viewport: { width, height }, colorScheme: dark ? "dark" : "light", reducedMotion });
    const p = await context.newPage();
    const problems = [];
    p.on("pageerror", (e) => problems.push(e.message));
    p.on("console", (m) => { if (m.type() === "error" && !/Failed to load resource/.test(m.text())) problems.push(m.text()); });
    await p.goto(pages.server.url + path);
    await p.waitForFunction(() => document.querySelector("gov-leaderboard")?.rows?.length > 0);
    return { p, context, problems };
  };
  return pages;
}
