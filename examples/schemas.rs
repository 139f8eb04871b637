//! Writes the JSON Schemas and the OpenAPI document the package ships, from
//! `subkit::json_schema`: `cargo run --example schemas` writes pkg/schemas/<name>.json
//! (one per schema, draft 2020-12) and pkg/openapi.json (OpenAPI 3.1), which
//! tests/docs_lists.rs checks as fresh.

use std::fs;
use std::path::Path;

fn write(path: &Path, value: &serde_json::Value) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    fs::write(path, format!("{text}\n"))
}

fn main() -> std::io::Result<()> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("pkg");
    let dir = root.join("schemas");
    // Written anew, so a schema no longer made does not linger.
    if dir.exists() {
        fs::remove_dir_all(&dir)?;
    }
    fs::create_dir_all(&dir)?;
    for (name, schema) in subkit::json_schema::all() {
        write(&dir.join(format!("{name}.json")), &schema)?;
    }
    write(&root.join("openapi.json"), &subkit::json_schema::openapi())
}
