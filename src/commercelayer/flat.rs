//! Documents from flat input: the JSON:API text of the create or update document for
//! the flat input `@commercelayer/sdk`'s `create()` and `update()` take.
//!
//! Entry point: [`document_text`]. The input is read once with
//! [`crate::json::reader::Reader`] and each member's value is written as it is read, as
//! an attribute, as a relationship's linkage, or (for an update) as `data.id`; no tree
//! is built. The text is what `serde_json::to_string` writes for the document built
//! from the input `crate::json::parse_bytes` reads, so a repeated member name keeps its
//! last value at its first place, at every depth.

use crate::prelude::*;
use alloc::borrow::Cow;
use core::ops::Range;

use super::linkage::write_flat_linkage;
use super::spec::{Operation, ResourceSpec};
use crate::error::{JsonType, Kind, Violation};
use crate::json::names::NameTable;
use crate::json::reader::{Fault, Reader, Token};
use crate::json::write::{self, Object};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::commercelayer::Resource;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn create(resource: Resource, input: &str) -> Result<String, Violation> {
        document_text(resource.spec(), input.as_bytes(), Operation::Create, false)
    }

    fn update(resource: Resource, input: &str, id: &str) -> Result<String, Violation> {
        let op = Operation::Update { id };
        document_text(resource.spec(), input.as_bytes(), op, false)
    }

    /// The document of `input` for `order_subscriptions`, with `attributes` and
    /// `relationships` as given (`None`: no such member).
    fn order_subscription(attributes: &str, relationships: Option<&str>) -> String {
        let relationships =
            relationships.map_or(String::new(), |r| format!(",\"relationships\":{r}"));
        format!("{{\"data\":{{\"type\":\"order_subscriptions\",\"attributes\":{attributes}{relationships}}}}}")
    }

    #[test]
    fn a_repeated_name_keeps_its_last_value_at_its_first_place() {
        let os = Resource::OrderSubscriptions;
        let cases = [
            (
                r#"{"frequency": "daily", "reference": "r", "frequency": "monthly"}"#,
                order_subscription(r#"{"frequency":"monthly","reference":"r"}"#, None),
            ),
            // A relationship repeated: the last form is the one linked.
            (
                r#"{"source_order": "A", "frequency": "monthly", "source_order": {"type": "orders", "id": "B"}}"#,
                order_subscription(
                    r#"{"frequency":"monthly"}"#,
                    Some(r#"{"source_order":{"data":{"type":"orders","id":"B"}}}"#),
                ),
            ),
            // At any depth, in attributes and in identifiers.
            (
                r#"{"metadata": {"a": 1, "b": {"c": 1, "c": [2, {"d": 0, "d": 3}]}, "a": 3}, "source_order": {"id": "A", "type": "orders", "id": "B"}}"#,
                order_subscription(
                    r#"{"metadata":{"a":3,"b":{"c":[2,{"d":3}]}}}"#,
                    Some(r#"{"source_order":{"data":{"id":"B","type":"orders"}}}"#),
                ),
            ),
            (
                r#"{"tags": ["t1"], "tags": ["t2", "t3"], "tags": "t4"}"#,
                order_subscription("{}", Some(r#"{"tags":{"data":{"type":"tags","id":"t4"}}}"#)),
            ),
        ];
        for (input, want) in cases {
            assert_eq!(create(os, input).unwrap(), want, "{input}");
            // serde_json reads a repeated name the same way (its map keeps the first
            // place, and a later insert replaces the value).
            let parsed: serde_json::Value = serde_json::from_str(input).unwrap();
            assert_eq!(create(os, &parsed.to_string()).unwrap(), want, "{input}");
        }
    }

    #[cfg(feature = "value")]
    #[test]
    fn values_are_written_as_serde_json_writes_them() {
        let input = r#"{"metadata": {"e": "\u0041\n\u00e9\/\u001f\ud83d\ude00\"\\", "hundred": 1e2, "one": 1.0,
            "zero": -0, "negative_zero": -0.0, "small": 1.5E-7, "u64": 18446744073709551615,
            "over": 18446744073709551616, "i64": -9223372036854775808, "t": true, "n": null, "l": [ ]}}"#;
        let want = order_subscription(
            "{\"metadata\":{\"e\":\"A\\n\u{e9}/\\u001f\u{1F600}\\\"\\\\\",\"hundred\":100.0,\"one\":1.0,\
             \"zero\":0,\"negative_zero\":-0.0,\"small\":1.5e-7,\"u64\":18446744073709551615,\
             \"over\":1.8446744073709552e+19,\"i64\":-9223372036854775808,\"t\":true,\"n\":null,\"l\":[]}}",
            None,
        );
        let got = create(Resource::OrderSubscriptions, input).unwrap();
        assert_eq!(got, want);
        // What serde_json writes for the value `parse_str` reads (where serde_json's own
        // reader differs: it reads `-0` as a double).
        let parsed = crate::json::parse_str(input).unwrap();
        let wrapped =
            serde_json::json!({"data": {"type": "order_subscriptions", "attributes": parsed}});
        assert_eq!(got, wrapped.to_string());
    }

    #[test]
    fn relationships_take_bare_ids_identifiers_and_lists() {
        let os = Resource::OrderSubscriptions;
        let input = r#"{"source_order": "A", "market": {"type": "markets", "id": "M"}, "tags": ["t1", {"type": "tags", "id": "t2"}, 5]}"#;
        let want = order_subscription(
            "{}",
            Some(
                r#"{"source_order":{"data":{"type":"orders","id":"A"}},"market":{"data":{"type":"markets","id":"M"}},"tags":{"data":[{"type":"tags","id":"t1"},{"type":"tags","id":"t2"},5]}}"#,
            ),
        );
        assert_eq!(create(os, input).unwrap(), want);
        // Any other value is kept as `data`, for validation to report; a to-one
        // relationship does not read a list.
        let input = r#"{"source_order": ["A"], "market": 7, "tags": null}"#;
        let want = order_subscription(
            "{}",
            Some(r#"{"source_order":{"data":["A"]},"market":{"data":7},"tags":{"data":null}}"#),
        );
        assert_eq!(create(os, input).unwrap(), want);
        // A polymorphic relationship's bare id stays bare: its type is unknown.
        let osi = Resource::OrderSubscriptionItems;
        let got = create(osi, r#"{"item": "I", "sku": "S"}"#).unwrap();
        assert_eq!(
            got,
            r#"{"data":{"type":"order_subscription_items","attributes":{},"relationships":{"item":{"data":"I"},"sku":{"data":{"type":"skus","id":"S"}}}}}"#
        );
    }

    #[test]
    fn names_the_request_does_not_take_stay_attributes() {
        let os = Resource::OrderSubscriptions;
        // A create's `id` and an update-only relationship are attributes of a create.
        let got = create(os, r#"{"id": "A", "customer_payment_source": "P"}"#).unwrap();
        assert_eq!(
            got,
            order_subscription(r#"{"id":"A","customer_payment_source":"P"}"#, None)
        );
        // A create-only relationship is an attribute of an update.
        let got = update(os, r#"{"source_order": "A"}"#, "X").unwrap();
        assert_eq!(
            got,
            r#"{"data":{"type":"order_subscriptions","id":"X","attributes":{"source_order":"A"}}}"#
        );
    }

    #[test]
    fn an_update_takes_the_inputs_last_id_or_the_paths() {
        let os = Resource::OrderSubscriptions;
        let got = update(os, r#"{"id": "A", "_cancel": true, "id": 5}"#, "X").unwrap();
        assert_eq!(
            got,
            r#"{"data":{"type":"order_subscriptions","id":5,"attributes":{"_cancel":true}}}"#
        );
        // No attributes: no attributes member.
        let got = update(os, r#"{"tags": ["t1"]}"#, "X\"").unwrap();
        assert_eq!(
            got,
            r#"{"data":{"type":"order_subscriptions","id":"X\"","relationships":{"tags":{"data":[{"type":"tags","id":"t1"}]}}}}"#
        );
        assert_eq!(
            update(os, "{}", "X").unwrap(),
            r#"{"data":{"type":"order_subscriptions","id":"X"}}"#
        );
    }

    #[test]
    fn defaults_fill_what_the_input_leaves_out() {
        let spec = Resource::OrderSubscriptions.spec();
        let input =
            br#"{"frequency": "monthly", "place_target_order": false, "source_order": "A"}"#;
        let got = document_text(spec, input, Operation::Create, true).unwrap();
        assert_eq!(
            got,
            order_subscription(
                r#"{"frequency":"monthly","place_target_order":false,"activate_by_source_order":true,"renewal_alert_period":1}"#,
                Some(r#"{"source_order":{"data":{"type":"orders","id":"A"}}}"#)
            )
        );
        // An update with nothing but defaults still writes them.
        let got = document_text(spec, b"{}", Operation::Update { id: "X" }, true).unwrap();
        assert_eq!(
            got,
            r#"{"data":{"type":"order_subscriptions","id":"X","attributes":{"activate_by_source_order":true,"place_target_order":true,"renewal_alert_period":1}}}"#
        );
    }

    #[cfg(feature = "value")]
    #[test]
    fn every_default_is_json_text_as_serde_json_writes_it() {
        for resource in Resource::ALL {
            for a in resource.spec().attributes {
                let Some(default) = a.default else { continue };
                let mut r = Reader::new(default.as_bytes());
                let mut out = String::new();
                let token = r.value().unwrap();
                write::copy(&mut r, token, &mut out).unwrap();
                r.finish().unwrap();
                assert_eq!(out, default, "{resource} {}", a.name);
                let value: serde_json::Value = serde_json::from_str(default).unwrap();
                assert_eq!(value.to_string(), default, "{resource} {}", a.name);
            }
            let text = resource.defaults_text();
            let parsed: serde_json::Value = serde_json::from_str(&text).unwrap();
            assert_eq!(parsed, serde_json::Value::Object(resource.defaults()));
        }
        assert_eq!(
            Resource::SubscriptionModels.defaults_text(),
            r#"{"strategy":"by_frequency","auto_activate":true,"auto_cancel":false}"#
        );
        assert_eq!(Resource::CustomerSubscriptions.defaults_text(), "{}");
    }

    #[test]
    fn input_that_is_not_an_object_is_one_violation() {
        let os = Resource::OrderSubscriptions;
        let code = |input: &str| create(os, input).unwrap_err().code().as_str();
        assert_eq!(code("[1,"), "invalid_json");
        assert_eq!(code(r#"{"a": 1} x"#), "invalid_json");
        // A fault after a value that is not an object is the answer.
        assert_eq!(code("[1] x"), "invalid_json");
        assert_eq!(code(r#"{"tags": [1,]}"#), "invalid_json");
        let deep = format!("{{\"metadata\":{}{}}}", "[".repeat(200), "]".repeat(200));
        assert_eq!(code(&deep), "invalid_json");
        let huge = format!(
            "{{\"reference\": \"{}\"}}",
            "x".repeat(crate::json::MAX_INPUT_BYTES)
        );
        assert_eq!(code(&huge), "too_large");
        for (input, found) in [
            ("[]", JsonType::Array),
            ("\"s\"", JsonType::String),
            (" 1e2 ", JsonType::Number),
            ("null", JsonType::Null),
            ("true", JsonType::Boolean),
        ] {
            let v = create(os, input).unwrap_err();
            assert_eq!(v.pointer, "");
            assert_eq!(
                v.kind,
                Kind::Type {
                    expected: JsonType::Object,
                    found
                },
                "{input}"
            );
        }
    }
}
