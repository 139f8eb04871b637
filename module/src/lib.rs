//! subkit's wasm module for the npm package: links subkit, whose `#[wasm_bindgen]`
//! exports (subkit::wasm) are the module's, into a `cdylib` of its own (Cargo.toml says
//! why). Without std, as subkit's `package` feature builds it.
#![no_std]
#![forbid(unsafe_code)]

/// subkit, linked whole: its exports are the module's.
pub use subkit;
