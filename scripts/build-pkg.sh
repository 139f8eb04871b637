#!/usr/bin/env bash
# Builds the wasm module and its JS glue into pkg/dist (git-ignored): the web glue
# (ES module, used by browsers, bundlers, Node ESM and Workers) and, in pkg/dist/cjs,
# the nodejs glue for require(). The hand-kept files of pkg/ import them.
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-opt from the npm `binaryen` package; wasm-pack finds it on PATH.
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
build() {
  wasm-pack --log-level warn build --release --no-pack --out-name subkit "$@"
}
build --target web --out-dir pkg/dist
build --target nodejs --out-dir pkg/dist/cjs
# pkg/package.json says "type": "module"; the nodejs glue is CommonJS.
echo '{ "type": "commonjs" }' > pkg/dist/cjs/package.json
# wasm-pack writes a .gitignore and README copies we do not ship.
rm -f pkg/dist/.gitignore pkg/dist/README.md pkg/dist/cjs/.gitignore pkg/dist/cjs/README.md
# The demo page gets its own copy, so www/ works as plain static files (GitHub Pages).
vendor=www/vendor/subkit
rm -rf "$vendor" && mkdir -p "$vendor/dist"
cp pkg/index.js pkg/api.js "$vendor/"
cp pkg/dist/subkit.js pkg/dist/subkit_bg.wasm "$vendor/dist/"
wasm=pkg/dist/subkit_bg.wasm
echo "built $wasm: $(wc -c < "$wasm") bytes, $(gzip -9 -c "$wasm" | wc -c) gzipped"
