//! Cross-check of subkit's crontab engine against the `cron` crate, an independent
//! implementation, on generated expressions.
//!
//! The `cron` crate reads Quartz-style expressions: a seconds field first, weekdays
//! numbered 1-7 from Sunday, and day-of-month and day-of-week always combined with
//! "and". Each generated expression is written twice: in standard crontab for subkit
//! and translated for `cron` (seconds `0`, weekdays as names). Only expressions where
//! the two day rules agree are generated: at least one day field starts with `*`, so
//! Vixie cron also combines them with "and".
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::arithmetic_side_effects,
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::panic,
    clippy::indexing_slicing
)]

use std::str::FromStr;

use chrono::{DateTime, Utc};
use subkit::schedule::Cron;

const WEEKDAYS: [&str; 7] = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

/// xorshift64: a fixed sequence, so every run checks the same expressions.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: u32) -> u32 {
        (self.next() % u64::from(n)) as u32
    }
    fn between(&mut self, lo: u32, hi: u32) -> u32 {
        lo + self.below(hi - lo + 1)
    }
}

/// A field in one of the shapes both implementations read the same way.
fn field(rng: &mut Rng, lo: u32, hi: u32) -> String {
    match rng.below(6) {
        0 => "*".into(),
        1 => rng.between(lo, hi).to_string(),
        2 => {
            let a = rng.between(lo, hi);
            let b = rng.between(a, hi);
            format!("{a}-{b}")
        }
        3 => format!("*/{}", rng.between(2, (hi - lo).max(2))),
        4 => {
            let a = rng.between(lo, hi);
            let b = rng.between(a, hi);
            format!("{a}-{b}/{}", rng.between(1, 7))
        }
        _ => {
            let mut v: Vec<u32> = (0..rng.between(2, 4))
                .map(|_| rng.between(lo, hi))
                .collect();
            v.sort_unstable();
            v.dedup();
            v.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
        }
    }
}

/// Day-of-week as numbers for subkit and as names for `cron`.
fn weekdays(rng: &mut Rng) -> (String, String) {
    match rng.below(3) {
        0 => ("*".into(), "*".into()),
        1 => {
            let a = rng.between(0, 5);
            let b = rng.between(a + 1, 6);
            (
                format!("{a}-{b}"),
                format!("{}-{}", WEEKDAYS[a as usize], WEEKDAYS[b as usize]),
            )
        }
        _ => {
            let mut v: Vec<u32> = (0..rng.between(1, 3)).map(|_| rng.between(0, 6)).collect();
            v.sort_unstable();
            v.dedup();
            let nums = v.iter().map(u32::to_string).collect::<Vec<_>>().join(",");
            let names = v
                .iter()
                .map(|d| WEEKDAYS[*d as usize])
                .collect::<Vec<_>>()
                .join(",");
            (nums, names)
        }
    }
}

#[test]
fn agrees_with_the_cron_crate_on_generated_expressions() {
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let starts: Vec<DateTime<Utc>> = [
        "2023-12-31T23:30:00Z",
        "2024-02-28T12:00:00Z",
        "2025-06-15T08:07:30Z",
        "2027-11-30T23:59:00Z",
    ]
    .iter()
    .map(|s| s.parse().unwrap())
    .collect();
    let mut checked = 0;
    for _ in 0..400 {
        let minute = field(&mut rng, 0, 59);
        let hour = field(&mut rng, 0, 23);
        let month = field(&mut rng, 1, 12);
        let (dow, dow_names) = weekdays(&mut rng);
        // One day field must start with `*` so both day rules are "and".
        let dom = if dow == "*" {
            field(&mut rng, 1, 31)
        } else {
            "*".to_owned()
        };
        let ours = format!("{minute} {hour} {dom} {month} {dow}");
        let theirs = format!("0 {minute} {hour} {dom} {month} {dow_names}");
        let Ok(cron) = Cron::parse(&ours) else {
            continue; // never fires (e.g. day 31 in April only): nothing to compare
        };
        let schedule = cron::Schedule::from_str(&theirs)
            .unwrap_or_else(|e| panic!("cron crate refused {theirs:?}: {e}"));
        for start in &starts {
            let expected: Vec<DateTime<Utc>> = schedule.after(start).take(12).collect();
            let mut actual = Vec::new();
            let mut t = *start;
            for _ in 0..expected.len() {
                t = cron.next_after(t).unwrap();
                actual.push(t);
            }
            assert_eq!(actual, expected, "{ours:?} after {start}");
            // The run iterator steps from run to run within a month without searching
            // again: 60 runs, which cross months and years for most expressions.
            let expected: Vec<DateTime<Utc>> = schedule.after(start).take(60).collect();
            let listed: Vec<DateTime<Utc>> = cron.runs_after(*start, None).take(60).collect();
            assert_eq!(listed, expected, "{ours:?} listed after {start}");
        }
        checked += 1;
    }
    assert!(checked > 300, "only {checked} expressions compared");
}

/// Long waits: a date that must also fall on one weekday. The `cron` crate knows
/// years up to 2100, so every run it lists from 1970 on is compared, and subkit's
/// next run after its last must be past 2100.
#[test]
fn agrees_on_long_waits_up_to_the_cron_crates_last_year() {
    let cases = [
        // `*/7` is 0 and 7, Sunday; it starts with `*`, so both day fields must match.
        ("0 0 29 2 */7", "0 0 0 29 2 SUN"),
        ("30 12 29 2 */7", "0 30 12 29 2 SUN"),
        ("0 0 13 * */7", "0 0 0 13 * SUN"),
        ("0 0 31 * */7", "0 0 0 31 * SUN"),
        ("0 0 29 2 *", "0 0 0 29 2 *"),
    ];
    let start: DateTime<Utc> = "1970-01-01T00:00:00Z".parse().unwrap();
    let last_year: DateTime<Utc> = "2101-01-01T00:00:00Z".parse().unwrap();
    for (ours, theirs) in cases {
        let cron = Cron::parse(ours).unwrap();
        let schedule = cron::Schedule::from_str(theirs).unwrap();
        let expected: Vec<DateTime<Utc>> = schedule
            .after(&start)
            .take_while(|t| *t < last_year)
            .collect();
        let actual: Vec<DateTime<Utc>> = cron.runs_after(start, Some(last_year)).collect();
        assert!(expected.len() > 3, "{theirs}: {expected:?}");
        assert_eq!(actual, expected, "{ours}");
        let after_last = cron.next_after(*expected.last().unwrap()).unwrap();
        assert!(after_last >= last_year, "{ours}: {after_last}");
    }
}
