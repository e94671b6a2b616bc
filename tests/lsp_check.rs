//! The server publishes exactly what `zan check` prints: the shipped corpus
//! plus a file with errors, in English and in Russian.

use std::path::Path;

use crate::lsp_support::{Client, file_uri};
use serde_json::json;

/// (file name, line, column in characters, severity, code, message), 1-based.
type Row = (String, u32, u32, String, String, String);

fn cli(dir: &Path, lang: &str) -> Vec<Row> {
    let out = crate::zan_command().args(["check", "--message-lang", lang]).arg(dir).output().unwrap();
    let stdout = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<&str> = stdout.lines().collect();
    let mut rows = Vec::new();
    for (i, line) in lines.iter().enumerate() {
        let Some((head, message)) = line.split_once("]: ") else { continue };
        let Some((severity, code)) = head.split_once('[') else { continue };
        let location = lines[i + 1].trim_start().strip_prefix("--> ").unwrap();
        let mut parts = location.rsplitn(3, ':');
        let col = parts.next().unwrap().parse().unwrap();
        let line_no = parts.next().unwrap().parse().unwrap();
        let path = Path::new(parts.next().unwrap()).strip_prefix(dir).unwrap().display().to_string();
        let severity = match severity {
            "error" | "ошибка" => "error",
            _ => "warning",
        };
        rows.push((path, line_no, col, severity.into(), code.into(), message.into()));
    }
    rows
}

async fn server(dir: &Path, locale: &str) -> Vec<Row> {
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(dir), "locale": locale})).await;
    let errors = file_uri(&dir.join("errors.zan"));
    let first = c
        .wait_for(|m| {
            m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == errors.as_str()
        })
        .await;
    c.shutdown_keep().await;
    let mut rows = Vec::new();
    for msg in std::iter::once(first).chain(c.take_seen()) {
        if msg["method"] != "textDocument/publishDiagnostics" {
            continue;
        }
        let uri = msg["params"]["uri"].as_str().unwrap();
        let name = uri.strip_prefix(&format!("{}/", file_uri(dir))).unwrap().to_string();
        let text = std::fs::read_to_string(dir.join(&name)).unwrap();
        for d in msg["params"]["diagnostics"].as_array().unwrap() {
            let line = d["range"]["start"]["line"].as_u64().unwrap() as usize;
            let units = d["range"]["start"]["character"].as_u64().unwrap() as usize;
            // UTF-16 units to characters, on the line's own text.
            let line_text = text.lines().nth(line).unwrap();
            let mut col = 0;
            let mut seen = 0;
            for ch in line_text.chars() {
                if seen >= units {
                    break;
                }
                seen += ch.len_utf16();
                col += 1;
            }
            let severity = if d["severity"] == 1 { "error" } else { "warning" };
            rows.push((
                name.clone(),
                line as u32 + 1,
                col + 1,
                severity.into(),
                d["code"].as_str().unwrap().into(),
                d["message"].as_str().unwrap().into(),
            ));
        }
    }
    // Files in `zan check`'s order (by path); the server publishes them as
    // it goes.
    rows.sort_by(|a, b| a.0.cmp(&b.0));
    rows
}

#[tokio::test(flavor = "multi_thread")]
async fn server_diagnostics_equal_zan_check() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().canonicalize().unwrap();
    copy_dir(&root.join("corpus"), &dir.join("corpus"));
    std::fs::copy(root.join("tests/fixtures/lsp/errors.zan"), dir.join("errors.zan")).unwrap();
    for (lang, locale) in [("en", "en-US"), ("ru", "ru")] {
        let expected = cli(&dir, lang);
        // The fixture's 8, and the corpus's words quoted from summaries:
        // warnings here, since corpus/zan.toml is not this workspace's.
        let quoted = expected.iter().filter(|r| r.4 == "words-from-summary").count();
        assert_eq!((expected.len() - quoted, quoted > 0), (8, true), "{expected:?}");
        assert_eq!(server(&dir, locale).await, expected, "{lang}");
    }
}

/// Under a `zan.toml` that changes severities, allows a code and ignores a
/// folder, the server still publishes exactly what `zan check` prints.
#[tokio::test(flavor = "multi_thread")]
async fn server_honours_zan_toml_as_zan_check_does() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().canonicalize().unwrap();
    copy_dir(&root.join("corpus"), &dir.join("corpus"));
    std::fs::copy(root.join("tests/fixtures/lsp/errors.zan"), dir.join("errors.zan")).unwrap();
    std::fs::create_dir_all(dir.join("drafts")).unwrap();
    std::fs::write(dir.join("drafts/broken.zan"), "act x.y {\n  languages qq\n}\n").unwrap();
    std::fs::write(
        dir.join("zan.toml"),
        "ignore = [\"drafts/**\"]\n\n[lints]\nduplicate-unit = \"warning\"\nunlinked-citation = \"allow\"\n",
    )
    .unwrap();
    let expected = cli(&dir, "en");
    let codes: Vec<(&str, &str)> = expected
        .iter()
        .map(|r| (r.3.as_str(), r.4.as_str()))
        .filter(|&c| c != ("warning", "words-from-summary"))
        .collect();
    assert_eq!(
        codes,
        [
            ("warning", "citation-words-mismatch"),
            ("error", "unresolved-reference"),
            ("warning", "space-before-punctuation"),
            ("warning", "duplicate-unit"),
            ("warning", "missing-language"),
            ("error", "unresolved-reference"),
            ("error", "syntax-error"),
        ]
    );
    assert_eq!(server(&dir, "en-US").await, expected);
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap().flatten() {
        let path = entry.path();
        if path.is_dir() {
            copy_dir(&path, &to.join(entry.file_name()));
        } else {
            std::fs::copy(&path, to.join(entry.file_name())).unwrap();
        }
    }
}
