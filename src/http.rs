//! A request ready to send, shared by every builder: [`HttpRequest`].
//!
//! subkit sends nothing; callers hand the request to their HTTP client (in JS,
//! `fetch(request.url, request)`). `Debug` masks the headers that carry credentials.
//!
//! ```
//! use subkit::http::HttpRequest;
//! let r = HttpRequest {
//!     method: "POST",
//!     url: "https://example.com".into(),
//!     headers: vec![("Authorization", "Bearer secret".into())],
//!     body: "{}".into(),
//! };
//! assert!(!format!("{r:?}").contains("secret"));
//! ```

use crate::prelude::*;
use core::fmt;

/// Headers whose values are credentials, masked in `Debug` output.
pub const SECRET_HEADERS: &[&str] = &["Authorization", "X-Api-Key"];

/// What `Debug` prints instead of a credential.
pub const MASK: &str = "***";

/// Method, URL, headers (in sending order) and body text.
#[derive(Clone, PartialEq, Eq)]
pub struct HttpRequest {
    /// The HTTP method, e.g. `POST`.
    pub method: &'static str,
    /// The full URL.
    pub url: String,
    /// Header names and values.
    pub headers: Vec<(&'static str, String)>,
    /// The body as text.
    pub body: String,
}

impl fmt::Debug for HttpRequest {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let headers: Vec<(&str, &str)> = self
            .headers
            .iter()
            .map(|(k, v)| {
                let secret = SECRET_HEADERS.iter().any(|s| s.eq_ignore_ascii_case(k));
                (*k, if secret { MASK } else { v.as_str() })
            })
            .collect();
        f.debug_struct("HttpRequest")
            .field("method", &self.method)
            .field("url", &self.url)
            .field("headers", &headers)
            .field("body", &self.body)
            .finish()
    }
}
