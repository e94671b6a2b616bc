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

/// The diagnostics of one file, their positions counted together
/// (`LineIndex::positions`): 40,000 findings on one line cost the line once.
pub fn diagnostics(source: &Source, ds: &[&Diagnostic], enc: Encoding, ui: Lang) -> Vec<lsp::Diagnostic> {
    let offsets: Vec<usize> = ds.iter().flat_map(|d| [d.range.start, d.range.end]).collect();
    let at = source.lines.positions(&source.text, &offsets, enc);
    let pos = |lc: crate::text::LineCol| Position { line: lc.line, character: lc.col };
    ds.iter()
        .zip(at.chunks_exact(2))
        .map(|(d, ends)| lsp::Diagnostic {
            range: lsp::Range { start: pos(ends[0]), end: pos(ends[1]) },
            ..protocol(d, ui)
        })
        .collect()
}

/// A diagnostic without its range.
fn protocol(d: &Diagnostic, ui: Lang) -> lsp::Diagnostic {
    lsp::Diagnostic {
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

/// A diagnostic of a file that is not a `.zan` document (`zan.toml`).
pub fn diagnostic_in(
    text: &str,
    lines: &LineIndex,
    d: &Diagnostic,
    enc: Encoding,
    ui: Lang,
) -> lsp::Diagnostic {
    lsp::Diagnostic { range: range_in(text, lines, &d.range, enc), ..protocol(d, ui) }
}
