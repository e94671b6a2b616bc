//! The language server under faults: broken framing, bodies that are not
//! JSON or not JSON-RPC, unknown methods and ill-typed params (the built
//! binary over stdio, where framing matters); a 50 MB document, 10,000 rapid
//! edits, files changed and deleted on disk while open (in process); and a
//! client that stops reading for a while. The server answers what is due with
//! the JSON-RPC error, keeps serving, and never crashes.

use crate::lsp_support::stdio;

use std::io::{Read, Write};
use std::process::Stdio;
use std::time::Duration;

use crate::lsp_support::{Client, file_uri};
use serde_json::{Value, json};
use stdio::Server;

/// An unformatted document and the edit that formats it: a request whose
/// exact answer shows the server still serves.
const UGLY: &str = "act a.b {kind code}\n";
const FORMATTED: &str = "act a.b {\n  kind code\n}\n";

/// Initializes and opens `untitled:ugly` (UGLY).
fn initialized() -> Server {
    let mut s = Server::start(env!("CARGO_BIN_EXE_zan"), Stdio::piped());
    let r = s.request(1, "initialize", json!({"capabilities": {}}));
    assert_eq!(r["result"]["serverInfo"]["name"], "zan");
    s.notify("initialized", json!({}));
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "untitled:ugly", "languageId": "zan", "version": 1, "text": UGLY}}),
    );
    s
}

/// The server formats `untitled:ugly`: it is alive and its state intact.
fn still_serves(s: &mut Server, id: i64) {
    let r = s.request(id, "textDocument/formatting", formatting_params());
    assert_eq!(r, formatted(id));
}

/// Closes stdin and returns the exit code and stderr.
fn finish(s: Server) -> (i32, String) {
    let Server { mut child, stdin, .. } = s;
    drop(stdin);
    let mut stderr = String::new();
    child.stderr.take().unwrap().read_to_string(&mut stderr).unwrap();
    (child.wait().unwrap().code().expect("exited, not killed by a signal"), stderr)
}

fn formatting_params() -> Value {
    json!({"textDocument": {"uri": "untitled:ugly"}, "options": {"tabSize": 2, "insertSpaces": true}})
}

fn formatted(id: i64) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "result": [{
        "range": {"start": {"line": 0, "character": 0}, "end": {"line": 1, "character": 0}},
        "newText": FORMATTED,
    }]})
}

fn error(id: Value, code: i64, message: &str) -> Value {
    json!({"jsonrpc": "2.0", "id": id, "error": {"code": code, "message": message}})
}

#[test]
fn framing_faults_are_answered_and_the_session_goes_on() {
    let mut s = initialized();
    still_serves(&mut s, 2);
    // A header block without Content-Length, or with one that is no number
    // (or overflows): a parse error, and the next message is read normally.
    for header in [
        &b"Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n\r\n"[..],
        b"Content-Length: twelve\r\n\r\n",
        b"Content-Length: 18446744073709551616\r\n\r\n",
        b"\xff\xfe\r\n\r\n",
        b"garbage without a colon\n\n",
    ] {
        s.bytes(header);
        assert_eq!(
            s.answer(),
            error(Value::Null, -32700, "Parse error"),
            "{}",
            String::from_utf8_lossy(header)
        );
        still_serves(&mut s, 3);
    }
    // Headers other than Content-Length are ignored, whatever their bytes.
    let body = serde_json::to_vec(&json!({"jsonrpc": "2.0", "id": 4, "method": "textDocument/formatting", "params": formatting_params()})).unwrap();
    let mut message = format!("X-\u{fffd}: \u{1F642}\r\ncontent-length:{}\n\n", body.len()).into_bytes();
    message.extend(body);
    s.bytes(&message);
    assert_eq!(s.answer(), formatted(4));
    let (code, stderr) = finish(s);
    assert_eq!((code, stderr.contains("panicked")), (1, false), "{stderr}");
}

#[test]
fn bodies_that_are_not_json_rpc_are_answered_and_the_session_goes_on() {
    let mut s = initialized();
    // Not JSON.
    for body in [&b"{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": "[..], b"", b"\xff\xfe", b"{}}"] {
        s.raw(body);
        assert_eq!(
            s.answer(),
            error(Value::Null, -32700, "Parse error"),
            "{}",
            String::from_utf8_lossy(body)
        );
        still_serves(&mut s, 2);
    }
    // JSON, but not a JSON-RPC message: an invalid request.
    for body in [
        json!(42),
        json!("x"),
        json!(null),
        json!({"hello": "world"}),
        json!({"jsonrpc": "1.0", "id": 6, "method": "shutdown"}),
        json!({"jsonrpc": "2.0", "id": {"no": "objects"}, "method": "shutdown"}),
    ] {
        s.send(body.clone());
        assert_eq!(s.answer(), error(Value::Null, -32600, "Invalid request"), "{body}");
        still_serves(&mut s, 3);
    }
    let (code, stderr) = finish(s);
    assert_eq!((code, stderr.contains("panicked")), (1, false), "{stderr}");
}

#[test]
fn unknown_methods_and_ill_typed_params_get_errors() {
    let mut s = initialized();
    assert_eq!(
        s.request(10, "zan/nonexistent", json!({})),
        json!({"jsonrpc": "2.0", "id": 10, "error": {"code": -32601, "message": "Method not found", "data": "zan/nonexistent"}})
    );
    // Unknown notifications get no answer: the next answer is the next request's.
    s.notify("zan/nonexistent", json!({}));
    s.notify("$/unknown", json!([]));
    still_serves(&mut s, 11);
    let mut errors = Vec::new();
    for (id, method, params) in [
        (12, "textDocument/hover", json!({"textDocument": 5, "position": "x"})),
        (13, "textDocument/hover", json!([1, 2])),
        (
            14,
            "textDocument/hover",
            json!({"textDocument": {"uri": "untitled:ugly"}, "position": {"line": -1, "character": 0}}),
        ),
        (15, "textDocument/formatting", json!("untitled:ugly")),
        (
            16,
            "textDocument/rename",
            json!({"textDocument": {"uri": "untitled:ugly"}, "position": {"line": 0, "character": 0}, "newName": 7}),
        ),
        (17, "zan/redline", json!({"uri": ["untitled:ugly"]})),
        (18, "workspace/symbol", json!({"query": null})),
    ] {
        let r = s.request(id, method, params);
        errors.push((r["id"].clone(), r["error"]["code"].clone(), r["error"]["message"].clone()));
    }
    let invalid = |id: i64, message: &str| (json!(id), json!(-32602), json!(message));
    assert_eq!(
        errors,
        [
            invalid(12, "invalid type: string \"x\", expected struct Position"),
            invalid(13, "invalid type: sequence, expected struct HoverParams"),
            invalid(14, "invalid value: integer `-1`, expected u32"),
            invalid(15, "invalid type: string \"untitled:ugly\", expected struct DocumentFormattingParams"),
            invalid(16, "invalid type: integer `7`, expected a string"),
            invalid(17, "missing field `textDocument`"),
            invalid(18, "invalid type: null, expected a string"),
        ]
    );
    // Ill-typed notifications are dropped; the document is unchanged.
    s.notify(
        "textDocument/didChange",
        json!({"textDocument": {"uri": "untitled:ugly"}, "contentChanges": "x"}),
    );
    s.notify("textDocument/didOpen", json!({"textDocument": {"uri": 3}}));
    s.notify("textDocument/didClose", json!(null));
    s.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": "file:///x.zan", "type": 99}]}));
    still_serves(&mut s, 19);
    let (code, stderr) = finish(s);
    assert_eq!((code, stderr.contains("panicked")), (1, false), "{stderr}");
}

#[test]
fn a_message_cut_short_by_the_end_of_input_ends_the_session_quietly() {
    for (promised, sent) in [
        ("1000", &b"{\"jsonrpc\": \"2.0\", \"id\": 9, \"method\": \"shutdown\"}"[..]),
        // More than any memory: the body is never allocated ahead of its bytes.
        ("18446744073709551615", b"{}"),
        ("99999999999", b""),
    ] {
        let mut s = initialized();
        still_serves(&mut s, 2);
        s.bytes(format!("Content-Length: {promised}\r\n\r\n").as_bytes());
        s.bytes(sent);
        let (code, stderr) = finish(s);
        assert_eq!((code, stderr.as_str()), (1, ""), "Content-Length: {promised}");
    }
}

#[test]
fn a_client_that_stops_reading_loses_nothing() {
    let mut s = initialized();
    still_serves(&mut s, 2);
    // Each answer carries a formatted copy of a large document: far more
    // than a pipe holds while nobody reads.
    let big = format!("act a.b {{kind code {}}}\n", "article 1 {en official \"ә\" cite \"x\"} ".repeat(2000));
    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "untitled:big", "languageId": "zan", "version": 1, "text": big}}),
    );
    let mut stdin = s.stdin;
    let writer = std::thread::spawn(move || {
        for id in 100..400 {
            let msg = json!({"jsonrpc": "2.0", "id": id, "method": "textDocument/formatting", "params": {"textDocument": {"uri": "untitled:big"}, "options": {"tabSize": 2, "insertSpaces": true}}});
            let body = serde_json::to_vec(&msg).unwrap();
            write!(stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
            stdin.write_all(&body).unwrap();
        }
        stdin.flush().unwrap();
        stdin
    });
    std::thread::sleep(Duration::from_secs(4));
    s.stdin = writer.join().unwrap();
    let expected = zan::document::Document::parse(big).formatted().unwrap();
    let mut ids = Vec::new();
    while ids.len() < 300 {
        let r = s.answer();
        assert_eq!(r["result"][0]["newText"], expected, "{}", r["id"]);
        ids.push(r["id"].as_i64().unwrap());
    }
    ids.sort();
    assert_eq!(ids, (100..400).collect::<Vec<_>>());
    still_serves(&mut s, 3);
    let (code, stderr) = finish(s);
    assert_eq!((code, stderr.as_str()), (1, ""));
}

// ---- in process ----

fn change(uri: &str, version: i64, changes: Value) -> Value {
    json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": changes})
}

fn at(line: u32, character: u32) -> Value {
    json!({"line": line, "character": character})
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics.iter().map(|d| format!("{} {}", d["code"].as_str().unwrap(), d["range"])).collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_fifty_megabyte_document_is_opened_and_edited() {
    const URI: &str = "untitled:huge";
    let article = |n: usize| {
        let words = "The person who has reached sixteen years of age is liable under this Code. ".repeat(60);
        format!("  article {n} {{\n    en summary \"{}\" cite \"generated\"\n  }}\n", words.trim_end())
    };
    let mut text = String::from("act h.a {\n  languages en\n");
    let mut n = 1;
    while text.len() < 50 << 20 {
        text += &article(n);
        n += 1;
    }
    text += "}\n";
    let mut c = Client::start();
    c.timeout = Duration::from_secs(600);
    c.initialize(json!({"capabilities": {}})).await;
    c.open(URI, &text);
    assert_eq!(c.diagnostics(URI, Some(1)).await, Vec::<Value>::new());
    // References to missing articles in the texts of the first and the
    // middle article, in one change notification.
    let middle = 2 + 3 * (n as u32 / 2) + 1;
    c.notify(
        "textDocument/didChange",
        change(
            URI,
            2,
            json!([
                {"range": {"start": at(3, 16), "end": at(3, 16)}, "text": "[see](article 0) "},
                {"range": {"start": at(middle, 16), "end": at(middle, 16)}, "text": "[see](article 999999) "},
            ]),
        ),
    );
    let diagnostics = c.diagnostics(URI, Some(2)).await;
    assert_eq!(
        codes(&diagnostics),
        [
            format!("unresolved-reference {}", json!({"start": at(3, 22), "end": at(3, 31)})),
            format!("unresolved-reference {}", json!({"start": at(middle, 22), "end": at(middle, 36)})),
        ]
    );
    let symbols = c.request("textDocument/documentSymbol", json!({"textDocument": {"uri": URI}})).await;
    assert_eq!(symbols[0]["children"].as_array().unwrap().len(), n - 1);
    assert!(c.shutdown().await);
}

#[tokio::test(flavor = "multi_thread")]
async fn ten_thousand_rapid_edits_end_in_the_exact_text() {
    const URI: &str = "untitled:typing";
    const HEAD: &str = "act a.b {kind code title en summary \"";
    const TAIL: &str = "\" cite \"x\"}\n";
    let mut c = Client::start();
    // Each edit re-lowers the document: slow in a debug build.
    c.timeout = Duration::from_secs(300);
    c.initialize(json!({"capabilities": {}})).await;
    c.open(URI, &format!("{HEAD}{TAIL}"));
    assert_eq!(c.diagnostics(URI, Some(1)).await, Vec::<Value>::new());
    // Typing inside the title, with a backspace every seventh key; columns
    // in UTF-16 code units (the emoji takes two).
    let keys = ['ә', 'a', '🙂', ' ', '字'];
    let mut typed: Vec<char> = Vec::new();
    let col = |typed: &[char]| (HEAD.len() + typed.iter().map(|c| c.len_utf16()).sum::<usize>()) as u32;
    for version in 2..=10_001 {
        let edit = if version % 7 == 0 && !typed.is_empty() {
            let end = col(&typed);
            typed.pop();
            json!({"range": {"start": at(0, col(&typed)), "end": at(0, end)}, "text": ""})
        } else {
            let key = keys[version as usize % keys.len()];
            let start = col(&typed);
            typed.push(key);
            json!({"range": {"start": at(0, start), "end": at(0, start)}, "text": key.to_string()})
        };
        c.notify("textDocument/didChange", change(URI, version, json!([edit])));
    }
    assert_eq!(c.diagnostics(URI, Some(10_001)).await, Vec::<Value>::new());
    let text = format!("{HEAD}{}{TAIL}", typed.iter().collect::<String>());
    let expected = zan::document::Document::parse(text).formatted().unwrap();
    assert!(expected.contains(&typed.iter().collect::<String>()));
    let edits = c
        .request(
            "textDocument/formatting",
            json!({"textDocument": {"uri": URI}, "options": {"tabSize": 2, "insertSpaces": true}}),
        )
        .await;
    assert_eq!(edits, json!([{"range": {"start": at(0, 0), "end": at(1, 0)}, "newText": expected}]));
    assert!(c.shutdown().await);
}

#[tokio::test(flavor = "multi_thread")]
async fn files_changed_and_deleted_on_disk_while_open() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().canonicalize().unwrap();
    std::fs::write(dir.join("a.zan"), "act a.b {\n}\n").unwrap();
    std::fs::write(dir.join("c.zan"), "act c.d {\n  languages xx\n}\n").unwrap();
    let (a, cu) = (file_uri(&dir.join("a.zan")), file_uri(&dir.join("c.zan")));
    let unknown = [format!("unknown-language {}", json!({"start": at(1, 12), "end": at(1, 14)}))];
    let cleared = |uri: &str| {
        let uri = uri.to_string();
        move |m: &Value| {
            m["method"] == "textDocument/publishDiagnostics"
                && m["params"]["uri"] == uri
                && m["params"]["diagnostics"] == json!([])
        }
    };
    let mut c = Client::start();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&dir)})).await;
    assert_eq!(codes(&c.diagnostics(&cu, None).await), unknown);
    c.open(&a, "act a.b {\n  languages yy\n}\n");
    assert_eq!(codes(&c.diagnostics(&a, Some(1)).await), unknown);
    // The open file changes on disk, then is deleted: the buffer stays, and
    // an incremental edit still applies to it.
    std::fs::write(dir.join("a.zan"), "act a.b {\n  languages en kk ru\n}\n").unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": a, "type": 2}]}));
    std::fs::remove_file(dir.join("a.zan")).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": a, "type": 3}]}));
    c.notify(
        "textDocument/didChange",
        change(&a, 2, json!([{"range": {"start": at(1, 12), "end": at(1, 14)}, "text": "ww"}])),
    );
    let diagnostics = c.diagnostics(&a, Some(2)).await;
    assert_eq!(codes(&diagnostics), unknown);
    assert_eq!(diagnostics[0]["message"], "`ww` is not an ISO 639-1 language code");
    // A closed file deleted on disk: its diagnostics are cleared.
    std::fs::remove_file(dir.join("c.zan")).unwrap();
    c.notify("workspace/didChangeWatchedFiles", json!({"changes": [{"uri": cu, "type": 3}]}));
    c.wait_for(cleared(&cu)).await;
    // Closing the open file that is gone from disk: cleared too.
    c.notify("textDocument/didClose", json!({"textDocument": {"uri": a}}));
    c.wait_for(cleared(&a)).await;
    let r = c.request_later("textDocument/hover", json!({"textDocument": {"uri": a}, "position": at(0, 0)}));
    assert_eq!(c.response(r).await["error"]["message"], format!("unknown document {a}: open it first"));
    assert!(c.shutdown().await);
}
