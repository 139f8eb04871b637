// Validating a million documents must leave the wasm memory flat after warm-up: no
// leak per call, in the module or across the JS boundary.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

test("10^6 validations leave the wasm memory size flat after warm-up", async () => {
  // A private instance of the glue, so its memory can be read.
  const glue = await import(new URL("../../pkg/dist/subkit.js?memory-test", import.meta.url).href);
  const exports = glue.initSync({ module: readFileSync(new URL("../../pkg/dist/subkit_bg.wasm", import.meta.url)) });
  const valid = '{"data":{"type":"customer_subscriptions","attributes":{"customer_email":"john@example.com","reference":"R1"}}}';
  const invalid = JSON.stringify({ data: { type: "customer_subscriptions", attributes: { customer_email: 42, foo: [1, 2, 3] } } });
  // The module's own call, as pkg/args.js makes it: the resource by its index, the
  // document as text, as bytes every third call.
  const index = glue._resourceNames().indexOf("customer_subscriptions");
  const bytes = new TextEncoder().encode(invalid);
  const run = (n) => {
    for (let i = 0; i < n; i++) glue._commerceLayer("validateResource", index, undefined, i % 3 === 0 ? bytes : i % 2 ? valid : invalid);
  };
  run(20_000);
  const warm = exports.memory.buffer.byteLength;
  run(1_000_000 - 20_000);
  assert.equal(exports.memory.buffer.byteLength, warm);
});
