//! Commerce Layer's named frequencies, in one table, and how they run.
//!
//! Entry point: [`Preset::find`] (case-insensitive). A preset is anchored on the
//! subscription's `starts_at`, which is its first run (Commerce Layer's create answer
//! shows `next_run_at` equal to `starts_at`). Run `k` is computed from the anchor, not
//! from run `k - 1`, so month-based presets keep the anchor's day and never drift: a
//! monthly subscription from January 31 runs on February 28 (29 in leap years), then
//! March 31.
//!
//! ```
//! use subkit::schedule::preset::Preset;
//! use subkit::schedule::instant::{format, parse_iso};
//! let monthly = Preset::find("Monthly").unwrap();
//! let anchor = parse_iso("2018-01-31T12:00:00Z").unwrap();
//! assert_eq!(format(monthly.run(anchor, 1).unwrap()), "2018-02-28T12:00:00.000Z");
//! assert_eq!(format(monthly.run(anchor, 2).unwrap()), "2018-03-31T12:00:00.000Z");
//! ```

use crate::prelude::*;
use chrono::{DateTime, Datelike, Duration, NaiveDate, Utc};

/// How a preset steps from its anchor.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    /// A fixed number of hours (UTC has no daylight-saving shifts).
    Hours(i64),
    /// A number of calendar months, keeping the anchor's day (clamped to month end).
    Months(u32),
}

/// One named frequency.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Preset {
    /// The name as Commerce Layer spells it, e.g. `two-month`.
    pub name: &'static str,
    /// How runs follow each other.
    pub step: Step,
}

/// Every preset Commerce Layer documents for `frequency`, in the order it lists them.
pub const PRESETS: &[Preset] = &[
    Preset {
        name: "hourly",
        step: Step::Hours(1),
    },
    Preset {
        name: "daily",
        step: Step::Hours(24),
    },
    Preset {
        name: "weekly",
        step: Step::Hours(24 * 7),
    },
    Preset {
        name: "monthly",
        step: Step::Months(1),
    },
    Preset {
        name: "two-month",
        step: Step::Months(2),
    },
    Preset {
        name: "three-month",
        step: Step::Months(3),
    },
    Preset {
        name: "four-month",
        step: Step::Months(4),
    },
    Preset {
        name: "six-month",
        step: Step::Months(6),
    },
    Preset {
        name: "yearly",
        step: Step::Months(12),
    },
];

/// The preset names, in table order.
pub fn names() -> Vec<&'static str> {
    PRESETS.iter().map(|p| p.name).collect()
}

impl Preset {
    /// The preset named `name`, in any case and ignoring surrounding whitespace.
    pub fn find(name: &str) -> Option<Preset> {
        let name = name.trim();
        PRESETS
            .iter()
            .copied()
            .find(|p| p.name.eq_ignore_ascii_case(name))
    }

    /// Run number `k` (0 is the anchor itself); `None` past year 9999.
    pub fn run(self, anchor: DateTime<Utc>, k: u64) -> Option<DateTime<Utc>> {
        let k = i64::try_from(k).ok()?;
        let t = match self.step {
            Step::Hours(h) => anchor.checked_add_signed(Duration::try_hours(h.checked_mul(k)?)?)?,
            Step::Months(n) => add_months_clamped(anchor, i64::from(n).checked_mul(k)?)?,
        };
        (t <= super::instant::max()).then_some(t)
    }

    /// The smallest `k` whose run is strictly after `after` (0 when `after` is before
    /// the anchor).
    pub fn first_index_after(self, anchor: DateTime<Utc>, after: DateTime<Utc>) -> Option<u64> {
        if after < anchor {
            return Some(0);
        }
        let estimate = match self.step {
            // Counted in whole seconds, the hours apart can round up past a run that
            // a fraction of a second keeps after `after`: the estimate is then the
            // answer itself rather than the step before it. (chrono's
            // `signed_duration_since` would carry its panic message into the npm
            // package's module.)
            Step::Hours(h) => after
                .timestamp()
                .checked_sub(anchor.timestamp())?
                .checked_div(3600)?
                .checked_div(h)?,
            Step::Months(n) => month_number(after)
                .saturating_sub(month_number(anchor))
                .checked_div(i64::from(n))?,
        };
        // The estimate is the answer or the step before it: walk four steps from one
        // before it (runs strictly increase with k).
        let from = u64::try_from(estimate.saturating_sub(1).max(0)).ok()?;
        (from..from.saturating_add(4)).find(|&k| self.run(anchor, k).is_some_and(|t| t > after))
    }
}

/// `t` moved by `months` calendar months, on the same day or the month's last day.
fn add_months_clamped(t: DateTime<Utc>, months: i64) -> Option<DateTime<Utc>> {
    let total = month_number(t).checked_add(months)?;
    let year = i32::try_from(total.div_euclid(12)).ok()?;
    let month = u32::try_from(total.rem_euclid(12).saturating_add(1)).ok()?;
    let day = t.day().min(super::calendar::days_in_month(year, month));
    let date = NaiveDate::from_ymd_opt(year, month, day)?;
    Some(date.and_time(t.time()).and_utc())
}

/// Months since year 0 began: `year * 12 + month0`.
fn month_number(t: DateTime<Utc>) -> i64 {
    i64::from(t.year())
        .saturating_mul(12)
        .saturating_add(i64::from(t.month0()))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::schedule::instant::{format, parse_iso};

    fn runs(name: &str, anchor: &str, n: u64) -> Vec<String> {
        let p = Preset::find(name).unwrap();
        let a = parse_iso(anchor).unwrap();
        (0..n).map(|k| format(p.run(a, k).unwrap())).collect()
    }

    #[test]
    fn every_name_is_found_in_any_case() {
        for p in PRESETS {
            assert_eq!(Preset::find(p.name), Some(*p));
            assert_eq!(Preset::find(&p.name.to_uppercase()), Some(*p));
        }
        assert_eq!(Preset::find("montly"), None);
    }

    // Expected dates written by hand from the calendar.
    #[test]
    fn month_presets_keep_the_anchor_day() {
        assert_eq!(
            runs("monthly", "2018-01-31T12:00:00Z", 4),
            [
                "2018-01-31T12:00:00.000Z",
                "2018-02-28T12:00:00.000Z",
                "2018-03-31T12:00:00.000Z",
                "2018-04-30T12:00:00.000Z"
            ]
        );
        assert_eq!(
            runs("yearly", "2024-02-29T08:30:00Z", 5),
            [
                "2024-02-29T08:30:00.000Z",
                "2025-02-28T08:30:00.000Z",
                "2026-02-28T08:30:00.000Z",
                "2027-02-28T08:30:00.000Z",
                "2028-02-29T08:30:00.000Z"
            ]
        );
        assert_eq!(
            runs("six-month", "2023-08-31T00:00:00Z", 3),
            [
                "2023-08-31T00:00:00.000Z",
                "2024-02-29T00:00:00.000Z",
                "2024-08-31T00:00:00.000Z"
            ]
        );
    }

    #[test]
    fn first_index_after_is_exclusive() {
        let p = Preset::find("monthly").unwrap();
        let a = parse_iso("2018-01-01T12:00:00Z").unwrap();
        assert_eq!(p.first_index_after(a, a), Some(1));
        assert_eq!(
            p.first_index_after(a, parse_iso("2017-01-01T00:00:00Z").unwrap()),
            Some(0)
        );
        assert_eq!(
            p.first_index_after(a, parse_iso("2018-03-01T11:59:59Z").unwrap()),
            Some(2)
        );
        assert_eq!(
            p.first_index_after(a, parse_iso("2018-03-01T12:00:00Z").unwrap()),
            Some(3)
        );
        let h = Preset::find("hourly").unwrap();
        assert_eq!(
            h.first_index_after(a, parse_iso("2018-01-01T14:30:00Z").unwrap()),
            Some(3)
        );
    }

    // The hourly estimate counts whole seconds; the answer must be the first run after
    // `after` whatever the two instants' fractions, as a walk from run 0 finds it.
    #[test]
    fn first_index_after_holds_for_fractions_of_a_second() {
        let h = Preset::find("hourly").unwrap();
        for anchor in ["2018-01-01T00:00:00.900Z", "2018-01-01T00:00:00.100Z"] {
            let a = parse_iso(anchor).unwrap();
            for after in [
                "2018-01-01T01:00:00.100Z",
                "2018-01-01T01:00:00.900Z",
                "2018-01-01T05:00:00.899Z",
                "2018-01-01T05:00:00.901Z",
                "2018-01-01T05:59:59.999Z",
            ] {
                let t = parse_iso(after).unwrap();
                let walked = (0..10).find(|&k| h.run(a, k).unwrap() > t);
                assert_eq!(h.first_index_after(a, t), walked, "{anchor} {after}");
            }
        }
    }

    #[test]
    fn runs_past_year_9999_are_none() {
        let p = Preset::find("yearly").unwrap();
        let a = parse_iso("9999-01-01T00:00:00Z").unwrap();
        assert!(p.run(a, 0).is_some());
        assert_eq!(p.run(a, 1), None);
        assert_eq!(p.run(a, u64::MAX), None);
    }
}
