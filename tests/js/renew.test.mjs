// A fault costs one call, not the module: when a call traps (a WebAssembly.RuntimeError,
// as a bug or memory the engine would not give would cause), that call throws an Error
// saying so, and the next call runs on a new instance made from the compiled module.
// The trap is forced with `_trap()`, an export only this test calls, through the same
// guard every public function has (pkg/ready.js).
import { test } from "node:test";
import assert from "node:assert/strict";
import * as subkit from "subkit";
import * as glue from "../../pkg/dist/subkit.js";
import { guarded, MEMORY_HIGH_WATER_BYTES } from "../../pkg/ready.js";

const CS = "customer_subscriptions";
const valid = '{"data":{"type":"customer_subscriptions","attributes":{"customer_email":"john@example.com","reference":"R1"}}}';

test("a call that traps throws a clear Error, and the next call works on a new instance", () => {
  // The fast route's buffer is in use before the trap, so a stale view would show.
  assert.equal(subkit.validateResource(CS, valid).valid, true);
  const before = glue.initSync();
  const trap = guarded(() => glue._trap());
  assert.throws(trap, (e) => e.constructor === Error && e.cause instanceof WebAssembly.RuntimeError &&
    /failed in this call/.test(e.message) && /restarted/.test(e.message));
  const after = glue.initSync();
  assert.notEqual(after, before, "a new instance");
  assert.notEqual(after.memory, before.memory);
  assert.equal(subkit.validateResource(CS, valid).valid, true);
  assert.equal(subkit.validateResource(CS, new TextEncoder().encode(valid)).valid, true);
  const invalid = subkit.validateResource(CS, { data: { type: CS, attributes: { customer_email: 42 } } });
  assert.deepEqual(invalid.errors.map((e) => e.source.pointer), ["/data/attributes/customer_email", "/data/attributes/reference"]);
  assert.deepEqual(subkit.nextRuns("monthly", { startsAt: "2018-01-31T12:00:00.000Z", count: 2 }).runs,
    ["2018-01-31T12:00:00.000Z", "2018-02-28T12:00:00.000Z"]);
});

test("a call the package never makes (a function no family has, a resource past the list) traps like a bug", () => {
  // The module carries no words for these: pkg/args.js never sends them, and a trap is
  // how the module fails, which the guard reports and recovers from.
  for (const call of [() => glue._frequency("noSuchFunction", "monthly"),
    () => glue._commerceLayer("validateResource", 99, undefined, valid),
    () => glue._adobe("validateResource")]) {
    assert.throws(guarded(call), (e) => e.cause instanceof WebAssembly.RuntimeError && /failed in this call/.test(e.message));
    assert.equal(subkit.validateResource(CS, valid).valid, true);
  }
});

test("the memory a large input took is given back after the call", () => {
  // 3.1 MB of metadata, read into a tree by buildResource: the memory grows past the
  // high-water mark during the call and is back to a new instance's after it.
  const metadata = Object.fromEntries(Array.from({ length: 60_000 }, (_, i) => [`k${i}`, "x".repeat(40)]));
  const fresh = glue.initSync().memory.buffer.byteLength;
  const r = subkit.buildResource(CS, { customer_email: "john@example.com", reference: "R1", metadata });
  assert.equal(r.valid, true);
  assert.equal(Object.keys(r.document.data.attributes.metadata).length, 60_000);
  const now = glue.initSync().memory.buffer.byteLength;
  assert.ok(now <= MEMORY_HIGH_WATER_BYTES, `${now} bytes after the call`);
  assert.ok(now <= Math.max(fresh, 2 * 1024 * 1024), `${now} bytes, a new instance has ${fresh}`);
  assert.equal(subkit.validateResource(CS, valid).valid, true);
});
