// Completes the npm package folder after wasm-bindgen: element.js, the stylesheet, README,
// licences and package.json (version from Cargo.toml).
//   node www/dev/build-pkg.mjs pkg
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { shortenImports } from "./short-imports.mjs";

const out = process.argv[2] || "pkg";
const root = new URL("../../", import.meta.url).pathname;
const cargo = readFileSync(join(root, "Cargo.toml"), "utf8");
const version = /^version\s*=\s*"([^"]+)"/m.exec(cargo)[1];

for (const [from, to] of [
  ["src/web/js/element.js", "element.js"],
  ["src/web/js/element.d.ts", "element.d.ts"],
  ["src/web/js/index.js", "index.js"],
  ["src/web/js/index.node.js", "index.node.js"],
  ["src/web/js/api.js", "api.js"],
  ["src/web/js/index.d.ts", "index.d.ts"],
  ["src/web/js/README.md", "README.md"],
  ["www/gov-leaderboard.css", "gov-leaderboard.css"],
  ["LICENSE-MIT", "LICENSE-MIT"],
  ["LICENSE-APACHE", "LICENSE-APACHE"],
]) copyFileSync(join(root, from), join(out, to));

const repository = /^repository\s*=\s*"([^"]+)"/m.exec(cargo)[1];

const pkg = {
  name: "gov-leaderboard",
  version,
  description: "Live, locale-aware leaderboard of government social-media pages: a <gov-leaderboard> element, static HTML rendering and ranking, in WebAssembly.",
  license: "MIT OR Apache-2.0",
  type: "module",
  main: "index.js",
  module: "index.js",
  types: "index.d.ts",
  exports: {
    ".": { types: "./index.d.ts", node: "./index.node.js", default: "./index.js" },
    "./element": { types: "./element.d.ts", default: "./element.js" },
    "./element.js": { types: "./element.d.ts", default: "./element.js" },
    "./gov-leaderboard.css": "./gov-leaderboard.css",
    "./gov_leaderboard_bg.wasm": "./gov_leaderboard_bg.wasm",
    "./gov_leaderboard_element_bg.wasm": "./gov_leaderboard_element_bg.wasm",
    "./package.json": "./package.json",
  },
  repository: { type: "git", url: repository },
  homepage: repository,
  bugs: { url: repository },
  files: ["index.js", "index.node.js", "api.js", "gov_leaderboard_bg.wasm.js", "index.d.ts", "element.js", "element.d.ts", "gov_leaderboard.js", "gov_leaderboard.d.ts",
    "gov_leaderboard_bg.wasm", "gov_leaderboard_bg.wasm.d.ts", "gov_leaderboard_element.js", "gov_leaderboard_element_bg.wasm",
    "gov-leaderboard.css", "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  // ES modules only; `require()` of them needs Node 20.19 or later.
  engines: { node: ">=20.19" },
  // The element registers itself; stylesheets imported for their effect must survive
  // tree-shaking (webpack drops an import of a file not listed here).
  sideEffects: ["./element.js", "*.css"],
  keywords: ["leaderboard", "web-component", "custom-element", "wasm", "rtl", "arabic", "newsroom", "chart"],
};
writeFileSync(join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");

// Short import names in both wasm builds and their glue (see short-imports.mjs).
for (const name of ["gov_leaderboard", "gov_leaderboard_element"]) {
  const wasmPath = join(out, `${name}_bg.wasm`), gluePath = join(out, `${name}.js`);
  const { wasm, glue, count } = shortenImports(readFileSync(wasmPath), readFileSync(gluePath, "utf8"));
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, glue);
  console.log(`${name}: ${count} imports renamed`);
}

// The Node entry's WebAssembly (after the renaming above), as a module of its own (see
// index.node.js).
writeFileSync(join(out, "gov_leaderboard_bg.wasm.js"),
  `// gov_leaderboard_bg.wasm as base64, for the \`node\` entry (index.node.js).\nexport const wasmBase64 = "${readFileSync(join(out, "gov_leaderboard_bg.wasm")).toString("base64")}";\n`);

// The element carries its stylesheet (see element.js): the board CSS and the element's own.
{
  const css = readFileSync(join(root, "www/gov-leaderboard.css"), "utf8") + readFileSync(join(root, "src/web/js/element.css"), "utf8");
  const { code } = transformSync(css, { loader: "css", minify: true });
  const path = join(out, "element.js");
  const parts = readFileSync(path, "utf8").split(`"/* @css */"`);
  if (parts.length !== 2) throw new Error("element.js: the CSS placeholder must appear once");
  writeFileSync(path, parts.join(JSON.stringify(code.trim())));
}

// Every reader of every article downloads these: ship them minified (the readable sources are
// src/web/js/, www/gov-leaderboard.css and wasm-bindgen's output; the .d.ts files give the API).
for (const [file, loader] of [["element.js", "js"], ["index.js", "js"], ["index.node.js", "js"], ["api.js", "js"], ["gov_leaderboard.js", "js"], ["gov_leaderboard_element.js", "js"], ["gov-leaderboard.css", "css"]]) {
  const path = join(out, file);
  const { code } = transformSync(readFileSync(path, "utf8"), { loader, minify: true, format: loader === "js" ? "esm" : undefined, target: "es2022", legalComments: "none" });
  writeFileSync(path, code);
}
console.log(`${out}/package.json: gov-leaderboard@${version}`);
