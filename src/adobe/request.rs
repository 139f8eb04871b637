//! Reading a request of either endpoint once, whichever way it comes: a request object
//! (`{ customerId, body, headers, … }`, what the validators take), a builder's flat
//! input (the request's own members beside the body's), or a forwarded body with the
//! request object's other members in a text of their own.
//!
//! Entry points: [`validate`], [`build`] and [`forward`], which the entry points of
//! `adobe` and `adobe::update` call with their [`Endpoint`]. Each member is checked
//! against its entry of the field table as it is read; a request object's faults come
//! in the table's order (the names it does not list first), each object's in member
//! order.

use crate::prelude::*;
use alloc::borrow::Cow;

use chrono::NaiveDate;

use super::body::{self, Rules};
use super::fields::{Field, Member, Table};
use super::walk::{Found, Members};
use super::{headers, window, AdobeHttpRequest, AdobeRequestOptions, Built, Headers, Report};
use crate::check::values::type_violation;
use crate::error::{Format, JsonType, Kind, Violation};
use crate::json::reader::{Fault, Reader, Token};
use crate::pointer::Path;

/// The ids of the URL path, in the order [`Values::ids`] keeps them.
const IDS: [&str; 2] = ["customerId", "subscriptionId"];
/// The dates of a create request, in the order [`Values::dates`] keeps them.
const DATES: [&str; 2] = ["today", "anniversaryDate"];
/// The update's query parameters, as the request names them and as the URL spells
/// them, in the order [`Values::flags`] keeps them.
pub(crate) const QUERY: [(&str, &str); 2] = [
    ("resetFlexDiscountCodes", "reset-flex-discount-codes"),
    ("resetRenewalCode", "reset-renewal-code"),
];

/// What one endpoint reads a request with.
#[derive(Debug)]
pub(crate) struct Endpoint {
    /// The update's (`PATCH`) rather than create's (`POST`).
    pub update: bool,
    /// The request object's members ([`REQUEST`](super::fields::REQUEST) or
    /// [`UPDATE_REQUEST`](super::fields::UPDATE_REQUEST)).
    pub table: &'static Table,
    /// The body's members.
    pub body: &'static Table,
    /// What the body is checked against besides its text.
    pub rules: Rules,
    /// Why the caller's context refuses a well-formed id, by its place in [`IDS`].
    pub refusals: [Option<crate::words::Reason>; 2],
    /// The update's day and the subscription's anniversary, from the context.
    pub days: Option<(NaiveDate, NaiveDate)>,
}

/// Where a request's parts come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Source {
    /// A request object: the body and the headers are its members.
    Object,
    /// A builder's flat input: the members that are not the request's own are the
    /// body's, and the body is written as they are read.
    Flat,
    /// A request object beside a forwarded body: its `body` and `headers` are not
    /// read (the forwarded body and the options' headers take their place).
    Forwarded,
}

/// The last value of each of the request's own members that a rule or the URL reads.
#[derive(Debug, Default)]
struct Values<'a> {
    ids: [Option<Cow<'a, str>>; 2],
    dates: [Option<NaiveDate>; 2],
    flags: [Option<bool>; 2],
}

/// A body as read. Its findings wait for the rest of the request: the update's
/// flexible discount reset (a query flag) makes it optional.
#[derive(Debug)]
enum BodyRead<'a> {
    Null,
    /// No object: its `type` fault.
    Other(Found),
    Object(Members<'a>),
}

/// A request object as read.
#[derive(Debug)]
struct Read<'a> {
    top: Members<'a>,
    values: Values<'a>,
    body: Option<BodyRead<'a>>,
}

/// Reads all of `text` with `read`; the one violation that stops it otherwise: text
/// over [`crate::json::check_limits`]' limits, or not JSON.
fn read_text<'a, T>(
    text: &'a [u8],
    read: impl FnOnce(&mut Reader<'a>) -> Result<T, Fault>,
) -> Result<T, Violation> {
    crate::json::check_limits(text)?;
    let mut r = Reader::new(text);
    let value = read(&mut r).and_then(|v| r.finish().map(|()| v));
    value.map_err(|fault| fault.into_violation(text))
}

/// The fault of a request (or flat input) of type `found`, which is no object.
fn not_an_object(found: JsonType) -> Violation {
    Violation::new(
        "",
        Kind::Type {
            expected: JsonType::Object,
            found,
        },
    )
}

/// A fault of a forwarded body's text, at `/body`.
pub(crate) fn in_body(v: Violation) -> Violation {
    Violation::new(["/body", v.pointer.as_str()].concat(), v.kind)
}

/// Whether `name` is, in a builder's flat input, one of the request's own members (an
/// id, a date, a query flag) rather than one of its body's.
fn is_own(table: &Table, name: &str) -> bool {
    table
        .slot(name)
        .and_then(|s| table.member(s))
        .is_some_and(|m| !matches!(m.field, Field::Object(_) | Field::Headers))
}

/// Reads a request whose token is next; `Err` with its type when it is no object.
fn read_request<'a>(
    r: &mut Reader<'a>,
    ep: &Endpoint,
    source: Source,
) -> Result<Result<Read<'a>, JsonType>, Fault> {
    let token = r.value()?;
    if token != Token::Object {
        let found = token.json_type();
        r.skip(token)?;
        return Ok(Err(found));
    }
    let root = Path::Root;
    let body_at = root.key("body");
    let mut top = Members::new(ep.table);
    let mut values = Values::default();
    let mut body = None;
    let mut flat = (source == Source::Flat).then(|| Members::new(ep.body));
    while let Some(name) = r.member()? {
        let token = r.value()?;
        if let Some(members) = flat.as_mut().filter(|_| !is_own(ep.table, &name)) {
            members.read(
                r,
                name,
                token,
                &body_at,
                true,
                &mut |r, m, token, at, f, text| {
                    body::check_member(r, m, token, at, &ep.rules, f, text)
                },
            )?;
            continue;
        }
        if source == Source::Forwarded && matches!(name.as_ref(), "body" | "headers") {
            r.skip(token)?;
            continue;
        }
        top.read(
            r,
            name,
            token,
            &root,
            false,
            &mut |r, m, token, at, found, _| match m.field {
                Field::Object(_) => {
                    body = Some(read_body(r, token, at, ep)?);
                    Ok(())
                }
                Field::Headers => read_headers(r, token, at, found),
                _ => own_member(r, m, token, at, ep, &mut values, found),
            },
        )?;
    }
    if let Some(members) = flat {
        body = Some(BodyRead::Object(members));
    }
    Ok(Ok(Read { top, values, body }))
}

/// Reads the value of one of the request's own members `m` (an id, a date, a flag).
fn own_member<'a>(
    r: &mut Reader<'a>,
    m: &Member,
    token: Token<'a>,
    at: &Path<'_>,
    ep: &Endpoint,
    values: &mut Values<'a>,
    found: &mut Found,
) -> Result<(), Fault> {
    let place = |names: &[&str]| names.iter().position(|n| *n == m.name).unwrap_or(0);
    match m.field {
        Field::PathId(format) => {
            let i = place(&IDS);
            let refusal = ep.refusals.get(i).copied().flatten();
            let fault = path_id_fault(&token, format, || {
                refusal.map(|reason| Kind::NotEligible { reason })
            });
            found
                .violations
                .extend(fault.map(|k| Violation::new(at.to_pointer(), k)));
            if let Some(id) = values.ids.get_mut(i) {
                *id = match &token {
                    Token::String(s) => Some(s.clone()),
                    _ => None,
                };
            }
        }
        Field::Date => {
            let day = date_value(&token, at, found);
            if let Some(slot) = values.dates.get_mut(place(&DATES)) {
                *slot = day;
            }
        }
        Field::Flag => {
            let flag = match token {
                Token::Null => None,
                Token::Bool(b) => Some(b),
                ref other => {
                    found
                        .violations
                        .push(type_violation(at, JsonType::Boolean, other));
                    None
                }
            };
            let names = QUERY.map(|(name, _)| name);
            if let Some(slot) = values.flags.get_mut(place(&names)) {
                *slot = flag;
            }
        }
        _ => {}
    }
    r.skip(token)
}

/// What is wrong with an id that goes into the URL path unencoded (the customer's, the
/// subscription's): missing or blank, longer than [`body::MAX_ID_LENGTH`] characters,
/// not of `format`, not a string; and, for a well-formed one, what `eligible` says.
/// Adobe's `ACCOUNT_ID_REGEX` (validations page: 4 to 40 letters, digits and
/// hyphens) is taken with ASCII letters only, since the id goes into the URL path
/// unencoded; that keeps it one safe path segment: no `/`, `.`, `%`, `?` or `#`.
fn path_id_fault(
    token: &Token<'_>,
    format: Format,
    eligible: impl FnOnce() -> Option<Kind>,
) -> Option<Kind> {
    match token {
        Token::Null => Some(Kind::Required),
        Token::String(s) if s.is_empty() => Some(Kind::Required),
        Token::String(s) if body::char_count(s) > body::MAX_ID_LENGTH => Some(Kind::MaxLength {
            max: body::MAX_ID_LENGTH,
        }),
        Token::String(s) if !format.matches(s) => Some(Kind::Format { format }),
        Token::String(_) => eligible(),
        other => Some(body::type_kind(JsonType::String, other)),
    }
}

/// A required `YYYY-MM-DD` member, as a date ([`window::date`]).
fn date_value(token: &Token<'_>, at: &Path<'_>, found: &mut Found) -> Option<NaiveDate> {
    let fault = match token {
        Token::Null => Kind::Required,
        Token::String(s) => match window::date(s) {
            Ok(day) => return Some(day),
            Err(kind) => kind,
        },
        other => body::type_kind(JsonType::String, other),
    };
    found.fault(at, fault);
    None
}

/// The body, whose token was just read.
fn read_body<'a>(
    r: &mut Reader<'a>,
    token: Token<'a>,
    at: &Path<'_>,
    ep: &Endpoint,
) -> Result<BodyRead<'a>, Fault> {
    if token == Token::Null {
        return Ok(BodyRead::Null);
    }
    let mut found = Found::default();
    Ok(
        match body::read_body(r, token, ep.body, at, &ep.rules, &mut found)? {
            Some(members) => BodyRead::Object(members),
            None => BodyRead::Other(found),
        },
    )
}

/// A request object's `headers`, whose token was just read: `null` is missing (Adobe
/// 1122), not a wrong value.
fn read_headers<'a>(
    r: &mut Reader<'a>,
    token: Token<'a>,
    at: &Path<'_>,
    found: &mut Found,
) -> Result<(), Fault> {
    if token == Token::Null {
        found.fault(at, Kind::Required);
        return Ok(());
    }
    headers::read_headers(r, token, at, found)
}

/// The faults of the headers a builder sends, as a request object's `headers`.
fn sent_headers(sent: &[(&'static str, String)], at: &Path<'_>) -> Found {
    let mut read = headers::Headers::default();
    for (name, value) in sent {
        read.put(Cow::Borrowed(name), &Token::String(Cow::Borrowed(value)));
    }
    let mut found = Found::default();
    read.finish(at, &mut found.violations);
    found
}

/// Records `found` as what member `name` of the request reported.
fn put(top: &mut Members<'_>, table: &Table, name: &str, found: Found) {
    if let Some(slot) = table.slot(name) {
        top.put(slot, found, String::new());
    }
}

/// The request's findings once it is read (with `sent`, the faults of the headers a
/// builder sends, where the request carries none): the members its table does not
/// list, then each member's in the order of the table, a missing one's `required`;
/// then the day's: create's window, the update's advice.
fn finish(
    mut top: Members<'_>,
    body: Option<BodyRead<'_>>,
    values: &Values<'_>,
    ep: &Endpoint,
    sent: Option<Found>,
) -> Found {
    let root = Path::Root;
    let at = root.key("body");
    // Removing the flexible discount takes no body (update page: "Request body:
    // None"), and it may be empty ("Empty or applicable body", flexible discounts page).
    let reset_flex = ep.update && values.flags.first() == Some(&Some(true));
    let mut found = Found::default();
    match body {
        None | Some(BodyRead::Null) if reset_flex => {}
        // A missing or null body is a missing field (Adobe 1122), not a wrong value.
        None | Some(BodyRead::Null) => found.fault(&at, Kind::Required),
        Some(BodyRead::Other(other)) => found = other,
        Some(BodyRead::Object(members)) if !ep.update => {
            body::finish_create_body(members, &at, &mut found);
        }
        Some(BodyRead::Object(members)) => {
            let mut missing = Vec::new();
            if !reset_flex {
                members.report_missing(&at, &mut missing);
            }
            members.flush(&mut found);
            found.violations.extend(missing);
        }
    }
    put(&mut top, ep.table, "body", found);
    if let Some(sent) = sent {
        put(&mut top, ep.table, "headers", sent);
    }
    for (slot, m) in ep.table.members.iter().enumerate() {
        if m.required && !top.has(m.name) {
            let mut found = Found::default();
            found.fault(&root.key(m.name), Kind::Required);
            top.put(slot, found, String::new());
        }
    }
    let mut found = Found::default();
    top.flush_by_table(&mut found);
    if let Some((today, anniversary)) = ep.days {
        if let Some(kind) = window::late_update(today, anniversary) {
            let autorenewal = at.key("autoRenewal");
            found
                .warnings
                .push(Violation::new(autorenewal.to_pointer(), kind));
        }
    } else if let [Some(today), Some(anniversary)] = values.dates {
        if let Some(kind) = window::creation_fault(today, anniversary) {
            found.fault(&root.key("today"), kind);
        }
    }
    found
}

/// The request to send, when the report has no fault and the ids are strings: create's
/// `POST`, or the update's `PATCH` with the query flags the request sets (`null` sets
/// none).
fn http_request(
    ep: &Endpoint,
    report: &Report,
    options: &AdobeRequestOptions<'_>,
    values: &Values<'_>,
    headers: Headers,
    body: String,
) -> Option<AdobeHttpRequest> {
    if !report.violations.is_empty() {
        return None;
    }
    let [customer, subscription] = &values.ids;
    let mut url = String::from(options.environment.base_url());
    for part in ["/v3/customers/", customer.as_deref()?, "/subscriptions"] {
        url.push_str(part);
    }
    if !ep.update {
        return Some(AdobeHttpRequest {
            method: "POST",
            url,
            headers,
            body,
        });
    }
    url.push('/');
    url.push_str(subscription.as_deref()?);
    let mut separator = '?';
    for ((_, param), value) in QUERY.iter().zip(values.flags) {
        if let Some(value) = value {
            url.push(separator);
            url.push_str(param);
            url.push_str(if value { "=true" } else { "=false" });
            separator = '&';
        }
    }
    Some(AdobeHttpRequest {
        method: "PATCH",
        url,
        headers,
        body,
    })
}

/// Checks a request object given as JSON text.
pub(crate) fn validate(text: &[u8], ep: &Endpoint) -> Report {
    match read_text(text, |r| read_request(r, ep, Source::Object)) {
        Ok(Ok(Read { top, values, body })) => finish(top, body, &values, ep, None).into(),
        Ok(Err(found)) => Report::refused(not_an_object(found)),
        Err(v) => Report::refused(v),
    }
}

/// Builds from flat input given as JSON text: the request object it makes (its body
/// members as `body`, the options' headers as `headers`) checked as [`validate`]
/// checks one, and the body written as it was read.
pub(crate) fn build(input: &[u8], options: &AdobeRequestOptions<'_>, ep: &Endpoint) -> Built {
    let Read { top, values, body } = match read_text(input, |r| read_request(r, ep, Source::Flat)) {
        Ok(Ok(read)) => read,
        Ok(Err(found)) => return Built::refused(not_an_object(found)),
        Err(v) => return Built::refused(v),
    };
    let mut text = String::new();
    if let Some(BodyRead::Object(members)) = &body {
        members.write(&mut text, None);
    }
    answer(top, body, &values, ep, options, text)
}

/// What a builder or a forwarder answers once the request is read: its faults, the
/// options' headers checked as its `headers`; and, when nothing is at fault, the
/// request to send with `text` as its body.
fn answer(
    top: Members<'_>,
    body: Option<BodyRead<'_>>,
    values: &Values<'_>,
    ep: &Endpoint,
    options: &AdobeRequestOptions<'_>,
    text: String,
) -> Built {
    let headers = super::request_headers(options);
    let sent = sent_headers(&headers, &Path::Root.key("headers"));
    let report: Report = finish(top, body, values, ep, Some(sent)).into();
    let request = http_request(ep, &report, options, values, headers, text);
    Built { request, report }
}

/// Checks a body as it is sent, in the request object given beside it, with the
/// options' headers, and wraps it as it came. What stops it, first found first: a body
/// over [`MAX_INPUT_BYTES`](crate::json::MAX_INPUT_BYTES), a request object that is not
/// JSON, a body that is not (its fault under `/body`), a request that is no object.
pub(crate) fn forward(
    body: &[u8],
    request: &[u8],
    options: &AdobeRequestOptions<'_>,
    ep: &Endpoint,
) -> Built {
    if let Err(v) = crate::json::check_size(body.len()) {
        return Built::refused(in_body(v));
    }
    let read = match read_text(request, |r| read_request(r, ep, Source::Forwarded)) {
        Ok(read) => read,
        Err(v) => return Built::refused(v),
    };
    let at = Path::Root.key("body");
    let sent_body = read_text(body, |r| {
        let token = r.value()?;
        read_body(r, token, &at, ep)
    });
    let (Read { top, values, .. }, sent_body) = match (read, sent_body) {
        (_, Err(v)) => return Built::refused(in_body(v)),
        (Err(found), _) => return Built::refused(not_an_object(found)),
        (Ok(read), Ok(sent_body)) => (read, sent_body),
    };
    // The reader has read the body as JSON text, so it is UTF-8.
    let text = core::str::from_utf8(body)
        .map(str::to_owned)
        .unwrap_or_default();
    answer(top, Some(sent_body), &values, ep, options, text)
}
