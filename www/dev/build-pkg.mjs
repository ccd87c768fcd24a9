// Completes the npm package folder after wasm-bindgen: element.js, the stylesheet, README,
// licences and package.json (version from Cargo.toml).
//   node www/dev/build-pkg.mjs pkg
import { readFileSync, writeFileSync, copyFileSync } from "node:fs";
import { join } from "node:path";
import { transformSync } from "esbuild";
import { shortenExports, shortenImports } from "./short-imports.mjs";
import { shortStrings } from "./short-strings.mjs";
import { insertIgnoreComments } from "./magic-comments.mjs";

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
  ["src/web/js/react.d.ts", "react.d.ts"],
  ["src/web/js/react.js", "react.js"],
  ["src/web/js/preact.d.ts", "preact.d.ts"],
  ["src/web/js/preact.js", "preact.js"],
  ["src/web/js/custom-elements.json", "custom-elements.json"],
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
    // JSX typings (types only; the modules are empty): import type {} from "gov-leaderboard/react".
    "./react": { types: "./react.d.ts", default: "./react.js" },
    "./preact": { types: "./preact.d.ts", default: "./preact.js" },
    "./gov-leaderboard.css": "./gov-leaderboard.css",
    "./custom-elements.json": "./custom-elements.json",
    "./gov_leaderboard_bg.wasm": "./gov_leaderboard_bg.wasm",
    "./gov_leaderboard_element_bg.wasm": "./gov_leaderboard_element_bg.wasm",
    "./package.json": "./package.json",
  },
  // The custom-elements manifest (generated from the option table, see tests/option_defs.rs).
  customElements: "custom-elements.json",
  repository: { type: "git", url: repository },
  homepage: repository,
  bugs: { url: repository },
  files: ["index.js", "index.node.js", "api.js", "gov_leaderboard_bg.wasm.js", "index.d.ts", "element.js", "element.d.ts", "gov_leaderboard.js",
    "gov_leaderboard_bg.wasm", "gov_leaderboard_element.js", "gov_leaderboard_element_bg.wasm",
    "react.js", "react.d.ts", "preact.js", "preact.d.ts", "custom-elements.json", "gov-leaderboard.css", "README.md", "LICENSE-MIT", "LICENSE-APACHE"],
  // ES modules only; `require()` of them needs Node 20.19 or later.
  engines: { node: ">=20.19" },
  // The element registers itself; stylesheets imported for their effect must survive
  // tree-shaking (webpack drops an import of a file not listed here).
  sideEffects: ["./element.js", "*.css"],
  keywords: ["leaderboard", "web-component", "custom-element", "wasm", "rtl", "arabic", "newsroom", "chart"],
};
writeFileSync(join(out, "package.json"), JSON.stringify(pkg, null, 2) + "\n");

// Short import names in both wasm builds and their glue (see short-imports.mjs), and the
// glue's fast path for short strings (see short-strings.mjs).
for (const name of ["gov_leaderboard", "gov_leaderboard_element"]) {
  const wasmPath = join(out, `${name}_bg.wasm`), gluePath = join(out, `${name}.js`);
  let { wasm, glue, count } = shortenImports(readFileSync(wasmPath), readFileSync(gluePath, "utf8"));
  let exports = "";
  if (name === "gov_leaderboard_element") {
    // The element only: every reader downloads it (the npm build is not downloaded by readers).
    const short = shortenExports(wasm, glue);
    ({ wasm, glue } = short);
    exports = `, ${short.count} exports renamed, ${short.dropped} unused dropped`;
  }
  writeFileSync(wasmPath, wasm);
  writeFileSync(gluePath, shortStrings(glue));
  console.log(`${name}: ${count} imports renamed${exports}`);
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

// Every reader of every article downloads these: ship them minified, each JS file with a source
// map (sources inside it) so a newsroom developer's devtools and error reports read the
// original code. The readable sources are src/web/js/, www/gov-leaderboard.css and
// wasm-bindgen's output; the .d.ts files give the API.
const MINIFIED = [["element.js", "js"], ["index.js", "js"], ["index.node.js", "js"], ["api.js", "js"], ["gov_leaderboard.js", "js"], ["gov_leaderboard_element.js", "js"], ["gov-leaderboard.css", "css"]];
const MAPS = [];
for (const [file, loader] of MINIFIED) {
  const path = join(out, file);
  const js = loader === "js";
  let { code, map } = transformSync(readFileSync(path, "utf8"), { loader, minify: true, format: js ? "esm" : undefined, target: "es2022", legalComments: "none",
    sourcemap: js ? "external" : false, sourcefile: `gov-leaderboard/${file}`, sourcesContent: true });
  if (js) {
    let sourceMap = JSON.parse(map);
    // The engine restart's import() of a run-time URL (see magic-comments.mjs).
    if (file === "element.js") ({ code, map: sourceMap } = insertIgnoreComments(code, sourceMap, 1));
    code = code.trimEnd() + `\n//# sourceMappingURL=${file}.map\n`;
    writeFileSync(`${path}.map`, JSON.stringify({ ...sourceMap, file }));
    MAPS.push(`${file}.map`);
  }
  writeFileSync(path, code);
}
// package.json lists the maps it ships.
{
  const manifest = JSON.parse(readFileSync(join(out, "package.json"), "utf8"));
  manifest.files.push(...MAPS);
  writeFileSync(join(out, "package.json"), JSON.stringify(manifest, null, 2) + "\n");
}
console.log(`${out}/package.json: gov-leaderboard@${version}`);
