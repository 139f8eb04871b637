//! RFC 6901 JSON Pointers, built lazily while a validator walks a document.
//!
//! Entry point: [`Path`]. A validator passes a borrowed chain of path segments down
//! the tree and only renders a pointer string when it reports a violation:
//!
//! ```
//! use subkit::pointer::Path;
//! let root = Path::Root;
//! let data = root.key("data");
//! let attrs = data.key("attributes");
//! assert_eq!(attrs.key("a/b~c").to_pointer(), "/data/attributes/a~1b~0c");
//! assert_eq!(root.to_pointer(), "");
//! ```

use crate::prelude::*;

/// A location in a JSON document, as a chain of borrowed segments ending at the root.
#[derive(Debug, Clone, Copy)]
pub enum Path<'a> {
    /// The whole document: pointer `""`.
    Root,
    /// An object member of the parent location.
    Key(&'a Path<'a>, &'a str),
    /// An array element of the parent location.
    Index(&'a Path<'a>, usize),
}

impl<'a> Path<'a> {
    /// The location of member `name` inside this one.
    pub fn key(&'a self, name: &'a str) -> Path<'a> {
        Path::Key(self, name)
    }

    /// The location of element `index` inside this one.
    pub fn index(&'a self, index: usize) -> Path<'a> {
        Path::Index(self, index)
    }

    /// The RFC 6901 pointer for this location (`""` for the root).
    pub fn to_pointer(&self) -> String {
        let mut out = String::new();
        self.write_into(&mut out);
        out
    }

    /// The last member name on the path, if the path ends at an object member.
    pub fn last_key(&self) -> Option<&'a str> {
        match self {
            Path::Key(_, name) => Some(name),
            _ => None,
        }
    }

    fn write_into(&self, out: &mut String) {
        // Root first, by recursion: a chain is as deep as the document, which the
        // reader caps at 127 levels, so the stack stays small and nothing allocates.
        match self {
            Path::Root => {}
            Path::Key(parent, name) => {
                parent.write_into(out);
                out.push('/');
                push_escaped(out, name);
            }
            Path::Index(parent, i) => {
                parent.write_into(out);
                out.push('/');
                crate::json::write::unsigned(out, u64::try_from(*i).unwrap_or(u64::MAX));
            }
        }
    }
}

/// Escapes one reference token: `~` becomes `~0` and `/` becomes `~1` (RFC 6901 §3).
pub fn escape(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    push_escaped(&mut out, token);
    out
}

/// The reference tokens of a pointer, unescaped (`"/data/attributes/a~1b"` is `["data",
/// "attributes", "a/b"]`; `""` has none).
pub fn tokens(pointer: &str) -> Vec<String> {
    pointer.split('/').skip(1).map(unescape).collect()
}

/// Unescapes one reference token: `~1` becomes `/` and `~0` becomes `~`, in that
/// order (RFC 6901 §4).
pub fn unescape(token: &str) -> String {
    // One pass, left to right: the same as replacing `~1` then `~0` over the whole
    // token, without a substring search.
    let mut out = String::with_capacity(token.len());
    let mut chars = token.chars();
    while let Some(c) = chars.next() {
        if c != '~' {
            out.push(c);
            continue;
        }
        match chars.clone().next() {
            Some('1') => out.push('/'),
            Some('0') => out.push('~'),
            _ => {
                out.push('~');
                continue;
            }
        }
        chars.next();
    }
    out
}

fn push_escaped(out: &mut String, token: &str) {
    // Bytes, not chars: '~' and '/' are ASCII, and a char pattern is a slow search.
    if !token.bytes().any(|b| b == b'~' || b == b'/') {
        out.push_str(token);
        return;
    }
    for c in token.chars() {
        match c {
            '~' => out.push_str("~0"),
            '/' => out.push_str("~1"),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    // The same unit tests run natively and under wasm-bindgen-test (Node and Chromium).
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    // RFC 6901 §4 in its own words: "first transforming any occurrence of the sequence
    // '~1' to '/', and then transforming any occurrence of the sequence '~0' to '~'",
    // over tokens that mix the two, stray tildes and non-ASCII text.
    #[test]
    fn unescapes_as_rfc_6901_section_4_says() {
        let parts = ["~", "0", "1", "2", "/", "a", "é", "~~", "01", "10"];
        let mut tokens = vec![String::new()];
        for _ in 0..4 {
            tokens = tokens
                .iter()
                .flat_map(|t| parts.iter().map(move |p| [t.as_str(), p].concat()))
                .collect();
        }
        assert_eq!(tokens.len(), 10_000);
        for token in &tokens {
            let rfc = token.replace("~1", "/").replace("~0", "~");
            assert_eq!(unescape(token), rfc, "{token:?}");
        }
    }

    // Examples from RFC 6901 §5.
    #[test]
    fn escapes_as_rfc_6901() {
        assert_eq!(escape("a/b"), "a~1b");
        assert_eq!(escape("m~n"), "m~0n");
        assert_eq!(escape("~1"), "~01");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn builds_nested_pointers() {
        let root = Path::Root;
        let foo = root.key("foo");
        assert_eq!(foo.index(0).to_pointer(), "/foo/0");
        assert_eq!(root.key("").to_pointer(), "/");
        assert_eq!(root.key("k\"l").to_pointer(), "/k\"l");
    }

    #[test]
    fn rendered_pointers_resolve() {
        let doc = serde_json::json!({"a/b": {"m~n": [1, 2]}});
        let root = Path::Root;
        let ab = root.key("a/b");
        let mn = ab.key("m~n");
        let p = mn.index(1).to_pointer();
        // serde_json evaluates RFC 6901 pointers (§4), unescaping `~1` before `~0`.
        assert_eq!(doc.pointer(&p), Some(&serde_json::json!(2)));
    }
}
