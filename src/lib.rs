#![doc = include_str!("../README.md")]
//!
//! # Modules
//!
//! - [`commercelayer`]: Commerce Layer create documents ([`commercelayer::Resource`]) and their
//!   JSON:API error objects ([`commercelayer::jsonapi_errors`]).
//! - [`adobe`]: Adobe VIP Marketplace create-subscription requests and Adobe's errors.
//! - [`schedule`]: frequencies (presets and crontab), descriptions and next runs.
//! - [`report`]: the JS API's answers about frequencies and runs, as JSON.
//! - [`error`]: the [`Violation`] every validator reports.
//! - [`words`]: the English of every rule, as templates, and how they are filled in.
//! - [`pointer`](mod@pointer): RFC 6901 pointers.
//! - [`json`]: JSON text in, violations out; [`json::reader`], the pull reader the
//!   validators read documents with.
//! - [`check`]: the value checks every vendor module shares: string formats
//!   ([`check::format`]: e-mail, date-time, URL, currency code, ...), e-mail addresses.
//! - [`http`]: a request ready to send, credentials masked in `Debug`.
//! - [`manifest`]: the rules as data (codes, resources and their members), as JSON.
//! - [`json_schema`]: the rules as JSON Schema and OpenAPI, and what a schema cannot say.
//! - `wasm`: the JavaScript API (wasm32 only).
#![forbid(unsafe_code)]
// The crate itself needs only core and alloc. Every build links std but the npm
// package's module (feature `package`): without std, a panic reaches subkit's own
// handler, which traps, and the module links none of std's panic machinery.
#![no_std]

extern crate alloc;
#[cfg(not(feature = "package"))]
extern crate std;

#[cfg(feature = "package")]
mod bare;

/// What std's prelude would bring that core's does not: each module takes it with
/// `use crate::prelude::*`.
mod prelude {
    pub use alloc::borrow::ToOwned;
    pub use alloc::boxed::Box;
    pub use alloc::string::{String, ToString};
    pub use alloc::vec::Vec;
    pub use alloc::{format, vec};
}

pub mod adobe;
pub mod check;
pub mod commercelayer;
pub mod error;
pub mod http;
pub mod json;
#[cfg(feature = "value")]
pub mod json_schema;
#[cfg(feature = "value")]
pub mod manifest;
pub mod pointer;
pub mod report;
pub mod schedule;
pub mod words;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// docs/rust.md, the Rust quick start: its examples run as doctests.
#[doc = include_str!("../docs/rust.md")]
#[cfg(doctest)]
pub struct RustQuickStart;

/// docs/json-schema.md, the JSON Schemas and OpenAPI document: its Rust example runs as
/// a doctest.
#[doc = include_str!("../docs/json-schema.md")]
#[cfg(doctest)]
pub struct JsonSchemaGuide;

/// The string formats. They live in [`check::format`]; this path stays so that code
/// written against `subkit::format` keeps compiling.
pub use check::format;
/// The crates whose types subkit's API names (`serde_json::Value`, `chrono::DateTime`),
/// re-exported so that a project's `Cargo.toml` needs only `subkit`.
pub use chrono;
pub use commercelayer::{Resource, UnknownResource};
pub use error::{Code, Kind, Violation};
#[cfg(feature = "value")]
pub use serde_json;
