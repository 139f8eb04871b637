//! The one error shape every subkit validator reports: [`Violation`].
//!
//! A violation is a location (an RFC 6901 pointer), a stable machine [`Code`], the
//! structured parameters of the rule that failed ([`Kind`]), and a message for people
//! rendered from those in one [`Display`](core::fmt::Display). UIs switch on the code;
//! API adapters such as [`crate::commercelayer::jsonapi_errors`] translate it into each service's
//! own error format.
//!
//! ```
//! use subkit::error::{Code, JsonType, Kind, Violation};
//! let v = Violation::new("/data/attributes/customer_email",
//!     Kind::Type { expected: JsonType::String, found: JsonType::Number });
//! assert_eq!(v.code(), Code::Type);
//! assert_eq!(v.code().as_str(), "type");
//! assert_eq!(v.to_string(), "/data/attributes/customer_email: expected string, found number");
//! ```
//!
//! The rest of this page is `docs/errors.md` of the repository; its examples run as doctests.
#![doc = include_str!("../docs/errors.md")]
use crate::prelude::*;

use core::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};
#[cfg(feature = "value")]
use serde_json::{Map, Value};

use crate::words::Words;
pub use crate::words::{DatedReason, Param, ParamList, Reason};

/// Stable machine codes. Once released a code is never renamed; new ones may be added.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Code {
    /// The input is not well-formed JSON text, or is nested too deeply to read.
    InvalidJson,
    /// The input is larger than subkit reads.
    TooLarge,
    /// A value has the wrong JSON type.
    Type,
    /// A required member is absent, `null`, or a blank string.
    Required,
    /// A string does not have the required format (for example an e-mail address).
    Format,
    /// `data.type` names a different resource than the endpoint creates.
    ResourceType,
    /// A member the endpoint does not accept (the server answers 400 `PARAM_NOT_ALLOWED`).
    NotAllowed,
    /// A member that the JSON:API specification forbids in this position.
    Forbidden,
    /// A string that is not one of the allowed values.
    Enum,
    /// A number outside its allowed range.
    Range,
    /// An array entry equal to an earlier one.
    Duplicate,
    /// A date-time that must come after another one does not.
    After,
    /// A subscription frequency that is not valid for Commerce Layer.
    Frequency,
    /// A frequency the subscription model does not offer.
    NotOffered,
    /// A relationship whose linkage is not `{ "data": { "type", "id" } }` (or an array
    /// of those for a to-many relationship).
    Linkage,
    /// A value that may only be one thing (Adobe's `autoRenewal.enabled: true`).
    Const,
    /// A string longer than allowed.
    MaxLength,
    /// An array with more entries than allowed.
    MaxItems,
    /// A member required because another one is present.
    DependentRequired,
    /// A header value HTTP cannot carry as it is (RFC 9110 field-value, as a fetch ByteString).
    HeaderValue,
    /// A date outside the window in which the request is allowed.
    Window,
    /// Something the caller told subkit rules the request out (an offer that is a
    /// consumable, a customer with no active subscription).
    NotEligible,
    /// An update's `data.id` is not the id in the path (the server answers 400
    /// `KEY_NOT_INCLUDED_IN_URL`).
    IdMismatch,
    /// A trigger attribute (`_cancel`) sent in a status the docs do not allow it in.
    Transition,
}

impl Code {
    /// Every code, in declaration order.
    pub const ALL: &'static [Code] = &[
        Code::InvalidJson,
        Code::TooLarge,
        Code::Type,
        Code::Required,
        Code::Format,
        Code::ResourceType,
        Code::NotAllowed,
        Code::Forbidden,
        Code::Enum,
        Code::Range,
        Code::Duplicate,
        Code::After,
        Code::Frequency,
        Code::NotOffered,
        Code::Linkage,
        Code::Const,
        Code::MaxLength,
        Code::MaxItems,
        Code::DependentRequired,
        Code::HeaderValue,
        Code::Window,
        Code::NotEligible,
        Code::IdMismatch,
        Code::Transition,
    ];

    /// The params a violation of this rule carries, in [`Kind::params`]' order: what a
    /// message in any language may name. A frequency fault carries the schedule
    /// engine's params too (`FrequencyError::PARAMS`). The manifest lists these.
    pub fn params(self) -> &'static [&'static str] {
        match self {
            Code::InvalidJson => &["line", "column", "reason"],
            Code::TooLarge => &["size", "limit", "unit"],
            Code::Type | Code::ResourceType | Code::IdMismatch => &["expected", "found"],
            Code::Required | Code::HeaderValue => &[],
            Code::Format => &["format"],
            Code::NotAllowed => &["member"],
            Code::Forbidden => &["member", "reason"],
            Code::Enum => &["allowed"],
            Code::Range => &["min", "max", "value"],
            Code::Duplicate => &["first"],
            Code::After => &["other"],
            Code::Frequency => &["frequency_error", "field", "span"],
            Code::NotOffered => &["offered"],
            Code::Linkage | Code::NotEligible => &["reason"],
            Code::Const => &["expected"],
            Code::MaxLength | Code::MaxItems => &["max"],
            Code::DependentRequired => &["because"],
            Code::Window => &["from", "to", "relative_to"],
            Code::Transition => &["trigger", "status"],
        }
    }

    /// The param of this rule that says a sentence of [`crate::words::REASONS`]
    /// (`reason`, or the window's `relative_to`), if it has one: a [`Reason`] in Rust,
    /// its index in the JS package's records. The manifest lists these.
    pub fn reason_param(self) -> Option<&'static str> {
        match self {
            Code::InvalidJson | Code::Forbidden | Code::Linkage | Code::NotEligible => {
                Some("reason")
            }
            Code::Window => Some("relative_to"),
            Code::TooLarge
            | Code::Type
            | Code::Required
            | Code::Format
            | Code::ResourceType
            | Code::NotAllowed
            | Code::Enum
            | Code::Range
            | Code::Duplicate
            | Code::After
            | Code::Frequency
            | Code::NotOffered
            | Code::Const
            | Code::MaxLength
            | Code::MaxItems
            | Code::DependentRequired
            | Code::HeaderValue
            | Code::IdMismatch
            | Code::Transition => None,
        }
    }

    /// The code as it appears in serialised violations, e.g. `"required"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Code::InvalidJson => "invalid_json",
            Code::TooLarge => "too_large",
            Code::Type => "type",
            Code::Required => "required",
            Code::Format => "format",
            Code::ResourceType => "resource_type",
            Code::NotAllowed => "not_allowed",
            Code::Forbidden => "forbidden",
            Code::Enum => "enum",
            Code::Range => "range",
            Code::Duplicate => "duplicate",
            Code::After => "after",
            Code::Frequency => "frequency",
            Code::NotOffered => "not_offered",
            Code::Linkage => "linkage",
            Code::Const => "const",
            Code::MaxLength => "max_length",
            Code::MaxItems => "max_items",
            Code::DependentRequired => "dependent_required",
            Code::HeaderValue => "header_value",
            Code::Window => "window",
            Code::NotEligible => "not_eligible",
            Code::IdMismatch => "id_mismatch",
            Code::Transition => "transition",
        }
    }
}

impl fmt::Display for Code {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// JSON value types, as named in `type` violations.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum JsonType {
    /// `null`
    Null,
    /// `true` or `false`
    Boolean,
    /// Any number.
    Number,
    /// A number with no fractional part (only ever *expected*, never *found*).
    Integer,
    /// A string.
    String,
    /// An array.
    Array,
    /// An object.
    Object,
}

impl JsonType {
    /// Every type, once, in the order of the enum.
    pub const ALL: &'static [JsonType] = &[
        JsonType::Null,
        JsonType::Boolean,
        JsonType::Number,
        JsonType::Integer,
        JsonType::String,
        JsonType::Array,
        JsonType::Object,
    ];

    /// The type of a parsed JSON value.
    #[cfg(feature = "value")]
    pub fn of(value: &Value) -> JsonType {
        match value {
            Value::Null => JsonType::Null,
            Value::Bool(_) => JsonType::Boolean,
            Value::Number(_) => JsonType::Number,
            Value::String(_) => JsonType::String,
            Value::Array(_) => JsonType::Array,
            Value::Object(_) => JsonType::Object,
        }
    }

    /// The lower-case name used in params and messages, e.g. `"string"`.
    pub fn as_str(self) -> &'static str {
        match self {
            JsonType::Null => "null",
            JsonType::Boolean => "boolean",
            JsonType::Number => "number",
            JsonType::Integer => "integer",
            JsonType::String => "string",
            JsonType::Array => "array",
            JsonType::Object => "object",
        }
    }
}

impl fmt::Display for JsonType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// String formats that `format` violations can name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Format {
    /// An e-mail address as the WHATWG HTML standard defines a valid one.
    Email,
    /// An ISO 8601 date-time with a UTC offset, e.g. `2018-01-01T12:00:00.000Z`.
    DateTime,
    /// An `https://` URL (or `http://` on a loopback host).
    Url,
    /// An OAuth bearer token: visible ASCII, no spaces.
    BearerToken,
    /// A Commerce Layer organization slug: lower-case letters, digits and hyphens.
    Slug,
    /// ASCII letters and digits only.
    Alphanumeric,
    /// An active ISO 4217 currency code (`check::format::ISO_4217_CURRENCIES`).
    CurrencyCode,
    /// Safe as one URL path segment: ASCII letters, digits, `-`, `_`, `.`, `~`.
    PathSegment,
    /// An ISO 8601 calendar date, `YYYY-MM-DD`.
    Date,
    /// Adobe's usual offer id shape: 15 characters (only ever a warning).
    UsualOfferId,
    /// Adobe's account id: 4 to 40 ASCII letters, digits and hyphens.
    AccountId,
    /// A currency Adobe's price lists name: AUD, EUR, GBP, JPY, USD (only ever a warning).
    PriceListCurrency,
}

impl Format {
    /// Every format, once, in the order of the enum.
    pub const ALL: &'static [Format] = &[
        Format::Email,
        Format::DateTime,
        Format::Url,
        Format::BearerToken,
        Format::Slug,
        Format::Alphanumeric,
        Format::CurrencyCode,
        Format::PathSegment,
        Format::Date,
        Format::UsualOfferId,
        Format::AccountId,
        Format::PriceListCurrency,
    ];

    /// The format's name in params, e.g. `"email"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Format::Email => "email",
            Format::DateTime => "date-time",
            Format::Url => "url",
            Format::BearerToken => "bearer-token",
            Format::Slug => "slug",
            Format::Alphanumeric => "alphanumeric",
            Format::CurrencyCode => "currency-code",
            Format::PathSegment => "path-segment",
            Format::Date => "date",
            Format::UsualOfferId => "usual-offer-id",
            Format::AccountId => "account-id",
            Format::PriceListCurrency => "price-list-currency",
        }
    }
}

/// A frequency's fault as a violation carries it: the schedule engine's code, field,
/// span, params and message, copied out of its `FrequencyError` (which converts into
/// this). A copy rather than the engine's type, so that this module, which every other
/// one imports, imports nothing of the schedule engine.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrequencyFault {
    /// The engine's code, e.g. `"sub_hourly"` (`params.frequency_error`).
    pub code: &'static str,
    /// The crontab field at fault, e.g. `"minute"`, if the fault is in one field.
    pub field: Option<&'static str>,
    /// Byte offsets `(start, end)` in the frequency's text.
    pub span: (usize, usize),
    /// The engine's message, e.g. `"fires 12 times an hour; …"`, with the params it is
    /// written from.
    pub message: FaultMessage,
}

impl FrequencyFault {
    /// The engine's params (`FrequencyError::each_param`), e.g. `per_hour` 12, which
    /// join the violation's own.
    pub fn params(&self) -> &[(&'static str, FaultParam)] {
        &self.message.params
    }
}

/// The engine's message of a frequency fault: the templates that write it and the
/// params that fill them. The English is written the first time it is read
/// ([`FaultMessage::text`], `Display`); the JS package's answers carry the templates'
/// indices and the params instead, so the wasm module never writes it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaultMessage {
    /// The templates, in [`crate::words::SCHEDULE`].
    pub words: Words<'static>,
    /// The engine's params, in `FrequencyError::params`' order.
    pub params: Vec<(&'static str, FaultParam)>,
}

impl FaultMessage {
    /// The message `words` write with `params`.
    pub fn new(words: Words<'static>, params: Vec<(&'static str, FaultParam)>) -> Self {
        FaultMessage { words, params }
    }

    /// The message in English, written from the templates and the params.
    pub fn text(&self) -> String {
        let params: Vec<(&str, Param<'_>)> = self
            .params
            .iter()
            .map(|(k, v)| (*k, v.as_param()))
            .collect();
        self.words.write(&params)
    }
}

/// The message in English.
impl fmt::Display for FaultMessage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text())
    }
}

/// The engine's message.
impl fmt::Display for FrequencyFault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message.text())
    }
}

/// One param of a frequency fault, owned: what [`Param`] borrows from it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FaultParam {
    /// `null`.
    Null,
    /// Text: a name from the engine's tables (`"minute"`) or from the frequency (`"FOO"`).
    Text(String),
    /// A whole number.
    Whole(u64),
    /// A list of whole numbers, e.g. days of the month.
    Numbers(Vec<u32>),
}

impl FaultParam {
    /// The param as [`Kind::each_param`] gives it.
    pub fn as_param(&self) -> Param<'_> {
        match self {
            FaultParam::Null => Param::Null,
            FaultParam::Text(s) => Param::Str(s),
            FaultParam::Whole(n) => Param::Whole(*n),
            FaultParam::Numbers(list) => Param::Numbers(list),
        }
    }
}

/// What rule failed, with the facts a UI or an adapter needs to explain it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum Kind {
    /// The input is larger than subkit reads: more bytes than
    /// [`crate::json::MAX_INPUT_BYTES`] or more values than
    /// [`crate::json::MAX_VALUES`].
    TooLarge {
        /// Its size (at least: counting may stop past the limit).
        size: usize,
        /// The limit.
        limit: usize,
        /// What is counted: `"bytes"` or `"values"`.
        unit: &'static str,
    },
    /// The text is not JSON. `line` and `column` are 1-based; 0 when unknown.
    InvalidJson {
        /// Line of the fault.
        line: usize,
        /// Column of the fault.
        column: usize,
        /// What the parser found wrong (a row `invalid_json.*` of
        /// [`crate::words::REASONS`]).
        reason: Reason,
    },
    /// The value has the wrong JSON type.
    Type {
        /// The type the rule needs.
        expected: JsonType,
        /// The type that was given.
        found: JsonType,
    },
    /// The member is missing, `null` or blank.
    Required,
    /// The string does not match the format.
    Format {
        /// Which format.
        format: Format,
    },
    /// `data.type` is another resource's type.
    ResourceType {
        /// The type the endpoint creates.
        expected: &'static str,
        /// The type that was given.
        found: String,
    },
    /// The member is not accepted here.
    NotAllowed {
        /// The member's name.
        member: String,
    },
    /// JSON:API forbids the member here.
    Forbidden {
        /// The member's name.
        member: String,
        /// Why it is forbidden (a row `forbidden.*` of [`crate::words::REASONS`]).
        reason: Reason,
    },
    /// The string is not one of `allowed`.
    Enum {
        /// The allowed values.
        allowed: &'static [&'static str],
    },
    /// The integer is outside `min..=max`.
    Range {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
        /// What was given.
        value: i64,
    },
    /// The entry repeats the one at index `first`.
    Duplicate {
        /// Index of the first occurrence.
        first: usize,
    },
    /// The date-time must be after the `other` member's.
    After {
        /// The other member's name.
        other: &'static str,
    },
    /// The frequency is not valid for Commerce Layer.
    Frequency {
        /// What the schedule engine found, as the violation reports it. Boxed: with
        /// its params it is the largest kind, and every `Result<_, Kind>` would carry
        /// its size.
        error: Box<FrequencyFault>,
    },
    /// The subscription model does not offer the frequency.
    NotOffered {
        /// The frequencies it offers.
        offered: Vec<String>,
    },
    /// The relationship's linkage is malformed.
    Linkage {
        /// What is wrong with it (a row `linkage.*` of [`crate::words::REASONS`]).
        reason: Reason,
    },
    /// The value must be exactly `expected` (as JSON text).
    Const {
        /// The only allowed value.
        expected: &'static str,
    },
    /// The string has more than `max` characters.
    MaxLength {
        /// The limit.
        max: usize,
    },
    /// The array has more than `max` entries.
    MaxItems {
        /// The limit.
        max: usize,
    },
    /// The member is required because `because` is present.
    DependentRequired {
        /// The member whose presence requires this one.
        because: &'static str,
    },
    /// The header value is empty, starts or ends with a space or tab, or holds a character
    /// other than tab, space, visible ASCII and U+0080 to U+00FF.
    HeaderValue,
    /// The date is outside the window `from..=to` (ISO dates).
    Window {
        /// First allowed date.
        from: String,
        /// Last allowed date.
        to: String,
        /// What the window is measured from, e.g. "30 to 3 days before the anniversary
        /// date 2025-04-25": a row `window.*` of [`crate::words::REASONS`] with its date.
        relative_to: DatedReason,
    },
    /// The caller's context rules the request out.
    NotEligible {
        /// Why (a row `not_eligible.*` of [`crate::words::REASONS`]).
        reason: Reason,
    },
    /// `data.id` is not the id in the path.
    IdMismatch {
        /// The id in the path.
        expected: String,
        /// The document's `data.id`.
        found: String,
    },
    /// The trigger cannot be sent while the resource is in `status`.
    Transition {
        /// The trigger attribute, e.g. `_cancel`.
        trigger: &'static str,
        /// The current status, e.g. `draft`.
        status: String,
    },
}

impl Kind {
    /// The stable code of this rule.
    pub fn code(&self) -> Code {
        match self {
            Kind::InvalidJson { .. } => Code::InvalidJson,
            Kind::TooLarge { .. } => Code::TooLarge,
            Kind::Type { .. } => Code::Type,
            Kind::Required => Code::Required,
            Kind::Format { .. } => Code::Format,
            Kind::ResourceType { .. } => Code::ResourceType,
            Kind::NotAllowed { .. } => Code::NotAllowed,
            Kind::Forbidden { .. } => Code::Forbidden,
            Kind::Enum { .. } => Code::Enum,
            Kind::Range { .. } => Code::Range,
            Kind::Duplicate { .. } => Code::Duplicate,
            Kind::After { .. } => Code::After,
            Kind::Frequency { .. } => Code::Frequency,
            Kind::NotOffered { .. } => Code::NotOffered,
            Kind::Linkage { .. } => Code::Linkage,
            Kind::Const { .. } => Code::Const,
            Kind::MaxLength { .. } => Code::MaxLength,
            Kind::MaxItems { .. } => Code::MaxItems,
            Kind::DependentRequired { .. } => Code::DependentRequired,
            Kind::HeaderValue => Code::HeaderValue,
            Kind::Window { .. } => Code::Window,
            Kind::NotEligible { .. } => Code::NotEligible,
            Kind::IdMismatch { .. } => Code::IdMismatch,
            Kind::Transition { .. } => Code::Transition,
        }
    }

    /// The rule's parameters as a JSON object, e.g. `{"expected": "string", "found": "number"}`.
    #[cfg(feature = "value")]
    pub fn params(&self) -> Map<String, Value> {
        crate::words::param_map(crate::words::param_list(|put| self.each_param(put)))
    }

    /// Gives `put` each of the rule's params in [`Kind::params`]' order, without
    /// building the map: [`Params`] writes them straight into JSON text. A reason is a
    /// [`Param::Reason`] (a window's `relative_to`, a [`Param::DatedReason`]), whose
    /// `Display` says the sentence that [`Kind::params`] holds.
    pub fn each_param<'a, E>(
        &'a self,
        mut put: impl FnMut(&'a str, Param<'a>) -> Result<(), E>,
    ) -> Result<(), E> {
        use Param::{Count, Int, Str, Strings, Strs};
        match self {
            Kind::InvalidJson {
                line,
                column,
                reason,
            } => {
                put("line", Count(*line))?;
                put("column", Count(*column))?;
                put("reason", Param::Reason(*reason))
            }
            Kind::TooLarge { size, limit, unit } => {
                put("size", Count(*size))?;
                put("limit", Count(*limit))?;
                put("unit", Str(unit))
            }
            Kind::Type { expected, found } => {
                put("expected", Str(expected.as_str()))?;
                put("found", Str(found.as_str()))
            }
            Kind::Required | Kind::HeaderValue => Ok(()),
            Kind::Format { format } => put("format", Str(format.as_str())),
            Kind::ResourceType { expected, found } => {
                put("expected", Str(expected))?;
                put("found", Str(found))
            }
            Kind::NotAllowed { member } => put("member", Str(member)),
            Kind::Forbidden { member, reason } => {
                put("member", Str(member))?;
                put("reason", Param::Reason(*reason))
            }
            Kind::Enum { allowed } => put("allowed", Strs(allowed)),
            Kind::Range { min, max, value } => {
                put("min", Int(*min))?;
                put("max", Int(*max))?;
                put("value", Int(*value))
            }
            Kind::Duplicate { first } => put("first", Count(*first)),
            Kind::After { other } => put("other", Str(other)),
            Kind::Frequency { error } => {
                // The engine's params, then three of the fault's own; a name in both
                // keeps its place among the engine's and takes the fault's value, as
                // a map written in this order would.
                let field = error.field.map_or(Param::Null, Str);
                let own = [
                    ("frequency_error", Str(error.code)),
                    ("field", field),
                    ("span", Param::Span(error.span.0, error.span.1)),
                ];
                let engine = error.params();
                for (k, v) in engine {
                    match own.iter().find(|(name, _)| name == k) {
                        Some((_, p)) => put(k, *p)?,
                        None => put(k, v.as_param())?,
                    }
                }
                for (k, p) in own {
                    if !engine.iter().any(|(name, _)| *name == k) {
                        put(k, p)?;
                    }
                }
                Ok(())
            }
            Kind::NotOffered { offered } => put("offered", Strings(offered)),
            Kind::Linkage { reason } | Kind::NotEligible { reason } => {
                put("reason", Param::Reason(*reason))
            }
            Kind::Const { expected } => put("expected", Str(expected)),
            Kind::MaxLength { max } | Kind::MaxItems { max } => put("max", Count(*max)),
            Kind::DependentRequired { because } => put("because", Str(because)),
            Kind::Window {
                from,
                to,
                relative_to,
            } => {
                put("from", Str(from))?;
                put("to", Str(to))?;
                put("relative_to", Param::DatedReason(relative_to))
            }
            Kind::IdMismatch { expected, found } => {
                put("expected", Str(expected))?;
                put("found", Str(found))
            }
            Kind::Transition { trigger, status } => {
                put("trigger", Str(trigger))?;
                put("status", Str(status))
            }
        }
    }
}

/// A rule's params as a JSON object, written as [`Kind::params`] would be without
/// building it: what a serialised [`Violation`] carries.
#[derive(Debug, Clone, Copy)]
pub struct Params<'a>(pub &'a Kind);

impl Serialize for Params<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(None)?;
        self.0
            .each_param(|k, v| m.serialize_entry(k, &crate::words::English(v)))?;
        m.end()
    }
}

/// A rule's params as the JS package's compact records carry them: as [`Params`],
/// but the param [`Code::reason_param`] names is its sentence's index in
/// [`crate::words::REASONS`] (a window's `relative_to`, `[index, date]`), which
/// pkg/render.js turns back into the sentence. The wasm module writes these, and so
/// holds none of the sentences.
#[derive(Debug, Clone, Copy)]
pub struct WordlessParams<'a>(pub &'a Kind);

impl Serialize for WordlessParams<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(None)?;
        self.0.each_param(|k, v| m.serialize_entry(k, &v))?;
        m.end()
    }
}

impl Kind {
    /// Where this rule's English is in [`crate::words::ENGLISH`]: the template its
    /// `Display` fills, and the index the JS package's answers carry.
    pub fn english(&self) -> usize {
        let key = match self {
            Kind::InvalidJson { line, .. } if *line > 0 => "invalid_json.at",
            Kind::Format { format } => return Self::format_english(*format),
            other => other.code().as_str(),
        };
        crate::words::english_index(key)
    }

    fn format_english(format: Format) -> usize {
        let name = format.as_str();
        crate::words::english_position(|k| k.strip_prefix("format.") == Some(name)).unwrap_or(0)
    }
}

/// The rule's English template ([`Kind::english`]) filled with its params; a frequency
/// fault says the engine's message.
impl fmt::Display for Kind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Kind::Frequency { error } => f.write_str(&error.message.text()),
            other => {
                let params = crate::words::param_list(|put| other.each_param(put));
                let template = crate::words::english_template(other.english());
                f.write_str(&crate::words::fill_params(template, &params, &[]))
            }
        }
    }
}

/// One problem found in an input, at one location.
#[derive(Debug, Clone, PartialEq)]
pub struct Violation {
    /// RFC 6901 pointer to the value at fault (`""` for the whole input).
    pub pointer: String,
    /// The rule that failed and its parameters.
    pub kind: Kind,
}

impl Violation {
    /// A violation of `kind` at `pointer`.
    pub fn new(pointer: impl Into<String>, kind: Kind) -> Self {
        Violation {
            pointer: pointer.into(),
            kind,
        }
    }

    /// The stable machine code.
    pub fn code(&self) -> Code {
        self.kind.code()
    }

    /// The message for people, without the pointer (e.g. `"is required"`).
    pub fn message(&self) -> String {
        self.kind.to_string()
    }

    /// The last reference token of the pointer, unescaped: the name of the member at
    /// fault, or `None` for the root or an array element.
    pub fn member(&self) -> Option<String> {
        let last = self.pointer.rsplit_once('/')?.1;
        if !last.is_empty() && last.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        Some(crate::pointer::unescape(last))
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.pointer.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.pointer, self.kind)
        }
    }
}

impl core::error::Error for Violation {}

/// Serialises as `{ "pointer", "code", "message", "params" }`.
impl Serialize for Violation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(Some(4))?;
        m.serialize_entry("pointer", &self.pointer)?;
        m.serialize_entry("code", self.code().as_str())?;
        m.serialize_entry("message", &self.message())?;
        m.serialize_entry("params", &Params(&self.kind))?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    // The same unit tests run natively and under wasm-bindgen-test (Node and Chromium).
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn every_rule_and_format_has_its_english() {
        let keys: Vec<&str> = crate::words::ENGLISH.iter().map(|(k, _)| *k).collect();
        for code in Code::ALL {
            if *code != Code::Format {
                assert!(keys.contains(&code.as_str()), "{}", code.as_str());
            }
        }
        for format in Format::ALL {
            let english = crate::words::ENGLISH[Kind::Format { format: *format }.english()].0;
            assert_eq!(english, format!("format.{}", format.as_str()));
        }
    }

    /// One violation of every kind: a kind added without a sample here does not compile.
    #[cfg(feature = "value")]
    fn samples() -> Vec<Kind> {
        let frequency = FrequencyFault {
            code: "sub_hourly",
            field: Some("minute"),
            span: (0, 4),
            message: FaultMessage::new(
                Words::at(crate::words::schedule_at!("frequency.sub_hourly")),
                vec![
                    ("field", FaultParam::Text("minute".into())),
                    ("per_hour", FaultParam::Whole(12)),
                ],
            ),
        };
        let kinds = vec![
            Kind::InvalidJson {
                line: 1,
                column: 2,
                reason: crate::words::reason!("invalid_json.eof_string"),
            },
            Kind::TooLarge {
                size: 9,
                limit: 8,
                unit: "bytes",
            },
            Kind::Type {
                expected: JsonType::String,
                found: JsonType::Null,
            },
            Kind::Required,
            Kind::Format {
                format: Format::Email,
            },
            Kind::ResourceType {
                expected: "orders",
                found: "skus".into(),
            },
            Kind::NotAllowed { member: "x".into() },
            Kind::Forbidden {
                member: "x".into(),
                reason: crate::words::reason!("forbidden.included"),
            },
            Kind::Enum { allowed: &["a"] },
            Kind::Range {
                min: 1,
                max: 2,
                value: 3,
            },
            Kind::Duplicate { first: 0 },
            Kind::After { other: "starts_at" },
            Kind::Frequency {
                error: Box::new(frequency),
            },
            Kind::NotOffered {
                offered: vec!["monthly".into()],
            },
            Kind::Linkage {
                reason: crate::words::reason!("linkage.no_data"),
            },
            Kind::Const { expected: "true" },
            Kind::MaxLength { max: 1 },
            Kind::MaxItems { max: 1 },
            Kind::DependentRequired { because: "x" },
            Kind::HeaderValue,
            Kind::Window {
                from: "a".into(),
                to: "b".into(),
                relative_to: DatedReason {
                    reason: crate::words::reason!("window.creation"),
                    date: "2025-04-25".into(),
                },
            },
            Kind::NotEligible {
                reason: crate::words::reason!("not_eligible.consumable"),
            },
            Kind::IdMismatch {
                expected: "a".into(),
                found: "b".into(),
            },
            Kind::Transition {
                trigger: "_cancel",
                status: "draft".into(),
            },
        ];
        for kind in &kinds {
            match kind {
                Kind::InvalidJson { .. }
                | Kind::TooLarge { .. }
                | Kind::Type { .. }
                | Kind::Required
                | Kind::Format { .. }
                | Kind::ResourceType { .. }
                | Kind::NotAllowed { .. }
                | Kind::Forbidden { .. }
                | Kind::Enum { .. }
                | Kind::Range { .. }
                | Kind::Duplicate { .. }
                | Kind::After { .. }
                | Kind::Frequency { .. }
                | Kind::NotOffered { .. }
                | Kind::Linkage { .. }
                | Kind::Const { .. }
                | Kind::MaxLength { .. }
                | Kind::MaxItems { .. }
                | Kind::DependentRequired { .. }
                | Kind::HeaderValue
                | Kind::Window { .. }
                | Kind::NotEligible { .. }
                | Kind::IdMismatch { .. }
                | Kind::Transition { .. } => {}
            }
        }
        kinds
    }

    #[cfg(feature = "value")]
    #[test]
    fn every_kind_carries_the_params_its_code_lists() {
        let kinds = samples();
        assert_eq!(kinds.len(), Code::ALL.len());
        for kind in kinds {
            let keys: Vec<String> = kind.params().keys().cloned().collect();
            let listed = kind.code().params();
            if kind.code() == Code::Frequency {
                // The schedule engine's params join the listed ones.
                assert!(
                    listed.iter().all(|k| keys.iter().any(|key| key == k)),
                    "{keys:?}"
                );
            } else {
                assert_eq!(keys, listed, "{}", kind.code().as_str());
            }
        }
    }

    #[cfg(feature = "value")]
    #[test]
    fn params_written_in_place_are_the_map() {
        for kind in samples() {
            let text = serde_json::to_string(&Params(&kind)).unwrap();
            assert_eq!(text, serde_json::to_string(&kind.params()).unwrap());
        }
        // A name both the engine and the fault give keeps the engine's place and takes
        // the fault's value, once.
        let frequency = samples()
            .into_iter()
            .find(|k| k.code() == Code::Frequency)
            .unwrap();
        assert_eq!(
            serde_json::to_string(&Params(&frequency)).unwrap(),
            r#"{"field":"minute","per_hour":12,"frequency_error":"sub_hourly","span":[0,4]}"#
        );
    }

    /// Rust's params say each reason's sentence (a window's with its date); the JS
    /// package's records carry, in the param `Code::reason_param` names and nowhere
    /// else, its index in REASONS (with the date), and no word of it.
    #[cfg(feature = "value")]
    #[test]
    fn records_carry_the_reason_by_index_and_rust_says_it() {
        use crate::words::REASONS;
        let said = |key: &str| REASONS.iter().find(|(k, _)| *k == key).unwrap().1;
        let kinds = samples();
        let keyed = kinds.iter().filter(|k| k.code().reason_param().is_some());
        assert_eq!(keyed.count(), 5);
        for kind in kinds {
            let english = kind.params();
            let wire = serde_json::to_value(WordlessParams(&kind)).unwrap();
            let wire = wire.as_object().unwrap();
            assert_eq!(
                wire.keys().collect::<Vec<_>>(),
                english.keys().collect::<Vec<_>>()
            );
            let Some(name) = kind.code().reason_param() else {
                assert_eq!(wire, &english, "{}", kind.code());
                continue;
            };
            for (k, v) in wire {
                if k != name {
                    assert_eq!(v, &english[k], "{}", kind.code());
                }
            }
            let (index, sentence) = match &kind {
                Kind::Window { relative_to, .. } => (
                    serde_json::json!([relative_to.reason.index(), "2025-04-25"]),
                    "30 to 3 days before the anniversary date 2025-04-25",
                ),
                Kind::InvalidJson { reason, .. }
                | Kind::Forbidden { reason, .. }
                | Kind::Linkage { reason }
                | Kind::NotEligible { reason } => {
                    (serde_json::json!(reason.index()), said(reason.key()))
                }
                other => panic!("{} names no reason", other.code()),
            };
            assert_eq!(wire[name], index, "{}", kind.code());
            assert_eq!(english[name], sentence, "{}", kind.code());
            // The message says the sentence, and so does the serialised violation.
            assert!(kind.to_string().contains(sentence), "{kind}");
            let v = serde_json::to_value(Violation::new("", kind.clone())).unwrap();
            assert_eq!(v["params"][name], sentence);
        }
    }

    #[test]
    fn reasons_say_their_sentences() {
        let v = crate::json::lone_surrogate();
        assert_eq!(
            v.to_string(),
            "invalid JSON: the text has a lone surrogate (it is not valid UTF-16)"
        );
        let linkage = Kind::Linkage {
            reason: crate::words::reason!("linkage.to_many"),
        };
        assert_eq!(
            linkage.to_string(),
            "is not a valid relationship linkage: a to-many relationship's data is an array of { type, id } objects"
        );
        let window = Kind::Window {
            from: "2024-04-25".into(),
            to: "2025-04-22".into(),
            relative_to: DatedReason {
                reason: crate::words::reason!("window.update"),
                date: "2025-04-25".into(),
            },
        };
        assert_eq!(
            window.to_string(),
            "is outside the allowed window: from 2024-04-25 to 2025-04-22, both included (at least 3 days before the anniversary date 2025-04-25, or the renewal may not use it)"
        );
    }

    #[test]
    fn codes_are_unique_snake_case() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let s = code.as_str();
            assert!(seen.insert(s), "duplicate code {s}");
            assert!(s.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'));
        }
    }

    #[test]
    fn member_unescapes_last_token() {
        let v = Violation::new("/data/attributes/a~1b~0c", Kind::Required);
        assert_eq!(v.member().as_deref(), Some("a/b~c"));
        assert_eq!(Violation::new("", Kind::Required).member(), None);
        assert_eq!(Violation::new("/list/3", Kind::Required).member(), None);
    }

    #[test]
    fn serialises_with_params() {
        let v = Violation::new(
            "/x",
            Kind::Type {
                expected: JsonType::Object,
                found: JsonType::Array,
            },
        );
        let json = serde_json::to_value(&v).unwrap();
        assert_eq!(
            json,
            serde_json::json!({
                "pointer": "/x", "code": "type", "message": "expected object, found array",
                "params": {"expected": "object", "found": "array"}
            })
        );
    }
}
