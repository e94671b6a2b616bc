//! `zan lsp` end to end: the built binary over stdio with Content-Length
//! framing, including malformed input and the shutdown/exit protocol.

use crate::lsp_support::stdio;

use std::process::Stdio;

use serde_json::{Value, json};
use stdio::Server;

fn start() -> Server {
    Server::start(env!("CARGO_BIN_EXE_zan"), Stdio::null())
}

fn initialize(s: &mut Server) -> Value {
    let r = s.request(1, "initialize", json!({"capabilities": {}}));
    s.notify("initialized", json!({}));
    r
}

#[test]
fn a_session_over_stdio() {
    let mut s = start();
    let r = s.request(0, "textDocument/hover", json!({}));
    assert_eq!(r["error"]["code"], -32002, "requests before initialize: {r}");
    let r = initialize(&mut s);
    assert_eq!(r["result"]["capabilities"]["positionEncoding"], "utf-16");
    assert_eq!(r["result"]["capabilities"]["textDocumentSync"], 2);
    assert_eq!(r["result"]["serverInfo"]["name"], "zan");

    s.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": "untitled:a", "languageId": "zan", "version": 7, "text": "act a.b {\n  bogus\n}\n"}}),
    );
    let msg = s.read();
    assert_eq!(msg["method"], "textDocument/publishDiagnostics");
    assert_eq!(msg["params"]["version"], 7);
    assert_eq!(msg["params"]["diagnostics"][0]["code"], "syntax-error");
    assert_eq!(
        msg["params"]["diagnostics"][0]["range"],
        json!({"start": {"line": 1, "character": 2}, "end": {"line": 1, "character": 7}})
    );

    // Malformed JSON: a parse error, and the session goes on.
    s.raw(b"{\"jsonrpc\": \"2.0\", \"id\": 5, \"method\": ");
    let r = s.read();
    assert_eq!(r["error"]["code"], -32700, "{r}");
    let r = s.request(2, "zan/nonexistent", json!({}));
    assert_eq!(r["error"]["code"], -32601);
    let r = s.request(
        3,
        "textDocument/hover",
        json!({"textDocument": {"uri": "untitled:never-opened"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(r["error"]["code"], -32602);
    assert_eq!(r["error"]["message"], "unknown document untitled:never-opened: open it first");
    let r = s.request(4, "textDocument/hover", json!({"textDocument": {"uri": "untitled:a"}, "position": {"line": 4000000000u32, "character": 4000000000u32}}));
    assert_eq!(r, json!({"jsonrpc": "2.0", "id": 4, "result": null}));
    let r = s.request(6, "textDocument/hover", json!({"textDocument": {"uri": "untitled:a"}}));
    assert_eq!(r["error"]["code"], -32602, "missing position: {r}");

    let r = s.request(8, "shutdown", Value::Null);
    assert_eq!(r["result"], Value::Null);
    let r = s.request(
        9,
        "textDocument/hover",
        json!({"textDocument": {"uri": "untitled:a"}, "position": {"line": 0, "character": 0}}),
    );
    assert_eq!(r["error"]["code"], -32600, "requests after shutdown: {r}");
    s.notify("exit", Value::Null);
    assert_eq!(s.wait(), 0);
}

#[test]
fn exit_without_shutdown_fails() {
    let mut s = start();
    initialize(&mut s);
    s.notify("exit", Value::Null);
    assert_eq!(s.wait(), 1);
}

#[test]
fn closing_stdin_ends_the_server() {
    let mut s = start();
    initialize(&mut s);
    assert_eq!(s.wait(), 1);
}
