//! Commerce Layer create and update documents: validate them, or build them from flat
//! input.
//!
//! Entry point: [`Resource`], one variant per resource; `validate*` and `build*` are
//! for `POST /api/<resource>`, `validate_update*` and `build_update*` for
//! `PATCH /api/<resource>/<id>`. The builders read flat input as text and write the
//! document as text ([`Resource::build_text`], [`Resource::build_update_text`]); those
//! taking or returning a `Value` wrap them.
//!
//! ```
//! use subkit::commercelayer::Resource;
//! let resource: Resource = "customer_subscriptions".parse().unwrap();
//! let doc = serde_json::json!({"data": {"type": "customer_subscriptions",
//!     "attributes": {"customer_email": "john@example.com", "reference": "ANY-EXTERNAL-REFEFERNCE"}}});
//! assert!(resource.validate(&doc).is_empty());
//!
//! let errors = resource.validate_json(r#"{"data": {"type": "customer_subscriptions",
//!     "attributes": {"customer_email": 42}}}"#);
//! assert_eq!(errors[0].pointer, "/data/attributes/customer_email");
//! ```
//!
//! The rest of this page is `docs/commercelayer.md` of the repository; its examples run as doctests.
#![doc = include_str!("../../docs/commercelayer.md")]
use crate::prelude::*;

pub mod customer_subscriptions;
pub mod document;
mod flat;
pub mod jsonapi_errors;
pub mod linkage;
/// [`NameTable`](crate::json::names::NameTable), at its former path.
pub use crate::json::names;
pub mod order_subscription_items;
pub mod order_subscriptions;
pub mod request;
pub mod spec;
pub mod subscription_models;
pub(crate) mod values;

use core::fmt;
use core::str::FromStr;

#[cfg(feature = "value")]
use serde_json::{Map, Value};

use crate::error::{Format, Kind, Violation};
use document::validate_text;
use spec::ResourceSpec;
pub use spec::{Context, Current, Operation};

/// A Commerce Layer resource that subkit can build create and update documents for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Resource {
    /// `POST /api/customer_subscriptions`
    CustomerSubscriptions,
    /// `POST /api/order_subscriptions`
    OrderSubscriptions,
    /// `POST /api/subscription_models`
    SubscriptionModels,
    /// `POST /api/order_subscription_items`
    OrderSubscriptionItems,
}

/// How [`Resource::build_text`], and the builders that wrap it, build.
#[derive(Debug, Clone, Copy, Default)]
pub struct BuildOptions<'a> {
    /// Write the documented defaults of attributes the input leaves out.
    pub with_defaults: bool,
    /// What the caller knows beyond the input (checked while validating).
    pub context: Context<'a>,
}

impl Resource {
    /// Every resource, in the order the names are listed to callers.
    pub const ALL: &'static [Resource] = &[
        Resource::CustomerSubscriptions,
        Resource::OrderSubscriptions,
        Resource::SubscriptionModels,
        Resource::OrderSubscriptionItems,
    ];

    /// The JSON:API type and endpoint path segment, e.g. `customer_subscriptions`.
    pub fn name(self) -> &'static str {
        self.spec().type_name
    }

    /// What the resource's create and update endpoints accept, as data.
    pub fn spec(self) -> &'static ResourceSpec {
        match self {
            Resource::CustomerSubscriptions => &customer_subscriptions::SPEC,
            Resource::OrderSubscriptions => &order_subscriptions::SPEC,
            Resource::SubscriptionModels => &subscription_models::SPEC,
            Resource::OrderSubscriptionItems => &order_subscription_items::SPEC,
        }
    }

    /// Every violation in a create document, in document order.
    #[cfg(feature = "value")]
    pub fn validate(self, document: &Value) -> Vec<Violation> {
        self.validate_with(document, &Context::default())
    }

    /// Like [`validate`](Self::validate), with what the caller knows beyond the
    /// document (for example the subscription model's frequencies).
    #[cfg(feature = "value")]
    pub fn validate_with(self, document: &Value, context: &Context<'_>) -> Vec<Violation> {
        // One validator for every input: a parsed value is written back to text and
        // read like a request body (serialising a `Value` cannot fail).
        let text = serde_json::to_vec(document).unwrap_or_default();
        self.validate_bytes_with(&text, context)
    }

    /// Like [`validate_json`](Self::validate_json), from UTF-8 bytes as a request body
    /// arrives: bytes that are not UTF-8 JSON are one `invalid_json` violation.
    pub fn validate_bytes(self, bytes: &[u8]) -> Vec<Violation> {
        self.validate_bytes_with(bytes, &Context::default())
    }

    /// Like [`validate_bytes`](Self::validate_bytes), with what the caller knows beyond
    /// the document. The document is read once, with no tree built.
    pub fn validate_bytes_with(self, bytes: &[u8], context: &Context<'_>) -> Vec<Violation> {
        validate_text(self.spec(), bytes, Operation::Create, context)
    }

    /// Every violation in an update document for `PATCH /api/<resource>/<id>`, from
    /// UTF-8 bytes, read once: `data.id` must be `id`, and only updatable members are
    /// taken. `context.current` gives what the resource holds now (its status, its
    /// `starts_at`) for the rules that need it. A fault in `id` itself is at `/path/id`,
    /// and one in `context.current.status` at `/options/current/status`.
    ///
    /// ```
    /// use subkit::{Resource, Code};
    /// use subkit::commercelayer::{Context, Current};
    /// let context = Context { current: Current { status: Some("draft"), ..Default::default() }, ..Default::default() };
    /// let errors = Resource::OrderSubscriptions.validate_update_json(
    ///     r#"{"data": {"type": "order_subscriptions", "id": "BkMdJFGdjX", "attributes": {"_deactivate": true}}}"#,
    ///     "BkMdJFGdjX", &context);
    /// assert_eq!((errors[0].pointer.as_str(), errors[0].code()), ("/data/attributes/_deactivate", Code::Transition));
    /// ```
    pub fn validate_update_bytes(
        self,
        bytes: &[u8],
        id: &str,
        context: &Context<'_>,
    ) -> Vec<Violation> {
        let mut out = self.update_faults(id, context);
        out.extend(validate_text(
            self.spec(),
            bytes,
            Operation::Update { id },
            context,
        ));
        out
    }

    /// Like [`validate_update_bytes`](Self::validate_update_bytes), from JSON text.
    pub fn validate_update_json(
        self,
        text: &str,
        id: &str,
        context: &Context<'_>,
    ) -> Vec<Violation> {
        self.validate_update_bytes(text.as_bytes(), id, context)
    }

    /// Like [`validate_update_bytes`](Self::validate_update_bytes), from a parsed value.
    #[cfg(feature = "value")]
    pub fn validate_update(
        self,
        document: &Value,
        id: &str,
        context: &Context<'_>,
    ) -> Vec<Violation> {
        let text = serde_json::to_vec(document).unwrap_or_default();
        self.validate_update_bytes(&text, id, context)
    }

    /// The faults of an update's arguments: the path's id (one URL path segment) and
    /// the current status (one the resource has).
    fn update_faults(self, id: &str, context: &Context<'_>) -> Vec<Violation> {
        let mut out = Vec::new();
        if document::is_blank(id) {
            out.push(Violation::new("/path/id", Kind::Required));
        } else if !Format::PathSegment.matches(id) {
            out.push(Violation::new(
                "/path/id",
                Kind::Format {
                    format: Format::PathSegment,
                },
            ));
        }
        let statuses = self.spec().statuses;
        if let Some(status) = context.current.status {
            if !statuses.is_empty() && !statuses.contains(&status) {
                out.push(Violation::new(
                    "/options/current/status",
                    Kind::Enum { allowed: statuses },
                ));
            }
        }
        out
    }

    /// The documented defaults of the attributes that have one, e.g.
    /// `{"activate_by_source_order": true, "place_target_order": true, "renewal_alert_period": 1}`.
    #[cfg(feature = "value")]
    pub fn defaults(self) -> Map<String, Value> {
        self.spec()
            .attributes
            .iter()
            .filter_map(|a| {
                let value = crate::json::parse_str(a.default?).ok()?;
                Some((a.name.to_owned(), value))
            })
            .collect()
    }

    /// [`defaults`](Self::defaults) as compact JSON object text, the attributes in the
    /// order the API reference lists them (`{}` for a resource without defaults).
    ///
    /// ```
    /// use subkit::Resource;
    /// assert_eq!(
    ///     Resource::OrderSubscriptions.defaults_text(),
    ///     r#"{"activate_by_source_order":true,"place_target_order":true,"renewal_alert_period":1}"#
    /// );
    /// ```
    pub fn defaults_text(self) -> String {
        let mut out = String::new();
        let mut defaults = crate::json::write::Object::new(&mut out);
        for a in self.spec().attributes {
            // A spec's defaults are JSON text as serde_json writes it (a test checks each).
            if let Some(default) = a.default {
                defaults.key(a.name).push_str(default);
            }
        }
        defaults.end();
        out
    }

    /// Like [`validate`](Self::validate), from JSON text; text that is not JSON is one
    /// `invalid_json` violation at pointer `""`.
    pub fn validate_json(self, text: &str) -> Vec<Violation> {
        self.validate_bytes(text.as_bytes())
    }

    /// Like [`validate_json`](Self::validate_json), with what the caller knows beyond
    /// the document.
    pub fn validate_json_with(self, text: &str, context: &Context<'_>) -> Vec<Violation> {
        self.validate_bytes_with(text.as_bytes(), context)
    }

    /// Like [`build`](Self::build), from the flat input as JSON text; text that is not
    /// JSON is one `invalid_json` violation at pointer `""`.
    #[cfg(feature = "value")]
    pub fn build_json(self, text: &str) -> Result<Value, Vec<Violation>> {
        self.build_bytes_with(text.as_bytes(), &BuildOptions::default())
    }

    /// Like [`build_with`](Self::build_with), from the flat input as JSON text.
    #[cfg(feature = "value")]
    pub fn build_json_with(
        self,
        text: &str,
        options: &BuildOptions<'_>,
    ) -> Result<Value, Vec<Violation>> {
        self.build_bytes_with(text.as_bytes(), options)
    }

    /// Like [`build`](Self::build), from the flat input as UTF-8 JSON bytes.
    #[cfg(feature = "value")]
    pub fn build_bytes(self, bytes: &[u8]) -> Result<Value, Vec<Violation>> {
        self.build_bytes_with(bytes, &BuildOptions::default())
    }

    /// Like [`build_with`](Self::build_with), from the flat input as UTF-8 JSON bytes:
    /// [`build_text`](Self::build_text)'s document, parsed.
    #[cfg(feature = "value")]
    pub fn build_bytes_with(
        self,
        bytes: &[u8],
        options: &BuildOptions<'_>,
    ) -> Result<Value, Vec<Violation>> {
        parsed(self.build_text(bytes, options))
    }

    /// Like [`build_update`](Self::build_update), from the flat input as JSON text.
    #[cfg(feature = "value")]
    pub fn build_update_json(
        self,
        text: &str,
        id: &str,
        context: &Context<'_>,
    ) -> Result<Value, Vec<Violation>> {
        self.build_update_bytes(text.as_bytes(), id, context)
    }

    /// Like [`build_update`](Self::build_update), from the flat input as UTF-8 JSON
    /// bytes: [`build_update_text`](Self::build_update_text)'s document, parsed.
    #[cfg(feature = "value")]
    pub fn build_update_bytes(
        self,
        bytes: &[u8],
        id: &str,
        context: &Context<'_>,
    ) -> Result<Value, Vec<Violation>> {
        parsed(self.build_update_text(bytes, id, context))
    }

    /// Builds the create document from flat input (`{ customer_email, ... }`) and
    /// validates it. Violations point into the built document, so a form can map
    /// `/data/attributes/customer_email` back to its `customer_email` field.
    #[cfg(feature = "value")]
    pub fn build(self, input: &Value) -> Result<Value, Vec<Violation>> {
        self.build_with(input, &BuildOptions::default())
    }

    /// Builds from the flat input `@commercelayer/sdk`'s `create()` takes: attributes
    /// as plain fields, relationships as `{ type, id }` objects or bare ids (a list of
    /// either for to-many ones). Keys that are neither stay attributes, for validation
    /// to report. The input is written as text and built by
    /// [`build_text`](Self::build_text).
    #[cfg(feature = "value")]
    pub fn build_with(
        self,
        input: &Value,
        options: &BuildOptions<'_>,
    ) -> Result<Value, Vec<Violation>> {
        // Serialising a `Value` cannot fail.
        let text = serde_json::to_vec(input).unwrap_or_default();
        self.build_bytes_with(&text, options)
    }

    /// Builds the update document for `PATCH /api/<resource>/<id>` from the flat input
    /// `@commercelayer/sdk`'s `update()` takes (its `id`, when given, becomes `data.id`
    /// and must be `id`), and validates it as
    /// [`validate_update_bytes`](Self::validate_update_bytes) does. The input is written
    /// as text and built by [`build_update_text`](Self::build_update_text).
    #[cfg(feature = "value")]
    pub fn build_update(
        self,
        input: &Value,
        id: &str,
        context: &Context<'_>,
    ) -> Result<Value, Vec<Violation>> {
        let text = serde_json::to_vec(input).unwrap_or_default();
        self.build_update_bytes(&text, id, context)
    }

    /// Builds the create document from the flat input `@commercelayer/sdk`'s `create()`
    /// takes, given as UTF-8 JSON text, and validates it: the document as compact JSON
    /// text, or every violation. This is the one builder; the others wrap it.
    ///
    /// The input is read once, and the document is written as it is read (no tree is
    /// built): attributes as plain fields, relationships as `{ type, id }` objects or
    /// bare ids (a list of either for to-many ones), and keys that are neither as
    /// attributes, for validation to report. A repeated member name keeps its last value
    /// at its first place, at any depth. With `options.with_defaults`, the documented
    /// defaults of the attributes the input leaves out follow its attributes. The text is
    /// what `serde_json::to_string` writes for the document built from the parsed input
    /// (`1e2` is written `100.0`, `"\u0041"` is written `"A"`).
    ///
    /// Input that is not JSON, or over the size limits, is its one violation at pointer
    /// `""` (`invalid_json`, `too_large`), and input that is not an object one `type`
    /// violation there; otherwise the violations point into the built document.
    ///
    /// ```
    /// use subkit::Resource;
    /// let text = Resource::OrderSubscriptions
    ///     .build_text(br#"{"frequency": "monthly", "source_order": "QWERtyUpBa", "frequency": "weekly"}"#, &Default::default())
    ///     .unwrap();
    /// assert_eq!(text, r#"{"data":{"type":"order_subscriptions","attributes":{"frequency":"weekly"},"relationships":{"source_order":{"data":{"type":"orders","id":"QWERtyUpBa"}}}}}"#);
    /// let errors = Resource::OrderSubscriptions.build_text(b"[]", &Default::default()).unwrap_err();
    /// assert_eq!((errors[0].pointer.as_str(), errors[0].code().as_str()), ("", "type"));
    /// ```
    pub fn build_text(
        self,
        input: &[u8],
        options: &BuildOptions<'_>,
    ) -> Result<String, Vec<Violation>> {
        let doc = flat::document_text(self.spec(), input, Operation::Create, options.with_defaults)
            .map_err(|v| vec![v])?;
        let violations = self.validate_bytes_with(doc.as_bytes(), &options.context);
        checked(doc, violations)
    }

    /// Builds the update document for `PATCH /api/<resource>/<id>` from the flat input
    /// `@commercelayer/sdk`'s `update()` takes, given as UTF-8 JSON text, and validates
    /// it as [`validate_update_bytes`](Self::validate_update_bytes) does: the document as
    /// compact JSON text, or every violation. It is read and written as
    /// [`build_text`](Self::build_text) does, with two differences: the input's `id`
    /// (its last value, of any type) becomes `data.id`, or the path's `id` when the
    /// input has none, and an update with no attributes has no `attributes` member.
    ///
    /// ```
    /// use subkit::Resource;
    /// let text = Resource::OrderSubscriptions
    ///     .build_update_text(br#"{"_deactivate": true}"#, "BkMdJFGdjX", &Default::default())
    ///     .unwrap();
    /// assert_eq!(text, r#"{"data":{"type":"order_subscriptions","id":"BkMdJFGdjX","attributes":{"_deactivate":true}}}"#);
    /// ```
    pub fn build_update_text(
        self,
        input: &[u8],
        id: &str,
        context: &Context<'_>,
    ) -> Result<String, Vec<Violation>> {
        let doc = flat::document_text(self.spec(), input, Operation::Update { id }, false)
            .map_err(|v| vec![v])?;
        let violations = self.validate_update_bytes(doc.as_bytes(), id, context);
        checked(doc, violations)
    }
}

impl fmt::Display for Resource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Resource {
    type Err = UnknownResource;

    fn from_str(name: &str) -> Result<Self, Self::Err> {
        Resource::ALL
            .iter()
            .copied()
            .find(|r| r.name() == name)
            .ok_or_else(|| UnknownResource {
                name: name.to_owned(),
            })
    }
}

/// A resource name that subkit does not know. Its message lists the known names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnknownResource {
    /// The name that was given.
    pub name: String,
}

impl fmt::Display for UnknownResource {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let known: Vec<&str> = Resource::ALL.iter().map(|r| r.name()).collect();
        write!(
            f,
            "unknown resource {:?}; known resources: {}",
            self.name,
            known.join(", ")
        )
    }
}

impl core::error::Error for UnknownResource {}

/// The field of the flat input a violation of a built document is about, as the JS
/// package's errors give it (`path`): an attribute and what is under it, a relationship
/// by its name (with the entry's index for a to-many one); empty for the document's own
/// members (`/data`, `/data/type`), which belong to no field.
///
/// ```
/// use subkit::Resource;
/// let errors = Resource::OrderSubscriptions.build_json(r#"{"frequency": "monthly", "tags": ["t1", 5]}"#).unwrap_err();
/// let paths: Vec<Vec<String>> = errors.iter().map(subkit::commercelayer::input_path).collect();
/// assert_eq!(paths, [vec!["tags".to_owned(), "1".to_owned()], vec!["source_order".to_owned()]]);
/// ```
pub fn input_path(violation: &Violation) -> Vec<String> {
    let tokens = crate::pointer::tokens(&violation.pointer);
    let is_index = |t: &String| !t.is_empty() && t.bytes().all(|b| b.is_ascii_digit());
    match tokens.as_slice() {
        [data, attributes, rest @ ..]
            if data == "data" && attributes == "attributes" && !rest.is_empty() =>
        {
            rest.to_vec()
        }
        [data, relationships, name, _, index, ..]
            if data == "data" && relationships == "relationships" && is_index(index) =>
        {
            vec![name.clone(), index.clone()]
        }
        [data, relationships, name, ..] if data == "data" && relationships == "relationships" => {
            vec![name.clone()]
        }
        _ => Vec::new(),
    }
}

/// A built document, when its validation found nothing.
fn checked(doc: String, violations: Vec<Violation>) -> Result<String, Vec<Violation>> {
    if violations.is_empty() {
        Ok(doc)
    } else {
        Err(violations)
    }
}

/// A built document's text as a value, for the builders that return one.
#[cfg(feature = "value")]
fn parsed(doc: Result<String, Vec<Violation>>) -> Result<Value, Vec<Violation>> {
    // The text has just been read by the validator, so it parses.
    crate::json::parse_str(&doc?).map_err(|v| vec![v])
}
