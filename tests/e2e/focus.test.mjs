// A live update never moves keyboard focus (SPEC §4 Accessibility): a focused link keeps
// focus when its row moves to another place in the table.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT, serve, launch, until } from "./harness.mjs";

const SEED = readFileSync(join(ROOT, "www/data/seed.json"), "utf8");
let server, browser;

before(async () => {
  server = await serve({ routes: {
    "/focus.html": { body: `<!doctype html><html><head><meta charset="utf-8"><title>focus</title>
      <script type="module" src="/pkg/element.js"></script></head><body>
      <p><a id="before" href="#x">A link before the board</a></p>
      <gov-leaderboard id="b" locale="en" top="5"></gov-leaderboard>
      <p><a id="after" href="#y">A link after the board</a></p></body></html>` },
  } });
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

for (const motion of ["no-preference", "reduce"]) {
  test(`a focused link keeps focus when its row climbs to first place (motion: ${motion})`, async () => {
    const page = await browser.newPage({ reducedMotion: motion });
    await page.goto(server.url + "/focus.html");
    await page.evaluate((seed) => { document.getElementById("b").data = JSON.parse(seed); }, SEED);
    await until(() => page.$eval("#b", (el) => el.rows.length === 5), 10000, "board");
    // Keyboard: Tab from the link before the board to the first link in it, then to the second
    // (the Ministry of Interior, second place).
    await page.focus("#before");
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    const focused = () => page.$eval("#b", (el) => el.shadowRoot.activeElement?.querySelector("bdi")?.textContent ?? null);
    assert.equal(await focused(), "Ministry of Interior (Egypt)");
    await page.evaluate((seed) => {
      const f = JSON.parse(seed);
      f.pages.find((p) => p.id === "eg-moi").series.at(-1).interactions = 90_000_000;
      document.getElementById("b").data = f;
    }, SEED);
    await until(() => page.$eval("#b", (el) => el.rows[0].id === "eg-moi"), 10000, "the page moved to first");
    assert.equal(await page.evaluate(() => document.activeElement?.id), "b", "focus stays inside the board");
    assert.equal(await focused(), "Ministry of Interior (Egypt)", "on the same link");
    // And the next Tab goes on from there (to the White House, now second), not from the top.
    await page.keyboard.press("Tab");
    assert.equal(await focused(), "The White House");
    await page.close();
  });
}
