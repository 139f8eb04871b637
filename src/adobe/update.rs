//! `PATCH /v3/customers/{customer-id}/subscriptions/{subscription-id}`: a subscription's auto-renewal preferences.
//!
//! Entry points: [`validate_subscription_update`] checks a request object
//! `{ customerId, subscriptionId, resetFlexDiscountCodes?, resetRenewalCode?, body,
//! headers }`, and [`build_subscription_update`] builds one from flat input, with the
//! same headers as create (built in `adobe/mod.rs`). The members
//! `autoRenewal` shares with create are checked by [`body`] in one place;
//! what is the update's own is here:
//!
//! - `enabled` may be `true` or `false` (create takes only `true`), and may be left out,
//!   which keeps the current setting; nothing in `autoRenewal` is required.
//! - `flexDiscountCodes` needs auto-renewal on: not with `enabled: false`, and with
//!   `enabled: true` when the caller says it is off now (`autoRenewalEnabled: false`).
//! - with `renewalCode` `MOQ_n`, `renewalQuantity` is at least `n`.
//! - members of the subscription resource that are not `autoRenewal` are not editable
//!   (Adobe error 1119); other members are unexpected (1121).
//! - the subscription must be active or scheduled when the caller states its status.
//! - with `today` and the anniversary date, an update after AD−3 is a warning: Adobe
//!   asks for the preferences to be set at least 3 days before it.
//!
//! A `renewalQuantity` lower than the current quantity is allowed: Adobe removes the
//! extra licenses at renewal.

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::{
    body, check_customer_id, header_object, headers, not_an_object, request_headers, window,
    AdobeContext, AdobeHttpRequest, AdobeRequestOptions, Built, LicenseType, Report,
};
use crate::check::values::{expect_object, type_violation};
use crate::error::{Format, JsonType, Kind, Violation};
use crate::pointer::Path;

/// The members of an update request object besides `body` and `headers`: the path's
/// two ids and the two query parameters.
pub(crate) const UPDATE_REQUEST_MEMBERS: &[&str] = &[
    "customerId",
    "subscriptionId",
    "resetFlexDiscountCodes",
    "resetRenewalCode",
];

/// The query parameters, as the flat input names them and as the URL spells them.
const QUERY: &[(&str, &str)] = &[
    ("resetFlexDiscountCodes", "reset-flex-discount-codes"),
    ("resetRenewalCode", "reset-renewal-code"),
];

/// Members of the subscription resource (resources page) other than `autoRenewal`:
/// sent in an update body they are "not editable" (error 1119), not unknown.
pub const NOT_EDITABLE: &[&str] = &[
    "subscriptionId",
    "currentQuantity",
    "usedQuantity",
    "offerId",
    "creationDate",
    "renewalDate",
    "status",
    "deploymentId",
    "currencyCode",
    "links",
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

/// Checks an update request object; faults in request order, the late-update advice as
/// a warning.
pub fn validate_subscription_update(request: &Value, context: &AdobeUpdateContext<'_>) -> Report {
    let mut report = Report::default();
    let out = &mut report.violations;
    let root = Path::Root;
    let Some(members) = super::request_members(request, UPDATE_REQUEST_MEMBERS, out) else {
        return report;
    };
    check_customer_id(
        members.get("customerId"),
        &root.key("customerId"),
        &AdobeContext::default(),
        out,
    );
    check_subscription_id(
        members.get("subscriptionId"),
        &root.key("subscriptionId"),
        context,
        out,
    );
    let mut reset_flex = false;
    for (name, _) in QUERY {
        match members.get(*name) {
            None | Some(Value::Null) => {}
            Some(Value::Bool(b)) => reset_flex |= *b && *name == "resetFlexDiscountCodes",
            Some(other) => out.push(type_violation(&root.key(name), JsonType::Boolean, other)),
        }
    }
    // Removing the flexible discount takes no body (update page: "Request body: None").
    match members.get("body") {
        None | Some(Value::Null) if reset_flex => {}
        None | Some(Value::Null) => out.push(Violation::new("/body", Kind::Required)),
        Some(b) => check_update_body(b, &root.key("body"), context, reset_flex, out),
    }
    match members.get("headers") {
        None | Some(Value::Null) => out.push(Violation::new("/headers", Kind::Required)),
        Some(h) => headers::check_headers(h, &root.key("headers"), out),
    }
    if let (Some(today), Some(anniversary)) = (context.today, context.anniversary_date) {
        if window::update_is_late(today, anniversary) {
            let (from, to) = window::update_deadline(anniversary).unwrap_or((today, today));
            report.warnings.push(Violation::new(
                "/body/autoRenewal",
                Kind::Window {
                    from: from.to_string(),
                    to: to.to_string(),
                    relative_to: format!(
                        "at least 3 days before the anniversary date {anniversary}, or the renewal may not use it"
                    ),
                },
            ));
        }
    }
    report
}

/// Required; at most 40 characters (resources page: "subscriptionId (read only) |
/// String | ... | Max: 40 characters"), ASCII letters and digits, as every id the docs
/// show (`cc8efgh8bc4354a4b38006c87804ceNA`, `8675309`): it goes into the URL path
/// unencoded, so no `/`, `.`, `%`, `?` or `#`. Not editable in a status other than
/// [`EDITABLE_STATUSES`] (error 3119).
fn check_subscription_id(
    value: Option<&Value>,
    at: &Path<'_>,
    context: &AdobeUpdateContext<'_>,
    out: &mut Vec<Violation>,
) {
    let kind = super::path_id_fault(value, Format::Alphanumeric, || {
        context
            .status
            .filter(|s| !EDITABLE_STATUSES.contains(s))
            .map(|_| Kind::NotEligible {
                reason: "only an active or scheduled subscription can be updated",
            })
    });
    if let Some(kind) = kind {
        out.push(Violation::new(at.to_pointer(), kind));
    }
}

fn check_update_body(
    value: &Value,
    at: &Path<'_>,
    context: &AdobeUpdateContext<'_>,
    reset_flex: bool,
    out: &mut Vec<Violation>,
) {
    let Some(members) = expect_object(value, at, out) else {
        return;
    };
    for (name, value) in members {
        let member = at.key(name);
        match body::field(body::UPDATE_BODY, name) {
            Some(body::Field::AutoRenewal) => check_update_renewal(value, &member, context, out),
            _ => out.push(body::not_allowed(&member, name)),
        }
    }
    // With the flexible discount reset, the body may be empty ("Empty or applicable
    // body", flexible discounts page).
    if !reset_flex {
        body::report_required(body::UPDATE_BODY, members, at, out);
    }
}

fn check_update_renewal(
    value: &Value,
    at: &Path<'_>,
    context: &AdobeUpdateContext<'_>,
    out: &mut Vec<Violation>,
) {
    let Some(members) = expect_object(value, at, out) else {
        return;
    };
    let before = out.len();
    for (name, value) in members {
        let member = at.key(name);
        match body::field(body::RENEWAL, name) {
            Some(body::Field::Enabled) if !value.is_boolean() => {
                out.push(type_violation(&member, JsonType::Boolean, value));
            }
            Some(body::Field::Enabled) => {}
            _ => body::check_renewal_member(name, value, &member, context.license_type, out),
        }
    }
    // The rules between members only read members that passed their own checks.
    if out.len() != before {
        return;
    }
    // "If Auto Renew is OFF, it must be turned ON to apply PromoCode. If it is already
    // ON, this field is OPTIONAL." (update page, flexible discount request)
    if members.contains_key("flexDiscountCodes") {
        let enabled = at.key("enabled");
        match members.get("enabled").and_then(Value::as_bool) {
            Some(false) => out.push(Violation::new(
                enabled.to_pointer(),
                Kind::Const {
                    expected: super::TRUE_TEXT,
                },
            )),
            None if context.auto_renewal_enabled == Some(false) => out.push(Violation::new(
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
    let code = members.get("renewalCode").and_then(Value::as_str);
    let quantity = members.get("renewalQuantity").and_then(Value::as_i64);
    if let (Some(min), Some(value)) = (code.and_then(moq), quantity) {
        if value < min {
            out.push(Violation::new(
                at.key("renewalQuantity").to_pointer(),
                Kind::Range {
                    min,
                    max: body::max_quantity(context.license_type),
                    value,
                },
            ));
        }
    }
}

/// The quantity of a renewal code: `MOQ_100` is 100.
pub fn moq(code: &str) -> Option<i64> {
    code.strip_prefix("MOQ_")?.parse().ok()
}

/// Checks an update request whose body arrives as it is sent (UTF-8 JSON bytes), with the
/// request object's other members (`{ customerId, subscriptionId,
/// resetFlexDiscountCodes?, resetRenewalCode? }`) and the headers of the options, as
/// [`validate_subscription_update`] checks it, and wraps the body, as it came, in the
/// `PATCH`.
pub fn forward_subscription_update(
    body: &[u8],
    request: &Value,
    options: &AdobeRequestOptions<'_>,
    context: &AdobeUpdateContext<'_>,
) -> Built {
    let (object, headers) = match super::forwarded(body, request, options) {
        Ok(parts) => parts,
        Err(built) => return *built,
    };
    let report = validate_subscription_update(&object, context);
    let id = |name: &str| object.get(name).and_then(Value::as_str);
    let request = match (id("customerId"), id("subscriptionId")) {
        (Some(customer), Some(subscription)) if report.violations.is_empty() => {
            Some(AdobeHttpRequest {
                method: "PATCH",
                url: update_url(options, customer, subscription, &object),
                headers,
                body: String::from_utf8_lossy(body).into_owned(),
            })
        }
        _ => None,
    };
    Built { request, report }
}

/// `…/v3/customers/{customer}/subscriptions/{subscription}`, with the query flags the
/// request object (or flat input) sets.
fn update_url(
    options: &AdobeRequestOptions<'_>,
    customer: &str,
    subscription: &str,
    fields: &Value,
) -> String {
    let query: Vec<String> = QUERY
        .iter()
        .filter_map(|(name, param)| {
            let value = fields.get(*name)?.as_bool()?;
            Some(format!("{param}={value}"))
        })
        .collect();
    let query = if query.is_empty() {
        String::new()
    } else {
        format!("?{}", query.join("&"))
    };
    format!(
        "{}/v3/customers/{customer}/subscriptions/{subscription}{query}",
        options.environment.base_url()
    )
}

/// [`validate_subscription_update`] from the request object as UTF-8 JSON bytes (or
/// `text.as_bytes()`); bytes that are not JSON are one `invalid_json` violation.
pub fn validate_subscription_update_bytes(
    request: &[u8],
    context: &AdobeUpdateContext<'_>,
) -> Report {
    match crate::json::parse_bytes(request) {
        Ok(request) => validate_subscription_update(&request, context),
        Err(v) => Report::refused(v),
    }
}

/// [`build_subscription_update`] from the flat input as UTF-8 JSON bytes.
pub fn build_subscription_update_bytes(
    input: &[u8],
    options: &AdobeRequestOptions<'_>,
    context: &AdobeUpdateContext<'_>,
) -> Built {
    match crate::json::parse_bytes(input) {
        Ok(input) => build_subscription_update(&input, options, context),
        Err(v) => Built::refused(v),
    }
}

/// Builds from flat input `{ customerId, subscriptionId, autoRenewal?,
/// resetFlexDiscountCodes?, resetRenewalCode? }` and the options, then validates the
/// assembled request object exactly as [`validate_subscription_update`] would. The body
/// is the input's other members as given: a left-out `enabled` keeps the current
/// setting, so none is written.
pub fn build_subscription_update(
    input: &Value,
    options: &AdobeRequestOptions<'_>,
    context: &AdobeUpdateContext<'_>,
) -> Built {
    let Value::Object(fields) = input else {
        return not_an_object(input);
    };
    let headers = request_headers(options);
    let body: Map<String, Value> = fields
        .iter()
        .filter(|(k, _)| !UPDATE_REQUEST_MEMBERS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let mut request: Map<String, Value> = fields
        .iter()
        .filter(|(k, _)| UPDATE_REQUEST_MEMBERS.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    request.insert("body".to_owned(), Value::Object(body.clone()));
    request.insert("headers".to_owned(), Value::Object(header_object(&headers)));
    let report = validate_subscription_update(&Value::Object(request), context);
    let id = |name: &str| fields.get(name).and_then(Value::as_str);
    let request = match (id("customerId"), id("subscriptionId")) {
        (Some(customer), Some(subscription)) if report.violations.is_empty() => {
            Some(AdobeHttpRequest {
                method: "PATCH",
                url: update_url(options, customer, subscription, input),
                headers,
                body: Value::Object(body).to_string(),
            })
        }
        _ => None,
    };
    Built { request, report }
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
