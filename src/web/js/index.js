// gov-leaderboard for JavaScript: the same ranking and the same static HTML as the CLI.
//
//   import init, { rank, renderStatic } from "gov-leaderboard";
//   await init();                       // browsers and Node ≥ 20 alike
//   const ranking = rank(feed, { metric: "interactions", top: 10 });
//   const html = renderStatic(feed, { locale: "ar-EG", pin: "eg-moi" });
import initWasm, { rank as rankWasm, renderStatic as renderWasm } from "./gov_leaderboard.js";

let ready;

/**
 * Loads the WebAssembly once. With no argument it finds gov_leaderboard_bg.wasm beside this
 * file: fetched in browsers (bundlers see the `new URL(…, import.meta.url)`), read from disk in
 * Node (whose fetch cannot read file: URLs).
 */
export default function init(input) {
  ready ??= load(input);
  return ready;
}

async function load(input) {
  if (input === undefined && isNode()) {
    const fs = "node:fs/promises"; // a variable, so bundlers leave this Node-only import alone
    const { readFile } = await import(/* @vite-ignore */ fs);
    input = await readFile(new URL("./gov_leaderboard_bg.wasm", import.meta.url));
  }
  if (input === undefined) input = new URL("./gov_leaderboard_bg.wasm", import.meta.url);
  return initWasm({ module_or_path: input });
}

function isNode() {
  return typeof process === "object" && typeof process.versions?.node === "string" && typeof window === "undefined";
}

function loaded() {
  if (!ready) throw new Error("gov-leaderboard: call `await init()` before rank() or renderStatic()");
}

/** Ranks a feed (JSON/CSV text, bytes or an object); returns what `gov-leaderboard rank` prints. */
export function rank(feed, options = {}) {
  loaded();
  return rankWasm(feed, options);
}

/** The static board HTML, as `gov-leaderboard render` prints it (no JavaScript needed to show it). */
export function renderStatic(feed, options = {}) {
  loaded();
  return renderWasm(feed, options);
}
