// The schedule engine's messages as the package writes them, word for word as Rust's
// `Display` writes them (tests/schedule_words.rs writes Rust's to
// target/tmp/schedule-words.json): the words of every kind and wording of frequency
// and next-runs error, filled by pkg/render.js; the answers of parseFrequency,
// nextRuns and validateResource to inputs that meet every kind; and the module, which
// holds none of those words.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { nextRuns, parseFrequency, validateResource } from "subkit";
import { scheduleEnglish } from "../../pkg/render.js";
import { SCHEDULE } from "../../pkg/tables.js";

const FILE = new URL("../../target/tmp/schedule-words.json", import.meta.url);
let written;
function rust() {
  try {
    written ??= JSON.parse(readFileSync(FILE, "utf8"));
  } catch (e) {
    throw new Error(`${FILE.pathname}: run \`cargo test --test schedule_words\` first (scripts/test.sh does): ${e.message}`);
  }
  return written;
}

// An error of the package as the engine's own: its English is `detail`, and the
// members the package adds for forms are left out.
const engine = ({ path, pointer, rule, detail, message, ...rest }) => ({ ...rest, message: detail });

// An instant of the Rust side's options: an ISO string, or { epochMs } as the number.
const instant = (value) => (typeof value === "object" && value !== null ? Number(value.epochMs) : value);

test("every wording of every frequency and next-runs error reads as Rust writes it", () => {
  const { samples } = rust();
  assert.ok(samples.length > 0);
  for (const { wire, english } of samples) {
    assert.equal(scheduleEnglish(wire.message, wire.params), english, JSON.stringify(wire));
  }
});

test("parseFrequency, nextRuns and validateResource answer as Rust does, messages included", () => {
  const { calls } = rust();
  assert.ok(calls.length > 0);
  for (const call of calls) {
    const rustAnswer = call.answer;
    const label = `${call.call}(${JSON.stringify(call.frequency.slice(0, 40))}, ${JSON.stringify(call.options ?? {})})`;
    if (call.call === "parseFrequency") {
      // The fixtures' English writes 24-hour times.
      const r = parseFrequency(call.frequency, { hourCycle: "h23" });
      for (const key of ["valid", "kind", "normalized", "description"]) assert.equal(r[key], rustAnswer[key], `${label}: ${key}`);
      assert.deepEqual(r.errors.map(engine), rustAnswer.errors, `${label}: errors`);
      assert.deepEqual(r.commerceLayer.errors.map(engine), rustAnswer.commerceLayer.errors, `${label}: commerceLayer`);
      // A frequency fault of a document carries the same English in `meta.message`.
      const v = validateResource("order_subscriptions", call.document);
      const members = ({ title, detail, code, source, status, meta }) => ({ title, detail, code, source, status, meta });
      assert.deepEqual(v.errors.map(members), call.jsonapi, `${label}: JSON:API errors`);
    } else {
      const options = Object.fromEntries(Object.entries(call.options).map(([k, v]) => [k, k === "count" ? v : instant(v)]));
      const r = nextRuns(call.frequency, options);
      assert.equal(r.valid, rustAnswer.valid, label);
      assert.deepEqual(r.runs, rustAnswer.runs, `${label}: runs`);
      assert.deepEqual(r.errors.map(engine), rustAnswer.errors, `${label}: errors`);
    }
  }
});

test("the module holds none of the schedule engine's words", () => {
  const wasm = readFileSync(new URL("../../pkg/dist/subkit_bg.wasm", import.meta.url));
  // Each template's own text between its params, and the names its lists are written
  // with (the months), where long enough to be its own: a param's name is no word.
  const pieces = SCHEDULE.flatMap((t) => t.split(/[{}|]/)).filter((p) => p.trim().length >= 8 && !/^[a-z_@]+$/.test(p));
  assert.ok(pieces.length > 20, `${pieces.length} pieces`);
  assert.ok(pieces.includes("February") && pieces.includes(" is out of range 1-"), pieces.join(" | "));
  const found = pieces.filter((p) => wasm.includes(Buffer.from(p, "utf8")));
  assert.deepEqual(found, [], "words of src/words.rs SCHEDULE in pkg/dist/subkit_bg.wasm");
});
