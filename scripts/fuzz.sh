#!/usr/bin/env bash
# The fuzzing command: runs every cargo-fuzz (libFuzzer) target in fuzz/ for a time
# each. Needs a nightly toolchain; installs cargo-fuzz from crates.io when missing.
#   scripts/fuzz.sh               every target, 10 minutes each, two at a time
#   FUZZ_SECONDS=20 scripts/fuzz.sh frequency json    chosen targets, 20 s each
#   FUZZ_JOBS=1 scripts/fuzz.sh   one target at a time
#   FUZZ_SCRATCH=1 ...            new inputs go to a temporary folder, not fuzz/corpus
#                                 (the test command's short run)
# Seeds come from the test fixtures (scripts/fuzz-seeds.mjs) and the committed
# corpus; a crash leaves its input in fuzz/artifacts/<target>/ and fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
if ! rustup run nightly rustc --version >/dev/null 2>&1; then
  echo "fuzz: no nightly toolchain; the proptest suite (tests/properties.rs) covers the same properties on stable" >&2
  exit 2
fi
. scripts/versions.sh
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --force
fi
seconds=${FUZZ_SECONDS:-600}
jobs=${FUZZ_JOBS:-2}
targets=("$@")
if [ ${#targets[@]} -eq 0 ]; then
  mapfile -t targets < <(cd fuzz && cargo +nightly fuzz list)
fi
scratch=""
if [ -n "${FUZZ_SCRATCH:-}" ]; then
  scratch=$(mktemp -d)
  trap 'rm -rf "$scratch"' EXIT
  node scripts/fuzz-seeds.mjs "$scratch/seeds"
else
  node scripts/fuzz-seeds.mjs
fi
(cd fuzz && cargo +nightly fuzz build -O)
mkdir -p fuzz/logs
run() {
  local t=$1 rc
  # A target new enough to have no committed corpus starts from its seeds.
  mkdir -p "fuzz/corpus/$t"
  # libFuzzer writes new inputs into the first corpus folder it is given.
  local dirs=("corpus/$t")
  if [ -n "$scratch" ]; then
    mkdir -p "$scratch/$t" "$scratch/seeds/$t"
    dirs=("$scratch/$t" "corpus/$t" "$scratch/seeds/$t")
  fi
  (cd fuzz && cargo +nightly fuzz run -O "$t" "${dirs[@]}" -- \
    -dict=subkit.dict -max_total_time="$seconds" -max_len=8192 -rss_limit_mb=2048 \
    -timeout=10 -print_final_stats=1) >"fuzz/logs/$t.log" 2>&1 && rc=0 || rc=$?
  local stats
  stats=$(grep -E "stat::number_of_executed_units|stat::average_exec_per_sec" "fuzz/logs/$t.log" | tr -s ' ' | tr '\n' ' ')
  echo "fuzz $t: exit $rc, ${seconds}s, $stats"
  return $rc
}
failed=0
running=0
for t in "${targets[@]}"; do
  run "$t" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
exit $failed
