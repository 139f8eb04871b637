//! The creation window: a subscription may be created only from 30 days to 3 days
//! before the customer's anniversary date, both days included.
//!
//! Entry point: [`creation_window`]. Adobe's docs say "between 30 days prior to
//! anniversary date to 3 days prior to anniversary date" without saying whether the
//! edge days count; subkit includes both (AD−30 and AD−3 are allowed, AD−31 and AD−2
//! are not). Dates are calendar dates the caller passes; subkit reads no clock.
//!
//! ```
//! use chrono::NaiveDate;
//! use subkit::adobe::window::creation_window;
//! let ad = NaiveDate::from_ymd_opt(2025, 4, 25).unwrap();
//! let (from, to) = creation_window(ad).unwrap();
//! assert_eq!((from.to_string(), to.to_string()), ("2025-03-26".into(), "2025-04-22".into()));
//! ```

use chrono::{Days, NaiveDate};

/// Days before the anniversary date when the window opens.
pub const OPENS_DAYS_BEFORE: u64 = 30;
/// Days before the anniversary date when the window closes (last allowed day).
pub const CLOSES_DAYS_BEFORE: u64 = 3;

/// The first and last day on which creation is allowed, or `None` at the calendar's
/// lower end.
pub fn creation_window(anniversary: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        anniversary.checked_sub_days(Days::new(OPENS_DAYS_BEFORE))?,
        anniversary.checked_sub_days(Days::new(CLOSES_DAYS_BEFORE))?,
    ))
}

/// True when `today` is inside the window of `anniversary`.
pub fn is_open(today: NaiveDate, anniversary: NaiveDate) -> bool {
    creation_window(anniversary).is_some_and(|(from, to)| (from..=to).contains(&today))
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    // Edges counted by hand on the calendar.
    #[test]
    fn edges_are_included() {
        let ad = d("2025-04-25");
        assert!(!is_open(d("2025-03-25"), ad)); // AD-31
        assert!(is_open(d("2025-03-26"), ad)); // AD-30
        assert!(is_open(d("2025-04-22"), ad)); // AD-3
        assert!(!is_open(d("2025-04-23"), ad)); // AD-2
    }

    #[test]
    fn across_february_in_leap_and_common_years() {
        // 2024 is a leap year: 30 days before 2024-03-15 is 2024-02-14.
        assert_eq!(
            creation_window(d("2024-03-15")),
            Some((d("2024-02-14"), d("2024-03-12")))
        );
        // 2025 is not: 30 days before 2025-03-15 is 2025-02-13.
        assert_eq!(
            creation_window(d("2025-03-15")),
            Some((d("2025-02-13"), d("2025-03-12")))
        );
        // Across a year end.
        assert_eq!(
            creation_window(d("2025-01-10")),
            Some((d("2024-12-11"), d("2025-01-07")))
        );
    }
}
