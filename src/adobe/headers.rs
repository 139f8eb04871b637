//! Request headers of the partner API, matched case-insensitively.
//!
//! Entry point, for the request readers: `Headers`, which takes each header as it is
//! read (from a request object's `headers`, `read_headers`, or from the options a
//! builder sends) and reports, in the order of [`HEADERS`], under the synthetic root
//! `/headers`, always with the documented spelling of the name
//! (`/headers/X-Correlation-Id`), whatever case the caller used. Values are never copied into a violation, so a token or key
//! cannot leak through one.
//!
//! Adobe documents no grammar for its ids (`X-Correlation-Id` is "a unique identifier
//! for the call"), so every value is held to what HTTP can carry: [`is_sendable`].

use crate::prelude::*;
use alloc::borrow::Cow;

use super::fields::{Field, Header, HEADERS, MAX_MEMBERS};
use super::walk::Found;
use crate::check::values::type_violation;
use crate::error::{Format, JsonType, Kind, Violation};
use crate::json::reader::{Fault, Reader, Token};
use crate::pointer::Path;

pub use super::fields::RECOMMENDATION_TRACKER;

/// What was read of one header of [`HEADERS`].
#[derive(Debug, Default)]
struct Seen<'a> {
    /// The spelling of its first occurrence.
    first: Option<Cow<'a, str>>,
    /// The fault of the last value given under that spelling.
    fault: Option<Kind>,
    /// Another spelling of the name was given too: the header would be sent twice.
    repeated: bool,
}

/// The headers of a request as they are read. A name given twice in the same spelling
/// keeps its last value, as a JSON object read into a map keeps it; the same name in
/// two spellings is two headers, a `duplicate`.
#[derive(Debug, Default)]
pub(crate) struct Headers<'a> {
    seen: [Seen<'a>; MAX_MEMBERS],
}

impl<'a> Headers<'a> {
    /// Takes header `name` with the value `value`; headers subkit does not know are
    /// left alone: clients and proxies add their own.
    pub fn put(&mut self, name: Cow<'a, str>, value: &Token<'_>) {
        let Some(slot) = HEADERS
            .members
            .iter()
            .position(|m| m.name.eq_ignore_ascii_case(&name))
        else {
            return;
        };
        let (Some(seen), Some(member)) = (self.seen.get_mut(slot), HEADERS.member(slot)) else {
            return;
        };
        let rule = match member.field {
            Field::Header(rule) => rule,
            _ => Header::Value,
        };
        match &seen.first {
            Some(first) if *first != name => seen.repeated = true,
            Some(_) => seen.fault = header_fault(rule, value),
            None => {
                seen.fault = header_fault(rule, value);
                seen.first = Some(name);
            }
        }
    }

    /// The faults found, header by header in the order of [`HEADERS`], at `at`.
    pub fn finish(self, at: &Path<'_>, out: &mut Vec<Violation>) {
        for (member, seen) in HEADERS.members.iter().zip(self.seen) {
            let pointer = || at.key(member.name).to_pointer();
            if seen.first.is_none() {
                if member.required {
                    out.push(Violation::new(pointer(), Kind::Required));
                }
                continue;
            }
            // Two spellings of one header would be sent as two values.
            if seen.repeated {
                out.push(Violation::new(pointer(), Kind::Duplicate { first: 0 }));
            }
            if let Some(kind) = seen.fault {
                out.push(Violation::new(pointer(), kind));
            }
        }
    }
}

/// Reads a headers object (`{ name: value }`) whose token was just read; a value that
/// is no object is a `type` fault.
pub(crate) fn read_headers<'a>(
    r: &mut Reader<'a>,
    token: Token<'a>,
    at: &Path<'_>,
    found: &mut Found,
) -> Result<(), Fault> {
    if token != Token::Object {
        found
            .violations
            .push(type_violation(at, JsonType::Object, &token));
        return r.skip(token);
    }
    let mut headers = Headers::default();
    while let Some(name) = r.member()? {
        let token = r.value()?;
        headers.put(name, &token);
        r.skip(token)?;
    }
    headers.finish(at, &mut found.violations);
    Ok(())
}

fn header_fault(rule: Header, value: &Token<'_>) -> Option<Kind> {
    let Token::String(v) = value else {
        return Some(super::body::type_kind(JsonType::String, value));
    };
    if !is_sendable(v) {
        return Some(Kind::HeaderValue);
    }
    match rule {
        Header::MediaType if !is_json_media_type(v) => Some(Kind::Const {
            expected: super::JSON_MEDIA_TYPE,
        }),
        Header::Bearer => match v.strip_prefix("Bearer ") {
            Some(token) if Format::BearerToken.matches(token) => None,
            _ => Some(Kind::Format {
                format: Format::BearerToken,
            }),
        },
        Header::Key if !Format::BearerToken.matches(v) => Some(Kind::Format {
            format: Format::BearerToken,
        }),
        _ => None,
    }
}

/// A value `fetch` sends as it is: RFC 9110's field-value (§5.5) read as a WHATWG
/// ByteString, one byte per character.
///
/// - Not empty, and no space or tab at either end: the Fetch standard's `Headers`
///   strips them, so the value sent would not be the value checked.
/// - Only tab, space, visible ASCII (U+0021 to U+007E) and U+0080 to U+00FF (RFC
///   9110's obs-text). NUL, CR and LF make `Headers` throw; the other control
///   characters and DEL pass `Headers` but HTTP clients refuse to send them (Node's
///   fetch fails with `UND_ERR_INVALID_ARG`); above U+00FF a string is no ByteString
///   and `Headers` throws a `TypeError`.
pub fn is_sendable(v: &str) -> bool {
    let blank_end = |c: char| c == ' ' || c == '\t';
    !v.is_empty()
        && !v.starts_with(blank_end)
        && !v.ends_with(blank_end)
        && v.chars()
            .all(|c| matches!(c, '\t' | ' '..='~' | '\u{80}'..='\u{ff}'))
}

/// `application/json`, in any case, optionally with parameters (`; charset=utf-8`).
fn is_json_media_type(v: &str) -> bool {
    let essence = v.split(';').next().unwrap_or_default().trim();
    essence.eq_ignore_ascii_case(super::JSON_MEDIA_TYPE)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn check(headers: &str) -> Vec<(String, &'static str)> {
        let root = Path::Root;
        let at = root.key("headers");
        let mut found = Found::default();
        let mut r = Reader::new(headers.as_bytes());
        let token = r.value().unwrap();
        read_headers(&mut r, token, &at, &mut found).unwrap();
        r.finish().unwrap();
        found
            .violations
            .into_iter()
            .map(|v| (v.pointer.clone(), v.code().as_str()))
            .collect()
    }

    #[test]
    fn names_are_case_insensitive_and_pointers_canonical() {
        let ok = r#"{
            "x-correlation-id": "abc", "accept": "Application/JSON", "content-type": "application/json; charset=utf-8",
            "AUTHORIZATION": "Bearer t0k3n", "x-api-key": "key", "X-Request-Id": "r1", "X-Recommendation-Tracker-Id": "t"
        }"#;
        assert_eq!(check(ok), []);
        let missing = check("{}");
        assert_eq!(missing.len(), 5);
        assert_eq!(
            missing[0],
            ("/headers/X-Correlation-Id".to_owned(), "required")
        );
    }

    // A name repeated in one spelling keeps its last value (as a JSON object read into
    // a map does); in two spellings it is a duplicate, checked with the first
    // spelling's last value.
    #[test]
    fn repeated_names() {
        let base = r#""Accept": "application/json", "Content-Type": "application/json", "Authorization": "Bearer t", "X-Correlation-Id": "c""#;
        assert_eq!(
            check(&format!(
                r#"{{{base}, "X-Api-Key": "k k", "X-Api-Key": "k"}}"#
            )),
            []
        );
        assert_eq!(
            check(&format!(r#"{{{base}, "X-Api-Key": "k", "X-Api-Key": 1}}"#)),
            [("/headers/X-Api-Key".to_owned(), "type")]
        );
        assert_eq!(
            check(&format!(
                r#"{{{base}, "x-api-key": "k k", "X-Api-Key": "k", "x-api-key": "k"}}"#
            )),
            [("/headers/X-Api-Key".to_owned(), "duplicate")]
        );
    }

    // The boundaries of `is_sendable`, each as `new Headers({ x: value })` and Node's
    // fetch treat it (see its docs).
    #[test]
    fn sendable_values() {
        for ok in [
            "a\tb",               // tab inside
            "a b",                // space inside
            "\u{e9}",             // é, one byte as a ByteString
            "\u{fc}-1",           // ü-1
            "\u{ff}",             // ÿ, the last ByteString character
            "\u{80}",             // the first obs-text byte
            "!~",                 // both ends of visible ASCII
            "9f5cb46f-59e0-44f2", // the fixtures' id
        ] {
            assert!(is_sendable(ok), "{ok:?}");
        }
        for bad in [
            "",         // empty
            " a",       // leading space: Headers strips it
            "a ",       // trailing space
            "\ta",      // leading tab
            "a\t",      // trailing tab
            " ",        // only a space
            "\u{100}",  // Ā: not a ByteString, Headers throws
            "\u{20ac}", // €
            "a\u{7f}b", // DEL: fetch refuses to send it
            "a\u{1}b",  // another control character
            "a\u{0}b",  // NUL
            "a\rb",     // CR
            "a\nb",     // LF
            "a\r\nX-Evil: 1",
        ] {
            assert!(!is_sendable(bad), "{bad:?}");
        }
    }

    #[test]
    fn hygiene() {
        let bad = r#"{
            "X-Correlation-Id": "a\r\nX-Evil: 1", "Accept": "text/html", "Content-Type": "application/json",
            "Authorization": "Basic abc", "X-Api-Key": "k k", "x-request-id": "", "X-REQUEST-ID": "b"
        }"#;
        assert_eq!(
            check(bad),
            [
                ("/headers/X-Request-Id".to_owned(), "duplicate"),
                ("/headers/X-Request-Id".to_owned(), "header_value"),
                ("/headers/X-Correlation-Id".to_owned(), "header_value"),
                ("/headers/Accept".to_owned(), "const"),
                ("/headers/Authorization".to_owned(), "format"),
                ("/headers/X-Api-Key".to_owned(), "format"),
            ]
        );
    }
}
