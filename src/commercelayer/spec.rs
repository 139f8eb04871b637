//! What a Commerce Layer resource's create and update endpoints accept, as data:
//! [`ResourceSpec`].
//!
//! Each resource module (`customer_subscriptions`, `order_subscriptions`,
//! `order_subscription_items`, `subscription_models`) declares one static spec; the
//! one-pass validator in [`super::document`] checks documents against it. Each member
//! says once whether a create, an update or both take it ([`Access`]), so the create
//! and update rules come from the same table.

use crate::prelude::*;
use alloc::borrow::Cow;

use crate::error::{Code, Format, Violation};
use crate::pointer::Path;

/// The most attributes, and the most relationships, one spec may list: what a
/// document walk remembers of an object is a fixed array of this size. Every spec is
/// made through [`ResourceSpec::checked`], so a spec that lists more cannot compile.
pub const MAX_MEMBERS: usize = 20;

/// What one resource's create and update endpoints accept.
#[derive(Debug)]
pub struct ResourceSpec {
    /// The JSON:API `type`, which is also the endpoint's path segment.
    pub type_name: &'static str,
    /// The attributes the endpoints accept, in the order the API reference lists them.
    pub attributes: &'static [AttributeSpec],
    /// The relationships the endpoints accept.
    pub relationships: &'static [RelationshipSpec],
    /// Rules across attributes, run after the attributes object has been walked.
    pub rules: Option<CrossRule>,
    /// Attributes a create requires when a flag attribute is sent as `false`: a rule
    /// across attributes that is data, so that a JSON Schema says it too (`if`/`then`).
    pub required_unless: &'static [RequiredUnless],
    /// The rules [`ResourceSpec::rules`] checks, each at the attribute it reports:
    /// what a JSON Schema of the resource marks as checked by subkit alone.
    pub rules_at: &'static [(&'static str, Code)],
    /// The statuses the resource can be in ([`Current::status`] must be one), empty
    /// for a resource without one.
    pub statuses: &'static [&'static str],
}

impl ResourceSpec {
    /// The spec, once it fits the document walk: at most [`MAX_MEMBERS`] attributes and
    /// as many relationships. Each resource's static spec is made through this, so the
    /// check runs when the crate compiles: a spec with one member too many is an error
    /// there, not a member the walk silently forgets.
    ///
    /// ```
    /// use subkit::commercelayer::spec::{AttributeSpec, ResourceSpec, ValueSpec, MAX_MEMBERS};
    /// const A: AttributeSpec = AttributeSpec::optional("a", ValueSpec::String);
    /// static FITS: ResourceSpec = ResourceSpec {
    ///     type_name: "things", attributes: &[A; MAX_MEMBERS], relationships: &[], rules: None, required_unless: &[], rules_at: &[], statuses: &[],
    /// }.checked();
    /// assert_eq!(FITS.attributes.len(), 20);
    /// ```
    ///
    /// ```compile_fail
    /// use subkit::commercelayer::spec::{AttributeSpec, ResourceSpec, ValueSpec, MAX_MEMBERS};
    /// const A: AttributeSpec = AttributeSpec::optional("a", ValueSpec::String);
    /// static TOO_MANY: ResourceSpec = ResourceSpec {
    ///     type_name: "things", attributes: &[A; MAX_MEMBERS + 1], relationships: &[], rules: None, required_unless: &[], rules_at: &[], statuses: &[],
    /// }.checked();
    /// ```
    pub const fn checked(self) -> Self {
        assert!(
            self.attributes.len() <= MAX_MEMBERS,
            "a resource spec lists more attributes than MAX_MEMBERS"
        );
        assert!(
            self.relationships.len() <= MAX_MEMBERS,
            "a resource spec lists more relationships than MAX_MEMBERS"
        );
        self
    }
}

/// On create, `member` is required when `flag`, a boolean attribute that defaults to
/// `true`, is sent as `false` ("required, unless activate_by_source_order").
#[derive(Debug, Clone, Copy)]
pub struct RequiredUnless {
    /// The attribute required.
    pub member: &'static str,
    /// The boolean attribute whose `false` requires it.
    pub flag: &'static str,
}

/// A rule across attributes: gets what the attributes object held, its path, the
/// operation, the caller's context, and the list to push violations to.
pub type CrossRule =
    fn(&Attributes<'_>, &Path<'_>, Operation<'_>, &Context<'_>, &mut Vec<Violation>);

/// Which request a document is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation<'a> {
    /// `POST /api/<resource>`.
    Create,
    /// `PATCH /api/<resource>/<id>`: `data.id` must be `id`.
    Update {
        /// The id in the path.
        id: &'a str,
    },
}

/// Which requests take a member, as commercelayer-sdk's gen/resources.json marks it
/// (`creatable`, `updatable`), and the trigger attributes (`_activate`), which only
/// an update takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Access {
    /// Creatable and updatable.
    Both,
    /// Creatable only: an update refuses it as the server does (400 `PARAM_NOT_ALLOWED`).
    Create,
    /// Updatable only.
    Update,
    /// A trigger attribute: updatable only, and sending `true` asks the server to act.
    /// Lists the statuses the docs do not allow it in (docs/commercelayer.md says how
    /// they were read); a status not listed is not checked.
    Trigger(&'static [&'static str]),
}

impl Access {
    /// Whether a request of `op` takes the member.
    pub fn allows(self, op: Operation<'_>) -> bool {
        matches!(
            (self, op),
            (Access::Both, _)
                | (Access::Create, Operation::Create)
                | (
                    Access::Update | Access::Trigger(_),
                    Operation::Update { .. }
                )
        )
    }
}

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

    /// What was seen of the member at `slot`.
    pub fn get(&self, slot: usize) -> &Seen<'a> {
        self.0.get(slot).unwrap_or(&Seen::Absent)
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
    /// Whether the create request must carry a non-blank value (an update may leave
    /// it out, but not blank it).
    pub required: bool,
    /// The value the API uses when the attribute is left out, as JSON text.
    pub default: Option<&'static str>,
    /// Which requests take it.
    pub access: Access,
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
    /// The JSON:API type of the related resources (the first, for a polymorphic one).
    pub type_name: &'static str,
    /// The other types a polymorphic relationship takes. A bare id in flat input names
    /// a resource of `type_name` only when this is empty.
    pub other_types: &'static [&'static str],
    /// Whether the create request must name it.
    pub required: bool,
    /// To-many (`data` is an array) rather than to-one.
    pub many: bool,
    /// Which requests take it.
    pub access: Access,
}

impl RelationshipSpec {
    /// An optional to-one relationship, creatable only (the usual case in the schema);
    /// override fields with struct update syntax.
    pub const fn to_one(name: &'static str, type_name: &'static str) -> RelationshipSpec {
        RelationshipSpec {
            name,
            type_name,
            other_types: &[],
            required: false,
            many: false,
            access: Access::Create,
        }
    }

    /// Whether `t` is a type the relationship takes.
    pub fn takes_type(&self, t: &str) -> bool {
        self.type_name == t || self.other_types.contains(&t)
    }
}

/// What the caller knows beyond the document.
#[derive(Debug, Clone, Copy, Default)]
pub struct Context<'a> {
    /// The frequencies of the subscription model the order subscription belongs to:
    /// Commerce Layer requires the frequency to be one of them.
    pub model_frequencies: Option<&'a [String]>,
    /// What the resource holds now, for the rules an update cannot check alone.
    pub current: Current<'a>,
}

/// The values an update's rules need from the resource as it is (read only by updates).
#[derive(Debug, Clone, Copy, Default)]
pub struct Current<'a> {
    /// Its status (`active`): a trigger the docs do not allow in it is refused.
    pub status: Option<&'a str>,
    /// Its `starts_at`, which an update cannot change: `expires_at` must come after it.
    pub starts_at: Option<&'a str>,
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
            access: Access::Both,
        }
    }

    /// A trigger attribute (`_activate`), refused in the statuses `refused_in`.
    pub const fn trigger(
        name: &'static str,
        value: ValueSpec,
        refused_in: &'static [&'static str],
    ) -> AttributeSpec {
        AttributeSpec {
            access: Access::Trigger(refused_in),
            ..AttributeSpec::optional(name, value)
        }
    }
}

impl ResourceSpec {
    /// The relationship named `name`, if a request of `op` takes it.
    pub fn relationship(&self, name: &str, op: Operation<'_>) -> Option<&RelationshipSpec> {
        self.relationships
            .iter()
            .find(|r| r.name == name && r.access.allows(op))
    }

    /// The position of the attribute named `name` in [`ResourceSpec::attributes`] (its
    /// slot in a document walk), whichever request takes it.
    pub fn attribute_slot(&self, name: &str) -> Option<usize> {
        self.attributes.iter().position(|a| same_name(a.name, name))
    }

    /// The position of the relationship named `name` in
    /// [`ResourceSpec::relationships`], if a request of `op` takes it.
    pub fn relationship_slot(&self, name: &str, op: Operation<'_>) -> Option<usize> {
        self.relationships
            .iter()
            .position(|r| same_name(r.name, name) && r.access.allows(op))
    }

    /// The attributes as the cross-attribute rules read them.
    pub fn attribute_values<'s>(&'s self, seen: &'s Slots<'s>) -> Attributes<'s> {
        Attributes { spec: self, seen }
    }
}

/// Whether `a` and `b` are the same name. Length and first byte are compared before
/// the bytes: a spec's names differ early, and in wasm each whole comparison is a call.
pub(crate) fn same_name(a: &str, b: &str) -> bool {
    a.len() == b.len() && a.as_bytes().first() == b.as_bytes().first() && a == b
}
