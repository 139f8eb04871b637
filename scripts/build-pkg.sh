#!/usr/bin/env bash
# Builds the wasm module and its JS glue into pkg/dist (git-ignored): the web glue
# (ES module, used by browsers, bundlers, Node ESM and Workers) and, in pkg/dist/cjs,
# the nodejs glue for require(). The hand-kept files of pkg/ import them. Also writes
# the package's generated files (git-ignored): index.d.cts and copies of the licences
# and changelog from the repository root.
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-opt from the npm `binaryen` package; wasm-pack finds it on PATH.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
die() {
  echo "build-pkg.sh: $*" >&2
  exit 1
}
build() {
  # module/ is subkit as a cdylib alone, so that the release profile's LTO runs; it
  # takes subkit without the default `value` feature (no serde_json) and with
  # `package` (no std): module/Cargo.toml. wasm-pack reads --out-dir from module/.
  wasm-pack --log-level warn build module --release --no-pack --out-name subkit "$@"
}
build --target web --out-dir ../pkg/dist
build --target nodejs --out-dir ../pkg/dist/cjs
# pkg/package.json says "type": "module"; the nodejs glue is CommonJS.
echo '{ "type": "commonjs" }' > pkg/dist/cjs/package.json
# wasm-pack writes a .gitignore and README copies we do not ship.
rm -f pkg/dist/.gitignore pkg/dist/README.md pkg/dist/cjs/.gitignore pkg/dist/cjs/README.md

# The package ships the .wasm once. Both targets compile the same module (the glue
# differs, the imports it provides do not); if a wasm-bindgen update ever makes them
# differ, one file cannot serve both, so stop rather than ship a mismatched pair.
cmp -s pkg/dist/subkit_bg.wasm pkg/dist/cjs/subkit_bg.wasm ||
  die "the web and nodejs targets built different .wasm files; the CommonJS entry cannot share dist/subkit_bg.wasm"
rm pkg/dist/cjs/subkit_bg.wasm && rm -f pkg/dist/cjs/subkit_bg.wasm.d.ts
# The default entry (index.js) carries the module's bytes in a JS file and compiles
# them at import, so bundlers see plain JS: no top-level await, no asset URL to copy.
# The bytes are a string literal of one character per byte (U+0000 to U+00FF), written
# as UTF-8 with only the quote, backslash and line breaks escaped: gzipped it is a few
# KB over the .wasm, where base64 is about 30 KB over (docs/runtimes.md has the
# figures). byteLength lets index.js tell a file read in another charset from a good one.
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  const [from, to] = process.argv.slice(1);
  const wasm = readFileSync(from);
  const escape = new Set([0x22, 0x5c, 0x0a, 0x0d]);
  let text = "";
  for (const byte of wasm) text += escape.has(byte) ? `\\x${byte.toString(16).padStart(2, "0")}` : String.fromCharCode(byte);
  writeFileSync(to, "// The bytes of subkit_bg.wasm, one character each, written by scripts/build-pkg.sh.\n" +
    `export const byteLength = ${wasm.length};\nexport default "${text}";\n`, "utf8");
' pkg/dist/subkit_bg.wasm pkg/dist/subkit_inline.js
# The nodejs glue reads `${__dirname}/subkit_bg.wasm` when required; point it at the
# shared file one folder up. The pattern must occur exactly once: glue that still
# looks next to itself would fail only at require() time, on users' machines.
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  const file = process.argv[1];
  const from = "`${__dirname}/subkit_bg.wasm`";
  const glue = readFileSync(file, "utf8");
  const count = glue.split(from).length - 1;
  if (count !== 1) {
    console.error(`build-pkg.sh: expected ${from} once in ${file}, found it ${count} times`);
    process.exit(1);
  }
  writeFileSync(file, glue.replace(from, () => "`${__dirname}/../subkit_bg.wasm`"));
' pkg/dist/cjs/subkit.js

# The web glue falls back to `new URL("subkit_bg.wasm", import.meta.url)` when called
# with no source. No entry calls it so (web.js passes its own URL, index.js compiles
# inline bytes), but bundlers act on the expression wherever it is: webpack and Vite
# copy a .wasm nothing loads, and Parcel writes an inline import map for it, which a
# strict CSP blocks. The fallback becomes an error; it must occur exactly once.
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  const file = process.argv[1];
  const from = "new URL(\x27subkit_bg.wasm\x27, import.meta.url)";
  const glue = readFileSync(file, "utf8");
  const count = glue.split(from).length - 1;
  if (count !== 1) {
    console.error(`build-pkg.sh: expected ${from} once in ${file}, found it ${count} times`);
    process.exit(1);
  }
  writeFileSync(file, glue.replace(from, () =>
    "(() => { throw new Error(\"subkit: init() needs the .wasm: its URL, a Response, bytes or a WebAssembly.Module\"); })()"));
' pkg/dist/subkit.js

# A trap (a bug, or memory the engine would not give) leaves an instance unusable, and a
# WebAssembly.Memory never shrinks: pkg/ready.js then replaces the instance with a new
# one from the same compiled module. Each glue gets `__subkit_renew()`, which makes that
# instance and drops what the glue cached of the old one. The web glue's
# __wbg_finalize_init already does the dropping; the nodejs glue instantiates at
# require() time, so its caches (every `let cached…Memory0`) are reset here, by name.
node --input-type=module -e '
  import { readFileSync, writeFileSync } from "node:fs";
  const [web, cjs] = process.argv.slice(1);
  const fail = (m) => { console.error(`build-pkg.sh: ${m}`); process.exit(1); };
  let glue = readFileSync(web, "utf8");
  for (const needed of ["let wasmModule, wasmInstance, wasm;", "function __wbg_finalize_init(instance, module)", "function __wbg_get_imports()"]) {
    if (!glue.includes(needed)) fail(`${web} lacks ${needed}`);
  }
  writeFileSync(web, glue + `
/** subkit (scripts/build-pkg.sh): a new instance of the compiled module, for pkg/ready.js. */
export function __subkit_renew() {
    return __wbg_finalize_init(new WebAssembly.Instance(wasmModule, __wbg_get_imports()), wasmModule);
}
`);
  glue = readFileSync(cjs, "utf8");
  const caches = [...glue.matchAll(/^let (cached\w+Memory0) = null;$/gm)].map((m) => m[1]);
  if (caches.length === 0 || !/^let wasmInstance = /m.test(glue) || !/^let wasm = wasmInstance.exports;$/m.test(glue)) {
    fail(`${cjs} does not instantiate as this script expects`);
  }
  writeFileSync(cjs, glue + `
/** subkit (scripts/build-pkg.sh): a new instance of the compiled module, for pkg/ready.js. */
exports.__subkit_renew = function () {
    wasmInstance = new WebAssembly.Instance(wasmModule, __wbg_get_imports());
    wasm = wasmInstance.exports;
    ${caches.map((c) => `${c} = null;`).join("\n    ")}
    wasm.__wbindgen_start();
    return wasm;
};
`);
' pkg/dist/subkit.js pkg/dist/cjs/subkit.js

# The words the JS writes errors with come from the Rust tables, through the manifest.
node scripts/generate.mjs --check || die "run: cargo run --example manifest > docs/manifest.json && node scripts/generate.mjs"

# require("subkit") gets the same JS layer as import (api.js and what it imports:
# the fast route, the error fields, the languages, the schemas) as one CommonJS file,
# bundled by esbuild over the nodejs glue, which stays a file of its own. Each locale
# module gets a CommonJS copy for require("subkit/locales/…").
node --input-type=module -e '
  import * as esbuild from "esbuild";
  import { readdirSync } from "node:fs";
  const glue = { name: "glue", setup(b) {
    b.onResolve({ filter: /[/]dist[/]subkit[.]js$/ }, () => ({ path: "./subkit.js", external: true }));
  } };
  const common = { bundle: true, format: "cjs", platform: "node", target: "node20", logLevel: "warning" };
  await esbuild.build({ ...common, plugins: [glue], outfile: "pkg/dist/cjs/api.cjs",
    stdin: { resolveDir: "pkg", sourcefile: "cjs-entry.js", contents:
      "import { markReady } from \"./ready.js\"; markReady(); export * from \"./api.js\"; export async function init() {}" } });
  const locales = readdirSync("pkg/locales").filter((f) => f.endsWith(".js"));
  // require() gives the locale itself, as import gives it as the default export.
  for (const f of locales) {
    await esbuild.build({ ...common, outfile: `pkg/dist/cjs/locales/${f.replace(/[.]js$/, ".cjs")}`,
      stdin: { resolveDir: "pkg/locales", sourcefile: `cjs-${f}`, contents: `export { default } from "./${f}";` },
      footer: { js: "module.exports = module.exports.default;" } });
  }
'

# require("subkit") gets the hand-kept types as a CommonJS declaration file: under
# TypeScript's node16/nodenext resolution a .d.ts in this "type": "module" package
# describes an ES module, which a .cts file cannot import (TS1479) nor `import x =
# require()` (TS1471). index.d.ts stays the one source. It must not import other
# files: those would resolve to .d.ts files, ES modules again, from the .d.cts.
if grep -Eq '^[[:space:]]*(import[[:space:](]|export .* from[[:space:]])' pkg/index.d.ts; then
  die "pkg/index.d.ts imports another file; index.d.cts, a copy of it, would need its own"
fi
{
  echo "// The types of require(\"subkit\"): scripts/build-pkg.sh copies them from index.d.ts."
  cat pkg/index.d.ts
} > pkg/index.d.cts

# npm packs only files inside pkg/; these live at the repository root.
cp LICENSE-MIT LICENSE-APACHE CHANGELOG.md pkg/

# The demo page gets its own copy, so www/ works as plain static files (GitHub Pages).
vendor=www/vendor/subkit
rm -rf "$vendor" && mkdir -p "$vendor/dist"
cp pkg/*.js "$vendor/" && cp -r pkg/locales "$vendor/"
cp pkg/dist/subkit.js pkg/dist/subkit_inline.js "$vendor/dist/"
for file in pkg/dist/subkit_bg.wasm pkg/dist/subkit_inline.js; do
  echo "built $file: $(wc -c < "$file") bytes, $(gzip -9 -c "$file" | wc -c) gzipped"
done
