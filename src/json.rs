//! Reading JSON text into values, with faults reported as [`Violation`]s.
//!
//! Entry points: [`parse_str`] and [`parse_bytes`]. Invalid text is a violation at
//! pointer `""` with code `invalid_json`, never a panic or a thrown error:
//!
//! ```
//! let err = subkit::json::parse_str("{\"data\": }").unwrap_err();
//! assert_eq!(err.code().as_str(), "invalid_json");
//! assert_eq!(err.pointer, "");
//! ```
//!
//! Nesting deeper than 128 levels is refused by the parser (serde_json's recursion
//! limit), so hostile input cannot exhaust the stack. Text longer than
//! [`MAX_INPUT_BYTES`] is refused with `too_large` before it is read:
//!
//! ```
//! let huge = " ".repeat(subkit::json::MAX_INPUT_BYTES + 1);
//! assert_eq!(subkit::json::parse_str(&huge).unwrap_err().code().as_str(), "too_large");
//! ```

use serde_json::Value;

use crate::error::{Kind, Violation};

/// The largest JSON text subkit reads: 4 MiB of UTF-8. A subscription document is a
/// few kilobytes even with large `metadata`; the cap keeps a hostile body from
/// growing the wasm memory, which never shrinks.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// Parses JSON text.
pub fn parse_str(text: &str) -> Result<Value, Violation> {
    check_size(text.len())?;
    serde_json::from_str(text).map_err(|e| invalid_json(&e))
}

/// Parses UTF-8 encoded JSON text, as a request body arrives.
pub fn parse_bytes(bytes: &[u8]) -> Result<Value, Violation> {
    check_size(bytes.len())?;
    serde_json::from_slice(bytes).map_err(|e| invalid_json(&e))
}

/// `Err(too_large)` when `size` bytes is over [`MAX_INPUT_BYTES`].
pub fn check_size(size: usize) -> Result<(), Violation> {
    if size > MAX_INPUT_BYTES {
        return Err(Violation::new(
            "",
            Kind::TooLarge {
                size,
                limit: MAX_INPUT_BYTES,
            },
        ));
    }
    Ok(())
}

fn invalid_json(e: &serde_json::Error) -> Violation {
    // serde_json's Display appends " at line L column C"; keep only the reason since
    // line and column travel as params.
    let full = e.to_string();
    let reason = match full.rfind(" at line ") {
        Some(i) if e.line() > 0 => full.get(..i).unwrap_or(&full).to_owned(),
        _ => full,
    };
    Violation::new(
        "",
        Kind::InvalidJson {
            line: e.line(),
            column: e.column(),
            reason,
        },
    )
}

#[cfg(test)]
mod tests {
    // The same unit tests run natively and under wasm-bindgen-test (Node and Chromium).
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn reports_position_of_fault() {
        let v = parse_str("{\n  \"a\": ]\n}").unwrap_err();
        match v.kind {
            Kind::InvalidJson { line, .. } => assert_eq!(line, 2),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[test]
    fn refuses_deep_nesting_without_overflow() {
        let deep = "[".repeat(100_000);
        assert!(parse_str(&deep).is_err());
    }

    #[test]
    fn rejects_invalid_utf8() {
        assert!(parse_bytes(b"\"\xff\"").is_err());
    }
}
