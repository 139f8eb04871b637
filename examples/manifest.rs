//! Prints subkit's manifest (`subkit::manifest::manifest()`), the rules as JSON:
//! `cargo run --example manifest > docs/manifest.json` writes the committed copy that
//! tests/docs_lists.rs checks as fresh.

fn main() {
    let text = serde_json::to_string_pretty(&subkit::manifest::manifest()).unwrap_or_default();
    println!("{text}");
}
