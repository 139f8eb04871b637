//! Writing JSON text as serde_json writes it, with the signatures of `json::write`, for
//! the builders until that module is in the crate (then this file goes).

use serde_json::Value;

use crate::json::reader::{self, Fault, Reader, Token};

/// `s` as a JSON string literal, escaped exactly as serde_json escapes it.
pub fn string(out: &mut String, s: &str) {
    out.push_str(&serde_json::to_string(s).unwrap_or_default());
}

/// A number token's text written as serde_json writes the `Value` it parses to.
#[allow(dead_code)]
pub fn number(out: &mut String, text: &str) {
    out.push_str(&Value::Number(parsed_number(text)).to_string());
}

/// The value whose token was just read, written compactly as serde_json writes the
/// `Value` `crate::json::parse_bytes` builds from it.
pub fn copy<'a>(r: &mut Reader<'a>, token: Token<'a>, out: &mut String) -> Result<(), Fault> {
    let value = build(token, r)?;
    out.push_str(&value.to_string());
    Ok(())
}

fn build<'a>(token: Token<'a>, r: &mut Reader<'a>) -> Result<Value, Fault> {
    Ok(match token {
        Token::Null => Value::Null,
        Token::Bool(b) => Value::Bool(b),
        Token::String(s) => Value::String(s.into_owned()),
        Token::Number(text) => Value::Number(parsed_number(text)),
        Token::Object => {
            let mut members = serde_json::Map::new();
            while let Some(name) = r.member()? {
                let token = r.value()?;
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

fn parsed_number(text: &str) -> serde_json::Number {
    if let Ok(v) = text.parse::<i64>() {
        return v.into();
    }
    if let Ok(v) = text.parse::<u64>() {
        return v.into();
    }
    serde_json::Number::from_f64(reader::to_f64(text)).unwrap_or_else(|| 0.into())
}

/// An object being written: `{` on creation, `,` between members, `}` at the end.
pub struct Object<'o> {
    out: &'o mut String,
    empty: bool,
}

impl<'o> Object<'o> {
    /// Writes `{`.
    pub fn new(out: &'o mut String) -> Object<'o> {
        out.push('{');
        Object { out, empty: true }
    }

    /// Writes the member name (after a `,` if needed) and returns where its value goes.
    pub fn key(&mut self, name: &str) -> &mut String {
        if !std::mem::replace(&mut self.empty, false) {
            self.out.push(',');
        }
        string(self.out, name);
        self.out.push(':');
        self.out
    }

    /// Writes `}`.
    pub fn end(self) {
        self.out.push('}');
    }
}
