// The adversarial corpus (tests/adversarial/corpus.mjs) through the built package in
// Node: every case ends in a structured result or a TypeError, in bounded time and
// memory, with no prototype pollution and the module usable afterwards.
import { test } from "node:test";
import assert from "node:assert/strict";
import * as subkit from "subkit";
import { initSync } from "../../pkg/dist/subkit.js";
import { runCorpus } from "../adversarial/corpus.mjs";

test("the adversarial corpus passes through the package in Node", () => {
  // initSync() hands back the instance the package already made.
  const memory = () => initSync().memory.buffer.byteLength;
  const outcomes = runCorpus(subkit, memory);
  const failed = outcomes.filter((o) => !o.ok);
  assert.deepEqual(failed, [], JSON.stringify(failed, null, 2));
  assert.ok(outcomes.length >= 40);
});
