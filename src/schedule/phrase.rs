//! What a frequency's description says, as facts without words: the times, steps,
//! days and months it names, from which any language can be written.
//!
//! [`describe`](super::describe) builds a [`Phrase`] from a parsed frequency and writes
//! the English; the JS package writes the other languages from the same phrase, in
//! its compact form ([`Phrase::compact`], read by `pkg/describe.js`). The choices that make a description read well
//! (which values are a range, when "every 2 hours" can be said) are made once, when
//! the phrase is built, so every language says the same thing.
//!
//! ```
//! use subkit::schedule::Frequency;
//! let phrase = Frequency::parse("0 9 * * 1-5").unwrap().phrase(None);
//! assert_eq!(phrase.compact(), "at 9 0 weekdays range 1 5");
//! ```

use crate::prelude::*;
/// A clock time, `(hour, minute)`.
pub type Clock = (u32, u32);

/// A frequency's description.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Phrase {
    /// A preset: every `n` units from the start date. With the start date, its facts.
    Preset {
        /// The unit the preset steps by.
        every: Unit,
        /// How many units apart runs are (2 for `two-month`, 1 otherwise).
        n: u32,
        /// The start date's time and day, when it is known.
        start: Option<Start>,
    },
    /// A crontab expression: the times of day, then which days, then which months.
    Cron {
        /// When in the day.
        time: Time,
        /// Which days; absent when every day runs.
        days: Option<Days>,
        /// Which months; absent when every month runs (or when `days` is a date).
        months: Option<Names>,
    },
}

/// A preset's unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    /// `hourly`.
    Hour,
    /// `daily`.
    Day,
    /// `weekly`.
    Week,
    /// `monthly` and the n-month presets.
    Month,
    /// `yearly`.
    Year,
}

/// The start date of a preset as the description uses it (UTC).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Start {
    /// 0-23.
    pub hour: u32,
    /// 0-59.
    pub minute: u32,
    /// 0 (Sunday) to 6 (Saturday).
    pub weekday: u32,
    /// Day of the month, 1-31.
    pub day: u32,
    /// 1 (January) to 12.
    pub month: u32,
}

/// When in the day a crontab expression runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Time {
    /// At these times, in order: "At 08:30 and 17:30".
    At(Vec<Clock>),
    /// Every `n` minutes (1: every minute) from one time through a later one in the
    /// same hour: "Every 7 minutes from 09:05 through 09:40".
    Minutes {
        /// The step in minutes.
        n: u32,
        /// The first run.
        from: Clock,
        /// The last run.
        to: Clock,
    },
    /// Every `n` hours all day (1: every hour) at one minute past: "Every 6 hours,
    /// on the hour", "At minute 10 of every hour".
    Hourly {
        /// The step in hours, dividing 24.
        n: u32,
        /// The minute of each run.
        minute: u32,
    },
    /// Every `n` hours (1: every hour) from one time through a later one on the same
    /// minute: "Every 2 hours from 09:15 through 17:15".
    Hours {
        /// The step in hours.
        n: u32,
        /// The first run.
        from: Clock,
        /// The last run.
        to: Clock,
    },
    /// Anything else, field by field: the minutes, then the hours they run in.
    Fields {
        /// The minutes; `[Every { every: 1 }]` is every minute.
        minutes: Vec<Span>,
        /// The hours; `[Every { every: 1 }]` is every hour.
        hours: Vec<Span>,
    },
}

/// One item of a field, reduced to the values it selects.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Span {
    /// One value.
    Value(u32),
    /// Every value from the first through the second.
    Range(u32, u32),
    /// Every `n`th value from the first through the second (which it reaches).
    Steps(u32, u32, u32),
    /// Every `n`th value of the whole field, evenly all round; `every: 1` is every
    /// value.
    Every {
        /// The step.
        every: u32,
    },
}

/// Which days a crontab expression runs on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Days {
    /// One date of one month: "on February 29".
    Date {
        /// 1-12.
        month: u32,
        /// 1-31.
        day: u32,
    },
    /// These days of the month, any weekday.
    Dates(Vec<Span>),
    /// These weekdays (0 = Sunday), any day of the month.
    Weekdays(Names),
    /// A day of the month listed or a weekday listed (Vixie cron's "or").
    Either {
        /// The days of the month.
        dates: Vec<Span>,
        /// The weekdays.
        weekdays: Names,
    },
    /// A day of the month listed that is also a weekday listed.
    Both {
        /// The days of the month.
        dates: Vec<Span>,
        /// The weekdays.
        weekdays: Names,
    },
}

/// Weekdays (0 = Sunday … 6 = Saturday) or months (1-12).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Names {
    /// A run of three or more in calendar order: "Monday through Friday". `to` may be
    /// below `from` for weekdays (`5-7` is Friday through Sunday, from 5 to 0).
    Range {
        /// The first.
        from: u32,
        /// The last.
        to: u32,
    },
    /// Each one, in calendar order: "Sunday, Tuesday and Thursday".
    List(Vec<u32>),
}

/// The phrase in its compact form, the `phrase` member of the JS results: one line of
/// parts, each a name followed by its numbers, all separated by spaces. `0 9 * * 1-5`
/// is `at 9 0 weekdays range 1 5`. Written by hand into one string, which crosses
/// into JS like any other string: measured in the gzipped wasm, deriving `Serialize`
/// for the types above cost 1.6 KB (a serialiser per type and variant), a JSON list
/// of names and numbers 1.2 KB, and this string 0.6 KB.
///
/// The parts, in order (`pkg/describe.js` reads them back into the types above):
/// - preset: `preset`, then `hour`, `day`, `week`, `month` or `year` with `n`, then
///   with the start date `start hour minute weekday day month`;
/// - crontab, the time: `at h m h m…`; `minutes n h m h m` and `hours n h m h m`
///   (from, to); `hourly n minute`; or `minute` and its spans then `hour` and its
///   spans;
/// - then the days: `date month day`; `dates` and its spans; `weekdays` and its names;
///   or `either` or `both`, then `dates` … `weekdays` …;
/// - then `months` and its names.
///
/// Spans: `value v…` (one or more single values), `range a b`, `steps a b n`,
/// `every n`. Names: the values, or `range from to`.
impl Phrase {
    /// The compact form described above.
    pub fn compact(&self) -> String {
        let mut out = Parts(String::new());
        out.phrase(self);
        out.0
    }
}

struct Parts(String);

impl Parts {
    fn part(&mut self, name: &'static str, numbers: &[u32]) {
        if !self.0.is_empty() {
            self.0.push(' ');
        }
        self.0.push_str(name);
        self.numbers(numbers);
    }

    fn numbers(&mut self, numbers: &[u32]) {
        for n in numbers {
            self.0.push(' ');
            self.0.push_str(&n.to_string());
        }
    }

    fn phrase(&mut self, phrase: &Phrase) {
        match phrase {
            Phrase::Preset { every, n, start } => {
                self.part("preset", &[]);
                let unit = match every {
                    Unit::Hour => "hour",
                    Unit::Day => "day",
                    Unit::Week => "week",
                    Unit::Month => "month",
                    Unit::Year => "year",
                };
                self.part(unit, &[*n]);
                if let Some(s) = start {
                    self.part("start", &[s.hour, s.minute, s.weekday, s.day, s.month]);
                }
            }
            Phrase::Cron { time, days, months } => {
                self.time(time);
                if let Some(days) = days {
                    self.days(days);
                }
                if let Some(months) = months {
                    self.names("months", months);
                }
            }
        }
    }

    fn time(&mut self, time: &Time) {
        match time {
            Time::At(times) => {
                self.part("at", &[]);
                for (h, m) in times {
                    self.numbers(&[*h, *m]);
                }
            }
            Time::Minutes { n, from, to } => {
                self.part("minutes", &[*n, from.0, from.1, to.0, to.1])
            }
            Time::Hours { n, from, to } => self.part("hours", &[*n, from.0, from.1, to.0, to.1]),
            Time::Hourly { n, minute } => self.part("hourly", &[*n, *minute]),
            Time::Fields { minutes, hours } => {
                self.spans("minute", minutes);
                self.spans("hour", hours);
            }
        }
    }

    fn days(&mut self, days: &Days) {
        match days {
            Days::Date { month, day } => self.part("date", &[*month, *day]),
            Days::Dates(dates) => self.spans("dates", dates),
            Days::Weekdays(w) => self.names("weekdays", w),
            Days::Either { dates, weekdays } | Days::Both { dates, weekdays } => {
                let rule = if matches!(days, Days::Either { .. }) {
                    "either"
                } else {
                    "both"
                };
                self.part(rule, &[]);
                self.spans("dates", dates);
                self.names("weekdays", weekdays);
            }
        }
    }

    fn spans(&mut self, name: &'static str, spans: &[Span]) {
        self.part(name, &[]);
        let mut values = false;
        for span in spans {
            match *span {
                // Single values in a row share one part.
                Span::Value(v) if values => self.numbers(&[v]),
                Span::Value(v) => self.part("value", &[v]),
                Span::Range(a, b) => self.part("range", &[a, b]),
                Span::Steps(a, b, n) => self.part("steps", &[a, b, n]),
                Span::Every { every } => self.part("every", &[every]),
            }
            values = matches!(span, Span::Value(_));
        }
    }

    fn names(&mut self, name: &'static str, names: &Names) {
        match names {
            Names::Range { from, to } => {
                self.part(name, &[]);
                self.part("range", &[*from, *to]);
            }
            Names::List(values) => self.part(name, values),
        }
    }
}
