//! The JS entry points, taking their arguments as pkg/args.js read them (numbers,
//! booleans, strings and documents as text or bytes, see `readers`), calling the core
//! and returning a value of `results`. Nothing here reads a JS object or throws for
//! misuse: that is a TypeError thrown in JS, in JS's words. The module exports three
//! families (`_commerceLayer`, `_adobe`, `_frequency`), each one `#[wasm_bindgen]`
//! function that takes a JS function's name and the union of its family's arguments
//! (pkg/args.js `FAMILIES`): one export shim a family, where one a function cost the
//! module about a kilobyte each. The Commerce Layer and schedule functions have a Rust
//! function each, which tests/wasm_api.rs calls too; the Adobe family answers its
//! functions itself, from the contexts and headers it reads once. A name no family has
//! is the package's bug and traps (`readers::package_bug`).

use wasm_bindgen::prelude::*;

use super::readers::{adobe_environment, document, license_type, list, package_bug, resource};
use super::results::{
    adobe_records, epoch_ms_to_js, iso_to_js, jsonapi_records, to_js, AdobeOutcome, CreationWindow,
    Described, JsRequest, Jsonapi,
};
use crate::adobe;
use crate::commercelayer::request::{self, RequestOptions};
use crate::commercelayer::{BuildOptions, Context, Current};
use crate::error::Violation;
use crate::json::write::Raw;
use crate::report::{FrequencyReport, RunsProblem, RunsReport};
use crate::schedule::{instant, RunsError, RunsQuery, DEFAULT_COUNT, INSTANT_OPTIONS};

/// The Commerce Layer functions, by their JS name: `resource` is the index in
/// `Resource::ALL`; `id`, the update's `options.current` (`status`, `starts_at`) and
/// the request's target are read by the functions that take them.
#[allow(clippy::too_many_arguments)] // the family's arguments, as JS read them
#[wasm_bindgen(js_name = _commerceLayer, skip_typescript)]
pub fn commerce_layer(
    function: &str,
    resource_index: u32,
    id: Option<String>,
    doc: JsValue,
    offered: Option<String>,
    with_defaults: bool,
    status: Option<String>,
    starts_at: Option<String>,
    base_url: Option<String>,
    organization: Option<String>,
    access_token: Option<String>,
) -> Result<JsValue, JsValue> {
    let r = resource_index;
    let id = id.unwrap_or_default();
    match function {
        "validateResource" => validate_resource(r, doc, offered),
        "buildResource" => build_resource(r, doc, offered, with_defaults),
        "buildRequest" => build_request(
            r,
            doc,
            offered,
            with_defaults,
            base_url,
            organization,
            access_token,
        ),
        "documentRequest" => {
            document_request(r, doc, offered, base_url, organization, access_token)
        }
        "documentUpdateRequest" => document_update_request(
            r,
            id,
            doc,
            status,
            starts_at,
            base_url,
            organization,
            access_token,
        ),
        "validateUpdate" => validate_update(r, id, doc, status, starts_at),
        "buildUpdate" => build_update(r, id, doc, status, starts_at),
        "buildUpdateRequest" => build_update_request(
            r,
            id,
            doc,
            status,
            starts_at,
            base_url,
            organization,
            access_token,
        ),
        "resourceDefaults" => resource_defaults(r),
        _ => package_bug(),
    }
}

/// The Adobe functions, by their JS name: `doc` is the request, input or forwarded
/// body, `request` a forwarded body's request object; the create context
/// (`consumable`, `has_active_subscriptions`), the update's (`status`,
/// `auto_renewal_enabled`, `today`, `anniversary_date`) and the request options are read
/// by the functions that take them. `adobeCreationWindow` reads `anniversary_date`.
#[allow(clippy::too_many_arguments)] // the family's arguments, as JS read them
#[wasm_bindgen(js_name = _adobe, skip_typescript)]
pub fn adobe_family(
    function: &str,
    doc: JsValue,
    request: JsValue,
    consumable: Option<bool>,
    has_active_subscriptions: Option<bool>,
    license: u8,
    status: Option<String>,
    auto_renewal_enabled: Option<bool>,
    today: Option<String>,
    anniversary_date: Option<String>,
    sandbox: bool,
    access_token: Option<String>,
    api_key: Option<String>,
    correlation_id: Option<String>,
    request_id: Option<String>,
    recommendation_tracker_id: Option<String>,
) -> Result<JsValue, JsValue> {
    let create = adobe_context(consumable, has_active_subscriptions, license);
    let owned = UpdateContext {
        status,
        auto_renewal_enabled,
        license,
        today,
        anniversary_date,
    };
    let update_context = owned.borrow();
    let strings = [
        access_token,
        api_key,
        correlation_id,
        request_id,
        recommendation_tracker_id,
    ];
    let options = adobe_request_options(sandbox, &strings);
    // Each function's answer: the report of a validation, or what a builder made.
    let (report, update, built) = match function {
        "validateAdobeSubscription" => (
            match document(&doc) {
                Ok(request) => adobe::validate_subscription_request_bytes(&request, &create),
                Err(v) => adobe::Report::refused(v),
            },
            false,
            None,
        ),
        "validateAdobeSubscriptionUpdate" => (
            match document(&doc) {
                Ok(request) => adobe::validate_subscription_update_bytes(&request, &update_context),
                Err(v) => adobe::Report::refused(v),
            },
            true,
            None,
        ),
        "buildAdobeSubscription" => answer(
            document(&doc)
                .map(|input| adobe::build_subscription_request_bytes(&input, &options, &create)),
            false,
        ),
        "buildAdobeSubscriptionUpdate" => answer(
            document(&doc).map(|input| {
                adobe::build_subscription_update_bytes(&input, &options, &update_context)
            }),
            true,
        ),
        "adobeBodyRequest" => answer(
            forwarded_parts(&doc, &request).map(|(body, request)| {
                adobe::forward_subscription_request_bytes(&body, &request, &options, &create)
            }),
            false,
        ),
        "adobeBodyUpdateRequest" => answer(
            forwarded_parts(&doc, &request).map(|(body, request)| {
                adobe::forward_subscription_update_bytes(&body, &request, &options, &update_context)
            }),
            true,
        ),
        "adobeCreationWindow" => {
            return adobe_creation_window(owned.anniversary_date.as_deref().unwrap_or_default());
        }
        _ => package_bug(),
    };
    let outcome = if update {
        AdobeOutcome::update(&report, built)
    } else {
        AdobeOutcome::new(&report, built)
    };
    to_js(&outcome)
}

/// A builder's answer as the Adobe family writes it: its report, whether its codes are
/// the update's, and its request (`Some(None)` when there is none).
fn answer(
    built: Result<adobe::Built, Violation>,
    update: bool,
) -> (adobe::Report, bool, Option<Option<JsRequest>>) {
    let built = built.unwrap_or_else(adobe::Built::refused);
    let request = built
        .request
        .map(|r| JsRequest::new(r.method, r.url, r.headers, r.body));
    (built.report, update, Some(request))
}

/// The schedule functions, by their JS name: `frequency` is the text; `starts_at`,
/// `after` and `expires_at` are ISO strings or epoch milliseconds; `count` and
/// `epoch_ms` are `nextRuns`' own.
#[wasm_bindgen(js_name = _frequency, skip_typescript)]
pub fn frequency_family(
    function: &str,
    frequency: &str,
    starts_at: JsValue,
    after: JsValue,
    expires_at: JsValue,
    count: Option<f64>,
    epoch_ms: bool,
) -> Result<JsValue, JsValue> {
    match function {
        "parseFrequency" => parse_frequency(frequency, starts_at),
        "describeFrequency" => describe_frequency(frequency, starts_at),
        "nextRuns" => next_runs(frequency, starts_at, after, expires_at, count, epoch_ms),
        _ => package_bug(),
    }
}

/// `validateResource(resource, document, { subscriptionModelFrequencies? })`: the
/// create document of `Resource::ALL[resource]`, with the model's frequencies as JSON
/// text. Returns the records pkg/render.js writes out as `{ valid, status, errors }`.
pub fn validate_resource(
    resource_index: u32,
    doc: JsValue,
    offered: Option<String>,
) -> Result<JsValue, JsValue> {
    let resource = resource(resource_index);
    let offered = list(offered.as_deref());
    let context = Context {
        model_frequencies: offered.as_deref(),
        ..Default::default()
    };
    let violations = match document(&doc) {
        Ok(bytes) => resource.validate_bytes_with(&bytes, &context),
        Err(v) => vec![v],
    };
    jsonapi_to_js(&violations)
}

/// `buildResource(resource, input, { withDefaults?, subscriptionModelFrequencies? })`:
/// `input` is the flat input of `@commercelayer/sdk`'s `create()`. Answers the document,
/// or the records of why there is none.
pub fn build_resource(
    resource_index: u32,
    input: JsValue,
    offered: Option<String>,
    with_defaults: bool,
) -> Result<JsValue, JsValue> {
    let resource = resource(resource_index);
    let offered = list(offered.as_deref());
    let build = build_options(with_defaults, offered.as_deref());
    let built = document(&input)
        .map_err(|v| vec![v])
        .and_then(|input| resource.build_text(&input, &build));
    built_to_js(built)
}

/// `buildRequest(resource, input, { baseUrl | organization, accessToken, withDefaults?,
/// subscriptionModelFrequencies? })`: the request `{ method, url, headers, body }` for
/// `fetch(request.url, request)`, or the records of why there is none.
#[allow(clippy::too_many_arguments)] // each is one option, as JS read it
pub fn build_request(
    resource_index: u32,
    input: JsValue,
    offered: Option<String>,
    with_defaults: bool,
    base_url: Option<String>,
    organization: Option<String>,
    access_token: Option<String>,
) -> Result<JsValue, JsValue> {
    let resource = resource(resource_index);
    let offered = list(offered.as_deref());
    let build = build_options(with_defaults, offered.as_deref());
    let target = target(&base_url, &organization, &access_token);
    let built = document(&input)
        .map_err(|v| vec![v])
        .and_then(|input| request::build_request_bytes(resource, &input, &target, &build));
    requested_to_js(built)
}

/// `documentRequest(resource, document, { baseUrl | organization, accessToken,
/// subscriptionModelFrequencies? })`: a create document as a request body brings it,
/// validated as `validateResource` validates it and wrapped in a `POST` whose body is
/// the text as given.
pub fn document_request(
    resource_index: u32,
    doc: JsValue,
    offered: Option<String>,
    base_url: Option<String>,
    organization: Option<String>,
    access_token: Option<String>,
) -> Result<JsValue, JsValue> {
    let resource = resource(resource_index);
    let offered = list(offered.as_deref());
    let context = Context {
        model_frequencies: offered.as_deref(),
        ..Default::default()
    };
    let target = target(&base_url, &organization, &access_token);
    let built = document(&doc)
        .map_err(|v| vec![v])
        .and_then(|bytes| request::document_request(resource, &bytes, &target, &context));
    requested_to_js(built)
}

/// `documentUpdateRequest(resource, id, document, { baseUrl | organization,
/// accessToken, current? })`: the same for an update document, validated as
/// `validateUpdate` validates it, in a `PATCH` to `/api/<resource>/<id>`.
#[allow(clippy::too_many_arguments)] // each is one option, as JS read it
pub fn document_update_request(
    resource_index: u32,
    id: String,
    doc: JsValue,
    status: Option<String>,
    starts_at: Option<String>,
    base_url: Option<String>,
    organization: Option<String>,
    access_token: Option<String>,
) -> Result<JsValue, JsValue> {
    let resource = resource(resource_index);
    let context = update_context(&status, &starts_at);
    let target = target(&base_url, &organization, &access_token);
    let built = document(&doc).map_err(|v| vec![v]).and_then(|bytes| {
        request::document_update_request(resource, &id, &bytes, &target, &context)
    });
    requested_to_js(built)
}

/// `validateUpdate(resource, id, document, { current? })`: an update document for
/// `PATCH /api/<resource>/<id>`, read as `validateResource` reads one.
pub fn validate_update(
    resource_index: u32,
    id: String,
    doc: JsValue,
    status: Option<String>,
    starts_at: Option<String>,
) -> Result<JsValue, JsValue> {
    let resource = resource(resource_index);
    let context = update_context(&status, &starts_at);
    let violations = match document(&doc) {
        Ok(bytes) => resource.validate_update_bytes(&bytes, &id, &context),
        Err(v) => vec![v],
    };
    jsonapi_to_js(&violations)
}

/// `buildUpdate(resource, id, input, { current? })`: `input` is the flat input of
/// `@commercelayer/sdk`'s `update()`.
pub fn build_update(
    resource_index: u32,
    id: String,
    input: JsValue,
    status: Option<String>,
    starts_at: Option<String>,
) -> Result<JsValue, JsValue> {
    let resource = resource(resource_index);
    let context = update_context(&status, &starts_at);
    let built = document(&input)
        .map_err(|v| vec![v])
        .and_then(|input| resource.build_update_text(&input, &id, &context));
    built_to_js(built)
}

/// `buildUpdateRequest(resource, id, input, { baseUrl | organization, accessToken,
/// current? })`: a `PATCH` to `/api/<resource>/<id>` for `fetch(request.url, request)`.
#[allow(clippy::too_many_arguments)] // each is one option, as JS read it
pub fn build_update_request(
    resource_index: u32,
    id: String,
    input: JsValue,
    status: Option<String>,
    starts_at: Option<String>,
    base_url: Option<String>,
    organization: Option<String>,
    access_token: Option<String>,
) -> Result<JsValue, JsValue> {
    let resource = resource(resource_index);
    let context = update_context(&status, &starts_at);
    let target = target(&base_url, &organization, &access_token);
    let built = document(&input).map_err(|v| vec![v]).and_then(|input| {
        request::build_update_request_bytes(resource, &id, &input, &target, &context)
    });
    requested_to_js(built)
}

/// The texts of a forwarded body and of its request object, or the fault that stops
/// them (one in the body is under `/body`, and the request object is then not read).
fn forwarded_parts(body: &JsValue, request: &JsValue) -> Result<(Vec<u8>, Vec<u8>), Violation> {
    let body = document(body).map_err(|v| Violation::new(format!("/body{}", v.pointer), v.kind))?;
    Ok((body, document(request)?))
}

/// `adobeCreationWindow(anniversaryDate)`: `{ valid: true, from, to }` — the first and
/// last day (both included) on which Adobe allows creating a subscription — or
/// `{ valid: false, errors }` for a date that is not `YYYY-MM-DD`.
pub fn adobe_creation_window(anniversary_date: &str) -> Result<JsValue, JsValue> {
    let window = adobe::window::creation_window_of(anniversary_date);
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
pub fn resource_defaults(resource_index: u32) -> Result<JsValue, JsValue> {
    js_sys::JSON::parse(&resource(resource_index).defaults_text())
}

/// `parseFrequency(text, { startsAt? })`: `{ valid, kind, normalized, description, phrase,
/// commerceLayer: { valid, errors }, errors }`. `starts_at` is an ISO string or epoch
/// milliseconds; a bad one only loses the concrete description: the frequency stands.
pub fn parse_frequency(text: &str, starts_at: JsValue) -> Result<JsValue, JsValue> {
    let anchor = instant_of(&starts_at).and_then(Result::ok);
    to_js(&FrequencyReport::without_words(text, anchor))
}

/// `describeFrequency(text, { startsAt? })`: `{ valid, description, phrase, errors }`;
/// `phrase` is what `description` says without words, for `pkg/describe.js`.
pub fn describe_frequency(text: &str, starts_at: JsValue) -> Result<JsValue, JsValue> {
    let anchor = instant_of(&starts_at).and_then(Result::ok);
    let r = FrequencyReport::without_words(text, anchor);
    to_js(&Described {
        valid: r.valid,
        description: r.description,
        phrase: r.phrase,
        errors: r.errors,
    })
}

/// `nextRuns(frequency, { startsAt, after, count, expiresAt, format })`: `{ ok, runs,
/// errors }`. The instants are ISO strings or epoch milliseconds (JS reads a `Date` as
/// its time); `count` is a whole number of at least 0 or `undefined` for the default.
/// `runs` is an array of ISO 8601 strings, or with `epoch_ms` a `Float64Array` of epoch
/// milliseconds.
pub fn next_runs(
    text: &str,
    starts_at: JsValue,
    after: JsValue,
    expires_at: JsValue,
    count: Option<f64>,
    epoch_ms: bool,
) -> Result<JsValue, JsValue> {
    let mut problems = Vec::new();
    let mut instant = |option: &'static str, value: &JsValue| match instant_of(value) {
        Some(Ok(t)) => Some(t),
        Some(Err(reason)) => {
            problems.push(RunsProblem::Query(RunsError::InvalidInstant {
                option,
                reason,
            }));
            None
        }
        None => None,
    };
    let [starts, after_name, expires] = INSTANT_OPTIONS;
    let query = RunsQuery {
        starts_at: instant(starts, &starts_at),
        after: instant(after_name, &after),
        expires_at: instant(expires, &expires_at),
        // A whole number of at least 0 (JS checked); a cast saturates past u64.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        count: count.map_or(DEFAULT_COUNT, |n| n as u64),
    };
    let report = if problems.is_empty() {
        RunsReport::new(text, &query)
    } else {
        RunsReport::failed(problems)
    };
    if epoch_ms {
        epoch_ms_to_js(report)
    } else {
        iso_to_js(report)
    }
}

/// An instant as JS hands it over: an ISO 8601 string, epoch milliseconds, or absent.
fn instant_of(
    value: &JsValue,
) -> Option<Result<chrono::DateTime<chrono::Utc>, instant::InstantError>> {
    if let Some(text) = value.as_string() {
        return Some(instant::parse_iso(&text));
    }
    value.as_f64().map(instant::from_epoch_millis)
}

/// Commerce Layer's records of a validation.
fn jsonapi_to_js(violations: &[Violation]) -> Result<JsValue, JsValue> {
    to_js(&Jsonapi {
        errors: jsonapi_records(violations),
        document: None,
        request: None,
    })
}

fn build_options(with_defaults: bool, offered: Option<&[String]>) -> BuildOptions<'_> {
    BuildOptions {
        with_defaults,
        context: Context {
            model_frequencies: offered,
            ..Default::default()
        },
    }
}

/// The [`Context`] of an update from its `options.current`.
fn update_context<'a>(status: &'a Option<String>, starts_at: &'a Option<String>) -> Context<'a> {
    Context {
        current: Current {
            status: status.as_deref(),
            starts_at: starts_at.as_deref(),
        },
        ..Default::default()
    }
}

/// Where a Commerce Layer request goes and with which token.
fn target<'a>(
    base_url: &'a Option<String>,
    organization: &'a Option<String>,
    access_token: &'a Option<String>,
) -> RequestOptions<'a> {
    RequestOptions {
        base_url: base_url.as_deref(),
        organization: organization.as_deref(),
        access_token: access_token.as_deref(),
    }
}

fn adobe_context(
    consumable: Option<bool>,
    has_active_subscriptions: Option<bool>,
    license: u8,
) -> adobe::AdobeContext {
    adobe::AdobeContext {
        consumable,
        has_active_subscriptions,
        license_type: license_type(license),
    }
}

/// An Adobe update's context, owned while the call runs (the core's borrows it).
struct UpdateContext {
    status: Option<String>,
    auto_renewal_enabled: Option<bool>,
    license: u8,
    today: Option<String>,
    anniversary_date: Option<String>,
}

impl UpdateContext {
    fn borrow(&self) -> adobe::AdobeUpdateContext<'_> {
        // JS checked both dates with `_isDate`, the same rule.
        let date = |d: &Option<String>| d.as_deref().and_then(|d| adobe::window::date(d).ok());
        adobe::AdobeUpdateContext {
            status: self.status.as_deref(),
            auto_renewal_enabled: self.auto_renewal_enabled,
            license_type: license_type(self.license),
            today: date(&self.today),
            anniversary_date: date(&self.anniversary_date),
        }
    }
}

/// An Adobe request's headers and environment: `strings` are the access token, API
/// key, correlation id, request id and recommendation tracker id.
fn adobe_request_options(
    sandbox: bool,
    strings: &[Option<String>; 5],
) -> adobe::AdobeRequestOptions<'_> {
    let [access_token, api_key, correlation_id, request_id, recommendation_tracker_id] = strings;
    adobe::AdobeRequestOptions {
        environment: adobe_environment(sandbox),
        access_token: access_token.as_deref(),
        api_key: api_key.as_deref(),
        correlation_id: correlation_id.as_deref(),
        request_id: request_id.as_deref(),
        recommendation_tracker_id: recommendation_tracker_id.as_deref(),
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
