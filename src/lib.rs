#![doc = include_str!("../README.md")]
//!
//! # Modules
//!
//! - [`payload`]: Commerce Layer create documents ([`payload::Resource`]) and their
//!   JSON:API error objects ([`payload::jsonapi_errors`]).
//! - [`adobe`]: Adobe VIP Marketplace create-subscription requests and Adobe's errors.
//! - [`schedule`]: frequencies (presets and crontab), descriptions and next runs.
//! - [`error`]: the [`Violation`] every validator reports.
//! - [`pointer`](mod@pointer): RFC 6901 pointers.
//! - [`json`]: JSON text in, violations out.
//! - [`check`]: the value checks every vendor module shares: string formats
//!   ([`check::format`]: e-mail, date-time, URL, currency code, ...), e-mail addresses.
//! - [`http`]: a request ready to send, credentials masked in `Debug`.
//! - `wasm`: the JavaScript API (wasm32 only).
#![forbid(unsafe_code)]

pub mod adobe;
pub mod check;
pub mod error;
pub mod http;
pub mod json;
pub mod payload;
pub mod pointer;
pub mod schedule;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

/// The string formats. They live in [`check::format`]; this path stays so that code
/// written against `subkit::format` keeps compiling.
pub use check::format;
pub use error::{Code, Kind, Violation};
pub use payload::{Resource, UnknownResource};
