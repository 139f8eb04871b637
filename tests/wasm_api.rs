//! The JS-facing functions of `src/wasm/`, called with the values pkg/args.js hands
//! them (a resource index, documents as text, bytes or a fault's number, options read
//! into plain values). Runs under wasm-bindgen-test in Node and in headless Chromium.
//! How JS reads the caller's values, and the TypeErrors of misuse, are pkg/read.js's
//! and pkg/args.js's, tested by tests/js/arguments.test.mjs and its neighbours.
#![cfg(target_arch = "wasm32")]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing
)]

use js_sys::{Array, Object, Reflect, Uint8Array, JSON};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test;

use subkit::commercelayer::jsonapi_errors::{ErrorCode, TEXTS};

const SEED_001: &str = r#"{"data":{"type":"customer_subscriptions","attributes":{"customer_email":"john@example.com","reference":"ANY-EXTERNAL-REFEFERNCE"}}}"#;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// The index of `customer_subscriptions` in `Resource::ALL`, as pkg/args.js sends it.
fn name() -> u32 {
    index("customer_subscriptions")
}

fn index(resource: &str) -> u32 {
    subkit::commercelayer::Resource::ALL
        .iter()
        .position(|r| r.name() == resource)
        .unwrap() as u32
}

fn text(json: &str) -> JsValue {
    JsValue::from_str(json)
}

/// `_commerceLayer(function, resource, …)` as pkg/args.js calls it for a create: the
/// document or input, and the request's target (`baseUrl`, `organization`,
/// `accessToken`).
fn commerce_layer(
    function: &str,
    resource: u32,
    doc: JsValue,
    target: [Option<&str>; 3],
) -> Result<JsValue, JsValue> {
    let [base_url, organization, access_token] = target.map(|t| t.map(str::to_owned));
    subkit::wasm::commerce_layer(
        function,
        resource,
        None,
        doc,
        None,
        false,
        None,
        None,
        base_url,
        organization,
        access_token,
    )
}

/// `_frequency("parseFrequency", text)`, with no start.
fn parse(frequency: &str) -> JsValue {
    let none = || JsValue::UNDEFINED;
    subkit::wasm::frequency_family(
        "parseFrequency",
        frequency,
        none(),
        none(),
        none(),
        None,
        false,
    )
    .unwrap()
}

fn validate_resource(resource: u32, doc: JsValue) -> Result<JsValue, JsValue> {
    commerce_layer("validateResource", resource, doc, [None; 3])
}

/// The answer's compact records (src/wasm/results.rs `Record`), which pkg/render.js
/// writes out as error objects.
fn records(out: &JsValue) -> Array {
    Array::from(&get(out, "errors"))
}

/// Record `i`'s pointer and Commerce Layer code.
fn pointer_and_code(out: &JsValue, i: u32) -> (String, &'static str) {
    let record = Array::from(&records(out).get(i));
    let code = record.get(4).as_f64().unwrap() as usize;
    (
        record.get(1).as_string().unwrap(),
        ErrorCode::ALL[code].as_str(),
    )
}

/// Record `i`'s English, filled as pkg/render.js fills it.
fn english(out: &JsValue, i: u32) -> String {
    let record = Array::from(&records(out).get(i));
    let params = JSON::stringify(&record.get(2))
        .unwrap()
        .as_string()
        .unwrap();
    let params: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&params).unwrap();
    let template = subkit::words::english_template(record.get(3).as_f64().unwrap() as usize);
    // The params as the typed values `fill_params` takes (the module has no
    // `serde_json::Value`): lists of strings and of whole numbers kept alongside.
    use serde_json::Value;
    use subkit::words::Param;
    let strings: Vec<Vec<String>> = params
        .values()
        .map(|v| match v {
            Value::Array(items) => items
                .iter()
                .filter_map(|i| i.as_str().map(str::to_owned))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let numbers: Vec<Vec<u32>> = params
        .values()
        .map(|v| match v {
            Value::Array(items) => items
                .iter()
                .filter_map(|i| i.as_u64().map(|n| n as u32))
                .collect(),
            _ => Vec::new(),
        })
        .collect();
    let typed: Vec<(&str, Param)> = params
        .iter()
        .zip(strings.iter().zip(&numbers))
        .map(|((k, v), (s, n))| {
            let p = match v {
                Value::Null => Param::Null,
                Value::Bool(b) => Param::Bool(*b),
                Value::String(t) => Param::Str(t),
                // A rule's reason is its sentence's index in words::REASONS, as
                // pkg/render.js reads it.
                Value::Number(x) if k == "reason" => {
                    Param::Reason(subkit::words::Reason::at(x.as_u64().unwrap() as usize).unwrap())
                }
                Value::Number(x) => x
                    .as_u64()
                    .map_or(Param::Int(x.as_i64().unwrap()), Param::Whole),
                Value::Array(_) if !n.is_empty() => Param::Numbers(n),
                Value::Array(_) => Param::Strings(s),
                Value::Object(_) => panic!("no rule has an object param"),
            };
            (k.as_str(), p)
        })
        .collect();
    subkit::words::fill_params(template, &typed, &[])
}

#[wasm_bindgen_test]
fn validates_json_text() {
    let out = validate_resource(name(), text(SEED_001)).unwrap();
    assert_eq!(records(&out).length(), 0);
}

#[wasm_bindgen_test]
fn validates_utf8_bytes() {
    let bytes = Uint8Array::from(SEED_001.as_bytes());
    let out = validate_resource(name(), bytes.into()).unwrap();
    assert_eq!(records(&out).length(), 0);
}

#[wasm_bindgen_test]
fn errors_are_records_with_pointer_code_and_plain_params() {
    let doc = text(&SEED_001.replace("\"john@example.com\"", "42"));
    let out = validate_resource(name(), doc).unwrap();
    assert_eq!(records(&out).length(), 1);
    let (pointer, code) = pointer_and_code(&out, 0);
    assert_eq!(pointer, "/data/attributes/customer_email");
    assert_eq!(code, "VALIDATION_ERROR");
    let params = Array::from(&records(&out).get(0)).get(2);
    // A plain object, not a Map: its prototype is Object.prototype.
    assert!(params.is_instance_of::<Object>() && !params.is_instance_of::<js_sys::Map>());
    assert_eq!(english(&out, 0), "expected string, found number");
}

#[wasm_bindgen_test]
fn invalid_json_text_is_a_violation_not_a_throw() {
    let out = validate_resource(name(), text("{nope")).unwrap();
    assert_eq!(pointer_and_code(&out, 0), (String::new(), "BAD_REQUEST"));
}

#[wasm_bindgen_test]
fn the_faults_js_finds_before_the_copy_are_answers() {
    // -1: text with a lone surrogate, which pkg/args.js keeps out of wasm memory.
    let out = validate_resource(name(), JsValue::from(-1)).unwrap();
    assert_eq!(pointer_and_code(&out, 0), (String::new(), "BAD_REQUEST"));
    let rule = Array::from(&records(&out).get(0)).get(0).as_string();
    assert_eq!(rule.as_deref(), Some("invalid_json"));
    // A size over the limit: too_large, with that size.
    let size = (subkit::json::MAX_INPUT_BYTES + 1) as f64;
    let out = validate_resource(name(), JsValue::from(size)).unwrap();
    let record = Array::from(&records(&out).get(0));
    assert_eq!(record.get(0).as_string().as_deref(), Some("too_large"));
    assert_eq!(get(&record.get(2), "size").as_f64(), Some(size));
    // A forwarded body's fault is under /body.
    let out = subkit::wasm::adobe_family(
        "adobeBodyRequest",
        JsValue::from(-1),
        text("{}"),
        None,
        None,
        0,
        None,
        None,
        None,
        None,
        false,
        None,
        None,
        None,
        None,
        None,
    )
    .unwrap();
    let record = Array::from(&records(&out).get(0));
    assert_eq!(record.get(1).as_string().as_deref(), Some("/body"));
}

#[wasm_bindgen_test]
fn builds_from_flat_input() {
    let input =
        text(r#"{"customer_email":"john@example.com","reference":"ANY-EXTERNAL-REFEFERNCE"}"#);
    let out = commerce_layer("buildResource", name(), input, [None; 3]).unwrap();
    assert_eq!(records(&out).length(), 0);
    let doc = get(&out, "document");
    assert_eq!(
        JSON::stringify(&doc).unwrap().as_string().unwrap(),
        SEED_001
    );
    let bad = commerce_layer("buildResource", name(), text("{}"), [None; 3]).unwrap();
    assert!(get(&bad, "document").is_null());
    assert_eq!(records(&bad).length(), 2);
}

/// `nextRuns` with the options pkg/args.js reads from `pairs` (`startsAt`, `after`,
/// `expiresAt`, `count`), runs as ISO strings or, with `epoch_ms`, epoch milliseconds.
fn runs(frequency: &str, pairs: &[(&str, JsValue)], epoch_ms: bool) -> Result<JsValue, JsValue> {
    let option = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| *k == name)
            .map_or(JsValue::UNDEFINED, |(_, v)| v.clone())
    };
    subkit::wasm::frequency_family(
        "nextRuns",
        frequency,
        option("startsAt"),
        option("after"),
        option("expiresAt"),
        option("count").as_f64(),
        epoch_ms,
    )
}

#[wasm_bindgen_test]
fn next_runs_reads_millis_and_strings() {
    let expected = r#"["2018-01-31T12:00:00.000Z","2018-02-28T12:00:00.000Z"]"#;
    // 1517400000000 ms is 2018-01-31T12:00:00Z.
    let starts = [
        JsValue::from_str("2018-01-31T12:00:00.000Z"),
        JsValue::from_f64(1_517_400_000_000.0),
    ];
    for start in starts {
        let out = runs(
            "monthly",
            &[("startsAt", start), ("count", JsValue::from(2))],
            false,
        )
        .unwrap();
        assert_eq!(get(&out, "valid"), JsValue::TRUE);
        let runs = JSON::stringify(&get(&out, "runs"))
            .unwrap()
            .as_string()
            .unwrap();
        assert_eq!(runs, expected);
    }
}

#[wasm_bindgen_test]
fn next_runs_bad_values_are_results() {
    let out = runs(
        "monthly",
        &[("startsAt", JsValue::from_f64(f64::NAN))],
        false,
    )
    .unwrap();
    assert_eq!(get(&out, "valid"), JsValue::FALSE);
}

#[wasm_bindgen_test]
fn parse_frequency_reports_commerce_layer_verdict() {
    let out = parse("*/5 * * * *");
    assert_eq!(get(&out, "valid"), JsValue::TRUE);
    let cl = get(&out, "commerceLayer");
    assert_eq!(get(&cl, "valid"), JsValue::FALSE);
    let e = Array::from(&get(&cl, "errors")).get(0);
    assert_eq!(get(&e, "code").as_string().as_deref(), Some("sub_hourly"));
    let span = Array::from(&get(&e, "span"));
    assert_eq!(
        (span.get(0).as_f64(), span.get(1).as_f64()),
        (Some(0.0), Some(3.0))
    );
}

#[wasm_bindgen_test]
fn build_request_gives_fetch_ready_plain_objects() {
    let input = text(
        r#"{"frequency":"monthly","starts_at":"2018-01-01T12:00:00.000Z","source_order":"QWERtyUpBa"}"#,
    );
    let target = [None, Some("yourdomain"), Some("your-access-token")];
    let out = commerce_layer("buildRequest", index("order_subscriptions"), input, target).unwrap();
    assert_eq!(records(&out).length(), 0);
    let request = get(&out, "request");
    assert_eq!(get(&request, "method").as_string().as_deref(), Some("POST"));
    assert_eq!(
        get(&request, "url").as_string().as_deref(),
        Some("https://yourdomain.commercelayer.io/api/order_subscriptions")
    );
    let headers = get(&request, "headers");
    assert!(!headers.is_instance_of::<js_sys::Map>());
    assert_eq!(
        get(&headers, "Authorization").as_string().as_deref(),
        Some("Bearer your-access-token")
    );
    assert_eq!(
        get(&headers, "Content-Type").as_string().as_deref(),
        Some("application/vnd.api+json")
    );
}

#[wasm_bindgen_test]
fn build_request_errors_never_carry_the_token() {
    let target = [None, None, Some("tok en-SECRET")];
    let out = commerce_layer("buildRequest", name(), text("{}"), target).unwrap();
    assert!(records(&out).length() > 0);
    assert!(get(&out, "request").is_null());
    let text = JSON::stringify(&out).unwrap().as_string().unwrap();
    assert!(!text.contains("SECRET"), "{text}");
    assert!(text.contains("/options/accessToken") && text.contains("/options/baseUrl"));
}

#[wasm_bindgen_test]
fn a_frequency_error_keeps_the_servers_title_and_says_why_in_meta() {
    let doc = text(
        r#"{"data":{"type":"order_subscriptions","attributes":{"frequency":"*/5 * * * *"},"relationships":{"source_order":{"data":{"type":"orders","id":"QWERtyUpBa"}}}}}"#,
    );
    let out = validate_resource(index("order_subscriptions"), doc).unwrap();
    let record = Array::from(&records(&out).get(0));
    let text = record.get(5).as_f64().unwrap() as usize;
    assert_eq!(TEXTS[text].1.title, "is invalid");
    // The engine's message as the words that write it (pkg/render.js fills them): the
    // very words parseFrequency gives for the same frequency, and the engine's own.
    let words = JSON::stringify(&record.get(6))
        .unwrap()
        .as_string()
        .unwrap();
    let parsed = parse("*/5 * * * *");
    let cl = Array::from(&get(&get(&parsed, "commerceLayer"), "errors")).get(0);
    let parsed_words = JSON::stringify(&get(&cl, "message"))
        .unwrap()
        .as_string()
        .unwrap();
    assert_eq!(parsed_words, words);
    let error = subkit::schedule::Frequency::parse("*/5 * * * *")
        .unwrap()
        .commerce_layer_check()
        .unwrap_err();
    assert_eq!(words, serde_json::to_string(&error.words()).unwrap());
}

#[wasm_bindgen_test]
fn a_base_url_with_a_path_is_a_400_that_says_so() {
    let input = text(r#"{"customer_email":"john@example.com","reference":"R1"}"#);
    let target = [Some("https://x.commercelayer.io/api"), None, Some("t")];
    let out = commerce_layer("buildRequest", name(), input, target).unwrap();
    let (pointer, code) = pointer_and_code(&out, 0);
    assert_eq!(
        (pointer.as_str(), code),
        ("/options/baseUrl", "BAD_REQUEST")
    );
    let detail = english(&out, 0);
    assert!(
        detail.contains("origin") && detail.contains("path"),
        "{detail}"
    );
}

/// `nextRuns(frequency, options)` with the `format` option.
fn runs_with_format(frequency: &str, pairs: &[(&str, JsValue)], format: &str) -> JsValue {
    runs(frequency, pairs, format == "epochMs").unwrap()
}

/// `Date.parse` of each ISO string, the engine's reading of them.
fn date_parse_all(runs: &JsValue) -> Vec<f64> {
    Array::from(runs)
        .iter()
        .map(|r| js_sys::Date::parse(&r.as_string().unwrap()))
        .collect()
}

#[wasm_bindgen_test]
fn epoch_ms_are_the_iso_strings_as_the_engine_reads_them() {
    let after = JsValue::from_str("2024-01-01T00:00:00Z");
    let cases: Vec<(&str, Vec<(&str, JsValue)>)> = vec![
        (
            "monthly",
            vec![
                ("startsAt", JsValue::from_str("2024-01-31T09:00:00Z")),
                ("count", JsValue::from(12)),
            ],
        ),
        (
            "yearly",
            vec![
                ("startsAt", JsValue::from_str("2024-02-29T00:00:00Z")),
                ("count", JsValue::from(9)),
            ],
        ),
        (
            "hourly",
            vec![
                ("startsAt", JsValue::from_str("2024-03-30T22:30:00+02:00")),
                ("after", JsValue::from_str("2024-03-31T01:00:00Z")),
                ("count", JsValue::from(1000)),
            ],
        ),
        (
            "0 9 * * 1-5",
            vec![("after", after.clone()), ("count", JsValue::from(1000))],
        ),
        (
            "0 0 29 2 *",
            vec![("after", after.clone()), ("count", JsValue::from(1000))],
        ),
        (
            "*/15 9-17 * * MON-FRI",
            vec![
                ("after", after.clone()),
                ("expiresAt", JsValue::from_str("2024-01-03T12:00:00Z")),
                ("count", JsValue::from(1000)),
            ],
        ),
    ];
    for (frequency, pairs) in cases {
        let iso = runs_with_format(frequency, &pairs, "iso");
        let ms = runs_with_format(frequency, &pairs, "epochMs");
        assert_eq!(get(&iso, "valid"), JsValue::TRUE, "{frequency}");
        assert_eq!(get(&ms, "valid"), JsValue::TRUE, "{frequency}");
        let runs: js_sys::Float64Array = get(&ms, "runs").dyn_into().unwrap();
        let expected = date_parse_all(&get(&iso, "runs"));
        assert!(!expected.is_empty(), "{frequency}");
        assert_eq!(runs.to_vec(), expected, "{frequency}");
        assert_eq!(Array::from(&get(&ms, "errors")).length(), 0);
    }
    let iso = runs_with_format(
        "monthly",
        &[("startsAt", JsValue::from_str("2024-01-31T09:00:00Z"))],
        "iso",
    );
    // Checked by hand: 2024-01-31T09:00:00Z is Date.UTC(2024, 0, 31, 9).
    assert_eq!(date_parse_all(&get(&iso, "runs"))[0], 1_706_691_600_000.0);
}

#[wasm_bindgen_test]
fn epoch_ms_errors_are_the_iso_errors_with_an_empty_array() {
    let cases: Vec<(&str, Vec<(&str, JsValue)>)> = vec![
        (
            "montly",
            vec![("startsAt", JsValue::from_str("2024-01-01"))],
        ),
        ("0 9 * * 1-5", vec![]),
        (
            "monthly",
            vec![
                ("startsAt", JsValue::from_str("2024-01-01")),
                ("count", JsValue::from(1001)),
            ],
        ),
        (
            "monthly",
            vec![("startsAt", JsValue::from_str("yesterday"))],
        ),
        (
            "0 0 1 1 *",
            vec![
                ("after", JsValue::from_str("9999-01-01T00:00:00Z")),
                ("count", JsValue::from(1)),
            ],
        ),
    ];
    for (frequency, pairs) in cases {
        let iso = runs_with_format(frequency, &pairs, "iso");
        let ms = runs_with_format(frequency, &pairs, "epochMs");
        assert_eq!(get(&ms, "valid"), JsValue::FALSE, "{frequency}");
        assert_eq!(
            JSON::stringify(&get(&ms, "errors")).unwrap(),
            JSON::stringify(&get(&iso, "errors")).unwrap(),
            "{frequency}"
        );
        let runs: js_sys::Float64Array = get(&ms, "runs").dyn_into().unwrap();
        assert_eq!(runs.length(), 0, "{frequency}");
    }
    // An expiry before the first run is an answer with no runs, not an error.
    let ms = runs_with_format(
        "0 0 1 1 *",
        &[
            ("after", JsValue::from_str("9999-01-01T00:00:00Z")),
            ("expiresAt", JsValue::from_str("9999-01-02T00:00:00Z")),
        ],
        "epochMs",
    );
    assert_eq!(get(&ms, "valid"), JsValue::TRUE);
    let runs: js_sys::Float64Array = get(&ms, "runs").dyn_into().unwrap();
    assert_eq!(runs.length(), 0);
}

#[wasm_bindgen_test]
fn epoch_ms_are_a_copy_that_later_calls_leave_alone() {
    let pairs = [
        ("after", JsValue::from_str("2024-01-01T00:00:00Z")),
        ("count", JsValue::from(1000)),
    ];
    let first = runs_with_format("0 9 * * 1-5", &pairs, "epochMs");
    let runs: js_sys::Float64Array = get(&first, "runs").dyn_into().unwrap();
    let kept = runs.to_vec();
    // Not a view into wasm memory: its own buffer, exactly its size.
    let memory: js_sys::WebAssembly::Memory = wasm_bindgen::memory().dyn_into().unwrap();
    assert!(!JsValue::from(runs.buffer()).loose_eq(&memory.buffer()));
    assert_eq!(runs.byte_offset(), 0);
    assert_eq!(runs.buffer().byte_length(), 1000 * 8);
    // Other calls write other runs where the first ones were, and grow the memory.
    for frequency in ["0 0 29 2 *", "*/15 9-17 * * MON-FRI", "monthly"] {
        let mut with = pairs.to_vec();
        with.push(("startsAt", JsValue::from_str("2030-05-05T05:05:05Z")));
        let _ = runs_with_format(frequency, &with, "epochMs");
    }
    let _ = memory.grow(1);
    assert_eq!(runs.to_vec(), kept);
    assert_eq!(runs.length(), 1000);
}

#[wasm_bindgen_test]
fn each_family_calls_its_functions_by_name() {
    let out = commerce_layer("validateResource", name(), text(SEED_001), [None; 3]).unwrap();
    assert_eq!(records(&out).length(), 0);
    let out = subkit::wasm::frequency_family(
        "nextRuns",
        "monthly",
        text("2018-01-31T12:00:00.000Z"),
        JsValue::UNDEFINED,
        JsValue::UNDEFINED,
        Some(1.0),
        false,
    )
    .unwrap();
    let runs = JSON::stringify(&get(&out, "runs")).unwrap();
    assert_eq!(runs, r#"["2018-01-31T12:00:00.000Z"]"#);
}
