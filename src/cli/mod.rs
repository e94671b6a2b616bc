//! The `zan` command line.

mod check;
mod fmt;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::diag::UiLang;

#[derive(Parser)]
#[command(
    name = "zan",
    version,
    about = "Legislation as plain-text source code: check, format, redline, comparative tables"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Validate a corpus and report diagnostics.
    Check(check::Args),
    /// Format .zan files canonically (in place, atomically).
    Fmt(fmt::Args),
    /// Run the language server on stdin/stdout (for editors).
    Lsp,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Lsp => crate::lsp::run(),
    }
}

/// Paths given, or the current directory.
fn paths_or_cwd(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() { vec![PathBuf::from(".")] } else { paths }
}

/// `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG), else English.
fn ui_lang(flag: Option<&str>) -> UiLang {
    flag.map(str::to_string)
        .or_else(|| ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|v| std::env::var(v).ok()))
        .and_then(|tag| UiLang::parse(&tag))
        .unwrap_or_default()
}

fn color_stderr() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

fn color_stdout() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}
