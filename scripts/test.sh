#!/usr/bin/env bash
# The test command: installs whatever is missing (scripts/setup.sh), then runs every
# suite: lints, Rust native, Rust compiled to wasm in Node and headless Chromium, the
# built npm package under node:test, and the demo page end to end in Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"

step() { printf '\n\033[1m== %s\033[0m\n' "$*"; }

step "setup"
scripts/setup.sh --test
chromedriver=$(command -v chromedriver)

step "format and lints"
cargo fmt --all -- --check
(cd fuzz && cargo fmt -- --check)
(cd tests/rust-consumer && cargo fmt -- --check)
cargo clippy --quiet --all-targets -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --lib --tests -- -D warnings
# The module as the npm package builds it: without the `value` feature (no serde_json),
# and with `package` (no std); and without either, as a wasm32 library linking std.
cargo clippy --quiet --target wasm32-unknown-unknown --lib --no-default-features --features package -- -D warnings
cargo clippy --quiet --target wasm32-unknown-unknown --lib --no-default-features -- -D warnings
# module/, the crate scripts/build-pkg.sh builds the package's module from.
cargo clippy --quiet --target wasm32-unknown-unknown -p subkit-module -- -D warnings
RUSTDOCFLAGS="-D warnings" cargo doc --quiet --no-deps

step "dependency policy: licenses, bans and sources (deny.toml; advisories need GitHub)"
cargo deny --offline check licenses bans sources

step "Rust, native"
cargo test

step "a Rust project whose Cargo.toml names only subkit (tests/rust-consumer)"
(cd tests/rust-consumer && CARGO_TARGET_DIR=../../target cargo run --quiet --locked)

step "Rust compiled to wasm, in Node"
wasm-pack --log-level warn test --node --lib --test '*'

# wasm-bindgen-test runs a test crate in Node unless it is told to use a browser, so a
# browser run can silently test nothing: WASM_BINDGEN_USE_BROWSER selects Chromium,
# and the output is checked for Chromium's banner and a non-zero count of tests.
run_browser() {
  WASM_BINDGEN_USE_BROWSER=1 wasm-pack --log-level warn test --headless --chrome \
    --chromedriver "$chromedriver" --lib --test '*' "$@" 2>&1
}
step "Rust compiled to wasm, in headless Chromium"
log=$(mktemp)
if ! run_browser | tee "$log"; then
  echo "browser wasm tests failed" >&2
  exit 1
fi
# Binaries with no wasm tests (native-only suites) print "no tests to run!".
binaries=$(( $(grep -cE '^ +Running .*\.wasm\)$' "$log" || true) - $(grep -c '^no tests to run!' "$log" || true) ))
in_chrome=$(grep -c "Running headless tests in Chrome" "$log" || true)
ran=$(grep -oE 'test result: ok\. [0-9]+ passed' "$log" | awk '{s += $4} END {print s + 0}')
if [ "$binaries" -eq 0 ] || [ "$in_chrome" -ne "$binaries" ] || [ "$ran" -eq 0 ]; then
  echo "only $in_chrome of $binaries wasm test binaries ran in Chromium ($ran tests)" >&2
  exit 1
fi
echo "Chromium ran $ran wasm tests from $binaries test binaries"

step "the browser run fails when a test fails (canary)"
if SUBKIT_CANARY=1 run_browser >"$log"; then
  cat "$log"
  echo "the canary test passed in Chromium: a failing test would go unnoticed" >&2
  exit 1
fi
grep -q "canary: this failure is expected" "$log" || { cat "$log"; echo "canary did not run" >&2; exit 1; }
echo "canary failed as it should"
rm -f "$log"

step "npm package"
scripts/build-pkg.sh

step "TypeScript: the hand-kept types under bundler, node16 (ESM and CJS) and nodenext resolution"
# One tsc per config: `tsc -b` would skip a config whose usage files did not change even
# when the package's types did.
for config in tests/types/tsconfig*.json; do
  echo "tsc -p $config"
  tsc -p "$config"
done

step "JS: the docs' examples, the package under node:test, real runtimes, and the demo in headless Chromium"
node --test tests/docs/ tests/js/ tests/runtimes/ tests/e2e/

step "fuzzing: every cargo-fuzz target briefly (needs nightly; tests/properties.rs covers stable)"
if rustup run nightly rustc --version >/dev/null 2>&1; then
  FUZZ_SECONDS=${FUZZ_SECONDS:-15} FUZZ_SCRATCH=1 scripts/fuzz.sh
else
  echo "no nightly toolchain: fuzzing skipped; the proptest suite ran above"
fi
