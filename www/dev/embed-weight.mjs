// Prints what a page with one live board downloads (element.js, which carries the board's CSS,
// the element's glue and its .wasm), gzip -9 as Node's zlib writes it, against the budget in
// wasm-pack.toml. tests/e2e/size.test.mjs enforces the budget from what Chromium actually loads.
//   node www/dev/embed-weight.mjs pkg
import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { join } from "node:path";

const dir = process.argv[2] || "pkg";
const root = new URL("../../", import.meta.url).pathname;
const budget = Number(/^max-gzip-bytes\s*=\s*(\d+)/m.exec(readFileSync(join(root, "wasm-pack.toml"), "utf8"))[1]);
const files = ["element.js", "gov_leaderboard_element.js", "gov_leaderboard_element_bg.wasm"];
const sizes = files.map((f) => gzipSync(readFileSync(join(dir, f)), { level: 9 }).length);
const total = sizes.reduce((a, b) => a + b, 0);
console.log(`embed weight: ${total} bytes gzip -9 (${files.map((f, i) => `${f} ${sizes[i]}`).join(", ")}); budget ${budget} in wasm-pack.toml: ${total <= budget ? "within" : "OVER"}`);
