//! An in-process client for the language server: the real JSON-RPC transport
//! (Content-Length framing) over an in-memory pipe, with helpers to open
//! documents, send requests and wait for diagnostics.
#![allow(dead_code)] // examples/ include it and use part of it

pub mod stdio;

use std::collections::VecDeque;
use std::time::Duration;

use serde_json::{Value, json};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::sync::mpsc;

pub struct Client {
    out: mpsc::UnboundedSender<Value>,
    incoming: mpsc::UnboundedReceiver<Value>,
    /// Notifications and responses read but not yet asked for.
    seen: VecDeque<Value>,
    next_id: i64,
    pub server: tokio::task::JoinHandle<bool>,
    /// How long to wait for any one message.
    pub timeout: Duration,
}

pub fn frame(msg: &Value) -> Vec<u8> {
    let body = serde_json::to_vec(msg).unwrap();
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend(body);
    out
}

/// Reads one framed message; `None` at the end of the stream.
pub async fn read_message<R: tokio::io::AsyncBufRead + Unpin>(reader: &mut R) -> Option<Value> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if reader.read_line(&mut line).await.ok()? == 0 {
            return None;
        }
        let line = line.trim_end();
        if line.is_empty() {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.parse().ok();
        }
    }
    let mut body = vec![0; length?];
    reader.read_exact(&mut body).await.ok()?;
    serde_json::from_slice(&body).ok()
}

impl Client {
    /// Starts a server and a client; server-to-client requests (progress
    /// tokens, registrations) are answered with `null` and also recorded.
    pub fn start() -> Client {
        let (client_io, server_io) = tokio::io::duplex(1 << 16);
        let (sr, sw) = tokio::io::split(server_io);
        let server = tokio::spawn(zan::lsp::serve(sr, sw));
        let (cr, mut cw) = tokio::io::split(client_io);
        let (out, mut out_rx) = mpsc::unbounded_channel::<Value>();
        tokio::spawn(async move {
            while let Some(msg) = out_rx.recv().await {
                if cw.write_all(&frame(&msg)).await.is_err() {
                    break;
                }
            }
        });
        let (in_tx, incoming) = mpsc::unbounded_channel();
        let answer = out.clone();
        tokio::spawn(async move {
            let mut reader = BufReader::new(cr);
            while let Some(msg) = read_message(&mut reader).await {
                if msg.get("method").is_some()
                    && let Some(id) = msg.get("id")
                {
                    let _ = answer.send(json!({"jsonrpc": "2.0", "id": id, "result": null}));
                }
                if in_tx.send(msg).is_err() {
                    break;
                }
            }
        });
        Client { out, incoming, seen: VecDeque::new(), next_id: 1, server, timeout: Duration::from_secs(20) }
    }

    pub fn send(&self, msg: Value) {
        self.out.send(msg).unwrap();
    }

    pub fn notify(&self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Sends a request without waiting; returns its id.
    pub fn request_later(&mut self, method: &str, params: Value) -> i64 {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        id
    }

    async fn next(&mut self) -> Value {
        tokio::time::timeout(self.timeout, self.incoming.recv())
            .await
            .expect("the server answered in time")
            .expect("the server is running")
    }

    /// The first message (seen before or arriving) that satisfies `pred`.
    pub async fn wait_for(&mut self, pred: impl Fn(&Value) -> bool) -> Value {
        if let Some(i) = self.seen.iter().position(&pred) {
            return self.seen.remove(i).unwrap();
        }
        loop {
            let msg = self.next().await;
            if pred(&msg) {
                return msg;
            }
            self.seen.push_back(msg);
        }
    }

    /// The full response (result or error) to request `id`.
    pub async fn response(&mut self, id: i64) -> Value {
        self.wait_for(|m| m.get("method").is_none() && m["id"] == json!(id)).await
    }

    /// Sends a request and returns its result; panics on an error response.
    pub async fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.request_later(method, params);
        let response = self.response(id).await;
        assert!(response.get("error").is_none(), "{method} failed: {response}");
        response["result"].clone()
    }

    pub async fn initialize(&mut self, params: Value) -> Value {
        let result = self.request("initialize", params).await;
        self.notify("initialized", json!({}));
        result
    }

    pub fn open(&self, uri: &str, text: &str) {
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "zan", "version": 1, "text": text}}),
        );
    }

    /// The next diagnostics published for `uri` (with `version` if given).
    pub async fn diagnostics(&mut self, uri: &str, version: Option<i64>) -> Vec<Value> {
        let msg = self
            .wait_for(|m| {
                m["method"] == "textDocument/publishDiagnostics"
                    && m["params"]["uri"] == uri
                    && version.is_none_or(|v| m["params"]["version"] == json!(v))
            })
            .await;
        msg["params"]["diagnostics"].as_array().unwrap().clone()
    }

    /// Shuts the server down but keeps the client, to read what it saw.
    pub async fn shutdown_keep(&mut self) {
        self.request("shutdown", Value::Null).await;
        self.notify("exit", Value::Null);
    }

    /// Every message read and not yet asked for.
    pub fn take_seen(&mut self) -> Vec<Value> {
        self.seen.drain(..).collect()
    }

    pub async fn shutdown(mut self) -> bool {
        self.request("shutdown", Value::Null).await;
        self.notify("exit", Value::Null);
        self.server.await.unwrap()
    }
}

/// A text with one `$0` cursor marker: the text without it, and the marker's
/// position in UTF-16 code units.
pub fn cursor(marked: &str) -> (String, Value) {
    let at = marked.find("$0").expect("a $0 marker");
    let before = &marked[..at];
    let line = before.matches('\n').count();
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let character = before[line_start..].encode_utf16().count();
    (marked.replacen("$0", "", 1), json!({"line": line, "character": character}))
}

pub fn pos(uri: &str, position: &Value) -> Value {
    json!({"textDocument": {"uri": uri}, "position": position})
}

/// A file URI for a path (percent-encoding what file URIs need).
pub fn file_uri(path: &std::path::Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_str().unwrap().bytes() {
        if b.is_ascii_alphanumeric() || b"/-._~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}
