//! Writing JSON text without a tree: builders write their documents and the wasm
//! writes its answers with these, so the module needs no `serde_json`.
//!
//! What is written is what `serde_json::to_string` writes for the same value, byte
//! for byte: compact, strings escaped as it escapes them, integers as integers and
//! other numbers in its shortest round-trip form (`100.0`, `1e+21`, `1.5e-7`). Tests
//! hold the two side by side.
//!
//! ```
//! use subkit::json::{reader::Reader, write};
//! let text = br#"{ "a": 1e2, "b": "\u0041", "a": [true, null] }"#;
//! let mut r = Reader::new(text);
//! let token = r.value().unwrap();
//! let mut out = String::new();
//! write::copy(&mut r, token, &mut out).unwrap();
//! assert_eq!(out, r#"{"a":[true,null],"b":"A"}"#);
//! ```

use crate::prelude::*;
use alloc::borrow::Cow;

use serde::ser::{self, Serialize};

use super::names::NameTable;
use super::reader::{self, Fault, Reader, Token};

/// `s` as a JSON string literal: `"`, `\` and the control characters escaped (the
/// five with a short form as `\b \t \n \f \r`, the rest as `\u00xx`), the rest as is.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    let mut start = 0;
    for (i, b) in s.bytes().enumerate() {
        let short = match b {
            b'"' => "\\\"",
            b'\\' => "\\\\",
            b'\n' => "\\n",
            b'\r' => "\\r",
            b'\t' => "\\t",
            0x08 => "\\b",
            0x0c => "\\f",
            0..=0x1f => "",
            _ => continue,
        };
        // `i` is at an ASCII byte, so both cuts fall on character boundaries.
        out.push_str(s.get(start..i).unwrap_or_default());
        if short.is_empty() {
            out.push_str("\\u00");
            let hex = b"0123456789abcdef";
            for nibble in [b >> 4, b & 0xf] {
                out.push(char::from(
                    hex.get(usize::from(nibble)).copied().unwrap_or(b'0'),
                ));
            }
        } else {
            out.push_str(short);
        }
        start = i.saturating_add(1);
    }
    out.push_str(s.get(start..).unwrap_or_default());
    out.push('"');
}

/// Writes `v` in decimal, as `Display` does. Written here rather than with `write!` so
/// that the module links none of `core::fmt`'s writing machinery for its numbers.
pub fn unsigned(out: &mut String, mut v: u64) {
    // u64::MAX has 20 digits; they are produced last first.
    let mut digits = [0u8; 20];
    let mut start = digits.len();
    loop {
        start = start.saturating_sub(1);
        if let Some(slot) = digits.get_mut(start) {
            // A remainder below 10, so the cast cannot truncate.
            *slot = b'0'.saturating_add((v % 10) as u8);
        }
        v /= 10;
        if v == 0 || start == 0 {
            break;
        }
    }
    for &d in digits.get(start..).unwrap_or_default() {
        out.push(char::from(d));
    }
}

/// Writes `v` in decimal, as `Display` does (see [`unsigned`]).
pub fn signed(out: &mut String, v: i64) {
    if v < 0 {
        out.push('-');
    }
    unsigned(out, v.unsigned_abs());
}

/// A number token's text (checked by the reader) as serde_json writes the value it
/// parses to: an integer within `i64` or `u64` as that integer (`-0` is `0`), any other
/// number as the double [`reader::to_f64`] makes of it, in [`float`]'s form.
pub fn number(out: &mut String, text: &str) {
    if let Ok(v) = text.parse::<i64>() {
        signed(out, v);
    } else if let Ok(v) = text.parse::<u64>() {
        unsigned(out, v);
    } else {
        float(out, reader::to_f64(text));
    }
}

/// A double in the shortest form that reads back as the same double (of two such,
/// the even one, as `Number.prototype.toString` chooses), laid out as serde_json lays
/// it out: `1.0`, `0.001`, `12.5`, `1e+21`, `1.5e-7`, and `null` for NaN and the
/// infinities, which JSON cannot hold. The digits are `zmij`'s, the crate serde_json
/// writes doubles with.
pub fn float(out: &mut String, v: f64) {
    if v.is_finite() {
        out.push_str(zmij::Buffer::new().format_finite(v));
    } else {
        out.push_str("null");
    }
}

/// An object being written: [`Object::new`] writes `{`, each [`Object::key`] the
/// separator and the member's name, [`Object::end`] the `}`.
pub struct Object<'o> {
    out: &'o mut String,
    first: bool,
}

impl<'o> Object<'o> {
    /// Starts an object in `out`.
    pub fn new(out: &'o mut String) -> Self {
        out.push('{');
        Object { out, first: true }
    }

    /// Writes the member name `name`; its value is written next, into what this returns.
    pub fn key(&mut self, name: &str) -> &mut String {
        if !core::mem::replace(&mut self.first, false) {
            self.out.push(',');
        }
        string(self.out, name);
        self.out.push(':');
        self.out
    }

    /// Closes the object.
    pub fn end(self) {
        self.out.push('}');
    }
}

/// Writes the value whose token was just read from `r` as serde_json writes the
/// `Value` that [`parse_bytes`](super::parse_bytes) builds of it: compact, each
/// string and number in [`string`]'s and [`number`]'s form, and a member name that
/// repeats keeping its last value at its first place. Recursion is bounded by the
/// reader's depth limit.
pub fn copy<'a>(r: &mut Reader<'a>, token: Token<'a>, out: &mut String) -> Result<(), Fault> {
    match token {
        Token::Null => out.push_str("null"),
        Token::Bool(b) => out.push_str(if b { "true" } else { "false" }),
        Token::Number(text) => number(out, text),
        Token::String(s) => string(out, &s),
        Token::Array => {
            out.push('[');
            let mut first = true;
            while r.element()? {
                if !core::mem::replace(&mut first, false) {
                    out.push(',');
                }
                let token = r.value()?;
                copy(r, token, out)?;
            }
            out.push(']');
        }
        Token::Object => object(r, out)?,
    }
    Ok(())
}

/// The object whose `{` was just read, as [`copy`] writes it. Members are written as
/// they come, each name noted with where its value is; only an object with a repeated
/// name is written again, each name once at its first place with its last value.
/// Repeats are found by [`NameTable`] in linear time.
fn object<'a>(r: &mut Reader<'a>, out: &mut String) -> Result<(), Fault> {
    let start = out.len();
    let mut names: Vec<Cow<'a, str>> = Vec::new();
    // Where each member's value is in `out`.
    let mut spans: Vec<(usize, usize)> = Vec::new();
    let mut o = Object::new(out);
    while let Some(name) = r.member()? {
        let token = r.value()?;
        let at = o.key(&name).len();
        copy(r, token, o.out)?;
        spans.push((at, o.out.len()));
        names.push(name);
    }
    o.end();
    if names.len() < 2 {
        return Ok(());
    }
    let firsts = NameTable::first_occurrences(&names);
    if firsts.iter().enumerate().all(|(i, first)| i == *first) {
        return Ok(());
    }
    // Each first occurrence takes the span of the last member of its name.
    let mut last = spans.clone();
    for (i, first) in firsts.iter().enumerate() {
        if let (Some(span), Some(slot)) = (spans.get(i), last.get_mut(*first)) {
            *slot = *span;
        }
    }
    let written = out.split_off(start);
    let mut o = Object::new(out);
    for (i, first) in firsts.iter().enumerate() {
        if i != *first {
            continue;
        }
        if let (Some(name), Some((at, end))) = (names.get(i), last.get(i)) {
            let value = written.get(at.saturating_sub(start)..end.saturating_sub(start));
            o.key(name).push_str(value.unwrap_or_default());
        }
    }
    o.end();
    Ok(())
}

/// `value` as JSON text, as `serde_json::to_string` writes it; what serde cannot write
/// as JSON (a map key that is not a string) is left out rather than failing.
pub fn to_string<T: Serialize + ?Sized>(value: &T) -> String {
    let mut out = String::new();
    let _ = value.serialize(Writer {
        out: &mut out,
        raw: false,
    });
    out
}

/// JSON text that [`to_string`] writes as it is, in place of a value: a document a
/// builder wrote. Only text this crate wrote goes in one, so it is well-formed JSON.
/// (Another serializer writes it as a string.)
#[derive(Debug, Clone, Copy)]
pub struct Raw<'a>(pub &'a str);

/// The newtype name [`Raw`] serializes under, which `Writer` looks for.
const RAW: &str = "$subkit::json::write::Raw";

impl Serialize for Raw<'_> {
    fn serialize<S: ser::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_newtype_struct(RAW, self.0)
    }
}

/// The one error the serializer of [`to_string`] can meet: a map key that is not a string.
#[derive(Debug)]
pub struct Unwritable;

impl core::fmt::Display for Unwritable {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("a value JSON cannot hold")
    }
}

impl core::error::Error for Unwritable {}

impl ser::Error for Unwritable {
    fn custom<M: core::fmt::Display>(_: M) -> Self {
        Unwritable
    }
}

/// serde's serializer into JSON text.
struct Writer<'o> {
    out: &'o mut String,
    /// Inside a [`Raw`]: its string is written as it is.
    raw: bool,
}

/// A sequence, tuple, map or struct being written.
struct Compound<'o> {
    out: &'o mut String,
    first: bool,
    close: &'static str,
}

impl Compound<'_> {
    fn comma(&mut self) {
        if !core::mem::replace(&mut self.first, false) {
            self.out.push(',');
        }
    }

    fn element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        self.comma();
        value.serialize(Writer {
            out: self.out,
            raw: false,
        })
    }

    fn field<T: Serialize + ?Sized>(&mut self, key: &str, value: &T) -> Result<(), Unwritable> {
        self.comma();
        string(self.out, key);
        self.out.push(':');
        value.serialize(Writer {
            out: self.out,
            raw: false,
        })
    }

    fn close(self) -> Result<(), Unwritable> {
        self.out.push_str(self.close);
        Ok(())
    }
}

impl<'o> Writer<'o> {
    fn open(self, open: &str, close: &'static str) -> Compound<'o> {
        self.out.push_str(open);
        Compound {
            out: self.out,
            first: true,
            close,
        }
    }

    /// An enum variant with fields: `{"variant":` and the fields in `open` … `close`.
    fn variant(
        self,
        variant: &str,
        open: &str,
        close: &'static str,
    ) -> Result<Compound<'o>, Unwritable> {
        self.out.push('{');
        string(self.out, variant);
        self.out.push(':');
        Ok(self.open(open, close))
    }
}

/// serde's integer methods, each writing its integer as it is, widened to the `i64` or
/// `u64` that [`signed`] or [`unsigned`] writes.
macro_rules! integers {
    ($writer:ident: $($method:ident: $t:ty),*) => {$(
        fn $method(self, v: $t) -> Result<(), Unwritable> {
            $writer(self.out, v.into());
            Ok(())
        }
    )*};
}

impl<'o> ser::Serializer for Writer<'o> {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = Compound<'o>;
    type SerializeTuple = Compound<'o>;
    type SerializeTupleStruct = Compound<'o>;
    type SerializeTupleVariant = Compound<'o>;
    type SerializeMap = Compound<'o>;
    type SerializeStruct = Compound<'o>;
    type SerializeStructVariant = Compound<'o>;

    fn serialize_bool(self, v: bool) -> Result<(), Unwritable> {
        self.out.push_str(if v { "true" } else { "false" });
        Ok(())
    }
    integers!(signed: serialize_i8: i8, serialize_i16: i16, serialize_i32: i32, serialize_i64: i64);
    integers!(unsigned: serialize_u8: u8, serialize_u16: u16, serialize_u32: u32, serialize_u64: u64);
    fn serialize_f32(self, v: f32) -> Result<(), Unwritable> {
        float(self.out, f64::from(v));
        Ok(())
    }
    fn serialize_f64(self, v: f64) -> Result<(), Unwritable> {
        float(self.out, v);
        Ok(())
    }
    fn serialize_char(self, v: char) -> Result<(), Unwritable> {
        string(self.out, v.encode_utf8(&mut [0; 4]));
        Ok(())
    }
    fn serialize_str(self, v: &str) -> Result<(), Unwritable> {
        if self.raw {
            self.out.push_str(v);
        } else {
            string(self.out, v);
        }
        Ok(())
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Unwritable> {
        let mut seq = self.open("[", "]");
        for b in v {
            seq.element(b)?;
        }
        seq.close()
    }
    fn serialize_none(self) -> Result<(), Unwritable> {
        self.serialize_unit()
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<(), Unwritable> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<(), Unwritable> {
        self.out.push_str("null");
        Ok(())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unwritable> {
        self.serialize_unit()
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unwritable> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        name: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        value.serialize(Writer {
            out: self.out,
            raw: name == RAW,
        })
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        let mut map = self.open("{", "}");
        map.field(variant, value)?;
        map.close()
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Compound<'o>, Unwritable> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple(self, _: usize) -> Result<Compound<'o>, Unwritable> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_struct(self, _: &'static str, _: usize) -> Result<Compound<'o>, Unwritable> {
        Ok(self.open("[", "]"))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'o>, Unwritable> {
        self.variant(variant, "[", "]}")
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Compound<'o>, Unwritable> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Compound<'o>, Unwritable> {
        Ok(self.open("{", "}"))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        _: usize,
    ) -> Result<Compound<'o>, Unwritable> {
        self.variant(variant, "{", "}}")
    }
}

/// The sequence-like compounds: each element is written after a comma.
macro_rules! elements {
    ($($trait:ident :: $method:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Unwritable;
            fn $method<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
                self.element(value)
            }
            fn end(self) -> Result<(), Unwritable> {
                self.close()
            }
        }
    )*};
}

elements!(
    SerializeSeq::serialize_element,
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

/// The struct-like compounds: each field is written as a member.
macro_rules! fields {
    ($($trait:ident),*) => {$(
        impl ser::$trait for Compound<'_> {
            type Ok = ();
            type Error = Unwritable;
            fn serialize_field<T: Serialize + ?Sized>(
                &mut self,
                key: &'static str,
                value: &T,
            ) -> Result<(), Unwritable> {
                self.field(key, value)
            }
            fn end(self) -> Result<(), Unwritable> {
                self.close()
            }
        }
    )*};
}

fields!(SerializeStruct, SerializeStructVariant);

impl ser::SerializeMap for Compound<'_> {
    type Ok = ();
    type Error = Unwritable;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Unwritable> {
        self.comma();
        key.serialize(KeyWriter { out: self.out })?;
        self.out.push(':');
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Unwritable> {
        value.serialize(Writer {
            out: self.out,
            raw: false,
        })
    }
    fn end(self) -> Result<(), Unwritable> {
        self.close()
    }
}

/// A map key: JSON keys are strings, so only strings are written.
struct KeyWriter<'o> {
    out: &'o mut String,
}

impl ser::Serializer for KeyWriter<'_> {
    type Ok = ();
    type Error = Unwritable;
    type SerializeSeq = ser::Impossible<(), Unwritable>;
    type SerializeTuple = ser::Impossible<(), Unwritable>;
    type SerializeTupleStruct = ser::Impossible<(), Unwritable>;
    type SerializeTupleVariant = ser::Impossible<(), Unwritable>;
    type SerializeMap = ser::Impossible<(), Unwritable>;
    type SerializeStruct = ser::Impossible<(), Unwritable>;
    type SerializeStructVariant = ser::Impossible<(), Unwritable>;

    fn serialize_str(self, v: &str) -> Result<(), Unwritable> {
        string(self.out, v);
        Ok(())
    }
    fn serialize_bool(self, _: bool) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_i8(self, _: i8) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_i16(self, _: i16) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_i32(self, _: i32) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_i64(self, _: i64) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_u8(self, _: u8) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_u16(self, _: u16) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_u32(self, _: u32) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_u64(self, _: u64) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_f32(self, _: f32) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_f64(self, _: f64) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_char(self, v: char) -> Result<(), Unwritable> {
        self.serialize_str(v.encode_utf8(&mut [0; 4]))
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_none(self) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_unit(self) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
    ) -> Result<(), Unwritable> {
        self.serialize_str(variant)
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<(), Unwritable> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Unwritable> {
        Err(Unwritable)
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Unwritable> {
        Err(Unwritable)
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Unwritable> {
        Err(Unwritable)
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Unwritable> {
        Err(Unwritable)
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Unwritable> {
        Err(Unwritable)
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Unwritable> {
        Err(Unwritable)
    }
    fn serialize_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStruct, Unwritable> {
        Err(Unwritable)
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Unwritable> {
        Err(Unwritable)
    }
}

#[cfg(test)]
mod tests {
    #![allow(
        clippy::unwrap_used,
        clippy::indexing_slicing,
        clippy::arithmetic_side_effects
    )]
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// What `copy` writes for a whole text.
    #[cfg(feature = "value")]
    fn copied(text: &str) -> String {
        let mut r = Reader::new(text.as_bytes());
        let token = r.value().unwrap();
        let mut out = String::new();
        copy(&mut r, token, &mut out).unwrap();
        r.finish().unwrap();
        out
    }

    /// What serde_json writes for the value `parse_str` builds of the same text.
    #[cfg(feature = "value")]
    fn expected(text: &str) -> String {
        serde_json::to_string(&crate::json::parse_str(text).unwrap()).unwrap()
    }

    // core's `Display` is the independent writer: every power of ten and its
    // neighbours, the types' ends, and a spread of values in between.
    #[test]
    fn integers_are_written_as_display_writes_them() {
        let mut values: Vec<u64> = vec![0, 1, 9, u64::MAX, u64::MAX - 1, i64::MAX as u64];
        let mut p = 1u64;
        while let Some(next) = p.checked_mul(10) {
            values.extend([p - 1, p, p + 1]);
            p = next;
        }
        values.extend((0..5_000u64).map(|k| k.wrapping_mul(3_689_348_814_741_910_323)));
        for v in values {
            let mut out = String::new();
            unsigned(&mut out, v);
            assert_eq!(out, v.to_string());
            let negative = 0i64.saturating_sub_unsigned(v);
            let mut out = String::new();
            signed(&mut out, negative);
            assert_eq!(out, negative.to_string());
        }
    }

    #[test]
    fn strings_are_escaped_as_serde_json_escapes_them() {
        let every_control: String = (0u8..0x20).map(char::from).collect();
        for s in [
            every_control.as_str(),
            "plain",
            "quote \" and backslash \\ and slash /",
            "del \u{7f}, é, 漢, 😀, \u{2028}\u{2029}",
            "",
        ] {
            let mut out = String::new();
            string(&mut out, s);
            assert_eq!(out, serde_json::to_string(s).unwrap());
        }
    }

    #[cfg(feature = "value")]
    #[test]
    fn numbers_are_written_as_serde_json_writes_their_value() {
        for text in [
            "0",
            "-0",
            "1",
            "-1",
            "9223372036854775807",
            "-9223372036854775808",
            "9223372036854775808",
            "18446744073709551615",
            "18446744073709551616",
            "1.0",
            "-0.0",
            "0.5",
            "1e2",
            "1E2",
            "1.5e3",
            "12.5",
            "0.001",
            "0.0001",
            "0.00001",
            "1e-7",
            "1.5e-7",
            "1e15",
            "1e16",
            "1e17",
            "1e21",
            "1.234e33",
            "123456789012345678",
            "1234567890123456.7",
            "2.2250738585072014e-308",
            "5e-324",
            "1.7976931348623157e308",
            "3.141592653589793",
            "-2.5e-5",
            "100000000000000000000",
            "0.1",
            "0.3",
        ] {
            let mut out = String::new();
            number(&mut out, text);
            assert_eq!(out, expected(text), "{text}");
        }
    }

    #[test]
    fn doubles_read_back_as_themselves_in_their_shortest_digits() {
        // A fixed sequence of bit patterns (an LCG), so every exponent is reached.
        let mut x: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            x = x
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let v = f64::from_bits(x);
            let mut out = String::new();
            float(&mut out, v);
            if !v.is_finite() {
                assert_eq!(out, "null");
                continue;
            }
            assert_eq!(out.parse::<f64>().unwrap().to_bits(), v.to_bits(), "{out}");
            // As few significant digits as Rust's own shortest form has.
            let digits = |t: &str| {
                let m = t.split(['e', 'E']).next().unwrap();
                let d: String = m.chars().filter(char::is_ascii_digit).collect();
                d.trim_matches('0').len()
            };
            let shortest = format!("{v:e}");
            assert!(digits(&out) <= digits(&shortest), "{out} vs {shortest}");
        }
    }

    #[test]
    fn doubles_are_laid_out_as_javascript_and_serde_json_lay_them_out() {
        // Number.prototype.toString's digits (ECMA-262 Number::toString: of two
        // shortest candidates, the even one) in serde_json's layout (`.0`, `e+`).
        for (v, text) in [
            // Exactly halfway between …853.2 and …853.3 (the step here is 1/8).
            (667_082_108_456_853.0 + 0.25, "667082108456853.2"),
            (0.1 + 0.2, "0.30000000000000004"),
            (1e21, "1e+21"),
            (1.5e-7, "1.5e-7"),
            (100.0, "100.0"),
            (-0.0, "-0.0"),
            (0.000_001, "1e-6"),
            (0.000_01, "0.00001"),
            (5e-324, "5e-324"),
        ] {
            let mut out = String::new();
            float(&mut out, v);
            assert_eq!(out, text);
        }
    }

    #[cfg(feature = "value")]
    #[test]
    fn values_are_copied_as_serde_json_writes_the_parsed_value() {
        for text in [
            r#" { "a" : [ 1 , 2.50 , -0 , true , false , null ] , "b" : { } , "c" : [ ] } "#,
            r#"{"a": 1, "b": 2, "a": 3}"#,
            r#"{"x": {"k": 1, "k": {"k": 2, "j": 0, "k": 3}}, "y": [{"d": 1, "d": 2}]}"#,
            r#""\u0041\n\ud83d\ude00\/""#,
            r#"{"\u0061": 1, "a": 2}"#,
            "[1e2, 1E-2, 123456789012345678901234567890]",
        ] {
            assert_eq!(copied(text), expected(text), "{text}");
        }
    }

    #[cfg(feature = "value")]
    #[test]
    fn an_object_of_many_repeated_names_is_written_once_per_name() {
        let members: Vec<String> = (0..20_000)
            .map(|i| format!("\"k{}\":{i}", i % 700))
            .collect();
        let text = format!("{{{}}}", members.join(","));
        assert_eq!(copied(&text), expected(&text));
    }

    #[derive(serde::Serialize)]
    #[serde(rename_all = "camelCase")]
    struct Sample<'a> {
        flag: bool,
        count: usize,
        negative: i64,
        ratio: f64,
        missing: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none")]
        skipped: Option<u8>,
        list: Vec<&'a str>,
        tuple: (u16, &'a str),
        unit: Shape,
        wrapped: Shape,
        pairs: std::collections::BTreeMap<&'a str, u32>,
    }

    #[derive(serde::Serialize)]
    enum Shape {
        Plain,
        #[allow(dead_code)]
        Tuple(u8, u8),
    }

    #[derive(serde::Serialize)]
    struct Newtype(&'static str);

    #[derive(serde::Serialize)]
    enum Variants {
        One(Newtype),
        Two(u8, u8),
        Three { a: u8 },
    }

    #[test]
    fn serialized_values_are_what_serde_json_writes() {
        let sample = Sample {
            flag: true,
            count: 3,
            negative: -7,
            ratio: 0.25,
            missing: None,
            skipped: None,
            list: vec!["a\"b", ""],
            tuple: (404, "x"),
            unit: Shape::Plain,
            wrapped: Shape::Tuple(1, 2),
            pairs: [("z", 1), ("a", 2)].into_iter().collect(),
        };
        assert_eq!(to_string(&sample), serde_json::to_string(&sample).unwrap());
        for v in [
            Variants::One(Newtype("n")),
            Variants::Two(1, 2),
            Variants::Three { a: 9 },
        ] {
            assert_eq!(to_string(&v), serde_json::to_string(&v).unwrap());
        }
        assert_eq!(to_string(&f64::NAN), "null");
        let built = (Raw(r#"{"a":[1,"x"]}"#), "{\"a\"}");
        assert_eq!(to_string(&built), r#"[{"a":[1,"x"]},"{\"a\"}"]"#);
        assert_eq!(
            to_string(&'\u{1}'),
            serde_json::to_string(&'\u{1}').unwrap()
        );
    }
}
