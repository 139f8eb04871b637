//! The JavaScript API: converts arguments, calls the core, serialises the answer.
//!
//! Entry points (JS names): `validateResource(resource, document, options)`,
//! `buildResource(resource, input, options)`, `buildRequest(resource, input, options)`,
//! `resourceDefaults(resource)`, `validateUpdate(resource, id, document, options)`,
//! `buildUpdate(resource, id, input, options)`,
//! `buildUpdateRequest(resource, id, input, options)`,
//! `documentRequest(resource, document, options)`,
//! `documentUpdateRequest(resource, id, document, options)`, `parseFrequency(text, options)`,
//! `describeFrequency(text, options)`, `nextRuns(frequency, options)`,
//! `validateAdobeSubscription(request, context)`, `buildAdobeSubscription(input, options)`,
//! `validateAdobeSubscriptionUpdate(request, context)`,
//! `buildAdobeSubscriptionUpdate(input, options)`, `adobeBodyRequest(body, request,
//! options)`, `adobeBodyUpdateRequest(body, request, options)` and
//! `adobeCreationWindow(anniversaryDate)`. No rule lives here. Results are plain
//! objects (`{ valid, status, errors }`); only misuse throws (`TypeError` for an argument
//! of the wrong kind, an unknown option name or an unknown resource name), and it is
//! thrown by pkg/args.js, which reads every argument and option before the call: the
//! exports here take numbers, booleans, strings and documents as text or bytes.
//! TypeScript types are hand-kept in `pkg/index.d.ts`, so every export here skips the
//! generated ones.
//!
//! The binding is three files by role: `exports.rs` holds the `#[wasm_bindgen]`
//! functions, `readers.rs` turns what JS hands over into the core's types (a resource
//! index, a document's bytes or its fault), and `results.rs` holds the serialised
//! results and hands them to JS. `buffer.rs` is
//! the fast route of `validateResource` (pkg/fast.js): the package's own exports,
//! named with a leading `_`, which are not public API.

mod buffer;
mod exports;
mod readers;
mod results;

pub use exports::{adobe_family, commerce_layer, frequency_family};
