# Pinned tool versions, shared by every script. The wasm-bindgen CLI must match
# the `wasm-bindgen` crate pinned in Cargo.toml exactly, or the generated glue breaks.
WASM_BINDGEN_VERSION=0.2.130
WASM_PACK_VERSION=0.15.1
CARGO_DENY_VERSION=0.20.2
CARGO_FUZZ_VERSION=0.13.2
# Node.js for examples/worker's wrangler where the machine's Node is older than it needs
# (the npm registry's node-linux-<arch> package, used by that test only).
WORKER_NODE_VERSION=24.22.3
