//! `zan lsp` end to end: the built binary over stdio with Content-Length
//! framing, including malformed input and the shutdown/exit protocol.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

struct Server {
    child: Child,
    stdin: ChildStdin,
    stdout: BufReader<ChildStdout>,
}

impl Server {
    fn start() -> Server {
        let mut child = Command::new(env!("CARGO_BIN_EXE_zan"))
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Server { child, stdin, stdout }
    }

    fn raw(&mut self, body: &[u8]) {
        write!(self.stdin, "Content-Length: {}\r\n\r\n", body.len()).unwrap();
        self.stdin.write_all(body).unwrap();
        self.stdin.flush().unwrap();
    }

    fn send(&mut self, msg: Value) {
        self.raw(&serde_json::to_vec(&msg).unwrap());
    }

    fn read(&mut self) -> Value {
        let mut length = 0;
        loop {
            let mut line = String::new();
            assert!(self.stdout.read_line(&mut line).unwrap() > 0, "the server closed stdout");
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            if let Some(v) = line.strip_prefix("Content-Length: ") {
                length = v.parse().unwrap();
            }
        }
        let mut body = vec![0; length];
        self.stdout.read_exact(&mut body).unwrap();
        serde_json::from_slice(&body).unwrap()
    }

    /// The next message that is not a log or progress notification.
    fn response(&mut self, id: Value) -> Value {
        loop {
            let msg = self.read();
            if msg["id"] == id && msg.get("method").is_none() {
                return msg;
            }
        }
    }

    fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(json!(id))
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn wait(mut self) -> i32 {
        drop(self.stdin);
        self.child.wait().unwrap().code().unwrap()
    }
}

fn initialize(s: &mut Server) -> Value {
    let r = s.request(1, "initialize", json!({"capabilities": {}}));
    s.notify("initialized", json!({}));
    r
}

#[test]
fn a_session_over_stdio() {
    let mut s = Server::start();
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
    let mut s = Server::start();
    initialize(&mut s);
    s.notify("exit", Value::Null);
    assert_eq!(s.wait(), 1);
}

#[test]
fn closing_stdin_ends_the_server() {
    let mut s = Server::start();
    initialize(&mut s);
    assert_eq!(s.wait(), 1);
}
