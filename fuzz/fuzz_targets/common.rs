//! Checks shared by the fuzz targets: what must hold for any input, beyond "does not
//! panic".
#![allow(dead_code)]

use serde_json::Value;
use subkit::payload::jsonapi_errors::{error_objects, response_status};
use subkit::payload::{BuildOptions, Context};
use subkit::{Resource, Violation};

/// Every pointer names a place in `doc`, or a member missing from it: a required one,
/// or one missing from an object that is there.
pub fn pointers_resolve(doc: &Value, violations: &[Violation]) {
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

/// Validates `doc` as `resource` (with and without a model's frequencies), renders
/// the errors, and, reading `doc` as flat input, checks that a built document
/// validates.
pub fn check_resource(resource: Resource, doc: &Value) {
    let offered = ["monthly".to_owned(), "0 9 * * 1".to_owned()];
    for context in [
        Context::default(),
        Context {
            model_frequencies: Some(&offered),
        },
    ] {
        let violations = resource.validate_with(doc, &context);
        pointers_resolve(doc, &violations);
        let errors = error_objects(&violations);
        assert_eq!(errors.len(), violations.len());
        assert_eq!(response_status(&violations).is_none(), violations.is_empty());
        for with_defaults in [false, true] {
            let options = BuildOptions {
                with_defaults,
                context,
            };
            if let Ok(built) = resource.build_with(doc, &options) {
                let again = resource.validate_with(&built, &context);
                assert!(again.is_empty(), "built document fails: {again:?}");
            }
        }
    }
}

/// Reads the input as JSON text and checks it as `resource`.
pub fn fuzz_resource(resource: Resource, data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let violations = resource.validate_json(text);
        if let Ok(doc) = serde_json::from_str::<Value>(text) {
            assert_eq!(violations, resource.validate(&doc));
            check_resource(resource, &doc);
        } else {
            assert_eq!(violations.len(), 1);
        }
    }
}
