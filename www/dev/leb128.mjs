// The unsigned LEB128 numbers of the WebAssembly binary format (section sizes, counts,
// indices), for the build steps that read or rewrite the .wasm (short-imports.mjs,
// order-functions.mjs).

/** The number at `at` in `bytes`, and where the next thing starts: [value, next]. */
export function readLeb(bytes, at) {
  let value = 0, shift = 0, byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

/** `value` as LEB128 bytes. */
export function leb(value) {
  const out = [];
  do {
    let byte = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) byte |= 0x80;
    out.push(byte);
  } while (value);
  return out;
}
