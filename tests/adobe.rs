//! Adobe's requests read once from their text: every code of the field table reached,
//! with the code Adobe's error table gives the fault (docs/adobe.md, "Errors", from
//! Adobe's `references/error-handling.md`); repeated member names answered as a JSON
//! object read into a map answers them; text that cannot be read refused as
//! `crate::json::parse_bytes` refuses it; and built bodies byte for byte what
//! serde_json writes of the body object. Runs natively and under wasm-bindgen-test
//! (with the default `value` feature, which has the Rust adapter `adobe::errors`).
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::indexing_slicing
)]

use std::collections::BTreeSet;

use serde_json::{json, Map, Value};
use subkit::adobe::errors::{adobe_errors, adobe_update_errors};
use subkit::adobe::fields::{REQUEST, UPDATE_REQUEST};
use subkit::adobe::{
    build_subscription_request_bytes, build_subscription_update_bytes,
    forward_subscription_request_bytes, forward_subscription_update_bytes,
    validate_subscription_request_bytes, validate_subscription_update_bytes, AdobeContext,
    AdobeRequestOptions, AdobeUpdateContext, Built, Report,
};

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

const HEADERS: &str = r#"{"X-Correlation-Id": "9f5cb46f-59e0-44f2", "X-Api-Key": "key", "Authorization": "Bearer token", "Accept": "application/json", "Content-Type": "application/json"}"#;

/// Seed 004's request, 21 days before the anniversary: valid.
fn create() -> Value {
    json!({
        "customerId": "P1005053489",
        "body": {"offerId": "65304470CA01012",
                 "autoRenewal": {"enabled": true, "renewalQuantity": 100, "renewalCode": "MOQ_100"}},
        "headers": serde_json::from_str::<Value>(HEADERS).unwrap(),
        "today": "2025-04-04",
        "anniversaryDate": "2025-04-25",
    })
}

/// The update page's example request: valid.
fn update() -> Value {
    json!({
        "customerId": "P1005053489",
        "subscriptionId": "cc8efgh8bc4354a4b38006c87804ceNA",
        "body": {"autoRenewal": {"enabled": true, "renewalQuantity": 7, "flexDiscountCodes": ["ABCD-XV54-HG34-78YT"]}},
        "headers": serde_json::from_str::<Value>(HEADERS).unwrap(),
    })
}

/// `request` with the value at `pointer` set (`None` removes the member).
fn with(mut request: Value, pointer: &str, value: Option<Value>) -> Value {
    let (parent, name) = pointer.rsplit_once('/').unwrap();
    let object = request
        .pointer_mut(parent)
        .unwrap()
        .as_object_mut()
        .unwrap();
    match value {
        Some(v) => {
            object.insert(name.to_owned(), v);
        }
        None => {
            object.remove(name);
        }
    }
    request
}

/// Each error's pointer and Adobe code.
fn codes(report: &Report, update: bool) -> Vec<(String, Option<&'static str>)> {
    let errors = if update {
        adobe_update_errors(&report.violations)
    } else {
        adobe_errors(&report.violations)
    };
    errors.into_iter().map(|e| (e.pointer, e.code)).collect()
}

fn check_create(request: &Value, context: &AdobeContext) -> Report {
    validate_subscription_request_bytes(request.to_string().as_bytes(), context)
}

fn check_update(request: &Value, context: &AdobeUpdateContext<'_>) -> Report {
    validate_subscription_update_bytes(request.to_string().as_bytes(), context)
}

/// One fault per case, and the code docs/adobe.md's error table gives it. Together the
/// cases reach every code of the field table.
#[test]
fn every_code_of_the_field_table_is_reached() {
    let none = AdobeContext::default();
    let p = |s: &str| s.to_owned();
    let create_cases: Vec<(Value, AdobeContext, &str, Option<&str>)> = vec![
        // "missing required field or header (but the three below), customerId, body,
        // headers, or currencyCode for a deployment": 1122.
        (
            with(create(), "/body/offerId", None),
            none,
            "/body/offerId",
            Some("1122"),
        ),
        (
            with(create(), "/customerId", None),
            none,
            "/customerId",
            Some("1122"),
        ),
        (
            with(create(), "/body", Some(Value::Null)),
            none,
            "/body",
            Some("1122"),
        ),
        (
            with(create(), "/headers", None),
            none,
            "/headers",
            Some("1122"),
        ),
        (
            with(create(), "/headers/Accept", None),
            none,
            "/headers/Accept",
            Some("1122"),
        ),
        (
            with(create(), "/body/deploymentId", Some(json!("PR1400001758"))),
            none,
            "/body/currencyCode",
            Some("1122"),
        ),
        // "unexpected body field": 1121.
        (
            with(create(), "/body/quantity", Some(json!(5))),
            none,
            "/body/quantity",
            Some("1121"),
        ),
        (
            with(create(), "/body/autoRenewal/extra", Some(json!(true))),
            none,
            "/body/autoRenewal/extra",
            Some("1121"),
        ),
        // "field with a wrong value (incl. Accept, Content-Type, X-Request-Id, a bad
        // currencyCode)": 1117.
        (
            with(
                create(),
                "/body/autoRenewal/renewalQuantity",
                Some(json!(0)),
            ),
            none,
            "/body/autoRenewal/renewalQuantity",
            Some("1117"),
        ),
        (
            with(create(), "/headers/Accept", Some(json!("text/html"))),
            none,
            "/headers/Accept",
            Some("1117"),
        ),
        (
            with(create(), "/headers/X-Request-Id", Some(json!(""))),
            none,
            "/headers/X-Request-Id",
            Some("1117"),
        ),
        (
            with(create(), "/body/currencyCode", Some(json!("XYZ"))),
            none,
            "/body/currencyCode",
            Some("1117"),
        ),
        // "more than one flexible discount code": 2147.
        (
            with(
                create(),
                "/body/autoRenewal/flexDiscountCodes",
                Some(json!(["A1", "B2"])),
            ),
            none,
            "/body/autoRenewal/flexDiscountCodes",
            Some("2147"),
        ),
        // "unusable customerId": 1116.
        (
            with(create(), "/customerId", Some(json!("P12"))),
            none,
            "/customerId",
            Some("1116"),
        ),
        // "X-Correlation-Id missing or invalid": 4119.
        (
            with(create(), "/headers/X-Correlation-Id", None),
            none,
            "/headers/X-Correlation-Id",
            Some("4119"),
        ),
        (
            with(
                create(),
                "/headers/X-Correlation-Id",
                Some(json!("a\u{1}b")),
            ),
            none,
            "/headers/X-Correlation-Id",
            Some("4119"),
        ),
        // "Authorization missing / invalid": 4117 / 4116.
        (
            with(create(), "/headers/Authorization", None),
            none,
            "/headers/Authorization",
            Some("4117"),
        ),
        (
            with(create(), "/headers/Authorization", Some(json!("Basic abc"))),
            none,
            "/headers/Authorization",
            Some("4116"),
        ),
        // "X-Api-Key missing or invalid": 4115.
        (
            with(create(), "/headers/X-Api-Key", None),
            none,
            "/headers/X-Api-Key",
            Some("4115"),
        ),
        (
            with(create(), "/headers/X-Api-Key", Some(json!("k k"))),
            none,
            "/headers/X-Api-Key",
            Some("4115"),
        ),
        // "outside the creation window, bad today, context rules": no code.
        (
            with(create(), "/today", Some(json!("2025-03-01"))),
            none,
            "/today",
            None,
        ),
        (
            with(create(), "/today", Some(json!("2025-4-4"))),
            none,
            "/today",
            None,
        ),
        (
            create(),
            AdobeContext {
                consumable: Some(true),
                ..none
            },
            "/body/offerId",
            None,
        ),
        (
            create(),
            AdobeContext {
                has_active_subscriptions: Some(false),
                ..none
            },
            "/customerId",
            None,
        ),
    ];
    let status = |s| AdobeUpdateContext {
        status: Some(s),
        ..Default::default()
    };
    let plain = AdobeUpdateContext::default();
    let update_cases: Vec<(Value, AdobeUpdateContext<'_>, &str, Option<&str>)> = vec![
        // "update: unusable customerId or subscriptionId": 3115.
        (
            with(update(), "/customerId", Some(json!("a/b"))),
            plain,
            "/customerId",
            Some("3115"),
        ),
        (
            with(update(), "/subscriptionId", Some(json!("x.y"))),
            plain,
            "/subscriptionId",
            Some("3115"),
        ),
        (
            with(update(), "/subscriptionId", None),
            plain,
            "/subscriptionId",
            Some("1122"),
        ),
        // "update: renewalQuantity outside 1 to the product's maximum": 3116.
        (
            with(
                update(),
                "/body/autoRenewal/renewalQuantity",
                Some(json!(0)),
            ),
            plain,
            "/body/autoRenewal/renewalQuantity",
            Some("3116"),
        ),
        // "update: renewalQuantity below the renewalCode's minimum order quantity": 5124.
        (
            with(
                update(),
                "/body/autoRenewal/renewalCode",
                Some(json!("MOQ_250")),
            ),
            plain,
            "/body/autoRenewal/renewalQuantity",
            Some("5124"),
        ),
        // "update: the subscription is not active or scheduled": 3119.
        (update(), status("1004"), "/subscriptionId", Some("3119")),
        // "update: a read-only member of the subscription in the body": 1119.
        (
            with(update(), "/body/offerId", Some(json!("65304470CA01012"))),
            plain,
            "/body/offerId",
            Some("1119"),
        ),
        // "update: a reset flag that is not a boolean": 1117.
        (
            with(update(), "/resetRenewalCode", Some(json!("yes"))),
            plain,
            "/resetRenewalCode",
            Some("1117"),
        ),
        // "The update's other faults get create's codes".
        (
            with(update(), "/body/foo", Some(json!(1))),
            plain,
            "/body/foo",
            Some("1121"),
        ),
        (
            with(
                update(),
                "/body/autoRenewal/flexDiscountCodes",
                Some(json!(["A1", "B2"])),
            ),
            plain,
            "/body/autoRenewal/flexDiscountCodes",
            Some("2147"),
        ),
        (
            with(update(), "/body/autoRenewal/enabled", Some(json!(false))),
            plain,
            "/body/autoRenewal/enabled",
            Some("1117"),
        ),
        (
            with(update(), "/headers/Authorization", None),
            plain,
            "/headers/Authorization",
            Some("4117"),
        ),
    ];
    let mut reached = BTreeSet::new();
    for (request, context, pointer, code) in &create_cases {
        let got = codes(&check_create(request, context), false);
        assert_eq!(got, [(p(pointer), *code)], "{request}");
        reached.extend(*code);
    }
    for (request, context, pointer, code) in &update_cases {
        let got = codes(&check_update(request, context), true);
        assert_eq!(got, [(p(pointer), *code)], "{request}");
        reached.extend(*code);
    }
    let mut named = BTreeSet::new();
    named.extend(REQUEST.codes());
    named.extend(UPDATE_REQUEST.codes());
    assert_eq!(named, reached);
    // The valid requests the cases start from.
    assert_eq!(check_create(&create(), &none), Report::default());
    assert_eq!(check_update(&update(), &plain), Report::default());
}

/// An object as JSON text with the member `name: value` added at `index` of the object
/// at `pointer`: a name it already has is then repeated.
fn with_member(value: &Value, pointer: &str, index: usize, name: &str, added: &Value) -> String {
    fn write(v: &Value, here: &str, target: &(&str, usize, &str, &Value), out: &mut String) {
        match v {
            Value::Object(members) => {
                let mut items: Vec<(String, String)> = Vec::new();
                for (k, x) in members {
                    let mut text = String::new();
                    let at = format!("{here}/{}", k.replace('~', "~0").replace('/', "~1"));
                    write(x, &at, target, &mut text);
                    items.push((k.clone(), text));
                }
                if here == target.0 {
                    let i = target.1.min(items.len());
                    items.insert(i, (target.2.to_owned(), target.3.to_string()));
                }
                out.push('{');
                let parts: Vec<String> = items
                    .iter()
                    .map(|(k, t)| format!("{}:{t}", Value::from(k.as_str())))
                    .collect();
                out.push_str(&parts.join(","));
                out.push('}');
            }
            Value::Array(items) => {
                out.push('[');
                let parts: Vec<String> = items
                    .iter()
                    .enumerate()
                    .map(|(i, x)| {
                        let mut t = String::new();
                        write(x, &format!("{here}/{i}"), target, &mut t);
                        t
                    })
                    .collect();
                out.push_str(&parts.join(","));
                out.push(']');
            }
            other => out.push_str(&other.to_string()),
        }
    }
    let mut out = String::new();
    write(value, "", &(pointer, index, name, added), &mut out);
    out
}

/// Every object of `value`, by pointer.
fn objects(value: &Value, here: String, out: &mut Vec<(String, Map<String, Value>)>) {
    match value {
        Value::Object(m) => {
            out.push((here.clone(), m.clone()));
            for (k, x) in m {
                let token = k.replace('~', "~0").replace('/', "~1");
                objects(x, format!("{here}/{token}"), out);
            }
        }
        Value::Array(items) => {
            for (i, x) in items.iter().enumerate() {
                objects(x, format!("{here}/{i}"), out);
            }
        }
        _ => {}
    }
}

/// The text a repeated name is read as: `crate::json::parse_bytes` keeps the last
/// value at the first place, and serde_json writes that object without repeats.
fn deduplicated(text: &str) -> String {
    subkit::json::parse_bytes(text.as_bytes())
        .unwrap()
        .to_string()
}

/// Each member of each object of `request`, repeated before and after itself with
/// each of a few values (a valid one among them): every answer is the answer to the
/// same text with the repeat resolved as a map resolves it (the last value at the
/// first place), which is what the `Value` entry points answered.
fn each_repeat(request: &Value, mut answer: impl FnMut(&str) -> String) -> usize {
    let others = [
        json!(null),
        json!(5),
        json!("MOQ_500"),
        json!({}),
        json!([" "]),
    ];
    let mut all = Vec::new();
    objects(request, String::new(), &mut all);
    let mut count = 0;
    for (pointer, members) in &all {
        for (i, (name, value)) in members.iter().enumerate() {
            for added in others.iter().chain([value]) {
                for index in [i, i + 1, members.len()] {
                    let text = with_member(request, pointer, index, name, added);
                    assert_eq!(answer(&text), answer(&deduplicated(&text)), "{text}");
                    count += 1;
                }
            }
        }
    }
    count
}

fn create_answer(text: &str, context: &AdobeContext) -> String {
    let report = validate_subscription_request_bytes(text.as_bytes(), context);
    format!(
        "{report:?} {:?} {:?}",
        adobe_errors(&report.violations),
        adobe_errors(&report.warnings)
    )
}

fn update_answer(text: &str, context: &AdobeUpdateContext<'_>) -> String {
    let report = validate_subscription_update_bytes(text.as_bytes(), context);
    format!(
        "{report:?} {:?} {:?}",
        adobe_update_errors(&report.violations),
        adobe_update_errors(&report.warnings)
    )
}

fn options() -> AdobeRequestOptions<'static> {
    AdobeRequestOptions {
        access_token: Some("token"),
        api_key: Some("key"),
        correlation_id: Some("9f5cb46f"),
        ..Default::default()
    }
}

#[test]
fn repeated_names_answer_as_a_map_reads_them() {
    let context = AdobeContext::default();
    let mut count = each_repeat(&create(), |t| create_answer(t, &context));
    let global = with(create(), "/body/deploymentId", Some(json!("PR1400001758")));
    let global = with(global, "/body/currencyCode", Some(json!("CHF")));
    count += each_repeat(&global, |t| create_answer(t, &context));
    let moq = with(
        update(),
        "/body/autoRenewal/renewalCode",
        Some(json!("MOQ_100")),
    );
    let moq = with(moq, "/body/autoRenewal/renewalQuantity", Some(json!(300)));
    let off = AdobeUpdateContext {
        auto_renewal_enabled: Some(false),
        ..Default::default()
    };
    for request in [
        update(),
        moq,
        with(update(), "/resetFlexDiscountCodes", Some(json!(true))),
    ] {
        count += each_repeat(&request, |t| update_answer(t, &off));
    }
    let flat = json!({"customerId": "P1005053489", "offerId": "65304470CA01012",
        "autoRenewal": {"renewalQuantity": 100, "renewalCode": "MOQ_100"}, "currencyCode": "JPY",
        "deploymentId": "PR1", "today": "2025-04-04", "anniversaryDate": "2025-04-25"});
    count += each_repeat(&flat, |t| {
        format!(
            "{:?}",
            build_subscription_request_bytes(t.as_bytes(), &options(), &context)
        )
    });
    let flat = json!({"customerId": "P1005053489", "subscriptionId": "8675309", "resetRenewalCode": false,
        "autoRenewal": {"enabled": false, "renewalQuantity": 300, "renewalCode": "MOQ_250"}});
    count += each_repeat(&flat, |t| {
        format!(
            "{:?}",
            build_subscription_update_bytes(t.as_bytes(), &options(), &off)
        )
    });
    // The forwarded body, and the request object beside it.
    let body = create()["body"].clone();
    let rest = with(with(create(), "/body", None), "/headers", None);
    let rest_text = rest.to_string();
    count += each_repeat(&body, |t| {
        let built = forward_subscription_request_bytes(
            t.as_bytes(),
            rest_text.as_bytes(),
            &options(),
            &context,
        );
        // The body is sent as it came; the rest of the answer is the deduplicated one's.
        format!("{:?}", built.report)
    });
    count += each_repeat(&rest, |t| {
        format!(
            "{:?}",
            forward_subscription_request_bytes(
                body.to_string().as_bytes(),
                t.as_bytes(),
                &options(),
                &context
            )
        )
    });
    assert!(count > 1000, "{count}");
}

/// Repeats whose answers were worked out by hand from the rule "the last value, at the
/// first place".
#[test]
fn repeated_names_by_hand() {
    let context = AdobeContext::default();
    let body = |b: &str| {
        format!(
            r#"{{"customerId": "P1005053489", "body": {b}, "headers": {HEADERS}, "today": "2025-04-04", "anniversaryDate": "2025-04-25"}}"#
        )
    };
    let pointers = |text: &str| -> Vec<(String, &'static str)> {
        validate_subscription_request_bytes(text.as_bytes(), &context)
            .violations
            .into_iter()
            .map(|v| (v.pointer.clone(), v.code().as_str()))
            .collect()
    };
    let renewal = r#""autoRenewal": {"renewalQuantity": 5}"#;
    // A wrong value given first and a good one last: nothing to report.
    let text = body(&format!(
        r#"{{"offerId": 5, {renewal}, "offerId": "65304470CA01012"}}"#
    ));
    assert_eq!(pointers(&text), []);
    // A good value first and a wrong one last: reported at the first place, before the
    // unknown member that came between them.
    let text = body(&format!(
        r#"{{"offerId": "65304470CA01012", "foo": 1, {renewal}, "offerId": 5}}"#
    ));
    assert_eq!(
        pointers(&text),
        [
            ("/body/offerId".to_owned(), "type"),
            ("/body/foo".to_owned(), "not_allowed")
        ]
    );
    // An unknown name is refused once.
    let text = body(&format!(
        r#"{{"foo": 1, "offerId": "65304470CA01012", {renewal}, "foo": 2}}"#
    ));
    assert_eq!(pointers(&text), [("/body/foo".to_owned(), "not_allowed")]);
    // The update's minimum order quantity rule reads the last renewal code.
    let update = |renewal: &str| {
        let text = format!(
            r#"{{"customerId": "P1005053489", "subscriptionId": "8675309", "body": {{"autoRenewal": {renewal}}}, "headers": {HEADERS}}}"#
        );
        codes(
            &validate_subscription_update_bytes(text.as_bytes(), &Default::default()),
            true,
        )
    };
    assert_eq!(
        update(r#"{"renewalQuantity": 300, "renewalCode": "MOQ_100", "renewalCode": "MOQ_500"}"#),
        [("/body/autoRenewal/renewalQuantity".to_owned(), Some("5124"))]
    );
    // A quantity that was no integer first is replaced, so the rules between members
    // run.
    assert_eq!(
        update(r#"{"renewalQuantity": "x", "renewalCode": "MOQ_500", "renewalQuantity": 300}"#),
        [("/body/autoRenewal/renewalQuantity".to_owned(), Some("5124"))]
    );
    // The builder writes each name once, with its last value, at its first place.
    let input = r#"{"offerId": "A", "customerId": "P1005053489", "autoRenewal": {"renewalQuantity": 5},
        "today": "2025-04-04", "anniversaryDate": "2025-04-25", "offerId": "65304470CA01012",
        "autoRenewal": {"renewalQuantity": 7, "enabled": true, "renewalQuantity": 8}}"#;
    let built = build_subscription_request_bytes(input.as_bytes(), &options(), &context);
    assert_eq!(
        built.request.unwrap().body,
        r#"{"offerId":"65304470CA01012","autoRenewal":{"renewalQuantity":8,"enabled":true}}"#
    );
}

/// The body the builders sent before they wrote text: serde_json's writing of the
/// body object made of the flat input read into a map, its request members left out
/// and, on create, `"enabled": true` first in an `autoRenewal` object that lacks it.
fn reference_body(input: &str, request_members: &[&str], create: bool) -> String {
    let Value::Object(fields) = subkit::json::parse_bytes(input.as_bytes()).unwrap() else {
        panic!("not an object: {input}");
    };
    let mut body = Map::new();
    for (k, v) in fields {
        if request_members.contains(&k.as_str()) {
            continue;
        }
        let v = match v {
            Value::Object(renewal)
                if create && k == "autoRenewal" && !renewal.contains_key("enabled") =>
            {
                let mut with = Map::new();
                with.insert("enabled".to_owned(), Value::Bool(true));
                with.extend(renewal);
                Value::Object(with)
            }
            other => other,
        };
        body.insert(k, v);
    }
    serde_json::to_string(&body).unwrap()
}

#[test]
fn built_bodies_are_what_serde_json_writes() {
    let create_members = ["customerId", "today", "anniversaryDate"];
    let update_members = [
        "customerId",
        "subscriptionId",
        "resetFlexDiscountCodes",
        "resetRenewalCode",
    ];
    let dates = r#""today": "2025-04-04", "anniversaryDate": "2025-04-25""#;
    let creates = [
        format!(
            r#"{{"customerId": "P1005053489", "offerId": "65304470CA01012", "autoRenewal": {{"renewalQuantity": 100}}, {dates}}}"#
        ),
        // Escapes read, and written as serde_json writes the strings.
        format!(
            r#"{{{dates}, "autoRenewal": {{"renewalCode": "MOQ_\u0031\u00300", "renewalQuantity": 599000, "enabled": true}}, "offerId": "\u0036\u00354ABC", "customerId": "P1005053489"}}"#
        ),
        format!(
            r#"{{"customerId": "P1005053489", "offerId": "X1", "autoRenewal": {{"flexDiscountCodes": ["a\"b\\c\u00e9\u20ac\ud83d\ude00\t"], "renewalQuantity": 1}}, "deploymentId": "d/\u007f\u001f", "currencyCode": "CHF", {dates}}}"#
        ),
        format!(
            r#"{{"customerId": "P1005053489", "offerId": "X1", "autoRenewal": {{"renewalQuantity": 2, "flexDiscountCodes": []}}, {dates}, "customerId": "P1005053489"}}"#
        ),
    ];
    let context = AdobeContext::default();
    for input in &creates {
        let built = build_subscription_request_bytes(input.as_bytes(), &options(), &context);
        let request = built
            .request
            .unwrap_or_else(|| panic!("{:?}", built.report));
        assert_eq!(
            request.body,
            reference_body(input, &create_members, true),
            "{input}"
        );
    }
    let updates = [
        r#"{"customerId": "P1005053489", "subscriptionId": "8675309", "autoRenewal": {"renewalQuantity": 5}}"#,
        r#"{"customerId": "P1005053489", "subscriptionId": "8675309", "resetFlexDiscountCodes": true}"#,
        r#"{"autoRenewal": {"enabled": false, "renewalCode": "MOQ_250", "renewalQuantity": 250}, "customerId": "P1005053489", "subscriptionId": "8675309", "resetRenewalCode": null}"#,
        r#"{"customerId": "P1005053489", "autoRenewal": {"flexDiscountCodes": ["\u0041"], "enabled": true}, "subscriptionId": "8675309"}"#,
    ];
    for input in updates {
        let built =
            build_subscription_update_bytes(input.as_bytes(), &options(), &Default::default());
        let request = built
            .request
            .unwrap_or_else(|| panic!("{:?}", built.report));
        assert_eq!(
            request.body,
            reference_body(input, &update_members, false),
            "{input}"
        );
    }
    // By hand: compact, members in the order given, `enabled` first where it was left
    // out, a `\u0041` escape written as the letter.
    let built = build_subscription_request_bytes(creates[1].as_bytes(), &options(), &context);
    assert_eq!(
        built.request.unwrap().body,
        r#"{"autoRenewal":{"renewalCode":"MOQ_100","renewalQuantity":599000,"enabled":true},"offerId":"654ABC"}"#
    );
}

/// Text that cannot be read is the one violation `crate::json::parse_bytes` reports
/// for it, whichever entry point reads it (a forwarded body's under `/body`).
#[test]
fn unreadable_text_is_refused_as_the_json_reader_refuses_it() {
    let max = subkit::json::MAX_INPUT_BYTES;
    let deep = format!("{{\"body\":{}1{}}}", "[".repeat(130), "]".repeat(130));
    let texts = [
        "".to_owned(),
        "{".to_owned(),
        "{\"customerId\": \"P1005053489\",}".to_owned(),
        "{\"a\": 1e400}".to_owned(),
        "{} x".to_owned(),
        "{\"a\": \"\\ud800\"}".to_owned(),
        deep,
        " ".repeat(max + 1),
        format!("[{}0]", "0,".repeat(subkit::json::MAX_VALUES)),
    ];
    let context = AdobeContext::default();
    for text in &texts {
        let refused = subkit::json::parse_bytes(text.as_bytes()).unwrap_err();
        let report = Report::refused(refused.clone());
        let built = Built::refused(refused.clone());
        let bytes = text.as_bytes();
        assert_eq!(validate_subscription_request_bytes(bytes, &context), report);
        assert_eq!(
            validate_subscription_update_bytes(bytes, &Default::default()),
            report
        );
        assert_eq!(
            build_subscription_request_bytes(bytes, &options(), &context),
            built
        );
        assert_eq!(
            build_subscription_update_bytes(bytes, &options(), &Default::default()),
            built
        );
        let in_body = Built::refused(subkit::error::Violation::new(
            format!("/body{}", refused.pointer),
            refused.kind.clone(),
        ));
        let rest = br#"{"customerId": "P1005053489"}"#;
        assert_eq!(
            forward_subscription_request_bytes(bytes, rest, &options(), &context),
            in_body
        );
        assert_eq!(
            forward_subscription_update_bytes(bytes, rest, &options(), &Default::default()),
            in_body
        );
    }
}
