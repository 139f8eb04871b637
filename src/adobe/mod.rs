//! Adobe VIP Marketplace partner API: `POST /v3/customers/{customer-id}/subscriptions`.
//!
//! Entry points: [`validate_subscription_request_bytes`] checks a whole request (path,
//! body, headers, and the creation window) given as JSON text,
//! [`build_subscription_request_bytes`] builds one ready to send from flat input, and
//! [`forward_subscription_request_bytes`] wraps a body as it came; the functions
//! without `_bytes` take a `serde_json::Value` and answer the same. Violations point
//! into the request object `{ customerId, body, headers, today, anniversaryDate }`:
//! `/body/autoRenewal/renewalQuantity`, `/headers/X-Correlation-Id`, `/customerId`,
//! `/today`. [`errors`] turns them into Adobe's own `{ code, message,
//! additionalDetails }` shape, with the code that [`fields`], the field table, puts
//! beside each member's rule. No violation, message or `Debug` output contains the
//! bearer token or the API key.
//!
//! The text is read once, with [`crate::json::reader::Reader`], each member checked
//! against its entry of the field table as it comes; no `Value` is built. A builder
//! writes the request body as it reads its input, byte for byte what
//! `serde_json::to_string` writes of the body object. A member name given twice keeps
//! its last value at its first place, as `crate::json::parse_bytes` reads it.
//!
//! What cannot be checked offline (whether the customer has an active subscription,
//! whether the offer is a consumable, eligibility) is applied only when the caller
//! states it in [`AdobeContext`].
//!
//! ```
//! use subkit::adobe::{validate_subscription_request_bytes, AdobeContext};
//! let request = br#"{
//!     "customerId": "P1005053489",
//!     "body": {"offerId": "65304470CA01012",
//!              "autoRenewal": {"enabled": true, "renewalQuantity": 100, "renewalCode": "MOQ_100"}},
//!     "headers": {"X-Api-Key": "key", "Authorization": "Bearer token",
//!                 "Accept": "application/json", "Content-Type": "application/json"},
//!     "today": "2025-04-04", "anniversaryDate": "2025-04-25"
//! }"#;
//! let report = validate_subscription_request_bytes(request, &AdobeContext::default());
//! assert_eq!(report.violations[0].pointer, "/headers/X-Correlation-Id");
//! ```
//!
//! The rest of this page is `docs/adobe.md` of the repository; its examples run as doctests.
#![doc = include_str!("../../docs/adobe.md")]
use crate::prelude::*;

pub mod body;
pub mod errors;
pub mod fields;
pub mod headers;
mod request;
pub mod update;
mod walk;
pub mod window;

use core::fmt;

#[cfg(feature = "value")]
use serde_json::Value;

use body::Rules;
// The binding places a fault of a forwarded body's text as the forwarders do.
#[cfg(target_arch = "wasm32")]
pub(crate) use request::in_body;
use request::Endpoint;
use walk::Found;

use crate::error::Violation;
use crate::http::{HttpRequest, MASK};

#[cfg(feature = "value")]
pub use update::{
    build_subscription_update, forward_subscription_update, validate_subscription_update,
};
pub use update::{
    build_subscription_update_bytes, forward_subscription_update_bytes,
    validate_subscription_update_bytes, AdobeUpdateContext,
};

/// Production base URL of the partner API.
pub const PRODUCTION_BASE_URL: &str = "https://partners.adobe.io";

/// The media type Adobe's requests carry (`Accept`, `Content-Type`).
pub const JSON_MEDIA_TYPE: &str = "application/json";

/// `autoRenewal.enabled` where only `true` is taken, as JSON text.
pub(crate) const TRUE_TEXT: &str = "true";

/// The values a `const` fault of Adobe's requests names (its `expected` param).
pub const CONST_VALUES: [&str; 2] = [JSON_MEDIA_TYPE, TRUE_TEXT];
/// Sandbox base URL of the partner API.
pub const SANDBOX_BASE_URL: &str = "https://partnersandbox-stage.adobe.io";

/// What the caller knows that the request does not show.
#[derive(Debug, Clone, Copy, Default)]
pub struct AdobeContext {
    /// The offer is a consumable (Adobe Stock credit packs, Adobe Sign transactions),
    /// which cannot be subscribed to.
    pub consumable: Option<bool>,
    /// Whether the customer has an active subscription; without one Adobe refuses.
    pub has_active_subscriptions: Option<bool>,
    /// Team or Enterprise product: sets the upper limit of `renewalQuantity`.
    pub license_type: Option<LicenseType>,
}

impl AdobeContext {
    /// How create's requests are read in this context.
    fn endpoint(&self) -> Endpoint {
        let refused = self.has_active_subscriptions == Some(false);
        Endpoint {
            update: false,
            table: &fields::REQUEST,
            body: &fields::CREATE_BODY,
            rules: Rules {
                update: false,
                license_type: self.license_type,
                consumable: self.consumable,
                auto_renewal_enabled: None,
            },
            refusals: [
                refused.then_some(crate::words::reason!("not_eligible.no_active_subscription")),
                None,
            ],
            days: None,
        }
    }
}

/// Adobe's two product families, which have different quantity limits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LicenseType {
    /// Team products: at most 10,000 seats.
    Team,
    /// Enterprise products: at most 599,000 seats.
    Enterprise,
}

/// The outcome of a validation: faults, and advice that does not block the request.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Report {
    /// Faults, in request order: customerId, body, headers, today, anniversaryDate.
    pub violations: Vec<Violation>,
    /// Findings that do not block the request (an unusual offer id shape).
    pub warnings: Vec<Violation>,
}

impl Report {
    /// The report of a request that could not be read: that one fault.
    pub fn refused(violation: Violation) -> Self {
        Report {
            violations: vec![violation],
            warnings: Vec::new(),
        }
    }
}

impl From<Found> for Report {
    fn from(found: Found) -> Self {
        Report {
            violations: found.violations,
            warnings: found.warnings,
        }
    }
}

/// Checks a request object `{ customerId, body, headers, today, anniversaryDate }` as
/// UTF-8 JSON text (or `text.as_bytes()`), reading it once; text that is not JSON (or
/// is over [`crate::json`]'s limits) is that one violation.
pub fn validate_subscription_request_bytes(request: &[u8], context: &AdobeContext) -> Report {
    request::validate(request, &context.endpoint())
}

/// Checks a request object `{ customerId, body, headers, today, anniversaryDate }`:
/// [`validate_subscription_request_bytes`] of its JSON text.
#[cfg(feature = "value")]
pub fn validate_subscription_request(request: &Value, context: &AdobeContext) -> Report {
    validate_subscription_request_bytes(&json_text(request), context)
}

/// A `Value` as the JSON text the `_bytes` entry points read.
#[cfg(feature = "value")]
pub(crate) fn json_text(value: &Value) -> Vec<u8> {
    // A `Value` always has a JSON form (its keys are strings); nothing is lost.
    serde_json::to_vec(value).unwrap_or_default()
}

/// Which partner API to send to.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum Environment {
    /// `https://partners.adobe.io`
    #[default]
    Production,
    /// `https://partnersandbox-stage.adobe.io`
    Sandbox,
}

impl Environment {
    /// The base URL.
    pub fn base_url(self) -> &'static str {
        match self {
            Environment::Production => PRODUCTION_BASE_URL,
            Environment::Sandbox => SANDBOX_BASE_URL,
        }
    }
}

/// Credentials and ids for a request. `Debug` masks the token and the key.
#[derive(Clone, Copy, Default)]
pub struct AdobeRequestOptions<'a> {
    /// Production or sandbox.
    pub environment: Environment,
    /// The IMS access token, sent as `Authorization: Bearer …`.
    pub access_token: Option<&'a str>,
    /// The integration's API key, sent as `X-Api-Key`.
    pub api_key: Option<&'a str>,
    /// The idempotency key, sent as `X-Correlation-Id` (the caller makes it: the core
    /// has no randomness).
    pub correlation_id: Option<&'a str>,
    /// Sent as `X-Request-Id` when given.
    pub request_id: Option<&'a str>,
    /// Sent back as `x-recommendation-tracker-id` when given.
    pub recommendation_tracker_id: Option<&'a str>,
}

impl fmt::Debug for AdobeRequestOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdobeRequestOptions")
            .field("environment", &self.environment)
            .field("access_token", &self.access_token.map(|_| MASK))
            .field("api_key", &self.api_key.map(|_| MASK))
            .field("correlation_id", &self.correlation_id)
            .field("request_id", &self.request_id)
            .field("recommendation_tracker_id", &self.recommendation_tracker_id)
            .finish()
    }
}

/// An Adobe request ready to send (`Debug` masks `Authorization` and `X-Api-Key`).
pub type AdobeHttpRequest = HttpRequest;

/// A built request, or the faults that stop it; warnings either way.
#[derive(Debug, Clone, PartialEq)]
pub struct Built {
    /// The request, when there are no violations.
    pub request: Option<AdobeHttpRequest>,
    /// The validation report of the request object that was assembled.
    pub report: Report,
}

impl Built {
    /// The answer to an input that could not be read: that one fault, no request.
    pub fn refused(violation: Violation) -> Self {
        Built {
            request: None,
            report: Report::refused(violation),
        }
    }
}

/// A request's headers, in the order they are sent.
pub(crate) type Headers = Vec<(&'static str, String)>;

/// The headers of every partner API request, from the options: the two media types,
/// then the credentials and ids that are given.
pub(crate) fn request_headers(options: &AdobeRequestOptions<'_>) -> Headers {
    let mut headers: Vec<(&'static str, String)> = vec![
        ("Accept", JSON_MEDIA_TYPE.to_owned()),
        ("Content-Type", JSON_MEDIA_TYPE.to_owned()),
    ];
    let optional = [
        (
            "Authorization",
            options.access_token.map(|t| ["Bearer ", t].concat()),
        ),
        ("X-Api-Key", options.api_key.map(str::to_owned)),
        (
            "X-Correlation-Id",
            options.correlation_id.map(str::to_owned),
        ),
        ("X-Request-Id", options.request_id.map(str::to_owned)),
        (
            headers::RECOMMENDATION_TRACKER,
            options.recommendation_tracker_id.map(str::to_owned),
        ),
    ];
    headers.extend(optional.into_iter().filter_map(|(k, v)| Some((k, v?))));
    headers
}

/// Builds from flat input `{ customerId, offerId, autoRenewal, deploymentId?,
/// currencyCode?, today, anniversaryDate }` as UTF-8 JSON text and the options, and
/// validates the request object it makes (the input's body members as `body`, the
/// options' headers as `headers`) exactly as [`validate_subscription_request_bytes`]
/// would. The input is read once; the body is written as it is read, its members in
/// input order, an `autoRenewal` without `enabled` with `"enabled":true` first (Adobe
/// treats the omission as `true`, High Growth page, and writing it makes the request
/// what the create page shows).
///
/// ```
/// use subkit::adobe::{build_subscription_request_bytes, AdobeRequestOptions};
/// let input = br#"{"customerId": "P1005053489", "offerId": "65304470CA01012",
///   "autoRenewal": {"renewalQuantity": 1e2}, "today": "2025-04-04", "anniversaryDate": "2025-04-25"}"#;
/// let options = AdobeRequestOptions { access_token: Some("t"), api_key: Some("k"), correlation_id: Some("c"), ..Default::default() };
/// let built = build_subscription_request_bytes(input, &options, &Default::default());
/// // 1e2 is no integer literal: serde_json reads it as the double 100.0.
/// assert_eq!(built.report.violations[0].pointer, "/body/autoRenewal/renewalQuantity");
/// let input = br#"{"customerId": "P1005053489", "offerId": "65304470CA01012",
///   "autoRenewal": {"renewalQuantity": 100}, "today": "2025-04-04", "anniversaryDate": "2025-04-25"}"#;
/// let built = build_subscription_request_bytes(input, &options, &Default::default());
/// assert_eq!(built.request.unwrap().body, r#"{"offerId":"65304470CA01012","autoRenewal":{"enabled":true,"renewalQuantity":100}}"#);
/// ```
pub fn build_subscription_request_bytes(
    input: &[u8],
    options: &AdobeRequestOptions<'_>,
    context: &AdobeContext,
) -> Built {
    request::build(input, options, &context.endpoint())
}

/// Builds from flat input `{ customerId, offerId, autoRenewal, deploymentId?,
/// currencyCode?, today, anniversaryDate }`: [`build_subscription_request_bytes`] of
/// its JSON text.
#[cfg(feature = "value")]
pub fn build_subscription_request(
    input: &Value,
    options: &AdobeRequestOptions<'_>,
    context: &AdobeContext,
) -> Built {
    build_subscription_request_bytes(&json_text(input), options, context)
}

/// Checks a create request whose body arrives as it is sent (UTF-8 JSON bytes), with the
/// request object's other members (`{ customerId, today, anniversaryDate }`, JSON text;
/// `body` and `headers` there are not read) and the headers of the options, exactly as
/// [`validate_subscription_request_bytes`] checks a request, and wraps the body, as it
/// came, in the request: what a proxy that checks bodies forwards. Each text is read
/// once. What stops it, first found first: a body over
/// [`MAX_INPUT_BYTES`](crate::json::MAX_INPUT_BYTES), a request object that is not
/// JSON, a body that is not (its fault under `/body`), a request that is no object.
///
/// ```
/// use subkit::adobe::{forward_subscription_request_bytes, AdobeRequestOptions};
/// let body = br#"{"offerId": "65304470CA01012", "autoRenewal": {"enabled": true, "renewalQuantity": 100}}"#;
/// let request = br#"{ "customerId": "P1005053489", "today": "2025-04-04", "anniversaryDate": "2025-04-25" }"#;
/// let options = AdobeRequestOptions { access_token: Some("t"), api_key: Some("k"), correlation_id: Some("c"), ..Default::default() };
/// let built = forward_subscription_request_bytes(body, request, &options, &Default::default());
/// assert_eq!(built.request.unwrap().body.as_bytes(), body);
/// ```
pub fn forward_subscription_request_bytes(
    body: &[u8],
    request: &[u8],
    options: &AdobeRequestOptions<'_>,
    context: &AdobeContext,
) -> Built {
    request::forward(body, request, options, &context.endpoint())
}

/// [`forward_subscription_request_bytes`] with the request object as a `Value`.
///
/// ```
/// use subkit::adobe::{forward_subscription_request, AdobeRequestOptions};
/// let body = br#"{"offerId": "65304470CA01012", "autoRenewal": {"enabled": true, "renewalQuantity": 100}}"#;
/// let request = serde_json::json!({ "customerId": "P1005053489", "today": "2025-04-04", "anniversaryDate": "2025-04-25" });
/// let options = AdobeRequestOptions { access_token: Some("t"), api_key: Some("k"), correlation_id: Some("c"), ..Default::default() };
/// let built = forward_subscription_request(body, &request, &options, &Default::default());
/// assert_eq!(built.request.unwrap().body.as_bytes(), body);
/// ```
#[cfg(feature = "value")]
pub fn forward_subscription_request(
    body: &[u8],
    request: &Value,
    options: &AdobeRequestOptions<'_>,
    context: &AdobeContext,
) -> Built {
    forward_subscription_request_bytes(body, &json_text(request), options, context)
}
