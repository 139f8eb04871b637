//! Frequency text: parse, describe, Commerce Layer's verdict, and the report the JS
//! API returns. Parse and describe must agree, and the normalized text must parse to
//! the same frequency.
#![no_main]

use subkit::report::FrequencyReport;
use subkit::schedule::Frequency;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let report = FrequencyReport::new(&text, None);
    match Frequency::parse(&text) {
        Ok(frequency) => {
            assert!(report.valid && report.description.is_some());
            let _ = frequency.commerce_layer_check();
            let normalized = frequency.normalized(&text);
            let again = Frequency::parse(&normalized).expect("normalized text parses");
            assert_eq!(again.describe(None), frequency.describe(None));
        }
        Err(errors) => {
            assert!(!report.valid && !errors.is_empty());
            for e in &errors {
                assert!(
                    e.span.0 <= e.span.1 && e.span.1 <= text.len(),
                    "span {:?}",
                    e.span
                );
            }
        }
    }
});
