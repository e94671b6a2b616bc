//! The comparative table and the bill as PDF, laid out by typst used as a
//! library (feature `pdf`): no browser or office suite at run time. Each
//! document is a typst template of this directory (`pdf/table.typ`,
//! `pdf/bill.typ`) reading its data from `data.json`, which is made here
//! from the structures every other format of the table and the bill reads
//! (`Table`, `Redline::side`, `Bill::lines`), so the PDF shows what they
//! show. The one font is Libertinus Serif, embedded, with no fallback: a
//! character it lacks is an error naming it, never a silent substitute.

use serde::Serialize;

use super::bill::{Bill, Role, split_article_label};
use super::table::{Cell, Table};
use crate::redline::{Piece, Side};

#[cfg(feature = "pdf")]
mod world;

/// The family of every face the documents use.
pub const FONT: &str = "Libertinus Serif";

/// A cell of the table: its paragraphs, and after them the summary markers
/// of its wording («[1]»).
#[derive(Serialize)]
struct CellData<'a> {
    paragraphs: Vec<Vec<Piece<'a>>>,
    marks: &'a str,
    /// The reason an operation does not apply, in place of a wording.
    failed: bool,
}

#[derive(Serialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
enum RowData<'a> {
    /// The amended act's name and date, across the table.
    Act { name: &'a str },
    Change {
        number: usize,
        unit: &'a str,
        current: CellData<'a>,
        proposed: CellData<'a>,
        justification: &'a str,
        comparisons: &'a [String],
    },
}

#[derive(Serialize)]
struct TableData<'a> {
    lang: &'static str,
    title: &'a str,
    warning: Option<&'static str>,
    headings: Vec<&'static str>,
    /// The columns' relative widths, the DOCX table's.
    widths: Vec<usize>,
    rows: Vec<RowData<'a>>,
    footnotes: &'a [String],
}

fn cell<'a>(c: &'a Cell, side: Side, marks: &'a str) -> CellData<'a> {
    let word = |text: &'a str| vec![vec![Piece { text, marked: false }]];
    let (paragraphs, failed) = match c {
        Cell::Redline(r) => (r.side(side), false),
        Cell::Word(w) => (word(w), false),
        Cell::Failed(why) => (word(why), true),
    };
    CellData { paragraphs, marks, failed }
}

impl Table {
    /// The table as a PDF: A4 landscape, the header row on every page,
    /// removed words struck and inserted ones bold and underlined.
    pub fn pdf(&self, with_compare: bool) -> Result<Vec<u8>, String> {
        let mut rows = Vec::new();
        for i in 0..=self.rows.len() {
            rows.extend(self.acts_at(i).map(|name| RowData::Act { name }));
            let Some(r) = self.rows.get(i) else { break };
            rows.push(RowData::Change {
                number: r.number,
                unit: &r.unit,
                current: cell(&r.current, Side::Current, &r.marks[0]),
                proposed: cell(&r.proposed, Side::Proposed, &r.marks[1]),
                justification: &r.justification,
                comparisons: if with_compare { &r.comparisons } else { &[] },
            });
        }
        let data = TableData {
            lang: self.lang.code(),
            title: &self.title,
            warning: self.warning,
            headings: self.headings(with_compare),
            widths: super::table::widths(with_compare),
            rows,
            footnotes: &self.footnotes,
        };
        compile(Template::Table, &data)
    }
}

/// A line of the bill; an article's label apart, to be set in bold.
#[derive(Serialize)]
struct Line<'a> {
    role: Role,
    label: Option<&'a str>,
    text: &'a str,
}

#[derive(Serialize)]
struct BillData<'a> {
    lang: &'static str,
    title: &'a str,
    lines: Vec<Line<'a>>,
}

impl Bill {
    /// The bill as a PDF: A4 portrait, its lines as the text bill's, laid
    /// out as the DOCX bill (a printed law).
    pub fn pdf(&self) -> Result<Vec<u8>, String> {
        let lines = self.lines();
        let data = BillData {
            lang: self.lang.code(),
            title: &self.title,
            lines: lines
                .iter()
                .map(|(role, text)| match split_article_label(text).filter(|_| *role == Role::Article) {
                    Some((label, rest)) => Line { role: *role, label: Some(label), text: rest },
                    None => Line { role: *role, label: None, text },
                })
                .collect(),
        };
        compile(Template::Bill, &data)
    }
}

#[derive(Debug, Clone, Copy)]
enum Template {
    Table,
    Bill,
}

#[cfg(feature = "pdf")]
impl Template {
    fn name(self) -> &'static str {
        match self {
            Template::Table => "table.typ",
            Template::Bill => "bill.typ",
        }
    }

    fn source(self) -> &'static str {
        match self {
            Template::Table => include_str!("pdf/table.typ"),
            Template::Bill => include_str!("pdf/bill.typ"),
        }
    }
}

/// The document laid out by `template` from `data`, as PDF bytes; an error
/// names the character the font lacks, or what typst reported.
fn compile(template: Template, data: &impl Serialize) -> Result<Vec<u8>, String> {
    let json = serde_json::to_value(data).map_err(|e| format!("PDF: {e}"))?;
    run(template, json)
}

#[cfg(feature = "pdf")]
fn run(template: Template, data: serde_json::Value) -> Result<Vec<u8>, String> {
    let missing = world::missing_letters(&data);
    if !missing.is_empty() {
        let letters: Vec<String> = missing.iter().map(|c| format!("«{c}» (U+{:04X})", *c as u32)).collect();
        return Err(format!(
            "PDF: the font {FONT} has no glyph for {}, used in the text",
            letters.join(", ")
        ));
    }
    world::pdf(template.name(), template.source(), &data.to_string())
}

#[cfg(not(feature = "pdf"))]
fn run(_: Template, _: serde_json::Value) -> Result<Vec<u8>, String> {
    Err("this build of zan has no PDF output: it was built without the `pdf` feature".into())
}
