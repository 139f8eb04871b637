//! The fast route of `validateResource` (pkg/fast.js): JS writes the document's UTF-8
//! straight into a buffer in wasm memory (`TextEncoder.encodeInto`, or one copy of
//! the bytes), and the answer for a valid document is `undefined`, which JS turns
//! into `{ valid: true, status: null, errors: [] }`. Nothing is copied one character
//! at a time and nothing is parsed back for the common answer.
//!
//! These exports start with `_`: they are the package's own, not public API (the
//! entry points re-export only the functions api.js lists).

use crate::prelude::*;
use wasm_bindgen::prelude::*;

use crate::commercelayer::{Context, Resource};

/// The input buffer: grown to the largest document seen, then reused, so the wasm
/// memory stays flat over any number of calls. The module runs on one thread, so the
/// lock is never contended; it stands in for std's `thread_local!`, which the
/// package's module, built without std, does not have.
static INPUT: spin::Mutex<Vec<u8>> = spin::Mutex::new(Vec::new());

/// The largest buffer JS may ask for, and so the buffer's high-water mark: a document
/// of [`crate::json::MAX_INPUT_BYTES`]. pkg/fast.js writes text with `encodeInto` only
/// when its UTF-16 length times 3 (the most UTF-8 bytes a unit takes) fits; longer text
/// reaches it as bytes, encoded in JS memory by pkg/read.js and sized before the copy.
const MAX_CAPACITY: usize = crate::json::MAX_INPUT_BYTES;

/// Makes the input buffer hold at least `capacity` bytes and returns its address in
/// wasm memory, or 0 when `capacity` is over what a document may need (JS then takes
/// the ordinary route, which reports `too_large`).
#[wasm_bindgen(js_name = _inputBuffer, skip_typescript)]
pub fn input_buffer(capacity: usize) -> usize {
    if capacity > MAX_CAPACITY {
        return 0;
    }
    match INPUT.try_lock() {
        Some(mut buffer) => {
            if buffer.len() < capacity {
                buffer.resize(capacity, 0);
            }
            // The address only: JS writes through a view of the memory, Rust never
            // dereferences it.
            buffer.as_mut_ptr() as usize
        }
        None => 0,
    }
}

/// Validates the first `len` bytes of the input buffer as a create document of
/// `Resource::ALL[resource]`, with the subscription model's frequencies when `offered`
/// holds them: `undefined` when valid, else the violations as
/// compact records (see [`records`]), which pkg/render.js writes out. An index or length
/// out of range traps (only the package calls this: `readers::package_bug`).
#[wasm_bindgen(js_name = _validateInput, skip_typescript)]
pub fn validate_input(
    resource: usize,
    len: usize,
    offered: Option<String>,
) -> Result<JsValue, JsValue> {
    // Only the package calls this: a bad call is its bug, not the caller's misuse.
    let resource = super::readers::resource(u32::try_from(resource).unwrap_or(u32::MAX));
    // The subscription model's frequencies, as JSON text of an array of strings
    // (pkg/args.js `stringListText` has checked its shape and sizes).
    let offered = offered.map(|text| {
        crate::json::string_list(text.as_bytes()).unwrap_or_else(|| super::readers::package_bug())
    });
    let context = Context {
        model_frequencies: offered.as_deref(),
        ..Default::default()
    };
    let violations = {
        let buffer = INPUT
            .try_lock()
            .unwrap_or_else(|| super::readers::package_bug());
        let text = buffer
            .get(..len)
            .unwrap_or_else(|| super::readers::package_bug());
        resource.validate_bytes_with(text, &context)
    };
    if violations.is_empty() {
        return Ok(JsValue::UNDEFINED);
    }
    Ok(JsValue::from_str(&records(&violations)))
}

/// The violations as JSON text of their compact records
/// ([`super::results::Record`]), which pkg/render.js writes out.
fn records(violations: &[crate::error::Violation]) -> String {
    crate::json::write::to_string(&super::results::jsonapi_records(violations))
}

/// The most bytes a document may have ([`crate::json::MAX_INPUT_BYTES`]): JS
/// declines larger inputs before copying them.
#[wasm_bindgen(js_name = _inputLimit, skip_typescript)]
pub fn input_limit() -> usize {
    crate::json::MAX_INPUT_BYTES
}

/// The module's memory, which the input buffer lives in.
#[wasm_bindgen(js_name = _memory, skip_typescript)]
pub fn memory() -> JsValue {
    wasm_bindgen::memory()
}

/// The resource names, in the order `_validateInput` numbers them.
#[wasm_bindgen(js_name = _resourceNames, skip_typescript)]
pub fn resource_names() -> js_sys::Array {
    Resource::ALL
        .iter()
        .map(|r| JsValue::from_str(r.name()))
        .collect()
}

/// `_trap()`: traps, as a bug in the module would (a panic aborts with `unreachable`).
/// Only the package's tests call it: a trap must cost that one call, after which the
/// entry makes a new instance (pkg/ready.js).
#[wasm_bindgen(js_name = _trap, skip_typescript)]
pub fn trap() {
    core::arch::wasm32::unreachable()
}

/// The longest frequency text the schedule engine reads, in bytes: pkg/args.js cuts
/// longer text just past it before the copy, and the engine answers `too_long`.
#[wasm_bindgen(js_name = _frequencyLimit, skip_typescript)]
pub fn frequency_limit() -> usize {
    crate::schedule::MAX_FREQUENCY_BYTES
}

/// Whether `text` is a date as every Adobe API of subkit reads one (`YYYY-MM-DD`, a
/// real day): pkg/args.js asks it of the update context's dates, so the rule stays in
/// `adobe::window::date` alone.
#[wasm_bindgen(js_name = _isDate, skip_typescript)]
pub fn is_date(text: &str) -> bool {
    crate::adobe::window::date(text).is_ok()
}
