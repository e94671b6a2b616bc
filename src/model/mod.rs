//! The typed, lossless model of a `.zan` file. Every element keeps its byte span;
//! building it never fails (see `lower`).

mod cite;
mod lower;
pub mod nouns;
pub mod written;

use std::ops::Range;

pub use cite::{citation, eid, eid_cited, unit_name};
pub use lower::{MAX_DEPTH, lower, unit as lower_unit};

use crate::diag::Diagnostic;

pub type Span = Range<usize>;

/// One parsed file: its acts, amendments and bills, plus what was wrong with it.
#[derive(
    Debug, Clone, Default, PartialEq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct File {
    pub acts: Vec<Act>,
    pub amendments: Vec<Amendment>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub bills: Vec<Bill>,
    #[serde(skip)]
    pub diagnostics: Vec<Diagnostic>,
}

/// A date as written, `YYYY-MM-DD`; ordered chronologically.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
pub struct Date {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl Date {
    pub fn parse(s: &str) -> Option<Date> {
        let b = s.as_bytes();
        if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
            return None;
        }
        let year: u16 = s[..4].parse().ok()?;
        let month: u8 = s[5..7].parse().ok()?;
        let day: u8 = s[8..].parse().ok()?;
        let leap = year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400));
        let days = match month {
            1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
            4 | 6 | 9 | 11 => 30,
            2 if leap => 29,
            2 => 28,
            _ => return None,
        };
        (1..=days).contains(&day).then_some(Date { year, month, day })
    }
}

impl std::fmt::Display for Date {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

impl serde::Serialize for Date {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Fidelity {
    Official,
    Summary,
}

/// A string of legal text: its plain words, with inline references marked on them.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct RichText {
    /// The text with escapes resolved and references reduced to their display words.
    pub plain: String,
    pub refs: Vec<InlineRef>,
    /// Where each run of `plain` comes from in the source, in order.
    pub pieces: Vec<Piece>,
    pub span: Span,
}

/// A run of plain text and the source bytes it was written as. Runs from
/// ordinary text have equal lengths; an escape is one byte of plain, two of source.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Piece {
    pub plain: Range<usize>,
    pub source: Span,
}

impl RichText {
    /// The source offset of a plain-text offset, for diagnostics and fixes.
    pub fn source_offset(&self, plain: usize) -> usize {
        for piece in &self.pieces {
            if plain < piece.plain.end || (plain == piece.plain.end && piece.plain.is_empty()) {
                let into = plain.saturating_sub(piece.plain.start);
                let verbatim = piece.plain.len() == piece.source.len();
                return if verbatim { piece.source.start + into } else { piece.source.start };
            }
        }
        self.pieces.last().map_or(self.span.start + 1, |p| p.source.end)
    }
}

/// `[display](target)` inside a string.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct InlineRef {
    /// The display words, as a range of the owning `RichText::plain`.
    pub plain: Range<usize>,
    pub target: Target,
    pub span: Span,
}

/// A text in one language: a title, a unit's text or a justification.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Text {
    pub lang: String,
    pub fidelity: Option<Fidelity>,
    pub value: RichText,
    pub cite: Option<String>,
    pub span: Span,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    PartialOrd,
    Ord,
    serde::Serialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Book,
    Division,
    Section,
    Subsection,
    Chapter,
    Subchapter,
    Article,
    /// The "§" unit of German, Danish or US law: article-level.
    Paragraph,
    Part,
    Point,
    Subpoint,
    Indent,
    Note,
}

impl UnitKind {
    pub const ALL: [UnitKind; 13] = [
        UnitKind::Book,
        UnitKind::Division,
        UnitKind::Section,
        UnitKind::Subsection,
        UnitKind::Chapter,
        UnitKind::Subchapter,
        UnitKind::Article,
        UnitKind::Paragraph,
        UnitKind::Part,
        UnitKind::Point,
        UnitKind::Subpoint,
        UnitKind::Indent,
        UnitKind::Note,
    ];

    pub fn keyword(self) -> &'static str {
        match self {
            UnitKind::Book => "book",
            UnitKind::Division => "division",
            UnitKind::Section => "section",
            UnitKind::Subsection => "subsection",
            UnitKind::Chapter => "chapter",
            UnitKind::Subchapter => "subchapter",
            UnitKind::Article => "article",
            UnitKind::Paragraph => "paragraph",
            UnitKind::Part => "part",
            UnitKind::Point => "point",
            UnitKind::Subpoint => "subpoint",
            UnitKind::Indent => "indent",
            UnitKind::Note => "note",
        }
    }

    pub fn from_keyword(s: &str) -> Option<UnitKind> {
        UnitKind::ALL.into_iter().find(|k| k.keyword() == s)
    }

    /// Groupings structure an act but are not cited by their place: `article 205`
    /// is found inside any chapter.
    pub fn is_grouping(self) -> bool {
        matches!(
            self,
            UnitKind::Book
                | UnitKind::Division
                | UnitKind::Section
                | UnitKind::Subsection
                | UnitKind::Chapter
                | UnitKind::Subchapter
        )
    }
}

/// A unit number as written: `205`, `213-1`, `9 c`.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Number {
    pub text: String,
    pub span: Span,
}

/// `[act[@date]] kind number … [..number]`
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Target {
    pub act: Option<String>,
    pub version: Option<Date>,
    pub path: Vec<Segment>,
    pub range_end: Option<Number>,
    pub span: Span,
}

#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Segment {
    pub kind: UnitKind,
    /// `None`: the unnumbered unit of that kind (`note`).
    pub number: Option<Number>,
}

impl Segment {
    /// The number as written, or "" for an unnumbered segment.
    pub fn number_text(&self) -> &str {
        self.number.as_ref().map_or("", |n| n.text.as_str())
    }
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Relation {
    Corresponds,
    Stricter,
    Lenient,
    Broader,
    Narrower,
    Implements,
}

/// `compare <relation> <target> ["note"]`
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Comparison {
    pub relation: Relation,
    pub target: Target,
    pub note: Option<RichText>,
    pub span: Span,
}

/// What a unit block holds; shared by units, `rewrite` and `add`.
#[derive(
    Debug, Clone, Default, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
// Units nest: the bounds of the recursive field are given here (rkyv's
// way for recursive types) instead of being derived.
#[rkyv(serialize_bounds(__S: rkyv::ser::Writer + rkyv::ser::Allocator, __S::Error: rkyv::rancor::Source))]
#[rkyv(deserialize_bounds(__D::Error: rkyv::rancor::Source))]
#[rkyv(bytecheck(bounds(__C: rkyv::validation::ArchiveContext, __C::Error: rkyv::rancor::Source)))]
pub struct UnitContent {
    pub titles: Vec<Text>,
    pub texts: Vec<Text>,
    #[rkyv(omit_bounds)]
    pub children: Vec<Unit>,
    pub comparisons: Vec<Comparison>,
    pub repealed: Option<Repealed>,
    pub history: Option<History>,
    /// Reviewers' remarks on the unit; not part of its text.
    pub remarks: Vec<Remark>,
}

/// `remark open "Author" 2025-03-01 { "text" … reply "Other" 2025-03-02 "text" }`:
/// a reviewer's remark on a unit (`zan review import` writes them from Word
/// comments and the review site), with its replies.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Remark {
    pub status: RemarkStatus,
    /// The status keyword, which the "Resolve" action rewrites.
    pub status_span: Span,
    pub author: String,
    pub date: Date,
    /// Its paragraphs.
    pub text: Vec<String>,
    pub replies: Vec<Reply>,
    pub span: Span,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum RemarkStatus {
    Open,
    Resolved,
}

#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Reply {
    pub author: String,
    pub date: Date,
    /// Its paragraphs.
    pub text: Vec<String>,
    pub span: Span,
}

/// `history { … }`: what the official database records of a unit's (or an
/// act's) amendments: the changes, and its editorial notes («Сноска.»,
/// «Ескерту.») as written. Not part of the legal text.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct History {
    pub changes: Vec<Change>,
    pub notes: Vec<Text>,
    pub span: Span,
}

/// `amended "180-VI" 2018-07-12 [in-force 2018-07-24]`: a change by an
/// amending law, named by its number and date.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Change {
    pub kind: ChangeKind,
    pub law: String,
    pub date: Date,
    pub in_force: Option<Date>,
    pub span: Span,
}

#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    Hash,
    serde::Serialize,
    rkyv::Archive,
    rkyv::Serialize,
    rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum ChangeKind {
    Amended,
    Added,
    Rewritten,
    Repealed,
}

impl ChangeKind {
    pub const ALL: [ChangeKind; 4] =
        [ChangeKind::Amended, ChangeKind::Added, ChangeKind::Rewritten, ChangeKind::Repealed];

    pub fn keyword(self) -> &'static str {
        match self {
            ChangeKind::Amended => "amended",
            ChangeKind::Added => "added",
            ChangeKind::Rewritten => "rewritten",
            ChangeKind::Repealed => "repealed",
        }
    }
}

#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Repealed {
    pub date: Option<Date>,
    pub span: Span,
}

#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Unit {
    pub kind: UnitKind,
    pub number: Option<Number>,
    pub content: UnitContent,
    pub span: Span,
}

#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Act {
    pub id: String,
    pub id_span: Span,
    pub version: Option<Date>,
    pub jurisdiction: Option<String>,
    pub kind: Option<String>,
    pub number: Option<String>,
    pub adopted: Option<Date>,
    pub in_force: Option<Date>,
    pub languages: Vec<String>,
    pub titles: Vec<Text>,
    pub source: Option<String>,
    pub units: Vec<Unit>,
    pub comparisons: Vec<Comparison>,
    pub history: Option<History>,
    pub span: Span,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Status {
    Draft,
    Proposed,
    Adopted,
}

#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Amendment {
    pub id: String,
    pub id_span: Span,
    pub act: Option<String>,
    pub base_version: Option<Date>,
    /// `target ACT as-of DATE`: the base is the act as its adopted
    /// amendments leave it on that date, not a stored version.
    pub as_of: Option<Date>,
    /// The `target` statement, where an unknown act or version is reported
    /// (the id's span when there is none).
    pub target_span: Span,
    pub status: Option<Status>,
    pub author: Option<String>,
    pub in_force: Option<Date>,
    pub titles: Vec<Text>,
    pub justifications: Vec<Text>,
    pub operations: Vec<Operation>,
    pub span: Span,
}

/// A law that enacts amendments of several acts: what belongs to the law,
/// not to one act's changes (its topic and entry into force).
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Bill {
    pub id: String,
    pub id_span: Span,
    /// Written to follow «по вопросам» / to precede «мәселелері бойынша».
    pub titles: Vec<Text>,
    pub in_force: Option<Date>,
    /// The amendments it enacts, each id with its span, in written order.
    #[serde(serialize_with = "ids_with_spans")]
    pub amends: Vec<(String, Span)>,
    pub span: Span,
}

/// `(id, span)` pairs as `{"id", "span"}` objects, so that `meaning` leaves
/// the spans out as it does everywhere else.
fn ids_with_spans<S: serde::Serializer>(pairs: &[(String, Span)], s: S) -> Result<S::Ok, S::Error> {
    #[derive(serde::Serialize)]
    struct IdAt<'a> {
        id: &'a str,
        span: &'a Span,
    }
    s.collect_seq(pairs.iter().map(|(id, span)| IdAt { id, span }))
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Occurrence {
    Nth(u32),
    All,
}

#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct WordChange {
    /// The words are in the unit's title rather than its text.
    pub title: bool,
    pub lang: String,
    pub old: RichText,
    pub new: RichText,
    pub occurrence: Option<Occurrence>,
    pub span: Span,
}

impl WordChange {
    /// What a `replace-all` line searches, as `title` flags of the unit
    /// texts: every text and every heading, as «по всему тексту» does in a
    /// bill, or the headings only for a `title` line.
    pub fn throughout(&self) -> &'static [bool] {
        if self.title { &[true] } else { &[false, true] }
    }
}

#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub enum InsertPosition {
    Before { anchor: RichText, occurrence: Option<Occurrence> },
    After { anchor: RichText, occurrence: Option<Occurrence> },
    Start,
    End,
}

#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct WordInsertion {
    pub title: bool,
    pub lang: String,
    pub new: RichText,
    pub position: InsertPosition,
    pub span: Span,
}

#[derive(
    Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
#[serde(rename_all = "lowercase")]
pub enum Place {
    To,
    After,
    Before,
}

#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub enum OperationKind {
    /// Words replaced inside one unit (`replace`), or in the whole act when
    /// `target` is `None` (`replace-all`).
    Replace {
        target: Option<Target>,
        changes: Vec<WordChange>,
    },
    /// Words deleted; a deletion is a change to the empty string.
    Delete {
        target: Target,
        changes: Vec<WordChange>,
    },
    Insert {
        target: Target,
        insertions: Vec<WordInsertion>,
    },
    Rewrite {
        target: Target,
        content: UnitContent,
    },
    Add {
        kind: UnitKind,
        number: Option<Number>,
        place: Place,
        target: Target,
        content: UnitContent,
    },
    Repeal {
        target: Target,
    },
    Renumber {
        target: Target,
        number: Number,
        update_references: bool,
    },
}

#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Operation {
    pub kind: OperationKind,
    pub justifications: Vec<Text>,
    pub comparisons: Vec<Comparison>,
    pub span: Span,
}

impl Operation {
    /// The comparative links the operation makes: its own, and those of the
    /// unit it adds or rewrites.
    pub fn all_comparisons(&self) -> impl Iterator<Item = &Comparison> {
        let content = match &self.kind {
            OperationKind::Add { content, .. } | OperationKind::Rewrite { content, .. } => Some(content),
            _ => None,
        };
        self.comparisons.iter().chain(content.into_iter().flat_map(|c| &c.comparisons))
    }

    /// An `add` of a unit without a number that a bill must cite by one:
    /// every kind but a note or an unnumbered paragraph (абзац), which the
    /// law names by place. `zan bill` refuses such an addition and `zan
    /// check` warns on it: one rule for both.
    pub fn unnumbered_addition(&self) -> Option<UnitKind> {
        match &self.kind {
            OperationKind::Add { kind, number: None, .. }
                if !matches!(kind, UnitKind::Note | UnitKind::Indent) =>
            {
                Some(*kind)
            }
            _ => None,
        }
    }

    /// The unit the operation works on (for `add`, the anchor or parent unit).
    pub fn target(&self) -> Option<&Target> {
        match &self.kind {
            OperationKind::Replace { target, .. } => target.as_ref(),
            OperationKind::Delete { target, .. }
            | OperationKind::Insert { target, .. }
            | OperationKind::Rewrite { target, .. }
            | OperationKind::Add { target, .. }
            | OperationKind::Repeal { target }
            | OperationKind::Renumber { target, .. } => Some(target),
        }
    }
}

impl File {
    /// The model as JSON without spans: what must not change when a file is
    /// only reformatted.
    pub fn meaning(&self) -> serde_json::Value {
        meaning(self)
    }
}

/// Any part of the model as JSON without spans: what it means, wherever it
/// was written (`zan derive` compares units so).
pub fn meaning<T: serde::Serialize>(x: &T) -> serde_json::Value {
    fn strip(v: &mut serde_json::Value) {
        match v {
            serde_json::Value::Object(map) => {
                map.retain(|k, _| !matches!(k.as_str(), "span" | "id_span" | "target_span" | "pieces"));
                map.values_mut().for_each(strip);
            }
            serde_json::Value::Array(items) => items.iter_mut().for_each(strip),
            _ => {}
        }
    }
    let mut v = serde_json::to_value(x).unwrap_or_default();
    strip(&mut v);
    v
}
