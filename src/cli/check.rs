//! `zan check [PATHS] [--format F] [--fix] [--deny warnings]`
//!
//! Exit codes: 0 clean, 1 an error (or, with `--deny warnings`, a warning),
//! 2 a file or `zan.toml` that cannot be read, written or used; every other
//! file is still checked and reported.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use super::output::{self, Format, Report, Source};
use crate::analysis::FileDiagnostic;
use crate::config::{self, Config};
use crate::diag::{Diagnostic, Message, Severity};
use crate::lang::Lang;
use crate::report::Style;
use crate::text::Encoding;

/// `--fix` stops after this many rounds even if fixes keep applying.
const MAX_FIX_ROUNDS: usize = 10;
/// Below this many files the progress bar would only flicker.
const PROGRESS_MIN_FILES: usize = 200;

#[derive(clap::Args)]
pub struct Args {
    /// Files or directories (default: the `roots` of zan.toml, else the current directory).
    paths: Vec<PathBuf>,
    /// Output format on stdout.
    #[arg(long, value_enum, default_value = "human")]
    format: Format,
    /// Apply every machine-applicable fix, then report what remains.
    #[arg(long)]
    fix: bool,
    /// Treat warnings as errors (`--deny warnings`).
    #[arg(long, value_parser = ["warnings"])]
    deny: Option<String>,
    /// Deprecated: the language of messages; use --message-lang.
    #[arg(long, hide = true)]
    lang: Option<String>,
}

/// The `.zan` files to check and the sources and diagnostics found on the way.
struct Checked {
    config: Config,
    cache: Option<crate::cache::Cache>,
    /// Every source a diagnostic may point into: the checked files first,
    /// then the rest of their workspace (`loader::Layout::context`), then
    /// zan.toml and paths refused as outside the root.
    sources: Vec<Source>,
    checked: usize,
    /// How many of the workspace's other files follow the checked ones.
    context: usize,
    diagnostics: Vec<FileDiagnostic>,
    failed: bool,
}

pub fn run(args: Args) -> ExitCode {
    let style = Style {
        color: super::color_stdout(),
        lang: super::ui_lang(super::old_lang("check", args.lang).as_deref()),
    };
    let mut ws = match Checked::open(&args.paths) {
        Ok(ws) => ws,
        Err(report) => {
            print!("{}", output::render(args.format, &report, &style));
            return ExitCode::from(2);
        }
    };
    if args.fix {
        ws.fix(style.lang);
        ws.reread();
    }
    let mut diagnostics = std::mem::take(&mut ws.diagnostics);
    let models = ws.models();
    let found = config::apply(&ws.config, crate::analysis::analyze(&models));
    diagnostics.extend(found.into_iter().filter(|fd| fd.file < ws.checked));
    let report = Report::new(ws.sources, diagnostics, ws.checked);
    if let Err(code) =
        super::emit::stdout(output::render(args.format, &report, &style).as_bytes(), style.lang)
    {
        return code;
    }
    eprintln!("{}", report.summary(style.lang));
    let warnings_deny = args.deny.is_some() && report.count(Severity::Warning) > 0;
    if ws.failed {
        ExitCode::from(2)
    } else if report.count(Severity::Error) > 0 || warnings_deny {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

impl Checked {
    /// The files `loader::layout` finds. A zan.toml that cannot be used ends
    /// the run with a report about it alone.
    fn open(paths: &[PathBuf]) -> Result<Checked, Report> {
        let layout = crate::loader::layout(paths, crate::loader::Search::Upward).map_err(|e| {
            let e = *e;
            let d = FileDiagnostic { file: 0, diagnostic: e.diagnostic };
            Report::new(vec![Source::new(e.path, e.text)], vec![d], 0)
        })?;
        let mut ws = Checked {
            config: layout.config,
            cache: super::cache(&layout.root),
            sources: layout.files.into_iter().map(|p| Source::new(p, String::new())).collect(),
            checked: 0,
            context: layout.context.len(),
            diagnostics: Vec::new(),
            failed: false,
        };
        ws.checked = ws.sources.len();
        ws.sources.extend(layout.context.into_iter().map(|p| Source::new(p, String::new())));
        ws.reread();
        if let Some(file) = layout.config_file {
            ws.push_source(Source::new(file.path, file.text), file.warnings);
        }
        for path in layout.outside {
            let display = output::display(&path);
            let d = Diagnostic::new(Message::OutsideRoot { path: display }, 0..0);
            ws.push_source(Source::new(path, String::new()), vec![d]);
        }
        Ok(ws)
    }

    fn push_source(&mut self, source: Source, diagnostics: Vec<Diagnostic>) {
        let file = self.sources.len();
        self.sources.push(source);
        self.diagnostics
            .extend(diagnostics.into_iter().map(|diagnostic| FileDiagnostic { file, diagnostic }));
    }

    /// Reads every checked file (and the context) from disk again; a file
    /// that cannot be read is checked as empty, with a diagnostic (a file
    /// of the context, silently: it is not what was asked about).
    fn reread(&mut self) {
        let read_here = self.checked + self.context;
        self.diagnostics.retain(|fd| fd.file >= read_here);
        let read = crate::par::map(
            &self.sources[..read_here],
            || (),
            |_, source| match crate::workspace::read(&source.path) {
                Ok(text) => (Source::new(source.path.clone(), text), None),
                Err(d) => (Source::new(source.path.clone(), String::new()), Some(d)),
            },
        );
        for (file, (source, error)) in read.into_iter().enumerate() {
            if let Some(d) = error.filter(|_| file < self.checked) {
                self.failed |= matches!(d.message, Message::Unreadable { .. });
                self.diagnostics.push(FileDiagnostic { file, diagnostic: *d });
            }
            self.sources[file] = source;
        }
    }

    /// The models of the checked files and their context, with the
    /// configured default languages.
    fn models(&self) -> Vec<crate::model::File> {
        let mut models = parse_all(self.cache.as_ref(), &self.sources[..self.checked + self.context]);
        config::default_languages(&self.config, &mut models);
        models
    }

    /// Applies fixes round by round in memory, then writes the changed files.
    fn fix(&mut self, lang: Lang) {
        let originals: Vec<String> = self.sources[..self.checked].iter().map(|s| s.text.clone()).collect();
        let mut applied = 0;
        let mut stable = false;
        for _ in 0..MAX_FIX_ROUNDS {
            let diagnostics = config::apply(&self.config, crate::analysis::analyze(&self.models()));
            let mut changed = false;
            for file in 0..self.checked {
                let fixable: Vec<&Diagnostic> = diagnostics
                    .iter()
                    .filter(|fd| fd.file == file)
                    .map(|fd| &fd.diagnostic)
                    .filter(|d| d.fix.is_some())
                    .collect();
                let fixes: Vec<_> = fixable.iter().filter_map(|d| d.fix.as_ref()).collect();
                let source = &self.sources[file];
                let edits: Vec<&[crate::diag::Edit]> = fixes.iter().map(|f| f.edits.as_slice()).collect();
                let (text, taken) = crate::fixes::apply(&source.text, &edits);
                for &i in &taken {
                    let d = fixable[i];
                    let p = source.lines.position(&source.text, d.range.start, Encoding::Chars);
                    let at = format!("{}:{}:{}", source.display, p.line + 1, p.col + 1);
                    let title = &d.fix.as_ref().expect("fixable").title;
                    eprintln!("{}", fixed_line(lang, &at, d.code(), &title.render(lang)));
                }
                if !taken.is_empty() {
                    applied += taken.len();
                    changed = true;
                    let path = std::mem::take(&mut self.sources[file].path);
                    self.sources[file] = Source::new(path, text);
                }
            }
            if !changed {
                stable = true;
                break;
            }
        }
        if !stable {
            eprintln!("{}", unstable_line(lang));
        }
        eprintln!("{}", applied_line(lang, applied));
        for (source, original) in self.sources.iter().zip(&originals) {
            if source.text != *original
                && let Err(e) = crate::fsio::write_atomic(&source.path, source.text.as_bytes())
            {
                eprintln!("{}", super::emit::cannot_write(lang, &source.display, &e));
                self.failed = true;
            }
        }
    }
}

/// Parses every source (or reads it from the cache), with a progress bar
/// on a terminal for large workspaces.
fn parse_all(cache: Option<&crate::cache::Cache>, sources: &[Source]) -> Vec<crate::model::File> {
    let bar = (sources.len() >= PROGRESS_MIN_FILES && std::io::stderr().is_terminal())
        .then(|| indicatif::ProgressBar::new(sources.len() as u64));
    // Files parse independently: one parser per thread.
    let models = crate::par::map(sources, crate::syntax::parser, |parser, source| {
        let model = crate::cache::model(cache, parser, &source.path, &source.text);
        if let Some(b) = &bar {
            b.inc(1);
        }
        model
    });
    if let Some(bar) = bar {
        bar.finish_and_clear();
    }
    let _ = std::io::stderr().flush();
    models
}

fn fixed_line(lang: Lang, at: &str, code: &str, title: &str) -> String {
    match lang {
        Lang::En => format!("fixed {at} [{code}]: {title}"),
        Lang::Kk => format!("түзетілді {at} [{code}]: {title}"),
        Lang::Ru => format!("исправлено {at} [{code}]: {title}"),
    }
}

fn applied_line(lang: Lang, n: usize) -> String {
    match lang {
        Lang::En => format!("fixes applied: {n}"),
        Lang::Kk => format!("қолданылған түзетулер: {n}"),
        Lang::Ru => format!("применено исправлений: {n}"),
    }
}

fn unstable_line(lang: Lang) -> String {
    match lang {
        Lang::En => format!("fixes still apply after {MAX_FIX_ROUNDS} rounds: stopped"),
        Lang::Kk => format!("{MAX_FIX_ROUNDS} айналымнан кейін де түзетулер қолданылады: тоқтатылды"),
        Lang::Ru => format!("исправления применяются и после {MAX_FIX_ROUNDS} циклов: остановлено"),
    }
}
