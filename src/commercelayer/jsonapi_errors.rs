//! Commerce Layer's error format: [`Violation`]s as JSON:API error objects.
//!
//! Entry point: [`error_objects`]. Each object has the members Commerce Layer's API
//! answers with (`title`, `detail`, `code`, `source.pointer`, `status` as a string,
//! `meta`), and the status and code the server would give for that fault (a frequency
//! fault also carries subkit's own explanation in `meta.message`):
//!
//! | fault | status | code |
//! |---|---|---|
//! | attribute missing, blank, wrong type or format | 422 | `VALIDATION_ERROR` |
//! | `data` or `data.type` missing | 400 | `PARAM_MISSING` |
//! | `data` not an object | 400 | `INVALID_DATA_FORMAT` |
//! | `data.type` of another resource | 400 | `INVALID_RESOURCE` |
//! | unknown attribute, relationship or member, or one the operation does not take | 400 | `PARAM_NOT_ALLOWED` |
//! | update: `data.id` missing | 400 | `KEY_ORDER_MISMATCH` |
//! | update: `data.id` not the id in the path | 400 | `KEY_NOT_INCLUDED_IN_URL` |
//! | update: a trigger the current status does not allow | 422 | `VALIDATION_ERROR` |
//! | relationship linkage malformed | 400 | `INVALID_LINKS_OBJECT` |
//! | relationship of another type | 400 | `TYPE_MISMATCH` |
//! | not JSON, or not a JSON object | 400 | `BAD_REQUEST` |
//! | missing or malformed access token (request options) | 401 | `UNAUTHORIZED` |
//!
//! Unlike the server, which stops at the first 400 fault, subkit reports them all,
//! and every object carries `source.pointer`.
//!
//! ```
//! use subkit::error::{Kind, Violation};
//! use subkit::commercelayer::jsonapi_errors::error_object;
//! let e = error_object(&Violation::new("/data/attributes/customer_email", Kind::Required));
//! assert_eq!((e.status.as_str(), e.code, e.title.as_str()), ("422", "VALIDATION_ERROR", "can't be blank"));
//! assert_eq!(e.detail, "customer_email - can't be blank");
//! ```

use crate::prelude::*;
#[cfg(feature = "value")]
use serde::Serialize;
#[cfg(feature = "value")]
use serde_json::{Map, Value};

use crate::error::{JsonType, Kind, Violation};

#[cfg(feature = "value")]
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
    /// subkit code otherwise; `rule`: the subkit code; then the rule's params; for a
    /// frequency, `message`: why it is not one, as `parseFrequency` says it.
    pub meta: Map<String, Value>,
}

#[cfg(feature = "value")]
/// The `source` member of an error object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Source {
    /// RFC 6901 pointer into the request document.
    pub pointer: String,
}

/// Commerce Layer's error codes (an error object's `code`), each for the kind of fault
/// its JSON:API answers give it: [`ErrorCode::ALL`] is the one list, which the
/// TypeScript type `CommerceLayerErrorCode` is checked against (tests/docs_lists.rs).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorCode {
    /// 422: a model validation of one attribute or relationship.
    ValidationError,
    /// 400: a required member of the request's shape is missing.
    ParamMissing,
    /// 400: a member the endpoint does not take.
    ParamNotAllowed,
    /// 400: `data.type` names another resource.
    InvalidResource,
    /// 400: a member of the request's shape has the wrong type.
    InvalidDataFormat,
    /// 400: a relationship is not a valid resource linkage.
    InvalidLinksObject,
    /// 400: a relationship's `type` is not one it takes.
    TypeMismatch,
    /// 400: the body is not JSON, is too large, or an option (the URL) is wrong.
    BadRequest,
    /// 401: the access token is missing or malformed.
    Unauthorized,
    /// 400: an update's `data.id` is not the id in the URL.
    KeyNotIncludedInUrl,
    /// 400: an update's `data.id` is missing.
    KeyOrderMismatch,
}

impl ErrorCode {
    /// Every code, once.
    pub const ALL: &'static [ErrorCode] = &[
        ErrorCode::ValidationError,
        ErrorCode::ParamMissing,
        ErrorCode::ParamNotAllowed,
        ErrorCode::InvalidResource,
        ErrorCode::InvalidDataFormat,
        ErrorCode::InvalidLinksObject,
        ErrorCode::TypeMismatch,
        ErrorCode::BadRequest,
        ErrorCode::Unauthorized,
        ErrorCode::KeyNotIncludedInUrl,
        ErrorCode::KeyOrderMismatch,
    ];

    /// The code as Commerce Layer writes it.
    pub const fn as_str(self) -> &'static str {
        match self {
            ErrorCode::ValidationError => "VALIDATION_ERROR",
            ErrorCode::ParamMissing => "PARAM_MISSING",
            ErrorCode::ParamNotAllowed => "PARAM_NOT_ALLOWED",
            ErrorCode::InvalidResource => "INVALID_RESOURCE",
            ErrorCode::InvalidDataFormat => "INVALID_DATA_FORMAT",
            ErrorCode::InvalidLinksObject => "INVALID_LINKS_OBJECT",
            ErrorCode::TypeMismatch => "TYPE_MISMATCH",
            ErrorCode::BadRequest => "BAD_REQUEST",
            ErrorCode::Unauthorized => "UNAUTHORIZED",
            ErrorCode::KeyNotIncludedInUrl => "KEY_NOT_INCLUDED_IN_URL",
            ErrorCode::KeyOrderMismatch => "KEY_ORDER_MISMATCH",
        }
    }
}

impl ErrorCode {
    /// The HTTP status of an answer with this code.
    pub const fn status(self) -> u16 {
        match self {
            ErrorCode::ValidationError => 422,
            ErrorCode::Unauthorized => 401,
            _ => 400,
        }
    }

    /// Where this code is in [`ErrorCode::ALL`].
    pub fn index(self) -> usize {
        ErrorCode::ALL.iter().position(|c| *c == self).unwrap_or(0)
    }
}

/// The words of one kind of error object, as the server writes them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Text {
    /// `title`: for a model validation (422) the Rails message, a template of the rule's
    /// params ([`crate::words::fill`]); otherwise JSONAPI::Resources' fixed title.
    pub title: &'static str,
    /// `detail`: a template of the rule's params and of `{@field}` (the attribute or
    /// relationship), `{@title}`, `{@member}` (the pointer's last member, or `request`),
    /// `{@Member}` (the same capitalised) and `{@message}` (the rule's English).
    pub detail: &'static str,
    /// `meta.error`: the Rails error symbol of a model validation; `None` for a
    /// request-shape fault, whose `meta.error` is the rule's code.
    pub error: Option<&'static str>,
}

const fn validation(title: &'static str, symbol: &'static str) -> Text {
    Text {
        title,
        detail: "{@field} - {@title}",
        error: Some(symbol),
    }
}

const fn shape(title: &'static str, detail: &'static str) -> Text {
    Text {
        title,
        detail,
        error: None,
    }
}

/// Every error object's words, by key: Rails' model validations, then the request-shape
/// faults worded as JSONAPI::Resources words them. The manifest carries them, and the
/// JS package writes its error objects from them.
pub const TEXTS: &[(&str, Text)] = &[
    ("blank", validation("can't be blank", "blank")),
    (
        "greater_than_or_equal_to",
        validation(
            "must be greater than or equal to {min}",
            "greater_than_or_equal_to",
        ),
    ),
    (
        "less_than_or_equal_to",
        validation(
            "must be less than or equal to {max}",
            "less_than_or_equal_to",
        ),
    ),
    (
        "not_an_integer",
        validation("must be an integer", "not_an_integer"),
    ),
    (
        "not_a_number",
        validation("is not a number", "not_a_number"),
    ),
    (
        "inclusion",
        validation("is not included in the list", "inclusion"),
    ),
    ("after", validation("must be after {other}", "invalid")),
    // subkit's words: the docs do not say how the server answers.
    (
        "transition",
        validation("cannot be sent while the status is {status}", "invalid"),
    ),
    ("invalid", validation("is invalid", "invalid")),
    (
        "access_denied",
        shape("Access denied", "accessToken {@message}"),
    ),
    // A forbidden option's message names it already ("baseUrl is forbidden: …").
    ("forbidden_option", shape("Bad Request", "{@message}")),
    ("bad_option", shape("Bad Request", "{@member} {@message}")),
    // JSONAPI::Resources v0.10's KeyNotIncludedInURL and MissingKey.
    (
        "key_not_included_in_url",
        shape(
            "Key is not included in URL",
            "The URL does not support the key {found}",
        ),
    ),
    (
        "key_missing",
        shape(
            "A key is required",
            "The resource object does not contain a key.",
        ),
    ),
    ("invalid_json", shape("Bad Request", "{@message}")),
    ("too_large", shape("Bad Request", "Request body {@message}")),
    (
        "not_allowed",
        shape("Param not allowed", "{member} is not allowed."),
    ),
    (
        "invalid_links",
        shape("Invalid Links Object", "Data is not a valid Links Object."),
    ),
    (
        "type_mismatch",
        shape(
            "Type Mismatch",
            "{found} is not a valid type for this operation.",
        ),
    ),
    (
        "invalid_resource",
        shape("Invalid resource", "{found} is not a valid resource."),
    ),
    (
        "missing",
        shape(
            "Missing Parameter",
            "The required parameter, {@member}, is missing.",
        ),
    ),
    (
        "not_a_hash",
        shape("Bad Request", "Request must be a hash; {@message}."),
    ),
    (
        "invalid_data_format",
        shape("Invalid data format", "{@Member} must be a hash."),
    ),
];

/// The keys of [`TEXTS`] alone, computed when compiling: looking a key up reads only
/// these, so the wasm module, whose answers carry the index, links none of the words.
// Evaluated by the compiler: an index out of bounds would fail the build, not a call.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const TEXT_KEYS: [&str; TEXTS.len()] = crate::words::keys_of!(TEXTS);

/// Where the text `key` is in [`TEXTS`].
fn text(key: &str) -> usize {
    TEXT_KEYS.iter().position(|k| *k == key).unwrap_or(0)
}

#[cfg(feature = "value")]
/// Converts every violation, keeping their order.
pub fn error_objects(violations: &[Violation]) -> Vec<ErrorObject> {
    violations.iter().map(error_object).collect()
}

/// The HTTP status the server would answer: 401 for a credential fault, else 400
/// when any fault is in the request's shape (the server checks that before
/// validating), else 422; `None` when valid.
pub fn response_status(violations: &[Violation]) -> Option<u16> {
    let rank = |status: u16| match status {
        401 => 2,
        400 => 1,
        _ => 0,
    };
    violations.iter().map(|v| classify(v).0.status()).fold(
        None,
        |worst: Option<u16>, s| match worst {
            Some(w) if rank(w) >= rank(s) => Some(w),
            _ => Some(s),
        },
    )
}

#[cfg(feature = "value")]
/// Converts one violation: the code and words [`classify`] picks, filled in.
pub fn error_object(v: &Violation) -> ErrorObject {
    let (code, index) = classify(v);
    let text = TEXTS
        .get(index)
        .map_or(validation("is invalid", "invalid"), |(_, t)| *t);
    let params = v.kind.params();
    let rule = v.code().as_str();
    let title = crate::words::fill(text.title, &params, &[]);
    let member = v.member().unwrap_or_else(|| "request".to_owned());
    let extras = [
        ("field", field_name(&v.pointer).unwrap_or_default()),
        ("member", capitalise(&member, false)),
        ("Member", capitalise(&member, true)),
        ("message", v.kind.to_string()),
        ("title", title.clone()),
    ];
    let extras: Vec<(&str, &str)> = extras.iter().map(|(k, v)| (*k, v.as_str())).collect();
    let detail = crate::words::fill(text.detail, &params, &extras);
    let mut meta = Map::new();
    meta.insert("error".to_owned(), Value::from(text.error.unwrap_or(rule)));
    meta.insert("rule".to_owned(), Value::from(rule));
    meta.extend(params);
    if let Kind::Frequency { error } = &v.kind {
        // The title is the server's bare "is invalid"; subkit's own message says why
        // (`fires 12 times an hour; …`), the text `parseFrequency` gives, for a UI to show.
        meta.insert("message".to_owned(), Value::from(error.message.text()));
    }
    ErrorObject {
        title,
        detail,
        code: code.as_str(),
        source: Source {
            pointer: v.pointer.clone(),
        },
        status: code.status().to_string(),
        meta,
    }
}

/// The attribute or relationship a pointer is inside: the token after
/// `/data/attributes/` or `/data/relationships/`, unescaped.
fn field_name(pointer: &str) -> Option<String> {
    let rest = pointer
        .strip_prefix("/data/attributes/")
        .or_else(|| pointer.strip_prefix("/data/relationships/"))?;
    let token = rest.split('/').next()?;
    Some(crate::pointer::unescape(token))
}

/// True for pointers to one attribute or relationship, which the server checks with
/// model validations (422) rather than while parsing the request (400).
fn is_field(pointer: &str) -> bool {
    field_name(pointer).is_some_and(|f| !f.is_empty())
}

/// The code the server would answer a violation with, and where its words are in
/// [`TEXTS`]: the one place that decides both, for the Rust adapter above and for the
/// compact records the JS package writes its error objects from.
pub fn classify(v: &Violation) -> (ErrorCode, usize) {
    use ErrorCode as E;
    let in_relationship = v.pointer.starts_with("/data/relationships/");
    let (code, key) = match &v.kind {
        _ if v.pointer == "/options/accessToken" => (E::Unauthorized, "access_denied"),
        Kind::Forbidden { .. } if v.pointer.starts_with("/options/") => {
            (E::BadRequest, "forbidden_option")
        }
        // The path's id is part of the URL, like the options.
        _ if v.pointer.starts_with("/options/") || v.pointer == "/path/id" => {
            (E::BadRequest, "bad_option")
        }
        Kind::IdMismatch { .. } => (E::KeyNotIncludedInUrl, "key_not_included_in_url"),
        Kind::Required if v.pointer == "/data/id" => (E::KeyOrderMismatch, "key_missing"),
        Kind::InvalidJson { .. } => (E::BadRequest, "invalid_json"),
        Kind::TooLarge { .. } => (E::BadRequest, "too_large"),
        Kind::NotAllowed { .. } | Kind::Forbidden { .. } => (E::ParamNotAllowed, "not_allowed"),
        Kind::Linkage { .. } => (E::InvalidLinksObject, "invalid_links"),
        Kind::ResourceType { .. } if in_relationship => (E::TypeMismatch, "type_mismatch"),
        Kind::ResourceType { .. } => (E::InvalidResource, "invalid_resource"),
        kind if is_field(&v.pointer) => (E::ValidationError, validation_key(kind)),
        Kind::Required => (E::ParamMissing, "missing"),
        _ if v.pointer.is_empty() => (E::BadRequest, "not_a_hash"),
        _ => (E::InvalidDataFormat, "invalid_data_format"),
    };
    (code, text(key))
}

/// Rails' message for a model validation failure, as Commerce Layer's 422 errors carry
/// it (`title`, `meta.error`).
fn validation_key(kind: &Kind) -> &'static str {
    match kind {
        Kind::Required => "blank",
        Kind::Range { min, value, .. } if value < min => "greater_than_or_equal_to",
        Kind::Range { .. } => "less_than_or_equal_to",
        Kind::Type {
            expected: JsonType::Integer,
            found: JsonType::Number,
        } => "not_an_integer",
        Kind::Type {
            expected: JsonType::Integer,
            ..
        } => "not_a_number",
        Kind::Enum { .. } | Kind::NotOffered { .. } => "inclusion",
        Kind::After { .. } => "after",
        Kind::Transition { .. } => "transition",
        _ => "invalid",
    }
}

#[cfg(feature = "value")]
/// Upper-cases the first letter when `upper`, as Ruby's `capitalize` does for the
/// member names that reach it (`data`, `attributes`, `relationships`: names of the
/// spec, all ASCII). ASCII-only on purpose: `char::to_uppercase` links Unicode's case
/// tables, about 9 KB of gzipped wasm, for names that never need them.
fn capitalise(s: &str, upper: bool) -> String {
    let mut out = s.to_owned();
    if let Some(first) = out.get_mut(..1).filter(|_| upper) {
        first.make_ascii_uppercase();
    }
    out
}

#[cfg(test)]
mod tests {
    // The same unit tests run natively and under wasm-bindgen-test (Node and Chromium).
    use super::*;
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
        assert_eq!(response_status(core::slice::from_ref(&blank)), Some(422));
        assert_eq!(response_status(&[blank, unknown]), Some(400));
    }

    #[cfg(feature = "value")]
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
    fn text_keys_are_unique() {
        for (i, (key, _)) in TEXTS.iter().enumerate() {
            assert_eq!(text(key), i, "{key} is listed once");
        }
    }

    #[test]
    fn pointer_to_attributes_object_itself_is_not_a_field() {
        assert!(!is_field("/data/attributes"));
        assert!(!is_field("/data/attributes/"));
        assert!(is_field("/data/attributes/x"));
    }
}
