#!/usr/bin/env bash
# The demo command: installs the build tools if missing, builds pkg/, and serves the
# demo page at a printed localhost URL (PORT=8080 by default).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-pkg.sh
exec node scripts/serve.mjs "${PORT:-8080}"
