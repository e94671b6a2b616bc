//! Framing in front of tower-lsp-server: its reader stops for good at the
//! first body that is not JSON, so bodies are checked here first; a malformed
//! one is answered with a JSON-RPC parse error and the session goes on.

use std::io;

use tokio::io::{
    AsyncBufRead, AsyncBufReadExt, AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt, BufReader,
};
use tokio::sync::mpsc;

/// Reads one `Content-Length` framed body; `None` at the end of the input.
pub async fn read_frame<R: AsyncBufRead + Unpin>(input: &mut R) -> io::Result<Option<Vec<u8>>> {
    let mut length = None;
    loop {
        let mut line = String::new();
        if input.read_line(&mut line).await? == 0 {
            return Ok(None);
        }
        let line = line.trim_end_matches(['\r', '\n']);
        if line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().ok();
        }
    }
    let length = length
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "a message without Content-Length"))?;
    let mut body = vec![0; length];
    input.read_exact(&mut body).await?;
    Ok(Some(body))
}

pub fn frame(body: &[u8]) -> Vec<u8> {
    let mut out = format!("Content-Length: {}\r\n\r\n", body.len()).into_bytes();
    out.extend_from_slice(body);
    out
}

const PARSE_ERROR: &[u8] = br#"{"jsonrpc":"2.0","error":{"code":-32700,"message":"Parse error"},"id":null}"#;

/// Copies framed messages from `input` to `to_server`, answering bodies that
/// are not JSON on `replies` instead.
pub async fn filter_input<I, W>(input: I, mut to_server: W, replies: mpsc::UnboundedSender<Vec<u8>>)
where
    I: AsyncRead + Unpin,
    W: AsyncWrite + Unpin,
{
    let mut input = BufReader::new(input);
    while let Ok(Some(body)) = read_frame(&mut input).await {
        if serde_json::from_slice::<serde::de::IgnoredAny>(&body).is_ok() {
            if to_server.write_all(&frame(&body)).await.is_err() {
                break;
            }
        } else {
            let _ = replies.send(PARSE_ERROR.to_vec());
        }
    }
    let _ = to_server.shutdown().await;
}

/// Copies the server's framed messages to `replies`, whole, so they never
/// interleave with parse errors.
pub async fn forward_output<R: AsyncRead + Unpin>(from_server: R, replies: mpsc::UnboundedSender<Vec<u8>>) {
    let mut from_server = BufReader::new(from_server);
    while let Ok(Some(body)) = read_frame(&mut from_server).await {
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
