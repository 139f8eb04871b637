//! Violations for values of the wrong JSON type, shared by every JSON walker.

use serde_json::{Map, Value};

use crate::error::{JsonType, Kind, Violation};
use crate::pointer::Path;

/// The value as an object, or a `type` violation.
pub fn expect_object<'v>(
    value: &'v Value,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) -> Option<&'v Map<String, Value>> {
    match value {
        Value::Object(map) => Some(map),
        other => {
            out.push(type_violation(at, JsonType::Object, other));
            None
        }
    }
}

/// A `type` violation: `expected` was needed, `found` was given.
pub fn type_violation(at: &Path<'_>, expected: JsonType, found: &Value) -> Violation {
    Violation::new(
        at.to_pointer(),
        Kind::Type {
            expected,
            found: JsonType::of(found),
        },
    )
}
