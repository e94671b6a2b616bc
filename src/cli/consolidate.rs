//! `zan consolidate <act-id|amendment-id> [--as-of DATE] [--lang L] [--format zan|text]`,
//! and the workspace loading and error reporting that the engine's commands share.

use std::path::PathBuf;
use std::process::ExitCode;

use crate::analysis::Refusal;
use crate::config::Config;
use crate::diag::{Diagnostic, Severity};
use crate::document::Document;
use crate::engine::{self, Applied, EngineError, ErrorKind, Include};
use crate::model::{Date, File};
use crate::text::{Encoding, LineIndex};

#[derive(clap::Args)]
pub struct Args {
    /// An act id (the act as of a date) or an amendment id (its base version amended).
    id: String,
    /// The date to consolidate the act as of (acts only).
    #[arg(long, value_parser = parse_date)]
    as_of: Option<Date>,
    /// Which amendments an act's consolidation applies: adopted (default),
    /// proposed (and adopted), or draft (every amendment).
    #[arg(long, default_value = "adopted", value_parser = ["adopted", "proposed", "draft"])]
    include: String,
    /// Language of the text (default: the act's first language).
    #[arg(long)]
    lang: Option<String>,
    #[arg(long, default_value = "zan", value_parser = ["zan", "text"])]
    format: String,
    /// The workspace directory (default: the current directory).
    #[arg(long)]
    workspace: Option<PathBuf>,
}

pub(super) fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

/// The `.zan` files of a workspace, parsed, and its `zan.toml`.
pub(super) struct Loaded {
    pub paths: Vec<PathBuf>,
    pub sources: Vec<(String, LineIndex)>,
    pub files: Vec<File>,
    config: Config,
}

impl Loaded {
    /// Reads the workspace of `dir` (`loader::layout`, as `zan check` does)
    /// and parses what a command on `id` needs of it (`loader::needed`;
    /// every file with `--all-files`); unreadable files and syntax errors
    /// are reported and stop the command, since the engine must not work on
    /// a half-parsed act.
    pub fn load(dir: Option<PathBuf>, id: &str) -> Result<Loaded, ExitCode> {
        Self::read(&[dir.unwrap_or_else(|| PathBuf::from("."))], Some(id))
    }

    /// Every file under `roots`.
    pub fn load_paths(roots: &[PathBuf]) -> Result<Loaded, ExitCode> {
        Self::read(roots, None)
    }

    fn read(roots: &[PathBuf], id: Option<&str>) -> Result<Loaded, ExitCode> {
        let style = crate::report::Style { color: super::color_stderr(), lang: super::ui_lang(None) };
        let report = |d: &Diagnostic, path: &std::path::Path, text: &str, lines: &LineIndex| {
            eprint!("{}", crate::report::render(d, &path.display().to_string(), text, lines, &style));
        };
        let layout = match crate::loader::layout(roots, crate::loader::Search::Upward) {
            Ok(layout) => layout,
            Err(e) => {
                report(&e.diagnostic, &e.path, &e.text, &LineIndex::new(&e.text));
                return Err(ExitCode::from(2));
            }
        };
        let read = crate::par::map(&layout.files, || (), |_, path| crate::workspace::read(path));
        let texts: Vec<&str> = read.iter().map(|r| r.as_ref().map_or("", String::as_str)).collect();
        let parse = |f: usize| Document::parse(texts[f].to_string());
        let selected = match id.filter(|_| !super::all_files()) {
            Some(id) => crate::loader::needed(&texts, id, parse, |d: &Document| &d.model),
            None => None,
        };
        let mut docs: Vec<Option<Document>> = match selected {
            Some(docs) => {
                let mut all: Vec<Option<Document>> = (0..texts.len()).map(|_| None).collect();
                for (f, doc) in docs {
                    all[f] = Some(doc);
                }
                all
            }
            None => {
                let ok: Vec<usize> = (0..texts.len()).filter(|&f| read[f].is_ok()).collect();
                let mut all: Vec<Option<Document>> = (0..texts.len()).map(|_| None).collect();
                for (f, doc) in ok.iter().zip(crate::par::map(&ok, || (), |_, &f| parse(f))) {
                    all[*f] = Some(doc);
                }
                all
            }
        };
        let mut ws =
            Loaded { paths: Vec::new(), sources: Vec::new(), files: Vec::new(), config: layout.config };
        let mut failed = false;
        for ((path, r), doc) in layout.files.into_iter().zip(&read).zip(&mut docs) {
            if let Err(d) = r {
                report(d, &path, "", &LineIndex::new(""));
                failed = true;
                continue;
            }
            let Some(doc) = doc.take() else { continue };
            for d in doc.model.diagnostics.iter().filter(|d| d.severity == Severity::Error) {
                report(d, &path, &doc.text, &doc.lines);
                failed = true;
            }
            ws.paths.push(path);
            ws.sources.push((doc.text, doc.lines));
            ws.files.push(doc.model);
        }
        crate::config::default_languages(&ws.config, &mut ws.files);
        if failed { Err(ExitCode::from(1)) } else { Ok(ws) }
    }

    /// "path:line:col" of a byte offset of a file.
    pub fn position(&self, file: usize, offset: usize) -> String {
        let (text, lines) = &self.sources[file];
        let p = lines.position(text, offset, Encoding::Chars);
        format!("{}:{}:{}", self.paths[file].display(), p.line + 1, p.col + 1)
    }

    /// Prints an engine error (rustc style, on stderr) and gives the exit code.
    pub fn fail(&self, e: &EngineError) -> ExitCode {
        let lang = super::ui_lang(None);
        if let (ErrorKind::Check(message), Some((file, span))) = (&e.kind, &e.at) {
            let d = Diagnostic::new(message.clone(), span.clone());
            self.print(*file, &d);
            return ExitCode::from(1);
        }
        let error = crate::report::severity_word(Severity::Error, lang);
        eprintln!("{error}[{}]: {}", e.code(), e.render(lang));
        if let Some((file, span)) = &e.at {
            eprintln!(" --> {}", self.position(*file, span.start));
            let (text, lines) = &self.sources[*file];
            let line = lines.position(text, span.start, Encoding::Chars).line as usize;
            eprintln!("  | {}", &text[lines.line_range(text, line)]);
        }
        ExitCode::from(1)
    }

    fn print(&self, file: usize, d: &Diagnostic) {
        let style = crate::report::Style { color: super::color_stderr(), lang: super::ui_lang(None) };
        let (text, lines) = &self.sources[file];
        eprint!("{}", crate::report::render(d, &self.paths[file].display().to_string(), text, lines, &style));
    }

    /// Warnings about references an amendment left pointing at repealed or
    /// renumbered units, and links it removed.
    pub fn warn_references(&self, applied: &Applied) {
        for s in &applied.stale {
            // The place as file:line:col when the reference's bytes are known,
            // then the citing unit, and the language and words of the text.
            let place =
                s.at.as_ref()
                    .filter(|loc| self.sources[loc.file].0.get(loc.span.clone()) == Some(&s.target[..]))
                    .map(|loc| format!("{}: ", self.position(loc.file, loc.span.start)))
                    .unwrap_or_default();
            let words = match (&s.lang, &s.words) {
                (Some(lang), Some(words)) => format!(" [{lang}] «{words}»"),
                _ => String::new(),
            };
            let what = match &s.renumbered_to {
                None => "which is repealed".to_string(),
                Some(to) => format!("now `{to}`"),
            };
            eprintln!(
                "warning[stale-reference]: {place}{}{words}: `{}` points at `{}`, {what}",
                s.citer, s.target, s.unit
            );
        }
        for d in &applied.dropped {
            eprintln!(
                "warning[dropped-reference]: {} {}: the link of «{}» to `{}` was removed from the `{}` text because its words changed",
                applied.result.meta.id, d.unit, d.words, d.target, d.lang
            );
        }
    }
}

/// Applies an amendment by id, or consolidates an act by id. An amendment
/// that `zan check` reports errors in is not applied: the same diagnostics
/// are printed instead. Errors are printed; the exit code is returned.
pub(super) fn apply<'m>(
    ws: &'m Loaded,
    id: &str,
    as_of: Option<Date>,
    include: Include,
) -> Result<Applied<'m>, ExitCode> {
    if engine::find_amendment(&ws.files, id).is_none() {
        return engine::consolidate(&ws.files, id, as_of, include).map_err(|e| ws.fail(&e));
    }
    crate::analysis::apply_checked(&ws.files, &ws.config, id).map_err(|refusal| match refusal {
        Refusal::Check(errors) => {
            for fd in &errors {
                ws.print(fd.file, &fd.diagnostic);
            }
            ExitCode::from(1)
        }
        Refusal::Engine(e) => ws.fail(&e),
    })
}

/// The language to render in: as asked, else the act's first language.
pub(super) fn lang_of(flag: Option<String>, applied: &Applied) -> String {
    flag.or_else(|| applied.result.meta.languages.first().cloned()).unwrap_or_else(|| "en".into())
}

pub fn run(args: Args) -> ExitCode {
    let ws = match Loaded::load(args.workspace, &args.id) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    let include = match args.include.as_str() {
        "draft" => Include::Draft,
        "proposed" => Include::Proposed,
        _ => Include::Adopted,
    };
    if args.as_of.is_some() && engine::find_amendment(&ws.files, &args.id).is_some() {
        eprintln!("error: --as-of applies to an act id, not to an amendment");
        return ExitCode::from(2);
    }
    let applied = match apply(&ws, &args.id, args.as_of, include) {
        Ok(a) => a,
        Err(code) => return code,
    };
    ws.warn_references(&applied);
    if applied.left_out > 0 {
        // A reader must not take the act without proposals for the act with them.
        let (n, id) = (applied.left_out, &args.id);
        let which = if include == Include::Proposed { "draft" } else { "proposed or draft" };
        let s = if n == 1 { "" } else { "s" };
        eprintln!("note: {n} {which} amendment{s} of `{id}` in force by then not applied (see `--include`)");
    }
    let lang = lang_of(args.lang, &applied);
    let mut act = applied.result.to_act();
    // Both layouts follow the act's structure, not the files it is written in.
    act.units = crate::render::order::roots(&act.units).into_iter().cloned().collect();
    match args.format.as_str() {
        "text" => print!("{}", crate::render::text::act(&act, &lang)),
        _ => match crate::render::zan::act(&act) {
            Some(text) => print!("{text}"),
            None => return ws.fail(&EngineError { kind: engine::ErrorKind::Unprintable, at: None }),
        },
    }
    ExitCode::SUCCESS
}
