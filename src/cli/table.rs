//! `zan table <amendment-id|bill-id> [--lang kk|ru|en] [--format html|markdown|docx|pdf]`:
//! the comparative table.

use std::path::PathBuf;
use std::process::ExitCode;

use super::consolidate::Loaded;
use super::emit::Content;
use crate::engine::Include;

#[derive(clap::Args)]
pub struct Args {
    id: String,
    #[arg(long, default_value = "kk", value_parser = ["kk", "ru", "en"])]
    lang: String,
    /// `docx` and `pdf` are binary: give -o FILE or redirect standard output.
    #[arg(long, default_value = "html", value_parser = ["html", "markdown", "docx", "pdf"])]
    format: String,
    /// Add a column of comparative provisions (the operations' `compare` links).
    #[arg(long)]
    compare: bool,
    /// The workspace directory (default: the current directory).
    #[arg(long)]
    workspace: Option<PathBuf>,
    #[command(flatten)]
    output: super::emit::Output,
}

pub fn run(args: Args) -> ExitCode {
    let ws = match Loaded::load(args.workspace.clone(), &args.id) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    let acts: Vec<&crate::model::Act> = ws.files.iter().flat_map(|f| &f.acts).collect();
    let table = match super::consolidate::apply_bill(&ws, &ws.id, &args.lang) {
        Some(Ok((law, applied))) => {
            let amended: Vec<_> = applied.iter().collect();
            crate::render::table::table_of(&amended, law, &args.lang, &acts)
        }
        Some(Err(code)) => return code,
        None => match one(&ws, &args, &acts) {
            Ok(table) => table,
            Err(code) => return code,
        },
    };
    // The justification cell is empty rather than in another language.
    if crate::render::AUTHENTIC.contains(&args.lang.as_str()) {
        for r in table.rows.iter().filter(|r| r.justification.is_empty()) {
            eprintln!(
                "warning[missing-justification]: row {} ({}) has no justification in `{}`",
                r.number, r.unit, args.lang
            );
        }
    }
    let content = match args.format.as_str() {
        "markdown" => Content::Text(table.markdown(args.compare)),
        "docx" | "pdf" => {
            let (made, what) = if args.format == "pdf" {
                (table.pdf(args.compare), "PDF")
            } else {
                (table.docx(args.compare), "DOCX")
            };
            match made {
                Ok(bytes) => Content::Binary { bytes, what },
                Err(e) => {
                    eprintln!("error: {e}");
                    return ExitCode::from(1);
                }
            }
        }
        _ => Content::Text(table.html(args.compare)),
    };
    args.output.write(content)
}

/// The table of one amendment.
fn one(
    ws: &Loaded,
    args: &Args,
    acts: &[&crate::model::Act],
) -> Result<crate::render::table::Table, ExitCode> {
    let applied = super::consolidate::apply(ws, &ws.id, None, Include::Adopted)?;
    super::consolidate::lang_of(Some(args.lang.clone()), &applied)?;
    ws.warn_references(&applied);
    Ok(crate::render::table::table(&applied, &args.lang, acts))
}
