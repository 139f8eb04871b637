#!/usr/bin/env bash
# The benchmark command (not part of the test command): native criterion benches, then
# the JS benchmarks of the built package against Ajv, zod, croner and cron-parser in one
# Node process. Results: target/criterion/ and bench-results/latest.{json,md}.
#   scripts/bench.sh            full run
#   BENCH_MS=150 scripts/bench.sh   shorter JS measurements
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-pkg.sh
cargo bench --bench native -- --warm-up-time 1 --measurement-time 2
node benches/js/bench.mjs
