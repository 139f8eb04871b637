//! What must hold for any input, shared by the property tests (tests/properties.rs)
//! and the fuzz targets (fuzz/fuzz_targets/common.rs), which include this file.

use serde_json::Value;
use subkit::commercelayer::jsonapi_errors::{error_objects, response_status};
use subkit::commercelayer::{BuildOptions, Context};
use subkit::{Resource, Violation};

/// Frequencies of a subscription model, for the checks that take one.
pub const OFFERED: [&str; 2] = ["monthly", "0 9 * * 1"];

/// Every pointer names a place in `doc`, or a member missing from it: a required one,
/// or one missing from an object that is there.
pub fn assert_pointers_resolve(doc: &Value, violations: &[Violation]) {
    for v in violations {
        let code = v.code().as_str();
        let missing_member = v.pointer.rsplit_once('/').is_some_and(|(parent, last)| {
            doc.pointer(parent)
                .and_then(Value::as_object)
                .is_some_and(|o| !o.contains_key(&subkit::pointer::unescape(last)))
        });
        assert!(
            doc.pointer(&v.pointer).is_some()
                || missing_member
                || matches!(code, "required" | "dependent_required"),
            "{code} at {:?} does not resolve in {doc}",
            v.pointer
        );
    }
}

/// Validating `doc` as `resource`, with and without a model's frequencies: pointers
/// resolve, every violation renders, the status says whether any did, and the JSON
/// text of `doc` gives the same answer.
pub fn assert_validation_consistent(resource: Resource, doc: &Value) {
    let offered: Vec<String> = OFFERED.iter().map(|s| (*s).to_owned()).collect();
    for context in [
        Context::default(),
        Context {
            model_frequencies: Some(&offered),
            ..Default::default()
        },
    ] {
        let violations = resource.validate_with(doc, &context);
        assert_pointers_resolve(doc, &violations);
        assert_eq!(error_objects(&violations).len(), violations.len());
        assert_eq!(
            response_status(&violations).is_none(),
            violations.is_empty()
        );
        if context.model_frequencies.is_none() {
            assert_eq!(resource.validate_json(&doc.to_string()), violations);
        }
    }
}

/// Reading `input` as flat input: whatever `build_with` builds validates.
pub fn assert_built_documents_validate(resource: Resource, input: &Value) {
    let offered: Vec<String> = OFFERED.iter().map(|s| (*s).to_owned()).collect();
    for model_frequencies in [None, Some(&offered[..])] {
        let context = Context {
            model_frequencies,
            ..Default::default()
        };
        for with_defaults in [false, true] {
            let options = BuildOptions {
                with_defaults,
                context,
            };
            if let Ok(doc) = resource.build_with(input, &options) {
                let again = resource.validate_with(&doc, &context);
                assert!(again.is_empty(), "built {doc} fails: {again:?}");
            }
        }
    }
}
