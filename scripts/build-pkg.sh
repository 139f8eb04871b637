#!/usr/bin/env bash
# Builds the wasm module and its JS glue into pkg/dist (git-ignored). The hand-kept
# files of pkg/ (package.json, index.js, node.js, index.d.ts, README.md) import it.
set -euo pipefail
cd "$(dirname "$0")/.."
# wasm-opt from the npm `binaryen` package; wasm-pack finds it on PATH.
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
wasm-pack --log-level warn build --release --target web --no-pack \
  --out-dir pkg/dist --out-name subkit
# wasm-pack writes a .gitignore and README copies we do not ship.
rm -f pkg/dist/.gitignore pkg/dist/README.md pkg/dist/package.json
ls -l pkg/dist/subkit_bg.wasm | awk '{print "built pkg/dist/subkit_bg.wasm (" $5 " bytes)"}'
