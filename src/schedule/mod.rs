//! Subscription frequencies: parse, explain, and compute the next runs.
//!
//! Entry point: [`Frequency::parse`], then [`Frequency::describe`],
//! [`Frequency::commerce_layer_check`] and [`Frequency::runs`]. Three steps, three
//! types: the text (`"monthly"`, `"10 * * * *"`), the parsed [`Frequency`] (a
//! [`Preset`] or a [`Cron`]), and the runs it yields for a [`RunsQuery`]. All
//! instants are UTC; "now" is never read, only passed in.
//!
//! ```
//! use subkit::schedule::{Frequency, RunsQuery};
//! use subkit::schedule::instant::{format, parse_iso};
//! let monthly = Frequency::parse("monthly").unwrap();
//! let query = RunsQuery {
//!     starts_at: Some(parse_iso("2018-01-01T12:00:00.000Z").unwrap()),
//!     count: 3,
//!     ..RunsQuery::default()
//! };
//! let runs: Vec<String> = monthly.runs(&query).unwrap().into_iter().map(format).collect();
//! assert_eq!(runs, ["2018-01-01T12:00:00.000Z", "2018-02-01T12:00:00.000Z", "2018-03-01T12:00:00.000Z"]);
//!
//! let every_five = Frequency::parse("*/5 * * * *").unwrap(); // valid crontab...
//! assert_eq!(every_five.commerce_layer_check().unwrap_err().code(), "sub_hourly"); // ...not for Commerce Layer
//! ```
//!
//! The rest of this page is `docs/frequencies.md` of the repository; its examples run as doctests.
#![doc = include_str!("../../docs/frequencies.md")]
use crate::prelude::*;

mod calendar;
pub mod cron;
pub mod describe;
pub mod error;
pub mod instant;
pub mod phrase;
pub mod preset;
mod search;

use chrono::{DateTime, Utc};

pub use cron::Cron;
pub use error::{FrequencyError, FrequencyErrorKind, NeverFiresReason, RunsError};
pub use preset::Preset;

/// The most runs one query returns.
pub const MAX_COUNT: u64 = 1000;

/// The options of a next-runs query that hold instants, as the JS API names them: the
/// `option` param of an `invalid_instant` fault.
pub const INSTANT_OPTIONS: [&str; 3] = ["startsAt", "after", "expiresAt"];

/// The longest frequency text read, in bytes. A crontab line listing every value of
/// every field is under 400 bytes; the cap bounds the parser's work and the error
/// list on hostile input.
pub const MAX_FREQUENCY_BYTES: usize = 1024;

/// How many runs a query returns when it does not say.
pub const DEFAULT_COUNT: u64 = 5;

/// A subscription frequency: a named preset or a crontab expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Frequency {
    /// A preset such as `monthly`, anchored on the start date.
    Preset(Preset),
    /// A crontab expression, matched against the calendar.
    Cron(Box<Cron>),
}

/// Which runs to list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RunsQuery {
    /// The subscription's start: a preset's anchor and first run; crontab runs are
    /// at or after it.
    pub starts_at: Option<DateTime<Utc>>,
    /// Only runs strictly after this instant (for example "now").
    pub after: Option<DateTime<Utc>>,
    /// How many runs, 1 to [`MAX_COUNT`].
    pub count: u64,
    /// Only runs strictly before this instant (the subscription has expired at it).
    pub expires_at: Option<DateTime<Utc>>,
}

impl Default for RunsQuery {
    fn default() -> Self {
        RunsQuery {
            starts_at: None,
            after: None,
            count: DEFAULT_COUNT,
            expires_at: None,
        }
    }
}

impl Frequency {
    /// Reads a preset name (any case) or a crontab expression. Crontab faults are all
    /// reported, each with its field and byte span.
    pub fn parse(text: &str) -> Result<Frequency, Vec<FrequencyError>> {
        if text.len() > MAX_FREQUENCY_BYTES {
            return Err(vec![FrequencyError::new(
                FrequencyErrorKind::TooLong {
                    limit: MAX_FREQUENCY_BYTES,
                },
                (0, text.len()),
            )]);
        }
        let trimmed = text.trim();
        if trimmed.is_empty() {
            return Err(vec![FrequencyError::new(
                FrequencyErrorKind::Empty,
                (0, text.len()),
            )]);
        }
        if let Some(preset) = Preset::find(trimmed) {
            return Ok(Frequency::Preset(preset));
        }
        if !trimmed.starts_with('@') && !trimmed.contains(char::is_whitespace) {
            // One word that is no preset: say so, rather than "expected 5 fields".
            let start = text.len().saturating_sub(text.trim_start().len());
            let looks_like_cron = trimmed
                .bytes()
                .all(|b| b.is_ascii_digit() || b"*/,-".contains(&b));
            if !looks_like_cron {
                return Err(vec![FrequencyError::new(
                    FrequencyErrorKind::UnknownFrequency {
                        text: trimmed.to_owned(),
                    },
                    (start, start.saturating_add(trimmed.len())),
                )]);
            }
        }
        Cron::parse(text).map(|c| Frequency::Cron(Box::new(c)))
    }

    /// `"preset"` or `"cron"`.
    pub fn kind(&self) -> &'static str {
        match self {
            Frequency::Preset(_) => "preset",
            Frequency::Cron(_) => "cron",
        }
    }

    /// The frequency in canonical form: the preset's name, the macro, or the five
    /// fields separated by single spaces.
    pub fn normalized(&self, text: &str) -> String {
        match self {
            Frequency::Preset(p) => p.name.to_owned(),
            Frequency::Cron(c) => match c.macro_name {
                Some(name) => name.to_owned(),
                None => text.split_ascii_whitespace().collect::<Vec<_>>().join(" "),
            },
        }
    }

    /// The frequency in English. `anchor` (the start date) makes a preset's day and
    /// time concrete; crontab ignores it.
    pub fn describe(&self, anchor: Option<DateTime<Utc>>) -> String {
        describe::english(&self.phrase(anchor))
    }

    /// What [`Frequency::describe`] says, as facts without words, for writing it in
    /// another language. `anchor` as for `describe`.
    pub fn phrase(&self, anchor: Option<DateTime<Utc>>) -> phrase::Phrase {
        match self {
            Frequency::Preset(p) => describe::preset_phrase(*p, anchor),
            Frequency::Cron(c) => describe::cron_phrase(c),
        }
    }

    /// Commerce Layer's own rule on top of crontab: the minimum unit is the hour, so
    /// an expression that can fire more than once in an hour is refused.
    pub fn commerce_layer_check(&self) -> Result<(), FrequencyError> {
        match self {
            Frequency::Cron(c) if c.runs_per_hour() > 1 => Err(FrequencyError::new(
                FrequencyErrorKind::SubHourly {
                    per_hour: c.runs_per_hour(),
                },
                c.spans[0],
            )),
            _ => Ok(()),
        }
    }

    /// The runs `query` asks for, in order. Presets run from `starts_at` (the first
    /// run) in steps computed from it; crontab runs are calendar matches at or after
    /// `starts_at`. Both skip runs at or before `after` and stop before `expires_at`.
    pub fn runs(&self, query: &RunsQuery) -> Result<Vec<DateTime<Utc>>, RunsError> {
        if query.count == 0 || query.count > MAX_COUNT {
            return Err(RunsError::CountOutOfRange { count: query.count });
        }
        let count = usize::try_from(query.count).unwrap_or(0);
        // An expiry within the supported years ends the search there: finding no run
        // before it is the answer (no runs), not a search that ran out of calendar.
        let ends_in_range = query.expires_at.is_some_and(|e| e <= instant::max());
        // Both kinds yield runs in increasing order until year 9999.
        let mut runs: Box<dyn Iterator<Item = DateTime<Utc>> + '_> = match self {
            Frequency::Preset(p) => {
                let anchor = query
                    .starts_at
                    .ok_or(RunsError::MissingStart { preset: true })?;
                let first = match query.after {
                    Some(after) => match p.first_index_after(anchor, after) {
                        Some(k) => k,
                        None if ends_in_range => return Ok(Vec::new()),
                        None => return Err(RunsError::Horizon),
                    },
                    None => 0,
                };
                Box::new((first..).map_while(move |k| p.run(anchor, k)))
            }
            Frequency::Cron(c) => {
                let end = query.expires_at;
                match (query.starts_at, query.after) {
                    (Some(s), Some(a)) if a >= s => Box::new(c.runs_after(a, end)),
                    (Some(s), _) => Box::new(c.runs_from(s, end)),
                    (None, Some(a)) => Box::new(c.runs_after(a, end)),
                    (None, None) => return Err(RunsError::MissingStart { preset: false }),
                }
            }
        };
        // No run at all before year 10000 is an error, unless the expiry came first;
        // fewer runs than asked is not.
        let first = match runs.next() {
            Some(t) => t,
            None if ends_in_range => return Ok(Vec::new()),
            None => return Err(RunsError::Horizon),
        };
        // A plain loop rather than adapters (`take_while`, `take`) over the boxed
        // iterator: each adapter is one more call per run in a size-optimised build.
        // At most `count` passes (at most MAX_COUNT), each pushing a run or ending the
        // loop, so the vector is reserved once.
        let mut out = Vec::with_capacity(count);
        let mut next = Some(first);
        while let Some(t) = next {
            if query.expires_at.is_some_and(|e| t >= e) {
                break;
            }
            out.push(t);
            if out.len() >= count {
                break;
            }
            next = runs.next();
        }
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::instant::{format, parse_iso};
    use super::*;

    fn runs(
        freq: &str,
        starts: Option<&str>,
        after: Option<&str>,
        count: u64,
        expires: Option<&str>,
    ) -> Vec<String> {
        let q = RunsQuery {
            starts_at: starts.map(|s| parse_iso(s).unwrap()),
            after: after.map(|s| parse_iso(s).unwrap()),
            count,
            expires_at: expires.map(|s| parse_iso(s).unwrap()),
        };
        Frequency::parse(freq)
            .unwrap()
            .runs(&q)
            .unwrap()
            .into_iter()
            .map(format)
            .collect()
    }

    #[test]
    fn issue_examples_for_monthly() {
        let s = Some("2018-01-01T12:00:00.000Z");
        assert_eq!(
            runs("monthly", s, None, 3, None),
            [
                "2018-01-01T12:00:00.000Z",
                "2018-02-01T12:00:00.000Z",
                "2018-03-01T12:00:00.000Z"
            ]
        );
        assert_eq!(
            runs("monthly", s, s, 3, None),
            [
                "2018-02-01T12:00:00.000Z",
                "2018-03-01T12:00:00.000Z",
                "2018-04-01T12:00:00.000Z"
            ]
        );
    }

    #[test]
    fn expiry_cuts_runs_off() {
        let s = Some("2018-01-01T12:00:00.000Z");
        assert_eq!(
            runs("monthly", s, None, 10, Some("2018-03-01T12:00:00.000Z")),
            ["2018-01-01T12:00:00.000Z", "2018-02-01T12:00:00.000Z"]
        );
        assert!(runs("10 * * * *", s, None, 10, Some("2018-01-01T12:10:00Z")).is_empty());
    }

    #[test]
    fn cron_starts_at_is_inclusive_and_after_exclusive() {
        let s = Some("2018-01-01T12:10:00Z");
        assert_eq!(
            runs("10 * * * *", s, None, 2, None),
            ["2018-01-01T12:10:00.000Z", "2018-01-01T13:10:00.000Z"]
        );
        assert_eq!(
            runs("10 * * * *", s, s, 1, None),
            ["2018-01-01T13:10:00.000Z"]
        );
        // `after` before the start changes nothing.
        assert_eq!(
            runs("10 * * * *", s, Some("2017-01-01T00:00:00Z"), 1, None),
            ["2018-01-01T12:10:00.000Z"]
        );
        assert_eq!(
            runs("10 * * * *", None, s, 1, None),
            ["2018-01-01T13:10:00.000Z"]
        );
    }

    #[test]
    fn query_errors() {
        let f = Frequency::parse("monthly").unwrap();
        let q = RunsQuery::default();
        assert_eq!(f.runs(&q).unwrap_err().code(), "missing_start");
        let c = Frequency::parse("0 * * * *").unwrap();
        assert_eq!(c.runs(&q).unwrap_err().code(), "missing_start");
        let big = RunsQuery {
            count: MAX_COUNT + 1,
            starts_at: Some(instant::min()),
            ..q
        };
        assert_eq!(f.runs(&big).unwrap_err().code(), "count_out_of_range");
        let late = RunsQuery {
            starts_at: Some(instant::max()),
            after: Some(instant::max()),
            ..q
        };
        assert_eq!(f.runs(&late).unwrap_err().code(), "horizon");
        assert_eq!(c.runs(&late).unwrap_err().code(), "horizon");
    }

    // The expected answers are read off the calendar: January 1 of year 10000 and
    // January 15 of year 10000 do not exist, and nothing else matches before them.
    #[test]
    fn expiry_ends_the_search() {
        let query = |after: &str, expires: Option<&str>| RunsQuery {
            starts_at: Some(parse_iso("9999-11-15T00:00:00Z").unwrap()),
            after: Some(parse_iso(after).unwrap()),
            count: 1,
            expires_at: expires.map(|e| parse_iso(e).unwrap()),
        };
        let yearly = Frequency::parse("0 0 1 1 *").unwrap();
        let bounded = query("9999-01-01T00:00:00Z", Some("9999-01-02T00:00:00Z"));
        assert_eq!(yearly.runs(&bounded), Ok(Vec::new()));
        let unbounded = query("9999-01-01T00:00:00Z", None);
        assert_eq!(yearly.runs(&unbounded), Err(RunsError::Horizon));
        let monthly = Frequency::parse("monthly").unwrap();
        let bounded = query("9999-12-16T00:00:00Z", Some("9999-12-20T00:00:00Z"));
        assert_eq!(monthly.runs(&bounded), Ok(Vec::new()));
        let unbounded = query("9999-12-16T00:00:00Z", None);
        assert_eq!(monthly.runs(&unbounded), Err(RunsError::Horizon));
        // An expiry past the supported years does not end the search first.
        let past = RunsQuery {
            expires_at: instant::max().checked_add_signed(chrono::Duration::days(400)),
            ..unbounded
        };
        assert_eq!(monthly.runs(&past), Err(RunsError::Horizon));
        assert_eq!(yearly.runs(&past), Err(RunsError::Horizon));
    }

    #[test]
    fn one_word_that_is_not_a_preset() {
        let e = Frequency::parse(" montly").unwrap_err().remove(0);
        assert_eq!((e.code(), e.span), ("unknown_frequency", (1, 7)));
        assert!(e.to_string().contains("two-month"));
        assert_eq!(
            Frequency::parse("*/5").unwrap_err()[0].code(),
            "field_count"
        );
        assert_eq!(Frequency::parse("  ").unwrap_err()[0].code(), "empty");
    }

    #[test]
    fn commerce_layer_minimum_unit_is_the_hour() {
        for ok in [
            "hourly",
            "30 * * * *",
            "10 * * * *",
            "@daily",
            "0 9 * * 1-5",
        ] {
            assert!(
                Frequency::parse(ok).unwrap().commerce_layer_check().is_ok(),
                "{ok}"
            );
        }
        for bad in ["*/5 * * * *", "0,30 * * * *", "* * 1 * *", "@hourly x"] {
            if let Ok(f) = Frequency::parse(bad) {
                let e = f.commerce_layer_check().unwrap_err();
                assert_eq!(
                    (e.code(), e.span),
                    ("sub_hourly", (0, bad.find(' ').unwrap())),
                    "{bad}"
                );
            }
        }
    }

    #[test]
    fn max_count_runs_are_strictly_increasing() {
        let r = runs(
            "*/15 9-17 * * MON-FRI",
            Some("2024-01-01T00:00:00Z"),
            None,
            MAX_COUNT,
            None,
        );
        assert_eq!(r.len(), 1000);
        assert!(r.windows(2).all(|w| w[0] < w[1]));
    }
}
