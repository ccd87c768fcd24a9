// Vitest with jsdom, zero configuration beyond the environment: the API ranks and renders,
// the element registers in jsdom.
// @vitest-environment jsdom
import { test, expect } from "vitest";
import init, { rank, renderStatic } from "gov-leaderboard";
import "gov-leaderboard/element";
import { readFileSync } from "node:fs";

const seed = readFileSync(`${__dirname}/../../../www/data/seed.json`, "utf8");

test("rank and renderStatic after init()", async () => {
  await init();
  expect(rank(seed, { top: 3 }).rows.map((r) => r.id)).toEqual(["us-wh", "eg-moi", "kh-pm"]);
  document.body.innerHTML = renderStatic(seed, { locale: "ar-EG", top: 2 });
  expect(document.querySelectorAll("tbody tr").length).toBe(2);
});

test("the element is registered", () => {
  expect(customElements.get("gov-leaderboard")).toBeTypeOf("function");
});
