// subkit in workerd under load and under hostile calls, with the Worker of
// tests/runtimes/load-worker served by examples/worker's pinned wrangler on 127.0.0.1.
//
// Load: at least 20,000 requests, 16 at a time, of valid, invalid and hostile bodies
// (tests/fixtures, the JSON-expressible calls of tests/adversarial/corpus.mjs, and the
// two reproductions below), each passed to subkit as text, as bytes or as a parsed
// object. Every answer must be the one the package gives in this Node process for the
// same body and call, no answer may be a 5xx, and after a warm-up the wasm's memory and
// externref table must stay as they were. Throughput and latency are printed, not
// asserted: docs/benchmarks.md has the figures of one run.
//
// Leak: every export × every class of tests/adversarial/hostile.mjs, hammered inside
// the Worker, must leave the table's occupied slots, its length and the memory flat.
//
// SUBKIT_PACKAGE may name another package folder (one with the same layout as pkg/,
// dist/ built) to run both parts on another build, as tests/js/leak.test.mjs allows:
// the Worker is bundled with that folder's entry and glue, and Node imports its node.js.
import { describe, test, before, after } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { isDeepStrictEqual, types } from "node:util";
import { EXAMPLE, ROOT, WRANGLER, nodeForWrangler, run, startDev, stop, wranglerEnv } from "./support/wrangler.mjs";
import { cases as corpusCases } from "../adversarial/corpus.mjs";
import { CLASSES, PLACES } from "../adversarial/hostile.mjs";
import { BODY_AT } from "./load-worker/calls.mjs";

const PACKAGE = process.env.SUBKIT_PACKAGE ? resolve(process.env.SUBKIT_PACKAGE) : null;
const subkit = PACKAGE ? await import(pathToFileURL(join(PACKAGE, "node.js")).href) : await import("subkit");
const WORKER_DIR = join(ROOT, "tests/runtimes/load-worker");

const REQUESTS = Number(process.env.SUBKIT_LOAD_REQUESTS ?? 20_000);
const CONCURRENCY = 16;
// Hostile calls per export × class, the class "nested past every limit" (5,000 levels a
// call) included: the whole leak part takes about a minute on the 2-core test machine.
const LEAK_CALLS = Number(process.env.SUBKIT_LEAK_CALLS ?? 10_000);
const LEAK_WARM_UP = 100;
const LEAK_PROBE_CALLS = 1_000;
// What "flat" allows after a warm-up: every per-call buffer and cache has reached its size
// by then, so nothing. A leak of one slot per call shows as thousands.
const TABLE_SLACK = 0;
const MEMORY_SLACK_BYTES = 0;

// Options the build calls get: fixed, and secrets in name only, so answers compare.
const CL_OPTIONS = { organization: "yourdomain", accessToken: "load-test-token" };
const ADOBE_OPTIONS = { environment: "sandbox", accessToken: "load-test-token", apiKey: "load-test-key", correlationId: "load-test-correlation" };
// Bodies are sent tens of times each: the corpus's 64 MB inputs are left to the Node and
// Chromium corpus runs. Object forms stop at 6,000 levels: the 5,000 of the reproduction
// must get one answer in every engine, the corpus's 10^5 need not (it notes that
// JSON.stringify overflows some engines' stacks there and not others').
const MAX_BODY_BYTES = 256 * 1024;
const MAX_ARGS_CHARS = 4096;
const MAX_OBJECT_DEPTH = 6_000;

const encoder = new TextEncoder();
const decoder = new TextDecoder(); // as Request.text(): UTF-8, U+FFFD for bad bytes

let work, loadWorker, leakWorker;
let configArgs = []; // wrangler's --config for SUBKIT_PACKAGE, else none
const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

// ---- the bodies and calls ----

// Nesting of a JSON text, strings skipped.
function depthOf(text) {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++;
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) max = Math.max(max, ++depth);
    else if (c === 0x7d || c === 0x5d) depth--;
  }
  return max;
}

// The JSON text of `value` if it is plain data that JSON carries unchanged, else null.
// Hostile values (throwing getters and traps, BigInt, cycles, NaN, -0, functions) are not.
function jsonOf(value) {
  try {
    if (types.isProxy(value)) return null;
    const text = JSON.stringify(value);
    if (typeof text !== "string" || !isDeepStrictEqual(JSON.parse(text), value)) return null;
    return text;
  } catch {
    return null;
  }
}

// Whether `value` has at most MAX_BODY_BYTES objects along its members, counting an
// object once per reference, as its text would: a value that shares its objects can
// have a text too long to write, which the corpus gives the Node and Chromium runs.
function fewObjects(value) {
  const stack = [value];
  for (let walked = 0; stack.length > 0; walked++) {
    if (walked > MAX_BODY_BYTES) return false;
    const o = stack.pop();
    if (o !== null && typeof o === "object") for (const k of Object.keys(o)) stack.push(o[k]);
  }
  return true;
}

// Arguments go in a header: JSON with everything past ASCII escaped.
const asciiJson = (value) => JSON.stringify(value).replace(/[\u007f-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);

/**
 * One call: `fn` with `args` (the arguments but the body, in order) and the body's
 * `bytes`. The forms it is sent in: text and bytes always, and a parsed object where
 * the text is JSON no deeper than MAX_OBJECT_DEPTH.
 */
function makeCase(label, fn, args, bytes) {
  assert.ok(fn in BODY_AT, fn);
  const text = decoder.decode(bytes);
  let parses = false;
  try {
    JSON.parse(text);
    parses = depthOf(text) <= MAX_OBJECT_DEPTH;
  } catch { /* text and bytes only */ }
  return { label, fn, header: asciiJson({ fn, args }), bytes: Buffer.from(bytes), text, forms: parses ? ["text", "bytes", "object"] : ["text", "bytes"] };
}

function fixtureCases() {
  const out = [];
  const fixtures = join(ROOT, "tests/fixtures");
  const read = (path) => JSON.parse(readFileSync(join(fixtures, path), "utf8"));
  const body = (value) => encoder.encode(JSON.stringify(value));
  for (const file of readdirSync(join(fixtures, "commercelayer"))) {
    const { resource, cases } = read(`commercelayer/${file}`);
    cases.forEach((c, i) => {
      const label = `fixture commercelayer/${file} #${i}: ${c.description}`;
      if (file.endsWith("_validate.json")) {
        const args = c.context ? [resource, c.context] : [resource];
        out.push(makeCase(label, "validateResource", args, c.text !== undefined ? encoder.encode(c.text) : body(c.document)));
      } else if (file.endsWith("_update.json") && c.document !== undefined) {
        const args = c.current ? [resource, c.id, { current: c.current }] : [resource, c.id];
        out.push(makeCase(label, "validateUpdate", args, body(c.document)));
      } else if (file.endsWith("_build.json")) {
        out.push(makeCase(label, "buildRequest", [resource, { ...c.options, ...CL_OPTIONS }], body(c.input)));
      }
    });
  }
  read("adobe/validate.json").cases.forEach((c, i) => out.push(makeCase(`fixture adobe/validate.json #${i}: ${c.description}`,
    "validateAdobeSubscription", c.context ? [c.context] : [], body(c.request))));
  read("adobe/build.json").cases.forEach((c, i) => out.push(makeCase(`fixture adobe/build.json #${i}: ${c.description}`,
    "buildAdobeSubscription", [ADOBE_OPTIONS], body(c.input))));
  read("adobe/update.json").cases.forEach((c, i) => out.push(makeCase(`fixture adobe/update.json #${i}: ${c.description}`,
    "validateAdobeSubscriptionUpdate", c.context ? [c.context] : [], body(c.request))));
  return out;
}

// A recorded body as the bytes a client would send: a string's UTF-8, a plain
// Uint8Array's bytes, or plain data's JSON text; null for what a body cannot carry.
function bodyBytes(value) {
  try {
    if (typeof value === "string") return value.length <= MAX_BODY_BYTES ? encoder.encode(value) : null;
    if (types.isProxy(value)) return null;
    if (types.isUint8Array(value) && Object.getPrototypeOf(value) === Uint8Array.prototype) return new Uint8Array(value);
    if (!fewObjects(value)) return null;
    const text = jsonOf(value);
    return text === null ? null : encoder.encode(text);
  } catch {
    return null; // a getter or trap that throws
  }
}

// The corpus's cases call the package; here they call a recorder instead, and each call
// whose body and other arguments JSON carries unchanged becomes a case. A flat input for
// buildResource goes to buildRequest, the call a Worker makes, with CL_OPTIONS.
function corpusCalls() {
  const out = [];
  for (const c of corpusCases()) {
    const calls = [];
    const recorder = new Proxy({}, { get: (_, fn) => (...args) => { calls.push({ fn, args }); return {}; } });
    try {
      c.run(recorder);
    } catch { /* the recorder answers {}, which a few runs read further: the calls are kept */ }
    for (let { fn, args } of calls) {
      if (fn === "buildResource" && args.length === 2) [fn, args] = ["buildRequest", [...args, CL_OPTIONS]];
      if (!(fn in BODY_AT) || args.length <= BODY_AT[fn]) continue;
      const rest = args.filter((_, i) => i !== BODY_AT[fn]);
      const restJson = jsonOf(rest);
      if (restJson === null || restJson.length > MAX_ARGS_CHARS) continue;
      const bytes = bodyBytes(args[BODY_AT[fn]]);
      if (bytes === null || bytes.length > MAX_BODY_BYTES) continue;
      out.push(makeCase(`corpus: ${c.name}`, fn, JSON.parse(restJson), bytes));
    }
  }
  return out;
}

// The two reproductions: Adobe headers as an array (Object.fromEntries refuses "ab"), and
// a Commerce Layer document nested 5,000 levels, both reachable from a JSON body.
function reproductionCases() {
  const deep = `{"data":${'{"a":'.repeat(4_999)}1${"}".repeat(5_000)}`;
  return [
    makeCase("reproduction: Adobe headers [\"ab\"]", "validateAdobeSubscription", [], encoder.encode('{"customerId":"P1005053489","headers":["ab"]}')),
    makeCase("reproduction: customer_subscriptions document nested 5,000 levels", "validateResource", ["customer_subscriptions"], encoder.encode(deep)),
    makeCase("reproduction: order_subscriptions document nested 5,000 levels", "validateResource", ["order_subscriptions"], encoder.encode(deep)),
    makeCase("reproduction: order_subscriptions update nested 5,000 levels", "validateUpdate", ["order_subscriptions", "x1"], encoder.encode(deep)),
  ];
}

// The body as the Worker makes it for `form`, from the bytes it receives.
function bodyFor(c, form) {
  if (form === "text") return c.text;
  if (form === "bytes") return new Uint8Array(c.bytes);
  return JSON.parse(c.text);
}

// subkit's answer as JSON text, the way load-worker/worker.js writes it.
function answerOf(c, form) {
  const { fn, args } = JSON.parse(c.header);
  args.splice(BODY_AT[fn], 0, bodyFor(c, form));
  try {
    return JSON.stringify(subkit[fn](...args));
  } catch (e) {
    return JSON.stringify({ threw: e?.name ?? typeof e, message: String(e?.message ?? e) });
  }
}

// ---- HTTP on 127.0.0.1 ----

function send(base, method, path, { body, headers = {} } = {}) {
  return new Promise((resolvePromise, reject) => {
    const req = httpRequest(new URL(path, base), { method, agent, headers }, (res) => {
      const chunks = [];
      res.on("data", (d) => chunks.push(d));
      res.on("end", () => resolvePromise({ status: res.statusCode, text: Buffer.concat(chunks).toString("utf8") }));
      res.on("error", reject);
    });
    req.on("error", reject);
    req.end(body);
  });
}

const state = async (dev) => {
  const res = await send(dev.url, "GET", "/state");
  assert.equal(res.status, 200, res.text);
  return JSON.parse(res.text);
};

// A fixed shuffle (mulberry32), so every run sends the same sequence.
function shuffled(list, seed) {
  const out = [...list];
  let s = seed >>> 0;
  const random = () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/**
 * Sends `count` requests, CONCURRENCY at a time, the i-th one `plan[i % plan.length]`
 * ([case, form]); checks each answer against Node's. Returns the tallies and latencies.
 */
async function load(dev, plan, count, expected) {
  const latencies = new Float64Array(count);
  const wrong = [];
  const statuses = new Map();
  let next = 0;
  const start = performance.now();
  const lane = async () => {
    for (let i = next++; i < count; i = next++) {
      const [c, form] = plan[i % plan.length];
      const t0 = performance.now();
      const res = await send(dev.url, "POST", `/call/${form}`, {
        body: c.bytes,
        headers: { "content-type": "application/json", "x-subkit-call": c.header },
      });
      latencies[i] = performance.now() - t0;
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      const want = expected.get(c)[form];
      if (res.status !== 200 || (res.text !== want && !sameJson(res.text, want))) {
        wrong.push({ label: c.label, fn: c.fn, form, status: res.status, got: res.text.slice(0, 300), want: want.slice(0, 300) });
      }
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, lane));
  const seconds = (performance.now() - start) / 1000;
  return { seconds, latencies, wrong, statuses };
}

function sameJson(a, b) {
  try {
    return isDeepStrictEqual(JSON.parse(a), JSON.parse(b));
  } catch {
    return false;
  }
}

function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// ---- the Workers ----

before(async () => {
  assert.ok(existsSync(WRANGLER), `${WRANGLER} is missing: run scripts/setup.sh --test (it installs examples/worker's lockfile)`);
  const pkg = PACKAGE ?? join(ROOT, "pkg");
  assert.ok(existsSync(join(pkg, "dist/subkit_bg.wasm")), `${pkg}/dist is missing: run scripts/build-pkg.sh`);
  work = mkdtempSync(join(tmpdir(), "subkit-load-"));
  const nodeDir = nodeForWrangler();
  // Another package goes in through a config of its own: `wrangler dev` takes --alias
  // but does not apply it (wrangler 4.164 reads aliases for dev from the config only).
  if (PACKAGE) {
    const config = join(work, "wrangler.toml");
    const toml = readFileSync(join(WORKER_DIR, "wrangler.toml"), "utf8");
    const date = /^compatibility_date\s*=\s*"([^"]+)"/m.exec(toml)[1];
    writeFileSync(config, [
      `name = "subkit-load-test"`,
      `main = ${JSON.stringify(join(WORKER_DIR, "worker.js"))}`,
      `compatibility_date = "${date}"`,
      "[alias]",
      `"subkit" = ${JSON.stringify(join(PACKAGE, "workerd.js"))}`,
      `"subkit-load-glue" = ${JSON.stringify(join(PACKAGE, "dist/subkit.js"))}`,
      "",
    ].join("\n"));
    configArgs = ["--config", config];
  }
  // Two Workers, each its own workerd: the load's table and memory are not the ones the
  // hostile calls wore, and the reverse. wrangler logs every request; the last 64 KB of
  // that log are kept, for a failure's message.
  const started = await Promise.allSettled([
    startDev({ name: "load", cwd: WORKER_DIR, work, nodeDir, args: configArgs, keepOutput: 65_536 }),
    startDev({ name: "leak", cwd: WORKER_DIR, work, nodeDir, args: configArgs, keepOutput: 65_536 }),
  ]);
  [loadWorker, leakWorker] = started.map((s) => s.value);
  const failed = started.find((s) => s.status === "rejected");
  if (failed) throw failed.reason;
});

after(async () => {
  agent.destroy();
  await Promise.all([loadWorker, leakWorker].map((dev) => stop(dev?.child)));
  if (work) rmSync(work, { recursive: true, force: true });
});

test("the load Worker's compatibility_date is examples/worker's, the pinned wrangler's newest", () => {
  const date = (file) => /^compatibility_date\s*=\s*"([^"]+)"/m.exec(readFileSync(file, "utf8"))?.[1];
  assert.equal(date(join(WORKER_DIR, "wrangler.toml")), date(join(EXAMPLE, "wrangler.toml")));
});

test("the Worker's bundle holds one copy of the package's glue, and the package's .wasm", async () => {
  // Bundled as `wrangler dev` bundles it (same config), without uploading. One copy of
  // the glue means the instance the Worker reads is the one subkit calls.
  const outdir = join(work, "bundle");
  const { code, output } = await run(WRANGLER, ["deploy", "--dry-run", "--outdir", outdir, ...configArgs],
    { cwd: WORKER_DIR, env: wranglerEnv(nodeForWrangler(), work) }, 120_000);
  assert.equal(code, 0, output);
  const files = readdirSync(outdir);
  const wasm = files.filter((f) => f.endsWith(".wasm"));
  assert.equal(wasm.length, 1, `expected one .wasm module, got ${files}`);
  assert.deepEqual(readFileSync(join(outdir, wasm[0])), readFileSync(join(PACKAGE ?? join(ROOT, "pkg"), "dist/subkit_bg.wasm")));
  const bundle = readFileSync(join(outdir, "worker.js"), "utf8");
  for (const fn of ["function initSync(", "function __wbg_finalize_init("]) {
    assert.equal(bundle.split(fn).length - 1, 1, `${fn} appears ${bundle.split(fn).length - 1} times in the bundle`);
  }
});

test("the Workers listen on 127.0.0.1 only", () => {
  for (const dev of [loadWorker, leakWorker]) assert.equal(new URL(dev.url).hostname, "127.0.0.1");
});

describe(`load: ${REQUESTS} requests, ${CONCURRENCY} at a time`, () => {
  const cases = [...fixtureCases(), ...corpusCalls(), ...reproductionCases()];
  // Node's answer for every case in every form, computed once.
  const expected = new Map(cases.map((c) => [c, Object.fromEntries(c.forms.map((form) => [form, answerOf(c, form)]))]));

  test("the bodies cover every call, form and source", (t) => {
    const count = (f) => cases.filter(f).length;
    t.diagnostic(`cases: ${cases.length} (fixtures ${count((c) => c.label.startsWith("fixture"))}, corpus ${count((c) => c.label.startsWith("corpus:"))}, `
      + `reproductions ${count((c) => c.label.startsWith("reproduction:"))}); ${cases.reduce((n, c) => n + c.forms.length, 0)} case × form pairs; `
      + Object.keys(BODY_AT).map((fn) => `${fn} ${count((c) => c.fn === fn)}`).join(", "));
    for (const fn of Object.keys(BODY_AT)) assert.ok(cases.some((c) => c.fn === fn), `no case calls ${fn}`);
    for (const resource of ["customer_subscriptions", "order_subscriptions", "subscription_models", "order_subscription_items"]) {
      for (const fn of ["validateResource", "buildRequest", "validateUpdate"]) {
        assert.ok(cases.some((c) => c.fn === fn && JSON.parse(c.header).args[0] === resource), `no ${fn} of ${resource}`);
      }
    }
    assert.ok(cases.filter((c) => c.label.startsWith("corpus:")).length >= 10, "fewer than 10 corpus calls are JSON-expressible");
    assert.ok(cases.every((c) => c.forms.includes("text") && c.forms.includes("bytes")));
    assert.ok(cases.filter((c) => c.forms.includes("object")).length > cases.length / 2);
    // Both reproductions reach the Worker as parsed objects.
    for (const c of cases.filter((c) => c.label.startsWith("reproduction:"))) assert.ok(c.forms.includes("object"), c.label);
  });

  test("every answer is Node's, none is a 5xx, and the table and memory stay flat", async (t) => {
    const plan = shuffled(cases.flatMap((c) => c.forms.map((form) => [c, form])), 20_000);
    // Warm-up: every case in every form once, so buffers and caches reach their size.
    const warm = await load(loadWorker, plan, plan.length, expected);
    const before = await state(loadWorker);
    const run = await load(loadWorker, plan, REQUESTS, expected);
    const after = await state(loadWorker);

    const sorted = [...run.latencies].sort((a, b) => a - b);
    const figures = {
      requests: REQUESTS,
      concurrency: CONCURRENCY,
      distinct: plan.length,
      seconds: Number(run.seconds.toFixed(2)),
      perSecond: Math.round(REQUESTS / run.seconds),
      p50ms: Number(percentile(sorted, 50).toFixed(2)),
      p99ms: Number(percentile(sorted, 99).toFixed(2)),
      maxMs: Number(sorted[sorted.length - 1].toFixed(2)),
      statuses: Object.fromEntries(run.statuses),
      before,
      after,
    };
    t.diagnostic(`load: ${JSON.stringify(figures)}`);
    console.log(`load: ${figures.perSecond} req/s, p50 ${figures.p50ms} ms, p99 ${figures.p99ms} ms over ${REQUESTS} requests (${plan.length} distinct), ${CONCURRENCY} at a time`);

    // Every problem at once, so that a failing run says all it found. Wrong answers are
    // grouped by case and form, one example each.
    const problems = [];
    const wrong = new Map();
    for (const w of [...warm.wrong, ...run.wrong]) {
      const key = `${w.label} (${w.fn}, ${w.form})`;
      wrong.set(key, { ...wrong.get(key) ?? w, count: (wrong.get(key)?.count ?? 0) + 1 });
    }
    for (const [key, w] of wrong) problems.push(`wrong answer ×${w.count}: ${key}: got ${w.status} ${w.got.slice(0, 160)}, want ${w.want.slice(0, 160)}`);
    const fiveXX = [...warm.statuses, ...run.statuses].filter(([s]) => s >= 500).reduce((n, [, k]) => n + k, 0);
    if (fiveXX > 0) problems.push(`${fiveXX} answers were 5xx`);
    if (after.instance !== before.instance) problems.push("the package replaced its wasm instance during the load");
    if (after.table - before.table > TABLE_SLACK) problems.push(`the externref table grew: ${before.table} -> ${after.table}`);
    if (after.occupied - before.occupied > TABLE_SLACK) problems.push(`occupied table slots grew: ${before.occupied} -> ${after.occupied}`);
    if (after.memory - before.memory > MEMORY_SLACK_BYTES) problems.push(`the wasm memory grew: ${before.memory} -> ${after.memory}`);
    for (const p of problems) t.diagnostic(`load: ${p}`);
    assert.deepEqual(problems, []);
  });
});

// One run of hammer() in the leak Worker, with the state before and after it.
async function hammerIn(dev, name, kind, n, warmUp) {
  const t0 = performance.now();
  const res = await send(dev.url, "POST", "/hammer", {
    body: JSON.stringify({ name, kind, n, warmUp }),
    headers: { "content-type": "application/json" },
  });
  assert.equal(res.status, 200, `${name} × ${kind}: ${res.text.slice(0, 500)}\n${dev.output.slice(-2000)}`);
  return { ...JSON.parse(res.text), n, ms: performance.now() - t0 };
}

const leaked = (r) => r.after.instance !== r.before.instance || r.after.occupied - r.before.occupied > TABLE_SLACK
  || r.after.table - r.before.table > TABLE_SLACK || r.after.memory - r.before.memory > MEMORY_SLACK_BYTES;

describe("leak: every export × every hostile class, hammered in workerd", () => {
  test(`${LEAK_CALLS} calls each leave the table and memory flat`, async (t) => {
    const rows = [];
    const start = performance.now();
    for (const name of Object.keys(PLACES)) {
      assert.equal(typeof subkit[name], "function", `${name} is an export`);
      for (const kind of Object.keys(CLASSES)) {
        // A first LEAK_PROBE_CALLS calls; a combination that leaks shows it there, and
        // stops, its rate measured on them. A leaked slot keeps what was thrown alive
        // (an Error with its stack), and 10^4 calls of each of a hundred leaking
        // combinations fill the isolate's heap until every call is slow.
        const first = await hammerIn(leakWorker, name, kind, Math.min(LEAK_CALLS, LEAK_PROBE_CALLS), LEAK_WARM_UP);
        let row = first;
        if (!leaked(first) && LEAK_CALLS > first.n) {
          const rest = await hammerIn(leakWorker, name, kind, LEAK_CALLS - first.n, 0);
          row = { before: first.before, after: rest.after, thrown: first.thrown + rest.thrown, n: LEAK_CALLS, ms: first.ms + rest.ms };
        }
        rows.push({ name, kind, ...row });
      }
    }
    const seconds = (performance.now() - start) / 1000;
    const deep = rows.filter((r) => r.kind === "nested past every limit").reduce((ms, r) => ms + r.ms, 0) / 1000;
    t.diagnostic(`leak: ${rows.length} combinations, ${rows.reduce((n, r) => n + r.n, 0)} calls in ${seconds.toFixed(1)} s (the 5,000-level object ${deep.toFixed(1)} s)`);
    const line = (r) => `${r.name} × ${r.kind}: ${((r.after.occupied - r.before.occupied) / r.n).toFixed(2)} slots per call over ${r.n} calls `
      + `(occupied ${r.before.occupied} -> ${r.after.occupied}, table ${r.before.table} -> ${r.after.table}, `
      + `memory ${r.before.memory} -> ${r.after.memory}, ${r.thrown} threw${r.after.instance !== r.before.instance ? ", instance replaced" : ""})`;
    const leaks = rows.filter(leaked);
    for (const r of leaks) t.diagnostic(`leak: ${line(r)}`);
    assert.deepEqual(leaks.map(line), [], `${leaks.length} of ${rows.length} export × class combinations left something behind`);
  });
});
