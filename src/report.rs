//! The JS API's answers about a frequency's text and its runs, in its camelCase JSON
//! shape: what `parseFrequency` and `nextRuns` return.
//!
//! Entry points: [`FrequencyReport::new`] and [`RunsReport::new`]. The binding
//! (`src/wasm/`) serialises these; they live outside it because it is compiled for
//! wasm32 only, and the fixtures, properties, benches and fuzz targets check the same
//! JSON natively. They live outside `schedule` too, which answers in Rust types and
//! knows nothing of the shape JavaScript reads.
//!
//! Serialised, an error's `message` is its English. The JS package's answers hold
//! [`Wordless`] errors instead ([`FrequencyReport::without_words`],
//! [`RunsReport::without_words`]), whose `message` is their
//! [`Words`](crate::words::Words), the indices of their templates in
//! [`crate::words::SCHEDULE`]: pkg/render.js fills those with the params, so the wasm
//! module writes none of the English.
//!
//! ```
//! use subkit::report::FrequencyReport;
//! let r = FrequencyReport::new("*/5 * * * *", None);
//! assert!(r.valid && !r.commerce_layer.valid);
//! assert_eq!(r.commerce_layer.errors[0].code(), "sub_hourly");
//! ```

use crate::prelude::*;
use core::ops::Deref;

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};

use crate::schedule::describe::english;
use crate::schedule::instant;
use crate::schedule::{Frequency, FrequencyError, RunsError, RunsQuery};

/// Whether a frequency parses, what it means, and whether Commerce Layer accepts it.
/// The errors are [`FrequencyError`]s, or for the JS package [`Wordless`] ones.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FrequencyReport<E = FrequencyError> {
    /// Valid preset or crontab.
    pub valid: bool,
    /// `"preset"` or `"cron"`, when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<&'static str>,
    /// Canonical text, when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub normalized: Option<String>,
    /// English description, when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// What the description says, as facts without words, for writing it in another
    /// language (`pkg/describe.js`), when valid.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub phrase: Option<String>,
    /// Commerce Layer's verdict: invalid crontab, or crontab finer than an hour.
    pub commerce_layer: Verdict<E>,
    /// Why the text is not a frequency.
    pub errors: Vec<E>,
}

/// A yes or no with its reasons.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict<E = FrequencyError> {
    /// True when there are no errors.
    pub valid: bool,
    /// The reasons.
    pub errors: Vec<E>,
}

impl FrequencyReport {
    /// Parses `text`; `anchor` (the start date) makes a preset's description concrete.
    pub fn new(text: &str, anchor: Option<DateTime<Utc>>) -> Self {
        build(text, anchor, |phrase| Some(english(phrase)), |e| e)
    }
}

impl FrequencyReport<Wordless<FrequencyError>> {
    /// The same with no English: what the JS package asks for. It writes the
    /// description from `phrase` in the caller's language (pkg/describe.js) and each
    /// error's English from its [`Wordless`] words, so that the module carries no
    /// English words.
    pub fn without_words(text: &str, anchor: Option<DateTime<Utc>>) -> Self {
        build(text, anchor, |_| None, Wordless)
    }
}

// Generic over the describer and the errors' wording, so that `without_words`
// compiles no English in.
fn build<E: Clone>(
    text: &str,
    anchor: Option<DateTime<Utc>>,
    describe: impl Fn(&crate::schedule::phrase::Phrase) -> Option<String>,
    word: impl Fn(FrequencyError) -> E,
) -> FrequencyReport<E> {
    match Frequency::parse(text) {
        Ok(f) => {
            let cl_errors: Vec<E> = f
                .commerce_layer_check()
                .err()
                .into_iter()
                .map(&word)
                .collect();
            let phrase = f.phrase(anchor);
            FrequencyReport {
                valid: true,
                kind: Some(f.kind()),
                normalized: Some(f.normalized(text)),
                description: describe(&phrase),
                phrase: Some(phrase.compact()),
                commerce_layer: Verdict {
                    valid: cl_errors.is_empty(),
                    errors: cl_errors,
                },
                errors: Vec::new(),
            }
        }
        Err(errors) => {
            let errors: Vec<E> = errors.into_iter().map(&word).collect();
            FrequencyReport {
                valid: false,
                kind: None,
                normalized: None,
                description: None,
                phrase: None,
                commerce_layer: Verdict {
                    valid: false,
                    errors: errors.clone(),
                },
                errors,
            }
        }
    }
}

/// One error of a next-runs answer: from the frequency's text or from the query.
#[derive(Debug, Clone, Serialize)]
#[serde(untagged)]
pub enum RunsProblem {
    /// The frequency does not parse.
    Frequency(FrequencyError),
    /// The query cannot be answered.
    Query(RunsError),
}

/// The runs of a frequency, or why there are none. Serialised, the runs are ISO 8601
/// strings as Commerce Layer writes instants. The errors are [`RunsProblem`]s, or for
/// the JS package [`Wordless`] ones.
#[derive(Debug, Clone, Serialize)]
pub struct RunsReport<P = RunsProblem> {
    /// True when `runs` holds the answer (`valid`, as in every other result).
    pub valid: bool,
    /// The runs; serialised `2018-02-01T12:00:00.000Z` style.
    #[serde(serialize_with = "iso_strings")]
    pub runs: Vec<DateTime<Utc>>,
    /// Why there is no answer.
    pub errors: Vec<P>,
}

impl RunsReport {
    /// Parses `text` and lists the runs `query` asks for.
    pub fn new(text: &str, query: &RunsQuery) -> Self {
        let result = Frequency::parse(text)
            .map_err(|e| e.into_iter().map(RunsProblem::Frequency).collect())
            .and_then(|f| f.runs(query).map_err(|e| vec![RunsProblem::Query(e)]));
        match result {
            Ok(runs) => RunsReport {
                valid: true,
                runs,
                errors: Vec::new(),
            },
            Err(errors) => RunsReport::failed(errors),
        }
    }

    /// An answer with no runs.
    pub fn failed(errors: Vec<RunsProblem>) -> Self {
        RunsReport {
            valid: false,
            runs: Vec::new(),
            errors,
        }
    }

    /// The same answer as the JS package receives it, with [`Wordless`] errors.
    pub fn without_words(self) -> RunsReport<Wordless<RunsProblem>> {
        RunsReport {
            valid: self.valid,
            runs: self.runs,
            errors: self.errors.into_iter().map(Wordless).collect(),
        }
    }
}

impl<P> RunsReport<P> {
    /// The runs as milliseconds since 1970-01-01T00:00:00Z, JS `Date` time values.
    pub fn epoch_millis(&self) -> Vec<f64> {
        self.runs
            .iter()
            .copied()
            .map(instant::epoch_millis)
            .collect()
    }

    /// The runs' ISO texts, each followed by a comma but the last.
    pub fn iso_text(&self) -> String {
        const EACH: usize = instant::ISO_LEN + 1;
        // Filled with the commas, then each run's text written over its first 24 bytes
        // as one fixed-size array: no copy of a run-time length per run, which in wasm
        // is a call out of the module (`memory.copy`).
        let len = self.runs.len().saturating_mul(EACH).saturating_sub(1);
        let mut text = vec![b','; len];
        for (slot, &t) in text.chunks_mut(EACH).zip(&self.runs) {
            if let Some(iso) = slot
                .get_mut(..instant::ISO_LEN)
                .and_then(|s| <&mut [u8; instant::ISO_LEN]>::try_from(s).ok())
            {
                *iso = instant::iso_bytes(t);
            }
        }
        // ASCII digits, separators and commas: checked once, for all runs, and the
        // check cannot fail.
        String::from_utf8(text).unwrap_or_default()
    }
}

/// Writes each run into the serialiser's own buffer from a stack array: a thousand runs
/// become one JSON text, with no `String` per run.
fn iso_strings<S: Serializer>(runs: &[DateTime<Utc>], serializer: S) -> Result<S::Ok, S::Error> {
    serializer.collect_seq(runs.iter().map(|&t| IsoText(instant::iso_bytes(t))))
}

/// One instant's text, serialised as a JSON string.
struct IsoText([u8; instant::ISO_LEN]);

impl Serialize for IsoText {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        // The bytes are ASCII digits and separators, so the check cannot fail.
        serializer.serialize_str(core::str::from_utf8(&self.0).unwrap_or_default())
    }
}

/// An error as the JS package's answers carry it: serialised as the error is, but with
/// `message` the error's [`Words`](crate::words::Words) (the indices of its templates in
/// [`crate::words::SCHEDULE`], which pkg/render.js fills with the params) in place of
/// its English.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Wordless<T>(pub T);

impl<T> Deref for Wordless<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

/// `{ code, field, span, message, params }`, `message` the error's [`Words`](crate::words::Words).
impl Serialize for Wordless<FrequencyError> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_with(&self.0.words(), serializer)
    }
}

/// `{ code, message, params }`, `message` the error's [`Words`](crate::words::Words).
impl Serialize for Wordless<RunsError> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.0.serialize_with(&self.0.words(), serializer)
    }
}

/// As [`RunsProblem`] is serialised, with its error [`Wordless`].
impl Serialize for Wordless<RunsProblem> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match &self.0 {
            RunsProblem::Frequency(e) => e.serialize_with(&e.words(), serializer),
            RunsProblem::Query(e) => e.serialize_with(&e.words(), serializer),
        }
    }
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;
    use crate::schedule::instant::InstantError;
    use crate::schedule::{FrequencyErrorKind, NeverFiresReason};

    /// The JS package's answers carry the words as indices, the text a reason quotes,
    /// and a count in full, and the params as the English's JSON has them.
    #[test]
    fn wordless_errors_carry_indices_and_params() {
        use crate::words::SCHEDULE;
        let key = |i: &serde_json::Value| SCHEDULE[i.as_u64().unwrap() as usize].0;
        let sub_hourly =
            FrequencyError::new(FrequencyErrorKind::SubHourly { per_hour: 12 }, (0, 4));
        let wire = serde_json::to_value(Wordless(sub_hourly.clone())).unwrap();
        let english = serde_json::to_value(&sub_hourly).unwrap();
        assert_eq!(key(&wire["message"]), "frequency.sub_hourly");
        assert_eq!(
            english["message"],
            serde_json::Value::from(sub_hourly.to_string())
        );
        for member in ["code", "field", "span", "params"] {
            assert_eq!(wire[member], english[member], "{member}");
        }
        let never = FrequencyError::new(
            FrequencyErrorKind::NeverFires {
                reason: NeverFiresReason::DaysNotInMonths {
                    days: vec![30, 31],
                    months: vec![2],
                },
            },
            (4, 8),
        );
        let wire = serde_json::to_value(Wordless(never)).unwrap();
        let words = wire["message"].as_array().unwrap();
        assert_eq!(
            (key(&words[0]), key(&words[1]), words.len()),
            ("frequency.never_fires", "never_fires.days", 2)
        );
        let late = RunsError::InvalidInstant {
            option: "after",
            reason: InstantError::NoOffset { text: "x".into() },
        };
        let wire = serde_json::to_value(Wordless(late)).unwrap();
        let words = wire["message"].as_array().unwrap();
        assert_eq!(
            (key(&words[0]), key(&words[1]), &words[2]),
            (
                "runs.invalid_instant",
                "instant.no_offset",
                &serde_json::json!("x")
            )
        );
        assert_eq!(wire["params"], serde_json::json!({ "option": "after" }));
        let count = RunsError::CountOutOfRange { count: u64::MAX };
        let wire = serde_json::to_value(Wordless(count)).unwrap();
        let words = wire["message"].as_array().unwrap();
        assert_eq!(key(&words[0]), "runs.count_out_of_range");
        assert_eq!(
            (&words[1], &words[2]),
            (
                &serde_json::Value::Null,
                &serde_json::json!("18446744073709551615")
            )
        );
    }
}
