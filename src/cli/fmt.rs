//! `zan fmt [PATHS] [--check]`

use std::path::PathBuf;
use std::process::ExitCode;

use crate::document::Document;
use crate::report::{self, Style};

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (default: the current directory).
    paths: Vec<PathBuf>,
    /// Change nothing; list the files that would change and exit 1 if any.
    #[arg(long)]
    check: bool,
    /// Deprecated: the language of messages; use --message-lang.
    #[arg(long, hide = true)]
    lang: Option<String>,
}

pub fn run(args: Args) -> ExitCode {
    let style = Style {
        color: super::color_stderr(),
        lang: super::ui_lang(super::old_lang("fmt", args.lang).as_deref()),
    };
    let mut changed = 0;
    let mut failed = false;
    for path in crate::workspace::discover(&super::paths_or_cwd(args.paths)) {
        let display = path.display().to_string();
        let text = match crate::workspace::read(&path) {
            Ok(text) => text,
            Err(d) => {
                eprint!("{}", report::render(&d, &display, "", &crate::text::LineIndex::new(""), &style));
                failed = true;
                continue;
            }
        };
        let doc = Document::parse(text);
        let Some(formatted) = doc.formatted() else {
            for d in doc.model.diagnostics.iter().filter(|d| matches!(d.code(), "syntax-error" | "too-deep"))
            {
                eprint!("{}", report::render(d, &display, &doc.text, &doc.lines, &style));
            }
            failed = true;
            continue;
        };
        if formatted == doc.text {
            continue;
        }
        changed += 1;
        if args.check {
            println!("{display}");
        } else if let Err(e) = crate::fsio::write_atomic(&path, formatted.as_bytes()) {
            eprintln!("{}", super::emit::cannot_write(style.lang, &display, &e));
            failed = true;
        }
    }
    if failed {
        ExitCode::from(2)
    } else if args.check && changed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
