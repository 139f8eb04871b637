//! JSON text into `serde_json::Value`s, for the Rust API's `Value` entry points (the
//! `value` feature; the npm package's module reads every text with
//! [`reader`](super::reader) and has none).

use crate::prelude::*;
use serde_json::Value;

use super::{check_limits, reader};
use crate::error::Violation;

/// Parses JSON text.
pub fn parse_str(text: &str) -> Result<Value, Violation> {
    parse_bytes(text.as_bytes())
}

/// Parses UTF-8 encoded JSON text, as a request body arrives. The text is read by
/// [`reader::Reader`], the reader every validator uses, so every entry point accepts
/// and refuses exactly the same texts.
pub fn parse_bytes(bytes: &[u8]) -> Result<Value, Violation> {
    check_limits(bytes)?;
    let mut r = reader::Reader::new(bytes);
    let value = r.value().and_then(|token| build(token, &mut r));
    value
        .and_then(|v| r.finish().map(|()| v))
        .map_err(|fault| fault.into_violation(bytes))
}

/// The value whose token was just read. Recursion is bounded by the reader's depth
/// limit ([`reader::MAX_DEPTH`]).
fn build<'a>(token: reader::Token<'a>, r: &mut reader::Reader<'a>) -> Result<Value, reader::Fault> {
    use reader::Token;
    Ok(match token {
        Token::Null => Value::Null,
        Token::Bool(b) => Value::Bool(b),
        Token::String(s) => Value::String(s.into_owned()),
        Token::Number(text) => Value::Number(number(text)),
        Token::Object => {
            let mut members = serde_json::Map::new();
            while let Some(name) = r.member()? {
                let token = r.value()?;
                // A repeated name keeps its last value at its first place.
                members.insert(name.into_owned(), build(token, r)?);
            }
            Value::Object(members)
        }
        Token::Array => {
            let mut items = Vec::new();
            while r.element()? {
                let token = r.value()?;
                items.push(build(token, r)?);
            }
            Value::Array(items)
        }
    })
}

/// A number's value as serde_json holds it: an integer when the text is one within
/// `i64` or `u64`, else a double. The reader has checked that the text is a number a
/// double can hold.
fn number(text: &str) -> serde_json::Number {
    if let Ok(v) = text.parse::<i64>() {
        return v.into();
    }
    if let Ok(v) = text.parse::<u64>() {
        return v.into();
    }
    serde_json::Number::from_f64(reader::to_f64(text)).unwrap_or_else(|| 0.into())
}
