//! Markdown (GFM) redline and comparative-table cells: `~~deleted~~`,
//! `**inserted**` (bold marks the proposed wording in Kazakh comparative
//! tables). Corpus text is escaped so `*`, `_`, `|`, `<` and backticks show
//! literally, inside table cells too.

use super::{Redline, SegmentKind, Side};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Strike,
    Bold,
}

impl Mark {
    fn delimiter(self) -> &'static str {
        match self {
            Mark::Strike => "~~",
            Mark::Bold => "**",
        }
    }

    /// Used where CommonMark would not read the delimiters as emphasis.
    fn html(self) -> (&'static str, &'static str) {
        match self {
            Mark::Strike => ("<del>", "</del>"),
            Mark::Bold => ("<strong>", "</strong>"),
        }
    }
}

/// Paragraphs separated by blank lines; deletions struck, insertions bold.
pub fn render(redline: &Redline) -> String {
    let paragraphs: Vec<String> = redline
        .paragraphs
        .iter()
        .map(|p| {
            let mut items = Vec::new();
            for (k, s) in p.segments.iter().enumerate() {
                items.push(match s.kind {
                    SegmentKind::Equal => (None, s.text.as_str()),
                    SegmentKind::Delete => (Some(Mark::Strike), s.text.as_str()),
                    SegmentKind::Insert => (Some(Mark::Bold), s.text.as_str()),
                });
                // Struck words run into the inserted ones («~~он алты~~**он
                // төрт**» reads as one word where strikethrough is not shown).
                if s.kind == SegmentKind::Delete
                    && let Some(next) = p.segments.get(k + 1).filter(|n| n.kind == SegmentKind::Insert)
                    && let (Some(a), Some(b)) = (s.text.chars().next_back(), next.text.chars().next())
                    && runs_together(a, b)
                {
                    items.push((None, " "));
                }
            }
            escape_block_start(&inline(items.into_iter()))
        })
        .collect();
    let mut out = paragraphs.join("\n\n");
    out.push('\n');
    out
}

/// The current-wording table cell: deleted words struck, inserted absent,
/// paragraphs separated by `<br>`.
pub fn current_side(redline: &Redline) -> String {
    side(redline, Side::Current, Mark::Strike)
}

/// The proposed-wording table cell: inserted words bold, deleted absent.
pub fn proposed_side(redline: &Redline) -> String {
    side(redline, Side::Proposed, Mark::Bold)
}

fn side(redline: &Redline, side: Side, mark: Mark) -> String {
    let cells: Vec<String> = redline
        .side(side)
        .into_iter()
        .map(|pieces| inline(pieces.into_iter().map(|p| (p.marked.then_some(mark), p.text))))
        .collect();
    cells.join("<br>")
}

/// Whether two letters or digits, one struck and one inserted, would read
/// as one word; ideographs are written without spaces anyway.
fn runs_together(a: char, b: char) -> bool {
    let ideograph =
        |c: char| matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF);
    a.is_alphanumeric() && b.is_alphanumeric() && !ideograph(a) && !ideograph(b)
}

/// Renders marked and plain pieces of one paragraph. Delimiters hug the
/// visible text (`**14** `, never `**14 **`, which CommonMark leaves
/// literal), and fall back to HTML tags where punctuation next to a word
/// would stop them from opening or closing (`a~~,~~ b`).
fn inline<'a>(items: impl Iterator<Item = (Option<Mark>, &'a str)>) -> String {
    let items: Vec<(Option<Mark>, String)> = items.map(|(m, t)| (m, escape(t))).collect();
    let mut out = String::new();
    for (k, (mark, text)) in items.iter().enumerate() {
        let core = text.trim_matches(char::is_whitespace);
        let Some(mark) = mark.filter(|_| !core.is_empty()) else {
            out.push_str(text);
            continue;
        };
        let lead = &text[..text.len() - text.trim_start().len()];
        let trail = &text[text.trim_end().len()..];
        out.push_str(lead);
        let after = match (trail.chars().next(), items.get(k + 1)) {
            (Some(c), _) => Some(c),
            // A following marked piece starts with a delimiter: punctuation.
            (None, Some((Some(_), next))) => {
                next.chars().next().map(|c| if c.is_whitespace() { c } else { '*' })
            }
            (None, Some((None, next))) => next.chars().next(),
            (None, None) => None,
        };
        let opens = flanks(core.chars().next(), out.chars().last());
        let closes = flanks(core.chars().next_back(), after);
        let (open, close) = if opens && closes { (mark.delimiter(), mark.delimiter()) } else { mark.html() };
        out.push_str(open);
        out.push_str(core);
        out.push_str(close);
        out.push_str(trail);
    }
    out
}

/// CommonMark's flanking rule for a delimiter between `inner` (the marked
/// text's edge) and `outer` (the neighbouring character, `None` at the edge):
/// punctuation inside needs whitespace, punctuation or nothing outside.
fn flanks(inner: Option<char>, outer: Option<char>) -> bool {
    !inner.is_some_and(is_punctuation) || outer.is_none_or(|c| c.is_whitespace() || is_punctuation(c))
}

fn is_punctuation(c: char) -> bool {
    !c.is_alphanumeric() && !c.is_whitespace()
}

/// Escapes inline Markdown: emphasis, code, links, HTML, entities, table
/// pipes; a line break inside a paragraph becomes `<br>` so table rows hold.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '~' | '&' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("<br>"),
            _ => out.push(c),
        }
    }
    out
}

/// At the start of a block, `# `, `- `, `+ `, `1. `, `1) ` and indentation
/// would make a heading, list or code block of a paragraph of law.
fn escape_block_start(line: &str) -> String {
    let body = line.trim_start_matches([' ', '\t']);
    let mut out: String =
        line[..line.len() - body.len()].chars().map(|c| if c == '\t' { "&#9;" } else { "&#32;" }).collect();
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let after_digits = &body[digits..];
    if digits == 0 && body.starts_with(['#', '-', '+']) {
        out.push('\\');
        out.push_str(body);
    } else if digits > 0 && after_digits.starts_with(['.', ')']) {
        out.push_str(&body[..digits]);
        out.push('\\');
        out.push_str(after_digits);
    } else {
        out.push_str(body);
    }
    out
}
