// Writes the documentation's JavaScript examples, instrumented, for the runtime
// differential test: answers.mjs then evaluates the same files in every engine and
// reports the value of each statement the text shows with `// =>`. Run by the host's
// Node before the engines start (tests/runtimes/differential.test.mjs does it):
//
//   node tests/runtimes/differential/examples.mjs
//
// The blocks are found and instrumented by tests/docs/examples.test.mjs's own
// functions (documents, fencedBlocks, instrument), so both tests see the same
// examples. Importing that file would register its tests, so it is imported with
// `node:test` replaced by a stub for it alone.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire, register } from "node:module";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const ROOT = fileURLToPath(new URL("../../../", import.meta.url));
const DOCS_TEST = new URL("../../docs/examples.test.mjs", import.meta.url).href;
// Read by answers.mjs, which names the same folder.
const OUT = join(ROOT, "test-artifacts", "differential", "examples");

// Every registering function of node:test, doing nothing.
const stub = `data:text/javascript,${encodeURIComponent(["test", "it", "describe", "suite", "before", "after", "beforeEach", "afterEach"]
  .map((name) => `export function ${name}() {}`).join("\n"))}`;
const hooks = `export async function resolve(specifier, context, next) {
  if (specifier === "node:test" && context.parentURL === ${JSON.stringify(DOCS_TEST)}) {
    return { url: ${JSON.stringify(stub)}, shortCircuit: true };
  }
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
const { documents, fencedBlocks, instrument } = await import(DOCS_TEST);
const acorn = await import("acorn");

// Bare specifiers ("subkit", "subkit/locales/it", the form libraries) become the files
// the host's Node resolves them to, with the conditions of import or require: every
// engine then loads the same files, as answers.mjs loads the package by path.
const requireFromRoot = createRequire(join(ROOT, "package.json"));
function resolveBare(specifier, kind) {
  return kind === "cjs"
    ? requireFromRoot.resolve(specifier)
    : import.meta.resolve(specifier);
}
const isBare = (s) => !/^(\.{0,2}\/|[a-z][a-z0-9+.-]*:)/i.test(s);

/** `code` with each bare module specifier replaced by what it resolves to. */
function resolveSpecifiers(code, kind) {
  const program = acorn.parse(code, {
    ecmaVersion: "latest", sourceType: kind === "cjs" ? "script" : "module", allowAwaitOutsideFunction: true,
  });
  const literals = [];
  (function walk(node) {
    if (Array.isArray(node)) return node.forEach(walk);
    if (!node || typeof node.type !== "string") return;
    if (node.source?.type === "Literal") literals.push(node.source); // import, export from, import()
    if (node.type === "CallExpression" && node.callee.type === "Identifier" && node.callee.name === "require" &&
      node.arguments[0]?.type === "Literal") literals.push(node.arguments[0]);
    for (const [key, child] of Object.entries(node)) if (key !== "source" && typeof child === "object") walk(child);
  })(program);
  let out = code;
  for (const lit of literals.filter((l) => isBare(l.value)).sort((a, b) => b.start - a.start)) {
    out = out.slice(0, lit.start) + JSON.stringify(resolveBare(lit.value, kind)) + out.slice(lit.end);
  }
  return out;
}

// The same selection as tests/docs/examples.test.mjs: `js` and `js cjs` blocks run;
// `runs-in=PATH` blocks are code for another runtime, checked there, and skipped here.
const JS_LANGS = new Set(["js", "javascript", "mjs", "cjs", "ts", "typescript", "jsx", "tsx"]);
const blocks = [];
const skipped = [];
for (const doc of documents()) {
  for (const block of fencedBlocks(readFileSync(join(ROOT, doc), "utf8"))) {
    const [lang, ...tags] = block.info.split(/\s+/);
    if (!JS_LANGS.has(lang)) continue;
    const name = `${doc}:${block.line}`;
    if (lang !== "js" || !tags.every((t) => t === "cjs")) {
      skipped.push({ name, info: block.info });
      continue;
    }
    const kind = tags.includes("cjs") ? "cjs" : "esm";
    const { code, checks } = instrument(block.code, kind === "cjs" ? "script" : "module");
    // answers.mjs defines the recorder before it loads each block; the value the text
    // shows (the third argument) is evaluated and ignored: the docs test compares it.
    const head = "const __show = (line, actual) => globalThis.__differentialShow(line, actual);\n";
    blocks.push({ name, line: block.line, kind, checks, code: head + resolveSpecifiers(code, kind) + "\n" });
  }
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
const manifest = { blocks: [], skipped };
for (const b of blocks) {
  const file = join(OUT, `${b.name.replace(/[^A-Za-z0-9]+/g, "-")}.${b.kind === "cjs" ? "cjs" : "mjs"}`);
  writeFileSync(file, b.code);
  manifest.blocks.push({ name: b.name, line: b.line, kind: b.kind, checks: b.checks, file });
}
writeFileSync(join(OUT, "manifest.json"), JSON.stringify(manifest, null, 2) + "\n");
console.log(`wrote ${manifest.blocks.length} examples (${manifest.blocks.reduce((n, b) => n + b.checks, 0)} shown values) to ${pathToFileURL(OUT).href}`);
