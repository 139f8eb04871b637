//! The results the JS functions return, as the serialised structs JS reads, and how
//! they cross into JS: as JSON text that `JSON.parse` reads, runs also as a typed array.

use crate::prelude::*;
use js_sys::{Reflect, JSON};
use serde::Serialize;
use wasm_bindgen::prelude::*;

use crate::adobe;
use crate::commercelayer::jsonapi_errors::classify;
use crate::error::{Violation, WordlessParams};
use crate::json::write::{self, Raw};
use crate::report::{RunsReport, Wordless};
use crate::schedule::FrequencyError;
use crate::words::Words;

/// One violation as the package's JS writes it out: `[rule, pointer, params, english,
/// code, text, frequency]`. `params` are the rule's, a reason as its index in
/// `words::REASONS` (`error::WordlessParams`); `english` is the rule's template in
/// `words::ENGLISH`; `code` is the vendor's code (Commerce Layer's in `ErrorCode::ALL`,
/// Adobe's in `adobe::errors::CODES`, `null` where Adobe has none); `text` is Commerce
/// Layer's words in `jsonapi_errors::TEXTS` (`null` for Adobe); `frequency` is the
/// templates of a frequency fault's explanation from the schedule engine
/// (`words::Words`), which the params fill. Every word is in pkg/tables.js, generated
/// from the manifest; none is in the module.
#[derive(Serialize)]
pub(crate) struct Record<'v>(
    &'v str,
    &'v str,
    WordlessParams<'v>,
    usize,
    Option<usize>,
    Option<usize>,
    Option<Words<'static>>,
);

/// The templates of the frequency engine's explanation a violation carries, if any.
fn frequency_message(v: &Violation) -> Option<Words<'static>> {
    match &v.kind {
        crate::error::Kind::Frequency { error } => Some(error.message.words.clone()),
        _ => None,
    }
}

/// Commerce Layer's records: each with its code and words (`jsonapi_errors::classify`).
pub(crate) fn jsonapi_records(violations: &[Violation]) -> Vec<Record<'_>> {
    violations
        .iter()
        .map(|v| {
            let (code, text) = classify(v);
            Record(
                v.code().as_str(),
                &v.pointer,
                WordlessParams(&v.kind),
                v.kind.english(),
                Some(code.index()),
                Some(text),
                frequency_message(v),
            )
        })
        .collect()
}

/// Adobe's records: each with the code of Adobe's table the request gets.
pub(super) fn adobe_records(violations: &[Violation], update: bool) -> Vec<Record<'_>> {
    violations
        .iter()
        .map(|v| {
            let code = if update {
                adobe::errors::update_code(v)
            } else {
                adobe::errors::create_code(v)
            };
            Record(
                v.code().as_str(),
                &v.pointer,
                WordlessParams(&v.kind),
                v.kind.english(),
                code,
                None,
                frequency_message(v),
            )
        })
        .collect()
}

/// What the Adobe functions answer, which pkg/render.js writes out.
#[derive(Serialize)]
pub(super) struct AdobeOutcome<'v> {
    #[serde(skip_serializing_if = "Option::is_none")]
    request: Option<Option<JsRequest>>,
    errors: Vec<Record<'v>>,
    warnings: Vec<Record<'v>>,
}

impl<'v> AdobeOutcome<'v> {
    pub(super) fn new(report: &'v adobe::Report, request: Option<Option<JsRequest>>) -> Self {
        AdobeOutcome {
            request,
            errors: adobe_records(&report.violations, false),
            warnings: adobe_records(&report.warnings, false),
        }
    }

    /// The same for an update request, with the update's error codes.
    pub(super) fn update(report: &'v adobe::Report, request: Option<Option<JsRequest>>) -> Self {
        AdobeOutcome {
            request,
            errors: adobe_records(&report.violations, true),
            warnings: adobe_records(&report.warnings, true),
        }
    }
}

/// The report with `runs` as a `Float64Array` copied out of wasm memory, so it stays
/// valid when a later call reuses or grows that memory. The rest crosses as JSON text,
/// like every result (the same report, with no runs, so no second serialiser is
/// compiled in; its errors `Wordless`, so no English is), and the array is stored into
/// the `runs` member `JSON.parse` created: setting an own data property runs no
/// setter, even one planted on `Object.prototype`.
pub(super) fn epoch_ms_to_js(report: RunsReport) -> Result<JsValue, JsValue> {
    let millis = report.epoch_millis();
    // `From<&[f64]>` is `new Float64Array(view of wasm memory)`: one call, which copies.
    let runs = js_sys::Float64Array::from(millis.as_slice());
    with_runs(report, &runs)
}

/// The report's JSON, with no runs and no words, and `runs` stored into it.
fn with_runs(report: RunsReport, runs: &JsValue) -> Result<JsValue, JsValue> {
    let result = to_js(
        &RunsReport {
            runs: Vec::new(),
            ..report
        }
        .without_words(),
    )?;
    Reflect::set(&result, &JsValue::from_str("runs"), runs)?;
    Ok(result)
}

/// The report with `runs` as an array of ISO strings made in two calls: the texts,
/// written here into one comma-separated string, cross as one UTF-8 decode, and
/// `split(",")` cuts the array out of it. Serialised as JSON strings, the runs cost an
/// escape scan each here and a `JSON.parse` there: `nextRuns` of 1000 runs of
/// `0 9 * * 1-5` took 0.35 ms that way against 0.10 ms this way, in Node. Cutting the
/// text in JS with `slice` instead of `split` measured the same. The rest is JSON text
/// as in [`epoch_ms_to_js`], and the array is stored the same way.
pub(super) fn iso_to_js(report: RunsReport) -> Result<JsValue, JsValue> {
    if report.runs.is_empty() {
        // `"".split(",")` would be `[""]`; the JSON's empty array is the answer.
        return to_js(&report.without_words());
    }
    let text = js_sys::JsString::from(report.iso_text());
    with_runs(report, &text.split(","))
}

/// A request as `fetch(request.url, request)` takes it.
#[derive(Serialize)]
pub(super) struct JsRequest {
    method: &'static str,
    url: String,
    headers: Headers,
    body: String,
}

/// A request's headers, written as one object of their names and values.
struct Headers(Vec<(&'static str, String)>);

impl Serialize for Headers {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(self.0.iter().map(|(k, v)| (k, v)))
    }
}

impl JsRequest {
    pub(super) fn new(
        method: &'static str,
        url: String,
        headers: Vec<(&'static str, String)>,
        body: String,
    ) -> Self {
        JsRequest {
            method,
            url,
            headers: Headers(headers),
            body,
        }
    }
}

/// What the Commerce Layer functions answer, which pkg/render.js writes out: the
/// records, and the document or request the builders made (`null` when invalid).
#[derive(Serialize)]
pub(super) struct Jsonapi<'v> {
    pub(super) errors: Vec<Record<'v>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) document: Option<Option<Raw<'v>>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) request: Option<Option<JsRequest>>,
}

/// What `adobeCreationWindow` returns.
#[derive(Serialize)]
pub(super) struct CreationWindow<'v> {
    pub(super) valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) to: Option<String>,
    pub(super) errors: Vec<Record<'v>>,
}

/// What `describeFrequency` returns.
#[derive(Serialize)]
pub(super) struct Described {
    pub(super) valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(super) phrase: Option<String>,
    pub(super) errors: Vec<Wordless<FrequencyError>>,
}

/// Results cross the boundary as JSON text parsed by the engine's `JSON.parse`: one
/// call, where building the object field by field would cost one call per field.
///
/// Measured against serde-wasm-bindgen's serializer, and against reading input
/// objects with `serde_wasm_bindgen::from_value` instead of `JSON.stringify`: the
/// text route was faster both ways and, for the deserializer, 11 KB smaller gzipped
/// (docs/benchmarks.md). The text is written by `json::write`, not serde_json, which
/// the module does not link.
pub(crate) fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    JSON::parse(&write::to_string(value))
}
