//! `POST /api/customer_subscriptions` and `PATCH /api/customer_subscriptions/<id>`: what
//! Commerce Layer accepts, and a typed builder.
//!
//! Entry points: [`SPEC`] (used through [`crate::commercelayer::Resource`]) and
//! [`CustomerSubscriptionCreate`] for Rust callers:
//!
//! ```
//! use subkit::commercelayer::customer_subscriptions::CustomerSubscriptionCreate;
//! let doc = CustomerSubscriptionCreate::new("john@example.com", "ANY-EXTERNAL-REFEFERNCE")
//!     .build()
//!     .unwrap();
//! assert_eq!(doc["data"]["type"], "customer_subscriptions");
//! ```

#[cfg(feature = "value")]
use crate::prelude::*;
#[cfg(feature = "value")]
use serde::{Deserialize, Serialize};
#[cfg(feature = "value")]
use serde_json::{Map, Value};

use super::spec::{Access, AttributeSpec, ResourceSpec, ValueSpec};
#[cfg(feature = "value")]
use super::Resource;
use crate::error::Format;
#[cfg(feature = "value")]
use crate::error::Violation;

/// The attributes of the current API reference, in its order, creatable and updatable
/// as commercelayer-sdk's gen/resources.json (v7.9.16) marks them. `reference` is required
/// there (seed 000, an older version of the docs, lists it as optional).
pub static SPEC: ResourceSpec = ResourceSpec {
    type_name: "customer_subscriptions",
    attributes: &[
        // Creatable only in gen/resources.json (v7.9.16): an update cannot change it.
        AttributeSpec {
            required: true,
            access: Access::Create,
            ..AttributeSpec::optional("customer_email", ValueSpec::FormattedString(Format::Email))
        },
        AttributeSpec {
            required: true,
            ..AttributeSpec::optional("reference", ValueSpec::String)
        },
        AttributeSpec::optional("reference_origin", ValueSpec::String),
        AttributeSpec::optional("metadata", ValueSpec::Object),
    ],
    // `customer` is read-only: the create endpoint takes no relationships.
    relationships: &[],
    rules: None,
    required_unless: &[],
    rules_at: &[],
    statuses: &[],
}
.checked();

/// The flat input of a customer subscription, in the shape `@commercelayer/sdk`'s
/// `customer_subscriptions.create()` takes.
#[cfg(feature = "value")]
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct CustomerSubscriptionCreate {
    /// The e-mail of the customer that owns the subscription.
    pub customer_email: String,
    /// A string that links the subscription to an external system.
    pub reference: String,
    /// Where `reference` comes from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reference_origin: Option<String>,
    /// Free-form key-value pairs.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Map<String, Value>>,
}

#[cfg(feature = "value")]
impl CustomerSubscriptionCreate {
    /// Input with the two required attributes.
    pub fn new(customer_email: impl Into<String>, reference: impl Into<String>) -> Self {
        CustomerSubscriptionCreate {
            customer_email: customer_email.into(),
            reference: reference.into(),
            ..Self::default()
        }
    }

    /// Builds the JSON:API create document, or every violation that stops it.
    pub fn build(&self) -> Result<Value, Vec<Violation>> {
        // Serialising a struct of strings and maps cannot fail; if it ever did, the
        // resulting `null` input is reported as a violation rather than a panic.
        let input = serde_json::to_value(self).unwrap_or(Value::Null);
        Resource::CustomerSubscriptions.build(&input)
    }
}
