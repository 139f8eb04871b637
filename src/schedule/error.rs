//! Errors of the schedule engine: [`FrequencyError`] for text that is not a frequency
//! (with the crontab field and byte span at fault) and [`RunsError`] for a next-runs
//! query that cannot be answered.
//!
//! ```
//! let errors = subkit::schedule::Frequency::parse("61 * * * *").unwrap_err();
//! assert_eq!(errors[0].code(), "out_of_range");
//! assert_eq!(errors[0].span, (0, 2));
//! assert_eq!(errors[0].to_string(), "minute 61 is out of range 0-59");
//! ```

use std::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::{Map, Value};

use super::cron::Field;
use crate::error::FrequencyFault;

/// What is wrong with a frequency.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum FrequencyErrorKind {
    /// Nothing but whitespace.
    Empty,
    /// Longer than [`super::MAX_FREQUENCY_BYTES`].
    TooLong {
        /// The limit in bytes.
        limit: usize,
    },
    /// A single word that is neither a preset nor a crontab macro.
    UnknownFrequency {
        /// The word.
        text: String,
    },
    /// A crontab expression without exactly five fields.
    FieldCount {
        /// How many fields there were.
        found: usize,
    },
    /// A value outside its field's range.
    OutOfRange {
        /// The field.
        field: Field,
        /// The value given.
        value: u32,
    },
    /// Text that is not a number or a name the field knows.
    InvalidValue {
        /// The field.
        field: Field,
        /// The text.
        text: String,
    },
    /// A step that is zero, missing or not a number.
    InvalidStep {
        /// The field.
        field: Field,
        /// The step text.
        text: String,
    },
    /// A range whose start is after its end.
    BackwardRange {
        /// The field.
        field: Field,
        /// Range start.
        start: u32,
        /// Range end.
        end: u32,
    },
    /// The expression is valid crontab but names no date that exists.
    NeverFires {
        /// Why no date exists, e.g. day 31 in February.
        reason: NeverFiresReason,
    },
    /// Commerce Layer's rule: the minimum unit is the hour, but this can fire more than
    /// once in an hour.
    SubHourly {
        /// How many times it can fire within one hour.
        per_hour: u32,
    },
}

/// Why a valid crontab expression names no date that exists. The facts only: the
/// words ("day 31 never occurs in February") are written by the `Display` impl in
/// `describe.rs`, next to the month names and list joining every description uses, so
/// the parser that finds the fault needs no English of its own.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum NeverFiresReason {
    /// The day-of-month field must match (the day-of-week field starts with `*`), and
    /// none of its days exists in any month the month field names.
    DaysNotInMonths {
        /// The days of the month named, ascending (e.g. `[30, 31]`).
        days: Vec<u32>,
        /// The months named, 1 to 12, ascending (e.g. `[2]` for February).
        months: Vec<u32>,
    },
}

/// A problem in a frequency's text, with the byte span it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrequencyError {
    /// The rule that failed and its facts.
    pub kind: FrequencyErrorKind,
    /// Byte offsets `(start, end)` in the text as given.
    pub span: (usize, usize),
}

impl FrequencyError {
    pub(crate) fn new(kind: FrequencyErrorKind, span: (usize, usize)) -> Self {
        FrequencyError { kind, span }
    }

    /// Every code [`FrequencyError::code`] gives, once, in the order of the kinds.
    pub const CODES: &'static [&'static str] = &[
        "empty",
        "too_long",
        "unknown_frequency",
        "field_count",
        "out_of_range",
        "invalid_value",
        "invalid_step",
        "invalid_range",
        "never_fires",
        "sub_hourly",
    ];

    /// The params of each code of [`FrequencyError::CODES`], in its order and in
    /// [`FrequencyError::params`]' order: what a message in any language may name.
    pub const PARAMS: &'static [&'static [&'static str]] = &[
        &[],
        &["limit"],
        &["text"],
        &["found"],
        &["field", "value", "min", "max"],
        &["field", "text"],
        &["field", "text"],
        &["field", "start", "end"],
        &["reason", "days", "months"],
        &["field", "per_hour"],
    ];

    /// The stable machine code, e.g. `"out_of_range"`.
    pub fn code(&self) -> &'static str {
        match self.kind {
            FrequencyErrorKind::Empty => "empty",
            FrequencyErrorKind::TooLong { .. } => "too_long",
            FrequencyErrorKind::UnknownFrequency { .. } => "unknown_frequency",
            FrequencyErrorKind::FieldCount { .. } => "field_count",
            FrequencyErrorKind::OutOfRange { .. } => "out_of_range",
            FrequencyErrorKind::InvalidValue { .. } => "invalid_value",
            FrequencyErrorKind::InvalidStep { .. } => "invalid_step",
            FrequencyErrorKind::BackwardRange { .. } => "invalid_range",
            FrequencyErrorKind::NeverFires { .. } => "never_fires",
            FrequencyErrorKind::SubHourly { .. } => "sub_hourly",
        }
    }

    /// The crontab field at fault, if the problem is in one field.
    pub fn field(&self) -> Option<Field> {
        match self.kind {
            FrequencyErrorKind::OutOfRange { field, .. }
            | FrequencyErrorKind::InvalidValue { field, .. }
            | FrequencyErrorKind::InvalidStep { field, .. }
            | FrequencyErrorKind::BackwardRange { field, .. } => Some(field),
            FrequencyErrorKind::SubHourly { .. } => Some(Field::Minute),
            _ => None,
        }
    }

    /// The facts a message in any language is written from, e.g. `{"field": "minute",
    /// "value": 61, "min": 0, "max": 59}`: the keys `docs/errors.md` lists per code.
    pub fn params(&self) -> Map<String, Value> {
        use FrequencyErrorKind as K;
        let mut m = Map::new();
        let mut put = |k: &str, v: Value| {
            m.insert(k.to_owned(), v);
        };
        if let Some(field) = self.field() {
            put("field", Value::from(field.as_str()));
        }
        match &self.kind {
            K::Empty => {}
            K::TooLong { limit } => put("limit", Value::from(*limit)),
            K::UnknownFrequency { text } => put("text", Value::from(text.as_str())),
            K::FieldCount { found } => put("found", Value::from(*found)),
            K::OutOfRange { field, value } => {
                let (min, max) = field.bounds();
                put("value", Value::from(*value));
                put("min", Value::from(min));
                put("max", Value::from(max));
            }
            K::InvalidValue { text, .. } | K::InvalidStep { text, .. } => {
                put("text", Value::from(text.as_str()));
            }
            K::BackwardRange { start, end, .. } => {
                put("start", Value::from(*start));
                put("end", Value::from(*end));
            }
            K::NeverFires {
                reason: NeverFiresReason::DaysNotInMonths { days, months },
            } => {
                put("reason", Value::from("days_not_in_months"));
                put("days", Value::from(days.clone()));
                put("months", Value::from(months.clone()));
            }
            K::SubHourly { per_hour } => put("per_hour", Value::from(*per_hour)),
        }
        m
    }
}

impl fmt::Display for FrequencyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use FrequencyErrorKind as K;
        match &self.kind {
            K::Empty => f.write_str("frequency is empty"),
            K::TooLong { limit } => write!(f, "frequency is longer than {limit} bytes"),
            K::UnknownFrequency { text } => write!(
                f,
                "\"{text}\" is not a preset ({}) or a 5-field crontab expression",
                super::preset::names().join(", ")
            ),
            K::FieldCount { found } => write!(
                f,
                "expected 5 fields (minute hour day-of-month month day-of-week), found {found}"
            ),
            K::OutOfRange { field, value } => {
                let (min, max) = field.bounds();
                write!(f, "{field} {value} is out of range {min}-{max}")
            }
            K::InvalidValue { field, text } => {
                write!(f, "{field} \"{text}\" is not a number")?;
                match field {
                    Field::Month => f.write_str(" or a month name (JAN-DEC)"),
                    Field::DayOfWeek => f.write_str(" or a weekday name (SUN-SAT)"),
                    _ => Ok(()),
                }
            }
            K::InvalidStep { field, text } => {
                write!(
                    f,
                    "{field} step \"{text}\" must be a whole number of at least 1"
                )
            }
            K::BackwardRange { field, start, end } => write!(
                f,
                "{field} range {start}-{end} goes backwards; write the smaller value first"
            ),
            K::NeverFires { reason } => write!(f, "the expression never fires: {reason}"),
            K::SubHourly { per_hour } => write!(
                f,
                "fires {per_hour} times an hour; Commerce Layer's minimum unit is the hour, \
                 so the minute field must name a single minute"
            ),
        }
    }
}

impl std::error::Error for FrequencyError {}

/// The copy a [`crate::error::Violation`] carries in `Kind::Frequency`: the same code,
/// field, span and message, so the violation's JSON says what this error's does.
impl From<FrequencyError> for FrequencyFault {
    fn from(error: FrequencyError) -> Self {
        FrequencyFault {
            code: error.code(),
            field: error.field().map(Field::as_str),
            span: error.span,
            message: error.to_string(),
            params: error.params(),
        }
    }
}

/// Serialises as `{ code, field, span: [start, end], message, params }`.
impl Serialize for FrequencyError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(Some(5))?;
        m.serialize_entry("code", self.code())?;
        m.serialize_entry("field", &self.field().map(Field::as_str))?;
        m.serialize_entry("span", &[self.span.0, self.span.1])?;
        m.serialize_entry("message", &self.to_string())?;
        m.serialize_entry("params", &self.params())?;
        m.end()
    }
}

/// Why a next-runs query cannot be answered.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RunsError {
    /// An instant option is not an ISO 8601 date-time, or is out of range.
    InvalidInstant {
        /// The option's name (`startsAt`, `after`, `expiresAt`).
        option: &'static str,
        /// What is wrong.
        reason: String,
    },
    /// A preset needs `startsAt` as its anchor; crontab needs `startsAt` or `after`.
    MissingStart {
        /// True when the frequency is a preset.
        preset: bool,
    },
    /// `count` is not between 1 and [`super::MAX_COUNT`].
    CountOutOfRange {
        /// The count given.
        count: u64,
    },
    /// The search passed the last supported instant (year 9999) before finding a run.
    Horizon,
}

impl RunsError {
    /// Every code [`RunsError::code`] gives, once, in the order of the kinds.
    pub const CODES: &'static [&'static str] = &[
        "invalid_instant",
        "missing_start",
        "count_out_of_range",
        "horizon",
    ];

    /// The params of each code of [`RunsError::CODES`], in its order: what a message in
    /// any language may name (an instant's `reason` is the parser's English, not one).
    pub const PARAMS: &'static [&'static [&'static str]] =
        &[&["option"], &["preset"], &["count", "max"], &[]];

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        match self {
            RunsError::InvalidInstant { .. } => "invalid_instant",
            RunsError::MissingStart { .. } => "missing_start",
            RunsError::CountOutOfRange { .. } => "count_out_of_range",
            RunsError::Horizon => "horizon",
        }
    }
}

impl RunsError {
    /// The facts a message in any language is written from.
    pub fn params(&self) -> Map<String, Value> {
        let mut m = Map::new();
        match self {
            RunsError::InvalidInstant { option, .. } => {
                m.insert("option".to_owned(), Value::from(*option));
            }
            RunsError::MissingStart { preset } => {
                m.insert("preset".to_owned(), Value::from(*preset));
            }
            RunsError::CountOutOfRange { count } => {
                m.insert("count".to_owned(), Value::from(*count));
                m.insert("max".to_owned(), Value::from(super::MAX_COUNT));
            }
            RunsError::Horizon => {}
        }
        m
    }
}

impl fmt::Display for RunsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RunsError::InvalidInstant { option, reason } => write!(f, "{option}: {reason}"),
            // Named as RunsQuery names them, with the JS option beside: the message is
            // read in both languages.
            RunsError::MissingStart { preset: true } => f.write_str(
                "starts_at (startsAt in JavaScript) is required: a preset runs from its start date",
            ),
            RunsError::MissingStart { preset: false } => f.write_str(
                "starts_at or after (startsAt or after in JavaScript) is required: runs are searched from one of them",
            ),
            RunsError::CountOutOfRange { count } => {
                write!(f, "count {count} is out of range 1-{}", super::MAX_COUNT)
            }
            RunsError::Horizon => {
                f.write_str("no run before 9999-12-31T23:59:59.999Z, the last supported instant")
            }
        }
    }
}

impl std::error::Error for RunsError {}

/// Serialises as `{ code, message, params }`.
impl Serialize for RunsError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(Some(3))?;
        m.serialize_entry("code", self.code())?;
        m.serialize_entry("message", &self.to_string())?;
        m.serialize_entry("params", &self.params())?;
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
    fn frequency_codes_list_every_kind_once() {
        use FrequencyErrorKind as K;
        let samples = [
            K::Empty,
            K::TooLong { limit: 1 },
            K::UnknownFrequency { text: "x".into() },
            K::FieldCount { found: 3 },
            K::OutOfRange {
                field: Field::Minute,
                value: 61,
            },
            K::InvalidValue {
                field: Field::Minute,
                text: "x".into(),
            },
            K::InvalidStep {
                field: Field::Minute,
                text: "0".into(),
            },
            K::BackwardRange {
                field: Field::Minute,
                start: 5,
                end: 1,
            },
            K::NeverFires {
                reason: NeverFiresReason::DaysNotInMonths {
                    days: vec![31],
                    months: vec![2],
                },
            },
            K::SubHourly { per_hour: 12 },
        ];
        for kind in &samples {
            // Exhaustive: a new kind does not compile here until it has a sample above.
            match kind {
                K::Empty
                | K::TooLong { .. }
                | K::UnknownFrequency { .. }
                | K::FieldCount { .. }
                | K::OutOfRange { .. }
                | K::InvalidValue { .. }
                | K::InvalidStep { .. }
                | K::BackwardRange { .. }
                | K::NeverFires { .. }
                | K::SubHourly { .. } => {}
            }
        }
        let errors: Vec<FrequencyError> = samples
            .into_iter()
            .map(|kind| FrequencyError::new(kind, (0, 0)))
            .collect();
        let codes: Vec<&str> = errors.iter().map(FrequencyError::code).collect();
        assert_eq!(codes, FrequencyError::CODES);
        let params: Vec<Vec<String>> = errors
            .iter()
            .map(|e| e.params().keys().cloned().collect())
            .collect();
        assert_eq!(params, FrequencyError::PARAMS);
    }

    #[test]
    fn runs_codes_list_every_kind_once() {
        let samples = [
            RunsError::InvalidInstant {
                option: "startsAt",
                reason: String::new(),
            },
            RunsError::MissingStart { preset: true },
            RunsError::CountOutOfRange { count: 0 },
            RunsError::Horizon,
        ];
        for e in &samples {
            // Exhaustive: a new kind does not compile here until it has a sample above.
            match e {
                RunsError::InvalidInstant { .. }
                | RunsError::MissingStart { .. }
                | RunsError::CountOutOfRange { .. }
                | RunsError::Horizon => {}
            }
        }
        let codes: Vec<&str> = samples.iter().map(RunsError::code).collect();
        assert_eq!(codes, RunsError::CODES);
        let params: Vec<Vec<String>> = samples
            .iter()
            .map(|e| e.params().keys().cloned().collect())
            .collect();
        assert_eq!(params, RunsError::PARAMS);
    }
}
