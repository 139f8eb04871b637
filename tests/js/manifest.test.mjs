// The TypeScript input types restate each resource's members: they are checked here
// against the manifest (docs/manifest.json, written from the Rust tables by
// `cargo run --example manifest` and checked as fresh by tests/docs_lists.rs). The
// types are read with the TypeScript compiler, as a user's editor reads them:
// `ResourceInputs[R]` has every member a create takes, required exactly where the
// spec requires it, and `UpdateInputs[R]` every member an update takes (triggers
// included), all optional, plus the optional `id`.
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import ts from "typescript";

const root = new URL("../../", import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("docs/manifest.json", root), "utf8"));
const resources = manifest.commercelayer.resources;

// Each resource's members in the manifest: name -> { required, access }.
function members(resource) {
  const r = resources[resource];
  return [...r.attributes, ...r.relationships];
}

// The properties of `ResourceInputs[R]` and `UpdateInputs[R]` for every resource, as the
// compiler resolves them: name -> optional.
function typedMembers() {
  const file = fileURLToPath(new URL("pkg/index.d.ts", root));
  const program = ts.createProgram([file], { strict: true, noEmit: true });
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(file);
  const symbols = checker.getExportsOfModule(checker.getSymbolAtLocation(source));
  const of = (name) => checker.getDeclaredTypeOfSymbol(symbols.find((s) => s.name === name));
  const result = {};
  for (const inputs of ["ResourceInputs", "UpdateInputs"]) {
    result[inputs] = {};
    for (const property of checker.getPropertiesOfType(of(inputs))) {
      const type = checker.getTypeOfSymbol(property);
      result[inputs][property.name] = Object.fromEntries(checker.getPropertiesOfType(type).map((p) =>
        [p.name, (p.flags & ts.SymbolFlags.Optional) !== 0]));
    }
  }
  return result;
}

const typed = typedMembers();

test("the manifest names the four resources the types name", () => {
  assert.deepEqual(Object.keys(typed.ResourceInputs).sort(), Object.keys(resources).sort());
  assert.deepEqual(Object.keys(typed.UpdateInputs).sort(), Object.keys(resources).sort());
});

test("each create input type has the members a create takes, required where the spec requires", () => {
  for (const resource of Object.keys(resources)) {
    const expected = Object.fromEntries(members(resource)
      .filter((m) => m.access === "create" || m.access === "both")
      .map((m) => [m.name, !m.required]));
    assert.deepEqual(typed.ResourceInputs[resource], expected, resource);
  }
});

test("each update input type has the members an update takes, all optional, and id", () => {
  for (const resource of Object.keys(resources)) {
    const expected = Object.fromEntries(members(resource)
      .filter((m) => m.access !== "create")
      .map((m) => [m.name, true]));
    expected.id = true;
    assert.deepEqual(typed.UpdateInputs[resource], expected, resource);
  }
});

test("the files generated from the manifest are fresh (node scripts/generate.mjs)", async () => {
  const { generated } = await import("../../scripts/generate.mjs");
  const files = generated(manifest);
  assert.ok(Object.keys(files).length > 0);
  for (const [path, text] of Object.entries(files)) {
    assert.equal(readFileSync(new URL(path, root), "utf8"), text, `${path} is stale: run node scripts/generate.mjs`);
  }
});

test("pkg/tables.js holds every word of the manifest's tables, in their order", async () => {
  const tables = await import("../../pkg/tables.js");
  assert.deepEqual(tables.ENGLISH, manifest.english.map((e) => e.template));
  assert.deepEqual(tables.REASONS, manifest.reasons.english.map((e) => e.template));
  assert.deepEqual(tables.REASON_PARAMS, manifest.reasons.params);
  // Each reason param is one its rule lists.
  for (const [rule, param] of Object.entries(manifest.reasons.params)) assert.ok(manifest.params[rule].includes(param), rule);
  assert.deepEqual(tables.JSONAPI_CODES.map(([code]) => code), manifest.commercelayer.errorCodes.map((c) => c.code));
  assert.equal(tables.JSONAPI_TEXTS.length, manifest.commercelayer.texts.length);
  assert.deepEqual(tables.ADOBE_CODES.map(([code]) => code), manifest.adobe.codes.map((c) => c.code));
  // Every rule and every format has its English.
  const keys = new Set(manifest.english.map((e) => e.key));
  for (const rule of manifest.rules) {
    if (rule !== "format") assert.ok(keys.has(rule), `English for ${rule}`);
  }
  for (const format of manifest.formats) assert.ok(keys.has(`format.${format}`), `English for format ${format}`);
});
