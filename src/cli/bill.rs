//! `zan bill <amendment-id|bill-id> --lang kk|ru|en [--format text|docx|pdf]`:
//! the text of the amending law, or the law as a Word document or a PDF.

use std::path::PathBuf;
use std::process::ExitCode;

use super::consolidate::Loaded;
use super::emit::Content;
use crate::engine::Include;

#[derive(clap::Args)]
pub struct Args {
    id: String,
    #[arg(long, value_parser = ["kk", "ru", "en"])]
    lang: String,
    /// Name the act's official publications after it in Article 1, the older
    /// form («(Ведомости Парламента Республики Казахстан, 2014 г., …)»).
    #[arg(long)]
    publications: bool,
    /// `docx`, `pdf`: a Word document or a PDF in the layout of a printed law
    /// (binary: give -o FILE or redirect standard output).
    #[arg(long, default_value = "text", value_parser = ["text", "docx", "pdf"])]
    format: String,
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
    let bill = match super::consolidate::apply_bill(&ws, &ws.id, &args.lang) {
        Some(Ok((law, applied))) => {
            let acts: Vec<_> = applied.iter().collect();
            crate::render::bill::bill_of(&acts, law, &args.lang, args.publications)
        }
        Some(Err(code)) => return code,
        None => match one(&ws, &args) {
            Ok(bill) => bill,
            Err(code) => return code,
        },
    };
    // A bill that cannot be cited correctly is not printed at all.
    if !bill.errors.is_empty() {
        for e in &bill.errors {
            eprintln!("error: {e}");
        }
        return ExitCode::from(1);
    }
    if args.format != "text" {
        let (made, what) = if args.format == "pdf" { (bill.pdf(), "PDF") } else { (bill.docx(), "DOCX") };
        return match made {
            Ok(bytes) => args.output.write(Content::Binary { bytes, what }),
            Err(e) => {
                eprintln!("error: {e}");
                ExitCode::from(1)
            }
        };
    }
    args.output.write(Content::Text(bill.text()))
}

/// The law that enacts one amendment.
fn one(ws: &Loaded, args: &Args) -> Result<crate::render::bill::Bill, ExitCode> {
    let applied = super::consolidate::apply(ws, &ws.id, None, Include::Adopted)?;
    super::consolidate::lang_of(Some(args.lang.clone()), &applied)?;
    ws.warn_references(&applied);
    Ok(crate::render::bill::bill_with(&applied, &args.lang, args.publications))
}
