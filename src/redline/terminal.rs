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
    let marked: usize = redline
        .paragraphs
        .iter()
        .flat_map(|p| &p.segments)
        .map(|s| s.text.len() + if s.kind == SegmentKind::Equal { 0 } else { 9 })
        .sum();
    let mut out = String::with_capacity(marked + redline.paragraphs.len());
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
    // Control characters are C0 (bytes below 0x20), DEL and C1 (U+0080 to
    // U+009F, which UTF-8 writes as 0xC2 and one more byte): scanning bytes
    // for those three is much quicker than decoding every character.
    let bytes = text.as_bytes();
    let mut done = 0;
    let mut at = 0;
    while let Some(k) = bytes[at..].iter().position(|&b| b < 0x20 || b == 0x7F || b == 0xC2) {
        let i = at + k;
        let len = match bytes[i] {
            b'\t' | b'\n' => 0,
            0xC2 if !matches!(bytes.get(i + 1), Some(0x80..=0x9F)) => 0,
            0xC2 => 2,
            _ => 1,
        };
        at = i + len.max(1);
        if len > 0 {
            out.push_str(&text[done..i]);
            out.extend(text[i..].chars().take(1).flat_map(char::escape_unicode));
            done = at;
        }
    }
    out.push_str(&text[done..]);
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The byte scan escapes exactly what `char::is_control` calls control.
        #[test]
        fn escapes_exactly_the_control_characters(text in "[\\x00-\\u{00ff}ыө€]*") {
            let mut fast = String::new();
            super::escape_into(&mut fast, &text);
            let slow: String = text
                .chars()
                .map(|c| match c {
                    '\t' | '\n' => c.to_string(),
                    c if c.is_control() => c.escape_unicode().to_string(),
                    c => c.to_string(),
                })
                .collect();
            prop_assert_eq!(fast, slow);
        }
    }
}
