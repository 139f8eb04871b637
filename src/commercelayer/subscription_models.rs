//! `POST /api/subscription_models` and `PATCH /api/subscription_models/<id>`: what
//! Commerce Layer accepts (gen/resources.json v7.9.16 marks every attribute creatable
//! and updatable).
//!
//! Entry point: [`SPEC`], used through [`crate::commercelayer::Resource::SubscriptionModels`].
//! `frequencies` must be a non-empty array of Commerce Layer frequencies; each bad or
//! repeated entry is reported at its own index.
//!
//! ```
//! use subkit::Resource;
//! let doc = serde_json::json!({"data": {"type": "subscription_models", "attributes":
//!     {"name": "EU Subscription Model", "frequencies": ["hourly", "*/5 * * * *", 3]}}});
//! let pointers: Vec<String> = Resource::SubscriptionModels.validate(&doc)
//!     .into_iter().map(|v| v.pointer).collect();
//! assert_eq!(pointers, ["/data/attributes/frequencies/1", "/data/attributes/frequencies/2"]);
//! ```

use super::spec::{AttributeSpec, ResourceSpec, ValueSpec};

/// The strategies the API reference documents; `by_frequency` is the default.
pub const STRATEGIES: &[&str] = &["by_frequency", "by_line_items"];

/// The attributes of the current API reference, in its order. The create endpoint
/// takes no relationships (`markets` and `order_subscriptions` are read-only).
pub static SPEC: ResourceSpec = ResourceSpec {
    type_name: "subscription_models",
    attributes: &[
        AttributeSpec {
            required: true,
            ..AttributeSpec::optional("name", ValueSpec::String)
        },
        AttributeSpec {
            default: Some("\"by_frequency\""),
            ..AttributeSpec::optional("strategy", ValueSpec::OneOf(STRATEGIES))
        },
        AttributeSpec {
            required: true,
            ..AttributeSpec::optional("frequencies", ValueSpec::Frequencies)
        },
        AttributeSpec {
            default: Some("true"),
            ..AttributeSpec::optional("auto_activate", ValueSpec::Boolean)
        },
        AttributeSpec {
            default: Some("false"),
            ..AttributeSpec::optional("auto_cancel", ValueSpec::Boolean)
        },
        AttributeSpec::optional("reference", ValueSpec::String),
        AttributeSpec::optional("reference_origin", ValueSpec::String),
        AttributeSpec::optional("metadata", ValueSpec::Object),
    ],
    relationships: &[],
    rules: None,
    required_unless: &[],
    rules_at: &[],
    statuses: &[],
}
.checked();
