//! JSON text as bytes, as a request body arrives: read by the parser, then checked
//! as every resource.
#![no_main]

mod common;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    match subkit::json::parse_bytes(data) {
        Ok(doc) => {
            for resource in subkit::Resource::ALL {
                common::check_resource(*resource, &doc);
            }
        }
        Err(v) => assert!(matches!(v.code().as_str(), "invalid_json" | "too_large")),
    }
});
