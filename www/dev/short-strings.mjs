// Gives wasm-bindgen's glue a fast path for short ASCII strings coming out of WebAssembly.
// The glue turns every string the engine hands to JavaScript (an attribute name or value, a
// cell's text, a canvas font or colour, a property name) into a `TextDecoder.decode` of a new
// subarray: a call into the browser with a fixed cost. A live update of a 50-row board hands
// over ~720 strings, half of them under 8 bytes; read as char codes in JavaScript they cost
// 0.13 ms instead of 0.32 (Chromium, measured on that update's strings). Longer strings and
// any non-ASCII byte still go to the decoder, so the text is the same either way
// (tests/e2e/npm.test.mjs checks both paths).
// The function it patches must appear exactly as expected, once; otherwise the build fails
// (wasm-bindgen is pinned in Cargo.toml; a new version that words it otherwise is noticed).

const BEFORE = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    return decodeText(getUint8ArrayMemory0().subarray(ptr, ptr + len));
}`;

const AFTER = `function getStringFromWasm0(ptr, len) {
    ptr = ptr >>> 0;
    const memory = getUint8ArrayMemory0();
    if (len <= 24) {
        let text = "";
        for (let at = ptr, end = ptr + len; at < end; at++) {
            const byte = memory[at];
            if (byte > 127) return decodeText(memory.subarray(ptr, ptr + len));
            text += String.fromCharCode(byte);
        }
        return text;
    }
    return decodeText(memory.subarray(ptr, ptr + len));
}`;

/** `glue` with the short-string path (throws if the glue is not as expected). */
export function shortStrings(glue) {
  const parts = glue.split(BEFORE);
  if (parts.length !== 2) throw new Error("short-strings.mjs: getStringFromWasm0 is not as expected in the glue");
  return parts.join(AFTER);
}
