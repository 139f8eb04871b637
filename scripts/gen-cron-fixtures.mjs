#!/usr/bin/env node
// Regenerates tests/fixtures/frequency/cron_runs.json: the next 8 runs, in UTC and
// strictly after a fixed instant, of hand-written 5-field crontab expressions, as
// computed by two independent cron libraries, croner and cron-parser (exact versions
// pinned in package.json). Only cases where both libraries give exactly the same 8
// runs are written; every other case is printed with both answers.
//
//   npm run gen:cron-fixtures        (or: node scripts/gen-cron-fixtures.mjs)
//
// Deterministic: no clock is read, every start instant is written below.
//
// Library set-up (checked against croner 11 and cron-parser 5 sources):
//   croner:      new Cron(expr, { timezone: "UTC", mode: "5-part", domAndDow: false })
//                .nextRuns(8, after). "5-part" pins seconds to 0 and rejects a
//                seconds field; domAndDow: false is the documented OR of the two day
//                fields when both are restricted (legacyMode is its deprecated inverse).
//   cron-parser: CronExpressionParser.parse(expr, { currentDate: after, tz: "UTC" })
//                .take(8). No strict mode: strict rejects expressions that restrict both
//                day fields. With 5 fields the seconds default to 0.
// Both libraries treat a day field as unrestricted only when it is exactly `*` (or
// `?`), so `*/2` in one day field with the other restricted is combined with OR by
// both; Vixie cron (and subkit) treat any field starting with `*` as unrestricted
// (AND). Both libraries share that deviation, so their agreement proves nothing there:
// such cases are left out of the fixture and printed; tests/fixtures/frequency/runs.json
// holds hand-written Vixie expectations for them.

import { readFileSync, writeFileSync, mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Cron } from "croner";
import { CronExpressionParser } from "cron-parser";

const root = new URL("../", import.meta.url);
const outFile = new URL("tests/fixtures/frequency/cron_runs.json", root);
const COUNT = 8;

const readJson = (rel) => JSON.parse(readFileSync(new URL(rel, root), "utf8"));
const pins = readJson("package.json").devDependencies;
const version = (name) => {
  const installed = readJson(`node_modules/${name}/package.json`).version;
  if (pins[name] !== installed) {
    throw new Error(`${name}: package.json pins ${pins[name]} but ${installed} is installed; run npm ci`);
  }
  return installed;
};
const cronerVersion = version("croner");
const cronParserVersion = version("cron-parser");

// [expression, after]. "after" is exclusive. Expressions are kept verbatim, whitespace
// included.
const corpus = [
  // every field a wildcard
  ["* * * * *", "2024-01-01T10:00:00.000Z"],
  ["* * * * *", "2023-12-31T23:57:00.000Z"],
  ["* * * * *", "2024-01-01T10:00:30.500Z"],

  // single values
  ["0 0 * * *", "2024-03-15T12:00:00.000Z"],
  ["30 14 * * *", "2024-03-15T14:30:00.000Z"],
  ["0 9 15 * *", "2024-01-20T00:00:00.000Z"],
  ["0 0 1 1 *", "2020-06-01T00:00:00.000Z"],
  ["15 10 * 6 *", "2024-06-28T10:00:00.000Z"],
  ["0 12 * * 3", "2024-05-01T12:00:00.000Z"],

  // lists
  ["0,15,30,45 * * * *", "2024-04-10T08:50:00.000Z"],
  ["0 6,18 * * *", "2024-04-10T12:00:00.000Z"],
  ["0 0 1,15 * *", "2024-01-16T00:00:00.000Z"],
  ["0 8 * 1,4,7,10 *", "2024-01-28T00:00:00.000Z"],
  ["0 8 1 1,4,7,10 *", "2024-02-01T00:00:00.000Z"],
  ["0 10 * * 1,3,5", "2024-02-26T00:00:00.000Z"],

  // ranges
  ["0 9-17 * * *", "2024-03-01T16:30:00.000Z"],
  ["0 9 * * 1-5", "2024-02-27T10:00:00.000Z"],
  ["30 2 10-12 * *", "2024-01-11T03:00:00.000Z"],
  ["0 0 * 3-5 *", "2024-05-29T00:00:00.000Z"],
  ["0-4 12 * * *", "2024-07-01T12:02:00.000Z"],

  // steps
  ["*/15 * * * *", "2024-01-01T00:07:00.000Z"],
  ["5-40/7 * * * *", "2024-01-01T00:00:00.000Z"],
  ["0 0-23/6 * * *", "2024-01-01T05:00:00.000Z"],
  ["0 */3 * * *", "2024-01-01T22:00:00.000Z"],
  ["*/20 9-10 * * *", "2024-01-01T09:45:00.000Z"],
  ["10-50/20 */2 * * *", "2024-01-01T01:00:00.000Z"],
  ["0 0 */2 * *", "2024-01-28T00:00:00.000Z"],
  ["0 0 5-25/10 * *", "2024-01-01T00:00:00.000Z"],
  ["0 0 * * */2", "2024-01-01T00:00:00.000Z"],
  ["0 0 1 */3 *", "2024-02-01T00:00:00.000Z"],
  ["0 0 31 */2 *", "2024-01-01T00:00:00.000Z"],

  // month and weekday names, mixed case; ranges of names
  ["0 12 1 jan *", "2023-06-01T00:00:00.000Z"],
  ["0 9 * * Mon-Fri", "2024-03-08T09:00:00.000Z"],
  ["0 10 * * SUN", "2024-03-01T00:00:00.000Z"],
  ["0 9 * * MON-FRI", "2024-03-09T00:00:00.000Z"],
  ["0 0 1 JAN-MAR *", "2023-11-15T00:00:00.000Z"],
  ["0 0 * * sat,Sun", "2024-03-01T00:00:00.000Z"],
  ["0 6 1 Feb,aug *", "2024-01-01T00:00:00.000Z"],
  ["0 0 1 jan-mar mon", "2023-12-15T00:00:00.000Z"],

  // 7 as Sunday
  ["0 0 * * 7", "2024-03-01T00:00:00.000Z"],
  ["0 0 * * 5-7", "2024-03-01T00:00:00.000Z"],
  ["0 0 * * 0,7", "2024-03-01T00:00:00.000Z"],

  // macros
  ["@yearly", "2024-01-01T00:00:00.000Z"],
  ["@annually", "2023-07-01T00:00:00.000Z"],
  ["@monthly", "2024-01-31T00:00:00.000Z"],
  ["@weekly", "2024-03-01T00:00:00.000Z"],
  ["@daily", "2024-02-27T12:00:00.000Z"],
  ["@midnight", "2024-02-27T12:00:00.000Z"],
  ["@hourly", "2024-02-29T22:30:00.000Z"],

  // leap years, including 2000 and 2400 (leap) and 2100 (not leap)
  ["0 0 29 2 *", "2023-01-01T00:00:00.000Z"],
  ["0 0 29 2 *", "2024-02-29T00:00:00.000Z"],
  ["0 12 29 2 1", "2024-02-01T00:00:00.000Z"],
  ["0 0 29 2 *", "1999-06-01T00:00:00.000Z"],
  ["0 0 29 2 *", "2096-03-01T00:00:00.000Z"],
  ["0 0 29 2 *", "2399-01-01T00:00:00.000Z"],
  ["0 0 28-29 2 *", "2099-01-01T00:00:00.000Z"],
  ["0 0 * 2 *", "2100-02-24T00:00:00.000Z"],
  ["0 0 * 2 *", "2400-02-24T00:00:00.000Z"],

  // month ends
  ["0 0 31 * *", "2024-01-31T00:00:00.000Z"],
  ["0 0 30 * *", "2024-01-30T00:00:00.000Z"],
  ["59 23 28-31 * *", "2024-02-27T00:00:00.000Z"],
  ["59 23 28-31 * *", "2100-02-27T00:00:00.000Z"],

  // year boundaries
  ["0 0 * * *", "2023-12-31T23:30:00.000Z"],
  ["*/10 * * * *", "2024-12-31T23:35:00.000Z"],
  ["0 0 1 1 *", "1999-12-31T23:59:59.999Z"],
  ["30 23 31 12 *", "2099-12-31T23:00:00.000Z"],
  ["0 * * * *", "2099-12-31T22:15:00.000Z"],
  ["0 0 1 * *", "2399-12-31T23:00:00.000Z"],

  // both day fields restricted: Vixie cron matches a day if EITHER field matches
  ["0 0 13 * 5", "2024-01-01T00:00:00.000Z"],
  ["0 0 1,15 * MON", "2024-01-01T00:00:00.000Z"],
  ["30 8 1 * 1-5", "2024-05-31T00:00:00.000Z"],
  ["0 0 1-7 * 1", "2024-01-01T00:00:00.000Z"],
  ["0 0 1-31/2 * 1", "2024-01-01T00:00:00.000Z"],
  // a `*/n` step in one day field (Vixie: starts with `*`, so AND)
  ["0 0 */2 * 1", "2024-01-01T00:00:00.000Z"],
  ["0 0 1 * */2", "2024-01-01T00:00:00.000Z"],

  // starts exactly on a matching instant: that instant is not a run
  ["0 9 * * 1-5", "2024-02-28T09:00:00.000Z"],
  ["*/5 * * * *", "2024-01-01T00:05:00.000Z"],
  ["0 0 1 * *", "2024-03-01T00:00:00.000Z"],

  // starts in the middle of a minute
  ["0 10 * * *", "2024-01-01T10:00:30.500Z"],
  ["*/5 * * * *", "2024-01-01T10:00:30.500Z"],
  ["0,30 * * * *", "2024-01-01T09:59:59.999Z"],

  // hourly minute patterns; the Commerce Layer examples `10 * * * *` and `* * 1 * *`
  ["10 * * * *", "2018-01-01T12:00:00.000Z"],
  ["30 * * * *", "2018-01-01T12:00:00.000Z"],
  ["0,30 * * * *", "2018-01-01T12:00:00.000Z"],
  ["*/5 * * * *", "2018-01-01T12:00:00.000Z"],
  ["* * 1 * *", "2018-01-01T12:00:00.000Z"],
  ["* * 1 * *", "2018-01-01T23:57:00.000Z"],

  // extra whitespace and tabs between fields
  ["  0   9 * *  1-5 ", "2024-02-27T10:00:00.000Z"],
  ["0\t9\t*\t*\tMon-Fri", "2024-03-08T09:00:00.000Z"],
  ["*/15\t \t* * * *", "2024-01-01T00:07:00.000Z"],
];

for (const [expression, after] of corpus) {
  const trimmed = expression.trim();
  if (!trimmed.startsWith("@") && trimmed.split(/\s+/).length !== 5) {
    throw new Error(`not a 5-field expression: ${JSON.stringify(expression)}`);
  }
  if (new Date(after).toISOString() !== after) {
    throw new Error(`start instant is not in toISOString form: ${after}`);
  }
}

function answer(compute) {
  try {
    const runs = compute();
    return { runs: runs.map((d) => d.toISOString()) };
  } catch (error) {
    return { error: `${error?.name ?? "Error"}: ${error?.message ?? error}` };
  }
}

const byCroner = (expression, after) =>
  answer(() =>
    new Cron(expression, { timezone: "UTC", mode: "5-part", domAndDow: false })
      .nextRuns(COUNT, new Date(after)),
  );

const byCronParser = (expression, after) =>
  answer(() =>
    CronExpressionParser.parse(expression, { currentDate: new Date(after), tz: "UTC" })
      .take(COUNT)
      .map((d) => d.toDate()),
  );

const agree = (a, b, after) =>
  a.runs !== undefined &&
  b.runs !== undefined &&
  a.runs.length === COUNT &&
  b.runs.length === COUNT &&
  a.runs.every((run, i) => run === b.runs[i]) &&
  a.runs.every((run, i) => run > (i === 0 ? after : a.runs[i - 1]));

// A day field that starts with `*` but is not a bare `*`, next to a restricted one:
// both libraries OR the two fields here, where Vixie cron ANDs them.
function vixieStarStep(expression) {
  const fields = expression.trim().split(/\s+/);
  if (fields.length !== 5) return false;
  const [, , dom, , dow] = fields;
  const bare = (f) => f === "*" || f === "?";
  return (
    (dom.startsWith("*") && !bare(dom) && !bare(dow)) ||
    (dow.startsWith("*") && !bare(dow) && !bare(dom))
  );
}

const kept = [];
const dropped = [];
const flagged = [];
for (const [expression, after] of corpus) {
  const c = byCroner(expression, after);
  const p = byCronParser(expression, after);
  if (agree(c, p, after) && vixieStarStep(expression)) {
    flagged.push({ expression, after, runs: c.runs });
  } else if (agree(c, p, after)) {
    kept.push({ expression, after, runs: c.runs });
  } else {
    dropped.push({ expression, after, croner: c, cronParser: p });
  }
}

const source =
  `generated by scripts/gen-cron-fixtures.mjs from croner ${cronerVersion} and ` +
  `cron-parser ${cronParserVersion}; only cases where both agree and follow Vixie cron's day rule`;
const text =
  "{\n" +
  `  "source": ${JSON.stringify(source)},\n` +
  '  "cases": [\n' +
  kept.map((c) => "    " + JSON.stringify(c)).join(",\n") +
  "\n  ]\n}\n";
mkdirSync(dirname(fileURLToPath(outFile)), { recursive: true });
writeFileSync(outFile, text);

const show = (a) => (a.error ? a.error : a.runs.join(" "));
console.log(
  `croner ${cronerVersion}, cron-parser ${cronParserVersion}: kept ${kept.length} of ` +
    `${corpus.length} cases, dropped ${dropped.length}; wrote ${fileURLToPath(outFile)}`,
);
for (const d of dropped) {
  console.log(`\ndropped ${JSON.stringify(d.expression)} after ${d.after}`);
  console.log(`  croner:      ${show(d.croner)}`);
  console.log(`  cron-parser: ${show(d.cronParser)}`);
}
for (const f of flagged) {
  console.log(
    `\nleft out ${JSON.stringify(f.expression)} after ${f.after}: both libraries OR the day ` +
      "fields although one starts with `*` (Vixie cron ANDs them)",
  );
  console.log(`  runs: ${f.runs.join(" ")}`);
}
