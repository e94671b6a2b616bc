//! `--format json`: the versioned schema of docs/diagnostics.md.

use serde::Serialize;

use super::{Report, Source};
use crate::diag::Severity;
use crate::lang::Lang;
use crate::text::Encoding;

/// Bumped on any change that could break a reader.
pub const VERSION: u32 = 1;

#[derive(Serialize)]
struct Output<'a> {
    version: u32,
    diagnostics: Vec<Diagnostic<'a>>,
    summary: Summary,
}

#[derive(Serialize)]
struct Diagnostic<'a> {
    file: &'a str,
    code: &'a str,
    severity: Severity,
    message: String,
    range: Range,
    fix: Option<Fix<'a>>,
}

#[derive(Serialize)]
struct Range {
    start: Position,
    end: Position,
}

#[derive(Serialize)]
struct Position {
    /// One-based.
    line: u32,
    /// One-based, in characters (Unicode scalar values).
    column: u32,
    /// Zero-based byte offset in the file.
    byte: usize,
}

#[derive(Serialize)]
struct Fix<'a> {
    title: String,
    edits: Vec<Edit<'a>>,
}

#[derive(Serialize)]
struct Edit<'a> {
    range: Range,
    replacement: &'a str,
}

#[derive(Serialize)]
struct Summary {
    files: usize,
    errors: usize,
    warnings: usize,
    notes: usize,
}

fn range(source: &Source, r: &std::ops::Range<usize>) -> Range {
    let at = |offset: usize| {
        let (line, column) = source.position(offset, Encoding::Chars);
        Position { line, column, byte: offset.min(source.text.len()) }
    };
    Range { start: at(r.start), end: at(r.end) }
}

pub fn render(report: &Report, lang: Lang) -> String {
    let diagnostics = report
        .diagnostics
        .iter()
        .map(|fd| {
            let d = &fd.diagnostic;
            let source = &report.sources[fd.file];
            Diagnostic {
                file: &source.display,
                code: d.code(),
                severity: d.severity,
                message: d.message.render(lang),
                range: range(source, &d.range),
                fix: d.fix.as_ref().map(|f| Fix {
                    title: f.title.render(lang),
                    edits: f
                        .edits
                        .iter()
                        .map(|e| Edit { range: range(source, &e.range), replacement: &e.replacement })
                        .collect(),
                }),
            }
        })
        .collect();
    let summary = Summary {
        files: report.checked,
        errors: report.count(Severity::Error),
        warnings: report.count(Severity::Warning),
        notes: report.count(Severity::Info),
    };
    let mut out = serde_json::to_string_pretty(&Output { version: VERSION, diagnostics, summary })
        .expect("plain data serialises");
    out.push('\n');
    out
}
