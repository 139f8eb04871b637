//! The JS API's answers about a frequency's text and its runs, in its camelCase JSON
//! shape: what `parseFrequency` and `nextRuns` return.
//!
//! Entry points: [`FrequencyReport::new`] and [`RunsReport::new`]. The binding
//! (`src/wasm/`) serialises these; they live outside it because it is compiled for
//! wasm32 only, and the fixtures, properties, benches and fuzz targets check the same
//! JSON natively. They live outside `schedule` too, which answers in Rust types and
//! knows nothing of the shape JavaScript reads.
//!
//! ```
//! use subkit::report::FrequencyReport;
//! let r = FrequencyReport::new("*/5 * * * *", None);
//! assert!(r.valid && !r.commerce_layer.valid);
//! assert_eq!(r.commerce_layer.errors[0].code(), "sub_hourly");
//! ```

use chrono::{DateTime, Utc};
use serde::{Serialize, Serializer};

use crate::schedule::describe::english;
use crate::schedule::instant;
use crate::schedule::{Frequency, FrequencyError, RunsError, RunsQuery};

/// Whether a frequency parses, what it means, and whether Commerce Layer accepts it.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct FrequencyReport {
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
    pub commerce_layer: Verdict,
    /// Why the text is not a frequency.
    pub errors: Vec<FrequencyError>,
}

/// A yes or no with its reasons.
#[derive(Debug, Clone, Serialize)]
pub struct Verdict {
    /// True when there are no errors.
    pub valid: bool,
    /// The reasons.
    pub errors: Vec<FrequencyError>,
}

impl FrequencyReport {
    /// Parses `text`; `anchor` (the start date) makes a preset's description concrete.
    pub fn new(text: &str, anchor: Option<DateTime<Utc>>) -> Self {
        Self::build(text, anchor, |phrase| Some(english(phrase)))
    }

    /// The same with no English `description`: what the JS package asks for, which
    /// writes the description from `phrase` in the caller's language (pkg/describe.js),
    /// so that the module carries no English words.
    pub fn without_words(text: &str, anchor: Option<DateTime<Utc>>) -> Self {
        Self::build(text, anchor, |_| None)
    }

    // Generic over the describer, so that `without_words` compiles no English in.
    fn build(
        text: &str,
        anchor: Option<DateTime<Utc>>,
        describe: impl Fn(&crate::schedule::phrase::Phrase) -> Option<String>,
    ) -> Self {
        match Frequency::parse(text) {
            Ok(f) => {
                let cl_errors: Vec<FrequencyError> =
                    f.commerce_layer_check().err().into_iter().collect();
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
            Err(errors) => FrequencyReport {
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
            },
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
/// strings as Commerce Layer writes instants.
#[derive(Debug, Clone, Serialize)]
pub struct RunsReport {
    /// True when `runs` holds the answer (`valid`, as in every other result).
    pub valid: bool,
    /// The runs; serialised `2018-02-01T12:00:00.000Z` style.
    #[serde(serialize_with = "iso_strings")]
    pub runs: Vec<DateTime<Utc>>,
    /// Why there is no answer.
    pub errors: Vec<RunsProblem>,
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
        serializer.serialize_str(std::str::from_utf8(&self.0).unwrap_or_default())
    }
}
