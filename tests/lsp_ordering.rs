//! Hundreds of interleaved edits and requests on a multi-thread runtime: the
//! edits must apply in order (tower-lsp runs handlers concurrently; the server
//! mutates its state before any await), and the last diagnostics must be those
//! of the final text.

use crate::lsp_support::Client;
use serde_json::{Value, json};
use zan::text::{Encoding, LineCol, LineIndex};

const URI: &str = "untitled:ordering";
const PREFIX: &str = "act a.b {\n  article 1 { en summary \"";
const SUFFIX: &str = "\" cite \"S\" }\n}\n";

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn interleaved_changes_and_hovers_apply_in_order() {
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}})).await;
    c.open(URI, &format!("{PREFIX}{SUFFIX}"));
    c.diagnostics(URI, Some(1)).await;
    let start = PREFIX.lines().last().unwrap().encode_utf16().count() as u32;
    let alphabet: Vec<char> = "ақ b🙂, .刑x ".chars().collect();
    let mut words = String::new();
    let mut hovers = Vec::new();
    let mut version = 1;
    for i in 0..400 {
        let at = start + words.encode_utf16().count() as u32;
        let change = if i % 7 == 6 && !words.is_empty() {
            let last = words.pop().unwrap();
            let from = at - last.len_utf16() as u32;
            json!({"range": {"start": {"line": 1, "character": from}, "end": {"line": 1, "character": at}}, "text": ""})
        } else {
            let ch = alphabet[i % alphabet.len()];
            words.push(ch);
            json!({"range": {"start": {"line": 1, "character": at}, "end": {"line": 1, "character": at}}, "text": ch.to_string()})
        };
        version += 1;
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]}),
        );
        if i % 3 == 0 {
            let params = json!({"textDocument": {"uri": URI}, "position": {"line": 1, "character": at}});
            hovers.push(c.request_later("textDocument/hover", params));
        }
    }
    for id in hovers {
        let response = c.response(id).await;
        assert!(response.get("error").is_none(), "{response}");
    }
    let published = c.diagnostics(URI, Some(version)).await;
    let text = format!("{PREFIX}{words}{SUFFIX}");
    // The expected diagnostics: the core's, on the expected text.
    let doc = zan::document::Document::parse(text.clone());
    let lines = LineIndex::new(&text);
    let expected: Vec<Value> = zan::analysis::analyze(std::slice::from_ref(&doc.model))
        .iter()
        .map(|d| {
            let p = |o| {
                let LineCol { line, col } = lines.position(&text, o, Encoding::Utf16);
                json!({"line": line, "character": col})
            };
            json!([d.diagnostic.code(), {"start": p(d.diagnostic.range.start), "end": p(d.diagnostic.range.end)}])
        })
        .collect();
    let got: Vec<Value> = published.iter().map(|d| json!([d["code"], d["range"]])).collect();
    assert!(!expected.is_empty());
    assert_eq!(got, expected);
    let edits = c
        .request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
        )
        .await;
    let formatted = edits.get(0).map_or(text.clone(), |e| e["newText"].as_str().unwrap().to_string());
    assert!(formatted.contains(&format!("\"{words}\"")), "{formatted}");
    assert!(c.shutdown().await);
}
