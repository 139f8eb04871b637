//! The days of Adobe's requests: the `YYYY-MM-DD` dates they are given in, the
//! creation window (a subscription may be created only from 30 days to 3 days before
//! the customer's anniversary date, both days included), and the last day on which an
//! update's auto-renewal preferences are sure to count at the renewal.
//!
//! Entry points: [`date`] (the one reading of a date, for the request's `today` and
//! `anniversaryDate`), [`creation_window`] (and [`creation_window_of`] for a date
//! given as text, the whole answer of `adobeCreationWindow`), [`creation_fault`],
//! [`update_deadline`] and [`late_update`]. Adobe's docs say "between 30 days prior to
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

use crate::error::{Format, Kind, Violation};
use crate::schedule::instant::date_text;
use crate::words::{reason, DatedReason};

/// Days before the anniversary date when the window opens.
pub const OPENS_DAYS_BEFORE: u64 = 30;
/// Days before the anniversary date when the window closes (last allowed day).
pub const CLOSES_DAYS_BEFORE: u64 = 3;

/// A date as Adobe's requests and the caller's context give one, `YYYY-MM-DD` naming a
/// real day ([`check::format::parse_date`](crate::check::format::parse_date)), or the
/// `format` fault of text that is not one.
///
/// ```
/// use subkit::adobe::window::date;
/// assert_eq!(date("2024-02-29").map(|d| d.to_string()), Ok("2024-02-29".to_owned()));
/// assert!(date("2025-02-29").is_err());
/// ```
pub fn date(text: &str) -> Result<NaiveDate, Kind> {
    crate::check::format::parse_date(text).ok_or(Kind::Format {
        format: Format::Date,
    })
}

/// The first and last day on which creation is allowed, or `None` at the calendar's
/// lower end.
pub fn creation_window(anniversary: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        anniversary.checked_sub_days(Days::new(OPENS_DAYS_BEFORE))?,
        anniversary.checked_sub_days(Days::new(CLOSES_DAYS_BEFORE))?,
    ))
}

/// The creation window of an anniversary date given as text, as `adobeCreationWindow`
/// answers it: the first and last day, or the violation at `/anniversaryDate` for text
/// that is not a `YYYY-MM-DD` date (or a date whose window would start before the
/// calendar does).
///
/// ```
/// use subkit::adobe::window::creation_window_of;
/// let (from, to) = creation_window_of("2025-04-25").unwrap();
/// assert_eq!((from.to_string(), to.to_string()), ("2025-03-26".into(), "2025-04-22".into()));
/// assert_eq!(creation_window_of("25/04/2025").unwrap_err().pointer, "/anniversaryDate");
/// ```
pub fn creation_window_of(anniversary_date: &str) -> Result<(NaiveDate, NaiveDate), Violation> {
    // A window that would start before the calendar does is no date's either.
    let window = date(anniversary_date).and_then(|d| {
        creation_window(d).ok_or(Kind::Format {
            format: Format::Date,
        })
    });
    window.map_err(|kind| Violation::new("/anniversaryDate", kind))
}

/// The fault of a create request made `today` for a customer whose anniversary is
/// `anniversary`: `None` inside the creation window, else the window it missed.
pub fn creation_fault(today: NaiveDate, anniversary: NaiveDate) -> Option<Kind> {
    if is_open(today, anniversary) {
        return None;
    }
    let (from, to) = creation_window(anniversary).unwrap_or((today, today));
    Some(Kind::Window {
        from: date_text(from),
        to: date_text(to),
        relative_to: DatedReason {
            reason: reason!("window.creation"),
            date: date_text(anniversary),
        },
    })
}

/// The advice for an update made `today` for a subscription renewing on
/// `anniversary`: `None` unless it comes after the last day Adobe asks for (see
/// [`update_deadline`]); then the term it should have come in.
pub fn late_update(today: NaiveDate, anniversary: NaiveDate) -> Option<Kind> {
    if !update_is_late(today, anniversary) {
        return None;
    }
    let (from, to) = update_deadline(anniversary).unwrap_or((today, today));
    Some(Kind::Window {
        from: date_text(from),
        to: date_text(to),
        relative_to: DatedReason {
            reason: reason!("window.update"),
            date: date_text(anniversary),
        },
    })
}

/// True when `today` is inside the window of `anniversary`.
pub fn is_open(today: NaiveDate, anniversary: NaiveDate) -> bool {
    creation_window(anniversary).is_some_and(|(from, to)| (from..=to).contains(&today))
}

/// The term whose renewal an update made `today` is evaluated at: from the previous
/// anniversary (a year before `anniversary`) to the last day on which Adobe asks for
/// the auto-renewal preferences to be set, [`CLOSES_DAYS_BEFORE`] days before the
/// anniversary (the subscriptions overview: "set the autorenewal preferences to at
/// least 3 days before the customer's cotermDate"). `None` at the calendar's ends.
pub fn update_deadline(anniversary: NaiveDate) -> Option<(NaiveDate, NaiveDate)> {
    Some((
        anniversary.checked_sub_months(chrono::Months::new(12))?,
        anniversary.checked_sub_days(Days::new(CLOSES_DAYS_BEFORE))?,
    ))
}

/// True when an update made `today` comes after that last day but not after the
/// anniversary itself: Adobe may then renew with the preferences it had.
pub fn update_is_late(today: NaiveDate, anniversary: NaiveDate) -> bool {
    update_deadline(anniversary).is_some_and(|(_, last)| today > last && today <= anniversary)
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

    // The update's deadline is the same AD-3; AD-2 to AD itself are late.
    #[test]
    fn update_deadline_edges() {
        let ad = d("2025-04-25");
        assert_eq!(
            update_deadline(ad),
            Some((d("2024-04-25"), d("2025-04-22")))
        );
        assert!(!update_is_late(d("2025-04-22"), ad)); // AD-3
        assert!(update_is_late(d("2025-04-23"), ad)); // AD-2
        assert!(update_is_late(ad, ad)); // AD
        assert!(!update_is_late(d("2025-04-26"), ad)); // after: a later term's
                                                       // A year before 2024-02-29 there is no 29 February: chrono keeps the month.
        assert_eq!(
            update_deadline(d("2024-02-29")),
            Some((d("2023-02-28"), d("2024-02-26")))
        );
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
