//! Table-driven runner for `tests/fixtures/<domain>/*.json`, natively and in wasm.
//!
//! Resource fixtures name a resource and list cases: a `document` (JSON value) or
//! `text` (raw JSON text) to validate, or an `input` to build, and the `expected`
//! HTTP status and JSON:API error objects. A file with `"operation": "update"` is
//! about `PATCH /api/<resource>/<id>`: each case gives the path's `id` and, where a
//! rule needs it, `current` (the resource's `status` and `starts_at`). Frequency fixtures list texts to parse
//! (`parse.json`) and next-run queries (`runs.json`, and `cron_runs.json` generated
//! from two JS cron libraries). An expected object lists only the members a case is
//! about; they must match exactly, and the count and order of lists must match too.
//! The files are embedded so the same runner works under wasm-bindgen-test in Node
//! and in a browser, where there is no file system. It reads answers through the
//! `serde_json::Value` entry points and the vendor adapters, which the `value` feature
//! (a default one) compiles in; the npm package's module is built without it.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};
use subkit::adobe::errors::{adobe_errors, adobe_update_errors};
use subkit::adobe::{
    build_subscription_request_bytes, build_subscription_update_bytes,
    validate_subscription_request, validate_subscription_request_bytes,
    validate_subscription_update, validate_subscription_update_bytes, AdobeContext,
    AdobeRequestOptions, AdobeUpdateContext, Environment, LicenseType,
};
use subkit::commercelayer::jsonapi_errors::{error_objects, response_status};
use subkit::commercelayer::request::{
    build_request_bytes, build_update_request_bytes, RequestOptions,
};
use subkit::commercelayer::{BuildOptions, Context, Current, Operation};
use subkit::error::Violation;
use subkit::report::{FrequencyReport, RunsReport};
use subkit::schedule::instant::parse_iso;
use subkit::schedule::RunsQuery;
use subkit::Resource;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

#[path = "support/flat_reference.rs"]
mod flat_reference;
use flat_reference::{reference_build, text_build};

/// Every fixture file; `listed_fixtures_are_all_the_files` keeps this complete.
const FIXTURES: &[(&str, &str)] = &[
    (
        "adobe/validate.json",
        include_str!("fixtures/adobe/validate.json"),
    ),
    (
        "adobe/build.json",
        include_str!("fixtures/adobe/build.json"),
    ),
    (
        "adobe/update.json",
        include_str!("fixtures/adobe/update.json"),
    ),
    (
        "adobe/update_build.json",
        include_str!("fixtures/adobe/update_build.json"),
    ),
    (
        "commercelayer/customer_subscriptions_validate.json",
        include_str!("fixtures/commercelayer/customer_subscriptions_validate.json"),
    ),
    (
        "commercelayer/customer_subscriptions_build.json",
        include_str!("fixtures/commercelayer/customer_subscriptions_build.json"),
    ),
    (
        "commercelayer/order_subscriptions_validate.json",
        include_str!("fixtures/commercelayer/order_subscriptions_validate.json"),
    ),
    (
        "commercelayer/order_subscriptions_build.json",
        include_str!("fixtures/commercelayer/order_subscriptions_build.json"),
    ),
    (
        "commercelayer/subscription_models_validate.json",
        include_str!("fixtures/commercelayer/subscription_models_validate.json"),
    ),
    (
        "commercelayer/subscription_models_build.json",
        include_str!("fixtures/commercelayer/subscription_models_build.json"),
    ),
    (
        "commercelayer/customer_subscriptions_update.json",
        include_str!("fixtures/commercelayer/customer_subscriptions_update.json"),
    ),
    (
        "commercelayer/order_subscriptions_update.json",
        include_str!("fixtures/commercelayer/order_subscriptions_update.json"),
    ),
    (
        "commercelayer/subscription_models_update.json",
        include_str!("fixtures/commercelayer/subscription_models_update.json"),
    ),
    (
        "commercelayer/order_subscription_items_validate.json",
        include_str!("fixtures/commercelayer/order_subscription_items_validate.json"),
    ),
    (
        "commercelayer/order_subscription_items_build.json",
        include_str!("fixtures/commercelayer/order_subscription_items_build.json"),
    ),
    (
        "commercelayer/order_subscription_items_update.json",
        include_str!("fixtures/commercelayer/order_subscription_items_update.json"),
    ),
    (
        "frequency/cron_runs.json",
        include_str!("fixtures/frequency/cron_runs.json"),
    ),
    (
        "frequency/parse.json",
        include_str!("fixtures/frequency/parse.json"),
    ),
    (
        "frequency/runs.json",
        include_str!("fixtures/frequency/runs.json"),
    ),
];

/// `actual` contains every member of `expected`, recursively for objects; arrays and
/// scalars must be equal.
fn contains(actual: &Value, expected: &Value) -> bool {
    match (actual, expected) {
        (Value::Object(a), Value::Object(e)) => e
            .iter()
            .all(|(k, ev)| a.get(k).is_some_and(|av| contains(av, ev))),
        _ => actual == expected,
    }
}

/// Every element of `expected` is contained in the element of `actual` at its index,
/// and the lengths match.
fn list_contains(actual: &Value, expected: &Value) -> bool {
    match (actual.as_array(), expected.as_array()) {
        (Some(a), Some(e)) => a.len() == e.len() && a.iter().zip(e).all(|(a, e)| contains(a, e)),
        _ => false,
    }
}

fn run_parse_case(case: &Value) -> Result<(), String> {
    let anchor = case
        .get("startsAt")
        .and_then(Value::as_str)
        .map(|s| parse_iso(s).unwrap());
    let report =
        serde_json::to_value(FrequencyReport::new(case["text"].as_str().unwrap(), anchor)).unwrap();
    for key in ["valid", "kind", "normalized", "description"] {
        if let Some(want) = case.get(key) {
            if &report[key] != want {
                return Err(format!("{key}: got {}, expected {want}", report[key]));
            }
        }
    }
    if let Some(want) = case.get("commerceLayer") {
        if &report["commerceLayer"]["valid"] != want {
            return Err(format!("commerceLayer: got {}", report["commerceLayer"]));
        }
    }
    let lists = [
        ("errors", &report["errors"]),
        ("commerceLayerErrors", &report["commerceLayer"]["errors"]),
    ];
    for (key, got) in lists {
        if let Some(want) = case.get(key) {
            if !list_contains(got, want) {
                return Err(format!("{key}: got {got}, expected {want}"));
            }
        }
    }
    Ok(())
}

fn run_runs_case(case: &Value) -> Result<(), String> {
    let instant = |key: &str| -> Result<_, String> {
        match case.get(key).and_then(Value::as_str) {
            None => Ok(None),
            Some(s) => parse_iso(s)
                .map(Some)
                .map_err(|_| "invalid_instant".to_owned()),
        }
    };
    let query = (|| {
        Ok::<_, String>(RunsQuery {
            starts_at: instant("startsAt")?,
            after: instant("after")?,
            expires_at: instant("expiresAt")?,
            count: case
                .get("count")
                .and_then(Value::as_u64)
                .unwrap_or_else(|| case["runs"].as_array().map_or(0, |r| r.len() as u64)),
        })
    })();
    let text = case
        .get("frequency")
        .or(case.get("expression"))
        .and_then(Value::as_str)
        .unwrap();
    let (runs, error) = match query {
        Err(code) => (json!([]), Some(code)),
        Ok(q) => {
            let r = serde_json::to_value(RunsReport::new(text, &q)).unwrap();
            let code = r["errors"][0]["code"].as_str().map(str::to_owned);
            (r["runs"].clone(), code)
        }
    };
    match (case.get("error").and_then(Value::as_str), case.get("runs")) {
        (Some(want), _) if error.as_deref() == Some(want) => Ok(()),
        (None, Some(want)) if error.is_none() && &runs == want => Ok(()),
        _ => Err(format!("got runs {runs}, error {error:?}")),
    }
}

/// The caller's context as the JS API takes it: `{ licenseType, consumable,
/// hasActiveSubscriptions }`.
fn adobe_context(case: &Value) -> AdobeContext {
    let c = &case["context"];
    AdobeContext {
        consumable: c["consumable"].as_bool(),
        has_active_subscriptions: c["hasActiveSubscriptions"].as_bool(),
        license_type: license_type(c),
    }
}

fn license_type(context: &Value) -> Option<LicenseType> {
    match context["licenseType"].as_str() {
        Some("team") => Some(LicenseType::Team),
        Some("enterprise") => Some(LicenseType::Enterprise),
        _ => None,
    }
}

/// The update's context as the JS API takes it: `{ status, autoRenewalEnabled,
/// licenseType, today, anniversaryDate }`, the dates as `YYYY-MM-DD`.
fn adobe_update_context(case: &Value) -> AdobeUpdateContext<'_> {
    let c = &case["context"];
    let date = |k: &str| c[k].as_str().map(|s| s.parse().unwrap());
    AdobeUpdateContext {
        status: c["status"].as_str(),
        auto_renewal_enabled: c["autoRenewalEnabled"].as_bool(),
        license_type: license_type(c),
        today: date("today"),
        anniversary_date: date("anniversaryDate"),
    }
}

fn run_adobe_case(file: &Value, case: &Value) -> Result<(), String> {
    let update = file["endpoint"] == "update";
    let context = adobe_context(case);
    let update_context = adobe_update_context(case);
    let (report, request) = if let Some(input) = case.get("input") {
        let o = &case["options"];
        let s = |k: &str| o[k].as_str();
        let options = AdobeRequestOptions {
            environment: if s("environment") == Some("sandbox") {
                Environment::Sandbox
            } else {
                Environment::Production
            },
            access_token: s("accessToken"),
            api_key: s("apiKey"),
            correlation_id: s("correlationId"),
            request_id: s("requestId"),
            recommendation_tracker_id: s("recommendationTrackerId"),
        };
        // The JSON text the JS package sends, read once by the core.
        let text = input.to_string();
        let built = if update {
            build_subscription_update_bytes(text.as_bytes(), &options, &update_context)
        } else {
            build_subscription_request_bytes(text.as_bytes(), &options, &context)
        };
        (built.report, Some(built.request))
    } else if update {
        let text = case["request"].to_string();
        (
            validate_subscription_update_bytes(text.as_bytes(), &update_context),
            None,
        )
    } else {
        let text = case["request"].to_string();
        (
            validate_subscription_request_bytes(text.as_bytes(), &context),
            None,
        )
    };
    let convert = if update {
        adobe_update_errors
    } else {
        adobe_errors
    };
    let errors = serde_json::to_value(convert(&report.violations)).unwrap();
    let warnings = serde_json::to_value(convert(&report.warnings)).unwrap();
    answered(json!({ "errors": errors, "warnings": warnings }));
    // Secrets in the fixtures start with SECRET: no error, warning or Debug output may hold one.
    let debug = format!("{report:?} {request:?} {errors} {warnings}");
    if debug.contains("SECRET") {
        return Err(format!("a secret leaked: {debug}"));
    }
    let expected = &case["expected"];
    if json!(report.violations.is_empty()) != expected["valid"] {
        return Err(format!(
            "valid: expected {}, errors {errors}",
            expected["valid"]
        ));
    }
    for (key, got) in [("errors", &errors), ("warnings", &warnings)] {
        if let Some(want) = expected.get(key) {
            if !list_contains(got, want) {
                return Err(format!("{key}\n  got:      {got}\n  expected: {want}"));
            }
        }
    }
    if let (Some(want), Some(request)) = (expected.get("request"), request) {
        let got = request.as_ref().map(|r| {
            let headers: serde_json::Map<String, Value> = r
                .headers
                .iter()
                .map(|(k, v)| ((*k).to_owned(), json!(v)))
                .collect();
            json!({"method": r.method, "url": r.url, "headers": headers,
                   "body": serde_json::from_str::<Value>(&r.body).unwrap()})
        });
        if &json!(got) != want {
            return Err(format!("request {}, expected {want}", json!(got)));
        }
        // The body is the text serde_json writes of the expected body object, byte for
        // byte: compact, members in the order given.
        if let (Some(r), Some(body)) = (&request, want.get("body")) {
            let want = serde_json::to_string(body).unwrap();
            if r.body != want {
                return Err(format!("body text {}, expected {want}", r.body));
            }
        }
    }
    Ok(())
}

fn run_case(domain: &str, file: &Value, case: &Value) -> Result<(), String> {
    if domain == "adobe" {
        return run_adobe_case(file, case);
    }
    match (domain, file.get("resource")) {
        (_, Some(resource)) => {
            let resource = resource.as_str().unwrap().parse().unwrap();
            if file.get("operation") == Some(&json!("update")) {
                run_update_case(resource, case)
            } else {
                run_resource_case(resource, case)
            }
        }
        (_, None) if case.get("text").is_some() => run_parse_case(case),
        _ => run_runs_case(case),
    }
}

/// A built document validates again and keeps every value of the caller's input:
/// attributes as given, relationships with the given id (or identifier object).
fn round_trip(
    resource: Resource,
    input: &Value,
    doc: &Value,
    context: &Context<'_>,
) -> Result<(), String> {
    let again = resource.validate_with(doc, context);
    if !again.is_empty() {
        return Err(format!("built document does not validate: {again:?}"));
    }
    for (key, value) in input.as_object().unwrap() {
        let attribute = &doc["data"]["attributes"][key];
        let linkage = &doc["data"]["relationships"][key]["data"];
        let kept = attribute == value
            || match value {
                Value::String(id) => linkage["id"] == json!(id),
                Value::Array(items) => items.iter().enumerate().all(|(i, item)| {
                    &linkage[i] == item
                        || item
                            .as_str()
                            .is_some_and(|id| linkage[i]["id"] == json!(id))
                }),
                other => linkage == other,
            };
        if !kept {
            return Err(format!(
                "input {key} = {value} is not in the built document {doc}"
            ));
        }
    }
    Ok(())
}

/// An update case: the path's `id`, the resource's `current` values, and a `document`
/// to validate or an `input` to build (whose document must validate again).
fn run_update_case(resource: Resource, case: &Value) -> Result<(), String> {
    let id = case["id"].as_str().unwrap();
    let context = Context {
        current: Current {
            status: case.pointer("/current/status").and_then(Value::as_str),
            starts_at: case.pointer("/current/starts_at").and_then(Value::as_str),
        },
        ..Default::default()
    };
    let (violations, document) = match case.get("input") {
        Some(input) => match resource.build_update(input, id, &context) {
            Ok(doc) => {
                let again = resource.validate_update(&doc, id, &context);
                if !again.is_empty() {
                    return Err(format!("built document does not validate: {again:?}"));
                }
                (Vec::new(), Some(doc))
            }
            Err(v) => (v, None),
        },
        None => (
            resource.validate_update(&case["document"], id, &context),
            None,
        ),
    };
    compare(case, &violations, document)
}

fn run_resource_case(resource: Resource, case: &Value) -> Result<(), String> {
    let offered: Option<Vec<String>> = case
        .pointer("/context/subscriptionModelFrequencies")
        .map(|v| serde_json::from_value(v.clone()).unwrap());
    let context = Context {
        model_frequencies: offered.as_deref(),
        ..Default::default()
    };
    let options = BuildOptions {
        with_defaults: case.pointer("/options/withDefaults") == Some(&json!(true)),
        context,
    };
    let (violations, document) = if let Some(input) = case.get("input") {
        match resource.build_with(input, &options) {
            Ok(doc) => {
                round_trip(resource, input, &doc, &context)?;
                (Vec::new(), Some(doc))
            }
            Err(v) => (v, None),
        }
    } else if let Some(text) = case.get("text").and_then(Value::as_str) {
        (resource.validate_json(text), None)
    } else {
        (resource.validate_with(&case["document"], &context), None)
    };
    compare(case, &violations, document)
}

/// The case's `expected` status, error objects and (for a build) document.
fn compare(case: &Value, violations: &[Violation], document: Option<Value>) -> Result<(), String> {
    let expected = &case["expected"];
    let status = response_status(violations);
    if json!(status) != expected["status"] {
        return Err(format!(
            "status {status:?}, expected {}",
            expected["status"]
        ));
    }
    let actual = serde_json::to_value(error_objects(violations)).unwrap();
    let paths: Vec<Vec<String>> = violations
        .iter()
        .map(subkit::commercelayer::input_path)
        .collect();
    answered(json!({ "status": status, "errors": actual, "paths": paths }));
    let want = expected["errors"].as_array().unwrap();
    let got = actual.as_array().unwrap();
    if got.len() != want.len() || !got.iter().zip(want).all(|(g, w)| contains(g, w)) {
        return Err(format!(
            "errors\n  got:      {actual}\n  expected: {}",
            expected["errors"]
        ));
    }
    if let Some(want_doc) = expected.get("document") {
        let got_doc = json!(document);
        if &got_doc != want_doc {
            return Err(format!("document {got_doc}, expected {want_doc}"));
        }
    }
    Ok(())
}

thread_local! {
    /// The Rust adapters' answer to the case running: its errors as Commerce Layer's
    /// error objects (with the status) or as Adobe's errors.
    static ANSWER: std::cell::RefCell<Option<Value>> = const { std::cell::RefCell::new(None) };
}

fn answered(answer: Value) {
    ANSWER.with(|a| *a.borrow_mut() = Some(answer));
}

#[test]
fn fixtures_pass() {
    let mut failures = Vec::new();
    let mut count = 0;
    // Every vendor case's answer, by `<file>#<index>`: tests/js/rendered.test.mjs holds
    // the package's JS writer of errors to the Rust adapters with them.
    let mut answers = serde_json::Map::new();
    for (name, text) in FIXTURES {
        let file: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let domain = name.split('/').next().unwrap();
        for (index, case) in file["cases"].as_array().unwrap().iter().enumerate() {
            count += 1;
            let outcome = run_case(domain, &file, case);
            if let Some(answer) = ANSWER.with(|a| a.borrow_mut().take()) {
                answers.insert(format!("{name}#{index}"), answer);
            }
            if let Err(why) = outcome {
                let label = case
                    .get("description")
                    .or(case.get("text"))
                    .or(case.get("expression"));
                failures.push(format!("{name}: {}: {why}", label.unwrap_or(&Value::Null)));
            }
        }
    }
    assert!(count > 0, "no fixture cases ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    #[cfg(not(target_arch = "wasm32"))]
    {
        let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("fixture-answers.json");
        std::fs::write(&path, Value::Object(answers).to_string()).unwrap();
    }
    #[cfg(target_arch = "wasm32")]
    drop(answers);
}

/// Fails only when built with `SUBKIT_CANARY` set: scripts/test.sh builds it that way
/// once to prove that a failing test fails the wasm runs (a browser run that silently
/// executes nothing would pass).
#[test]
fn canary() {
    assert!(
        option_env!("SUBKIT_CANARY").is_none(),
        "canary: this failure is expected"
    );
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn listed_fixtures_are_all_the_files() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut on_disk = Vec::new();
    for domain in std::fs::read_dir(&root).unwrap() {
        let domain = domain.unwrap().path();
        for file in std::fs::read_dir(&domain).unwrap() {
            let file = file.unwrap().path();
            let rel = file
                .strip_prefix(&root)
                .unwrap()
                .to_string_lossy()
                .into_owned();
            on_disk.push(rel);
        }
    }
    on_disk.sort();
    let mut listed: Vec<String> = FIXTURES.iter().map(|(n, _)| n.to_string()).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

/// Every entry point answers alike for a parsed value, JSON text and bytes: each
/// document and input of the vendor fixtures, through each form.
#[test]
fn values_text_and_bytes_answer_alike() {
    let mut checked = 0;
    for (name, text) in FIXTURES {
        let file: Value = serde_json::from_str(text).unwrap();
        for case in file["cases"].as_array().unwrap() {
            if let Some(resource) = file.get("resource").and_then(Value::as_str) {
                let resource: Resource = resource.parse().unwrap();
                let update = file.get("operation") == Some(&json!("update"));
                let id = case["id"].as_str().unwrap_or("x");
                if let Some(doc) = case.get("document") {
                    let text = doc.to_string();
                    if update {
                        let c = Context::default();
                        let value = resource.validate_update(doc, id, &c);
                        assert_eq!(
                            value,
                            resource.validate_update_json(&text, id, &c),
                            "{name}"
                        );
                        assert_eq!(
                            value,
                            resource.validate_update_bytes(text.as_bytes(), id, &c)
                        );
                    } else {
                        let c = Context::default();
                        let value = resource.validate_with(doc, &c);
                        assert_eq!(value, resource.validate_json_with(&text, &c), "{name}");
                        assert_eq!(value, resource.validate_bytes_with(text.as_bytes(), &c));
                    }
                    checked += 1;
                }
                if let Some(input) = case.get("input") {
                    let text = input.to_string();
                    if update {
                        let c = Context::default();
                        let value = resource.build_update(input, id, &c);
                        assert_eq!(value, resource.build_update_json(&text, id, &c), "{name}");
                        assert_eq!(value, resource.build_update_bytes(text.as_bytes(), id, &c));
                    } else {
                        let o = BuildOptions::default();
                        let value = resource.build_with(input, &o);
                        assert_eq!(value, resource.build_json_with(&text, &o), "{name}");
                        assert_eq!(value, resource.build_bytes_with(text.as_bytes(), &o));
                        assert_eq!(resource.build(input), resource.build_json(&text));
                        assert_eq!(resource.build(input), resource.build_bytes(text.as_bytes()));
                    }
                    checked += 1;
                }
            } else if name.starts_with("adobe/") {
                if let Some(request) = case.get("request") {
                    let text = request.to_string();
                    if file["endpoint"] == "update" {
                        let c = adobe_update_context(case);
                        let value = validate_subscription_update(request, &c);
                        let bytes =
                            subkit::adobe::validate_subscription_update_bytes(text.as_bytes(), &c);
                        assert_eq!(format!("{value:?}"), format!("{bytes:?}"), "{name}");
                    } else {
                        let c = adobe_context(case);
                        let value = validate_subscription_request(request, &c);
                        let bytes =
                            subkit::adobe::validate_subscription_request_bytes(text.as_bytes(), &c);
                        assert_eq!(format!("{value:?}"), format!("{bytes:?}"), "{name}");
                    }
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 100, "{checked} cases");
    // Text that is not JSON is one violation, whichever entry point reads it.
    let bad = Resource::OrderSubscriptions.build_json("{").unwrap_err();
    assert_eq!((bad.len(), bad[0].pointer.as_str()), (1, ""));
}

/// The text builders answer as the builders' rules restated over values
/// (tests/support/flat_reference.rs): for each input of the Commerce Layer fixtures (and
/// the flat form of each document, and each raw text), with and without the case's
/// context and defaults, the same document text or the same violations; a request's body
/// is that text.
#[test]
fn text_builders_answer_as_the_value_route() {
    let options = RequestOptions {
        organization: Some("yourdomain"),
        access_token: Some("t"),
        ..Default::default()
    };
    let mut checked = 0;
    for (name, text) in FIXTURES {
        let file: Value = serde_json::from_str(text).unwrap();
        let Some(resource) = file.get("resource").and_then(Value::as_str) else {
            continue;
        };
        let resource: Resource = resource.parse().unwrap();
        let update = file.get("operation") == Some(&json!("update"));
        for case in file["cases"].as_array().unwrap() {
            let Some(input) = flat_input(case) else {
                continue;
            };
            let id = case["id"].as_str().unwrap_or("x");
            let op = if update {
                Operation::Update { id }
            } else {
                Operation::Create
            };
            let offered: Option<Vec<String>> = case
                .pointer("/context/subscriptionModelFrequencies")
                .map(|v| serde_json::from_value(v.clone()).unwrap());
            let given = Context {
                model_frequencies: offered.as_deref(),
                current: Current {
                    status: case.pointer("/current/status").and_then(Value::as_str),
                    starts_at: case.pointer("/current/starts_at").and_then(Value::as_str),
                },
            };
            for context in [Context::default(), given] {
                for with_defaults in [false, !update] {
                    let build = BuildOptions {
                        with_defaults,
                        context,
                    };
                    let want = reference_build(resource, input.as_bytes(), op, &build);
                    let got = text_build(resource, input.as_bytes(), op, &build);
                    assert_eq!(got, want, "{name}: {input}");
                    let request = if update {
                        build_update_request_bytes(
                            resource,
                            id,
                            input.as_bytes(),
                            &options,
                            &context,
                        )
                    } else {
                        build_request_bytes(resource, input.as_bytes(), &options, &build)
                    };
                    assert_eq!(request.map(|r| r.body), want, "{name}: {input}");
                    checked += 1;
                }
            }
        }
    }
    assert!(checked > 500, "{checked} builds");
}

/// A case's flat input as text: its `input`, the flat form of its `document` (the
/// attributes, the `id`, and each relationship's `data`), or its raw `text`.
fn flat_input(case: &Value) -> Option<String> {
    if let Some(input) = case.get("input") {
        return Some(input.to_string());
    }
    if let Some(text) = case.get("text").and_then(Value::as_str) {
        return Some(text.to_owned());
    }
    let data = case.pointer("/document/data")?.as_object()?;
    let mut flat = serde_json::Map::new();
    if let Some(id) = data.get("id") {
        flat.insert("id".to_owned(), id.clone());
    }
    if let Some(attributes) = data.get("attributes").and_then(Value::as_object) {
        flat.extend(attributes.clone());
    }
    if let Some(relationships) = data.get("relationships").and_then(Value::as_object) {
        for (name, rel) in relationships {
            let linkage = rel.get("data").unwrap_or(rel);
            flat.insert(name.clone(), linkage.clone());
        }
    }
    Some(Value::Object(flat).to_string())
}
