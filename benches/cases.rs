// The benchmark inputs, shared by the native benches; benches/js/bench.mjs builds the
// same documents for the JS side.
use serde_json::{json, Map, Value};

/// A metadata object with `n` string members.
pub fn metadata(n: usize) -> Value {
    let m: Map<String, Value> = (0..n)
        .map(|i| (format!("key_{i}"), json!(format!("value {i}"))))
        .collect();
    Value::Object(m)
}

/// (case name, resource, document).
pub fn documents() -> Vec<(&'static str, &'static str, Value)> {
    let order = |meta: Value| {
        json!({"data": {"type": "order_subscriptions",
        "attributes": {"frequency": "monthly", "starts_at": "2018-01-01T12:00:00.000Z", "metadata": meta},
        "relationships": {"source_order": {"data": {"type": "orders", "id": "QWERtyUpBa"}}}}})
    };
    vec![
        (
            "customer_subscriptions/valid",
            "customer_subscriptions",
            json!({"data": {"type": "customer_subscriptions",
            "attributes": {"customer_email": "john@example.com", "reference": "ANY-EXTERNAL-REFEFERNCE"}}}),
        ),
        (
            "customer_subscriptions/invalid",
            "customer_subscriptions",
            json!({"data": {"type": "customer_subscriptions",
            "attributes": {"customer_email": 42, "foo": 1}}}),
        ),
        (
            // About 470 bytes: every attribute but place_target_order, all three relationships.
            "order_subscriptions/valid",
            "order_subscriptions",
            json!({"data": {"type": "order_subscriptions",
            "attributes": {"frequency": "0 9 * * 1-5", "activate_by_source_order": false, "renewal_alert_period": 24,
                "starts_at": "2018-01-01T12:00:00.000Z", "expires_at": "2019-01-01T12:00:00.000Z",
                "reference": "ANY-EXTERNAL-REFERENCE", "metadata": {"channel": "web"}},
            "relationships": {"market": {"data": {"type": "markets", "id": "dlQbPhNNop"}},
                "source_order": {"data": {"type": "orders", "id": "QWERtyUpBa"}},
                "tags": {"data": [{"type": "tags", "id": "AbcDef"}]}}}}),
        ),
        (
            "order_subscriptions/valid-small",
            "order_subscriptions",
            order(metadata(2)),
        ),
        (
            "order_subscriptions/valid-large-metadata",
            "order_subscriptions",
            order(metadata(200)),
        ),
        (
            "order_subscriptions/invalid",
            "order_subscriptions",
            // Six faults, each a 422 on an attribute.
            json!({"data": {"type": "order_subscriptions",
            "attributes": {"frequency": "*/5 * * * *", "activate_by_source_order": "no", "place_target_order": "false",
                "renewal_alert_period": 0, "starts_at": "2018-01-01", "reference": 1},
            "relationships": {"source_order": {"data": {"type": "orders", "id": "QWERtyUpBa"}}}}}),
        ),
        (
            "subscription_models/valid",
            "subscription_models",
            json!({"data": {"type": "subscription_models",
            "attributes": {"name": "EU Subscription Model", "frequencies": ["hourly", "10 * * * *", "weekly", "monthly", "two-month"]}}}),
        ),
    ]
}

/// The Adobe request of seed 004.
pub fn adobe_request() -> Value {
    json!({"customerId": "P1005053489",
        "body": {"offerId": "65304470CA01012", "autoRenewal": {"enabled": true, "renewalQuantity": 100, "renewalCode": "MOQ_100"}},
        "headers": {"X-Correlation-Id": "9f5cb46f-59e0-44f2", "Accept": "application/json", "Content-Type": "application/json",
            "Authorization": "Bearer token", "X-Api-Key": "key"},
        "today": "2025-04-04", "anniversaryDate": "2025-04-25"})
}

/// Frequencies measured for parsing and next runs.
pub const FREQUENCIES: &[&str] = &[
    "0 9 * * 1-5",
    "*/15 9-17 * * MON-FRI",
    "0 0 29 2 *",
    "0 0 1 * *",
    "monthly",
];
