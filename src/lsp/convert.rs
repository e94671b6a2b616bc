//! Conversions between protocol positions and the core's byte offsets, and
//! from core diagnostics to protocol diagnostics.

use std::ops::Range;

use tower_lsp_server::ls_types::{self as lsp, DiagnosticSeverity, NumberOrString, Position};

use crate::diag::{Diagnostic, Severity};
use crate::ide::Source;
use crate::lang::Lang;
use crate::text::{Encoding, LineCol, LineIndex};

pub fn line_col(p: Position) -> LineCol {
    LineCol { line: p.line, col: p.character }
}

pub fn offset(source: &Source, p: Position, enc: Encoding) -> usize {
    source.lines.offset(&source.text, line_col(p), enc)
}

pub fn position(source: &Source, offset: usize, enc: Encoding) -> Position {
    position_in(&source.text, &source.lines, offset, enc)
}

fn position_in(text: &str, lines: &LineIndex, offset: usize, enc: Encoding) -> Position {
    let lc = lines.position(text, offset, enc);
    Position { line: lc.line, character: lc.col }
}

pub fn range(source: &Source, span: &Range<usize>, enc: Encoding) -> lsp::Range {
    range_in(&source.text, &source.lines, span, enc)
}

fn range_in(text: &str, lines: &LineIndex, span: &Range<usize>, enc: Encoding) -> lsp::Range {
    lsp::Range {
        start: position_in(text, lines, span.start, enc),
        end: position_in(text, lines, span.end, enc),
    }
}

pub fn diagnostic(source: &Source, d: &Diagnostic, enc: Encoding, ui: Lang) -> lsp::Diagnostic {
    diagnostic_in(&source.text, &source.lines, d, enc, ui)
}

/// A diagnostic of a file that is not a `.zan` document (`zan.toml`).
pub fn diagnostic_in(
    text: &str,
    lines: &LineIndex,
    d: &Diagnostic,
    enc: Encoding,
    ui: Lang,
) -> lsp::Diagnostic {
    lsp::Diagnostic {
        range: range_in(text, lines, &d.range, enc),
        severity: Some(match d.severity {
            Severity::Error => DiagnosticSeverity::ERROR,
            Severity::Warning => DiagnosticSeverity::WARNING,
            Severity::Info => DiagnosticSeverity::INFORMATION,
        }),
        code: Some(NumberOrString::String(d.code().to_string())),
        source: Some("zan".into()),
        message: d.message.render(ui),
        ..Default::default()
    }
}
