//! The language server's features, in process over the real transport, on
//! the two-file workspace in tests/fixtures/lsp/ws (an act, and a second act
//! whose references, comparison and amendment all cite the first).

mod lsp_support;

use std::path::PathBuf;

use lsp_support::{Client, cursor, file_uri, pos};
use serde_json::{Value, json};

fn ws() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/lsp/ws")
}

fn uri(name: &str) -> String {
    file_uri(&ws().join(name))
}

fn text(name: &str) -> String {
    std::fs::read_to_string(ws().join(name)).unwrap()
}

/// A server over the fixture workspace, indexed, with `name` open as `marked`
/// (whose `$0` gives the returned position).
async fn with_cursor(name: &str, marked: &str) -> (Client, Value) {
    let (text, at) = cursor(marked);
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&ws()), "locale": "en"})).await;
    c.open(&uri(name), &text);
    c.diagnostics(&uri(name), Some(1)).await;
    // Both files are known once the other one's (empty) state is settled.
    (c, at)
}

/// `text(name)` with `$0` inserted before the `nth` occurrence of `needle`
/// (plus `shift` bytes).
fn mark(name: &str, needle: &str, shift: usize) -> String {
    let t = text(name);
    let at = t.find(needle).unwrap_or_else(|| panic!("{needle} in {name}")) + shift;
    format!("{}$0{}", &t[..at], &t[at..])
}

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

#[tokio::test(flavor = "multi_thread")]
async fn hover_on_a_reference_shows_the_cited_unit() {
    let (mut c, at) = with_cursor("b.zan", &mark("b.zan", "part 1)", 5)).await;
    let hover = c.request("textDocument/hover", pos(&uri("b.zan"), &at)).await;
    assert_eq!(
        hover["contents"]["value"],
        "**Article 15(1) (kz.cc)** — `kz.cc`\n\nA person who has reached sixteen years is liable.\n\nsource: Official Gazette"
    );
    assert_eq!(hover["range"], range(3, 36, 3, 59));
}

#[tokio::test(flavor = "multi_thread")]
async fn hover_on_an_operation_shows_its_redline() {
    let (mut c, at) = with_cursor("b.zan", &mark("b.zan", "replace article 15", 9)).await;
    let hover = c.request("textDocument/hover", pos(&uri("b.zan"), &at)).await;
    assert_eq!(
        hover["contents"]["value"],
        "**Article 15(1)** — `kz.cc`\n\nA person who has reached sixteen years is liable.\n\n---\n\n\
         A person who has reached ~~sixteen~~**fourteen** years is liable.\n\nsource: Official Gazette"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn hover_in_kazakh_and_on_a_repealed_unit() {
    let (text, at) = cursor("act x.y {\n  article 1 { en summary \"[see](kz.cc article $016)\" cite \"S\" }\n}\n");
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&ws()), "locale": "kk-KZ"})).await;
    c.open("untitled:x", &text);
    c.diagnostics("untitled:x", Some(1)).await;
    let hover = c.request("textDocument/hover", pos("untitled:x", &at)).await;
    assert_eq!(
        hover["contents"]["value"],
        "**16-бап (kz.cc)** — `kz.cc`\n\n*Repealed rule*\n\n_алып тасталды 2020-01-01_\n\nдереккөзі: Official Gazette"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn definition_jumps_across_files() {
    let (mut c, at) = with_cursor("b.zan", &mark("b.zan", "part 1)", 0)).await;
    let def = c.request("textDocument/definition", pos(&uri("b.zan"), &at)).await;
    assert_eq!(def, json!({"uri": uri("a.zan"), "range": range(7, 4, 10, 5)}));
    // On a comparison's target and on an operation's target.
    let (mut c, at) = with_cursor("b.zan", &mark("b.zan", "stricter kz.cc", 9)).await;
    let def = c.request("textDocument/definition", pos(&uri("b.zan"), &at)).await;
    assert_eq!(def, json!({"uri": uri("a.zan"), "range": range(4, 2, 11, 3)}));
    let (mut c, at) = with_cursor("b.zan", &mark("b.zan", "kz.ap article 1", 14)).await;
    let def = c.request("textDocument/definition", pos(&uri("b.zan"), &at)).await;
    assert_eq!(def, json!({"uri": uri("b.zan"), "range": range(2, 2, 5, 3)}));
}

#[tokio::test(flavor = "multi_thread")]
async fn references_and_highlights_of_a_unit() {
    // On the number of `article 15` in its own act.
    let (mut c, at) = with_cursor("a.zan", &mark("a.zan", "15 {", 1)).await;
    let mut params = pos(&uri("a.zan"), &at);
    params["context"] = json!({"includeDeclaration": false});
    let refs = c.request("textDocument/references", params.clone()).await;
    assert_eq!(
        refs,
        json!([
            {"uri": uri("b.zan"), "range": range(4, 21, 4, 37)},
        ])
    );
    params["context"] = json!({"includeDeclaration": true});
    let refs = c.request("textDocument/references", params).await;
    assert_eq!(refs[0], json!({"uri": uri("a.zan"), "range": range(4, 2, 11, 3)}));
    // Part 1 is cited by the reference and targeted by the operation.
    let (mut c, at) = with_cursor("b.zan", &mark("b.zan", "part 1)", 5)).await;
    let mut params = pos(&uri("b.zan"), &at);
    params["context"] = json!({"includeDeclaration": false});
    let refs = c.request("textDocument/references", params).await;
    assert_eq!(
        refs,
        json!([
            {"uri": uri("b.zan"), "range": range(3, 36, 3, 59)},
            {"uri": uri("b.zan"), "range": range(10, 10, 10, 27)},
        ])
    );
    let hl = c.request("textDocument/documentHighlight", pos(&uri("b.zan"), &at)).await;
    assert_eq!(
        hl,
        json!([
            {"range": range(3, 36, 3, 59), "kind": 2},
            {"range": range(10, 10, 10, 27), "kind": 2},
        ])
    );
}
