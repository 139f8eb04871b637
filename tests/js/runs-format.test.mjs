// nextRuns' `format` option through the built package: with "epochMs" the runs are a
// Float64Array holding what Date.parse reads from the ISO strings of the same query,
// checked on the shared fixtures (hand-written from the calendar, and generated from
// croner and cron-parser) and against croner directly for 1000 runs.
process.env.TZ = "UTC";
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { Cron } from "croner";
import { nextRuns } from "subkit";

const dir = new URL("../fixtures/frequency/", import.meta.url);
const AFTER = "2024-01-01T00:00:00.000Z";

/** The runs of both formats for one query; the epoch ms as a plain array. */
function both(frequency, options) {
  const iso = nextRuns(frequency, { ...options, format: "iso" });
  const ms = nextRuns(frequency, { ...options, format: "epochMs" });
  assert.ok(ms.runs instanceof Float64Array, `${frequency}: runs is a Float64Array`);
  return { iso, ms, millis: Array.from(ms.runs) };
}

for (const file of readdirSync(dir)) {
  const fixture = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
  const cases = fixture.cases.filter((c) => "runs" in c || ("error" in c && !("text" in c)));
  for (const c of cases) {
    const label = c.description ?? `${c.frequency ?? c.expression} after ${c.after ?? c.startsAt}`;
    test(`epochMs, ${file}: ${label}`, () => {
      const { startsAt, after, expiresAt } = c;
      const count = c.count ?? c.runs.length;
      const { iso, ms, millis } = both(c.frequency ?? c.expression, { startsAt, after, expiresAt, count });
      if ("error" in c) {
        assert.equal(ms.valid, false);
        assert.equal(ms.runs.length, 0);
        assert.deepEqual(ms.errors, iso.errors);
        assert.equal(ms.errors[0].code, c.error);
      } else {
        assert.equal(ms.valid, true);
        assert.deepEqual(ms.errors, []);
        assert.deepEqual(millis, c.runs.map(Date.parse));
      }
    });
  }
}

test("epochMs: 1000 runs of crontab are croner's, and Date.parse of the ISO strings", () => {
  for (const expr of ["0 9 * * 1-5", "*/15 9-17 * * MON-FRI", "0 0 1 * *", "30 */6 * * *", "0 12 13 * 5"]) {
    const { iso, millis } = both(expr, { after: AFTER, count: 1000 });
    assert.equal(millis.length, 1000, expr);
    assert.deepEqual(millis, iso.runs.map(Date.parse), expr);
    const croner = new Cron(expr, { utcOffset: 0 }).nextRuns(1000, new Date(AFTER)).map((d) => d.getTime());
    assert.deepEqual(millis, croner, expr);
  }
});

test("epochMs: presets for 1000 runs, counted from the start date", () => {
  for (const preset of ["hourly", "daily", "weekly", "monthly", "two-month", "three-month", "four-month", "six-month", "yearly"]) {
    const { iso, millis } = both(preset, { startsAt: "2024-01-31T09:30:00+02:00", count: 1000 });
    assert.equal(millis.length, 1000, preset);
    assert.deepEqual(millis, iso.runs.map(Date.parse), preset);
  }
  // Checked by hand from the calendar: monthly from January 31, 2024 (a leap year).
  assert.deepEqual(
    Array.from(nextRuns("monthly", { startsAt: "2024-01-31T09:00:00Z", count: 3, format: "epochMs" }).runs),
    [Date.UTC(2024, 0, 31, 9), Date.UTC(2024, 1, 29, 9), Date.UTC(2024, 2, 31, 9)],
  );
});

test("epochMs: expiresAt ends the list as it does the ISO strings", () => {
  const { iso, millis } = both("0 9 * * 1-5", { after: "2024-03-01T18:00:00Z", expiresAt: "2024-03-06T00:00:00Z", count: 5 });
  assert.deepEqual(millis, [Date.UTC(2024, 2, 4, 9), Date.UTC(2024, 2, 5, 9)]);
  assert.deepEqual(millis, iso.runs.map(Date.parse));
  const none = nextRuns("0 0 1 1 *", { after: "9999-01-01T00:00:00Z", expiresAt: "9999-01-02T00:00:00Z", count: 1, format: "epochMs" });
  assert.equal(none.valid, true);
  assert.ok(none.runs instanceof Float64Array);
  assert.equal(none.runs.length, 0);
});

test("epochMs: errors are the same as with ISO strings, with an empty Float64Array", () => {
  const queries = [
    ["montly", { startsAt: AFTER }],
    ["0 9 * * 1-5", {}],
    ["monthly", { startsAt: AFTER, count: 0 }],
    ["monthly", { startsAt: AFTER, count: 1001 }],
    ["monthly", { startsAt: new Date(Number.NaN) }],
    ["61 25 * * *", { after: AFTER }],
    ["0 0 1 1 *", { after: "9999-01-01T00:00:00Z", count: 1 }],
  ];
  for (const [frequency, options] of queries) {
    const { iso, ms } = both(frequency, options);
    assert.equal(ms.valid, false, frequency);
    assert.equal(ms.runs.length, 0, frequency);
    assert.deepEqual(ms.errors, iso.errors, frequency);
    assert.deepEqual(Object.keys(ms), ["valid", "runs", "errors"]);
  }
});

test("epochMs: the Float64Array is a copy that later calls leave alone", () => {
  const first = nextRuns("0 9 * * 1-5", { after: AFTER, count: 1000, format: "epochMs" }).runs;
  const kept = Array.from(first);
  // Its own buffer, exactly its size: a view into wasm memory would share the module's.
  assert.equal(first.byteOffset, 0);
  assert.equal(first.buffer.byteLength, 1000 * Float64Array.BYTES_PER_ELEMENT);
  const second = nextRuns("0 0 29 2 *", { after: AFTER, count: 1000, format: "epochMs" }).runs;
  assert.notEqual(second.buffer, first.buffer);
  // Calls that allocate and free in wasm memory, a thousand ISO strings included.
  for (let i = 0; i < 20; i++) nextRuns("*/15 9-17 * * MON-FRI", { after: AFTER, count: 1000 });
  assert.deepEqual(Array.from(first), kept);
  // Writing to it changes nothing subkit gives next.
  first.fill(0);
  assert.deepEqual(Array.from(nextRuns("0 9 * * 1-5", { after: AFTER, count: 1000, format: "epochMs" }).runs), kept);
});

test("format: the default is ISO strings, and an unknown value is a TypeError listing the known ones", () => {
  const options = { startsAt: AFTER, count: 3 };
  assert.deepEqual(nextRuns("monthly", options), nextRuns("monthly", { ...options, format: "iso" }));
  assert.deepEqual(nextRuns("monthly", options), nextRuns("monthly", { ...options, format: undefined }));
  for (const format of ["epochms", "ms", "ISO", "", 1, true, {}, ["epochMs"]]) {
    assert.throws(() => nextRuns("monthly", { ...options, format }), (e) =>
      e instanceof TypeError && e.message.includes("options.format") && e.message.includes('"iso", "epochMs"'),
    `format ${JSON.stringify(format)}`);
  }
  // The option's name is in the list of known names an unknown one prints.
  assert.throws(() => nextRuns("monthly", { ...options, formats: "epochMs" }), /known options: .*format/);
});
