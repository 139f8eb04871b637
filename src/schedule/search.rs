//! Finding a crontab expression's runs on the calendar, in UTC.
//!
//! Entry points: [`Cron::next_after`] (strictly after an instant),
//! [`Cron::next_from`] (at or after), and [`Cron::runs_after`] and [`Cron::runs_from`]
//! (every run up to an end, likewise). The
//! search jumps between matching months, days and times with bit masks, and stops at
//! the end it is given, or after year 9999, with `None` instead of looping. Since
//! [`Cron::parse`] rejects expressions that never fire, the next run is at most 40
//! years away (February 29 on one weekday: 2088-02-29 and 2128-02-29 are Sundays), so
//! only a search from the last decades of year 9999 can reach that bound.
//!
//! ```
//! use subkit::schedule::cron::Cron;
//! use subkit::schedule::instant::{format, parse_iso};
//! let cron = Cron::parse("0 9 * * 1-5").unwrap();
//! let friday_evening = parse_iso("2024-03-01T18:00:00Z").unwrap();
//! assert_eq!(format(cron.next_after(friday_evening).unwrap()), "2024-03-04T09:00:00.000Z");
//! ```

use chrono::{DateTime, Datelike, NaiveDate, Timelike, Utc};

use super::calendar::{days_in_month, weekday_of_first};
use super::cron::{Cron, FieldSet};
use super::instant;

/// A whole minute on the UTC calendar. The search works on these plain numbers and
/// steps by months and days with bit masks, so a run costs a few dozen operations
/// rather than a walk over every day in between.
// Ordered field by field, year first, which is the calendar's order (a day past the
// month's end, which `succ` may produce, still sorts before the next month).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
struct Minute {
    year: i32,
    month: u32,
    day: u32,
    hour: u32,
    minute: u32,
}

impl Minute {
    /// The whole minute at or after `t`.
    fn ceil(t: DateTime<Utc>) -> Minute {
        let m = Minute::floor(t);
        if t.second() == 0 && t.nanosecond() == 0 {
            m
        } else {
            m.succ()
        }
    }

    /// The whole minute at or before `t`.
    fn floor(t: DateTime<Utc>) -> Minute {
        Minute {
            year: t.year(),
            month: t.month(),
            day: t.day(),
            hour: t.hour(),
            minute: t.minute(),
        }
    }

    /// One minute later. The day may pass the month's end; the search then moves on
    /// to the next month, as no day mask has bits beyond the month's length.
    fn succ(self) -> Minute {
        match (self.minute < 59, self.hour < 23) {
            (true, _) => Minute {
                minute: self.minute.saturating_add(1),
                ..self
            },
            (false, true) => Minute {
                hour: self.hour.saturating_add(1),
                minute: 0,
                ..self
            },
            (false, false) => Minute {
                day: self.day.saturating_add(1),
                hour: 0,
                minute: 0,
                ..self
            },
        }
    }

    /// The first minute after year 9999: the end of every search.
    fn horizon() -> Minute {
        Minute {
            year: instant::MAX_YEAR.saturating_add(1),
            month: 1,
            day: 1,
            hour: 0,
            minute: 0,
        }
    }

    /// As a chrono instant; `None` only for a day past the month's end, which the
    /// search never returns.
    fn to_utc(self) -> Option<DateTime<Utc>> {
        NaiveDate::from_ymd_opt(self.year, self.month, self.day)?
            .and_hms_opt(self.hour, self.minute, 0)
            .map(|t| t.and_utc())
    }
}

impl Cron {
    /// The first run strictly after `t`.
    pub fn next_after(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.search(Minute::floor(t).succ(), Minute::horizon())?
            .to_utc()
    }

    /// The first run at or after `t`.
    pub fn next_from(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        self.search(Minute::ceil(t), Minute::horizon())?.to_utc()
    }

    /// The runs at or after `t` and strictly before `end`, in increasing order;
    /// without `end`, until year 9999 ends. The search itself stops at `end`, so a run
    /// decades away is not looked for when the end comes first.
    pub fn runs_from(
        &self,
        t: DateTime<Utc>,
        end: Option<DateTime<Utc>>,
    ) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        self.runs_between(Minute::ceil(t), end)
    }

    /// The runs strictly after `t` and strictly before `end`, in increasing order;
    /// without `end`, until year 9999 ends. Like [`Cron::runs_from`], the search stops
    /// at `end`.
    pub fn runs_after(
        &self,
        t: DateTime<Utc>,
        end: Option<DateTime<Utc>>,
    ) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        self.runs_between(Minute::floor(t).succ(), end)
    }

    /// The runs from the whole minute `from` (included) to `end` (excluded).
    fn runs_between(
        &self,
        from: Minute,
        end: Option<DateTime<Utc>>,
    ) -> impl Iterator<Item = DateTime<Utc>> + '_ {
        // A whole minute is before `end` exactly when it is before the first whole
        // minute at or after `end`.
        let end = end.map_or(Minute::horizon(), |e| {
            Minute::ceil(e).min(Minute::horizon())
        });
        Runs::new(self, self.search_with_days(from, end), end)
    }

    /// The first matching minute at or after `from` and before `end`. Each pass of the
    /// loop moves to a later matching month, and the loop ends at `end` or after year
    /// 9999, whichever comes first.
    ///
    /// Since [`Cron::parse`] rejects expressions that never fire, a match is at most
    /// 40 years away: the longest wait is for February 29 on one weekday (with a day
    /// field starting with `*`, both must match), across a century year that is not
    /// leap. 2088-02-29 and 2128-02-29 are Sundays with none between them; any other
    /// date comes back on a given weekday within 12 years.
    fn search(&self, from: Minute, end: Minute) -> Option<Minute> {
        self.search_with_days(from, end).map(|(m, _)| m)
    }

    /// [`Cron::search`], with the [`Cron::day_mask`] of the match's month, which
    /// [`Runs`] keeps.
    fn search_with_days(&self, from: Minute, end: Minute) -> Option<(Minute, u64)> {
        let Minute {
            mut year,
            mut month,
            day,
            hour,
            minute,
        } = from;
        // Where in the month the search starts: `from`'s day and time in its month,
        // the first minute in any later one.
        let mut start = (day, hour, minute);
        while year <= instant::MAX_YEAR {
            let (day, hour, minute) = start;
            let at = Minute {
                year,
                month,
                day,
                hour,
                minute,
            };
            if at >= end {
                return None;
            }
            if self.month.has(month) {
                let days = self.day_mask(year, month);
                // The start's own day, if it matches and has a time left; else the
                // next matching day, at its first time.
                let run = match first_bit_at_or_after(days, day) {
                    Some(d) if d == day => self.first_time_from(hour, minute).map_or_else(
                        || {
                            let next = first_bit_at_or_after(days, day.saturating_add(1))?;
                            Some((next, self.first_time_from(0, 0)?))
                        },
                        |time| Some((d, time)),
                    ),
                    Some(d) => Some((d, self.first_time_from(0, 0)?)),
                    None => None,
                };
                if let Some((day, (hour, minute))) = run {
                    let found = Minute {
                        year,
                        month,
                        day,
                        hour,
                        minute,
                    };
                    return (found < end).then_some((found, days));
                }
            }
            // No run left in this month: on to the next matching month.
            match first_at_or_after(&self.month, month.saturating_add(1)) {
                Some(m) if m <= 12 => month = m,
                _ => {
                    year = year.saturating_add(1);
                    month = first_at_or_after(&self.month, 1)?;
                }
            }
            start = (1, 0, 0);
        }
        None
    }

    /// Bit `d` is set when day `d` of the month matches both day fields under the
    /// Vixie rule ([`Cron::day_matches`]).
    fn day_mask(&self, year: i32, month: u32) -> u64 {
        let length = days_in_month(year, month);
        // Days 1..=length.
        let in_month = (1u64 << length).wrapping_sub(1) << 1;
        let by_date = self.day_of_month.bits & in_month;
        let week = self.day_of_week.bits & 0x7f;
        let by_weekday = if week == 0x7f {
            // Every weekday (`*`, the common case): every day, with no need to know
            // which weekday the month starts on.
            in_month
        } else {
            // Day d falls on weekday (first + d - 1) % 7: the weekday set rotated to
            // start at the first's weekday, repeated every 7 days, shifted to day 1.
            let first = weekday_of_first(year, month);
            let rotated = ((week >> first) | (week << 7u32.saturating_sub(first))) & 0x7f;
            // Five copies, 7 bits apart: 35 bits, so the product cannot overflow.
            let weeks = rotated.wrapping_mul(1 | 1 << 7 | 1 << 14 | 1 << 21 | 1 << 28);
            (weeks << 1) & in_month
        };
        if self.days_are_either() {
            by_date | by_weekday
        } else {
            by_date & by_weekday
        }
    }

    /// The first (hour, minute) of a matching day at or after `hour:minute`.
    fn first_time_from(&self, hour: u32, minute: u32) -> Option<(u32, u32)> {
        let first_minute = first_at_or_after(&self.minute, 0)?;
        if self.hour.has(hour) {
            if let Some(m) = first_at_or_after(&self.minute, minute) {
                return Some((hour, m));
            }
        }
        let h = first_at_or_after(&self.hour, hour.saturating_add(1))?;
        Some((h, first_minute))
    }
}

/// The runs of a crontab from one found run to the next. Within a month each step is a
/// few bit scans (the next minute of the hour, hour of the day, or day of the month's
/// mask, which is kept), where [`Cron::search`] from the following minute would redo
/// the month's checks and its day mask; only a step into another month searches.
struct Runs<'c> {
    cron: &'c Cron,
    /// The run to yield next, already checked to be before `end`.
    next: Option<Minute>,
    /// [`Cron::day_mask`] of `next`'s month.
    days: u64,
    /// The first matching hour and minute, where each matching day starts.
    first_hour: u32,
    first_minute: u32,
    /// The day before the first of `next`'s month as an ordinal of its year (0 in
    /// January): day `d` of the month is this plus `d`, and a date made from its
    /// ordinal costs less than one made from year, month and day.
    month_ordinal: u32,
    /// A date in `next`'s year, whose ordinal is changed to make a run's date.
    year_date: NaiveDate,
    /// True when `end` is past the whole of `next`'s month, so no run in it needs to
    /// be compared with `end`.
    month_before_end: bool,
    end: Minute,
}

impl<'c> Runs<'c> {
    /// The runs from the first matching minute `found` (with its month's day mask)
    /// to `end` (excluded).
    fn new(cron: &'c Cron, found: Option<(Minute, u64)>, end: Minute) -> Self {
        let first = (
            first_at_or_after(&cron.hour, 0),
            first_at_or_after(&cron.minute, 0),
        );
        let mut runs = Runs {
            cron,
            next: None,
            days: 0,
            first_hour: first.0.unwrap_or(0),
            first_minute: first.1.unwrap_or(0),
            month_ordinal: 0,
            year_date: NaiveDate::MIN,
            month_before_end: false,
            end,
        };
        // Parsing refuses fields that match nothing, so both firsts exist.
        if let (Some(found), Some(_), Some(_)) = (found, first.0, first.1) {
            runs.next = runs.enter(found);
        }
        runs
    }

    /// `m`, the first run found in its month, with what the steps in the month use.
    fn enter(&mut self, (m, days): (Minute, u64)) -> Option<Minute> {
        let first = NaiveDate::from_ymd_opt(m.year, m.month, 1)?;
        self.days = days;
        self.month_ordinal = first.ordinal0();
        self.year_date = first;
        let last_minute = Minute {
            day: 31,
            hour: 23,
            minute: 59,
            ..m
        };
        self.month_before_end = last_minute < self.end;
        Some(m)
    }

    /// The first run after `m`, a run; the same minute as `search(m.succ(), end)`.
    fn after(&mut self, m: Minute) -> Option<Minute> {
        let cron = self.cron;
        let later = if let Some(minute) =
            first_bit_at_or_after(cron.minute.bits, m.minute.saturating_add(1))
        {
            Minute { minute, ..m }
        } else if let Some(hour) = first_bit_at_or_after(cron.hour.bits, m.hour.saturating_add(1)) {
            Minute {
                hour,
                minute: self.first_minute,
                ..m
            }
        } else if let Some(day) = first_bit_at_or_after(self.days, m.day.saturating_add(1)) {
            Minute {
                day,
                hour: self.first_hour,
                minute: self.first_minute,
                ..m
            }
        } else {
            // The first minute of the next month; `search` skips to a matching one.
            let (year, month) = if m.month >= 12 {
                (m.year.saturating_add(1), 1)
            } else {
                (m.year, m.month.saturating_add(1))
            };
            let from = Minute {
                year,
                month,
                day: 1,
                hour: 0,
                minute: 0,
            };
            let found = cron.search_with_days(from, self.end)?;
            return self.enter(found);
        };
        (self.month_before_end || later < self.end).then_some(later)
    }
}

impl Iterator for Runs<'_> {
    type Item = DateTime<Utc>;

    fn next(&mut self) -> Option<DateTime<Utc>> {
        let run = self.next?;
        // `None` only for a day past the month's end, which the search never returns.
        let t = self
            .year_date
            .with_ordinal(self.month_ordinal.saturating_add(run.day))?
            .and_hms_opt(run.hour, run.minute, 0)?
            .and_utc();
        self.next = self.after(run);
        Some(t)
    }
}

/// The smallest value in `set` that is at least `from`.
// This and the next are a shift and a bit count, called a few times for each run: as
// calls (which a size-optimised build keeps) they cost more than their bodies.
#[inline(always)]
fn first_at_or_after(set: &FieldSet, from: u32) -> Option<u32> {
    first_bit_at_or_after(set.bits, from)
}

/// The lowest set bit of `bits` at position `from` or above.
#[inline(always)]
fn first_bit_at_or_after(bits: u64, from: u32) -> Option<u32> {
    if from >= 64 {
        return None;
    }
    let rest = bits >> from;
    (rest != 0).then(|| from.saturating_add(rest.trailing_zeros()))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::prelude::*;
    use crate::schedule::instant::{format, parse_iso};

    fn next(expr: &str, after: &str) -> String {
        let cron = Cron::parse(expr).unwrap();
        format(cron.next_after(parse_iso(after).unwrap()).unwrap())
    }

    // Expected instants read off the calendar by hand.
    #[test]
    fn steps_over_month_and_year_ends() {
        assert_eq!(
            next("0 0 31 * *", "2024-04-01T00:00:00Z"),
            "2024-05-31T00:00:00.000Z"
        );
        assert_eq!(
            next("0 0 29 2 *", "2024-03-01T00:00:00Z"),
            "2028-02-29T00:00:00.000Z"
        );
        assert_eq!(
            next("0 0 29 2 *", "2096-03-01T00:00:00Z"),
            "2104-02-29T00:00:00.000Z"
        );
        assert_eq!(
            next("59 23 31 12 *", "2023-12-31T23:59:00Z"),
            "2024-12-31T23:59:00.000Z"
        );
        assert_eq!(
            next("0 0 1 1 *", "2023-12-31T23:59:59.999Z"),
            "2024-01-01T00:00:00.000Z"
        );
    }

    #[test]
    fn strictly_after_and_at_or_after() {
        let cron = Cron::parse("30 * * * *").unwrap();
        let t = parse_iso("2024-01-01T10:30:00Z").unwrap();
        assert_eq!(
            format(cron.next_after(t).unwrap()),
            "2024-01-01T11:30:00.000Z"
        );
        assert_eq!(
            format(cron.next_from(t).unwrap()),
            "2024-01-01T10:30:00.000Z"
        );
        let mid_minute = parse_iso("2024-01-01T10:29:30Z").unwrap();
        assert_eq!(
            format(cron.next_from(mid_minute).unwrap()),
            "2024-01-01T10:30:00.000Z"
        );
    }

    #[test]
    fn either_day_field_matches_when_both_are_restricted() {
        // 2024-09-13 is a Friday; the 1st of October 2024 is a Tuesday.
        assert_eq!(
            next("0 0 13 * 5", "2024-09-01T00:00:00Z"),
            "2024-09-06T00:00:00.000Z"
        );
        assert_eq!(
            next("0 0 1 * 5", "2024-09-27T00:00:00Z"),
            "2024-10-01T00:00:00.000Z"
        );
    }

    // Python's datetime gives February 29 on Sun 2088, Fri 2092, Wed 2096 (2100 is
    // not leap), Fri 2104, Wed 2108, Mon 2112, Sat 2116, Thu 2120, Tue 2124, Sun 2128.
    #[test]
    fn the_longest_wait_is_forty_years() {
        // `*/7` is 0 and 7, Sunday; the field starts with `*`, so both must match.
        assert_eq!(
            next("0 0 29 2 */7", "2089-01-01T00:00:00Z"),
            "2128-02-29T00:00:00.000Z"
        );
    }

    #[test]
    fn the_search_stops_at_the_end_it_is_given() {
        let cron = Cron::parse("0 0 29 2 */7").unwrap();
        let from = parse_iso("2089-01-01T00:00:00Z").unwrap();
        let end = |s: &str| Some(parse_iso(s).unwrap());
        assert_eq!(
            cron.runs_after(from, end("2128-02-29T00:00:00Z")).count(),
            0
        );
        let runs: Vec<String> = cron
            .runs_after(from, end("2128-02-29T00:00:00.001Z"))
            .map(format)
            .collect();
        assert_eq!(runs, ["2128-02-29T00:00:00.000Z"]);
        // A match in the same minute as the end is before it only when the end is later.
        let every = Cron::parse("* * * * *").unwrap();
        let t = parse_iso("2024-01-01T10:00:00Z").unwrap();
        let runs: Vec<String> = every
            .runs_from(t, end("2024-01-01T10:01:30Z"))
            .map(format)
            .collect();
        assert_eq!(
            runs,
            ["2024-01-01T10:00:00.000Z", "2024-01-01T10:01:00.000Z"]
        );
    }

    #[test]
    fn stops_at_year_9999() {
        let cron = Cron::parse("0 0 29 2 1").unwrap(); // OR: Mondays too
        assert!(cron
            .next_after(parse_iso("9999-12-31T23:59:00Z").unwrap())
            .is_none());
        let leap_only = Cron::parse("0 0 29 2 *").unwrap();
        assert!(leap_only
            .next_after(parse_iso("9996-03-01T00:00:00Z").unwrap())
            .is_none());
    }
}
