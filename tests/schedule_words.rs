//! The schedule engine's messages, as Rust writes them, for the JS package to be held to.
//!
//! The package writes these messages in JS from the words and params the module answers
//! with (pkg/render.js `scheduleEnglish`). This writes what Rust says to
//! `target/tmp/schedule-words.json`, which tests/js/schedule-words.test.mjs reads:
//!
//! - `samples`: an error of every kind with every wording it has, as the module sends
//!   it (`report::Wordless`), beside its English (`Display`);
//! - `calls`: inputs of `parseFrequency` and `nextRuns` that meet every kind, beside
//!   the answer Rust gives (`FrequencyReport`, `RunsReport`, their errors' `message`
//!   the English), and for each frequency, the Commerce Layer error objects of an
//!   order subscription that names it.
#![cfg(not(target_arch = "wasm32"))]
#![allow(clippy::unwrap_used, clippy::indexing_slicing)]

use serde_json::{json, Value};
use subkit::commercelayer::jsonapi_errors::error_objects;
use subkit::report::{FrequencyReport, RunsProblem, RunsReport, Wordless};
use subkit::schedule::cron::Field;
use subkit::schedule::instant::{from_epoch_millis, parse_iso, InstantError};
use subkit::schedule::{
    FrequencyError, FrequencyErrorKind as K, NeverFiresReason, RunsError, RunsQuery, DEFAULT_COUNT,
    INSTANT_OPTIONS,
};
use subkit::Resource;

/// A frequency error of every kind, and of every wording of a kind: each field the
/// invalid-value message names its names for, one day and several that never occur,
/// and months the message leaves out (outside 1-12).
fn frequency_errors() -> Vec<FrequencyError> {
    let never = |days: &[u32], months: &[u32]| K::NeverFires {
        reason: NeverFiresReason::DaysNotInMonths {
            days: days.to_vec(),
            months: months.to_vec(),
        },
    };
    let invalid = |field| K::InvalidValue {
        field,
        text: "x\"y".into(),
    };
    let kinds = vec![
        K::Empty,
        K::TooLong { limit: 1024 },
        K::UnknownFrequency {
            text: "nope".into(),
        },
        K::FieldCount { found: 6 },
        K::OutOfRange {
            field: Field::Hour,
            value: 24,
        },
        invalid(Field::Minute),
        invalid(Field::Month),
        invalid(Field::DayOfWeek),
        K::InvalidStep {
            field: Field::DayOfMonth,
            text: String::new(),
        },
        K::BackwardRange {
            field: Field::Month,
            start: 12,
            end: 1,
        },
        never(&[31], &[2]),
        never(&[30, 31], &[2]),
        never(&[31], &[2, 4, 6, 9, 11]),
        never(&[31], &[0, 2, 13]),
        never(&[], &[]),
        K::SubHourly { per_hour: 60 },
    ];
    kinds
        .into_iter()
        .map(|kind| FrequencyError { kind, span: (1, 2) })
        .collect()
}

/// A next-runs error of every kind and wording: each reason an instant is refused for.
fn runs_errors() -> Vec<RunsError> {
    let instant = |reason| RunsError::InvalidInstant {
        option: "expiresAt",
        reason,
    };
    vec![
        instant(InstantError::NotIso {
            text: "tomorrow".into(),
        }),
        instant(InstantError::NoOffset {
            text: "2018-01-01T12:00".into(),
        }),
        instant(InstantError::OutOfRange),
        instant(InstantError::NotATime),
        RunsError::MissingStart { preset: true },
        RunsError::MissingStart { preset: false },
        RunsError::CountOutOfRange { count: 0 },
        // Past 2^53: the English has every digit, which no JS number holds.
        RunsError::CountOutOfRange { count: u64::MAX },
        RunsError::Horizon,
    ]
}

/// Frequencies that meet every kind of frequency error.
const FREQUENCIES: &[&str] = &[
    "",
    "nope",
    "1 2 3",
    "61 * * * *",
    "0 24 32 * *",
    "x * * * *",
    "0 0 * FOO *",
    "0 0 * * FOO",
    "*/0 * * * *",
    "5-1 * * * *",
    "0 0 31 2 *",
    "0 0 30,31 2 *",
    "0 0 31 2,4,6,9,11 *",
    "*/5 * * * *",
    "monthly",
];

/// `nextRuns` options that meet every kind of next-runs error. An instant is an ISO
/// string or `{ "epochMs": n }` (n a number, or "NaN"), which the JS test passes as
/// the number.
fn runs_calls() -> Vec<(String, Value)> {
    let frequency = |f: &str, options: Value| (f.to_owned(), options);
    let mut calls = vec![
        frequency("monthly", json!({})),
        frequency("0 0 * * *", json!({})),
        frequency(
            "monthly",
            json!({ "startsAt": "2018-01-01T00:00:00Z", "count": 0 }),
        ),
        frequency(
            "monthly",
            json!({ "startsAt": "2018-01-01T00:00:00Z", "count": 1001 }),
        ),
        // 2^60: a whole number a JS number holds, which it writes as 1152921504606847000.
        frequency(
            "monthly",
            json!({ "startsAt": "2018-01-01T00:00:00Z", "count": 1_152_921_504_606_846_976_u64 }),
        ),
        frequency("0 0 1 1 *", json!({ "after": "9999-06-01T00:00:00Z" })),
        frequency("0 0 31 2 *", json!({ "after": "2018-01-01T00:00:00Z" })),
        frequency(
            "nope",
            json!({ "startsAt": " yesterday ", "after": "2018-01-01T12:00", "expiresAt": { "epochMs": "NaN" } }),
        ),
    ];
    for value in [
        json!("0000-12-31T23:59:59Z"),
        json!("2018-02-30"),
        json!({ "epochMs": 8.64e15 }),
    ] {
        calls.push(frequency("0 0 * * *", json!({ "after": value })));
    }
    calls
}

/// What `nextRuns` answers, read as src/wasm/ reads its options: every instant that
/// cannot be read is an error, in the order of [`INSTANT_OPTIONS`].
fn runs_answer(frequency: &str, options: &Value) -> RunsReport {
    let mut problems = Vec::new();
    let mut instants = INSTANT_OPTIONS.iter().map(|&name| {
        let read = match options.get(name)? {
            Value::String(text) => parse_iso(text),
            other => from_epoch_millis(match &other["epochMs"] {
                Value::String(s) => s.parse().unwrap(),
                n => n.as_f64().unwrap(),
            }),
        };
        read.map_err(|reason| {
            problems.push(RunsProblem::Query(RunsError::InvalidInstant {
                option: name,
                reason,
            }))
        })
        .ok()
    });
    let (starts_at, after, expires_at) = (
        instants.next().flatten(),
        instants.next().flatten(),
        instants.next().flatten(),
    );
    drop(instants);
    let query = RunsQuery {
        starts_at,
        after,
        expires_at,
        count: options
            .get("count")
            .map_or(DEFAULT_COUNT, |c| c.as_u64().unwrap()),
    };
    if problems.is_empty() {
        RunsReport::new(frequency, &query)
    } else {
        RunsReport::failed(problems)
    }
}

#[test]
fn write_the_schedule_messages() {
    let wordless = |wire: Value, english: String| json!({ "wire": wire, "english": english });
    let mut samples: Vec<Value> = frequency_errors()
        .into_iter()
        .map(|e| wordless(json!(Wordless(e.clone())), e.to_string()))
        .collect();
    samples.extend(
        runs_errors()
            .into_iter()
            .map(|e| wordless(json!(Wordless(e.clone())), e.to_string())),
    );
    let long = "x".repeat(subkit::schedule::MAX_FREQUENCY_BYTES + 1);
    let mut calls: Vec<Value> = FREQUENCIES
        .iter()
        .copied()
        .chain([long.as_str()])
        .map(|text| {
            let document = json!({ "data": { "type": "order_subscriptions", "attributes": { "frequency": text },
                "relationships": { "market": { "data": { "type": "markets", "id": "m" } },
                    "source_order": { "data": { "type": "orders", "id": "o" } } } } });
            let violations = Resource::OrderSubscriptions.validate(&document);
            json!({
                "call": "parseFrequency",
                "frequency": text,
                "answer": FrequencyReport::new(text, None),
                "document": document,
                "jsonapi": error_objects(&violations),
            })
        })
        .collect();
    calls.extend(runs_calls().into_iter().map(|(frequency, options)| {
        let answer = runs_answer(&frequency, &options);
        json!({ "call": "nextRuns", "frequency": frequency, "options": options, "answer": answer })
    }));

    // Every template is written by a sample, and every code is met by a call.
    let mut unused: Vec<&str> = subkit::words::SCHEDULE.iter().map(|(k, _)| *k).collect();
    for sample in &samples {
        let message = &sample["wire"]["message"];
        let indices = match message.as_array() {
            Some(words) => vec![&words[0], &words[1]],
            None => vec![message],
        };
        for index in indices.into_iter().filter_map(Value::as_u64) {
            unused[index as usize] = "";
        }
    }
    unused.retain(|k| !k.is_empty());
    assert!(unused.is_empty(), "no sample is written with {unused:?}");
    let mut answered = Vec::new();
    for call in &calls {
        let answer = &call["answer"];
        for list in [&answer["errors"], &answer["commerceLayer"]["errors"]] {
            for e in list.as_array().into_iter().flatten() {
                answered.push(e["code"].as_str().unwrap().to_owned());
            }
        }
    }
    for code in FrequencyError::CODES.iter().chain(RunsError::CODES) {
        assert!(answered.iter().any(|c| c == code), "no call answers {code}");
    }

    let path = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("schedule-words.json");
    std::fs::write(
        &path,
        json!({ "samples": samples, "calls": calls }).to_string(),
    )
    .unwrap();
}
