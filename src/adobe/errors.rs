//! Adobe's error format: [`Violation`]s as `{ code, message, additionalDetails }`.
//!
//! Entry point: [`adobe_errors`]. Each violation becomes one error with the code and
//! message of Adobe's error table where one applies, the code the field table
//! ([`fields`]) puts beside the member at fault:
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
//! The update endpoint (`PATCH …/subscriptions/{subscription-id}`,
//! [`adobe_update_errors`]) answers some faults with its own codes, and the rest as
//! above:
//!
//! | fault | code | HTTP |
//! |---|---|---|
//! | `customerId` or `subscriptionId` unusable | 3115 Invalid Customer or Subscription ID | 404 |
//! | `renewalQuantity` outside 1 to the product's maximum | 3116 renewalQuantity out of range | 400 |
//! | `renewalQuantity` below the `renewalCode`'s minimum order quantity | 5124 Invalid Renewal Quantity for Discount Code | 400 |
//! | a subscription that is not active (context `status`) | 3119 Inactive Subscription is not Editable | 400 |
//! | a read-only member of the subscription (`offerId`, `currentQuantity`, ...) | 1119 Some fields are not editable | 400 |
//! | a query parameter that is not a boolean | 1117 Some fields are invalid | 400 |
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

#[cfg(feature = "value")]
use crate::prelude::*;
#[cfg(feature = "value")]
use serde::Serialize;

use super::fields;
use crate::error::Violation;

/// One error in Adobe's shape, plus where it is and the HTTP status.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
#[cfg(feature = "value")]
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

/// Adobe's error codes subkit answers with: (code, Adobe's message, HTTP status), from
/// Adobe's error table. The manifest carries them, and the JS package writes its Adobe
/// errors from them.
pub const CODES: &[(&str, &str, u16)] = &[
    ("1116", "Invalid Customer", 404),
    ("1117", "Some fields are invalid", 400),
    ("1119", "Some fields are not editable", 400),
    (
        "1121",
        "Request contains additional unexpected fields.",
        400,
    ),
    ("1122", "Request is missing required fields", 400),
    (
        "2147",
        "Only one Flexible Discount code is allowed per line item.",
        400,
    ),
    ("3115", "Invalid Customer or Subscription ID", 404),
    ("3116", "renewalQuantity out of range", 400),
    ("3119", "Inactive Subscription is not Editable", 400),
    ("4115", "API key is invalid or missing", 403),
    ("4116", "Authorization token is invalid", 401),
    ("4117", "Authorization token is missing", 403),
    ("4119", "Correlation ID is Invalid or Missing", 400),
    ("5124", "Invalid Renewal Quantity for Discount Code", 400),
];

/// The codes of [`CODES`] alone, computed when compiling: looking a code up reads only
/// these, so the wasm module, whose answers carry the index, links none of the messages.
// Evaluated by the compiler: an index out of bounds would fail the build, not a call.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const CODE_NAMES: [&str; CODES.len()] = crate::words::keys_of!(CODES);

/// Where Adobe's `code` is in [`CODES`].
pub(crate) fn code_index(code: &str) -> Option<usize> {
    CODE_NAMES.iter().position(|c| *c == code)
}

/// Converts every violation, keeping their order.
#[cfg(feature = "value")]
pub fn adobe_errors(violations: &[Violation]) -> Vec<AdobeError> {
    violations.iter().map(adobe_error).collect()
}

/// Converts one violation.
#[cfg(feature = "value")]
pub fn adobe_error(v: &Violation) -> AdobeError {
    render(v, create_code(v))
}

/// The code of Adobe's error table a create request's violation gets (its place in
/// [`CODES`]), or `None` for faults Adobe documents no code for: the code the field
/// table puts beside the member at fault ([`fields::code_of`] with
/// [`fields::REQUEST`]), for the Rust adapter and for the compact records of the JS
/// package alike.
pub fn create_code(v: &Violation) -> Option<usize> {
    fields::code_of(&fields::REQUEST, v)
}

/// An Adobe error with the code at `index` of [`CODES`], or with none: then the message
/// is subkit's own, the field and what is wrong.
#[cfg(feature = "value")]
fn render(v: &Violation, index: Option<usize>) -> AdobeError {
    let field = dotted(&v.pointer);
    let known = index.and_then(|i| CODES.get(i));
    let english = v.kind.to_string();
    AdobeError {
        code: known.map(|(c, _, _)| *c),
        message: known.map_or_else(|| format!("{field} {english}"), |(_, m, _)| (*m).to_owned()),
        additional_details: vec![format!("{field}: {english}")],
        pointer: v.pointer.clone(),
        rule: v.code().as_str(),
        status: known.map_or(400, |(_, _, s)| *s),
        params: v.kind.params(),
    }
}

/// Converts the violations of an update request, keeping their order.
#[cfg(feature = "value")]
pub fn adobe_update_errors(violations: &[Violation]) -> Vec<AdobeError> {
    violations.iter().map(adobe_update_error).collect()
}

/// Converts one violation of an update request: the update's own codes (Adobe's error
/// table, "Update Subscription Auto-Renewal" and "Update Subscriptions" rows), else as
/// [`adobe_error`].
#[cfg(feature = "value")]
pub fn adobe_update_error(v: &Violation) -> AdobeError {
    render(v, update_code(v))
}

/// The code an update request's violation gets, as [`create_code`] for a create one:
/// from the field table's [`fields::UPDATE_REQUEST`], which gives the update's own
/// codes beside its members and create's elsewhere.
pub fn update_code(v: &Violation) -> Option<usize> {
    fields::code_of(&fields::UPDATE_REQUEST, v)
}

/// `/body/autoRenewal/flexDiscountCodes/0` as Adobe writes fields:
/// `autoRenewal.flexDiscountCodes[0]`; headers keep their name; `/body` and `/headers`
/// themselves are `body` and `headers`.
#[cfg(feature = "value")]
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
#[cfg(feature = "value")]
mod tests {

    use super::*;
    use crate::error::Kind;

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

    #[test]
    fn update_codes_and_the_rest_as_create() {
        let range = |min| Kind::Range {
            min,
            max: 10_000,
            value: 50,
        };
        let at = "/body/autoRenewal/renewalQuantity";
        assert_eq!(
            adobe_update_error(&Violation::new(at, range(1))).code,
            Some("3116")
        );
        assert_eq!(
            adobe_update_error(&Violation::new(at, range(100))).code,
            Some("5124")
        );
        let missing = Violation::new("/headers/X-Api-Key", Kind::Required);
        assert_eq!(adobe_update_error(&missing), adobe_error(&missing));
    }
}
