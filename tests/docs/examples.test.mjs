// Runs every JavaScript example in the documentation against the built package, and
// compares each result the text shows. An example is a fenced block:
//   ```js                 an ES module, run by Node
//   ```js cjs             a CommonJS script, run by Node
//   ```js runs-in=PATH    code another test runs (PATH, a file of the repository, must
//                         hold the block's lines in order), for runtimes Node is not
// Inside a block, a comment starting `// =>` right after a statement shows its result:
// the value of an expression statement, or of the variable a `const` declares. The
// shown value is a JavaScript expression; objects list only the members they show
// (the others are not compared), lists and everything else must match exactly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import * as acorn from "acorn";
import ts from "typescript";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const HARNESS = fileURLToPath(new URL("./harness.cjs", import.meta.url));
// Inside the repository, so `import "subkit"` resolves to the package (node_modules/subkit).
const WORK = join(ROOT, "test-artifacts", "doc-examples");

/** The documents whose examples are run: every Markdown file a reader is sent to. */
export function documents() {
  const top = ["README.md", "CONTRIBUTING.md", "SECURITY.md", "CHANGELOG.md", "pkg/README.md", "examples/worker/README.md"];
  const docs = readdirSync(join(ROOT, "docs")).filter((f) => f.endsWith(".md")).map((f) => `docs/${f}`);
  return [...top.filter((f) => existsSync(join(ROOT, f))), ...docs.sort()];
}

const JS_LANGS = new Set(["js", "javascript", "mjs", "cjs", "ts", "typescript", "jsx", "tsx"]);

/** Fenced blocks of a Markdown text: `{ info, code, line }` (line of the first code line, 1-based). */
export function fencedBlocks(text) {
  const blocks = [];
  const lines = text.split("\n");
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})(.*)$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, info] = open;
    const body = [];
    let j = i + 1;
    while (j < lines.length && !lines[j].startsWith(indent + fence)) body.push(lines[j++].slice(indent.length));
    blocks.push({ info: info.trim(), code: body.join("\n"), line: i + 2 });
    i = j;
  }
  return blocks;
}

/**
 * Rewrites a block so every `// =>` comment checks the statement before it. Returns the
 * code and the number of checks it holds.
 */
export function instrument(code, sourceType) {
  const comments = [];
  const program = acorn.parse(code, {
    ecmaVersion: "latest", sourceType, allowAwaitOutsideFunction: true, locations: true,
    onComment: (block, text, start, end, loc) => comments.push({ block, text, start, end, line: loc.line }),
  });
  // A shown result: a `// =>` line comment and the line comments that continue it.
  const shown = [];
  let current = null;
  for (const c of comments) {
    if (!c.block && /^\s*=>/.test(c.text)) {
      current = { start: c.start, line: c.line, lastLine: c.line, text: c.text.replace(/^\s*=>/, "") };
      shown.push(current);
    } else if (!c.block && current && c.line === current.lastLine + 1 && /^\s{2,}/.test(c.text)) {
      current.text += "\n" + c.text;
      current.lastLine = c.line;
    } else {
      current = null;
    }
  }
  const edits = [];
  for (const s of shown) {
    const before = program.body.filter((n) => n.end <= s.start).at(-1);
    const gap = before ? code.slice(before.end, s.start) : "";
    if (!before || /\S/.test(gap)) throw new Error(`line ${s.line}: "// =>" must follow the statement it shows`);
    // The expected value must itself be a JavaScript expression.
    const expected = s.text.trim();
    acorn.parseExpressionAt(expected, 0, { ecmaVersion: "latest" });
    if (before.type === "ExpressionStatement") {
      const expr = code.slice(before.expression.start, before.expression.end);
      edits.push({ start: before.start, end: before.end, text: `__show(${s.line}, (${expr}), (${expected}));` });
    } else if (before.type === "VariableDeclaration" && before.declarations.length === 1 &&
      before.declarations[0].id.type === "Identifier") {
      const name = before.declarations[0].id.name;
      edits.push({ start: before.end, end: before.end, text: ` __show(${s.line}, ${name}, (${expected}));` });
    } else {
      throw new Error(`line ${s.line}: "// =>" follows a ${before.type}, which has no value to show`);
    }
  }
  let out = code;
  for (const e of edits.sort((a, b) => b.start - a.start)) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return { code: out, checks: shown.length };
}

/** Runs one block in its own Node process and returns what the harness reported. */
export function runBlock(block, name) {
  const cjs = block.info.split(/\s+/).includes("cjs");
  const { code, checks } = instrument(block.code, cjs ? "script" : "module");
  const head = cjs
    ? `const { show: __show } = require(${JSON.stringify(HARNESS)});\n`
    : `import { show as __show } from ${JSON.stringify(HARNESS)};\n`;
  mkdirSync(WORK, { recursive: true });
  const file = join(WORK, `${name.replace(/[^A-Za-z0-9]+/g, "-")}.${cjs ? "cjs" : "mjs"}`);
  writeFileSync(file, head + code + "\n");
  const stdout = execFileSync(process.execPath, [file], { cwd: WORK, encoding: "utf8", stdio: ["ignore", "pipe", "pipe"], timeout: 30_000 });
  const report = JSON.parse(stdout.trim().split("\n").at(-1));
  return { ...report, expected: checks };
}

/** Checks that `path` holds the block's non-blank lines, in order. */
function assertRunsIn(block, path) {
  const target = readFileSync(join(ROOT, path), "utf8").split("\n").map((l) => l.trim());
  let at = 0;
  for (const line of block.code.split("\n").map((l) => l.trim()).filter(Boolean)) {
    const found = target.indexOf(line, at);
    assert.ok(found >= 0, `${path} does not hold the example's line ${JSON.stringify(line)} (in this order)`);
    at = found + 1;
  }
}

for (const doc of documents()) {
  const blocks = fencedBlocks(readFileSync(join(ROOT, doc), "utf8"));
  for (const block of blocks) {
    const [lang, ...tags] = block.info.split(/\s+/);
    if (!JS_LANGS.has(lang)) continue;
    const name = `${doc}:${block.line}`;
    test(`example ${name}`, () => {
      const runsIn = tags.find((t) => t.startsWith("runs-in="));
      if (runsIn) return assertRunsIn(block, runsIn.slice("runs-in=".length));
      assert.ok(lang === "js" && tags.every((t) => t === "cjs"), `${name}: the runner runs \`js\` and \`js cjs\` blocks, not \`${block.info}\``);
      const report = runBlock(block, name);
      assert.equal(report.checked, report.expected, `${name}: ${report.expected} shown results, ${report.checked} compared`);
    });
  }
}

/**
 * The TypeScript compiler's complaints about blocks, under `strict`, as a user's editor
 * reads a JS file with `// @ts-check`: each block a module of its own, importing the
 * package's own types. A block that shows invalid input on purpose says so with
 * `// @ts-expect-error` on the line before.
 */
export function typeErrors(blocks) {
  const dir = join(WORK, "types");
  mkdirSync(dir, { recursive: true });
  const files = blocks.map(({ block, name }, i) => {
    const cjs = block.info.split(/\s+/).includes("cjs");
    const file = join(dir, `${i}-${name.replace(/[^A-Za-z0-9]+/g, "-")}.${cjs ? "cjs" : "mjs"}`);
    // `export {}` keeps each ES module's names its own.
    writeFileSync(file, block.code + (cjs ? "\n" : "\nexport {};\n"));
    return { file, name };
  });
  const program = ts.createProgram(files.map((f) => f.file), {
    strict: true, noEmit: true, allowJs: true, checkJs: true, skipLibCheck: true,
    module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext,
    target: ts.ScriptTarget.ES2022, lib: ["lib.es2022.d.ts", "lib.dom.d.ts"], types: ["node"],
  });
  const byFile = new Map(files.map((f) => [f.file, f.name]));
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file ? `${byFile.get(d.file.fileName) ?? d.file.fileName}, line ${d.file.getLineAndCharacterOfPosition(d.start).line + 1} of the block` : "";
    return `${where}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
  });
}

test("every example type-checks under strict, as a TypeScript user's editor reads it", () => {
  const blocks = [];
  for (const doc of documents()) {
    for (const block of fencedBlocks(readFileSync(join(ROOT, doc), "utf8"))) {
      const [lang, ...tags] = block.info.split(/\s+/);
      if (lang !== "js" || tags.some((t) => t.startsWith("runs-in="))) continue;
      blocks.push({ block, name: `${doc}:${block.line}` });
    }
  }
  assert.ok(blocks.length >= 25, `${blocks.length} blocks`);
  assert.deepEqual(typeErrors(blocks), []);
  // And the check can fail: a block that reads a property a result may lack.
  const wrong = { info: "js", code: 'import { describeFrequency } from "subkit";\ndescribeFrequency("monthly").description.length;' };
  assert.equal(typeErrors([{ block: wrong, name: "wrong" }]).length, 1);
});

// The runner itself: a wrong shown result and a result that is never reached both fail.
test("the runner fails an example whose shown result is wrong", () => {
  const wrong = { info: "js", code: 'import { describeFrequency } from "subkit";\ndescribeFrequency("0 9 * * 1-5", { hourCycle: "h23" }).description;\n// => "At 10:00 on Monday through Friday"' };
  assert.throws(() => runBlock(wrong, "runner-wrong"), /shows\n"At 10:00 on Monday through Friday"\nbut gives\n"At 09:00 on Monday through Friday"/s);
});

test("the runner compares only the members an object shows, and lists whole", () => {
  const partial = { info: "js", code: 'import { nextRuns } from "subkit";\nnextRuns("daily", { startsAt: "2024-01-01", count: 2 });\n// => { valid: true,\n//      runs: ["2024-01-01T00:00:00.000Z", "2024-01-02T00:00:00.000Z"] }' };
  assert.deepEqual(runBlock(partial, "runner-partial"), { checked: 1, sent: 0, expected: 1 });
  const short = { ...partial, code: partial.code.replace(', "2024-01-02T00:00:00.000Z"', "") };
  assert.throws(() => runBlock(short, "runner-short"), /but gives/);
});

test("the runner refuses a shown result with no statement before it", () => {
  assert.throws(() => instrument("// => 1\n", "module"), /must follow the statement/);
  assert.throws(() => instrument("function f() {}\n// => 1\n", "module"), /no value to show/);
});

test("every document the runner reads exists and holds at least one example overall", () => {
  const all = documents().flatMap((d) => fencedBlocks(readFileSync(join(ROOT, d), "utf8")).filter((b) => JS_LANGS.has(b.info.split(/\s+/)[0])));
  assert.ok(all.length >= 8, `only ${all.length} JavaScript examples found`);
  assert.ok(documents().includes("README.md") && documents().includes("pkg/README.md"));
});
