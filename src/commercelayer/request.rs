//! Ready-to-send Commerce Layer requests: method, URL, headers and body.
//!
//! Entry points: [`build_request`] (`POST /api/<resource>`) and
//! [`build_update_request`] (`PATCH /api/<resource>/<id>`) from flat input, and
//! [`document_request`] and [`document_update_request`] from a JSON:API document as a
//! request body brings it, forwarded as given. The result can be handed to any HTTP client (in JS,
//! `fetch(request.url, request)`); subkit itself sends nothing. Faults in the options
//! are violations under the synthetic root `/options` (`/options/baseUrl`,
//! `/options/accessToken`), so they share one list with the document's. Neither
//! violations nor `Debug` output ever contain the access token.
//!
//! ```
//! use subkit::commercelayer::request::{build_request, RequestOptions};
//! use subkit::Resource;
//! let input = serde_json::json!({"customer_email": "john@example.com", "reference": "R1"});
//! let options = RequestOptions { organization: Some("yourdomain"), access_token: Some("your-access-token"), ..Default::default() };
//! let request = build_request(Resource::CustomerSubscriptions, &input, &options, &Default::default()).unwrap();
//! assert_eq!(request.url, "https://yourdomain.commercelayer.io/api/customer_subscriptions");
//! assert!(!format!("{request:?}").contains("your-access-token"));
//! ```

use crate::prelude::*;
use core::fmt;

#[cfg(feature = "value")]
use serde_json::Value;

use super::{BuildOptions, Context, Resource};
use crate::error::{Format, Kind, Violation};
use crate::http::{HttpRequest, MASK};
use crate::words::{reason, Reason};

/// The media type of JSON:API, which Commerce Layer requires in both headers.
pub const JSON_API: &str = "application/vnd.api+json";

/// Where to send and with which credentials.
#[derive(Clone, Copy, Default)]
pub struct RequestOptions<'a> {
    /// The organization's API base URL, e.g. `https://yourdomain.commercelayer.io`.
    pub base_url: Option<&'a str>,
    /// The organization slug, for `https://<slug>.commercelayer.io` (instead of `base_url`).
    pub organization: Option<&'a str>,
    /// The OAuth access token sent as `Authorization: Bearer …`.
    pub access_token: Option<&'a str>,
}

impl fmt::Debug for RequestOptions<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("RequestOptions")
            .field("base_url", &self.base_url)
            .field("organization", &self.organization)
            .field("access_token", &self.access_token.map(|_| MASK))
            .finish()
    }
}

/// A Commerce Layer request ready to send (`Debug` masks `Authorization`).
pub type Request = HttpRequest;

/// Builds the document from flat input (as [`Resource::build_with`]) and wraps it in
/// a request. Every fault, in the options or the document, is reported at once:
/// option faults first, then the document's. The input is written as text and built
/// by [`build_request_bytes`].
#[cfg(feature = "value")]
pub fn build_request(
    resource: Resource,
    input: &Value,
    options: &RequestOptions<'_>,
    build: &BuildOptions<'_>,
) -> Result<Request, Vec<Violation>> {
    // Serialising a `Value` cannot fail.
    let text = serde_json::to_vec(input).unwrap_or_default();
    build_request_bytes(resource, &text, options, build)
}

/// Like [`build_request`], from the flat input as UTF-8 JSON bytes (or
/// `text.as_bytes()`); bytes that are not JSON are one `invalid_json` violation at
/// pointer `""`, after the option faults. The body is the text
/// [`Resource::build_text`] writes.
pub fn build_request_bytes(
    resource: Resource,
    input: &[u8],
    options: &RequestOptions<'_>,
    build: &BuildOptions<'_>,
) -> Result<Request, Vec<Violation>> {
    let document = resource.build_text(input, build);
    wrap("POST", resource.name().to_owned(), document, options)
}

/// Like [`build_update_request`], from the flat input as UTF-8 JSON bytes. The body is
/// the text [`Resource::build_update_text`] writes.
pub fn build_update_request_bytes(
    resource: Resource,
    id: &str,
    input: &[u8],
    options: &RequestOptions<'_>,
    context: &Context<'_>,
) -> Result<Request, Vec<Violation>> {
    let document = resource.build_update_text(input, id, context);
    // A refused id is not put into the URL (the document's faults report it).
    let path = [resource.name(), "/", id].concat();
    wrap("PATCH", path, document, options)
}

/// Validates a JSON:API create document as a request body arrives (UTF-8 bytes, as
/// [`Resource::validate_bytes_with`]) and wraps it in a request with the body exactly
/// as given: what a proxy that checks bodies before forwarding them sends on.
///
/// ```
/// use subkit::commercelayer::request::{document_request, RequestOptions};
/// use subkit::Resource;
/// let body = br#"{"data": {"type": "customer_subscriptions", "attributes": {"customer_email": "john@example.com", "reference": "R1"}}}"#;
/// let options = RequestOptions { organization: Some("yourdomain"), access_token: Some("your-access-token"), ..Default::default() };
/// let request = document_request(Resource::CustomerSubscriptions, body, &options, &Default::default()).unwrap();
/// assert_eq!(request.body.as_bytes(), body);
/// let bad = document_request(Resource::CustomerSubscriptions, b"{}", &options, &Default::default()).unwrap_err();
/// assert_eq!(bad[0].pointer, "/data");
/// ```
pub fn document_request(
    resource: Resource,
    document: &[u8],
    options: &RequestOptions<'_>,
    context: &Context<'_>,
) -> Result<Request, Vec<Violation>> {
    let faults = resource.validate_bytes_with(document, context);
    wrap(
        "POST",
        resource.name().to_owned(),
        as_given(document, faults),
        options,
    )
}

/// The same for an update document (as [`Resource::validate_update_bytes`]): a `PATCH`
/// to `/api/<resource>/<id>` with the body exactly as given.
pub fn document_update_request(
    resource: Resource,
    id: &str,
    document: &[u8],
    options: &RequestOptions<'_>,
    context: &Context<'_>,
) -> Result<Request, Vec<Violation>> {
    let faults = resource.validate_update_bytes(document, id, context);
    let path = [resource.name(), "/", id].concat();
    wrap("PATCH", path, as_given(document, faults), options)
}

/// A valid document's text as it came (valid JSON is UTF-8), or its faults.
fn as_given(document: &[u8], faults: Vec<Violation>) -> Result<String, Vec<Violation>> {
    if !faults.is_empty() {
        return Err(faults);
    }
    String::from_utf8(document.to_vec()).map_err(|_| {
        vec![Violation::new(
            "",
            Kind::InvalidJson {
                line: 0,
                column: 0,
                reason: reason!("invalid_json.not_utf8"),
            },
        )]
    })
}

/// Builds the update document from flat input (as [`Resource::build_update`]) and
/// wraps it in a `PATCH` request to `/api/<resource>/<id>`, with the same headers and
/// the same option faults as [`build_request`]. The input is written as text and built
/// by [`build_update_request_bytes`].
///
/// ```
/// use subkit::commercelayer::request::{build_update_request, RequestOptions};
/// use subkit::Resource;
/// let input = serde_json::json!({"_cancel": true});
/// let options = RequestOptions { organization: Some("yourdomain"), access_token: Some("your-access-token"), ..Default::default() };
/// let request = build_update_request(Resource::OrderSubscriptions, "BkMdJFGdjX", &input, &options, &Default::default()).unwrap();
/// assert_eq!((request.method, request.url.as_str()), ("PATCH", "https://yourdomain.commercelayer.io/api/order_subscriptions/BkMdJFGdjX"));
/// ```
#[cfg(feature = "value")]
pub fn build_update_request(
    resource: Resource,
    id: &str,
    input: &Value,
    options: &RequestOptions<'_>,
    context: &Context<'_>,
) -> Result<Request, Vec<Violation>> {
    let text = serde_json::to_vec(input).unwrap_or_default();
    build_update_request_bytes(resource, id, &text, options, context)
}

/// The request for a document's text (or its faults), after the option faults.
fn wrap(
    method: &'static str,
    path: String,
    document: Result<String, Vec<Violation>>,
    options: &RequestOptions<'_>,
) -> Result<Request, Vec<Violation>> {
    let mut violations = Vec::new();
    let base = base_url(options, &mut violations);
    match options.access_token {
        None => violations.push(Violation::new("/options/accessToken", Kind::Required)),
        Some(t) if t.trim().is_empty() => {
            violations.push(Violation::new("/options/accessToken", Kind::Required));
        }
        // Visible ASCII only: a space, CR or LF would split or forge the header.
        Some(t) if !Format::BearerToken.matches(t) => violations.push(Violation::new(
            "/options/accessToken",
            Kind::Format {
                format: Format::BearerToken,
            },
        )),
        Some(_) => {}
    }
    let document = match document {
        Ok(doc) => Some(doc),
        Err(mut v) => {
            violations.append(&mut v);
            None
        }
    };
    match (base, options.access_token, document) {
        (Some(base), Some(token), Some(doc)) if violations.is_empty() => Ok(Request {
            method,
            url: [base.as_str(), "/api/", path.as_str()].concat(),
            headers: vec![
                ("Accept", JSON_API.to_owned()),
                ("Content-Type", JSON_API.to_owned()),
                ("Authorization", ["Bearer ", token].concat()),
            ],
            body: doc,
        }),
        _ => Err(violations),
    }
}

/// The origin requests go to, from `base_url` (an origin: no path, query or fragment)
/// or `organization`.
fn base_url(options: &RequestOptions<'_>, out: &mut Vec<Violation>) -> Option<String> {
    match (options.base_url, options.organization) {
        (Some(_), Some(_)) => {
            out.push(Violation::new(
                "/options/organization",
                Kind::Forbidden {
                    member: "organization".to_owned(),
                    reason: reason!("forbidden.base_url_and_organization"),
                },
            ));
            None
        }
        (Some(url), None) => {
            let (origin, rest) = split_origin(url);
            let fault = if !Format::Url.matches(origin) {
                Some(Kind::Format {
                    format: Format::Url,
                })
            } else {
                origin_fault(rest).map(|reason| Kind::Forbidden {
                    member: "baseUrl".to_owned(),
                    reason,
                })
            };
            match fault {
                Some(kind) => {
                    out.push(Violation::new("/options/baseUrl", kind));
                    None
                }
                None => Some(origin.to_owned()),
            }
        }
        (None, Some(slug)) => {
            let ok = Format::Slug.matches(slug);
            if !ok {
                out.push(Violation::new(
                    "/options/organization",
                    Kind::Format {
                        format: Format::Slug,
                    },
                ));
            }
            ok.then(|| ["https://", slug, ".commercelayer.io"].concat())
        }
        (None, None) => {
            out.push(Violation::new("/options/baseUrl", Kind::Required));
            None
        }
    }
}

/// Splits a URL after its authority: `("https://host:443", "/api?x")`. Text without a
/// scheme is all origin, for the format check to refuse.
fn split_origin(url: &str) -> (&str, &str) {
    // A byte search: a `&str` pattern would link core's two-way substring searcher.
    let Some(colon) = url.as_bytes().windows(3).position(|w| w == b"://") else {
        return (url, "");
    };
    let scheme = url.get(..colon).unwrap_or_default();
    let after = url.get(colon.saturating_add(3)..).unwrap_or_default();
    let end = after.find(['/', '?', '#']).unwrap_or(after.len());
    let at = scheme.len().saturating_add(3).saturating_add(end);
    (
        url.get(..at).unwrap_or(url),
        url.get(at..).unwrap_or_default(),
    )
}

/// Why what follows the origin makes `baseUrl` more than an origin, if it does. A lone
/// `/` is the empty path as URL parsers write it (`new URL(origin).href` ends in one),
/// so it is accepted and dropped.
fn origin_fault(rest: &str) -> Option<Reason> {
    let rest = rest
        .strip_prefix('/')
        .filter(|r| !r.starts_with('/'))
        .unwrap_or(rest);
    match rest.bytes().next() {
        None => None,
        Some(b'?') => Some(reason!("forbidden.base_url_query")),
        Some(b'#') => Some(reason!("forbidden.base_url_fragment")),
        Some(_) => Some(reason!("forbidden.base_url_path")),
    }
}

#[cfg(test)]
#[cfg(feature = "value")]
mod tests {

    use super::*;

    #[test]
    fn token_never_appears_in_errors_or_debug() {
        let token = "secret token\r\nwith junk";
        let options = RequestOptions {
            base_url: Some("https://x.commercelayer.io"),
            access_token: Some(token),
            ..Default::default()
        };
        let input = serde_json::json!({"customer_email": 1});
        let errors = build_request(
            Resource::CustomerSubscriptions,
            &input,
            &options,
            &BuildOptions::default(),
        )
        .unwrap_err();
        let text = format!(
            "{errors:?} {} {options:?}",
            errors.iter().map(|v| v.to_string()).collect::<String>()
        );
        assert!(!text.contains("secret"), "{text}");
        assert_eq!(errors[0].pointer, "/options/accessToken");
    }

    /// The URL `build_request` gives for `base_url`, or the kind of its fault.
    fn url_for(base_url: &str) -> Result<String, Kind> {
        let options = RequestOptions {
            base_url: Some(base_url),
            access_token: Some("t"),
            ..Default::default()
        };
        let input = serde_json::json!({"customer_email": "john@example.com", "reference": "R1"});
        build_request(
            Resource::CustomerSubscriptions,
            &input,
            &options,
            &BuildOptions::default(),
        )
        .map(|r| r.url)
        .map_err(|v| v[0].kind.clone())
    }

    #[test]
    fn base_url_is_an_origin() {
        // Seed 000: POST https://yourdomain.commercelayer.io/api/customer_subscriptions.
        let want = "https://yourdomain.commercelayer.io/api/customer_subscriptions";
        assert_eq!(
            url_for("https://yourdomain.commercelayer.io").unwrap(),
            want
        );
        assert_eq!(
            url_for("https://yourdomain.commercelayer.io/").unwrap(),
            want
        );
        assert_eq!(
            url_for("http://127.0.0.1:8787").unwrap(),
            "http://127.0.0.1:8787/api/customer_subscriptions"
        );
        for (url, says) in [
            ("https://x.commercelayer.io/api", "path"),
            ("https://x.commercelayer.io/api/", "path"),
            ("https://x.commercelayer.io//", "path"),
            ("https://proxy.example.com:8443/cl", "path"),
            ("https://x.commercelayer.io?a=1", "query"),
            ("https://x.commercelayer.io/?a=1", "query"),
            ("https://x.commercelayer.io#top", "fragment"),
            ("https://x.commercelayer.io/#top", "fragment"),
        ] {
            match url_for(url) {
                Err(Kind::Forbidden { member, reason }) => {
                    assert_eq!(member, "baseUrl");
                    assert!(reason.english().contains(says), "{url}: {reason}");
                }
                other => panic!("{url}: {other:?}"),
            }
        }
        for url in [
            "x.commercelayer.io",
            "https://user@x.commercelayer.io/api",
            "https://",
        ] {
            assert!(
                matches!(
                    url_for(url),
                    Err(Kind::Format {
                        format: Format::Url
                    })
                ),
                "{url}"
            );
        }
    }
}
