//! Violations for values of the wrong JSON type, shared by every one-pass walker.

use crate::error::{JsonType, Kind, Violation};
use crate::json::reader::Token;
use crate::pointer::Path;

/// A `type` violation for a value read as `found`: `expected` was needed.
pub(crate) fn type_violation(at: &Path<'_>, expected: JsonType, found: &Token<'_>) -> Violation {
    Violation::new(
        at.to_pointer(),
        Kind::Type {
            expected,
            found: found.json_type(),
        },
    )
}
