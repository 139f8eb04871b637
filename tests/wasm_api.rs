//! The JS-facing functions of `src/wasm/`, called with real JS values. Runs under
//! wasm-bindgen-test in Node and in headless Chromium.
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
use subkit::wasm::{build_resource, validate_resource};

const SEED_001: &str = r#"{"data":{"type":"customer_subscriptions","attributes":{"customer_email":"john@example.com","reference":"ANY-EXTERNAL-REFEFERNCE"}}}"#;

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

fn name() -> JsValue {
    JsValue::from_str("customer_subscriptions")
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
fn validates_a_js_object() {
    let doc = JSON::parse(SEED_001).unwrap();
    let out = validate_resource(name(), doc, JsValue::UNDEFINED).unwrap();
    assert_eq!(records(&out).length(), 0);
}

#[wasm_bindgen_test]
fn validates_json_text_and_utf8_bytes() {
    let text = validate_resource(name(), JsValue::from_str(SEED_001), JsValue::UNDEFINED).unwrap();
    assert_eq!(records(&text).length(), 0);
    let bytes = Uint8Array::from(SEED_001.as_bytes());
    let out = validate_resource(name(), bytes.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(records(&out).length(), 0);
}

#[wasm_bindgen_test]
fn errors_are_records_with_pointer_code_and_plain_params() {
    let doc = JSON::parse(&SEED_001.replace("\"john@example.com\"", "42")).unwrap();
    let out = validate_resource(name(), doc, JsValue::UNDEFINED).unwrap();
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
    let out = validate_resource(name(), JsValue::from_str("{nope"), JsValue::UNDEFINED).unwrap();
    assert_eq!(pointer_and_code(&out, 0), (String::new(), "BAD_REQUEST"));
}

#[wasm_bindgen_test]
fn unknown_resource_throws_type_error_listing_known_ones() {
    let err = validate_resource(
        JsValue::from_str("orders"),
        JsValue::NULL,
        JsValue::UNDEFINED,
    )
    .unwrap_err();
    let err: js_sys::Error = err.dyn_into().unwrap();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    let message = String::from(err.message());
    assert!(message.contains("customer_subscriptions"), "{message}");
}

#[wasm_bindgen_test]
fn non_string_resource_and_cyclic_document_throw_type_errors() {
    let err = validate_resource(JsValue::from(3), JsValue::NULL, JsValue::UNDEFINED).unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    let cyclic = Object::new();
    Reflect::set(&cyclic, &JsValue::from_str("self"), &cyclic).unwrap();
    let err = validate_resource(name(), cyclic.into(), JsValue::UNDEFINED).unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>());
}

#[wasm_bindgen_test]
fn builds_from_flat_input() {
    let input = JSON::parse(
        r#"{"customer_email":"john@example.com","reference":"ANY-EXTERNAL-REFEFERNCE"}"#,
    )
    .unwrap();
    let out = build_resource(name(), input, JsValue::UNDEFINED).unwrap();
    assert_eq!(records(&out).length(), 0);
    let doc = get(&out, "document");
    assert_eq!(
        JSON::stringify(&doc).unwrap().as_string().unwrap(),
        SEED_001
    );
    let bad = build_resource(name(), Object::new().into(), JsValue::UNDEFINED).unwrap();
    assert!(get(&bad, "document").is_null());
    assert_eq!(records(&bad).length(), 2);
}

fn options(pairs: &[(&str, JsValue)]) -> JsValue {
    let o = Object::new();
    for (k, v) in pairs {
        Reflect::set(&o, &JsValue::from_str(k), v).unwrap();
    }
    o.into()
}

#[wasm_bindgen_test]
fn next_runs_reads_dates_millis_and_strings() {
    let expected = r#"["2018-01-31T12:00:00.000Z","2018-02-28T12:00:00.000Z"]"#;
    // 1517400000000 ms is 2018-01-31T12:00:00Z.
    let starts = [
        JsValue::from_str("2018-01-31T12:00:00.000Z"),
        js_sys::Date::new(&JsValue::from_f64(1_517_400_000_000.0)).into(),
        JsValue::from_f64(1_517_400_000_000.0),
    ];
    for start in starts {
        let out = subkit::wasm::next_runs(
            JsValue::from_str("monthly"),
            options(&[("startsAt", start), ("count", JsValue::from(2))]),
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
fn next_runs_misuse_throws_and_bad_values_are_results() {
    let err = subkit::wasm::next_runs(
        JsValue::from_str("monthly"),
        options(&[("startsAt", JsValue::TRUE)]),
    )
    .unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>());
    let out = subkit::wasm::next_runs(
        JsValue::from_str("monthly"),
        options(&[("startsAt", JsValue::from_f64(f64::NAN))]),
    )
    .unwrap();
    assert_eq!(get(&out, "valid"), JsValue::FALSE);
}

#[wasm_bindgen_test]
fn parse_frequency_reports_commerce_layer_verdict() {
    let out = subkit::wasm::parse_frequency(JsValue::from_str("*/5 * * * *"), JsValue::UNDEFINED)
        .unwrap();
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
    let input = JSON::parse(r#"{"frequency":"monthly","starts_at":"2018-01-01T12:00:00.000Z","source_order":"QWERtyUpBa"}"#).unwrap();
    let opts = options(&[
        ("organization", JsValue::from_str("yourdomain")),
        ("accessToken", JsValue::from_str("your-access-token")),
    ]);
    let out =
        subkit::wasm::build_request(JsValue::from_str("order_subscriptions"), input, opts).unwrap();
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
    let opts = options(&[("accessToken", JsValue::from_str("tok en-SECRET"))]);
    let out = subkit::wasm::build_request(
        JsValue::from_str("customer_subscriptions"),
        Object::new().into(),
        opts,
    )
    .unwrap();
    assert!(records(&out).length() > 0);
    assert!(get(&out, "request").is_null());
    let text = JSON::stringify(&out).unwrap().as_string().unwrap();
    assert!(!text.contains("SECRET"), "{text}");
    assert!(text.contains("/options/accessToken") && text.contains("/options/baseUrl"));
}

fn type_error_message(result: Result<JsValue, JsValue>) -> String {
    let err = result.unwrap_err();
    assert!(err.is_instance_of::<js_sys::TypeError>(), "{err:?}");
    String::from(err.dyn_into::<js_sys::Error>().unwrap().message())
}

/// `new globalThis[name](...args)`.
fn construct(name: &str, args: &[JsValue]) -> JsValue {
    let ctor = Reflect::get(&js_sys::global(), &JsValue::from_str(name)).unwrap();
    let list = Array::new();
    for a in args {
        list.push(a);
    }
    let ctor: js_sys::Function = ctor.dyn_into().unwrap();
    Reflect::construct(&ctor, &list).unwrap()
}

#[wasm_bindgen_test]
fn reads_array_buffers_and_every_view_as_utf8_bytes() {
    // The seed's body, inside a buffer with 3 bytes before it and 5 after, so a view
    // that ignored byteOffset or byteLength would read braces of junk.
    let padded = format!("xyz{SEED_001}     ");
    let bytes = Uint8Array::from(padded.as_bytes());
    let buffer = bytes.buffer();
    let len = SEED_001.len() as f64;
    let exact = Uint8Array::from(SEED_001.as_bytes()).buffer();
    let mut inputs: Vec<JsValue> = vec![
        exact.clone().into(),
        construct("DataView", &[buffer.clone().into(), 3.into(), len.into()]),
        bytes.subarray(3, 3 + SEED_001.len() as u32).into(),
    ];
    // Typed arrays of other element types see the same bytes; spaces pad the text to
    // a whole number of 8-byte elements.
    let tail = " ".repeat(8 - SEED_001.len() % 8);
    let aligned = Uint8Array::from(format!("{SEED_001}{tail}").as_bytes()).buffer();
    for name in [
        "Int8Array",
        "Uint16Array",
        "Int32Array",
        "Float64Array",
        "BigUint64Array",
    ] {
        inputs.push(construct(name, &[aligned.clone().into()]));
    }
    for input in inputs {
        let out = validate_resource(name(), input.clone(), JsValue::UNDEFINED).unwrap();
        assert_eq!(records(&out).length(), 0, "{input:?}: {out:?}");
    }
    // The same for buildResource's input.
    let flat = r#"{"customer_email":"john@example.com","reference":"ANY-EXTERNAL-REFEFERNCE"}"#;
    let flat_buffer = Uint8Array::from(flat.as_bytes()).buffer();
    let out = build_resource(name(), flat_buffer.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(records(&out).length(), 0);
    // An empty buffer is empty text: not JSON, a 400 at "".
    let out = validate_resource(
        name(),
        js_sys::ArrayBuffer::new(0).into(),
        JsValue::UNDEFINED,
    )
    .unwrap();
    assert_eq!(pointer_and_code(&out, 0), (String::new(), "BAD_REQUEST"));
}

#[wasm_bindgen_test]
fn objects_json_stringify_misreads_are_type_errors_naming_them() {
    let date: JsValue = js_sys::Date::new(&JsValue::from_f64(0.0)).into();
    let blob = construct("Blob", &[Array::of1(&JsValue::from_str(SEED_001)).into()]);
    for (value, named) in [
        (js_sys::Map::new().into(), "Map"),
        (js_sys::Set::new(&JsValue::UNDEFINED).into(), "Set"),
        (date, "Date"),
        (blob, "Blob"),
        (js_sys::RegExp::new("x", "").into(), "RegExp"),
    ] {
        let message =
            type_error_message(validate_resource(name(), value.clone(), JsValue::UNDEFINED));
        assert!(message.contains(named), "{message}");
        assert!(
            message.contains("plain object") && message.contains("ArrayBuffer"),
            "{message}"
        );
        let message = type_error_message(build_resource(name(), value, JsValue::UNDEFINED));
        assert!(message.starts_with("input "), "{message}");
    }
    // Node 18+ and browsers have Response; its body has to be read first.
    if Reflect::has(&js_sys::global(), &JsValue::from_str("Response")).unwrap() {
        let response = construct("Response", &[JsValue::from_str(SEED_001)]);
        let message = type_error_message(validate_resource(name(), response, JsValue::UNDEFINED));
        assert!(
            message.contains("Response") && message.contains("arrayBuffer"),
            "{message}"
        );
    }
    // A class instance: its prototype is not Object.prototype.
    let proto = Object::new();
    let instance = Object::create(&proto);
    let message = type_error_message(validate_resource(
        name(),
        instance.into(),
        JsValue::UNDEFINED,
    ));
    assert!(message.contains("plain object"), "{message}");
}

#[wasm_bindgen_test]
fn null_prototype_objects_and_to_json_are_read() {
    let doc = JSON::parse(SEED_001).unwrap();
    let bare: Object = Object::create(&JsValue::NULL.unchecked_into::<Object>());
    Reflect::set(&bare, &JsValue::from_str("data"), &get(&doc, "data")).unwrap();
    let out = validate_resource(name(), bare.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(records(&out).length(), 0);
    // toJSON is called with the key ""; JSON.parse bound to the text ignores it.
    let parse: js_sys::Function = Reflect::get(&js_sys::global(), &JsValue::from_str("JSON"))
        .and_then(|j| Reflect::get(&j, &JsValue::from_str("parse")))
        .unwrap()
        .dyn_into()
        .unwrap();
    let to_json = parse.bind1(&JsValue::NULL, &JsValue::from_str(SEED_001));
    let proto = Object::new();
    Reflect::set(&proto, &JsValue::from_str("toJSON"), &to_json).unwrap();
    let model = Object::create(&proto);
    let out = validate_resource(name(), model.into(), JsValue::UNDEFINED).unwrap();
    assert_eq!(records(&out).length(), 0);
}

#[wasm_bindgen_test]
fn unknown_option_names_throw_listing_the_known_ones() {
    let doc = JSON::parse(SEED_001).unwrap();
    let message = type_error_message(validate_resource(
        name(),
        doc.clone(),
        options(&[("withDefaults", JsValue::TRUE)]),
    ));
    assert!(
        message.contains("\"withDefaults\"") && message.contains("subscriptionModelFrequencies"),
        "{message}"
    );
    let message = type_error_message(build_resource(
        name(),
        doc.clone(),
        options(&[("withDefault", JsValue::TRUE)]),
    ));
    assert!(
        message.contains("\"withDefault\"") && message.contains("withDefaults"),
        "{message}"
    );
    let message = type_error_message(subkit::wasm::build_request(
        name(),
        doc,
        options(&[("locale", JsValue::from_str("en"))]),
    ));
    assert!(
        message.contains("\"locale\"") && message.contains("accessToken"),
        "{message}"
    );
    let message = type_error_message(subkit::wasm::parse_frequency(
        JsValue::from_str("monthly"),
        options(&[("timezone", JsValue::from_str("UTC"))]),
    ));
    assert!(
        message.contains("\"timezone\"") && message.contains("startsAt"),
        "{message}"
    );
    let message = type_error_message(subkit::wasm::describe_frequency(
        JsValue::from_str("monthly"),
        options(&[("locale", JsValue::from_str("en"))]),
    ));
    assert!(message.contains("\"locale\""), "{message}");
    let message = type_error_message(subkit::wasm::next_runs(
        JsValue::from_str("monthly"),
        options(&[("startAt", JsValue::from_str("2018-01-01T12:00:00.000Z"))]),
    ));
    assert!(
        message.contains("\"startAt\"") && message.contains("expiresAt"),
        "{message}"
    );
    let message = type_error_message(subkit::wasm::validate_adobe_subscription(
        Object::new().into(),
        options(&[("licence", JsValue::from_str("team"))]),
    ));
    assert!(
        message.contains("\"licence\"") && message.contains("licenseType"),
        "{message}"
    );
    let message = type_error_message(subkit::wasm::build_adobe_subscription(
        Object::new().into(),
        options(&[(
            "context",
            options(&[("licenceType", JsValue::from_str("team"))]),
        )]),
    ));
    assert!(
        message.contains("\"licenceType\"") && message.contains("options.context"),
        "{message}"
    );
}

#[wasm_bindgen_test]
fn a_frequency_error_keeps_the_servers_title_and_says_why_in_meta() {
    let doc = JSON::parse(
        r#"{"data":{"type":"order_subscriptions","attributes":{"frequency":"*/5 * * * *"},"relationships":{"source_order":{"data":{"type":"orders","id":"QWERtyUpBa"}}}}}"#,
    )
    .unwrap();
    let out = validate_resource(
        JsValue::from_str("order_subscriptions"),
        doc,
        JsValue::UNDEFINED,
    )
    .unwrap();
    let record = Array::from(&records(&out).get(0));
    let text = record.get(5).as_f64().unwrap() as usize;
    assert_eq!(TEXTS[text].1.title, "is invalid");
    // The engine's message as the words that write it (pkg/render.js fills them): the
    // very words parseFrequency gives for the same frequency, and the engine's own.
    let words = JSON::stringify(&record.get(6))
        .unwrap()
        .as_string()
        .unwrap();
    let parsed =
        subkit::wasm::parse_frequency(JsValue::from_str("*/5 * * * *"), JsValue::UNDEFINED)
            .unwrap();
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
    let input = JSON::parse(r#"{"customer_email":"john@example.com","reference":"R1"}"#).unwrap();
    let out = subkit::wasm::build_request(
        name(),
        input,
        options(&[
            (
                "baseUrl",
                JsValue::from_str("https://x.commercelayer.io/api"),
            ),
            ("accessToken", JsValue::from_str("t")),
        ]),
    )
    .unwrap();
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

/// `nextRuns(frequency, options)` with `format` added to `options` (a copy of them).
fn runs_with_format(frequency: &str, pairs: &[(&str, JsValue)], format: &str) -> JsValue {
    let mut with = pairs.to_vec();
    with.push(("format", JsValue::from_str(format)));
    subkit::wasm::next_runs(JsValue::from_str(frequency), options(&with)).unwrap()
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
    // The default is the ISO strings, the same as "iso".
    let default = subkit::wasm::next_runs(
        JsValue::from_str("monthly"),
        options(&[("startsAt", JsValue::from_str("2024-01-31T09:00:00Z"))]),
    )
    .unwrap();
    let iso = runs_with_format(
        "monthly",
        &[("startsAt", JsValue::from_str("2024-01-31T09:00:00Z"))],
        "iso",
    );
    assert_eq!(
        JSON::stringify(&default).unwrap(),
        JSON::stringify(&iso).unwrap()
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
fn an_unknown_format_throws_listing_the_known_ones() {
    for format in [
        JsValue::from_str("epochms"),
        JsValue::from_str("ISO"),
        JsValue::from_str(&"epochMs".repeat(20)),
        JsValue::from(1),
        JsValue::TRUE,
    ] {
        let message = type_error_message(subkit::wasm::next_runs(
            JsValue::from_str("monthly"),
            options(&[
                ("startsAt", JsValue::from_str("2024-01-01")),
                ("format", format),
            ]),
        ));
        assert!(
            message.contains("format") && message.contains("\"iso\", \"epochMs\""),
            "{message}"
        );
    }
    // Absent and null are the default.
    for format in [JsValue::UNDEFINED, JsValue::NULL] {
        let out = subkit::wasm::next_runs(
            JsValue::from_str("monthly"),
            options(&[
                ("startsAt", JsValue::from_str("2024-01-01")),
                ("format", format),
            ]),
        )
        .unwrap();
        assert!(Array::is_array(&get(&out, "runs")));
    }
}
