// Orders the element's functions so that gzip finds more of each one in the ones before it.
// gzip (what the budget measures, and what most servers send) only looks back 32 KB. rustc
// lays functions out by crate and module, so the instances of one generic function, or the
// dozens of similar event and DOM shims, end up spread over the 200 KB code section, out of each
// other's reach. Ordering them greedily (each next function is the one sharing most 4-byte
// sequences, for its size, with the last 32 KB already placed) saves 1.7 KB gzip on the element
// (103,032 → 101,312 B: −1.7 %). Sequences of 3 to 10 bytes, or a 24 KB window, did no better.
// Only the order changes: every body is moved as binaryen read it, and binaryen renumbers the
// calls, the function table and the exports. Run wasm-opt -Oz after it (the Makefile does): a
// read-and-write through binaryen loses the stack-IR shrinking of the first run.
//   node www/dev/order-functions.mjs pkg/gov_leaderboard_element_bg.wasm
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
import binaryen from "binaryen";
import { readLeb } from "./leb128.mjs";

const CODE_SECTION = 10;
const WINDOW = 32 * 1024;
const { Features } = binaryen;
// What the element's .wasm uses (the Makefile's WASM_FEATURES, and the multi-value returns
// wasm-bindgen writes); binaryen.js writes newer encodings if allowed more.
const ELEMENT_FEATURES = Features.MutableGlobals | Features.NontrappingFPToInt | Features.SignExt |
  Features.BulkMemory | Features.BulkMemoryOpt | Features.ReferenceTypes | Features.CallIndirectOverlong |
  Features.Multivalue;

/** The bytes of each function body (locals and code), in the order of the code section. */
export function functionBodies(bytes) {
  const bodies = [];
  for (let at = 8; at < bytes.length;) {
    const id = bytes[at++];
    const [size, start] = readLeb(bytes, at);
    if (id === CODE_SECTION) {
      let [count, p] = readLeb(bytes, start);
      while (count-- > 0) {
        const [length, body] = readLeb(bytes, p);
        bodies.push(bytes.subarray(body, body + length));
        p = body + length;
      }
    }
    at = start + size;
  }
  return bodies;
}

/** The 4-byte sequences of a body (as numbers), once each. */
function quads(body) {
  const seen = new Set();
  for (let i = 0; i + 4 <= body.length; i++) seen.add(((body[i] << 24) | (body[i + 1] << 16) | (body[i + 2] << 8) | body[i + 3]) >>> 0);
  return seen;
}

/**
 * The order to lay the bodies out in, as indices into `bodies`: the smallest first, then
 * each time the one whose 4-byte sequences are most often found in the last WINDOW bytes
 * placed, per sequence it has (ties: the smaller, then the earlier one).
 */
export function gzipOrder(bodies) {
  const sets = bodies.map(quads);
  const inWindow = new Map(); // sequence → how many placed bodies in the window have it
  const window = [];
  let windowBytes = 0;
  const place = (k) => {
    window.push(k);
    windowBytes += bodies[k].length;
    for (const q of sets[k]) inWindow.set(q, (inWindow.get(q) ?? 0) + 1);
    while (windowBytes > WINDOW && window.length > 1) {
      const old = window.shift();
      windowBytes -= bodies[old].length;
      for (const q of sets[old]) {
        const n = inWindow.get(q) - 1;
        if (n) inWindow.set(q, n);
        else inWindow.delete(q);
      }
    }
  };
  const left = new Set(bodies.keys());
  const order = [];
  let next = bodies.length ? [...left].reduce((a, b) => (bodies[b].length < bodies[a].length ? b : a)) : -1;
  while (next >= 0) {
    order.push(next);
    left.delete(next);
    place(next);
    let best = -1, bestScore = -1;
    for (const k of left) {
      let found = 0;
      for (const q of sets[k]) if (inWindow.has(q)) found++;
      const score = found / (sets[k].size + 1);
      if (score > bestScore || (score === bestScore && bodies[k].length < bodies[best].length)) [best, bestScore] = [k, score];
    }
    next = best;
  }
  return order;
}

/** The module with its defined functions laid out in `gzipOrder`; imports and exports as they were. */
export function orderFunctions(bytes) {
  const bodies = functionBodies(bytes);
  const module = binaryen.readBinary(bytes);
  try {
    module.setFeatures(ELEMENT_FEATURES);
    const defined = [];
    for (let i = 0; i < module.getNumFunctions(); i++) {
      const info = binaryen.getFunctionInfo(module.getFunctionByIndex(i));
      if (!info.module) defined.push(info);
    }
    if (defined.length !== bodies.length) throw new Error(`order-functions: ${defined.length} functions but ${bodies.length} bodies`);
    // A function added again goes last, so adding them in the new order lays them out in it.
    // Its body is the same expression tree: binaryen keeps expressions in the module's arena.
    for (const k of gzipOrder(bodies)) {
      const { name, params, results, vars, body } = defined[k];
      module.removeFunction(name);
      module.addFunction(name, params, results, vars, body);
    }
    if (!module.validate()) throw new Error("order-functions: the reordered module does not validate");
    return module.emitBinary();
  } finally {
    module.dispose();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const path = process.argv[2];
  const out = orderFunctions(readFileSync(path));
  writeFileSync(`${path}.tmp`, out);
  renameSync(`${path}.tmp`, path);
}
