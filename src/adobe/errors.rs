//! Adobe's error format: [`Violation`]s as `{ code, message, additionalDetails }`.
//!
//! Entry point: [`adobe_errors`]. Each violation becomes one error with the code and
//! message of Adobe's error table where one applies:
//!
//! | fault | code | HTTP |
//! |---|---|---|
//! | a required field, header, path parameter, `body` or `headers` missing | 1122 Request is missing required fields | 400 |
//! | an unexpected field | 1121 Request contains additional unexpected fields. | 400 |
//! | a field with a wrong value | 1117 Some fields are invalid | 400 |
//! | more than one flexible discount code | 2147 Only one Flexible Discount code is allowed per line item. | 400 |
//! | `customerId` unusable | 1116 Invalid Customer | 404 |
//! | `X-Correlation-Id` missing or invalid | 4119 Correlation ID is Invalid or Missing | 400 |
//! | `Authorization` missing / invalid | 4117 Authorization token is missing (403) / 4116 Authorization token is invalid (401) | |
//! | `X-Api-Key` missing or invalid | 4115 API key is invalid or missing | 403 |
//!
//! Faults Adobe documents no code for (the creation window, `today`, context rules)
//! get `code: null`. `additionalDetails` names the field (`autoRenewal.renewalQuantity`)
//! and what is wrong, never a value, so secrets cannot leak.
//!
//! ```
//! use subkit::adobe::errors::adobe_error;
//! use subkit::error::{Kind, Violation};
//! let e = adobe_error(&Violation::new("/headers/X-Correlation-Id", Kind::Required));
//! assert_eq!((e.code, e.status), (Some("4119"), 400));
//! ```

use serde::Serialize;

use crate::error::{Code, Violation};

/// One error in Adobe's shape, plus where it is and the HTTP status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct AdobeError {
    /// Adobe's error code as a string (`"1122"`), or `None` when Adobe documents none.
    pub code: Option<&'static str>,
    /// Adobe's message for the code, or subkit's when there is no code.
    pub message: String,
    /// The field, in Adobe's dotted form, and what is wrong with it.
    pub additional_details: Vec<String>,
    /// RFC 6901 pointer into the request object.
    pub pointer: String,
    /// subkit's stable rule code (`required`, `window`, ...).
    pub rule: &'static str,
    /// The HTTP status Adobe would answer with.
    pub status: u16,
    /// The rule's params (`Kind::params`), which a message in the caller's language is
    /// written from.
    pub params: serde_json::Map<String, serde_json::Value>,
}

/// Converts every violation, keeping their order.
pub fn adobe_errors(violations: &[Violation]) -> Vec<AdobeError> {
    violations.iter().map(adobe_error).collect()
}

/// Converts one violation.
pub fn adobe_error(v: &Violation) -> AdobeError {
    let field = dotted(&v.pointer);
    let (code, message, status) = match (v.pointer.as_str(), v.code()) {
        ("/headers/X-Correlation-Id", _) => {
            (Some("4119"), "Correlation ID is Invalid or Missing", 400)
        }
        ("/headers/Authorization", Code::Required) => {
            (Some("4117"), "Authorization token is missing", 403)
        }
        ("/headers/Authorization", _) => (Some("4116"), "Authorization token is invalid", 401),
        ("/headers/X-Api-Key", _) => (Some("4115"), "API key is invalid or missing", 403),
        ("/customerId", Code::Required) => {
            (Some("1122"), "Request is missing required fields", 400)
        }
        ("/customerId", Code::NotEligible) => (None, "", 400),
        ("/customerId", _) => (Some("1116"), "Invalid Customer", 404),
        ("/body/autoRenewal/flexDiscountCodes", Code::MaxItems) => (
            Some("2147"),
            "Only one Flexible Discount code is allowed per line item.",
            400,
        ),
        (p, _) if p == "/today" || p == "/anniversaryDate" => (None, "", 400),
        (_, Code::NotEligible) => (None, "", 400),
        // The body, the headers object, a body field or a header that is missing.
        (p, Code::Required | Code::DependentRequired) if p.starts_with("/body") => {
            (Some("1122"), "Request is missing required fields", 400)
        }
        (p, Code::Required) if p.starts_with("/headers") => {
            (Some("1122"), "Request is missing required fields", 400)
        }
        (p, Code::NotAllowed) if p.starts_with("/body") => (
            Some("1121"),
            "Request contains additional unexpected fields.",
            400,
        ),
        (p, _) if p.starts_with("/body") || p.starts_with("/headers") => {
            (Some("1117"), "Some fields are invalid", 400)
        }
        _ => (None, "", 400),
    };
    let message = if code.is_some() {
        message.to_owned()
    } else {
        format!("{field} {}", v.kind)
    };
    AdobeError {
        code,
        message,
        additional_details: vec![format!("{field}: {}", v.kind)],
        pointer: v.pointer.clone(),
        rule: v.code().as_str(),
        status,
        params: v.kind.params(),
    }
}

/// `/body/autoRenewal/flexDiscountCodes/0` as Adobe writes fields:
/// `autoRenewal.flexDiscountCodes[0]`; headers keep their name; `/body` and `/headers`
/// themselves are `body` and `headers`.
fn dotted(pointer: &str) -> String {
    if pointer == "/body" || pointer == "/headers" {
        return pointer.trim_start_matches('/').to_owned();
    }
    let tokens: Vec<String> = pointer
        .split('/')
        .skip(1)
        .map(crate::pointer::unescape)
        .collect();
    let tokens = match tokens.first().map(String::as_str) {
        Some("body" | "headers") => tokens.get(1..).unwrap_or_default(),
        _ => tokens.as_slice(),
    };
    let mut out = String::new();
    for t in tokens {
        if !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit()) {
            out.push_str(&format!("[{t}]"));
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(t);
        }
    }
    if out.is_empty() {
        "request".to_owned()
    } else {
        out
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn dotted_names() {
        assert_eq!(
            dotted("/body/autoRenewal/renewalQuantity"),
            "autoRenewal.renewalQuantity"
        );
        assert_eq!(
            dotted("/body/autoRenewal/flexDiscountCodes/0"),
            "autoRenewal.flexDiscountCodes[0]"
        );
        assert_eq!(dotted("/headers/X-Api-Key"), "X-Api-Key");
        assert_eq!(dotted("/today"), "today");
        assert_eq!(dotted("/body"), "body");
        assert_eq!(dotted("/headers"), "headers");
        assert_eq!(dotted(""), "request");
    }
}
