#!/usr/bin/env bash
# The benchmark command (not part of the test command): native criterion benches, then
# the JS benchmarks of the built package against Ajv, zod, croner and cron-parser in one
# Node process, ending with the target table (PASS or MISS for each target; a miss is
# reported, not an error). Results: target/criterion/ and bench-results/latest.{json,md}.
#   scripts/bench.sh                      full run
#   BENCH_MS=150 scripts/bench.sh         shorter JS measurements (ms per round, default 400)
#   BENCH_ROUNDS=5 scripts/bench.sh       more alternating rounds (default 3)
#   scripts/bench.sh --warm-up-time 0.5 --measurement-time 1
#                                         arguments go to criterion (default
#                                         --warm-up-time 1 --measurement-time 2)
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-pkg.sh
# Criterion estimates written before this instant are not this run's; bench.mjs skips them.
BENCH_STARTED_MS=$(node -e 'console.log(Date.now())')
export BENCH_STARTED_MS
if [ "$#" -eq 0 ]; then
  set -- --warm-up-time 1 --measurement-time 2
fi
cargo bench --bench native -- "$@"
# --expose-gc: the memory row collects garbage before reading the process's RSS.
TZ=UTC node --expose-gc benches/js/bench.mjs
