//! The bodies of Adobe's subscription requests: create's (`POST
//! /v3/customers/{customer-id}/subscriptions`) and update's `autoRenewal`.
//!
//! Entry points, for the request readers: `read_body`, which reads a body object
//! once, each member against its entry of the field table
//! ([`CREATE_BODY`](super::fields::CREATE_BODY),
//! [`UPDATE_BODY`](super::fields::UPDATE_BODY), and `autoRenewal`'s
//! [`RENEWAL`](super::fields::RENEWAL) and
//! [`UPDATE_RENEWAL`](super::fields::UPDATE_RENEWAL)), and `check_member`, which a
//! builder calls for each body member of its flat input. Unknown members are reported
//! (Adobe answers them with error 1121); a non-15-character offer id is only a warning,
//! since Adobe publishes no grammar for offer ids, and so is an ISO 4217 currency that
//! Adobe's price lists do not name. A builder has each member's value written as it is
//! read, as serde_json writes it.

use crate::prelude::*;
use alloc::borrow::Cow;

use super::fields::{Field, Member, Table};
use super::walk::{not_allowed, pass, Found, Members};
use super::LicenseType;
use crate::check::values::type_violation;
use crate::error::{Format, JsonType, Kind, Violation};
use crate::json::reader::{Fault, Reader, Token};
use crate::pointer::Path;

/// The High Growth (minimum order quantity) renewal codes Adobe documents.
pub const RENEWAL_CODES: &[&str] = &["MOQ_100", "MOQ_250", "MOQ_500"];

/// Adobe's documented upper limits of `renewalQuantity`.
pub const MAX_RENEWAL_QUANTITY_TEAM: i64 = 10_000;
/// For Enterprise products (and when the caller does not say which).
pub const MAX_RENEWAL_QUANTITY_ENTERPRISE: i64 = 599_000;

/// The currencies Adobe's price-list docs name, for `Format::PriceListCurrency`; the
/// list lives in [`check::format`](crate::check::format) with the other format rules.
pub use crate::check::format::PRICE_LIST_CURRENCIES;

/// The longest id Adobe accepts (offer, deployment, flexible discount code).
pub const MAX_ID_LENGTH: usize = 40;

/// The characters of `s`, as `s.chars().count()` counts them: the bytes that do not
/// continue a UTF-8 sequence. Written here so that the module links no `Chars::count`,
/// whose fast path took 2 KB of it for three 40-character limits.
pub(crate) fn char_count(s: &str) -> usize {
    s.bytes().filter(|&b| b & 0xC0 != 0x80).count()
}

/// Members of the create body that need another: a deployment is outside the
/// customer's home country, so its currency must be named.
pub const CREATE_DEPENDENT: &[(&str, &str)] = &[("deploymentId", "currencyCode")];

/// What a body is checked against besides its text: which endpoint's rules, and what
/// the caller's context says.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Rules {
    /// The update's rules (`enabled` either way, the flexible discount and minimum
    /// order quantity rules) rather than create's.
    pub update: bool,
    /// Sets the upper limit of `renewalQuantity`.
    pub license_type: Option<LicenseType>,
    /// The offer is a consumable (create's context).
    pub consumable: Option<bool>,
    /// Auto-renewal is on now (update's context).
    pub auto_renewal_enabled: Option<bool>,
}

/// Reads a body object (`table` is create's or update's) whose token was just read; a
/// value that is no object is a `type` fault, and `None`.
pub(crate) fn read_body<'a>(
    r: &mut Reader<'a>,
    token: Token<'a>,
    table: &'static Table,
    at: &Path<'_>,
    rules: &Rules,
    found: &mut Found,
) -> Result<Option<Members<'a>>, Fault> {
    if token != Token::Object {
        found
            .violations
            .push(type_violation(at, JsonType::Object, &token));
        r.skip(token)?;
        return Ok(None);
    }
    let mut members = Members::new(table);
    while let Some(name) = r.member()? {
        let token = r.value()?;
        members.read(
            r,
            name,
            token,
            at,
            false,
            &mut |r, m, token, at, found, text| check_member(r, m, token, at, rules, found, text),
        )?;
    }
    Ok(Some(members))
}

/// What create's body reported once it has been read: each member's findings, then
/// the members it requires that are missing, then those another member needs.
pub(crate) fn finish_create_body(members: Members<'_>, at: &Path<'_>, found: &mut Found) {
    let mut tail = Vec::new();
    members.report_missing(at, &mut tail);
    for (member, needs) in CREATE_DEPENDENT {
        if members.has(member) && !members.has(needs) {
            tail.push(Violation::new(
                at.key(needs).to_pointer(),
                Kind::DependentRequired { because: member },
            ));
        }
    }
    members.flush(found);
    found.violations.extend(tail);
}

/// Reads the value of body member `member` (its token just read) at `at`, writing it
/// into `text` when a builder asks for it.
pub(crate) fn check_member<'a>(
    r: &mut Reader<'a>,
    member: &'static Member,
    token: Token<'a>,
    at: &Path<'_>,
    rules: &Rules,
    found: &mut Found,
    text: Option<&mut String>,
) -> Result<(), Fault> {
    let fault = match member.field {
        Field::Object(table) => return renewal(r, token, table, at, rules, found, text),
        Field::FlexCodes => return flex_codes(r, token, at, found, text),
        Field::ReadOnly => {
            found.violations.push(not_allowed(at, member.name));
            return r.skip(token);
        }
        Field::OfferId => offer_id(&token, at, rules, found),
        Field::Id(format) => id_fault(&token, format),
        Field::Currency => currency(&token, at, found),
        Field::Enabled => enabled_fault(&token, rules.update),
        Field::Quantity => quantity_fault(&token, rules.license_type),
        Field::RenewalCode => string_fault(&token, |s| {
            (!RENEWAL_CODES.contains(&s)).then_some(Kind::Enum {
                allowed: RENEWAL_CODES,
            })
        }),
        // The request's own members are not body members.
        Field::PathId(_) | Field::Date | Field::Flag | Field::Headers | Field::Header(_) => None,
    };
    if let Some(kind) = fault {
        found.fault(at, kind);
    }
    pass(r, token, text)
}

/// The last value of each `autoRenewal` member the update's rules between members
/// read.
#[derive(Debug, Default)]
struct Last<'a> {
    enabled: Option<bool>,
    code: Option<Cow<'a, str>>,
    quantity: Option<i64>,
}

impl<'a> Last<'a> {
    fn note(&mut self, name: &str, token: &Token<'a>) {
        match (name, token) {
            ("enabled", Token::Bool(b)) => self.enabled = Some(*b),
            ("enabled", _) => self.enabled = None,
            ("renewalCode", Token::String(s)) => self.code = Some(s.clone()),
            ("renewalCode", _) => self.code = None,
            ("renewalQuantity", _) => self.quantity = integer(token),
            _ => {}
        }
    }
}

/// The `autoRenewal` object (`table` is create's or update's), written into `text`
/// for a builder: create's with `"enabled": true` first when it is left out, since
/// Adobe treats the omission as `true` (High Growth page) and writing it makes the
/// request what the create page shows; update's as given (a left-out `enabled` keeps
/// the current setting).
fn renewal<'a>(
    r: &mut Reader<'a>,
    token: Token<'a>,
    table: &'static Table,
    at: &Path<'_>,
    rules: &Rules,
    found: &mut Found,
    text: Option<&mut String>,
) -> Result<(), Fault> {
    if token != Token::Object {
        found
            .violations
            .push(type_violation(at, JsonType::Object, &token));
        return pass(r, token, text);
    }
    let mut members = Members::new(table);
    let mut last = Last::default();
    while let Some(name) = r.member()? {
        let token = r.value()?;
        last.note(&name, &token);
        members.read(
            r,
            name,
            token,
            at,
            text.is_some(),
            &mut |r, m, token, at, f, text| check_member(r, m, token, at, rules, f, text),
        )?;
    }
    if let Some(out) = text {
        let enabled = (!rules.update).then_some(("enabled", super::TRUE_TEXT));
        members.write(out, enabled);
    }
    let mut tail = Vec::new();
    if !rules.update {
        members.report_missing(at, &mut tail);
    } else if !members.reported() {
        // The rules between members only read members that passed their own checks.
        update_rules(&members, &last, at, rules, &mut tail);
    }
    members.flush(found);
    found.violations.extend(tail);
    Ok(())
}

/// The update's rules between `autoRenewal`'s members.
fn update_rules(
    members: &Members<'_>,
    last: &Last<'_>,
    at: &Path<'_>,
    rules: &Rules,
    out: &mut Vec<Violation>,
) {
    // "If Auto Renew is OFF, it must be turned ON to apply PromoCode. If it is already
    // ON, this field is OPTIONAL." (update page, flexible discount request)
    if members.has("flexDiscountCodes") {
        let enabled = at.key("enabled");
        match last.enabled {
            Some(false) => out.push(Violation::new(
                enabled.to_pointer(),
                Kind::Const {
                    expected: super::TRUE_TEXT,
                },
            )),
            None if rules.auto_renewal_enabled == Some(false) => out.push(Violation::new(
                enabled.to_pointer(),
                Kind::DependentRequired {
                    because: "flexDiscountCodes",
                },
            )),
            _ => {}
        }
    }
    // A minimum order quantity offer renews at least its quantity (High Growth page:
    // MOQ 100, 250 or 500; error 5124 "Invalid Renewal Quantity for Discount Code").
    let min = last.code.as_deref().and_then(super::update::moq);
    if let (Some(min), Some(value)) = (min, last.quantity) {
        if value < min {
            out.push(Violation::new(
                at.key("renewalQuantity").to_pointer(),
                Kind::Range {
                    min,
                    max: max_quantity(rules.license_type),
                    value,
                },
            ));
        }
    }
}

/// A number read as an integer the way serde_json's `as_i64` reads the value
/// `crate::json::parse_bytes` makes of it: an integer literal within `i64`.
fn integer(token: &Token<'_>) -> Option<i64> {
    match token {
        Token::Number(text) => text.parse().ok(),
        _ => None,
    }
}

/// The offer id: a non-empty id of ASCII letters and digits of at most 40 characters;
/// one that is not the usual 15 characters is a warning, and a consumable offer
/// (context) is refused.
fn offer_id(token: &Token<'_>, at: &Path<'_>, rules: &Rules, found: &mut Found) -> Option<Kind> {
    if let Some(kind) = id_fault(token, Some(Format::Alphanumeric)) {
        return Some(kind);
    }
    if let Token::String(s) = token {
        if !Format::UsualOfferId.matches(s) {
            found.warnings.push(Violation::new(
                at.to_pointer(),
                Kind::Format {
                    format: Format::UsualOfferId,
                },
            ));
        }
    }
    (rules.consumable == Some(true)).then_some(Kind::NotEligible {
        reason: crate::words::reason!("not_eligible.consumable"),
    })
}

/// `autoRenewal.enabled`: a boolean, and on create only `true`.
fn enabled_fault(token: &Token<'_>, update: bool) -> Option<Kind> {
    match token {
        Token::Bool(true) => None,
        Token::Bool(false) if update => None,
        // The create endpoint only takes `true`.
        Token::Bool(false) => Some(Kind::Const {
            expected: super::TRUE_TEXT,
        }),
        other => Some(type_kind(JsonType::Boolean, other)),
    }
}

/// The upper limit of `renewalQuantity` for the product family; the Enterprise one
/// when the caller does not say.
pub(crate) fn max_quantity(license_type: Option<LicenseType>) -> i64 {
    match license_type {
        Some(LicenseType::Team) => MAX_RENEWAL_QUANTITY_TEAM,
        _ => MAX_RENEWAL_QUANTITY_ENTERPRISE,
    }
}

fn quantity_fault(token: &Token<'_>, license_type: Option<LicenseType>) -> Option<Kind> {
    let max = max_quantity(license_type);
    match integer(token) {
        Some(v) if (1..=max).contains(&v) => None,
        Some(v) => Some(Kind::Range {
            min: 1,
            max,
            value: v,
        }),
        None => Some(type_kind(JsonType::Integer, token)),
    }
}

/// At most one code (Adobe error 2147), each an id of at most 40 characters: the
/// `max_items` fault comes before the codes' own.
fn flex_codes<'a>(
    r: &mut Reader<'a>,
    token: Token<'a>,
    at: &Path<'_>,
    found: &mut Found,
    mut text: Option<&mut String>,
) -> Result<(), Fault> {
    if token != Token::Array {
        found
            .violations
            .push(type_violation(at, JsonType::Array, &token));
        return pass(r, token, text);
    }
    let mut codes = Vec::new();
    let mut count = 0usize;
    if let Some(out) = text.as_deref_mut() {
        out.push('[');
    }
    while r.element()? {
        let token = r.value()?;
        if let Some(out) = text.as_deref_mut().filter(|_| count > 0) {
            out.push(',');
        }
        let fault = string_fault(&token, |s| {
            if s.trim().is_empty() {
                Some(Kind::Required)
            } else {
                (char_count(s) > MAX_ID_LENGTH).then_some(Kind::MaxLength { max: MAX_ID_LENGTH })
            }
        });
        if let Some(kind) = fault {
            codes.push(Violation::new(at.index(count).to_pointer(), kind));
        }
        pass(r, token, text.as_deref_mut())?;
        count = count.saturating_add(1);
    }
    if let Some(out) = text {
        out.push(']');
    }
    if count > 1 {
        found.fault(at, Kind::MaxItems { max: 1 });
    }
    found.violations.extend(codes);
    Ok(())
}

/// A non-empty id of at most 40 characters, in `format` when there is one.
fn id_fault(token: &Token<'_>, format: Option<Format>) -> Option<Kind> {
    string_fault(token, |s| {
        if s.is_empty() {
            Some(Kind::Required)
        } else if char_count(s) > MAX_ID_LENGTH {
            Some(Kind::MaxLength { max: MAX_ID_LENGTH })
        } else {
            format
                .filter(|f| !f.matches(s))
                .map(|format| Kind::Format { format })
        }
    })
}

/// An active ISO 4217 code; one Adobe's price lists do not name is a warning.
fn currency(token: &Token<'_>, at: &Path<'_>, found: &mut Found) -> Option<Kind> {
    let fault = string_fault(token, |s| {
        (!Format::CurrencyCode.matches(s)).then_some(Kind::Format {
            format: Format::CurrencyCode,
        })
    });
    if let (None, Token::String(s)) = (&fault, token) {
        if !Format::PriceListCurrency.matches(s) {
            found.warnings.push(Violation::new(
                at.to_pointer(),
                Kind::Format {
                    format: Format::PriceListCurrency,
                },
            ));
        }
    }
    fault
}

/// A string, then `rule` on it.
fn string_fault(token: &Token<'_>, rule: impl FnOnce(&str) -> Option<Kind>) -> Option<Kind> {
    match token {
        Token::String(s) => rule(s),
        other => Some(type_kind(JsonType::String, other)),
    }
}

/// A `type` fault: `expected` was needed, `found` was read.
pub(crate) fn type_kind(expected: JsonType, found: &Token<'_>) -> Kind {
    Kind::Type {
        expected,
        found: found.json_type(),
    }
}

#[cfg(test)]
mod tests {
    use super::char_count;
    use crate::prelude::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    // core's `chars().count()` is the independent count: one to four bytes a character,
    // at every position.
    #[test]
    fn char_count_is_chars_count() {
        let pieces = [
            "", "a", "é", "€", "𝄞", "ab", "\u{7f}", "\u{80}", "\u{7ff}", "\u{800}",
        ];
        for a in pieces {
            for b in pieces {
                for c in pieces {
                    let s = [a, b, c].concat();
                    assert_eq!(char_count(&s), s.chars().count(), "{s:?}");
                }
            }
        }
        let long: String = (0..3000u32).filter_map(char::from_u32).collect();
        assert_eq!(char_count(&long), long.chars().count());
    }
}
