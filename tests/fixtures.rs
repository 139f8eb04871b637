//! Table-driven runner for `tests/fixtures/<domain>/*.json`, natively and in wasm.
//!
//! Each fixture file names a resource and lists cases: a `document` (JSON value) or
//! `text` (raw JSON text) to validate, or an `input` to build, and the `expected`
//! HTTP status and JSON:API error objects. An expected error object lists only the
//! members a case is about; they must match exactly, and the count and order of the
//! errors must match too. The files are embedded so the same runner works under
//! wasm-bindgen-test in Node and in a browser, where there is no file system.
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use serde_json::{json, Value};
use subkit::payload::jsonapi_errors::{error_objects, response_status};
use subkit::Resource;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

/// Every fixture file; `listed_fixtures_are_all_the_files` keeps this complete.
const FIXTURES: &[(&str, &str)] = &[
    (
        "customer_subscriptions/validate.json",
        include_str!("fixtures/customer_subscriptions/validate.json"),
    ),
    (
        "customer_subscriptions/build.json",
        include_str!("fixtures/customer_subscriptions/build.json"),
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

fn run_case(resource: Resource, case: &Value) -> Result<(), String> {
    let (violations, document) = if let Some(input) = case.get("input") {
        match resource.build(input) {
            Ok(doc) => (Vec::new(), Some(doc)),
            Err(v) => (v, None),
        }
    } else if let Some(text) = case.get("text").and_then(Value::as_str) {
        (resource.validate_json(text), None)
    } else {
        (resource.validate(&case["document"]), None)
    };
    let expected = &case["expected"];
    let status = response_status(&violations);
    if json!(status) != expected["status"] {
        return Err(format!(
            "status {status:?}, expected {}",
            expected["status"]
        ));
    }
    let actual = serde_json::to_value(error_objects(&violations)).unwrap();
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

#[test]
fn fixtures_pass() {
    let mut failures = Vec::new();
    let mut count = 0;
    for (name, text) in FIXTURES {
        let file: Value = serde_json::from_str(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let resource: Resource = file["resource"].as_str().unwrap().parse().unwrap();
        for case in file["cases"].as_array().unwrap() {
            count += 1;
            if let Err(why) = run_case(resource, case) {
                failures.push(format!("{name}: {}: {why}", case["description"]));
            }
        }
    }
    assert!(count > 0, "no fixture cases ran");
    assert!(failures.is_empty(), "{}", failures.join("\n"));
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
