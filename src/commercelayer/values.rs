//! Checks of single attribute values against their [`ValueSpec`].
//!
//! Entry point: [`check_value`]. `null` and blank strings are handled by the caller
//! (they are "blank", not wrong); this module sees present values only.

use super::spec::ValueSpec;
use crate::check::values::type_violation;
use crate::error::{JsonType, Kind, Violation};
use crate::json::names::NameTable;
use crate::json::reader::{Fault, Reader, Token};
use crate::pointer::Path;
use crate::prelude::*;
use crate::schedule::{Frequency, FrequencyError, FrequencyErrorKind};

/// Pushes every violation of the value whose token was just read against `spec`, and
/// reads past the rest of the value.
pub fn check_value<'a>(
    spec: ValueSpec,
    token: Token<'a>,
    r: &mut Reader<'a>,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) -> Result<(), Fault> {
    let violation = |kind| Violation::new(at.to_pointer(), kind);
    match (spec, &token) {
        (ValueSpec::String, Token::String(_)) | (ValueSpec::Boolean, Token::Bool(_)) => {}
        (ValueSpec::Object, Token::Object) => return r.skip(token),
        (ValueSpec::FormattedString(format), Token::String(s)) => {
            if !format.matches(s) {
                out.push(violation(Kind::Format { format }));
            }
        }
        (ValueSpec::OneOf(allowed), Token::String(s)) => {
            if !allowed.contains(&s.as_ref()) {
                out.push(violation(Kind::Enum { allowed }));
            }
        }
        (ValueSpec::Integer { min, max }, Token::Number(_)) => match token.whole_number() {
            Some(v) if v < min || v > max => {
                out.push(violation(Kind::Range { min, max, value: v }))
            }
            Some(_) => {}
            None => out.push(type_violation(at, JsonType::Integer, &token)),
        },
        (ValueSpec::Frequency, Token::String(s)) => {
            if let Err(kind) = commerce_layer_frequency(s) {
                out.push(violation(kind));
            }
        }
        (ValueSpec::Frequencies, Token::Array) => return check_frequencies(r, at, out),
        (spec, _) => {
            out.push(type_violation(at, expected_type(spec), &token));
            return r.skip(token);
        }
    }
    Ok(())
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

/// The frequency `text` names, or why it is not a Commerce Layer frequency.
fn commerce_layer_frequency(text: &str) -> Result<Frequency, Kind> {
    let error = match Frequency::parse(text) {
        Ok(f) => match f.commerce_layer_check() {
            Ok(()) => return Ok(f),
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
        error: Box::new(error.into()),
    })
}

/// Each entry must be a Commerce Layer frequency, and no entry may repeat an earlier
/// one (compared in canonical form, so `Monthly` repeats `monthly`). The reader is
/// just inside the array. Repeats are found with a [`NameTable`], so a list of 10^5
/// entries is checked in linear time.
fn check_frequencies(
    r: &mut Reader<'_>,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) -> Result<(), Fault> {
    let mut faults: Vec<(usize, Kind)> = Vec::new();
    let mut forms: Vec<(String, usize)> = Vec::new();
    let mut count = 0usize;
    while r.element()? {
        let index = count;
        count = count.saturating_add(1);
        let item = r.value()?;
        let Token::String(text) = &item else {
            let found = item.json_type();
            let expected = JsonType::String;
            faults.push((index, Kind::Type { expected, found }));
            r.skip(item)?;
            continue;
        };
        // Parsed once: the fault, or the canonical form to compare for repeats.
        match commerce_layer_frequency(text) {
            Ok(frequency) => forms.push((frequency.normalized(text), index)),
            Err(kind) => faults.push((index, kind)),
        }
    }
    if count == 0 {
        out.push(Violation::new(at.to_pointer(), Kind::Required));
        return Ok(());
    }
    // Repeats, in document order, merged with the other faults (also in that order).
    let texts: Vec<&str> = forms.iter().map(|(f, _)| f.as_str()).collect();
    let firsts = NameTable::first_occurrences(&texts);
    let mut repeats = firsts
        .iter()
        .zip(&forms)
        .enumerate()
        .filter(|(i, (first, _))| i != *first)
        .filter_map(|(_, (&first, (_, index)))| {
            let first = forms.get(first)?.1;
            Some((*index, Kind::Duplicate { first }))
        })
        .peekable();
    let mut faults = faults.into_iter().peekable();
    loop {
        let fault_first = match (faults.peek(), repeats.peek()) {
            (Some(f), Some(r)) => f.0 < r.0,
            (Some(_), None) => true,
            (None, Some(_)) => false,
            (None, None) => break,
        };
        let next = if fault_first {
            faults.next()
        } else {
            repeats.next()
        };
        if let Some((i, kind)) = next {
            out.push(Violation::new(at.index(i).to_pointer(), kind));
        }
    }
    Ok(())
}
