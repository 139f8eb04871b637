//! Documents from flat input: the JSON:API text of the create or update document for
//! the flat input `@commercelayer/sdk`'s `create()` and `update()` take.
//!
//! Entry point: [`document_text`]. The input is read once with
//! [`crate::json::reader::Reader`] and each member's value is written as it is read, as
//! an attribute, as a relationship's linkage, or (for an update) as `data.id`; no tree
//! is built. The text is what `serde_json::to_string` writes for the document built
//! from the input `crate::json::parse_bytes` reads, so a repeated member name keeps its
//! last value at its first place, at every depth.

use std::borrow::Cow;
use std::ops::Range;

use super::linkage::write_flat_linkage;
use super::names::NameTable;
use super::spec::{Operation, ResourceSpec};
use super::write::{self, Object};
use crate::error::{JsonType, Kind, Violation};
use crate::json::reader::{Fault, Reader, Token};

/// Where a member of the flat input goes in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    /// An update's `id`: `data.id`.
    Id,
    /// A relationship the request takes: its linkage under `data.relationships`.
    Relationship,
    /// Anything else, under `data.attributes`, for validation to report if it must.
    Attribute,
}

/// One member of the flat input, with its value as written in the document.
#[derive(Debug)]
struct Field<'a> {
    name: Cow<'a, str>,
    role: Role,
    /// Where its written value is in the text of all the values.
    value: Range<usize>,
    /// False for a repeated name's later occurrences, whose value has moved to the first.
    kept: bool,
}

/// What the flat input turned out to be.
enum Input<'a> {
    /// An object: its members, in document order, with their written values.
    Fields(Vec<Field<'a>>, String),
    /// Any other value, of this type.
    Other(JsonType),
}

/// The document of the flat input `input` (UTF-8 JSON text) for `op`, as compact JSON
/// text. Relationships the request takes become linkage, anything else an attribute,
/// for validation to report; an update's `id` (or the path's, when the input has none)
/// becomes `data.id`; with `with_defaults`, the spec's defaults fill the attributes the
/// input leaves out. Text that is not JSON, or over the reader's limits, is its one
/// violation; input that is not an object is one `type` violation at `""`.
pub(crate) fn document_text(
    spec: &ResourceSpec,
    input: &[u8],
    op: Operation<'_>,
    with_defaults: bool,
) -> Result<String, Violation> {
    crate::json::check_limits(input)?;
    let mut r = Reader::new(input);
    let read = read_input(spec, &mut r, op).and_then(|read| r.finish().map(|()| read));
    let (mut fields, values) = match read {
        Ok(Input::Fields(fields, values)) => (fields, values),
        Ok(Input::Other(found)) => {
            return Err(Violation::new(
                "",
                Kind::Type {
                    expected: JsonType::Object,
                    found,
                },
            ))
        }
        Err(fault) => return Err(fault.into_violation(input)),
    };
    keep_last_values(&mut fields);
    Ok(write_document(spec, op, with_defaults, &fields, &values))
}

/// Reads the flat input, writing each member's value into one text as it goes.
fn read_input<'a>(
    spec: &ResourceSpec,
    r: &mut Reader<'a>,
    op: Operation<'_>,
) -> Result<Input<'a>, Fault> {
    let token = r.value()?;
    if token != Token::Object {
        let found = token.json_type();
        // The whole text is read all the same: a fault after the value is the answer.
        r.skip(token)?;
        return Ok(Input::Other(found));
    }
    let (mut fields, mut values) = (Vec::new(), String::new());
    while let Some(name) = r.member()? {
        let token = r.value()?;
        let start = values.len();
        let role = if name == "id" && op != Operation::Create {
            write::copy(r, token, &mut values)?;
            Role::Id
        } else if let Some(rel) = spec.relationship(&name, op) {
            write_flat_linkage(rel, token, r, &mut values)?;
            Role::Relationship
        } else {
            write::copy(r, token, &mut values)?;
            Role::Attribute
        };
        fields.push(Field {
            name,
            role,
            value: start..values.len(),
            kept: true,
        });
    }
    Ok(Input::Fields(fields, values))
}

/// A repeated name keeps its last value at its first place: each later occurrence's
/// value moves to the first one, and the later one is dropped.
fn keep_last_values(fields: &mut [Field<'_>]) {
    if fields.len() < 2 {
        return;
    }
    let names: Vec<&str> = fields.iter().map(|f| f.name.as_ref()).collect();
    let firsts = NameTable::first_occurrences(&names);
    // In document order, so the last occurrence's value is the one left in place.
    for (i, &first) in firsts.iter().enumerate() {
        if first == i {
            continue;
        }
        let Some(later) = fields.get_mut(i) else {
            continue;
        };
        later.kept = false;
        let value = later.value.clone();
        if let Some(first) = fields.get_mut(first) {
            first.value = value;
        }
    }
}

/// `{"data":{"type",["id",]["attributes",]["relationships"]}}`. An update may change
/// relationships only: an empty attributes object is left out there.
fn write_document(
    spec: &ResourceSpec,
    op: Operation<'_>,
    with_defaults: bool,
    fields: &[Field<'_>],
    values: &str,
) -> String {
    let value_of = |f: &Field<'_>| values.get(f.value.clone()).unwrap_or_default();
    let with_role = |role: Role| fields.iter().filter(move |f| f.kept && f.role == role);
    // The defaults of the attributes the input leaves out, in the spec's order. A
    // spec's defaults are JSON text as serde_json writes it (a test checks each).
    let defaults: Vec<(&str, &str)> = spec
        .attributes
        .iter()
        .filter(|_| with_defaults)
        .filter_map(|a| Some((a.name, a.default?)))
        .filter(|(name, _)| !with_role(Role::Attribute).any(|f| f.name == *name))
        .collect();
    let mut out = String::with_capacity(values.len().saturating_add(64));
    let mut doc = Object::new(&mut out);
    let mut data = Object::new(doc.key("data"));
    write::string(data.key("type"), spec.type_name);
    if let Operation::Update { id } = op {
        let slot = data.key("id");
        match with_role(Role::Id).next() {
            Some(f) => slot.push_str(value_of(f)),
            None => write::string(slot, id),
        }
    }
    let has_attributes = with_role(Role::Attribute).next().is_some() || !defaults.is_empty();
    if op == Operation::Create || has_attributes {
        let mut attributes = Object::new(data.key("attributes"));
        for f in with_role(Role::Attribute) {
            attributes.key(&f.name).push_str(value_of(f));
        }
        for (name, default) in defaults {
            attributes.key(name).push_str(default);
        }
        attributes.end();
    }
    if with_role(Role::Relationship).next().is_some() {
        let mut relationships = Object::new(data.key("relationships"));
        for f in with_role(Role::Relationship) {
            relationships.key(&f.name).push_str(value_of(f));
        }
        relationships.end();
    }
    data.end();
    doc.end();
    out
}
