//! The comparative table: № | structural unit | current wording | proposed
//! wording | justification (| comparative provisions). Changed words are
//! struck in the current wording and bold in the proposed one; a new unit's
//! current wording is "жоқ" / "отсутствует" / "none", a repealed unit's
//! proposed wording "алып тасталсын" / "исключить" / "repealed".

use super::text::block_lines;
use super::{Entry, Lang, text_in};
use crate::engine::Applied;
use crate::model::{Comparison, OperationKind, Relation};
use crate::redline::{Redline, html, markdown};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// The current (old) or proposed (new) side of the redline.
    Redline(Redline),
    /// A fixed word: "жоқ", "алып тасталсын".
    Word(&'static str),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub unit: String,
    pub current: Cell,
    pub proposed: Cell,
    pub justification: String,
    pub comparisons: Vec<String>,
}

pub struct Table {
    pub lang: Lang,
    pub title: String,
    pub rows: Vec<Row>,
}

fn redline(old: &[String], new: &[String]) -> Redline {
    let old: Vec<&str> = old.iter().map(String::as_str).collect();
    let new: Vec<&str> = new.iter().map(String::as_str).collect();
    Redline::new(&old, &new)
}

fn relation(r: Relation, lang: Lang) -> &'static str {
    match r {
        Relation::Corresponds => lang.pick("сәйкес", "соответствует", "corresponds"),
        Relation::Stricter => lang.pick("қатаңырақ", "строже", "stricter"),
        Relation::Lenient => lang.pick("жеңілірек", "мягче", "more lenient"),
        Relation::Broader => lang.pick("кеңірек", "шире", "broader"),
        Relation::Narrower => lang.pick("тарырақ", "уже", "narrower"),
        Relation::Implements => lang.pick("іске асырады", "реализует", "implements"),
    }
}

/// "stricter: Article 11 (lv.kl) — note".
pub fn comparison(c: &Comparison, lang: Lang) -> String {
    let mut out =
        format!("{}: {}", relation(c.relation, lang), crate::model::citation(&c.target, lang.code()));
    if let Some(note) = &c.note {
        out.push_str(" — ");
        out.push_str(&note.plain);
    }
    out
}

/// The table of applied amendments in `lang`.
pub fn table(applied: &Applied, lang: &str) -> Table {
    let l = Lang::of(lang);
    let title = applied
        .amendments
        .iter()
        .map(|(_, a)| text_in(&a.titles, lang).unwrap_or(&a.id).to_string())
        .collect::<Vec<_>>()
        .join("; ");
    let rows = super::entries(applied).iter().enumerate().map(|(i, e)| row(i + 1, e, lang, l)).collect();
    Table { lang: l, title, rows }
}

fn row(number: usize, e: &Entry, lang: &str, l: Lang) -> Row {
    let blocks = |after: bool| -> Vec<String> {
        let mut out = Vec::new();
        for t in &e.change.touched {
            let node = if after { &t.after } else { &t.before };
            if e.unit.is_none() {
                // replace-all: each unit under its citation.
                out.push(super::citation(&t.path, lang));
            }
            if let Some(n) = node {
                out.extend(block_lines(&n.to_unit(), lang));
            }
        }
        out
    };
    let (current, proposed) = match &e.operation.kind {
        OperationKind::Add { .. } => {
            (Cell::Word(l.pick("жоқ", "отсутствует", "none")), Cell::Redline(redline(&[], &blocks(true))))
        }
        OperationKind::Repeal { .. } => (
            Cell::Redline(redline(&blocks(false), &[])),
            Cell::Word(l.pick("алып тасталсын", "исключить", "repealed")),
        ),
        _ => {
            let r = redline(&blocks(false), &blocks(true));
            (Cell::Redline(r.clone()), Cell::Redline(r))
        }
    };
    let unit = match &e.unit {
        Some(t) if t.range_end.is_none() => super::citation(&t.path, lang),
        Some(t) => crate::model::citation(t, lang),
        None => l.pick("бүкіл мәтін бойынша", "по всему тексту", "throughout").to_string(),
    };
    let comparisons: Vec<&Comparison> = e.operation.all_comparisons().collect();
    Row {
        number,
        unit,
        current,
        proposed,
        // A justification written only in another language is shown with its language.
        justification: match (text_in(&e.operation.justifications, lang), e.operation.justifications.first())
        {
            (Some(t), _) => t.to_string(),
            (None, Some(other)) => format!("[{}] {}", other.lang, other.value.plain),
            (None, None) => String::new(),
        },
        comparisons: comparisons.into_iter().map(|c| comparison(c, l)).collect(),
    }
}

impl Table {
    pub fn headings(&self, with_compare: bool) -> Vec<&'static str> {
        let l = self.lang;
        let mut h = vec![
            "№",
            l.pick("Құрылымдық элемент", "Структурный элемент", "Structural unit"),
            l.pick("Қолданыстағы редакция", "Действующая редакция", "Current wording"),
            l.pick("Ұсынылатын редакция", "Предлагаемая редакция", "Proposed wording"),
            l.pick("Негіздеме", "Обоснование", "Justification"),
        ];
        if with_compare {
            h.push(l.pick("Шетел заңнамасы", "Зарубежное законодательство", "Comparative provisions"));
        }
        h
    }

    fn caption(&self) -> &'static str {
        self.lang.pick("Салыстырмалы кесте", "Сравнительная таблица", "Comparative table")
    }

    /// A print-ready HTML page: A4 landscape, the header row repeated on
    /// every printed page.
    pub fn html(&self, with_compare: bool) -> String {
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n@page {{ size: A4 landscape; margin: 15mm; }}\nbody {{ font-family: \"Times New Roman\", serif; font-size: 11pt; }}\ntable {{ border-collapse: collapse; width: 100%; }}\nthead {{ display: table-header-group; }}\ntr {{ break-inside: avoid; }}\nth, td {{ border: 1px solid #000; padding: 4pt; vertical-align: top; text-align: left; }}\ndel {{ text-decoration: line-through; }}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{}</p>\n<table>\n<thead>\n<tr>",
            self.lang.code(),
            html::escape(&self.title),
            self.caption(),
            html::escape(&self.title)
        );
        for h in self.headings(with_compare) {
            out.push_str(&format!("<th>{h}</th>"));
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        let cell = |c: &Cell, current: bool| match c {
            Cell::Redline(r) if current => html::current_side(r),
            Cell::Redline(r) => html::proposed_side(r),
            Cell::Word(w) => html::escape(w),
        };
        for r in &self.rows {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
                r.number,
                html::escape(&r.unit),
                cell(&r.current, true),
                cell(&r.proposed, false),
                html::escape(&r.justification)
            ));
            if with_compare {
                let items: Vec<String> = r.comparisons.iter().map(|c| html::escape(c)).collect();
                out.push_str(&format!("<td>{}</td>", items.join("<br>")));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n</body>\n</html>\n");
        out
    }

    /// A GFM table; pipes and emphasis characters in the texts are escaped.
    pub fn markdown(&self, with_compare: bool) -> String {
        let headings = self.headings(with_compare);
        let mut out = format!("# {}\n\n{}\n\n", self.caption(), markdown::escape(&self.title));
        out.push_str(&format!("| {} |\n", headings.join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(headings.len())));
        let cell = |c: &Cell, current: bool| match c {
            Cell::Redline(r) if current => markdown::current_side(r),
            Cell::Redline(r) => markdown::proposed_side(r),
            Cell::Word(w) => markdown::escape(w),
        };
        for r in &self.rows {
            let mut cells = vec![
                r.number.to_string(),
                markdown::escape(&r.unit),
                cell(&r.current, true),
                cell(&r.proposed, false),
                markdown::escape(&r.justification),
            ];
            if with_compare {
                let items: Vec<String> = r.comparisons.iter().map(|c| markdown::escape(c)).collect();
                cells.push(items.join("<br>"));
            }
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        out
    }
}

/// The current or proposed side of a redline as DOCX paragraphs: deleted
/// words struck in the current side, inserted words bold in the proposed.
fn docx_side(r: &Redline, current: bool) -> Vec<docx_rs::Paragraph> {
    use crate::redline::{ParagraphKind, SegmentKind};
    let absent = if current { ParagraphKind::Inserted } else { ParagraphKind::Deleted };
    r.paragraphs
        .iter()
        .filter(|p| p.kind != absent)
        .map(|p| {
            let mut para = docx_rs::Paragraph::new();
            for s in &p.segments {
                let run = docx_rs::Run::new().add_text(&s.text);
                para = match (s.kind, current) {
                    (SegmentKind::Equal, _) => para.add_run(run),
                    (SegmentKind::Delete, true) => para.add_run(run.strike()),
                    (SegmentKind::Insert, false) => para.add_run(run.bold()),
                    _ => para,
                };
            }
            para
        })
        .collect()
}

fn docx_cell(paragraphs: Vec<docx_rs::Paragraph>) -> docx_rs::TableCell {
    let mut cell = docx_rs::TableCell::new();
    for p in paragraphs {
        cell = cell.add_paragraph(p);
    }
    cell
}

fn docx_text(text: &str) -> Vec<docx_rs::Paragraph> {
    text.split('\n')
        .map(|line| docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text(line)))
        .collect()
}

impl Table {
    /// A DOCX document: A4 landscape, the caption, the title and a real table.
    pub fn docx(&self, with_compare: bool) -> Result<Vec<u8>, String> {
        use docx_rs::{Docx, PageOrientationType, Paragraph, Run, TableRow};
        let side = |c: &Cell, current: bool| match c {
            Cell::Redline(r) => docx_side(r, current),
            Cell::Word(w) => docx_text(w),
        };
        let header = TableRow::new(
            self.headings(with_compare)
                .into_iter()
                .map(|h| docx_cell(vec![Paragraph::new().add_run(Run::new().add_text(h).bold())]))
                .collect(),
        );
        let mut rows = vec![header];
        for r in &self.rows {
            let mut cells = vec![
                docx_cell(docx_text(&r.number.to_string())),
                docx_cell(docx_text(&r.unit)),
                docx_cell(side(&r.current, true)),
                docx_cell(side(&r.proposed, false)),
                docx_cell(docx_text(&r.justification)),
            ];
            if with_compare {
                cells.push(docx_cell(docx_text(&r.comparisons.join("\n"))));
            }
            rows.push(TableRow::new(cells).cant_split());
        }
        // A4 landscape in twentieths of a point.
        let doc = Docx::new()
            .page_size(16838, 11906)
            .page_orient(PageOrientationType::Landscape)
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text(self.caption()).bold()))
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text(&self.title)))
            .add_table(docx_rs::Table::new(rows));
        let mut out = std::io::Cursor::new(Vec::new());
        doc.build().pack(&mut out).map_err(|e| e.to_string())?;
        Ok(out.into_inner())
    }
}
