//! The formats of `zan check`: human (rustc style), json, sarif and github.
//! Every format gets the same report; only human output is localised beyond
//! the messages themselves.

mod github;
mod json;
mod sarif;

use std::path::PathBuf;

use crate::analysis::FileDiagnostic;
use crate::diag::Severity;
use crate::lang::Lang;
use crate::report::Style;
use crate::text::{Encoding, LineIndex};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Human,
    Json,
    Sarif,
    Github,
}

/// A file a diagnostic can point into (a `.zan` file or `zan.toml`).
pub struct Source {
    pub path: PathBuf,
    /// The path as shown: relative to the working directory when inside it, with `/`.
    pub display: String,
    /// Empty when the file could not be read.
    pub text: String,
    pub lines: LineIndex,
}

impl Source {
    pub fn new(path: PathBuf, text: String) -> Source {
        let display = display(&path);
        let lines = LineIndex::new(&text);
        Source { path, display, text, lines }
    }

    /// One-based line and column of a byte offset, the column counted in `enc`.
    fn position(&self, offset: usize, enc: Encoding) -> (u32, u32) {
        let p = self.lines.position(&self.text, offset, enc);
        (p.line + 1, p.col + 1)
    }
}

/// How a path is shown: relative to the working directory when inside it.
pub fn display(path: &std::path::Path) -> String {
    let cwd = std::env::current_dir().ok();
    let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    let shown = match cwd.as_deref().and_then(|c| abs.strip_prefix(c).ok()) {
        Some(rel) if !rel.as_os_str().is_empty() => rel.to_path_buf(),
        _ if path.is_relative() => path.components().filter(|c| *c != std::path::Component::CurDir).collect(),
        _ => path.to_path_buf(),
    };
    shown.to_string_lossy().replace('\\', "/")
}

pub struct Report {
    pub sources: Vec<Source>,
    /// Sorted by file (as shown), position, then code.
    pub diagnostics: Vec<FileDiagnostic>,
    /// The number of `.zan` files checked.
    pub checked: usize,
}

impl Report {
    pub fn new(sources: Vec<Source>, mut diagnostics: Vec<FileDiagnostic>, checked: usize) -> Report {
        diagnostics.sort_by(|a, b| {
            let key = |fd: &FileDiagnostic| {
                let d = &fd.diagnostic;
                (
                    sources[fd.file].display.clone(),
                    d.range.start,
                    d.range.end,
                    d.code(),
                    d.message.render(Lang::En),
                )
            };
            key(a).cmp(&key(b))
        });
        Report { sources, diagnostics, checked }
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.diagnostics.iter().filter(|fd| fd.diagnostic.severity == severity).count()
    }

    /// The closing line, on stderr for every format.
    pub fn summary(&self, lang: Lang) -> String {
        let (e, w, i) =
            (self.count(Severity::Error), self.count(Severity::Warning), self.count(Severity::Info));
        let files = self.checked;
        // "label: number" needs no plural forms in any of the three languages.
        match lang {
            Lang::En => format!("files checked: {files}; errors: {e}, warnings: {w}, notes: {i}"),
            Lang::Kk => {
                format!("тексерілген файлдар: {files}; қателер: {e}, ескертулер: {w}, ақпарат: {i}")
            }
            Lang::Ru => {
                format!("проверено файлов: {files}; ошибок: {e}, предупреждений: {w}, примечаний: {i}")
            }
        }
    }
}

/// The whole output of one format, for stdout.
pub fn render(format: Format, report: &Report, style: &Style) -> String {
    match format {
        Format::Human => report
            .diagnostics
            .iter()
            .map(|fd| {
                let s = &report.sources[fd.file];
                crate::report::render(&fd.diagnostic, &s.display, &s.text, &s.lines, style)
            })
            .collect(),
        Format::Json => json::render(report, style.lang),
        Format::Sarif => sarif::render(report, style.lang),
        Format::Github => github::render(report, style.lang),
    }
}
