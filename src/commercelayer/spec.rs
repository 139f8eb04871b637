//! What a Commerce Layer create endpoint accepts, as data: [`ResourceSpec`].
//!
//! Each resource module (`customer_subscriptions`, `order_subscriptions`,
//! `subscription_models`) declares one static spec; the walker in
//! [`super::document`] checks documents against it.

use serde_json::{Map, Value};

use crate::error::{Format, Violation};
use crate::pointer::Path;

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

/// A rule across attributes: gets the attributes object, its path, the caller's
/// context, and the list to push violations to.
pub type CrossRule = fn(&Map<String, Value>, &Path<'_>, &Context<'_>, &mut Vec<Violation>);

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

    /// The attribute named `name`, if the endpoint takes it.
    pub fn attribute(&self, name: &str) -> Option<&AttributeSpec> {
        self.attributes.iter().find(|a| a.name == name)
    }
}
