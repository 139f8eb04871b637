//! The JSON:API create-document walker shared by every Commerce Layer resource.
//!
//! Entry point: [`validate_create_document`], which checks a whole
//! `{ "data": { "type", "attributes", ... } }` document against a [`ResourceSpec`]
//! and reports every violation in document order. Members the resource does not
//! know are reported the way JSONAPI::Resources (the library Commerce Layer's API is
//! built on) rejects them; members the JSON:API specification forbids are reported as
//! `forbidden`.

use serde_json::{Map, Value};

use crate::error::{Format, JsonType, Kind, Violation};
use crate::pointer::Path;

use super::email::is_plausible_email;

/// What one resource's create endpoint accepts.
#[derive(Debug)]
pub struct ResourceSpec {
    /// The JSON:API `type`, which is also the endpoint's path segment.
    pub type_name: &'static str,
    /// The attributes the endpoint accepts, in the order the API reference lists them.
    pub attributes: &'static [AttributeSpec],
}

/// One accepted attribute.
#[derive(Debug)]
pub struct AttributeSpec {
    /// The attribute's name.
    pub name: &'static str,
    /// Its JSON type.
    pub value: ValueSpec,
    /// Whether the create request must carry a non-blank value.
    pub required: bool,
}

/// The JSON type of an attribute, with the format a string must have.
#[derive(Debug, Clone, Copy)]
pub enum ValueSpec {
    /// Any string.
    String,
    /// A string in a format.
    FormattedString(Format),
    /// Any object (free-form, such as `metadata`).
    Object,
}

impl ValueSpec {
    fn json_type(self) -> JsonType {
        match self {
            ValueSpec::String | ValueSpec::FormattedString(_) => JsonType::String,
            ValueSpec::Object => JsonType::Object,
        }
    }
}

/// Checks a create document against `spec`, returning every violation in document order.
pub fn validate_create_document(spec: &ResourceSpec, doc: &Value) -> Vec<Violation> {
    let mut out = Vec::new();
    let root = Path::Root;
    let Some(top) = expect_object(doc, &root, &mut out) else {
        return out;
    };
    for (name, value) in top {
        let at = root.key(name);
        match name.as_str() {
            "data" => check_data(spec, value, &at, &mut out),
            "meta" | "jsonapi" => {
                expect_object(value, &at, &mut out);
            }
            "links" => {}
            "errors" => forbid(&at, "a request document must not contain errors", &mut out),
            "included" => forbid(
                &at,
                "a create request carries only the primary resource",
                &mut out,
            ),
            _ => forbid(
                &at,
                "a JSON:API document allows only data, meta, jsonapi and links at the top level",
                &mut out,
            ),
        }
    }
    if !top.contains_key("data") {
        out.push(Violation::new(
            root.key("data").to_pointer(),
            Kind::Required,
        ));
    }
    out
}

fn check_data(spec: &ResourceSpec, value: &Value, at: &Path<'_>, out: &mut Vec<Violation>) {
    // Rails' `params.require(:data)` treats `null` as missing.
    if value.is_null() {
        out.push(Violation::new(at.to_pointer(), Kind::Required));
        return;
    }
    let Some(data) = expect_object(value, at, out) else {
        return;
    };
    for (name, value) in data {
        let member = at.key(name);
        match name.as_str() {
            "type" => check_type(spec, value, &member, out),
            "attributes" => check_attributes(spec, value, &member, out),
            "relationships" => check_relationships(value, &member, out),
            // JSONAPI::Resources accepts only type, attributes, relationships and a
            // creatable id in `data`; Commerce Layer generates ids, so `id`, `lid`,
            // `meta` and `links` are refused as parameters like any other member.
            _ => not_allowed(&member, name, out),
        }
    }
    if !data.contains_key("type") {
        out.push(Violation::new(at.key("type").to_pointer(), Kind::Required));
    }
    if !data.contains_key("attributes") {
        let attrs = at.key("attributes");
        report_missing_required(spec, &Map::new(), &attrs, out);
    }
}

/// No resource in [`ResourceSpec`] takes relationships on create yet, so each one
/// named is refused.
fn check_relationships(value: &Value, at: &Path<'_>, out: &mut Vec<Violation>) {
    let Some(relationships) = expect_object(value, at, out) else {
        return;
    };
    for name in relationships.keys() {
        not_allowed(&at.key(name), name, out);
    }
}

fn check_type(spec: &ResourceSpec, value: &Value, at: &Path<'_>, out: &mut Vec<Violation>) {
    match value {
        Value::String(s) if s == spec.type_name => {}
        Value::String(s) => out.push(Violation::new(
            at.to_pointer(),
            Kind::ResourceType {
                expected: spec.type_name,
                found: s.clone(),
            },
        )),
        Value::Null => out.push(Violation::new(at.to_pointer(), Kind::Required)),
        other => out.push(type_violation(at, JsonType::String, other)),
    }
}

fn check_attributes(spec: &ResourceSpec, value: &Value, at: &Path<'_>, out: &mut Vec<Violation>) {
    let Some(attrs) = expect_object(value, at, out) else {
        return;
    };
    for (name, value) in attrs {
        let member = at.key(name);
        if let Some(reason) = reserved_attribute_reason(name) {
            forbid(&member, reason, out);
            continue;
        }
        match spec.attributes.iter().find(|a| a.name == name) {
            Some(attr) => check_attribute(attr, value, &member, out),
            None => not_allowed(&member, name, out),
        }
    }
    report_missing_required(spec, attrs, at, out);
}

/// JSON:API §5.2.2/§5.2.3: `id` and `type` name the resource itself, and an attributes
/// object must not hold `relationships` or `links`.
fn reserved_attribute_reason(name: &str) -> Option<&'static str> {
    match name {
        "id" | "type" => Some("JSON:API reserves id and type; they cannot be attributes"),
        "relationships" | "links" => {
            Some("JSON:API forbids relationships and links inside attributes")
        }
        _ => None,
    }
}

fn check_attribute(attr: &AttributeSpec, value: &Value, at: &Path<'_>, out: &mut Vec<Violation>) {
    if value.is_null() {
        // `null` clears an optional attribute; a required one is then blank.
        if attr.required {
            out.push(Violation::new(at.to_pointer(), Kind::Required));
        }
        return;
    }
    let expected = attr.value.json_type();
    if JsonType::of(value) != expected {
        out.push(type_violation(at, expected, value));
        return;
    }
    if let Value::String(s) = value {
        // Rails' presence validation treats a whitespace-only string as blank.
        if attr.required && s.trim().is_empty() {
            out.push(Violation::new(at.to_pointer(), Kind::Required));
            return;
        }
        if let ValueSpec::FormattedString(format) = attr.value {
            if !matches_format(format, s) {
                out.push(Violation::new(at.to_pointer(), Kind::Format { format }));
            }
        }
    }
}

fn matches_format(format: Format, s: &str) -> bool {
    match format {
        Format::Email => is_plausible_email(s),
    }
}

fn report_missing_required(
    spec: &ResourceSpec,
    attrs: &Map<String, Value>,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) {
    for attr in spec.attributes.iter().filter(|a| a.required) {
        if !attrs.contains_key(attr.name) {
            out.push(Violation::new(
                at.key(attr.name).to_pointer(),
                Kind::Required,
            ));
        }
    }
}

fn expect_object<'v>(
    value: &'v Value,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) -> Option<&'v Map<String, Value>> {
    match value {
        Value::Object(map) => Some(map),
        other => {
            out.push(type_violation(at, JsonType::Object, other));
            None
        }
    }
}

fn type_violation(at: &Path<'_>, expected: JsonType, found: &Value) -> Violation {
    Violation::new(
        at.to_pointer(),
        Kind::Type {
            expected,
            found: JsonType::of(found),
        },
    )
}

fn not_allowed(at: &Path<'_>, name: &str, out: &mut Vec<Violation>) {
    out.push(Violation::new(
        at.to_pointer(),
        Kind::NotAllowed {
            member: name.to_owned(),
        },
    ));
}

fn forbid(at: &Path<'_>, reason: &'static str, out: &mut Vec<Violation>) {
    out.push(Violation::new(
        at.to_pointer(),
        Kind::Forbidden {
            member: at.last_key().unwrap_or_default().to_owned(),
            reason,
        },
    ));
}
