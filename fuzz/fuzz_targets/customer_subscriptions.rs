//! The customer_subscriptions validator and builder on arbitrary JSON text.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    common::fuzz_resource(subkit::Resource::CustomerSubscriptions, data);
});
