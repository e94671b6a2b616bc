//! Human-readable diagnostics in the style of rustc: file:line:col, the source
//! line, a caret under the span (aligned for Cyrillic and wide CJK letters).

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::diag::{Diagnostic, Severity};
use crate::lang::Lang;
use crate::text::{Encoding, LineIndex};

pub struct Style {
    pub color: bool,
    pub lang: Lang,
}

fn paint(s: &str, code: &str, color: bool) -> String {
    if color { format!("\x1b[{code}m{s}\x1b[0m") } else { s.to_string() }
}

pub fn severity_word(severity: Severity, lang: Lang) -> &'static str {
    match (severity, lang) {
        (Severity::Error, Lang::En) => "error",
        (Severity::Error, Lang::Kk) => "қате",
        (Severity::Error, Lang::Ru) => "ошибка",
        (Severity::Warning, Lang::En) => "warning",
        (Severity::Warning, Lang::Kk) => "ескерту",
        (Severity::Warning, Lang::Ru) => "предупреждение",
        (Severity::Info, Lang::En) => "note",
        (Severity::Info, Lang::Kk) => "ақпарат",
        (Severity::Info, Lang::Ru) => "примечание",
    }
}

/// Bytes of a line shown on each side of a span (and of a span itself).
const CONTEXT: usize = 200;

/// The nearest char boundary at or before `at`.
fn floor(text: &str, mut at: usize) -> usize {
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The nearest char boundary at or after `at` (at most the text's length).
fn ceil(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at += 1;
    }
    at
}

/// Renders one diagnostic of `path`, whose text is `text`.
pub fn render(d: &Diagnostic, path: &str, text: &str, lines: &LineIndex, style: &Style) -> String {
    let start = lines.position(text, d.range.start, Encoding::Chars);
    let line_no = (start.line + 1).to_string();
    let gutter = " ".repeat(line_no.len());
    let color = match d.severity {
        Severity::Error => "1;31",
        Severity::Warning => "1;33",
        Severity::Info => "1;36",
    };
    let mut out = String::new();
    let head = format!("{}[{}]", severity_word(d.severity, style.lang), d.code());
    let _ = writeln!(out, "{}: {}", paint(&head, color, style.color), d.message.render(style.lang));
    let _ = writeln!(
        out,
        "{gutter}{} {path}:{}:{}",
        paint("-->", "1;34", style.color),
        start.line + 1,
        start.col + 1
    );
    let range = lines.line_range(text, start.line as usize);
    let from = floor(text, d.range.start.clamp(range.start, range.end));
    let to = ceil(text, d.range.end.clamp(from, range.end));
    // A long line (a 10 MB one-line file) is cut to a window around the
    // start of the span, so that each diagnostic prints a few hundred bytes.
    let to = to.min(ceil(text, from + CONTEXT)).max(from);
    let shown =
        floor(text, from.saturating_sub(CONTEXT).max(range.start))..ceil(text, (to + CONTEXT).min(range.end));
    let (before, after) =
        (if shown.start > range.start { "…" } else { "" }, if shown.end < range.end { "…" } else { "" });
    let source_line = format!("{before}{}{after}", &text[shown.clone()]);
    let pad = before.width() + text[shown.start..from].width();
    let width = text[from..to].width().max(1);
    let bar = paint("|", "1;34", style.color);
    let _ = writeln!(out, "{gutter} {bar}");
    let _ = writeln!(out, "{} {bar} {source_line}", paint(&line_no, "1;34", style.color));
    let _ =
        writeln!(out, "{gutter} {bar} {}{}", " ".repeat(pad), paint(&"^".repeat(width), color, style.color));
    if let Some(fix) = &d.fix {
        let _ = writeln!(out, "{gutter} = help: {}", fix.title.render(style.lang));
    }
    out.push('\n');
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Message;

    #[test]
    fn caret_under_cyrillic_and_cjk() {
        let text = "act a.b {\n  title zh official \"第二百八十五条 қате\" x\n}\n";
        let lines = LineIndex::new(text);
        let at = text.find('x').unwrap();
        let d = Diagnostic::new(Message::SyntaxUnexpected { found: "x".into() }, at..at + 1);
        let style = Style { color: false, lang: Lang::En };
        let expected = "error[syntax-error]: syntax error: unexpected `x`\n --> a.zan:2:36\n  |\n2 |   title zh official \"第二百八十五条 қате\" x\n  | "
            .to_string()
            + &" ".repeat(42)
            + "^\n\n";
        assert_eq!(render(&d, "a.zan", text, &lines, &style), expected);
    }

    #[test]
    fn long_line_is_cut_around_the_span() {
        let text = format!("{}ә{} x {}\n", "a".repeat(802), "a".repeat(198), "b".repeat(1000));
        let lines = LineIndex::new(&text);
        let at = text.find('x').unwrap();
        let d = Diagnostic::new(Message::SyntaxUnexpected { found: "x".into() }, at..at + 1);
        let style = Style { color: false, lang: Lang::En };
        // 200 bytes before `x` is inside `ә`: the window starts at it.
        let expected = format!(
            "error[syntax-error]: syntax error: unexpected `x`\n --> a.zan:1:1003\n  |\n1 | …ә{} x {}…\n  | {}^\n\n",
            "a".repeat(198),
            "b".repeat(199),
            " ".repeat(201)
        );
        assert_eq!(render(&d, "a.zan", &text, &lines, &style), expected);
    }
}
