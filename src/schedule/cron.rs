//! Standard 5-field crontab (minute hour day-of-month month day-of-week), parsed with
//! the byte span of every fault.
//!
//! Entry point: [`Cron::parse`]. Supported: `*`, lists, ranges, steps (`*/15`,
//! `5-40/7`, and `5/15` meaning `5-59/15`), month and weekday names in any case
//! (`JAN`, `mon-fri`), `7` as Sunday, and the macros `@yearly`, `@annually`,
//! `@monthly`, `@weekly`, `@daily`, `@midnight` and `@hourly`. Day matching follows
//! Vixie cron: when both day fields are restricted a day matches either one; when
//! either field starts with `*` a day must match both (so the `*` one adds nothing
//! unless it has a step).
//!
//! ```
//! use subkit::schedule::cron::Cron;
//! let cron = Cron::parse("0 9 * * mon-fri").unwrap();
//! assert_eq!(cron.minute.bits, 1);
//! assert!(Cron::parse("0 0 31 2 *").is_err()); // never fires
//! ```

use crate::prelude::*;
use core::fmt;

use super::error::{FrequencyError, FrequencyErrorKind as K, NeverFiresReason};

/// One of the five crontab fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// 0-59
    Minute,
    /// 0-23
    Hour,
    /// 1-31
    DayOfMonth,
    /// 1-12 or JAN-DEC
    Month,
    /// 0-7 (0 and 7 are Sunday) or SUN-SAT
    DayOfWeek,
}

const MONTH_NAMES: [&str; 12] = [
    "JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC",
];
const WEEKDAY_NAMES: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

impl Field {
    /// All fields, in crontab order.
    pub const ALL: [Field; 5] = [
        Field::Minute,
        Field::Hour,
        Field::DayOfMonth,
        Field::Month,
        Field::DayOfWeek,
    ];

    /// The smallest and largest value the field accepts.
    pub fn bounds(self) -> (u32, u32) {
        match self {
            Field::Minute => (0, 59),
            Field::Hour => (0, 23),
            Field::DayOfMonth => (1, 31),
            Field::Month => (1, 12),
            Field::DayOfWeek => (0, 7),
        }
    }

    /// The field's name in messages, e.g. `"day-of-month"`.
    pub fn as_str(self) -> &'static str {
        match self {
            Field::Minute => "minute",
            Field::Hour => "hour",
            Field::DayOfMonth => "day-of-month",
            Field::Month => "month",
            Field::DayOfWeek => "day-of-week",
        }
    }

    /// The value of a three-letter name, in any case.
    fn value_of_name(self, text: &str) -> Option<u32> {
        let names: &[&str] = match self {
            Field::Month => &MONTH_NAMES,
            Field::DayOfWeek => &WEEKDAY_NAMES,
            _ => return None,
        };
        let first = if self == Field::Month { 1 } else { 0 };
        names
            .iter()
            .position(|n| n.eq_ignore_ascii_case(text))
            .and_then(|i| u32::try_from(i).ok())
            .map(|i| i.saturating_add(first))
    }
}

impl fmt::Display for Field {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One comma-separated item of a field: `start-end/step`. A bare value has
/// `start == end`; `*` spans the field's bounds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Item {
    /// First value.
    pub start: u32,
    /// Last value (inclusive).
    pub end: u32,
    /// Step, at least 1.
    pub step: u32,
    /// Written as `*` or `*/n`.
    pub star: bool,
}

impl Item {
    /// The values this item reaches, as bits (day-of-week 7, Sunday, folded into 0).
    /// Values above 63 reach no bit; parsing has refused them already.
    pub(crate) fn bits(self, field: Field) -> u64 {
        if self.step <= 1 && self.end < 63 && !(field == Field::DayOfWeek && self.end == 7) {
            // A plain range: every bit from start to end, without a pass per value.
            let below = |v: u32| 1u64.checked_shl(v).unwrap_or(0).wrapping_sub(1);
            return below(self.end.saturating_add(1)) & !below(self.start);
        }
        let step = usize::try_from(self.step.max(1)).unwrap_or(usize::MAX);
        (self.start..=self.end.min(63))
            .step_by(step)
            .map(|v| {
                if field == Field::DayOfWeek && v == 7 {
                    0
                } else {
                    v
                }
            })
            .fold(0u64, |acc, v| acc | 1u64.checked_shl(v).unwrap_or(0))
    }
}

/// A parsed field: the items as written (for descriptions) and the set of values.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldSet {
    /// The items, in the order written.
    pub items: Vec<Item>,
    /// Bit `v` is set when value `v` matches (day-of-week 7 is folded into bit 0).
    pub bits: u64,
    /// The field's text starts with `*` (Vixie cron's rule for combining day fields).
    pub star: bool,
}

impl FieldSet {
    /// True when value `v` is in the set.
    pub fn has(&self, v: u32) -> bool {
        v < 64 && self.bits & (1 << v) != 0
    }

    /// How many values match.
    pub fn count(&self) -> u32 {
        self.bits.count_ones()
    }

    /// The matching values, ascending.
    pub fn values(&self) -> impl Iterator<Item = u32> + '_ {
        (0..64u32).filter(|v| self.has(*v))
    }
}

/// A crontab expression, parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cron {
    /// Minutes, 0-59.
    pub minute: FieldSet,
    /// Hours, 0-23.
    pub hour: FieldSet,
    /// Days of the month, 1-31.
    pub day_of_month: FieldSet,
    /// Months, 1-12.
    pub month: FieldSet,
    /// Days of the week, 0-6 from Sunday.
    pub day_of_week: FieldSet,
    /// The macro it was written as, lower-case (`@daily`), if any.
    pub macro_name: Option<&'static str>,
    /// Byte span of each field in the input (the whole macro for a macro).
    pub spans: [(usize, usize); 5],
}

const MACROS: &[(&str, &str)] = &[
    ("@yearly", "0 0 1 1 *"),
    ("@annually", "0 0 1 1 *"),
    ("@monthly", "0 0 1 * *"),
    ("@weekly", "0 0 * * 0"),
    ("@daily", "0 0 * * *"),
    ("@midnight", "0 0 * * *"),
    ("@hourly", "0 * * * *"),
];

impl Cron {
    /// Parses a 5-field expression or a macro. Reports every faulty field, not the
    /// first, and rejects an expression that names no existing date.
    pub fn parse(text: &str) -> Result<Cron, Vec<FrequencyError>> {
        let trimmed = text.trim();
        if trimmed.starts_with('@') {
            let start = text.len().saturating_sub(text.trim_start().len());
            let span = (start, start.saturating_add(trimmed.len()));
            let Some((name, expansion)) = MACROS
                .iter()
                .find(|(name, _)| name.eq_ignore_ascii_case(trimmed))
            else {
                return Err(vec![FrequencyError::new(
                    K::UnknownFrequency {
                        text: trimmed.to_owned(),
                    },
                    span,
                )]);
            };
            let mut cron = Cron::parse(expansion)?;
            cron.macro_name = Some(name);
            cron.spans = [span; 5];
            return Ok(cron);
        }
        let fields = split_fields(text);
        if fields.count != 5 {
            return Err(vec![FrequencyError::new(
                K::FieldCount {
                    found: fields.count,
                },
                fields.span.unwrap_or((0, text.len())),
            )]);
        }
        let mut errors = Vec::new();
        let mut spans = [(0, 0); 5];
        let mut parse = |i: usize| {
            let (offset, token) = fields.tokens.get(i).copied().unwrap_or_default();
            if let Some(span) = spans.get_mut(i) {
                *span = (offset, offset.saturating_add(token.len()));
            }
            let field = Field::ALL.get(i).copied().unwrap_or(Field::Minute);
            parse_field(field, token, offset)
                .map_err(|mut e| errors.append(&mut e))
                .ok()
        };
        let parsed = (parse(0), parse(1), parse(2), parse(3), parse(4));
        let (Some(minute), Some(hour), Some(day_of_month), Some(month), Some(day_of_week)) = parsed
        else {
            return Err(errors);
        };
        let cron = Cron {
            minute,
            hour,
            day_of_month,
            month,
            day_of_week,
            macro_name: None,
            spans,
        };
        if let Some(reason) = cron.never_fires() {
            let span = (spans[2].0, spans[3].1);
            return Err(vec![FrequencyError::new(K::NeverFires { reason }, span)]);
        }
        Ok(cron)
    }

    /// Vixie cron's day rule: both day fields restricted means either may match;
    /// otherwise both must.
    pub fn day_matches(&self, day_of_month: u32, weekday_from_sunday: u32) -> bool {
        let dom = self.day_of_month.has(day_of_month);
        let dow = self.day_of_week.has(weekday_from_sunday);
        if self.day_of_month.star || self.day_of_week.star {
            dom && dow
        } else {
            dom || dow
        }
    }

    /// True when `t` is a whole minute the expression names: a check of each field
    /// on its own, independent of the search that finds runs.
    pub fn matches(&self, t: chrono::DateTime<chrono::Utc>) -> bool {
        use chrono::{Datelike, Timelike};
        t.second() == 0
            && t.nanosecond() == 0
            && self.minute.has(t.minute())
            && self.hour.has(t.hour())
            && self.month.has(t.month())
            && self.day_matches(t.day(), t.weekday().num_days_from_sunday())
    }

    /// True when the day fields are combined with "or" (both restricted).
    pub fn days_are_either(&self) -> bool {
        !self.day_of_month.star && !self.day_of_week.star
    }

    /// How many times it can fire within one hour.
    pub fn runs_per_hour(&self) -> u32 {
        self.minute.count()
    }

    /// `Some(reason)` when no existing date matches. Every date falls on every weekday
    /// in some year of the 400-year Gregorian cycle, so only month and day-of-month
    /// can rule all dates out, and only when they must both match.
    fn never_fires(&self) -> Option<NeverFiresReason> {
        if self.days_are_either() {
            return None;
        }
        let longest = |m: u32| match m {
            2 => 29,
            4 | 6 | 9 | 11 => 30,
            _ => 31,
        };
        let possible = self
            .month
            .values()
            .any(|m| self.day_of_month.values().any(|d| d <= longest(m)));
        if possible {
            return None;
        }
        Some(NeverFiresReason::DaysNotInMonths {
            days: self.day_of_month.values().collect(),
            months: self.month.values().collect(),
        })
    }
}

/// The fields of a crontab line, split on ASCII whitespace.
struct Fields<'a> {
    /// The first five fields, each with its byte offset.
    tokens: [(usize, &'a str); 5],
    /// How many fields there are.
    count: usize,
    /// From the start of the first field to the end of the last.
    span: Option<(usize, usize)>,
}

/// Splits on ASCII whitespace, keeping each token's byte offset. Bytes, not chars:
/// whitespace is ASCII, and a byte of a multi-byte character is never ASCII, so the
/// offsets fall on character boundaries. Plain loops: at opt-level "z" an iterator
/// adapter's closure stays a call per byte, and every frequency in a document pays it.
fn split_fields(text: &str) -> Fields<'_> {
    let bytes = text.as_bytes();
    let mut fields = Fields {
        tokens: [(0, ""); 5],
        count: 0,
        span: None,
    };
    let mut i = 0usize;
    // Each pass consumes at least one byte or ends the loop.
    while i < bytes.len() {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i = i.saturating_add(1);
        }
        if i >= bytes.len() {
            break;
        }
        let start = i;
        while bytes.get(i).is_some_and(|b| !b.is_ascii_whitespace()) {
            i = i.saturating_add(1);
        }
        if let Some(slot) = fields.tokens.get_mut(fields.count) {
            *slot = (start, text.get(start..i).unwrap_or_default());
        }
        fields.count = fields.count.saturating_add(1);
        fields.span = Some((fields.span.map_or(start, |(first, _)| first), i));
    }
    fields
}

/// `text` split at the first `byte` (an ASCII one, so both sides are whole text).
fn split_at_byte(text: &str, byte: u8) -> Option<(&str, &str)> {
    let bytes = text.as_bytes();
    let mut i = 0usize;
    while let Some(&b) = bytes.get(i) {
        if b == byte {
            return Some((text.get(..i)?, text.get(i.saturating_add(1)..)?));
        }
        i = i.saturating_add(1);
    }
    None
}

fn parse_field(field: Field, token: &str, offset: usize) -> Result<FieldSet, Vec<FrequencyError>> {
    let mut items = Vec::new();
    let mut errors = Vec::new();
    let mut item_offset = offset;
    let mut rest = Some(token);
    // One part per comma, plus the last: as many passes as the token has commas.
    while let Some(text) = rest {
        let (part, after) = match split_at_byte(text, b',') {
            Some((part, after)) => (part, Some(after)),
            None => (text, None),
        };
        match parse_item(field, part, item_offset) {
            Ok(item) => items.push(item),
            Err(e) => errors.push(e),
        }
        item_offset = item_offset.saturating_add(part.len()).saturating_add(1);
        rest = after;
    }
    if !errors.is_empty() {
        return Err(errors);
    }
    let bits = items.iter().fold(0u64, |acc, item| acc | item.bits(field));
    Ok(FieldSet {
        items,
        bits,
        star: token.starts_with('*'),
    })
}

fn parse_item(field: Field, text: &str, offset: usize) -> Result<Item, FrequencyError> {
    let (min, max) = field.bounds();
    let (base, step_text) = match split_at_byte(text, b'/') {
        Some((base, step)) => (base, Some(step)),
        None => (text, None),
    };
    let step = match step_text {
        None => 1,
        Some(s) => {
            let span = (
                offset.saturating_add(base.len()).saturating_add(1),
                offset.saturating_add(text.len()),
            );
            match parse_number(s) {
                Some(n) if n >= 1 && !s.is_empty() => n,
                _ => {
                    return Err(FrequencyError::new(
                        K::InvalidStep {
                            field,
                            text: s.to_owned(),
                        },
                        span,
                    ))
                }
            }
        }
    };
    if base == "*" {
        return Ok(Item {
            start: min,
            end: max,
            step,
            star: true,
        });
    }
    let (start, end) = match split_at_byte(base, b'-') {
        Some((a, b)) => {
            let start = parse_value(field, a, offset)?;
            let end = parse_value(field, b, offset.saturating_add(a.len()).saturating_add(1))?;
            if start > end {
                return Err(FrequencyError::new(
                    K::BackwardRange { field, start, end },
                    (offset, offset.saturating_add(base.len())),
                ));
            }
            (start, end)
        }
        // `5/15` is read as `5-max/15`, as most cron implementations do.
        None if step_text.is_some() => (parse_value(field, base, offset)?, max),
        None => {
            let v = parse_value(field, base, offset)?;
            (v, v)
        }
    };
    Ok(Item {
        start,
        end,
        step,
        star: false,
    })
}

fn parse_value(field: Field, text: &str, offset: usize) -> Result<u32, FrequencyError> {
    let span = (offset, offset.saturating_add(text.len()));
    let value = match parse_number(text) {
        Some(n) => n,
        None => field.value_of_name(text).ok_or_else(|| {
            FrequencyError::new(
                K::InvalidValue {
                    field,
                    text: text.to_owned(),
                },
                span,
            )
        })?,
    };
    let (min, max) = field.bounds();
    if value < min || value > max {
        return Err(FrequencyError::new(K::OutOfRange { field, value }, span));
    }
    Ok(value)
}

/// A run of ASCII digits as a number; huge numbers saturate (and are then out of range).
fn parse_number(text: &str) -> Option<u32> {
    if text.is_empty() {
        return None;
    }
    let mut n = 0u32;
    for &b in text.as_bytes() {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n
            .saturating_mul(10)
            .saturating_add(u32::from(b.saturating_sub(b'0')));
    }
    Some(n)
}

#[cfg(test)]
mod tests {
    // The same unit tests run natively and under wasm-bindgen-test (Node and Chromium).
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn err(text: &str) -> FrequencyError {
        Cron::parse(text).unwrap_err().remove(0)
    }

    #[test]
    fn a_plain_range_has_each_of_its_values() {
        for field in Field::ALL {
            let (min, max) = field.bounds();
            for start in min..=max {
                for end in start..=max {
                    let item = Item {
                        start,
                        end,
                        step: 1,
                        star: false,
                    };
                    // Sunday is 0, written 7 as well.
                    let want = (start..=end)
                        .map(|v| {
                            if field == Field::DayOfWeek && v == 7 {
                                0
                            } else {
                                v
                            }
                        })
                        .fold(0u64, |bits, v| bits | 1 << v);
                    assert_eq!(item.bits(field), want, "{field} {start}-{end}");
                }
            }
        }
    }

    #[test]
    fn sets_from_items() {
        let c = Cron::parse("5-40/7 */6 1,15 jan-MAR 5-7").unwrap();
        assert_eq!(
            c.minute.values().collect::<Vec<_>>(),
            [5, 12, 19, 26, 33, 40]
        );
        assert_eq!(c.hour.values().collect::<Vec<_>>(), [0, 6, 12, 18]);
        assert_eq!(c.day_of_month.values().collect::<Vec<_>>(), [1, 15]);
        assert_eq!(c.month.values().collect::<Vec<_>>(), [1, 2, 3]);
        assert_eq!(c.day_of_week.values().collect::<Vec<_>>(), [0, 5, 6]);
    }

    #[test]
    fn value_then_step_runs_to_the_end_of_the_field() {
        let c = Cron::parse("50/5 * * * *").unwrap();
        assert_eq!(c.minute.values().collect::<Vec<_>>(), [50, 55]);
    }

    #[test]
    fn spans_point_at_the_fault() {
        let e = err("61 * * * *");
        assert_eq!(
            (e.code(), e.span, e.field()),
            ("out_of_range", (0, 2), Some(Field::Minute))
        );
        let e = err("0  0 * FOO *");
        assert_eq!((e.code(), e.span), ("invalid_value", (7, 10)));
        let e = err("0 0 * * 1,2,x");
        assert_eq!(e.span, (12, 13));
        let e = err("*/0 * * * *");
        assert_eq!((e.code(), e.span), ("invalid_step", (2, 3)));
        let e = err("0 17-9 * * *");
        assert_eq!((e.code(), e.span), ("invalid_range", (2, 6)));
        let e = err(" 0 0 * ");
        assert_eq!((e.code(), e.span), ("field_count", (1, 6)));
    }

    #[test]
    fn every_faulty_field_is_reported() {
        let errors = Cron::parse("60 24 0 13 8").unwrap_err();
        let fields: Vec<_> = errors.iter().map(|e| e.field()).collect();
        assert_eq!(
            fields,
            Field::ALL.iter().copied().map(Some).collect::<Vec<_>>()
        );
    }

    #[test]
    fn messages_read_as_sentences() {
        assert_eq!(
            err("61 * * * *").to_string(),
            "minute 61 is out of range 0-59"
        );
        assert_eq!(
            err("* * *").to_string(),
            "expected 5 fields (minute hour day-of-month month day-of-week), found 3"
        );
        assert_eq!(
            err("0 0 31 2 *").to_string(),
            "the expression never fires: day 31 never occurs in February"
        );
        assert_eq!(
            err("0 0 30,31 2 *").to_string(),
            "the expression never fires: days 30 or 31 never occur in February"
        );
    }

    #[test]
    fn never_fires_only_when_no_date_exists() {
        assert_eq!(err("0 0 30 2 *").code(), "never_fires");
        assert_eq!(err("0 0 31 4,6,9,11 *").code(), "never_fires");
        assert!(Cron::parse("0 0 29 2 *").is_ok());
        // Both day fields restricted: Fridays in February always exist.
        assert!(Cron::parse("0 0 31 2 5").is_ok());
        assert!(Cron::parse("0 0 31 2 */2").is_err());
    }

    /// Which weekdays each date (month, day) falls on over one whole 400-year
    /// Gregorian cycle, 2000-01-01 through 2399-12-31, from chrono's calendar: bit `w`
    /// of `table[month][day]` for weekday `w` (0 = Sunday). The calendar repeats
    /// after 400 years (146097 days, exactly 20871 weeks), so this is every year.
    fn weekdays_of_dates() -> [[u8; 32]; 13] {
        use chrono::{Datelike, NaiveDate};
        let mut table = [[0u8; 32]; 13];
        let mut d = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
        let end = NaiveDate::from_ymd_opt(2400, 1, 1).unwrap();
        while d < end {
            table[d.month() as usize][d.day() as usize] |= 1 << d.weekday().num_days_from_sunday();
            d = d.succ_opt().unwrap();
        }
        table
    }

    /// True when some date of the cycle matches the month and both day fields.
    fn fires_in_cycle(cron: &Cron, table: &[[u8; 32]; 13]) -> bool {
        (1..=12u32).filter(|m| cron.month.has(*m)).any(|m| {
            (1..=31u32).any(|d| {
                (0..7u32).any(|w| {
                    table[m as usize][d as usize] & (1 << w) != 0 && cron.day_matches(d, w)
                })
            })
        })
    }

    fn cron_of(dom: FieldSet, month: FieldSet, dow: FieldSet) -> Cron {
        let mut cron = Cron::parse("0 0 * * *").unwrap();
        (cron.day_of_month, cron.month, cron.day_of_week) = (dom, month, dow);
        cron
    }

    #[test]
    fn every_date_falls_on_every_weekday_within_the_cycle() {
        // The premise of `never_fires`: only month and day-of-month can rule out
        // every date.
        let table = weekdays_of_dates();
        let longest = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
        for (m, (days, longest)) in table.iter().zip(longest).enumerate().skip(1) {
            for (d, weekdays) in days.iter().enumerate().skip(1) {
                let expected = if d <= longest { 0x7f } else { 0 };
                assert_eq!(*weekdays, expected, "month {m} day {d}");
            }
        }
    }

    #[test]
    fn never_fires_is_decided_over_the_full_cycle() {
        let table = weekdays_of_dates();
        let doms = [
            "1", "29", "30", "31", "30,31", "29-31", "*/2", "*/31", "31/5", "*", "1-31", "*/16",
            "2-30/28",
        ];
        let months = [
            "1", "2", "4", "2,4", "4,6,9,11", "*", "*/2", "2-3", "FEB", "*/3",
        ];
        let dows = ["*", "0", "3", "*/7", "*/7,3", "0-7", "1-5", "*/2", "7"];
        for dom in doms {
            for month in months {
                for dow in dows {
                    let text = format!("0 0 {dom} {month} {dow}");
                    let cron = cron_of(
                        parse_field(Field::DayOfMonth, dom, 0).unwrap(),
                        parse_field(Field::Month, month, 0).unwrap(),
                        parse_field(Field::DayOfWeek, dow, 0).unwrap(),
                    );
                    let fires = fires_in_cycle(&cron, &table);
                    assert_eq!(cron.never_fires().is_none(), fires, "{text}");
                    assert_eq!(Cron::parse(&text).is_ok(), fires, "{text}");
                }
            }
        }
    }

    // Every date paired with every single weekday that must also match (as a
    // day-of-week field starting with `*` would make it), the hardest case for the
    // search: its runs over two cycles never wait longer than the longest gap the
    // calendar has, 14609 days (February 29 on one weekday across a century year that
    // is not leap, e.g. 2572-02-29 to 2612-02-29, both Saturdays; counted with
    // Python's datetime).
    #[test]
    fn every_date_on_every_weekday_fires_within_forty_years() {
        use chrono::{NaiveDate, TimeZone, Utc};
        let table = weekdays_of_dates();
        let from = Utc.with_ymd_and_hms(2000, 1, 1, 0, 0, 0).unwrap();
        let end = Utc.with_ymd_and_hms(2800, 1, 1, 0, 0, 0).unwrap();
        let mut longest = 0;
        for m in 1..=12u32 {
            for d in 1..=31u32 {
                for w in 0..7u32 {
                    let set = |bits: u64, star: bool| FieldSet {
                        items: Vec::new(),
                        bits,
                        star,
                    };
                    let cron = cron_of(set(1 << d, false), set(1 << m, false), set(1 << w, true));
                    let fires = table[m as usize][d as usize] & (1 << w) != 0;
                    assert_eq!(cron.never_fires().is_none(), fires, "{m}/{d} on {w}");
                    if !fires {
                        continue;
                    }
                    let runs: Vec<_> = cron.runs_from(from, Some(end)).collect();
                    let first = NaiveDate::from_ymd_opt(2000, 1, 1).unwrap();
                    let mut previous = first;
                    for t in &runs {
                        let day = t.date_naive();
                        longest = longest.max(day.signed_duration_since(previous).num_days());
                        previous = day;
                    }
                    assert!(runs.len() >= 19, "{m}/{d} on {w}: {} runs", runs.len());
                }
            }
        }
        assert_eq!(longest, 14609);
    }

    #[test]
    fn macros_expand() {
        let c = Cron::parse(" @Daily ").unwrap();
        assert_eq!(c.macro_name, Some("@daily"));
        assert_eq!(
            c,
            Cron {
                macro_name: Some("@daily"),
                spans: c.spans,
                ..Cron::parse("0 0 * * *").unwrap()
            }
        );
        assert_eq!(err("@reboot").code(), "unknown_frequency");
    }

    #[test]
    fn huge_numbers_are_out_of_range_not_overflow() {
        assert_eq!(err("99999999999999999999 * * * *").code(), "out_of_range");
        // A step longer than the field keeps only its start.
        let c = Cron::parse("*/99999999999999999999 * * * *").unwrap();
        assert_eq!(c.minute.values().collect::<Vec<_>>(), [0]);
    }
}
