//! Plausible e-mail addresses, as Ruby's `URI::MailTo::EMAIL_REGEXP` defines them.
//!
//! Entry point: [`is_plausible_email`]. That grammar is the WHATWG HTML "valid e-mail
//! address" (what browsers apply to `<input type="email">`) with one more rule from
//! current Ruby: the local part neither starts nor ends with a dot. Commerce Layer's
//! server runs on Ruby, so a checkout form, subkit and the server agree on what an
//! address looks like.
//!
//! ```
//! use subkit::check::email::is_plausible_email;
//! assert!(is_plausible_email("john@example.com"));
//! assert!(!is_plausible_email("john@"));
//! ```

/// True when `s` matches `local@label(.label)*`: the local part is one or more of
/// ``A-Z a-z 0-9 .!#$%&'*+/=?^_`{|}~-`` and neither starts nor ends with `.`; each
/// label is 1 to 63 letters, digits or hyphens and neither starts nor ends with `-`.
pub fn is_plausible_email(s: &str) -> bool {
    let Some((local, domain)) = s.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !local.starts_with('.')
        && !local.ends_with('.')
        && local.bytes().all(is_local_byte)
        && domain.split('.').all(is_label)
}

fn is_local_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b".!#$%&'*+/=?^_`{|}~-".contains(&b)
}

fn is_label(label: &str) -> bool {
    let bytes = label.as_bytes();
    match (bytes.first(), bytes.last()) {
        (Some(first), Some(last)) => {
            bytes.len() <= 63
                && first.is_ascii_alphanumeric()
                && last.is_ascii_alphanumeric()
                && bytes
                    .iter()
                    .all(|b| b.is_ascii_alphanumeric() || *b == b'-')
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    // The same unit tests run natively and under wasm-bindgen-test (Node and Chromium).
    use super::is_plausible_email;
    use crate::prelude::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn accepts_whatwg_valid_addresses() {
        for ok in [
            "john@example.com",
            "a@b",
            "first.last+tag@sub.example.co.uk",
            "!#$%&'*+/=?^_`{|}~-@example.com",
            "x@a-b.example",
        ] {
            assert!(is_plausible_email(ok), "{ok}");
        }
    }

    #[test]
    fn rejects_invalid_addresses() {
        let long_label = format!("a@{}.com", "b".repeat(64));
        for bad in [
            "",
            "john",
            "@example.com",
            "john@",
            "john@@example.com",
            "jo hn@example.com",
            "john@example..com",
            "john@-example.com",
            "john@example-.com",
            "john@exa_mple.com",
            "jöhn@example.com",
            "john@example.com ",
            ".john@example.com",
            "john.@example.com",
            long_label.as_str(),
        ] {
            assert!(!is_plausible_email(bad), "{bad:?}");
        }
    }
}
