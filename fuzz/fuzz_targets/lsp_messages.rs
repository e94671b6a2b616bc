//! Arbitrary JSON-RPC traffic into the language server in process, over the
//! real Content-Length framing: after any sequence of messages (but `exit`),
//! the server still answers a request, and nothing panics (libFuzzer's panic
//! hook aborts even on the panics the server's handlers catch).
#![no_main]

use std::time::Duration;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use serde_json::{Map, Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};

const METHODS: [&str; 34] = [
    "initialize",
    "initialized",
    "shutdown",
    "textDocument/didOpen",
    "textDocument/didChange",
    "textDocument/didClose",
    "textDocument/didSave",
    "workspace/didChangeWatchedFiles",
    "workspace/didChangeConfiguration",
    "textDocument/hover",
    "textDocument/definition",
    "textDocument/references",
    "textDocument/documentHighlight",
    "textDocument/documentSymbol",
    "workspace/symbol",
    "textDocument/completion",
    "textDocument/semanticTokens/full",
    "textDocument/foldingRange",
    "textDocument/selectionRange",
    "textDocument/formatting",
    "textDocument/prepareRename",
    "textDocument/rename",
    "textDocument/codeAction",
    "textDocument/inlayHint",
    "textDocument/codeLens",
    "textDocument/documentLink",
    "zan/redline",
    "zan/table",
    "zan/bill",
    "zan/consolidated",
    "$/cancelRequest",
    "$/setTrace",
    "$/progress",
    "unknown/method",
];
const KEYS: [&str; 20] = [
    "textDocument",
    "uri",
    "position",
    "line",
    "character",
    "range",
    "start",
    "end",
    "text",
    "version",
    "contentChanges",
    "query",
    "context",
    "newName",
    "options",
    "changes",
    "type",
    "act",
    "id",
    "languageId",
];
const URIS: [&str; 4] =
    ["untitled:a", "file:///nonexistent/w/a.zan", "untitled:b", "file:///nonexistent/w/b.zan"];
const TEXTS: [&str; 3] = [
    include_str!("../../corpus/amendments/demo-operations.zan"),
    include_str!("../../corpus/kz/criminal-code/act.zan"),
    "act a.b {\n  article 1 {\n    en official \"see [article 2](article 2)\"\n  }\n}\n",
];

/// A JSON value with object keys mostly from the protocol's vocabulary.
#[derive(Arbitrary, Debug)]
enum Json {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Uri(u8),
    Array(Vec<Json>),
    Object(Vec<(Key, Json)>),
}

#[derive(Arbitrary, Debug)]
enum Key {
    Known(u8),
    Other(String),
}

impl Json {
    fn value(&self) -> Value {
        match self {
            Json::Null => Value::Null,
            Json::Bool(b) => json!(b),
            Json::Int(i) => json!(i),
            Json::Float(f) => json!(f),
            Json::Str(s) => json!(s),
            Json::Uri(u) => json!(URIS[*u as usize % URIS.len()]),
            Json::Array(items) => Value::Array(items.iter().map(Json::value).collect()),
            Json::Object(fields) => {
                let mut map = Map::new();
                for (k, v) in fields {
                    let k = match k {
                        Key::Known(i) => KEYS[*i as usize % KEYS.len()].to_string(),
                        Key::Other(s) => s.clone(),
                    };
                    map.insert(k, v.value());
                }
                Value::Object(map)
            }
        }
    }
}

#[derive(Arbitrary, Debug)]
enum Text {
    Shipped(u8),
    Own(String),
}

#[derive(Arbitrary, Debug)]
enum Msg {
    /// Any body, JSON or not.
    Body(Vec<u8>),
    /// A header block without a usable Content-Length.
    Header(Vec<String>),
    Request {
        id: Json,
        method: u8,
        params: Json,
    },
    Notify {
        method: u8,
        params: Json,
    },
    Response {
        id: Json,
        result: Json,
    },
    Open {
        uri: u8,
        version: i32,
        text: Text,
    },
    Change {
        uri: u8,
        version: i32,
        changes: Vec<(Option<[u32; 4]>, String)>,
    },
    Ask {
        id: i64,
        method: u8,
        uri: u8,
        line: u32,
        character: u32,
    },
}

#[derive(Arbitrary, Debug)]
struct Input {
    utf8: bool,
    locale: u8,
    messages: Vec<Msg>,
}

fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

fn method(m: u8) -> &'static str {
    METHODS[m as usize % METHODS.len()]
}

fn uri(u: u8) -> &'static str {
    URIS[u as usize % URIS.len()]
}

/// The bytes of one message; `exit` would end the session by design.
fn bytes(msg: &Msg) -> Option<Vec<u8>> {
    let value = match msg {
        Msg::Body(body) => {
            let parsed: Option<Value> = serde_json::from_slice(body).ok();
            if parsed.is_some_and(|v| v.to_string().contains("exit")) {
                return None;
            }
            return Some(frame(body));
        }
        Msg::Header(lines) => {
            let mut out = String::new();
            for line in lines {
                let line: String = line.chars().filter(|c| !matches!(c, '\r' | '\n')).collect();
                let content_length = line
                    .split_once(':')
                    .is_some_and(|(name, _)| name.trim().eq_ignore_ascii_case("content-length"));
                if !line.is_empty() && !content_length {
                    out += &line;
                    out += "\r\n";
                }
            }
            return (!out.is_empty()).then(|| (out + "\r\n").into_bytes());
        }
        Msg::Request { id, method: m, params } => {
            json!({"jsonrpc": "2.0", "id": id.value(), "method": method(*m), "params": params.value()})
        }
        Msg::Notify { method: m, params } => {
            json!({"jsonrpc": "2.0", "method": method(*m), "params": params.value()})
        }
        Msg::Response { id, result } => json!({"jsonrpc": "2.0", "id": id.value(), "result": result.value()}),
        Msg::Open { uri: u, version, text } => {
            let text = match text {
                Text::Shipped(i) => TEXTS[*i as usize % TEXTS.len()].to_string(),
                Text::Own(s) => s.clone(),
            };
            json!({"jsonrpc": "2.0", "method": "textDocument/didOpen", "params": {"textDocument": {
                "uri": uri(*u), "languageId": "zan", "version": version, "text": text}}})
        }
        Msg::Change { uri: u, version, changes } => {
            let changes: Vec<Value> = changes
                .iter()
                .map(|(range, text)| match range {
                    Some([l0, c0, l1, c1]) => json!({"range": {
                        "start": {"line": l0 % 64, "character": c0 % 256},
                        "end": {"line": l1 % 64, "character": c1 % 256}}, "text": text}),
                    None => json!({"text": text}),
                })
                .collect();
            json!({"jsonrpc": "2.0", "method": "textDocument/didChange", "params": {
                "textDocument": {"uri": uri(*u), "version": version}, "contentChanges": changes}})
        }
        Msg::Ask { id, method: m, uri: u, line, character } => {
            let position = json!({"line": line % 64, "character": character % 256});
            json!({"jsonrpc": "2.0", "id": id, "method": method(*m), "params": {
                "textDocument": {"uri": uri(*u)}, "position": position, "newName": "x",
                "range": {"start": position, "end": position}, "context": {"includeDeclaration": true, "diagnostics": []},
                "options": {"tabSize": 2, "insertSpaces": true}, "query": "", "act": "a.b"}})
        }
    };
    if value["method"] == "exit" {
        return None;
    }
    Some(frame(&serde_json::to_vec(&value).unwrap()))
}

async fn read_message<R: tokio::io::AsyncBufRead + Unpin>(reader: &mut R) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        match line.trim_end() {
            "" => break,
            l => length = l.strip_prefix("Content-Length: ").and_then(|v| v.parse().ok()).or(length),
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).await.ok()?;
    Some(serde_json::from_slice(&body).expect("the server writes JSON"))
}

async fn session(input: Input) {
    let (client, server) = tokio::io::duplex(1 << 16);
    let (sr, sw) = tokio::io::split(server);
    tokio::spawn(zan::lsp::serve(sr, sw));
    let (cr, mut cw) = tokio::io::split(client);
    let (tx, mut rx) = tokio::sync::mpsc::unbounded_channel();
    tokio::spawn(async move {
        let mut reader = BufReader::new(cr);
        while let Some(msg) = read_message(&mut reader).await {
            if tx.send(msg).is_err() {
                break;
            }
        }
    });
    let locale = ["en", "kk", "ru", "xx"][input.locale as usize % 4];
    let encodings = if input.utf8 { json!(["utf-8", "utf-16"]) } else { json!(["utf-16"]) };
    let init = json!({"jsonrpc": "2.0", "id": "init", "method": "initialize", "params": {
        "capabilities": {"general": {"positionEncodings": encodings}}, "locale": locale}});
    let mut out = frame(&serde_json::to_vec(&init).unwrap());
    out.extend(frame(br#"{"jsonrpc":"2.0","method":"initialized","params":{}}"#));
    for msg in &input.messages {
        out.extend(bytes(msg).unwrap_or_default());
    }
    out.extend(frame(br#"{"jsonrpc":"2.0","id":"probe","method":"zan/probe"}"#));
    let write = async move {
        cw.write_all(&out).await.expect("the server reads its input");
        cw
    };
    let answered = async {
        while let Some(msg) = rx.recv().await {
            if msg["id"] == "probe" && msg.get("method").is_none() {
                return true;
            }
        }
        false
    };
    let (_cw, answered) =
        tokio::time::timeout(Duration::from_secs(20), async { tokio::join!(write, answered) })
            .await
            .expect("the server answered the last request in time");
    assert!(answered, "the server stopped before the last request");
}

fuzz_target!(|input: Input| {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
    runtime.block_on(session(input));
    // Diagnostics still scheduled must not hold the next run.
    runtime.shutdown_background();
});
