// Plain Node ESM: `import init from "gov-leaderboard"` resolves through the `node` export
// condition (the WebAssembly comes inside the module); the element entry imports on a server.
import { readFileSync } from "node:fs";
import init, { rank, renderStatic } from "gov-leaderboard";
import { GovLeaderboard } from "gov-leaderboard/element";

const seed = readFileSync(new URL("../../../www/data/seed.json", import.meta.url), "utf8");
await init();
const html = renderStatic(seed, { locale: "ar-EG", top: 2 });
console.log(JSON.stringify({
  top: rank(seed, { top: 3 }).rows.map((r) => r.id),
  staticRows: html.match(/<tr /g).length, // the body rows (the head row is a bare <tr>)
  element: typeof GovLeaderboard,
  customElements: typeof globalThis.customElements,
}));
