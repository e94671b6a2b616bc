//! Architecture invariants that a reviewer would otherwise have to remember.

use std::path::{Path, PathBuf};

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The core knows nothing of the protocol: protocol types live in `src/lsp/` only.
#[test]
fn protocol_types_stay_in_the_lsp_adapter() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let mut leaks = Vec::new();
    for file in files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        if rel.starts_with("lsp/") {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        for needle in ["tower_lsp_server", "ls_types", "lsp_types", "gen_lsp_types"] {
            if text.contains(needle) {
                leaks.push(format!("src/{rel}: {needle}"));
            }
        }
    }
    assert!(leaks.is_empty(), "protocol types outside src/lsp/: {leaks:?}");
}

/// The server writes JSON-RPC on stdout: nothing else in the library may print there.
#[test]
fn library_code_does_not_print_to_stdout() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    for file in files {
        let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
        if rel.starts_with("cli/") || rel == "main.rs" {
            continue;
        }
        let text = std::fs::read_to_string(&file).unwrap();
        assert!(!text.contains("println!(") && !text.contains("print!("), "src/{rel} prints to stdout");
    }
}

/// Every `.rs` file under `src/`, with its path relative to `src/` and its
/// text without `#[cfg(test)]` modules (tests may reach anywhere).
fn sources() -> Vec<(String, String)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let rel = file.strip_prefix(&src).unwrap().to_string_lossy().replace('\\', "/");
            let text = std::fs::read_to_string(&file).unwrap();
            let code = text.split("#[cfg(test)]").next().unwrap().to_string();
            (rel, code)
        })
        .collect()
}

/// Nothing in `src/` is marked as a stopgap to be replaced.
#[test]
fn no_temporary_code() {
    let marked: Vec<String> =
        sources().into_iter().filter(|(_, text)| text.contains("TEMPORARY")).map(|(rel, _)| rel).collect();
    assert!(marked.is_empty(), "TEMPORARY in {marked:?}");
}

/// `src/lsp/` converts and nothing more: it builds no index, runs no
/// analysis or engine of its own, and finds no files but through the loader.
#[test]
fn the_server_asks_ide_and_loads_with_the_cli_loader() {
    let forbidden = [
        "Index::build",
        "Frozen::build",
        "Navigation::build",
        "nav::sites",
        "analysis::analyze",
        "engine::apply",
        "engine::consolidate",
        "workspace::discover",
        "config::find",
        "config::parse",
    ];
    let mut found = Vec::new();
    for (rel, text) in sources().into_iter().filter(|(rel, _)| rel.starts_with("lsp/")) {
        for needle in forbidden {
            if text.contains(needle) {
                found.push(format!("src/{rel}: {needle}"));
            }
        }
    }
    assert!(found.is_empty(), "src/lsp/ does the core's work: {found:?}");
    let server = sources().into_iter().find(|(rel, _)| rel == "lsp/server.rs").unwrap().1;
    assert!(server.contains("crate::loader::layout("), "the server finds its files with loader::layout");
}

/// No two top-level modules of `src/` use each other (directly): the
/// layers stay a layering.
#[test]
fn no_import_circle_between_modules() {
    use std::collections::{BTreeMap, BTreeSet};
    let mut uses: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (rel, text) in sources() {
        let module = rel.split('/').next().unwrap().trim_end_matches(".rs").to_string();
        let entry = uses.entry(module.clone()).or_default();
        for part in text.split("crate::").skip(1) {
            let used: String = part.chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
            if !used.is_empty() && used != module {
                entry.insert(used);
            }
        }
    }
    let mut circles = Vec::new();
    for (a, used) in &uses {
        for b in used {
            if a < b && uses.get(b).is_some_and(|u| u.contains(a)) {
                circles.push(format!("{a} <-> {b}"));
            }
        }
    }
    assert!(circles.is_empty(), "modules that use each other: {circles:?}");
}
