//! Frequencies in plain English, for checkout forms.
//!
//! Entry points: [`cron_phrase`] and [`preset_phrase`] reduce a frequency to a
//! [`Phrase`] (what the description says, without words), and [`english`] writes it;
//! [`describe_cron`] and [`describe_preset`] do both. Times are UTC and written `09:00`.
//! The JS package writes other languages from the same phrase (`pkg/describe.js`).
//!
//! ```
//! use subkit::schedule::cron::Cron;
//! use subkit::schedule::describe::describe_cron;
//! assert_eq!(describe_cron(&Cron::parse("10 * * * *").unwrap()), "At minute 10 of every hour");
//! assert_eq!(describe_cron(&Cron::parse("0 9 * * 1-5").unwrap()), "At 09:00 on Monday through Friday");
//! ```

use crate::prelude::*;
use chrono::{DateTime, Datelike, Timelike, Utc};

use super::cron::{Cron, Field, FieldSet, Item};
use super::phrase::{Clock, Days, Names, Phrase, Span, Start, Time, Unit};
use super::preset::{Preset, Step};

/// Month names, January first.
pub const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const WEEKDAYS: [&str; 7] = [
    "Sunday",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
];

/// `a`, `a and b`, `a, b and c` (with `word` in place of "and").
pub fn join<S: AsRef<str>>(parts: &[S], word: &str) -> String {
    match parts {
        [] => String::new(),
        [one] => one.as_ref().to_owned(),
        [init @ .., last] => {
            let init: Vec<&str> = init.iter().map(AsRef::as_ref).collect();
            format!("{} {word} {}", init.join(", "), last.as_ref())
        }
    }
}

/// A preset in words. With the anchor (the start date) the day and time are concrete:
/// "Every month on day 31 at 12:00 (or the month's last day when it is shorter)".
pub fn describe_preset(preset: Preset, anchor: Option<DateTime<Utc>>) -> String {
    english(&preset_phrase(preset, anchor))
}

/// A crontab expression in words. Each field is first reduced to the values it
/// selects, so the words say what runs rather than how it was written:
/// `*/24` in the hour field is 00:00, `0-59` is every minute.
pub fn describe_cron(c: &Cron) -> String {
    english(&cron_phrase(c))
}

/// A preset's phrase: its unit and count, and the start date's facts when known.
pub fn preset_phrase(preset: Preset, anchor: Option<DateTime<Utc>>) -> Phrase {
    let (every, n) = match preset.step {
        Step::Hours(1) => (Unit::Hour, 1),
        Step::Hours(24) => (Unit::Day, 1),
        Step::Hours(_) => (Unit::Week, 1),
        Step::Months(12) => (Unit::Year, 1),
        Step::Months(n) => (Unit::Month, n),
    };
    let start = anchor.map(|a| Start {
        hour: a.hour(),
        minute: a.minute(),
        weekday: a.weekday().num_days_from_sunday(),
        day: a.day(),
        month: a.month(),
    });
    Phrase::Preset { every, n, start }
}

/// A crontab expression's phrase, from its fields reduced to the values they select:
/// `*/24` in the hour field is 00:00, `0-59` every minute.
pub fn cron_phrase(c: &Cron) -> Phrase {
    let minute = reduce(&c.minute, Field::Minute);
    let hour = reduce(&c.hour, Field::Hour);
    let day_of_month = reduce(&c.day_of_month, Field::DayOfMonth);
    let month = reduce(&c.month, Field::Month);
    let day_of_week = reduce(&c.day_of_week, Field::DayOfWeek);
    let time = time_of(&minute, &hour);
    let rule = days_of(c, &day_of_month, &day_of_week);
    if let (DayRule::Dates, Some([day]), Some([month])) = (
        rule,
        singles(&day_of_month).as_deref(),
        singles(&month).as_deref(),
    ) {
        return Phrase::Cron {
            time,
            days: Some(Days::Date {
                month: *month,
                day: *day,
            }),
            months: None,
        };
    }
    let dates = || spans(&day_of_month);
    let weekdays = || names(&day_of_week, Field::DayOfWeek);
    let days = match rule {
        DayRule::Every => None,
        DayRule::Weekdays => Some(Days::Weekdays(weekdays())),
        DayRule::Dates => Some(Days::Dates(dates())),
        DayRule::Either => Some(Days::Either {
            dates: dates(),
            weekdays: weekdays(),
        }),
        DayRule::Both => Some(Days::Both {
            dates: dates(),
            weekdays: weekdays(),
        }),
    };
    let months = (!is_every(&month)).then(|| names(&month, Field::Month));
    Phrase::Cron { time, days, months }
}

/// The reduced items of a field as spans.
fn spans(set: &FieldSet) -> Vec<Span> {
    set.items
        .iter()
        .map(|i| match (i.star, i.start == i.end, i.step) {
            (true, _, every) => Span::Every { every },
            (false, true, _) => Span::Value(i.start),
            (false, false, 1) => Span::Range(i.start, i.end),
            (false, false, n) => Span::Steps(i.start, i.end, n),
        })
        .collect()
}

/// Weekdays or months: one run for a plain range of three or more, otherwise each
/// value once, in calendar order. Weekday 7 is Sunday, 0.
fn names(set: &FieldSet, field: Field) -> Names {
    let fold = |v: u32| if field == Field::DayOfWeek { v % 7 } else { v };
    if let [Item {
        star: false,
        step: 1,
        start,
        end,
    }] = set.items.as_slice()
    {
        // `0-7` and `1-7`, every day, were reduced to `*` already; `0-1`… stay a list.
        if end.saturating_sub(*start) >= 2 && fold(*start) != fold(*end) {
            return Names::Range {
                from: fold(*start),
                to: fold(*end),
            };
        }
    }
    Names::List(set.values().map(fold).collect())
}

/// When in the day, from the reduced minute and hour fields.
fn time_of(minute: &FieldSet, hour: &FieldSet) -> Time {
    let minutes = singles(minute);
    let hours = singles(hour);
    if let (Some(ms), Some(hs)) = (&minutes, &hours) {
        if ms.len().saturating_mul(hs.len()) <= 6 {
            let mut times: Vec<Clock> = hs
                .iter()
                .flat_map(|h| ms.iter().map(move |m| (*h, *m)))
                .collect();
            sort_few(&mut times, |t| *t);
            times.dedup();
            return Time::At(times);
        }
    }
    // A run of minutes within one hour reads as clock times: 07:31 through 07:41.
    if let (Some([h]), [item]) = (hours.as_deref(), minute.items.as_slice()) {
        if !item.star && item.start != item.end {
            return Time::Minutes {
                n: item.step,
                from: (*h, item.start),
                to: (*h, item.end),
            };
        }
    }
    // One minute in a run of hours written as one stepped or ranged item (already
    // reduced, so its end is the last hour it reaches), or in every hour.
    if let (Some([m]), [item]) = (minutes.as_deref(), hour.items.as_slice()) {
        match (item.star, item.start == item.end) {
            (true, _) => {
                return Time::Hourly {
                    n: item.step,
                    minute: *m,
                }
            }
            (false, false) => {
                return Time::Hours {
                    n: item.step,
                    from: (item.start, *m),
                    to: (item.end, *m),
                }
            }
            (false, true) => {}
        }
    }
    Time::Fields {
        minutes: spans(minute),
        hours: spans(hour),
    }
}

/// The field as the values it selects, in plain items: one item spanning the field
/// (written `*`) when every value is selected; otherwise each written item cut to the
/// values it reaches, dropping items that add no value to the others.
///
/// An item that reaches one value becomes that value (`*/24` and `18/9` in hours are
/// 0 and 18, `40-46/12` is 40); a stepped item ends at the last value it reaches
/// (`5-44/7` ends at 40), and one that reaches two values is those two values
/// (`*/16` in days is 1 and 17); a `*/n` item stays "every n" only when
/// the steps are even all round (n divides 60 minutes or 24 hours) and, for days of
/// the month, when it reaches at least four days. The set of values, and the field's
/// `star` flag (syntax, which decides Vixie's day rule), are kept as they are.
fn reduce(set: &FieldSet, field: Field) -> FieldSet {
    let (min, max) = field.bounds();
    // Day-of-week 7 is bit 0 (Sunday), so a full week is bits 0-6.
    let top = if field == Field::DayOfWeek { 6 } else { max };
    let full = bits_from_to(min, top);
    let every = |items| FieldSet {
        items,
        bits: set.bits,
        star: set.star,
    };
    if set.bits & full == full {
        return every(vec![Item {
            start: min,
            end: top,
            step: 1,
            star: true,
        }]);
    }
    let parts: Vec<(Item, u64)> = set
        .items
        .iter()
        .flat_map(|i| reduce_item(*i, field))
        .map(|i| (i, i.bits(field)))
        .collect();
    let mut kept: Vec<Item> = Vec::new();
    let mut seen = 0u64;
    for (k, (item, bits)) in parts.iter().enumerate() {
        let later = parts
            .iter()
            .skip(k.saturating_add(1))
            .fold(0u64, |acc, (_, b)| acc | b);
        if bits & !(seen | later) != 0 {
            kept.push(*item);
            seen |= bits;
        }
    }
    if kept.iter().all(|i| i.start == i.end) {
        sort_few(&mut kept, |i| i.start);
    }
    every(kept)
}

/// Sorts a short list (a field has at most 60 values) by `key`: an insertion sort, a
/// few instructions where each library sort adds kilobytes to the wasm.
fn sort_few<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    for i in 1..items.len() {
        let mut j = i;
        while let Some(prev) = j.checked_sub(1) {
            match (items.get(prev), items.get(j)) {
                (Some(a), Some(b)) if key(a) > key(b) => items.swap(prev, j),
                _ => break,
            }
            j = prev;
        }
    }
}

/// A single value as an item.
fn value(v: u32) -> Item {
    Item {
        start: v,
        end: v,
        step: 1,
        star: false,
    }
}

/// One item cut to the values it reaches (see [`reduce`]); a stepped item that
/// reaches two values is those two values.
fn reduce_item(item: Item, field: Field) -> Vec<Item> {
    let bits = item.bits(field);
    if bits.count_ones() <= 1 {
        let v = if bits == 0 {
            item.start
        } else {
            bits.trailing_zeros()
        };
        return vec![value(v)];
    }
    let step = item.step.max(1);
    let hops = item
        .end
        .saturating_sub(item.start)
        .checked_div(step)
        .unwrap_or(0);
    let last = item.start.saturating_add(hops.saturating_mul(step));
    let steady = match field {
        Field::Minute => 60u32.checked_rem(step) == Some(0),
        Field::Hour => 24u32.checked_rem(step) == Some(0),
        Field::DayOfMonth => hops >= 3,
        // Months and weekdays are named one by one whatever the step.
        Field::Month | Field::DayOfWeek => true,
    };
    let star = item.star && step > 1 && steady;
    if step > 1 && !star && hops == 1 {
        return vec![value(item.start), value(last)];
    }
    vec![Item {
        start: item.start,
        end: last,
        step,
        star,
    }]
}

/// Bits `from` through `to`.
fn bits_from_to(from: u32, to: u32) -> u64 {
    (from..=to.min(63)).fold(0u64, |acc, v| acc | 1u64.checked_shl(v).unwrap_or(0))
}

/// Which days run, after Vixie's rule on the reduced day fields.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum DayRule {
    /// Every day.
    Every,
    /// The days of the month selected, any weekday.
    Dates,
    /// The weekdays selected, any day of the month.
    Weekdays,
    /// A day of the month selected or a weekday selected.
    Either,
    /// A day of the month selected that is also a weekday selected.
    Both,
}

fn days_of(c: &Cron, day_of_month: &FieldSet, day_of_week: &FieldSet) -> DayRule {
    let dates = is_every(day_of_month);
    let weekdays = is_every(day_of_week);
    // The rule is the engine's (`Cron::days_are_either`), read from the syntax: with
    // "or", a day field that selects every day lets every day through, even when the
    // other names some (`0 0 1,* * 1` and `0 0 1 * 0-7` run daily).
    match (dates, weekdays, c.days_are_either()) {
        (true, true, _) | (true, _, true) | (_, true, true) => DayRule::Every,
        (false, false, true) => DayRule::Either,
        (true, false, false) => DayRule::Weekdays,
        (false, true, false) => DayRule::Dates,
        (false, false, false) => DayRule::Both,
    }
}

fn hhmm(h: u32, m: u32) -> String {
    format!("{h:02}:{m:02}")
}

fn is_every(set: &FieldSet) -> bool {
    matches!(
        set.items.as_slice(),
        [Item {
            star: true,
            step: 1,
            ..
        }]
    )
}

/// Items that are all single values.
fn singles(set: &FieldSet) -> Option<Vec<u32>> {
    set.items
        .iter()
        .map(|i| (!i.star && i.start == i.end).then_some(i.start))
        .collect()
}

/// A phrase in English.
pub fn english(phrase: &Phrase) -> String {
    match phrase {
        Phrase::Preset { every, n, start } => preset_english(*every, *n, start.as_ref()),
        Phrase::Cron { time, days, months } => {
            let mut out = time_english(time);
            if let Some(days) = days {
                out.push(' ');
                out.push_str(&days_english(days));
            }
            if let Some(months) = months {
                out.push_str(" in ");
                out.push_str(&names_english(months, month_name, "and"));
            }
            out
        }
    }
}

fn preset_english(every: Unit, n: u32, start: Option<&Start>) -> String {
    let months = match n {
        1 => "Every month".to_owned(),
        n => format!("Every {n} months"),
    };
    let Some(s) = start else {
        return match every {
            Unit::Hour => "Every hour from the start time".to_owned(),
            Unit::Day => "Every day at the time of the start date".to_owned(),
            Unit::Week => "Every week on the weekday and time of the start date".to_owned(),
            Unit::Year => "Every year on the date of the start date".to_owned(),
            Unit::Month => format!("{months} on the day of the start date"),
        };
    };
    let time = hhmm(s.hour, s.minute);
    match every {
        Unit::Hour => format!("Every hour at minute {}", s.minute),
        Unit::Day => format!("Every day at {time}"),
        Unit::Week => format!("Every week on {} at {time}", weekday_name(s.weekday)),
        Unit::Year => {
            let note = if (s.month, s.day) == (2, 29) {
                " (February 28 in common years)"
            } else {
                ""
            };
            format!(
                "Every year on {} {} at {time}{note}",
                month_name(s.month),
                s.day
            )
        }
        Unit::Month => {
            let note = if s.day >= 29 {
                " (or the month's last day when it is shorter)"
            } else {
                ""
            };
            format!("{months} on day {} at {time}{note}", s.day)
        }
    }
}

/// "Every hour" or "Every 2 hours"; `unit` is singular.
fn every(n: u32, unit: &str) -> String {
    match n {
        1 => format!("Every {unit}"),
        n => format!("Every {n} {unit}s"),
    }
}

fn time_english(time: &Time) -> String {
    match time {
        Time::At(times) => {
            let times: Vec<String> = times.iter().map(|(h, m)| hhmm(*h, *m)).collect();
            format!("At {}", join(&times, "and"))
        }
        Time::Minutes { n, from, to } => format!(
            "{} from {} through {}",
            every(*n, "minute"),
            hhmm(from.0, from.1),
            hhmm(to.0, to.1)
        ),
        Time::Hourly { n: 1, minute: 0 } => "Every hour, on the hour".to_owned(),
        Time::Hourly { n: 1, minute } => format!("At minute {minute} of every hour"),
        Time::Hourly { n, minute: 0 } => format!("Every {n} hours, on the hour"),
        Time::Hourly { n, minute } => format!("Every {n} hours at minute {minute}"),
        Time::Hours { n, from, to } => format!(
            "{} from {} through {}",
            every(*n, "hour"),
            hhmm(from.0, from.1),
            hhmm(to.0, to.1)
        ),
        Time::Fields { minutes, hours } => fields_english(minutes, hours),
    }
}

/// True when every span is a single value.
fn all_values(spans: &[Span]) -> bool {
    spans.iter().all(|s| matches!(s, Span::Value(_)))
}

/// True for a field that selects every value.
fn every_value(spans: &[Span]) -> bool {
    matches!(spans, [Span::Every { every: 1 }])
}

/// "minute 5" or "minutes 0 and 30": `noun` with an "s" for more than one value.
fn value_list(noun: &str, spans: &[Span]) -> String {
    let list: Vec<String> = spans
        .iter()
        .filter_map(|s| match s {
            Span::Value(v) => Some(v.to_string()),
            _ => None,
        })
        .collect();
    let mut out = noun.to_owned();
    if list.len() != 1 {
        out.push('s');
    }
    out.push(' ');
    out.push_str(&join(&list, "and"));
    out
}

fn fields_english(minutes: &[Span], hours: &[Span]) -> String {
    let minute_values = all_values(minutes);
    let mut out = if minute_values {
        format!("At {}", value_list("minute", minutes))
    } else if every_value(minutes) {
        "Every minute".to_owned()
    } else {
        let parts: Vec<String> = minutes.iter().map(|s| minute_span(*s)).collect();
        let mut s = join(&parts, "and");
        capitalise(&mut s);
        s
    };
    if every_value(hours) {
        if minute_values {
            out.push_str(" of every hour");
        }
        return out;
    }
    let parts: Vec<String> = hours.iter().map(|s| hour_span(*s)).collect();
    out.push_str(if all_values(hours) { " " } else { ", " });
    out.push_str(&join(&parts, "and"));
    out
}

fn minute_span(s: Span) -> String {
    match s {
        Span::Every { every } => format!("every {every} minutes"),
        Span::Value(v) => format!("at minute {v}"),
        Span::Range(a, b) => format!("every minute from {a} through {b}"),
        Span::Steps(a, b, n) => format!("every {n} minutes from minute {a} through {b}"),
    }
}

fn hour_span(s: Span) -> String {
    match s {
        Span::Every { every } => format!("every {every} hours"),
        Span::Value(h) => format!("from {} through {}", hhmm(h, 0), hhmm(h, 59)),
        Span::Range(a, b) => format!("from {} through {}", hhmm(a, 0), hhmm(b, 59)),
        Span::Steps(a, b, n) => format!(
            "every {n} hours from {} through {}",
            hhmm(a, 0),
            hhmm(b, 59)
        ),
    }
}

fn capitalise(s: &mut String) {
    if let Some(first) = s.get(..1) {
        let upper = first.to_ascii_uppercase();
        s.replace_range(..1, &upper);
    }
}

fn days_english(days: &Days) -> String {
    match days {
        Days::Date { month, day } => format!("on {} {day}", month_name(*month)),
        Days::Dates(dates) => dates_english(dates),
        Days::Weekdays(w) => format!("on {}", names_english(w, weekday_name, "and")),
        Days::Either { dates, weekdays } => format!(
            "{} or on {}",
            dates_english(dates),
            names_english(weekdays, weekday_name, "and")
        ),
        Days::Both { dates, weekdays } => format!(
            "{}, if it falls on a {}",
            dates_english(dates),
            names_english(weekdays, weekday_name, "or")
        ),
    }
}

/// "on days 1 and 15 of the month", "on every 2nd day of the month (1, 3, 5, …)".
fn dates_english(dates: &[Span]) -> String {
    let list = if all_values(dates) {
        value_list("day", dates)
    } else {
        let parts: Vec<String> = dates.iter().map(|s| date_span(*s)).collect();
        join(&parts, "and")
    };
    // A list that opens with "every …" names the month already.
    match dates.first() {
        Some(Span::Every { .. } | Span::Steps(..)) => format!("on {list}"),
        _ => format!("on {list} of the month"),
    }
}

fn date_span(s: Span) -> String {
    match s {
        Span::Every { every } => {
            let first: Vec<String> = (0..3u32)
                .map(|k| k.saturating_mul(every).saturating_add(1).to_string())
                .collect();
            format!(
                "every {} day of the month ({}, …)",
                ordinal(every),
                first.join(", ")
            )
        }
        Span::Value(d) => format!("day {d}"),
        Span::Range(a, b) => format!("days {a} through {b}"),
        Span::Steps(a, b, n) => format!("every {n} days from day {a} through {b}"),
    }
}

/// "Monday through Friday", or each one: "Sunday, Tuesday and Thursday".
fn names_english(names: &Names, name: fn(u32) -> &'static str, word: &str) -> String {
    match names {
        Names::Range { from, to } => format!("{} through {}", name(*from), name(*to)),
        Names::List(values) => {
            let names: Vec<&str> = values.iter().map(|v| name(*v)).collect();
            join(&names, word)
        }
    }
}

fn weekday_name(v: u32) -> &'static str {
    WEEKDAYS.get((v % 7) as usize).copied().unwrap_or_default()
}

fn month_name(v: u32) -> &'static str {
    MONTHS
        .get(v.saturating_sub(1) as usize)
        .copied()
        .unwrap_or_default()
}

/// 2nd, 3rd, 4th, 11th, 21st.
fn ordinal(n: u32) -> String {
    let suffix = match (n % 10, n % 100) {
        (_, 11..=13) => "th",
        (1, _) => "st",
        (2, _) => "nd",
        (3, _) => "rd",
        _ => "th",
    };
    format!("{n}{suffix}")
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn d(expr: &str) -> String {
        describe_cron(&Cron::parse(expr).unwrap())
    }

    #[test]
    fn joins_lists() {
        assert_eq!(join::<&str>(&[], "and"), "");
        assert_eq!(join(&["a"], "and"), "a");
        assert_eq!(join(&["a", "b", "c"], "or"), "a, b or c");
    }

    #[test]
    fn reads_naturally() {
        assert_eq!(d("10 * * * *"), "At minute 10 of every hour");
        assert_eq!(d("0 * * * *"), "Every hour, on the hour");
        assert_eq!(d("0 9 * * 1-5"), "At 09:00 on Monday through Friday");
        assert_eq!(d("30 8,17 * * *"), "At 08:30 and 17:30");
        assert_eq!(
            d("*/15 9-17 * * MON-FRI"),
            "Every 15 minutes, from 09:00 through 17:59 on Monday through Friday"
        );
        assert_eq!(d("* * * * *"), "Every minute");
        assert_eq!(d("0,30 * * * *"), "At minutes 0 and 30 of every hour");
        assert_eq!(d("0 0 1 * *"), "At 00:00 on day 1 of the month");
        assert_eq!(d("0 0 1,15 * *"), "At 00:00 on days 1 and 15 of the month");
        assert_eq!(
            d("0 0 13 * 5"),
            "At 00:00 on day 13 of the month or on Friday"
        );
        assert_eq!(d("0 12 * 1-3 *"), "At 12:00 in January through March");
        assert_eq!(d("0 0 29 2 *"), "At 00:00 on February 29");
        assert_eq!(d("0 0 * * 0,7"), "At 00:00 on Sunday");
        assert_eq!(d("0 0 * * 5-7"), "At 00:00 on Friday through Sunday");
        assert_eq!(
            d("0 0 * * */2"),
            "At 00:00 on Sunday, Tuesday, Thursday and Saturday"
        );
        assert_eq!(
            d("0 0 1 */3 *"),
            "At 00:00 on day 1 of the month in January, April, July and October"
        );
        assert_eq!(d("@weekly"), "At 00:00 on Sunday");
        assert_eq!(d("0 */6 * * *"), "Every 6 hours, on the hour");
        assert_eq!(
            d("15 9-17/2 * * 1-5"),
            "Every 2 hours from 09:15 through 17:15 on Monday through Friday"
        );
        assert_eq!(d("0 9-17 * * *"), "Every hour from 09:00 through 17:00");
        assert_eq!(d("* 9 * * *"), "Every minute from 09:00 through 09:59");
        assert_eq!(
            d("0 0 */2 * *"),
            "At 00:00 on every 2nd day of the month (1, 3, 5, …)"
        );
        assert_eq!(d("0 0 1 * */2"), "At 00:00 on day 1 of the month, if it falls on a Sunday, Tuesday, Thursday or Saturday");
    }

    // Each expected text names the values worked out by hand from crontab(5): a step
    // counts from the item's start and stops at its end (or the field's top).
    #[test]
    fn words_follow_the_values_selected() {
        // 0 + 99999999999·k ≤ 59 only for k = 0; 0 + 100·k ≤ 59 likewise: minute 0.
        assert_eq!(d("*/99999999999 * * * *"), "Every hour, on the hour");
        assert_eq!(d("0-59/100 * * * *"), "Every hour, on the hour");
        // 18/9 is 18-23/9: 18, then 27 is past 23.
        assert_eq!(d("0 18/9 * * *"), "At 18:00");
        // 40, then 52 is past 46.
        assert_eq!(d("40-46/12 9 * * 7"), "At 09:40 on Sunday");
        // 1, then 32 is past 31.
        assert_eq!(d("0 0 */31 * *"), "At 00:00 on day 1 of the month");
        // 0, then 24 is past 23.
        assert_eq!(d("0 */24 * * *"), "At 00:00");
        // 1, 17, then 33 is past 31.
        assert_eq!(d("0 0 */16 * *"), "At 00:00 on days 1 and 17 of the month");
        // 0, 7, …, 56: the step is not even across the hour (56 to 0 is 4 minutes).
        assert_eq!(d("*/7 * * * *"), "Every 7 minutes from minute 0 through 56");
        // 0, 5, 10, 15, 20: 20 to 0 is 4 hours.
        assert_eq!(d("0 */5 * * *"), "Every 5 hours from 00:00 through 20:00");
        assert_eq!(
            d("5-44/7 9 * * *"),
            "Every 7 minutes from 09:05 through 09:40"
        );
        assert_eq!(d("31-41 7 * * *"), "Every minute from 07:31 through 07:41");
        assert_eq!(d("9-17/8 * * * *"), "At minutes 9 and 17 of every hour");
    }

    #[test]
    fn a_field_selecting_every_value_is_not_listed() {
        assert_eq!(d("*,5 * * * *"), "Every minute");
        assert_eq!(d("0-59 * * * *"), "Every minute");
        assert_eq!(d("0 0-23 * * *"), "Every hour, on the hour");
        assert_eq!(d("0 0 * 1-12 *"), "At 00:00");
        assert_eq!(d("0 0 * * 0-7"), "At 00:00");
        assert_eq!(d("0 0 * * 1-7"), "At 00:00");
        assert_eq!(d("0 0 1,* * *"), "At 00:00");
        assert_eq!(d("0-30,5 * * * *"), "Every minute from 0 through 30");
        assert_eq!(d("0 0 5,5 * *"), "At 00:00 on day 5 of the month");
    }

    // Vixie's rule is read from the syntax (does a day field start with `*`), as the
    // engine does (`Cron::day_matches`); the words follow the engine.
    #[test]
    fn day_rule_stays_the_engines() {
        // Neither day field starts with `*`: a day matches either one, and day-of-month
        // `1,*` (or `1-31`) matches every day, so every day runs.
        assert_eq!(d("0 0 1,* * 1"), "At 00:00");
        assert_eq!(d("0 0 1-31 * 1"), "At 00:00");
        // Day 1 or any weekday: every day.
        assert_eq!(d("0 0 1 * 0-7"), "At 00:00");
        // Day 29 or any weekday, in February: every day of February.
        assert_eq!(d("0 0 29 2 0-7"), "At 00:00 in February");
        // Day-of-month starts with `*`: both must match, and every weekday matches.
        assert_eq!(
            d("0 0 */2 * 0-6"),
            "At 00:00 on every 2nd day of the month (1, 3, 5, …)"
        );
        // Day-of-week `*/7` is 0 and 7, Sunday, and starts with `*`: both must match.
        assert_eq!(
            d("0 0 29 2 */7"),
            "At 00:00 on day 29 of the month, if it falls on a Sunday in February"
        );
        assert_eq!(d("0 0 * * */7"), "At 00:00 on Sunday");
    }

    // The compact phrases, written from the grammar in phrase.rs.
    #[test]
    fn phrases_name_the_facts() {
        let p = |expr: &str| cron_phrase(&Cron::parse(expr).unwrap()).compact();
        assert_eq!(p("0 9 * * 1-5"), "at 9 0 weekdays range 1 5");
        assert_eq!(p("30 8,17 * * *"), "at 8 30 17 30");
        assert_eq!(
            p("*/15 9-17 * * MON-FRI"),
            "minute every 15 hour range 9 17 weekdays range 1 5"
        );
        assert_eq!(p("10 * * * *"), "hourly 1 10");
        assert_eq!(p("0 */6 * * *"), "hourly 6 0");
        assert_eq!(
            p("15 9-17/2 * * 1-5"),
            "hours 2 9 15 17 15 weekdays range 1 5"
        );
        assert_eq!(p("5-44/7 9 * * *"), "minutes 7 9 5 9 40");
        assert_eq!(p("0,30 * * * *"), "minute value 0 30 hour every 1");
        assert_eq!(p("0-30,5 * * * *"), "minute range 0 30 hour every 1");
        assert_eq!(p("0 0 13 * 5"), "at 0 0 either dates value 13 weekdays 5");
        assert_eq!(
            p("0 0 1 * */2"),
            "at 0 0 both dates value 1 weekdays 0 2 4 6"
        );
        assert_eq!(p("0 0 29 2 *"), "at 0 0 date 2 29");
        assert_eq!(p("0 0 1 */3 *"), "at 0 0 dates value 1 months 1 4 7 10");
        assert_eq!(p("0 12 * 1-3 *"), "at 12 0 months range 1 3");
        assert_eq!(p("0 0 */2 * *"), "at 0 0 dates every 2");
        assert_eq!(
            p("0 0 1,15,20-25 * *"),
            "at 0 0 dates value 1 15 range 20 25"
        );
        // Friday through Sunday: the range ends on weekday 0.
        assert_eq!(p("0 0 * * 5-7"), "at 0 0 weekdays range 5 0");

        let a = crate::schedule::instant::parse_iso("2018-01-31T12:00:00Z").unwrap();
        let preset =
            |name: &str, anchor| preset_phrase(Preset::find(name).unwrap(), anchor).compact();
        // 2018-01-31 was a Wednesday (weekday 3).
        assert_eq!(
            preset("monthly", Some(a)),
            "preset month 1 start 12 0 3 31 1"
        );
        assert_eq!(preset("two-month", None), "preset month 2");
        assert_eq!(preset("weekly", None), "preset week 1");
        assert_eq!(preset("yearly", None), "preset year 1");
    }

    #[test]
    fn describes_presets_with_and_without_the_start_date() {
        let monthly = Preset::find("monthly").unwrap();
        assert_eq!(
            describe_preset(monthly, None),
            "Every month on the day of the start date"
        );
        let a = crate::schedule::instant::parse_iso("2018-01-31T12:00:00Z").unwrap();
        assert_eq!(
            describe_preset(monthly, Some(a)),
            "Every month on day 31 at 12:00 (or the month's last day when it is shorter)"
        );
        let two = Preset::find("two-month").unwrap();
        assert_eq!(
            describe_preset(two, None),
            "Every 2 months on the day of the start date"
        );
        assert_eq!(
            describe_preset(two, Some(a)),
            "Every 2 months on day 31 at 12:00 (or the month's last day when it is shorter)"
        );
        let weekly = Preset::find("weekly").unwrap();
        // 2018-01-31 was a Wednesday.
        assert_eq!(
            describe_preset(weekly, Some(a)),
            "Every week on Wednesday at 12:00"
        );
    }
}
