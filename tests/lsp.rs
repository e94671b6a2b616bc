//! The language server's features, in process over the real transport, on
//! the two-file workspace in tests/fixtures/lsp/ws (an act, and a second act
//! whose references, comparison and amendment all cite the first).

use std::path::PathBuf;

use crate::lsp_support::{Client, cursor, file_uri, pos};
use base64::Engine;
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
        "**Article 15(1) (kz.cc)**\n\nA person who has reached sixteen years is liable.\n\nsource: Official Gazette"
    );
    assert_eq!(hover["range"], range(3, 36, 3, 59));
}

/// On a reference's display words too: the cited unit.
#[tokio::test(flavor = "multi_thread")]
async fn hover_on_the_display_words_of_a_reference() {
    let (mut c, at) = with_cursor("b.zan", &mark("b.zan", "[Article 15(1)]", 3)).await;
    let hover = c.request("textDocument/hover", pos(&uri("b.zan"), &at)).await;
    assert_eq!(
        hover["contents"]["value"],
        "**Article 15(1) (kz.cc)**\n\nA person who has reached sixteen years is liable.\n\nsource: Official Gazette"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn hover_on_an_operation_shows_its_redline() {
    let (mut c, at) = with_cursor("b.zan", &mark("b.zan", "replace article 15", 9)).await;
    let hover = c.request("textDocument/hover", pos(&uri("b.zan"), &at)).await;
    assert_eq!(
        hover["contents"]["value"],
        "**Article 15(1)** — `kz.cc`\n\nA person who has reached sixteen years is liable.\n\n---\n\n\
         1\\. A person who has reached ~~sixteen~~ **fourteen** years is liable.\n\nsource: Official Gazette"
    );
    // The preview is the engine's: the same as the redline view's.
    let params = json!({"textDocument": {"uri": uri("b.zan")}, "language": "en"});
    let redline = c.request("zan/redline", params).await;
    let view = redline["markdown"].as_str().unwrap();
    assert!(
        view.ends_with("1\\. A person who has reached ~~sixteen~~ **fourteen** years is liable.\n"),
        "{view}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn hover_in_kazakh_and_on_a_repealed_unit() {
    let (text, at) =
        cursor("act x.y {\n  article 1 { en summary \"[see](kz.cc article $016)\" cite \"S\" }\n}\n");
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&ws()), "locale": "kk-KZ"})).await;
    c.open("untitled:x", &text);
    c.diagnostics("untitled:x", Some(1)).await;
    let hover = c.request("textDocument/hover", pos("untitled:x", &at)).await;
    assert_eq!(
        hover["contents"]["value"],
        "**16-бап (kz.cc)**\n\n*Repealed rule*\n\n_алып тасталды 2020-01-01_\n\nдереккөзі: Official Gazette"
    );
}

async fn hover_text(c: &mut Client, at: &Value) -> Value {
    c.request("textDocument/hover", pos(&uri("b.zan"), at)).await["contents"]["value"].clone()
}

/// `zan.language` changed in the editor: the next hover is in the new
/// language, without a restart; a language zan does not write law in is
/// ignored.
#[tokio::test(flavor = "multi_thread")]
async fn hover_follows_a_change_of_the_language_setting() {
    let (mut c, at) = with_cursor("b.zan", &mark("b.zan", "part 1)", 5)).await;
    let en = "**Article 15(1) (kz.cc)**\n\nA person who has reached sixteen years is liable.\n\nsource: Official Gazette";
    assert_eq!(hover_text(&mut c, &at).await, en);
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"zan": {"language": "kk"}}}));
    let kk = "**15-баптың 1-бөлігі (kz.cc)**\n\nОн алты жасқа толған адам жауапты болады.\n\nsource: Official Gazette";
    assert_eq!(hover_text(&mut c, &at).await, kk);
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"zan": {"language": "fr"}}}));
    assert_eq!(hover_text(&mut c, &at).await, kk);
    // A client that sends the section itself.
    c.notify("workspace/didChangeConfiguration", json!({"settings": {"language": "en"}}));
    assert_eq!(hover_text(&mut c, &at).await, en);
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
    // The comparison that cites it, and the operation on its part 1.
    assert_eq!(
        refs,
        json!([
            {"uri": uri("b.zan"), "range": range(4, 21, 4, 37)},
            {"uri": uri("b.zan"), "range": range(10, 10, 10, 27)},
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

#[tokio::test(flavor = "multi_thread")]
async fn document_and_workspace_symbols() {
    let (mut c, _) = with_cursor("a.zan", &format!("$0{}", text("a.zan"))).await;
    let symbols =
        c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": uri("a.zan")}})).await;
    let names = |v: &Value| -> Vec<String> {
        v.as_array()
            .unwrap()
            .iter()
            .map(|s| format!("{} ({})", s["name"].as_str().unwrap(), s["detail"]))
            .collect()
    };
    assert_eq!(names(&symbols), ["kz.cc (\"Criminal Code\")"]);
    assert_eq!(
        names(&symbols[0]["children"]),
        ["article 15 (\"Age of criminal liability\")", "article 16 (\"Repealed rule\")"]
    );
    assert_eq!(names(&symbols[0]["children"][0]["children"]), ["part 1 (null)"]);
    assert_eq!(symbols[0]["children"][0]["selectionRange"], range(4, 10, 4, 12));
    let found = c.request("workspace/symbol", json!({"query": "agecrim"})).await;
    let found: Vec<(&str, &str)> = found
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["name"].as_str().unwrap(), s["location"]["uri"].as_str().unwrap()))
        .collect();
    assert_eq!(found, [("kz.cc Article 15 — Age of criminal liability", uri("a.zan").as_str())]);
    let found = c.request("workspace/symbol", json!({"query": "kz.ap art 1"})).await;
    assert_eq!(found.as_array().unwrap().len(), 1, "{found}");
}

async fn complete(name: &str, marked: &str) -> Vec<String> {
    let (mut c, at) = with_cursor(name, marked).await;
    let items = c.request("textDocument/completion", pos(&uri(name), &at)).await;
    items
        .as_array()
        .unwrap()
        .iter()
        .map(|i| match i["detail"].as_str() {
            Some(d) => format!("{} {d}", i["label"].as_str().unwrap()),
            None => i["label"].as_str().unwrap().to_string(),
        })
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn completion_of_acts_numbers_and_quoted_words() {
    let b = text("b.zan");
    let acts = b.replace("compare stricter kz.cc article 15", "compare stricter $0");
    assert_eq!(complete("b.zan", &acts).await, ["kz.ap", "kz.cc"]);
    let numbers = b.replace("compare stricter kz.cc article 15", "compare stricter kz.cc article $0");
    assert_eq!(complete("b.zan", &numbers).await, ["15 Age of criminal liability", "16 Repealed rule"]);
    // On an `en` line, the unit's English words only.
    let words = b.replace("en \"sixteen\"", "en \"$0");
    assert_eq!(
        complete("b.zan", &words).await,
        ["A", "person", "who", "has", "reached", "sixteen", "years", "is", "liable"]
    );
    // Inside `[words](…)` of a text: unit numbers, act ids and unit kinds.
    let linked = b.replace("(kz.cc article 15 part 1)", "(kz.cc article $0");
    assert_eq!(complete("b.zan", &linked).await, ["15 Age of criminal liability", "16 Repealed rule"]);
    let linked = b.replace("(kz.cc article 15 part 1)", "($0");
    let got = complete("b.zan", &linked).await;
    assert_eq!(got[..2], ["kz.ap", "kz.cc"]);
    assert!(got.contains(&"article".to_string()), "{got:?}");
    let keywords = b.replace("  languages en\n", "  $0\n");
    let got = complete("b.zan", &keywords).await;
    assert!(got.contains(&"replace-all".to_string()) && got.contains(&"article".to_string()), "{got:?}");
    assert!(got.contains(&"kk".to_string()) && got.contains(&"languages".to_string()), "{got:?}");
}

#[tokio::test(flavor = "multi_thread")]
async fn semantic_tokens_are_utf16_and_split_per_line() {
    let text = "act a.b {\n  title kk official \"Қылмыстық 🙂\"\n}\n";
    let mut c = Client::start();
    let init = c.initialize(json!({"capabilities": {}})).await;
    let legend = &init["capabilities"]["semanticTokensProvider"]["legend"]["tokenTypes"];
    assert_eq!(
        legend,
        &json!([
            "comment",
            "keyword",
            "type",
            "number",
            "string",
            "regexp",
            "enumMember",
            "function",
            "namespace",
            "operator"
        ])
    );
    c.open("untitled:t", text);
    let tokens =
        c.request("textDocument/semanticTokens/full", json!({"textDocument": {"uri": "untitled:t"}})).await;
    #[rustfmt::skip]
    let expected = json!([
        0, 0, 3, 1, 0,    // act
        0, 4, 3, 7, 0,    // a.b
        1, 2, 5, 1, 0,    // title
        0, 6, 2, 6, 0,    // kk
        0, 3, 8, 6, 0,    // official
        0, 9, 14, 4, 0,   // "Қылмыстық 🙂": 9 letters, a space, a surrogate pair, two quotes
    ]);
    assert_eq!(tokens["data"], expected);
}

/// After an edit, a delta request answers only what changed since the
/// tokens it names; applied to them, it gives the full tokens anew. An id
/// that is not the last one sent gets the full tokens.
#[tokio::test(flavor = "multi_thread")]
async fn semantic_token_deltas_apply_to_the_previous_tokens() {
    let text = "act a.b {\n  title kk official \"Қылмыстық\"\n  article 1 { kk official \"бап\" }\n}\n";
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}})).await;
    c.open("untitled:t", text);
    let doc = json!({"textDocument": {"uri": "untitled:t"}});
    let first = c.request("textDocument/semanticTokens/full", doc.clone()).await;
    let id = first["resultId"].as_str().unwrap().to_string();
    // `Қылмыстық` becomes `Қылмыстық 🙂` and a new line with a title comes before `article`.
    let change = json!({"range": {"start": {"line": 1, "character": 30}, "end": {"line": 1, "character": 30}}, "text": " 🙂\"\n  title en official \"x"});
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "untitled:t", "version": 2}, "contentChanges": [change]}),
    );
    let delta_params = json!({"textDocument": {"uri": "untitled:t"}, "previousResultId": id});
    let delta = c.request("textDocument/semanticTokens/full/delta", delta_params).await;
    let edits = delta["edits"].as_array().unwrap();
    assert_eq!(edits.len(), 1, "{delta}");
    // The tokens before the change (`act a.b`, `title kk official`) are kept.
    assert_eq!(edits[0]["start"], 25);
    let mut data: Vec<serde_json::Value> = first["data"].as_array().unwrap().clone();
    let (start, deleted) =
        (edits[0]["start"].as_u64().unwrap() as usize, edits[0]["deleteCount"].as_u64().unwrap() as usize);
    data.splice(start..start + deleted, edits[0]["data"].as_array().unwrap().iter().cloned());
    let full = c.request("textDocument/semanticTokens/full", doc.clone()).await;
    assert_eq!(json!(data), full["data"]);
    assert_ne!(full["resultId"], delta["resultId"]);
    // The delta's id is no longer the last: the full tokens come back.
    let stale = json!({"textDocument": {"uri": "untitled:t"}, "previousResultId": delta["resultId"]});
    let again = c.request("textDocument/semanticTokens/full/delta", stale).await;
    assert_eq!(again["data"], full["data"]);
    assert!(again.get("edits").is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn folding_selection_and_formatting() {
    let (mut c, at) = with_cursor("a.zan", &mark("a.zan", "sixteen", 2)).await;
    let doc = json!({"textDocument": {"uri": uri("a.zan")}});
    let folds = c.request("textDocument/foldingRange", doc.clone()).await;
    let folds: Vec<(u64, u64)> = folds
        .as_array()
        .unwrap()
        .iter()
        .map(|f| (f["startLine"].as_u64().unwrap(), f["endLine"].as_u64().unwrap()))
        .collect();
    assert_eq!(folds, [(0, 15), (4, 10), (7, 9), (12, 14)]);
    let sel = c
        .request(
            "textDocument/selectionRange",
            json!({"textDocument": {"uri": uri("a.zan")}, "positions": [at]}),
        )
        .await;
    let mut chain = Vec::new();
    let mut s = &sel[0];
    while !s.is_null() {
        chain.push(s["range"].clone());
        s = &s["parent"];
    }
    assert_eq!(chain[0], range(8, 18, 8, 67), "the string's words");
    assert_eq!(chain[1], range(8, 17, 8, 68), "the string");
    assert_eq!(chain.last().unwrap(), &range(0, 0, 17, 0), "the file");
    // Formatting: the fixture is canonical; a messy copy is not.
    assert_eq!(
        c.request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": uri("a.zan")}, "options": {"tabSize": 2, "insertSpaces": true}})
        )
        .await,
        json!([])
    );
    c.open("untitled:f", "act  a.b {\n article 1 {}}\n");
    let edits = c
        .request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": "untitled:f"}, "options": {"tabSize": 2, "insertSpaces": true}}),
        )
        .await;
    assert_eq!(edits, json!([{"range": range(0, 0, 2, 0), "newText": "act a.b {\n  article 1 {}\n}\n"}]));
}

#[tokio::test(flavor = "multi_thread")]
async fn renaming_a_number_renumbers_every_citation() {
    let (mut c, at) = with_cursor("a.zan", &mark("a.zan", "15 {", 0)).await;
    let prepared = c.request("textDocument/prepareRename", pos(&uri("a.zan"), &at)).await;
    assert_eq!(prepared, json!({"range": range(4, 10, 4, 12), "placeholder": "15"}));
    let mut params = pos(&uri("a.zan"), &at);
    params["newName"] = json!("15-1");
    let edit = c.request("textDocument/rename", params).await;
    let edit_at = |l, c1, c2| json!({"range": range(l, c1, l, c2), "newText": "15-1"});
    assert_eq!(edit["changes"][uri("a.zan")], json!([edit_at(4, 10, 12)]));
    // The citation words «Article 15(1)» are renumbered with their target.
    let words = json!({"range": range(3, 21, 3, 34), "newText": "Article 15-1(1)"});
    assert_eq!(
        edit["changes"][uri("b.zan")],
        json!([edit_at(3, 50, 52), edit_at(4, 35, 37), edit_at(10, 18, 20), words])
    );
    // Not a number: refused before and during renaming.
    let (mut c, at) = with_cursor("a.zan", &mark("a.zan", "article 15", 2)).await;
    assert_eq!(c.request("textDocument/prepareRename", pos(&uri("a.zan"), &at)).await, Value::Null);
    let mut params = pos(&uri("a.zan"), &at);
    params["newName"] = json!("16");
    let id = c.request_later("textDocument/rename", params);
    let response = c.response(id).await;
    assert_eq!(response["error"]["message"], "only unit numbers can be renamed");
    let (mut c, at) = with_cursor("a.zan", &mark("a.zan", "15 {", 0)).await;
    let mut params = pos(&uri("a.zan"), &at);
    params["newName"] = json!("15 bis");
    let id = c.request_later("textDocument/rename", params);
    assert_eq!(c.response(id).await["error"]["code"], -32602);
}

#[tokio::test(flavor = "multi_thread")]
async fn diagnostic_fixes_are_quick_fixes() {
    let text = "act x.y {\n  languages ru\n  article 1 {\n    ru summary \"См. статью 205 Кодекса.\" cite \"S\"\n  }\n}\n";
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}})).await;
    c.open("untitled:q", text);
    let diags = c.diagnostics("untitled:q", Some(1)).await;
    assert_eq!(diags.len(), 1, "{diags:?}");
    assert_eq!(diags[0]["code"], "unlinked-citation");
    let actions = c
        .request(
            "textDocument/codeAction",
            json!({"textDocument": {"uri": "untitled:q"}, "range": diags[0]["range"], "context": {"diagnostics": diags}}),
        )
        .await;
    assert_eq!(actions.as_array().unwrap().len(), 1);
    assert_eq!(actions[0]["kind"], "quickfix");
    assert_eq!(actions[0]["title"], "link it: [статью 205](article 205)");
    assert_eq!(
        actions[0]["edit"]["changes"]["untitled:q"],
        json!([{"range": range(3, 20, 3, 30), "newText": "[статью 205](article 205)"}])
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn inlay_hints_code_lenses_and_links() {
    let (mut c, _) = with_cursor("b.zan", &format!("$0{}", text("b.zan"))).await;
    let doc = json!({"textDocument": {"uri": uri("b.zan")}});
    let mut params = doc.clone();
    params["range"] = range(0, 0, 20, 0);
    let hints = c.request("textDocument/inlayHint", params).await;
    let hints: Vec<(Value, &str)> = hints
        .as_array()
        .unwrap()
        .iter()
        .map(|h| (h["position"].clone(), h["label"].as_str().unwrap()))
        .collect();
    assert_eq!(hints, [(json!({"line": 4, "character": 37}), "Age of criminal liability"),]);
    let lenses = c.request("textDocument/codeLens", doc.clone()).await;
    let lenses = lenses.as_array().unwrap();
    let titles: Vec<(u64, &str, &str)> = lenses
        .iter()
        .map(|l| {
            let line = l["range"]["start"]["line"].as_u64().unwrap();
            (line, l["command"]["title"].as_str().unwrap(), l["command"]["command"].as_str().unwrap())
        })
        .collect();
    let three = |line| {
        [
            (line, "Redline", "zan.showRedline"),
            (line, "Comparative table", "zan.showTable"),
            (line, "1 comparative provision", "zan.showComparisons"),
        ]
    };
    assert_eq!(titles, [three(8), three(10)].concat());
    assert_eq!(lenses[0]["command"]["arguments"], json!([uri("b.zan")]));
    // The operation's link to `kz.ap article 1`, which is in b.zan.
    let kz_ap = json!({"uri": uri("b.zan"), "range": range(2, 2, 5, 3)});
    assert_eq!(
        lenses[5]["command"]["arguments"],
        json!([uri("b.zan"), {"line": 10, "character": 2}, [kz_ap]])
    );
    assert_eq!(lenses[2]["command"]["arguments"][2], json!([kz_ap]));
    let links = c.request("textDocument/documentLink", doc).await;
    let links: Vec<(u64, String)> = links
        .as_array()
        .unwrap()
        .iter()
        .map(|l| (l["range"]["start"]["line"].as_u64().unwrap(), l["target"].as_str().unwrap().to_string()))
        .collect();
    assert_eq!(
        links,
        [
            (3, format!("{}#L8", uri("a.zan"))),
            (4, format!("{}#L5", uri("a.zan"))),
            (10, format!("{}#L8", uri("a.zan"))),
            (12, format!("{}#L3", uri("b.zan"))),
        ]
    );
}

/// The links of a unit an operation adds count as the operation's, as in
/// the comparative table.
#[tokio::test(flavor = "multi_thread")]
async fn code_lenses_count_the_links_of_an_added_unit() {
    let text = "act x.a version 2024-01-01 {\n  languages en\n  article 1 { en summary \"One.\" cite \"t\" }\n}\n\
                amendment x.a.1 {\n  target x.a version 2024-01-01\n  add article 2 after article 1 {\n\
                \x20   en summary \"Two.\" cite \"t\"\n    compare corresponds x.a article 1\n  }\n  repeal article 1\n}\n";
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}})).await;
    c.open("untitled:l", text);
    let lenses = c.request("textDocument/codeLens", json!({"textDocument": {"uri": "untitled:l"}})).await;
    let counts: Vec<(u64, &str)> = lenses
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["command"]["command"] == "zan.showComparisons")
        .map(|l| (l["range"]["start"]["line"].as_u64().unwrap(), l["command"]["title"].as_str().unwrap()))
        .collect();
    assert_eq!(counts, [(4, "1 comparative provision"), (6, "1 comparative provision")]);
    let article_1 = json!([{"uri": "untitled:l", "range": range(2, 2, 2, 42)}]);
    assert_eq!(lenses[5]["command"]["arguments"][2], article_1);
    // The repeal cites no comparative provision: no lens says "0".
    let on_repeal: Vec<&str> = lenses
        .as_array()
        .unwrap()
        .iter()
        .filter(|l| l["range"]["start"]["line"] == 10)
        .map(|l| l["command"]["title"].as_str().unwrap())
        .collect();
    assert_eq!(on_repeal, ["Redline", "Comparative table"]);
}

#[tokio::test(flavor = "multi_thread")]
async fn view_requests() {
    let (mut c, _) = with_cursor("b.zan", &format!("$0{}", text("b.zan"))).await;
    let params = json!({"textDocument": {"uri": uri("b.zan")}, "language": "en"});
    // The same engine and renderers as `zan diff`, `table`, `bill` and `consolidate`.
    let md = |r: &serde_json::Value| r["markdown"].as_str().unwrap().to_string();
    let redline = c.request("zan/redline", params.clone()).await;
    assert_eq!(
        md(&redline),
        "# kz.cc.age-14\n\n## Article 15(1)\n\n1\\. A person who has reached ~~sixteen~~ **fourteen** years is liable.\n"
    );
    assert!(redline["html"].as_str().unwrap().contains("<del class=\"zan-del\">sixteen</del>"));
    let table = c.request("zan/table", params.clone()).await;
    assert!(md(&table).ends_with(
        "| 1 | Article 15(1) | 1. A person who has reached ~~sixteen~~ years is liable. \\[1\\] | 1. A person who has reached **fourteen** years is liable. \\[1\\] |  | corresponds: Article 1 (kz.ap) |\n\n\\[1\\] A summary, not the official text: S1.\n\n"
    ));
    assert!(table.get("docx").is_none());
    let mut with_docx = params.clone();
    with_docx["format"] = json!("docx");
    let docx = c.request("zan/table", with_docx.clone()).await;
    let bytes = base64::engine::general_purpose::STANDARD.decode(docx["docx"].as_str().unwrap()).unwrap();
    assert_eq!(&bytes[..2], b"PK", "a zip archive");
    assert!(bytes.windows(17).any(|w| w == b"word/document.xml"));
    with_docx["format"] = json!("pdf");
    let id = c.request_later("zan/table", with_docx);
    let refused = c.response(id).await;
    assert_eq!(refused["error"]["message"], "format `pdf` is not one of html, markdown, docx");
    let bill = c.request("zan/bill", params.clone()).await;
    assert_eq!(
        md(&bill),
        "# kz.cc.age-14\n\n```text\nWarning: the words of the current text that this draft quotes come from a summary, not from the official text; they must be checked against the official text.\n\nLAW OF THE REPUBLIC OF KAZAKHSTAN\n\nOn introducing an amendment to the Criminal Code\n\nArticle 1. The following amendment shall be made to the Criminal Code:\n1) in Article 15(1), for “sixteen” substitute “fourteen” [1].\n\nArticle 2. This Law shall enter into force upon the expiry of ten calendar days after the day of its first official publication.\n\nPresident\nof the Republic of Kazakhstan\n\n______\n[1] A summary, not the official text: S1.\n```\n"
    );
    let consolidated = c.request("zan/consolidated", params.clone()).await;
    assert_eq!(
        md(&consolidated),
        "# kz.cc\n\n```text\nCriminal Code\n\nArticle 15. Age of criminal liability [1]\n1. A person who has reached fourteen years is liable. [1]\n\nArticle 16. Repealed\n\n______\n[1] A summary, not the official text: S1.\n```\n"
    );
    // A bad date is refused, not guessed.
    let bad = json!({"textDocument": {"uri": uri("b.zan")}, "language": "en", "asOf": "2024-13-01"});
    let id = c.request_later("zan/consolidated", bad);
    let response = c.response(id).await;
    assert_eq!(response["error"]["message"], "asOf `2024-13-01` is not a date (YYYY-MM-DD)");
}

/// The redline and table of an act file say what they show instead of an
/// empty page; a view in one language says which changes only its other
/// languages make; an export has no such notes.
#[tokio::test(flavor = "multi_thread")]
async fn views_explain_an_act_file_and_changes_in_other_languages() {
    let (mut c, _) = with_cursor("b.zan", &format!("$0{}", text("b.zan"))).await;
    c.open(&uri("a.zan"), &text("a.zan"));
    let md = |r: &Value| r["markdown"].as_str().unwrap().to_string();
    let act = json!({"textDocument": {"uri": uri("a.zan")}, "language": "en"});
    let redline = c.request("zan/redline", act.clone()).await;
    let note = |what: &str| {
        format!(
            "> This file is the act kz.cc, not an amendment: the {what} shows the changes of its adopted amendments, and none is adopted. Open an amendment's file to see its {what}.\n\n"
        )
    };
    assert_eq!(md(&redline), format!("{}# kz.cc\n", note("redline")));
    let table = c.request("zan/table", act.clone()).await;
    assert!(md(&table).starts_with(&note("comparative table")), "{}", md(&table));
    let kk = json!({"textDocument": {"uri": uri("b.zan")}, "language": "kk"});
    let redline = c.request("zan/redline", kk.clone()).await;
    let only_en = "15-баптың 1-бөлігі changes only in its en text, not in the kk text shown here: set the view's language to see it.";
    assert_eq!(md(&redline), format!("> {only_en}\n\n# kz.cc.age-14\n"));
    let html = redline["html"].as_str().unwrap();
    let escaped = only_en.replace('\'', "&#39;");
    assert!(html.contains(&format!("<body>\n<p class=\"zan-note\">{escaped}</p>\n<h1>")), "{html}");
    let mut export = kk.clone();
    export["format"] = json!("html");
    let exported = c.request("zan/table", export).await;
    assert!(!exported["html"].as_str().unwrap().contains("zan-note"), "{}", exported["html"]);
    assert!(c.request("zan/table", kk).await["html"].as_str().unwrap().contains("zan-note"));
}

/// "Consolidated as of" a date before an amendment enters into force: the
/// act's text as of that date, without the amendment, and the view says so;
/// on or after the date, with it.
#[tokio::test(flavor = "multi_thread")]
async fn consolidated_view_of_an_amendment_follows_the_date() {
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&ws()), "locale": "en"})).await;
    let amendment = "amendment kz.cc.later {\n  target kz.cc version 2024-01-01\n  in-force 2026-01-01\n  add article 17 after article 16 {\n    en summary \"A later rule.\" cite \"S1\"\n    kk summary \"Кейінгі ереже.\" cite \"S1\"\n  }\n}\n";
    c.open("untitled:later", amendment);
    c.diagnostics("untitled:later", Some(1)).await;
    let at = |date: &str| json!({"textDocument": {"uri": "untitled:later"}, "language": "en", "asOf": date});
    let before = c.request("zan/consolidated", at("2025-12-31")).await;
    let text = |added: &str| {
        format!(
            "# kz.cc\n\n```text\nCriminal Code\n\nArticle 15. Age of criminal liability [1]\n1. A person who has reached sixteen years is liable. [1]\n\nArticle 16. Repealed\n\n{added}______\n[1] A summary, not the official text: S1.\n```\n"
        )
    };
    let note = "> kz.cc.later enters into force on 2026-01-01, after 2025-12-31: the text as of 2025-12-31 does not include it.\n\n";
    assert_eq!(before["markdown"], format!("{note}{}", text("")));
    let on = c.request("zan/consolidated", at("2026-01-01")).await;
    assert_eq!(on["markdown"], text("Article 17.\nA later rule. [1]\n\n"));
}

/// The notes of a view are in the drafter's language (the client's locale).
#[tokio::test(flavor = "multi_thread")]
async fn view_notes_speak_the_drafters_language() {
    for (locale, note) in [
        (
            "ru",
            "> Этот файл — акт kz.cc, а не поправка: здесь показаны изменения принятых к нему поправок, а принятых поправок нет. Откройте файл поправки.\n\n",
        ),
        (
            "kk",
            "> Бұл файл — kz.cc актісі, түзету емес: мұнда оған қабылданған түзетулердің өзгерістері көрсетіледі, ал қабылданған түзету жоқ. Түзетудің файлын ашыңыз.\n\n",
        ),
    ] {
        let mut c = Client::start();
        c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&ws()), "locale": locale})).await;
        c.open(&uri("a.zan"), &text("a.zan"));
        let act = json!({"textDocument": {"uri": uri("a.zan")}, "language": "en"});
        let redline = c.request("zan/redline", act).await;
        assert_eq!(redline["markdown"], format!("{note}# kz.cc\n"), "{locale}");
    }
}

/// One operation that does not apply among several: the redline and the
/// table show the others and mark it in place, with its line; the bill, the
/// consolidated text and an exported table still refuse the amendment.
#[tokio::test(flavor = "multi_thread")]
async fn views_mark_an_operation_that_does_not_apply_in_place() {
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&ws()), "locale": "en"})).await;
    let amendment = "amendment kz.cc.three {\n  target kz.cc version 2024-01-01\n  replace article 15 part 1 {\n    en \"sixteen\" -> \"fourteen\"\n  }\n  replace article 15 part 1 {\n    en \"eighteen\" -> \"twenty\"\n  }\n  add article 17 after article 16 {\n    en summary \"A later rule.\" cite \"S1\"\n    kk summary \"Кейінгі ереже.\" cite \"S1\"\n  }\n}\n";
    c.open("untitled:three", amendment);
    c.diagnostics("untitled:three", Some(1)).await;
    let params = json!({"textDocument": {"uri": "untitled:three"}, "language": "en"});
    let redline = c.request("zan/redline", params.clone()).await;
    assert_eq!(
        redline["markdown"],
        "# kz.cc.three\n\n## Article 15(1)\n\n1\\. A person who has reached ~~sixteen~~ **fourteen** years is liable.\n\n## Article 15(1)\n\n> **⚠ Does not apply: three:7: «eighteen» is not in the \\`en\\` text of \\`article 15 part 1\\`**\n\n## Article 17\n\n**Article 17.**\n\n**A later rule.**\n"
    );
    assert!(redline["html"].as_str().unwrap().contains("<section class=\"zan-failed\">\n<h2>Article 15(1)</h2>\n<p role=\"alert\"><strong>⚠ Does not apply: three:7: «eighteen» is not in the `en` text of `article 15 part 1`</strong></p>\n</section>"), "{}", redline["html"]);
    let table = c.request("zan/table", params.clone()).await;
    let rows = "| | **Criminal Code** | | | | |\n| 1 | Article 15(1) | 1. A person who has reached ~~sixteen~~ years is liable. \\[1\\] | 1. A person who has reached **fourteen** years is liable. \\[1\\] |  |  |\n| 2 | Article 15(1) | — | **⚠ Does not apply: «eighteen» is not in the \\`en\\` text of \\`article 15 part 1\\`** |  |  |\n| 3 | Article 17 (new) | None. | **Article 17.**<br>**A later rule.** \\[1\\] |  |  |\n";
    let markdown = table["markdown"].as_str().unwrap();
    assert!(markdown.starts_with("# Comparative table to the draft Law of the Republic of Kazakhstan “On introducing an amendment and an addition to the Criminal Code”"), "{markdown}");
    assert!(markdown.contains(rows), "{markdown}");
    let mut export = params.clone();
    export["format"] = json!("html");
    let refusal = "error[words-not-found]: «eighteen» is not in the `en` text of `article 15 part 1`\n --> three:7:8\n  |\n7 |     en \"eighteen\" -> \"twenty\"\n  |        ^^^^^^^^^^\n\n";
    for (method, params) in
        [("zan/table", export), ("zan/bill", params.clone()), ("zan/consolidated", params)]
    {
        let id = c.request_later(method, params);
        assert_eq!(c.response(id).await["error"]["message"], refusal, "{method}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn indexing_reports_progress_and_watches_files() {
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {"window": {"workDoneProgress": true}}, "rootUri": file_uri(&ws())}))
        .await;
    let create = c.wait_for(|m| m["method"] == "window/workDoneProgress/create").await;
    assert_eq!(create["params"]["token"], "zan/index");
    let begin = c.wait_for(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "begin").await;
    assert_eq!(begin["params"]["value"]["title"], "zan: indexing");
    let report =
        c.wait_for(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "report").await;
    assert_eq!(report["params"]["value"], json!({"kind": "report", "message": "2/2", "percentage": 100}));
    c.wait_for(|m| m["method"] == "$/progress" && m["params"]["value"]["kind"] == "end").await;
}

#[tokio::test(flavor = "multi_thread")]
async fn watched_files_and_closing_keep_the_workspace_current() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().canonicalize().unwrap();
    for name in ["a.zan", "b.zan"] {
        std::fs::write(dir.join(name), text(name)).unwrap();
    }
    let (a, b) = (file_uri(&dir.join("a.zan")), file_uri(&dir.join("b.zan")));
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&dir)})).await;
    let codes = |d: Vec<Value>| d.iter().map(|d| d["code"].as_str().unwrap().to_string()).collect::<Vec<_>>();
    // The fixture's one note, published once the workspace is indexed: b.zan
    // quotes a summary of a.zan. Waited for, so that it is not taken for
    // what follows the change below.
    let quoted = ["words-from-summary"];
    assert_eq!(codes(c.diagnostics(&b, None).await), quoted);
    // A closed file changes on disk: article 15 is gone, b.zan's targets break.
    std::fs::write(dir.join("a.zan"), text("a.zan").replace("article 15 {", "article 17 {")).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": a, "type": 2}]}));
    assert_eq!(codes(c.diagnostics(&b, None).await), ["unresolved-reference"; 3]);
    std::fs::remove_file(dir.join("a.zan")).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": a, "type": 3}]}));
    assert_eq!(codes(c.diagnostics(&b, None).await), ["unknown-act"; 3]);
    std::fs::write(dir.join("a.zan"), text("a.zan")).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": a, "type": 1}]}));
    // Back to the fixture's one note.
    assert_eq!(codes(c.diagnostics(&b, None).await), quoted);
    // An open document overrides the disk until it is closed.
    c.open(&a, "act kz.cc version 2024-01-01 {\n}\n");
    assert_eq!(codes(c.diagnostics(&b, None).await), ["unresolved-reference"; 3]);
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": a}}));
    assert_eq!(codes(c.diagnostics(&b, None).await), quoted);
}

/// No path a client names takes the server outside the workspace roots:
/// not a file elsewhere, not a `..` path, not a symlink (to a file or to a
/// directory) out of the root, not `/proc` or `/etc`; whether the path comes
/// in a file-watcher notification or in closing a document.
#[tokio::test(flavor = "multi_thread")]
async fn nothing_outside_the_workspace_roots_is_read() {
    let tmp = tempfile::tempdir().unwrap();
    let top = tmp.path().canonicalize().unwrap();
    let (root, outside) = (top.join("root"), top.join("outside"));
    std::fs::create_dir_all(&root).unwrap();
    std::fs::create_dir_all(&outside).unwrap();
    // Each secret would be quoted by a diagnostic if the file were indexed.
    let secret = |code: &str| format!("act s.{code} {{\n  languages {code}\n}}\n");
    std::fs::write(outside.join("far.zan"), secret("qa")).unwrap();
    std::fs::write(outside.join("linked.zan"), secret("qb")).unwrap();
    std::fs::write(outside.join("in-dir.zan"), secret("qc")).unwrap();
    std::os::unix::fs::symlink(outside.join("linked.zan"), root.join("link.zan")).unwrap();
    std::os::unix::fs::symlink(&outside, root.join("dir-link")).unwrap();
    std::fs::write(root.join("a.zan"), "act a.b {\n  languages yy\n}\n").unwrap();
    let bad = [
        file_uri(&outside.join("far.zan")),
        format!("{}/../outside/far.zan", file_uri(&root)),
        file_uri(&root.join("link.zan")),
        file_uri(&root.join("dir-link/in-dir.zan")),
        "file:///proc/self/environ".to_string(),
        "file:///etc/passwd".to_string(),
        "file:///proc/self/root/etc/hostname".to_string(),
    ];
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&root)})).await;
    let a = file_uri(&root.join("a.zan"));
    let d = c.diagnostics(&a, None).await;
    assert_eq!(d[0]["message"], "`yy` is not an ISO 639-1 language code");
    for uri in &bad {
        for typ in [1, 2] {
            c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": uri, "type": typ}]}));
        }
        c.notify("textDocument/didClose", json!({"textDocument": {"uri": uri}}));
    }
    // A change inside the root, after all of them: its diagnostics come from
    // a state that has seen every notification above.
    std::fs::write(root.join("a.zan"), "act a.b {\n  languages zz\n}\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": a, "type": 2}]}));
    let d = c.diagnostics(&a, None).await;
    assert_eq!(d[0]["message"], "`zz` is not an ISO 639-1 language code");
    for uri in &bad {
        let r = c.request_later(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}}),
        );
        let error = &c.response(r).await["error"]["message"];
        assert_eq!(*error, format!("unknown document {uri}: open it first"), "{uri}");
    }
    let found = c.request("workspace/symbol", json!({"query": "s.q"})).await;
    assert_eq!(found, json!([]));
    let quoted = c
        .take_seen()
        .into_iter()
        .map(|m| m.to_string())
        .find(|m| ["qa", "qb", "qc"].iter().any(|q| m.contains(q)));
    assert_eq!(quoted, None);
    assert!(c.shutdown().await);
}

/// The editor's bill and exported table refuse what `zan table` refuses:
/// here warnings that `zan.toml` makes errors, inside the amendment; the
/// message is the CLI's. The table and redline views mark the operation.
#[tokio::test(flavor = "multi_thread")]
async fn views_refuse_what_zan_table_refuses() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().canonicalize().unwrap();
    std::fs::write(dir.join("a.zan"), text("a.zan")).unwrap();
    let added = "  add part 2 to article 15 {\n    en summary \"2. Article 16 of this Code does not apply.\" cite \"S1\"\n    kk summary \"2. Осы Кодекстің 16-бабы қолданылмайды.\" cite \"S1\"\n  }\n}\n";
    let b = text("b.zan");
    std::fs::write(dir.join("b.zan"), format!("{}{added}", b.strip_suffix("}\n").unwrap())).unwrap();
    std::fs::write(dir.join("zan.toml"), "[lints]\nunlinked-citation = \"error\"\n").unwrap();
    let cli = crate::zan_command()
        .args(["table", "kz.cc.age-14", "--format", "markdown", "--workspace"])
        .arg(&dir)
        .env("NO_COLOR", "1")
        .env("LANG", "C")
        .output()
        .unwrap();
    assert_eq!(cli.status.code(), Some(1));
    let stderr = String::from_utf8(cli.stderr).unwrap();
    assert!(
        stderr.starts_with("error[unlinked-citation]: «Article 16» cites `article 16` without a reference\n"),
        "{stderr}"
    );
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&dir), "locale": "en"})).await;
    let b = file_uri(&dir.join("b.zan"));
    c.diagnostics(&b, None).await;
    let params = json!({"textDocument": {"uri": b}, "language": "en"});
    let mut export = params.clone();
    export["format"] = json!("markdown");
    for (view, params) in [("zan/table", export), ("zan/bill", params.clone())] {
        let id = c.request_later(view, params);
        assert_eq!(c.response(id).await["error"]["message"], stderr.as_str(), "{view}");
    }
    // The views a drafter works with show what applies and mark the rest.
    for view in ["zan/table", "zan/redline"] {
        let shown = c.request(view, params.clone()).await;
        let markdown = shown["markdown"].as_str().unwrap();
        assert!(markdown.contains("**⚠ Does not apply: "), "{view}: {markdown}");
        assert!(
            markdown.contains("«Article 16» cites \\`article 16\\` without a reference"),
            "{view}: {markdown}"
        );
    }
    // Without the override, the same amendment is applied.
    std::fs::remove_file(dir.join("zan.toml")).unwrap();
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&dir), "locale": "en"})).await;
    c.diagnostics(&b, None).await;
    c.request("zan/table", params).await;
}

/// The table view names a linked act as `zan table` does: by its title
/// among the workspace's acts, not by its id; the Markdown is the CLI's.
#[tokio::test(flavor = "multi_thread")]
async fn table_view_names_linked_acts_as_zan_table_does() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().canonicalize().unwrap();
    let titled = text("b.zan").replace(
        "act kz.ap version 2024-01-01 {\n  languages en\n",
        "act kz.ap version 2024-01-01 {\n  languages en\n  title en summary \"Administrative Code\" cite \"S1\"\n",
    );
    assert_ne!(titled, text("b.zan"));
    std::fs::write(dir.join("a.zan"), text("a.zan")).unwrap();
    std::fs::write(dir.join("b.zan"), titled).unwrap();
    let cli = crate::zan_command()
        .args(["table", "kz.cc.age-14", "--lang", "en", "--format", "markdown", "--compare", "--workspace"])
        .arg(&dir)
        .output()
        .unwrap();
    assert_eq!(cli.status.code(), Some(0));
    let cli = String::from_utf8(cli.stdout).unwrap();
    assert!(cli.contains("| corresponds: Administrative Code, Article 1 |"), "{cli}");
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&dir), "locale": "en"})).await;
    let b = file_uri(&dir.join("b.zan"));
    c.diagnostics(&b, None).await;
    let table = c.request("zan/table", json!({"textDocument": {"uri": b}, "language": "en"})).await;
    assert_eq!(table["markdown"].as_str().unwrap(), cli);
}

/// Requests sent while the workspace is first read wait for it: never a
/// `null` hover or a "no act" view from part of the workspace.
#[tokio::test(flavor = "multi_thread")]
async fn requests_during_indexing_get_the_whole_workspace_answer() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().canonicalize().unwrap();
    // The cited act is read last, after thousands of files.
    for i in 0..3000 {
        let act = format!(
            "act f.a{i} {{\n  languages en\n  article 1 {{ en summary \"Filler {i}.\" cite \"S\" }}\n}}\n"
        );
        std::fs::write(dir.join(format!("a{i:04}.zan")), act).unwrap();
    }
    std::fs::write(dir.join("zz.zan"), text("a.zan")).unwrap();
    std::fs::write(dir.join("b.zan"), text("b.zan")).unwrap();
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&dir), "locale": "en"})).await;
    let b = file_uri(&dir.join("b.zan"));
    let (marked, at) = cursor(&mark("b.zan", "part 1)", 5));
    c.open(&b, &marked);
    let hover = c.request("textDocument/hover", pos(&b, &at)).await;
    assert_eq!(
        hover["contents"]["value"],
        "**Article 15(1) (kz.cc)**\n\nA person who has reached sixteen years is liable.\n\nsource: Official Gazette"
    );
    let redline = c.request("zan/redline", json!({"textDocument": {"uri": b}, "language": "en"})).await;
    assert!(redline["markdown"].as_str().unwrap().starts_with("# kz.cc.age-14\n"));
}

/// Applies a `WorkspaceEdit`'s changes (UTF-16 positions) to the files on disk.
fn apply_on_disk(edit: &Value) {
    for (uri, edits) in edit["changes"].as_object().unwrap() {
        let path = PathBuf::from(uri.strip_prefix("file://").unwrap());
        let mut text = std::fs::read_to_string(&path).unwrap();
        let offset = |text: &str, p: &Value| {
            let line_start: usize =
                text.split_inclusive('\n').take(p["line"].as_u64().unwrap() as usize).map(str::len).sum();
            let mut units = p["character"].as_u64().unwrap() as usize;
            let mut at = line_start;
            for ch in text[line_start..].chars() {
                if units == 0 {
                    break;
                }
                units -= ch.len_utf16();
                at += ch.len_utf8();
            }
            at
        };
        let mut spans: Vec<(usize, usize, String)> = edits
            .as_array()
            .unwrap()
            .iter()
            .map(|e| {
                (
                    offset(&text, &e["range"]["start"]),
                    offset(&text, &e["range"]["end"]),
                    e["newText"].as_str().unwrap().to_string(),
                )
            })
            .collect();
        spans.sort_by_key(|s| std::cmp::Reverse(s.0));
        for (start, end, new) in spans {
            text.replace_range(start..end, &new);
        }
        std::fs::write(&path, text).unwrap();
    }
}

/// Renaming an article of the shipped corpus reaches every place that names
/// it, the texts amendments bring included (a reference in a new definition,
/// a range in a new part), and rewrites the citation words that cite its
/// number: `zan check` is as clean afterwards as before, but for words no
/// rule can rewrite (a range «205-213» that would start at 205-1), which
/// `citation-words-mismatch` then points out.
#[tokio::test(flavor = "multi_thread")]
async fn rename_reaches_references_inside_amendment_texts() {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    for (file, needle, new, left) in [
        ("kz/criminal-code/network-offences.zan", "article 128 {", "128-1", 0),
        ("kz/criminal-code/network-offences.zan", "article 232 {", "232-1", 0),
        ("kz/criminal-code/chapter-07.zan", "article 205 {", "205-1", 2),
    ] {
        let tmp = tempfile::tempdir().unwrap();
        let dir = tmp.path().canonicalize().unwrap();
        crate::lsp_check::copy_dir(&root.join("corpus"), &dir);
        let mut c = Client::start();
        c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&dir), "locale": "en"})).await;
        let uri = file_uri(&dir.join(file));
        let t = std::fs::read_to_string(dir.join(file)).unwrap();
        let (_, at) = cursor(&t.replacen(needle, &needle.replacen(' ', " $0", 1), 1));
        c.open(&uri, &t);
        let mut params = pos(&uri, &at);
        params["newName"] = json!(new);
        let edit = c.request("textDocument/rename", params).await;
        assert!(c.shutdown().await);
        apply_on_disk(&edit);
        let out = crate::zan_command()
            .args(["check", "--format", "json"])
            .arg(&dir)
            .env("NO_COLOR", "1")
            .output()
            .unwrap();
        assert!(out.status.success(), "{new}: {}", String::from_utf8_lossy(&out.stdout));
        let report: Value = serde_json::from_slice(&out.stdout).unwrap();
        // The corpus's notes (its zan.toml makes words quoted from summaries notes) aside.
        let codes: Vec<&str> = report["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|d| d["severity"] != "note" && d["severity"] != "info")
            .map(|d| d["code"].as_str().unwrap())
            .collect();
        assert_eq!(codes, vec!["citation-words-mismatch"; left], "{new}");
        if new == "232-1" {
            // The words that cited the article now cite it anew.
            let definition =
                std::fs::read_to_string(dir.join("amendments/network-offences-definition.zan")).unwrap();
            assert!(definition.contains("[232-1-баптарында](article 232-1)"), "{definition}");
        }
    }
}

/// Drafting by editing: "Propose a change" gives the act version as an
/// editable copy at the unit; "Update the amendment" derives the amendment
/// from the edited copy (an untitled document), proved, as the new text of
/// its file, keeping the operation's comparative link.
#[tokio::test(flavor = "multi_thread")]
async fn propose_a_change_and_update_the_amendment() {
    let (mut c, at) = with_cursor("a.zan", &mark("a.zan", "part 1", 0)).await;
    let proposal =
        c.request("zan/proposeChange", json!({"textDocument": {"uri": uri("a.zan")}, "position": at})).await;
    assert_eq!(proposal["unit"], "article 15 part 1");
    let copy = proposal["text"].as_str().unwrap();
    assert!(copy.starts_with("act kz.cc version 2024-01-01 {\n"), "{copy}");
    let line = proposal["position"]["line"].as_u64().unwrap() as usize;
    assert_eq!(copy.lines().nth(line).unwrap().trim(), "part 1 {");
    // Outside any unit: nothing to propose.
    let none = c
        .request(
            "zan/proposeChange",
            json!({"textDocument": {"uri": uri("a.zan")}, "position": {"line": 0, "character": 0}}),
        )
        .await;
    assert_eq!(none, Value::Null);

    let edited = copy.replace("sixteen years", "fifteen years").replace("Он алты жасқа", "Он бес жасқа");
    c.open("untitled:copy", &edited);
    c.diagnostics("untitled:copy", Some(1)).await;
    let update = c
        .request(
            "zan/updateAmendment",
            json!({"textDocument": {"uri": "untitled:copy"}, "amendment": "kz.cc.age-14"}),
        )
        .await;
    assert_eq!(update["uri"], uri("b.zan"));
    assert_eq!(update["operations"], 1);
    assert_eq!(update["warnings"], json!([]));
    let text = update["text"].as_str().unwrap();
    assert!(
        text.ends_with(
            "amendment kz.cc.age-14 {\n  target kz.cc version 2024-01-01\n  replace article 15 part 1 {\n    en \"sixteen\" -> \"fifteen\"\n    kk \"алты\" -> \"бес\"\n    compare corresponds kz.ap article 1\n  }\n}\n"
        ),
        "{text}"
    );
    // The unchanged copy: an error, nothing to write.
    c.open("untitled:same", copy);
    c.diagnostics("untitled:same", Some(1)).await;
    let id = c.request_later(
        "zan/updateAmendment",
        json!({"textDocument": {"uri": "untitled:same"}, "amendment": "kz.cc.age-14"}),
    );
    let refused = c.response(id).await;
    assert_eq!(
        refused["error"]["message"],
        "error[derive-no-change]: the edited copy does not differ from kz.cc version 2024-01-01; nothing written (1:5)"
    );
}

/// A client that pulls diagnostics gets none pushed: it is asked to pull
/// (`workspace/diagnostic/refresh`), gets every finding with a result id,
/// and an unchanged result when it names that id again.
#[tokio::test(flavor = "multi_thread")]
async fn pulled_diagnostics_with_result_ids() {
    let mut c = Client::start();
    let caps = json!({
        "textDocument": {"diagnostic": {}},
        "workspace": {"diagnostics": {"refreshSupport": true}},
    });
    let init = c.initialize(json!({"capabilities": caps, "rootUri": file_uri(&ws()), "locale": "en"})).await;
    assert_eq!(init["capabilities"]["diagnosticProvider"]["identifier"], "zan");
    let broken = text("a.zan").replacen("article", "artcle", 1);
    c.open(&uri("a.zan"), &broken);
    c.wait_for(|m| m["method"] == "workspace/diagnostic/refresh").await;
    let params =
        |previous: Value| json!({"textDocument": {"uri": uri("a.zan")}, "previousResultId": previous});
    let full = c.request("textDocument/diagnostic", params(Value::Null)).await;
    assert_eq!(full["kind"], "full");
    let items = full["items"].as_array().unwrap();
    assert!(items.iter().any(|d| d["code"] == "syntax-error"), "{full}");
    let id = full["resultId"].clone();
    let again = c.request("textDocument/diagnostic", params(id.clone())).await;
    assert_eq!(again, json!({"kind": "unchanged", "resultId": id}));
    // Fixed: a new result, without the error.
    c.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": uri("a.zan"), "version": 2}, "contentChanges": [{"text": text("a.zan")}]}),
    );
    // Refreshes of the workspace pass of version 1 may come first.
    loop {
        c.wait_for(|m| m["method"] == "workspace/diagnostic/refresh").await;
        let fixed = c.request("textDocument/diagnostic", params(id.clone())).await;
        if fixed["kind"] == "unchanged" {
            continue;
        }
        assert_ne!(fixed["resultId"], id);
        if !fixed["items"].as_array().unwrap().iter().any(|d| d["code"] == "syntax-error") {
            break;
        }
    }
    let seen = c.take_seen();
    assert!(!seen.iter().any(|m| m["method"] == "textDocument/publishDiagnostics"), "{seen:?}");
    assert!(c.shutdown().await);
}

#[tokio::test(flavor = "multi_thread")]
async fn drafting_code_actions_name_the_client_commands() {
    let (mut c, at) = with_cursor("a.zan", &mark("a.zan", "sixteen", 0)).await;
    let actions_at = |uri: &str, at: &Value| json!({"textDocument": {"uri": uri}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}});
    let actions = c.request("textDocument/codeAction", actions_at(&uri("a.zan"), &at)).await;
    assert_eq!(
        actions,
        json!([{
            "title": "Propose a change to this unit",
            "kind": "refactor.rewrite",
            "command": {
                "title": "Propose a change to this unit",
                "command": "zan.proposeChange",
                "arguments": [uri("a.zan"), {"line": 8, "character": 43}]
            }
        }])
    );
    assert_eq!(at, json!({"line": 8, "character": 43}));
    // Outside any unit (the act's header): nothing.
    let header = json!({"line": 1, "character": 2});
    assert_eq!(c.request("textDocument/codeAction", actions_at(&uri("a.zan"), &header)).await, json!([]));

    // The command's copy, edited, opened as a scratch document: it updates
    // the amendments of the workspace that amend that act version.
    let proposal =
        c.request("zan/proposeChange", json!({"textDocument": {"uri": uri("a.zan")}, "position": at})).await;
    let edited = proposal["text"].as_str().unwrap().replace("sixteen years", "fifteen years");
    c.open("untitled:copy", &edited);
    c.diagnostics("untitled:copy", Some(1)).await;
    let actions =
        c.request("textDocument/codeAction", actions_at("untitled:copy", &proposal["position"])).await;
    assert_eq!(
        actions,
        json!([{
            "title": "Update the amendment from the edited copy",
            "kind": "refactor.rewrite",
            "command": {
                "title": "Update the amendment from the edited copy",
                "command": "zan.updateAmendment",
                "arguments": ["untitled:copy", ["kz.cc.age-14"]]
            }
        }])
    );
    // An act no file of the workspace holds: not a copy, nothing to update.
    c.open(
        "untitled:other",
        "act x.y {\n  languages en\n  article 1 {\n    en summary \"Text.\" cite \"S\"\n  }\n}\n",
    );
    c.diagnostics("untitled:other", Some(1)).await;
    let inside = json!({"line": 3, "character": 5});
    assert_eq!(c.request("textDocument/codeAction", actions_at("untitled:other", &inside)).await, json!([]));
}

#[tokio::test(flavor = "multi_thread")]
async fn drafting_code_actions_speak_the_ui_language() {
    let (text, at) = cursor(&mark("a.zan", "sixteen", 0));
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&ws()), "locale": "ru"})).await;
    c.open(&uri("a.zan"), &text);
    c.diagnostics(&uri("a.zan"), Some(1)).await;
    let params = json!({"textDocument": {"uri": uri("a.zan")}, "range": {"start": at, "end": at}, "context": {"diagnostics": []}});
    let actions = c.request("textDocument/codeAction", params).await;
    assert_eq!(actions[0]["title"], "Предложить изменение этой структурной единицы");
}

/// `zan/import`: the client sends the bytes of the files it read; the server
/// runs the CLI's import on them and answers the `.zan` text, the findings
/// with their lines and the count of lines kept as comments only.
#[tokio::test(flavor = "multi_thread")]
async fn import_request_runs_the_import_on_the_bytes_sent() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/import");
    let b64 = |f: &str| base64::engine::general_purpose::STANDARD.encode(std::fs::read(dir.join(f)).unwrap());
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&ws()), "locale": "en"})).await;
    let act = c
        .request(
            "zan/import",
            json!({"kind": "act", "id": "kz.bad", "retrieved": "2024-05-01",
                   "files": [{"name": "bad-kk.txt", "lang": "kk", "bytes": b64("bad-kk.txt")}]}),
        )
        .await;
    let cli = crate::zan_command()
        .args(["import", "act", "bad-kk.txt", "--lang", "kk", "--id", "kz.bad", "--retrieved", "2024-05-01"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(act["zan"].as_str().unwrap(), String::from_utf8(cli.stdout).unwrap());
    assert_eq!(act["lost"], 3);
    assert_eq!(
        act["findings"][0],
        json!({"code": "import-unrecognised", "file": "bad-kk.txt", "line": 3,
        "message": "line not recognised (text before the first unit that is neither the title nor the act's date and number); kept as a comment"})
    );
    assert_eq!(act["findings"].as_array().unwrap().len(), 4);
    // A law in windows-1251: the encoding said, the targets unknown to this workspace kept as comments.
    let law = c
        .request(
            "zan/import",
            json!({"kind": "law", "files": [{"name": "law-ru-1251.txt", "lang": "ru", "bytes": b64("law-ru-1251.txt")}]}),
        )
        .await;
    assert_eq!(law["readAs"], json!(["law-ru-1251.txt: read as windows-1251"]));
    let codes: Vec<&str> =
        law["findings"].as_array().unwrap().iter().map(|f| f["code"].as_str().unwrap()).collect();
    assert!(codes.contains(&"import-unrecognised"), "{codes:?}");
    assert!(
        law["zan"]
            .as_str()
            .unwrap()
            .contains("# import-unrecognised law-ru-1251.txt:31: эта строка не является формулой;")
    );
    let id = c.request_later("zan/import", json!({"kind": "act", "files": []}));
    assert_eq!(c.response(id).await["error"]["message"], "an act's import needs its id");
    c.shutdown().await;
}
