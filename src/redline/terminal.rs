//! Terminal redline: ANSI styles, or `git diff --word-diff=plain` markers.

use super::{Redline, SegmentKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TerminalStyle {
    /// Deletions red and struck through (SGR 9), insertions green and
    /// underlined (SGR 4).
    Ansi,
    /// `[-deleted-]{+inserted+}`, for pipes and colour-blind readers.
    Plain,
}

const DELETE_ANSI: (&str, &str) = ("\x1b[9;31m", "\x1b[0m");
const INSERT_ANSI: (&str, &str) = ("\x1b[4;32m", "\x1b[0m");
const DELETE_PLAIN: (&str, &str) = ("[-", "-]");
const INSERT_PLAIN: (&str, &str) = ("{+", "+}");

/// One line per paragraph, unchanged ones included for context.
pub fn render(redline: &Redline, style: TerminalStyle) -> String {
    let (delete, insert) = match style {
        TerminalStyle::Ansi => (DELETE_ANSI, INSERT_ANSI),
        TerminalStyle::Plain => (DELETE_PLAIN, INSERT_PLAIN),
    };
    let mut out = String::new();
    for paragraph in &redline.paragraphs {
        for segment in &paragraph.segments {
            let (open, close) = match segment.kind {
                SegmentKind::Equal => ("", ""),
                SegmentKind::Delete => delete,
                SegmentKind::Insert => insert,
            };
            out.push_str(open);
            escape_into(&mut out, &segment.text);
            out.push_str(close);
        }
        out.push('\n');
    }
    out
}

/// Control characters in a corpus text must not drive the terminal; they are
/// shown as `\u{1b}`. Tabs and line breaks print as they are.
fn escape_into(out: &mut String, text: &str) {
    let mut rest = text;
    while let Some((k, c)) = rest.char_indices().find(|&(_, c)| c.is_control() && c != '\t' && c != '\n') {
        out.push_str(&rest[..k]);
        out.extend(c.escape_unicode());
        rest = &rest[k + c.len_utf8()..];
    }
    out.push_str(rest);
}
