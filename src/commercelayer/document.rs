//! The JSON:API create-document walker shared by every Commerce Layer resource.
//!
//! Entry point: [`validate_create_document`], which checks a whole
//! `{ "data": { "type", "attributes", "relationships" } }` document against a
//! [`ResourceSpec`] and reports every violation in document order. Members the
//! resource does not know are reported the way JSONAPI::Resources (the library
//! Commerce Layer's API is built on) rejects them; members the JSON:API specification
//! forbids are reported as `forbidden`.

use serde_json::{Map, Value};

use super::linkage::check_linkage;
use super::spec::{Context, ResourceSpec};
use super::values::check_value;
use crate::check::values::{expect_object, type_violation};
use crate::error::{JsonType, Kind, Violation};
use crate::pointer::Path;

/// Checks a create document against `spec`, returning every violation in document order.
pub fn validate_create_document(
    spec: &ResourceSpec,
    doc: &Value,
    context: &Context<'_>,
) -> Vec<Violation> {
    let mut out = Vec::new();
    let root = Path::Root;
    let Some(top) = expect_object(doc, &root, &mut out) else {
        return out;
    };
    for (name, value) in top {
        let at = root.key(name);
        match name.as_str() {
            "data" => check_data(spec, value, &at, context, &mut out),
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

fn check_data(
    spec: &ResourceSpec,
    value: &Value,
    at: &Path<'_>,
    context: &Context<'_>,
    out: &mut Vec<Violation>,
) {
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
            "attributes" => check_attributes(spec, value, &member, context, out),
            "relationships" => check_relationships(spec, data, value, &member, out),
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
        report_missing_attributes(spec, &Map::new(), &attrs, context, out);
    }
    if !data.contains_key("relationships") {
        let relationships = at.key("relationships");
        report_missing_relationships(spec, &Map::new(), &relationships, out);
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

fn check_attributes(
    spec: &ResourceSpec,
    value: &Value,
    at: &Path<'_>,
    context: &Context<'_>,
    out: &mut Vec<Violation>,
) {
    let Some(attrs) = expect_object(value, at, out) else {
        return;
    };
    for (name, value) in attrs {
        let member = at.key(name);
        if let Some(reason) = reserved_attribute_reason(name) {
            forbid(&member, reason, out);
            continue;
        }
        let Some(attr) = spec.attribute(name) else {
            not_allowed(&member, name, out);
            continue;
        };
        // `null` clears an optional attribute; for a required one it is blank, and so
        // is a whitespace-only string (Rails' presence validation).
        let blank = match value {
            Value::Null => true,
            Value::String(s) => s.trim().is_empty(),
            _ => false,
        };
        if blank && attr.required {
            out.push(Violation::new(member.to_pointer(), Kind::Required));
        } else if !value.is_null() {
            check_value(attr.value, value, &member, out);
        }
    }
    report_missing_attributes(spec, attrs, at, context, out);
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

/// Required attributes that are absent, then the resource's cross-attribute rules.
fn report_missing_attributes(
    spec: &ResourceSpec,
    attrs: &Map<String, Value>,
    at: &Path<'_>,
    context: &Context<'_>,
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
    if let Some(rule) = spec.rules {
        rule(attrs, at, context, out);
    }
}

fn check_relationships(
    spec: &ResourceSpec,
    data: &Map<String, Value>,
    value: &Value,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) {
    let Some(relationships) = expect_object(value, at, out) else {
        return;
    };
    let attributes = data.get("attributes").and_then(Value::as_object);
    for (name, value) in relationships {
        let member = at.key(name);
        if attributes.is_some_and(|a| a.contains_key(name)) {
            forbid(
                &member,
                "JSON:API fields share one namespace: a name cannot be both an attribute and a relationship",
                out,
            );
            continue;
        }
        match spec.relationship(name) {
            Some(rel) => check_linkage(rel, value, &member, out),
            None => not_allowed(&member, name, out),
        }
    }
    report_missing_relationships(spec, relationships, at, out);
}

fn report_missing_relationships(
    spec: &ResourceSpec,
    relationships: &Map<String, Value>,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) {
    for rel in spec.relationships.iter().filter(|r| r.required) {
        if !relationships.contains_key(rel.name) {
            out.push(Violation::new(
                at.key(rel.name).to_pointer(),
                Kind::Required,
            ));
        }
    }
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
