//! What the one-pass validators keep while they read an object of a request: each
//! member's violations, warnings and (for a builder) text, by the member's slot in its
//! [`Table`].
//!
//! Entry point: [`Members`]. A repeated member name keeps its last value at its first
//! place, as `crate::json::parse_bytes` reads one (and as serde_json's map, which the
//! `Value` entry points took, holds it): a later occurrence replaces what the earlier
//! one reported and wrote, at the earlier one's place. A name the table does not list
//! is refused once, where it first occurs.

use crate::prelude::*;
use alloc::borrow::Cow;

use super::fields::{Member, Table, MAX_MEMBERS};
use crate::error::{Kind, Violation};
use crate::json::names::NameTable;
use crate::json::reader::{Fault, Reader, Token};
use crate::json::write;
use crate::pointer::Path;

/// What one value reported: faults, and findings that do not block the request.
#[derive(Debug, Default)]
pub(crate) struct Found {
    pub violations: Vec<Violation>,
    pub warnings: Vec<Violation>,
}

impl Found {
    /// A fault of `kind` at `at`.
    pub fn fault(&mut self, at: &Path<'_>, kind: Kind) {
        self.violations.push(Violation::new(at.to_pointer(), kind));
    }

    /// Appends `other` to these.
    pub fn extend(&mut self, other: Found) {
        self.violations.extend(other.violations);
        self.warnings.extend(other.warnings);
    }
}

#[derive(Debug)]
struct Entry<'a> {
    /// The member's slot in the table; `None` for a name it does not list.
    slot: Option<usize>,
    /// The name, for a name the table does not list.
    name: Option<Cow<'a, str>>,
    found: Found,
    /// The value as JSON text, when a builder writes the object.
    text: String,
}

/// How [`Members::read`] checks a member of its table: the reader at the member's value
/// (its token just read), the member's entry, the token, where it is, what it reports
/// into, and the text to write the value into when a builder asks for it. A trait
/// object, so that the bookkeeping around it is compiled once, not for each caller.
pub(crate) type Check<'a, 'c> = dyn FnMut(
        &mut Reader<'a>,
        &'static Member,
        Token<'a>,
        &Path<'_>,
        &mut Found,
        Option<&mut String>,
    ) -> Result<(), Fault>
    + 'c;

/// The members of one object read so far, against `table`.
#[derive(Debug)]
pub(crate) struct Members<'a> {
    table: &'static Table,
    /// In the order of each member's first occurrence; a name the table does not list
    /// has one at each occurrence, and only the first is reported.
    entries: Vec<Entry<'a>>,
    /// For each slot of the table, its entry's index plus one (0: not seen).
    slots: [usize; MAX_MEMBERS],
}

impl<'a> Members<'a> {
    pub fn new(table: &'static Table) -> Self {
        Members {
            table,
            entries: Vec::new(),
            slots: [0; MAX_MEMBERS],
        }
    }

    /// Reads the value of member `name` (its token just read) at `at`: a member of the
    /// table with `check`, which reports into a [`Found`] and writes the value into
    /// the text it is given when a builder asks for text (`build`); any other name
    /// refused and its value passed over.
    pub fn read(
        &mut self,
        r: &mut Reader<'a>,
        name: Cow<'a, str>,
        token: Token<'a>,
        at: &Path<'_>,
        build: bool,
        check: &mut Check<'a, '_>,
    ) -> Result<(), Fault> {
        let table = self.table;
        let Some((slot, entry)) = table.slot(&name).and_then(|s| Some((s, table.member(s)?)))
        else {
            self.refuse(name, at);
            return r.skip(token);
        };
        let mut found = Found::default();
        let mut text = String::new();
        check(
            r,
            entry,
            token,
            &at.key(&name),
            &mut found,
            build.then_some(&mut text),
        )?;
        self.put(slot, found, text);
        Ok(())
    }

    /// Refuses member `name` of the object at `at`, which the table does not list (once,
    /// where it first occurs: [`Members::flush`] leaves out the repeats).
    pub fn refuse(&mut self, name: Cow<'a, str>, at: &Path<'_>) {
        let mut found = Found::default();
        found.violations.push(not_allowed(&at.key(&name), &name));
        self.entries.push(Entry {
            slot: None,
            name: Some(name),
            found,
            text: String::new(),
        });
    }

    /// Records what slot `slot` reported and wrote, in place of an earlier occurrence's.
    pub fn put(&mut self, slot: usize, found: Found, text: String) {
        let index = self.slots.get(slot).and_then(|i| i.checked_sub(1));
        match index.and_then(|i| self.entries.get_mut(i)) {
            Some(entry) => (entry.found, entry.text) = (found, text),
            None => {
                self.entries.push(Entry {
                    slot: Some(slot),
                    name: None,
                    found,
                    text,
                });
                if let Some(i) = self.slots.get_mut(slot) {
                    *i = self.entries.len();
                }
            }
        }
    }

    /// Whether the member of `name` was seen.
    pub fn has(&self, name: &str) -> bool {
        self.table
            .slot(name)
            .and_then(|s| self.slots.get(s))
            .is_some_and(|&i| i != 0)
    }

    /// Whether any member reported a fault (each name counted once, with its last
    /// value).
    pub fn reported(&self) -> bool {
        self.entries.iter().any(|e| !e.found.violations.is_empty())
    }

    /// A `required` fault for each member the table requires that was not seen.
    pub fn report_missing(&self, at: &Path<'_>, out: &mut Vec<Violation>) {
        for m in self.table.members {
            if m.required && !self.has(m.name) {
                out.push(Violation::new(at.key(m.name).to_pointer(), Kind::Required));
            }
        }
    }

    /// Hands `take` each entry, each name the table does not list once: where it first
    /// occurs.
    fn first_entries(self, take: &mut dyn FnMut(Entry<'a>)) {
        let names: Vec<&str> = self
            .entries
            .iter()
            .filter_map(|e| e.name.as_deref())
            .collect();
        // Found in linear time: a hostile object may hold 10^5 names.
        let firsts = NameTable::first_occurrences(&names);
        let mut unlisted = 0usize;
        for entry in self.entries {
            if entry.name.is_some() {
                let repeated = firsts.get(unlisted) != Some(&unlisted);
                unlisted = unlisted.saturating_add(1);
                if repeated {
                    continue;
                }
            }
            take(entry);
        }
    }

    /// Every member's findings, in the order of their first occurrence.
    pub fn flush(self, found: &mut Found) {
        self.first_entries(&mut |entry| found.extend(entry.found));
    }

    /// Every member's findings for a request object, whose faults come in a fixed
    /// order: the names the table does not list first, in the order they came, then
    /// each member's in the order of the table.
    pub fn flush_by_table(self, found: &mut Found) {
        let mut by_slot: [Option<Found>; MAX_MEMBERS] = Default::default();
        self.first_entries(
            &mut |entry| match entry.slot.and_then(|s| by_slot.get_mut(s)) {
                Some(slot) => *slot = Some(entry.found),
                None => found.extend(entry.found),
            },
        );
        for member in by_slot.into_iter().flatten() {
            found.extend(member);
        }
    }

    /// The object as JSON text, its members in the order of their first occurrence,
    /// each with its last value, after `first` (a member to write first when the
    /// object lacks it). Meaningful only for an object that reported no fault: a name
    /// the table does not list, which is one, is not written.
    pub fn write(&self, out: &mut String, first: Option<(&str, &str)>) {
        let mut o = write::Object::new(out);
        if let Some((name, text)) = first.filter(|(name, _)| !self.has(name)) {
            o.key(name).push_str(text);
        }
        for entry in &self.entries {
            if let Some(m) = entry.slot.and_then(|s| self.table.member(s)) {
                o.key(m.name).push_str(&entry.text);
            }
        }
        o.end();
    }
}

/// Writes the value whose token was just read into `text`, as serde_json writes it,
/// when there is text to write; passes over the rest of a container unwritten. Every
/// value a builder writes whole is a string, a boolean or an integer within `i64` (a
/// quantity): any other value where one of those belongs is a fault, and no request
/// is built with one.
pub(crate) fn pass<'a>(
    r: &mut Reader<'a>,
    token: Token<'a>,
    text: Option<&mut String>,
) -> Result<(), Fault> {
    let Some(out) = text else {
        return r.skip(token);
    };
    match token {
        Token::String(s) => write::string(out, &s),
        Token::Number(n) => {
            if let Ok(v) = n.parse::<i64>() {
                write::signed(out, v);
            }
        }
        Token::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        Token::Null => out.push_str("null"),
        container => return r.skip(container),
    }
    Ok(())
}

/// A member the request may not carry.
pub(crate) fn not_allowed(at: &Path<'_>, name: &str) -> Violation {
    Violation::new(
        at.to_pointer(),
        Kind::NotAllowed {
            member: name.to_owned(),
        },
    )
}
