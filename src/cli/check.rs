//! `zan check [PATHS]`

use std::path::PathBuf;
use std::process::ExitCode;

use crate::diag::Severity;
use crate::document::Document;
use crate::report::{self, Style};

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (default: the current directory).
    paths: Vec<PathBuf>,
    /// Treat warnings as errors (`--deny warnings`).
    #[arg(long, value_parser = ["warnings"])]
    deny: Option<String>,
    /// Language of messages: en, kk or ru (default: from the locale).
    #[arg(long)]
    lang: Option<String>,
}

pub fn run(args: Args) -> ExitCode {
    let style = Style { color: super::color_stdout(), lang: super::ui_lang(args.lang.as_deref()) };
    let paths = crate::workspace::discover(&super::paths_or_cwd(args.paths));
    let mut docs = Vec::with_capacity(paths.len());
    let mut read_errors = Vec::new();
    for path in &paths {
        match crate::workspace::read(path) {
            Ok(text) => docs.push(Document::parse(text)),
            Err(d) => {
                read_errors.push((path.display().to_string(), *d));
                docs.push(Document::parse(String::new()));
            }
        }
    }
    // The analysis borrows the models; the texts stay for rendering.
    let (sources, models): (Vec<_>, Vec<_>) = docs.into_iter().map(|d| ((d.text, d.lines), d.model)).unzip();
    let diagnostics = crate::analysis::analyze(&models);
    let (mut errors, mut warnings) = (0, 0);
    let mut count = |severity| match severity {
        Severity::Error => errors += 1,
        Severity::Warning => warnings += 1,
        Severity::Info => {}
    };
    for (display, d) in &read_errors {
        count(d.severity);
        print!("{}", report::render(d, display, "", &crate::text::LineIndex::new(""), &style));
    }
    for fd in &diagnostics {
        let (text, lines) = &sources[fd.file];
        count(fd.diagnostic.severity);
        let display = paths[fd.file].display().to_string();
        print!("{}", report::render(&fd.diagnostic, &display, text, lines, &style));
    }
    if errors > 0 || (args.deny.is_some() && warnings > 0) {
        eprintln!("{errors} errors, {warnings} warnings");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
