//! The JavaScript API: converts arguments, calls the core, serialises the answer.
//!
//! Entry points (JS names): `validateResource(resource, document, options)`,
//! `buildResource(resource, input, options)`, `buildRequest(resource, input, options)`,
//! `resourceDefaults(resource)`, `parseFrequency(text, options)`,
//! `describeFrequency(text, options)`, `nextRuns(frequency, options)`,
//! `validateAdobeSubscription(request, context)`, `buildAdobeSubscription(input, options)`
//! and `adobeCreationWindow(anniversaryDate)`. No rule lives here. Results are plain
//! objects (`{ valid, status, errors }`); only misuse throws (`TypeError` for an argument
//! of the wrong kind or an unknown resource name). TypeScript types are hand-kept in
//! `pkg/index.d.ts`, so every export here skips the generated ones.

use js_sys::{JsString, Uint8Array, JSON};
use serde::Serialize;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::adobe;
use crate::error::Violation;
use crate::payload::jsonapi_errors::{error_objects, response_status, ErrorObject};
use crate::payload::request::{self, RequestOptions};
use crate::payload::{BuildOptions, Context, Resource};
use crate::schedule::instant;
use crate::schedule::report::{FrequencyReport, RunsProblem, RunsReport};
use crate::schedule::{RunsError, RunsQuery, DEFAULT_COUNT};

/// `validateResource(resource, document, { subscriptionModelFrequencies? })`: `document`
/// is a JSON:API create document as a plain object, JSON text, or UTF-8 bytes.
/// Returns `{ valid, status, errors }`.
#[wasm_bindgen(js_name = validateResource, skip_typescript)]
pub fn validate_resource(
    resource: JsValue,
    document: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let resource = resource_arg(&resource)?;
    let offered = string_list_option(&options, "subscriptionModelFrequencies")?;
    let context = Context {
        model_frequencies: offered.as_deref(),
    };
    let violations = match document_arg(&document, "document")? {
        Ok(doc) => resource.validate_with(&doc, &context),
        Err(v) => vec![v],
    };
    to_js(&Validation::new(&violations))
}

/// `buildResource(resource, input, { withDefaults?, subscriptionModelFrequencies? })`:
/// `input` is the flat input of `@commercelayer/sdk`'s `create()`. Returns
/// `{ valid, status, document, errors }`; `document` is `null` unless `valid`.
#[wasm_bindgen(js_name = buildResource, skip_typescript)]
pub fn build_resource(
    resource: JsValue,
    input: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let resource = resource_arg(&resource)?;
    let offered = string_list_option(&options, "subscriptionModelFrequencies")?;
    let build = build_options(&options, offered.as_deref())?;
    let built = match document_arg(&input, "input")? {
        Ok(input) => resource.build_with(&input, &build),
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

/// `buildRequest(resource, input, { baseUrl | organization, accessToken, withDefaults?,
/// subscriptionModelFrequencies? })`: `{ valid, status, request, errors }`, where
/// `request` is `{ method, url, headers, body }` for `fetch(request.url, request)`.
#[wasm_bindgen(js_name = buildRequest, skip_typescript)]
pub fn build_request(
    resource: JsValue,
    input: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Requested {
        #[serde(flatten)]
        validation: Validation,
        request: Option<JsRequest>,
    }
    let resource = resource_arg(&resource)?;
    let offered = string_list_option(&options, "subscriptionModelFrequencies")?;
    let build = build_options(&options, offered.as_deref())?;
    let base_url = string_option(&options, "baseUrl")?;
    let organization = string_option(&options, "organization")?;
    let access_token = string_option(&options, "accessToken")?;
    let request_options = RequestOptions {
        base_url: base_url.as_deref(),
        organization: organization.as_deref(),
        access_token: access_token.as_deref(),
    };
    let built = match document_arg(&input, "input")? {
        Ok(input) => request::build_request(resource, &input, &request_options, &build),
        Err(v) => Err(vec![v]),
    };
    let (request, violations) = match built {
        Ok(r) => (
            Some(JsRequest::new(r.method, r.url, r.headers, r.body)),
            Vec::new(),
        ),
        Err(v) => (None, v),
    };
    to_js(&Requested {
        validation: Validation::new(&violations),
        request,
    })
}

/// `validateAdobeSubscription(request, context?)`: `request` is `{ customerId, body,
/// headers, today, anniversaryDate }`. Returns `{ valid, errors, warnings }` in Adobe's
/// error shape.
#[wasm_bindgen(js_name = validateAdobeSubscription, skip_typescript)]
pub fn validate_adobe_subscription(request: JsValue, context: JsValue) -> Result<JsValue, JsValue> {
    let context = adobe_context(&context)?;
    let report = match adobe_request_arg(&request)? {
        Ok(request) => adobe::validate_subscription_request(&request, &context),
        Err(v) => adobe::Report {
            violations: vec![v],
            warnings: Vec::new(),
        },
    };
    to_js(&AdobeOutcome::new(&report, None))
}

/// `buildAdobeSubscription(input, { environment, accessToken, apiKey, correlationId,
/// requestId?, recommendationTrackerId?, context? })`: `{ valid, request, errors,
/// warnings }`, with `request` as `{ method, url, headers, body }` for `fetch`.
#[wasm_bindgen(js_name = buildAdobeSubscription, skip_typescript)]
pub fn build_adobe_subscription(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let context = adobe_context(&option(&options, "context")?)?;
    let environment = match string_option(&options, "environment")?.as_deref() {
        None | Some("production") => adobe::Environment::Production,
        Some("sandbox") => adobe::Environment::Sandbox,
        Some(_) => {
            return Err(type_error(
                "environment must be \"production\" or \"sandbox\"",
            ))
        }
    };
    let strings: Vec<Option<String>> = [
        "accessToken",
        "apiKey",
        "correlationId",
        "requestId",
        "recommendationTrackerId",
    ]
    .iter()
    .map(|name| string_option(&options, name))
    .collect::<Result<_, _>>()?;
    let generated = match (
        option(&options, "generateCorrelationId")?.as_bool(),
        strings.get(2),
    ) {
        (Some(true), Some(None)) => Some(random_uuid()?),
        _ => None,
    };
    let s = |i: usize| match (i, &generated) {
        (2, Some(id)) => Some(id.as_str()),
        _ => strings.get(i).and_then(|v| v.as_deref()),
    };
    let request_options = adobe::AdobeRequestOptions {
        environment,
        access_token: s(0),
        api_key: s(1),
        correlation_id: s(2),
        request_id: s(3),
        recommendation_tracker_id: s(4),
    };
    let built = match document_arg(&input, "input")? {
        Ok(input) => adobe::build_subscription_request(&input, &request_options, &context),
        Err(v) => adobe::Built {
            request: None,
            report: adobe::Report {
                violations: vec![v],
                warnings: Vec::new(),
            },
        },
    };
    let request = built
        .request
        .map(|r| JsRequest::new(r.method, r.url, r.headers, r.body));
    to_js(&AdobeOutcome::new(&built.report, Some(request)))
}

#[derive(Serialize)]
struct AdobeOutcome {
    valid: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    request: Option<Option<JsRequest>>,
    errors: Vec<adobe::errors::AdobeError>,
    warnings: Vec<adobe::errors::AdobeError>,
}

impl AdobeOutcome {
    fn new(report: &adobe::Report, request: Option<Option<JsRequest>>) -> Self {
        AdobeOutcome {
            valid: report.violations.is_empty(),
            request,
            errors: adobe::errors::adobe_errors(&report.violations),
            warnings: adobe::errors::adobe_errors(&report.warnings),
        }
    }
}

/// Reads an Adobe request object. A fetch `Headers` object (or any iterable of pairs)
/// in `request.headers` is read as its entries: `JSON.stringify` would turn it into `{}`.
fn adobe_request_arg(request: &JsValue) -> Result<Result<Value, Violation>, JsValue> {
    let mut parsed = document_arg(request, "request")?;
    if !request.is_object() {
        return Ok(parsed);
    }
    let misuse = |_| type_error("headers must be an object or an iterable of [name, value] pairs");
    let headers = js_sys::Reflect::get(request, &JsValue::from_str("headers")).map_err(misuse)?;
    let iterable = headers.is_object()
        && js_sys::Reflect::has(&headers, &js_sys::Symbol::iterator()).map_err(misuse)?;
    if let (true, Ok(Value::Object(members))) = (iterable, &mut parsed) {
        let plain = js_sys::Object::from_entries(&headers).map_err(misuse)?;
        match document_arg(&plain, "request.headers")? {
            Ok(plain) => {
                members.insert("headers".to_owned(), plain);
            }
            Err(v) => return Ok(Err(v)),
        }
    }
    Ok(parsed)
}

/// `crypto.randomUUID()` of the JS host: the core has no randomness of its own.
fn random_uuid() -> Result<String, JsValue> {
    let unavailable =
        || type_error("generateCorrelationId needs crypto.randomUUID(), which this runtime lacks");
    let crypto = js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("crypto"))?;
    if !crypto.is_object() {
        return Err(unavailable());
    }
    let f = js_sys::Reflect::get(&crypto, &JsValue::from_str("randomUUID"))?;
    let f = f.dyn_ref::<js_sys::Function>().ok_or_else(unavailable)?;
    f.call0(&crypto)?.as_string().ok_or_else(unavailable)
}

/// `adobeCreationWindow(anniversaryDate)`: `{ valid: true, from, to }` — the first and
/// last day (both included) on which Adobe allows creating a subscription — or
/// `{ valid: false, errors }` for a date that is not `YYYY-MM-DD`.
#[wasm_bindgen(js_name = adobeCreationWindow, skip_typescript)]
pub fn adobe_creation_window(anniversary_date: JsValue) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Window {
        valid: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        from: Option<String>,
        #[serde(skip_serializing_if = "Option::is_none")]
        to: Option<String>,
        errors: Vec<adobe::errors::AdobeError>,
    }
    let text = string_arg(&anniversary_date, "anniversaryDate")?;
    let window = crate::schedule::instant::parse_iso(&text)
        .ok()
        .filter(|_| crate::error::Format::Date.matches(&text))
        .and_then(|t| adobe::window::creation_window(t.date_naive()));
    small_to_js(&match window {
        Some((from, to)) => Window {
            valid: true,
            from: Some(from.to_string()),
            to: Some(to.to_string()),
            errors: Vec::new(),
        },
        None => Window {
            valid: false,
            from: None,
            to: None,
            errors: adobe::errors::adobe_errors(&[Violation::new(
                "/anniversaryDate",
                crate::error::Kind::Format {
                    format: crate::error::Format::Date,
                },
            )]),
        },
    })
}

/// `{ consumable?, hasActiveSubscriptions?, licenseType? }`, all optional.
fn adobe_context(context: &JsValue) -> Result<adobe::AdobeContext, JsValue> {
    let flag = |name: &str| -> Result<Option<bool>, JsValue> {
        let v = option(context, name)?;
        match (v.is_undefined() || v.is_null(), v.as_bool()) {
            (true, _) => Ok(None),
            (false, Some(b)) => Ok(Some(b)),
            (false, None) => Err(type_error(&format!("{name} must be a boolean"))),
        }
    };
    let license_type = match string_option(context, "licenseType")?.as_deref() {
        None => None,
        Some("team") => Some(adobe::LicenseType::Team),
        Some("enterprise") => Some(adobe::LicenseType::Enterprise),
        Some(_) => return Err(type_error("licenseType must be \"team\" or \"enterprise\"")),
    };
    Ok(adobe::AdobeContext {
        consumable: flag("consumable")?,
        has_active_subscriptions: flag("hasActiveSubscriptions")?,
        license_type,
    })
}

/// `resourceDefaults(resource)`: the documented defaults, e.g.
/// `{ activate_by_source_order: true, place_target_order: true, renewal_alert_period: 1 }`.
#[wasm_bindgen(js_name = resourceDefaults, skip_typescript)]
pub fn resource_defaults(resource: JsValue) -> Result<JsValue, JsValue> {
    small_to_js(&resource_arg(&resource)?.defaults())
}

/// `parseFrequency(text, { startsAt? })`: `{ valid, kind, normalized, description,
/// commerceLayer: { valid, errors }, errors }`.
#[wasm_bindgen(js_name = parseFrequency, skip_typescript)]
pub fn parse_frequency(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let text = frequency_arg(&text)?;
    let anchor = match instant_option(&options, "startsAt")? {
        Some(Ok(t)) => Some(t),
        // A bad start date only loses the concrete description; the frequency stands.
        Some(Err(_)) | None => None,
    };
    to_js(&FrequencyReport::new(&text, anchor))
}

/// `describeFrequency(text, { startsAt? })`: `{ valid, description, errors }`.
#[wasm_bindgen(js_name = describeFrequency, skip_typescript)]
pub fn describe_frequency(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    #[derive(Serialize)]
    struct Described {
        valid: bool,
        #[serde(skip_serializing_if = "Option::is_none")]
        description: Option<String>,
        errors: Vec<crate::schedule::FrequencyError>,
    }
    let text = frequency_arg(&text)?;
    let anchor = instant_option(&options, "startsAt")?.and_then(Result::ok);
    let r = FrequencyReport::new(&text, anchor);
    to_js(&Described {
        valid: r.valid,
        description: r.description,
        errors: r.errors,
    })
}

/// `nextRuns(frequency, { startsAt, after, count, expiresAt })`: `{ ok, runs, errors }`.
/// Instants are ISO 8601 strings, `Date`s or epoch milliseconds.
#[wasm_bindgen(js_name = nextRuns, skip_typescript)]
pub fn next_runs(frequency: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let text = frequency_arg(&frequency)?;
    let mut problems = Vec::new();
    let mut instant = |name: &'static str| -> Result<_, JsValue> {
        Ok(match instant_option(&options, name)? {
            Some(Ok(t)) => Some(t),
            Some(Err(reason)) => {
                problems.push(RunsProblem::Query(RunsError::InvalidInstant {
                    option: name,
                    reason,
                }));
                None
            }
            None => None,
        })
    };
    let query = RunsQuery {
        starts_at: instant("startsAt")?,
        after: instant("after")?,
        expires_at: instant("expiresAt")?,
        count: count_option(&options)?,
    };
    if !problems.is_empty() {
        return to_js(&RunsReport::failed(problems));
    }
    to_js(&RunsReport::new(&text, &query))
}

/// A request as `fetch(request.url, request)` takes it.
#[derive(Serialize)]
struct JsRequest {
    method: &'static str,
    url: String,
    headers: serde_json::Map<String, Value>,
    body: String,
}

impl JsRequest {
    fn new(
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
    let name = bounded_string(value, "resource")?.ok_or_else(|| {
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
    if let Some(text) = value.dyn_ref::<JsString>() {
        return Ok(json_text(text));
    }
    // isView never runs user code (a Proxy is no view), so the instanceof check
    // behind dyn_ref only ever sees a real typed array or DataView.
    if let Some(bytes) = js_sys::ArrayBuffer::is_view(value)
        .then(|| value.dyn_ref::<Uint8Array>())
        .flatten()
    {
        // Sized before the copy into wasm memory, which never shrinks.
        let size = usize::try_from(bytes.byte_length()).unwrap_or(usize::MAX);
        if let Err(v) = crate::json::check_size(size) {
            return Ok(Err(v));
        }
        return Ok(crate::json::parse_bytes(&bytes.to_vec()));
    }
    if value.is_undefined() {
        return Err(type_error(&format!("{what} is required")));
    }
    let text = JSON::stringify(value).map_err(|e| {
        type_error(&format!(
            "{what} cannot be converted to JSON: {}",
            error_message(&e)
        ))
    })?;
    match text.dyn_ref::<JsString>() {
        Some(text) => Ok(json_text(text)),
        None => Err(type_error(&format!("{what} must be a JSON value"))),
    }
}

/// Parses JSON text given as a JS string. Its size is checked before it is copied
/// into wasm memory (each UTF-16 unit is at least one byte of UTF-8), and a lone
/// surrogate is an `invalid_json` fault: copying would silently turn it into U+FFFD.
fn json_text(text: &JsString) -> Result<Value, Violation> {
    crate::json::check_size(usize::try_from(text.length()).unwrap_or(usize::MAX))?;
    if !well_formed(text) {
        return Err(Violation::new(
            "",
            crate::error::Kind::InvalidJson {
                line: 0,
                column: 0,
                reason: "the text has a lone surrogate (it is not valid UTF-16)".to_owned(),
            },
        ));
    }
    crate::json::parse_str(&String::from(text))
}

#[wasm_bindgen]
extern "C" {
    /// A JS string seen through `String.prototype.isWellFormed`, called with `catch`
    /// for engines that lack it.
    type WellFormed;
    #[wasm_bindgen(method, catch, js_name = isWellFormed)]
    fn is_well_formed(this: &WellFormed) -> Result<bool, JsValue>;
}

fn well_formed(text: &JsString) -> bool {
    // Engines before 2023 lack isWellFormed; the slow walk gives the same answer.
    text.unchecked_ref::<WellFormed>()
        .is_well_formed()
        .unwrap_or_else(|_| text.is_valid_utf16())
}

/// The longest string read from an option or a non-document argument, in UTF-16
/// units. Longer ones throw before they are copied into wasm memory.
const MAX_ARG_UNITS: u32 = 64 * 1024;

/// The most entries read from a list option.
const MAX_LIST_ITEMS: u32 = 1000;

/// A string argument or option, refused before the copy when it is over
/// [`MAX_ARG_UNITS`].
fn bounded_string(value: &JsValue, what: &str) -> Result<Option<String>, JsValue> {
    let Some(text) = value.dyn_ref::<JsString>() else {
        return Ok(None);
    };
    if text.length() > MAX_ARG_UNITS {
        return Err(type_error(&format!(
            "{what} is longer than {MAX_ARG_UNITS} characters"
        )));
    }
    Ok(Some(String::from(text)))
}

/// A frequency's text. Text over the core's limit is cut just past it before the
/// copy, so the core still answers `too_long` without reading megabytes.
fn frequency_arg(value: &JsValue) -> Result<String, JsValue> {
    let limit = u32::try_from(crate::schedule::MAX_FREQUENCY_BYTES).unwrap_or(u32::MAX);
    match value.dyn_ref::<JsString>() {
        Some(text) if text.length() > limit => {
            Ok(String::from(text.slice(0, limit.saturating_add(1))))
        }
        Some(text) => Ok(String::from(text)),
        None => Err(type_error("frequency must be a string")),
    }
}

fn string_arg(value: &JsValue, what: &str) -> Result<String, JsValue> {
    bounded_string(value, what)?.ok_or_else(|| type_error(&format!("{what} must be a string")))
}

/// Reads `options[name]`: absent (`undefined` or `null`) is `None`; an ISO string, a
/// `Date` or epoch milliseconds is read (a bad value is the inner `Err`, reported as a
/// result); any other type is misuse and throws.
fn instant_option(
    options: &JsValue,
    name: &str,
) -> Result<Option<Result<chrono::DateTime<chrono::Utc>, String>>, JsValue> {
    let value = option(options, name)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    if let Some(text) = bounded_string(&value, name)? {
        return Ok(Some(instant::parse_iso(&text)));
    }
    if let Ok(ms) = date_time(&value) {
        return Ok(Some(instant::from_epoch_millis(ms)));
    }
    if let Some(ms) = value.as_f64() {
        return Ok(Some(instant::from_epoch_millis(ms)));
    }
    Err(type_error(&format!(
        "{name} must be an ISO 8601 string, a Date or epoch milliseconds"
    )))
}

fn build_options<'a>(
    options: &JsValue,
    offered: Option<&'a [String]>,
) -> Result<BuildOptions<'a>, JsValue> {
    let with_defaults = option(options, "withDefaults")?;
    if !(with_defaults.is_undefined()
        || with_defaults.is_null()
        || with_defaults.as_bool().is_some())
    {
        return Err(type_error("withDefaults must be a boolean"));
    }
    Ok(BuildOptions {
        with_defaults: with_defaults.as_bool() == Some(true),
        context: Context {
            model_frequencies: offered,
        },
    })
}

/// `options[name]` as a string; absent is `None`, another type throws.
fn string_option(options: &JsValue, name: &str) -> Result<Option<String>, JsValue> {
    let value = option(options, name)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    bounded_string(&value, name)?
        .map(Some)
        .ok_or_else(|| type_error(&format!("{name} must be a string")))
}

/// `options[name]` as an array of strings; absent is `None`, anything else throws.
fn string_list_option(options: &JsValue, name: &str) -> Result<Option<Vec<String>>, JsValue> {
    let value = option(options, name)?;
    if value.is_undefined() || value.is_null() {
        return Ok(None);
    }
    let misuse = || type_error(&format!("{name} must be an array of strings"));
    if !is_array(&value).map_err(|_| misuse())? {
        return Err(misuse());
    }
    // The length is read first, so a huge list is refused before it is copied.
    let length = js_sys::Reflect::get(&value, &JsValue::from_str("length"))
        .map_err(|_| misuse())?
        .as_f64()
        .unwrap_or(f64::INFINITY);
    if length > f64::from(MAX_LIST_ITEMS) {
        return Err(type_error(&format!(
            "{name} has more than {MAX_LIST_ITEMS} entries"
        )));
    }
    // Read through JSON.stringify, like documents: getters and proxies run on the JS
    // side, where their exceptions are caught, rather than inside wasm frames.
    let list = match document_arg(&value, name)? {
        Ok(Value::Array(list)) => list,
        _ => return Err(misuse()),
    };
    list.into_iter()
        .map(|v| match v {
            Value::String(s) => Ok(s),
            _ => Err(misuse()),
        })
        .collect::<Result<Vec<_>, _>>()
        .map(Some)
}

fn count_option(options: &JsValue) -> Result<u64, JsValue> {
    let value = option(options, "count")?;
    if value.is_undefined() || value.is_null() {
        return Ok(DEFAULT_COUNT);
    }
    match value.as_f64() {
        // Out-of-range whole numbers are reported by the core with the documented cap.
        Some(n) if n.fract() == 0.0 && n >= 0.0 => {
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)] // whole, >= 0
            Ok(if n > u64::MAX as f64 {
                u64::MAX
            } else {
                n as u64
            })
        }
        Some(n) if n.fract() == 0.0 => Ok(0),
        _ => Err(type_error("count must be a whole number")),
    }
}

/// `options[name]`, where `options` may be absent; a getter that throws is rethrown.
fn option(options: &JsValue, name: &str) -> Result<JsValue, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(JsValue::UNDEFINED);
    }
    if !options.is_object() {
        return Err(type_error("options must be an object"));
    }
    js_sys::Reflect::get(options, &JsValue::from_str(name)).map_err(|e| {
        type_error(&format!(
            "options.{name} could not be read: {}",
            error_message(&e)
        ))
    })
}

/// The message of a thrown value, for a TypeError that wraps it: its `message` when
/// that reads as a short string (read with `catch`, as it may be a getter).
fn error_message(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &JsValue::from_str("message"))
        .ok()
        .and_then(|m| bounded_string(&m, "message").ok().flatten())
        .unwrap_or_default()
}

// Every call into JS that can run user code (getters, Proxy traps) is imported with
// `catch`: an exception thrown through wasm frames would skip their epilogues and
// leave the module's stack pointer behind.
#[wasm_bindgen]
extern "C" {
    /// `Array.isArray`, which throws for a revoked Proxy.
    #[wasm_bindgen(catch, js_namespace = Array, js_name = isArray)]
    fn is_array(value: &JsValue) -> Result<bool, JsValue>;
    /// `Date.prototype.getTime.call(value)`: the time of a real Date, and a TypeError
    /// for anything else, Proxies included, without running user code.
    #[wasm_bindgen(catch, js_namespace = ["Date", "prototype", "getTime"], js_name = call)]
    fn date_time(value: &JsValue) -> Result<f64, JsValue>;
}

/// A result of a few fields, built on the JS side directly by serde-wasm-bindgen.
fn small_to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
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
/// (README, Benchmarks).
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsValue> {
    let text = serde_json::to_string(value)
        .map_err(|e| JsValue::from(js_sys::Error::new(&e.to_string())))?;
    JSON::parse(&text)
}

fn type_error(message: &str) -> JsValue {
    js_sys::TypeError::new(message).into()
}
