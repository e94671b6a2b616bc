//! `zan review AMENDMENT… [--lang kk|ru|en] --out DIR`: the review site
//! (`render::site`) of the given amendments (every amendment of the
//! workspace when none is given), written as a whole or not at all.

use std::path::PathBuf;
use std::process::ExitCode;

use super::consolidate::Loaded;
use crate::engine::Include;
use crate::lang::Lang;
use crate::render::site::{self, Listed, Refused};

#[derive(clap::Args)]
pub struct Args {
    /// The amendments to make pages for (default: every amendment).
    ids: Vec<String>,
    /// The language of the site's front page (every page exists in kk, ru and en).
    #[arg(long, default_value = "kk", value_parser = ["kk", "ru", "en"])]
    lang: String,
    /// The directory to write the site to (replaced whole if zan wrote it before).
    #[arg(long)]
    out: PathBuf,
    /// The workspace directory (default: the current directory).
    #[arg(long)]
    workspace: Option<PathBuf>,
}

pub fn run(args: Args) -> ExitCode {
    // Every amendment of the workspace is listed: any broken file stops it.
    let roots: Vec<PathBuf> = args.workspace.clone().into_iter().collect();
    let ws = match Loaded::load_paths(&roots, None) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    let all: Vec<&crate::model::Amendment> = ws.files.iter().flat_map(|f| &f.amendments).collect();
    if let Some(id) = args.ids.iter().find(|id| !all.iter().any(|a| &a.id == *id)) {
        eprintln!("error: no amendment `{id}` in the workspace");
        return ExitCode::from(2);
    }
    let mut failed = false;
    let listed: Vec<Listed> = all
        .iter()
        .map(|a| {
            let page = if args.ids.is_empty() || args.ids.contains(&a.id) {
                super::consolidate::apply(&ws, &a.id, None, Include::Adopted).map_err(|_| {
                    failed = true;
                    Refused::Errors
                })
            } else {
                Err(Refused::NotAsked)
            };
            Listed { amendment: a, page }
        })
        .collect();
    for item in &listed {
        if let Ok(applied) = &item.page {
            ws.warn_references(applied);
        }
    }
    let index = crate::analysis::Index::build(&ws.files);
    let acts: Vec<&crate::model::Act> = ws.files.iter().flat_map(|f| &f.acts).collect();
    let files: Vec<(String, Vec<u8>)> = site::site(&listed, &index, &acts, Lang::of(&args.lang))
        .into_iter()
        .map(|(p, s)| (p, s.into_bytes()))
        .collect();
    if let Err(e) = crate::fsio::replace_dir(&args.out, &files) {
        eprintln!("error: {}: {e}", args.out.display());
        return ExitCode::from(1);
    }
    let pages = listed.iter().filter(|l| l.page.is_ok()).count();
    eprintln!(
        "wrote {} ({} amendment{} with pages)",
        args.out.display(),
        pages,
        if pages == 1 { "" } else { "s" }
    );
    // An amendment asked for and refused still leaves the site of the others, but fails the command.
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}
