// The packed npm tarball, installed into a scratch project and loaded by Node exactly
// as a user would: ESM import and CommonJS require. Also the size budget of the wasm.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const PKG = fileURLToPath(new URL("../../pkg/", import.meta.url));
// The gzipped-size budget of subkit_bg.wasm, also stated in the README.
const GZIP_BUDGET_BYTES = 108 * 1024;

let scratch;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), "subkit-pack-"));
  const out = execFileSync("npm", ["pack", PKG, "--pack-destination", scratch, "--json", "--silent"], { encoding: "utf8" });
  const [{ filename }] = JSON.parse(out);
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", join(scratch, filename)], { cwd: scratch });
});

after(() => rmSync(scratch, { recursive: true, force: true }));

const SEED_001 = '{"data":{"type":"customer_subscriptions","attributes":{"customer_email":"john@example.com","reference":"ANY-EXTERNAL-REFEFERNCE"}}}';

function run(file, source) {
  writeFileSync(join(scratch, file), source);
  return JSON.parse(execFileSync("node", [file], { cwd: scratch, encoding: "utf8" }));
}

test("Node ESM: import from the installed tarball, no init call", () => {
  const out = run("esm.mjs", `
    import { validateResource, nextRuns } from "subkit";
    console.log(JSON.stringify({
      valid: validateResource("customer_subscriptions", ${JSON.stringify(SEED_001)}).valid,
      runs: nextRuns("monthly", { startsAt: "2018-01-31T12:00:00.000Z", count: 2 }).runs,
    }));`);
  assert.deepEqual(out, { valid: true, runs: ["2018-01-31T12:00:00.000Z", "2018-02-28T12:00:00.000Z"] });
});

test("Node CommonJS: require from the installed tarball", () => {
  const out = run("cjs.cjs", `
    const { validateResource, parseFrequency } = require("subkit");
    const bad = validateResource("customer_subscriptions", { data: { type: "customer_subscriptions", attributes: { reference: "R" } } });
    console.log(JSON.stringify({ pointer: bad.errors[0].source.pointer, cl: parseFrequency("*/5 * * * *").commerceLayer.valid }));`);
  assert.deepEqual(out, { pointer: "/data/attributes/customer_email", cl: false });
});

test("the .wasm is exported as a subpath, and the tarball ships only what it needs", () => {
  const out = run("subpath.mjs", `
    import { createRequire } from "node:module";
    const require = createRequire(import.meta.url);
    const path = require.resolve("subkit/subkit_bg.wasm");
    const { readFileSync } = await import("node:fs");
    console.log(JSON.stringify({ ok: WebAssembly.validate(readFileSync(path)) }));`);
  assert.deepEqual(out, { ok: true });
  const installed = join(scratch, "node_modules/subkit");
  for (const f of ["package.json", "index.js", "node.js", "node.cjs", "workerd.js", "index.d.ts", "dist/subkit_bg.wasm"]) {
    assert.ok(existsSync(join(installed, f)), f);
  }
  assert.ok(!existsSync(join(installed, "dist/subkit.d.ts")), "generated .d.ts files are not shipped");
});

test(`the gzipped wasm stays within the ${GZIP_BUDGET_BYTES / 1024} KiB budget`, () => {
  const wasm = readFileSync(join(PKG, "dist/subkit_bg.wasm"));
  const gz = gzipSync(wasm, { level: 9 }).length;
  assert.ok(gz <= GZIP_BUDGET_BYTES, `${gz} bytes gzipped exceeds ${GZIP_BUDGET_BYTES}`);
});
