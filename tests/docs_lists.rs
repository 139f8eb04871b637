//! Lists in the docs and the types that mirror the code are checked against the code,
//! so none of them can drift: modules, JS exports, rule codes, Adobe and frequency
//! error codes, and which documents run their Rust examples as doctests.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::expect_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

use subkit::Code;

fn read(path: &str) -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    fs::read_to_string(root.join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn set<'a>(items: impl IntoIterator<Item = &'a str>) -> BTreeSet<String> {
    items.into_iter().map(str::to_owned).collect()
}

/// Every `` `name` `` that starts a Markdown table row (the first cell), in a section.
fn first_cells(markdown: &str, heading: &str) -> BTreeSet<String> {
    let section = section(markdown, heading);
    section
        .lines()
        .filter_map(|l| l.strip_prefix("| `"))
        .filter_map(|l| l.split('`').next())
        .map(str::to_owned)
        .collect()
}

/// The text under `heading` (a whole heading line) up to the next heading of any level.
fn section<'a>(markdown: &'a str, heading: &str) -> &'a str {
    let start = markdown
        .find(&format!("\n{heading}\n"))
        .unwrap_or_else(|| panic!("no heading {heading:?}"));
    let rest = &markdown[start + heading.len() + 2..];
    let end = rest.find("\n#").unwrap_or(rest.len());
    &rest[..end]
}

/// The string members of a TypeScript union `export type Name = | "a" | "b";`.
fn ts_union(dts: &str, name: &str) -> BTreeSet<String> {
    let start = dts
        .find(&format!("export type {name} ="))
        .unwrap_or_else(|| panic!("no type {name}"));
    let body = &dts[start..];
    let body = &body[..body.find(';').unwrap()];
    body.split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The identifier (letters, digits, `_`) right after each occurrence of `needle`.
fn after_each(text: &str, needle: &str) -> BTreeSet<String> {
    text.match_indices(needle)
        .map(|(i, _)| {
            let rest = &text[i + needle.len()..];
            rest.chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect()
        })
        .collect()
}

#[test]
fn lib_rs_names_every_module() {
    let lib = read("src/lib.rs");
    let declared = after_each(&lib, "pub mod ");
    let docs = section(&lib.replace("//! ", "").replace("//!", ""), "# Modules").to_owned();
    let listed: BTreeSet<String> = docs
        .lines()
        .filter_map(|l| l.strip_prefix("- [`").or_else(|| l.strip_prefix("- `")))
        .map(|l| l.split('`').next().unwrap().to_owned())
        .collect();
    assert_eq!(
        listed, declared,
        "src/lib.rs: the # Modules list against the pub mods"
    );
}

/// The text of every file of the binding, src/wasm/, in name order.
fn binding_sources() -> Vec<(String, String)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/wasm");
    let mut names: Vec<String> = fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .filter(|n| n.ends_with(".rs"))
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|n| {
            let path = format!("src/wasm/{n}");
            let text = read(&path);
            (path, text)
        })
        .collect()
}

#[test]
fn js_exports_agree_in_binding_types_and_readme() {
    // An export in any file of the binding counts, wherever it was put. Every one is
    // the package's own (`_name`): the JS functions reach the module through the family
    // exports, which take the function's name.
    let sources = binding_sources();
    let own: BTreeSet<String> = sources
        .iter()
        .flat_map(|(_, text)| after_each(text, "#[wasm_bindgen(js_name = "))
        .collect();
    assert!(own.iter().all(|name| name.starts_with('_')), "{own:?}");
    // The families and their functions, as pkg/args.js lists them (`FAMILIES`).
    let args_js = read("pkg/args.js");
    let families = &args_js[args_js.find("export const FAMILIES = {").unwrap()..];
    let families = &families[..families.find("\n};").unwrap()];
    let family_names: BTreeSet<String> = families
        .lines()
        .filter_map(|l| l.strip_prefix("  _"))
        .map(|l| format!("_{}", l.split(':').next().unwrap()))
        .collect();
    assert_eq!(family_names.len(), 3, "{family_names:?}");
    let exported: BTreeSet<String> = families
        .split("functions: [")
        .skip(1)
        .flat_map(|list| {
            list[..list.find(']').unwrap()]
                .split(',')
                .map(|n| n.trim().trim_matches('"').to_owned())
                .filter(|n| !n.is_empty())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(exported.len() >= 10, "{exported:?}");
    // The names the module's family exports answer to: their match arms.
    let exports_rs = read("src/wasm/exports.rs");
    let dispatched: BTreeSet<String> = exports_rs
        .split("\n        \"")
        .skip(1)
        .filter_map(|rest| rest.split_once("\" =>").map(|(name, _)| name.to_owned()))
        .collect();
    assert_eq!(
        dispatched, exported,
        "src/wasm/exports.rs: the functions its families answer to, against pkg/args.js"
    );
    // The package's own exports are the ones its JS calls (`glue._name(` in pkg/, a
    // family of args.js, or imported from the glue by name), and `_trap`, which only
    // tests/js/renew.test.mjs calls.
    let package: String = ["fast.js", "api.js", "ready.js"]
        .iter()
        .map(|f| read(&format!("pkg/{f}")))
        .collect();
    let mut called: BTreeSet<String> = package
        .split("glue._")
        .skip(1)
        .map(|rest| format!("_{}", rest.split('(').next().unwrap()))
        .collect();
    called.extend(family_names);
    for name in &own {
        if package.contains(&format!("{name} }}")) || package.contains(&format!("{name},")) {
            called.insert(name.clone());
        }
    }
    if read("tests/js/renew.test.mjs").contains("glue._trap()") {
        called.insert("_trap".to_owned());
    }
    assert_eq!(called, own, "the package's own exports its JS calls");
    let module = read("src/wasm/mod.rs");
    let doc: String = module
        .lines()
        .take_while(|l| l.starts_with("//!"))
        .collect::<Vec<_>>()
        .join(" ");
    let entry_points =
        &doc[doc.find("Entry points").unwrap()..doc.find("No rule lives here").unwrap()];
    let documented: BTreeSet<String> = entry_points
        .split('`')
        .skip(1)
        .step_by(2)
        .map(|call| call.split('(').next().unwrap().to_owned())
        .collect();
    assert_eq!(
        documented, exported,
        "src/wasm/mod.rs: the entry points its docs name"
    );

    // mod.rs re-exports every public function of exports.rs (what tests/wasm_api.rs
    // calls).
    let functions = after_each(&exports_rs, "\npub fn ");
    let list = &module[module.find("pub use exports::{").unwrap()..];
    let list = &list["pub use exports::{".len()..list.find('}').unwrap()];
    let listed: BTreeSet<String> = list
        .split(',')
        .map(|name| name.trim().to_owned())
        .filter(|name| !name.is_empty())
        .collect();
    assert_eq!(
        listed, functions,
        "src/wasm/mod.rs: the exports its `pub use exports::{{...}}` lists"
    );

    // The functions pkg/api.js writes in JS, over what the module exports: the schemas,
    // flatten and the language, and init, which each entry point defines.
    let api_js = read("pkg/api.js");
    let mut api = exported.clone();
    api.insert("init".to_owned());
    api.extend(after_each(&api_js, "export function "));
    for list in api_js.split("export { ").skip(1) {
        let names = &list[..list.find('}').unwrap()];
        api.extend(
            names
                .split(',')
                .map(|n| n.trim().to_owned())
                .filter(|n| !n.is_empty()),
        );
    }
    let dts = read("pkg/index.d.ts");
    let typed = after_each(&dts, "export function ");
    assert_eq!(typed, api, "pkg/index.d.ts: the functions it declares");

    let readme = read("README.md");
    let table = first_cells(&readme, "## JavaScript API")
        .into_iter()
        .map(|f| f.split('(').next().unwrap().to_owned())
        .collect::<BTreeSet<_>>();
    assert_eq!(table, api, "README.md: the JavaScript API table");
}

#[test]
fn rule_codes_agree_in_code_docs_and_types() {
    let codes = set(Code::ALL.iter().map(|c| c.as_str()));
    assert_eq!(Code::ALL.len(), codes.len(), "Code::ALL has no repeats");
    let documented = first_cells(&read("docs/errors.md"), "## Rule codes");
    assert_eq!(documented, codes, "docs/errors.md: the rule code table");

    let dts = read("pkg/index.d.ts");
    let typed = ts_union(&dts, "RuleCode");
    assert_eq!(typed, codes, "pkg/index.d.ts: RuleCode");
}

#[test]
fn commerce_layer_error_codes_agree_in_code_and_types() {
    use subkit::commercelayer::jsonapi_errors::ErrorCode;
    let codes = set(ErrorCode::ALL.iter().map(|c| c.as_str()));
    assert_eq!(
        ErrorCode::ALL.len(),
        codes.len(),
        "ErrorCode::ALL has no repeats"
    );
    let typed = ts_union(&read("pkg/index.d.ts"), "CommerceLayerErrorCode");
    assert_eq!(typed, codes, "pkg/index.d.ts: CommerceLayerErrorCode");
}

#[test]
fn adobe_error_codes_agree_in_code_docs_and_types() {
    let mapped = set(subkit::adobe::errors::CODES
        .iter()
        .map(|(code, _, _)| *code));
    assert!(mapped.len() >= 9, "{mapped:?}");
    let docs = section(&read("docs/adobe.md"), "## Errors").to_owned();
    let documented: BTreeSet<String> = docs
        .lines()
        .filter(|l| l.starts_with('|'))
        .flat_map(|l| {
            l.split('|')
                .nth(2)
                .unwrap_or("")
                .split(" / ")
                .map(str::to_owned)
                .collect::<Vec<_>>()
        })
        .filter_map(|cell| {
            let code = cell.trim().split(' ').next().unwrap_or("").to_owned();
            (code.len() == 4 && code.bytes().all(|b| b.is_ascii_digit())).then_some(code)
        })
        .collect();
    assert_eq!(documented, mapped, "docs/adobe.md: the Errors table");
    assert_eq!(
        ts_union(&read("pkg/index.d.ts"), "AdobeErrorCode"),
        mapped,
        "pkg/index.d.ts: AdobeErrorCode"
    );
}

#[test]
fn frequency_error_codes_agree_in_code_docs_and_types() {
    let codes = set(subkit::schedule::FrequencyError::CODES.iter().copied());
    assert_eq!(
        codes.len(),
        subkit::schedule::FrequencyError::CODES.len(),
        "no repeats"
    );
    let documented = first_cells(&read("docs/frequencies.md"), "## Frequency errors");
    assert_eq!(
        documented, codes,
        "docs/frequencies.md: the frequency error table"
    );
    assert_eq!(
        ts_union(&read("pkg/index.d.ts"), "FrequencyErrorCode"),
        codes,
        "pkg/index.d.ts: FrequencyErrorCode"
    );
}

#[test]
fn every_document_with_rust_examples_is_doctested() {
    let sources: String = [
        "src/lib.rs",
        "src/error.rs",
        "src/commercelayer/mod.rs",
        "src/schedule/mod.rs",
        "src/adobe/mod.rs",
    ]
    .iter()
    .map(|p| read(p))
    .collect();
    let mut docs = vec!["README.md".to_owned()];
    for entry in fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs")).unwrap() {
        let name = entry.unwrap().file_name().into_string().unwrap();
        docs.push(format!("docs/{name}"));
    }
    for doc in docs {
        if read(&doc).contains("```rust") {
            let file = doc.rsplit('/').next().unwrap();
            assert!(
                sources.contains(&format!("{file}\")]")),
                "{doc} has Rust examples but no module includes it with #![doc = include_str!(...)]"
            );
        }
    }
}

#[test]
fn contributing_layout_names_real_paths_and_every_source_file() {
    let contributing = read("CONTRIBUTING.md");
    let layout = section(&contributing, "## Layout");
    let block = &layout[layout.find("```text").unwrap()..];
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut named = BTreeSet::new();
    for line in block.lines().skip(1).take_while(|l| !l.starts_with("```")) {
        let path = line.split_whitespace().next().unwrap_or("");
        if path.contains('/') && !line.starts_with(' ') {
            assert!(
                root.join(path).exists(),
                "CONTRIBUTING.md names {path}, which does not exist"
            );
            named.insert(path.to_owned());
        }
    }
    for entry in fs::read_dir(root.join("src")).unwrap() {
        let entry = entry.unwrap();
        let name = entry.file_name().into_string().unwrap();
        let path = if entry.path().is_dir() {
            format!("src/{name}/")
        } else {
            format!("src/{name}")
        };
        assert!(
            named.contains(&path),
            "CONTRIBUTING.md's layout leaves out {path}"
        );
    }
}

/// The names in backticks in `cell`, up to a parenthesis (prose after the list).
fn backticked(cell: &str) -> BTreeSet<String> {
    let list = cell.split('(').next().unwrap_or_default();
    list.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// The rows of the Markdown table in `section`: its cells, header and rule left out.
fn table_rows(section: &str) -> Vec<Vec<String>> {
    section
        .lines()
        .filter(|l| l.starts_with('|') && !l.starts_with("|---"))
        .skip(1)
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_owned())
                .collect()
        })
        .collect()
}

#[test]
fn manifest_json_is_fresh() {
    let committed: serde_json::Value = serde_json::from_str(&read("docs/manifest.json")).unwrap();
    assert!(
        committed == subkit::manifest::manifest(),
        "docs/manifest.json is stale: run `cargo run --example manifest > docs/manifest.json`"
    );
}

#[test]
fn update_access_and_trigger_tables_agree_with_the_manifest() {
    let manifest = subkit::manifest::manifest();
    let resources = manifest["commercelayer"]["resources"].as_object().unwrap();
    let members = |resource: &str, access: &[&str]| -> BTreeSet<String> {
        let r = &resources[resource];
        ["attributes", "relationships"]
            .iter()
            .flat_map(|kind| r[kind].as_array().unwrap())
            .filter(|m| access.contains(&m["access"].as_str().unwrap()))
            .map(|m| m["name"].as_str().unwrap().to_owned())
            .collect()
    };
    let markdown = read("docs/commercelayer.md");
    let updates = section(&markdown, "## Updates");
    let rows = table_rows(updates);
    let named: BTreeSet<String> = rows.iter().flat_map(|r| backticked(&r[0])).collect();
    assert_eq!(
        named,
        set(resources.keys().map(String::as_str)),
        "every resource has a row"
    );
    for row in &rows {
        let resource = backticked(&row[0]).into_iter().next().unwrap();
        assert_eq!(
            backticked(&row[1]),
            members(&resource, &["create"]),
            "{resource}: creatable only"
        );
        assert_eq!(
            backticked(&row[2]),
            members(&resource, &["update", "trigger"]),
            "{resource}: updatable only"
        );
    }

    let triggers = section(&markdown, "### Triggers and statuses");
    let mut documented = BTreeSet::new();
    for row in table_rows(triggers) {
        for trigger in backticked(&row[0]) {
            let found = resources
                .values()
                .flat_map(|r| r["attributes"].as_array().unwrap())
                .find(|a| a["name"] == trigger.as_str() && a["access"] == "trigger")
                .unwrap_or_else(|| panic!("{trigger} is no trigger in the manifest"));
            let refused = found["refusedIn"].as_array().unwrap();
            assert_eq!(
                backticked(&row[1]),
                set(refused.iter().map(|s| s.as_str().unwrap())),
                "{trigger}"
            );
            documented.insert(trigger);
        }
    }
    let all: BTreeSet<String> = resources
        .keys()
        .flat_map(|r| members(r, &["trigger"]))
        .collect();
    assert_eq!(documented, all, "every trigger has a row");
}

// The JSON Schemas and the OpenAPI document the package ships are what
// subkit::json_schema writes now, and there is no other file among them.
#[test]
fn shipped_schemas_are_fresh() {
    let stale = "pkg/schemas/ or pkg/openapi.json is stale: run `cargo run --example schemas`";
    let all = subkit::json_schema::all();
    let mut files: Vec<String> =
        std::fs::read_dir(format!("{}/pkg/schemas", env!("CARGO_MANIFEST_DIR")))
            .expect(stale)
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .collect();
    files.sort();
    let mut names: Vec<String> = all.iter().map(|(n, _)| format!("{n}.json")).collect();
    names.sort();
    assert_eq!(files, names, "{stale}");
    for (name, schema) in all {
        let committed: serde_json::Value =
            serde_json::from_str(&read(&format!("pkg/schemas/{name}.json"))).expect(stale);
        assert!(committed == schema, "{stale} ({name})");
    }
    let openapi: serde_json::Value = serde_json::from_str(&read("pkg/openapi.json")).expect(stale);
    assert!(openapi == subkit::json_schema::openapi(), "{stale}");
}
