//! `zan diff <amendment-id>`: the redline of every unit an amendment changes.
//! `zan diff --rev A..B [PATHS]`: the units changed between two git revisions
//! (`A..` compares with the working tree). `zan diff --textconv FILE`: one line
//! per unit text, for git's `textconv` (see docs/engine.md).

use std::path::{Path, PathBuf};
use std::process::{Command, ExitCode};

use super::consolidate::Loaded;
use crate::engine::Include;
use crate::model::File;
use crate::redline::terminal::TerminalStyle;
use crate::render::diff::{self, UnitDiff};

#[derive(clap::Args)]
pub struct Args {
    /// The amendment id; with --rev, the paths to compare (default: all).
    args: Vec<String>,
    /// Two git revisions, `A..B`, or `A..` for A against the working tree.
    #[arg(long)]
    rev: Option<String>,
    /// Print FILE as one line per unit text (git textconv).
    #[arg(long, value_name = "FILE", conflicts_with = "rev")]
    textconv: Option<PathBuf>,
    /// Language of the text (default: the act's first language; with --rev, en).
    #[arg(long)]
    lang: Option<String>,
    #[arg(long, default_value = "term", value_parser = ["term", "unified", "html", "markdown"])]
    format: String,
    /// The workspace directory (default: the current directory).
    #[arg(long)]
    workspace: Option<PathBuf>,
}

pub fn run(args: Args) -> ExitCode {
    if let Some(path) = &args.textconv {
        return textconv(path);
    }
    if let Some(rev) = &args.rev {
        return revisions(rev, &args);
    }
    let [id] = args.args.as_slice() else {
        eprintln!("error: give one amendment id, or --rev A..B");
        return ExitCode::from(2);
    };
    let ws = match Loaded::load(args.workspace.clone(), id) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    let applied = match super::consolidate::apply(&ws, id, None, Include::Adopted) {
        Ok(a) => a,
        Err(code) => return code,
    };
    ws.warn_references(&applied);
    let lang = super::consolidate::lang_of(args.lang.clone(), &applied);
    let diffs = diff::between(&applied.base, &applied.result, &lang);
    let title = applied.amendments.first().map(|(_, a)| a.id.clone()).unwrap_or_else(|| id.clone());
    print!("{}", render(&diffs, &args.format, &title, &lang));
    ExitCode::SUCCESS
}

fn render(diffs: &[UnitDiff], format: &str, title: &str, lang: &str) -> String {
    match format {
        "unified" => diff::unified(diffs),
        "html" => diff::html(diffs, title, lang),
        "markdown" => diff::markdown(diffs, title),
        _ => {
            let style = if super::color_stdout() { TerminalStyle::Ansi } else { TerminalStyle::Plain };
            diff::term(diffs, style)
        }
    }
}

fn textconv(path: &Path) -> ExitCode {
    match crate::workspace::read(path) {
        Ok(text) => {
            let doc = crate::document::Document::parse(text);
            print!("{}", diff::textconv(&doc.model, &doc.text));
            ExitCode::SUCCESS
        }
        Err(d) => {
            eprintln!("error: {}: {}", path.display(), d.message.render(super::ui_lang(None)));
            ExitCode::from(1)
        }
    }
}

fn git(dir: &Path, args: &[&str]) -> Result<Vec<u8>, String> {
    let out = Command::new("git").current_dir(dir).args(args).output().map_err(|e| format!("git: {e}"))?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).trim().to_string());
    }
    Ok(out.stdout)
}

/// The `.zan` files of a revision under `paths`, parsed.
fn at_revision(dir: &Path, rev: &str, paths: &[String]) -> Result<Vec<File>, String> {
    let mut list = vec!["ls-tree", "-r", "-z", "--name-only", rev, "--"];
    list.extend(paths.iter().map(String::as_str));
    let names = git(dir, &list)?;
    let mut files = Vec::new();
    for name in names.split(|&b| b == 0).filter(|n| n.ends_with(b".zan")) {
        let name = String::from_utf8_lossy(name);
        let blob = git(dir, &["show", &format!("{rev}:./{name}")])?;
        let text = String::from_utf8(blob).map_err(|_| format!("{rev}:{name} is not UTF-8"))?;
        files.push(crate::document::Document::parse(text).model);
    }
    Ok(files)
}

fn revisions(rev: &str, args: &Args) -> ExitCode {
    let Some((a, b)) = rev.split_once("..") else {
        eprintln!("error: --rev takes A..B or A..");
        return ExitCode::from(2);
    };
    let dir = args.workspace.clone().unwrap_or_else(|| PathBuf::from("."));
    let old = match at_revision(&dir, a, &args.args) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(1);
        }
    };
    let new = if b.is_empty() {
        let roots: Vec<PathBuf> = if args.args.is_empty() {
            vec![dir.clone()]
        } else {
            args.args.iter().map(|p| dir.join(p)).collect()
        };
        match Loaded::load_paths(&roots) {
            Ok(ws) => ws.files,
            Err(code) => return code,
        }
    } else {
        match at_revision(&dir, b, &args.args) {
            Ok(f) => f,
            Err(e) => {
                eprintln!("error: {e}");
                return ExitCode::from(1);
            }
        }
    };
    let lang = args.lang.clone().unwrap_or_else(|| "en".into());
    let diffs = diff::between_workspaces(&old, &new, &lang);
    print!("{}", render(&diffs, &args.format, rev, &lang));
    ExitCode::SUCCESS
}
