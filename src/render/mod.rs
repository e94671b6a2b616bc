//! Renderers of the engine's results: the consolidated text in the official
//! layout and as `.zan`, unit-by-unit redlines, the comparative table, the
//! text of the amending law and the comparative view. They escape every
//! corpus text for their format; the word-level redline is `crate::redline`.

pub mod bill;
pub mod bill_docx;
pub mod compare;
pub mod dates;
pub mod diff;
pub mod docx;
pub mod history;
pub mod order;
pub mod ordinal;
pub mod pdf;
pub mod phrase;
pub mod site;
pub mod summary;
pub mod table;
pub mod text;
pub mod zan;

use crate::model::{Segment, UnitKind};

pub use crate::lang::Lang;

/// The citation of a path in `lang`: "15-баптың 2-1-бөлігі"; an
/// unnumbered unit (a note) is named by its kind: "210-баптың ескертуі",
/// "примечание к статье 210", "Article 210, note".
pub fn citation(path: &[Segment], lang: &str) -> String {
    match Lang::of(lang) {
        Lang::Kk => phrase::Phrase::digits(path).kk(phrase::Case::Nom),
        Lang::Ru => phrase::Phrase::digits(path).ru(phrase::Case::Nom),
        Lang::En => crate::model::citation(&crate::engine::target_of(path), "en"),
    }
}

/// Russian grammatical gender of a unit name, for "исключена/исключен/исключено".
fn ru_feminine(kind: UnitKind) -> Option<bool> {
    match kind {
        UnitKind::Book | UnitKind::Chapter | UnitKind::Article | UnitKind::Part => Some(true),
        UnitKind::Note => None,
        _ => Some(false),
    }
}

/// "алып тасталды" / "исключена" / "repealed", for a unit of `kind`.
pub fn repealed_word(kind: UnitKind, lang: Lang) -> &'static str {
    match (lang, ru_feminine(kind)) {
        (Lang::Kk, _) => "алып тасталды",
        (Lang::Ru, Some(true)) => "исключена",
        (Lang::Ru, Some(false)) => "исключен",
        (Lang::Ru, None) => "исключено",
        (Lang::En, _) => "repealed",
    }
}

/// The first letter in upper case.
pub fn capitalise(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().chain(c).collect(),
        None => String::new(),
    }
}

/// One operation as the table and the bill show it: the unit it is about
/// (`None` for `replace-all`, which is about the whole act) and what it did.
/// Both list these in the same order, so they cannot disagree.
#[derive(Debug, Clone)]
pub struct Entry<'a> {
    pub operation: &'a crate::model::Operation,
    pub amendment: &'a crate::model::Amendment,
    pub unit: Option<crate::model::Target>,
    pub change: &'a crate::engine::Change,
}

/// The entries of applied amendments, in the order of their operations,
/// then the consequential changes of their renumberings.
pub fn entries<'a>(applied: &'a crate::engine::Applied) -> Vec<Entry<'a>> {
    use crate::model::OperationKind;
    let consequential = applied.consequential.iter().map(|c| Entry {
        operation: &c.operation,
        amendment: applied.amendments[c.change.amendment].1,
        unit: Some(crate::engine::target_of(&c.change.touched[0].path)),
        change: &c.change,
    });
    applied
        .changes
        .iter()
        .map(|change| {
            let amendment = applied.amendments[change.amendment].1;
            let operation = &amendment.operations[change.operation];
            let unit = match (&operation.kind, change.touched.as_slice()) {
                (OperationKind::Replace { target: None, .. }, _) => None,
                (_, [one]) => Some(crate::engine::target_of(&one.path)),
                // A range repealed: cite it as the amendment wrote it.
                (_, [first, ..]) => {
                    let mut t = crate::engine::target_of(&first.path);
                    t.range_end = operation.target().and_then(|x| x.range_end.clone());
                    Some(t)
                }
                (_, []) => operation.target().cloned(),
            };
            Entry { operation, amendment, unit, change }
        })
        .chain(consequential)
        .collect()
}

pub use crate::lang::AUTHENTIC;

/// The languages an operation changes words in; `None` for a structural
/// operation, which changes every language.
pub fn word_langs(op: &crate::model::Operation) -> Option<Vec<&str>> {
    use crate::model::OperationKind;
    match &op.kind {
        OperationKind::Replace { changes, .. } | OperationKind::Delete { changes, .. } => {
            Some(changes.iter().map(|c| c.lang.as_str()).collect())
        }
        OperationKind::Insert { insertions, .. } => {
            Some(insertions.iter().map(|i| i.lang.as_str()).collect())
        }
        _ => None,
    }
}

/// The entries a bill or table in `lang` shows, in the order of the act's
/// structure (a drafter numbers the items as the act runs, whatever order
/// the operations were written in or the files the act is split into;
/// changes throughout the act come first). An operation that changes words only in texts that are not
/// authentic, and not in `lang`, is left out: an English-only change never
/// reaches a Kazakh or Russian document.
pub fn entries_in<'a>(applied: &'a crate::engine::Applied, lang: &str) -> Vec<Entry<'a>> {
    let mut out: Vec<Entry<'a>> = entries(applied)
        .into_iter()
        .filter(|e| match word_langs(e.operation) {
            None => true,
            Some(langs) => langs.iter().any(|l| *l == lang || AUTHENTIC.contains(l)),
        })
        .collect();
    // A stable sort: operations on one unit keep the order they were written in.
    out.sort_by_cached_key(|e| e.unit.as_ref().map(|t| order::path_key(&t.path)));
    out
}

/// The text of `texts` in `lang`, if any.
pub fn text_in<'a>(texts: &'a [crate::model::Text], lang: &str) -> Option<&'a str> {
    texts.iter().find(|t| t.lang == lang).map(|t| t.value.plain.as_str())
}

/// One paragraph as a Markdown block: inline characters escaped, and a
/// leading "1." / "1)" / "#" / "-" / "+" escaped so that a numbered part of
/// a law stays a paragraph, not a list or heading.
pub fn markdown_paragraph(s: &str) -> String {
    let escaped = crate::redline::markdown::escape(s);
    let digits = escaped.len() - escaped.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    if digits > 0 && escaped[digits..].starts_with(['.', ')']) {
        format!("{}\\{}", &escaped[..digits], &escaped[digits..])
    } else if escaped.starts_with(['#', '-', '+']) {
        format!("\\{escaped}")
    } else {
        escaped
    }
}
