// The packed npm tarball, installed into a scratch project and loaded by Node exactly
// as a user would: ESM import and CommonJS require. Also what the tarball holds, what
// each entry exports, and the size budgets of the wasm and of its inline copy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync, readFileSync, readdirSync, rmSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { gzipSync } from "node:zlib";
import * as esbuild from "esbuild";

const PKG = fileURLToPath(new URL("../../pkg/", import.meta.url));
const ROOT = fileURLToPath(new URL("../../", import.meta.url));
// The gzipped-size budgets of subkit_bg.wasm and of dist/subkit_inline.js (the same
// bytes as a JS string, which the default entry compiles), also stated in docs/runtimes.md.
const GZIP_BUDGET_BYTES = 67 * 1024;
const INLINE_GZIP_BUDGET_BYTES = 70.5 * 1024;

// Every file of the tarball, listed here rather than read from package.json's "files",
// so that a stray file (a second .wasm, generated .d.ts) or a missing one fails.
// The languages the package ships, each as an ES module, its CommonJS copy and two
// files of its own (messages, and the words of frequency descriptions).
const LOCALES = ["de", "en", "es", "fr", "it", "nl", "pl", "pt"];
const TARBALL = [
  "CHANGELOG.md",
  "LICENSE-APACHE",
  "LICENSE-MIT",
  "README.md",
  "api.js",
  "dist/cjs/api.cjs",
  ...LOCALES.map((l) => `dist/cjs/locales/${l}.cjs`),
  "dist/cjs/package.json",
  "dist/cjs/subkit.js",
  "dist/subkit.js",
  "dist/subkit_bg.wasm",
  "describe.js",
  "dist/subkit_inline.js",
  "edge-light.js",
  "errors.js",
  "fast.js",
  "read.js",
  "args.js",
  "format.js",
  "i18n.js",
  "index.d.cts",
  "index.d.ts",
  "index.js",
  "locale.d.cts",
  "locale.d.ts",
  ...LOCALES.map((l) => `locales/${l}.js`),
  ...LOCALES.map((l) => `locales/messages/${l}.js`),
  ...LOCALES.map((l) => `locales/frequency/${l}.js`),
  "node.cjs",
  "node.js",
  "package.json",
  "ready.js",
  "render.js",
  "schema.js",
  "tables.js",
  "json-schema.js",
  "json-schemas.js",
  "openapi.json",
  // Every schema subkit::json_schema writes (tests/docs_lists.rs holds the folder to it).
  ...readdirSync(join(PKG, "schemas")).map((f) => `schemas/${f}`),
  "wasm.d.ts",
  "web.js",
  "workerd.js",
].sort();

let scratch, packed, installed;

before(() => {
  scratch = mkdtempSync(join(tmpdir(), "subkit-pack-"));
  const out = execFileSync("npm", ["pack", PKG, "--pack-destination", scratch, "--json", "--silent"], { encoding: "utf8" });
  [packed] = JSON.parse(out);
  writeFileSync(join(scratch, "package.json"), JSON.stringify({ name: "scratch", private: true }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--silent", join(scratch, packed.filename)], { cwd: scratch });
  installed = join(scratch, "node_modules/subkit");
});

after(() => rmSync(scratch, { recursive: true, force: true }));

const SEED_001 = '{"data":{"type":"customer_subscriptions","attributes":{"customer_email":"john@example.com","reference":"ANY-EXTERNAL-REFEFERNCE"}}}';

function run(file, source) {
  writeFileSync(join(scratch, file), source);
  return JSON.parse(execFileSync("node", [file], { cwd: scratch, encoding: "utf8" }));
}

/** The functions index.d.ts declares: the public API, init included. */
function typedFunctions() {
  const names = [...readFileSync(join(installed, "index.d.ts"), "utf8").matchAll(/^export function (\w+)/gm)].map((m) => m[1]);
  assert.ok(names.includes("init") && names.includes("validateResource"), `index.d.ts declares ${names}`);
  return names.sort();
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

test("the .wasm is exported as a subpath, the one file the Node, Workers, edge and web entries load", () => {
  const out = run("subpath.mjs", `
    import { createRequire } from "node:module";
    const require = createRequire(import.meta.url);
    const path = require.resolve("subkit/subkit_bg.wasm");
    const { readFileSync } = await import("node:fs");
    console.log(JSON.stringify({ path, ok: WebAssembly.validate(readFileSync(path)) }));`);
  assert.deepEqual(out, { path: join(installed, "dist/subkit_bg.wasm"), ok: true });
  // The CommonJS glue has no copy of its own: it reads the shared file one folder up.
  const cjsGlue = readFileSync(join(installed, "dist/cjs/subkit.js"), "utf8");
  assert.match(cjsGlue, /`\$\{__dirname\}\/\.\.\/subkit_bg\.wasm`/);
  assert.ok(!existsSync(join(installed, "dist/cjs/subkit_bg.wasm")));
});

test("the tarball holds exactly the expected files", () => {
  assert.deepEqual(packed.files.map((f) => f.path).sort(), TARBALL);
});

// A user who never runs subkit's JS reads its schemas as files, through the exports map.
test("the installed package's JSON Schemas and OpenAPI document import as JSON", () => {
  const code = `import s from "subkit/schemas/order_subscriptions.create.json" with { type: "json" };
    import api from "subkit/openapi.json" with { type: "json" };
    console.log(s.properties.data.properties.type.const, api.openapi);`;
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", code], { cwd: scratch, encoding: "utf8" });
  assert.equal(out.trim(), "order_subscriptions 3.1.0");
});

test("the tarball's README, licences and changelog are the repository's", () => {
  // The package README, not the repository's nor a copy wasm-pack writes.
  const readme = readFileSync(join(installed, "README.md"), "utf8");
  assert.equal(readme, readFileSync(join(PKG, "README.md"), "utf8"));
  // Whatever it imports from "subkit" exists, and the files it names are shipped.
  const api = typedFunctions();
  for (const [, names] of readme.matchAll(/import \{([^}]*)\} from "subkit"/g)) {
    for (const name of names.split(",").map((n) => n.trim()).filter(Boolean)) assert.ok(api.includes(name), name);
  }
  for (const [file] of readme.matchAll(/\b(?:CHANGELOG\.md|LICENSE-[A-Z]+)\b/g)) assert.ok(TARBALL.includes(file), file);
  for (const file of ["LICENSE-MIT", "LICENSE-APACHE", "CHANGELOG.md"]) {
    assert.equal(readFileSync(join(installed, file), "utf8"), readFileSync(join(ROOT, file), "utf8"), file);
  }
  assert.match(readFileSync(join(installed, "LICENSE-MIT"), "utf8"), /^Copyright \(c\) \d{4} the subkit authors$/m);
  assert.match(readFileSync(join(installed, "CHANGELOG.md"), "utf8"), /^## \[Unreleased\]$[\s\S]*^## \[0\.1\.0\]/m);
});

test("require() gets the same types, as a CommonJS declaration file", () => {
  const cts = readFileSync(join(installed, "index.d.cts"), "utf8");
  const dts = readFileSync(join(installed, "index.d.ts"), "utf8");
  // One source of truth: the .d.cts is index.d.ts under a one-line header.
  assert.equal(cts.slice(cts.indexOf("\n") + 1), dts);
  const { exports } = JSON.parse(readFileSync(join(installed, "package.json"), "utf8"));
  assert.deepEqual(exports["."].node.require, { types: "./index.d.cts", default: "./node.cjs" });
  assert.deepEqual(exports["."].node.import, { types: "./index.d.ts", default: "./node.js" });
  assert.deepEqual(exports["./subkit_bg.wasm"], { types: "./wasm.d.ts", default: "./dist/subkit_bg.wasm" });
  // TypeScript takes the first matching condition, so "types" must come first wherever it is.
  const walk = (conditions) => {
    if (typeof conditions !== "object" || conditions === null) return;
    if ("types" in conditions) assert.equal(Object.keys(conditions)[0], "types", JSON.stringify(conditions));
    Object.values(conditions).forEach(walk);
  };
  walk(exports);
});

test("every entry exports exactly the functions index.d.ts declares", async () => {
  const api = typedFunctions();
  const esm = run("names.mjs", `
    import * as subkit from "subkit";
    console.log(JSON.stringify(Object.keys(subkit)));`);
  const cjs = run("names.cjs", `console.log(JSON.stringify(Object.keys(require("subkit"))));`);
  // The browser entry and the opt-in web entry, imported in Node by path: the first
  // compiles its inline bytes, the second loads nothing until init().
  const browser = run("names-browser.mjs", `
    const subkit = await import(${JSON.stringify(pathToFileURL(join(installed, "index.js")).href)});
    console.log(JSON.stringify(Object.keys(subkit)));`);
  const web = run("names-web.mjs", `
    import * as subkit from "subkit/web";
    console.log(JSON.stringify(Object.keys(subkit)));`);
  // Node cannot load the Workers and edge entries (they import the .wasm as a module);
  // esbuild reads their exports the way wrangler and Next.js bundle them.
  const bundledExports = async (file) => {
    const { metafile } = await esbuild.build({
      entryPoints: [join(installed, file)], bundle: true, format: "esm", platform: "neutral",
      external: ["*.wasm", "*.wasm?module"], write: false, metafile: true, logLevel: "silent", outdir: join(scratch, "entry-out"),
    });
    return Object.values(metafile.outputs)[0].exports;
  };
  const workerd = await bundledExports("workerd.js");
  const edgeLight = await bundledExports("edge-light.js");
  for (const [entry, names] of Object.entries({ esm, cjs, browser, web, workerd, edgeLight })) {
    assert.deepEqual([...names].sort(), api, entry);
  }
});

test(`the gzipped wasm stays within the ${GZIP_BUDGET_BYTES / 1024} KiB budget`, () => {
  const wasm = readFileSync(join(PKG, "dist/subkit_bg.wasm"));
  const gz = gzipSync(wasm, { level: 9 }).length;
  assert.ok(gz <= GZIP_BUDGET_BYTES, `${gz} bytes gzipped exceeds ${GZIP_BUDGET_BYTES}`);
});

// What the module must not carry: subkit's words (every phrase of the generated tables,
// which JS says); core::fmt's text writing (the module writes numbers and text without
// it: src/json/write.rs); and the panic messages of core, alloc and chrono with their
// source paths, which the release profile's LTO drops with the panic paths
// (module/Cargo.toml). Each phrase below was in the module before that LTO ran.
const PANIC_TEXT = [
  "index out of bounds", "slice index starts at", "range start index", "range end index", "assertion failed",
  "assertion `left", "memory allocation of", "copy_from_slice", "split index", "insertion index", "mid > len",
  "attempt to join", "capacity overflow", "attempt to divide", "attempt to calculate the remainder",
  "RefCell already", "Local time out of range", "always in range", "must be in range", "/rustc/",
];
test("the module carries none of subkit's words, no core::fmt text writing and no panic message", async () => {
  const wasm = readFileSync(join(PKG, "dist/subkit_bg.wasm")).toString("latin1");
  const tables = await import(pathToFileURL(join(PKG, "tables.js")).href);
  const phrases = [
    ...tables.ENGLISH, ...tables.REASONS, ...tables.SCHEDULE,
    ...tables.JSONAPI_TEXTS.flatMap(([detail, title]) => [detail, title]),
    ...tables.ADOBE_CODES.map(([, message]) => message),
  ].flatMap((text) => text.split(/\{[^}]*\}/)).map((part) => part.trim()).filter((part) => part.length >= 12);
  assert.ok(phrases.length > 100, `only ${phrases.length} phrases read from tables.js`);
  const carried = phrases.filter((phrase) => wasm.includes(phrase));
  assert.deepEqual([...new Set(carried)], [], "phrases of pkg/tables.js in the .wasm");
  for (const fmt of ["a formatting trait implementation returned an error", "a Display implementation returned an error"]) {
    assert.ok(!wasm.includes(fmt), `the .wasm links core::fmt's writing ("${fmt}")`);
  }
  assert.deepEqual(PANIC_TEXT.filter((text) => wasm.includes(text)), [], "panic messages in the .wasm");
  assert.deepEqual(wasm.match(/[\w/.-]+\.rs\b/g) ?? [], [], "source paths in the .wasm");
});

test(`the gzipped inline copy stays within the ${INLINE_GZIP_BUDGET_BYTES / 1024} KiB budget and holds the .wasm's bytes`, async () => {
  const inline = readFileSync(join(PKG, "dist/subkit_inline.js"));
  const gz = gzipSync(inline, { level: 9 }).length;
  assert.ok(gz <= INLINE_GZIP_BUDGET_BYTES, `${gz} bytes gzipped exceeds ${INLINE_GZIP_BUDGET_BYTES}`);
  const { default: text, byteLength } = await import(pathToFileURL(join(installed, "dist/subkit_inline.js")).href);
  const wasm = readFileSync(join(installed, "dist/subkit_bg.wasm"));
  assert.equal(byteLength, wasm.length);
  assert.ok(Buffer.from(text, "latin1").equals(wasm), "dist/subkit_inline.js differs from dist/subkit_bg.wasm");
});
