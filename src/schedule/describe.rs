//! Frequencies in plain English, for checkout forms.
//!
//! Entry point: [`describe_cron`] (presets describe themselves through
//! [`describe_preset`]). Times are UTC and written `09:00`.
//!
//! ```
//! use subkit::schedule::cron::Cron;
//! use subkit::schedule::describe::describe_cron;
//! assert_eq!(describe_cron(&Cron::parse("10 * * * *").unwrap()), "At minute 10 of every hour");
//! assert_eq!(describe_cron(&Cron::parse("0 9 * * 1-5").unwrap()), "At 09:00 on Monday through Friday");
//! ```

use std::fmt;

use chrono::{DateTime, Datelike, Timelike, Utc};

use super::cron::{Cron, Field, FieldSet, Item};
use super::error::NeverFiresReason;
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
/// "Every month on day 31 at 12:00 (the 28th, 29th or 30th in shorter months)".
pub fn describe_preset(preset: Preset, anchor: Option<DateTime<Utc>>) -> String {
    let Some(a) = anchor else {
        return match preset.step {
            Step::Hours(1) => "Every hour from the start time".to_owned(),
            Step::Hours(24) => "Every day at the time of the start date".to_owned(),
            Step::Hours(_) => "Every week on the weekday and time of the start date".to_owned(),
            Step::Months(12) => "Every year on the date of the start date".to_owned(),
            Step::Months(1) => "Every month on the day of the start date".to_owned(),
            Step::Months(n) => format!("Every {n} months on the day of the start date"),
        };
    };
    let time = hhmm(a.hour(), a.minute());
    let clamp_note = |day: u32, yearly: bool| match (day, yearly) {
        (29, true) => " (February 28 in common years)".to_owned(),
        (29..=31, false) => " (or the month's last day when it is shorter)".to_owned(),
        _ => String::new(),
    };
    match preset.step {
        Step::Hours(1) => format!("Every hour at minute {}", a.minute()),
        Step::Hours(24) => format!("Every day at {time}"),
        Step::Hours(_) => format!(
            "Every week on {} at {time}",
            WEEKDAYS
                .get(a.weekday().num_days_from_sunday() as usize)
                .copied()
                .unwrap_or_default()
        ),
        Step::Months(12) => format!(
            "Every year on {} {} at {time}{}",
            MONTHS.get(a.month0() as usize).copied().unwrap_or_default(),
            a.day(),
            clamp_note(if a.month() == 2 { a.day() } else { 0 }, true)
        ),
        Step::Months(n) => {
            let every = if n == 1 {
                "Every month".to_owned()
            } else {
                format!("Every {n} months")
            };
            format!(
                "{every} on day {} at {time}{}",
                a.day(),
                clamp_note(a.day(), false)
            )
        }
    }
}

/// A crontab expression in words. Each field is first reduced to the values it
/// selects, so the words say what runs rather than how it was written:
/// `*/24` in the hour field is 00:00, `0-59` is every minute.
pub fn describe_cron(c: &Cron) -> String {
    let minute = reduce(&c.minute, Field::Minute);
    let hour = reduce(&c.hour, Field::Hour);
    let day_of_month = reduce(&c.day_of_month, Field::DayOfMonth);
    let month = reduce(&c.month, Field::Month);
    let day_of_week = reduce(&c.day_of_week, Field::DayOfWeek);
    let days = days_of(c, &day_of_month, &day_of_week);
    let mut out = time_phrase(&minute, &hour);
    if let (Days::Dates, Some([day]), Some([month])) = (
        days,
        singles(&day_of_month).as_deref(),
        singles(&month).as_deref(),
    ) {
        out.push_str(&format!(" on {} {day}", month_name(*month)));
        return out;
    }
    out.push_str(&day_phrase(days, &day_of_month, &day_of_week));
    if let Some(months) = month_phrase(&month) {
        out.push_str(&months);
    }
    out
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
enum Days {
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

fn days_of(c: &Cron, day_of_month: &FieldSet, day_of_week: &FieldSet) -> Days {
    let dates = is_every(day_of_month);
    let weekdays = is_every(day_of_week);
    // The rule is the engine's (`Cron::days_are_either`), read from the syntax: with
    // "or", a day field that selects every day lets every day through, even when the
    // other names some (`0 0 1,* * 1` and `0 0 1 * 0-7` run daily).
    match (dates, weekdays, c.days_are_either()) {
        (true, true, _) | (true, _, true) | (_, true, true) => Days::Every,
        (false, false, true) => Days::Either,
        (true, false, false) => Days::Weekdays,
        (false, true, false) => Days::Dates,
        (false, false, false) => Days::Both,
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

fn time_phrase(minute: &FieldSet, hour: &FieldSet) -> String {
    let minutes = singles(minute);
    let hours = singles(hour);
    if let (Some(ms), Some(hs)) = (&minutes, &hours) {
        if ms.len().saturating_mul(hs.len()) <= 6 {
            let mut times: Vec<(u32, u32)> = hs
                .iter()
                .flat_map(|h| ms.iter().map(move |m| (*h, *m)))
                .collect();
            sort_few(&mut times, |t| *t);
            times.dedup();
            let times: Vec<String> = times.iter().map(|(h, m)| hhmm(*h, *m)).collect();
            return format!("At {}", join(&times, "and"));
        }
    }
    // A run of minutes within one hour reads as clock times: 07:31 through 07:41.
    if let (Some([h]), [item]) = (hours.as_deref(), minute.items.as_slice()) {
        if !item.star && item.start != item.end {
            let every = match item.step {
                1 => "Every minute".to_owned(),
                n => format!("Every {n} minutes"),
            };
            return format!(
                "{every} from {} through {}",
                hhmm(*h, item.start),
                hhmm(*h, item.end)
            );
        }
    }
    if let (Some([m]), [item]) = (minutes.as_deref(), hour.items.as_slice()) {
        if let Some(phrase) = hourly_at_minute(*m, *item) {
            return phrase;
        }
    }
    let minute_part = match (&minutes, minute.items.as_slice()) {
        (Some(ms), _) if ms == &[0] && is_every(hour) => return "Every hour, on the hour".into(),
        (Some(ms), _) if ms.len() == 1 && is_every(hour) => {
            return format!(
                "At minute {} of every hour",
                ms.first().copied().unwrap_or(0)
            )
        }
        (Some(ms), _) => {
            let list: Vec<String> = ms.iter().map(u32::to_string).collect();
            let noun = if ms.len() == 1 { "minute" } else { "minutes" };
            format!("At {noun} {}", join(&list, "and"))
        }
        (
            None,
            [Item {
                star: true,
                step: 1,
                ..
            }],
        ) => "Every minute".to_owned(),
        (None, items) => {
            let parts: Vec<String> = items.iter().map(|i| minute_item(*i)).collect();
            let mut s = join(&parts, "and");
            capitalise(&mut s);
            s
        }
    };
    let hour_part = match (&hours, hour.items.as_slice()) {
        (
            _,
            [Item {
                star: true,
                step: 1,
                ..
            }],
        ) if minutes.is_some() => " of every hour".into(),
        (
            _,
            [Item {
                star: true,
                step: 1,
                ..
            }],
        ) => String::new(),
        (Some(hs), _) => {
            let list: Vec<String> = hs
                .iter()
                .map(|h| format!("from {}:00 through {}:59", pad(*h), pad(*h)))
                .collect();
            format!(" {}", join(&list, "and"))
        }
        (None, items) => {
            let parts: Vec<String> = items.iter().map(|i| hour_item(*i)).collect();
            format!(", {}", join(&parts, "and"))
        }
    };
    minute_part + &hour_part
}

/// "Every 2 hours, on the hour", "Every hour from 09:15 through 17:15": one minute
/// in a run of hours written as one stepped or ranged item (already reduced, so its
/// end is the last hour it reaches).
fn hourly_at_minute(m: u32, hours: Item) -> Option<String> {
    let every = match hours.step {
        1 => "Every hour".to_owned(),
        n => format!("Every {n} hours"),
    };
    let at = if m == 0 {
        ", on the hour".to_owned()
    } else {
        format!(" at minute {m}")
    };
    match (hours.star, hours.start == hours.end) {
        (true, _) if hours.step > 1 => Some(format!("{every}{at}")),
        (false, false) => Some(format!(
            "{every} from {} through {}",
            hhmm(hours.start, m),
            hhmm(hours.end, m)
        )),
        _ => None,
    }
}

fn pad(n: u32) -> String {
    format!("{n:02}")
}

fn capitalise(s: &mut String) {
    if let Some(first) = s.get(..1) {
        let upper = first.to_ascii_uppercase();
        s.replace_range(..1, &upper);
    }
}

fn minute_item(i: Item) -> String {
    match (i.star, i.step, i.start == i.end) {
        (true, step, _) => format!("every {step} minutes"),
        (false, _, true) => format!("at minute {}", i.start),
        (false, 1, false) => format!("every minute from {} through {}", i.start, i.end),
        (false, step, false) => format!(
            "every {step} minutes from minute {} through {}",
            i.start, i.end
        ),
    }
}

fn hour_item(i: Item) -> String {
    match (i.star, i.step, i.start == i.end) {
        (true, step, _) => format!("every {step} hours"),
        (false, _, true) => format!("from {}:00 through {}:59", pad(i.start), pad(i.start)),
        (false, 1, false) => format!("from {}:00 through {}:59", pad(i.start), pad(i.end)),
        (false, step, false) => {
            format!(
                "every {step} hours from {}:00 through {}:59",
                pad(i.start),
                pad(i.end)
            )
        }
    }
}

fn day_of_month_phrase(set: &FieldSet) -> String {
    if let Some(days) = singles(set) {
        let list: Vec<String> = days.iter().map(u32::to_string).collect();
        let noun = if days.len() == 1 { "day" } else { "days" };
        return format!("on {noun} {} of the month", join(&list, "and"));
    }
    let parts: Vec<String> = set
        .items
        .iter()
        .map(|i| match (i.star, i.step, i.start == i.end) {
            (true, step, _) => {
                let first: Vec<String> = (0..3u32)
                    .map(|k| k.saturating_mul(step).saturating_add(1).to_string())
                    .collect();
                format!(
                    "every {} day of the month ({}, …)",
                    ordinal(step),
                    first.join(", ")
                )
            }
            (false, _, true) => format!("day {}", i.start),
            (false, 1, false) => format!("days {} through {}", i.start, i.end),
            (false, step, false) => {
                format!("every {step} days from day {} through {}", i.start, i.end)
            }
        })
        .collect();
    let s = join(&parts, "and");
    if s.starts_with("every") {
        format!("on {s}")
    } else {
        format!("on {s} of the month")
    }
}

/// Names for a set: "Monday through Friday" for one plain range of three or more,
/// otherwise each value once, in calendar order.
fn names_phrase(set: &FieldSet, name: impl Fn(u32) -> &'static str, word: &str) -> String {
    if let [Item {
        star: false,
        step: 1,
        start,
        end,
    }] = set.items.as_slice()
    {
        if end.saturating_sub(*start) >= 2 && name(*start) != name(*end) {
            return format!("{} through {}", name(*start), name(*end));
        }
    }
    let names: Vec<&str> = set.values().map(name).collect();
    join(&names, word)
}

fn weekday_phrase(set: &FieldSet, word: &str) -> String {
    let name = |v: u32| WEEKDAYS.get((v % 7) as usize).copied().unwrap_or_default();
    format!("on {}", names_phrase(set, name, word))
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

fn day_phrase(days: Days, day_of_month: &FieldSet, day_of_week: &FieldSet) -> String {
    match days {
        Days::Every => String::new(),
        Days::Weekdays => format!(" {}", weekday_phrase(day_of_week, "and")),
        Days::Dates => format!(" {}", day_of_month_phrase(day_of_month)),
        Days::Either => format!(
            " {} or {}",
            day_of_month_phrase(day_of_month),
            weekday_phrase(day_of_week, "and")
        ),
        Days::Both => format!(
            " {}, if it falls {}",
            day_of_month_phrase(day_of_month),
            weekday_phrase(day_of_week, "or").replacen("on ", "on a ", 1)
        ),
    }
}

fn month_name(v: u32) -> &'static str {
    MONTHS
        .get(v.saturating_sub(1) as usize)
        .copied()
        .unwrap_or_default()
}

fn month_phrase(set: &FieldSet) -> Option<String> {
    (!is_every(set)).then(|| format!(" in {}", names_phrase(set, month_name, "and")))
}

/// Why an expression never fires, as the end of its error message: "day 31 never
/// occurs in February", "days 30 or 31 never occur in February". Written here, with
/// the month names and [`join`] the descriptions use, so that the parser reports facts
/// and needs no words: `cron.rs` and `describe.rs` do not import each other.
impl fmt::Display for NeverFiresReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            NeverFiresReason::DaysNotInMonths { days, months } => {
                let days: Vec<String> = days.iter().map(u32::to_string).collect();
                // A month outside 1-12 names nothing and is left out rather than shown
                // as a neighbouring month.
                let months: Vec<&str> = months
                    .iter()
                    .filter_map(|m| MONTHS.get(usize::try_from(*m).ok()?.checked_sub(1)?))
                    .copied()
                    .collect();
                let (noun, verb) = if days.len() == 1 {
                    ("day", "occurs")
                } else {
                    ("days", "occur")
                };
                write!(
                    f,
                    "{noun} {} never {verb} in {}",
                    join(&days, "or"),
                    join(&months, "or")
                )
            }
        }
    }
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
