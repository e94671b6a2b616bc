//! The built `zan lsp` over stdio, with Content-Length framing written and
//! read by hand, for the tests where the bytes on the wire matter.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};

use serde_json::{Value, json};

pub struct Server {
    pub child: Child,
    pub stdin: ChildStdin,
    pub stdout: BufReader<ChildStdout>,
}

impl Server {
    /// Starts `zan` (the binary under test) with `stderr` going where given.
    pub fn start(zan: &str, stderr: Stdio) -> Server {
        let mut child = Command::new(zan)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .unwrap();
        let stdin = child.stdin.take().unwrap();
        let stdout = BufReader::new(child.stdout.take().unwrap());
        Server { child, stdin, stdout }
    }

    pub fn bytes(&mut self, bytes: &[u8]) {
        self.stdin.write_all(bytes).unwrap();
        self.stdin.flush().unwrap();
    }

    /// `body` framed with its Content-Length.
    pub fn raw(&mut self, body: &[u8]) {
        let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
        out.extend_from_slice(body);
        self.bytes(&out);
    }

    pub fn send(&mut self, msg: Value) {
        self.raw(&serde_json::to_vec(&msg).unwrap());
    }

    pub fn read(&mut self) -> Value {
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

    /// The next message that is not a notification.
    pub fn answer(&mut self) -> Value {
        loop {
            let msg = self.read();
            if msg.get("method").is_none() {
                return msg;
            }
        }
    }

    /// The response to request `id`, skipping notifications and other responses.
    pub fn response(&mut self, id: Value) -> Value {
        loop {
            let msg = self.read();
            if msg["id"] == id && msg.get("method").is_none() {
                return msg;
            }
        }
    }

    pub fn request(&mut self, id: i64, method: &str, params: Value) -> Value {
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        self.response(json!(id))
    }

    pub fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    /// Closes stdin and returns the exit code.
    pub fn wait(mut self) -> i32 {
        drop(self.stdin);
        self.child.wait().unwrap().code().expect("exited, not killed by a signal")
    }
}
