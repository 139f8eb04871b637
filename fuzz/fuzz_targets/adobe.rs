//! The Adobe VIP Marketplace validators and builders (create and update) on arbitrary
//! JSON text; the first byte picks the caller's context. Credentials given as options never appear in the
//! errors.
#![no_main]

mod common;

use chrono::NaiveDate;
use subkit::adobe::errors::{adobe_errors, adobe_update_errors};
use subkit::adobe::{
    build_subscription_request, build_subscription_update, validate_subscription_request,
    validate_subscription_update, AdobeContext, AdobeRequestOptions, AdobeUpdateContext,
    Environment, LicenseType,
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
    let Ok(request) = subkit::json::parse_bytes(rest) else {
        return;
    };
    let report = validate_subscription_request(&request, &context);
    common::invariants::assert_pointers_resolve(&request, &report.violations);
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
    let built = build_subscription_request(&request, &options, &context);
    let shown = format!("{built:?} {:?}", adobe_errors(&built.report.violations));
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
    let report = validate_subscription_update(&request, &update_context);
    common::invariants::assert_pointers_resolve(&request, &report.violations);
    let built = build_subscription_update(&request, &options, &update_context);
    let shown = format!(
        "{built:?} {:?} {:?}",
        adobe_update_errors(&report.violations),
        adobe_update_errors(&built.report.violations)
    );
    assert!(
        !shown.contains(TOKEN) && !shown.contains(KEY),
        "a secret leaked"
    );
});
