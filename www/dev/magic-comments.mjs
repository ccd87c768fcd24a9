// Puts the bundler "ignore" comments back into a minified module, keeping its source map right.
//
// element.js restarts a trapped engine with `import(/* webpackIgnore: true */ /* @vite-ignore */
// `${GLUE}?instance=${n}`)`: a URL that only exists at run time. esbuild's minifier drops every
// comment, and without these two webpack prints "Critical dependency", Turbopack fails the build
// ("Can't resolve <dynamic>") and Vite warns. esbuild cannot keep them (evanw/esbuild#221), so
// they are inserted after `import(` in the output, and the source map's generated columns after
// that point are moved by the inserted length.

export const IGNORE = "/* webpackIgnore: true */ /* @vite-ignore */ ";

const B64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/** The numbers of one base64 VLQ source-map segment. */
export function decodeSegment(text) {
  const out = [];
  let value = 0, shift = 0;
  for (const ch of text) {
    const digit = B64.indexOf(ch);
    if (digit < 0) throw new Error(`source map: bad VLQ digit ${JSON.stringify(ch)}`);
    value += (digit & 31) * 2 ** shift;
    shift += 5;
    if (!(digit & 32)) {
      out.push(value & 1 ? -Math.floor(value / 2) : Math.floor(value / 2));
      value = 0;
      shift = 0;
    }
  }
  return out;
}

export function encodeSegment(numbers) {
  let text = "";
  for (const n of numbers) {
    let v = n < 0 ? -n * 2 + 1 : n * 2;
    do {
      let digit = v & 31;
      v = Math.floor(v / 32);
      if (v > 0) digit |= 32;
      text += B64[digit];
    } while (v > 0);
  }
  return text;
}

/** Inserts IGNORE after every `import(` of a dynamic import whose argument is not a string
 * literal (there must be exactly `expected` of them) in `code`, and moves `map`'s mappings. */
export function insertIgnoreComments(code, map, expected) {
  const spots = [...code.matchAll(/\bimport\((?=[^"'])/g)].map((m) => m.index + m[0].length);
  if (spots.length !== expected) throw new Error(`expected ${expected} dynamic import(s) to mark, found ${spots.length}`);
  // Right to left, so earlier offsets stay valid.
  for (const at of spots.reverse()) {
    const line = code.slice(0, at).split("\n").length - 1;
    const column = at - code.lastIndexOf("\n", at - 1) - 1;
    code = code.slice(0, at) + IGNORE + code.slice(at);
    map.mappings = shiftColumns(map.mappings, line, column, IGNORE.length);
  }
  return { code, map };
}

/** Moves the generated columns at or after `column` on `line` by `by`. Columns are deltas
 * within a line, so only the first segment at or after `column` changes. */
function shiftColumns(mappings, line, column, by) {
  const lines = mappings.split(";");
  const segments = lines[line].split(",");
  let col = 0;
  for (let i = 0; i < segments.length; i++) {
    if (!segments[i]) continue;
    const fields = decodeSegment(segments[i]);
    col += fields[0];
    if (col >= column) {
      fields[0] += by;
      segments[i] = encodeSegment(fields);
      break;
    }
  }
  lines[line] = segments.join(",");
  return lines.join(";");
}
