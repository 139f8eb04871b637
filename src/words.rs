//! The English words of every rule, as templates, and the one way they are filled in.
//!
//! A rule's English (what `Violation`'s `Display` says after the pointer) is a template
//! of [`ENGLISH`], picked by [`crate::error::Kind::english`], filled with the rule's
//! params by [`fill`]. The vendor adapters' texts are tables of the same kind
//! ([`crate::commercelayer::jsonapi_errors::TEXTS`], [`crate::adobe::errors::CODES`]).
//! The manifest carries every table, and pkg/tables.js is generated from it, so the JS
//! package fills the same templates the same way and the wasm module carries none of
//! them: it answers with the indices of the templates to fill.
//!
//! The syntax: `{name}` is the param `name` (a string as it is, a number in decimal, a
//! list with its entries joined by `", "`); `{@name}` is a value the renderer supplies
//! (the field a pointer names, the rule's own English, …). A name with no value stays
//! as written. There are no escapes: no template holds a literal brace.
//!
//! ```
//! use serde_json::json;
//! let params = json!({ "min": 1, "max": 10, "value": 12 });
//! let text = subkit::words::fill("{value} is out of range {min}-{max}", params.as_object().unwrap(), &[]);
//! assert_eq!(text, "12 is out of range 1-10");
//! ```

use serde_json::{Map, Value};

/// The English of every rule, by key: the rule's code, or `code.variant` where the rule
/// reads in more than one way (`format.email`, `invalid_json.at`). The frequency rule
/// says the engine's own message, which it carries (`{@frequency}`).
pub const ENGLISH: &[(&str, &str)] = &[
    ("invalid_json", "invalid JSON: {reason}"),
    (
        "invalid_json.at",
        "invalid JSON at line {line}, column {column}: {reason}",
    ),
    ("too_large", "is larger than the {limit} {unit} subkit reads"),
    ("type", "expected {expected}, found {found}"),
    ("required", "is required"),
    ("format.email", "is not a valid e-mail address"),
    (
        "format.date-time",
        "is not an ISO 8601 date-time with an offset, such as 2018-01-01T12:00:00.000Z",
    ),
    ("format.url", "is not an https:// URL"),
    (
        "format.bearer-token",
        "is not a bearer token (visible ASCII characters, no spaces)",
    ),
    (
        "format.slug",
        "is not an organization slug (lower-case letters, digits, hyphens)",
    ),
    ("format.alphanumeric", "may hold only ASCII letters and digits"),
    (
        "format.currency-code",
        "is not an active ISO 4217 currency code, such as USD",
    ),
    (
        "format.path-segment",
        "is not safe as a URL path segment (letters, digits, '-', '_', '.', '~'; not '.' or '..')",
    ),
    ("format.date", "is not a calendar date YYYY-MM-DD"),
    (
        "format.usual-offer-id",
        "is not the usual 15-character offer id; check it is complete",
    ),
    (
        "format.account-id",
        "is not an account id (4 to 40 ASCII letters, digits and hyphens)",
    ),
    (
        "format.price-list-currency",
        "is not a currency Adobe's price lists name (AUD, EUR, GBP, JPY, USD); check the partner sells in it",
    ),
    ("resource_type", "type must be \"{expected}\", found \"{found}\""),
    ("not_allowed", "{member} is not allowed"),
    ("forbidden", "{member} is forbidden: {reason}"),
    ("enum", "must be one of {allowed}"),
    ("range", "{value} is out of range {min}-{max}"),
    ("duplicate", "repeats entry {first}"),
    ("after", "must be after {other}"),
    ("frequency", "{@frequency}"),
    (
        "not_offered",
        "is not offered by the subscription model ({offered})",
    ),
    ("linkage", "is not a valid relationship linkage: {reason}"),
    ("const", "must be {expected}"),
    ("max_length", "is longer than {max} characters"),
    ("max_items", "has more than {max} entries"),
    ("dependent_required", "is required when {because} is given"),
    (
        "header_value",
        "must be a non-empty header value with no space or tab at either end, holding only tabs, spaces, visible ASCII and U+0080 to U+00FF",
    ),
    (
        "window",
        "is outside the allowed window: from {from} to {to}, both included ({relative_to})",
    ),
    ("not_eligible", "{reason}"),
    (
        "id_mismatch",
        "id \"{found}\" is not the id in the path, \"{expected}\"",
    ),
    ("transition", "{trigger} cannot be sent while the status is {status}"),
];

/// The keys of [`ENGLISH`] alone, in its order, computed when compiling. Looking a key
/// up reads only these, so a build that never fills a template (the wasm module, whose
/// answers carry the index) links none of the words.
// Evaluated by the compiler: an index out of bounds would fail the build, not a call.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const KEYS: [&str; ENGLISH.len()] = keys_of!(ENGLISH);

/// The first member of every row of a table of words (its key), as an array the
/// compiler fills: code that looks keys up reads this, never the words beside them.
/// Used in a `const` item, which the compiler evaluates.
macro_rules! keys_of {
    ($table:expr) => {{
        let mut keys = [""; $table.len()];
        let mut i = 0;
        while i < $table.len() {
            keys[i] = $table[i].0;
            i += 1;
        }
        keys
    }};
}
pub(crate) use keys_of;

/// The position of `key` in [`ENGLISH`] (0, `invalid_json`, for a key it lacks, which
/// a test rules out for every rule).
pub fn english_index(key: &str) -> usize {
    KEYS.iter().position(|k| *k == key).unwrap_or(0)
}

/// The position of the first key of [`ENGLISH`] that `matches`.
pub fn english_position(matches: impl Fn(&str) -> bool) -> Option<usize> {
    KEYS.iter().position(|k| matches(k))
}

/// The template at `index` of [`ENGLISH`].
pub fn english_template(index: usize) -> &'static str {
    ENGLISH.get(index).map_or("", |(_, t)| *t)
}

/// `template` with each `{name}` replaced by `params[name]` and each `{@name}` by the
/// value `extras` gives it; names with no value stay as written.
pub fn fill(template: &str, params: &Map<String, Value>, extras: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        let (before, from_brace) = rest.split_at(open);
        out.push_str(before);
        let Some(close) = from_brace.find('}') else {
            out.push_str(from_brace);
            return out;
        };
        let (whole_open, after) = from_brace.split_at(close);
        let name = whole_open.get(1..).unwrap_or_default();
        let after = after.strip_prefix('}').unwrap_or(after);
        let whole = from_brace
            .get(..from_brace.len().saturating_sub(after.len()))
            .unwrap_or_default();
        match name.strip_prefix('@') {
            Some(extra) => match extras.iter().find(|(k, _)| *k == extra) {
                Some((_, v)) => out.push_str(v),
                None => out.push_str(whole),
            },
            None => match params.get(name) {
                Some(v) => push_value(&mut out, v),
                None => out.push_str(whole),
            },
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A param as the templates show it.
fn push_value(out: &mut String, value: &Value) {
    match value {
        Value::String(s) => out.push_str(s),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                if i > 0 {
                    out.push_str(", ");
                }
                push_value(out, item);
            }
        }
        other => out.push_str(&other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn fills_params_lists_and_extras_and_keeps_unknown_names() {
        let params = serde_json::json!({ "allowed": ["a", "b"], "n": 3, "s": "x" });
        let params = params.as_object().cloned().unwrap_or_default();
        assert_eq!(
            fill(
                "{allowed}; {n} {s} {@who} {missing} {@none}",
                &params,
                &[("who", "me")]
            ),
            "a, b; 3 x me {missing} {@none}"
        );
        assert_eq!(fill("open { brace", &params, &[]), "open { brace");
    }

    #[test]
    fn keys_are_unique() {
        for (i, (k, _)) in ENGLISH.iter().enumerate() {
            assert_eq!(english_index(k), i, "{k}");
        }
    }
}
