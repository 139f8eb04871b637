//! The arguments as pkg/args.js hands them over: a resource by its index, a document
//! as JSON text, UTF-8 bytes or the number of a fault found before the copy, and the
//! small enumerations of options. JS has read and checked the caller's values, so
//! nothing here reads a JS object or throws for misuse.

use crate::prelude::*;
use js_sys::Uint8Array;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::adobe;
use crate::commercelayer::Resource;
use crate::error::Violation;

/// `Resource::ALL[index]`. An index past the list is the package's bug, not the
/// caller's: it traps (see [`package_bug`]).
pub(super) fn resource(index: u32) -> Resource {
    usize::try_from(index)
        .ok()
        .and_then(|i| Resource::ALL.get(i))
        .copied()
        .unwrap_or_else(|| package_bug())
}

/// A call the package's own JS never makes (a resource index past the list, a function
/// name no family has, a length past the input buffer): it traps, as any bug in the
/// module does, so pkg/ready.js's guard reports it as the module's failure and renews
/// the instance. No words for it are carried: no caller can cause it.
pub(super) fn package_bug() -> ! {
    core::arch::wasm32::unreachable()
}

/// The document number pkg/args.js sends for text with a lone surrogate.
const LONE_SURROGATE: f64 = -1.0;

/// The bytes of a document: a string's UTF-8 (JS checked that it is valid UTF-16 and
/// within the limit), a `Uint8Array`'s bytes, or for a number the fault JS found
/// without copying: the size of an input over the limit (`too_large`) or
/// [`LONE_SURROGATE`].
pub(super) fn document(doc: &JsValue) -> Result<Vec<u8>, Violation> {
    if let Some(text) = doc.as_string() {
        return Ok(text.into_bytes());
    }
    if let Some(bytes) = doc.dyn_ref::<Uint8Array>() {
        // JS sends a number for bytes over the limit: this copy is bounded.
        return Ok(bytes.to_vec());
    }
    match doc.as_f64() {
        Some(n) if n == LONE_SURROGATE => Err(crate::json::lone_surrogate()),
        // A size past usize is still over the limit; the cast saturates.
        #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
        Some(n) => crate::json::check_size(n as usize).map(|()| Vec::new()),
        None => Ok(Vec::new()),
    }
}

/// A list option sent as JSON text of an array of strings (JS checked it).
pub(super) fn list(text: Option<&str>) -> Option<Vec<String>> {
    text.and_then(|t| crate::json::string_list(t.as_bytes()))
}

/// `licenseType` as JS numbers it: 1 team, 2 enterprise, anything else absent.
pub(super) fn license_type(license: u8) -> Option<adobe::LicenseType> {
    match license {
        1 => Some(adobe::LicenseType::Team),
        2 => Some(adobe::LicenseType::Enterprise),
        _ => None,
    }
}

pub(super) fn adobe_environment(sandbox: bool) -> adobe::Environment {
    if sandbox {
        adobe::Environment::Sandbox
    } else {
        adobe::Environment::Production
    }
}
