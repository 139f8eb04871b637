// JS benchmarks: subkit (the built package) against the libraries people would pick
// instead, side by side in one process. Prints the detailed rows as they are measured,
// then the target table (each target with its ratio from this run and PASS or MISS),
// and writes bench-results/latest.json and latest.md. Run through scripts/bench.sh.
//
// Peers (pinned devDependencies): Ajv 8 with ajv-formats and zod 4 for validation,
// croner and cron-parser for schedules, cronstrue (with croner) for the bundle sizes.
//
// Environment: BENCH_MS, the time of one measurement round of one function (default
// 400 ms); BENCH_ROUNDS, the rounds (default 3). Rounds alternate between subkit and
// its peers, and each function's figure is its best round, so a burst of other work
// on the machine lowers one round rather than one side of a ratio. BENCH_STARTED_MS
// (set by scripts/bench.sh): criterion estimates older than this are not used.
process.env.TZ = "UTC"; // croner's fastest setting is local time; make local UTC.

import { readFileSync, writeFileSync, mkdirSync, existsSync, statSync, readdirSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { spawnSync } from "node:child_process";
import os from "node:os";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { z } from "zod";
import { Cron } from "croner";
import { CronExpressionParser } from "cron-parser";
import { build } from "esbuild";
import * as subkit from "subkit";

const ROOT = new URL("../../", import.meta.url);
const MIN_MS = Number(process.env.BENCH_MS ?? 400);
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const STARTED_MS = process.env.BENCH_STARTED_MS ? Number(process.env.BENCH_STARTED_MS) : null;

// ---- measurement ----

/** Calls of `fn` per batch so that one batch takes about 5 ms (at least one call). */
function batchSize(fn) {
  let n = 1;
  for (;;) {
    const t = performance.now();
    for (let i = 0; i < n; i++) fn();
    if (performance.now() - t >= 5 || n >= 1 << 20) return n;
    n *= 2;
  }
}

/** ops/sec of `fn` over one round of at least MIN_MS, in batches of `batch` calls. */
function round(fn, batch) {
  let n = 0;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    for (let i = 0; i < batch; i++) fn();
    n += batch;
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}

/**
 * ops/sec of each function of `fns` ({ name: fn }): a warm-up (200 calls or a quarter
 * of MIN_MS, whichever comes first: some peers take a second per call on some cases),
 * then ROUNDS rounds taking the functions in turn; each function's best round.
 */
function measure(fns) {
  const entries = Object.entries(fns);
  const batches = entries.map(([, fn]) => {
    const warm = performance.now();
    for (let i = 0; i < 200 && performance.now() - warm < MIN_MS / 4; i++) fn();
    return batchSize(fn);
  });
  const best = entries.map(() => 0);
  for (let r = 0; r < ROUNDS; r++) {
    entries.forEach(([, fn], i) => {
      best[i] = Math.max(best[i], round(fn, batches[i]));
    });
  }
  return Object.fromEntries(entries.map(([name], i) => [name, best[i]]));
}

// ---- documents (the same as benches/cases.rs, members in the same order) ----
const metadata = (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`key_${i}`, `value ${i}`]));
const order = (meta) => ({ data: { type: "order_subscriptions",
  attributes: { frequency: "monthly", starts_at: "2018-01-01T12:00:00.000Z", metadata: meta },
  relationships: { source_order: { data: { type: "orders", id: "QWERtyUpBa" } } } } });
const DOCS = [
  ["customer_subscriptions/valid", "customer_subscriptions", { data: { type: "customer_subscriptions", attributes: { customer_email: "john@example.com", reference: "ANY-EXTERNAL-REFEFERNCE" } } }],
  ["customer_subscriptions/invalid", "customer_subscriptions", { data: { type: "customer_subscriptions", attributes: { customer_email: 42, foo: 1 } } }],
  // About 470 bytes: every attribute but place_target_order, all three relationships.
  ["order_subscriptions/valid", "order_subscriptions", { data: { type: "order_subscriptions",
    attributes: { frequency: "0 9 * * 1-5", activate_by_source_order: false, renewal_alert_period: 24,
      starts_at: "2018-01-01T12:00:00.000Z", expires_at: "2019-01-01T12:00:00.000Z",
      reference: "ANY-EXTERNAL-REFERENCE", metadata: { channel: "web" } },
    relationships: { market: { data: { type: "markets", id: "dlQbPhNNop" } },
      source_order: { data: { type: "orders", id: "QWERtyUpBa" } },
      tags: { data: [{ type: "tags", id: "AbcDef" }] } } } }],
  ["order_subscriptions/valid-small", "order_subscriptions", order(metadata(2))],
  ["order_subscriptions/valid-large-metadata", "order_subscriptions", order(metadata(200))],
  // Six faults, each a 422 on an attribute.
  ["order_subscriptions/invalid", "order_subscriptions", { data: { type: "order_subscriptions",
    attributes: { frequency: "*/5 * * * *", activate_by_source_order: "no", place_target_order: "false",
      renewal_alert_period: 0, starts_at: "2018-01-01", reference: 1 },
    relationships: { source_order: { data: { type: "orders", id: "QWERtyUpBa" } } } } }],
  ["subscription_models/valid", "subscription_models", { data: { type: "subscription_models",
    attributes: { name: "EU Subscription Model", frequencies: ["hourly", "10 * * * *", "weekly", "monthly", "two-month"] } } }],
];
const DOC = Object.fromEntries(DOCS.map(([name, resource, doc]) => [name, { resource, doc, text: JSON.stringify(doc) }]));
// The documents of the target table.
const VALID_TARGET_DOCS = ["order_subscriptions/valid", "customer_subscriptions/valid"];
const INVALID_TARGET_DOC = "order_subscriptions/invalid";

// ---- peer schemas: the same rules as far as each can express them ----
// A frequency: a preset, or five crontab fields whose minute field is a single number
// (the hour rule). Neither peer can check ranges or "never fires"; this is the closest.
const FREQUENCY = "^(hourly|daily|weekly|monthly|two-month|three-month|four-month|six-month|yearly|[0-5]?[0-9](\\s+\\S+){4})$";
const linkage = (type) => ({ type: "object", required: ["data"], properties: { data: { type: "object",
  required: ["type", "id"], additionalProperties: false,
  properties: { type: { const: type }, id: { type: "string", minLength: 1 } } } } });
const envelope = ({ type, attributes, required, rules = {}, relationships = null, requiredRels = [] }) => ({
  type: "object", required: ["data"], properties: { data: { type: "object", required: ["type", "attributes"],
    additionalProperties: false,
    properties: {
      type: { const: type },
      attributes: { type: "object", required, additionalProperties: false, properties: attributes, ...rules },
      ...(relationships ? { relationships: { type: "object", required: requiredRels, additionalProperties: false, properties: relationships } } : {}),
    },
    ...(requiredRels.length ? { required: ["type", "attributes", "relationships"] } : {}) } } });
const common = { reference: { type: ["string", "null"] }, reference_origin: { type: ["string", "null"] }, metadata: { type: ["object", "null"] } };
const AJV_SCHEMAS = {
  customer_subscriptions: envelope({ type: "customer_subscriptions",
    attributes: { customer_email: { type: "string", format: "email" }, ...common, reference: { type: "string", minLength: 1 } },
    required: ["customer_email", "reference"] }),
  order_subscriptions: envelope({ type: "order_subscriptions",
    attributes: {
      frequency: { type: "string", pattern: FREQUENCY }, activate_by_source_order: { type: "boolean" },
      place_target_order: { type: "boolean" }, renewal_alert_period: { type: "integer", minimum: 1, maximum: 720 },
      starts_at: { type: "string", format: "date-time" },
      // After starts_at, when both are given.
      expires_at: { type: "string", format: "date-time", formatExclusiveMinimum: { $data: "1/starts_at" } }, ...common,
    },
    required: ["frequency"],
    // starts_at is required when activate_by_source_order is false.
    rules: { if: { required: ["activate_by_source_order"], properties: { activate_by_source_order: { const: false } } },
      then: { required: ["starts_at"] } },
    relationships: { source_order: linkage("orders"), market: linkage("markets"),
      tags: { type: "object", required: ["data"], properties: { data: { type: "array", items: linkage("tags").properties.data } } } },
    requiredRels: ["source_order"] }),
  subscription_models: envelope({ type: "subscription_models",
    attributes: {
      name: { type: "string", minLength: 1 }, strategy: { enum: ["by_frequency", "by_line_items"] },
      frequencies: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", pattern: FREQUENCY } },
      auto_activate: { type: "boolean" }, auto_cancel: { type: "boolean" }, ...common,
    },
    required: ["name", "frequencies"] }),
};
const ajv = new Ajv({ allErrors: true, $data: true });
addFormats(ajv);
const ajvValidate = Object.fromEntries(Object.entries(AJV_SCHEMAS).map(([k, s]) => [k, ajv.compile(s)]));

const zFrequency = z.string().regex(new RegExp(FREQUENCY));
const zDateTime = z.iso.datetime({ offset: true });
const zLinkage = (type) => z.object({ data: z.strictObject({ type: z.literal(type), id: z.string().min(1) }) });
const zCommon = { reference: z.string().nullable().optional(), reference_origin: z.string().nullable().optional(), metadata: z.record(z.string(), z.unknown()).nullable().optional() };
const zEnvelope = (type, attributes, relationships) => z.object({ data: z.strictObject({
  type: z.literal(type), attributes, ...(relationships ? { relationships: z.strictObject(relationships) } : {}) }) });
const ZOD = {
  customer_subscriptions: zEnvelope("customer_subscriptions", z.strictObject({ ...zCommon, customer_email: z.email(), reference: z.string().min(1) })),
  order_subscriptions: zEnvelope("order_subscriptions", z.strictObject({ ...zCommon, frequency: zFrequency,
    activate_by_source_order: z.boolean().optional(), place_target_order: z.boolean().optional(),
    renewal_alert_period: z.number().int().min(1).max(720).optional(),
    starts_at: zDateTime.optional(), expires_at: zDateTime.optional() })
    .refine((a) => a.activate_by_source_order !== false || a.starts_at !== undefined, { path: ["starts_at"], message: "can't be blank" })
    .refine((a) => a.starts_at === undefined || a.expires_at === undefined || Date.parse(a.expires_at) > Date.parse(a.starts_at),
      { path: ["expires_at"], message: "must be after starts_at" }),
  { source_order: zLinkage("orders"), market: zLinkage("markets").optional(),
    tags: z.object({ data: z.array(z.strictObject({ type: z.literal("tags"), id: z.string().min(1) })) }).optional() }),
  subscription_models: zEnvelope("subscription_models", z.strictObject({ ...zCommon, name: z.string().min(1),
    strategy: z.enum(["by_frequency", "by_line_items"]).optional(), frequencies: z.array(zFrequency).min(1),
    auto_activate: z.boolean().optional(), auto_cancel: z.boolean().optional() })),
};

// The peers must agree with subkit on every benchmark document, or the comparison is moot.
for (const [name, { resource, doc }] of Object.entries(DOC)) {
  const expected = subkit.validateResource(resource, doc).valid;
  if (ajvValidate[resource](doc) !== expected) throw new Error(`Ajv disagrees with subkit on ${name}`);
  if (ZOD[resource].safeParse(doc).success !== expected) throw new Error(`zod disagrees with subkit on ${name}`);
}
const faults = subkit.validateResource(DOC[INVALID_TARGET_DOC].resource, DOC[INVALID_TARGET_DOC].doc).errors.length;
// How close the peer schemas come to subkit's rules: agreement on the valid/invalid
// verdict over the fixture cases of tests/fixtures/commercelayer (information only;
// some rules, such as "never fires" or document text with repeated member names, no
// schema can state).
const agreement = { cases: 0, ajv: 0, zod: 0 };
for (const file of readdirSync(new URL("tests/fixtures/commercelayer/", ROOT)).filter((f) => f.endsWith("_validate.json"))) {
  const { resource, cases } = JSON.parse(readFileSync(new URL(`tests/fixtures/commercelayer/${file}`, ROOT), "utf8"));
  if (!ajvValidate[resource]) continue;
  for (const c of cases) {
    if (c.document === undefined || typeof c.document === "string") continue;
    const expected = subkit.validateResource(resource, c.document).valid;
    agreement.cases++;
    if (ajvValidate[resource](c.document) === expected) agreement.ajv++;
    if (ZOD[resource].safeParse(c.document).success === expected) agreement.zod++;
  }
}
console.log(`peer schemas agree with subkit on ${agreement.ajv} (Ajv) and ${agreement.zod} (zod) of ${agreement.cases} fixture documents; ` +
  `${INVALID_TARGET_DOC} has ${faults} faults`);

const rows = [];
const fmtOps = (v) => v.toLocaleString("en-US", { maximumFractionDigits: v >= 100 ? 0 : 1 });
const record = (group, name, results) => {
  const base = results.subkit;
  const ratios = Object.fromEntries(Object.entries(results).filter(([k]) => k !== "subkit").map(([k, v]) => [k, base / v]));
  const row = { group, name, opsPerSec: results, subkitRatio: ratios };
  rows.push(row);
  console.log(`${group.padEnd(14)} ${name.padEnd(44)} ${Object.entries(results).map(([k, v]) => `${k} ${fmtOps(v)}/s`).join("  ")}  ` +
    Object.entries(ratios).map(([k, r]) => `×${r.toFixed(2)} vs ${k}`).join("  "));
  return row;
};
const rowOf = (group, name) => rows.find((r) => r.group === group && r.name === name);

const decoder = new TextDecoder();
const encoder = new TextEncoder();
for (const [name, { resource, doc, text }] of Object.entries(DOC)) {
  const bytes = encoder.encode(text);
  const av = ajvValidate[resource];
  const zs = ZOD[resource];
  record("object", name, measure({
    subkit: () => subkit.validateResource(resource, doc),
    ajv: () => av(doc),
    zod: () => zs.safeParse(doc),
  }));
  record("string", name, measure({
    subkit: () => subkit.validateResource(resource, text),
    ajv: () => av(JSON.parse(text)),
    zod: () => zs.safeParse(JSON.parse(text)),
  }));
  record("bytes", name, measure({
    subkit: () => subkit.validateResource(resource, bytes),
    ajv: () => av(JSON.parse(decoder.decode(bytes))),
    zod: () => zs.safeParse(JSON.parse(decoder.decode(bytes))),
  }));
}

const AFTER = new Date("2024-01-01T00:00:00Z");
// The same expressions as benches/cases.rs FREQUENCIES (monthly is measured below).
const CRON_CASES = ["0 9 * * 1-5", "*/15 9-17 * * MON-FRI", "0 0 29 2 *", "0 0 1 * *"];
const TARGET_CRON = "0 9 * * 1-5";
for (const expr of CRON_CASES) {
  record("cron parse", expr, measure({
    subkit: () => subkit.parseFrequency(expr),
    croner: () => new Cron(expr),
    "cron-parser": () => CronExpressionParser.parse(expr, { currentDate: AFTER, tz: "UTC" }),
  }));
  record("cron 1000 runs", expr, measure({
    subkit: () => subkit.nextRuns(expr, { after: AFTER, count: 1000 }),
    croner: () => new Cron(expr).nextRuns(1000, AFTER),
    "cron-parser": () => CronExpressionParser.parse(expr, { currentDate: AFTER, tz: "UTC" }).take(1000),
  }));
}
// Parse + next 1000 runs from startsAt in each of nextRuns' formats (ISO strings, the
// default, and `format: "epochMs"`, a Float64Array) against croner at its fastest: a
// fixed UTC offset (no time zone to resolve), with and without the field count given
// (`mode: "5-part"`); the faster of the two in this run is the one compared. croner
// answers Date objects, which neither format has to build. Its start is exclusive and
// startsAt inclusive, so croner starts from the second before.
const CRONER_FROM = new Date(AFTER.getTime() - 1000);
const CRONER_FAST = { "utcOffset 0": { utcOffset: 0 }, "utcOffset 0, 5-part": { utcOffset: 0, mode: "5-part" } };
for (const expr of CRON_CASES) {
  const ms = Array.from(subkit.nextRuns(expr, { startsAt: AFTER, count: 1000, format: "epochMs" }).runs);
  const iso = subkit.nextRuns(expr, { startsAt: AFTER, count: 1000 }).runs;
  for (const options of Object.values(CRONER_FAST)) {
    const theirs = new Cron(expr, options).nextRuns(1000, CRONER_FROM).map((d) => d.getTime());
    // croner stops searching at the year 3000 (237 runs of 0 0 29 2 *); the runs it gives must match.
    if (JSON.stringify(theirs) !== JSON.stringify(ms.slice(0, theirs.length))) throw new Error(`croner disagrees with subkit on ${expr}`);
  }
  if (JSON.stringify(iso.map(Date.parse)) !== JSON.stringify(ms)) throw new Error(`subkit's formats disagree on ${expr}`);
  const r = measure({
    iso: () => subkit.nextRuns(expr, { startsAt: AFTER, count: 1000 }),
    epochMs: () => subkit.nextRuns(expr, { startsAt: AFTER, count: 1000, format: "epochMs" }),
    ...Object.fromEntries(Object.entries(CRONER_FAST).map(([k, o]) => [k, () => new Cron(expr, o).nextRuns(1000, CRONER_FROM)])),
  });
  const [fastest, croner] = Object.keys(CRONER_FAST).map((k) => [k, r[k]]).sort((a, b) => b[1] - a[1])[0];
  record("1000 ISO", expr, { subkit: r.iso, [`croner (${fastest})`]: croner });
  record("1000 epochMs", expr, { subkit: r.epochMs, [`croner (${fastest})`]: croner });
}
record("preset 1000 runs", "monthly (croner: 0 0 1 * *)", measure({
  subkit: () => subkit.nextRuns("monthly", { startsAt: AFTER, count: 1000 }),
  croner: () => new Cron("0 0 1 * *").nextRuns(1000, AFTER),
}));

// ---- size: gzip -9 of what a page loads ----
const gzip9 = (buf) => {
  const r = spawnSync("gzip", ["-9", "-c", "-n"], { input: buf, maxBuffer: 1 << 26 });
  return r.status === 0 ? { bytes: r.stdout.length, tool: "gzip -9" } : { bytes: gzipSync(buf, { level: 9 }).length, tool: "zlib level 9" };
};
// What a page loads: the default entry, which carries the module's bytes, bundled and
// minified by esbuild as the peers are below (every export kept).
const subkitBundle = await build({ stdin: { contents: 'export * from "subkit";', resolveDir: new URL(".", ROOT).pathname, loader: "js" },
  bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "error" });
const files = [{ file: "subkit (esbuild --bundle --minify)", rawBytes: subkitBundle.outputFiles[0].contents.length,
  gzipBytes: gzip9(Buffer.from(subkitBundle.outputFiles[0].contents)).bytes }];
const gzipTool = gzip9(Buffer.from("x")).tool;
const size = { tool: gzipTool, files, gzipBytes: files.reduce((s, f) => s + f.gzipBytes, 0), rawBytes: files.reduce((s, f) => s + f.rawBytes, 0) };
// The module alone, and the opt-in `subkit/web` entry (which fetches the module as a
// file of its own) bundled as above, plus that file.
const wasmBytes = readFileSync(new URL("pkg/dist/subkit_bg.wasm", ROOT));
const wasmSize = { rawBytes: wasmBytes.length, gzipBytes: gzip9(wasmBytes).bytes };
const webBundle = await build({ stdin: { contents: 'export * from "subkit/web";', resolveDir: new URL(".", ROOT).pathname, loader: "js" },
  bundle: true, minify: true, format: "esm", platform: "browser", write: false, logLevel: "error" });
const webSize = { jsGzipBytes: gzip9(Buffer.from(webBundle.outputFiles[0].contents)).bytes, wasmGzipBytes: wasmSize.gzipBytes };
webSize.gzipBytes = webSize.jsGzipBytes + webSize.wasmGzipBytes;
// The peers as a page would ship them: each set bundled into one minified ES module by
// esbuild (every export of each library kept), then gzipped the same way.
const PEER_SETS = {
  "zod + croner + cronstrue": 'export { z } from "zod"; export { Cron } from "croner"; export { default as cronstrue } from "cronstrue";',
  "Ajv + ajv-formats + croner + cronstrue": 'export { default as Ajv } from "ajv"; export { default as addFormats } from "ajv-formats"; ' +
    'export { Cron } from "croner"; export { default as cronstrue } from "cronstrue";',
};
const peerSizes = [];
for (const [name, contents] of Object.entries(PEER_SETS)) {
  const out = await build({ stdin: { contents, resolveDir: new URL(".", ROOT).pathname, loader: "js" }, bundle: true, minify: true,
    format: "esm", platform: "browser", write: false, logLevel: "error" });
  const js = Buffer.from(out.outputFiles[0].contents);
  peerSizes.push({ name, minifiedBytes: js.length, gzipBytes: gzip9(js).bytes });
}
console.log(`size (${gzipTool}): subkit ${size.gzipBytes} bytes (${files.map((f) => `${f.file} ${f.gzipBytes}`).join(", ")}); ` +
  peerSizes.map((p) => `${p.name} ${p.gzipBytes} bytes (esbuild --bundle --minify)`).join("; "));

// ---- instantiation: compile + instantiate the module from its bytes, fresh glue each time ----
const glueUrl = new URL("pkg/dist/subkit.js", ROOT).href;
const startups = [];
for (let i = 0; i < 20; i++) {
  const glue = await import(`${glueUrl}?instance=${i}`);
  const t = performance.now();
  glue.initSync({ module: wasmBytes });
  startups.push(performance.now() - t);
}
startups.sort((a, b) => a - b);
const startupMs = startups[Math.floor(startups.length / 2)];
console.log(`instantiate (compile + init) median of 20: ${startupMs.toFixed(2)} ms`);

// ---- memory over 10^6 validate calls, on a private instance whose memory can be read ----
const CALLS = 1_000_000;
const WARM_CALLS = 20_000;
const memGlue = await import(`${glueUrl}?memory`);
const memExports = memGlue.initSync({ module: wasmBytes });
const gc = globalThis.gc ?? (() => {});
// Mostly valid documents as text, bytes and objects; one call in eight the invalid one.
const memInputs = [
  ...VALID_TARGET_DOCS.flatMap((n) => [[DOC[n].resource, DOC[n].text], [DOC[n].resource, encoder.encode(DOC[n].text)], [DOC[n].resource, DOC[n].doc]]),
  [DOC[INVALID_TARGET_DOC].resource, DOC[INVALID_TARGET_DOC].text], [DOC[INVALID_TARGET_DOC].resource, DOC[INVALID_TARGET_DOC].doc],
];
const memSchedule = [0, 1, 2, 3, 4, 5, 0, 6, 3, 1, 4, 2, 5, 0, 3, 7];
// The module's own call, as pkg/args.js makes it: the resource by its index, an object
// written as JSON text first (as pkg/read.js writes it, each call).
const memNames = memGlue._resourceNames();
const validateCalls = (from, to) => {
  for (let i = from; i < to; i++) {
    const [resource, input] = memInputs[memSchedule[i % memSchedule.length]];
    const document = typeof input === "string" || input instanceof Uint8Array ? input : JSON.stringify(input);
    memGlue._commerceLayer("validateResource", memNames.indexOf(resource), undefined, document);
  }
};
const wasmAtStart = memExports.memory.buffer.byteLength;
validateCalls(0, WARM_CALLS);
gc();
const wasmBefore = memExports.memory.buffer.byteLength;
const rssBefore = process.memoryUsage().rss;
const memT = performance.now();
validateCalls(WARM_CALLS, WARM_CALLS + CALLS);
const memSeconds = (performance.now() - memT) / 1000;
gc();
const wasmAfter = memExports.memory.buffer.byteLength;
const rssAfter = process.memoryUsage().rss;
const RSS_LIMIT = 10 * 1024 * 1024;
const memory = { calls: CALLS, warmUpCalls: WARM_CALLS, wasmBytesAtStart: wasmAtStart, wasmBytesBefore: wasmBefore, wasmBytesAfter: wasmAfter,
  rssBytesBefore: rssBefore, rssBytesAfter: rssAfter, rssGrowthBytes: rssAfter - rssBefore, gcExposed: globalThis.gc !== undefined, seconds: memSeconds };
const mib = (b) => `${(b / 1048576).toFixed(1)} MiB`;
console.log(`memory: wasm ${wasmAtStart} bytes at instantiation, ${wasmBefore} after ${WARM_CALLS} warm-up calls, ${wasmAfter} after ${CALLS} more; ` +
  `RSS ${mib(rssBefore)} -> ${mib(rssAfter)} (${memSeconds.toFixed(1)} s)`);

// ---- wasm against native: criterion's estimates for the same cases ----
// Validation compares JSON text in both (native `validate_json` and rendering the answer
// as JSON text, wasm a string argument, which also renders the errors and builds the JS
// result); schedules compare parse + 1000 runs (wasm also builds the JS result).
const native = [];
const criterion = (dir) => {
  const file = new URL(`target/criterion/${dir}/new/estimates.json`, ROOT);
  if (!existsSync(file)) return null;
  if (STARTED_MS !== null && statSync(file).mtimeMs < STARTED_MS) return null; // from an earlier run
  return JSON.parse(readFileSync(file, "utf8")).median.point_estimate;
};
const compare = (name, dir, group, rowName) => {
  const ns = criterion(dir);
  const row = rowOf(group, rowName);
  if (ns === null || !row) return;
  const wasmOps = row.opsPerSec.subkit;
  native.push({ name, criterion: dir, nativeOpsPerSec: 1e9 / ns, wasmOpsPerSec: wasmOps, wasmSlowdown: 1e9 / ns / wasmOps });
};
const criterionName = (s) => s.replace(/[*/]/g, "_");
for (const name of Object.keys(DOC)) compare(`${name} (JSON text)`, `validate/text/${criterionName(name)}`, "string", name);
for (const expr of CRON_CASES) compare(`${expr} (parse + 1000 runs)`, `schedule/parse+1000-runs/${criterionName(expr)}`, "cron 1000 runs", expr);
compare("monthly (parse + 1000 runs)", "schedule/parse+1000-runs/monthly", "preset 1000 runs", "monthly (croner: 0 0 1 * *)");
for (const expr of CRON_CASES) compare(`${expr} (parse + 1000 runs, epoch ms)`, `schedule/parse+1000-runs-epoch-ms/${criterionName(expr)}`, "1000 epochMs", expr);
for (const n of native) console.log(`native vs wasm, ${n.name}: wasm time / native time ${n.wasmSlowdown.toFixed(2)}`);

// ---- the target table ----
const x = (v) => `${v.toFixed(2)}×`;
const short = (name) => name.split("/")[0];
const targets = [];
const target = (path, goal, measured, ratio, pass) => targets.push({ path, target: goal, measured, ratio, status: pass ? "PASS" : "MISS" });
const textBytes = (n) => encoder.encode(DOC[n].text).length;
const docRatios = (group, peer, names) => names.map((n) => ({ doc: n, bytes: textBytes(n), ops: rowOf(group, n).opsPerSec, ratio: rowOf(group, n).subkitRatio[peer] }));
const opsText = (d, peer) => `${short(d.doc)} (${d.bytes} B): subkit ${fmtOps(d.ops.subkit)}/s, ${peer} ${fmtOps(d.ops[peer])}/s`;
{
  const r = docRatios("string", "ajv", VALID_TARGET_DOCS);
  target("valid documents, JSON text, vs JSON.parse + Ajv (allErrors)", "≥ 1.5× on order_subscriptions and customer_subscriptions",
    r.map((d) => opsText(d, "ajv")).join("; "), r.map((d) => `${short(d.doc)} ${x(d.ratio)}`).join(", "), r.every((d) => d.ratio >= 1.5));
}
{
  const r = docRatios("bytes", "ajv", VALID_TARGET_DOCS);
  target("valid documents, UTF-8 bytes, vs TextDecoder + JSON.parse + Ajv", "≥ 1.5×, both documents",
    r.map((d) => opsText(d, "ajv")).join("; "), r.map((d) => `${short(d.doc)} ${x(d.ratio)}`).join(", "), r.every((d) => d.ratio >= 1.5));
}
{
  const [d] = docRatios("string", "ajv", [INVALID_TARGET_DOC]);
  target(`invalid document with ${faults} faults (text, English messages), vs JSON.parse + Ajv`, "≥ 0.5×", opsText(d, "ajv"), x(d.ratio), d.ratio >= 0.5);
}
{
  const a = docRatios("object", "ajv", VALID_TARGET_DOCS);
  const zr = docRatios("object", "zod", VALID_TARGET_DOCS);
  target("JS objects (the two valid documents), vs zod (Ajv shown)", "≥ 0.5× zod",
    a.map((d, i) => `${short(d.doc)}: subkit ${fmtOps(d.ops.subkit)}/s, ajv ${fmtOps(d.ops.ajv)}/s, zod ${fmtOps(zr[i].ops.zod)}/s`).join("; "),
    `Ajv ${a.map((d) => `${short(d.doc)} ${x(d.ratio)}`).join(", ")}; zod ${zr.map((d) => `${short(d.doc)} ${x(d.ratio)}`).join(", ")}`,
    zr.every((d) => d.ratio >= 0.5));
}
for (const [group, label, goal] of [["1000 ISO", "ISO strings", 60], ["1000 epochMs", 'epoch milliseconds (format: "epochMs")', 100]]) {
  const row = rowOf(group, TARGET_CRON);
  const [peer, ops] = Object.entries(row.opsPerSec).find(([k]) => k !== "subkit");
  const ratio = row.subkitRatio[peer];
  target(`parse + next 1000 runs of \`${TARGET_CRON}\`, ${label}, vs ${peer}`, `≥ ${goal}×`,
    `subkit ${fmtOps(row.opsPerSec.subkit)}/s (${(1000 / row.opsPerSec.subkit).toFixed(3)} ms), croner ${fmtOps(ops)}/s (${(1000 / ops).toFixed(2)} ms)`,
    x(ratio), ratio >= goal);
}
{
  const LIMIT = 50_000;
  target(`wasm + JS, ${gzipTool} (the default entry, which carries the module, as esbuild bundles it)`, "≤ 50 KB (50,000 bytes)",
    `${size.gzipBytes.toLocaleString("en-US")} bytes; peers bundled with esbuild --bundle --minify, ${gzipTool}: ` +
      peerSizes.map((p) => `${p.name} ${p.gzipBytes.toLocaleString("en-US")} bytes`).join(", "),
    `${x(size.gzipBytes / LIMIT)} the limit; ${peerSizes.map((p) => `${x(size.gzipBytes / p.gzipBytes)} ${p.name.split(" ")[0]} set`).join(", ")}`,
    size.gzipBytes <= LIMIT);
  target(`the .wasm alone, ${gzipTool}`, "≤ 40 KB (40,000 bytes)",
    `${wasmSize.gzipBytes.toLocaleString("en-US")} bytes (${wasmSize.rawBytes.toLocaleString("en-US")} raw)`,
    `${x(wasmSize.gzipBytes / 40_000)} the limit`, wasmSize.gzipBytes <= 40_000);
  target(`\`subkit/web\` entry (esbuild --bundle --minify) + the .wasm it fetches, ${gzipTool}`, "≤ 50 KB (50,000 bytes)",
    `${webSize.gzipBytes.toLocaleString("en-US")} bytes (JS ${webSize.jsGzipBytes.toLocaleString("en-US")}, wasm ${webSize.wasmGzipBytes.toLocaleString("en-US")})`,
    `${x(webSize.gzipBytes / LIMIT)} the limit`, webSize.gzipBytes <= LIMIT);
}
{
  const docs = [...VALID_TARGET_DOCS, INVALID_TARGET_DOC];
  const found = docs.map((n) => native.find((m) => m.name === `${n} (JSON text)`));
  if (found.every(Boolean)) {
    target("wasm vs native, same input and output (JSON text in, rendered answer out)", "≤ 1.5× (wasm time / native time)",
      found.map((m, i) => `${docs[i]}: wasm ${fmtOps(m.wasmOpsPerSec)}/s, native ${fmtOps(m.nativeOpsPerSec)}/s`).join("; "),
      found.map((m, i) => `${short(docs[i])}${docs[i].endsWith("invalid") ? " invalid" : ""} ${x(m.wasmSlowdown)}`).join(", "),
      found.every((m) => m.wasmSlowdown <= 1.5));
  } else {
    target("wasm vs native, same input and output", "≤ 1.5× (wasm time / native time)", "no criterion estimates from this run (run scripts/bench.sh)", "–", false);
  }
}
target("instantiation (compile + instantiate from the bytes, Node)", "< 5 ms", `median of 20: ${startupMs.toFixed(2)} ms`,
  `${x(startupMs / 5)} the limit`, startupMs < 5);
{
  const flat = wasmAfter === wasmBefore && memory.rssGrowthBytes < RSS_LIMIT;
  target(`memory over 10^6 validate calls (after ${WARM_CALLS.toLocaleString("en-US")} warm-up calls)`,
    "flat: wasm memory unchanged, RSS growth < 10 MiB",
    `wasm memory.buffer ${wasmBefore.toLocaleString("en-US")} → ${wasmAfter.toLocaleString("en-US")} bytes; RSS ${mib(rssBefore)} → ${mib(rssAfter)} ` +
      `(${memory.rssGrowthBytes >= 0 ? "+" : ""}${mib(memory.rssGrowthBytes)}${memory.gcExposed ? ", after gc()" : ""})`,
    `${x(wasmAfter / wasmBefore)} wasm memory`, flat);
}

const machine = `${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}`;
const date = new Date().toISOString();
const settings = `BENCH_MS=${MIN_MS}, ${ROUNDS} rounds, best round`;
const cell = (s) => String(s).replace(/\|/g, "\\|");
const targetTable = [
  "| path | target | measured | ratio | status |",
  "|---|---|---|---|---|",
  ...targets.map((t) => `| ${cell(t.path)} | ${t.target} | ${cell(t.measured)} | ${t.ratio} | ${t.status} |`),
];
console.log(`\ntargets (${date.slice(0, 10)}, ${machine}, ${settings}):\n`);
console.log(targetTable.join("\n"));
const passed = targets.filter((t) => t.status === "PASS").length;
console.log(`\n${passed} of ${targets.length} targets met`);

const out = { date, machine, settings: { benchMs: MIN_MS, rounds: ROUNDS }, targets, rows, size, wasmSize, webSize, peerSizes, startupMs, native, memory, agreement, faults,
  documents: Object.fromEntries(Object.entries(DOC).map(([n, d]) => [n, { resource: d.resource, bytes: textBytes(n) }])) };
mkdirSync(new URL("bench-results/", ROOT), { recursive: true });
writeFileSync(new URL("bench-results/latest.json", ROOT), JSON.stringify(out, null, 2));
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const md = [
  `Measured ${date.slice(0, 10)} on ${machine}; ${settings}. Ratios are subkit ops/sec divided by the peer's (above 1: subkit is faster), ` +
    "except where a row says otherwise. Every peer measured in the same run, in turn with subkit.",
  "",
  "## Targets",
  "",
  ...targetTable,
  "",
  `${passed} of ${targets.length} targets met.`,
  "",
  "## Every case",
  "",
  `Documents (JSON text bytes): ${Object.entries(out.documents).map(([n, d]) => `${n} ${d.bytes}`).join(", ")}. ` +
    `The peer schemas agree with subkit on ${agreement.ajv} (Ajv) and ${agreement.zod} (zod) of the ${agreement.cases} fixture documents of tests/fixtures/commercelayer.`,
  "",
  "| input | case | subkit ops/s | peers ops/s | subkit ratio |",
  "|---|---|---|---|---|",
  ...rows.map((r) => `| ${r.group} | ${r.name} | ${fmt(r.opsPerSec.subkit)} | ${Object.entries(r.opsPerSec).filter(([k]) => k !== "subkit").map(([k, v]) => `${k} ${fmt(v)}`).join(", ")} | ${Object.entries(r.subkitRatio).map(([k, v]) => `${v.toFixed(2)}× ${k}`).join(", ")} |`),
  "",
  `Size (${gzipTool}): ${files.map((f) => `${f.file} ${f.rawBytes} bytes, ${f.gzipBytes} gzipped`).join("; ")}; total ${size.gzipBytes} gzipped. ` +
    `Peers, bundled by esbuild (--bundle --minify, ES module, every export kept): ${peerSizes.map((p) => `${p.name} ${p.minifiedBytes} bytes minified, ${p.gzipBytes} gzipped`).join("; ")}.`,
  "",
  `Instantiation median ${startupMs.toFixed(2)} ms. Memory: wasm ${wasmAtStart} bytes at instantiation, ${wasmBefore} after ${WARM_CALLS} warm-up calls, ` +
    `${wasmAfter} after ${CALLS} more; RSS ${rssBefore} → ${rssAfter} bytes.`,
  "",
  ...native.map((n) => `- native vs wasm, ${n.name}: wasm time / native time ${n.wasmSlowdown.toFixed(2)} (native ${fmt(n.nativeOpsPerSec)}/s, criterion ${n.criterion}).`),
].join("\n");
writeFileSync(new URL("bench-results/latest.md", ROOT), `${md}\n`);
console.log("\nwrote bench-results/latest.json and latest.md");
