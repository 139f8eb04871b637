//! Finding a crontab expression's runs on the calendar, in UTC.
//!
//! Entry points: [`Cron::next_after`] (strictly after an instant) and
//! [`Cron::next_from`] (at or after). The search walks days, skipping whole months
//! that cannot match, and stops at year 9999 with `None` instead of looping; since
//! [`Cron::parse`] rejects expressions that never fire, a run is found well within
//! that bound for any instant before the 28th century.
//!
//! ```
//! use subkit::schedule::cron::Cron;
//! use subkit::schedule::instant::{format, parse_iso};
//! let cron = Cron::parse("0 9 * * 1-5").unwrap();
//! let friday_evening = parse_iso("2024-03-01T18:00:00Z").unwrap();
//! assert_eq!(format(cron.next_after(friday_evening).unwrap()), "2024-03-04T09:00:00.000Z");
//! ```

use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveTime, Timelike, Utc};

use super::cron::{Cron, FieldSet};
use super::instant;

impl Cron {
    /// The first run strictly after `t`.
    pub fn next_after(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        // Runs are on whole minutes: the next whole minute after `t`.
        let floor = t.with_second(0)?.with_nanosecond(0)?;
        self.next_from(floor.checked_add_signed(Duration::minutes(1))?)
    }

    /// The first run at or after `t`.
    pub fn next_from(&self, t: DateTime<Utc>) -> Option<DateTime<Utc>> {
        let mut start = t.with_second(0)?.with_nanosecond(0)?;
        if start < t {
            start = start.checked_add_signed(Duration::minutes(1))?;
        }
        let mut date = start.date_naive();
        let (mut hour, mut minute) = (start.hour(), start.minute());
        let last = instant::max().date_naive();
        // Each pass moves to a later day or month, so the loop ends at year 9999:
        // at most about 3.7 million days, and in practice a few hundred at worst.
        while date <= last {
            if !self.month.has(date.month()) {
                date = first_of_next_month(date)?;
                (hour, minute) = (0, 0);
                continue;
            }
            if self.day_matches(date.day(), date.weekday().num_days_from_sunday()) {
                if let Some((h, m)) = self.first_time_from(hour, minute) {
                    let time = NaiveTime::from_hms_opt(h, m, 0)?;
                    return Some(date.and_time(time).and_utc());
                }
            }
            date = date.succ_opt()?;
            (hour, minute) = (0, 0);
        }
        None
    }

    /// The first (hour, minute) of a matching day at or after `hour:minute`.
    fn first_time_from(&self, hour: u32, minute: u32) -> Option<(u32, u32)> {
        let first_minute = first_at_or_after(&self.minute, 0)?;
        if self.hour.has(hour) {
            if let Some(m) = first_at_or_after(&self.minute, minute) {
                return Some((hour, m));
            }
        }
        let h = first_at_or_after(&self.hour, hour + 1)?;
        Some((h, first_minute))
    }
}

/// The smallest value in `set` that is at least `from`.
fn first_at_or_after(set: &FieldSet, from: u32) -> Option<u32> {
    if from >= 64 {
        return None;
    }
    let rest = set.bits >> from;
    (rest != 0).then(|| from + rest.trailing_zeros())
}

fn first_of_next_month(date: NaiveDate) -> Option<NaiveDate> {
    if date.month() == 12 {
        NaiveDate::from_ymd_opt(date.year() + 1, 1, 1)
    } else {
        NaiveDate::from_ymd_opt(date.year(), date.month() + 1, 1)
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
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
