//! A pull reader over JSON text: validators read a document once, token by token,
//! with no tree in between.
//!
//! Entry point: [`Reader`]. A validator asks for the next value ([`Reader::value`]),
//! walks into objects and arrays with [`Reader::member`] and [`Reader::element`], and
//! skips what it does not check with [`Reader::skip`]. Strings without escapes are
//! borrowed from the input; only escaped ones allocate.
//!
//! ```
//! use subkit::json::reader::{Reader, Token};
//! let mut r = Reader::new(br#"{"a": [1, "x"], "b": null}"#);
//! assert!(matches!(r.value(), Ok(Token::Object)));
//! assert_eq!(r.member().unwrap().as_deref(), Some("a"));
//! let list = r.value().unwrap();
//! r.skip(list).unwrap();
//! assert_eq!(r.member().unwrap().as_deref(), Some("b"));
//! assert!(matches!(r.value(), Ok(Token::Null)));
//! assert_eq!(r.member().unwrap(), None);
//! assert!(r.finish().is_ok());
//! ```
//!
//! It accepts exactly RFC 8259 JSON, as serde_json does: UTF-8 text, no trailing
//! commas, no comments, escapes checked (a lone surrogate escape is a fault, since it
//! cannot become a Rust string), numbers within `f64`, and nesting up to
//! [`MAX_DEPTH`] levels, so hostile input cannot exhaust the stack.

use std::borrow::Cow;

use crate::error::{JsonType, Kind, Violation};

/// Containers nested deeper than this are refused, as serde_json's recursion limit
/// refuses them: 127 levels read, the 128th is a fault.
pub const MAX_DEPTH: u32 = 127;

/// A value's start, as [`Reader::value`] reads it. Scalars are read whole; for an
/// object or an array only the opening bracket is, and its members or elements follow.
#[derive(Debug, Clone, PartialEq)]
pub enum Token<'a> {
    /// `null`
    Null,
    /// `true` or `false`
    Bool(bool),
    /// A number, as its text in the input (checked against the JSON grammar).
    Number(&'a str),
    /// A string, unescaped.
    String(Cow<'a, str>),
    /// `{`: read the members with [`Reader::member`].
    Object,
    /// `[`: read the elements with [`Reader::element`].
    Array,
}

impl Token<'_> {
    /// The JSON type of the value.
    pub fn json_type(&self) -> JsonType {
        match self {
            Token::Null => JsonType::Null,
            Token::Bool(_) => JsonType::Boolean,
            Token::Number(_) => JsonType::Number,
            Token::String(_) => JsonType::String,
            Token::Object => JsonType::Object,
            Token::Array => JsonType::Array,
        }
    }

    /// The number as an `i64` when it has no fractional part (`2`, `2.0`, `1e2`) and is
    /// within ±2^53, as serde_json's `as_i64` and `as_f64` read it; `None` for any
    /// other value.
    pub fn whole_number(&self) -> Option<i64> {
        let Token::Number(text) = self else {
            return None;
        };
        if let Ok(v) = text.parse::<i64>() {
            return Some(v);
        }
        let f: f64 = text.parse().ok()?;
        #[allow(clippy::cast_possible_truncation)] // whole and within ±2^53, checked first
        (f.fract() == 0.0 && f.abs() < 9_007_199_254_740_992.0).then_some(f as i64)
    }
}

/// Where the text stops being JSON, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// Byte offset of the fault.
    pub at: usize,
    /// What is wrong, in words.
    pub reason: &'static str,
}

impl Fault {
    /// The fault as an `invalid_json` violation at the root, with its 1-based line and
    /// column (in bytes) in `text`.
    pub fn into_violation(self, text: &[u8]) -> Violation {
        let before = text.get(..self.at).unwrap_or(text);
        let line = before.iter().filter(|&&b| b == b'\n').count();
        let column = match before.iter().rposition(|&b| b == b'\n') {
            Some(nl) => before.len().saturating_sub(nl),
            None => before.len().saturating_add(1),
        };
        Violation::new(
            "",
            Kind::InvalidJson {
                line: line.saturating_add(1),
                column,
                reason: self.reason.to_owned(),
            },
        )
    }
}

/// Reads one JSON text. Every method either moves forward or returns a [`Fault`], so
/// every loop over a reader ends.
#[derive(Debug)]
pub struct Reader<'a> {
    src: &'a [u8],
    pos: usize,
    depth: u32,
    /// Set just after `{` or `[`: the next member or element needs no comma.
    fresh: bool,
}

impl<'a> Reader<'a> {
    /// A reader at the start of `src`.
    pub fn new(src: &'a [u8]) -> Self {
        Reader {
            src,
            pos: 0,
            depth: 0,
            fresh: false,
        }
    }

    fn fault(&self, reason: &'static str) -> Fault {
        Fault {
            at: self.pos,
            reason,
        }
    }

    #[inline(always)]
    fn peek(&self) -> Option<u8> {
        self.src.get(self.pos).copied()
    }

    #[inline(always)]
    fn bump(&mut self) {
        self.pos = self.pos.saturating_add(1);
    }

    #[inline(always)]
    fn skip_whitespace(&mut self) {
        let rest = self.src.get(self.pos..).unwrap_or_default();
        let n = rest
            .iter()
            .position(|b| !matches!(b, b' ' | b'\n' | b'\r' | b'\t'))
            .unwrap_or(rest.len());
        self.pos = self.pos.saturating_add(n);
    }

    /// Reads the next value: a scalar whole, or the opening bracket of a container.
    pub fn value(&mut self) -> Result<Token<'a>, Fault> {
        self.skip_whitespace();
        self.fresh = false;
        match self.peek() {
            Some(b'{') => self.open(Token::Object),
            Some(b'[') => self.open(Token::Array),
            Some(b'"') => self.string().map(Token::String),
            Some(b't') => self.literal(b"true", Token::Bool(true)),
            Some(b'f') => self.literal(b"false", Token::Bool(false)),
            Some(b'n') => self.literal(b"null", Token::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.fault("expected value")),
            None => Err(self.fault("EOF while parsing a value")),
        }
    }

    fn open(&mut self, token: Token<'a>) -> Result<Token<'a>, Fault> {
        if self.depth >= MAX_DEPTH {
            return Err(self.fault("recursion limit exceeded"));
        }
        self.depth = self.depth.saturating_add(1);
        self.bump();
        self.fresh = true;
        Ok(token)
    }

    fn close(&mut self) {
        self.depth = self.depth.saturating_sub(1);
        self.bump();
        self.fresh = false;
    }

    fn literal(&mut self, word: &'static [u8], token: Token<'a>) -> Result<Token<'a>, Fault> {
        let end = self.pos.saturating_add(word.len());
        if self.src.get(self.pos..end) == Some(word) {
            self.pos = end;
            Ok(token)
        } else {
            Err(self.fault("expected ident"))
        }
    }

    fn digits(&mut self) -> usize {
        let start = self.pos;
        while let Some(b'0'..=b'9') = self.peek() {
            self.bump();
        }
        self.pos.saturating_sub(start)
    }

    fn number(&mut self) -> Result<Token<'a>, Fault> {
        let start = self.pos;
        if self.peek() == Some(b'-') {
            self.bump();
        }
        match self.peek() {
            Some(b'0') => {
                self.bump();
                if let Some(b'0'..=b'9') = self.peek() {
                    return Err(self.fault("invalid number"));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.fault("invalid number")),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.bump();
            integer = false;
            if self.digits() == 0 {
                return Err(self.fault("invalid number"));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.bump();
            integer = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.bump();
            }
            if self.digits() == 0 {
                return Err(self.fault("invalid number"));
            }
        }
        let text = self
            .src
            .get(start..self.pos)
            .and_then(|b| std::str::from_utf8(b).ok())
            .unwrap_or("0");
        // serde_json refuses numbers beyond f64 (1e400, or 400 digits) rather than
        // reading infinity; integers within i64 or u64 need no float parse.
        let exact = integer && (text.parse::<i64>().is_ok() || text.parse::<u64>().is_ok());
        if !exact && !text.parse::<f64>().is_ok_and(f64::is_finite) {
            return Err(Fault {
                at: start,
                reason: "number out of range",
            });
        }
        Ok(Token::Number(text))
    }

    /// Reads a string from its opening quote: borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, Fault> {
        self.bump();
        let start = self.pos;
        // The plain run up to the closing quote, an escape or a control character.
        let rest = self.src.get(start..).unwrap_or_default();
        let plain = rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len());
        self.pos = start.saturating_add(plain);
        loop {
            match self.peek() {
                Some(b'"') => {
                    let raw = self.src.get(start..self.pos).unwrap_or_default();
                    self.bump();
                    return std::str::from_utf8(raw)
                        .map(Cow::Borrowed)
                        .map_err(|e| Fault {
                            at: start.saturating_add(e.valid_up_to()),
                            reason: "invalid unicode code point",
                        });
                }
                Some(b'\\') => return self.escaped_string(start).map(Cow::Owned),
                Some(0..=0x1f) => {
                    return Err(self
                        .fault("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                Some(_) => self.bump(),
                None => return Err(self.fault("EOF while parsing a string")),
            }
        }
    }

    /// The rest of a string that has an escape: `start` is just past its opening quote.
    fn escaped_string(&mut self, start: usize) -> Result<String, Fault> {
        let mut out = Vec::with_capacity(self.pos.saturating_sub(start).saturating_add(16));
        out.extend_from_slice(self.src.get(start..self.pos).unwrap_or_default());
        loop {
            match self.peek() {
                Some(b'"') => {
                    self.bump();
                    return String::from_utf8(out).map_err(|_| Fault {
                        at: start,
                        reason: "invalid unicode code point",
                    });
                }
                Some(b'\\') => {
                    self.bump();
                    let escaped = self.peek();
                    self.bump();
                    let simple = match escaped {
                        Some(b'"') => b'"',
                        Some(b'\\') => b'\\',
                        Some(b'/') => b'/',
                        Some(b'b') => 0x08,
                        Some(b'f') => 0x0c,
                        Some(b'n') => b'\n',
                        Some(b'r') => b'\r',
                        Some(b't') => b'\t',
                        Some(b'u') => {
                            let c = self.unicode_escape()?;
                            let mut buf = [0u8; 4];
                            out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
                            continue;
                        }
                        Some(_) => return Err(self.fault("invalid escape")),
                        None => return Err(self.fault("EOF while parsing a string")),
                    };
                    out.push(simple);
                }
                Some(0..=0x1f) => {
                    return Err(self
                        .fault("control character (\\u0000-\\u001F) found while parsing a string"))
                }
                Some(b) => {
                    out.push(b);
                    self.bump();
                }
                None => return Err(self.fault("EOF while parsing a string")),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Fault> {
        let mut v = 0u32;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.fault("invalid escape"))?;
            v = (v << 4) | digit;
            self.bump();
        }
        Ok(v)
    }

    /// The character of a `\uXXXX` escape (the `\u` read), joining a surrogate pair.
    fn unicode_escape(&mut self) -> Result<char, Fault> {
        let first = self.hex4()?;
        let code = match first {
            0xD800..=0xDBFF => {
                if self.src.get(self.pos..self.pos.saturating_add(2)) != Some(b"\\u") {
                    return Err(self.fault("lone leading surrogate in hex escape"));
                }
                self.pos = self.pos.saturating_add(2);
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.fault("lone leading surrogate in hex escape"));
                }
                // Both halves are in range (checked above): at most U+10FFFF.
                0x10000u32.wrapping_add(((first & 0x3FF) << 10) | (second & 0x3FF))
            }
            0xDC00..=0xDFFF => return Err(self.fault("lone trailing surrogate in hex escape")),
            other => other,
        };
        char::from_u32(code).ok_or_else(|| self.fault("invalid unicode code point"))
    }

    /// The next member's name of the object just opened or being read, with the
    /// reader placed at its value; `None` after the closing `}`.
    pub fn member(&mut self) -> Result<Option<Cow<'a, str>>, Fault> {
        self.skip_whitespace();
        let fresh = std::mem::replace(&mut self.fresh, false);
        match self.peek() {
            Some(b'}') => {
                self.close();
                return Ok(None);
            }
            Some(b',') if !fresh => {
                self.bump();
                self.skip_whitespace();
            }
            Some(_) if !fresh => return Err(self.fault("expected `,` or `}`")),
            Some(_) => {}
            None => return Err(self.fault("EOF while parsing an object")),
        }
        match self.peek() {
            Some(b'"') => {}
            Some(b'}') => return Err(self.fault("trailing comma")),
            Some(_) => return Err(self.fault("key must be a string")),
            None => return Err(self.fault("EOF while parsing an object")),
        }
        let name = self.string()?;
        self.skip_whitespace();
        match self.peek() {
            Some(b':') => self.bump(),
            Some(_) => return Err(self.fault("expected `:`")),
            None => return Err(self.fault("EOF while parsing an object")),
        }
        Ok(Some(name))
    }

    /// Whether the array just opened or being read has another element (the reader is
    /// then placed at it); `false` after the closing `]`.
    pub fn element(&mut self) -> Result<bool, Fault> {
        self.skip_whitespace();
        let fresh = std::mem::replace(&mut self.fresh, false);
        match self.peek() {
            Some(b']') => {
                self.close();
                Ok(false)
            }
            Some(b',') if !fresh => {
                self.bump();
                self.skip_whitespace();
                match self.peek() {
                    Some(b']') => Err(self.fault("trailing comma")),
                    None => Err(self.fault("EOF while parsing a list")),
                    Some(_) => Ok(true),
                }
            }
            Some(_) if !fresh => Err(self.fault("expected `,` or `]`")),
            Some(_) => Ok(true),
            None => Err(self.fault("EOF while parsing a list")),
        }
    }

    /// Reads past the rest of a value whose token was just read: nothing for a
    /// scalar, every member or element for a container (checked all the same).
    pub fn skip(&mut self, token: Token<'a>) -> Result<(), Fault> {
        // Iterative, with the open containers as bits (1: object): the depth is
        // capped at MAX_DEPTH, under 128, so they fit one u128 and nothing allocates.
        let (mut open, mut depth) = (0u128, 0u32);
        let mut next = token;
        loop {
            match next {
                Token::Object => {
                    open = (open << 1) | 1;
                    depth = depth.saturating_add(1);
                }
                Token::Array => {
                    open <<= 1;
                    depth = depth.saturating_add(1);
                }
                _ => {}
            }
            if depth == 0 {
                return Ok(());
            }
            let more = if open & 1 == 1 {
                self.member()?.is_some()
            } else {
                self.element()?
            };
            if more {
                next = self.value()?;
            } else {
                open >>= 1;
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    return Ok(());
                }
                next = Token::Null;
            }
        }
    }

    /// Checks that only whitespace follows the value read.
    pub fn finish(&mut self) -> Result<(), Fault> {
        self.skip_whitespace();
        match self.peek() {
            None => Ok(()),
            Some(_) => Err(self.fault("trailing characters")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// Reads a whole text through [`Reader::skip`].
    fn read(text: &str) -> Result<(), Fault> {
        let mut r = Reader::new(text.as_bytes());
        let token = r.value()?;
        r.skip(token)?;
        r.finish()
    }

    #[test]
    fn accepts_what_serde_json_accepts() {
        let texts = [
            "{}",
            "[]",
            " {\"a\" : [1, -0, 2.5e-3, 1E2, true, false, null, \"\\u00e9\\ud83d\\ude00\\n\"]} ",
            "\"x\"",
            "0",
            "[[[]]]",
            "{\"\":{\"\":{}}}",
            "[1,{\"a\":[2,{\"b\":3}]},4]",
        ];
        for text in texts {
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_ok(),
                "{text}"
            );
            assert_eq!(read(text), Ok(()), "{text}");
        }
    }

    #[test]
    fn refuses_what_serde_json_refuses() {
        let texts = [
            "",
            "{",
            "[1,]",
            "{\"a\":1,}",
            "{,}",
            "[,1]",
            "{\"a\" 1}",
            "{1:2}",
            "01",
            "1.",
            "-",
            ".5",
            "1e",
            "+1",
            "1e400",
            "-1e400",
            "1000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000",
            "tru",
            "nul",
            "\"\\x\"",
            "\"\\ud800\"",
            "\"\\udc00\"",
            "\"\\ud800\\u0041\"",
            "\"a\nb\"",
            "[1 2]",
            "{} {}",
            "\"unterminated",
            "NaN",
            "[1]]",
        ];
        for text in texts {
            assert!(
                serde_json::from_str::<serde_json::Value>(text).is_err(),
                "serde_json accepts {text}"
            );
            assert!(read(text).is_err(), "{text}");
        }
    }

    #[test]
    fn refuses_bad_utf8_in_strings() {
        let mut r = Reader::new(b"\"\xff\"");
        assert!(r.value().is_err());
        let mut r = Reader::new(b"\"\\n\xff\"");
        assert!(r.value().is_err());
    }

    #[test]
    fn nesting_stops_at_the_limit() {
        let depth = usize::try_from(MAX_DEPTH).unwrap();
        let ok = format!("{}{}", "[".repeat(depth), "]".repeat(depth));
        assert_eq!(read(&ok), Ok(()));
        assert!(serde_json::from_str::<serde_json::Value>(&ok).is_ok());
        let deep = format!("{}{}", "[".repeat(depth + 1), "]".repeat(depth + 1));
        assert_eq!(read(&deep).unwrap_err().reason, "recursion limit exceeded");
        assert!(serde_json::from_str::<serde_json::Value>(&deep).is_err());
    }

    #[test]
    fn borrows_plain_strings_and_unescapes_others() {
        let mut r = Reader::new(br#"["plain", "a\"b\u0041"]"#);
        assert_eq!(r.value(), Ok(Token::Array));
        assert_eq!(r.element(), Ok(true));
        assert!(matches!(
            r.value(),
            Ok(Token::String(Cow::Borrowed("plain")))
        ));
        assert_eq!(r.element(), Ok(true));
        assert_eq!(r.value(), Ok(Token::String(Cow::Owned("a\"bA".to_owned()))));
        assert_eq!(r.element(), Ok(false));
        for (text, expected) in [
            (r#""\ud83d\ude00""#, "\u{1F600}"),
            (r#""\udbff\udfff""#, "\u{10FFFF}"),
            (r#""\ud800\udc00""#, "\u{10000}"),
            (r#""\u00e9\/\b\f\n\r\t""#, "\u{e9}/\u{8}\u{c}\n\r\t"),
        ] {
            let mut r = Reader::new(text.as_bytes());
            assert_eq!(
                r.value(),
                Ok(Token::String(Cow::Owned(expected.to_owned()))),
                "{text}"
            );
            let parsed: String = serde_json::from_str(text).unwrap();
            assert_eq!(parsed, expected, "{text}");
        }
    }

    #[test]
    fn whole_numbers_read_as_serde_json_reads_them() {
        let whole = |t: &str| Token::Number(t).whole_number();
        assert_eq!(whole("2"), Some(2));
        assert_eq!(whole("2.0"), Some(2));
        assert_eq!(whole("1e2"), Some(100));
        assert_eq!(whole("-0"), Some(0));
        assert_eq!(whole("2.5"), None);
        assert_eq!(whole("99999999999999999999"), None);
    }

    #[test]
    fn faults_carry_line_and_column() {
        let text = "{\n  \"a\": ]\n}";
        let fault = read(text).unwrap_err();
        let v = fault.into_violation(text.as_bytes());
        match v.kind {
            Kind::InvalidJson { line, column, .. } => assert_eq!((line, column), (2, 8)),
            other => panic!("unexpected {other:?}"),
        }
    }
}
