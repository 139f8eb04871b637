//! Reads a JSON array of `[frequency, startsAt | null]` pairs on stdin and prints, for
//! each, what the Rust core says of it: `{ valid, phrase, description }`, the English
//! description written natively. tests/js/describe-locales.test.mjs holds the English
//! the JS package writes (pkg/describe.js, from the module's phrase) to it.

use std::io::Read;

use serde_json::{json, Value};
use subkit::report::FrequencyReport;
use subkit::schedule::instant::parse_iso;

fn main() {
    let mut input = String::new();
    if std::io::stdin().read_to_string(&mut input).is_err() {
        std::process::exit(2);
    }
    let pairs: Vec<(String, Option<String>)> = serde_json::from_str(&input).unwrap_or_default();
    let answers: Vec<Value> = pairs
        .iter()
        .map(|(text, starts_at)| {
            let anchor = starts_at.as_deref().and_then(|s| parse_iso(s).ok());
            let r = FrequencyReport::new(text, anchor);
            json!({ "valid": r.valid, "phrase": r.phrase, "description": r.description })
        })
        .collect();
    println!("{}", Value::from(answers));
}
