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

use crate::prelude::*;
use core::fmt;

use serde::ser::{Serialize, SerializeMap, Serializer};
#[cfg(feature = "value")]
use serde_json::{Map, Value};

use super::cron::Field;
use super::instant::InstantError;
use crate::error::{FaultMessage, FaultParam, FrequencyFault, Param, ParamList};
use crate::words::{schedule_at, Words};

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
/// words ("day 31 never occurs in February") are a template of
/// [`crate::words::SCHEDULE`], which `Display` fills.
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
    /// Built from [`FrequencyError::each_param`].
    #[cfg(feature = "value")]
    pub fn params(&self) -> Map<String, Value> {
        crate::words::param_map(self.param_list())
    }

    /// Gives `put` each of [`FrequencyError::params`] in its order, typed, without
    /// building the map.
    pub fn each_param<'a, E>(
        &'a self,
        mut put: impl FnMut(&'static str, Param<'a>) -> Result<(), E>,
    ) -> Result<(), E> {
        use FrequencyErrorKind as K;
        let whole = |n: u32| Param::Whole(u64::from(n));
        if let Some(field) = self.field() {
            put("field", Param::Str(field.as_str()))?;
        }
        match &self.kind {
            K::Empty => Ok(()),
            K::TooLong { limit } => put("limit", Param::Count(*limit)),
            K::UnknownFrequency { text } => put("text", Param::Str(text)),
            K::FieldCount { found } => put("found", Param::Count(*found)),
            K::OutOfRange { field, value } => {
                let (min, max) = field.bounds();
                put("value", whole(*value))?;
                put("min", whole(min))?;
                put("max", whole(max))
            }
            K::InvalidValue { text, .. } | K::InvalidStep { text, .. } => {
                put("text", Param::Str(text))
            }
            K::BackwardRange { start, end, .. } => {
                put("start", whole(*start))?;
                put("end", whole(*end))
            }
            K::NeverFires { reason } => reason.each_param(put),
            K::SubHourly { per_hour } => put("per_hour", whole(*per_hour)),
        }
    }

    /// [`FrequencyError::each_param`] as a list.
    fn param_list(&self) -> Vec<(&'static str, Param<'_>)> {
        crate::words::param_list(|put| self.each_param(put))
    }

    /// The templates of [`crate::words::SCHEDULE`] that write the message:
    /// `frequency.<code>`, and for a field that takes names, or an expression that never
    /// fires, the variant the wording needs.
    pub fn words(&self) -> Words<'static> {
        use FrequencyErrorKind as K;
        Words::at(match &self.kind {
            K::Empty => schedule_at!("frequency.empty"),
            K::TooLong { .. } => schedule_at!("frequency.too_long"),
            K::UnknownFrequency { .. } => schedule_at!("frequency.unknown_frequency"),
            K::FieldCount { .. } => schedule_at!("frequency.field_count"),
            K::OutOfRange { .. } => schedule_at!("frequency.out_of_range"),
            K::InvalidValue {
                field: Field::Month,
                ..
            } => schedule_at!("frequency.invalid_value.month"),
            K::InvalidValue {
                field: Field::DayOfWeek,
                ..
            } => schedule_at!("frequency.invalid_value.day-of-week"),
            K::InvalidValue { .. } => schedule_at!("frequency.invalid_value"),
            K::InvalidStep { .. } => schedule_at!("frequency.invalid_step"),
            K::BackwardRange { .. } => schedule_at!("frequency.invalid_range"),
            K::NeverFires { reason } => {
                return Words::at(schedule_at!("frequency.never_fires"))
                    .with_reason(reason.template())
            }
            K::SubHourly { .. } => schedule_at!("frequency.sub_hourly"),
        })
    }

    /// `{ code, field, span: [start, end], message, params }`, with `message` as given:
    /// the English, or the JS package's [`Words`].
    pub(crate) fn serialize_with<S: Serializer>(
        &self,
        message: &impl Serialize,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(Some(5))?;
        m.serialize_entry("code", self.code())?;
        m.serialize_entry("field", &self.field().map(Field::as_str))?;
        m.serialize_entry("span", &[self.span.0, self.span.1])?;
        m.serialize_entry("message", message)?;
        m.serialize_entry("params", &ParamList(&self.param_list()))?;
        m.end()
    }
}

/// The template of [`FrequencyError::words`] filled with the params.
impl fmt::Display for FrequencyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words().write(&self.param_list()))
    }
}

impl NeverFiresReason {
    /// The reason's template in [`crate::words::SCHEDULE`]: `never_fires.day` or
    /// `never_fires.days`.
    pub fn template(&self) -> usize {
        match self {
            NeverFiresReason::DaysNotInMonths { days, .. } if days.len() == 1 => {
                schedule_at!("never_fires.day")
            }
            NeverFiresReason::DaysNotInMonths { .. } => schedule_at!("never_fires.days"),
        }
    }

    /// The reason's params: its name, and the days and months.
    fn each_param<'a, E>(
        &'a self,
        mut put: impl FnMut(&'static str, Param<'a>) -> Result<(), E>,
    ) -> Result<(), E> {
        match self {
            NeverFiresReason::DaysNotInMonths { days, months } => {
                put("reason", Param::Str("days_not_in_months"))?;
                put("days", Param::Numbers(days))?;
                put("months", Param::Numbers(months))
            }
        }
    }
}

/// Why an expression never fires, as the end of its error message: "day 31 never
/// occurs in February", "days 30 or 31 never occur in February". A month outside 1-12
/// names nothing and is left out rather than shown as a neighbouring month.
impl fmt::Display for NeverFiresReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let params = crate::words::param_list(|put| self.each_param(put));
        f.write_str(&Words::at(self.template()).write(&params))
    }
}

impl core::error::Error for FrequencyError {}

/// The copy a [`crate::error::Violation`] carries in `Kind::Frequency`: the same code,
/// field, span, params and message, so the violation's JSON says what this error's does.
impl From<FrequencyError> for FrequencyFault {
    fn from(error: FrequencyError) -> Self {
        let params = error
            .param_list()
            .into_iter()
            .map(|(k, v)| (k, fault_param(v)))
            .collect();
        FrequencyFault {
            code: error.code(),
            field: error.field().map(Field::as_str),
            span: error.span,
            message: FaultMessage::new(error.words(), params),
        }
    }
}

/// One of [`FrequencyError::each_param`], owned. The engine gives none of the kinds
/// mapped to `Null` (flags, lists of text, spans, signed numbers, reasons).
fn fault_param(param: Param<'_>) -> FaultParam {
    let whole = |n: usize| FaultParam::Whole(u64::try_from(n).unwrap_or(u64::MAX));
    match param {
        Param::Null => FaultParam::Null,
        Param::Str(s) => FaultParam::Text(s.to_owned()),
        Param::Count(n) => whole(n),
        Param::Whole(n) => FaultParam::Whole(n),
        Param::Numbers(list) => FaultParam::Numbers(list.to_vec()),
        Param::Bool(_)
        | Param::Int(_)
        | Param::Strs(_)
        | Param::Strings(_)
        | Param::Span(..)
        | Param::Reason(_)
        | Param::DatedReason(_) => FaultParam::Null,
    }
}

/// Serialises as `{ code, field, span: [start, end], message, params }`.
impl Serialize for FrequencyError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize_with(&self.to_string(), serializer)
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
        reason: InstantError,
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
    /// any language may name (an instant's `reason`, which the English quotes, is not
    /// one).
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
    /// The facts a message in any language is written from. Built from
    /// [`RunsError::each_param`].
    #[cfg(feature = "value")]
    pub fn params(&self) -> Map<String, Value> {
        crate::words::param_map(self.param_list())
    }

    /// Gives `put` each of [`RunsError::params`] in its order, typed.
    pub fn each_param<'a, E>(
        &'a self,
        mut put: impl FnMut(&'static str, Param<'a>) -> Result<(), E>,
    ) -> Result<(), E> {
        match self {
            RunsError::InvalidInstant { option, .. } => put("option", Param::Str(option)),
            RunsError::MissingStart { preset } => put("preset", Param::Bool(*preset)),
            RunsError::CountOutOfRange { count } => {
                put("count", Param::Whole(*count))?;
                put("max", Param::Whole(super::MAX_COUNT))
            }
            RunsError::Horizon => Ok(()),
        }
    }

    /// [`RunsError::each_param`] as a list.
    fn param_list(&self) -> Vec<(&'static str, Param<'_>)> {
        crate::words::param_list(|put| self.each_param(put))
    }

    /// The templates of [`crate::words::SCHEDULE`] that write the message: `runs.<code>`
    /// (`runs.missing_start.preset` for a preset), for an instant the reason
    /// [`InstantError::template`] names with the text it quotes, and for a count the count in
    /// full.
    pub fn words(&self) -> Words<'_> {
        Words::at(match self {
            RunsError::InvalidInstant { reason, .. } => {
                let words =
                    Words::at(schedule_at!("runs.invalid_instant")).with_reason(reason.template());
                return match reason.text() {
                    Some(text) => words.quoting(text),
                    None => words,
                };
            }
            RunsError::CountOutOfRange { count } => {
                return Words::at(schedule_at!("runs.count_out_of_range"))
                    .quoting(count.to_string())
            }
            RunsError::MissingStart { preset: true } => schedule_at!("runs.missing_start.preset"),
            RunsError::MissingStart { preset: false } => schedule_at!("runs.missing_start"),
            RunsError::Horizon => schedule_at!("runs.horizon"),
        })
    }

    /// `{ code, message, params }`, with `message` as given: the English, or the JS
    /// package's [`Words`].
    pub(crate) fn serialize_with<S: Serializer>(
        &self,
        message: &impl Serialize,
        serializer: S,
    ) -> Result<S::Ok, S::Error> {
        let mut m = serializer.serialize_map(Some(3))?;
        m.serialize_entry("code", self.code())?;
        m.serialize_entry("message", message)?;
        m.serialize_entry("params", &ParamList(&self.param_list()))?;
        m.end()
    }
}

/// The template of [`RunsError::words`] filled with the params.
impl fmt::Display for RunsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words().write(&self.param_list()))
    }
}

impl core::error::Error for RunsError {}

/// Serialises as `{ code, message, params }`.
impl Serialize for RunsError {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.serialize_with(&self.to_string(), serializer)
    }
}

impl InstantError {
    /// The reason's template in [`crate::words::SCHEDULE`], `instant.<reason>`.
    pub fn template(&self) -> usize {
        match self {
            InstantError::NotIso { .. } => schedule_at!("instant.not_iso"),
            InstantError::NoOffset { .. } => schedule_at!("instant.no_offset"),
            InstantError::OutOfRange => schedule_at!("instant.out_of_range"),
            InstantError::NotATime => schedule_at!("instant.not_a_time"),
        }
    }

    /// The reason's [`Words`]: its template, quoting its text.
    pub fn words(&self) -> Words<'_> {
        let words = Words::at(self.template());
        match self.text() {
            Some(text) => words.quoting(text),
            None => words,
        }
    }
}

/// The reason's template with its text, e.g. `"x" is not an ISO 8601 date-time such as
/// 2018-01-01T12:00:00.000Z`.
impl fmt::Display for InstantError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.words().write(&[]))
    }
}

impl core::error::Error for InstantError {}

#[cfg(test)]
mod tests {
    // The same unit tests run natively and under wasm-bindgen-test (Node and Chromium).
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[cfg(feature = "value")]
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

    #[cfg(feature = "value")]
    #[test]
    fn runs_codes_list_every_kind_once() {
        let samples = [
            RunsError::InvalidInstant {
                option: "startsAt",
                reason: InstantError::OutOfRange,
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

    #[test]
    fn never_fires_reasons_in_words() {
        let reason = |days: &[u32], months: &[u32]| {
            NeverFiresReason::DaysNotInMonths {
                days: days.to_vec(),
                months: months.to_vec(),
            }
            .to_string()
        };
        assert_eq!(reason(&[31], &[2]), "day 31 never occurs in February");
        assert_eq!(
            reason(&[31], &[4, 6, 9, 11]),
            "day 31 never occurs in April, June, September or November"
        );
        assert_eq!(
            reason(&[30, 31], &[2]),
            "days 30 or 31 never occur in February"
        );
        // Months the parser never yields are left out, not shown as a neighbour.
        assert_eq!(
            reason(&[31], &[0, 2, 13]),
            "day 31 never occurs in February"
        );
    }

    /// Every kind's message, with each variant of its wording, as the engine has always
    /// written it.
    #[test]
    fn every_message_reads_as_written() {
        use FrequencyErrorKind as K;
        let message = |kind: K| FrequencyError::new(kind, (0, 0)).to_string();
        let never = |days: &[u32], months: &[u32]| K::NeverFires {
            reason: NeverFiresReason::DaysNotInMonths {
                days: days.to_vec(),
                months: months.to_vec(),
            },
        };
        let cases = [
            (K::Empty, "frequency is empty"),
            (K::TooLong { limit: 1024 }, "frequency is longer than 1024 bytes"),
            (
                K::UnknownFrequency { text: "nope".into() },
                "\"nope\" is not a preset (hourly, daily, weekly, monthly, two-month, three-month, four-month, six-month, yearly) or a 5-field crontab expression",
            ),
            (
                K::FieldCount { found: 3 },
                "expected 5 fields (minute hour day-of-month month day-of-week), found 3",
            ),
            (
                K::OutOfRange {
                    field: Field::DayOfMonth,
                    value: 32,
                },
                "day-of-month 32 is out of range 1-31",
            ),
            (
                K::InvalidValue {
                    field: Field::Hour,
                    text: "x".into(),
                },
                "hour \"x\" is not a number",
            ),
            (
                K::InvalidValue {
                    field: Field::Month,
                    text: "FOO".into(),
                },
                "month \"FOO\" is not a number or a month name (JAN-DEC)",
            ),
            (
                K::InvalidValue {
                    field: Field::DayOfWeek,
                    text: "FOO".into(),
                },
                "day-of-week \"FOO\" is not a number or a weekday name (SUN-SAT)",
            ),
            (
                K::InvalidStep {
                    field: Field::Minute,
                    text: "0".into(),
                },
                "minute step \"0\" must be a whole number of at least 1",
            ),
            (
                K::BackwardRange {
                    field: Field::Minute,
                    start: 5,
                    end: 1,
                },
                "minute range 5-1 goes backwards; write the smaller value first",
            ),
            (
                never(&[31], &[2]),
                "the expression never fires: day 31 never occurs in February",
            ),
            (
                never(&[30, 31], &[2]),
                "the expression never fires: days 30 or 31 never occur in February",
            ),
            (
                never(&[31], &[2, 4, 6, 9, 11]),
                "the expression never fires: day 31 never occurs in February, April, June, September or November",
            ),
            (
                K::SubHourly { per_hour: 12 },
                "fires 12 times an hour; Commerce Layer's minimum unit is the hour, so the minute field must name a single minute",
            ),
        ];
        for (kind, want) in cases {
            assert_eq!(message(kind), want);
        }
        let instant = |reason| {
            RunsError::InvalidInstant {
                option: "after",
                reason,
            }
            .to_string()
        };
        assert_eq!(
            instant(InstantError::NotIso { text: "x".into() }),
            "after: \"x\" is not an ISO 8601 date-time such as 2018-01-01T12:00:00.000Z"
        );
        assert_eq!(
            instant(InstantError::NoOffset {
                text: "2018-01-01T12:00".into()
            }),
            "after: \"2018-01-01T12:00\" has no UTC offset; add Z (UTC) or an offset such as +02:00"
        );
        assert_eq!(
            instant(InstantError::OutOfRange),
            "after: outside the supported range 0001-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z"
        );
        assert_eq!(
            instant(InstantError::NotATime),
            "after: not a time (NaN or infinite)"
        );
        assert_eq!(
            RunsError::MissingStart { preset: true }.to_string(),
            "starts_at (startsAt in JavaScript) is required: a preset runs from its start date"
        );
        assert_eq!(
            RunsError::MissingStart { preset: false }.to_string(),
            "starts_at or after (startsAt or after in JavaScript) is required: runs are searched from one of them"
        );
        assert_eq!(
            RunsError::CountOutOfRange { count: u64::MAX }.to_string(),
            "count 18446744073709551615 is out of range 1-1000"
        );
        assert_eq!(
            RunsError::Horizon.to_string(),
            "no run before 9999-12-31T23:59:59.999Z, the last supported instant"
        );
    }

    /// The presets the unknown-frequency message lists are the presets, in their order.
    #[test]
    fn the_unknown_frequency_message_lists_every_preset() {
        let text = FrequencyError::new(
            FrequencyErrorKind::UnknownFrequency { text: "x".into() },
            (0, 1),
        )
        .to_string();
        let listed = format!("({})", super::super::preset::names().join(", "));
        assert!(text.contains(&listed), "{text}");
    }
}
