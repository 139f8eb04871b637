//! Request headers of the partner API, matched case-insensitively.
//!
//! Entry point: [`check_headers`]. Violations point under the synthetic root
//! `/headers`, always with the documented spelling of the name
//! (`/headers/X-Correlation-Id`), whatever case the caller used. Values are never
//! copied into a violation, so a token or key cannot leak through one.
//!
//! Adobe documents no grammar for its ids (`X-Correlation-Id` is "a unique identifier
//! for the call"), so every value is held to what HTTP can carry: [`is_sendable`].

use serde_json::Value;

use crate::check::values::expect_object;
use crate::error::{Format, JsonType, Kind, Violation};
use crate::pointer::Path;

/// The tracker header Adobe asks partners to send back on Create Subscription.
pub const RECOMMENDATION_TRACKER: &str = "x-recommendation-tracker-id";

/// The headers subkit checks, in the documented spelling, and whether each is required.
const KNOWN: &[(&str, bool)] = &[
    ("X-Request-Id", false),
    ("X-Correlation-Id", true),
    ("Accept", true),
    ("Content-Type", true),
    ("Authorization", true),
    ("X-Api-Key", true),
    (RECOMMENDATION_TRACKER, false),
];

/// Checks a headers object (`{ name: value }`). Headers subkit does not know are left
/// alone: clients and proxies add their own.
pub fn check_headers(headers: &Value, at: &Path<'_>, out: &mut Vec<Violation>) {
    let Some(members) = expect_object(headers, at, out) else {
        return;
    };
    for (canonical, required) in KNOWN {
        let mut given = members
            .iter()
            .filter(|(name, _)| name.eq_ignore_ascii_case(canonical));
        let member = at.key(canonical);
        let Some((_, value)) = given.next() else {
            if *required {
                out.push(Violation::new(member.to_pointer(), Kind::Required));
            }
            continue;
        };
        // Two spellings of one header would be sent as two values.
        if given.next().is_some() {
            out.push(Violation::new(
                member.to_pointer(),
                Kind::Duplicate { first: 0 },
            ));
        }
        if let Some(kind) = header_fault(canonical, value) {
            out.push(Violation::new(member.to_pointer(), kind));
        }
    }
}

fn header_fault(name: &str, value: &Value) -> Option<Kind> {
    let Value::String(v) = value else {
        return Some(Kind::Type {
            expected: JsonType::String,
            found: JsonType::of(value),
        });
    };
    if !is_sendable(v) {
        return Some(Kind::HeaderValue);
    }
    match name {
        "Accept" | "Content-Type" if !is_json_media_type(v) => Some(Kind::Const {
            expected: super::JSON_MEDIA_TYPE,
        }),
        "Authorization" => match v.strip_prefix("Bearer ") {
            Some(token) if Format::BearerToken.matches(token) => None,
            _ => Some(Kind::Format {
                format: Format::BearerToken,
            }),
        },
        "X-Api-Key" if !Format::BearerToken.matches(v) => Some(Kind::Format {
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

    fn check(headers: Value) -> Vec<(String, &'static str)> {
        let root = Path::Root;
        let at = root.key("headers");
        let mut out = Vec::new();
        check_headers(&headers, &at, &mut out);
        out.into_iter()
            .map(|v| (v.pointer.clone(), v.code().as_str()))
            .collect()
    }

    #[test]
    fn names_are_case_insensitive_and_pointers_canonical() {
        let ok = serde_json::json!({
            "x-correlation-id": "abc", "accept": "Application/JSON", "content-type": "application/json; charset=utf-8",
            "AUTHORIZATION": "Bearer t0k3n", "x-api-key": "key", "X-Request-Id": "r1", "X-Recommendation-Tracker-Id": "t"
        });
        assert_eq!(check(ok), []);
        let missing = check(serde_json::json!({}));
        assert_eq!(missing.len(), 5);
        assert_eq!(
            missing[0],
            ("/headers/X-Correlation-Id".to_owned(), "required")
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
        let bad = serde_json::json!({
            "X-Correlation-Id": "a\r\nX-Evil: 1", "Accept": "text/html", "Content-Type": "application/json",
            "Authorization": "Basic abc", "X-Api-Key": "k k", "x-request-id": "", "X-REQUEST-ID": "b"
        });
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
