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
//! Nesting of 128 levels or more is refused by the reader, as serde_json's recursion
//! limit refuses it, so hostile input cannot exhaust the stack. Text longer than
//! [`MAX_INPUT_BYTES`] is refused with `too_large` before it is read:
//!
//! ```
//! let huge = " ".repeat(subkit::json::MAX_INPUT_BYTES + 1);
//! assert_eq!(subkit::json::parse_str(&huge).unwrap_err().code().as_str(), "too_large");
//! ```

use crate::prelude::*;
pub mod names;
pub mod reader;
#[cfg(feature = "value")]
mod value;
pub mod write;

#[cfg(feature = "value")]
pub use value::{parse_bytes, parse_str};

use crate::error::{Kind, Violation};

/// The largest JSON text subkit reads: 4 MiB of UTF-8. A subscription document is a
/// few kilobytes even with large `metadata`; the cap keeps a hostile body from
/// growing the wasm memory, which never shrinks.
pub const MAX_INPUT_BYTES: usize = 4 * 1024 * 1024;

/// The most values (members and elements, at any depth) one JSON text may hold. Each
/// value costs tens of bytes once parsed, so without this cap 4 MiB of `[0,0,…]`
/// would take some 200 MB; a subscription document holds hundreds.
pub const MAX_VALUES: usize = 100_000;

/// The strings of a JSON array of strings (a list option written by `JSON.stringify`);
/// `None` for any other text, or one over [`check_limits`]' limits.
pub fn string_list(text: &[u8]) -> Option<Vec<String>> {
    use reader::{Reader, Token};
    check_limits(text).ok()?;
    let mut r = Reader::new(text);
    if r.value().ok()? != Token::Array {
        return None;
    }
    let mut items = Vec::new();
    while r.element().ok()? {
        match r.value().ok()? {
            Token::String(s) => items.push(s.into_owned()),
            _ => return None,
        }
    }
    r.finish().ok()?;
    Some(items)
}

/// `Err(too_large)` when `size` bytes is over [`MAX_INPUT_BYTES`].
pub fn check_size(size: usize) -> Result<(), Violation> {
    if size > MAX_INPUT_BYTES {
        return Err(too_large(size, MAX_INPUT_BYTES, BYTES));
    }
    Ok(())
}

/// The fault of JSON text given as a JS string with a lone surrogate: it is not valid
/// UTF-16, and copying it out of JS would silently turn it into U+FFFD.
pub fn lone_surrogate() -> Violation {
    Violation::new(
        "",
        crate::error::Kind::InvalidJson {
            line: 0,
            column: 0,
            reason: crate::words::reason!("invalid_json.lone_surrogate"),
        },
    )
}

/// `Err(too_large)` when `text` is over either limit: [`MAX_INPUT_BYTES`] or
/// [`MAX_VALUES`]. Checked before a text is read, so the answer for an oversized text
/// does not depend on where in it a syntax fault would be.
pub fn check_limits(text: &[u8]) -> Result<(), Violation> {
    check_size(text.len())?;
    check_values(text)
}

/// `Err(too_large)` when the text holds more than [`MAX_VALUES`] values, counted
/// before parsing by a scan for `[`, `{` and `,` outside strings (an upper bound on
/// the values in valid JSON, and a cheap one: no allocation).
fn check_values(text: &[u8]) -> Result<(), Violation> {
    // Each counted byte adds one to a count that starts at one: a text shorter than
    // the limit cannot pass it, and the usual document is skipped without a scan.
    if text.len() < MAX_VALUES {
        return Ok(());
    }
    let (mut count, mut in_string, mut escaped) = (1usize, false, false);
    for &b in text {
        match (in_string, escaped, b) {
            (true, true, _) => escaped = false,
            (true, false, b'\\') => escaped = true,
            (true, false, b'"') | (false, _, b'"') => in_string = !in_string,
            (false, _, b'[' | b'{' | b',') => {
                count = count.saturating_add(1);
                if count > MAX_VALUES {
                    return Err(too_large(count, MAX_VALUES, VALUES));
                }
            }
            _ => {}
        }
    }
    Ok(())
}

/// What a `too_large` fault counts (its `unit` param): bytes of text, or values.
pub const UNITS: [&str; 2] = [BYTES, VALUES];
const BYTES: &str = "bytes";
const VALUES: &str = "values";

fn too_large(size: usize, limit: usize, unit: &'static str) -> Violation {
    Violation::new("", Kind::TooLarge { size, limit, unit })
}

#[cfg(test)]
mod tests {
    // The same unit tests run natively and under wasm-bindgen-test (Node and Chromium).
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[cfg(feature = "value")]
    #[test]
    fn reports_position_of_fault() {
        let v = parse_str("{\n  \"a\": ]\n}").unwrap_err();
        match v.kind {
            Kind::InvalidJson { line, .. } => assert_eq!(line, 2),
            other => panic!("unexpected {other:?}"),
        }
    }

    #[cfg(feature = "value")]
    #[test]
    fn refuses_deep_nesting_without_overflow() {
        let deep = "[".repeat(100_000);
        assert!(parse_str(&deep).is_err());
    }

    #[cfg(feature = "value")]
    #[test]
    fn counts_values_outside_strings_only() {
        let many = format!("[{}0]", "0,".repeat(MAX_VALUES));
        let v = parse_str(&many).unwrap_err();
        assert_eq!(v.code().as_str(), "too_large");
        assert!(matches!(v.kind, Kind::TooLarge { unit: "values", .. }));
        // Commas and brackets inside strings, escaped quotes included, are not values.
        let quoted = format!("[\"\\\"{}\"]", ",[{".repeat(MAX_VALUES));
        assert!(parse_str(&quoted).is_ok());
        let just_under = format!("[{}0]", "0,".repeat(MAX_VALUES - 2));
        assert!(parse_str(&just_under).is_ok());
    }

    #[cfg(feature = "value")]
    #[test]
    fn rejects_invalid_utf8() {
        assert!(parse_bytes(b"\"\xff\"").is_err());
    }

    #[test]
    fn a_list_of_strings_is_read_and_anything_else_refused() {
        let list = string_list(br#" ["a", "b\u0041", ""] "#);
        assert_eq!(
            list,
            Some(vec!["a".to_owned(), "bA".to_owned(), String::new()])
        );
        assert_eq!(string_list(b"[]"), Some(Vec::new()));
        for text in [
            &br#"["a", 1]"#[..],
            br#"{"a": "b"}"#,
            br#""a""#,
            br#"["a"] x"#,
            b"[",
            b"",
        ] {
            assert_eq!(string_list(text), None, "{}", String::from_utf8_lossy(text));
        }
    }
}
