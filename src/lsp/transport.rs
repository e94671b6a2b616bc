//! Framing in front of tower-lsp-server: its reader stops for good at the
//! first body that is not JSON, so bodies are checked here first; a malformed
//! one, or a header without a Content-Length, is answered with a JSON-RPC
//! parse error (invalid request for JSON that is no JSON-RPC message) and
//! the session goes on.

use std::io;

use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tokio::sync::mpsc;
use tower_lsp_server::jsonrpc;

/// One framed message of the input.
#[derive(Debug, PartialEq, Eq)]
pub enum Frame {
    Body(Vec<u8>),
    /// A header block without a usable `Content-Length`: skipped, since the
    /// blank line that ends it still marks where the next message starts.
    Malformed,
}

/// Reads one `Content-Length` framed message; `None` at the end of the
/// input, also when it ends inside a message.
pub async fn read_frame<R: AsyncBufRead + Unpin>(input: &mut R) -> io::Result<Option<Frame>> {
    let mut length = None;
    loop {
        // Bytes, not `read_line`: a header that is not UTF-8 is malformed,
        // not an error of the stream.
        let mut line = Vec::new();
        if input.read_until(b'\n', &mut line).await? == 0 {
            return Ok(None);
        }
        let line = String::from_utf8_lossy(&line);
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<u64>().ok();
        }
    }
    let Some(length) = length else { return Ok(Some(Frame::Malformed)) };
    // Grown as bytes arrive: a header may promise more than will ever come.
    let mut body = Vec::new();
    input.take(length).read_to_end(&mut body).await?;
    Ok((body.len() as u64 == length).then_some(Frame::Body(body)))
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

const PARSE_ERROR: &[u8] = br#"{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"},"id":null}"#;
const INVALID_REQUEST: &[u8] =
    br#"{"jsonrpc":"2.0","error":{"code":-32600,"message":"Invalid request"},"id":null}"#;

/// The answer to a body the server must not see, if it must not: its reader
/// also stops for good at JSON that is not a JSON-RPC message.
fn refusal(body: &[u8]) -> Option<&'static [u8]> {
    if serde_json::from_slice::<serde::de::IgnoredAny>(body).is_err() {
        Some(PARSE_ERROR)
    } else if serde_json::from_slice::<jsonrpc::Request>(body).is_err()
        && serde_json::from_slice::<jsonrpc::Response>(body).is_err()
    {
        Some(INVALID_REQUEST)
    } else {
        None
    }
}

/// Copies framed messages from `input` to `to_server`, answering bodies that
/// are not JSON-RPC messages on `replies` instead.
pub async fn filter_input<I, W>(input: I, mut to_server: W, replies: mpsc::UnboundedSender<Vec<u8>>)
where
    I: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut input = BufReader::new(input);
    while let Ok(Some(message)) = read_frame(&mut input).await {
        let answer = match message {
            Frame::Body(body) => match refusal(&body) {
                Some(answer) => answer,
                None if to_server.write_all(&frame(&body)).await.is_err() => break,
                None => continue,
            },
            Frame::Malformed => PARSE_ERROR,
        };
        let _ = replies.send(answer.to_vec());
    }
    let _ = to_server.shutdown().await;
}

/// Copies the server's framed messages to `replies`, whole, so they never
/// interleave with parse errors.
pub async fn forward_output<R: AsyncRead + Unpin>(from_server: R, replies: mpsc::UnboundedSender<Vec<u8>>) {
    let mut from_server = BufReader::new(from_server);
    while let Ok(Some(Frame::Body(body))) = read_frame(&mut from_server).await {
        if replies.send(body).is_err() {
            break;
        }
    }
}

pub async fn write_output<O: AsyncWrite + Unpin>(
    mut output: O,
    mut replies: mpsc::UnboundedReceiver<Vec<u8>>,
) {
    while let Some(body) = replies.recv().await {
        if output.write_all(&frame(&body)).await.is_err() || output.flush().await.is_err() {
            break;
        }
    }
}
