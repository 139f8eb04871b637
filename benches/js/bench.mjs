// JS benchmarks: subkit (the built package) against the libraries people would pick
// instead, side by side in one process. Prints ops/sec and ratios, and writes
// bench-results/latest.json and latest.md. Run through scripts/bench.sh.
//
// Peers (pinned devDependencies): Ajv 8 with ajv-formats and zod 4 for validation,
// croner and cron-parser for schedules.
process.env.TZ = "UTC"; // croner's fastest setting is local time; make local UTC.

import { readFileSync, writeFileSync, mkdirSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import os from "node:os";
import Ajv from "ajv";
import addFormats from "ajv-formats";
import { z } from "zod";
import { Cron } from "croner";
import { CronExpressionParser } from "cron-parser";
import * as subkit from "subkit";

const ROOT = new URL("../../", import.meta.url);
const MIN_MS = Number(process.env.BENCH_MS ?? 400);

/** ops/sec of `fn`, measured in batches until MIN_MS has passed. */
function opsPerSec(fn) {
  // Warm up for 200 calls or a quarter of the budget, whichever comes first: some peers
  // take a second per call on some cases.
  const warm = performance.now();
  for (let i = 0; i < 200 && performance.now() - warm < MIN_MS / 4; i++) fn();
  let n = 0;
  let batch = 16;
  const start = performance.now();
  let elapsed = 0;
  while (elapsed < MIN_MS) {
    for (let i = 0; i < batch; i++) fn();
    n += batch;
    batch *= 2;
    elapsed = performance.now() - start;
  }
  return (n / elapsed) * 1000;
}

// ---- documents (the same as benches/cases.rs) ----
const metadata = (n) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`key_${i}`, `value ${i}`]));
const order = (meta) => ({ data: { type: "order_subscriptions",
  attributes: { frequency: "monthly", starts_at: "2018-01-01T12:00:00.000Z", metadata: meta },
  relationships: { source_order: { data: { type: "orders", id: "QWERtyUpBa" } } } } });
const DOCS = [
  ["customer_subscriptions/valid", "customer_subscriptions", { data: { type: "customer_subscriptions", attributes: { customer_email: "john@example.com", reference: "ANY-EXTERNAL-REFEFERNCE" } } }],
  ["customer_subscriptions/invalid", "customer_subscriptions", { data: { type: "customer_subscriptions", attributes: { customer_email: 42, foo: 1 } } }],
  ["order_subscriptions/valid-small", "order_subscriptions", order(metadata(2))],
  ["order_subscriptions/valid-large-metadata", "order_subscriptions", order(metadata(200))],
  ["order_subscriptions/invalid", "order_subscriptions", { data: { type: "order_subscriptions",
    attributes: { frequency: "*/5 * * * *", activate_by_source_order: false, renewal_alert_period: 0 },
    relationships: { source_order: { data: { type: "customers", id: "" } } } } }],
  ["subscription_models/valid", "subscription_models", { data: { type: "subscription_models",
    attributes: { name: "EU Subscription Model", frequencies: ["hourly", "10 * * * *", "weekly", "monthly", "two-month"] } } }],
];

// ---- peer schemas: the same rules as far as each can express them ----
// A frequency: a preset, or five crontab fields whose minute field is a single number
// (the hour rule). Neither peer can check ranges or "never fires"; this is the closest.
const FREQUENCY = "^(hourly|daily|weekly|monthly|two-month|three-month|four-month|six-month|yearly|[0-5]?[0-9](\\s+\\S+){4})$";
const linkage = (type) => ({ type: "object", required: ["data"], properties: { data: { type: "object",
  required: ["type", "id"], additionalProperties: false,
  properties: { type: { const: type }, id: { type: "string", minLength: 1 } } } } });
const envelope = (type, attributes, required, relationships = null, requiredRels = []) => ({
  type: "object", required: ["data"], properties: { data: { type: "object", required: ["type", "attributes"],
    additionalProperties: false,
    properties: {
      type: { const: type },
      attributes: { type: "object", required, additionalProperties: false, properties: attributes },
      ...(relationships ? { relationships: { type: "object", required: requiredRels, additionalProperties: false, properties: relationships } } : {}),
    },
    ...(requiredRels.length ? { required: ["type", "attributes", "relationships"] } : {}) } } });
const common = { reference: { type: ["string", "null"] }, reference_origin: { type: ["string", "null"] }, metadata: { type: ["object", "null"] } };
const AJV_SCHEMAS = {
  customer_subscriptions: envelope("customer_subscriptions",
    { customer_email: { type: "string", format: "email" }, ...common, reference: { type: "string", minLength: 1 } },
    ["customer_email", "reference"]),
  order_subscriptions: envelope("order_subscriptions", {
    frequency: { type: "string", pattern: FREQUENCY }, activate_by_source_order: { type: "boolean" },
    place_target_order: { type: "boolean" }, renewal_alert_period: { type: "integer", minimum: 1, maximum: 720 },
    starts_at: { type: "string", format: "date-time" }, expires_at: { type: "string", format: "date-time" }, ...common,
  }, ["frequency"], { source_order: linkage("orders"), market: linkage("markets"),
    tags: { type: "object", required: ["data"], properties: { data: { type: "array", items: linkage("tags").properties.data } } } },
  ["source_order"]),
  subscription_models: envelope("subscription_models", {
    name: { type: "string", minLength: 1 }, strategy: { enum: ["by_frequency", "by_line_items"] },
    frequencies: { type: "array", minItems: 1, uniqueItems: true, items: { type: "string", pattern: FREQUENCY } },
    auto_activate: { type: "boolean" }, auto_cancel: { type: "boolean" }, ...common,
  }, ["name", "frequencies"]),
};
const ajv = new Ajv({ allErrors: true });
addFormats(ajv);
const ajvValidate = Object.fromEntries(Object.entries(AJV_SCHEMAS).map(([k, s]) => [k, ajv.compile(s)]));

const zFrequency = z.string().regex(new RegExp(FREQUENCY));
const zLinkage = (type) => z.object({ data: z.strictObject({ type: z.literal(type), id: z.string().min(1) }) });
const zCommon = { reference: z.string().nullable().optional(), reference_origin: z.string().nullable().optional(), metadata: z.record(z.string(), z.unknown()).nullable().optional() };
const zEnvelope = (type, attributes, relationships) => z.object({ data: z.strictObject({
  type: z.literal(type), attributes: z.strictObject(attributes), ...(relationships ? { relationships: z.strictObject(relationships) } : {}) }) });
const ZOD = {
  customer_subscriptions: zEnvelope("customer_subscriptions", { ...zCommon, customer_email: z.email(), reference: z.string().min(1) }),
  order_subscriptions: zEnvelope("order_subscriptions", { ...zCommon, frequency: zFrequency,
    activate_by_source_order: z.boolean().optional(), place_target_order: z.boolean().optional(),
    renewal_alert_period: z.number().int().min(1).max(720).optional(),
    starts_at: z.iso.datetime().optional(), expires_at: z.iso.datetime().optional() },
  { source_order: zLinkage("orders"), market: zLinkage("markets").optional(),
    tags: z.object({ data: z.array(z.strictObject({ type: z.literal("tags"), id: z.string().min(1) })) }).optional() }),
  subscription_models: zEnvelope("subscription_models", { ...zCommon, name: z.string().min(1),
    strategy: z.enum(["by_frequency", "by_line_items"]).optional(), frequencies: z.array(zFrequency).min(1),
    auto_activate: z.boolean().optional(), auto_cancel: z.boolean().optional() }),
};

// The peers must agree with subkit on every benchmark document, or the comparison is moot.
for (const [name, resource, doc] of DOCS) {
  const expected = subkit.validateResource(resource, doc).valid;
  if (ajvValidate[resource](doc) !== expected) throw new Error(`Ajv disagrees with subkit on ${name}`);
  if (ZOD[resource].safeParse(doc).success !== expected) throw new Error(`zod disagrees with subkit on ${name}`);
}

const rows = [];
const record = (group, name, results) => {
  const base = results.subkit;
  const ratios = Object.fromEntries(Object.entries(results).filter(([k]) => k !== "subkit").map(([k, v]) => [k, base / v]));
  rows.push({ group, name, opsPerSec: results, subkitRatio: ratios });
  const fmt = (v) => v.toLocaleString("en-US", { maximumFractionDigits: 0 });
  console.log(`${group.padEnd(12)} ${name.padEnd(44)} ${Object.entries(results).map(([k, v]) => `${k} ${fmt(v)}/s`).join("  ")}  ` +
    Object.entries(ratios).map(([k, r]) => `×${r.toFixed(2)} vs ${k}`).join("  "));
};

const decoder = new TextDecoder();
for (const [name, resource, doc] of DOCS) {
  const text = JSON.stringify(doc);
  const bytes = new TextEncoder().encode(text);
  const av = ajvValidate[resource];
  const zs = ZOD[resource];
  record("object", name, {
    subkit: opsPerSec(() => subkit.validateResource(resource, doc)),
    ajv: opsPerSec(() => av(doc)),
    zod: opsPerSec(() => zs.safeParse(doc)),
  });
  record("string", name, {
    subkit: opsPerSec(() => subkit.validateResource(resource, text)),
    ajv: opsPerSec(() => av(JSON.parse(text))),
    zod: opsPerSec(() => zs.safeParse(JSON.parse(text))),
  });
  record("bytes", name, {
    subkit: opsPerSec(() => subkit.validateResource(resource, bytes)),
    ajv: opsPerSec(() => av(JSON.parse(decoder.decode(bytes)))),
    zod: opsPerSec(() => zs.safeParse(JSON.parse(decoder.decode(bytes)))),
  });
}

const AFTER = new Date("2024-01-01T00:00:00Z");
// The same expressions as benches/cases.rs FREQUENCIES (monthly is measured below).
const CRON_CASES = ["0 9 * * 1-5", "*/15 9-17 * * MON-FRI", "0 0 29 2 *", "0 0 1 * *"];
for (const expr of CRON_CASES) {
  record("cron parse", expr, {
    subkit: opsPerSec(() => subkit.parseFrequency(expr)),
    croner: opsPerSec(() => new Cron(expr)),
    "cron-parser": opsPerSec(() => CronExpressionParser.parse(expr, { currentDate: AFTER, tz: "UTC" })),
  });
  record("cron 1000 runs", expr, {
    subkit: opsPerSec(() => subkit.nextRuns(expr, { after: AFTER, count: 1000 })),
    croner: opsPerSec(() => new Cron(expr).nextRuns(1000, AFTER)),
    "cron-parser": opsPerSec(() => CronExpressionParser.parse(expr, { currentDate: AFTER, tz: "UTC" }).take(1000)),
  });
}
// Parse + next 1000 runs in each of nextRuns' formats (ISO strings, the default, and
// `format: "epochMs"`, a Float64Array) against croner at its fastest: a fixed UTC
// offset (no time zone to resolve; as fast as local time under TZ=UTC, within the
// noise) and the field count given rather than detected. croner answers Date
// objects, which neither format has to build.
const CRONER_FAST = { utcOffset: 0, mode: "5-part" };
for (const expr of CRON_CASES) {
  const ms = Array.from(subkit.nextRuns(expr, { after: AFTER, count: 1000, format: "epochMs" }).runs);
  const iso = subkit.nextRuns(expr, { after: AFTER, count: 1000 }).runs;
  const theirs = new Cron(expr, CRONER_FAST).nextRuns(1000, AFTER).map((d) => d.getTime());
  // croner stops searching at the year 3000 (237 runs of 0 0 29 2 *); the runs it gives must match.
  if (JSON.stringify(theirs) !== JSON.stringify(ms.slice(0, theirs.length))) throw new Error(`croner disagrees with subkit on ${expr}`);
  if (JSON.stringify(iso.map(Date.parse)) !== JSON.stringify(ms)) throw new Error(`subkit's formats disagree on ${expr}`);
  const croner = opsPerSec(() => new Cron(expr, CRONER_FAST).nextRuns(1000, AFTER));
  record("1000 ISO", expr, {
    subkit: opsPerSec(() => subkit.nextRuns(expr, { after: AFTER, count: 1000 })),
    "croner (fastest)": croner,
  });
  record("1000 epochMs", expr, {
    subkit: opsPerSec(() => subkit.nextRuns(expr, { after: AFTER, count: 1000, format: "epochMs" })),
    "croner (fastest)": croner,
  });
}
record("preset 1000 runs", "monthly (croner: 0 0 1 * *)", {
  subkit: opsPerSec(() => subkit.nextRuns("monthly", { startsAt: AFTER, count: 1000 })),
  croner: opsPerSec(() => new Cron("0 0 1 * *").nextRuns(1000, AFTER)),
});

// Start-up and size.
const wasmBytes = readFileSync(new URL("pkg/dist/subkit_bg.wasm", ROOT));
const glueUrl = new URL("pkg/dist/subkit.js", ROOT).href;
const startups = [];
for (let i = 0; i < 20; i++) {
  const glue = await import(`${glueUrl}?instance=${i}`);
  const t = performance.now();
  glue.initSync({ module: wasmBytes });
  startups.push(performance.now() - t);
}
startups.sort((a, b) => a - b);
const size = { rawBytes: wasmBytes.length, gzipBytes: gzipSync(wasmBytes, { level: 9 }).length };
const startupMs = startups[Math.floor(startups.length / 2)];
console.log(`wasm ${size.rawBytes} bytes, ${size.gzipBytes} gzipped; instantiate (compile + init) median ${startupMs.toFixed(2)} ms`);

// wasm against native: criterion's estimates for the same cases, when `cargo bench`
// ran. Validation compares JSON text in both (native `validate_json`, wasm a string
// argument, which also renders the errors and builds the JS result); schedules compare
// parse + 1000 runs (wasm also writes the ISO strings and builds the JS result).
const native = [];
const criterion = (dir) => {
  const file = new URL(`target/criterion/${dir}/new/estimates.json`, ROOT);
  return existsSync(file) ? JSON.parse(readFileSync(file, "utf8")).median.point_estimate : null;
};
const compare = (name, dir, group, rowName) => {
  const ns = criterion(dir);
  const row = rows.find((r) => r.group === group && r.name === rowName);
  if (ns === null || !row) return;
  const wasmOps = row.opsPerSec.subkit;
  native.push({ name, nativeOpsPerSec: 1e9 / ns, wasmOpsPerSec: wasmOps, wasmSlowdown: 1e9 / ns / wasmOps });
};
for (const [name] of DOCS) compare(`${name} (JSON text)`, `validate/text/${name.replace("/", "_")}`, "string", name);
for (const expr of CRON_CASES) compare(`${expr} (parse + 1000 runs)`, `schedule/parse+1000-runs/${expr.replace(/[*/]/g, "_")}`, "cron 1000 runs", expr);
compare("monthly (parse + 1000 runs)", "schedule/parse+1000-runs/monthly", "preset 1000 runs", "monthly (croner: 0 0 1 * *)");
for (const expr of CRON_CASES) compare(`${expr} (parse + 1000 runs, epoch ms)`, `schedule/parse+1000-runs-epoch-ms/${expr.replace(/[*/]/g, "_")}`, "1000 epochMs", expr);
for (const n of native) console.log(`native vs wasm, ${n.name}: wasm is ${n.wasmSlowdown.toFixed(2)}× slower`);

const machine = `${os.cpus()[0]?.model ?? "unknown CPU"}, ${os.cpus().length} cores, Node ${process.version}`;
const out = { date: new Date().toISOString(), machine, rows, size, startupMs, native };
mkdirSync(new URL("bench-results/", ROOT), { recursive: true });
writeFileSync(new URL("bench-results/latest.json", ROOT), JSON.stringify(out, null, 2));
const fmt = (v) => (v >= 100 ? v.toFixed(0) : v.toFixed(1));
const md = [
  `Measured ${out.date.slice(0, 10)} on ${machine}. Ratios are subkit ops/sec divided by the peer's (above 1: subkit is faster).`,
  "",
  "| input | case | subkit ops/s | peers ops/s | subkit ratio |",
  "|---|---|---|---|---|",
  ...rows.map((r) => `| ${r.group} | ${r.name} | ${fmt(r.opsPerSec.subkit)} | ${Object.entries(r.opsPerSec).filter(([k]) => k !== "subkit").map(([k, v]) => `${k} ${fmt(v)}`).join(", ")} | ${Object.entries(r.subkitRatio).map(([k, v]) => `${v.toFixed(2)}× ${k}`).join(", ")} |`),
  "",
  `wasm: ${size.rawBytes} bytes, ${size.gzipBytes} gzipped; instantiation median ${startupMs.toFixed(2)} ms.`,
  ...native.map((n) => `native vs wasm, ${n.name}: wasm ${n.wasmSlowdown.toFixed(2)}× slower than native.`),
].join("\n");
writeFileSync(new URL("bench-results/latest.md", ROOT), `${md}\n`);
console.log("\nwrote bench-results/latest.json and latest.md");
