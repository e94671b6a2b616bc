//! HTML redline and comparative-table cells.

use super::{ParagraphKind, Redline, SegmentKind, Side};

/// Every paragraph as `<p class="zan-…">` with `<del class="zan-del">` and
/// `<ins class="zan-ins">` inside, one per line.
pub fn render(redline: &Redline) -> String {
    let mut out = String::new();
    for paragraph in &redline.paragraphs {
        let class = match paragraph.kind {
            ParagraphKind::Unchanged => "zan-unchanged",
            ParagraphKind::Changed => "zan-changed",
            ParagraphKind::Inserted => "zan-inserted",
            ParagraphKind::Deleted => "zan-deleted",
        };
        out.push_str(&format!("<p class=\"{class}\">"));
        for segment in &paragraph.segments {
            let tag = match segment.kind {
                SegmentKind::Equal => None,
                SegmentKind::Delete => Some(("del", "zan-del")),
                SegmentKind::Insert => Some(("ins", "zan-ins")),
            };
            push_tagged(&mut out, tag, &segment.text);
        }
        out.push_str("</p>\n");
    }
    out
}

/// The current-wording cell: deleted words struck, inserted words absent,
/// paragraphs separated by `<br>`.
pub fn current_side(redline: &Redline) -> String {
    side(redline, Side::Current, ("del", "zan-del"))
}

/// The proposed-wording cell: inserted words bold, deleted words absent.
pub fn proposed_side(redline: &Redline) -> String {
    side(redline, Side::Proposed, ("strong", "zan-ins"))
}

fn side(redline: &Redline, side: Side, tag: (&str, &str)) -> String {
    let cells: Vec<String> = redline
        .side(side)
        .into_iter()
        .map(|pieces| {
            let mut out = String::new();
            for p in pieces {
                push_tagged(&mut out, p.marked.then_some(tag), p.text);
            }
            out
        })
        .collect();
    cells.join("<br>")
}

fn push_tagged(out: &mut String, tag: Option<(&str, &str)>, text: &str) {
    match tag {
        Some((name, class)) => {
            out.push_str(&format!("<{name} class=\"{class}\">{}</{name}>", escape(text)));
        }
        None => out.push_str(&escape(text)),
    }
}

/// Escapes text for element content and quoted attribute values alike.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}
