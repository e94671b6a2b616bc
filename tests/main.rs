//! Every integration test of zan, in one test crate: one binary to build and
//! link instead of one per file (`autotests = false` in Cargo.toml). Each
//! module is a file beside this one; `lsp_support` is the in-process client
//! the server's tests share.

mod lsp_support;

mod bad_input;
mod bill_form;
mod bill_multi;
mod cache;
mod check;
mod check_cli;
mod derive_cli;
mod derive_props;
mod engine;
mod engine_cli;
mod engine_props;
mod fmt;
mod gen_corpus;
mod import;
mod import_law;
mod input_handling;
mod language;
mod lint_citations;
mod lint_hygiene;
mod lint_props;
mod lsp;
mod lsp_check;
mod lsp_faults;
mod lsp_neovim;
mod lsp_ordering;
mod lsp_positions;
mod lsp_stdio;
mod pdf;
mod redline;
mod redline_props;
mod remarks;
mod review;
mod select;
mod summary_marks;
mod tidy;

/// The `zan` binary for a test, without the on-disk cache: runs on the
/// repository's fixtures leave no `.zan-cache/` behind (tests/cache.rs
/// tests the cache itself).
pub fn zan_command() -> std::process::Command {
    let mut command = std::process::Command::new(env!("CARGO_BIN_EXE_zan"));
    command.env("ZAN_NO_CACHE", "1");
    command
}
