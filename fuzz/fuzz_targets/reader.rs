//! subkit's JSON reader against serde_json on any bytes: the same texts are JSON, and
//! they read as the same values (doubles within a few units in the last place, as
//! `json::reader::to_f64` promises; serde_json's own reading is approximate too).
#![no_main]

use serde_json::Value;

fn same(ours: &Value, theirs: &Value) -> bool {
    match (ours, theirs) {
        (Value::Number(a), Value::Number(b)) if a.is_f64() || b.is_f64() => {
            let (a, b) = (a.as_f64().unwrap_or(0.0), b.as_f64().unwrap_or(0.0));
            // Near zero, among the subnormal doubles, a few units are a large ratio.
            a == b || (a - b).abs() <= 1e-13 * a.abs().max(b.abs()) || a.abs().max(b.abs()) < 1e-290
        }
        (Value::Array(a), Value::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Value::Object(a), Value::Object(b)) => {
            a.len() == b.len()
                && a.iter()
                    .zip(b)
                    .all(|((ka, va), (kb, vb))| ka == kb && same(va, vb))
        }
        _ => ours == theirs,
    }
}

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let ours = subkit::json::parse_bytes(data);
    let theirs = serde_json::from_slice::<Value>(data);
    let out_of_range = |message: String| message.contains("number out of range");
    match (&ours, &theirs) {
        (Ok(a), Ok(b)) => assert!(same(a, b), "{a} != {b}"),
        (Err(_), Err(_)) => {}
        // The limits are subkit's own.
        (Err(v), Ok(_)) if v.code().as_str() == "too_large" => {}
        // serde_json's float reading is approximate within a few units of the largest
        // double, where subkit decides exactly: the two may differ there only.
        (Err(v), Ok(_)) if out_of_range(v.message()) => {}
        (Ok(_), Err(e)) if out_of_range(e.to_string()) => {}
        _ => panic!(
            "reader ok: {}, serde_json ok: {}",
            ours.is_ok(),
            theirs.is_ok()
        ),
    }
});
