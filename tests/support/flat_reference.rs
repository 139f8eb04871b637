//! The builders' rules restated over `serde_json::Value`: the document of a flat input
//! built as a tree, then validated as its `serde_json::to_string` text. The text
//! builders (`Resource::build_text`, `build_update_text`), which write the document as
//! they read the input, are held to it by tests/fixtures.rs and tests/properties.rs.

use serde_json::{Map, Value};
use subkit::commercelayer::{BuildOptions, Operation};
use subkit::error::{JsonType, Kind};
use subkit::{Resource, Violation};

/// What building `input` (UTF-8 JSON text) for `op` answers: the document's text, or
/// every violation. `with_defaults` and `context` as `BuildOptions` gives them.
pub fn reference_build(
    resource: Resource,
    input: &[u8],
    op: Operation<'_>,
    options: &BuildOptions<'_>,
) -> Result<String, Vec<Violation>> {
    let doc = reference_document(resource, input, op, options.with_defaults)?;
    let text = serde_json::to_string(&doc).unwrap();
    let violations = match op {
        Operation::Create => resource.validate_bytes_with(text.as_bytes(), &options.context),
        Operation::Update { id } => {
            resource.validate_update_bytes(text.as_bytes(), id, &options.context)
        }
    };
    if violations.is_empty() {
        Ok(text)
    } else {
        Err(violations)
    }
}

/// The document of `input`, or the one violation of input that is not a JSON object.
pub fn reference_document(
    resource: Resource,
    input: &[u8],
    op: Operation<'_>,
    with_defaults: bool,
) -> Result<Value, Vec<Violation>> {
    let input = subkit::json::parse_bytes(input).map_err(|v| vec![v])?;
    let Value::Object(fields) = &input else {
        return Err(vec![Violation::new(
            "",
            Kind::Type {
                expected: JsonType::Object,
                found: JsonType::of(&input),
            },
        )]);
    };
    Ok(document(resource, fields, op, with_defaults))
}

/// Relationships the request takes become linkage, anything else an attribute; an
/// update's `id` (or the path's) becomes `data.id`; defaults fill what is left out.
fn document(
    resource: Resource,
    fields: &Map<String, Value>,
    op: Operation<'_>,
    with_defaults: bool,
) -> Value {
    let spec = resource.spec();
    let mut attributes = Map::new();
    let mut relationships = Map::new();
    let mut data = Map::new();
    data.insert("type".to_owned(), Value::from(resource.name()));
    if let Operation::Update { id } = op {
        let id = fields.get("id").cloned().unwrap_or_else(|| Value::from(id));
        data.insert("id".to_owned(), id);
    }
    for (name, value) in fields {
        if name == "id" && op != Operation::Create {
            continue;
        }
        match spec.relationship(name, op) {
            Some(rel) => {
                let identifier = |v: &Value| match v {
                    Value::String(id) if rel.other_types.is_empty() => {
                        serde_json::json!({"type": rel.type_name, "id": id})
                    }
                    other => other.clone(),
                };
                let data = match (value, rel.many) {
                    (Value::Array(items), true) => {
                        Value::Array(items.iter().map(identifier).collect())
                    }
                    (other, _) => identifier(other),
                };
                relationships.insert(name.clone(), serde_json::json!({ "data": data }));
            }
            None => {
                attributes.insert(name.clone(), value.clone());
            }
        }
    }
    if with_defaults {
        for (name, value) in resource.defaults() {
            attributes.entry(name).or_insert(value);
        }
    }
    if op == Operation::Create || !attributes.is_empty() {
        data.insert("attributes".to_owned(), Value::Object(attributes));
    }
    if !relationships.is_empty() {
        data.insert("relationships".to_owned(), Value::Object(relationships));
    }
    serde_json::json!({ "data": data })
}

/// What the text builder answers for `input`, for `op`.
pub fn text_build(
    resource: Resource,
    input: &[u8],
    op: Operation<'_>,
    options: &BuildOptions<'_>,
) -> Result<String, Vec<Violation>> {
    match op {
        Operation::Create => resource.build_text(input, options),
        Operation::Update { id } => resource.build_update_text(input, id, &options.context),
    }
}
