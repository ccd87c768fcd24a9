// www/dev/order-functions.mjs lays the element's functions out for gzip. These tests prove the
// order puts alike bodies together, and that a reordered module still does exactly what it
// did: every export, a call through the function table, a call between functions.
import { test } from "node:test";
import assert from "node:assert/strict";
import binaryen from "binaryen";
import { functionBodies, gzipOrder, orderFunctions } from "../../www/dev/order-functions.mjs";

/** Bytes from a small deterministic generator, so a failure reproduces. */
function noise(seed, length) {
  const out = new Uint8Array(length);
  let x = seed;
  for (let i = 0; i < length; i++) {
    x = (Math.imul(x, 1103515245) + 12345) >>> 0;
    out[i] = x >>> 24;
  }
  return out;
}

test("alike bodies end up next to each other, whatever the order they came in", () => {
  const a = noise(1, 400), b = noise(2, 400), c = noise(3, 400);
  const nearA = a.slice(); nearA[200] ^= 0xff;
  const nearB = b.slice(); nearB[10] ^= 0x55;
  const bodies = [a, b, c, nearA, nearB, noise(4, 8)];
  const order = gzipOrder(bodies);
  assert.deepEqual([...order].sort(), [0, 1, 2, 3, 4, 5], "each body once");
  assert.equal(order[0], 5, "the smallest first");
  const at = (k) => order.indexOf(k);
  assert.equal(Math.abs(at(0) - at(3)), 1, `a and its near copy apart: ${order}`);
  assert.equal(Math.abs(at(1) - at(4)), 1, `b and its near copy apart: ${order}`);
});

/**
 * A module whose alike functions sit apart: f0..f5 each return a different mix of their
 * argument; "alike" ones (0 and 3, 1 and 4) differ only in a constant. f5 calls f1, and the
 * export "indirect" calls through a table holding f2 and f4.
 */
function sampleModule() {
  const m = new binaryen.Module();
  const { i32 } = binaryen;
  const mix = (k, extra) => {
    let e = m.local.get(0, i32);
    for (let r = 0; r < 12; r++) e = m.i32.xor(m.i32.mul(e, m.i32.const(2654435761 + r * (k % 3 + 1))), m.i32.shr_u(e, m.i32.const(13 + (r % 5))));
    return m.i32.add(e, m.i32.const(extra));
  };
  const bodies = [mix(0, 1), mix(1, 2), m.i32.sub(m.i32.const(100), m.local.get(0, i32)), mix(0, 7), mix(1, 9)];
  bodies.forEach((body, k) => m.addFunction(`f${k}`, i32, i32, [], body));
  m.addFunction("f5", i32, i32, [], m.i32.add(m.call("f1", [m.local.get(0, i32)], i32), m.i32.const(1)));
  m.addTable("t", 2, 2);
  m.addActiveElementSegment("t", "e", ["f2", "f4"], m.i32.const(0));
  m.addFunction("indirect", binaryen.createType([i32, i32]), i32, [],
    m.call_indirect("t", m.local.get(1, i32), [m.local.get(0, i32)], i32, i32));
  for (let k = 0; k <= 5; k++) m.addFunctionExport(`f${k}`, `f${k}`);
  m.addFunctionExport("indirect", "indirect");
  assert.ok(m.validate());
  const bytes = m.emitBinary();
  m.dispose();
  return bytes;
}

async function results(bytes) {
  const { instance } = await WebAssembly.instantiate(bytes);
  const out = {};
  for (const x of [0, 1, 12345, -7, 0x7fffffff]) {
    for (let k = 0; k <= 5; k++) out[`f${k}(${x})`] = instance.exports[`f${k}`](x);
    out[`indirect(${x}, 0)`] = instance.exports.indirect(x, 0);
    out[`indirect(${x}, 1)`] = instance.exports.indirect(x, 1);
  }
  return out;
}

test("a reordered module is laid out anew and computes the same, through exports, calls and the table", async () => {
  const before = sampleModule();
  const after = orderFunctions(before);
  const bodiesBefore = functionBodies(before).map((b) => Buffer.from(b).toString("hex"));
  const bodiesAfter = functionBodies(after).map((b) => Buffer.from(b).toString("hex"));
  assert.equal(bodiesAfter.length, bodiesBefore.length);
  assert.notDeepEqual(bodiesAfter, bodiesBefore, "the order changed");
  // f0 and f3 (and f1 and f4) differ in one constant: they now follow each other.
  const index = (body) => bodiesAfter.indexOf(body);
  assert.equal(Math.abs(index(bodiesBefore[0]) - index(bodiesBefore[3])), 1);
  assert.equal(Math.abs(index(bodiesBefore[1]) - index(bodiesBefore[4])), 1);
  assert.deepEqual(await results(after), await results(before));
  assert.deepEqual(WebAssembly.Module.exports(new WebAssembly.Module(after)), WebAssembly.Module.exports(new WebAssembly.Module(before)));
});
