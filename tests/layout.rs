//! Which modules of src/ may import which: dependencies point one way, from the vendor
//! modules (commercelayer/, adobe/) down to the shared ones, never back up or across.
//!
//! Every `crate::` path of every source file is read (doc comments aside: a link in
//! the docs is not a dependency of the code), `use crate::{a, b::{c, d}}` groups
//! included, and checked against [`RULES`]. A file at the top of its module (`src/x.rs`,
//! `src/x/mod.rs`) reaching the crate root with `super::`, or one below it with
//! `super::super::`, is read as `crate::` too, so that spelling cannot slip past.
//! Inside a module, [`ONE_WAY`] names pairs of files that must not import each other
//! (the lower one never imports the upper one); for those, `super::` paths between
//! siblings are read as well.
#![cfg(not(target_arch = "wasm32"))]
#![allow(
    clippy::unwrap_used,
    clippy::indexing_slicing,
    clippy::panic,
    clippy::arithmetic_side_effects
)]

use std::collections::BTreeSet;
use std::fs;
use std::path::Path;

/// For each top-level module of src/: the top-level modules it must not import.
/// `lib` and `wasm` put the others together and may import anything.
const RULES: &[(&str, &[&str])] = &[
    ("lib", &[]),
    ("wasm", &[]),
    // What std would give the package's module: it imports nothing (LEAVES).
    ("bare", &[]),
    // The rules as data: it reads every table, and no module reads it.
    ("manifest", &[]),
    // The rules as JSON Schema: it reads the specs and tables of both vendors and the
    // formats, and only the manifest (its coverage table) reads it.
    ("json_schema", &["report", "manifest"]),
    // The two vendors never lean on each other: what both need goes to check/.
    ("commercelayer", &["adobe", "report"]),
    ("adobe", &["commercelayer", "report"]),
    // check reads dates with schedule::instant (see ALLOWED), so schedule importing
    // check would close a cycle. report is the JS shape of schedule's answers: the
    // engine answers in Rust types and knows nothing of it.
    ("schedule", &["commercelayer", "adobe", "check", "report"]),
    ("check", &["commercelayer", "adobe", "schedule", "report"]),
    // The JS-shaped answers about frequencies and runs, built from schedule alone.
    ("report", &["commercelayer", "adobe", "check"]),
    // Every module reports through error.rs, so it imports none of them:
    // Kind::Frequency holds its own copy of a frequency fault, not schedule's type.
    (
        "error",
        &["commercelayer", "adobe", "schedule", "check", "report"],
    ),
    // The English of every rule: error.rs fills its templates, and it imports nothing.
    (
        "words",
        &[
            "commercelayer",
            "adobe",
            "schedule",
            "check",
            "report",
            "error",
        ],
    ),
    (
        "pointer",
        &["commercelayer", "adobe", "schedule", "check", "report"],
    ),
    (
        "json",
        &["commercelayer", "adobe", "schedule", "check", "report"],
    ),
    (
        "http",
        &["commercelayer", "adobe", "schedule", "check", "report"],
    ),
];

/// Exceptions to [`RULES`]: (module, path prefix it may import after all).
/// `check::format` reads dates and date-times with schedule's ISO 8601 readers; that
/// module imports nothing from the crate (checked below), so nothing of a vendor can
/// reach check through it.
const ALLOWED: &[(&str, &str)] = &[("check", "schedule::instant")];

/// Files that import nothing from the crate at all.
const LEAVES: &[&str] = &["src/schedule/instant.rs", "src/bare.rs"];

/// Pairs of files inside one module that must not import each other: (lower, upper),
/// where the upper one builds on the lower one, which must not import it back.
/// `describe.rs` puts the parsed `Cron` into words, so the parser cannot lean on it:
/// it reports why an expression never fires as facts (`NeverFiresReason`), which a
/// template of `words::SCHEDULE` writes out.
const ONE_WAY: &[(&str, &str)] = &[("src/schedule/cron.rs", "src/schedule/describe.rs")];

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every `.rs` file under `dir`, as paths relative to the crate root.
fn sources(dir: &Path, out: &mut Vec<String>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let rel = path.strip_prefix(root()).unwrap();
            out.push(rel.to_string_lossy().replace('\\', "/"));
        }
    }
}

/// The top-level module a file belongs to: `src/adobe/body.rs` -> `adobe`.
fn module_of(file: &str) -> &str {
    let rest = file.strip_prefix("src/").unwrap();
    let first = rest.split('/').next().unwrap();
    first.strip_suffix(".rs").unwrap_or(first)
}

/// The names of the top-level modules, from the files and folders of src/.
fn top_level_modules() -> BTreeSet<String> {
    fs::read_dir(root().join("src"))
        .unwrap()
        .map(|e| {
            let name = e.unwrap().file_name().into_string().unwrap();
            name.strip_suffix(".rs").unwrap_or(&name).to_owned()
        })
        .collect()
}

/// The code of a file without its comment lines (`//`, `///`, `//!`).
fn code(text: &str) -> String {
    text.lines()
        .filter(|l| !l.trim_start().starts_with("//"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn is_ident(c: char) -> bool {
    c.is_alphanumeric() || c == '_'
}

/// The length of the whitespace at the start of `s`.
fn blank(s: &str) -> usize {
    s.len() - s.trim_start().len()
}

/// Reads a path tree at the start of `s` (just after `crate::`): `a::b`, `a::b as c`,
/// `a::{b, c::{d}}`, `*`, with `self` in a group naming the group's prefix. Pushes each
/// full path, joined with `::`, onto `out`, and returns how many bytes it read.
fn read_tree(s: &str, prefix: &str, out: &mut Vec<String>) -> usize {
    let mut path = prefix.to_owned();
    let mut i = blank(s);
    loop {
        if s[i..].starts_with('{') {
            i += 1;
            loop {
                i += blank(&s[i..]);
                if s[i..].is_empty() {
                    return i;
                }
                if s[i..].starts_with('}') {
                    return i + 1;
                }
                i += read_tree(&s[i..], &path, out);
                i += blank(&s[i..]);
                if s[i..].starts_with(',') {
                    i += 1;
                } else if !s[i..].starts_with('}') {
                    // Not a use tree after all; stop rather than misread.
                    return i;
                }
            }
        }
        let len = s[i..]
            .find(|c: char| !(is_ident(c) || c == '*'))
            .unwrap_or(s.len() - i);
        let segment = &s[i..i + len];
        i += len;
        // `a::{self, b}` names `a` itself.
        if segment != "self" && !segment.is_empty() {
            if !path.is_empty() {
                path.push_str("::");
            }
            path.push_str(segment);
        }
        if s[i..].starts_with("::") {
            i += 2;
            continue;
        }
        out.push(path);
        // A rename is not part of the path.
        let ws = blank(&s[i..]);
        if let Some(rest) = s[i + ws..].strip_prefix("as") {
            if rest.starts_with(char::is_whitespace) {
                i += ws + 2;
                i += blank(&s[i..]);
                i += s[i..].find(|c: char| !is_ident(c)).unwrap_or(s.len() - i);
            }
        }
        return i;
    }
}

/// The path trees after each `needle` of `code` that starts a path (`super::` inside
/// `super::super::` or `crate::` inside `subcrate::` does not), read by [`read_tree`].
fn trees_after(code: &str, needle: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut from = 0;
    while let Some(found) = code[from..].find(needle) {
        let at = from + found;
        from = at + needle.len();
        let before = code[..at].chars().next_back();
        if before.is_some_and(|c| is_ident(c) || c == ':') {
            // Part of a longer path (`super::super::` holds `super::`), or an
            // identifier that ends in `crate`.
            continue;
        }
        if needle == "super::" && code[from..].starts_with("super::") {
            continue;
        }
        read_tree(&code[from..], "", &mut out);
    }
    out
}

/// Every crate path `code` names, as `a::b::c` (without `crate::`). `super::` reaching
/// the crate root is counted when `root_super` (a `src/x.rs` or `src/x/mod.rs` file)
/// and `super::super::` always.
fn crate_paths(code: &str, root_super: bool, modules: &BTreeSet<String>) -> Vec<String> {
    let mut out = Vec::new();
    let mut starts = vec!["crate::", "super::super::"];
    if root_super {
        starts.push("super::");
    }
    for needle in starts {
        for p in trees_after(code, needle) {
            let first = p.split("::").next().unwrap_or_default();
            // `super::` in a module's own `mod tests` names the module, not the
            // root: only a top-level module name after it leaves the module.
            if needle != "crate::" && !modules.contains(first) {
                continue;
            }
            out.push(p);
        }
    }
    out
}

/// The module path of a file: `src/schedule/cron.rs` is `schedule::cron`,
/// `src/adobe/mod.rs` is `adobe`.
fn module_path(file: &str) -> String {
    let rest = file.strip_prefix("src/").unwrap();
    let rest = rest.strip_suffix("/mod.rs").unwrap_or(rest);
    rest.strip_suffix(".rs").unwrap_or(rest).replace('/', "::")
}

/// The paths a file below the top of its module names through `super::`, made full:
/// in `src/schedule/cron.rs`, `super::describe::join` is `schedule::describe::join`.
/// (A file at the top of its module reaches the crate root that way, which
/// [`crate_paths`] reads.)
fn sibling_paths(code: &str, file: &str) -> Vec<String> {
    if file.ends_with("/mod.rs") {
        return Vec::new();
    }
    let path = module_path(file);
    let Some((parent, _)) = path.rsplit_once("::") else {
        return Vec::new();
    };
    trees_after(code, "super::")
        .into_iter()
        .map(|p| format!("{parent}::{p}"))
        .collect()
}

/// The imports of `file` that [`ONE_WAY`] forbids: any path into the upper file of a
/// pair whose lower file it is, spelt with `crate::` or `super::`.
fn one_way_faults(file: &str, code: &str, modules: &BTreeSet<String>) -> Vec<String> {
    let root_super = file.matches('/').count() == 1 || file.ends_with("/mod.rs");
    let mut paths = crate_paths(code, root_super, modules);
    paths.extend(sibling_paths(code, file));
    let mut out = Vec::new();
    for (lower, upper) in ONE_WAY.iter().filter(|(lower, _)| *lower == file) {
        let target = module_path(upper);
        for path in &paths {
            if *path == target || path.starts_with(&format!("{target}::")) {
                out.push(format!(
                    "{file} imports crate::{path}: {upper} builds on {lower}, so {lower} must not import it"
                ));
            }
        }
    }
    out
}

/// Every import of `file` that [`RULES`], [`ALLOWED`], [`LEAVES`] or [`ONE_WAY`] forbid,
/// as a message.
fn faults(file: &str, text: &str, modules: &BTreeSet<String>) -> Vec<String> {
    let module = module_of(file);
    let Some((_, forbidden)) = RULES.iter().find(|(m, _)| *m == module) else {
        return vec![format!(
            "{file}: module `{module}` has no entry in tests/layout.rs RULES; say what it may import"
        )];
    };
    let root_super = file.matches('/').count() == 1 || file.ends_with("/mod.rs");
    let mut out = Vec::new();
    for path in crate_paths(&code(text), root_super, modules) {
        let target = path.split("::").next().unwrap_or_default();
        // lib.rs's `prelude` is alloc's types under std's prelude names, not a module of
        // the crate's rules: every file may take it.
        if target == "prelude" {
            continue;
        }
        if LEAVES.contains(&file) {
            out.push(format!(
                "{file} imports crate::{path}: this file must import nothing from the crate"
            ));
            continue;
        }
        let allowed = ALLOWED.iter().any(|(m, prefix)| {
            *m == module && (path == *prefix || path.starts_with(&format!("{prefix}::")))
        });
        if forbidden.contains(&target) && !allowed {
            out.push(format!(
                "{file} imports crate::{path}: {module} must not import {target}"
            ));
        }
    }
    out.extend(one_way_faults(file, &code(text), modules));
    out
}

#[test]
fn every_import_points_the_allowed_way() {
    let modules = top_level_modules();
    for m in &modules {
        assert!(
            RULES.iter().any(|(r, _)| r == m),
            "src/{m}: a top-level module with no entry in tests/layout.rs RULES"
        );
    }
    let mut files = Vec::new();
    sources(&root().join("src"), &mut files);
    files.sort();
    let mut all = Vec::new();
    for file in &files {
        let text = fs::read_to_string(root().join(file)).unwrap();
        all.extend(faults(file, &text, &modules));
    }
    assert!(
        all.is_empty(),
        "imports against the layout rules:\n{}",
        all.join("\n")
    );
    for leaf in LEAVES {
        assert!(
            files.iter().any(|f| f == leaf),
            "{leaf} is gone; update LEAVES"
        );
    }
    for file in ONE_WAY.iter().flat_map(|(a, b)| [a, b]) {
        assert!(
            files.iter().any(|f| f == file),
            "{file} is gone; update ONE_WAY"
        );
    }
}

#[test]
fn the_reader_sees_every_spelling() {
    let modules: BTreeSet<String> = ["commercelayer", "adobe", "schedule", "check", "error"]
        .map(str::to_owned)
        .into();
    let code = "use crate::error::{JsonType, Kind};\n\
        use crate::{commercelayer::document, schedule::{instant, Frequency as F}};\n\
        use crate::check::values::{self, expect_object};\n\
        let x = crate::adobe::body::X;\n\
        let y = subcrate::commercelayer::not_a_path;\n\
        use super::super::commercelayer::spec;\n\
        use super::*;";
    let paths = crate_paths(code, false, &modules);
    assert_eq!(
        paths,
        [
            "error::JsonType",
            "error::Kind",
            "commercelayer::document",
            "schedule::instant",
            "schedule::Frequency",
            "check::values",
            "check::values::expect_object",
            "adobe::body::X",
            "commercelayer::spec",
        ]
    );
    // In src/x.rs, `super::adobe` reaches the root; `super::*` (a `mod tests`) does not.
    assert_eq!(
        crate_paths("use super::adobe::body;\nuse super::*;", true, &modules),
        ["adobe::body"]
    );
    let faults = faults(
        "src/check/format.rs",
        "use crate::schedule::instant;\nuse crate::schedule::Frequency;\nuse crate::commercelayer::x;",
        &modules,
    );
    assert_eq!(
        faults,
        [
            "src/check/format.rs imports crate::schedule::Frequency: check must not import schedule",
            "src/check/format.rs imports crate::commercelayer::x: check must not import commercelayer",
        ]
    );
    // The lower file of a pair, in every spelling; the upper one may import it, and
    // a third file of the module is not the rule's concern.
    let one_way = |file: &str, code: &str| one_way_faults(file, code, &modules);
    let because = "src/schedule/describe.rs builds on src/schedule/cron.rs, \
                   so src/schedule/cron.rs must not import it";
    assert_eq!(
        one_way(
            "src/schedule/cron.rs",
            "use super::describe::{join, MONTHS};\nuse super::error::X;\n\
             fn f() { crate::schedule::describe::x(); super::super::schedule::describe::y() }"
        ),
        [
            format!("src/schedule/cron.rs imports crate::schedule::describe::x: {because}"),
            format!("src/schedule/cron.rs imports crate::schedule::describe::y: {because}"),
            format!("src/schedule/cron.rs imports crate::schedule::describe::join: {because}"),
            format!("src/schedule/cron.rs imports crate::schedule::describe::MONTHS: {because}"),
        ]
    );
    assert!(one_way("src/schedule/describe.rs", "use super::cron::Cron;").is_empty());
    assert!(one_way("src/schedule/search.rs", "use super::describe::join;").is_empty());
    assert_eq!(module_path("src/adobe/mod.rs"), "adobe");
    assert_eq!(module_path("src/schedule/cron.rs"), "schedule::cron");
}
