//! The JS entry points, taking their arguments as pkg/args.js read them (numbers,
//! booleans, strings and documents as text or bytes, see `readers`), calling the core
//! and returning a value of `results`. Nothing here reads a JS object or throws for
//! misuse: that is a TypeError thrown in JS, in JS's words. The module exports three
//! families (`_commerceLayer`, `_adobe`, `_frequency`), each one `#[wasm_bindgen]`
//! function that takes a JS function's name and the union of its family's arguments
//! (pkg/args.js `FAMILIES`): one export shim a family, where one a function cost the
//! module about a kilobyte each. Each family answers its functions itself, from the
//! contexts and targets it reads once. A name no family has is the package's bug and
//! traps (`readers::package_bug`).

use crate::prelude::*;
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
use crate::schedule::instant::date_text;
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
    let resource = resource(resource_index);
    let id = id.unwrap_or_default();
    let offered = list(offered.as_deref());
    let create = Context {
        model_frequencies: offered.as_deref(),
        ..Default::default()
    };
    let build = BuildOptions {
        with_defaults,
        context: create,
    };
    let update = Context {
        current: Current {
            status: status.as_deref(),
            starts_at: starts_at.as_deref(),
        },
        ..Default::default()
    };
    let target = RequestOptions {
        base_url: base_url.as_deref(),
        organization: organization.as_deref(),
        access_token: access_token.as_deref(),
    };
    let doc = document(&doc).map_err(|v| vec![v]);
    // What the validations found: the document's faults, or why it was not read.
    let found = |check: &dyn Fn(&[u8]) -> Vec<Violation>| match &doc {
        Ok(bytes) => check(bytes),
        Err(v) => v.clone(),
    };
    match function {
        "validateResource" => jsonapi_to_js(&found(&|b| resource.validate_bytes_with(b, &create))),
        "validateUpdate" => {
            jsonapi_to_js(&found(&|b| resource.validate_update_bytes(b, &id, &update)))
        }
        "buildResource" => built_to_js(doc.and_then(|input| resource.build_text(&input, &build))),
        "buildUpdate" => {
            built_to_js(doc.and_then(|input| resource.build_update_text(&input, &id, &update)))
        }
        "buildRequest" => requested_to_js(
            doc.and_then(|input| request::build_request_bytes(resource, &input, &target, &build)),
        ),
        "buildUpdateRequest" => requested_to_js(doc.and_then(|input| {
            request::build_update_request_bytes(resource, &id, &input, &target, &update)
        })),
        "documentRequest" => requested_to_js(
            doc.and_then(|b| request::document_request(resource, &b, &target, &create)),
        ),
        "documentUpdateRequest" => {
            requested_to_js(doc.and_then(|b| {
                request::document_update_request(resource, &id, &b, &target, &update)
            }))
        }
        // The documented defaults, e.g. `{ activate_by_source_order: true,
        // place_target_order: true, renewal_alert_period: 1 }`.
        "resourceDefaults" => js_sys::JSON::parse(&resource.defaults_text()),
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
/// `after` and `expires_at` are ISO strings or epoch milliseconds (`parseFrequency` and
/// `describeFrequency` read `starts_at` only); `count` and `epoch_ms` are `nextRuns`'.
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
        // `{ valid, kind, normalized, description, phrase, commerceLayer: { valid,
        // errors }, errors }`: a bad start only loses the concrete description.
        "parseFrequency" => {
            let anchor = instant_of(&starts_at).and_then(Result::ok);
            to_js(&FrequencyReport::without_words(frequency, anchor))
        }
        // `{ valid, description, phrase, errors }`; `phrase` is what `description`
        // says without words, for pkg/describe.js.
        "describeFrequency" => {
            let anchor = instant_of(&starts_at).and_then(Result::ok);
            let r = FrequencyReport::without_words(frequency, anchor);
            to_js(&Described {
                valid: r.valid,
                description: r.description,
                phrase: r.phrase,
                errors: r.errors,
            })
        }
        "nextRuns" => next_runs(frequency, [starts_at, after, expires_at], count, epoch_ms),
        _ => package_bug(),
    }
}

/// The texts of a forwarded body and of its request object, or the fault that stops
/// them (one in the body is under `/body`, and the request object is then not read).
fn forwarded_parts(body: &JsValue, request: &JsValue) -> Result<(Vec<u8>, Vec<u8>), Violation> {
    let body = document(body).map_err(adobe::in_body)?;
    Ok((body, document(request)?))
}

/// `adobeCreationWindow(anniversaryDate)`: `{ valid: true, from, to }` — the first and
/// last day (both included) on which Adobe allows creating a subscription — or
/// `{ valid: false, errors }` for a date that is not `YYYY-MM-DD`.
fn adobe_creation_window(anniversary_date: &str) -> Result<JsValue, JsValue> {
    let window = adobe::window::creation_window_of(anniversary_date);
    let violations = window.as_ref().err().map(core::slice::from_ref);
    to_js(&match &window {
        Ok((from, to)) => CreationWindow {
            valid: true,
            from: Some(date_text(*from)),
            to: Some(date_text(*to)),
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

/// `nextRuns(frequency, { startsAt, after, count, expiresAt, format })`: `{ ok, runs,
/// errors }`. The instants (`startsAt`, `after`, `expiresAt`) are ISO strings or epoch
/// milliseconds (JS reads a `Date` as its time); `count` is a whole number of at least
/// 0 or `None` for the default. `runs` is an array of ISO 8601 strings, or with
/// `epoch_ms` a `Float64Array` of epoch milliseconds.
fn next_runs(
    text: &str,
    instants: [JsValue; 3],
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
    let [starts_at, after, expires_at] = INSTANT_OPTIONS;
    let [starts_value, after_value, expires_value] = instants;
    let query = RunsQuery {
        starts_at: instant(starts_at, &starts_value),
        after: instant(after, &after_value),
        expires_at: instant(expires_at, &expires_value),
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
