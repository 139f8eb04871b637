//! The body of `POST /v3/customers/{customer-id}/subscriptions`.
//!
//! Entry point: [`check_body`]. The members are tables ([`CREATE_BODY`], [`RENEWAL`],
//! [`UPDATE_BODY`]) that the JSON Schema (`crate::json_schema`) reads too. Unknown
//! members are reported (Adobe answers them with error 1121); a non-15-character offer
//! id is only a warning, since Adobe publishes no grammar for offer ids, and so is an
//! ISO 4217 currency that Adobe's price lists do not name.

use serde_json::{Map, Value};

use super::{AdobeContext, LicenseType};
use crate::check::values::{expect_object, type_violation};
use crate::error::{Format, JsonType, Kind, Violation};
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

/// What a member of an Adobe body holds: the checks below and the JSON Schema
/// (`crate::json_schema`) both read the members from the tables [`CREATE_BODY`],
/// [`RENEWAL`] and [`UPDATE_BODY`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Field {
    /// The offer id: an id of ASCII letters and digits; one that is not the usual 15
    /// characters is a warning, and a consumable offer (context) is refused.
    OfferId,
    /// A non-empty id of at most [`MAX_ID_LENGTH`] characters, in a format when there is one.
    Id(Option<Format>),
    /// An active ISO 4217 code; one Adobe's price lists do not name is a warning.
    Currency,
    /// The `autoRenewal` object, whose members are [`RENEWAL`].
    AutoRenewal,
    /// `autoRenewal.enabled`: create takes only `true`, update either.
    Enabled,
    /// `renewalQuantity`: 1 to the license type's limit.
    Quantity,
    /// `renewalCode`: one of [`RENEWAL_CODES`].
    RenewalCode,
    /// `flexDiscountCodes`: at most one code, each a non-blank id of at most
    /// [`MAX_ID_LENGTH`] characters.
    FlexCodes,
}

/// A member of a body object: its name, whether the request requires it, what it holds.
pub type Member = (&'static str, bool, Field);

/// The create body's members, in the order the create page lists them.
pub const CREATE_BODY: &[Member] = &[
    ("offerId", true, Field::OfferId),
    ("autoRenewal", true, Field::AutoRenewal),
    // Adobe limits deployment ids to 40 characters and documents nothing else
    // (resources page: "Max: 40 characters"); they are JSON strings, not paths.
    ("deploymentId", false, Field::Id(None)),
    ("currencyCode", false, Field::Currency),
];

/// Members of the create body that need another: a deployment is outside the
/// customer's home country, so its currency must be named.
pub const CREATE_DEPENDENT: &[(&str, &str)] = &[("deploymentId", "currencyCode")];

/// `autoRenewal`'s members, and which a create requires: `enabled` may be left out (the
/// High Growth page's create request omits it and its response shows `"enabled": true`).
/// An update requires none.
pub const RENEWAL: &[Member] = &[
    ("enabled", false, Field::Enabled),
    ("renewalQuantity", true, Field::Quantity),
    ("renewalCode", false, Field::RenewalCode),
    ("flexDiscountCodes", false, Field::FlexCodes),
];

/// The update body's members: `autoRenewal`, required unless the request resets the
/// flexible discount (update.rs).
pub const UPDATE_BODY: &[Member] = &[("autoRenewal", true, Field::AutoRenewal)];

/// The field `name` holds in `table`.
pub fn field(table: &[Member], name: &str) -> Option<Field> {
    table
        .iter()
        .find(|(n, _, _)| *n == name)
        .map(|(_, _, f)| *f)
}

/// Checks the body; violations go to `out`, advisory findings to `warnings`.
pub fn check_body(
    body: &Value,
    at: &Path<'_>,
    context: &AdobeContext,
    out: &mut Vec<Violation>,
    warnings: &mut Vec<Violation>,
) {
    let Some(members) = expect_object(body, at, out) else {
        return;
    };
    for (name, value) in members {
        let member = at.key(name);
        match field(CREATE_BODY, name) {
            Some(Field::OfferId) => check_offer_id(value, &member, context, out, warnings),
            Some(Field::AutoRenewal) => check_auto_renewal(value, &member, context, out),
            Some(Field::Id(format)) => check_id(value, &member, format, out),
            Some(Field::Currency) => check_currency(value, &member, out, warnings),
            _ => out.push(not_allowed(&member, name)),
        }
    }
    report_required(CREATE_BODY, members, at, out);
    for (member, needs) in CREATE_DEPENDENT {
        if members.contains_key(*member) && !members.contains_key(*needs) {
            out.push(Violation::new(
                at.key(needs).to_pointer(),
                Kind::DependentRequired { because: member },
            ));
        }
    }
}

/// A `required` violation for each member `table` requires that `members` lacks.
pub(super) fn report_required(
    table: &[Member],
    members: &Map<String, Value>,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
) {
    for (name, required, _) in table {
        if *required && !members.contains_key(*name) {
            out.push(Violation::new(at.key(name).to_pointer(), Kind::Required));
        }
    }
}

/// A member the table does not list (Adobe's 1121, or 1119 for one it lists as not
/// editable: `adobe::errors` tells them apart).
pub(super) fn not_allowed(member: &Path<'_>, name: &str) -> Violation {
    Violation::new(
        member.to_pointer(),
        Kind::NotAllowed {
            member: name.to_owned(),
        },
    )
}

fn check_offer_id(
    value: &Value,
    at: &Path<'_>,
    context: &AdobeContext,
    out: &mut Vec<Violation>,
    warnings: &mut Vec<Violation>,
) {
    let before = out.len();
    check_id(value, at, Some(Format::Alphanumeric), out);
    if out.len() != before {
        return;
    }
    if let Value::String(s) = value {
        if !Format::UsualOfferId.matches(s) {
            warnings.push(Violation::new(
                at.to_pointer(),
                Kind::Format {
                    format: Format::UsualOfferId,
                },
            ));
        }
    }
    if context.consumable == Some(true) {
        out.push(Violation::new(
            at.to_pointer(),
            Kind::NotEligible {
                reason: "Adobe does not allow subscriptions to consumable offers (such as Adobe Stock credit packs and Adobe Sign transactions)",
            },
        ));
    }
}

fn check_auto_renewal(
    value: &Value,
    at: &Path<'_>,
    context: &AdobeContext,
    out: &mut Vec<Violation>,
) {
    let Some(members) = expect_object(value, at, out) else {
        return;
    };
    for (name, value) in members {
        let member = at.key(name);
        match field(RENEWAL, name) {
            Some(Field::Enabled) => match value {
                Value::Bool(true) => {}
                // The create endpoint only takes `true`.
                Value::Bool(false) => out.push(Violation::new(
                    member.to_pointer(),
                    Kind::Const {
                        expected: super::TRUE_TEXT,
                    },
                )),
                other => out.push(type_violation(&member, JsonType::Boolean, other)),
            },
            _ => check_renewal_member(name, value, &member, context.license_type, out),
        }
    }
    report_required(RENEWAL, members, at, out);
}

/// The `autoRenewal` members create and update share (`renewalQuantity`,
/// `renewalCode`, `flexDiscountCodes`); any other is not allowed. `enabled` is each
/// endpoint's own: create takes only `true`, update either.
pub(super) fn check_renewal_member(
    name: &str,
    value: &Value,
    member: &Path<'_>,
    license_type: Option<LicenseType>,
    out: &mut Vec<Violation>,
) {
    match field(RENEWAL, name) {
        Some(Field::Quantity) => check_quantity(value, member, license_type, out),
        Some(Field::RenewalCode) => check_string(value, member, out, |s| {
            (!RENEWAL_CODES.contains(&s)).then_some(Kind::Enum {
                allowed: RENEWAL_CODES,
            })
        }),
        Some(Field::FlexCodes) => check_flex_codes(value, member, out),
        _ => out.push(not_allowed(member, name)),
    }
}

/// The upper limit of `renewalQuantity` for the product family; the Enterprise one
/// when the caller does not say.
pub(super) fn max_quantity(license_type: Option<LicenseType>) -> i64 {
    match license_type {
        Some(LicenseType::Team) => MAX_RENEWAL_QUANTITY_TEAM,
        _ => MAX_RENEWAL_QUANTITY_ENTERPRISE,
    }
}

fn check_quantity(
    value: &Value,
    at: &Path<'_>,
    license_type: Option<LicenseType>,
    out: &mut Vec<Violation>,
) {
    let max = max_quantity(license_type);
    match value.as_i64() {
        Some(v) if (1..=max).contains(&v) => {}
        Some(v) => out.push(Violation::new(
            at.to_pointer(),
            Kind::Range {
                min: 1,
                max,
                value: v,
            },
        )),
        None => out.push(type_violation(at, JsonType::Integer, value)),
    }
}

/// At most one code (Adobe error 2147), each an id of at most 40 characters.
fn check_flex_codes(value: &Value, at: &Path<'_>, out: &mut Vec<Violation>) {
    let Value::Array(codes) = value else {
        out.push(type_violation(at, JsonType::Array, value));
        return;
    };
    if codes.len() > 1 {
        out.push(Violation::new(at.to_pointer(), Kind::MaxItems { max: 1 }));
    }
    for (i, code) in codes.iter().enumerate() {
        check_string(code, &at.index(i), out, |s| {
            if s.trim().is_empty() {
                Some(Kind::Required)
            } else {
                (s.chars().count() > MAX_ID_LENGTH)
                    .then_some(Kind::MaxLength { max: MAX_ID_LENGTH })
            }
        });
    }
}

/// A non-empty id of at most 40 characters, in `format` when there is one.
fn check_id(value: &Value, at: &Path<'_>, format: Option<Format>, out: &mut Vec<Violation>) {
    check_string(value, at, out, |s| {
        if s.is_empty() {
            Some(Kind::Required)
        } else if s.chars().count() > MAX_ID_LENGTH {
            Some(Kind::MaxLength { max: MAX_ID_LENGTH })
        } else {
            format
                .filter(|f| !f.matches(s))
                .map(|format| Kind::Format { format })
        }
    });
}

/// An active ISO 4217 code; one Adobe's price lists do not name is a warning.
fn check_currency(
    value: &Value,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
    warnings: &mut Vec<Violation>,
) {
    let before = out.len();
    check_string(value, at, out, |s| {
        (!Format::CurrencyCode.matches(s)).then_some(Kind::Format {
            format: Format::CurrencyCode,
        })
    });
    if out.len() != before {
        return;
    }
    if let Value::String(s) = value {
        if !Format::PriceListCurrency.matches(s) {
            warnings.push(Violation::new(
                at.to_pointer(),
                Kind::Format {
                    format: Format::PriceListCurrency,
                },
            ));
        }
    }
}

/// A string, then `rule` on it.
fn check_string(
    value: &Value,
    at: &Path<'_>,
    out: &mut Vec<Violation>,
    rule: impl FnOnce(&str) -> Option<Kind>,
) {
    match value {
        Value::String(s) => {
            if let Some(kind) = rule(s) {
                out.push(Violation::new(at.to_pointer(), kind));
            }
        }
        other => out.push(type_violation(at, JsonType::String, other)),
    }
}

/// Keeps the body members of `input`, in input order. An `autoRenewal` object without
/// `enabled` gets `"enabled": true` first: Adobe treats the omission as `true` (High
/// Growth page), and writing it makes the request what the create page shows.
pub fn body_from_flat(input: &Map<String, Value>) -> Map<String, Value> {
    input
        .iter()
        .filter(|(k, _)| !super::REQUEST_MEMBERS.contains(&k.as_str()))
        .map(|(k, v)| {
            let v = match v {
                Value::Object(renewal)
                    if k == "autoRenewal" && !renewal.contains_key("enabled") =>
                {
                    let mut with = Map::new();
                    with.insert("enabled".to_owned(), Value::Bool(true));
                    with.extend(renewal.iter().map(|(k, v)| (k.clone(), v.clone())));
                    Value::Object(with)
                }
                other => other.clone(),
            };
            (k.clone(), v)
        })
        .collect()
}
