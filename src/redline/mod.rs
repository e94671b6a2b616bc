//! Redlines: what changed between the old and new text of one unit.
//!
//! Paragraphs are aligned first (Patience), then each changed pair is diffed
//! word by word with Unicode word segmentation, so a changed Kazakh or Russian
//! suffix marks one word, and Chinese text is compared ideograph by ideograph.
//! The result is plain data; the renderers (`terminal`, `html`, `markdown`,
//! `unified`) and later the language server all read the same structure.
//!
//! Every diff runs without a deadline: the same input always gives the same
//! redline, whatever the machine load.

mod align;
pub mod html;
pub mod markdown;
pub mod terminal;
pub mod unified;
mod words;

use serde::Serialize;

/// The redline of one unit: its paragraphs in reading order, each side's
/// paragraphs appearing in their original order.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Redline {
    pub paragraphs: Vec<ParagraphDiff>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ParagraphDiff {
    pub kind: ParagraphKind,
    /// Unchanged and inserted paragraphs hold one `Equal`/`Insert` segment,
    /// deleted ones one `Delete` segment (none when the paragraph is empty).
    pub segments: Vec<Segment>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ParagraphKind {
    Unchanged,
    Changed,
    Inserted,
    Deleted,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Segment {
    pub kind: SegmentKind,
    pub text: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SegmentKind {
    Equal,
    Delete,
    Insert,
}

impl Redline {
    /// Compares two sequences of paragraphs.
    pub fn new(old: &[&str], new: &[&str]) -> Self {
        Redline { paragraphs: align::align(old, new) }
    }

    /// Compares two texts whose paragraphs are separated by `\n`.
    pub fn from_text(old: &str, new: &str) -> Self {
        Self::new(&paragraphs_of(old), &paragraphs_of(new))
    }

    pub fn is_unchanged(&self) -> bool {
        self.paragraphs.iter().all(|p| p.kind == ParagraphKind::Unchanged)
    }

    pub fn old_paragraphs(&self) -> Vec<String> {
        self.paragraphs.iter().filter_map(|p| p.old_text()).collect()
    }

    pub fn new_paragraphs(&self) -> Vec<String> {
        self.paragraphs.iter().filter_map(|p| p.new_text()).collect()
    }

    /// The old text, as given to [`Redline::from_text`].
    pub fn old_text(&self) -> String {
        self.old_paragraphs().join("\n")
    }

    /// The new text, as given to [`Redline::from_text`].
    pub fn new_text(&self) -> String {
        self.new_paragraphs().join("\n")
    }
}

/// A side of the comparative table: the current wording (removed words
/// marked, inserted ones absent) or the proposed one (inserted words marked,
/// removed ones absent).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Side {
    Current,
    Proposed,
}

/// One piece of a table cell's paragraph: its text, and whether it is a
/// changed word of that side (struck on the current, bold on the proposed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Piece<'a> {
    pub text: &'a str,
    pub marked: bool,
}

impl Redline {
    /// The paragraphs of one side as its cell shows them, each as its
    /// pieces: what every format of the table (HTML, Markdown, DOCX, PDF) lays out.
    pub fn side(&self, side: Side) -> Vec<Vec<Piece<'_>>> {
        let (absent, shown) = match side {
            Side::Current => (ParagraphKind::Inserted, SegmentKind::Delete),
            Side::Proposed => (ParagraphKind::Deleted, SegmentKind::Insert),
        };
        self.paragraphs
            .iter()
            .filter(|p| p.kind != absent)
            .map(|p| {
                p.segments
                    .iter()
                    .filter(|s| s.kind == SegmentKind::Equal || s.kind == shown)
                    .map(|s| Piece { text: &s.text, marked: s.kind == shown })
                    .collect()
            })
            .collect()
    }
}

impl ParagraphDiff {
    fn whole(kind: ParagraphKind, segment: SegmentKind, text: &str) -> Self {
        let segments =
            if text.is_empty() { Vec::new() } else { vec![Segment { kind: segment, text: text.to_owned() }] };
        ParagraphDiff { kind, segments }
    }

    /// The paragraph's old wording; `None` when it was inserted.
    pub fn old_text(&self) -> Option<String> {
        (self.kind != ParagraphKind::Inserted).then(|| self.side(SegmentKind::Delete))
    }

    /// The paragraph's new wording; `None` when it was deleted.
    pub fn new_text(&self) -> Option<String> {
        (self.kind != ParagraphKind::Deleted).then(|| self.side(SegmentKind::Insert))
    }

    fn side(&self, changed: SegmentKind) -> String {
        self.segments
            .iter()
            .filter(|s| s.kind == SegmentKind::Equal || s.kind == changed)
            .map(|s| s.text.as_str())
            .collect()
    }
}

/// An empty text has no paragraphs, so inserting a whole unit does not show a
/// deleted empty paragraph; joining gives the empty text back either way.
fn paragraphs_of(text: &str) -> Vec<&str> {
    if text.is_empty() { Vec::new() } else { text.split('\n').collect() }
}
