// Gives the functions a wasm-bindgen module imports short names, in the .wasm and in its glue
// JS alike. wasm-bindgen names each one `__wbg_<method>_<16 hex digits>` and every name is
// written twice (wasm import section, glue object key): ~150 of them are 9.5 KB of text that
// gzip cannot shrink much (the hashes are random), ~4 KB gz of every page with a live board.
// The import module ("./x_bg.js") becomes "a". Nothing else changes: exports keep their names
// (callers use `memory` and the class methods), so this is a rename the glue cannot notice.
// Any shape it does not expect (a non-function import, a name not found exactly once in the
// glue) throws, so a future wasm-bindgen that lays things out differently fails the build
// instead of shipping a broken package.

const IMPORT_SECTION = 2;

function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}

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

/** Renames the imports of `wasm` (bytes) and of its wasm-bindgen `glue` (text). */
export function shortenImports(wasm, glue) {
  const decoder = new TextDecoder();
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  let oldModule = null;
  const names = [];
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, body] = readLeb(wasm, at + 1);
    const end = body + size;
    if (id !== IMPORT_SECTION) {
      out.push(wasm.subarray(at, end));
      at = end;
      continue;
    }
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
    out.push(Uint8Array.from([IMPORT_SECTION, ...leb(section.length), ...section]));
    at = end;
  }

  const replaceOnce = (source, from, to) => {
    const parts = source.split(from);
    if (parts.length !== 2) throw new Error(`short-imports: ${JSON.stringify(from)} found ${parts.length - 1} times in the glue`);
    return parts.join(to);
  };
  let js = replaceOnce(glue, `${JSON.stringify(oldModule)}: import0,`, `a: import0,`);
  for (const [name, short] of names) js = replaceOnce(js, `\n        ${name}: function(`, `\n        ${short}: function(`);
  return { wasm: Buffer.concat(out), glue: js, count: names.length };
}
