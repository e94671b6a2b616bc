//! `zan derive EDITED.zan --id AMENDMENT [--workspace DIR] [-o OUT]`: the
//! amendment that turns an act version into the edited copy, proved and
//! written atomically (or printed), or an error and nothing written.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use super::consolidate::Loaded;
use crate::derive::{DeriveError, Output, Which};
use crate::diag::Severity;
use crate::document::Document;
use crate::text::{Encoding, LineIndex};

#[derive(clap::Args)]
pub struct Args {
    /// The edited copy of an act version of the workspace (e.g. made with
    /// `zan consolidate ACT --format zan`), outside the workspace's roots.
    edited: PathBuf,
    /// The amendment's id: updated in place where it is, or written anew.
    #[arg(long)]
    id: String,
    /// The workspace directory (default: the current directory).
    #[arg(long)]
    workspace: Option<PathBuf>,
    /// The file to write the amendment into (default: the workspace file
    /// that holds it; else standard output).
    #[arg(short = 'o', long)]
    output: Option<PathBuf>,
}

fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

/// A file read and parsed, or its errors printed.
fn parse(path: &Path) -> Result<Document, ExitCode> {
    let style = crate::report::Style { color: super::color_stderr(), lang: super::ui_lang(None) };
    let text = crate::workspace::read(path).map_err(|d| {
        eprint!(
            "{}",
            crate::report::render(&d, &path.display().to_string(), "", &LineIndex::new(""), &style)
        );
        ExitCode::from(1)
    })?;
    let doc = Document::parse(text);
    let errors: Vec<_> = doc.model.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    for d in &errors {
        eprint!("{}", crate::report::render(d, &path.display().to_string(), &doc.text, &doc.lines, &style));
    }
    if errors.is_empty() { Ok(doc) } else { Err(ExitCode::from(1)) }
}

fn fail(e: &DeriveError, files: &[(&Path, &Document)]) -> ExitCode {
    let lang = super::ui_lang(None);
    let error = crate::report::severity_word(Severity::Error, lang);
    eprintln!("{error}[{}]: {}", e.code(), e.render(lang));
    if let Some((which, span)) = &e.at {
        let i = if *which == Which::Edited { 0 } else { 1 };
        if let Some((path, doc)) = files.get(i) {
            let p = doc.lines.position(&doc.text, span.start, Encoding::Chars);
            eprintln!(" --> {}:{}:{}", path.display(), p.line + 1, p.col + 1);
            eprintln!("  | {}", &doc.text[doc.lines.line_range(&doc.text, p.line as usize)]);
        }
    }
    ExitCode::from(1)
}

pub fn run(args: Args) -> ExitCode {
    let edited = match parse(&args.edited) {
        Ok(doc) => doc,
        Err(code) => return code,
    };
    // Strict: a syntax error anywhere stops it, since the edited act's own
    // files are among those an unknown amendment id cannot name.
    let roots: Vec<PathBuf> = args.workspace.clone().into_iter().collect();
    let mut ws = match Loaded::load_paths(&roots, None) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    // An edited copy left inside the workspace is not part of it.
    if let Some(i) = ws.paths.iter().position(|p| same_file(p, &args.edited)) {
        ws.paths.remove(i);
        ws.sources.remove(i);
        ws.files.remove(i);
    }
    let holder = crate::engine::find_amendment(&ws.files, &args.id).map(|(f, _)| ws.paths[f].clone());
    let out_path = args.output.clone().or(holder);
    let out_doc = match &out_path {
        Some(p) if p.exists() => match parse(p) {
            Ok(doc) => Some(doc),
            Err(code) => return code,
        },
        _ => None,
    };
    let out_file = out_path.as_ref().and_then(|o| ws.paths.iter().position(|p| same_file(p, o)));
    let output = out_doc.as_ref().map(|d| Output { text: &d.text, model: &d.model, file: out_file });
    let outcome = crate::derive::derive(&ws.files, ws.config(), &edited.model, &args.id, output);
    let out_shown = out_path.clone().unwrap_or_else(|| PathBuf::from("<stdout>"));
    let empty = Document::parse(String::new());
    let places =
        [(args.edited.as_path(), &edited), (out_shown.as_path(), out_doc.as_ref().unwrap_or(&empty))];
    let outcome = match outcome {
        Ok(o) => o,
        Err(e) => return fail(&e, &places),
    };
    let lang = super::ui_lang(None);
    let warning = crate::report::severity_word(Severity::Warning, lang);
    for m in &outcome.derived.mismatches {
        let at = |span: &std::ops::Range<usize>| {
            let p = edited.lines.position(&edited.text, span.start, Encoding::Chars);
            format!("{}:{}:{}", args.edited.display(), p.line + 1, p.col + 1)
        };
        let what = if m.title { "title" } else { "text" };
        eprintln!(
            "{warning}[derive-language-mismatch]: the `{}` {what} of {} changed and the `{}` one did not\n --> {} (changed)\n --> {} (unchanged)",
            m.changed,
            m.unit,
            m.unchanged,
            at(&m.changed_span),
            at(&m.unchanged_span)
        );
    }
    let n = outcome.derived.operations.len();
    let s = if n == 1 { "" } else { "s" };
    match &out_path {
        None => print!("{}", outcome.text),
        Some(path) => {
            if let Err(e) = crate::fsio::write_atomic(path, outcome.text.as_bytes()) {
                let error = crate::report::severity_word(Severity::Error, lang);
                eprintln!("{error}: cannot write {}: {e}; nothing written", path.display());
                return ExitCode::from(1);
            }
        }
    }
    eprintln!(
        "derived {n} operation{s} of `{}` on {}: applied to it, they give {} exactly",
        args.id,
        outcome.base,
        args.edited.display()
    );
    ExitCode::SUCCESS
}
