//! `zan lsp`: the language server over stdio. The only module that knows
//! protocol types (tests/tidy.rs); everything it answers comes from the
//! core's `ide`, `analysis`, `fmt` and `redline` modules.

mod convert;
mod drafting;
mod features;
pub mod import;
mod server;
mod state;
mod transport;
mod views;

use std::process::ExitCode;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::io::{AsyncRead, AsyncWrite};
use tower_lsp_server::{LspService, Server};

use server::Backend;

/// Serves one client on `input`/`output` until it exits or closes the
/// input; true when it asked to shut down first (the exit code, per spec).
pub async fn serve<I, O>(input: I, output: O) -> bool
where
    I: AsyncRead + Unpin + Send + 'static,
    O: AsyncWrite + Unpin + Send + 'static,
{
    let (server_in, filtered) = tokio::io::duplex(1 << 16);
    let (server_out, produced) = tokio::io::duplex(1 << 16);
    let (replies, to_write) = tokio::sync::mpsc::unbounded_channel();
    let filter = tokio::spawn(transport::filter_input(input, filtered, replies.clone()));
    let forward = tokio::spawn(transport::forward_output(produced, replies));
    let writer = tokio::spawn(transport::write_output(output, to_write));
    let shut_down = Arc::new(AtomicBool::new(false));
    let flag = shut_down.clone();
    let (service, socket) = LspService::build(move |client| Backend::new(client, flag))
        .custom_method("zan/redline", Backend::redline)
        .custom_method("zan/table", Backend::table)
        .custom_method("zan/bill", Backend::bill)
        .custom_method("zan/consolidated", Backend::consolidated)
        .custom_method("zan/proposeChange", Backend::propose_change)
        .custom_method("zan/updateAmendment", Backend::update_amendment)
        .custom_method("zan/import", Backend::import)
        .finish();
    Server::new(server_in, server_out, socket).serve(service).await;
    // Everything the server wrote is forwarded; the input may still be open.
    let _ = forward.await;
    filter.abort();
    let _ = filter.await;
    let _ = writer.await;
    shut_down.load(Ordering::SeqCst)
}

/// `zan lsp`: serves on stdin/stdout.
pub fn run() -> ExitCode {
    let runtime = match tokio::runtime::Builder::new_multi_thread().enable_all().build() {
        Ok(rt) => rt,
        Err(e) => {
            server::log(&format!("cannot start the runtime: {e}"));
            return ExitCode::FAILURE;
        }
    };
    let clean = runtime.block_on(serve(tokio::io::stdin(), tokio::io::stdout()));
    // Handlers still running on the blocking pool must not hold the exit.
    runtime.shutdown_background();
    if clean { ExitCode::SUCCESS } else { ExitCode::FAILURE }
}
