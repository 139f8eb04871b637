//! Relationship linkage: `{ "data": { "type", "id" } }`, or an array of identifiers
//! for a to-many relationship.
//!
//! Entry point: [`check_linkage`]. Shape faults are `linkage` violations (the server's
//! 400 `INVALID_LINKS_OBJECT`), a wrong `type` is `resource_type` (400
//! `TYPE_MISMATCH`), and a missing relationship or a blank id is `required` (422).
//! Every violation points at the exact member at fault.

use serde_json::{Map, Value};

use super::spec::RelationshipSpec;
use crate::error::{Kind, Violation};
use crate::pointer::Path;

/// Checks one relationship's value against `rel`.
pub fn check_linkage(
    rel: &RelationshipSpec,
    value: &Value,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) {
    let Value::Object(object) = value else {
        out.push(linkage(
            at,
            "a relationship is an object with a data member",
        ));
        return;
    };
    let data_at = at.key("data");
    match (object.get("data"), rel.many) {
        (None, _) => out.push(linkage(&data_at, "a relationship needs a data member")),
        (Some(Value::Null), false) => {
            // `null` empties an optional to-one relationship.
            if rel.required {
                out.push(Violation::new(at.to_pointer(), Kind::Required));
            }
        }
        (Some(Value::Array(items)), true) => {
            for (i, item) in items.iter().enumerate() {
                check_identifier(rel, item, &data_at.index(i), out);
            }
        }
        (Some(_), true) => out.push(linkage(
            &data_at,
            "a to-many relationship's data is an array of { type, id } objects",
        )),
        (Some(data), false) => check_identifier(rel, data, &data_at, out),
    }
}

/// A resource identifier: exactly `type` (the relationship's type) and a non-blank `id`.
fn check_identifier(
    rel: &RelationshipSpec,
    value: &Value,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) {
    let Value::Object(identifier) = value else {
        out.push(linkage(
            at,
            "a resource identifier is an object { type, id }",
        ));
        return;
    };
    for (name, member) in identifier {
        let member_at = at.key(name);
        match (name.as_str(), member) {
            ("type", Value::String(t)) if t != rel.type_name => out.push(Violation::new(
                member_at.to_pointer(),
                Kind::ResourceType {
                    expected: rel.type_name,
                    found: t.clone(),
                },
            )),
            ("id", Value::String(id)) if id.trim().is_empty() => {
                out.push(Violation::new(member_at.to_pointer(), Kind::Required));
            }
            ("type" | "id", Value::String(_)) => {}
            ("type" | "id", _) => out.push(linkage(&member_at, "type and id are strings")),
            _ => out.push(linkage(
                &member_at,
                "a resource identifier holds only type and id",
            )),
        }
    }
    for key in ["type", "id"] {
        if !identifier.contains_key(key) {
            out.push(linkage(
                &at.key(key),
                "a resource identifier needs type and id",
            ));
        }
    }
}

fn linkage(at: &Path<'_>, reason: &'static str) -> Violation {
    Violation::new(at.to_pointer(), Kind::Linkage { reason })
}

/// Builds linkage from the SDK's flat forms: an identifier object is kept as given
/// (so a wrong `type` is still reported), a bare id gets the relationship's type, and
/// a to-many list takes either form per entry. Anything else is kept as `data`, for
/// validation to report.
pub fn linkage_from_flat(rel: &RelationshipSpec, value: &Value) -> Value {
    let identifier = |v: &Value| match v {
        Value::String(id) => {
            let mut m = Map::new();
            m.insert("type".to_owned(), Value::from(rel.type_name));
            m.insert("id".to_owned(), Value::from(id.as_str()));
            Value::Object(m)
        }
        other => other.clone(),
    };
    let data = match (value, rel.many) {
        (Value::Array(items), true) => Value::Array(items.iter().map(identifier).collect()),
        (other, _) => identifier(other),
    };
    let mut m = Map::new();
    m.insert("data".to_owned(), data);
    Value::Object(m)
}
