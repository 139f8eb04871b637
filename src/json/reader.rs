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
//! cannot become a Rust string), and nesting up to [`MAX_DEPTH`] levels, so hostile
//! input cannot exhaust the stack. A number a double cannot hold (one that rounds to
//! infinity, such as `1e400`) is a fault too, decided exactly on its decimal digits
//! with no float parsing.

use crate::prelude::*;
use alloc::borrow::Cow;

use crate::error::{JsonType, Kind, Violation};
use crate::words::{reason, Reason};

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

    /// The number as an `i64` when it is whole (`2`, `2.0`, `1e2`): an integer literal
    /// within `i64`, as serde_json's `as_i64` reads it, or any other number whose
    /// decimal value has no fractional part and is within ±2^53, the integers a
    /// double holds exactly. `None` for any other value.
    pub fn whole_number(&self) -> Option<i64> {
        let Token::Number(text) = self else {
            return None;
        };
        if let Ok(v) = text.parse::<i64>() {
            return Some(v);
        }
        let mut buf = Vec::new();
        Decimal::parse(text, &mut buf).whole()
    }
}

/// A JSON number's text read as a decimal: `digits × 10^exponent`, with no floating
/// point (and so none of the float parser's tables in the wasm).
struct Decimal<'a> {
    negative: bool,
    /// The significant digits: no leading zeros (empty for zero).
    digits: &'a [u8],
    /// The power of ten of the last digit of `digits`.
    exponent: i64,
}

/// 2^1024 − 2^970, the midpoint between `f64::MAX` and 2^1024: a decimal at or above
/// it rounds to infinity (the tie goes to the even neighbour, 2^1024), below it to a
/// finite double.
const OVERFLOW: &[u8] = b"179769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792";

impl<'a> Decimal<'a> {
    /// Reads text that [`Reader`] has checked against the JSON number grammar. The
    /// digits are copied into `buf` only when the number has a fraction, to join its
    /// two runs.
    fn parse(text: &'a str, buf: &'a mut Vec<u8>) -> Decimal<'a> {
        let bytes = text.as_bytes();
        let negative = bytes.first() == Some(&b'-');
        let body = bytes.get(usize::from(negative)..).unwrap_or_default();
        let mantissa_end = body
            .iter()
            .position(|&b| b == b'e' || b == b'E')
            .unwrap_or(body.len());
        let (mantissa, exp_text) = body.split_at(mantissa_end);
        let written: i64 = match exp_text.get(1..) {
            None => 0,
            Some(e) => {
                let (sign, digits) = match e.first() {
                    Some(b'-') => (-1, e.get(1..).unwrap_or_default()),
                    Some(b'+') => (1, e.get(1..).unwrap_or_default()),
                    _ => (1, e),
                };
                // Saturates: beyond ±10^18 every answer is already decided.
                let magnitude = digits.iter().fold(0i64, |acc, &d| {
                    acc.saturating_mul(10)
                        .saturating_add(i64::from(d.wrapping_sub(b'0')))
                });
                magnitude.saturating_mul(sign)
            }
        };
        let (int, frac) = match mantissa.iter().position(|&b| b == b'.') {
            Some(dot) => (
                mantissa.get(..dot).unwrap_or_default(),
                mantissa.get(dot.saturating_add(1)..).unwrap_or_default(),
            ),
            None => (mantissa, &[][..]),
        };
        let all: &'a [u8] = if frac.is_empty() {
            int
        } else {
            buf.extend_from_slice(int);
            buf.extend_from_slice(frac);
            buf
        };
        let leading = all.iter().take_while(|&&d| d == b'0').count();
        let digits = all.get(leading..).unwrap_or_default();
        let frac_len = i64::try_from(frac.len()).unwrap_or(i64::MAX);
        Decimal {
            negative,
            digits,
            exponent: written.saturating_sub(frac_len),
        }
    }

    /// The power of ten of the leading digit (meaningless for zero).
    fn leading_exponent(&self) -> i64 {
        let n = i64::try_from(self.digits.len()).unwrap_or(i64::MAX);
        self.exponent.saturating_add(n).saturating_sub(1)
    }

    /// Whether a double cannot hold the number (it would round to infinity).
    fn overflows(&self) -> bool {
        if self.digits.is_empty() {
            return false;
        }
        match self.leading_exponent() {
            e if e < 308 => false,
            308 => {
                // Compare with the midpoint digit by digit, missing digits being zeros.
                let len = self.digits.len().max(OVERFLOW.len());
                let digit = |s: &[u8], i: usize| s.get(i).copied().unwrap_or(b'0');
                (0..len)
                    .map(|i| digit(self.digits, i).cmp(&digit(OVERFLOW, i)))
                    .find(|o| o.is_ne())
                    .is_none_or(|o| o.is_gt())
            }
            _ => true,
        }
    }

    fn whole(&self) -> Option<i64> {
        let trailing = self.digits.iter().rev().take_while(|&&d| d == b'0').count();
        let kept = self
            .digits
            .get(..self.digits.len().saturating_sub(trailing))
            .unwrap_or_default();
        if kept.is_empty() {
            return Some(0);
        }
        let trailing = i64::try_from(trailing).unwrap_or(i64::MAX);
        let shift = self.exponent.saturating_add(trailing);
        // Under 2^53 (16 digits) with no fraction: the leading digit's power is 15 at
        // most and the last kept digit's is 0 at least.
        if shift < 0 || self.leading_exponent() > 15 {
            return None;
        }
        let mut value = kept.iter().try_fold(0i64, |acc, &d| {
            acc.checked_mul(10)?
                .checked_add(i64::from(d.wrapping_sub(b'0')))
        })?;
        for _ in 0..shift {
            value = value.checked_mul(10)?;
        }
        if value >= 1 << 53 {
            return None;
        }
        Some(if self.negative {
            value.saturating_neg()
        } else {
            value
        })
    }
}

/// The double nearest to a number's text (checked by [`Reader`]), with no float
/// parser: exact when the text has at most 15 significant digits and a power of ten
/// of at most 22 either way (the cases where one multiplication or division of two
/// exact doubles rounds once), and otherwise within a few units in the last place
/// (one rounding per factor of 10^22 on the way).
/// Validators never need this; it serves values built from text (`metadata`).
pub fn to_f64(text: &str) -> f64 {
    let mut buf = Vec::new();
    let d = Decimal::parse(text, &mut buf);
    // The first 19 significant digits fit a u64; the rest move the exponent.
    let kept = d.digits.get(..19).unwrap_or(d.digits);
    let dropped = i64::try_from(d.digits.len().saturating_sub(kept.len())).unwrap_or(0);
    let m = kept.iter().fold(0u64, |acc, &b| {
        acc.wrapping_mul(10)
            .wrapping_add(u64::from(b.wrapping_sub(b'0')))
    });
    let e = d.exponent.saturating_add(dropped);
    #[allow(clippy::cast_precision_loss)] // m < 2^64: the nearest double is meant
    let mut v = m as f64;
    // 10^k exactly up to 10^22, then in steps of 10^22 (one rounding each).
    let pow = |k: i64| {
        let (mut p, mut k) = (1.0f64, k);
        while k >= 22 {
            p *= 1e22;
            k = k.saturating_sub(22);
        }
        (0..k).fold(p, |p, _| p * 10.0)
    };
    // Two steps below 10^-300, so that digits like 5e-324 do not underflow on the way.
    v = match e {
        0 => v,
        1..=308 => v * pow(e),
        309.. => v * pow(308) * pow(e.saturating_sub(308).min(20)),
        -300..=-1 => v / pow(e.saturating_neg()),
        // Below 10^-345 even 19 digits are under half the smallest double.
        -345..=-301 => v / pow(300) / pow(e.saturating_neg().saturating_sub(300)),
        _ => 0.0,
    };
    // The reader has checked that the number is finite; rounding on the way may
    // still step past the largest double.
    let v = v.min(f64::MAX);
    if d.negative {
        -v
    } else {
        v
    }
}

/// Where the text stops being JSON, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Fault {
    /// Byte offset of the fault.
    pub at: usize,
    /// What is wrong: a row `invalid_json.*` of [`crate::words::REASONS`].
    pub reason: Reason,
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
                reason: self.reason,
            },
        )
    }
}

/// Reads one JSON text. Every method either moves forward or returns a [`Fault`], so
/// every loop over a reader ends.
#[derive(Debug)]
pub struct Reader<'a> {
    src: &'a [u8],
    /// `src` as text when all of it is UTF-8 (checked once, in [`Reader::new`]):
    /// strings are then cut from it without a check each. `None` sends each string
    /// through its own check, which finds where the bad byte is.
    text: Option<&'a str>,
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
            text: core::str::from_utf8(src).ok(),
            pos: 0,
            depth: 0,
            fresh: false,
        }
    }

    /// The byte offset the reader has reached in its text.
    pub fn offset(&self) -> usize {
        self.pos
    }

    fn fault(&self, reason: Reason) -> Fault {
        Fault {
            at: self.pos,
            reason,
        }
    }

    /// The text from `start` to `end`, when it is UTF-8.
    fn slice(&self, start: usize, end: usize) -> Option<&'a str> {
        match self.text {
            Some(t) => t.get(start..end),
            None => core::str::from_utf8(self.src.get(start..end)?).ok(),
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
        // A plain loop: at opt-level "z" an iterator adapter's closure stays a call
        // per byte.
        while let Some(b' ' | b'\n' | b'\r' | b'\t') = self.src.get(self.pos) {
            self.pos = self.pos.wrapping_add(1);
        }
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
            Some(_) => Err(self.fault(reason!("invalid_json.expected_value"))),
            None => Err(self.fault(reason!("invalid_json.eof_value"))),
        }
    }

    fn open(&mut self, token: Token<'a>) -> Result<Token<'a>, Fault> {
        if self.depth >= MAX_DEPTH {
            return Err(self.fault(reason!("invalid_json.recursion_limit")));
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
            Err(self.fault(reason!("invalid_json.expected_ident")))
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
                    return Err(self.fault(reason!("invalid_json.invalid_number")));
                }
            }
            Some(b'1'..=b'9') => {
                self.digits();
            }
            _ => return Err(self.fault(reason!("invalid_json.invalid_number"))),
        }
        let mut integer = true;
        if self.peek() == Some(b'.') {
            self.bump();
            integer = false;
            if self.digits() == 0 {
                return Err(self.fault(reason!("invalid_json.invalid_number")));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.bump();
            integer = false;
            if let Some(b'+' | b'-') = self.peek() {
                self.bump();
            }
            if self.digits() == 0 {
                return Err(self.fault(reason!("invalid_json.invalid_number")));
            }
        }
        let text = self.slice(start, self.pos).unwrap_or("0");
        // serde_json refuses numbers beyond a double (1e400, or 400 digits) rather
        // than reading infinity; integers of up to 19 digits are always within one.
        let short = integer && self.pos.saturating_sub(start) <= 20;
        let mut buf = Vec::new();
        if !short && Decimal::parse(text, &mut buf).overflows() {
            return Err(Fault {
                at: start,
                reason: reason!("invalid_json.number_out_of_range"),
            });
        }
        Ok(Token::Number(text))
    }

    /// Reads a string from its opening quote: borrowed when it has no escapes.
    fn string(&mut self) -> Result<Cow<'a, str>, Fault> {
        self.bump();
        let start = self.pos;
        // The plain run up to the closing quote, an escape or a control character.
        while let Some(&b) = self.src.get(self.pos) {
            if b == b'"' || b == b'\\' || b < 0x20 {
                break;
            }
            self.pos = self.pos.wrapping_add(1);
        }
        loop {
            match self.peek() {
                Some(b'"') => {
                    let end = self.pos;
                    self.bump();
                    if let Some(s) = self.text.and_then(|t| t.get(start..end)) {
                        return Ok(Cow::Borrowed(s));
                    }
                    let raw = self.src.get(start..end).unwrap_or_default();
                    return core::str::from_utf8(raw)
                        .map(Cow::Borrowed)
                        .map_err(|e| Fault {
                            at: start.saturating_add(e.valid_up_to()),
                            reason: reason!("invalid_json.invalid_code_point"),
                        });
                }
                Some(b'\\') => return self.escaped_string(start).map(Cow::Owned),
                Some(0..=0x1f) => return Err(self.fault(reason!("invalid_json.control_character"))),
                Some(_) => self.bump(),
                None => return Err(self.fault(reason!("invalid_json.eof_string"))),
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
                        reason: reason!("invalid_json.invalid_code_point"),
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
                        Some(_) => return Err(self.fault(reason!("invalid_json.invalid_escape"))),
                        None => return Err(self.fault(reason!("invalid_json.eof_string"))),
                    };
                    out.push(simple);
                }
                Some(0..=0x1f) => return Err(self.fault(reason!("invalid_json.control_character"))),
                Some(b) => {
                    out.push(b);
                    self.bump();
                }
                None => return Err(self.fault(reason!("invalid_json.eof_string"))),
            }
        }
    }

    fn hex4(&mut self) -> Result<u32, Fault> {
        let mut v = 0u32;
        for _ in 0..4 {
            let digit = self
                .peek()
                .and_then(|b| char::from(b).to_digit(16))
                .ok_or_else(|| self.fault(reason!("invalid_json.invalid_escape")))?;
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
                    return Err(self.fault(reason!("invalid_json.lone_leading_surrogate")));
                }
                self.pos = self.pos.saturating_add(2);
                let second = self.hex4()?;
                if !(0xDC00..=0xDFFF).contains(&second) {
                    return Err(self.fault(reason!("invalid_json.lone_leading_surrogate")));
                }
                // Both halves are in range (checked above): at most U+10FFFF.
                0x10000u32.wrapping_add(((first & 0x3FF) << 10) | (second & 0x3FF))
            }
            0xDC00..=0xDFFF => {
                return Err(self.fault(reason!("invalid_json.lone_trailing_surrogate")))
            }
            other => other,
        };
        char::from_u32(code).ok_or_else(|| self.fault(reason!("invalid_json.invalid_code_point")))
    }

    /// The next member's name of the object just opened or being read, with the
    /// reader placed at its value; `None` after the closing `}`.
    pub fn member(&mut self) -> Result<Option<Cow<'a, str>>, Fault> {
        self.skip_whitespace();
        let fresh = core::mem::replace(&mut self.fresh, false);
        match self.peek() {
            Some(b'}') => {
                self.close();
                return Ok(None);
            }
            Some(b',') if !fresh => {
                self.bump();
                self.skip_whitespace();
            }
            Some(_) if !fresh => {
                return Err(self.fault(reason!("invalid_json.expected_comma_or_brace")))
            }
            Some(_) => {}
            None => return Err(self.fault(reason!("invalid_json.eof_object"))),
        }
        match self.peek() {
            Some(b'"') => {}
            Some(b'}') => return Err(self.fault(reason!("invalid_json.trailing_comma"))),
            Some(_) => return Err(self.fault(reason!("invalid_json.key_not_string"))),
            None => return Err(self.fault(reason!("invalid_json.eof_object"))),
        }
        let name = self.string()?;
        self.skip_whitespace();
        match self.peek() {
            Some(b':') => self.bump(),
            Some(_) => return Err(self.fault(reason!("invalid_json.expected_colon"))),
            None => return Err(self.fault(reason!("invalid_json.eof_object"))),
        }
        Ok(Some(name))
    }

    /// Whether the array just opened or being read has another element (the reader is
    /// then placed at it); `false` after the closing `]`.
    pub fn element(&mut self) -> Result<bool, Fault> {
        self.skip_whitespace();
        let fresh = core::mem::replace(&mut self.fresh, false);
        match self.peek() {
            Some(b']') => {
                self.close();
                Ok(false)
            }
            Some(b',') if !fresh => {
                self.bump();
                self.skip_whitespace();
                match self.peek() {
                    Some(b']') => Err(self.fault(reason!("invalid_json.trailing_comma"))),
                    None => Err(self.fault(reason!("invalid_json.eof_list"))),
                    Some(_) => Ok(true),
                }
            }
            Some(_) if !fresh => Err(self.fault(reason!("invalid_json.expected_comma_or_bracket"))),
            Some(_) => Ok(true),
            None => Err(self.fault(reason!("invalid_json.eof_list"))),
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
            Some(_) => Err(self.fault(reason!("invalid_json.trailing_characters"))),
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
        let over = depth.saturating_add(1);
        let deep = format!("{}{}", "[".repeat(over), "]".repeat(over));
        assert_eq!(
            read(&deep).unwrap_err().reason.english(),
            "recursion limit exceeded"
        );
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
        assert_eq!(whole("-1.50e1"), Some(-15));
        assert_eq!(whole("-1.500e3"), Some(-1500));
        assert_eq!(whole("0.0"), Some(0));
        assert_eq!(whole("25e-1"), None);
        assert_eq!(whole("720.000"), Some(720));
        assert_eq!(whole("9007199254740991.0"), Some(9_007_199_254_740_991));
        assert_eq!(whole("9007199254740992.0"), None);
        assert_eq!(whole("9223372036854775807"), Some(i64::MAX));
        assert_eq!(whole("1e400"), None);
        assert_eq!(whole("1e-400"), None);
    }

    #[test]
    fn numbers_overflow_where_a_double_does() {
        // Around the rounding boundary of f64::MAX, each way, and far beyond it.
        let max = "179769313486231570814527423731704356798070567525844996598917476803157260780028538760589558632766878171540458953514382464234321326889464182768467546703537516986049910576551282076245490090389328944075868508455133942304583236903222948165808559332123348274797826204144723168738177180919299881250404026184124858368";
        let cases = [
            max.to_owned(),
            format!("{max}.5"),
            "1.7976931348623157e308".to_owned(),
            "1.7976931348623158e308".to_owned(),
            "1.79769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497791e308".to_owned(),
            "1.79769313486231580793728971405303415079934132710037826936173778980444968292764750946649017977587207096330286416692887910946555547851940402630657488671505820681908902000708383676273854845817711531764475730270069855571366959622842914819860834936475292719074168444365510704342711559699508093042880177904174497792e308".to_owned(),
            "1.7976931348623159e308".to_owned(),
            "-1.7976931348623159e308".to_owned(),
            "0.000000000000000000000000000000000000000000001e353".to_owned(),
            "1e-400".to_owned(),
            "0e999999999999999999999".to_owned(),
            "1e999999999999999999999".to_owned(),
            "1e-999999999999999999999".to_owned(),
            "123456789012345678901234567890".to_owned(),
            format!("1{}", "0".repeat(308)),
            format!("1{}", "0".repeat(309)),
        ];
        // The reference is Rust's float parser, which rounds correctly (serde_json's
        // own is approximate within a few units of the boundary).
        for text in cases {
            let ours = read(&text).is_ok();
            let finite = text.parse::<f64>().is_ok_and(f64::is_finite);
            assert_eq!(ours, finite, "{text}");
        }
    }

    #[test]
    fn doubles_are_exact_on_the_fast_path_and_close_beyond_it() {
        let exact = [
            "0.1",
            "1.5",
            "-2.25",
            "123456789012345",
            "1e22",
            "1.7e-21",
            "3.14159",
            "0",
            "-0.0",
            "720.5",
            "99.99",
            "1e-5",
        ];
        for text in exact {
            assert_eq!(to_f64(text), text.parse::<f64>().unwrap(), "{text}");
        }
        let close = [
            "1.7976931348623157e308",
            "2.2250738585072014e-308",
            "6.02214076e23",
            "1.2345678901234567890123e-30",
            "98765432109876543210",
            "1e300",
            "4.9e-300",
            "6666666666666300000000e-320",
            "66666666666663000000000001070948140871959892",
        ];
        assert_eq!(to_f64("6666666666666300000000e-0040871959892"), 0.0);
        assert_eq!(to_f64("1e-346"), 0.0);
        for text in close {
            let (ours, exact) = (to_f64(text), text.parse::<f64>().unwrap());
            assert!(
                ((ours - exact) / exact).abs() < 1e-14,
                "{text}: {ours} vs {exact}"
            );
        }
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
