//! The JS entry points: each `#[wasm_bindgen]` function reads its arguments with
//! `readers`, calls the core and returns a value of `results`.

use wasm_bindgen::prelude::*;

use super::readers::{
    adobe_context, adobe_request_arg, adobe_request_options, adobe_update_context, build_options,
    count_option, current_option, document_text, frequency_arg, instant_option, known_options,
    option, resource_arg, runs_format, string_arg, string_list_option, string_option,
    update_context, RunsFormat, ADOBE_BUILD_OPTIONS, ADOBE_UPDATE_OPTIONS, BUILD_OPTIONS,
    DOCUMENT_REQUEST_OPTIONS, FREQUENCY_OPTIONS, REQUEST_OPTIONS, RUNS_OPTIONS, UPDATE_OPTIONS,
    UPDATE_REQUEST_OPTIONS, VALIDATE_OPTIONS,
};
use super::results::{
    adobe_records, epoch_ms_to_js, iso_to_js, jsonapi_records, to_js, AdobeOutcome, CreationWindow,
    Described, JsRequest, Jsonapi,
};
use crate::adobe;
use crate::commercelayer::request::{self, RequestOptions};
use crate::commercelayer::Context;
use crate::error::Violation;
use crate::json::write::Raw;
use crate::report::{FrequencyReport, RunsProblem, RunsReport};
use crate::schedule::{RunsError, RunsQuery, INSTANT_OPTIONS};

/// `validateResource(resource, document, { subscriptionModelFrequencies? })`: `document`
/// is a JSON:API create document as a plain object, JSON text, or UTF-8 bytes
/// (`ArrayBuffer`, typed array, `DataView`). Returns `{ valid, status, errors }`.
#[wasm_bindgen(js_name = validateResource, skip_typescript)]
pub fn validate_resource(
    resource: JsValue,
    document: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let resource = resource_arg(&resource)?;
    known_options(&options, "validateResource", "options", VALIDATE_OPTIONS)?;
    let offered = string_list_option(&options, "subscriptionModelFrequencies")?;
    let context = Context {
        model_frequencies: offered.as_deref(),
        ..Default::default()
    };
    let violations = match document_text(&document, "document")? {
        Ok(bytes) => resource.validate_bytes_with(&bytes, &context),
        Err(v) => vec![v],
    };
    to_js(&Jsonapi {
        errors: jsonapi_records(&violations),
        document: None,
        request: None,
    })
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
    known_options(&options, "buildResource", "options", BUILD_OPTIONS)?;
    let offered = string_list_option(&options, "subscriptionModelFrequencies")?;
    let build = build_options(&options, offered.as_deref())?;
    let built = match document_text(&input, "input")? {
        Ok(input) => resource.build_text(&input, &build),
        Err(v) => Err(vec![v]),
    };
    built_to_js(built)
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
    let resource = resource_arg(&resource)?;
    known_options(&options, "buildRequest", "options", REQUEST_OPTIONS)?;
    let offered = string_list_option(&options, "subscriptionModelFrequencies")?;
    let build = build_options(&options, offered.as_deref())?;
    let target = Target::read(&options)?;
    let request_options = target.options();
    let built = match document_text(&input, "input")? {
        Ok(input) => request::build_request_bytes(resource, &input, &request_options, &build),
        Err(v) => Err(vec![v]),
    };
    requested_to_js(built)
}

/// `documentRequest(resource, document, { baseUrl | organization, accessToken,
/// subscriptionModelFrequencies? })`: a create document as a request body brings it
/// (object, JSON text or UTF-8 bytes), validated as `validateResource` validates it and
/// wrapped in a `POST` whose body is the text as given: `{ valid, status, request,
/// errors }`.
#[wasm_bindgen(js_name = documentRequest, skip_typescript)]
pub fn document_request(
    resource: JsValue,
    document: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let resource = resource_arg(&resource)?;
    known_options(
        &options,
        "documentRequest",
        "options",
        DOCUMENT_REQUEST_OPTIONS,
    )?;
    let offered = string_list_option(&options, "subscriptionModelFrequencies")?;
    let context = Context {
        model_frequencies: offered.as_deref(),
        ..Default::default()
    };
    let target = Target::read(&options)?;
    let request_options = target.options();
    let built = match document_text(&document, "document")? {
        Ok(bytes) => request::document_request(resource, &bytes, &request_options, &context),
        Err(v) => Err(vec![v]),
    };
    requested_to_js(built)
}

/// `documentUpdateRequest(resource, id, document, { baseUrl | organization, accessToken,
/// current? })`: the same for an update document, validated as `validateUpdate`
/// validates it, in a `PATCH` to `/api/<resource>/<id>`.
#[wasm_bindgen(js_name = documentUpdateRequest, skip_typescript)]
pub fn document_update_request(
    resource: JsValue,
    id: JsValue,
    document: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let resource = resource_arg(&resource)?;
    let id = string_arg(&id, "id")?;
    let function = "documentUpdateRequest";
    known_options(&options, function, "options", UPDATE_REQUEST_OPTIONS)?;
    let current = current_option(&options, function)?;
    let context = update_context(&current);
    let target = Target::read(&options)?;
    let request_options = target.options();
    let built = match document_text(&document, "document")? {
        Ok(bytes) => {
            request::document_update_request(resource, &id, &bytes, &request_options, &context)
        }
        Err(v) => Err(vec![v]),
    };
    requested_to_js(built)
}

/// `validateUpdate(resource, id, document, { current? })`: an update document for
/// `PATCH /api/<resource>/<id>`, read as `validateResource` reads one. Returns
/// `{ valid, status, errors }`.
#[wasm_bindgen(js_name = validateUpdate, skip_typescript)]
pub fn validate_update(
    resource: JsValue,
    id: JsValue,
    document: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let resource = resource_arg(&resource)?;
    let id = string_arg(&id, "id")?;
    known_options(&options, "validateUpdate", "options", UPDATE_OPTIONS)?;
    let current = current_option(&options, "validateUpdate")?;
    let context = update_context(&current);
    let violations = match document_text(&document, "document")? {
        Ok(bytes) => resource.validate_update_bytes(&bytes, &id, &context),
        Err(v) => vec![v],
    };
    to_js(&Jsonapi {
        errors: jsonapi_records(&violations),
        document: None,
        request: None,
    })
}

/// `buildUpdate(resource, id, input, { current? })`: `input` is the flat input of
/// `@commercelayer/sdk`'s `update()`. Returns `{ valid, status, document, errors }`.
#[wasm_bindgen(js_name = buildUpdate, skip_typescript)]
pub fn build_update(
    resource: JsValue,
    id: JsValue,
    input: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let resource = resource_arg(&resource)?;
    let id = string_arg(&id, "id")?;
    known_options(&options, "buildUpdate", "options", UPDATE_OPTIONS)?;
    let current = current_option(&options, "buildUpdate")?;
    let context = update_context(&current);
    let built = match document_text(&input, "input")? {
        Ok(input) => resource.build_update_text(&input, &id, &context),
        Err(v) => Err(vec![v]),
    };
    built_to_js(built)
}

/// `buildUpdateRequest(resource, id, input, { baseUrl | organization, accessToken,
/// current? })`: `{ valid, status, request, errors }`, with `request` a `PATCH` to
/// `/api/<resource>/<id>` for `fetch(request.url, request)`.
#[wasm_bindgen(js_name = buildUpdateRequest, skip_typescript)]
pub fn build_update_request(
    resource: JsValue,
    id: JsValue,
    input: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let resource = resource_arg(&resource)?;
    let id = string_arg(&id, "id")?;
    known_options(
        &options,
        "buildUpdateRequest",
        "options",
        UPDATE_REQUEST_OPTIONS,
    )?;
    let current = current_option(&options, "buildUpdateRequest")?;
    let context = update_context(&current);
    let target = Target::read(&options)?;
    let request_options = target.options();
    let built = match document_text(&input, "input")? {
        Ok(input) => {
            request::build_update_request_bytes(resource, &id, &input, &request_options, &context)
        }
        Err(v) => Err(vec![v]),
    };
    requested_to_js(built)
}

/// `validateAdobeSubscription(request, context?)`: `request` is `{ customerId, body,
/// headers, today, anniversaryDate }`. Returns `{ valid, errors, warnings }` in Adobe's
/// error shape.
#[wasm_bindgen(js_name = validateAdobeSubscription, skip_typescript)]
pub fn validate_adobe_subscription(request: JsValue, context: JsValue) -> Result<JsValue, JsValue> {
    let context = adobe_context(&context, "validateAdobeSubscription", "context")?;
    let report = match adobe_request_arg(&request)? {
        Ok(request) => adobe::validate_subscription_request_bytes(&request, &context),
        Err(v) => adobe::Report::refused(v),
    };
    to_js(&AdobeOutcome::new(&report, None))
}

/// `buildAdobeSubscription(input, { environment, accessToken, apiKey, correlationId,
/// requestId?, recommendationTrackerId?, context? })`: `{ valid, request, errors,
/// warnings }`, with `request` as `{ method, url, headers, body }` for `fetch`.
#[wasm_bindgen(js_name = buildAdobeSubscription, skip_typescript)]
pub fn build_adobe_subscription(input: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    known_options(
        &options,
        "buildAdobeSubscription",
        "options",
        ADOBE_BUILD_OPTIONS,
    )?;
    let context = adobe_context(
        &option(&options, "context")?,
        "buildAdobeSubscription",
        "options.context",
    )?;
    let request_options = adobe_request_options(&options)?;
    let request_options = request_options.borrow();
    let built = match document_text(&input, "input")? {
        Ok(input) => adobe::build_subscription_request_bytes(&input, &request_options, &context),
        Err(v) => adobe::Built::refused(v),
    };
    adobe_built_to_js(built, false)
}

/// `validateAdobeSubscriptionUpdate(request, context?)`: `request` is `{ customerId,
/// subscriptionId, resetFlexDiscountCodes?, resetRenewalCode?, body, headers }`.
/// Returns `{ valid, errors, warnings }` in Adobe's error shape, with the update's codes.
#[wasm_bindgen(js_name = validateAdobeSubscriptionUpdate, skip_typescript)]
pub fn validate_adobe_subscription_update(
    request: JsValue,
    context: JsValue,
) -> Result<JsValue, JsValue> {
    let context = adobe_update_context(&context, "validateAdobeSubscriptionUpdate", "context")?;
    let report = match adobe_request_arg(&request)? {
        Ok(request) => adobe::validate_subscription_update_bytes(&request, &context.borrow()),
        Err(v) => adobe::Report::refused(v),
    };
    to_js(&AdobeOutcome::update(&report, None))
}

/// `buildAdobeSubscriptionUpdate(input, { environment, accessToken, apiKey,
/// correlationId, requestId?, context? })`: `{ valid, request, errors, warnings }`, with
/// `request` as `{ method: "PATCH", url, headers, body }` for `fetch`.
#[wasm_bindgen(js_name = buildAdobeSubscriptionUpdate, skip_typescript)]
pub fn build_adobe_subscription_update(
    input: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let function = "buildAdobeSubscriptionUpdate";
    known_options(&options, function, "options", ADOBE_UPDATE_OPTIONS)?;
    let context = adobe_update_context(&option(&options, "context")?, function, "options.context")?;
    let request_options = adobe_request_options(&options)?;
    let built = match document_text(&input, "input")? {
        Ok(input) => adobe::build_subscription_update_bytes(
            &input,
            &request_options.borrow(),
            &context.borrow(),
        ),
        Err(v) => adobe::Built::refused(v),
    };
    adobe_built_to_js(built, true)
}

/// `adobeBodyRequest(body, request, options)`: a create request's body as it is sent
/// (object, JSON text or UTF-8 bytes), checked in the request object `request` (`{
/// customerId, today, anniversaryDate }`) with the headers of `options` (those of
/// `buildAdobeSubscription`), and wrapped, as it came, in a fetch-ready `POST`.
#[wasm_bindgen(js_name = adobeBodyRequest, skip_typescript)]
pub fn adobe_body_request(
    body: JsValue,
    request: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let function = "adobeBodyRequest";
    known_options(&options, function, "options", ADOBE_BUILD_OPTIONS)?;
    let context = adobe_context(&option(&options, "context")?, function, "options.context")?;
    let request_options = adobe_request_options(&options)?;
    let built = match forwarded_parts(&body, &request)? {
        Ok((body, request)) => adobe::forward_subscription_request_bytes(
            &body,
            &request,
            &request_options.borrow(),
            &context,
        ),
        Err(v) => adobe::Built::refused(v),
    };
    adobe_built_to_js(built, false)
}

/// `adobeBodyUpdateRequest(body, request, options)`: the same for an update's body, in
/// the request object `{ customerId, subscriptionId, resetFlexDiscountCodes?,
/// resetRenewalCode? }`, with the options of `buildAdobeSubscriptionUpdate`: a `PATCH`.
#[wasm_bindgen(js_name = adobeBodyUpdateRequest, skip_typescript)]
pub fn adobe_body_update_request(
    body: JsValue,
    request: JsValue,
    options: JsValue,
) -> Result<JsValue, JsValue> {
    let function = "adobeBodyUpdateRequest";
    known_options(&options, function, "options", ADOBE_UPDATE_OPTIONS)?;
    let context = adobe_update_context(&option(&options, "context")?, function, "options.context")?;
    let request_options = adobe_request_options(&options)?;
    let built = match forwarded_parts(&body, &request)? {
        Ok((body, request)) => adobe::forward_subscription_update_bytes(
            &body,
            &request,
            &request_options.borrow(),
            &context.borrow(),
        ),
        Err(v) => adobe::Built::refused(v),
    };
    adobe_built_to_js(built, true)
}

/// The texts of a forwarded body and of its request object.
type Forwarded = (Vec<u8>, Vec<u8>);

/// The texts of a forwarded body and of its request object, or the fault that stops
/// them (one in the body is under `/body`).
fn forwarded_parts(
    body: &JsValue,
    request: &JsValue,
) -> Result<Result<Forwarded, Violation>, JsValue> {
    let body = match document_text(body, "body")? {
        Ok(bytes) => bytes,
        Err(v) => return Ok(Err(Violation::new(format!("/body{}", v.pointer), v.kind))),
    };
    Ok(document_text(request, "request")?.map(|request| (body, request)))
}

/// `adobeCreationWindow(anniversaryDate)`: `{ valid: true, from, to }` — the first and
/// last day (both included) on which Adobe allows creating a subscription — or
/// `{ valid: false, errors }` for a date that is not `YYYY-MM-DD`.
#[wasm_bindgen(js_name = adobeCreationWindow, skip_typescript)]
pub fn adobe_creation_window(anniversary_date: JsValue) -> Result<JsValue, JsValue> {
    let text = string_arg(&anniversary_date, "anniversaryDate")?;
    let window = adobe::window::creation_window_of(&text);
    let violations = window.as_ref().err().map(std::slice::from_ref);
    to_js(&match &window {
        Ok((from, to)) => CreationWindow {
            valid: true,
            from: Some(from.to_string()),
            to: Some(to.to_string()),
            errors: Vec::new(),
        },
        Err(_) => CreationWindow {
            valid: false,
            from: None,
            to: None,
            errors: adobe_records(violations.unwrap_or_default(), false),
        },
    })
}

/// `resourceDefaults(resource)`: the documented defaults, e.g.
/// `{ activate_by_source_order: true, place_target_order: true, renewal_alert_period: 1 }`.
#[wasm_bindgen(js_name = resourceDefaults, skip_typescript)]
pub fn resource_defaults(resource: JsValue) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&resource_arg(&resource)?.defaults_text())
}

/// `parseFrequency(text, { startsAt? })`: `{ valid, kind, normalized, description, phrase,
/// commerceLayer: { valid, errors }, errors }`.
#[wasm_bindgen(js_name = parseFrequency, skip_typescript)]
pub fn parse_frequency(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let text = frequency_arg(&text)?;
    known_options(&options, "parseFrequency", "options", FREQUENCY_OPTIONS)?;
    let anchor = match instant_option(&options, "startsAt")? {
        Some(Ok(t)) => Some(t),
        // A bad start date only loses the concrete description; the frequency stands.
        Some(Err(_)) | None => None,
    };
    to_js(&FrequencyReport::without_words(&text, anchor))
}

/// `describeFrequency(text, { startsAt? })`: `{ valid, description, phrase, errors }`;
/// `phrase` is what `description` says without words, for `pkg/describe.js`.
#[wasm_bindgen(js_name = describeFrequency, skip_typescript)]
pub fn describe_frequency(text: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let text = frequency_arg(&text)?;
    known_options(&options, "describeFrequency", "options", FREQUENCY_OPTIONS)?;
    let anchor = instant_option(&options, "startsAt")?.and_then(Result::ok);
    let r = FrequencyReport::without_words(&text, anchor);
    to_js(&Described {
        valid: r.valid,
        description: r.description,
        phrase: r.phrase,
        errors: r.errors,
    })
}

/// `nextRuns(frequency, { startsAt, after, count, expiresAt, format })`: `{ ok, runs,
/// errors }`. Instants are ISO 8601 strings, `Date`s or epoch milliseconds. `runs` is
/// an array of ISO 8601 strings, or with `format: "epochMs"` a `Float64Array` of epoch
/// milliseconds.
#[wasm_bindgen(js_name = nextRuns, skip_typescript)]
pub fn next_runs(frequency: JsValue, options: JsValue) -> Result<JsValue, JsValue> {
    let text = frequency_arg(&frequency)?;
    known_options(&options, "nextRuns", "options", RUNS_OPTIONS)?;
    let format = runs_format(&options)?;
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
    let [starts_at, after, expires_at] = INSTANT_OPTIONS;
    let query = RunsQuery {
        starts_at: instant(starts_at)?,
        after: instant(after)?,
        expires_at: instant(expires_at)?,
        count: count_option(&options)?,
    };
    let report = if problems.is_empty() {
        RunsReport::new(&text, &query)
    } else {
        RunsReport::failed(problems)
    };
    match format {
        RunsFormat::Iso => iso_to_js(report),
        RunsFormat::EpochMs => epoch_ms_to_js(report),
    }
}

/// What the Adobe builders answer: the request, or why there is none, with the create's
/// or the update's codes.
fn adobe_built_to_js(built: adobe::Built, update: bool) -> Result<JsValue, JsValue> {
    let request = built
        .request
        .map(|r| JsRequest::new(r.method, r.url, r.headers, r.body));
    if update {
        to_js(&AdobeOutcome::update(&built.report, Some(request)))
    } else {
        to_js(&AdobeOutcome::new(&built.report, Some(request)))
    }
}

/// What `buildResource` and `buildUpdate` answer: the document, or why there is none.
fn built_to_js(built: Result<String, Vec<Violation>>) -> Result<JsValue, JsValue> {
    let (document, violations) = match built {
        Ok(doc) => (Some(doc), Vec::new()),
        Err(violations) => (None, violations),
    };
    to_js(&Jsonapi {
        errors: jsonapi_records(&violations),
        document: Some(document.as_deref().map(Raw)),
        request: None,
    })
}

/// What `buildRequest` and `buildUpdateRequest` answer: the request, or why there is none.
fn requested_to_js(built: Result<request::Request, Vec<Violation>>) -> Result<JsValue, JsValue> {
    let (request, violations) = match built {
        Ok(r) => (
            Some(JsRequest::new(r.method, r.url, r.headers, r.body)),
            Vec::new(),
        ),
        Err(v) => (None, v),
    };
    to_js(&Jsonapi {
        errors: jsonapi_records(&violations),
        document: None,
        request: Some(request),
    })
}

/// Where a Commerce Layer request goes and with which token: the options both request
/// builders read, owned here so that [`RequestOptions`] can borrow them.
struct Target {
    base_url: Option<String>,
    organization: Option<String>,
    access_token: Option<String>,
}

impl Target {
    fn read(options: &JsValue) -> Result<Self, JsValue> {
        Ok(Target {
            base_url: string_option(options, "baseUrl")?,
            organization: string_option(options, "organization")?,
            access_token: string_option(options, "accessToken")?,
        })
    }

    fn options(&self) -> RequestOptions<'_> {
        RequestOptions {
            base_url: self.base_url.as_deref(),
            organization: self.organization.as_deref(),
            access_token: self.access_token.as_deref(),
        }
    }
}
