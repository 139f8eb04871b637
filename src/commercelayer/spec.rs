//! What a Commerce Layer create endpoint accepts, as data: [`ResourceSpec`].
//!
//! Each resource module (`customer_subscriptions`, `order_subscriptions`,
//! `subscription_models`) declares one static spec; the one-pass validator in
//! [`super::document`] checks documents against it.

use std::borrow::Cow;

use crate::error::{Format, Violation};
use crate::pointer::Path;

/// The most attributes, and the most relationships, one spec may list: what a
/// document walk remembers of an object is a fixed array of this size (a test checks
/// every spec against it).
pub const MAX_MEMBERS: usize = 16;

/// What one resource's create endpoint accepts.
#[derive(Debug)]
pub struct ResourceSpec {
    /// The JSON:API `type`, which is also the endpoint's path segment.
    pub type_name: &'static str,
    /// The attributes the endpoint accepts, in the order the API reference lists them.
    pub attributes: &'static [AttributeSpec],
    /// The relationships the endpoint accepts on create.
    pub relationships: &'static [RelationshipSpec],
    /// Rules across attributes, run after the attributes object has been walked.
    pub rules: Option<CrossRule>,
}

/// A rule across attributes: gets what the attributes object held, its path, the
/// caller's context, and the list to push violations to.
pub type CrossRule = fn(&Attributes<'_>, &Path<'_>, &Context<'_>, &mut Vec<Violation>);

/// What a document walk remembers of one member's value: enough for the rules across
/// members, and no more (a string is borrowed from the input when it has no escapes).
#[derive(Debug, Clone, Default, PartialEq)]
pub enum Seen<'a> {
    /// Not in the object.
    #[default]
    Absent,
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A string.
    Str(Cow<'a, str>),
    /// A number, an object or an array.
    Other,
}

impl<'a> Seen<'a> {
    /// What to remember of a value whose token was just read.
    pub fn of(token: &crate::json::reader::Token<'a>) -> Seen<'a> {
        use crate::json::reader::Token;
        match token {
            Token::Null => Seen::Null,
            Token::Bool(b) => Seen::Bool(*b),
            Token::String(s) => Seen::Str(s.clone()),
            Token::Number(_) | Token::Object | Token::Array => Seen::Other,
        }
    }
}

/// What was seen of each member a spec lists, by the member's position in the spec.
#[derive(Debug, Default)]
pub struct Slots<'a>([Seen<'a>; MAX_MEMBERS]);

impl<'a> Slots<'a> {
    /// Remembers the value of the member at `slot` (a later one replaces it, as a
    /// repeated member name does).
    pub fn set(&mut self, slot: usize, seen: Seen<'a>) {
        if let Some(s) = self.0.get_mut(slot) {
            *s = seen;
        }
    }

    /// Whether the member at `slot` was in the object (`null` included).
    pub fn is_present(&self, slot: usize) -> bool {
        self.0.get(slot).is_some_and(|s| *s != Seen::Absent)
    }
}

/// An attributes object as the cross-attribute rules see it: each attribute of the
/// spec by name.
#[derive(Debug)]
pub struct Attributes<'s> {
    spec: &'s ResourceSpec,
    seen: &'s Slots<'s>,
}

impl Attributes<'_> {
    /// What the attribute `name` held ([`Seen::Absent`] when it is not in the spec).
    pub fn get(&self, name: &str) -> &Seen<'_> {
        self.spec
            .attribute_slot(name)
            .and_then(|i| self.seen.0.get(i))
            .unwrap_or(&Seen::Absent)
    }

    /// The attribute's value when it is present and not `null`.
    pub fn present(&self, name: &str) -> Option<&Seen<'_>> {
        Some(self.get(name)).filter(|s| !matches!(s, Seen::Absent | Seen::Null))
    }

    /// The attribute's string value, when it is one.
    pub fn str(&self, name: &str) -> Option<&str> {
        match self.get(name) {
            Seen::Str(s) => Some(s),
            _ => None,
        }
    }
}

/// One accepted attribute.
#[derive(Debug)]
pub struct AttributeSpec {
    /// The attribute's name.
    pub name: &'static str,
    /// What its value must be.
    pub value: ValueSpec,
    /// Whether the create request must carry a non-blank value.
    pub required: bool,
    /// The value the API uses when the attribute is left out, as JSON text.
    pub default: Option<&'static str>,
}

/// What an attribute's value must be.
#[derive(Debug, Clone, Copy)]
pub enum ValueSpec {
    /// Any string.
    String,
    /// A string in a format.
    FormattedString(Format),
    /// One of these strings.
    OneOf(&'static [&'static str]),
    /// `true` or `false`.
    Boolean,
    /// A whole number in `min..=max`.
    Integer {
        /// Smallest allowed.
        min: i64,
        /// Largest allowed.
        max: i64,
    },
    /// A Commerce Layer frequency: a preset, or crontab no finer than an hour.
    Frequency,
    /// A non-empty array of distinct Commerce Layer frequencies.
    Frequencies,
    /// Any object (free-form, such as `metadata`).
    Object,
}

/// One accepted relationship.
#[derive(Debug)]
pub struct RelationshipSpec {
    /// The relationship's name.
    pub name: &'static str,
    /// The JSON:API type of the related resources.
    pub type_name: &'static str,
    /// Whether the create request must name it.
    pub required: bool,
    /// To-many (`data` is an array) rather than to-one.
    pub many: bool,
}

/// What the caller knows beyond the document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The frequencies of the subscription model the order subscription belongs to:
    /// Commerce Layer requires the frequency to be one of them.
    pub model_frequencies: Option<&'a [String]>,
}

impl AttributeSpec {
    /// An optional attribute with no default; override fields with struct update
    /// syntax (`AttributeSpec { required: true, ..AttributeSpec::optional(..) }`).
    pub const fn optional(name: &'static str, value: ValueSpec) -> AttributeSpec {
        AttributeSpec {
            name,
            value,
            required: false,
            default: None,
        }
    }
}

impl ResourceSpec {
    /// The relationship named `name`, if the endpoint takes it.
    pub fn relationship(&self, name: &str) -> Option<&RelationshipSpec> {
        self.relationships.iter().find(|r| r.name == name)
    }

    /// The position of the attribute named `name` in [`ResourceSpec::attributes`] (its
    /// slot in a document walk), if the endpoint takes it.
    pub fn attribute_slot(&self, name: &str) -> Option<usize> {
        self.attributes.iter().position(|a| a.name == name)
    }

    /// The position of the relationship named `name` in
    /// [`ResourceSpec::relationships`], if the endpoint takes it.
    pub fn relationship_slot(&self, name: &str) -> Option<usize> {
        self.relationships.iter().position(|r| r.name == name)
    }

    /// The attributes as the cross-attribute rules read them.
    pub fn attribute_values<'s>(&'s self, seen: &'s Slots<'s>) -> Attributes<'s> {
        Attributes { spec: self, seen }
    }
}
