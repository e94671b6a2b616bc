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
#[command(args_conflicts_with_subcommands = true, subcommand_negates_reqs = true)]
pub struct Args {
    #[command(subcommand)]
    import: Option<Sub>,
    /// The amendments to make pages for (default: every amendment).
    ids: Vec<String>,
    /// The language of the site's front page (every page exists in kk, ru and en).
    #[arg(long, default_value = "kk", value_parser = ["kk", "ru", "en"])]
    lang: String,
    /// The directory to write the site to (replaced whole if zan wrote it before).
    #[arg(long, required = true)]
    out: Option<PathBuf>,
    /// The workspace directory (default: the current directory).
    #[arg(long)]
    workspace: Option<PathBuf>,
}

#[derive(clap::Subcommand)]
enum Sub {
    /// Bring reviewers' comments back as `remark`s in the source: from a DOCX
    /// that `zan table`/`zan diff` wrote (Word comments, replies, resolved
    /// marks) or from the review site's exported JSON.
    Import {
        /// The reviewed DOCX or the site's `remarks.json`.
        file: PathBuf,
        /// The workspace directory (default: the current directory).
        #[arg(long)]
        workspace: Option<PathBuf>,
    },
}

pub fn run(args: Args) -> ExitCode {
    if let Some(Sub::Import { file, workspace }) = args.import {
        return import(&file, workspace);
    }
    let Some(out) = args.out.clone() else { return ExitCode::from(2) };
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
    if let Err(e) = crate::fsio::replace_dir(&out, &files) {
        eprintln!("error: {}: {e}", out.display());
        return ExitCode::from(1);
    }
    let pages = listed.iter().filter(|l| l.page.is_ok()).count();
    eprintln!(
        "wrote {} ({} amendment{} with pages)",
        out.display(),
        pages,
        if pages == 1 { "" } else { "s" }
    );
    // An amendment asked for and refused still leaves the site of the others, but fails the command.
    if failed { ExitCode::from(1) } else { ExitCode::SUCCESS }
}

/// `zan review import FILE`: each comment written into the unit it anchors
/// to (or the `add` that brings that unit in), every file changed
/// atomically; a comment with no place is named and the command fails, the
/// others are imported (the file still holds it: importing again after a
/// fix adds only what is missing).
fn import(file: &std::path::Path, workspace: Option<PathBuf>) -> ExitCode {
    let bytes = match std::fs::read(file) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("error: {}: {e}", file.display());
            return ExitCode::from(1);
        }
    };
    let review = if bytes.starts_with(b"PK") {
        crate::remarks::from_docx(&bytes)
    } else {
        std::str::from_utf8(&bytes).map_err(|e| e.to_string()).and_then(crate::remarks::from_json)
    };
    let mut review = match review {
        Ok(r) => r,
        Err(e) => {
            eprintln!("error: {}: {e}", file.display());
            return ExitCode::from(2);
        }
    };
    let roots: Vec<PathBuf> = workspace.into_iter().collect();
    let ws = match Loaded::load_paths(&roots, None) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    let own: Vec<&str> = ws
        .files
        .iter()
        .flat_map(|f| &f.amendments)
        .flat_map(|a| a.justifications.iter().chain(a.operations.iter().flat_map(|o| &o.justifications)))
        .map(|t| t.value.plain.as_str())
        .collect();
    crate::remarks::drop_own(&mut review, &own);
    let files: Vec<(&str, &crate::model::File)> =
        ws.sources.iter().zip(&ws.files).map(|((text, _), f)| (text.as_str(), f)).collect();
    let placed = match crate::remarks::place(&files, &review) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("error: {}: {e}", file.display());
            return ExitCode::from(1);
        }
    };
    for (_, why) in &placed.refused {
        eprintln!("error: {}: {why}; not imported", file.display());
    }
    let places = placed.inserts;
    // From the end of each file, so earlier offsets stay true; at one offset
    // the last remark first, so they stand in the order of the review.
    let mut order: Vec<usize> = (0..places.len()).collect();
    order.sort_by_key(|&i| (places[i].0, std::cmp::Reverse((places[i].1, i))));
    let mut changed: std::collections::BTreeMap<usize, String> = Default::default();
    for (f, at, text) in order.iter().map(|&i| &places[i]) {
        changed.entry(*f).or_insert_with(|| files[*f].0.to_string()).insert_str(*at, text);
    }
    for (f, text) in &changed {
        if let Err(e) = crate::fsio::write_atomic(&ws.paths[*f], text.as_bytes()) {
            eprintln!("error: {}: {e}", ws.paths[*f].display());
            return ExitCode::from(1);
        }
    }
    let refused = placed.refused.len();
    if refused == 0 || !places.is_empty() {
        let skipped = placed.already;
        eprintln!(
            "imported {} from {} into {} file{}{}",
            remarks(places.len()),
            file.display(),
            changed.len(),
            if changed.len() == 1 { "" } else { "s" },
            if skipped > 0 { format!(" ({skipped} already there)") } else { String::new() }
        );
    }
    if refused == 0 {
        return ExitCode::SUCCESS;
    }
    eprintln!("error: {} of {} not imported (above)", remarks(refused), file.display());
    ExitCode::from(1)
}

fn remarks(n: usize) -> String {
    format!("{n} remark{}", if n == 1 { "" } else { "s" })
}
