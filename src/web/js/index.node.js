// gov-leaderboard in Node and server bundles (Next.js, Vitest, SSR): the `node` export
// condition. The WebAssembly comes with this module as base64 (gov_leaderboard_bg.wasm.js), so
// loading it depends on no file path or URL a bundler may rewrite, and on no `fetch` of a
// `file:` URL, which Node cannot do. Its size never reaches readers.
import { makeInit } from "./api.js";
import { wasmBase64 } from "./gov_leaderboard_bg.wasm.js";

export { rank, renderStatic, rankTimeline } from "./api.js";

// Decoded natively where the runtime can (`Uint8Array.fromBase64`, Node's `Buffer`): ~1 ms for
// the ~400 KB module, where `Uint8Array.from(atob(…), map)` took 60 ms of every first `init()`.
function wasmBytes() {
  if (typeof Uint8Array.fromBase64 === "function") return Uint8Array.fromBase64(wasmBase64);
  if (typeof Buffer === "function") return Buffer.from(wasmBase64, "base64");
  const text = atob(wasmBase64);
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

export default makeInit(wasmBytes);
