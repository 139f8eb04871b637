//! Commerce Layer create documents: validate them, or build them from flat input.
//!
//! Entry point: [`Resource`], one variant per create endpoint.
//!
//! ```
//! use subkit::payload::Resource;
//! let resource: Resource = "customer_subscriptions".parse().unwrap();
//! let doc = serde_json::json!({"data": {"type": "customer_subscriptions",
//!     "attributes": {"customer_email": "john@example.com", "reference": "ANY-EXTERNAL-REFEFERNCE"}}});
//! assert!(resource.validate(&doc).is_empty());
//!
//! let errors = resource.validate_json(r#"{"data": {"type": "customer_subscriptions",
//!     "attributes": {"customer_email": 42}}}"#);
//! assert_eq!(errors[0].pointer, "/data/attributes/customer_email");
//! ```

pub mod customer_subscriptions;
pub mod document;
pub mod email;
pub mod jsonapi_errors;

use std::fmt;
use std::str::FromStr;

use serde_json::{Map, Value};

use crate::error::{JsonType, Kind, Violation};
use document::{validate_create_document, ResourceSpec};

/// A Commerce Layer resource that subkit can build create documents for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Resource {
    /// `POST /api/customer_subscriptions`
    CustomerSubscriptions,
}

impl Resource {
    /// Every resource, in the order the names are listed to callers.
    pub const ALL: &'static [Resource] = &[Resource::CustomerSubscriptions];

    /// The JSON:API type and endpoint path segment, e.g. `customer_subscriptions`.
    pub fn name(self) -> &'static str {
        self.spec().type_name
    }

    fn spec(self) -> &'static ResourceSpec {
        match self {
            Resource::CustomerSubscriptions => &customer_subscriptions::SPEC,
        }
    }

    /// Every violation in a create document, in document order.
    pub fn validate(self, document: &Value) -> Vec<Violation> {
        validate_create_document(self.spec(), document)
    }

    /// Like [`validate`](Self::validate), from JSON text; text that is not JSON is one
    /// `invalid_json` violation at pointer `""`.
    pub fn validate_json(self, text: &str) -> Vec<Violation> {
        match crate::json::parse_str(text) {
            Ok(doc) => self.validate(&doc),
            Err(v) => vec![v],
        }
    }

    /// Builds the create document from flat attributes (`{ customer_email, ... }`) and
    /// validates it. Violations point into the built document, so a form can map
    /// `/data/attributes/customer_email` back to its `customer_email` field.
    pub fn build(self, input: &Value) -> Result<Value, Vec<Violation>> {
        let Value::Object(attributes) = input else {
            return Err(vec![Violation::new(
                "",
                Kind::Type {
                    expected: JsonType::Object,
                    found: JsonType::of(input),
                },
            )]);
        };
        let mut data = Map::new();
        data.insert("type".to_owned(), Value::from(self.name()));
        data.insert("attributes".to_owned(), Value::Object(attributes.clone()));
        let mut doc = Map::new();
        doc.insert("data".to_owned(), Value::Object(data));
        let doc = Value::Object(doc);
        let violations = self.validate(&doc);
        if violations.is_empty() {
            Ok(doc)
        } else {
            Err(violations)
        }
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

impl std::error::Error for UnknownResource {}
