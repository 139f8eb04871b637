//! String formats shared by every validator: [`Format::matches`].
//!
//! ```
//! use subkit::error::Format;
//! assert!(Format::CurrencyCode.matches("JPY"));
//! assert!(!Format::PathSegment.matches(".."));
//! ```

use crate::error::Format;
use crate::payload::email::is_plausible_email;
use crate::schedule::instant;

impl Format {
    /// True when `s` has this format.
    pub fn matches(self, s: &str) -> bool {
        match self {
            Format::Email => is_plausible_email(s),
            Format::DateTime => instant::parse_iso_datetime(s).is_ok(),
            Format::Url => is_acceptable_base_url(s),
            // Visible ASCII only: a space, CR or LF would split or forge a header.
            Format::BearerToken => !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic()),
            Format::Slug => is_slug(s),
            Format::Alphanumeric => s.bytes().all(|b| b.is_ascii_alphanumeric()),
            Format::CurrencyCode => s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()),
            Format::PathSegment => {
                !s.is_empty()
                    && s != "."
                    && s != ".."
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b))
            }
            Format::Date => is_date(s),
            Format::UsualOfferId => s.len() == 15 && s.bytes().all(|b| b.is_ascii_alphanumeric()),
        }
    }
}

/// `YYYY-MM-DD` naming a real day.
fn is_date(s: &str) -> bool {
    s.len() == 10 && instant::parse_iso(s).is_ok()
}

/// `https://host[:port][/path]`, or `http://` on a loopback host (for local mocks);
/// no credentials, query or fragment, and nothing a header or URL parser could
/// misread.
pub(crate) fn is_acceptable_base_url(url: &str) -> bool {
    let (secure, rest) = match (url.strip_prefix("https://"), url.strip_prefix("http://")) {
        (Some(rest), _) => (true, rest),
        (None, Some(rest)) => (false, rest),
        _ => return false,
    };
    let authority = rest.split('/').next().unwrap_or_default();
    // `[::1]:9000` keeps its brackets; otherwise the port follows the last colon.
    let (host, port) = match authority.strip_prefix('[') {
        Some(v6) => match v6.split_once(']') {
            Some((_, after)) if after.is_empty() || after.starts_with(':') => (
                authority
                    .get(..v6.len().saturating_add(1).saturating_sub(after.len()))
                    .unwrap_or_default(),
                after.strip_prefix(':'),
            ),
            _ => return false,
        },
        None => match authority.split_once(':') {
            Some((host, port)) => (host, Some(port)),
            None => (authority, None),
        },
    };
    let port_ok =
        port.is_none_or(|p| (1..=5).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()));
    let loopback = matches!(host, "localhost" | "127.0.0.1" | "[::1]");
    let host_ok = !host.is_empty()
        && (host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
            || loopback);
    let clean = url
        .bytes()
        .all(|b| b.is_ascii_graphic() && !matches!(b, b'?' | b'#' | b'@' | b'\\'));
    host_ok && port_ok && clean && (secure || loopback)
}

/// A DNS label: 1-63 lower-case letters, digits and hyphens, no hyphen at either end.
pub(crate) fn is_slug(s: &str) -> bool {
    let b = s.as_bytes();
    (1..=63).contains(&b.len())
        && b.iter()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || *c == b'-')
        && b.first() != Some(&b'-')
        && b.last() != Some(&b'-')
}

#[cfg(test)]
mod tests {
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    use super::*;

    #[test]
    fn base_urls() {
        for ok in [
            "https://yourdomain.commercelayer.io",
            "https://yourdomain.commercelayer.io/",
            "https://proxy.example.com:8443/cl",
            "http://127.0.0.1:8787",
            "http://localhost",
            "http://[::1]:9000",
        ] {
            assert!(is_acceptable_base_url(ok), "{ok}");
        }
        for bad in [
            "",
            "yourdomain.commercelayer.io",
            "http://yourdomain.commercelayer.io",
            "https://",
            "https://user:pass@host",
            "https://host/?q=1",
            "https://host/#x",
            "https://ho st",
            "https://host\r\nX-Injected: 1",
            "ftp://host",
            "https://host:abc",
            "http://[::1]x",
        ] {
            assert!(!is_acceptable_base_url(bad), "{bad:?}");
        }
    }

    #[test]
    fn slugs() {
        assert!(is_slug("yourdomain"));
        assert!(is_slug("my-shop-2"));
        for bad in ["", "-a", "a-", "My", "a.b", &"a".repeat(64)] {
            assert!(!is_slug(bad), "{bad}");
        }
    }

    #[test]
    fn adobe_formats() {
        assert!(Format::CurrencyCode.matches("USD"));
        for bad in ["usd", "US", "USDX", "U5D", ""] {
            assert!(!Format::CurrencyCode.matches(bad), "{bad}");
        }
        assert!(Format::PathSegment.matches("P1005053489"));
        for bad in ["", ".", "..", "a/b", "a%2Fb", "a b", "é"] {
            assert!(!Format::PathSegment.matches(bad), "{bad}");
        }
        assert!(Format::Date.matches("2024-02-29"));
        for bad in ["2023-02-29", "2024-2-29", "2024-02-29T00:00:00Z", ""] {
            assert!(!Format::Date.matches(bad), "{bad}");
        }
        assert!(Format::UsualOfferId.matches("65304470CA01012"));
        assert!(!Format::UsualOfferId.matches("65304470CA0101"));
    }
}
