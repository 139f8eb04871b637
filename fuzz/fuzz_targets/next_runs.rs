//! The next-run search: 24 bytes pick the start, `after`, expiry and count, the rest
//! is the frequency. Runs must be strictly increasing, start at or after the start,
//! stay after `after` and before the expiry, and never exceed the count; crontab
//! runs match the expression.
#![no_main]

use chrono::{DateTime, Utc};
use subkit::schedule::{instant, Frequency, RunsQuery};

fn instant_from(bytes: &[u8]) -> Option<DateTime<Utc>> {
    let raw = i64::from_le_bytes(bytes.try_into().ok()?);
    // Spread over (and slightly beyond) the supported years 1..=9999.
    let ms = raw % 320_000_000_000_000;
    #[allow(clippy::cast_precision_loss)]
    instant::from_epoch_millis(ms as f64).ok()
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if data.len() < 26 {
        return;
    }
    let (head, text) = data.split_at(26);
    let Ok(frequency) = Frequency::parse(&String::from_utf8_lossy(text)) else {
        return;
    };
    let query = RunsQuery {
        starts_at: instant_from(&head[0..8]),
        after: instant_from(&head[8..16]).filter(|_| head[24] & 1 == 1),
        expires_at: instant_from(&head[16..24]).filter(|_| head[24] & 2 == 2),
        count: u64::from(head[25]) * 4 + 1,
    };
    let Ok(runs) = frequency.runs(&query) else {
        return;
    };
    // Fewer runs than asked, or none, when the expiry cuts them off.
    assert!(runs.len() as u64 <= query.count);
    for pair in runs.windows(2) {
        assert!(pair[0] < pair[1], "not increasing: {pair:?}");
    }
    for t in &runs {
        if let Some(s) = query.starts_at {
            assert!(*t >= s);
        }
        if let Some(a) = query.after {
            assert!(*t > a);
        }
        if let Some(e) = query.expires_at {
            assert!(*t < e);
        }
        if let Frequency::Cron(cron) = &frequency {
            assert!(cron.matches(*t), "{t} does not match");
        }
    }
});
