//! Checks of single attribute values against their [`ValueSpec`].
//!
//! Entry point: [`check_value`]. `null` and blank strings are handled by the caller
//! (they are "blank", not wrong); this module sees present values only.

use serde_json::Value;

use super::spec::ValueSpec;
use crate::check::values::type_violation;
use crate::error::{JsonType, Kind, Violation};
use crate::pointer::Path;
use crate::schedule::{Frequency, FrequencyError, FrequencyErrorKind};

/// Pushes every violation of `value` against `spec` at `at`.
pub fn check_value(spec: ValueSpec, value: &Value, at: &Path<'_>, out: &mut Vec<Violation>) {
    let violation = |kind| Violation::new(at.to_pointer(), kind);
    match (spec, value) {
        (ValueSpec::String, Value::String(_)) | (ValueSpec::Object, Value::Object(_)) => {}
        (ValueSpec::Boolean, Value::Bool(_)) => {}
        (ValueSpec::FormattedString(format), Value::String(s)) => {
            if !format.matches(s) {
                out.push(violation(Kind::Format { format }));
            }
        }
        (ValueSpec::OneOf(allowed), Value::String(s)) => {
            if !allowed.contains(&s.as_str()) {
                out.push(violation(Kind::Enum { allowed }));
            }
        }
        (ValueSpec::Integer { min, max }, Value::Number(n)) => match whole_number(n) {
            Some(v) if v < min || v > max => {
                out.push(violation(Kind::Range { min, max, value: v }))
            }
            Some(_) => {}
            None => out.push(type_violation(at, JsonType::Integer, value)),
        },
        (ValueSpec::Frequency, Value::String(s)) => {
            if let Err(kind) = commerce_layer_frequency(s) {
                out.push(violation(kind));
            }
        }
        (ValueSpec::Frequencies, Value::Array(items)) => check_frequencies(items, at, out),
        (spec, other) => out.push(type_violation(at, expected_type(spec), other)),
    }
}

fn expected_type(spec: ValueSpec) -> JsonType {
    match spec {
        ValueSpec::String
        | ValueSpec::FormattedString(_)
        | ValueSpec::OneOf(_)
        | ValueSpec::Frequency => JsonType::String,
        ValueSpec::Boolean => JsonType::Boolean,
        ValueSpec::Integer { .. } => JsonType::Integer,
        ValueSpec::Frequencies => JsonType::Array,
        ValueSpec::Object => JsonType::Object,
    }
}

/// A JSON number with no fractional part (`2` and `2.0`), as an `i64`.
fn whole_number(n: &serde_json::Number) -> Option<i64> {
    if let Some(v) = n.as_i64() {
        return Some(v);
    }
    let f = n.as_f64()?;
    #[allow(clippy::cast_possible_truncation)] // whole and within ±2^53, checked first
    (f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0).then_some(f as i64)
}

/// The canonical form of a Commerce Layer frequency, or why `text` is not one.
fn commerce_layer_frequency(text: &str) -> Result<String, Kind> {
    let error = match Frequency::parse(text) {
        Ok(f) => match f.commerce_layer_check() {
            Ok(()) => return Ok(f.normalized(text)),
            Err(e) => e,
        },
        // A parse failure always carries at least one error; the fallback only keeps
        // this total without a panic path.
        Err(errors) => errors
            .into_iter()
            .next()
            .unwrap_or_else(|| FrequencyError::new(FrequencyErrorKind::Empty, (0, text.len()))),
    };
    Err(Kind::Frequency {
        error: error.into(),
    })
}

/// Each entry must be a Commerce Layer frequency, and no entry may repeat an earlier
/// one (compared in canonical form, so `Monthly` repeats `monthly`).
fn check_frequencies(items: &[Value], at: &Path<'_>, out: &mut Vec<Violation>) {
    if items.is_empty() {
        out.push(Violation::new(at.to_pointer(), Kind::Required));
        return;
    }
    let mut seen: Vec<(String, usize)> = Vec::with_capacity(items.len());
    for (i, item) in items.iter().enumerate() {
        let entry = at.index(i);
        let Value::String(text) = item else {
            out.push(type_violation(&entry, JsonType::String, item));
            continue;
        };
        // Parsed once: the fault, or the canonical form to compare for duplicates.
        let canonical = match commerce_layer_frequency(text) {
            Ok(canonical) => canonical,
            Err(kind) => {
                out.push(Violation::new(entry.to_pointer(), kind));
                continue;
            }
        };
        match seen.iter().find(|(c, _)| *c == canonical) {
            Some((_, first)) => out.push(Violation::new(
                entry.to_pointer(),
                Kind::Duplicate { first: *first },
            )),
            None => seen.push((canonical, i)),
        }
    }
}
