// gov-leaderboard in Node and server bundles (Next.js, Vitest, SSR): the `node` export
// condition. The WebAssembly comes with this module as base64 (gov_leaderboard_bg.wasm.js), so
// loading it depends on no file path or URL a bundler may rewrite, and on no `fetch` of a
// `file:` URL, which Node cannot do. Its size never reaches readers.
import { makeInit } from "./api.js";
import { wasmBase64 } from "./gov_leaderboard_bg.wasm.js";

export { rank, renderStatic, rankTimeline } from "./api.js";

export default makeInit(() => Uint8Array.from(atob(wasmBase64), (c) => c.charCodeAt(0)));
