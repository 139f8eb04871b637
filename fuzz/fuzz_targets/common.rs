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
