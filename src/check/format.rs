//! String formats shared by every validator: [`Format::matches`].
//!
//! [`Format`] is the one list of formats a violation can name, so its rules sit here
//! together, Adobe's too: the account id and usual offer id are plain length and
//! character rules, and Adobe's five price-list currencies
//! ([`PRICE_LIST_CURRENCIES`]) are a subset of the ISO 4217 table beside them.
//! Dates and date-times are read by `schedule::instant`, which imports nothing from
//! the crate.
//!
//! ```
//! use subkit::error::Format;
//! assert!(Format::CurrencyCode.matches("JPY"));
//! assert!(!Format::PathSegment.matches(".."));
//! ```

use super::email::is_plausible_email;
use crate::error::Format;
use crate::schedule::instant;

impl Format {
    /// True when `s` has this format.
    pub fn matches(self, s: &str) -> bool {
        match self {
            Format::Email => is_plausible_email(s),
            Format::DateTime => is_date_time(s),
            Format::Url => is_acceptable_base_url(s),
            // Visible ASCII only: a space, CR or LF would split or forge a header.
            Format::BearerToken => !s.is_empty() && s.bytes().all(|b| b.is_ascii_graphic()),
            Format::Slug => is_slug(s),
            Format::Alphanumeric => s.bytes().all(|b| b.is_ascii_alphanumeric()),
            Format::CurrencyCode => ISO_4217_CURRENCIES.binary_search(&s).is_ok(),
            Format::PathSegment => {
                !s.is_empty()
                    && s != "."
                    && s != ".."
                    && s.bytes()
                        .all(|b| b.is_ascii_alphanumeric() || b"-_.~".contains(&b))
            }
            Format::Date => is_date(s),
            Format::UsualOfferId => s.len() == 15 && s.bytes().all(|b| b.is_ascii_alphanumeric()),
            Format::AccountId => is_account_id(s),
            Format::PriceListCurrency => PRICE_LIST_CURRENCIES.contains(&s),
        }
    }
}

impl Format {
    /// The format as a JSON Schema (ECMA-262) `pattern`, for the schemas
    /// [`crate::json_schema`] writes; `None` for a format that is a list (the
    /// currencies: an `enum`). Each pattern matches every string [`Format::matches`]
    /// takes; it is the whole rule except for `date-time` and `date`, whose calendar
    /// (and range) a pattern cannot hold. The test below holds the two to each other.
    pub fn pattern(self) -> Option<&'static str> {
        Some(match self {
            Format::Email => concat!(
                "^[A-Za-z0-9!#$%&'*+/=?^_`{|}~-](?:[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]*[A-Za-z0-9!#$%&'*+/=?^_`{|}~-])?",
                "@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$"
            ),
            Format::DateTime => {
                "^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]+)?(?:Z|[+-][0-9]{2}:[0-9]{2})$"
            }
            Format::Url => "^https://",
            Format::BearerToken => "^[!-~]+$",
            Format::Slug => "^(?!-)[a-z0-9-]{1,63}(?<!-)$",
            Format::Alphanumeric => "^[A-Za-z0-9]*$",
            Format::PathSegment => "^(?!\\.{1,2}$)[A-Za-z0-9._~-]+$",
            Format::Date => "^[0-9]{4}-[0-9]{2}-[0-9]{2}$",
            Format::UsualOfferId => "^[A-Za-z0-9]{15}$",
            Format::AccountId => "^[A-Za-z0-9-]{4,40}$",
            Format::CurrencyCode | Format::PriceListCurrency => return None,
        })
    }

    /// The list a list format takes: the currencies.
    pub fn values(self) -> Option<&'static [&'static str]> {
        match self {
            Format::CurrencyCode => Some(ISO_4217_CURRENCIES),
            Format::PriceListCurrency => Some(PRICE_LIST_CURRENCIES),
            _ => None,
        }
    }
}

/// The active alphabetic codes of ISO 4217 that name a currency, sorted (binary search).
///
/// Source: ISO 4217 List One as published by its maintenance agency (SIX), in the
/// form the iso-codes project keeps it: `data/iso_4217.json` of iso-codes 4.20.1,
/// released 2026-01-01 (BGN removed, Bulgaria having moved to the euro; XCG, ZWG and
/// XAD are in, ANG, HRK, SLL and ZWL are out). 178 codes, less 23 that are in List One
/// but name no currency a customer is billed in:
/// - precious metals XAG, XAU, XPD, XPT; bond-market units XBA, XBB, XBC, XBD;
/// - units of account XAD, XDR, XSU, XUA; the testing code XTS; XXX, "no currency";
/// - fund codes BOV, CHE, CHW, CLF, COU, MXV, USN, UYI, UYW.
pub const ISO_4217_CURRENCIES: &[&str] = &[
    "AED", "AFN", "ALL", "AMD", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BHD",
    "BIF", "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF",
    "CLP", "CNY", "COP", "CRC", "CUP", "CVE", "CZK", "DJF", "DKK", "DOP", "DZD", "EGP", "ERN",
    "ETB", "EUR", "FJD", "FKP", "GBP", "GEL", "GHS", "GIP", "GMD", "GNF", "GTQ", "GYD", "HKD",
    "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IQD", "IRR", "ISK", "JMD", "JOD", "JPY", "KES",
    "KGS", "KHR", "KMF", "KPW", "KRW", "KWD", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL",
    "LYD", "MAD", "MDL", "MGA", "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN",
    "MYR", "MZN", "NAD", "NGN", "NIO", "NOK", "NPR", "NZD", "OMR", "PAB", "PEN", "PGK", "PHP",
    "PKR", "PLN", "PYG", "QAR", "RON", "RSD", "RUB", "RWF", "SAR", "SBD", "SCR", "SDG", "SEK",
    "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL", "THB", "TJS", "TMT",
    "TND", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "UGX", "USD", "UYU", "UZS", "VED", "VES",
    "VND", "VUV", "WST", "XAF", "XCD", "XCG", "XOF", "XPF", "YER", "ZAR", "ZMW", "ZWG",
];

/// The currencies Adobe's price-list docs name ("Possible Values: AUD, EUR, GBP, JPY,
/// USD", `docs/manage-pricing/index.md` of Adobe's VIPMP docs). Another ISO 4217 code
/// is only a warning: a partner's contract may allow more than the docs list.
pub const PRICE_LIST_CURRENCIES: &[&str] = &["AUD", "EUR", "GBP", "JPY", "USD"];

/// Adobe's `ACCOUNT_ID_REGEX`, `^[\p{L}\d\-]{4,40}$` (validations page), with ASCII
/// letters for `\p{L}`: the id is written into the URL path as it is, and every id
/// Adobe's docs show is ASCII (`P1005053489`).
fn is_account_id(s: &str) -> bool {
    (4..=40).contains(&s.len()) && s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-')
}

/// A date-time in the one form Commerce Layer's docs write (`2018-01-01T12:00:00.000Z`):
/// ISO 8601 extended format, `YYYY-MM-DDTHH:MM:SS`, an optional fraction after a full
/// stop, then `Z` or an offset `±HH:MM`, naming a real instant. Seconds are required
/// (the docs ask for hours, minutes and seconds); a space for `T`, lower-case `t` and
/// `z`, and the basic offset `+0200` (ISO 8601 does not mix basic and extended format
/// in one representation) are refused. `instant::parse_iso` accepts all of those, and
/// still checks the calendar and the range here.
fn is_date_time(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |range: core::ops::Range<usize>| {
        b.get(range)
            .is_some_and(|d| !d.is_empty() && d.iter().all(u8::is_ascii_digit))
    };
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let shape = digits(0..4)
        && at(4, b'-')
        && digits(5..7)
        && at(7, b'-')
        && digits(8..10)
        && at(10, b'T')
        && digits(11..13)
        && at(13, b':')
        && digits(14..16)
        && at(16, b':')
        && digits(17..19);
    if !shape {
        return false;
    }
    let rest = b.get(19..).unwrap_or_default();
    let rest = match rest.strip_prefix(b".") {
        Some(fraction) => {
            let n = fraction.iter().take_while(|c| c.is_ascii_digit()).count();
            if n == 0 {
                return false;
            }
            fraction.get(n..).unwrap_or_default()
        }
        None => rest,
    };
    let zone = match rest {
        [b'Z'] => true,
        [b'+' | b'-', h1, h2, b':', m1, m2] => [h1, h2, m1, m2].iter().all(|c| c.is_ascii_digit()),
        _ => false,
    };
    zone && instant::parse_iso_datetime(s).is_ok()
}

/// `YYYY-MM-DD` naming a real day.
fn is_date(s: &str) -> bool {
    parse_date(s).is_some()
}

/// `s` as a calendar date when it is one written `YYYY-MM-DD` ([`Format::Date`]): the
/// one reading of a date that every API of subkit uses (Adobe's anniversary date and
/// today, the update context, the creation window).
///
/// ```
/// use subkit::format::parse_date;
/// assert_eq!(parse_date("2025-04-25").map(|d| d.to_string()).as_deref(), Some("2025-04-25"));
/// assert_eq!(parse_date("2025-02-30"), None);
/// assert_eq!(parse_date("2025-04-25T00:00:00Z"), None);
/// ```
pub fn parse_date(s: &str) -> Option<chrono::NaiveDate> {
    if s.len() != 10 {
        return None;
    }
    instant::parse_iso(s).ok().map(|t| t.date_naive())
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
    fn date_times() {
        // The form of every date-time in Commerce Layer's docs (seeds 000 to 002, and the
        // examples of commercelayer-sdk's gen/resources.json, schema v7.9.16).
        for ok in [
            "2018-01-01T12:00:00.000Z",
            "2018-01-02T12:00:00.000Z",
            "2018-01-01T12:00:00Z",
            "2018-01-01T12:00:00.5Z",
            "2018-01-01T13:00:00+01:00",
            "2018-01-01T07:00:00.000-05:00",
            "2024-02-29T23:59:59.999Z",
        ] {
            assert!(Format::DateTime.matches(ok), "{ok}");
        }
        for bad in [
            "2018-01-01",
            "2018-01-01T12:00Z",
            "2018-01-01 12:00:00Z",
            "2018-01-01t12:00:00Z",
            "2018-01-01T12:00:00z",
            "2018-01-01T12:00:00+0200",
            "2018-01-01T12:00:00+02",
            "2018-01-01T12:00:00",
            "2018-01-01T12:00:00.Z",
            "2018-01-01T12:00:00,5Z",
            "20180101T120000Z",
            " 2018-01-01T12:00:00Z",
            "2018-01-01T12:00:00Z ",
            "2023-02-29T12:00:00Z",
            "2018-01-01T24:00:00Z",
            "2018-01-01T12:00:00+24:00",
            "2018-01-01T12:00:00\u{ff10}Z",
        ] {
            assert!(!Format::DateTime.matches(bad), "{bad:?}");
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
        let mut sorted = ISO_4217_CURRENCIES.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, ISO_4217_CURRENCIES, "sorted, no repeats");
        // 178 codes in iso-codes 4.20.1's data/iso_4217.json, less the 23 excluded.
        assert_eq!(ISO_4217_CURRENCIES.len(), 155);
        // In List One: Adobe's five, a new code (XCG, 2025) and a replacement (ZWG, 2024).
        for ok in [
            "AUD", "EUR", "GBP", "JPY", "USD", "CHF", "XCG", "ZWG", "XAF",
        ] {
            assert!(Format::CurrencyCode.matches(ok), "{ok}");
        }
        // Not a code, the wrong shape, withdrawn (HRK 2023, BGN 2026, ANG 2025, ZWL
        // 2024), or in List One without naming a currency (XXX, XTS, XAU, CHE).
        for bad in [
            "XYZ", "usd", "US", "USDX", "U5D", "", "HRK", "BGN", "ANG", "ZWL", "XXX", "XTS", "XAU",
            "CHE",
        ] {
            assert!(!Format::CurrencyCode.matches(bad), "{bad}");
        }
        for ok in ["AUD", "EUR", "GBP", "JPY", "USD"] {
            assert!(Format::PriceListCurrency.matches(ok), "{ok}");
        }
        assert!(!Format::PriceListCurrency.matches("CHF"));
        // Adobe's ACCOUNT_ID_REGEX: 4 to 40 letters, digits and hyphens.
        for ok in ["P1005053489", "1005331016", "P-12", "abcd", &"a".repeat(40)] {
            assert!(Format::AccountId.matches(ok), "{ok}");
        }
        for bad in [
            "P12",
            "",
            "P_123",
            "P.123",
            "P~123",
            "P 123",
            "a/bc",
            "Pé123",
            &"a".repeat(41),
        ] {
            assert!(!Format::AccountId.matches(bad), "{bad}");
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
