//! `POST /api/order_subscription_items` and `PATCH /api/order_subscription_items/<id>`:
//! the SKUs, bundles and adjustments an order subscription copies into each order.
//!
//! Entry point: [`SPEC`], used through
//! [`crate::commercelayer::Resource::OrderSubscriptionItems`]. A create names the order
//! subscription and the item (polymorphic: `skus`, `bundles` or `adjustments`) and a
//! quantity; an update changes only attributes.
//!
//! ```
//! use subkit::Resource;
//! let doc = serde_json::json!({"data": {"type": "order_subscription_items",
//!     "attributes": {"quantity": 4},
//!     "relationships": {"order_subscription": {"data": {"type": "order_subscriptions", "id": "XAyRWNUzyN"}},
//!                       "item": {"data": {"type": "bundles", "id": "BxAkSmmwKO"}}}}});
//! assert!(Resource::OrderSubscriptionItems.validate(&doc).is_empty());
//! ```

use super::spec::{AttributeSpec, RelationshipSpec, ResourceSpec, ValueSpec};

/// The attributes and relationships of commercelayer-sdk's gen/resources.json (schema
/// v7.9.16), in its order: every attribute is creatable and updatable, every
/// relationship creatable only. `quantity` is required on create; the schema gives no
/// bounds, and subkit asks for at least 1 (docs/commercelayer.md).
pub static SPEC: ResourceSpec = ResourceSpec {
    type_name: "order_subscription_items",
    attributes: &[
        AttributeSpec::optional("sku_code", ValueSpec::String),
        AttributeSpec::optional("bundle_code", ValueSpec::String),
        AttributeSpec {
            required: true,
            ..AttributeSpec::optional(
                "quantity",
                ValueSpec::Integer {
                    min: 1,
                    max: i64::MAX,
                },
            )
        },
        // No lower bound: an adjustment's amount may be negative.
        AttributeSpec::optional(
            "unit_amount_cents",
            ValueSpec::Integer {
                min: i64::MIN,
                max: i64::MAX,
            },
        ),
        AttributeSpec::optional("reference", ValueSpec::String),
        AttributeSpec::optional("reference_origin", ValueSpec::String),
        AttributeSpec::optional("metadata", ValueSpec::Object),
    ],
    relationships: &[
        RelationshipSpec {
            required: true,
            ..RelationshipSpec::to_one("order_subscription", "order_subscriptions")
        },
        // The schema's enum for the polymorphic item: skus, bundles, adjustments.
        RelationshipSpec {
            required: true,
            other_types: &["bundles", "adjustments"],
            ..RelationshipSpec::to_one("item", "skus")
        },
        RelationshipSpec::to_one("sku", "skus"),
        RelationshipSpec::to_one("bundle", "bundles"),
        RelationshipSpec::to_one("adjustment", "adjustments"),
    ],
    rules: None,
    required_unless: &[],
    rules_at: &[],
    statuses: &[],
}
.checked();
