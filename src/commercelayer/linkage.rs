//! Relationship linkage: `{ "data": { "type", "id" } }`, or an array of identifiers
//! for a to-many relationship.
//!
//! Entry point: [`check_linkage`]. Shape faults are `linkage` violations (the server's
//! 400 `INVALID_LINKS_OBJECT`), a wrong `type` is `resource_type` (400
//! `TYPE_MISMATCH`), and a missing relationship or a blank id is `required` (422).
//! Every violation points at the exact member at fault. The builders write linkage
//! from the flat forms `@commercelayer/sdk` takes (a bare id, `{ type, id }`, a list of
//! either) as they read them ([`linkage_from_flat`] gives it as a value).

use crate::prelude::*;
#[cfg(feature = "value")]
use serde_json::Value;

use super::document::{is_blank, Key, Members};
use super::spec::RelationshipSpec;
use crate::error::{Kind, Violation};
use crate::json::reader::{Fault, Reader, Token};
use crate::json::write::{self, Object};
use crate::pointer::Path;
use crate::words::{reason, Reason};

/// Checks one relationship's value, whose token was just read, against `rel`, and
/// reads past the rest of it. Members of the relationship object other than `data`
/// (`links`, `meta`) are not checked.
pub fn check_linkage<'a>(
    rel: &RelationshipSpec,
    token: Token<'a>,
    r: &mut Reader<'a>,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) -> Result<(), Fault> {
    if !is_object(token, r, at, reason!("linkage.not_object"), out)? {
        return Ok(());
    }
    let data_at = at.key("data");
    let mut members = Members::default();
    let mut has_data = false;
    while let Some(name) = r.member()? {
        let token = r.value()?;
        if name != "data" {
            r.skip(token)?;
            continue;
        }
        has_data = true;
        let mut found = Vec::new();
        match (token, rel.many) {
            (Token::Null, false) => {
                // `null` empties an optional to-one relationship.
                if rel.required {
                    found.push(Violation::new(at.to_pointer(), Kind::Required));
                }
            }
            (Token::Array, true) => {
                let mut i = 0usize;
                while r.element()? {
                    let item = r.value()?;
                    check_identifier(rel, item, r, &data_at.index(i), &mut found)?;
                    i = i.saturating_add(1);
                }
            }
            (other, true) => {
                found.push(linkage(&data_at, reason!("linkage.to_many")));
                r.skip(other)?;
            }
            (other, false) => check_identifier(rel, other, r, &data_at, &mut found)?,
        }
        members.put(Key::Slot(0), found);
    }
    if !has_data {
        members
            .tail
            .push(linkage(&data_at, reason!("linkage.no_data")));
    }
    members.flush(out);
    Ok(())
}

/// A resource identifier: exactly `type` (the relationship's type) and a non-blank `id`.
fn check_identifier<'a>(
    rel: &RelationshipSpec,
    token: Token<'a>,
    r: &mut Reader<'a>,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) -> Result<(), Fault> {
    if !is_object(token, r, at, reason!("linkage.identifier_not_object"), out)? {
        return Ok(());
    }
    let mut members = Members::default();
    let (mut has_type, mut has_id) = (false, false);
    while let Some(name) = r.member()? {
        let member_at = at.key(&name);
        let mut found = Vec::new();
        let token = r.value()?;
        let key = match (name.as_ref(), &token) {
            ("type", Token::String(t)) if !rel.takes_type(t) => {
                found.push(Violation::new(
                    member_at.to_pointer(),
                    Kind::ResourceType {
                        expected: rel.type_name,
                        found: t.to_string(),
                    },
                ));
                Key::Slot(0)
            }
            ("id", Token::String(id)) if is_blank(id) => {
                found.push(Violation::new(member_at.to_pointer(), Kind::Required));
                Key::Slot(1)
            }
            ("type", Token::String(_)) => Key::Slot(0),
            ("id", Token::String(_)) => Key::Slot(1),
            ("type" | "id", _) => {
                found.push(linkage(&member_at, reason!("linkage.not_strings")));
                Key::Slot(usize::from(name == "id"))
            }
            _ => {
                found.push(linkage(&member_at, reason!("linkage.other_member")));
                Key::Name(name.clone())
            }
        };
        match key {
            Key::Slot(0) => has_type = true,
            Key::Slot(_) => has_id = true,
            Key::Name(_) => {}
        }
        r.skip(token)?;
        members.put(key, found);
    }
    for (key, present) in [("type", has_type), ("id", has_id)] {
        if !present {
            members
                .tail
                .push(linkage(&at.key(key), reason!("linkage.missing_member")));
        }
    }
    members.flush(out);
    Ok(())
}

/// Whether the value whose token was just read is an object; if not, a `linkage`
/// violation saying `what` it should be, and the reader is past the value.
fn is_object<'a>(
    token: Token<'a>,
    r: &mut Reader<'a>,
    at: &Path<'_>,
    what: Reason,
    out: &mut Vec<Violation>,
) -> Result<bool, Fault> {
    if token == Token::Object {
        return Ok(true);
    }
    out.push(linkage(at, what));
    r.skip(token)?;
    Ok(false)
}

fn linkage(at: &Path<'_>, reason: Reason) -> Violation {
    Violation::new(at.to_pointer(), Kind::Linkage { reason })
}

/// Writes the linkage of a relationship given in the SDK's flat forms, whose token was
/// just read, and reads past the rest of it: an identifier object is kept as given (so
/// a wrong `type` is still reported), a bare id gets the relationship's type (a
/// polymorphic one's stays bare, for validation to report: its type is unknown), and a
/// to-many list takes either form per entry. Anything else is kept as `data`, for
/// validation to report. Values kept are written as [`write::copy`] writes them.
pub(crate) fn write_flat_linkage<'a>(
    rel: &RelationshipSpec,
    token: Token<'a>,
    r: &mut Reader<'a>,
    out: &mut String,
) -> Result<(), Fault> {
    let mut linkage = Object::new(out);
    let data = linkage.key("data");
    match (token, rel.many) {
        (Token::Array, true) => {
            data.push('[');
            let mut first = true;
            while r.element()? {
                if !core::mem::replace(&mut first, false) {
                    data.push(',');
                }
                let item = r.value()?;
                write_flat_identifier(rel, item, r, data)?;
            }
            data.push(']');
        }
        (other, _) => write_flat_identifier(rel, other, r, data)?,
    }
    linkage.end();
    Ok(())
}

/// One entry of flat linkage: a bare id as `{ type, id }` when the relationship has one
/// type, anything else as given.
fn write_flat_identifier<'a>(
    rel: &RelationshipSpec,
    token: Token<'a>,
    r: &mut Reader<'a>,
    out: &mut String,
) -> Result<(), Fault> {
    match token {
        Token::String(id) if rel.other_types.is_empty() => {
            let mut identifier = Object::new(out);
            write::string(identifier.key("type"), rel.type_name);
            write::string(identifier.key("id"), &id);
            identifier.end();
            Ok(())
        }
        other => write::copy(r, other, out),
    }
}

/// Builds linkage from the SDK's flat forms, as the builders write it: an identifier
/// object is kept as given (so a wrong `type` is still reported), a bare id gets the
/// relationship's type (a polymorphic one's stays bare: its type is unknown), and a
/// to-many list takes either form per entry; anything else is kept as `data`. A value
/// nested deeper than [`crate::json::reader::MAX_DEPTH`] allows once under `data` gives
/// `null`.
#[cfg(feature = "value")]
pub fn linkage_from_flat(rel: &RelationshipSpec, value: &Value) -> Value {
    // Serialising a `Value` cannot fail.
    let text = serde_json::to_vec(value).unwrap_or_default();
    let mut r = Reader::new(&text);
    let mut out = String::new();
    let written = r
        .value()
        .and_then(|token| write_flat_linkage(rel, token, &mut r, &mut out));
    written
        .ok()
        .and_then(|()| crate::json::parse_str(&out).ok())
        .unwrap_or(Value::Null)
}
