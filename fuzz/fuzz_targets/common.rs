//! Checks shared by the fuzz targets: what must hold for any input, beyond "does not
//! panic". The invariants themselves are shared with the property tests.
#![allow(dead_code)]

#[path = "../../tests/support/invariants.rs"]
pub mod invariants;

use serde_json::Value;
use subkit::Resource;

/// Validates `doc` as `resource` and, reading `doc` as flat input, checks that a
/// built document validates.
pub fn check_resource(resource: Resource, doc: &Value) {
    invariants::assert_validation_consistent(resource, doc);
    invariants::assert_built_documents_validate(resource, doc);
}

/// Reads the input as JSON text and checks it as `resource`, for a create and for an
/// update (in each status the resource has, so the trigger rule runs too).
pub fn fuzz_resource(resource: Resource, data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        let violations = resource.validate_json(text);
        if let Ok(doc) = serde_json::from_str::<Value>(text) {
            assert_eq!(violations, resource.validate(&doc));
            check_resource(resource, &doc);
        } else {
            assert_eq!(violations.len(), 1);
        }
        fuzz_update(resource, text);
    }
}

/// An update of `text`: the text and its parsed value give the same answer, a built
/// update document validates again, and every violation renders.
fn fuzz_update(resource: Resource, text: &str) {
    use subkit::commercelayer::{Context, Current};
    for status in [None, Some("draft"), Some("active"), Some("cancelled")] {
        let context = Context {
            current: Current {
                status,
                starts_at: Some("2018-01-01T12:00:00.000Z"),
            },
            ..Default::default()
        };
        let violations = resource.validate_update_json(text, "BkMdJFGdjX", &context);
        for v in &violations {
            let _ = v.to_string();
        }
        if let Ok(doc) = serde_json::from_str::<Value>(text) {
            assert_eq!(
                violations,
                resource.validate_update(&doc, "BkMdJFGdjX", &context)
            );
            if let Ok(built) = resource.build_update(&doc, "BkMdJFGdjX", &context) {
                assert!(resource
                    .validate_update(&built, "BkMdJFGdjX", &context)
                    .is_empty());
            }
        }
    }
}
