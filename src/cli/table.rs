//! `zan table <amendment-id> [--lang kk|ru|en] [--format html|markdown|docx]`:
//! the comparative table.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use super::consolidate::Loaded;
use crate::engine::Include;

#[derive(clap::Args)]
pub struct Args {
    id: String,
    #[arg(long, default_value = "kk", value_parser = ["kk", "ru", "en"])]
    lang: String,
    #[arg(long, default_value = "html", value_parser = ["html", "markdown", "docx"])]
    format: String,
    /// Add a column of comparative provisions (the operations' `compare` links).
    #[arg(long)]
    compare: bool,
    /// The workspace directory (default: the current directory).
    #[arg(long)]
    workspace: Option<PathBuf>,
}

pub fn run(args: Args) -> ExitCode {
    let ws = match Loaded::load(args.workspace, &args.id) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    let applied = match super::consolidate::apply(&ws, &args.id, None, Include::Adopted) {
        Ok(a) => a,
        Err(code) => return code,
    };
    ws.warn_references(&applied);
    let acts: Vec<&crate::model::Act> = ws.files.iter().flat_map(|f| &f.acts).collect();
    let table = crate::render::table::table(&applied, &args.lang, &acts);
    // The justification cell is empty rather than in another language.
    if crate::render::AUTHENTIC.contains(&args.lang.as_str()) {
        for r in table.rows.iter().filter(|r| r.justification.is_empty()) {
            eprintln!(
                "warning[missing-justification]: row {} ({}) has no justification in `{}`",
                r.number, r.unit, args.lang
            );
        }
    }
    let bytes = match args.format.as_str() {
        "markdown" => table.markdown(args.compare).into_bytes(),
        "docx" => match table.docx(args.compare) {
            Ok(b) => b,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        },
        _ => table.html(args.compare).into_bytes(),
    };
    if std::io::stdout().write_all(&bytes).is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
