// Hostile input must not wear the module down: every export, called 10^4 times with a
// value of every hostile class (tests/adversarial/hostile.mjs) in every place it reads,
// leaves the wasm's externref table (its length and its live slots) and its memory as
// they were after a warm-up. Before pkg/read.js, each call whose argument reading threw
// inside the module kept one table slot (two when the thrown value's message threw
// too); a few million such calls and every later call trapped.
//
// SUBKIT_PACKAGE may name another package folder (one with the same dist/ layout) to
// run the same check on another build, as was done to see this test fail before the fix.
import { test } from "node:test";
import assert from "node:assert/strict";
import { CLASSES, PLACES, hammer } from "../adversarial/hostile.mjs";

const root = new URL(process.env.SUBKIT_PACKAGE ? `file://${process.env.SUBKIT_PACKAGE}/` : "../../pkg/", import.meta.url);
const api = await import(new URL("node.js", root).href);
const glue = await import(new URL("dist/subkit.js", root).href);
const { guarded } = await import(new URL("ready.js", root).href);
const CALLS = Number(process.env.SUBKIT_LEAK_CALLS ?? 10_000);

// A fresh instance, made the way the package replaces one after a trap, so that every
// combination starts from the same table (on a package without renewal, each one starts
// where the last one left it).
const renew = guarded ? guarded(() => glue._trap()) : null;
function fresh() {
  if (renew === null) return;
  assert.throws(renew, (e) => e.cause instanceof WebAssembly.RuntimeError);
}

/**
 * The table's length, its live slots and the memory's size, of the instance the package
 * uses now. Live slots are counted by taking free slots from the allocator until it has
 * to grow the table, then giving them back (so the count grows the table once).
 */
function state() {
  const e = glue.initSync();
  const table = e.__wbindgen_externrefs;
  const length = table.length;
  const taken = [];
  while (table.length === length) taken.push(e.__externref_table_alloc());
  for (const i of taken) e.__externref_table_dealloc(i);
  return { table: length, live: length - (taken.length - 1), memory: e.memory.buffer.byteLength };
}

test(`every export × every hostile class, ${CALLS} calls each, leaves the table and memory flat`, () => {
  const leaks = [];
  // Every function the package exports has its places (init and the locale setters
  // aside, which read no document: tests/js/caps.test.mjs has them).
  const exported = Object.keys(api).filter((k) => typeof api[k] === "function" && !["init", "setLocale", "registerLocale"].includes(k));
  assert.deepEqual(exported.filter((k) => !(k in PLACES)), [], "exports with no places in tests/adversarial/hostile.mjs");
  for (const name of Object.keys(PLACES)) {
    assert.equal(typeof api[name], "function", `${name} is an export`);
    for (const kind of Object.keys(CLASSES)) {
      fresh();
      hammer(api, name, kind, 100); // warm-up: buffers and caches reach their size
      const before = state();
      const instance = glue.initSync();
      hammer(api, name, kind, CALLS);
      const after = state();
      const live = after.live - before.live;
      if (live !== 0 || after.memory > before.memory || glue.initSync() !== instance) {
        leaks.push(`${name} × ${kind}: ${(live / CALLS).toFixed(2)} slots per call (live ${before.live} -> ${after.live}, ` +
          `memory ${before.memory} -> ${after.memory}${glue.initSync() === instance ? "" : ", renewed"})`);
      }
    }
  }
  assert.deepEqual(leaks, [], `leaks:\n${leaks.join("\n")}`);
});
