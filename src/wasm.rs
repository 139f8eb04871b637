//! The JavaScript API: converts arguments, calls the core, serialises the answer.
//!
//! Entry points (JS names): `validateResource(resource, document)` and
//! `buildResource(resource, input)`. No rule lives here. Results are plain objects
//! (`{ valid, status, errors }`); only misuse throws (`TypeError` for an argument of
//! the wrong kind or an unknown resource name). TypeScript types are hand-kept in
//! `pkg/index.d.ts`, so every export here skips the generated ones.

use js_sys::{Uint8Array, JSON};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::error::Violation;
use crate::payload::jsonapi_errors::{error_objects, response_status, ErrorObject};
use crate::payload::Resource;

/// `validateResource(resource, document)`: `document` is a JSON:API create document as
/// a plain object, JSON text, or UTF-8 bytes. Returns `{ valid, status, errors }`.
#[wasm_bindgen(js_name = validateResource, skip_typescript)]
pub fn validate_resource(resource: JsValue, document: JsValue) -> Result<JsValue, JsValue> {
    let resource = resource_arg(&resource)?;
    let violations = match document_arg(&document, "document")? {
        Ok(doc) => resource.validate(&doc),
        Err(v) => vec![v],
    };
    to_js(&Validation::new(&violations))
}

/// `buildResource(resource, input)`: `input` holds the flat attributes
/// (`{ customer_email, reference, ... }`). Returns `{ valid, status, document, errors }`;
/// `document` is `null` unless `valid`.
#[wasm_bindgen(js_name = buildResource, skip_typescript)]
pub fn build_resource(resource: JsValue, input: JsValue) -> Result<JsValue, JsValue> {
    let resource = resource_arg(&resource)?;
    let built = match document_arg(&input, "input")? {
        Ok(input) => resource.build(&input),
        Err(v) => Err(vec![v]),
    };
    let (document, violations) = match built {
        Ok(doc) => (Some(doc), Vec::new()),
        Err(violations) => (None, violations),
    };
    to_js(&Built {
        validation: Validation::new(&violations),
        document,
    })
}

#[derive(Serialize)]
struct Validation {
    valid: bool,
    status: Option<u16>,
    errors: Vec<ErrorObject>,
}

impl Validation {
    fn new(violations: &[Violation]) -> Self {
        Validation {
            valid: violations.is_empty(),
            status: response_status(violations),
            errors: error_objects(violations),
        }
    }
}

#[derive(Serialize)]
struct Built {
    #[serde(flatten)]
    validation: Validation,
    document: Option<Value>,
}

fn resource_arg(value: &JsValue) -> Result<Resource, JsValue> {
    let name = value.as_string().ok_or_else(|| {
        type_error("resource must be a string, such as \"customer_subscriptions\"")
    })?;
    name.parse::<Resource>()
        .map_err(|unknown| type_error(&unknown.to_string()))
}

/// Reads a JSON value from JS: text and bytes are parsed (a fault is a violation), and
/// anything else goes through `JSON.stringify`, which applies `toJSON`, drops
/// `undefined` and functions, and turns NaN and infinities into `null`, as `fetch`
/// would when sending it. What cannot become JSON at all is misuse and throws.
fn document_arg(value: &JsValue, what: &str) -> Result<Result<Value, Violation>, JsValue> {
    if let Some(text) = value.as_string() {
        return Ok(crate::json::parse_str(&text));
    }
    if let Some(bytes) = value.dyn_ref::<Uint8Array>() {
        return Ok(crate::json::parse_bytes(&bytes.to_vec()));
    }
    if value.is_undefined() {
        return Err(type_error(&format!("{what} is required")));
    }
    let text = JSON::stringify(value).map_err(|e| {
        let reason = e
            .dyn_ref::<js_sys::Error>()
            .map(|e| String::from(e.message()))
            .unwrap_or_default();
        type_error(&format!("{what} cannot be converted to JSON: {reason}"))
    })?;
    match text.as_string() {
        Some(text) => Ok(crate::json::parse_str(&text)),
        None => Err(type_error(&format!("{what} must be a JSON value"))),
    }
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
