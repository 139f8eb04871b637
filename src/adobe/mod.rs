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

pub mod body;
pub mod errors;
pub mod fields;
pub mod headers;
pub mod update;
mod walk;
pub mod window;

use std::borrow::Cow;
use std::fmt;

use chrono::NaiveDate;
use serde_json::Value;

use body::Rules;
use fields::{Field, Member, Table, CREATE_BODY, REQUEST};
use walk::{Found, Members};

use crate::check::values::type_violation;
use crate::error::{Format, JsonType, Kind, Violation};
use crate::http::{HttpRequest, MASK};
use crate::json::reader::{Fault, Reader, Token};
use crate::pointer::Path;

pub use update::{
    build_subscription_update, build_subscription_update_bytes, forward_subscription_update,
    forward_subscription_update_bytes, validate_subscription_update,
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
    /// The rules create's body is read with.
    fn rules(&self) -> Rules {
        Rules {
            update: false,
            license_type: self.license_type,
            consumable: self.consumable,
            auto_renewal_enabled: None,
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

/// Reads all of `text` with `read`; the one violation that stops it otherwise: text
/// over [`crate::json::check_limits`]' limits, or not JSON.
pub(crate) fn read_text<'a, T>(
    text: &'a [u8],
    read: impl FnOnce(&mut Reader<'a>) -> Result<T, Fault>,
) -> Result<T, Violation> {
    crate::json::check_limits(text)?;
    let mut r = Reader::new(text);
    let value = read(&mut r).and_then(|v| r.finish().map(|()| v));
    value.map_err(|fault| fault.into_violation(text))
}

/// A fault of a forwarded body's text, at `/body`.
pub(crate) fn in_body(v: Violation) -> Violation {
    Violation::new(format!("/body{}", v.pointer), v.kind)
}

/// The member `name` of `table`, for a builder's flat input: one of the request's own
/// members (an id, a date, a query flag) rather than one of its body's.
pub(crate) fn is_flat_request_member(table: &Table, name: &str) -> bool {
    table
        .slot(name)
        .and_then(|s| table.member(s))
        .is_some_and(|m| !matches!(m.field, Field::Object(_) | Field::Headers))
}

/// Records `found` as what member `name` of the request reported.
pub(crate) fn put_member(top: &mut Members<'_>, table: &Table, name: &str, found: Found) {
    if let Some(slot) = table.slot(name) {
        top.put(slot, found, String::new());
    }
}

/// The request's findings, once it has been read: the members it does not list, then
/// each member's in the order of the table (`required` for one that is missing).
pub(crate) fn finish_request(mut top: Members<'_>, table: &Table, root: &Path<'_>) -> Found {
    for (slot, m) in table.members.iter().enumerate() {
        if m.required && !top.has(m.name) {
            let mut found = Found::default();
            found.fault(&root.key(m.name), Kind::Required);
            top.put(slot, found, String::new());
        }
    }
    let mut found = Found::default();
    top.flush_by_table(&mut found);
    found
}

/// The values of a create request's own members that its rules between members and
/// its URL read: each member's last.
#[derive(Debug, Default)]
struct CreateValues<'a> {
    customer: Option<Cow<'a, str>>,
    today: Option<NaiveDate>,
    anniversary: Option<NaiveDate>,
}

/// Reads the value of a create request's own member `m` (`customerId`, `today`,
/// `anniversaryDate`).
fn create_member<'a>(
    r: &mut Reader<'a>,
    m: &Member,
    token: Token<'a>,
    at: &Path<'_>,
    context: &AdobeContext,
    values: &mut CreateValues<'a>,
    found: &mut Found,
) -> Result<(), Fault> {
    match m.field {
        Field::PathId(format) => {
            let fault = path_id_fault(&token, format, || {
                (context.has_active_subscriptions == Some(false)).then_some(Kind::NotEligible {
                    reason: "a customer with no active subscription cannot create one",
                })
            });
            found
                .violations
                .extend(fault.map(|k| Violation::new(at.to_pointer(), k)));
            values.customer = string(&token);
        }
        Field::Date => {
            let day = date_value(&token, at, found);
            if m.name == "today" {
                values.today = day;
            } else {
                values.anniversary = day;
            }
        }
        _ => {}
    }
    r.skip(token)
}

/// The string a token holds, if it is one.
pub(crate) fn string<'a>(token: &Token<'a>) -> Option<Cow<'a, str>> {
    match token {
        Token::String(s) => Some(s.clone()),
        _ => None,
    }
}

/// What is wrong with an id that goes into the URL path unencoded (the customer's, the
/// subscription's): missing or blank, longer than [`body::MAX_ID_LENGTH`] characters,
/// not of `format`, not a string; and, for a well-formed one, what `eligible` says.
/// Adobe's `ACCOUNT_ID_REGEX` (validations page: 4 to 40 letters, digits and
/// hyphens) is taken with ASCII letters only, since the id goes into the URL path
/// unencoded; that keeps it one safe path segment: no `/`, `.`, `%`, `?` or `#`.
pub(crate) fn path_id_fault(
    token: &Token<'_>,
    format: Format,
    eligible: impl FnOnce() -> Option<Kind>,
) -> Option<Kind> {
    match token {
        Token::Null => Some(Kind::Required),
        Token::String(s) if s.is_empty() => Some(Kind::Required),
        Token::String(s) if s.chars().count() > body::MAX_ID_LENGTH => Some(Kind::MaxLength {
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

/// Create's body, whose token was just read: `null` is a missing body (Adobe 1122),
/// not a wrong value.
fn create_body<'a>(
    r: &mut Reader<'a>,
    token: Token<'a>,
    at: &Path<'_>,
    context: &AdobeContext,
    found: &mut Found,
) -> Result<(), Fault> {
    if token == Token::Null {
        found.fault(at, Kind::Required);
        return Ok(());
    }
    if let Some(members) = body::read_body(r, token, &CREATE_BODY, at, &context.rules(), found)? {
        body::finish_create_body(members, at, found);
    }
    Ok(())
}

/// A request object's `headers`, whose token was just read: `null` is missing.
pub(crate) fn headers_member<'a>(
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
pub(crate) fn sent_headers(headers: &[(&'static str, String)], at: &Path<'_>) -> Found {
    let mut read = headers::Headers::default();
    for (name, value) in headers {
        read.put(Cow::Borrowed(name), &Token::String(Cow::Borrowed(value)));
    }
    let mut found = Found::default();
    read.finish(at, &mut found.violations);
    found
}

/// The violations and warnings of create's request once its members are read, with
/// the creation window last.
fn finish_create(top: Members<'_>, values: &CreateValues<'_>) -> Report {
    let root = Path::Root;
    let mut found = finish_request(top, &REQUEST, &root);
    if let (Some(today), Some(anniversary)) = (values.today, values.anniversary) {
        if let Some(kind) = window::creation_fault(today, anniversary) {
            found.fault(&root.key("today"), kind);
        }
    }
    found.into()
}

/// Checks a request object `{ customerId, body, headers, today, anniversaryDate }` as
/// UTF-8 JSON text (or `text.as_bytes()`), reading it once; text that is not JSON (or
/// is over [`crate::json`]'s limits) is that one violation.
pub fn validate_subscription_request_bytes(request: &[u8], context: &AdobeContext) -> Report {
    read_text(request, |r| read_create_request(r, context)).unwrap_or_else(Report::refused)
}

fn read_create_request<'a>(r: &mut Reader<'a>, context: &AdobeContext) -> Result<Report, Fault> {
    let root = Path::Root;
    let token = r.value()?;
    if token != Token::Object {
        let report = Report::refused(type_violation(&root, JsonType::Object, &token));
        r.skip(token)?;
        return Ok(report);
    }
    let mut top = Members::new(&REQUEST);
    let mut values = CreateValues::default();
    while let Some(name) = r.member()? {
        let token = r.value()?;
        top.read(
            r,
            name,
            token,
            &root,
            false,
            |r, m, token, at, found, _| match m.field {
                Field::Object(_) => create_body(r, token, at, context, found),
                Field::Headers => headers_member(r, token, at, found),
                _ => create_member(r, m, token, at, context, &mut values, found),
            },
        )?;
    }
    Ok(finish_create(top, &values))
}

/// Checks a request object `{ customerId, body, headers, today, anniversaryDate }`:
/// [`validate_subscription_request_bytes`] of its JSON text.
pub fn validate_subscription_request(request: &Value, context: &AdobeContext) -> Report {
    validate_subscription_request_bytes(&json_text(request), context)
}

/// A `Value` as the JSON text the `_bytes` entry points read.
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

/// The answer to a flat input (or a forwarded request object) of type `found`, which
/// is not an object: one `type` violation at the root.
pub(crate) fn not_an_object(found: JsonType) -> Built {
    Built::refused(Violation::new(
        "",
        Kind::Type {
            expected: JsonType::Object,
            found,
        },
    ))
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
    read_text(input, |r| read_create_input(r, options, context)).unwrap_or_else(Built::refused)
}

fn read_create_input<'a>(
    r: &mut Reader<'a>,
    options: &AdobeRequestOptions<'_>,
    context: &AdobeContext,
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
    let mut top = Members::new(&REQUEST);
    let mut body = Members::new(&CREATE_BODY);
    let mut values = CreateValues::default();
    while let Some(name) = r.member()? {
        let token = r.value()?;
        if is_flat_request_member(&REQUEST, &name) {
            top.read(r, name, token, &root, false, |r, m, token, at, found, _| {
                create_member(r, m, token, at, context, &mut values, found)
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
    let mut found = Found::default();
    body::finish_create_body(body, &body_at, &mut found);
    put_member(&mut top, &REQUEST, "body", found);
    let headers = request_headers(options);
    put_member(
        &mut top,
        &REQUEST,
        "headers",
        sent_headers(&headers, &root.key("headers")),
    );
    let report = finish_create(top, &values);
    let request = match values.customer {
        Some(id) if report.violations.is_empty() => {
            Some(create_request(options, &id, headers, text))
        }
        _ => None,
    };
    Ok(Built { request, report })
}

/// Builds from flat input `{ customerId, offerId, autoRenewal, deploymentId?,
/// currencyCode?, today, anniversaryDate }`: [`build_subscription_request_bytes`] of
/// its JSON text.
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
    let root = Path::Root;
    if let Err(v) = crate::json::check_size(body.len()) {
        return Built::refused(in_body(v));
    }
    let mut values = CreateValues::default();
    let top = read_text(request, |r| {
        let token = r.value()?;
        if token != Token::Object {
            let found = token.json_type();
            r.skip(token)?;
            return Ok(Err(found));
        }
        let mut top = Members::new(&REQUEST);
        while let Some(name) = r.member()? {
            let token = r.value()?;
            // The forwarded body and the options' headers take these members' place.
            if matches!(name.as_ref(), "body" | "headers") {
                r.skip(token)?;
                continue;
            }
            top.read(r, name, token, &root, false, |r, m, token, at, found, _| {
                create_member(r, m, token, at, context, &mut values, found)
            })?;
        }
        Ok(Ok(top))
    });
    let top = match top {
        Ok(top) => top,
        Err(v) => return Built::refused(v),
    };
    let body_at = root.key("body");
    let found = read_text(body, |r| {
        let mut found = Found::default();
        let token = r.value()?;
        create_body(r, token, &body_at, context, &mut found)?;
        Ok(found)
    });
    let (mut top, found) = match (top, found) {
        (_, Err(v)) => return Built::refused(in_body(v)),
        (Err(found), _) => return not_an_object(found),
        (Ok(top), Ok(found)) => (top, found),
    };
    put_member(&mut top, &REQUEST, "body", found);
    let headers = request_headers(options);
    put_member(
        &mut top,
        &REQUEST,
        "headers",
        sent_headers(&headers, &root.key("headers")),
    );
    let report = finish_create(top, &values);
    let request = match values.customer {
        Some(id) if report.violations.is_empty() => Some(create_request(
            options,
            &id,
            headers,
            String::from_utf8_lossy(body).into_owned(),
        )),
        _ => None,
    };
    Built { request, report }
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
pub fn forward_subscription_request(
    body: &[u8],
    request: &Value,
    options: &AdobeRequestOptions<'_>,
    context: &AdobeContext,
) -> Built {
    forward_subscription_request_bytes(body, &json_text(request), options, context)
}
