//! Instants in UTC: read from ISO 8601 text or epoch milliseconds, written in the form
//! Commerce Layer uses (`2018-02-01T12:00:00.000Z`).
//!
//! Entry points: [`parse_iso`], [`from_epoch_millis`], [`format()`] and
//! [`epoch_millis`]. Supported instants run from 0001-01-01T00:00:00.000Z to
//! 9999-12-31T23:59:59.999Z, the years ISO 8601 writes with four digits.
//!
//! ```
//! use subkit::schedule::instant::{format, parse_iso};
//! let t = parse_iso("2018-01-01T13:00:00+01:00").unwrap();
//! assert_eq!(format(t), "2018-01-01T12:00:00.000Z");
//! ```

use crate::prelude::*;
use chrono::{DateTime, Datelike, NaiveDate, NaiveTime, Timelike, Utc};

/// Why a text or a number is not a supported instant.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum InstantError {
    /// The text is not an ISO 8601 date-time (or date) that exists.
    NotIso {
        /// The text, without leading and trailing white space.
        text: String,
    },
    /// The text is a date-time with no offset (`Z` or `±hh:mm`).
    NoOffset {
        /// The text, without leading and trailing white space.
        text: String,
    },
    /// The instant is before 0001-01-01T00:00:00.000Z or after 9999-12-31T23:59:59.999Z.
    OutOfRange,
    /// The milliseconds are NaN or infinite.
    NotATime,
}

impl InstantError {
    /// The text the reason quotes, if it quotes one.
    pub fn text(&self) -> Option<&str> {
        match self {
            InstantError::NotIso { text } | InstantError::NoOffset { text } => Some(text),
            InstantError::OutOfRange | InstantError::NotATime => None,
        }
    }
}

// Its words and `Display` are in `error.rs`, beside the other errors' of the schedule
// engine: this file imports nothing from the crate (`check` reads dates with it).

/// The first supported instant.
pub fn min() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(1, 1, 1)
        .unwrap_or_default()
        .and_time(NaiveTime::MIN)
        .and_utc()
}

/// The last supported year: ISO 8601 writes years with four digits.
pub const MAX_YEAR: i32 = 9999;

/// The last supported instant.
pub fn max() -> DateTime<Utc> {
    NaiveDate::from_ymd_opt(MAX_YEAR, 12, 31)
        .and_then(|d| d.and_hms_milli_opt(23, 59, 59, 999))
        .unwrap_or_default()
        .and_utc()
}

/// Reads an ISO 8601 date-time with an offset (`Z` or `±hh:mm`), or a bare date
/// (`2018-01-01`, midnight UTC). A date-time without an offset is refused rather than
/// guessed at. Fractions of a second beyond milliseconds are truncated.
pub fn parse_iso(text: &str) -> Result<DateTime<Utc>, InstantError> {
    let t = trimmed(text);
    let not_iso = || InstantError::NotIso { text: t.to_owned() };
    let mut r = Reader(t.as_bytes());
    let (year, month, day) = (
        r.digits(4),
        r.byte(b'-').then(|| r.digits(2)),
        r.byte(b'-').then(|| r.digits(2)),
    );
    // The instant is counted in milliseconds here and made a `DateTime` once, at the
    // end: chrono's date and time constructors and its offset arithmetic cost several
    // times the whole reading of the text, which every date-time in a document pays.
    let days = match (year, month.flatten(), day.flatten()) {
        (Some(y), Some(m), Some(d)) => days_from_civil(y, m, d).ok_or_else(not_iso)?,
        _ => return Err(not_iso()),
    };
    let midnight = days.saturating_mul(MS_PER_DAY);
    if r.0.is_empty() {
        return from_millis(midnight);
    }
    if !(r.byte(b'T') || r.byte(b't') || r.byte(b' ')) {
        return Err(not_iso());
    }
    let hour = r.digits(2).ok_or_else(not_iso)?;
    let minute = if r.byte(b':') { r.digits(2) } else { None }.ok_or_else(not_iso)?;
    let second = if r.byte(b':') {
        r.digits(2).ok_or_else(not_iso)?
    } else {
        0
    };
    let mut millis = 0;
    if r.byte(b'.') || r.byte(b',') {
        // The first three digits are the milliseconds; later ones are dropped.
        let (mut count, mut weight) = (0usize, 100);
        while let Some(d) = r.digit() {
            millis = d.saturating_mul(weight).saturating_add(millis);
            weight /= 10;
            count = count.saturating_add(1);
        }
        if count == 0 {
            return Err(not_iso());
        }
    }
    if hour > 23 || minute > 59 || second > 59 {
        return Err(not_iso());
    }
    let seconds = (hour.saturating_mul(60).saturating_add(minute))
        .saturating_mul(60)
        .saturating_add(second);
    let offset_minutes: i64 = match r.0.first() {
        Some(b'Z' | b'z') if r.0.len() == 1 => 0,
        Some(sign @ (b'+' | b'-')) => {
            let negative = *sign == b'-';
            r.0 = r.0.get(1..).unwrap_or_default();
            let h = r.digits(2).ok_or_else(not_iso)?;
            r.byte(b':'); // `+hh:mm` or `+hhmm`
            let m = r.digits(2).ok_or_else(not_iso)?;
            if !r.0.is_empty() || h > 23 || m > 59 {
                return Err(not_iso());
            }
            // h <= 23 and m <= 59, so neither step can overflow.
            let minutes = i64::from(h).saturating_mul(60).saturating_add(i64::from(m));
            if negative {
                minutes.saturating_neg()
            } else {
                minutes
            }
        }
        None => return Err(InstantError::NoOffset { text: t.to_owned() }),
        _ => return Err(not_iso()),
    };
    // Days are within ±4 million, so none of these sums can overflow an i64.
    let local = midnight
        .saturating_add(i64::from(seconds).saturating_mul(1000))
        .saturating_add(i64::from(millis));
    from_millis(local.saturating_sub(offset_minutes.saturating_mul(60_000)))
}

const MS_PER_DAY: i64 = 86_400_000;
/// 0001-01-01T00:00:00.000Z and 9999-12-31T23:59:59.999Z in epoch milliseconds.
const MIN_MS: i64 = -62_135_596_800_000;
const MAX_MS: i64 = 253_402_300_799_999;

/// The instant `ms` milliseconds after the epoch, if it is a supported one.
fn from_millis(ms: i64) -> Result<DateTime<Utc>, InstantError> {
    if !(MIN_MS..=MAX_MS).contains(&ms) {
        return Err(InstantError::OutOfRange);
    }
    DateTime::from_timestamp_millis(ms).ok_or(InstantError::OutOfRange)
}

/// Days from 1970-01-01 to the proleptic Gregorian date `y-m-d`, or `None` when there
/// is no such date (month 13, February 30). Howard Hinnant's `days_from_civil`
/// (chrono-Compatible Low-Level Date Algorithms), for years 0 to 9999.
// The year is at most 9999 (four digits), so every term is under 4 million.
#[allow(clippy::arithmetic_side_effects)]
fn days_from_civil(y: u32, m: u32, d: u32) -> Option<i64> {
    let leap = y % 4 == 0 && (y % 100 != 0 || y % 400 == 0);
    let month_days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    };
    if d == 0 || d > month_days {
        return None;
    }
    // The year counted from March, so that the leap day ends it.
    let y = i64::from(y) - i64::from(m <= 2);
    let era = y.div_euclid(400);
    let yoe = y.rem_euclid(400);
    let mp = (i64::from(m) + 9) % 12;
    let doy = (153 * mp + 2) / 5 + i64::from(d) - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    Some(era * 146_097 + doe - 719_468)
}

/// Like [`parse_iso`], but a bare date is refused: the text must name a time of day.
pub fn parse_iso_datetime(text: &str) -> Result<DateTime<Utc>, InstantError> {
    let t = trimmed(text);
    if t.len() <= 10 {
        return Err(InstantError::NotIso { text: t.to_owned() });
    }
    parse_iso(text)
}

/// `text` without leading and trailing white space. A date-time usually starts with a
/// digit and ends in `Z` or a digit, and is then returned as it is: `str::trim` reads
/// Unicode's white space from both ends, which costs more than the rest of the check.
fn trimmed(text: &str) -> &str {
    let visible = |b: Option<&u8>| b.is_some_and(u8::is_ascii_graphic);
    let bytes = text.as_bytes();
    if visible(bytes.first()) && visible(bytes.last()) {
        text
    } else {
        text.trim()
    }
}

/// A cursor over ASCII input.
struct Reader<'a>(&'a [u8]);

impl Reader<'_> {
    /// Consumes `b` if it comes next.
    fn byte(&mut self, b: u8) -> bool {
        match self.0.split_first() {
            Some((first, rest)) if *first == b => {
                self.0 = rest;
                true
            }
            _ => false,
        }
    }

    /// Consumes exactly `n` digits. Plain loops: at opt-level "z" an iterator
    /// adapter's closure stays a call per byte, and every date-time pays for it.
    fn digits(&mut self, n: usize) -> Option<u32> {
        let mut value = 0u32;
        let mut rest = self.0;
        for _ in 0..n {
            let (&b, tail) = rest.split_first()?;
            if !b.is_ascii_digit() {
                return None;
            }
            value = value
                .saturating_mul(10)
                .saturating_add(u32::from(b.saturating_sub(b'0')));
            rest = tail;
        }
        self.0 = rest;
        Some(value)
    }

    /// Consumes one digit, if one comes next.
    fn digit(&mut self) -> Option<u32> {
        match self.0.split_first() {
            Some((&b, rest)) if b.is_ascii_digit() => {
                self.0 = rest;
                Some(u32::from(b.saturating_sub(b'0')))
            }
            _ => None,
        }
    }
}

/// Reads milliseconds since 1970-01-01T00:00:00Z (a JS `Date`'s time value).
pub fn from_epoch_millis(ms: f64) -> Result<DateTime<Utc>, InstantError> {
    if !ms.is_finite() {
        // The value is not echoed: printing an f64 pulls float formatting into the wasm.
        return Err(InstantError::NotATime);
    }
    // Beyond ±2^53 an f64 holds no exact millisecond; the supported range is far inside.
    if ms.abs() > 9_007_199_254_740_991.0 {
        return Err(InstantError::OutOfRange);
    }
    #[allow(clippy::cast_possible_truncation)] // finite and within ±2^53, checked above
    // `as` truncates toward zero, as JS's TimeClip does.
    let whole = ms as i64;
    from_millis(whole)
}

/// Writes `2018-02-01T12:00:00.000Z`.
pub fn format(t: DateTime<Utc>) -> String {
    // Only ASCII digits and separators are in the buffer.
    String::from_utf8(iso_bytes(t).to_vec()).unwrap_or_default()
}

/// The length of every instant [`format()`] writes.
pub const ISO_LEN: usize = 24;

/// The text of [`format()`] in a fixed array, so that a caller writing many instants
/// into one buffer (the text of a thousand runs) allocates nothing per instant.
pub fn iso_bytes(t: DateTime<Utc>) -> [u8; ISO_LEN] {
    // Written two digits at a time from a table rather than with chrono's `format`,
    // whose strftime machinery would more than double the size of the wasm module,
    // or `format!`, which is several times slower on the path that writes a thousand
    // runs. The fields are read from the naive UTC date-time: each accessor of a
    // `DateTime` would apply the (zero) offset again.
    let n = t.naive_utc();
    let (d, tm) = (n.date(), n.time());
    // Supported years are 1..=9999, so four digits always suffice.
    let year = d.year().unsigned_abs();
    let millis = tm.nanosecond() / 1_000_000;
    let [y0, y1] = pair(year / 100);
    let [y2, y3] = pair(year);
    let [mo0, mo1] = pair(d.month());
    let [d0, d1] = pair(d.day());
    let [h0, h1] = pair(tm.hour());
    let [mi0, mi1] = pair(tm.minute());
    let [s0, s1] = pair(tm.second());
    let [_, ms0] = pair(millis / 100);
    let [ms1, ms2] = pair(millis);
    [
        y0, y1, y2, y3, b'-', mo0, mo1, b'-', d0, d1, b'T', h0, h1, b':', mi0, mi1, b':', s0, s1,
        b'.', ms0, ms1, ms2, b'Z',
    ]
}

/// Writes `2025-04-25`, as chrono's `Display` of a `NaiveDate` does (years beyond
/// 0..=9999 with their sign and at least four digits), without `core::fmt`.
pub fn date_text(d: NaiveDate) -> String {
    let year = d.year();
    let mut out = String::with_capacity(10);
    if !(0..=9999).contains(&year) {
        out.push(if year < 0 { '-' } else { '+' });
    }
    // Six digits, then the leading zeros beyond four dropped: chrono pads to four,
    // and its years have at most six digits (±262,143).
    let y = year.unsigned_abs();
    let [a, b] = pair(y / 10_000);
    let [c, d2] = pair(y / 100);
    let [e, f] = pair(y);
    let six = [a, b, c, d2, e, f];
    let first = six.iter().take(2).take_while(|&&x| x == b'0').count();
    out.extend(six.iter().skip(first).map(|&x| char::from(x)));
    for part in [d.month(), d.day()] {
        out.push('-');
        out.extend(pair(part).map(char::from));
    }
    out
}

/// "00" to "99", for [`iso_bytes`] and [`date_text`].
const PAIRS: &[u8; 200] = b"\
    0001020304050607080910111213141516171819\
    2021222324252627282930313233343536373839\
    4041424344454647484950515253545556575859\
    6061626364656667686970717273747576777879\
    8081828384858687888990919293949596979899";

/// The last two decimal digits of `n`.
fn pair(n: u32) -> [u8; 2] {
    // Below 100, so the index is within the table and the cast cannot truncate.
    let i = usize::try_from(n % 100).unwrap_or(0).saturating_mul(2);
    let digit = |i: usize| PAIRS.get(i).copied().unwrap_or(b'0');
    [digit(i), digit(i.saturating_add(1))]
}

/// Milliseconds since 1970-01-01T00:00:00Z, a JS `Date`'s time value.
pub fn epoch_millis(t: DateTime<Utc>) -> f64 {
    // Supported instants are within ±2^53 ms of the epoch (about ±285,000 years), where
    // every whole number is an exact f64.
    #[allow(clippy::cast_precision_loss)]
    let ms = t.timestamp_millis() as f64;
    ms
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn days_are_chronos_calendar() {
        // Every day of the first years, of years around each leap rule, and of the last
        // years, with the impossible days of each month, against chrono's calendar.
        let epoch = NaiveDate::from_ymd_opt(1970, 1, 1).unwrap();
        let years = (0..=5)
            .chain(1896..=1904)
            .chain(1996..=2004)
            .chain(2096..=2104);
        for y in years.chain(9990..=9999) {
            for m in 0..=13 {
                for d in 0..=32 {
                    let want = NaiveDate::from_ymd_opt(i32::try_from(y).unwrap(), m, d)
                        .map(|date| date.signed_duration_since(epoch).num_days());
                    assert_eq!(days_from_civil(y, m, d), want, "{y}-{m}-{d}");
                }
            }
        }
    }

    #[test]
    fn the_supported_range_ends_where_it_says() {
        let out = |s: &str| parse_iso(s).unwrap_err() == InstantError::OutOfRange;
        assert_eq!(parse_iso("0001-01-01T00:00:00Z").unwrap(), min());
        assert_eq!(parse_iso("9999-12-31T23:59:59.999Z").unwrap(), max());
        assert!(out("0000-12-31T23:59:59.999Z"));
        assert!(out("0000-06-01"));
        assert!(out("0001-01-01T00:30:00+01:00"));
        assert!(out("9999-12-31T23:59:59.999-00:01"));
        assert_eq!(
            format(parse_iso("9999-12-31T23:00:00-00:59").unwrap()),
            "9999-12-31T23:59:00.000Z"
        );
        assert!(parse_iso("2023-02-29T00:00:00Z")
            .unwrap_err()
            .to_string()
            .contains("is not an ISO 8601"));
        assert!(parse_iso("2024-02-29T24:00:00Z")
            .unwrap_err()
            .to_string()
            .contains("is not an ISO 8601"));
    }

    #[test]
    fn reads_commerce_layer_form_and_offsets() {
        let t = parse_iso("2018-01-01T12:00:00.000Z").unwrap();
        assert_eq!(format(t), "2018-01-01T12:00:00.000Z");
        assert_eq!(
            format(parse_iso("2018-01-01").unwrap()),
            "2018-01-01T00:00:00.000Z"
        );
        assert_eq!(
            format(parse_iso("2018-01-01T12:00:00.5-02:30").unwrap()),
            "2018-01-01T14:30:00.500Z"
        );
    }

    #[test]
    fn refuses_what_it_cannot_read() {
        assert_eq!(
            parse_iso(" 2018-01-01T12:00:00 ").unwrap_err().to_string(),
            "\"2018-01-01T12:00:00\" has no UTC offset; add Z (UTC) or an offset such as +02:00"
        );
        assert_eq!(
            parse_iso("yesterday").unwrap_err().to_string(),
            "\"yesterday\" is not an ISO 8601 date-time such as 2018-01-01T12:00:00.000Z"
        );
        assert_eq!(
            parse_iso_datetime("2018-01-01").unwrap_err(),
            InstantError::NotIso {
                text: "2018-01-01".into()
            }
        );
        assert_eq!(
            from_epoch_millis(f64::INFINITY).unwrap_err().to_string(),
            "not a time (NaN or infinite)"
        );
        assert_eq!(
            parse_iso("0000-12-31T23:59:59Z").unwrap_err().to_string(),
            "outside the supported range 0001-01-01T00:00:00.000Z to 9999-12-31T23:59:59.999Z"
        );
        assert!(parse_iso("yesterday").is_err());
        assert!(parse_iso("2018-02-30T00:00:00Z").is_err());
        assert!(parse_iso("2018-01-01T24:00:00Z").is_err());
        assert!(parse_iso("2018-01-01T12:00:00Zjunk").is_err());
        assert!(parse_iso("2018-01-01T12:00:00+25:00").is_err());
        assert!(parse_iso("2018-1-01").is_err());
        assert!(parse_iso("").is_err());
        assert!(parse_iso("0000-12-31T23:59:59Z").is_err());
        assert!(parse_iso("9999-12-31T23:59:59-01:00").is_err());
        assert!(from_epoch_millis(f64::NAN).is_err());
        assert!(from_epoch_millis(8.64e15).is_err()); // JS's max Date, year 275760
    }

    #[test]
    fn epoch_millis_of_known_instants() {
        // Date.UTC(2018, 0, 1, 12), Date.UTC(1970, 0, 1), and the ends of the range:
        // Date.parse("0001-01-01T00:00:00.000Z") and Date.parse("9999-12-31T23:59:59.999Z").
        let cases = [
            ("2018-01-01T12:00:00.000Z", 1_514_808_000_000.0),
            ("1970-01-01T00:00:00.000Z", 0.0),
            ("1969-12-31T23:59:59.999Z", -1.0),
            ("0001-01-01T00:00:00.000Z", -62_135_596_800_000.0),
            ("9999-12-31T23:59:59.999Z", 253_402_300_799_999.0),
        ];
        for (text, ms) in cases {
            assert_eq!(super::epoch_millis(parse_iso(text).unwrap()), ms, "{text}");
        }
        assert_eq!(super::epoch_millis(min()), -62_135_596_800_000.0);
        assert_eq!(super::epoch_millis(max()), 253_402_300_799_999.0);
    }

    // chrono's `Display` is the independent writer: every day of four centuries around
    // the supported years' start and end, and the calendar's own ends.
    #[test]
    fn date_text_is_chronos_display() {
        let days = |from: NaiveDate| from.iter_days().take(146_097);
        let starts = [
            NaiveDate::from_ymd_opt(-150, 1, 1).unwrap(),
            NaiveDate::from_ymd_opt(9_850, 1, 1).unwrap(),
        ];
        for d in starts
            .into_iter()
            .flat_map(days)
            .chain([NaiveDate::MIN, NaiveDate::MAX])
        {
            assert_eq!(date_text(d), d.to_string());
        }
    }

    #[test]
    fn iso_bytes_are_the_formatted_text() {
        let t = parse_iso("0987-06-05T04:03:02.001Z").unwrap();
        assert_eq!(&iso_bytes(t), b"0987-06-05T04:03:02.001Z");
        assert_eq!(format(t), "0987-06-05T04:03:02.001Z");
    }

    // chrono's own RFC 3339 writer is the independent reading: the same text for
    // instants spread over the supported years, with every kind of field value.
    #[test]
    fn iso_bytes_agree_with_chrono_over_the_supported_range() {
        let (first, last) = (min().timestamp_millis(), max().timestamp_millis());
        // Steps of 708 days 17:36:07.891, so that months, days, times and milliseconds
        // all vary (about 5,000 instants); then the ends of the range.
        let spread = (0i64..)
            .map(|k| first.saturating_add(k.saturating_mul(61_234_567_891)))
            .take_while(|&ms| ms <= last);
        for ms in spread.chain([first, last, 0, -1]) {
            let t = DateTime::from_timestamp_millis(ms).unwrap();
            let expected = t.to_rfc3339_opts(chrono::SecondsFormat::Millis, true);
            assert_eq!(core::str::from_utf8(&iso_bytes(t)).unwrap(), expected);
        }
    }

    #[test]
    fn epoch_millis() {
        // 1514808000000 ms is 2018-01-01T12:00:00Z (JS: Date.UTC(2018, 0, 1, 12)).
        assert_eq!(
            format(from_epoch_millis(1_514_808_000_000.0).unwrap()),
            "2018-01-01T12:00:00.000Z"
        );
        assert_eq!(
            format(from_epoch_millis(-0.5).unwrap()),
            "1970-01-01T00:00:00.000Z"
        );
        assert_eq!(
            format(from_epoch_millis(-1.0).unwrap()),
            "1969-12-31T23:59:59.999Z"
        );
    }
}
