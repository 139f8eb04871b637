//! Property tests (proptest, on stable): the same properties the fuzz targets in
//! `fuzz/` check, over generated input that leans towards the shapes subkit reads.
//!
//! - validation never panics on arbitrary JSON, and every pointer resolves in the
//!   input (or names a member missing from it);
//! - a built document always validates, and the text builders answer as the builders'
//!   rules restated over values (tests/support/flat_reference.rs);
//! - next runs are strictly increasing, match the expression, and stay within
//!   `startsAt`, `after` and `expiresAt`;
//! - describe and parse agree, and the normalized text parses to the same frequency;
//! - descriptions follow the values each field selects: one minute and one hour name
//!   that time, and a field selecting every value is worded as `*` is, not listed;
//! - no credential given as an option appears in any error or `Debug` output.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    missing_docs,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::arithmetic_side_effects,
    clippy::cast_precision_loss
)]

#[path = "support/flat_reference.rs"]
mod flat_reference;
#[path = "support/invariants.rs"]
mod invariants;

use flat_reference::{reference_build, text_build};
use invariants::{
    assert_built_documents_validate, assert_pointers_resolve, assert_validation_consistent,
};
use proptest::prelude::*;
use serde_json::{Map, Value};
use subkit::adobe::errors::{adobe_errors, adobe_update_errors};
use subkit::adobe::{
    build_subscription_request, validate_subscription_request, AdobeContext, AdobeRequestOptions,
    Environment,
};
use subkit::commercelayer::jsonapi_errors::error_objects;
use subkit::commercelayer::request::{build_request, RequestOptions};
use subkit::commercelayer::{BuildOptions, Context, Operation};
use subkit::report::FrequencyReport;
use subkit::schedule::{instant, Frequency, RunsQuery};
use subkit::Resource;

/// Member names subkit looks for, and some it must refuse.
const KEYS: &[&str] = &[
    "data",
    "type",
    "id",
    "attributes",
    "relationships",
    "meta",
    "links",
    "included",
    "customer_email",
    "reference",
    "reference_origin",
    "metadata",
    "frequency",
    "starts_at",
    "expires_at",
    "activate_by_source_order",
    "place_target_order",
    "renewal_alert_period",
    "source_order",
    "name",
    "frequencies",
    "customerId",
    "body",
    "headers",
    "today",
    "anniversaryDate",
    "offerId",
    "autoRenewal",
    "enabled",
    "renewalQuantity",
    "renewalCode",
    "deploymentId",
    "currencyCode",
    "Authorization",
    "X-Api-Key",
    "X-Correlation-Id",
    "X-Request-Id",
    "__proto__",
    "constructor",
    "a/b~c",
    "",
];

/// Strings subkit reads as something (types, e-mails, dates, frequencies), and others.
const STRINGS: &[&str] = &[
    "customer_subscriptions",
    "order_subscriptions",
    "subscription_models",
    "orders",
    "customers",
    "john@example.com",
    "not-an-email",
    "2018-01-01T12:00:00.000Z",
    "2019-01-01T00:00:00Z",
    "2025-04-04",
    "2025-04-25",
    "monthly",
    "two-month",
    "0 9 * * 1-5",
    "*/5 * * * *",
    "61 * * * *",
    "MOQ_100",
    "P1005053489",
    "65304470CA01012",
    "Bearer abc",
    "",
    " ",
    "\u{0}",
    "é",
    "QWERtyUpBa",
];

fn arb_json() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        (-1e6f64..1e6).prop_map(Value::from),
        prop::sample::select(STRINGS).prop_map(Value::from),
        ".{0,12}".prop_map(Value::from),
    ];
    leaf.prop_recursive(6, 64, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(Value::from),
            prop::collection::vec((prop::sample::select(KEYS), inner), 0..7).prop_map(|pairs| {
                Value::Object(
                    pairs
                        .into_iter()
                        .map(|(k, v)| (k.to_owned(), v))
                        .collect::<Map<_, _>>(),
                )
            }),
        ]
    })
}

/// A create document whose envelope is right, with generated attributes.
fn arb_document(resource: Resource) -> impl Strategy<Value = Value> {
    (arb_json(), arb_json()).prop_map(move |(attributes, relationships)| {
        serde_json::json!({"data": {"type": resource.name(), "attributes": attributes,
            "relationships": relationships}})
    })
}

fn arb_resource() -> impl Strategy<Value = Resource> {
    prop::sample::select(Resource::ALL)
}

/// Flat input for `build`: a mix of valid values and generated ones.
fn arb_flat_input() -> impl Strategy<Value = Value> {
    let member = prop_oneof![
        3 => prop::sample::select(STRINGS).prop_map(Value::from),
        1 => arb_json(),
    ];
    prop::collection::vec((prop::sample::select(KEYS), member), 0..8).prop_map(|pairs| {
        let mut m: Map<String, Value> = pairs.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
        // Often a relationship linkage, as the SDK's create() takes it.
        if m.contains_key("source_order") {
            m.insert(
                "source_order".into(),
                serde_json::json!({"type": "orders", "id": "QWERtyUpBa"}),
            );
        }
        Value::Object(m)
    })
}

/// Number and string texts the reader reads in more than one form, written as given.
const RAW_VALUES: &[&str] = &[
    "1e2",
    "1E+2",
    "-0",
    "-0.0",
    "1.0",
    "0.1",
    "1.5e-7",
    "18446744073709551615",
    "18446744073709551616",
    "123456789012345678901234567890",
    "-9223372036854775809",
    "\"\\u0041\\n\\u00e9\\/\\ud83d\\ude00\"",
    "{\"a\": 1, \"a\": [2, {\"b\": 3, \"b\": 4}]}",
    "[ \"t1\" , {\"type\": \"tags\", \"id\": \"t2\", \"id\": \"t3\"} ]",
];

/// Flat input as JSON text, names repeated as often as not: the members
/// [`arb_flat_input`] draws from, the relationships every resource takes, and values
/// written in forms a value's serialisation never has; now and then any JSON text.
fn arb_flat_text() -> impl Strategy<Value = String> {
    let name = prop_oneof![
        3 => prop::sample::select(KEYS),
        1 => prop::sample::select(&["tags", "market", "item", "sku", "order_subscription", "customer_payment_source"][..]),
    ];
    let value = prop_oneof![
        3 => prop::sample::select(STRINGS).prop_map(|s| Value::from(s).to_string()),
        1 => arb_json().prop_map(|v| v.to_string()),
        1 => prop::sample::select(RAW_VALUES).prop_map(str::to_owned),
    ];
    let object = prop::collection::vec((name, value), 0..10).prop_map(|members| {
        let members: Vec<String> = members
            .iter()
            .map(|(k, v)| format!("{}: {v}", Value::from(*k)))
            .collect();
        format!("{{{}}}", members.join(", "))
    });
    prop_oneof![
        8 => object,
        1 => arb_json().prop_map(|v| v.to_string()),
    ]
}

/// A crontab field: `*`, `*/n`, a value, a range, a stepped range or a list.
fn arb_field(min: u32, max: u32) -> impl Strategy<Value = String> {
    let value = min..=max;
    prop_oneof![
        Just("*".to_owned()),
        (1..=max).prop_map(|n| format!("*/{n}")),
        value.clone().prop_map(|v| v.to_string()),
        (value.clone(), value.clone()).prop_map(|(a, b)| format!("{}-{}", a.min(b), a.max(b))),
        (value.clone(), value.clone(), 1..=max).prop_map(|(a, b, s)| format!(
            "{}-{}/{s}",
            a.min(b),
            a.max(b)
        )),
        prop::collection::vec(value, 1..4)
            .prop_map(|vs| { vs.iter().map(u32::to_string).collect::<Vec<_>>().join(",") }),
    ]
}

/// A field in spellings that select every value or one value without saying so
/// (`0-59`, `*,5`, `1,*`, `*/99`, `18/9`, `40-46/12`, `5,5`), or a plain one.
fn arb_reducible_field(min: u32, max: u32) -> impl Strategy<Value = String> {
    let value = min..=max;
    let width = max - min;
    prop_oneof![
        2 => arb_field(min, max),
        1 => Just(format!("{min}-{max}")),
        1 => value.clone().prop_map(|v| format!("*,{v}")),
        1 => value.clone().prop_map(|v| format!("{v},*")),
        1 => Just("*/1".to_owned()),
        // A step longer than what is left of the field reaches one value.
        1 => (width + 1..=u32::MAX).prop_map(|n| format!("*/{n}")),
        1 => (value.clone(), 1u64..=10_000_000_000)
            .prop_map(move |(v, extra)| format!("{v}/{}", u64::from(max - v) + extra)),
        1 => (value.clone(), value.clone(), 1u32..=100).prop_map(|(a, b, extra)| {
            let (a, b) = (a.min(b), a.max(b));
            format!("{a}-{b}/{}", b - a + extra)
        }),
        1 => value.prop_map(|v| format!("{v},{v}")),
    ]
}

fn arb_reducible_cron() -> impl Strategy<Value = [String; 5]> {
    (
        arb_reducible_field(0, 59),
        arb_reducible_field(0, 23),
        arb_reducible_field(1, 31),
        arb_reducible_field(1, 12),
        arb_reducible_field(0, 7),
    )
        .prop_map(|(a, b, c, d, e)| [a, b, c, d, e])
}

fn describe_fields(fields: &[String; 5]) -> Option<String> {
    Frequency::parse(&fields.join(" "))
        .ok()
        .map(|f| f.describe(None))
}

const MONTH_NAMES: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAY_NAMES: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

fn arb_frequency() -> impl Strategy<Value = String> {
    prop_oneof![
        1 => prop::sample::select(&[
            "hourly", "daily", "weekly", "monthly", "two-month", "three-month",
            "four-month", "six-month", "yearly", "@daily", "@weekly", "@monthly",
        ][..])
        .prop_map(str::to_owned),
        4 => (
            arb_field(0, 59),
            arb_field(0, 23),
            arb_field(1, 31),
            arb_field(1, 12),
            arb_field(0, 7),
        )
            .prop_map(|(a, b, c, d, e)| format!("{a} {b} {c} {d} {e}")),
        1 => ".{0,20}",
    ]
}

/// Milliseconds from 1900 to 2200: far enough for leap-year and century edges.
fn arb_instant() -> impl Strategy<Value = chrono::DateTime<chrono::Utc>> {
    (-2_208_988_800_000i64..7_258_118_400_000)
        .prop_map(|ms| instant::from_epoch_millis(ms as f64).unwrap())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn validation_never_panics_and_pointers_resolve(resource in arb_resource(), doc in arb_json()) {
        assert_validation_consistent(resource, &doc);
    }

    #[test]
    fn well_enveloped_documents_too(
        (resource, doc) in arb_resource().prop_flat_map(|r| (Just(r), arb_document(r)))
    ) {
        assert_validation_consistent(resource, &doc);
    }

    #[test]
    fn a_built_document_always_validates(resource in arb_resource(), input in arb_flat_input()) {
        assert_built_documents_validate(resource, &input);
    }

    /// The text builders write what the builders' rules restated over values build, and
    /// report the same violations: for creates, with and without defaults, and updates.
    #[test]
    fn text_builders_answer_as_the_value_route(resource in arb_resource(), input in arb_flat_text()) {
        let offered: Vec<String> = invariants::OFFERED.iter().map(|s| (*s).to_owned()).collect();
        let context = Context { model_frequencies: Some(&offered), ..Default::default() };
        for op in [Operation::Create, Operation::Update { id: "x" }] {
            for with_defaults in [false, op == Operation::Create] {
                let options = BuildOptions { with_defaults, context };
                let want = reference_build(resource, input.as_bytes(), op, &options);
                let got = text_build(resource, input.as_bytes(), op, &options);
                prop_assert_eq!(got, want, "{}", input);
            }
        }
    }

    #[test]
    fn built_requests_validate_and_mask_the_token(resource in arb_resource(), input in arb_flat_input()) {
        let token = "prop-secret-token-7f3e";
        let options = RequestOptions { base_url: None, organization: Some("acme"), access_token: Some(token) };
        let result = build_request(resource, &input, &options, &BuildOptions::default());
        let shown = match &result {
            Ok(request) => format!("{request:?}"),
            Err(violations) => format!("{violations:?} {:?}", error_objects(violations)),
        };
        prop_assert!(!shown.contains(token), "token in {shown}");
    }

    /// Forwarding a body: no panic on any bytes, the same verdict as validating them, the
    /// body sent exactly as it came, and no token in anything shown.
    #[test]
    fn forwarded_bodies_are_the_validated_bytes(
        resource in arb_resource(),
        doc in arb_json(),
        noise in proptest::collection::vec(any::<u8>(), 0..64),
    ) {
        let token = "prop-secret-token-7f3e";
        let options = RequestOptions { base_url: None, organization: Some("acme"), access_token: Some(token) };
        let text = doc.to_string();
        for bytes in [text.as_bytes(), noise.as_slice()] {
            let validated = resource.validate_bytes(bytes);
            let sent = subkit::commercelayer::request::document_request(resource, bytes, &options, &Default::default());
            match &sent {
                Ok(request) => {
                    prop_assert!(validated.is_empty());
                    prop_assert_eq!(request.body.as_bytes(), bytes);
                }
                Err(violations) => prop_assert_eq!(violations, &validated),
            }
            let shown = format!("{sent:?}");
            prop_assert!(!shown.contains(token));
            let adobe = AdobeRequestOptions { access_token: Some(token), api_key: Some("k"), correlation_id: Some("c"), ..Default::default() };
            let request = serde_json::json!({ "customerId": "P1005053489", "today": "2025-04-04", "anniversaryDate": "2025-04-25" });
            let built = subkit::adobe::forward_subscription_request(bytes, &request, &adobe, &AdobeContext::default());
            if let Some(r) = &built.request {
                prop_assert_eq!(r.body.as_bytes(), bytes);
            }
            let shown = format!("{built:?}");
            prop_assert!(!shown.contains(token));
            let update = serde_json::json!({ "customerId": "P1005053489", "subscriptionId": "s1" });
            let built = subkit::adobe::forward_subscription_update(bytes, &update, &adobe, &Default::default());
            let shown = format!("{built:?}");
            prop_assert!(!shown.contains(token));
        }
    }

    #[test]
    fn adobe_validation_never_panics_or_leaks(request in arb_json(), flat in arb_flat_input()) {
        let report = validate_subscription_request(&request, &AdobeContext::default());
        assert_pointers_resolve(&request, &report.violations);
        let (token, key) = ("prop-secret-token-7f3e", "prop-secret-key-91c0");
        let options = AdobeRequestOptions {
            environment: Environment::Production,
            access_token: Some(token),
            api_key: Some(key),
            correlation_id: Some("4c6f1a2e-0b7d"),
            request_id: None,
            recommendation_tracker_id: None,
        };
        for input in [&request, &flat] {
            let built = build_subscription_request(input, &options, &AdobeContext::default());
            let shown = format!("{built:?} {:?} {options:?}", adobe_errors(&built.report.violations));
            prop_assert!(!shown.contains(token) && !shown.contains(key), "secret in {shown}");
        }
        // The update, on the same inputs: no panic, pointers resolve, no secret.
        let context = subkit::adobe::AdobeUpdateContext { status: Some("1004"), ..Default::default() };
        let report = subkit::adobe::validate_subscription_update(&request, &context);
        assert_pointers_resolve(&request, &report.violations);
        for input in [&request, &flat] {
            let built = subkit::adobe::build_subscription_update(input, &options, &context);
            let shown = format!("{built:?} {:?}", adobe_update_errors(&built.report.violations));
            prop_assert!(!shown.contains(token) && !shown.contains(key), "secret in {shown}");
        }
    }

    #[test]
    fn describe_and_parse_agree(text in arb_frequency()) {
        let report = FrequencyReport::new(&text, None);
        match Frequency::parse(&text) {
            Ok(f) => {
                prop_assert!(report.valid);
                let described = f.describe(None);
                prop_assert_eq!(report.description.as_deref(), Some(described.as_str()));
                let again = Frequency::parse(&f.normalized(&text)).unwrap();
                prop_assert_eq!(again.describe(None), f.describe(None));
                prop_assert_eq!(again.kind(), f.kind());
            }
            Err(errors) => {
                prop_assert!(!report.valid && report.description.is_none());
                for e in errors {
                    prop_assert!(e.span.0 <= e.span.1 && e.span.1 <= text.len());
                }
            }
        }
    }

    #[test]
    fn one_minute_and_one_hour_name_that_time(fields in arb_reducible_cron()) {
        let text = fields.join(" ");
        let Ok(Frequency::Cron(cron)) = Frequency::parse(&text) else { return Ok(()) };
        if cron.minute.count() == 1 && cron.hour.count() == 1 {
            let minute = cron.minute.values().next().unwrap();
            let hour = cron.hour.values().next().unwrap();
            let time = format!("{hour:02}:{minute:02}");
            let described = cron_description(&text);
            prop_assert!(described.contains(&time), "{text:?}: {described:?} lacks {time}");
        }
    }

    #[test]
    fn a_field_selecting_every_value_is_not_listed(fields in arb_reducible_cron()) {
        let text = fields.join(" ");
        let Ok(Frequency::Cron(cron)) = Frequency::parse(&text) else { return Ok(()) };
        let described = cron_description(&text);
        let full = |bits: u64, min: u32, max: u32| (min..=max).all(|v| bits & (1 << v) != 0);
        let with_star = |indices: &[usize]| {
            let mut star = fields.clone();
            for i in indices {
                star[*i] = "*".to_owned();
            }
            describe_fields(&star)
        };
        if full(cron.minute.bits, 0, 59) {
            prop_assert!(described.starts_with("Every minute"), "{text:?}: {described:?}");
            prop_assert_eq!(with_star(&[0]), Some(described.clone()), "{:?}", text);
        }
        if full(cron.hour.bits, 0, 23) {
            prop_assert!(!described.contains(':'), "{text:?}: {described:?}");
            prop_assert_eq!(with_star(&[1]), Some(described.clone()), "{:?}", text);
        }
        if full(cron.month.bits, 1, 12) {
            prop_assert!(!MONTH_NAMES.iter().any(|m| described.contains(m)), "{text:?}: {described:?}");
            prop_assert_eq!(with_star(&[3]), Some(described.clone()), "{:?}", text);
        }
        // Vixie's rule comes from the syntax: with "or" (neither day field starts
        // with `*`), a day field selecting every day makes every day run, as `* *`
        // does; with "and", that field adds nothing, as `*` in its place.
        let either = cron.days_are_either();
        if full(cron.day_of_month.bits, 1, 31) {
            prop_assert!(!described.contains("of the month") && !described.contains(" day"),
                "{text:?}: {described:?}");
            let star: &[usize] = if either { &[2, 4] } else { &[2] };
            prop_assert_eq!(with_star(star), Some(described.clone()), "{:?}", text);
        }
        if full(cron.day_of_week.bits, 0, 6) {
            prop_assert!(!WEEKDAY_NAMES.iter().any(|w| described.contains(w)), "{text:?}: {described:?}");
            let star: &[usize] = if either { &[2, 4] } else { &[4] };
            prop_assert_eq!(with_star(star), Some(described.clone()), "{:?}", text);
        }
    }

    #[test]
    fn runs_increase_match_and_respect_bounds(
        text in arb_frequency(),
        starts_at in arb_instant(),
        after in proptest::option::of(arb_instant()),
        expires_at in proptest::option::of(arb_instant()),
        count in 1u64..200,
    ) {
        let Ok(frequency) = Frequency::parse(&text) else { return Ok(()) };
        let query = RunsQuery { starts_at: Some(starts_at), after, expires_at, count };
        let Ok(runs) = frequency.runs(&query) else { return Ok(()) };
        // Runs may be fewer than asked, or none, when the expiry cuts them off.
        prop_assert!(runs.len() as u64 <= count);
        for pair in runs.windows(2) {
            prop_assert!(pair[0] < pair[1]);
        }
        for t in &runs {
            prop_assert!(*t >= starts_at);
            prop_assert!(after.is_none_or(|a| *t > a));
            prop_assert!(expires_at.is_none_or(|e| *t < e));
            if let Frequency::Cron(cron) = &frequency {
                prop_assert!(cron.matches(*t), "{} does not match {}", t, text);
            }
        }
        // Crontab runs are every match: nothing matches between two of them.
        if let (Frequency::Cron(cron), [first, second, ..]) = (&frequency, &runs[..]) {
            let mut t = *first + chrono::Duration::minutes(1);
            let mut steps = 0;
            while t < *second && steps < 2000 {
                prop_assert!(!cron.matches(t), "{} skipped for {}", t, text);
                t += chrono::Duration::minutes(1);
                steps += 1;
            }
        }
    }
}

fn cron_description(text: &str) -> String {
    Frequency::parse(text).unwrap().describe(None)
}
