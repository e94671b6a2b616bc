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
    let deny_warnings = args.deny.is_some();
    let mut errors = 0;
    let mut warnings = 0;
    for path in crate::workspace::discover(&super::paths_or_cwd(args.paths)) {
        let display = path.display().to_string();
        let (text, diagnostics) = match crate::workspace::read(&path) {
            Ok(text) => {
                let doc = Document::parse(text);
                (doc.text, doc.model.diagnostics)
            }
            Err(d) => (String::new(), vec![d]),
        };
        let lines = crate::text::LineIndex::new(&text);
        for d in &diagnostics {
            match d.severity {
                Severity::Error => errors += 1,
                Severity::Warning => warnings += 1,
                Severity::Info => {}
            }
            print!("{}", report::render(d, &display, &text, &lines, &style));
        }
    }
    if errors > 0 || (deny_warnings && warnings > 0) {
        eprintln!("{errors} errors, {warnings} warnings");
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
