// Gives the functions a wasm-bindgen module imports short names, in the .wasm and in its glue
// JS alike. wasm-bindgen names each one `__wbg_<method>_<16 hex digits>` and every name is
// written twice (wasm import section, glue object key): ~150 of them are 9.5 KB of text that
// gzip cannot shrink much (the hashes are random), ~4 KB gz of every page with a live board.
// The import module ("./x_bg.js") becomes "a". Nothing else changes, so this is a rename the
// glue cannot notice.
// `shortenExports` does the same for what the module exports (the element's build): names such
// as `wasm_bindgen_<hash>___convert__closures_____invoke___js_sys_<hash>___Function_fn_…`
// (up to 330 characters, each written in the export section and in the glue). The glue reaches
// every export as `wasm.<name>`; each becomes `wasm.<short>`, exports the glue never reaches are
// dropped, and `memory` keeps its name.
// Any shape it does not expect (a non-function import, a name not found exactly once in the
// glue, a `wasm.` property that is not an export) throws, so a future wasm-bindgen that lays
// things out differently fails the build instead of shipping a broken package.

import { leb, readLeb } from "./leb128.mjs";

const IMPORT_SECTION = 2;
const EXPORT_SECTION = 7;

const utf8 = new TextEncoder();
const text = (s) => { const b = utf8.encode(s); return [...leb(b.length), ...b]; };

/** `a`, `b`, …, `Z`, `aa`, `ab`, …: valid JS identifiers, shortest first. */
function shortName(i) {
  const letters = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
  let name = "";
  do {
    name = letters[i % letters.length] + name;
    i = Math.floor(i / letters.length) - 1;
  } while (i >= 0);
  return name;
}

/** `wasm` with its section `id` (if any) replaced by what `rewrite(body, end)` returns: the
 * new section's contents, read from `wasm` between `body` and `end`. */
function rewriteSection(wasm, id, rewrite) {
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const [size, body] = readLeb(wasm, at + 1);
    const end = body + size;
    if (wasm[at] === id) {
      const section = rewrite(body, end);
      out.push(Uint8Array.from([id, ...leb(section.length), ...section]));
    } else {
      out.push(wasm.subarray(at, end));
    }
    at = end;
  }
  return Buffer.concat(out);
}

/** Renames the imports of `wasm` (bytes) and of its wasm-bindgen `glue` (text). */
export function shortenImports(wasm, glue) {
  const decoder = new TextDecoder();
  let oldModule = null;
  const names = [];
  const out = rewriteSection(wasm, IMPORT_SECTION, (body, end) => {
    let [count, p] = readLeb(wasm, body);
    const section = [...leb(count)];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = readLeb(wasm, p);
      const module = decoder.decode(wasm.subarray(p, p + len));
      p += len;
      [len, p] = readLeb(wasm, p);
      const name = decoder.decode(wasm.subarray(p, p + len));
      p += len;
      if (wasm[p] !== 0) throw new Error(`short-imports: import ${name} is not a function`);
      if (oldModule !== null && module !== oldModule) throw new Error(`short-imports: a second import module ${module}`);
      oldModule = module;
      const typeStart = p + 1;
      [, p] = readLeb(wasm, typeStart);
      const short = shortName(names.length);
      names.push([name, short]);
      section.push(...text("a"), ...text(short), 0, ...wasm.subarray(typeStart, p));
    }
    if (p !== end) throw new Error("short-imports: unexpected bytes after the imports");
    return section;
  });

  const replaceOnce = (source, from, to) => {
    const parts = source.split(from);
    if (parts.length !== 2) throw new Error(`short-imports: ${JSON.stringify(from)} found ${parts.length - 1} times in the glue`);
    return parts.join(to);
  };
  let js = replaceOnce(glue, `${JSON.stringify(oldModule)}: import0,`, `a: import0,`);
  for (const [name, short] of names) js = replaceOnce(js, `\n        ${name}: function(`, `\n        ${short}: function(`);
  return { wasm: out, glue: js, count: names.length };
}

/** Renames the exports of `wasm` (bytes) in it and in its wasm-bindgen `glue` (text); keeps
 * the names in `keep`, drops exports the glue does not use. */
export function shortenExports(wasm, glue, keep = ["memory"]) {
  const decoder = new TextDecoder();
  const used = new Set([...glue.matchAll(/\bwasm\.([A-Za-z0-9_$]+)/g)].map((m) => m[1]));
  if (!/\bwasm = instance\.exports;/.test(glue)) throw new Error("short-exports: the glue does not take `wasm` from instance.exports");
  if (/\bwasm\s*\[/.test(glue)) throw new Error("short-exports: the glue reads an export by a computed name");
  const renamed = new Map();
  let dropped = 0;
  const out = rewriteSection(wasm, EXPORT_SECTION, (body, end) => {
    let [count, p] = readLeb(wasm, body);
    const entries = [];
    for (let i = 0; i < count; i++) {
      let len;
      [len, p] = readLeb(wasm, p);
      const name = decoder.decode(wasm.subarray(p, p + len));
      p += len;
      const descStart = p;
      [, p] = readLeb(wasm, p + 1); // kind byte, then the index
      const desc = wasm.subarray(descStart, p);
      if (keep.includes(name)) entries.push([name, desc]);
      else if (!used.has(name)) dropped++;
      else {
        const short = shortName(renamed.size);
        if (keep.includes(short)) throw new Error(`short-exports: ${short} is a kept name`);
        renamed.set(name, short);
        entries.push([short, desc]);
      }
    }
    if (p !== end) throw new Error("short-exports: unexpected bytes after the exports");
    const section = [...leb(entries.length)];
    for (const [name, desc] of entries) section.push(...text(name), ...desc);
    return section;
  });
  const js = glue.replace(/\bwasm\.([A-Za-z0-9_$]+)/g, (whole, name) => {
    if (keep.includes(name)) return whole;
    const short = renamed.get(name);
    if (short === undefined) throw new Error(`short-exports: the glue uses wasm.${name}, which the module does not export`);
    return `wasm.${short}`;
  });
  return { wasm: out, glue: js, count: renamed.size, dropped };
}
