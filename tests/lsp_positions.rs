//! Positions at the protocol edge: UTF-16 by default, UTF-8 when offered, on
//! Kazakh, Chinese and astral text, with CRLF and lone CR line ends, and
//! clamping of positions past the end of a line or of the text.

use crate::lsp_support::Client;
use serde_json::{Value, json};

const URI: &str = "untitled:positions";
/// Line 0 ends with CRLF, line 1 with a lone CR, line 2 with LF.
const TEXT: &str =
    "act a.b {\r\n  article 1 { kk official \"Қылмыс 🙂 刑法\" cite \"S\" }\r  article 2 {}\n}\n";

fn change(l1: u32, c1: u32, l2: u32, c2: u32, text: &str) -> Value {
    json!({"range": {"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}}, "text": text})
}

async fn start(encodings: Value) -> (Client, Value) {
    let mut c = Client::start();
    let init = c.initialize(json!({"capabilities": {"general": {"positionEncodings": encodings}}})).await;
    c.open(URI, TEXT);
    assert_eq!(c.diagnostics(URI, Some(1)).await, Vec::<Value>::new());
    (c, init["capabilities"]["positionEncoding"].clone())
}

async fn edit(c: &mut Client, version: i64, changes: Value) -> Vec<Value> {
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": URI, "version": version}, "contentChanges": changes}),
    );
    c.diagnostics(URI, Some(version)).await
}

fn ranges(diags: &[Value]) -> Vec<(String, Value)> {
    diags.iter().map(|d| (d["code"].as_str().unwrap().to_string(), d["range"].clone())).collect()
}

fn range(l1: u32, c1: u32, l2: u32, c2: u32) -> Value {
    json!({"start": {"line": l1, "character": c1}, "end": {"line": l2, "character": c2}})
}

/// The document's text as the formatter prints it (strings verbatim).
async fn formatted(c: &mut Client) -> String {
    let edits = c
        .request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
        )
        .await;
    edits[0]["newText"].as_str().unwrap().to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn utf16_positions_on_cyrillic_cjk_astral_crlf_and_cr() {
    let (mut c, encoding) = start(json!(["utf-16"])).await;
    assert_eq!(encoding, "utf-16");
    // Line 1: `  article 1 { kk official "` is 27 units; Қылмыс 6, space, 🙂 2, space: 刑法 at 37..39.
    let diags = edit(&mut c, 2, json!([change(1, 37, 1, 39, "法律"), change(1, 37, 1, 37, "!")])).await;
    // The hygiene lint finds the space before «!», just after the emoji.
    assert_eq!(ranges(&diags), [("space-before-punctuation".to_string(), range(1, 36, 1, 37))]);
    assert!(formatted(&mut c).await.contains("\"Қылмыс 🙂 !法律\""));
    // A stray token after the unit's closing brace, on the CR-terminated line.
    let diags = edit(&mut c, 3, json!([change(1, 999, 1, 999, " @")])).await;
    assert_eq!(ranges(&diags)[1], ("syntax-error".to_string(), range(1, 53, 1, 54)));
    // Past the last line: appended at the very end; undo the stray token.
    let diags = edit(&mut c, 4, json!([change(1, 52, 1, 54, ""), change(99, 0, 99, 5, "# end")])).await;
    assert_eq!(ranges(&diags).len(), 1, "{diags:?}");
    assert!(formatted(&mut c).await.ends_with("}\n# end\n"));
}

#[tokio::test(flavor = "multi_thread")]
async fn utf8_when_the_client_offers_it() {
    let (mut c, encoding) = start(json!(["utf-8", "utf-16"])).await;
    assert_eq!(encoding, "utf-8");
    // In bytes: the prefix is 27, Қылмыс 12, space, 🙂 4, space: 刑法 at 45..51.
    let diags = edit(&mut c, 2, json!([change(1, 45, 1, 51, "法")])).await;
    assert!(diags.is_empty(), "{diags:?}");
    assert!(formatted(&mut c).await.contains("\"Қылмыс 🙂 法\""));
    // The line is now 60 bytes long: a stray token after it.
    let diags = edit(&mut c, 3, json!([change(1, 999, 1, 999, " @")])).await;
    assert_eq!(ranges(&diags), [("syntax-error".to_string(), range(1, 61, 1, 62))]);
}

#[tokio::test(flavor = "multi_thread")]
async fn a_position_inside_a_surrogate_pair_clamps_to_its_start() {
    let (mut c, _) = start(json!(["utf-16"])).await;
    // 🙂 is at 34..36; 35 is inside it.
    edit(&mut c, 2, json!([change(1, 35, 1, 35, "x")])).await;
    assert!(formatted(&mut c).await.contains("\"Қылмыс x🙂 刑法\""));
}

#[tokio::test(flavor = "multi_thread")]
async fn a_full_replacement_resets_the_document() {
    let (mut c, _) = start(json!(["utf-16"])).await;
    let diags = edit(&mut c, 2, json!([{"text": "act a.b {\n  article\n}\n"}])).await;
    assert_eq!(ranges(&diags).len(), 1);
    assert_eq!(ranges(&diags)[0].0, "syntax-error");
}
