//! `POST /api/subscription_models`: what Commerce Layer accepts.
//!
//! Entry point: [`SPEC`], used through [`crate::payload::Resource::SubscriptionModels`].
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

const fn attr(name: &'static str, value: ValueSpec) -> AttributeSpec {
    AttributeSpec {
        name,
        value,
        required: false,
        default: None,
    }
}

/// The attributes of the current API reference, in its order. The create endpoint
/// takes no relationships (`markets` and `order_subscriptions` are read-only).
pub static SPEC: ResourceSpec = ResourceSpec {
    type_name: "subscription_models",
    attributes: &[
        AttributeSpec {
            required: true,
            ..attr("name", ValueSpec::String)
        },
        AttributeSpec {
            default: Some("\"by_frequency\""),
            ..attr("strategy", ValueSpec::OneOf(STRATEGIES))
        },
        AttributeSpec {
            required: true,
            ..attr("frequencies", ValueSpec::Frequencies)
        },
        AttributeSpec {
            default: Some("true"),
            ..attr("auto_activate", ValueSpec::Boolean)
        },
        AttributeSpec {
            default: Some("false"),
            ..attr("auto_cancel", ValueSpec::Boolean)
        },
        attr("reference", ValueSpec::String),
        attr("reference_origin", ValueSpec::String),
        attr("metadata", ValueSpec::Object),
    ],
    relationships: &[],
    rules: None,
};
