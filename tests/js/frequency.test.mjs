// Frequencies through the built package: the shared fixtures (hand-written from the
// calendar, and generated from croner and cron-parser), then the JS-only inputs.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, readdirSync } from "node:fs";
import { parseFrequency, describeFrequency, nextRuns } from "subkit";
import { contains } from "./contains.mjs";

const dir = new URL("../fixtures/frequency/", import.meta.url);

for (const file of readdirSync(dir)) {
  const fixture = JSON.parse(readFileSync(new URL(file, dir), "utf8"));
  for (const c of fixture.cases) {
    const label = c.text ?? c.description ?? `${c.expression} after ${c.after}`;
    test(`frequency/${file}: ${label}`, () => {
      if ("text" in c) {
        // The fixtures hold the Rust core's English, which writes 24-hour times.
        const r = parseFrequency(c.text, { startsAt: c.startsAt, hourCycle: "h23" });
        for (const key of ["valid", "kind", "normalized", "description"]) {
          if (key in c) assert.equal(r[key], c[key], key);
        }
        if ("commerceLayer" in c) assert.equal(r.commerceLayer.valid, c.commerceLayer);
        // The fixtures, shared with the Rust tests, hold the engine's English: in JS
        // that is `detail`, and `message` is the one for the person filling the form.
        const engine = (errors) => errors.map((e) => ({ ...e, message: e.detail }));
        if ("errors" in c) assert.ok(contains(engine(r.errors), c.errors), JSON.stringify(r.errors));
        if ("commerceLayerErrors" in c) {
          assert.ok(contains(engine(r.commerceLayer.errors), c.commerceLayerErrors), JSON.stringify(r.commerceLayer));
        }
        return;
      }
      const { startsAt, after, expiresAt } = c;
      const count = c.count ?? c.runs.length;
      const r = nextRuns(c.frequency ?? c.expression, { startsAt, after, expiresAt, count });
      if ("error" in c) {
        assert.equal(r.valid, false);
        assert.equal(r.errors[0].code, c.error);
      } else {
        assert.deepEqual(r, { valid: true, runs: c.runs, errors: [] });
      }
    });
  }
}

test("nextRuns: monthly from the seed's starts_at, without and with after", () => {
  const startsAt = "2018-01-01T12:00:00.000Z";
  assert.deepEqual(nextRuns("monthly", { startsAt, count: 3 }).runs,
    ["2018-01-01T12:00:00.000Z", "2018-02-01T12:00:00.000Z", "2018-03-01T12:00:00.000Z"]);
  assert.deepEqual(nextRuns("monthly", { startsAt, after: startsAt, count: 3 }).runs,
    ["2018-02-01T12:00:00.000Z", "2018-03-01T12:00:00.000Z", "2018-04-01T12:00:00.000Z"]);
});

test("instants may be ISO strings, Dates or epoch milliseconds", () => {
  const iso = "2018-01-31T12:00:00.000Z";
  const expected = nextRuns("monthly", { startsAt: iso, count: 3 });
  assert.deepEqual(nextRuns("monthly", { startsAt: new Date(iso), count: 3 }), expected);
  assert.deepEqual(nextRuns("monthly", { startsAt: Date.parse(iso), count: 3 }), expected);
});

test("a bad instant is an error result; a wrong type throws TypeError", () => {
  const r = nextRuns("monthly", { startsAt: new Date(Number.NaN) });
  assert.equal(r.valid, false);
  assert.equal(r.errors[0].code, "invalid_instant");
  assert.throws(() => nextRuns("monthly", { startsAt: true }), TypeError);
  assert.throws(() => nextRuns("monthly", { startsAt: "2018-01-01", count: 1.5 }), TypeError);
  assert.throws(() => nextRuns(42, {}), TypeError);
  assert.throws(() => parseFrequency(undefined), TypeError);
});

test("count defaults to 5", () => {
  assert.equal(nextRuns("hourly", { startsAt: "2018-01-01T00:00:00Z" }).runs.length, 5);
});

test("*/5 * * * * is valid crontab but fails Commerce Layer's hour rule", () => {
  const r = parseFrequency("*/5 * * * *");
  assert.equal(r.valid, true);
  assert.equal(r.commerceLayer.valid, false);
  assert.equal(r.commerceLayer.errors[0].code, "sub_hourly");
  // nextRuns accepts any valid crontab.
  assert.deepEqual(nextRuns("*/5 * * * *", { after: "2018-01-01T00:00:00Z", count: 2 }).runs,
    ["2018-01-01T00:05:00.000Z", "2018-01-01T00:10:00.000Z"]);
});

test("every seed 003 frequency parses, is described, and yields runs", () => {
  for (const f of ["hourly", "10 * * * *", "weekly", "monthly", "two-month"]) {
    const r = parseFrequency(f);
    assert.equal(r.valid, true, f);
    assert.equal(r.commerceLayer.valid, true, f);
    assert.ok(describeFrequency(f).description.length > 0, f);
    assert.equal(nextRuns(f, { startsAt: "2018-01-01T12:00:00.000Z", count: 3 }).runs.length, 3, f);
  }
});

test("describeFrequency", () => {
  assert.deepEqual(describeFrequency("10 * * * *"),
    { valid: true, description: "At minute 10 of every hour", errors: [] });
  assert.equal(describeFrequency("monthly").description, "Every month on the day of the start date");
  // English writes 12-hour times, as Intl's en does; the option says otherwise.
  assert.match(describeFrequency("0 9 * * 1-5").description, /^At 9:00\sAM on Monday through Friday$/);
  assert.equal(describeFrequency("0 9 * * 1-5", { hourCycle: "h23" }).description, "At 09:00 on Monday through Friday");
  assert.equal(describeFrequency("0 9 * * 1-5", { locale: "en-GB" }).description, "At 09:00 on Monday through Friday");
  assert.equal(describeFrequency("nope").valid, false);
});
