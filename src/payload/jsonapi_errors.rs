//! Commerce Layer's error format: [`Violation`]s as JSON:API error objects.
//!
//! Entry point: [`error_objects`]. Each object has the members Commerce Layer's API
//! answers with (`title`, `detail`, `code`, `source.pointer`, `status` as a string,
//! `meta`), and the status and code the server would give for that fault:
//!
//! | fault | status | code |
//! |---|---|---|
//! | attribute missing, blank, wrong type or format | 422 | `VALIDATION_ERROR` |
//! | `data` or `data.type` missing | 400 | `PARAM_MISSING` |
//! | `data` not an object | 400 | `INVALID_DATA_FORMAT` |
//! | `data.type` of another resource | 400 | `INVALID_RESOURCE` |
//! | unknown attribute or member | 400 | `PARAM_NOT_ALLOWED` |
//! | not JSON, or not a JSON object | 400 | `BAD_REQUEST` |
//!
//! Unlike the server, which stops at the first 400 fault, subkit reports them all,
//! and every object carries `source.pointer`.
//!
//! ```
//! use subkit::error::{Kind, Violation};
//! use subkit::payload::jsonapi_errors::error_object;
//! let e = error_object(&Violation::new("/data/attributes/customer_email", Kind::Required));
//! assert_eq!((e.status.as_str(), e.code, e.title.as_str()), ("422", "VALIDATION_ERROR", "can't be blank"));
//! assert_eq!(e.detail, "customer_email - can't be blank");
//! ```

use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{Code, Kind, Violation};

/// One JSON:API error object in Commerce Layer's shape.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ErrorObject {
    /// Short summary; for validation errors the Rails message, e.g. `can't be blank`.
    pub title: String,
    /// Explanation; for validation errors `"<attribute> - <title>"`.
    pub detail: String,
    /// Commerce Layer's error code, e.g. `VALIDATION_ERROR`.
    pub code: &'static str,
    /// Where the fault is.
    pub source: Source,
    /// HTTP status as a string, as the API sends it (`"422"`).
    pub status: String,
    /// `error`: the Rails error symbol for validation errors (`blank`, `invalid`) or the
    /// subkit code otherwise; `rule`: the subkit code; then the rule's params.
    pub meta: Map<String, Value>,
}

/// The `source` member of an error object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// RFC 6901 pointer into the request document.
    pub pointer: String,
}

/// Converts every violation, keeping their order.
pub fn error_objects(violations: &[Violation]) -> Vec<ErrorObject> {
    violations.iter().map(error_object).collect()
}

/// The HTTP status the server would answer: 400 when any fault is in the request's
/// shape (the server checks that before validating), otherwise 422; `None` when valid.
pub fn response_status(violations: &[Violation]) -> Option<u16> {
    let mut statuses = violations.iter().map(|v| status_and_code(v).0);
    let first = statuses.next()?;
    Some(if first == 400 || statuses.any(|s| s == 400) {
        400
    } else {
        422
    })
}

/// Converts one violation.
pub fn error_object(v: &Violation) -> ErrorObject {
    let (status, code) = status_and_code(v);
    let member = v.member().unwrap_or_else(|| "request".to_owned());
    let (title, detail, error) = if code == "VALIDATION_ERROR" {
        let (title, symbol) = match v.code() {
            Code::Required => ("can't be blank", "blank"),
            _ => ("is invalid", "invalid"),
        };
        (title.to_owned(), format!("{member} - {title}"), symbol)
    } else {
        let (title, detail) = shape_fault_text(v, &member);
        (title.to_owned(), detail, v.code().as_str())
    };
    let mut meta = Map::new();
    meta.insert("error".to_owned(), Value::from(error));
    meta.insert("rule".to_owned(), Value::from(v.code().as_str()));
    meta.extend(v.kind.params());
    ErrorObject {
        title,
        detail,
        code,
        source: Source {
            pointer: v.pointer.clone(),
        },
        status: status.to_string(),
        meta,
    }
}

/// True for pointers to one attribute or relationship, which the server checks with
/// model validations (422) rather than while parsing the request (400).
fn is_field(pointer: &str) -> bool {
    let field = |prefix: &str| {
        pointer
            .strip_prefix(prefix)
            .is_some_and(|rest| !rest.is_empty())
    };
    field("/data/attributes/") || field("/data/relationships/")
}

fn status_and_code(v: &Violation) -> (u16, &'static str) {
    match v.code() {
        Code::InvalidJson => (400, "BAD_REQUEST"),
        Code::NotAllowed | Code::Forbidden => (400, "PARAM_NOT_ALLOWED"),
        Code::ResourceType => (400, "INVALID_RESOURCE"),
        _ if is_field(&v.pointer) => (422, "VALIDATION_ERROR"),
        Code::Required => (400, "PARAM_MISSING"),
        _ if v.pointer.is_empty() => (400, "BAD_REQUEST"),
        _ => (400, "INVALID_DATA_FORMAT"),
    }
}

/// Titles and details of request-shape faults, worded as JSONAPI::Resources words them.
fn shape_fault_text(v: &Violation, member: &str) -> (&'static str, String) {
    match &v.kind {
        Kind::InvalidJson { .. } => ("Bad Request", v.message()),
        Kind::NotAllowed { member } | Kind::Forbidden { member, .. } => {
            ("Param not allowed", format!("{member} is not allowed."))
        }
        Kind::ResourceType { found, .. } => (
            "Invalid resource",
            format!("{found} is not a valid resource."),
        ),
        Kind::Required => (
            "Missing Parameter",
            format!("The required parameter, {member}, is missing."),
        ),
        _ if v.pointer.is_empty() => ("Bad Request", format!("Request must be a hash; {v}.")),
        _ => (
            "Invalid data format",
            format!("{} must be a hash.", capitalise(member)),
        ),
    }
}

fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    // The same unit tests run natively and under wasm-bindgen-test (Node and Chromium).
    use super::*;
    use crate::error::JsonType;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn status_prefers_400_over_422() {
        let blank = Violation::new("/data/attributes/customer_email", Kind::Required);
        let unknown = Violation::new(
            "/data/attributes/foo",
            Kind::NotAllowed {
                member: "foo".into(),
            },
        );
        assert_eq!(response_status(&[]), None);
        assert_eq!(response_status(std::slice::from_ref(&blank)), Some(422));
        assert_eq!(response_status(&[blank, unknown]), Some(400));
    }

    #[test]
    fn data_not_an_object_is_invalid_data_format() {
        let v = Violation::new(
            "/data",
            Kind::Type {
                expected: JsonType::Object,
                found: JsonType::Array,
            },
        );
        let e = error_object(&v);
        assert_eq!(e.code, "INVALID_DATA_FORMAT");
        assert_eq!(e.detail, "Data must be a hash.");
    }

    #[test]
    fn pointer_to_attributes_object_itself_is_not_a_field() {
        assert!(!is_field("/data/attributes"));
        assert!(!is_field("/data/attributes/"));
        assert!(is_field("/data/attributes/x"));
    }
}
