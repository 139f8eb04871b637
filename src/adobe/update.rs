//! `PATCH /v3/customers/{customer-id}/subscriptions/{subscription-id}`: a subscription's auto-renewal preferences.
//!
//! Entry points: [`validate_subscription_update_bytes`] checks a request object
//! `{ customerId, subscriptionId, resetFlexDiscountCodes?, resetRenewalCode?, body,
//! headers }` given as JSON text, [`build_subscription_update_bytes`] builds one from
//! flat input, with the same headers as create (built in `adobe/mod.rs`), and
//! [`forward_subscription_update_bytes`] wraps a body as it came; the functions without
//! `_bytes` take a `serde_json::Value`. Each text is read once, against the field
//! table's [`UPDATE_REQUEST`], [`UPDATE_BODY`] and
//! [`UPDATE_RENEWAL`](super::fields::UPDATE_RENEWAL). The members `autoRenewal` shares
//! with create are checked by [`body`] in one place; what is the update's own:
//!
//! - `enabled` may be `true` or `false` (create takes only `true`), and may be left out,
//!   which keeps the current setting; nothing in `autoRenewal` is required.
//! - `flexDiscountCodes` needs auto-renewal on: not with `enabled: false`, and with
//!   `enabled: true` when the caller says it is off now (`autoRenewalEnabled: false`).
//! - with `renewalCode` `MOQ_n`, `renewalQuantity` is at least `n`.
//! - members of the subscription resource that are not `autoRenewal` are not editable
//!   (Adobe error 1119); other members are unexpected (1121).
//! - the update's own codes for an unusable id (3115), a quantity out of range (3116)
//!   or below the renewal code's minimum (5124), and an inactive subscription (3119),
//!   beside those members in the field table.
//! - the subscription must be active or scheduled when the caller states its status.
//! - with `today` and the anniversary date, an update after AD−3 is a warning: Adobe
//!   asks for the preferences to be set at least 3 days before it.
//!
//! A `renewalQuantity` lower than the current quantity is allowed: Adobe removes the
//! extra licenses at renewal.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde_json::Value;

use super::body::{self, Rules};
use super::fields::{Field, Member, UPDATE_BODY, UPDATE_REQUEST};
use super::walk::{Found, Members};
use super::{
    finish_request, headers_member, in_body, is_flat_request_member, json_text, not_an_object,
    path_id_fault, put_member, read_text, request_headers, sent_headers, string, window,
    AdobeHttpRequest, AdobeRequestOptions, Built, LicenseType, Report,
};
use crate::check::values::type_violation;
use crate::error::{JsonType, Kind, Violation};
use crate::json::reader::{Fault, Reader, Token};
use crate::pointer::Path;

/// The query parameters, as the flat input names them and as the URL spells them.
const QUERY: [(&str, &str); 2] = [
    ("resetFlexDiscountCodes", "reset-flex-discount-codes"),
    ("resetRenewalCode", "reset-renewal-code"),
];

/// Subscription statuses an update is taken in: `1000` (active; "The `autoRenewal`
/// preferences can only be updated for an active subscription") and `1009`
/// (scheduled), the status of the update page's own example response.
pub const EDITABLE_STATUSES: &[&str] = &["1000", "1009"];

/// What the caller knows about the subscription that the request does not show.
#[derive(Debug, Clone, Copy, Default)]
pub struct AdobeUpdateContext<'a> {
    /// The subscription's status code (`"1000"` active, `"1004"` inactive, ...).
    pub status: Option<&'a str>,
    /// Whether auto-renewal is on now: a flexible discount code needs it on.
    pub auto_renewal_enabled: Option<bool>,
    /// Team or Enterprise product: sets the upper limit of `renewalQuantity`.
    pub license_type: Option<LicenseType>,
    /// The day of the request (the core reads no clock).
    pub today: Option<NaiveDate>,
    /// The customer's next anniversary (`cotermDate`, the subscription's `renewalDate`).
    pub anniversary_date: Option<NaiveDate>,
}

impl AdobeUpdateContext<'_> {
    /// The rules the update's body is read with.
    fn rules(&self) -> Rules {
        Rules {
            update: true,
            license_type: self.license_type,
            consumable: None,
            auto_renewal_enabled: self.auto_renewal_enabled,
        }
    }
}

/// The update's body as read: its findings wait for the query flags, since resetting
/// the flexible discount makes it optional.
#[derive(Debug)]
enum BodyRead<'a> {
    Null,
    /// No object: its `type` fault.
    Other(Found),
    Object(Members<'a>),
}

/// The values of an update request's own members that its URL and rules read: each
/// member's last.
#[derive(Debug, Default)]
struct UpdateValues<'a> {
    customer: Option<Cow<'a, str>>,
    subscription: Option<Cow<'a, str>>,
    /// The query flags, in the order of [`QUERY`].
    flags: [Option<bool>; 2],
}

impl UpdateValues<'_> {
    /// Whether the request resets the flexible discount.
    fn reset_flex(&self) -> bool {
        self.flags.first() == Some(&Some(true))
    }
}

/// Reads the value of an update request's own member `m` (an id or a query flag).
fn update_member<'a>(
    r: &mut Reader<'a>,
    m: &Member,
    token: Token<'a>,
    at: &Path<'_>,
    context: &AdobeUpdateContext<'_>,
    values: &mut UpdateValues<'a>,
    found: &mut Found,
) -> Result<(), Fault> {
    match m.field {
        Field::PathId(format) => {
            let subscription = m.name == "subscriptionId";
            // Not editable in a status other than EDITABLE_STATUSES (error 3119).
            let fault = path_id_fault(&token, format, || {
                context
                    .status
                    .filter(|s| subscription && !EDITABLE_STATUSES.contains(s))
                    .map(|_| Kind::NotEligible {
                        reason: "only an active or scheduled subscription can be updated",
                    })
            });
            found
                .violations
                .extend(fault.map(|k| Violation::new(at.to_pointer(), k)));
            if subscription {
                values.subscription = string(&token);
            } else {
                values.customer = string(&token);
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
            let index = QUERY.iter().position(|(name, _)| *name == m.name);
            if let Some(slot) = index.and_then(|i| values.flags.get_mut(i)) {
                *slot = flag;
            }
        }
        _ => {}
    }
    r.skip(token)
}

/// The update's body, whose token was just read.
fn read_update_body<'a>(
    r: &mut Reader<'a>,
    token: Token<'a>,
    at: &Path<'_>,
    context: &AdobeUpdateContext<'_>,
) -> Result<BodyRead<'a>, Fault> {
    if token == Token::Null {
        return Ok(BodyRead::Null);
    }
    let mut found = Found::default();
    Ok(
        match body::read_body(r, token, &UPDATE_BODY, at, &context.rules(), &mut found)? {
            Some(members) => BodyRead::Object(members),
            None => BodyRead::Other(found),
        },
    )
}

/// The violations and warnings of an update request once its members are read: the
/// body's once the flags say whether it may be left out, and the late-update advice
/// last.
fn finish_update(
    mut top: Members<'_>,
    body: Option<BodyRead<'_>>,
    values: &UpdateValues<'_>,
    context: &AdobeUpdateContext<'_>,
) -> Report {
    let root = Path::Root;
    let at = root.key("body");
    let reset_flex = values.reset_flex();
    let mut found = Found::default();
    match body {
        // Removing the flexible discount takes no body (update page: "Request body:
        // None").
        None | Some(BodyRead::Null) if reset_flex => {}
        None | Some(BodyRead::Null) => found.fault(&at, Kind::Required),
        Some(BodyRead::Other(other)) => found = other,
        Some(BodyRead::Object(members)) => {
            let mut missing = Vec::new();
            // With the flexible discount reset, the body may be empty ("Empty or
            // applicable body", flexible discounts page).
            if !reset_flex {
                members.report_missing(&at, &mut missing);
            }
            members.flush(&mut found);
            found.violations.extend(missing);
        }
    }
    put_member(&mut top, &UPDATE_REQUEST, "body", found);
    let mut found = finish_request(top, &UPDATE_REQUEST, &root);
    if let (Some(today), Some(anniversary)) = (context.today, context.anniversary_date) {
        if let Some(kind) = window::late_update(today, anniversary) {
            found
                .warnings
                .push(Violation::new(at.key("autoRenewal").to_pointer(), kind));
        }
    }
    found.into()
}

/// Checks an update request object as UTF-8 JSON text (or `text.as_bytes()`), reading
/// it once: faults in request order, the late-update advice as a warning. Text that is
/// not JSON (or is over [`crate::json`]'s limits) is that one violation.
pub fn validate_subscription_update_bytes(
    request: &[u8],
    context: &AdobeUpdateContext<'_>,
) -> Report {
    read_text(request, |r| read_update_request(r, context)).unwrap_or_else(Report::refused)
}

fn read_update_request<'a>(
    r: &mut Reader<'a>,
    context: &AdobeUpdateContext<'_>,
) -> Result<Report, Fault> {
    let root = Path::Root;
    let token = r.value()?;
    if token != Token::Object {
        let report = Report::refused(type_violation(&root, JsonType::Object, &token));
        r.skip(token)?;
        return Ok(report);
    }
    let mut top = Members::new(&UPDATE_REQUEST);
    let mut values = UpdateValues::default();
    let mut body = None;
    while let Some(name) = r.member()? {
        let token = r.value()?;
        top.read(
            r,
            name,
            token,
            &root,
            false,
            |r, m, token, at, found, _| match m.field {
                Field::Object(_) => {
                    body = Some(read_update_body(r, token, at, context)?);
                    Ok(())
                }
                Field::Headers => headers_member(r, token, at, found),
                _ => update_member(r, m, token, at, context, &mut values, found),
            },
        )?;
    }
    Ok(finish_update(top, body, &values, context))
}

/// Checks an update request object: [`validate_subscription_update_bytes`] of its JSON
/// text.
pub fn validate_subscription_update(request: &Value, context: &AdobeUpdateContext<'_>) -> Report {
    validate_subscription_update_bytes(&json_text(request), context)
}

/// The quantity of a renewal code: `MOQ_100` is 100.
pub fn moq(code: &str) -> Option<i64> {
    code.strip_prefix("MOQ_")?.parse().ok()
}

/// The `PATCH` of subscription `subscription` of customer `customer`, with the query
/// flags the request sets (`null` sets none) and `body` as it is sent.
fn update_request(
    options: &AdobeRequestOptions<'_>,
    values: &UpdateValues<'_>,
    headers: super::Headers,
    body: String,
) -> Option<AdobeHttpRequest> {
    let (customer, subscription) = (values.customer.as_ref()?, values.subscription.as_ref()?);
    let query: Vec<String> = QUERY
        .iter()
        .zip(values.flags)
        .filter_map(|((_, param), value)| Some(format!("{param}={}", value?)))
        .collect();
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    Some(AdobeHttpRequest {
        method: "PATCH",
        url: format!(
            "{}/v3/customers/{customer}/subscriptions/{subscription}{query}",
            options.environment.base_url()
        ),
        headers,
        body,
    })
}

/// Checks an update request whose body arrives as it is sent (UTF-8 JSON bytes), with the
/// request object's other members (`{ customerId, subscriptionId,
/// resetFlexDiscountCodes?, resetRenewalCode? }`, JSON text; `body` and `headers` there
/// are not read) and the headers of the options, as
/// [`validate_subscription_update_bytes`] checks a request, and wraps the body, as it
/// came, in the `PATCH`. What stops it is found in the order
/// [`forward_subscription_request_bytes`](super::forward_subscription_request_bytes)
/// finds it.
pub fn forward_subscription_update_bytes(
    body: &[u8],
    request: &[u8],
    options: &AdobeRequestOptions<'_>,
    context: &AdobeUpdateContext<'_>,
) -> Built {
    let root = Path::Root;
    if let Err(v) = crate::json::check_size(body.len()) {
        return Built::refused(in_body(v));
    }
    let mut values = UpdateValues::default();
    let top = read_text(request, |r| {
        let token = r.value()?;
        if token != Token::Object {
            let found = token.json_type();
            r.skip(token)?;
            return Ok(Err(found));
        }
        let mut top = Members::new(&UPDATE_REQUEST);
        while let Some(name) = r.member()? {
            let token = r.value()?;
            // The forwarded body and the options' headers take these members' place.
            if matches!(name.as_ref(), "body" | "headers") {
                r.skip(token)?;
                continue;
            }
            top.read(r, name, token, &root, false, |r, m, token, at, found, _| {
                update_member(r, m, token, at, context, &mut values, found)
            })?;
        }
        Ok(Ok(top))
    });
    let top = match top {
        Ok(top) => top,
        Err(v) => return Built::refused(v),
    };
    let at = root.key("body");
    let read = read_text(body, |r| {
        let token = r.value()?;
        read_update_body(r, token, &at, context)
    });
    let (mut top, read) = match (top, read) {
        (_, Err(v)) => return Built::refused(in_body(v)),
        (Err(found), _) => return not_an_object(found),
        (Ok(top), Ok(read)) => (top, read),
    };
    let headers = request_headers(options);
    put_member(
        &mut top,
        &UPDATE_REQUEST,
        "headers",
        sent_headers(&headers, &root.key("headers")),
    );
    let report = finish_update(top, Some(read), &values, context);
    let request = if report.violations.is_empty() {
        update_request(
            options,
            &values,
            headers,
            String::from_utf8_lossy(body).into_owned(),
        )
    } else {
        None
    };
    Built { request, report }
}

/// [`forward_subscription_update_bytes`] with the request object as a `Value`.
pub fn forward_subscription_update(
    body: &[u8],
    request: &Value,
    options: &AdobeRequestOptions<'_>,
    context: &AdobeUpdateContext<'_>,
) -> Built {
    forward_subscription_update_bytes(body, &json_text(request), options, context)
}

/// Builds from flat input `{ customerId, subscriptionId, autoRenewal?,
/// resetFlexDiscountCodes?, resetRenewalCode? }` as UTF-8 JSON text and the options,
/// and validates the request object it makes (the input's other members as `body`,
/// the options' headers as `headers`) exactly as [`validate_subscription_update_bytes`]
/// would. The input is read once; the body is written as it is read, its members as
/// given: a left-out `enabled` keeps the current setting, so none is written.
pub fn build_subscription_update_bytes(
    input: &[u8],
    options: &AdobeRequestOptions<'_>,
    context: &AdobeUpdateContext<'_>,
) -> Built {
    read_text(input, |r| read_update_input(r, options, context)).unwrap_or_else(Built::refused)
}

fn read_update_input<'a>(
    r: &mut Reader<'a>,
    options: &AdobeRequestOptions<'_>,
    context: &AdobeUpdateContext<'_>,
) -> Result<Built, Fault> {
    let token = r.value()?;
    if token != Token::Object {
        let built = not_an_object(token.json_type());
        r.skip(token)?;
        return Ok(built);
    }
    let root = Path::Root;
    let body_at = root.key("body");
    let rules = context.rules();
    let mut top = Members::new(&UPDATE_REQUEST);
    let mut body = Members::new(&UPDATE_BODY);
    let mut values = UpdateValues::default();
    while let Some(name) = r.member()? {
        let token = r.value()?;
        if is_flat_request_member(&UPDATE_REQUEST, &name) {
            top.read(r, name, token, &root, false, |r, m, token, at, found, _| {
                update_member(r, m, token, at, context, &mut values, found)
            })?;
        } else {
            body.read(
                r,
                name,
                token,
                &body_at,
                true,
                |r, m, token, at, found, text| {
                    body::check_member(r, m, token, at, &rules, found, text)
                },
            )?;
        }
    }
    let mut text = String::new();
    body.write(&mut text, None);
    let headers = request_headers(options);
    put_member(
        &mut top,
        &UPDATE_REQUEST,
        "headers",
        sent_headers(&headers, &root.key("headers")),
    );
    let report = finish_update(top, Some(BodyRead::Object(body)), &values, context);
    let request = if report.violations.is_empty() {
        update_request(options, &values, headers, text)
    } else {
        None
    };
    Ok(Built { request, report })
}

/// Builds from flat input: [`build_subscription_update_bytes`] of its JSON text.
pub fn build_subscription_update(
    input: &Value,
    options: &AdobeRequestOptions<'_>,
    context: &AdobeUpdateContext<'_>,
) -> Built {
    build_subscription_update_bytes(&json_text(input), options, context)
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    // High Growth page: the codes are MOQ_100, MOQ_250 and MOQ_500.
    #[test]
    fn moq_quantities() {
        assert_eq!(moq("MOQ_100"), Some(100));
        assert_eq!(moq("MOQ_500"), Some(500));
        assert_eq!(moq("100"), None);
    }
}
