//! `zan bill <amendment-id> --lang kk|ru|en`: the text of the amending law.

use std::path::PathBuf;
use std::process::ExitCode;

use super::consolidate::Loaded;
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
    let bill = crate::render::bill::bill_with(&applied, &args.lang, args.publications);
    // A bill that cannot be cited correctly is not printed at all.
    if !bill.errors.is_empty() {
        for e in &bill.errors {
            eprintln!("error: {e}");
        }
        return ExitCode::from(1);
    }
    print!("{}", bill.text());
    ExitCode::SUCCESS
}
