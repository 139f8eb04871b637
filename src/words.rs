//! The English words of every rule, as templates, and the one way they are filled in.
//!
//! A rule's English (what `Violation`'s `Display` says after the pointer) is a template
//! of [`ENGLISH`], picked by [`crate::error::Kind::english`], filled with the rule's
//! params by [`fill`]. The schedule engine's messages are templates of [`SCHEDULE`],
//! picked by each error's [`Words`] and filled with its params by [`fill_params`]. The
//! sentences some rules give as a param (why JSON text could not be read, why JSON:API
//! forbids a member, …) are rows of [`REASONS`], which a violation names by a
//! [`Reason`]. The vendor adapters' texts are tables of the same kind
//! ([`crate::commercelayer::jsonapi_errors::TEXTS`], [`crate::adobe::errors::CODES`]).
//! The manifest carries every table, and pkg/tables.js is generated from it, so the JS
//! package fills the same templates the same way and the wasm module carries none of
//! them: it answers with the indices of the templates to fill.
//!
//! The syntax: `{name}` is the param `name` (a string as it is, a number in decimal, a
//! list with its entries joined by `", "`); `{name|or}` is a list joined by `", "` and
//! by the word given before its last entry (`30 or 31`), and `{name|or|January|…}` the
//! same with each entry, a number, written as the name at its place counting from 1
//! (an entry with no name there is left out); `{@name}` is a value the renderer
//! supplies (the field a pointer names, the rule's own English, …). A name with no
//! value stays as written. There are no escapes: no template holds a literal brace.
//!
//! ```
//! use serde_json::json;
//! let params = json!({ "min": 1, "max": 10, "value": 12 });
//! let text = subkit::words::fill("{value} is out of range {min}-{max}", params.as_object().unwrap(), &[]);
//! assert_eq!(text, "12 is out of range 1-10");
//! ```

use crate::prelude::*;
use alloc::borrow::Cow;

use serde::ser::{Serialize, SerializeMap, Serializer};
#[cfg(feature = "value")]
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

/// The schedule engine's messages, by key: a frequency's faults (`frequency.<code>`,
/// what the frequency rule's `{@frequency}` says), a next-runs query's
/// (`runs.<code>`), each with the variants its wording needs, and the reasons two of
/// them give as their `{@reason}`: why an expression never fires (`never_fires.day`,
/// `never_fires.days`) and why an instant could not be read (`instant.<reason>`,
/// which [`crate::schedule::instant::InstantError`]'s `Display` says too). A message
/// is picked by the error's [`Words`].
pub const SCHEDULE: &[(&str, &str)] = &[
    ("frequency.empty", "frequency is empty"),
    ("frequency.too_long", "frequency is longer than {limit} bytes"),
    (
        "frequency.unknown_frequency",
        "\"{text}\" is not a preset (hourly, daily, weekly, monthly, two-month, three-month, four-month, six-month, yearly) or a 5-field crontab expression",
    ),
    (
        "frequency.field_count",
        "expected 5 fields (minute hour day-of-month month day-of-week), found {found}",
    ),
    ("frequency.out_of_range", "{field} {value} is out of range {min}-{max}"),
    ("frequency.invalid_value", "{field} \"{text}\" is not a number"),
    (
        "frequency.invalid_value.month",
        "{field} \"{text}\" is not a number or a month name (JAN-DEC)",
    ),
    (
        "frequency.invalid_value.day-of-week",
        "{field} \"{text}\" is not a number or a weekday name (SUN-SAT)",
    ),
    (
        "frequency.invalid_step",
        "{field} step \"{text}\" must be a whole number of at least 1",
    ),
    (
        "frequency.invalid_range",
        "{field} range {start}-{end} goes backwards; write the smaller value first",
    ),
    ("frequency.never_fires", "the expression never fires: {@reason}"),
    (
        "frequency.sub_hourly",
        "fires {per_hour} times an hour; Commerce Layer's minimum unit is the hour, so the minute field must name a single minute",
    ),
    (
        "never_fires.day",
        "day {days|or} never occurs in {months|or|January|February|March|April|May|June|July|August|September|October|November|December}",
    ),
    (
        "never_fires.days",
        "days {days|or} never occur in {months|or|January|February|March|April|May|June|July|August|September|October|November|December}",
    ),
    ("runs.invalid_instant", "{option}: {@reason}"),
    // Named as RunsQuery names them, with the JS option beside: the message is read in
    // both languages.
    (
        "runs.missing_start.preset",
        "starts_at (startsAt in JavaScript) is required: a preset runs from its start date",
    ),
    (
        "runs.missing_start",
        "starts_at or after (startsAt or after in JavaScript) is required: runs are searched from one of them",
    ),
    // `{text}`: the count in full, which a JS number may not hold exactly.
    ("runs.count_out_of_range", "count {text} is out of range 1-{max}"),
    (
        "runs.horizon",
        "no run before 9999-12-31T23:59:59.999Z, the last supported instant",
    ),
    (
        "instant.not_iso",
        "\"{text}\" is not an ISO 8601 date-time such as 2018-01-01T12:00:00.000Z",
    ),
    (
        "instant.no_offset",
        "\"{text}\" has no UTC offset; add Z (UTC) or an offset such as +02:00",
    ),
    (
        "instant.out_of_range",
        "outside the supported range 0001-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z",
    ),
    ("instant.not_a_time", "not a time (NaN or infinite)"),
];

/// The sentences rules give as a param, by key (`<rule>.<what>`): the `reason` of
/// `invalid_json`, `forbidden`, `linkage` and `not_eligible`, and the `relative_to` of
/// `window`, whose rows are templates naming `{date}`. A violation carries the row as a
/// [`Reason`] (with its date, a [`DatedReason`]); the JS package's answers carry its
/// index ([`WordlessParams`](crate::error::WordlessParams)), so the wasm module holds
/// none of the sentences. The other rows are said as they are.
pub const REASONS: &[(&str, &str)] = &[
    // Why JSON text could not be read: the reader's faults, worded as serde_json's.
    ("invalid_json.expected_value", "expected value"),
    ("invalid_json.eof_value", "EOF while parsing a value"),
    ("invalid_json.recursion_limit", "recursion limit exceeded"),
    ("invalid_json.expected_ident", "expected ident"),
    ("invalid_json.invalid_number", "invalid number"),
    ("invalid_json.number_out_of_range", "number out of range"),
    ("invalid_json.invalid_code_point", "invalid unicode code point"),
    (
        "invalid_json.control_character",
        "control character (\\u0000-\\u001F) found while parsing a string",
    ),
    ("invalid_json.eof_string", "EOF while parsing a string"),
    ("invalid_json.invalid_escape", "invalid escape"),
    (
        "invalid_json.lone_leading_surrogate",
        "lone leading surrogate in hex escape",
    ),
    (
        "invalid_json.lone_trailing_surrogate",
        "lone trailing surrogate in hex escape",
    ),
    ("invalid_json.expected_comma_or_brace", "expected `,` or `}`"),
    ("invalid_json.eof_object", "EOF while parsing an object"),
    ("invalid_json.trailing_comma", "trailing comma"),
    ("invalid_json.key_not_string", "key must be a string"),
    ("invalid_json.expected_colon", "expected `:`"),
    ("invalid_json.eof_list", "EOF while parsing a list"),
    ("invalid_json.expected_comma_or_bracket", "expected `,` or `]`"),
    ("invalid_json.trailing_characters", "trailing characters"),
    // Text that reached no reader.
    (
        "invalid_json.lone_surrogate",
        "the text has a lone surrogate (it is not valid UTF-16)",
    ),
    ("invalid_json.not_utf8", "the text is not UTF-8"),
    // What JSON:API forbids in a request document.
    ("forbidden.errors", "a request document must not contain errors"),
    (
        "forbidden.included",
        "a create request carries only the primary resource",
    ),
    (
        "forbidden.top_level",
        "a JSON:API document allows only data, meta, jsonapi and links at the top level",
    ),
    (
        "forbidden.reserved_attribute",
        "JSON:API reserves id and type; they cannot be attributes",
    ),
    (
        "forbidden.inside_attributes",
        "JSON:API forbids relationships and links inside attributes",
    ),
    (
        "forbidden.shared_namespace",
        "JSON:API fields share one namespace: a name cannot be both an attribute and a relationship",
    ),
    // The request options of Commerce Layer's requests.
    (
        "forbidden.base_url_and_organization",
        "give baseUrl or organization, not both",
    ),
    (
        "forbidden.base_url_query",
        "a base URL is an origin (https://host[:port]) and cannot have a query",
    ),
    (
        "forbidden.base_url_fragment",
        "a base URL is an origin (https://host[:port]) and cannot have a fragment",
    ),
    (
        "forbidden.base_url_path",
        "a base URL is an origin (https://host[:port]) and cannot have a path; subkit adds /api/<resource>",
    ),
    // A relationship's linkage.
    (
        "linkage.not_object",
        "a relationship is an object with a data member",
    ),
    (
        "linkage.to_many",
        "a to-many relationship's data is an array of { type, id } objects",
    ),
    ("linkage.no_data", "a relationship needs a data member"),
    (
        "linkage.identifier_not_object",
        "a resource identifier is an object { type, id }",
    ),
    ("linkage.not_strings", "type and id are strings"),
    (
        "linkage.other_member",
        "a resource identifier holds only type and id",
    ),
    (
        "linkage.missing_member",
        "a resource identifier needs type and id",
    ),
    // What the caller's context rules out for Adobe.
    (
        "not_eligible.consumable",
        "Adobe does not allow subscriptions to consumable offers (such as Adobe Stock credit packs and Adobe Sign transactions)",
    ),
    (
        "not_eligible.no_active_subscription",
        "a customer with no active subscription cannot create one",
    ),
    (
        "not_eligible.inactive_subscription",
        "only an active or scheduled subscription can be updated",
    ),
    // What Adobe's windows are measured from.
    (
        "window.creation",
        "30 to 3 days before the anniversary date {date}",
    ),
    (
        "window.update",
        "at least 3 days before the anniversary date {date}, or the renewal may not use it",
    ),
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

/// The position of `key` in [`SCHEDULE`], for the compiler: code names a message by
/// its key through `schedule_at!`, which makes it an index when compiling, so that the
/// module holds neither the keys nor the words.
pub const fn schedule_position(key: &str) -> Option<usize> {
    position(SCHEDULE, key)
}

/// The position of `key` among the keys of `table`, in a form the compiler evaluates.
const fn position(table: &[(&str, &str)], key: &str) -> Option<usize> {
    const fn same(a: &[u8], b: &[u8]) -> bool {
        if a.len() != b.len() {
            return false;
        }
        let (mut a, mut b) = (a, b);
        while let ([x, a_rest @ ..], [y, b_rest @ ..]) = (a, b) {
            if *x != *y {
                return false;
            }
            a = a_rest;
            b = b_rest;
        }
        true
    }
    let mut rest = table;
    let mut at = 0usize;
    while let [(k, _), tail @ ..] = rest {
        if same(k.as_bytes(), key.as_bytes()) {
            return Some(at);
        }
        rest = tail;
        at = at.saturating_add(1);
    }
    None
}

/// The index in [`SCHEDULE`] of the key given, a literal, found when compiling: a key
/// the table lacks fails the build.
macro_rules! schedule_at {
    ($key:literal) => {{
        // Evaluated by the compiler, never when running.
        #[allow(clippy::panic)]
        const AT: usize = match $crate::words::schedule_position($key) {
            Some(at) => at,
            None => panic!(concat!("src/words.rs SCHEDULE has no ", $key)),
        };
        AT
    }};
}
pub(crate) use schedule_at;

/// The template at `index` of [`SCHEDULE`].
pub fn schedule_template(index: usize) -> &'static str {
    SCHEDULE.get(index).map_or("", |(_, t)| *t)
}

/// The keys of [`REASONS`] alone, in its order: what [`Reason::key`] reads, so that
/// naming a reason links none of the sentences.
// Evaluated by the compiler: an index out of bounds would fail the build, not a call.
#[allow(clippy::indexing_slicing, clippy::arithmetic_side_effects)]
const REASON_KEYS: [&str; REASONS.len()] = keys_of!(REASONS);

/// A sentence of [`REASONS`]: why a rule failed, as its `reason` param says it. Code
/// names one by its key through `reason!`, which makes it the row's index when
/// compiling; [`Reason::from_key`] finds one when running. `Display` and
/// [`Reason::english`] say the sentence; serialised, a reason is its index, as the JS
/// package's answers carry it (pkg/render.js says the sentence from pkg/tables.js).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Reason(usize);

impl Reason {
    /// The reason whose key is `key`, e.g. `"linkage.no_data"`.
    ///
    /// ```
    /// use subkit::words::Reason;
    /// let reason = Reason::from_key("linkage.no_data").unwrap();
    /// assert_eq!(reason.english(), "a relationship needs a data member");
    /// assert_eq!(reason.key(), "linkage.no_data");
    /// assert_eq!(Reason::from_key("no such key"), None);
    /// ```
    pub const fn from_key(key: &str) -> Option<Reason> {
        match position(REASONS, key) {
            Some(at) => Some(Reason(at)),
            None => None,
        }
    }

    /// The reason at `index` of [`REASONS`], if there is one.
    pub fn at(index: usize) -> Option<Reason> {
        (index < REASONS.len()).then_some(Reason(index))
    }

    /// Every reason, in the order of [`REASONS`].
    pub fn all() -> impl Iterator<Item = Reason> {
        (0..REASONS.len()).map(Reason)
    }

    /// Its row in [`REASONS`]: what the JS package's answers carry.
    pub fn index(self) -> usize {
        self.0
    }

    /// Its stable key, e.g. `"invalid_json.eof_string"`.
    pub fn key(self) -> &'static str {
        REASON_KEYS.get(self.0).copied().unwrap_or_default()
    }

    /// The sentence, e.g. `"EOF while parsing a string"` (a window's, with its `{date}`
    /// unfilled: [`DatedReason::english`] fills it).
    pub fn english(self) -> &'static str {
        REASONS.get(self.0).map_or("", |(_, t)| *t)
    }
}

/// Its key, which says which sentence it is without linking the sentences.
impl core::fmt::Debug for Reason {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.debug_tuple("Reason").field(&self.key()).finish()
    }
}

/// The sentence.
impl core::fmt::Display for Reason {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(self.english())
    }
}

/// The index, as the JS package's answers carry it.
impl Serialize for Reason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_u64(u64::try_from(self.0).unwrap_or(u64::MAX))
    }
}

/// The reason of [`REASONS`] whose key is given, a literal, found when compiling: a key
/// the table lacks fails the build.
macro_rules! reason {
    ($key:literal) => {{
        // Evaluated by the compiler, never when running.
        #[allow(clippy::panic)]
        const REASON: $crate::words::Reason = match $crate::words::Reason::from_key($key) {
            Some(reason) => reason,
            None => panic!(concat!("src/words.rs REASONS has no ", $key)),
        };
        REASON
    }};
}
pub(crate) use reason;

/// A sentence of [`REASONS`] that names a date (`{date}`), with the date: what a window
/// is measured from (`window.creation`: "30 to 3 days before the anniversary date
/// 2025-04-25"). Serialised as `[index, date]`, as the JS package's answers carry it.
///
/// ```
/// use subkit::words::{DatedReason, Reason};
/// let creation = DatedReason {
///     reason: Reason::from_key("window.creation").unwrap(),
///     date: "2025-04-25".to_owned(),
/// };
/// assert_eq!(creation.english(), "30 to 3 days before the anniversary date 2025-04-25");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DatedReason {
    /// The sentence, a template naming `{date}`.
    pub reason: Reason,
    /// The date it names, `YYYY-MM-DD`.
    pub date: String,
}

impl DatedReason {
    /// The sentence with its date.
    pub fn english(&self) -> String {
        fill_params(
            self.reason.english(),
            &[("date", Param::Str(&self.date))],
            &[],
        )
    }
}

/// The sentence with its date.
impl core::fmt::Display for DatedReason {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str(&self.english())
    }
}

/// `[index, date]`, as the JS package's answers carry it.
impl Serialize for DatedReason {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        (self.reason, &self.date).serialize(serializer)
    }
}

/// One param's value, as [`crate::error::Kind::each_param`] and the schedule engine's
/// errors give it: what a template shows, and what the params' JSON holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Param<'a> {
    /// `null`: a frequency fault that names no field.
    Null,
    /// A string.
    Str(&'a str),
    /// `true` or `false`.
    Bool(bool),
    /// A signed whole number.
    Int(i64),
    /// A count or position.
    Count(usize),
    /// A whole number of the schedule engine's (a caller's count may not fit a 32-bit
    /// target's `usize`).
    Whole(u64),
    /// A list of names from the tables.
    Strs(&'a [&'a str]),
    /// A list of the caller's strings.
    Strings(&'a [String]),
    /// A list of whole numbers.
    Numbers(&'a [u32]),
    /// A span of text, `[start, end]`.
    Span(usize, usize),
    /// A sentence of [`REASONS`]: shown, and in [`crate::error::Kind::params`], as the
    /// sentence; serialised as its index, as the JS package's answers carry it.
    Reason(Reason),
    /// A sentence of [`REASONS`] that names a date: shown, and in
    /// [`crate::error::Kind::params`], as the sentence with its date; serialised as
    /// `[index, date]`.
    DatedReason(&'a DatedReason),
}

impl Param<'_> {
    /// The value as [`crate::error::Kind::params`] holds it.
    #[cfg(feature = "value")]
    pub fn to_value(self) -> Value {
        match self {
            Param::Null => Value::Null,
            Param::Str(s) => Value::from(s),
            Param::Bool(b) => Value::from(b),
            Param::Int(n) => Value::from(n),
            Param::Count(n) => Value::from(n),
            Param::Whole(n) => Value::from(n),
            Param::Strs(list) => Value::from(list.to_vec()),
            Param::Strings(list) => Value::from(list.to_vec()),
            Param::Numbers(list) => Value::from(list.to_vec()),
            Param::Span(start, end) => Value::from(vec![start, end]),
            Param::Reason(reason) => Value::from(reason.english()),
            Param::DatedReason(dated) => Value::from(dated.english()),
        }
    }
}

impl Serialize for Param<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match *self {
            Param::Null => serializer.serialize_unit(),
            Param::Str(s) => serializer.serialize_str(s),
            Param::Bool(b) => serializer.serialize_bool(b),
            Param::Int(n) => serializer.serialize_i64(n),
            Param::Count(n) => serializer.serialize_u64(u64::try_from(n).unwrap_or(u64::MAX)),
            Param::Whole(n) => serializer.serialize_u64(n),
            Param::Strs(list) => serializer.collect_seq(list),
            Param::Strings(list) => serializer.collect_seq(list),
            Param::Numbers(list) => serializer.collect_seq(list),
            Param::Span(start, end) => serializer.collect_seq([start, end]),
            Param::Reason(reason) => reason.serialize(serializer),
            Param::DatedReason(dated) => dated.serialize(serializer),
        }
    }
}

/// A param as the Rust API's JSON holds it ([`crate::error::Params`]): a reason as its
/// sentence, anything else as [`Param`] serialises. Only the Rust API writes this; the
/// JS package's answers carry the index, so the wasm module never reads a sentence.
pub(crate) struct English<'a>(pub(crate) Param<'a>);

impl Serialize for English<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.0 {
            Param::Reason(reason) => serializer.serialize_str(reason.english()),
            Param::DatedReason(dated) => serializer.serialize_str(&dated.english()),
            other => other.serialize(serializer),
        }
    }
}

/// The param as the templates show it: text as it is, a reason as its sentence, a
/// list with its entries joined by `", "`, the rest as JSON writes it.
impl core::fmt::Display for Param<'_> {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        let mut out = String::new();
        push_param(&mut out, *self);
        f.write_str(&out)
    }
}

/// Params given as `(name, value)` pairs, serialised as the JSON object they make (a
/// reason as [`Param`] serialises it, its index).
#[derive(Debug, Clone, Copy)]
pub struct ParamList<'p, 'a>(pub &'p [(&'a str, Param<'a>)]);

impl Serialize for ParamList<'_, '_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(Some(self.0.len()))?;
        for (k, v) in self.0 {
            m.serialize_entry(k, v)?;
        }
        m.end()
    }
}

/// `template` with each `{name}` replaced by `params[name]` and each `{@name}` by the
/// value `extras` gives it; names with no value stay as written.
#[cfg(feature = "value")]
pub fn fill(template: &str, params: &Map<String, Value>, extras: &[(&str, &str)]) -> String {
    fill_by(template, extras, |out, name, list| match params.get(name) {
        Some(v) => {
            match list {
                Some(form) => push_list(out, &value_entries(v), form),
                None => push_value(out, v),
            }
            true
        }
        None => false,
    })
}

/// A param list as the JSON object the Rust API's `params()` methods return.
#[cfg(feature = "value")]
pub fn param_map(list: Vec<(&str, Param<'_>)>) -> Map<String, Value> {
    list.into_iter()
        .map(|(k, v)| (k.to_owned(), v.to_value()))
        .collect()
}

/// The params an `each_param` method gives (`Kind::each_param`,
/// `FrequencyError::each_param`, …), in its order, as one list: what [`fill_params`]
/// and [`ParamList`] take.
pub fn param_list<K, P>(
    each: impl FnOnce(
        &mut dyn FnMut(K, P) -> Result<(), core::convert::Infallible>,
    ) -> Result<(), core::convert::Infallible>,
) -> Vec<(K, P)> {
    let mut list = Vec::new();
    let Ok(()) = each(&mut |k, v| {
        list.push((k, v));
        Ok(())
    });
    list
}

/// [`fill`] from typed params, as [`crate::error::Kind::each_param`] and the schedule
/// engine's errors give them: how the crate writes its own messages, with no JSON
/// value built.
pub fn fill_params(
    template: &str,
    params: &[(&str, Param<'_>)],
    extras: &[(&str, &str)],
) -> String {
    fill_by(template, extras, |out, name, list| {
        match params.iter().find(|(k, _)| *k == name) {
            Some((_, p)) => {
                match list {
                    Some(form) => push_list(out, &param_entries(*p), form),
                    None => push_param(out, *p),
                }
                true
            }
            None => false,
        }
    })
}

/// The one reading of the template syntax: `put(out, name, list)` writes the param
/// `name` (with `list`, the form after its first `|`, if it has one) and says whether
/// there is one.
fn fill_by(
    template: &str,
    extras: &[(&str, &str)],
    mut put: impl FnMut(&mut String, &str, Option<&str>) -> bool,
) -> String {
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
        let written = match name.strip_prefix('@') {
            Some(extra) => match extras.iter().find(|(k, _)| *k == extra) {
                Some((_, v)) => {
                    out.push_str(v);
                    true
                }
                None => false,
            },
            None => match name.split_once('|') {
                Some((name, form)) => put(&mut out, name, Some(form)),
                None => put(&mut out, name, None),
            },
        };
        if !written {
            out.push_str(whole);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// A param as the templates show it.
#[cfg(feature = "value")]
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

/// A typed param as [`push_value`] shows the JSON value it serialises as.
fn push_param(out: &mut String, param: Param<'_>) {
    fn list<T: core::fmt::Display>(out: &mut String, items: impl IntoIterator<Item = T>) {
        for (i, item) in items.into_iter().enumerate() {
            if i > 0 {
                out.push_str(", ");
            }
            out.push_str(&item.to_string());
        }
    }
    match param {
        Param::Null => out.push_str("null"),
        Param::Str(s) => out.push_str(s),
        Param::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        Param::Int(n) => out.push_str(&n.to_string()),
        Param::Count(n) => out.push_str(&n.to_string()),
        Param::Whole(n) => out.push_str(&n.to_string()),
        Param::Strs(items) => list(out, items),
        Param::Strings(items) => list(out, items),
        Param::Numbers(items) => list(out, items),
        Param::Span(start, end) => list(out, [start, end]),
        Param::Reason(reason) => out.push_str(reason.english()),
        Param::DatedReason(dated) => out.push_str(&dated.english()),
    }
}

/// One entry of a param written as a list: as it is shown, and the whole number it is,
/// if it is one (which a list of names looks up).
struct Entry {
    text: String,
    number: Option<u64>,
}

#[cfg(feature = "value")]
fn value_entries(value: &Value) -> Vec<Entry> {
    let entry = |v: &Value| {
        let mut text = String::new();
        push_value(&mut text, v);
        Entry {
            text,
            number: v.as_u64(),
        }
    };
    match value {
        Value::Array(items) => items.iter().map(entry).collect(),
        one => vec![entry(one)],
    }
}

fn param_entries(param: Param<'_>) -> Vec<Entry> {
    let number = |n: u64| Entry {
        text: n.to_string(),
        number: Some(n),
    };
    let text = |s: &str| Entry {
        text: s.to_owned(),
        number: None,
    };
    match param {
        Param::Strs(items) => items.iter().map(|s| text(s)).collect(),
        Param::Strings(items) => items.iter().map(|s| text(s)).collect(),
        Param::Numbers(items) => items.iter().map(|n| number(u64::from(*n))).collect(),
        Param::Span(start, end) => [start, end]
            .into_iter()
            .map(|n| number(u64::try_from(n).unwrap_or(u64::MAX)))
            .collect(),
        Param::Count(n) => vec![number(u64::try_from(n).unwrap_or(u64::MAX))],
        Param::Whole(n) => vec![number(n)],
        Param::Int(n) => vec![match u64::try_from(n) {
            Ok(n) => number(n),
            Err(_) => text(&n.to_string()),
        }],
        one => {
            let mut shown = String::new();
            push_param(&mut shown, one);
            vec![text(&shown)]
        }
    }
}

/// A list param in the form `{name|word}` or `{name|word|first|second|…}`: its entries
/// (a single value is one) joined by `", "` and by `word` before the last (`30 or
/// 31`), each written as it is, or, given names, as the name at its place counting
/// from 1 (`2` is `second`; an entry with no name there is left out).
fn push_list(out: &mut String, entries: &[Entry], form: &str) {
    let mut parts = form.split('|');
    let word = parts.next().unwrap_or_default();
    let names: Vec<&str> = parts.collect();
    let shown: Vec<&str> = entries
        .iter()
        .filter_map(|e| {
            if names.is_empty() {
                return Some(e.text.as_str());
            }
            let at = usize::try_from(e.number?).ok()?.checked_sub(1)?;
            names.get(at).copied()
        })
        .collect();
    let last = shown.len().saturating_sub(1);
    for (i, s) in shown.iter().enumerate() {
        if i == last && i > 0 {
            out.push(' ');
            out.push_str(word);
            out.push(' ');
        } else if i > 0 {
            out.push_str(", ");
        }
        out.push_str(s);
    }
}

/// A message of the schedule engine as the templates that write it: the template at
/// `index` of [`SCHEDULE`], filled with the message's params and with `text` as its
/// `{text}`; where it says `{@reason}`, the template at `reason`, filled the same way.
/// `text` is what the message quotes that its params cannot carry: the text an instant
/// was read from (no param of the error), or a count in full (a JS number holds whole
/// numbers exactly only up to 2^53). The engine's errors give theirs, and the JS
/// package's answers carry them in place of the words (serialised as `index`, `[index,
/// reason]` or `[index, reason or null, text]`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Words<'a> {
    /// The message's template in [`SCHEDULE`].
    pub index: usize,
    /// The template of its `{@reason}`, if it has one.
    pub reason: Option<usize>,
    /// The `{text}` of both templates.
    pub text: Option<Cow<'a, str>>,
}

impl<'a> Words<'a> {
    /// The template at `index` of [`SCHEDULE`] (`schedule_at!` gives it), with no reason
    /// and no text.
    pub const fn at(index: usize) -> Self {
        Words {
            index,
            reason: None,
            text: None,
        }
    }

    /// The same words, whose `{@reason}` is the template at `reason`.
    pub fn with_reason(self, reason: usize) -> Self {
        Words {
            reason: Some(reason),
            ..self
        }
    }

    /// The same words with `text` as their `{text}`.
    pub fn quoting(self, text: impl Into<Cow<'a, str>>) -> Self {
        Words {
            text: Some(text.into()),
            ..self
        }
    }

    /// The message in English, filled with `params`.
    pub fn write(&self, params: &[(&str, Param<'_>)]) -> String {
        // The text first, so that it is the `{text}` even beside a param of that name.
        let with: Vec<(&str, Param<'_>)> = self
            .text
            .as_deref()
            .map(|t| ("text", Param::Str(t)))
            .into_iter()
            .chain(params.iter().copied())
            .collect();
        let reason = self
            .reason
            .map(|r| fill_params(schedule_template(r), &with, &[]));
        let extras: &[(&str, &str)] = match &reason {
            Some(r) => &[("reason", r.as_str())],
            None => &[],
        };
        fill_params(schedule_template(self.index), &with, extras)
    }
}

impl Serialize for Words<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match (self.reason, self.text.as_deref()) {
            (None, None) => self.index.serialize(serializer),
            (Some(reason), None) => [self.index, reason].serialize(serializer),
            (reason, Some(text)) => (self.index, reason, text).serialize(serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[cfg(feature = "value")]
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

    #[cfg(feature = "value")]
    #[test]
    fn lists_join_with_their_word_and_take_names() {
        let params = serde_json::json!({ "one": [7], "two": [30, 31], "three": ["a", "b", "c"], "n": 2, "months": [0, 2, 4, 13] });
        let params = params.as_object().cloned().unwrap_or_default();
        assert_eq!(
            fill("{one|or}; {two|or}; {three|and}; {n|or}", &params, &[]),
            "7; 30 or 31; a, b and c; 2"
        );
        // Entries with no name at their place are left out.
        assert_eq!(
            fill("{months|or|Jan|Feb|Mar|Apr}", &params, &[]),
            "Feb or Apr"
        );
        assert_eq!(fill("{n|or|one|two}", &params, &[]), "two");
        // The typed params read the same.
        let typed = [
            ("two", Param::Numbers(&[30, 31])),
            ("months", Param::Numbers(&[0, 2, 4, 13])),
            ("three", Param::Strs(&["a", "b", "c"])),
        ];
        assert_eq!(
            fill_params(
                "{two|or} {months|or|Jan|Feb|Mar|Apr} {three|and} {three}",
                &typed,
                &[]
            ),
            "30 or 31 Feb or Apr a, b and c a, b, c"
        );
    }

    #[cfg(feature = "value")]
    #[test]
    fn typed_params_show_as_their_json_does() {
        let typed = [
            ("null", Param::Null),
            ("bool", Param::Bool(true)),
            ("int", Param::Int(-4)),
            ("count", Param::Count(7)),
            ("whole", Param::Whole(u64::MAX)),
            ("span", Param::Span(1, 2)),
            ("strings", Param::Strings(&[String::new()])),
        ];
        let template = "{null} {bool} {int} {count} {whole} {span} [{strings}]";
        let json: Map<String, Value> = typed
            .iter()
            .map(|(k, v)| ((*k).to_owned(), v.to_value()))
            .collect();
        assert_eq!(
            fill_params(template, &typed, &[]),
            fill(template, &json, &[])
        );
        assert_eq!(
            serde_json::to_string(&ParamList(&typed)).unwrap(),
            serde_json::to_string(&json).unwrap()
        );
    }

    #[test]
    fn words_fill_their_reason_and_text() {
        let at = |key| schedule_position(key).unwrap();
        let words = Words::at(at("runs.invalid_instant"))
            .with_reason(at("instant.no_offset"))
            .quoting("2018");
        assert_eq!(
            words.write(&[("option", Param::Str("after"))]),
            "after: \"2018\" has no UTC offset; add Z (UTC) or an offset such as +02:00"
        );
        assert_eq!(
            serde_json::to_value(&words).unwrap(),
            serde_json::json!([at("runs.invalid_instant"), at("instant.no_offset"), "2018"])
        );
        assert_eq!(
            serde_json::to_value(Words::at(3)).unwrap(),
            serde_json::json!(3)
        );
        assert_eq!(schedule_position("no such key"), None);
    }

    #[test]
    fn keys_are_unique() {
        for (i, (k, _)) in ENGLISH.iter().enumerate() {
            assert_eq!(english_index(k), i, "{k}");
        }
        for (i, (k, _)) in SCHEDULE.iter().enumerate() {
            assert_eq!(schedule_position(k), Some(i), "{k}");
        }
        for (i, (k, _)) in REASONS.iter().enumerate() {
            let reason = Reason::from_key(k).unwrap();
            assert_eq!((reason.index(), reason.key()), (i, *k));
            assert_eq!(Reason::at(i), Some(reason));
        }
        assert_eq!(Reason::all().count(), REASONS.len());
        assert_eq!(Reason::at(REASONS.len()), None);
    }

    /// A reason is its index serialised, and its sentence shown and in the Rust API's
    /// JSON; a dated one names its date. Only the window's sentences name one.
    #[cfg(feature = "value")]
    #[test]
    fn reasons_serialise_as_indices_and_show_as_sentences() {
        let eof = reason!("invalid_json.eof_string");
        let creation = DatedReason {
            reason: reason!("window.creation"),
            date: "2025-04-25".to_owned(),
        };
        let list = [
            ("reason", Param::Reason(eof)),
            ("relative_to", Param::DatedReason(&creation)),
        ];
        assert_eq!(
            serde_json::to_value(ParamList(&list)).unwrap(),
            serde_json::json!({ "reason": eof.index(), "relative_to": [creation.reason.index(), "2025-04-25"] })
        );
        assert_eq!(
            serde_json::to_value(English(Param::DatedReason(&creation))).unwrap(),
            serde_json::json!("30 to 3 days before the anniversary date 2025-04-25")
        );
        assert_eq!(
            serde_json::to_value(English(Param::Reason(eof))).unwrap(),
            serde_json::json!("EOF while parsing a string")
        );
        assert_eq!(
            fill_params("{reason} ({relative_to})", &list, &[]),
            "EOF while parsing a string (30 to 3 days before the anniversary date 2025-04-25)"
        );
        assert_eq!(format!("{eof:?}"), "Reason(\"invalid_json.eof_string\")");
        assert_eq!(
            Param::DatedReason(&creation).to_string(),
            "30 to 3 days before the anniversary date 2025-04-25"
        );
        assert_eq!(Param::Reason(eof).to_string(), "EOF while parsing a string");
        for reason in Reason::all() {
            let dated = reason.key().starts_with("window.");
            assert_eq!(reason.english().contains("{date}"), dated, "{reason:?}");
        }
    }
}
