//! Gregorian calendar arithmetic on plain integers, for the run search and the
//! presets: leap years, month lengths and the weekday a month starts on.

/// True for Gregorian leap years.
pub fn is_leap(year: i32) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

/// Days in `month` (1–12) of `year`.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The weekday (0 = Sunday) of the first of `month` (1–12) in `year`, by Sakamoto's
/// method, which holds for every Gregorian year from 1.
pub fn weekday_of_first(year: i32, month: u32) -> u32 {
    const OFFSETS: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    // Supported years are 1..=9999 (see `instant`), far from i32's limits; saturating
    // keeps any other year from overflowing.
    let y = if month < 3 {
        year.saturating_sub(1)
    } else {
        year
    };
    let offset = usize::try_from(month.saturating_sub(1))
        .ok()
        .and_then(|i| OFFSETS.get(i))
        .copied()
        .unwrap_or(0);
    let w = y
        .saturating_add(y / 4)
        .saturating_sub(y / 100)
        .saturating_add(y / 400)
        .saturating_add(offset)
        .saturating_add(1)
        .rem_euclid(7);
    u32::try_from(w).unwrap_or(0)
}

#[cfg(test)]
mod tests {
    // The same unit tests run natively and under wasm-bindgen-test (Node and Chromium).
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use chrono::{Datelike, NaiveDate};

    #[test]
    fn days_in_month_follow_the_gregorian_calendar() {
        assert_eq!(days_in_month(2024, 2), 29);
        assert_eq!(days_in_month(2023, 2), 28);
        assert_eq!(days_in_month(2100, 2), 28);
        assert_eq!(days_in_month(2000, 2), 29);
        assert_eq!(days_in_month(2023, 12), 31);
        assert_eq!(days_in_month(2023, 4), 30);
    }

    #[test]
    fn weekdays_agree_with_chrono_over_the_supported_years() {
        for year in (1..=9999).step_by(7) {
            for month in 1..=12 {
                let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap();
                assert_eq!(
                    weekday_of_first(year, month),
                    first.weekday().num_days_from_sunday(),
                    "{first}"
                );
            }
        }
        // 2024-09-01 was a Sunday and 2024-10-01 a Tuesday.
        assert_eq!(weekday_of_first(2024, 9), 0);
        assert_eq!(weekday_of_first(2024, 10), 2);
    }
}
