// The npm API shared by the browser entry (index.js) and the Node entry (index.node.js):
// `init` loads the WebAssembly once (and may be called again after a failure), `rank` and
// `renderStatic` say plainly when they are called before `init` has finished.
import initWasm, { rank as rankWasm, renderStatic as renderWasm, rankTimeline as timelineWasm } from "./gov_leaderboard.js";

let loading;
let loaded = false;

/** `init` for an entry whose default input is `defaultInput()`. */
export function makeInit(defaultInput) {
  return function init(input) {
    loading ??= Promise.resolve()
      .then(() => initWasm({ module_or_path: input ?? defaultInput() }))
      .then((exports) => {
        loaded = true;
        return exports;
      }, (error) => {
        loading = undefined; // a later call tries again
        throw error;
      });
    return loading;
  };
}

// Text goes into the engine as UTF-8 bytes made by the browser's (or Node's) native encoder: a
// string handed to the wasm-bindgen glue is copied into WebAssembly memory one character at a
// time in a JavaScript loop, which for a 26 MB feed took as long as the ranking itself.
const encoder = new TextEncoder();
const input = (feed) => (typeof feed === "string" ? encoder.encode(feed) : feed);

function check(name) {
  if (!loaded) throw new Error(`gov-leaderboard: call \`await init()\` (and let it finish) before ${name}()`);
}

/** Ranks a feed (JSON/CSV text, bytes or an object); returns what `gov-leaderboard rank` prints. */
export function rank(feed, options = {}) {
  check("rank");
  return rankWasm(input(feed), options);
}

/** The static board HTML, as `gov-leaderboard render` prints it (no JavaScript needed to show it). */
export function renderStatic(feed, options = {}) {
  check("renderStatic");
  return renderWasm(input(feed), options);
}

/** The ranking of every day from `from` (default: the earliest date) to the as-of date:
 * `{ dates, frames }`, `frames[i]` equal to `rank(feed, { ...options, asOf: dates[i] })`. */
export function rankTimeline(feed, options = {}) {
  check("rankTimeline");
  return timelineWasm(input(feed), options);
}
