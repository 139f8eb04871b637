// The Rust adapters' answers to every vendor fixture case (Commerce Layer's error
// objects, Adobe's errors), which tests/fixtures.rs writes natively to
// target/tmp/fixture-answers.json. The package writes its errors in JS (render.js) from
// the same tables; the fixture suites hold each case's answer to the Rust one here, so
// the two writers say the same, word for word.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";

const FILE = new URL("../../target/tmp/fixture-answers.json", import.meta.url);
let answers;
function answer(key) {
  if (answers === undefined) {
    try {
      answers = JSON.parse(readFileSync(FILE, "utf8"));
    } catch (e) {
      throw new Error(`${FILE.pathname}: run \`cargo test --test fixtures\` first (scripts/test.sh does): ${e.message}`);
    }
  }
  assert.ok(key in answers, `the Rust answer to ${key}`);
  return answers[key];
}

const pick = (object, names) => Object.fromEntries(names.filter((n) => n in object).map((n) => [n, object[n]]));

/**
 * A Commerce Layer answer: the status and every error object's JSON:API members, and for
 * a build from flat input (`flat`), each error's path in it (`commercelayer::input_path`).
 */
export function sameAsRustJsonapi(key, out, flat = false) {
  const rust = answer(key);
  assert.equal(out.status, rust.status, `${key}: status`);
  const members = ["title", "detail", "code", "source", "status", "meta"];
  assert.deepEqual(out.errors.map((e) => pick(e, members)), rust.errors, `${key}: error objects`);
  if (flat) assert.deepEqual(out.errors.map((e) => e.path.map(String)), rust.paths, `${key}: paths`);
}

/** An Adobe answer: each error's and warning's members, Adobe's message as `adobe.message`. */
export function sameAsRustAdobe(key, out) {
  const rust = answer(key);
  const shape = (e) => ({
    code: e.code,
    message: e.adobe.message,
    additionalDetails: e.additionalDetails,
    pointer: e.pointer,
    rule: e.rule,
    status: e.status,
    params: e.params,
  });
  assert.deepEqual(out.errors.map(shape), rust.errors, `${key}: errors`);
  assert.deepEqual(out.warnings.map(shape), rust.warnings, `${key}: warnings`);
}
