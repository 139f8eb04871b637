//! Adobe VIP Marketplace partner API: `POST /v3/customers/{customer-id}/subscriptions`.
//!
//! Entry points: [`validate_subscription_request`] checks a whole request (path,
//! body, headers, and the creation window), and [`build_subscription_request`] builds
//! one ready to send. Violations point into the request object
//! `{ customerId, body, headers, today, anniversaryDate }`:
//! `/body/autoRenewal/renewalQuantity`, `/headers/X-Correlation-Id`, `/customerId`,
//! `/today`. [`errors`] turns them into Adobe's own `{ code, message,
//! additionalDetails }` shape. No violation, message or `Debug` output contains the
//! bearer token or the API key.
//!
//! What cannot be checked offline (whether the customer has an active subscription,
//! whether the offer is a consumable, eligibility) is applied only when the caller
//! states it in [`AdobeContext`].
//!
//! ```
//! use subkit::adobe::{validate_subscription_request, AdobeContext};
//! let request = serde_json::json!({
//!     "customerId": "P1005053489",
//!     "body": {"offerId": "65304470CA01012",
//!              "autoRenewal": {"enabled": true, "renewalQuantity": 100, "renewalCode": "MOQ_100"}},
//!     "headers": {"X-Api-Key": "key", "Authorization": "Bearer token",
//!                 "Accept": "application/json", "Content-Type": "application/json"},
//!     "today": "2025-04-04", "anniversaryDate": "2025-04-25"
//! });
//! let report = validate_subscription_request(&request, &AdobeContext::default());
//! assert_eq!(report.violations[0].pointer, "/headers/X-Correlation-Id");
//! ```
//!
//! The rest of this page is `docs/adobe.md` of the repository; its examples run as doctests.
#![doc = include_str!("../../docs/adobe.md")]

pub mod body;
pub mod errors;
pub mod headers;
pub mod update;
pub mod window;

use std::fmt;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use crate::check::values::expect_object;
use crate::error::{Format, JsonType, Kind, Violation};
use crate::http::{HttpRequest, MASK};

use crate::pointer::Path;
pub use update::{
    build_subscription_update, build_subscription_update_bytes, forward_subscription_update,
    validate_subscription_update, validate_subscription_update_bytes, AdobeUpdateContext,
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

/// The members of a request object besides `body` and `headers`.
pub(crate) const REQUEST_MEMBERS: &[&str] = &["customerId", "today", "anniversaryDate"];

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

/// The members of a request object (create's or update's), each member it does not
/// take (`known`, `body` and `headers` aside) reported as not allowed; `None` when it is
/// no object.
pub(crate) fn request_members<'a>(
    request: &'a Value,
    known: &[&str],
    out: &mut Vec<Violation>,
) -> Option<&'a Map<String, Value>> {
    let root = Path::Root;
    let members = expect_object(request, &root, out)?;
    for name in members.keys() {
        if !known.contains(&name.as_str()) && name != "body" && name != "headers" {
            out.push(Violation::new(
                root.key(name).to_pointer(),
                Kind::NotAllowed {
                    member: name.clone(),
                },
            ));
        }
    }
    Some(members)
}

/// Checks a request object `{ customerId, body, headers, today, anniversaryDate }`.
pub fn validate_subscription_request(request: &Value, context: &AdobeContext) -> Report {
    let mut report = Report::default();
    let out = &mut report.violations;
    let root = Path::Root;
    let Some(members) = request_members(request, REQUEST_MEMBERS, out) else {
        return report;
    };
    check_customer_id(
        members.get("customerId"),
        &root.key("customerId"),
        context,
        out,
    );
    // A missing or null body or headers object is a missing field (Adobe 1122), not a
    // wrong value.
    match members.get("body") {
        None | Some(Value::Null) => out.push(Violation::new("/body", Kind::Required)),
        Some(b) => body::check_body(b, &root.key("body"), context, out, &mut report.warnings),
    }
    match members.get("headers") {
        None | Some(Value::Null) => out.push(Violation::new("/headers", Kind::Required)),
        Some(h) => headers::check_headers(h, &root.key("headers"), out),
    }
    let today = date_member(members, "today", out);
    let anniversary = date_member(members, "anniversaryDate", out);
    if let (Some(today), Some(anniversary)) = (today, anniversary) {
        if !window::is_open(today, anniversary) {
            let (from, to) = window::creation_window(anniversary).unwrap_or((today, today));
            out.push(Violation::new(
                "/today",
                Kind::Window {
                    from: from.to_string(),
                    to: to.to_string(),
                    relative_to: format!("30 to 3 days before the anniversary date {anniversary}"),
                },
            ));
        }
    }
    report
}

/// Required, and an account id as Adobe's validations page defines one
/// (`ACCOUNT_ID_REGEX`: 4 to 40 letters, digits and hyphens; subkit takes ASCII letters
/// only, since the id goes into the URL path unencoded). That also keeps it one safe
/// path segment: no `/`, `.`, `%`, `?` or `#`.
pub(crate) fn check_customer_id(
    value: Option<&Value>,
    at: &Path<'_>,
    context: &AdobeContext,
    out: &mut Vec<Violation>,
) {
    let kind = path_id_fault(value, Format::AccountId, || {
        (context.has_active_subscriptions == Some(false)).then_some(Kind::NotEligible {
            reason: "a customer with no active subscription cannot create one",
        })
    });
    if let Some(kind) = kind {
        out.push(Violation::new(at.to_pointer(), kind));
    }
}

/// What is wrong with an id that goes into the URL path unencoded (the customer's, the
/// subscription's): missing or blank, longer than [`body::MAX_ID_LENGTH`] characters,
/// not of `format`, not a string; and, for a well-formed one, what `eligible` says.
pub(crate) fn path_id_fault(
    value: Option<&Value>,
    format: Format,
    eligible: impl FnOnce() -> Option<Kind>,
) -> Option<Kind> {
    match value {
        None | Some(Value::Null) => Some(Kind::Required),
        Some(Value::String(s)) if s.is_empty() => Some(Kind::Required),
        Some(Value::String(s)) if s.chars().count() > body::MAX_ID_LENGTH => {
            Some(Kind::MaxLength {
                max: body::MAX_ID_LENGTH,
            })
        }
        Some(Value::String(s)) if !format.matches(s) => Some(Kind::Format { format }),
        Some(Value::String(_)) => eligible(),
        Some(other) => Some(Kind::Type {
            expected: JsonType::String,
            found: JsonType::of(other),
        }),
    }
}

/// A required `YYYY-MM-DD` member, as a date.
pub(crate) fn date_member(
    members: &Map<String, Value>,
    name: &str,
    out: &mut Vec<Violation>,
) -> Option<NaiveDate> {
    let pointer = format!("/{name}");
    match members.get(name) {
        None | Some(Value::Null) => out.push(Violation::new(pointer, Kind::Required)),
        Some(Value::String(s)) => match crate::check::format::parse_date(s) {
            Some(date) => return Some(date),
            None => out.push(Violation::new(
                pointer,
                Kind::Format {
                    format: Format::Date,
                },
            )),
        },
        Some(other) => out.push(Violation::new(
            pointer,
            Kind::Type {
                expected: JsonType::String,
                found: JsonType::of(other),
            },
        )),
    }
    None
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

/// The answer to a flat input that is not an object: one `type` violation at the root.
pub(crate) fn not_an_object(input: &Value) -> Built {
    let mut report = Report::default();
    report.violations.push(Violation::new(
        "",
        Kind::Type {
            expected: JsonType::Object,
            found: JsonType::of(input),
        },
    ));
    Built {
        request: None,
        report,
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
            options.access_token.map(|t| format!("Bearer {t}")),
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

/// The headers as the `headers` member of a request object, which the validator reads.
pub(crate) fn header_object(headers: &[(&'static str, String)]) -> Map<String, Value> {
    headers
        .iter()
        .map(|(k, v)| ((*k).to_owned(), Value::from(v.as_str())))
        .collect()
}

/// [`validate_subscription_request`] from the request object as UTF-8 JSON bytes (or
/// `text.as_bytes()`); bytes that are not JSON are one `invalid_json` violation.
pub fn validate_subscription_request_bytes(request: &[u8], context: &AdobeContext) -> Report {
    match crate::json::parse_bytes(request) {
        Ok(request) => validate_subscription_request(&request, context),
        Err(v) => Report::refused(v),
    }
}

/// [`build_subscription_request`] from the flat input as UTF-8 JSON bytes.
pub fn build_subscription_request_bytes(
    input: &[u8],
    options: &AdobeRequestOptions<'_>,
    context: &AdobeContext,
) -> Built {
    match crate::json::parse_bytes(input) {
        Ok(input) => build_subscription_request(&input, options, context),
        Err(v) => Built::refused(v),
    }
}

/// Checks a create request whose body arrives as it is sent (UTF-8 JSON bytes), with the
/// request object's other members (`{ customerId, today, anniversaryDate }`) and the
/// headers of the options, exactly as [`validate_subscription_request`] checks it, and
/// wraps the body, as it came, in the request: what a proxy that checks bodies forwards.
///
/// ```
/// use subkit::adobe::{forward_subscription_request, AdobeRequestOptions};
/// let body = br#"{"offerId": "65304470CA01012", "autoRenewal": {"enabled": true, "renewalQuantity": 100}}"#;
/// let request = serde_json::json!({ "customerId": "P1005053489", "today": "2025-04-04", "anniversaryDate": "2025-04-25" });
/// let options = AdobeRequestOptions { access_token: Some("t"), api_key: Some("k"), correlation_id: Some("c"), ..Default::default() };
/// let built = forward_subscription_request(body, &request, &options, &Default::default());
/// assert_eq!(built.request.unwrap().body.as_bytes(), body);
/// ```
pub fn forward_subscription_request(
    body: &[u8],
    request: &Value,
    options: &AdobeRequestOptions<'_>,
    context: &AdobeContext,
) -> Built {
    let (object, headers) = match forwarded(body, request, options) {
        Ok(parts) => parts,
        Err(built) => return *built,
    };
    let report = validate_subscription_request(&object, context);
    let request = match object.get("customerId").and_then(Value::as_str) {
        Some(id) if report.violations.is_empty() => Some(create_request(
            options,
            id,
            headers,
            String::from_utf8_lossy(body).into_owned(),
        )),
        _ => None,
    };
    Built { request, report }
}

/// The `POST` that creates a subscription for customer `id`, with `body` as it is sent.
fn create_request(
    options: &AdobeRequestOptions<'_>,
    id: &str,
    headers: Headers,
    body: String,
) -> AdobeHttpRequest {
    AdobeHttpRequest {
        method: "POST",
        url: format!(
            "{}/v3/customers/{id}/subscriptions",
            options.environment.base_url()
        ),
        headers,
        body,
    }
}

/// The request object a forwarded body is checked in: the caller's members, the body
/// parsed (a fault in it is one under `/body`), the options' headers; and those headers.
pub(crate) fn forwarded(
    body: &[u8],
    request: &Value,
    options: &AdobeRequestOptions<'_>,
) -> Result<(Value, Headers), Box<Built>> {
    let parsed = crate::json::parse_bytes(body).map_err(|v| {
        Box::new(Built::refused(Violation::new(
            format!("/body{}", v.pointer),
            v.kind,
        )))
    })?;
    let Value::Object(members) = request else {
        return Err(Box::new(not_an_object(request)));
    };
    let headers = request_headers(options);
    let mut object = members.clone();
    object.insert("body".to_owned(), parsed);
    object.insert("headers".to_owned(), Value::Object(header_object(&headers)));
    Ok((Value::Object(object), headers))
}

/// Builds from flat input `{ customerId, offerId, autoRenewal, deploymentId?,
/// currencyCode?, today, anniversaryDate }` and the options, then validates the
/// assembled request object exactly as [`validate_subscription_request`] would.
pub fn build_subscription_request(
    input: &Value,
    options: &AdobeRequestOptions<'_>,
    context: &AdobeContext,
) -> Built {
    let Value::Object(fields) = input else {
        return not_an_object(input);
    };
    let headers = request_headers(options);
    let header_object = header_object(&headers);
    let body = Value::Object(body::body_from_flat(fields));
    let mut request = Map::new();
    for name in REQUEST_MEMBERS {
        if let Some(v) = fields.get(*name) {
            request.insert((*name).to_owned(), v.clone());
        }
    }
    request.insert("body".to_owned(), body.clone());
    request.insert("headers".to_owned(), Value::Object(header_object));
    let report = validate_subscription_request(&Value::Object(request), context);
    let customer_id = fields.get("customerId").and_then(Value::as_str);
    let request = match customer_id {
        Some(id) if report.violations.is_empty() => {
            Some(create_request(options, id, headers, body.to_string()))
        }
        _ => None,
    };
    Built { request, report }
}
