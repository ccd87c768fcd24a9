// The npm API shared by the browser entry (index.js) and the Node entry (index.node.js):
// `init` loads the WebAssembly once (and may be called again after a failure), `rank` and
// `renderStatic` say plainly when they are called before `init` has finished.
import initWasm, { rank as rankWasm, renderStatic as renderWasm, rankTimeline as timelineWasm, inputBuffer, inputLength } from "./gov_leaderboard.js";

let loading;
let loaded = false;
let memory;

/** `init` for an entry whose default input is `defaultInput()`. */
export function makeInit(defaultInput) {
  return function init(input) {
    loading ??= Promise.resolve()
      .then(() => initWasm({ module_or_path: input ?? defaultInput() }))
      .then((exports) => {
        memory = exports.memory;
        loaded = true;
        return exports;
      }, (error) => {
        loading = undefined; // a later call tries again
        throw error;
      });
    return loading;
  };
}

// Text goes into the engine as UTF-8 written by the native encoder straight into WebAssembly
// memory (`encodeInto`), not through the glue, which copies a string in one character at a
// time in JavaScript (for a 26 MB feed as long as the ranking itself). The buffer starts at the
// string's length (right for ASCII) and grows only if the text needs more.
const encoder = new TextEncoder();
function input(feed) {
  if (typeof feed === "object" && feed !== null && !ArrayBuffer.isView(feed) && !(feed instanceof ArrayBuffer)) {
    try {
      feed = JSON.stringify(feed) ?? feed;
    } catch {
      return feed; // the engine says what is wrong with it
    }
  }
  if (typeof feed !== "string" || feed.length === 0) return feed;
  let capacity = feed.length + 8;
  let ptr = inputBuffer(0, capacity);
  let read = 0;
  let written = 0;
  for (;;) {
    const into = new Uint8Array(memory.buffer, ptr + written, capacity - written);
    const done = encoder.encodeInto(read === 0 ? feed : feed.slice(read), into);
    read += done.read;
    written += done.written;
    if (read >= feed.length) break;
    capacity = written + (feed.length - read) * 3 + 8;
    ptr = inputBuffer(written, capacity);
  }
  inputLength(written);
  return undefined; // the engine takes the buffer
}

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
