# Pinned tool versions, shared by every script. The wasm-bindgen CLI must match
# the `wasm-bindgen` crate pinned in Cargo.toml exactly, or the generated glue breaks.
WASM_BINDGEN_VERSION=0.2.130
WASM_PACK_VERSION=0.15.1
CARGO_DENY_VERSION=0.20.2
CARGO_FUZZ_VERSION=0.13.2
