//! The Adobe VIP Marketplace validators and builders (create, update and the
//! forwarded body) on arbitrary bytes, read by the one-pass reader as the package reads
//! them; the first byte picks the caller's context. Credentials given as options never
//! appear in the errors, and for input that is JSON every pointer resolves in it.
#![no_main]

mod common;

use chrono::NaiveDate;
use subkit::adobe::errors::{adobe_errors, adobe_update_errors};
use subkit::adobe::{
    build_subscription_request_bytes, build_subscription_update_bytes,
    forward_subscription_request_bytes, forward_subscription_update_bytes,
    validate_subscription_request_bytes, validate_subscription_update_bytes, AdobeContext,
    AdobeRequestOptions, AdobeUpdateContext, Environment, LicenseType,
};

const TOKEN: &str = "fuzz-secret-token-5d1c";
const KEY: &str = "fuzz-secret-key-92ab";

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&flags, rest)) = data.split_first() else {
        return;
    };
    let pick = |bit: u8| match (flags >> bit) & 3 {
        0 => None,
        1 => Some(false),
        _ => Some(true),
    };
    let context = AdobeContext {
        consumable: pick(0),
        has_active_subscriptions: pick(2),
        license_type: match flags >> 6 {
            0 => None,
            1 => Some(LicenseType::Team),
            _ => Some(LicenseType::Enterprise),
        },
    };
    // The request as a tree, where it is JSON, to resolve the pointers in.
    let tree = subkit::json::parse_bytes(rest).ok();
    let resolve = |violations: &[subkit::error::Violation]| {
        if let Some(request) = &tree {
            common::invariants::assert_pointers_resolve(request, violations);
        }
    };
    let report = validate_subscription_request_bytes(rest, &context);
    resolve(&report.violations);
    let rendered = format!("{:?}", adobe_errors(&report.violations));
    assert!(!rendered.contains(TOKEN) && !rendered.contains(KEY));

    let options = AdobeRequestOptions {
        environment: Environment::Sandbox,
        access_token: Some(TOKEN),
        api_key: Some(KEY),
        correlation_id: Some("4c6f1a2e-0b7d-4c1e-9a55-3f1e2d9c8b70"),
        request_id: None,
        recommendation_tracker_id: None,
    };
    let built = build_subscription_request_bytes(rest, &options, &context);
    let shown = format!("{built:?} {:?}", adobe_errors(&built.report.violations));
    assert!(
        !shown.contains(TOKEN) && !shown.contains(KEY),
        "a secret leaked"
    );
    // The same bytes as a forwarded body, in a request object that is itself valid.
    let envelope =
        br#"{"customerId":"P1005238564","today":"2025-04-01","anniversaryDate":"2025-04-25"}"#;
    let forwarded = forward_subscription_request_bytes(rest, envelope, &options, &context);
    let shown = format!(
        "{forwarded:?} {:?}",
        adobe_errors(&forwarded.report.violations)
    );
    assert!(
        !shown.contains(TOKEN) && !shown.contains(KEY),
        "a secret leaked"
    );

    // The update, with the same bits as its context; the dates sit on the late-update
    // edge (AD-3 / AD-2) by the flags' low bit.
    let anniversary = NaiveDate::from_ymd_opt(2025, 4, 25);
    let update_context = AdobeUpdateContext {
        status: [None, Some("1000"), Some("1004"), Some("1009")]
            .get(usize::from(flags & 3))
            .copied()
            .flatten(),
        auto_renewal_enabled: pick(2),
        license_type: context.license_type,
        today: NaiveDate::from_ymd_opt(2025, 4, 22 + u32::from(flags & 1)),
        anniversary_date: anniversary,
    };
    let report = validate_subscription_update_bytes(rest, &update_context);
    resolve(&report.violations);
    let built = build_subscription_update_bytes(rest, &options, &update_context);
    let envelope = br#"{"customerId":"P1005238564","subscriptionId":"ba1b3b5c4e4c4f2d9f3a"}"#;
    let forwarded = forward_subscription_update_bytes(rest, envelope, &options, &update_context);
    let shown = format!(
        "{built:?} {forwarded:?} {:?} {:?} {:?}",
        adobe_update_errors(&report.violations),
        adobe_update_errors(&built.report.violations),
        adobe_update_errors(&forwarded.report.violations)
    );
    assert!(
        !shown.contains(TOKEN) && !shown.contains(KEY),
        "a secret leaked"
    );
});
