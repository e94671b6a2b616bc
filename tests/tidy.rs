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
