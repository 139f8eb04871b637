//! `PATCH /v3/customers/{customer-id}/subscriptions/{subscription-id}`: a subscription's auto-renewal preferences.
//!
//! Entry points: [`validate_subscription_update_bytes`] checks a request object
//! `{ customerId, subscriptionId, resetFlexDiscountCodes?, resetRenewalCode?, body,
//! headers }` given as JSON text, [`build_subscription_update_bytes`] builds one from
//! flat input, with the same headers as create (built in `adobe/mod.rs`), and
//! [`forward_subscription_update_bytes`] wraps a body as it came; the functions without
//! `_bytes` take a `serde_json::Value`. Each text is read once, against the field
//! table's [`UPDATE_REQUEST`](fields::UPDATE_REQUEST),
//! [`UPDATE_BODY`](fields::UPDATE_BODY) and
//! [`UPDATE_RENEWAL`](fields::UPDATE_RENEWAL). The members `autoRenewal` shares
//! with create, and the update's rules between them, are checked in one place,
//! [`body`](super::body); what is the update's own:
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

use chrono::NaiveDate;
#[cfg(feature = "value")]
use serde_json::Value;

use super::body::Rules;
#[cfg(feature = "value")]
use super::json_text;
use super::request::{self, Endpoint};
use super::{fields, AdobeRequestOptions, Built, LicenseType, Report};

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
    /// How update requests are read in this context: the subscription id refused in a
    /// status other than [`EDITABLE_STATUSES`] (error 3119), and the late-update advice
    /// given with both days.
    fn endpoint(&self) -> Endpoint {
        let inactive = self.status.is_some_and(|s| !EDITABLE_STATUSES.contains(&s));
        Endpoint {
            update: true,
            table: &fields::UPDATE_REQUEST,
            body: &fields::UPDATE_BODY,
            rules: Rules {
                update: true,
                license_type: self.license_type,
                consumable: None,
                auto_renewal_enabled: self.auto_renewal_enabled,
            },
            refusals: [
                None,
                inactive.then_some(crate::words::reason!("not_eligible.inactive_subscription")),
            ],
            days: self.today.zip(self.anniversary_date),
        }
    }
}

/// Checks an update request object as UTF-8 JSON text (or `text.as_bytes()`), reading
/// it once: faults in request order, the late-update advice as a warning. Text that is
/// not JSON (or is over [`crate::json`]'s limits) is that one violation.
pub fn validate_subscription_update_bytes(
    request: &[u8],
    context: &AdobeUpdateContext<'_>,
) -> Report {
    request::validate(request, &context.endpoint())
}

/// Checks an update request object: [`validate_subscription_update_bytes`] of its JSON
/// text.
#[cfg(feature = "value")]
pub fn validate_subscription_update(request: &Value, context: &AdobeUpdateContext<'_>) -> Report {
    validate_subscription_update_bytes(&json_text(request), context)
}

/// The quantity of a renewal code: `MOQ_100` is 100.
pub fn moq(code: &str) -> Option<i64> {
    code.strip_prefix("MOQ_")?.parse().ok()
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
    request::forward(body, request, options, &context.endpoint())
}

/// [`forward_subscription_update_bytes`] with the request object as a `Value`.
#[cfg(feature = "value")]
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
    request::build(input, options, &context.endpoint())
}

/// Builds from flat input: [`build_subscription_update_bytes`] of its JSON text.
#[cfg(feature = "value")]
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
