//! The one-pass JSON:API document validator shared by every Commerce Layer resource,
//! for creates and updates.
//!
//! Entry points: [`validate_create_text`] and [`validate_text`], which read a whole
//! `{ "data": { "type", "attributes", "relationships" } }` document once, with
//! [`crate::json::reader::Reader`], checks it against a [`ResourceSpec`] as it goes,
//! and reports every violation in document order. Members the resource does not know
//! are reported the way JSONAPI::Resources (the library Commerce Layer's API is built
//! on) rejects them; members the JSON:API specification forbids are reported as
//! `forbidden`. Text that is not JSON is one `invalid_json` violation and nothing else.
//! An update takes the members its [`Access`] allows and needs `data.id`; a create
//! takes the others and needs the required ones.
//!
//! A repeated member name keeps its last value, as Ruby's `JSON.parse` (which Rails
//! reads request bodies with) keeps it: each object's violations are kept per member,
//! and a later occurrence replaces what the earlier one reported.

use crate::prelude::*;
use alloc::borrow::Cow;

use super::linkage::check_linkage;
use super::spec::{Access, Context, Operation, ResourceSpec, Seen, Slots, MAX_MEMBERS};
use super::values::check_value;
use crate::check::values::type_violation;
use crate::error::{JsonType, Kind, Violation};
use crate::json::names::NameTable;
use crate::json::reader::{Fault, Reader, Token};
use crate::pointer::Path;
use crate::words::{reason, Reason};

/// Checks a create document, given as JSON text, against `spec`: every violation in
/// document order.
pub fn validate_create_text(
    spec: &ResourceSpec,
    text: &[u8],
    context: &Context<'_>,
) -> Vec<Violation> {
    validate_text(spec, text, Operation::Create, context)
}

/// Checks a document for `op`, given as JSON text, against `spec`: every violation in
/// document order.
pub fn validate_text(
    spec: &ResourceSpec,
    text: &[u8],
    op: Operation<'_>,
    context: &Context<'_>,
) -> Vec<Violation> {
    if let Err(v) = crate::json::check_limits(text) {
        return vec![v];
    }
    let mut r = Reader::new(text);
    let mut out = Vec::new();
    match document(spec, &mut r, op, context, &mut out).and_then(|()| r.finish()) {
        Ok(()) => out,
        Err(fault) => vec![fault.into_violation(text)],
    }
}

/// A member of an object, as [`Members`] tells occurrences of the same name apart.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Key<'a> {
    /// A name the spec lists, by its position.
    Slot(usize),
    /// Any other name.
    Name(Cow<'a, str>),
}

/// The violations of one object, kept per member so that a repeated name replaces
/// what its earlier occurrence reported (at the earlier one's place). Nothing is
/// allocated for members that report nothing, and no lookup structure is built: the
/// spec's names have fixed slots, and repeats among other names (each of which
/// reports a violation) are found by one sort when the object ends.
#[derive(Debug, Default)]
pub(crate) struct Members<'a> {
    /// In document order of each member's first occurrence.
    entries: Vec<Entry<'a>>,
    /// For each spec slot, its entry's index plus one (0: none yet).
    slots: [usize; MAX_MEMBERS],
    /// For each spec slot, the position of its first occurrence plus one (0: none).
    first: [usize; MAX_MEMBERS],
    /// Members seen so far: the position of the next one.
    count: usize,
    /// Violations about the object as a whole (missing members, cross-member rules).
    pub tail: Vec<Violation>,
}

#[derive(Debug)]
struct Entry<'a> {
    key: Key<'a>,
    /// The position of the member's first occurrence among the object's members.
    at: usize,
    violations: Vec<Violation>,
}

impl<'a> Members<'a> {
    /// Records what the member `key` reported.
    pub fn put(&mut self, key: Key<'a>, violations: Vec<Violation>) {
        let at = self.count;
        self.count = self.count.saturating_add(1);
        match key {
            Key::Slot(s) => {
                self.note_first(s, at);
                self.set_slot(s, violations, false);
            }
            // Every occurrence of another name has an entry, so `flush` can move the
            // last one's violations to the first one's place.
            Key::Name(_) => self.entries.push(Entry {
                key,
                at,
                violations,
            }),
        }
    }

    fn note_first(&mut self, s: usize, at: usize) {
        if let Some(first) = self.first.get_mut(s).filter(|f| **f == 0) {
            *first = at.saturating_add(1);
        }
    }

    /// Sets what slot `s` reports. A slot whose first occurrence reported nothing has
    /// no entry (nothing is allocated for it); when a later occurrence, or a rule at
    /// the end, reports something, the entry goes where the first occurrence was.
    fn set_slot(&mut self, s: usize, violations: Vec<Violation>, always: bool) {
        if let Some(i) = self.slots.get(s).and_then(|&i| i.checked_sub(1)) {
            if let Some(entry) = self.entries.get_mut(i) {
                entry.violations = violations;
            }
            return;
        }
        if violations.is_empty() && !always {
            return;
        }
        let at = self
            .first
            .get(s)
            .and_then(|f| f.checked_sub(1))
            .unwrap_or(self.count);
        let index = self.entries.partition_point(|e| e.at < at);
        // At most one shift per slot: the spec lists a handful of members.
        for slot in &mut self.slots {
            if *slot > index {
                *slot = slot.saturating_add(1);
            }
        }
        if let Some(slot) = self.slots.get_mut(s) {
            *slot = index.saturating_add(1);
        }
        let key = Key::Slot(s);
        self.entries.insert(
            index,
            Entry {
                key,
                at,
                violations,
            },
        );
    }

    /// Gives slot `key` an entry even when it reports nothing yet, so that what is
    /// put for it later keeps its place.
    fn reserve(&mut self, key: Key<'a>) {
        if let Key::Slot(s) = key {
            self.note_first(s, self.count);
            self.set_slot(s, Vec::new(), true);
        }
    }

    /// Sets what slot `s` reports to `violation` alone.
    fn replace(&mut self, s: usize, violation: Violation) {
        self.set_slot(s, vec![violation], true);
    }

    /// Appends every violation, members first, to `out`. For a name that occurs more
    /// than once, the last occurrence's violations take the first one's place.
    pub fn flush(mut self, out: &mut Vec<Violation>) {
        let named: Vec<(&str, usize)> = self
            .entries
            .iter()
            .enumerate()
            .filter_map(|(i, e)| match &e.key {
                Key::Name(name) => Some((name.as_ref(), i)),
                Key::Slot(_) => None,
            })
            .collect();
        if named.len() > 1 {
            let names: Vec<&str> = named.iter().map(|(n, _)| *n).collect();
            let firsts = NameTable::first_occurrences(&names);
            // In document order, so the last occurrence is the one left in place.
            let moves: Vec<(usize, usize)> = firsts
                .iter()
                .enumerate()
                .filter(|(i, first)| i != *first)
                .filter_map(|(i, &first)| Some((named.get(first)?.1, named.get(i)?.1)))
                .collect();
            for (first, later) in moves {
                let taken = self
                    .entries
                    .get_mut(later)
                    .map(|e| core::mem::take(&mut e.violations))
                    .unwrap_or_default();
                if let Some(entry) = self.entries.get_mut(first) {
                    entry.violations = taken;
                }
            }
        }
        for entry in self.entries {
            out.extend(entry.violations);
        }
        out.extend(self.tail);
    }
}

/// What a walk of an object's members found: which of the spec's names were present
/// (and their values, where rules need them) and the other names.
#[derive(Debug, Default)]
pub(crate) struct Names<'a> {
    pub known: Slots<'a>,
    pub others: Vec<Cow<'a, str>>,
    /// Built by [`Names::index`] once the object has been read.
    table: Option<NameTable>,
}

impl Names<'_> {
    fn index(&mut self) {
        self.table = Some(NameTable::new(&self.others));
    }

    fn contains(&self, spec_names: &[&str], name: &str) -> bool {
        spec_names
            .iter()
            .position(|n| super::spec::same_name(n, name))
            .is_some_and(|i| self.known.is_present(i))
            || self
                .table
                .as_ref()
                .is_some_and(|t| t.find(&self.others, name).is_some())
    }
}

fn document(
    spec: &ResourceSpec,
    r: &mut Reader<'_>,
    op: Operation<'_>,
    context: &Context<'_>,
    out: &mut Vec<Violation>,
) -> Result<(), Fault> {
    let root = Path::Root;
    let token = r.value()?;
    if token != Token::Object {
        out.push(type_violation(&root, JsonType::Object, &token));
        return r.skip(token);
    }
    let mut members = Members::default();
    let mut has_data = false;
    while let Some(name) = r.member()? {
        let at = root.key(&name);
        let mut found = Vec::new();
        let token = r.value()?;
        let slot = match name.as_ref() {
            "data" => {
                has_data = true;
                data(spec, token, r, &at, op, context, &mut found)?;
                Some(0)
            }
            "meta" | "jsonapi" => {
                if token != Token::Object {
                    found.push(type_violation(&at, JsonType::Object, &token));
                }
                r.skip(token)?;
                None
            }
            "links" => {
                r.skip(token)?;
                None
            }
            other => {
                let reason = match other {
                    "errors" => reason!("forbidden.errors"),
                    "included" => reason!("forbidden.included"),
                    _ => reason!("forbidden.top_level"),
                };
                found.push(forbidden(&at, reason));
                r.skip(token)?;
                None
            }
        };
        let key = match slot {
            Some(s) => Key::Slot(s),
            None => Key::Name(name.clone()),
        };
        members.put(key, found);
    }
    if !has_data {
        members.tail.push(Violation::new(
            root.key("data").to_pointer(),
            Kind::Required,
        ));
    }
    members.flush(out);
    Ok(())
}

/// The slots of `data`'s members in [`Members`].
const TYPE: usize = 0;
const ATTRIBUTES: usize = 1;
const RELATIONSHIPS: usize = 2;
const ID: usize = 3;

fn data<'a>(
    spec: &ResourceSpec,
    token: Token<'a>,
    r: &mut Reader<'a>,
    at: &Path<'_>,
    op: Operation<'_>,
    context: &Context<'_>,
    out: &mut Vec<Violation>,
) -> Result<(), Fault> {
    match token {
        // Rails' `params.require(:data)` treats `null` as missing.
        Token::Null => {
            out.push(Violation::new(at.to_pointer(), Kind::Required));
            return Ok(());
        }
        Token::Object => {}
        other => {
            out.push(type_violation(at, JsonType::Object, &other));
            return r.skip(other);
        }
    }
    let mut members = Members::default();
    let (mut has_type, mut has_id, mut attributes, mut relationships) = (false, false, None, None);
    while let Some(name) = r.member()? {
        let member = at.key(&name);
        let mut found = Vec::new();
        let token = r.value()?;
        let key = match name.as_ref() {
            "type" => {
                has_type = true;
                check_type(spec, token, r, &member, &mut found)?;
                Key::Slot(TYPE)
            }
            "attributes" => {
                attributes = Some(check_attributes(
                    spec, token, r, &member, op, context, &mut found,
                )?);
                Key::Slot(ATTRIBUTES)
            }
            "relationships" => {
                // Reported at the end of `data`, once the attributes' names are known;
                // the entry keeps the member's place.
                relationships = Some(walk_relationships(spec, token, r, &member, op)?);
                members.reserve(Key::Slot(RELATIONSHIPS));
                Key::Slot(RELATIONSHIPS)
            }
            // JSONAPI::Resources (v0.10, `setup_update_action`) reads `data.id` of an
            // update: it must be there and be the id in the URL.
            "id" if matches!(op, Operation::Update { .. }) => {
                has_id = true;
                if let Operation::Update { id } = op {
                    check_id(id, token, r, &member, &mut found)?;
                }
                Key::Slot(ID)
            }
            // JSONAPI::Resources accepts only type, attributes, relationships and a
            // creatable id in `data`; Commerce Layer generates ids, so `id`, `lid`,
            // `meta` and `links` are refused as parameters like any other member.
            _ => {
                found.push(not_allowed(&member, &name));
                r.skip(token)?;
                Key::Name(name.clone())
            }
        };
        members.put(key, found);
    }
    let has_relationships = relationships.is_some();
    if let Some(rels) = relationships {
        let names = attributes.as_ref().and_then(Option::as_ref);
        let attribute_names: Vec<&str> = spec.attributes.iter().map(|a| a.name).collect();
        let rels_at = at.key("relationships");
        let mut violations = Vec::new();
        rels.finish(spec, names, &attribute_names, &rels_at, op, &mut violations);
        members.put(Key::Slot(RELATIONSHIPS), violations);
    }
    if !has_type {
        members
            .tail
            .push(Violation::new(at.key("type").to_pointer(), Kind::Required));
    }
    if !has_id && op != Operation::Create {
        members
            .tail
            .push(Violation::new(at.key("id").to_pointer(), Kind::Required));
    }
    if attributes.is_none() {
        let attrs = at.key("attributes");
        let none = Slots::default();
        report_missing_attributes(spec, &none, &attrs, op, context, &mut members.tail);
    }
    if !has_relationships {
        let rels = at.key("relationships");
        report_missing_relationships(spec, &Slots::default(), &rels, op, &mut members.tail);
    }
    members.flush(out);
    Ok(())
}

/// `data.id` of an update: the id in the path. `null` is missing, as
/// JSONAPI::Resources' `data[:id].nil?` sees it.
fn check_id<'a>(
    id: &str,
    token: Token<'a>,
    r: &mut Reader<'a>,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) -> Result<(), Fault> {
    expect_string(id, token, r, at, out, |found| Kind::IdMismatch {
        expected: id.to_owned(),
        found,
    })
}

/// `data.type`: the resource's own type.
fn check_type<'a>(
    spec: &ResourceSpec,
    token: Token<'a>,
    r: &mut Reader<'a>,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) -> Result<(), Fault> {
    expect_string(spec.type_name, token, r, at, out, |found| {
        Kind::ResourceType {
            expected: spec.type_name,
            found,
        }
    })
}

/// A member that must be the string `want`: another string is `mismatch(found)`,
/// `null` is missing, anything else is of the wrong type (and is skipped).
fn expect_string<'a>(
    want: &str,
    token: Token<'a>,
    r: &mut Reader<'a>,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
    mismatch: impl FnOnce(String) -> Kind,
) -> Result<(), Fault> {
    match token {
        Token::String(s) if s == want => {}
        Token::String(s) => out.push(Violation::new(at.to_pointer(), mismatch(s.into_owned()))),
        Token::Null => out.push(Violation::new(at.to_pointer(), Kind::Required)),
        other => {
            out.push(type_violation(at, JsonType::String, &other));
            r.skip(other)?;
        }
    }
    Ok(())
}

/// Walks `data.attributes`; the names found, or `None` when it is not an object.
fn check_attributes<'a>(
    spec: &ResourceSpec,
    token: Token<'a>,
    r: &mut Reader<'a>,
    at: &Path<'_>,
    op: Operation<'_>,
    context: &Context<'_>,
    out: &mut Vec<Violation>,
) -> Result<Option<Names<'a>>, Fault> {
    if token != Token::Object {
        out.push(type_violation(at, JsonType::Object, &token));
        r.skip(token)?;
        return Ok(None);
    }
    let mut members = Members::default();
    let mut names = Names::default();
    while let Some(name) = r.member()? {
        let member = at.key(&name);
        let mut found = Vec::new();
        let token = r.value()?;
        if let Some(reason) = reserved_attribute_reason(&name) {
            found.push(forbidden(&member, reason));
            r.skip(token)?;
            names.others.push(name.clone());
            members.put(Key::Name(name), found);
            continue;
        }
        // A member the request does not take is refused like an unknown one:
        // JSONAPI::Resources checks names against the creatable or updatable fields.
        let slot = spec
            .attribute_slot(&name)
            .filter(|&i| spec.attributes.get(i).is_some_and(|a| a.access.allows(op)));
        let Some(slot) = slot else {
            found.push(not_allowed(&member, &name));
            r.skip(token)?;
            names.others.push(name.clone());
            members.put(Key::Name(name), found);
            continue;
        };
        let Some(attr) = spec.attributes.get(slot) else {
            continue;
        };
        // `null` clears an optional attribute; for a required one it is blank, and so
        // is a whitespace-only string (Rails' presence validation).
        let blank = match &token {
            Token::Null => true,
            Token::String(s) => is_blank(s),
            _ => false,
        };
        let seen = Seen::of(&token);
        if blank && attr.required {
            found.push(Violation::new(member.to_pointer(), Kind::Required));
            r.skip(token)?;
        } else if token != Token::Null {
            check_value(attr.value, token, r, &member, &mut found)?;
        }
        names.known.set(slot, seen);
        members.put(Key::Slot(slot), found);
    }
    report_missing_attributes(spec, &names.known, at, op, context, &mut members.tail);
    members.flush(out);
    names.index();
    Ok(Some(names))
}

/// Empty or white space only (Unicode's, as Rails' `blank?` reads it). A visible
/// ASCII first character answers at once: the usual value costs one comparison.
pub(crate) fn is_blank(s: &str) -> bool {
    match s.as_bytes().first() {
        None => true,
        Some(b) if b.is_ascii_graphic() => false,
        Some(_) => s.trim().is_empty(),
    }
}

/// JSON:API §5.2.2/§5.2.3: `id` and `type` name the resource itself, and an attributes
/// object must not hold `relationships` or `links`.
fn reserved_attribute_reason(name: &str) -> Option<Reason> {
    match name {
        "id" | "type" => Some(reason!("forbidden.reserved_attribute")),
        "relationships" | "links" => Some(reason!("forbidden.inside_attributes")),
        _ => None,
    }
}

/// Required attributes that are absent (a create's), the triggers the current status
/// does not allow (an update's), then the resource's cross-attribute rules.
fn report_missing_attributes(
    spec: &ResourceSpec,
    seen: &Slots<'_>,
    at: &Path<'_>,
    op: Operation<'_>,
    context: &Context<'_>,
    out: &mut Vec<Violation>,
) {
    let create = op == Operation::Create;
    let required = spec
        .attributes
        .iter()
        .map(|a| (a.name, a.required && create));
    report_absent(required, seen, at, out);
    let status = context.current.status.filter(|s| spec.statuses.contains(s));
    if let (false, Some(status)) = (create, status) {
        for (slot, a) in spec.attributes.iter().enumerate() {
            let Access::Trigger(refused_in) = a.access else {
                continue;
            };
            // `false` asks for nothing; only a trigger sent as `true` acts.
            if *seen.get(slot) == Seen::Bool(true) && refused_in.contains(&status) {
                out.push(Violation::new(
                    at.key(a.name).to_pointer(),
                    Kind::Transition {
                        trigger: a.name,
                        status: status.to_owned(),
                    },
                ));
            }
        }
    }
    let attrs = spec.attribute_values(seen);
    // "Required, unless activate_by_source_order": the flag defaults to true, so only
    // an explicit false requires the member. An update cannot set it.
    for r in spec.required_unless.iter().filter(|_| create) {
        if *attrs.get(r.flag) == Seen::Bool(false) && attrs.present(r.member).is_none() {
            out.push(Violation::new(
                at.key(r.member).to_pointer(),
                Kind::Required,
            ));
        }
    }
    if let Some(rule) = spec.rules {
        rule(&attrs, at, op, context, out);
    }
}

/// `data.relationships` as read: each member's violations, kept until the end of
/// `data`, where a name that is also an attribute replaces them with `forbidden`.
#[derive(Debug, Default)]
struct Relationships<'a> {
    members: Members<'a>,
    /// The spec's relationships present, by position.
    known: [bool; MAX_MEMBERS],
    /// False when `relationships` is not an object (its violation is in `members`).
    object: bool,
}

impl<'a> Relationships<'a> {
    fn finish(
        mut self,
        spec: &ResourceSpec,
        attributes: Option<&Names<'_>>,
        attribute_names: &[&str],
        at: &Path<'_>,
        op: Operation<'_>,
        out: &mut Vec<Violation>,
    ) {
        if !self.object {
            self.members.flush(out);
            return;
        }
        if let Some(attrs) = attributes {
            let shared = reason!("forbidden.shared_namespace");
            for (slot, rel) in spec.relationships.iter().enumerate() {
                if self.known.get(slot) == Some(&true) && attrs.contains(attribute_names, rel.name)
                {
                    let v = forbidden(&at.key(rel.name), shared);
                    self.members.replace(slot, v);
                }
            }
            // Every other name has an entry (its not_allowed), each occurrence its own.
            for entry in &mut self.members.entries {
                if let Key::Name(name) = &entry.key {
                    if attrs.contains(attribute_names, name) {
                        entry.violations = vec![forbidden(&at.key(name), shared)];
                    }
                }
            }
        }
        let mut present = Slots::default();
        for (slot, seen) in self.known.iter().enumerate() {
            if *seen {
                present.set(slot, Seen::Other);
            }
        }
        report_missing_relationships(spec, &present, at, op, &mut self.members.tail);
        self.members.flush(out);
    }
}

fn walk_relationships<'a>(
    spec: &ResourceSpec,
    token: Token<'a>,
    r: &mut Reader<'a>,
    at: &Path<'_>,
    op: Operation<'_>,
) -> Result<Relationships<'a>, Fault> {
    let mut rels = Relationships::default();
    if token != Token::Object {
        // The only violation then: `finish` reports it as it is.
        rels.members
            .tail
            .push(type_violation(at, JsonType::Object, &token));
        r.skip(token)?;
        return Ok(rels);
    }
    rels.object = true;
    while let Some(name) = r.member()? {
        let member = at.key(&name);
        let mut found = Vec::new();
        let token = r.value()?;
        match spec.relationship_slot(&name, op) {
            Some(slot) => {
                if let Some(rel) = spec.relationships.get(slot) {
                    check_linkage(rel, token, r, &member, &mut found)?;
                }
                if let Some(k) = rels.known.get_mut(slot) {
                    *k = true;
                }
                rels.members.put(Key::Slot(slot), found);
            }
            None => {
                found.push(not_allowed(&member, &name));
                r.skip(token)?;
                rels.members.put(Key::Name(name), found);
            }
        }
    }
    Ok(rels)
}

fn report_missing_relationships(
    spec: &ResourceSpec,
    present: &Slots<'_>,
    at: &Path<'_>,
    op: Operation<'_>,
    out: &mut Vec<Violation>,
) {
    let create = op == Operation::Create;
    let required = spec
        .relationships
        .iter()
        .map(|r| (r.name, r.required && create));
    report_absent(required, present, at, out);
}

/// A `required` violation for each member, listed in slot order as `(name,
/// required)`, that is required and was not seen.
fn report_absent<'n>(
    members: impl Iterator<Item = (&'n str, bool)>,
    seen: &Slots<'_>,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) {
    for (slot, (name, required)) in members.enumerate() {
        if required && !seen.is_present(slot) {
            out.push(Violation::new(at.key(name).to_pointer(), Kind::Required));
        }
    }
}

fn not_allowed(at: &Path<'_>, name: &str) -> Violation {
    Violation::new(
        at.to_pointer(),
        Kind::NotAllowed {
            member: name.to_owned(),
        },
    )
}

fn forbidden(at: &Path<'_>, reason: Reason) -> Violation {
    Violation::new(
        at.to_pointer(),
        Kind::Forbidden {
            member: at.last_key().unwrap_or_default().to_owned(),
            reason,
        },
    )
}

// Each test here holds a text route to the `Value` one, which only native targets have.
#[cfg(test)]
#[cfg(feature = "value")]
mod tests {
    use crate::commercelayer::Resource;

    /// Repeated names give what serde_json's reading gives (its map keeps the first
    /// place and the last value, as Ruby's Hash does), violations in the same order.
    #[test]
    fn repeated_names_read_as_a_map_reads_them() {
        let texts = [
            r#"{"data":{"type":"customer_subscriptions","attributes":{"reference":"ok","foo":1,"reference":5}}}"#,
            r#"{"data":{"type":"customer_subscriptions","attributes":{"reference":5,"foo":1,"reference":"ok"}}}"#,
            r#"{"data":{"type":"customer_subscriptions","attributes":{"foo":1,"bar":2,"foo":3,"customer_email":7}}}"#,
            r#"{"data":{"type":"x","attributes":{},"type":"customer_subscriptions","type":"y"},"data":{"attributes":{}}}"#,
            r#"{"data":{"type":"order_subscriptions","relationships":{"source_order":{"data":{"type":"orders","id":"a"}},"tags":{"data":[]},"source_order":{"data":null}},"attributes":{"frequency":"monthly","source_order":1,"tags":2}}}"#,
            r#"{"data":{"type":"order_subscriptions","attributes":{"frequency":"monthly","starts_at":"2018-01-01T12:00:00.000Z","expires_at":"2017-01-01T12:00:00.000Z","expires_at":"2019-01-01T12:00:00.000Z","activate_by_source_order":false},"relationships":{"source_order":{"data":{"id":"a","type":"orders","id":" ","type":"x"}}}}}"#,
            r#"{"data":{"type":"subscription_models","attributes":{"name":"m","frequencies":["monthly","monthly"],"frequencies":["hourly","x","hourly"]}}}"#,
        ];
        for text in texts {
            let value: serde_json::Value = serde_json::from_str(text).unwrap();
            for resource in Resource::ALL {
                assert_eq!(
                    resource.validate_json(text),
                    resource.validate(&value),
                    "{resource} {text}"
                );
            }
        }
    }
}
