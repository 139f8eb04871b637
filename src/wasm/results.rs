//! The results the JS functions return, as the serialised structs JS reads, and the
//! two ways they cross into JS (JSON text for most, serde-wasm-bindgen for small ones).

use js_sys::{Reflect, JSON};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;

use crate::adobe;
use crate::commercelayer::jsonapi_errors::{error_objects, response_status, ErrorObject};
use crate::error::Violation;
use crate::report::RunsReport;
use crate::schedule::FrequencyError;

/// What `validateAdobeSubscription` and `buildAdobeSubscription` return.
#[derive(Serialize)]
pub(super) struct AdobeOutcome {
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    request: Option<Option<JsRequest>>,
    errors: Vec<adobe::errors::AdobeError>,
    warnings: Vec<adobe::errors::AdobeError>,
}

impl AdobeOutcome {
    pub(super) fn new(report: &adobe::Report, request: Option<Option<JsRequest>>) -> Self {
        AdobeOutcome {
            valid: report.violations.is_empty(),
            request,
            errors: adobe::errors::adobe_errors(&report.violations),
            warnings: adobe::errors::adobe_errors(&report.warnings),
        }
    }

    /// The same for an update request, with the update's error codes.
    pub(super) fn update(report: &adobe::Report, request: Option<Option<JsRequest>>) -> Self {
        AdobeOutcome {
            valid: report.violations.is_empty(),
            request,
            errors: adobe::errors::adobe_update_errors(&report.violations),
            warnings: adobe::errors::adobe_update_errors(&report.warnings),
        }
    }
}

/// The report with `runs` as a `Float64Array` copied out of wasm memory, so it stays
/// valid when a later call reuses or grows that memory. The rest crosses as JSON text,
/// like every result (the same report, with no runs, so no second serialiser is
/// compiled in), and the array is stored into the `runs` member `JSON.parse` created:
/// setting an own data property runs no setter, even one planted on `Object.prototype`.
pub(super) fn epoch_ms_to_js(report: RunsReport) -> Result<JsValue, JsValue> {
    let millis = report.epoch_millis();
    let result = to_js(&RunsReport {
        runs: Vec::new(),
        ..report
    })?;
    // `From<&[f64]>` is `new Float64Array(view of wasm memory)`: one call, which copies.
    let runs = js_sys::Float64Array::from(millis.as_slice());
    Reflect::set(&result, &JsValue::from_str("runs"), &runs)?;
    Ok(result)
}

/// A request as `fetch(request.url, request)` takes it.
#[derive(Serialize)]
pub(super) struct JsRequest {
    method: &'static str,
    url: String,
    headers: serde_json::Map<String, Value>,
    body: String,
}

impl JsRequest {
    pub(super) fn new(
        method: &'static str,
        url: String,
        headers: Vec<(&'static str, String)>,
        body: String,
    ) -> Self {
        let headers = headers
            .into_iter()
            .map(|(k, v)| (k.to_owned(), Value::from(v)))
            .collect();
        JsRequest {
            method,
            url,
            headers,
            body,
        }
    }
}

/// The `{ valid, status, errors }` of every Commerce Layer result.
#[derive(Serialize)]
pub(crate) struct Validation {
    valid: bool,
    status: Option<u16>,
    errors: Vec<ErrorObject>,
}

impl Validation {
    pub(super) fn new(violations: &[Violation]) -> Self {
        Validation {
            valid: violations.is_empty(),
            status: response_status(violations),
            errors: error_objects(violations),
        }
    }
}

/// What `buildResource` returns.
#[derive(Serialize)]
pub(super) struct Built {
    #[serde(flatten)]
    pub(super) validation: Validation,
    pub(super) document: Option<Value>,
}

/// What `buildRequest` returns.
#[derive(Serialize)]
pub(super) struct Requested {
    #[serde(flatten)]
    pub(super) validation: Validation,
    pub(super) request: Option<JsRequest>,
}

/// What `adobeCreationWindow` returns.
#[derive(Serialize)]
pub(super) struct CreationWindow {
    pub(super) valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) to: Option<String>,
    pub(super) errors: Vec<adobe::errors::AdobeError>,
}

/// What `describeFrequency` returns.
#[derive(Serialize)]
pub(super) struct Described {
    pub(super) valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) phrase: Option<String>,
    pub(super) errors: Vec<FrequencyError>,
}

/// A result of a few fields, built on the JS side directly by serde-wasm-bindgen.
pub(super) fn small_to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))
}

/// Results cross the boundary as JSON text parsed by the engine's `JSON.parse`: one
/// call, where building the object field by field would cost one call per field.
///
/// Measured against serde-wasm-bindgen's serializer, and against reading input
/// objects with `serde_wasm_bindgen::from_value` instead of `JSON.stringify`: the
/// text route was faster both ways and, for the deserializer, 11 KB smaller gzipped
/// (docs/benchmarks.md).
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    JSON::parse(&text)
}
