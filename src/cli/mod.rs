//! The `zan` command line.

mod bill;
mod check;
mod compare;
mod consolidate;
mod derive;
mod diff;
mod emit;
mod fmt;
mod import;
mod output;
mod review;
mod table;

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::lang::Lang;

#[derive(Parser)]
#[command(
    name = "zan",
    version,
    about = "Legislation as plain-text source code: check, format, redline, comparative tables"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Language of messages (errors, warnings, summaries): en, kk or ru
    /// (default: from the locale). `--lang` names the language of legal text.
    #[arg(long, global = true, value_parser = ["en", "kk", "ru"])]
    message_lang: Option<String>,
    /// Parse and check every file of the workspace, not only those the
    /// command needs (to compare the two).
    #[arg(long, global = true, hide = true)]
    all_files: bool,
    /// Neither read nor write the workspace's cache of parsed files
    /// (`.zan-cache/`; also `ZAN_NO_CACHE=1`).
    #[arg(long, global = true)]
    no_cache: bool,
}

/// `--message-lang`, for every command.
static MESSAGE_LANG: std::sync::OnceLock<String> = std::sync::OnceLock::new();
/// `--all-files`, for the commands on one act or amendment.
static ALL_FILES: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

fn all_files() -> bool {
    ALL_FILES.get().copied().unwrap_or(false)
}

/// `--no-cache`.
static NO_CACHE: std::sync::OnceLock<bool> = std::sync::OnceLock::new();

/// The cache of the workspace in `root`, unless `--no-cache` (or
/// `ZAN_NO_CACHE`) turns it off.
fn cache(root: &std::path::Path) -> Option<crate::cache::Cache> {
    match NO_CACHE.get().copied().unwrap_or(false) {
        true => None,
        false => crate::cache::Cache::open(root),
    }
}

#[derive(Subcommand)]
enum Command {
    /// Validate a corpus and report diagnostics.
    Check(check::Args),
    /// Format .zan files canonically (in place, atomically).
    Fmt(fmt::Args),
    /// The consolidated act: an amendment applied, or an act as of a date.
    Consolidate(consolidate::Args),
    /// The amendment that turns an act version into an edited copy, proved.
    Derive(derive::Args),
    /// The redline of an amendment, or of two git revisions.
    Diff(diff::Args),
    /// The comparative table of an amendment.
    Table(table::Args),
    /// The text of the amending law.
    Bill(bill::Args),
    /// A unit beside its comparative provisions.
    Compare(compare::Args),
    /// Official texts into `.zan`: `zan import act FILE… --lang kk,ru --id ID`.
    Import(import::Args),
    /// A static review site: the act with the changes in place, the table, the bill.
    Review(review::Args),
    /// Run the language server on stdin/stdout (for editors).
    Lsp,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    if let Some(lang) = cli.message_lang {
        let _ = MESSAGE_LANG.set(lang);
    }
    let _ = ALL_FILES.set(cli.all_files);
    let _ = NO_CACHE.set(cli.no_cache);
    match cli.command {
        Command::Check(args) => check::run(args),
        Command::Fmt(args) => fmt::run(args),
        Command::Consolidate(args) => consolidate::run(args),
        Command::Derive(args) => derive::run(args),
        Command::Diff(args) => diff::run(args),
        Command::Table(args) => table::run(args),
        Command::Bill(args) => bill::run(args),
        Command::Compare(args) => compare::run(args),
        Command::Import(args) => import::run(args),
        Command::Review(args) => review::run(args),
        Command::Lsp => crate::lsp::run(),
    }
}

/// Paths given, or the current directory.
fn paths_or_cwd(paths: Vec<PathBuf>) -> Vec<PathBuf> {
    if paths.is_empty() { vec![PathBuf::from(".")] } else { paths }
}

/// `--message-lang` (or the old `--lang` of `check` and `fmt`), else the
/// locale (LC_ALL, LC_MESSAGES, LANG), else English.
fn ui_lang(flag: Option<&str>) -> Lang {
    flag.map(str::to_string)
        .or_else(|| MESSAGE_LANG.get().cloned())
        .or_else(|| ["LC_ALL", "LC_MESSAGES", "LANG"].iter().find_map(|v| std::env::var(v).ok()))
        .and_then(|tag| Lang::parse(&tag))
        .unwrap_or_default()
}

/// The old `--lang` of `check` and `fmt`, which named the language of
/// messages: still honoured for one release, with a warning, since every
/// other command's `--lang` names the language of legal text.
fn old_lang(command: &str, lang: Option<String>) -> Option<String> {
    if let Some(l) = &lang {
        eprintln!(
            "warning: `zan {command} --lang {l}` sets the language of messages; write `--message-lang {l}` (`--lang` will name the language of legal text, as in the other commands)"
        );
    }
    lang
}

fn color_stderr() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stderr().is_terminal()
}

fn color_stdout() -> bool {
    std::env::var_os("NO_COLOR").is_none() && std::io::stdout().is_terminal()
}
