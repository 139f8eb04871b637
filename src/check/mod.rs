//! Value checks shared by the vendor modules: string formats, e-mail addresses and the
//! violations every JSON walker reports (repeated names are `json::names`).
//!
//! Nothing here knows Commerce Layer or Adobe requests: [`commercelayer`](crate::commercelayer) and
//! [`adobe`](crate::adobe) both build on this module, and it imports neither (nor
//! `schedule`, except the ISO 8601 readers of `schedule::instant`, which import
//! nothing from the crate); `tests/layout.rs` checks that.

pub mod email;
pub mod format;
pub(crate) mod values;
