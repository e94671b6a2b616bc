//! The comparative table in the form in use: its title after the bill's
//! («Сравнительная таблица к проекту Закона Республики Казахстан «…»»),
//! columns № п/п | Структурный элемент | Действующая редакция |
//! Предлагаемая редакция | Обоснование (| comparative provisions), a row
//! naming the amended act and its date, structural elements cited with
//! ordinal words («Часть третья статьи 15», «Часть 2-1 статьи 15
//! (новая)»). Changed words are struck in the current wording and bold in
//! the proposed one; for a word operation exactly the quoted fragments it
//! names are marked. A new unit's current wording is «Отсутствует.» /
//! «Жоқ.», a repealed unit's proposed wording «Исключить.» / «Алып
//! тасталсын.». The justification is in the table's language only.

use super::phrase::{Case, Phrase};
use super::summary::{self, Footnotes};
use super::text::quoted_block;
use super::{Entry, Lang, capitalise, dates, text_in};
use crate::engine::Applied;
use crate::model::{Act, Comparison, OperationKind, Relation, Target};
use crate::redline::{ParagraphDiff, ParagraphKind, Redline, Segment, SegmentKind, Side, html, markdown};

#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    /// The current (old) or proposed (new) side of the redline.
    Redline(Redline),
    /// A fixed word: «Отсутствует.», «Исключить.».
    Word(&'static str),
    /// Why the operation does not apply (only in an editor's view, which
    /// shows the operations that apply and marks the others in place).
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub number: usize,
    pub unit: String,
    /// The unit the row is about (`None` for a change throughout the act).
    pub target: Option<Target>,
    pub current: Cell,
    pub proposed: Cell,
    /// The summary markers of the current and the proposed wording.
    pub marks: [String; 2],
    pub justification: String,
    pub comparisons: Vec<String>,
    /// The author and date of the row's tracked changes in DOCX.
    pub revision: super::docx::Revision,
}

pub struct Table {
    pub lang: Lang,
    pub title: String,
    /// The rows naming each amended act and its date, each with the index
    /// of the first row of that act's (one act row for a one-act law).
    pub acts: Vec<(usize, String)>,
    /// The (first) amended act as `id[@version]`: where `zan review import`
    /// brings the comments on the DOCX back (`remarks::ACT_PROPERTY`).
    pub act_id: String,
    pub rows: Vec<Row>,
    /// Under the title when a row quotes words of a summary (`render::summary`).
    pub warning: Option<&'static str>,
    pub footnotes: Vec<String>,
}

/// The changed middle of one paragraph, as byte offsets from its start and
/// its end in both wordings: exactly the quoted words of the operation
/// when they account for the change (`old` occurs where the wordings part),
/// else the common prefix and suffix.
fn changed_middle(before: &str, after: &str, olds: &[&str]) -> (usize, usize) {
    for old in olds.iter().filter(|o| !o.is_empty()) {
        for (i, _) in before.match_indices(old) {
            let (pre, post) = (&before[..i], &before[i + old.len()..]);
            if after.len() >= pre.len() + post.len() && after.starts_with(pre) && after.ends_with(post) {
                return (pre.len(), post.len());
            }
        }
    }
    let prefix: usize =
        before.chars().zip(after.chars()).take_while(|(a, b)| a == b).map(|(a, _)| a.len_utf8()).sum();
    let room = before.len().min(after.len()) - prefix;
    let suffix: usize = before[prefix..]
        .chars()
        .rev()
        .zip(after[prefix..].chars().rev())
        .take_while(|(a, b)| a == b)
        .map(|(a, _)| a.len_utf8())
        .scan(0, |sum, n| {
            *sum += n;
            (*sum <= room).then_some(n)
        })
        .sum();
    (prefix, suffix)
}

/// A redline that marks the operation's fragment in each changed paragraph,
/// so that «части первой или второй» → «части первой, второй или 2-1» is
/// one struck and one bold fragment, never «второй» deleted and re-inserted.
/// Wordings with different paragraph counts get the word-level redline.
fn fragment_redline(old: &[String], new: &[String], olds: &[&str]) -> Redline {
    if old.len() != new.len() {
        return redline(old, new);
    }
    let paragraphs = old
        .iter()
        .zip(new)
        .map(|(b, a)| {
            if b == a {
                return ParagraphDiff {
                    kind: ParagraphKind::Unchanged,
                    segments: vec![Segment { kind: SegmentKind::Equal, text: b.clone() }],
                };
            }
            let (pre, post) = changed_middle(b, a, olds);
            let pieces = [
                (SegmentKind::Equal, &b[..pre]),
                (SegmentKind::Delete, &b[pre..b.len() - post]),
                (SegmentKind::Insert, &a[pre..a.len() - post]),
                (SegmentKind::Equal, &b[b.len() - post..]),
            ];
            let segments = pieces
                .into_iter()
                .filter(|(_, t)| !t.is_empty())
                .map(|(kind, t)| Segment { kind, text: t.to_string() })
                .collect();
            ParagraphDiff { kind: ParagraphKind::Changed, segments }
        })
        .collect();
    Redline { paragraphs }
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

/// "stricter: Article 11 (lv.kl) — note": the linked act by its id.
pub fn comparison(c: &Comparison, lang: Lang) -> String {
    comparison_named(c, lang, &[])
}

/// "строже: Criminal Law of the Republic of Latvia [en], статья 11 — [en]
/// note": the linked act by its title in `lang` among `acts` (a title only
/// in another language is marked with that language, an act not among them
/// keeps its id). Notes are written in English, so a Kazakh or Russian
/// table marks them untranslated.
pub fn comparison_named(c: &Comparison, lang: Lang, acts: &[&Act]) -> String {
    let title = c.target.act.as_ref().and_then(|id| {
        let act = acts.iter().find(|a| a.id == *id && !a.titles.is_empty())?;
        Some(match act.titles.iter().find(|t| t.lang == lang.code()) {
            Some(t) => t.value.plain.clone(),
            None => format!("{} [{}]", act.titles[0].value.plain, act.titles[0].lang),
        })
    });
    let mut out = match title {
        Some(title) => {
            let unit = crate::model::citation(&Target { act: None, ..c.target.clone() }, lang.code());
            let unit = if unit.is_empty() { String::new() } else { format!(", {unit}") };
            format!("{}: {title}{unit}", relation(c.relation, lang))
        }
        None => format!("{}: {}", relation(c.relation, lang), crate::model::citation(&c.target, lang.code())),
    };
    if let Some(note) = &c.note {
        out.push_str(" — ");
        if lang != Lang::En && !acts.is_empty() {
            out.push_str("[en] ");
        }
        out.push_str(&note.plain);
    }
    out
}

/// The table of applied amendments in `lang`, linked foreign acts named by
/// their titles among `acts`: the workspace's, for `zan table` and the
/// editor's view alike (an act not among them keeps its id).
pub fn table(applied: &Applied, lang: &str, acts: &[&Act]) -> Table {
    framed(super::bill::law_title(applied, lang), &[applied], lang, acts)
}

/// The table of a law that amends several acts (a `bill` block), the acts
/// in the order of its Article 1, each under its act row; rows are numbered
/// through.
pub fn table_of(applied: &[&Applied], law: &crate::model::Bill, lang: &str, acts: &[&Act]) -> Table {
    framed(super::bill::title_of(applied, law, lang), applied, lang, acts)
}

fn framed(law: String, applied: &[&Applied], lang: &str, acts: &[&Act]) -> Table {
    let l = Lang::of(lang);
    let title = match l {
        Lang::Kk => format!("«{law}» Қазақстан Республикасы Заңының жобасына салыстырмалы кесте"),
        Lang::Ru => format!("Сравнительная таблица к проекту Закона Республики Казахстан «{law}»"),
        Lang::En => format!("Comparative table to the draft Law of the Republic of Kazakhstan “{law}”"),
    };
    let mut notes = Footnotes::new(l);
    let (mut rows, mut act_rows, mut warning) = (Vec::new(), Vec::new(), None);
    for applied in applied {
        act_rows.push((rows.len(), act_row(applied, lang, l)));
        let entries = super::entries_in(applied, lang);
        for e in &entries {
            let n = rows.len() + 1;
            rows.push(match applied.failed.iter().find(|f| f.operation == e.change.operation) {
                Some(f) => failed_row(n, e, &f.error, lang, l),
                None => row(n, e, lang, l, acts, &mut notes),
            });
        }
        if entries.iter().any(|e| !summary::quoted(e, lang).is_empty()) {
            warning = Some(summary::quoted_words_warning(l));
        }
    }
    let act_id = applied.first().map_or_else(String::new, |a| crate::remarks::act_ref(a));
    Table { lang: l, title, acts: act_rows, act_id, rows, warning, footnotes: notes.lines() }
}

/// «Уголовный кодекс Республики Казахстан от 3 июля 2014 года».
fn act_row(applied: &Applied, lang: &str, l: Lang) -> String {
    let meta = &applied.base.meta;
    let name = text_in(&meta.titles, lang).unwrap_or(&meta.id);
    match (l, meta.adopted.map(|d| dates::of_act(d, l))) {
        (_, None) => name.to_string(),
        (Lang::Kk, Some(d)) => format!("{d} {name}"),
        (Lang::Ru, Some(d)) => format!("{name} от {d}"),
        (Lang::En, Some(d)) => format!("{name} of {d}"),
    }
}

/// «Часть третья статьи 15», «Часть 2-1 статьи 15 (новая)».
fn structural_element(e: &Entry, l: Lang) -> String {
    let Some(t) = &e.unit else {
        return l.pick("Бүкіл мәтін бойынша", "По всему тексту", "Throughout").to_string();
    };
    if t.range_end.is_some() {
        return capitalise(&crate::model::citation(t, l.code()));
    }
    let new = matches!(e.operation.kind, OperationKind::Add { .. });
    let phrase = if new { Phrase::legal(&t.path).new_last() } else { Phrase::legal(&t.path) };
    let name = match l {
        Lang::Kk => phrase.kk(Case::Nom),
        Lang::Ru => phrase.ru(Case::Nom),
        Lang::En => super::citation(&t.path, "en"),
    };
    let kind = t.path.last().map(|s| s.kind);
    let mark = match (new, l, kind.and_then(super::ru_feminine)) {
        (false, ..) => "",
        (true, Lang::Kk, _) => " (жаңа)",
        (true, Lang::En, _) => " (new)",
        (true, Lang::Ru, Some(true)) => " (новая)",
        (true, Lang::Ru, Some(false)) => " (новый)",
        (true, Lang::Ru, None) => " (новое)",
    };
    format!("{}{mark}", capitalise(&name))
}

fn row(number: usize, e: &Entry, lang: &str, l: Lang, acts: &[&Act], notes: &mut Footnotes) -> Row {
    // Each side's wording, bare, and the markers of its summaries, which
    // stand after the cell so the redline never splits them.
    let mut side = |after: bool| -> (Vec<String>, String) {
        let (mut out, mut marks) = (Vec::new(), String::new());
        for t in &e.change.touched {
            let node = if after { &t.after } else { &t.before };
            if e.unit.is_none() {
                // replace-all: each unit under its citation.
                out.push(super::citation(&t.path, lang));
            }
            if let Some(n) = node {
                let (lines, m) = quoted_block(&n.to_unit(), lang, notes);
                out.extend(lines);
                if !marks.contains(m.trim()) {
                    marks.push_str(&m);
                }
            }
        }
        (out, marks)
    };
    let kind = &e.operation.kind;
    let (old, old_marks) =
        if matches!(kind, OperationKind::Add { .. }) { Default::default() } else { side(false) };
    let (new, new_marks) =
        if matches!(kind, OperationKind::Repeal { .. }) { Default::default() } else { side(true) };
    let (current, proposed) = match kind {
        OperationKind::Add { .. } => {
            (Cell::Word(l.pick("Жоқ.", "Отсутствует.", "None.")), Cell::Redline(redline(&[], &new)))
        }
        OperationKind::Repeal { .. } => (
            Cell::Redline(redline(&old, &[])),
            Cell::Word(l.pick("Алып тасталсын.", "Исключить.", "Repealed.")),
        ),
        OperationKind::Replace { target: Some(_), changes } | OperationKind::Delete { changes, .. } => {
            let olds: Vec<&str> =
                changes.iter().filter(|c| c.lang == lang).map(|c| c.old.plain.as_str()).collect();
            let r = fragment_redline(&old, &new, &olds);
            (Cell::Redline(r.clone()), Cell::Redline(r))
        }
        OperationKind::Insert { .. } => {
            let r = fragment_redline(&old, &new, &[]);
            (Cell::Redline(r.clone()), Cell::Redline(r))
        }
        _ => {
            let r = redline(&old, &new);
            (Cell::Redline(r.clone()), Cell::Redline(r))
        }
    };
    let comparisons: Vec<&Comparison> = e.operation.all_comparisons().collect();
    Row {
        number,
        unit: structural_element(e, l),
        target: e.unit.clone(),
        current,
        proposed,
        marks: [old_marks.trim().to_string(), new_marks.trim().to_string()],
        justification: justification(e, lang).unwrap_or_default().to_string(),
        comparisons: comparisons.into_iter().map(|c| comparison_named(c, l, acts)).collect(),
        revision: super::docx::Revision::of(e.amendment),
    }
}

/// The row of an operation that does not apply: its unit, and why in place
/// of the proposed wording.
fn failed_row(number: usize, e: &Entry, error: &crate::engine::EngineError, lang: &str, l: Lang) -> Row {
    let why =
        format!("⚠ {}: {}", l.pick("Қолданылмайды", "Не применяется", "Does not apply"), error.render(l));
    Row {
        number,
        unit: structural_element(e, l),
        target: e.unit.clone(),
        current: Cell::Word("—"),
        proposed: Cell::Failed(why),
        revision: super::docx::Revision::of(e.amendment),
        marks: Default::default(),
        justification: justification(e, lang).unwrap_or_default().to_string(),
        comparisons: Vec::new(),
    }
}

/// The justification of an operation in `lang`, else its amendment's; never
/// one in another language (a table in Kazakh is read in Kazakh).
pub fn justification<'a>(e: &Entry<'a>, lang: &str) -> Option<&'a str> {
    text_in(&e.operation.justifications, lang).or_else(|| text_in(&e.amendment.justifications, lang))
}

impl Table {
    /// The names of the acts whose rows start at row index `i`.
    pub(super) fn acts_at(&self, i: usize) -> impl Iterator<Item = &str> {
        self.acts.iter().filter(move |(at, _)| *at == i).map(|(_, name)| name.as_str())
    }

    pub fn headings(&self, with_compare: bool) -> Vec<&'static str> {
        let l = self.lang;
        let mut h = vec![
            l.pick("Р/с №", "№ п/п", "No."),
            l.pick("Құрылымдық элемент", "Структурный элемент", "Structural unit"),
            l.pick("Қолданыстағы редакция", "Действующая редакция", "Current wording"),
            l.pick("Ұсынылып отырған редакция", "Предлагаемая редакция", "Proposed wording"),
            l.pick("Негіздеме", "Обоснование", "Justification"),
        ];
        if with_compare {
            h.push(l.pick("Шетел заңнамасы", "Зарубежное законодательство", "Comparative provisions"));
        }
        h
    }

    /// A print-ready HTML page: A4 landscape, the header row repeated on
    /// every printed page.
    pub fn html(&self, with_compare: bool) -> String {
        format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\n@page {{ size: A4 landscape; margin: 15mm; }}\nbody {{ font-family: \"Times New Roman\", serif; font-size: 11pt; }}\ntable {{ border-collapse: collapse; width: 100%; }}\nthead {{ display: table-header-group; }}\ntr {{ break-inside: avoid; }}\nth, td {{ border: 1px solid #000; padding: 4pt; vertical-align: top; text-align: left; }}\ndel {{ text-decoration: line-through; }}\n</style>\n</head>\n<body>\n{}</body>\n</html>\n",
            self.lang.code(),
            html::escape(&self.title),
            self.html_body(with_compare, 1)
        )
    }

    /// The title as a heading of `level`, the summary warning, the table
    /// and its footnotes: the page's body, and the review site's table.
    pub fn html_body(&self, with_compare: bool, level: u8) -> String {
        let mut out = format!(
            "<h{level}>{}</h{level}>\n{}<table>\n<thead>\n<tr>",
            html::escape(&self.title),
            self.warning
                .map(|w| format!("<p class=\"zan-warning\"><strong>{}</strong></p>\n", html::escape(w)))
                .unwrap_or_default()
        );
        for h in self.headings(with_compare) {
            out.push_str(&format!("<th>{h}</th>"));
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        let cell = |c: &Cell, current: bool| match c {
            Cell::Redline(r) if current => html::current_side(r),
            Cell::Redline(r) => html::proposed_side(r),
            Cell::Word(w) => html::escape(w),
            Cell::Failed(why) => {
                format!("<strong class=\"zan-failed\" role=\"alert\">{}</strong>", html::escape(why))
            }
        };
        for i in 0..=self.rows.len() {
            for act in self.acts_at(i) {
                out.push_str(&format!(
                    "<tr><td colspan=\"{}\"><strong>{}</strong></td></tr>\n",
                    self.headings(with_compare).len(),
                    html::escape(act)
                ));
            }
            let Some(r) = self.rows.get(i) else { break };
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td>",
                r.number,
                html::escape(&r.unit),
                with_marks(cell(&r.current, true), &r.marks[0], html::escape),
                with_marks(cell(&r.proposed, false), &r.marks[1], html::escape),
                html::escape(&r.justification)
            ));
            if with_compare {
                let items: Vec<String> = r.comparisons.iter().map(|c| html::escape(c)).collect();
                out.push_str(&format!("<td>{}</td>", items.join("<br>")));
            }
            out.push_str("</tr>\n");
        }
        out.push_str("</tbody>\n</table>\n");
        for f in &self.footnotes {
            out.push_str(&format!("<p class=\"zan-footnote\">{}</p>\n", html::escape(f)));
        }
        out
    }

    /// A GFM table; pipes and emphasis characters in the texts are escaped.
    pub fn markdown(&self, with_compare: bool) -> String {
        let headings = self.headings(with_compare);
        let mut out = format!("# {}\n\n", markdown::escape(&self.title));
        if let Some(w) = self.warning {
            out.push_str(&format!("**{}**\n\n", markdown::escape(w)));
        }
        out.push_str(&format!("| {} |\n", headings.join(" | ")));
        out.push_str(&format!("|{}\n", "---|".repeat(headings.len())));
        let cell = |c: &Cell, current: bool| match c {
            Cell::Redline(r) if current => markdown::current_side(r),
            Cell::Redline(r) => markdown::proposed_side(r),
            Cell::Word(w) => markdown::escape(w),
            Cell::Failed(why) => format!("**{}**", markdown::escape(why)),
        };
        for i in 0..=self.rows.len() {
            // An act's row: its name in the structural-element column.
            for act in self.acts_at(i) {
                out.push_str(&format!(
                    "| | **{}** |{}\n",
                    markdown::escape(act),
                    " |".repeat(headings.len() - 2)
                ));
            }
            let Some(r) = self.rows.get(i) else { break };
            let mut cells = vec![
                r.number.to_string(),
                markdown::escape(&r.unit),
                with_marks(cell(&r.current, true), &r.marks[0], markdown::escape),
                with_marks(cell(&r.proposed, false), &r.marks[1], markdown::escape),
                markdown::escape(&r.justification),
            ];
            if with_compare {
                let items: Vec<String> = r.comparisons.iter().map(|c| markdown::escape(c)).collect();
                cells.push(items.join("<br>"));
            }
            out.push_str(&format!("| {} |\n", cells.join(" | ")));
        }
        if !self.footnotes.is_empty() {
            out.push('\n');
            for f in &self.footnotes {
                out.push_str(&format!("{}\n\n", super::markdown_paragraph(f)));
            }
        }
        out
    }
}

/// The current side of a redline as DOCX paragraphs: deleted words struck.
fn docx_current(r: &Redline) -> Vec<docx_rs::Paragraph> {
    r.side(Side::Current)
        .into_iter()
        .map(|pieces| {
            pieces.into_iter().fold(docx_rs::Paragraph::new(), |para, p| {
                let run = docx_rs::Run::new().add_text(p.text);
                para.add_run(if p.marked { run.strike() } else { run })
            })
        })
        .collect()
}

/// The proposed side as tracked changes from the current wording, new words
/// bold; the justification a comment on the first changed words.
fn docx_proposed(
    r: &Redline,
    rev: &super::docx::Revision,
    comment: &mut Option<docx_rs::Comment>,
) -> Vec<docx_rs::Paragraph> {
    r.paragraphs
        .iter()
        .map(|p| {
            let c = if p.kind == crate::redline::ParagraphKind::Unchanged { None } else { comment.take() };
            super::docx::tracked(p, rev, true, c)
        })
        .collect()
}

/// A cell's summary markers after its wording.
fn with_marks(cell: String, marks: &str, escape: fn(&str) -> String) -> String {
    if marks.is_empty() { cell } else { format!("{cell} {}", escape(marks)) }
}

fn docx_marked(mut paragraphs: Vec<docx_rs::Paragraph>, marks: &str) -> Vec<docx_rs::Paragraph> {
    if !marks.is_empty() {
        paragraphs.push(docx_rs::Paragraph::new().add_run(docx_rs::Run::new().add_text(marks)));
    }
    paragraphs
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

/// Column widths in twentieths of a point, filling the 277 mm of an A4
/// landscape page inside 10 mm margins: the wordings widest, so that no
/// word has to be broken.
pub(super) fn widths(with_compare: bool) -> Vec<usize> {
    if with_compare { vec![560, 1900, 3500, 3500, 3100, 3144] } else { vec![650, 2400, 4700, 4700, 3254] }
}

impl Table {
    /// A DOCX document: A4 landscape, the title and a real table with set
    /// column widths and its header row repeated on every page; the proposed
    /// wording as tracked changes (author and date of the amendment), the
    /// justification also a comment on the changed words.
    pub fn docx(&self, with_compare: bool) -> Result<Vec<u8>, String> {
        use docx_rs::{
            Docx, PageMargin, PageOrientationType, Paragraph, Run, TableLayoutType, TableRow, WidthType,
        };
        let widths = widths(with_compare);
        let cell =
            |i: usize, paragraphs: Vec<Paragraph>| docx_cell(paragraphs).width(widths[i], WidthType::Dxa);
        let header = TableRow::new(
            self.headings(with_compare)
                .into_iter()
                .enumerate()
                .map(|(i, h)| cell(i, vec![Paragraph::new().add_run(Run::new().add_text(h).bold())]))
                .collect(),
        )
        .cant_split();
        let span = self.headings(with_compare).len();
        let act = |name: &str| {
            let cell = docx_rs::TableCell::new()
                .add_paragraph(Paragraph::new().add_run(Run::new().add_text(name).bold()))
                .grid_span(span)
                .width(widths.iter().sum(), WidthType::Dxa);
            TableRow::new(vec![cell]).cant_split()
        };
        let mut rows = vec![header];
        for n in 0..=self.rows.len() {
            rows.extend(self.acts_at(n).map(act));
            let Some(r) = self.rows.get(n) else { break };
            let mut comment = (!r.justification.is_empty())
                .then(|| r.revision.comment(super::docx::comment_id(n), &r.justification));
            let current = match &r.current {
                Cell::Redline(x) => docx_current(x),
                Cell::Word(w) => docx_text(w),
                Cell::Failed(why) => docx_text(why),
            };
            let proposed = match &r.proposed {
                Cell::Redline(x) => docx_proposed(x, &r.revision, &mut comment),
                Cell::Word(w) => docx_text(w),
                Cell::Failed(why) => docx_text(why),
            };
            // The unit's bookmark: a comment after it anchors to the unit.
            let mut unit = docx_text(&r.unit);
            if let Some(t) = &r.target {
                unit[0] = super::docx::unit_bookmark(std::mem::take(&mut unit[0]), n, &t.path);
            }
            let mut cells = vec![
                cell(0, docx_text(&r.number.to_string())),
                cell(1, unit),
                cell(2, docx_marked(current, &r.marks[0])),
                cell(3, docx_marked(proposed, &r.marks[1])),
                cell(4, docx_text(&r.justification)),
            ];
            if with_compare {
                cells.push(cell(5, docx_text(&r.comparisons.join("\n"))));
            }
            rows.push(TableRow::new(cells).cant_split());
        }
        let table = docx_rs::Table::new(rows)
            .set_grid(widths.clone())
            .layout(TableLayoutType::Fixed)
            .width(widths.iter().sum(), WidthType::Dxa);
        // A4 landscape in twentieths of a point, 10 mm margins.
        let margin =
            PageMargin { top: 567, left: 567, bottom: 567, right: 567, header: 425, footer: 425, gutter: 0 };
        let mut doc = Docx::new()
            .page_size(16838, 11906)
            .page_orient(PageOrientationType::Landscape)
            .page_margin(margin)
            .default_fonts(super::docx::fonts())
            .custom_property(crate::remarks::ACT_PROPERTY, self.act_id.as_str())
            .add_paragraph(Paragraph::new().add_run(Run::new().add_text(&self.title).bold()));
        if let Some(w) = self.warning {
            doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(w).bold()));
        }
        doc = doc.add_table(table);
        for f in &self.footnotes {
            doc = doc.add_paragraph(Paragraph::new().add_run(Run::new().add_text(f)));
        }
        super::docx::pack(doc, true)
    }
}
