// gov-leaderboard for JavaScript in browsers and bundlers (the `node` export condition picks
// index.node.js instead): the same ranking and the same static HTML as the CLI.
//
//   import init, { rank, renderStatic } from "gov-leaderboard";
//   await init();
//   const ranking = rank(feed, { metric: "interactions", top: 10 });
//   const html = renderStatic(feed, { locale: "ar-EG", pin: "eg-moi" });
import { makeInit } from "./api.js";

export { rank, renderStatic, rankTimeline } from "./api.js";

/** Loads the WebAssembly once, from gov_leaderboard_bg.wasm beside this file (bundlers see the
 * `new URL(…, import.meta.url)` and ship the file). */
export default makeInit(() => new URL("./gov_leaderboard_bg.wasm", import.meta.url));
