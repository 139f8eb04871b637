//! The rules as JSON Schema (draft 2020-12) and OpenAPI 3.1, written from the same
//! tables the validators read: each Commerce Layer resource's spec, the formats, and
//! Adobe's field table (`adobe::fields`) and limits (`adobe::body`).
//!
//! - [`document`]: the JSON:API document of a create or an update, the body sent to
//!   Commerce Layer; [`input`]: the flat input the builders (and the JS form schemas)
//!   take.
//! - [`adobe_body`]: the body of Adobe's create or update; [`adobe_input`]: the flat
//!   input of the Adobe builders.
//! - [`openapi`]: one OpenAPI 3.1 document with every request body.
//! - [`COVERAGE`]: for every rule, whether a JSON Schema carries it fully, partly or
//!   not at all. A rule not fully carried is named where it applies, with an
//!   `x-subkit-rule` annotation (its key in [`COVERAGE`]) and a description.
//!
//! A schema is looser than subkit, never stricter: a value it refuses, subkit refuses;
//! a value it takes, subkit may still refuse for a rule [`COVERAGE`] says it does not
//! fully carry. The JS package converts these to draft-07 and OpenAPI 3.0
//! (`jsonSchema(…, { target })`). `cargo run --example schemas` writes the files the
//! package ships (pkg/schemas/, pkg/openapi.json), which tests/docs_lists.rs checks as
//! fresh.
//!
//! ```
//! use subkit::json_schema::{document, Op};
//! use subkit::Resource;
//! let schema = document(Resource::OrderSubscriptions, Op::Create);
//! let data = &schema["properties"]["data"];
//! assert_eq!(data["properties"]["type"]["const"], "order_subscriptions");
//! assert_eq!(data["properties"]["attributes"]["required"][0], "frequency");
//! ```

use crate::prelude::*;
use serde_json::{json, Map, Value};

use crate::adobe::body::{
    CREATE_DEPENDENT, MAX_ID_LENGTH, MAX_RENEWAL_QUANTITY_ENTERPRISE, RENEWAL_CODES,
};
use crate::adobe::fields::{Field, Table, CREATE_BODY, REQUEST, UPDATE_BODY, UPDATE_REQUEST};
use crate::commercelayer::spec::{Access, AttributeSpec, Operation, RelationshipSpec, ValueSpec};
use crate::commercelayer::Resource;
use crate::error::{Code, Format};
use crate::schedule::preset::PRESETS;

/// The JSON Schema dialect of every schema here.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// Which request a schema is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Op {
    /// The create (`POST`).
    Create,
    /// The update (`PATCH`).
    Update,
}

impl Op {
    /// Both, create first.
    pub const ALL: [Op; 2] = [Op::Create, Op::Update];

    /// `create` or `update`.
    pub fn as_str(self) -> &'static str {
        match self {
            Op::Create => "create",
            Op::Update => "update",
        }
    }

    /// Whether a request of this kind takes a member of `access`, as the validator
    /// decides it (the update's id plays no part).
    fn allows(self, access: Access) -> bool {
        access.allows(match self {
            Op::Create => Operation::Create,
            Op::Update => Operation::Update { id: "" },
        })
    }
}

/// How much of a rule a JSON Schema carries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Carried {
    /// A schema refuses exactly what subkit refuses for it.
    Fully,
    /// A schema refuses some of what subkit refuses (never more).
    Partly,
    /// A schema cannot say it.
    Not,
}

impl Carried {
    /// `fully`, `partly` or `not`.
    pub fn as_str(self) -> &'static str {
        match self {
            Carried::Fully => "fully",
            Carried::Partly => "partly",
            Carried::Not => "not",
        }
    }
}

/// Every rule, by its key in [`crate::words::ENGLISH`] (a code, or `format.<name>`):
/// how much of it a JSON Schema carries, and how.
pub const COVERAGE: &[(&str, Carried, &str)] = &[
    ("invalid_json", Carried::Not, "A schema validates a value already parsed; reading the text is the parser's."),
    ("too_large", Carried::Not, "The size of the text and the count of its values are limits of the reader."),
    ("type", Carried::Fully, "`type`."),
    ("required", Carried::Partly, "`required`; a required string needs a character other than white space (blank text is missing); `if`/`then` for starts_at when activate_by_source_order is false. Adobe's update body needs autoRenewal unless the reset-flex-discount-codes flag is set, which only the flat input's schema can see."),
    ("format.email", Carried::Fully, "`pattern`."),
    ("format.date-time", Carried::Partly, "`pattern` and `format: \"date-time\"`: the shape and the calendar; subkit also refuses instants outside the years 0001 to 9999."),
    ("format.url", Carried::Not, "An option (the base URL), not in a body."),
    ("format.bearer-token", Carried::Not, "A header, not in a body."),
    ("format.slug", Carried::Not, "An option (the organization slug), not in a body."),
    ("format.alphanumeric", Carried::Fully, "`pattern`."),
    ("format.currency-code", Carried::Fully, "`enum` of the active ISO 4217 codes."),
    ("format.path-segment", Carried::Fully, "`pattern`."),
    ("format.date", Carried::Partly, "`pattern` and `format: \"date\"`: the shape and the calendar."),
    ("format.usual-offer-id", Carried::Not, "A warning, not an error: the schema accepts any offer id of up to 40 letters and digits."),
    ("format.account-id", Carried::Fully, "`pattern`."),
    ("format.price-list-currency", Carried::Not, "A warning, not an error."),
    ("resource_type", Carried::Fully, "`const`."),
    ("not_allowed", Carried::Fully, "`additionalProperties: false`."),
    ("forbidden", Carried::Fully, "`additionalProperties: false` (the reason is subkit's)."),
    ("enum", Carried::Fully, "`enum`."),
    ("range", Carried::Partly, "`minimum` and `maximum`. Adobe's renewalQuantity limit is the Enterprise one (599,000): the Team limit (10,000) and a High Growth code's minimum order quantity depend on the context and on another member."),
    ("duplicate", Carried::Partly, "`uniqueItems`: equal strings; subkit also compares frequencies in canonical form (`Monthly` is `monthly`)."),
    ("after", Carried::Not, "expires_at after starts_at compares two values (an update's starts_at is the subscription's)."),
    ("frequency", Carried::Partly, "`pattern`: a preset in any case, a macro, or five fields; the crontab grammar, its ranges and the hour rule are subkit's."),
    ("not_offered", Carried::Not, "The subscription model's frequencies are context."),
    ("linkage", Carried::Fully, "`{ data: { type, id } }` objects (an array for to-many)."),
    ("const", Carried::Partly, "`const`; Adobe's update needs autoRenewal.enabled true with flexDiscountCodes when auto-renewal is off now, which is context."),
    ("max_length", Carried::Fully, "`maxLength`."),
    ("max_items", Carried::Fully, "`maxItems`."),
    ("dependent_required", Carried::Partly, "`dependentRequired`; Adobe's update needs autoRenewal.enabled with flexDiscountCodes only when auto-renewal is off now, which is context."),
    ("header_value", Carried::Not, "Headers are not in a body."),
    ("window", Carried::Not, "The creation window compares today with the anniversary date."),
    ("not_eligible", Carried::Not, "Eligibility (consumables, a customer with no active subscription, the subscription's status) is context."),
    ("id_mismatch", Carried::Partly, "`data.id` is a non-blank string; that it is the id in the path is subkit's."),
    ("transition", Carried::Not, "Which triggers a status allows depends on the subscription's current status."),
];

/// How much of the rule `key` a schema carries (`Not` for a key not in [`COVERAGE`]).
pub fn carried(key: &str) -> Carried {
    COVERAGE
        .iter()
        .find(|(k, _, _)| *k == key)
        .map_or(Carried::Not, |(_, c, _)| *c)
}

/// `schema` with an `x-subkit-rule` annotation naming `rules` (keys of [`COVERAGE`])
/// besides any it names already, and a description saying what subkit checks there.
fn marked(mut schema: Value, rules: &[&str]) -> Value {
    let Value::Object(o) = &mut schema else {
        return schema;
    };
    let mut all: Vec<String> = o
        .get("x-subkit-rule")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(Value::as_str)
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    for rule in rules {
        if !all.iter().any(|r| r == rule) {
            all.push((*rule).to_owned());
        }
    }
    let how: Vec<String> = all
        .iter()
        .filter_map(|r| COVERAGE.iter().find(|(k, _, _)| k == r))
        .map(|(rule, carried, how)| format!("{rule} ({} carried): {how}", carried.as_str()))
        .collect();
    o.insert(
        "description".to_owned(),
        json!(format!(
            "subkit checks more here than this schema says. {}",
            how.join(" ")
        )),
    );
    o.insert("x-subkit-rule".to_owned(), json!(all));
    schema
}

/// A string in `format`.
fn formatted(format: Format) -> Value {
    let mut s = json!({ "type": "string" });
    if let Some(pattern) = format.pattern() {
        set(&mut s, "pattern", json!(pattern));
    }
    if let Some(values) = format.values() {
        set(&mut s, "enum", json!(values));
    }
    match format {
        Format::DateTime => marked(with(s, "format", json!("date-time")), &["format.date-time"]),
        Format::Date => marked(with(s, "format", json!("date")), &["format.date"]),
        _ => s,
    }
}

fn with(mut schema: Value, key: &str, value: Value) -> Value {
    set(&mut schema, key, value);
    schema
}

/// Sets a member of an object schema (nothing, for a schema that is no object).
fn set(schema: &mut Value, key: &str, value: Value) {
    if let Value::Object(o) = schema {
        o.insert(key.to_owned(), value);
    }
}

/// A Commerce Layer frequency: what every valid one matches (a preset in any case, a
/// crontab macro, or five fields), the rest being subkit's.
fn frequency() -> Value {
    let presets: Vec<String> = PRESETS
        .iter()
        .map(|p| {
            p.name
                .chars()
                .map(|c| {
                    if c.is_ascii_alphabetic() {
                        format!("[{}{}]", c.to_ascii_lowercase(), c.to_ascii_uppercase())
                    } else {
                        c.to_string()
                    }
                })
                .collect()
        })
        .collect();
    let pattern = format!(
        "^\\s*(?:{}|@[A-Za-z]+|\\S+(?:\\s+\\S+){{4}})\\s*$",
        presets.join("|")
    );
    marked(
        json!({ "type": "string", "pattern": pattern, "examples": ["monthly", "0 9 * * 1"] }),
        &["frequency"],
    )
}

/// A value of an attribute, before `null` and blankness are considered.
fn value(spec: ValueSpec) -> Value {
    match spec {
        ValueSpec::String => json!({ "type": "string" }),
        ValueSpec::FormattedString(format) => formatted(format),
        ValueSpec::OneOf(allowed) => json!({ "type": "string", "enum": allowed }),
        ValueSpec::Boolean => json!({ "type": "boolean" }),
        ValueSpec::Integer { min, max } => {
            let mut s = json!({ "type": "integer" });
            // The widest integers are the API's own type, not a documented limit.
            if min != i64::MIN {
                set(&mut s, "minimum", json!(min));
            }
            if max != i64::MAX {
                set(&mut s, "maximum", json!(max));
            }
            s
        }
        ValueSpec::Frequency => frequency(),
        ValueSpec::Frequencies => marked(
            json!({ "type": "array", "minItems": 1, "uniqueItems": true, "items": frequency() }),
            &["duplicate"],
        ),
        ValueSpec::Object => json!({ "type": "object" }),
    }
}

/// Also `null`: `{ anyOf: [schema, null] }`, or a type list where the schema has one type.
fn nullable(schema: Value) -> Value {
    match schema.get("type").and_then(Value::as_str) {
        Some(t) if schema.get("enum").is_none() => with(schema.clone(), "type", json!([t, "null"])),
        _ => json!({ "anyOf": [schema, { "type": "null" }] }),
    }
}

/// An attribute's schema for `op`: `null` clears an optional one; a required one is not
/// blank.
fn attribute(a: &AttributeSpec, resource: Resource) -> Value {
    let mut schema = value(a.value);
    let spec = resource.spec();
    let mut rules: Vec<&str> = spec
        .rules_at
        .iter()
        .filter(|(member, _)| *member == a.name)
        .map(|(_, code)| code.as_str())
        .collect();
    if let Access::Trigger(refused) = a.access {
        if !refused.is_empty() {
            rules.push(Code::Transition.as_str());
        }
    }
    if let Some(default) = a
        .default
        .and_then(|t| serde_json::from_str::<Value>(t).ok())
    {
        schema = with(schema, "default", default);
    }
    if !rules.is_empty() {
        schema = marked(schema, &rules);
    }
    // Blank text is a missing value (Rails' presence check); a pattern or an enum
    // already refuses it.
    let string = schema.get("type") == Some(&json!("string"));
    if a.required && string && schema.get("pattern").is_none() && schema.get("enum").is_none() {
        schema = with(schema, "pattern", json!("\\S"));
    }
    if a.required {
        schema
    } else {
        nullable(schema)
    }
}

/// A non-blank id.
fn id() -> Value {
    json!({ "type": "string", "pattern": "\\S" })
}

/// A resource identifier `{ type, id }` of one of the relationship's types.
fn identifier(r: &RelationshipSpec) -> Value {
    let mut types = vec![r.type_name];
    types.extend_from_slice(r.other_types);
    json!({
        "type": "object",
        "properties": { "type": { "type": "string", "enum": types }, "id": id() },
        "required": ["type", "id"],
        "additionalProperties": false,
    })
}

/// An object of `properties`, with `required` and no other member.
fn object(properties: Map<String, Value>, required: Vec<&str>) -> Value {
    let mut o = json!({ "type": "object", "properties": properties });
    if !required.is_empty() {
        set(&mut o, "required", json!(required));
    }
    set(&mut o, "additionalProperties", json!(false));
    o
}

/// The `if`/`then` of each [`RequiredUnless`](crate::commercelayer::spec::RequiredUnless)
/// of a create.
fn conditions(resource: Resource, op: Op, schema: &mut Value) {
    if op != Op::Create {
        return;
    }
    let all: Vec<Value> = resource
        .spec()
        .required_unless
        .iter()
        .map(|r| {
            json!({
                "if": { "properties": { r.flag: { "const": false } }, "required": [r.flag] },
                // The member named in `properties` too, as Ajv's strict mode wants.
                "then": { "properties": { r.member: {} }, "required": [r.member] },
            })
        })
        .collect();
    match all.len() {
        0 => {}
        1 => {
            if let (Value::Object(o), Some(Value::Object(c))) = (schema, all.into_iter().next()) {
                o.extend(c);
            }
        }
        _ => schema["allOf"] = json!(all),
    }
}

/// The attributes object of a document for `op`.
fn attributes(resource: Resource, op: Op) -> Value {
    let (properties, required) = attribute_members(resource, op);
    let mut schema = object(properties, required);
    conditions(resource, op, &mut schema);
    schema
}

/// The attributes a request of `op` takes, each with its schema, and those it requires.
fn attribute_members(resource: Resource, op: Op) -> (Map<String, Value>, Vec<&'static str>) {
    let spec = resource.spec();
    let taken = spec.attributes.iter().filter(|a| op.allows(a.access));
    let properties = taken
        .clone()
        .map(|a| (a.name.to_owned(), attribute(a, resource)))
        .collect();
    let required = taken
        .filter(|a| a.required && op == Op::Create)
        .map(|a| a.name)
        .collect();
    (properties, required)
}

/// The relationships object of a document for `op`; `None` when it takes none.
fn relationships(resource: Resource, op: Op) -> Option<Value> {
    let spec = resource.spec();
    let taken: Vec<&RelationshipSpec> = spec
        .relationships
        .iter()
        .filter(|r| op.allows(r.access))
        .collect();
    if taken.is_empty() {
        return None;
    }
    let properties = taken
        .iter()
        .map(|r| {
            let data = if r.many {
                json!({ "type": "array", "items": identifier(r) })
            } else if r.required && op == Op::Create {
                identifier(r)
            } else {
                nullable(identifier(r))
            };
            // Members besides `data` (`meta`, `links`) are read past.
            let linkage =
                json!({ "type": "object", "properties": { "data": data }, "required": ["data"] });
            (r.name.to_owned(), linkage)
        })
        .collect();
    let required = taken
        .iter()
        .filter(|r| r.required && op == Op::Create)
        .map(|r| r.name)
        .collect();
    Some(object(properties, required))
}

/// The JSON:API document of a create or an update of `resource`: what
/// `Resource::validate_text` (and `validateResource`) checks, as far as a schema says it.
pub fn document(resource: Resource, op: Op) -> Value {
    let spec = resource.spec();
    let mut data = Map::new();
    let mut required = vec!["type"];
    if op == Op::Update {
        data.insert("id".to_owned(), marked(id(), &[Code::IdMismatch.as_str()]));
        required.push("id");
    }
    data.insert("type".to_owned(), json!({ "const": spec.type_name }));
    data.insert("attributes".to_owned(), attributes(resource, op));
    let rels = relationships(resource, op);
    let create = op == Op::Create;
    if create && spec.attributes.iter().any(|a| a.required) {
        required.push("attributes");
    }
    if let Some(rels) = rels {
        if create && spec.relationships.iter().any(|r| r.required) {
            required.push("relationships");
        }
        data.insert("relationships".to_owned(), rels);
    }
    let mut properties = Map::new();
    properties.insert("data".to_owned(), object(data, required));
    properties.insert("meta".to_owned(), json!({ "type": "object" }));
    properties.insert("jsonapi".to_owned(), json!({ "type": "object" }));
    properties.insert("links".to_owned(), json!({}));
    let mut schema = object(properties, vec!["data"]);
    described(
        &mut schema,
        format!("{} {} document", spec.type_name, op.as_str()),
        &format!("The JSON:API document of {}.", endpoint(resource, op)),
    );
    schema
}

fn endpoint(resource: Resource, op: Op) -> String {
    match op {
        Op::Create => format!("POST /api/{}", resource.name()),
        Op::Update => format!("PATCH /api/{}/{{id}}", resource.name()),
    }
}

/// `$schema`, `title` and `description` first, as a reader expects them.
fn described(schema: &mut Value, title: String, description: &str) {
    if let Value::Object(o) = schema {
        let mut head = Map::new();
        head.insert("$schema".to_owned(), json!(DIALECT));
        head.insert("title".to_owned(), json!(title));
        head.insert("description".to_owned(), json!(description));
        head.extend(core::mem::take(o));
        *o = head;
    }
}

/// A relationship in flat input: a bare id (its type is the relationship's own) or a
/// `{ type, id }` object.
fn flat_relationship(r: &RelationshipSpec, op: Op) -> Value {
    let one = if r.other_types.is_empty() {
        json!({ "anyOf": [id(), identifier(r)] })
    } else {
        // A bare id cannot say which of the types it names.
        identifier(r)
    };
    if r.many {
        json!({ "type": "array", "items": one })
    } else if r.required && op == Op::Create {
        one
    } else {
        nullable(one)
    }
}

/// The flat input of `resource`'s builder for `op` (`buildResource`, `buildUpdate`, and
/// the form schemas): the attributes and relationships as members of one object, a
/// relationship as an id or `{ type, id }`; an update's may carry its `id`.
pub fn input(resource: Resource, op: Op) -> Value {
    let spec = resource.spec();
    let (mut properties, mut required) = attribute_members(resource, op);
    for r in spec.relationships.iter().filter(|r| op.allows(r.access)) {
        properties.insert(r.name.to_owned(), flat_relationship(r, op));
        if r.required && op == Op::Create {
            required.push(r.name);
        }
    }
    if op == Op::Update {
        let mut with_id = Map::new();
        with_id.insert("id".to_owned(), marked(id(), &[Code::IdMismatch.as_str()]));
        with_id.extend(properties);
        properties = with_id;
    }
    let mut schema = object(properties, required);
    conditions(resource, op, &mut schema);
    described(
        &mut schema,
        format!("{} {} input", spec.type_name, op.as_str()),
        &format!("The flat input that builds {}.", endpoint(resource, op)),
    );
    schema
}

/// A non-empty Adobe id of at most 40 characters, in `format`.
fn adobe_id(format: Option<Format>) -> Value {
    let mut s = format.map_or_else(|| json!({ "type": "string" }), formatted);
    set(&mut s, "minLength", json!(1));
    set(&mut s, "maxLength", json!(MAX_ID_LENGTH));
    s
}

/// The schema of one Adobe body member for `op`.
fn adobe_field(field: Field, op: Op) -> Value {
    match field {
        Field::OfferId => marked(
            adobe_id(Some(Format::Alphanumeric)),
            &["format.usual-offer-id", Code::NotEligible.as_str()],
        ),
        Field::Id(format) => adobe_id(format),
        Field::Currency => marked(
            formatted(Format::CurrencyCode),
            &["format.price-list-currency"],
        ),
        Field::Object(table) => adobe_object(table, op),
        Field::Enabled => match op {
            Op::Create => json!({ "const": true, "default": true }),
            Op::Update => json!({ "type": "boolean" }),
        },
        Field::Quantity => marked(
            json!({ "type": "integer", "minimum": 1, "maximum": MAX_RENEWAL_QUANTITY_ENTERPRISE }),
            &[Code::Range.as_str()],
        ),
        Field::RenewalCode => json!({ "type": "string", "enum": RENEWAL_CODES }),
        Field::FlexCodes => {
            let code = json!({ "type": "string", "pattern": "\\S", "maxLength": MAX_ID_LENGTH });
            let flex = json!({ "type": "array", "maxItems": 1, "items": code });
            match op {
                Op::Create => flex,
                // Needs auto-renewal on, which the current setting (context) may say.
                Op::Update => marked(
                    flex,
                    &[Code::Const.as_str(), Code::DependentRequired.as_str()],
                ),
            }
        }
        // The request's own members; the input schemas write them (adobe_input).
        Field::PathId(format) => adobe_id(Some(format)),
        Field::Date => formatted(Format::Date),
        Field::Flag => json!({ "type": ["boolean", "null"] }),
        Field::Headers => json!({ "type": "object" }),
        Field::Header(_) => json!({ "type": "string" }),
        // Listed to give its code; never a property (`adobe_object` leaves it out).
        Field::ReadOnly => json!(false),
    }
}

/// An Adobe body object of `table`'s members; a create requires what the table
/// requires. An update's requirement (autoRenewal, unless the request resets the
/// flexible discount) depends on a flag outside the body: [`adobe_input`] says it.
/// A member of the subscription an update cannot change is listed in its table for
/// its error code, and left out here: a schema names what a body may hold.
fn adobe_object(table: &Table, op: Op) -> Value {
    let members = || table.members.iter().filter(|m| m.field != Field::ReadOnly);
    let properties = members()
        .map(|m| (m.name.to_owned(), adobe_field(m.field, op)))
        .collect();
    let required = members()
        .filter(|m| m.required && op == Op::Create)
        .map(|m| m.name)
        .collect();
    object(properties, required)
}

/// The body of Adobe's create (`POST /v3/customers/{customer-id}/subscriptions`) or
/// update (`PATCH …/subscriptions/{subscription-id}`).
pub fn adobe_body(op: Op) -> Value {
    let mut schema = adobe_body_members(op, false);
    described(
        &mut schema,
        format!("Adobe VIP Marketplace subscription {} body", op.as_str()),
        &format!("The body of {}.", adobe_endpoint(op)),
    );
    schema
}

fn adobe_endpoint(op: Op) -> &'static str {
    match op {
        Op::Create => "POST /v3/customers/{customer-id}/subscriptions",
        Op::Update => "PATCH /v3/customers/{customer-id}/subscriptions/{subscription-id}",
    }
}

/// The body's members; `flat` when they are members of the builder's flat input.
fn adobe_body_members(op: Op, flat: bool) -> Value {
    match op {
        Op::Create => {
            let mut schema = adobe_object(&CREATE_BODY, op);
            let dependent: Map<String, Value> = CREATE_DEPENDENT
                .iter()
                .map(|(member, needs)| ((*member).to_owned(), json!([needs])))
                .collect();
            set(&mut schema, "dependentRequired", Value::Object(dependent));
            schema
        }
        Op::Update => {
            // autoRenewal is needed unless the request resets the flexible discount: the
            // flat input's schema says so with `if`/`then`; the body's cannot see the
            // flag, which is in the URL.
            let schema = adobe_object(&UPDATE_BODY, op);
            if flat {
                schema
            } else {
                marked(schema, &[Code::Required.as_str()])
            }
        }
    }
}

/// The flat input of Adobe's builders: the request object's own members (the path's
/// ids, and for a create `today` and `anniversaryDate`, for an update the reset flags),
/// read from the field table, then the body's members. The headers are not the input's:
/// the builders take them from their options.
pub fn adobe_input(op: Op) -> Value {
    let body = adobe_body_members(op, true);
    let table = match op {
        Op::Create => &REQUEST,
        Op::Update => &UPDATE_REQUEST,
    };
    let mut properties = Map::new();
    let mut required = Vec::new();
    for m in table.members {
        let schema = adobe_field(m.field, op);
        // The rule the context adds to a member, which a schema cannot carry: an id
        // the context rules out, a date outside the creation window.
        let schema = match m.field {
            Field::PathId(_) => marked(schema, &[Code::NotEligible.as_str()]),
            Field::Date => marked(schema, &[Code::Window.as_str()]),
            Field::Object(_) | Field::Headers => continue,
            _ => schema,
        };
        properties.insert(m.name.to_owned(), schema);
        if m.required {
            required.push(m.name);
        }
    }
    if let Some(members) = body.get("properties").and_then(Value::as_object) {
        properties.extend(members.clone());
    }
    if let Some(names) = body.get("required").and_then(Value::as_array) {
        required.extend(names.iter().filter_map(Value::as_str));
    }
    let mut schema = object(properties, required);
    if let Some(d) = body.get("dependentRequired") {
        set(&mut schema, "dependentRequired", d.clone());
    }
    if op == Op::Update {
        // autoRenewal, unless the flexible discount is being reset.
        set(
            &mut schema,
            "if",
            json!({
                "not": { "properties": { "resetFlexDiscountCodes": { "const": true } }, "required": ["resetFlexDiscountCodes"] }
            }),
        );
        let needed: Vec<&str> = UPDATE_BODY
            .members
            .iter()
            .filter(|m| m.required)
            .map(|m| m.name)
            .collect();
        let named: Map<String, Value> = needed
            .iter()
            .map(|n| ((*n).to_owned(), json!({})))
            .collect();
        let then = json!({ "properties": named, "required": needed });
        set(&mut schema, "then", then);
    }
    described(
        &mut schema,
        format!("Adobe VIP Marketplace subscription {} input", op.as_str()),
        &format!("The flat input that builds {}.", adobe_endpoint(op)),
    );
    schema
}

/// Every schema the package ships, by file name (without `.json`): each resource's
/// create and update document and input, and Adobe's bodies and inputs.
pub fn all() -> Vec<(String, Value)> {
    let mut out = Vec::new();
    for op in Op::ALL {
        for &r in Resource::ALL {
            out.push((format!("{}.{}", r.name(), op.as_str()), document(r, op)));
            out.push((format!("{}.{}.input", r.name(), op.as_str()), input(r, op)));
        }
        out.push((format!("adobe.{}", op.as_str()), adobe_body(op)));
        out.push((format!("adobe.{}.input", op.as_str()), adobe_input(op)));
    }
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// One OpenAPI 3.1 document with every request body subkit checks: each Commerce Layer
/// resource's create and update, and Adobe's create and update, each body's schema
/// under `components/schemas`.
pub fn openapi() -> Value {
    let mut schemas = Map::new();
    let mut paths = Map::new();
    let component = |name: &str| json!({ "$ref": format!("#/components/schemas/{name}") });
    for &r in Resource::ALL {
        for op in Op::ALL {
            let name = format!("{}.{}", r.name(), op.as_str());
            let mut schema = document(r, op);
            if let Value::Object(o) = &mut schema {
                o.remove("$schema");
            }
            schemas.insert(name.clone(), schema);
            let path = match op {
                Op::Create => format!("/api/{}", r.name()),
                Op::Update => format!("/api/{}/{{id}}", r.name()),
            };
            let operation = json!({
                "operationId": format!("{}_{}", op.as_str(), r.name()),
                "tags": ["Commerce Layer"],
                "requestBody": {
                    "required": true,
                    "content": { "application/vnd.api+json": { "schema": component(&name) } },
                },
                "responses": {
                    if op == Op::Create { "201" } else { "200" }: { "description": "The resource." },
                    "422": { "description": "JSON:API errors." },
                },
            });
            let (method, parameters) = match op {
                Op::Create => ("post", json!([])),
                Op::Update => (
                    "patch",
                    json!([{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }]),
                ),
            };
            let mut operation = operation;
            if op == Op::Update {
                set(&mut operation, "parameters", parameters);
            }
            set(
                paths.entry(path).or_insert_with(|| json!({})),
                method,
                operation,
            );
        }
    }
    let adobe_path = |op: Op| match op {
        Op::Create => "/v3/customers/{customer-id}/subscriptions".to_owned(),
        Op::Update => "/v3/customers/{customer-id}/subscriptions/{subscription-id}".to_owned(),
    };
    for op in Op::ALL {
        let name = format!("adobe.{}", op.as_str());
        let mut schema = adobe_body(op);
        if let Value::Object(o) = &mut schema {
            o.remove("$schema");
        }
        schemas.insert(name.clone(), schema);
        let mut parameters = vec![
            json!({ "name": "customer-id", "in": "path", "required": true, "schema": { "type": "string" } }),
        ];
        if op == Op::Update {
            parameters.push(json!({ "name": "subscription-id", "in": "path", "required": true, "schema": { "type": "string" } }));
            for q in ["reset-flex-discount-codes", "reset-renewal-code"] {
                parameters.push(json!({ "name": q, "in": "query", "required": false, "schema": { "type": "boolean" } }));
            }
        }
        let operation = json!({
            "operationId": format!("adobe_{}_subscription", op.as_str()),
            "tags": ["Adobe VIP Marketplace"],
            "parameters": parameters,
            "requestBody": {
                // The update's body may be left out when the flexible discount is reset.
                "required": op == Op::Create,
                "content": { "application/json": { "schema": component(&name) } },
            },
            "responses": {
                "200": { "description": "The subscription." },
                "400": { "description": "Adobe's error body: code, message, additionalDetails." },
            },
        });
        let method = match op {
            Op::Create => "post",
            Op::Update => "patch",
        };
        set(
            paths.entry(adobe_path(op)).or_insert_with(|| json!({})),
            method,
            operation,
        );
    }
    json!({
        "openapi": "3.1.0",
        "info": {
            "title": "subkit: the subscription request bodies it checks",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Commerce Layer's subscription resources and Adobe VIP Marketplace's subscription create and update, with the rules subkit checks before a request is sent. Rules a schema cannot carry are named with x-subkit-rule.",
        },
        "jsonSchemaDialect": DIALECT,
        "paths": paths,
        "components": { "schemas": schemas },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Every rule and format has its row, and no row names a rule that does not exist.
    #[test]
    fn coverage_names_every_rule() {
        let keys: Vec<&str> = crate::words::ENGLISH
            .iter()
            .map(|(k, _)| *k)
            .filter(|k| *k != "invalid_json.at")
            .collect();
        let rows: Vec<&str> = COVERAGE.iter().map(|(k, _, _)| *k).collect();
        assert_eq!(rows, keys);
    }

    // Every annotation names a rule of the table that the schema does not fully carry.
    #[test]
    fn annotations_name_rules_not_fully_carried() {
        fn walk(v: &Value, found: &mut Vec<String>) {
            match v {
                Value::Object(o) => {
                    if let Some(Value::Array(rules)) = o.get("x-subkit-rule") {
                        let names: Vec<&str> = rules.iter().filter_map(Value::as_str).collect();
                        let mut once = names.clone();
                        once.sort_unstable();
                        once.dedup();
                        assert_eq!(once.len(), names.len(), "a rule named twice: {names:?}");
                        found.extend(names.into_iter().map(str::to_owned));
                    }
                    o.values().for_each(|v| walk(v, found));
                }
                Value::Array(a) => a.iter().for_each(|v| walk(v, found)),
                _ => {}
            }
        }
        let mut found = Vec::new();
        for (_, schema) in all() {
            walk(&schema, &mut found);
        }
        assert!(!found.is_empty());
        for rule in found {
            assert_ne!(carried(&rule), Carried::Fully, "{rule}");
            assert!(COVERAGE.iter().any(|(k, _, _)| *k == rule), "{rule}");
        }
    }

    /// The flat inputs' own members (not the body's) are the field table's request
    /// members, each required where the table requires it.
    #[test]
    fn adobe_inputs_name_the_request_members_of_the_field_table() {
        use crate::adobe::fields::{REQUEST, UPDATE_REQUEST};
        for (op, table) in [(Op::Create, &REQUEST), (Op::Update, &UPDATE_REQUEST)] {
            let schema = adobe_input(op);
            let properties = schema["properties"].as_object().unwrap();
            let required: Vec<&str> = schema["required"]
                .as_array()
                .unwrap()
                .iter()
                .filter_map(Value::as_str)
                .collect();
            for m in table.members {
                use crate::adobe::fields::Field;
                if !matches!(m.field, Field::Object(_) | Field::Headers) {
                    assert!(properties.contains_key(m.name), "{op:?} {}", m.name);
                    assert_eq!(required.contains(&m.name), m.required, "{op:?} {}", m.name);
                }
            }
        }
    }
}
