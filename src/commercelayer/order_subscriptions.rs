//! `POST /api/order_subscriptions` and `PATCH /api/order_subscriptions/<id>`: what
//! Commerce Layer accepts.
//!
//! Entry point: [`SPEC`], used through [`crate::commercelayer::Resource::OrderSubscriptions`].
//! Beyond single values it checks that `starts_at` is present when
//! `activate_by_source_order` is `false` (it defaults to `true`), that `expires_at`
//! comes after `starts_at`, and, when the caller passes the subscription model's
//! frequencies, that the model offers `frequency`.
//!
//! ```
//! use subkit::Resource;
//! let doc = serde_json::json!({"data": {"type": "order_subscriptions",
//!     "attributes": {"frequency": "monthly", "activate_by_source_order": false},
//!     "relationships": {"source_order": {"data": {"type": "orders", "id": "QWERtyUpBa"}}}}});
//! let errors = Resource::OrderSubscriptions.validate(&doc);
//! assert_eq!(errors[0].pointer, "/data/attributes/starts_at");
//! ```

use super::spec::{
    Access, AttributeSpec, Attributes, Context, Operation, RelationshipSpec, RequiredUnless,
    ResourceSpec, ValueSpec,
};
use crate::error::{Code, Format, Kind, Violation};
use crate::pointer::Path;
use crate::prelude::*;
use crate::schedule::{instant, Frequency};

/// The statuses of gen/resources.json's `status` enum (the API reference's object page
/// lists them without `running`).
pub const STATUSES: &[&str] = &["draft", "inactive", "active", "running", "cancelled"];

/// The attributes and relationships of the current API (commercelayer-sdk's generated
/// schema, gen/resources.json v7.9.16), in its order, each marked as that schema marks
/// it: creatable, updatable or both; the `_…` triggers are updatable only. Where each
/// trigger is refused, see docs/commercelayer.md ("Updates").
pub static SPEC: ResourceSpec = ResourceSpec {
    type_name: "order_subscriptions",
    attributes: &[
        AttributeSpec {
            required: true,
            ..AttributeSpec::optional("frequency", ValueSpec::Frequency)
        },
        AttributeSpec {
            default: Some("true"),
            ..AttributeSpec::optional("activate_by_source_order", ValueSpec::Boolean)
        },
        AttributeSpec {
            default: Some("true"),
            ..AttributeSpec::optional("place_target_order", ValueSpec::Boolean)
        },
        AttributeSpec {
            default: Some("1"),
            ..AttributeSpec::optional(
                "renewal_alert_period",
                ValueSpec::Integer { min: 1, max: 720 },
            )
        },
        AttributeSpec {
            access: Access::Create,
            ..AttributeSpec::optional("starts_at", ValueSpec::FormattedString(Format::DateTime))
        },
        AttributeSpec::optional("expires_at", ValueSpec::FormattedString(Format::DateTime)),
        AttributeSpec {
            access: Access::Update,
            ..AttributeSpec::optional("next_run_at", ValueSpec::FormattedString(Format::DateTime))
        },
        // Deprecated, but still creatable and updatable in the schema, so the server
        // still takes it.
        AttributeSpec::optional("options", ValueSpec::Object),
        // The how-to "Updating the subscriptions": active subscriptions can be
        // deactivated and re-activated, or cancelled; the object page: a subscription
        // created with activate_by_source_order false is activated with _activate.
        AttributeSpec::trigger("_activate", ValueSpec::Boolean, &["active", "cancelled"]),
        AttributeSpec::trigger(
            "_deactivate",
            ValueSpec::Boolean,
            &["draft", "inactive", "cancelled"],
        ),
        AttributeSpec::trigger("_cancel", ValueSpec::Boolean, &["draft", "cancelled"]),
        AttributeSpec::trigger("_convert", ValueSpec::Boolean, &[]),
        AttributeSpec::trigger("_add_tags", ValueSpec::String, &[]),
        AttributeSpec::trigger("_remove_tags", ValueSpec::String, &[]),
        AttributeSpec::optional("reference", ValueSpec::String),
        AttributeSpec::optional("reference_origin", ValueSpec::String),
        AttributeSpec::optional("metadata", ValueSpec::Object),
    ],
    relationships: &[
        RelationshipSpec::to_one("market", "markets"),
        RelationshipSpec {
            required: true,
            ..RelationshipSpec::to_one("source_order", "orders")
        },
        RelationshipSpec {
            access: Access::Update,
            ..RelationshipSpec::to_one("customer_payment_source", "customer_payment_sources")
        },
        RelationshipSpec {
            many: true,
            access: Access::Both,
            ..RelationshipSpec::to_one("tags", "tags")
        },
    ],
    rules: Some(rules),
    required_unless: &[RequiredUnless {
        member: "starts_at",
        flag: "activate_by_source_order",
    }],
    rules_at: &[("expires_at", Code::After), ("frequency", Code::NotOffered)],
    statuses: STATUSES,
}
.checked();

fn rules(
    attrs: &Attributes<'_>,
    at: &Path<'_>,
    op: Operation<'_>,
    context: &Context<'_>,
    out: &mut Vec<Violation>,
) {
    let instant_of = |text: Option<&str>| text.and_then(|s| instant::parse_iso_datetime(s).ok());
    // An update's starts_at is the one the resource has, when the caller passes it.
    let starts_at = match op {
        Operation::Create => attrs.str("starts_at"),
        Operation::Update { .. } => context.current.starts_at,
    };
    // expires_at first: without it there is nothing to compare, and starts_at, already
    // read by its format check, is not parsed a second time.
    let expires = instant_of(attrs.str("expires_at"));
    if let Some((expires, starts)) = expires.and_then(|e| Some((e, instant_of(starts_at)?))) {
        if expires <= starts {
            out.push(Violation::new(
                at.key("expires_at").to_pointer(),
                Kind::After { other: "starts_at" },
            ));
        }
    }
    if let (Some(offered), Some(text)) = (context.model_frequencies, attrs.str("frequency")) {
        check_offered(text, offered, &at.key("frequency"), out);
    }
}

/// Commerce Layer requires the frequency to be one the subscription model offers.
/// Both sides are compared in canonical form (`Monthly` is `monthly`).
fn check_offered(text: &str, offered: &[String], at: &Path<'_>, out: &mut Vec<Violation>) {
    let canonical = |t: &str| match Frequency::parse(t) {
        Ok(f) => f.normalized(t),
        Err(_) => t.trim().to_owned(),
    };
    let Ok(frequency) = Frequency::parse(text) else {
        return; // already reported as an invalid frequency
    };
    let wanted = frequency.normalized(text);
    if !offered.iter().any(|o| canonical(o) == wanted) {
        out.push(Violation::new(
            at.to_pointer(),
            Kind::NotOffered {
                offered: offered.to_vec(),
            },
        ));
    }
}
