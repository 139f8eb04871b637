//! The rules as data: [`manifest`] writes the crate's tables (rule codes, the JSON types
//! and formats their params name, the frequency and next-runs codes, the crontab fields
//! and the limits, every rule's English template, the sentences rules give as reasons
//! and every message of the schedule engine, Commerce Layer's error codes and
//! words, Adobe's error codes and messages, and each resource's members with their
//! types, formats, enums, ranges, defaults, create and update access, triggers and
//! statuses) as one JSON value.
//!
//! Everything that restates a rule outside Rust is generated from it or checked against
//! it: the committed copy `docs/manifest.json` (written by `cargo run --example
//! manifest`, and checked as fresh by tests/docs_lists.rs); pkg/tables.js, the words the
//! JS package writes its errors with (written from it by scripts/generate.mjs, checked
//! as fresh by tests/js/manifest.test.mjs); the TypeScript input types
//! (tests/js/manifest.test.mjs) and the tables of docs/commercelayer.md. A Rust service
//! may publish it as it is.
//!
//! ```
//! let manifest = subkit::manifest::manifest();
//! let orders = &manifest["commercelayer"]["resources"]["order_subscriptions"];
//! let frequency = &orders["attributes"][0];
//! assert_eq!(frequency["name"], "frequency");
//! assert_eq!(frequency["value"]["type"], "frequency");
//! assert_eq!(frequency["required"], true);
//! ```

use crate::prelude::*;
use serde_json::{json, Map, Value};

use crate::adobe;
use crate::commercelayer::jsonapi_errors::{ErrorCode, TEXTS};
use crate::commercelayer::spec::{Access, AttributeSpec, RelationshipSpec, ValueSpec};
use crate::commercelayer::Resource;
use crate::error::{Code, Format, JsonType};
use crate::schedule::cron::Field;
use crate::schedule::{FrequencyError, RunsError, INSTANT_OPTIONS, MAX_COUNT, MAX_FREQUENCY_BYTES};

/// The version of the manifest's shape: a consumer reading another refuses it.
pub const MANIFEST_VERSION: u32 = 1;

/// The manifest: `{ version, rules, jsonTypes, formats, limits, frequency: { codes,
/// runsCodes, fields, maxCount, maxBytes, english }, params (each code's params), values (what
/// the `unit`, `option` and `const` params can be), english, reasons: { params, english },
/// commercelayer: { errorCodes, texts, resources }, adobe: { codes }, jsonSchema: { coverage }
/// }`. `english` (the rules'), `reasons.english` (the sentences of `words::REASONS`),
/// `frequency.english` (the schedule engine's messages), `errorCodes`, `texts` and `codes` are
/// lists whose order is the one the JS package's compact records index into;
/// `reasons.params` names, by rule, the param whose sentence a record carries as its index
/// ([`Code::reason_param`]).
pub fn manifest() -> Value {
    let resources: Map<String, Value> = Resource::ALL
        .iter()
        .map(|r| {
            let spec = r.spec();
            let value = json!({
                "type": spec.type_name,
                "statuses": spec.statuses,
                "attributes": spec.attributes.iter().map(attribute).collect::<Vec<_>>(),
                "relationships": spec.relationships.iter().map(relationship).collect::<Vec<_>>(),
            });
            (r.name().to_owned(), value)
        })
        .collect();
    json!({
        "version": MANIFEST_VERSION,
        "rules": Code::ALL.iter().map(|c| c.as_str()).collect::<Vec<_>>(),
        "jsonTypes": JsonType::ALL.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
        "formats": Format::ALL.iter().map(|f| f.as_str()).collect::<Vec<_>>(),
        "limits": {
            "inputBytes": crate::json::MAX_INPUT_BYTES,
            "values": crate::json::MAX_VALUES,
            "depth": crate::json::reader::MAX_DEPTH,
        },
        "frequency": {
            "codes": FrequencyError::CODES,
            "runsCodes": RunsError::CODES,
            "fields": Field::ALL.iter().map(|f| {
                let (min, max) = f.bounds();
                json!({ "name": f.as_str(), "min": min, "max": max })
            }).collect::<Vec<_>>(),
            "maxCount": MAX_COUNT,
            "maxBytes": MAX_FREQUENCY_BYTES,
            "english": crate::words::SCHEDULE.iter()
                .map(|(key, template)| json!({ "key": key, "template": template }))
                .collect::<Vec<_>>(),
        },
        "params": params(),
        "values": {
            "unit": crate::json::UNITS,
            "option": INSTANT_OPTIONS,
            "const": adobe::CONST_VALUES,
        },
        "english": crate::words::ENGLISH.iter()
            .map(|(key, template)| json!({ "key": key, "template": template }))
            .collect::<Vec<_>>(),
        "reasons": {
            "params": Code::ALL.iter()
                .filter_map(|c| Some((c.as_str().to_owned(), json!(c.reason_param()?))))
                .collect::<Map<String, Value>>(),
            "english": crate::words::REASONS.iter()
                .map(|(key, template)| json!({ "key": key, "template": template }))
                .collect::<Vec<_>>(),
        },
        "commercelayer": {
            "errorCodes": ErrorCode::ALL.iter()
                .map(|c| json!({ "code": c.as_str(), "status": c.status() }))
                .collect::<Vec<_>>(),
            "texts": TEXTS.iter()
                .map(|(key, t)| json!({ "key": key, "title": t.title, "detail": t.detail, "error": t.error }))
                .collect::<Vec<_>>(),
            "resources": resources,
        },
        "adobe": {
            "codes": adobe::errors::CODES.iter()
                .map(|(code, message, status)| json!({ "code": code, "message": message, "status": status }))
                .collect::<Vec<_>>(),
        },
        "jsonSchema": {
            "coverage": crate::json_schema::COVERAGE.iter()
                .map(|(rule, carried, how)| json!({ "rule": rule, "carried": carried.as_str(), "how": how }))
                .collect::<Vec<_>>(),
        },
    })
}

/// The params of every rule, frequency and next-runs code: what a message may name.
fn params() -> Map<String, Value> {
    let rules = Code::ALL.iter().map(|c| (c.as_str(), c.params()));
    let frequency = FrequencyError::CODES
        .iter()
        .copied()
        .zip(FrequencyError::PARAMS.iter().copied());
    let runs = RunsError::CODES
        .iter()
        .copied()
        .zip(RunsError::PARAMS.iter().copied());
    rules
        .chain(frequency)
        .chain(runs)
        .map(|(code, params)| (code.to_owned(), json!(params)))
        .collect()
}

/// `create`, `update`, `both` or `trigger`, and for a trigger the statuses it is
/// refused in.
fn access(a: Access, out: &mut Map<String, Value>) {
    let name = match a {
        Access::Both => "both",
        Access::Create => "create",
        Access::Update => "update",
        Access::Trigger(refused) => {
            out.insert("refusedIn".to_owned(), json!(refused));
            "trigger"
        }
    };
    out.insert("access".to_owned(), json!(name));
}

fn attribute(a: &AttributeSpec) -> Value {
    let value = match a.value {
        ValueSpec::String => json!({ "type": "string" }),
        ValueSpec::FormattedString(format) => {
            json!({ "type": "string", "format": format.as_str() })
        }
        ValueSpec::OneOf(allowed) => json!({ "type": "string", "enum": allowed }),
        ValueSpec::Boolean => json!({ "type": "boolean" }),
        ValueSpec::Integer { min, max } => json!({ "type": "integer", "min": min, "max": max }),
        ValueSpec::Frequency => json!({ "type": "frequency" }),
        ValueSpec::Frequencies => json!({ "type": "frequencies" }),
        ValueSpec::Object => json!({ "type": "object" }),
    };
    let mut out = Map::new();
    out.insert("name".to_owned(), json!(a.name));
    out.insert("value".to_owned(), value);
    out.insert("required".to_owned(), json!(a.required));
    // Defaults are JSON text in the spec; the manifest holds their values.
    let default = a
        .default
        .and_then(|text| serde_json::from_str::<Value>(text).ok());
    out.insert("default".to_owned(), default.unwrap_or(Value::Null));
    access(a.access, &mut out);
    Value::Object(out)
}

fn relationship(r: &RelationshipSpec) -> Value {
    let mut types = vec![r.type_name];
    types.extend_from_slice(r.other_types);
    let mut out = Map::new();
    out.insert("name".to_owned(), json!(r.name));
    out.insert("types".to_owned(), json!(types));
    out.insert("required".to_owned(), json!(r.required));
    out.insert("many".to_owned(), json!(r.many));
    access(r.access, &mut out);
    Value::Object(out)
}
