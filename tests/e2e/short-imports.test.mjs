// www/dev/short-imports.mjs patches wasm-bindgen's glue by exact text. These tests prove it
// fails loudly (the package build stops) on every glue or module shape it does not know,
// instead of shipping a package whose imports no longer match.
import { test } from "node:test";
import assert from "node:assert/strict";
import { shortenExports, shortenImports } from "../../www/dev/short-imports.mjs";

const leb = (n) => { const out = []; do { let b = n & 0x7f; n >>>= 7; if (n) b |= 0x80; out.push(b); } while (n); return out; };
const str = (s) => { const b = [...new TextEncoder().encode(s)]; return [...leb(b.length), ...b]; };

/** A module with just an import section: `imports` = [[module, name, kind]]. */
function wasm(imports, trailing = []) {
  const body = [...leb(imports.length)];
  for (const [module, name, kind = 0] of imports) body.push(...str(module), ...str(name), kind, 0);
  body.push(...trailing);
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 2, ...leb(body.length), ...body]);
}

const glue = (names, shape = (n) => `\n        ${n}: function(arg0) {`) =>
  `function __wbg_get_imports() {\n    const import0 = {\n        __proto__: null,\n${names.map(shape).join(" },")} };\n    return {\n        "./x_bg.js": import0,\n    };\n}`;

const A = "__wbg_log_0123456789abcdef", B = "__wbg_now_fedcba9876543210";

test("a known shape is renamed in the module and the glue alike", () => {
  const { wasm: out, glue: js, count } = shortenImports(wasm([["./x_bg.js", A], ["./x_bg.js", B]]), glue([A, B]));
  assert.equal(count, 2);
  assert.ok(js.includes("\n        a: function(") && js.includes("\n        b: function("));
  assert.ok(js.includes("a: import0,") && !js.includes(A) && !js.includes(B));
  const text = out.toString("latin1");
  assert.ok(!text.includes(A) && !text.includes("x_bg"));
});

test("every unknown shape stops the build", () => {
  const cases = [
    ["glue in method shorthand", () => shortenImports(wasm([["./x_bg.js", A]]), glue([A], (n) => `\n        ${n}(arg0) {`))],
    ["a name twice in the glue", () => shortenImports(wasm([["./x_bg.js", A]]), glue([A, A]))],
    ["a name missing from the glue", () => shortenImports(wasm([["./x_bg.js", A], ["./x_bg.js", B]]), glue([A]))],
    ["an import that is not a function", () => shortenImports(wasm([["./x_bg.js", A, 2]]), glue([A]))],
    ["a second import module", () => shortenImports(wasm([["./x_bg.js", A], ["./y.js", B]]), glue([A, B]))],
    ["bytes after the imports", () => shortenImports(wasm([["./x_bg.js", A]], [7]), glue([A]))],
    ["another import object name", () => shortenImports(wasm([["./x_bg.js", A]]), glue([A]).replace('"./x_bg.js": import0', '"./x_bg.js": imports'))],
  ];
  for (const [what, run] of cases) assert.throws(run, /short-imports:/, what);
});

/** A module with just an export section: `exports` = [[name, kind, index]]. */
function exporting(exports, trailing = []) {
  const body = [...leb(exports.length)];
  for (const [name, kind, index] of exports) body.push(...str(name), kind, ...leb(index));
  body.push(...trailing);
  return Buffer.from([0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 7, ...leb(body.length), ...body]);
}
const LONG = "wasm_bindgen_8999ec673cc711d4___convert__closures_____invoke___f64______true_";
const useGlue = (names) => `let wasm;\nfunction f(a) { ${names.map((n) => `wasm.${n}(a);`).join(" ")} return wasm.memory.buffer; }\nfunction __wbg_finalize_init(instance) { wasm = instance.exports; }`;

test("exports are renamed in the module and the glue alike; memory keeps its name, unused ones go", async () => {
  const module = exporting([["memory", 2, 0], ["boardelement_new", 0, 3], [LONG, 0, 200], ["__abort_handler", 0, 4]]);
  const { wasm: out, glue: js, count, dropped } = shortenExports(module, useGlue(["boardelement_new", LONG, "boardelement_new"]));
  assert.equal(count, 2);
  assert.equal(dropped, 1);
  assert.ok(js.includes("wasm.a(a); wasm.b(a); wasm.a(a);") && js.includes("wasm.memory.buffer"), js);
  assert.ok(!js.includes(LONG) && !js.includes("boardelement_new"));
  // What the module exports now, read back: names and what each points at.
  const expected = exporting([["memory", 2, 0], ["a", 0, 3], ["b", 0, 200]]);
  assert.deepEqual([...out], [...expected]);
});

test("every unknown export shape stops the build", () => {
  const module = exporting([["memory", 2, 0], ["boardelement_new", 0, 3]]);
  const cases = [
    ["the glue uses an export the module lacks", () => shortenExports(module, useGlue(["boardelement_gone"]))],
    ["the glue reads an export by a computed name", () => shortenExports(module, useGlue(["boardelement_new"]) + ' wasm["boardelement_new"];')],
    ["the glue takes its exports another way", () => shortenExports(module, useGlue(["boardelement_new"]).replace("wasm = instance.exports;", "wasm = instance;"))],
    ["bytes after the exports", () => shortenExports(exporting([["memory", 2, 0]], [7]), useGlue([]))],
  ];
  for (const [what, run] of cases) assert.throws(run, /short-exports:/, what);
});
