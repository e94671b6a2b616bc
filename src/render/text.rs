//! Plain text in the official layout: "15-бап. Title" / "Статья 15. Title" /
//! "Article 15. Title", numbered parts "1.", points "1)", notes
//! "Ескерту." / "Примечание." / "Note.", tombstones "алып тасталды" /
//! "исключена" / "repealed". Inline references show their display words;
//! a summary is marked and footnoted (`render::summary`).

use super::summary::Footnotes;
use super::{Lang, capitalise, repealed_word};
use crate::model::{Act, Text, Unit, UnitKind, unit_name};

/// Whether the unit is laid out with a heading line ("15-бап. …").
fn has_heading(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::Article | UnitKind::Paragraph) || kind.is_grouping()
}

/// The label before a unit's words: "15-бап.", "2-1.", "1)", "Ескерту.";
/// empty for an indent or an unnumbered part or point.
pub fn label(unit: &Unit, lang: Lang) -> String {
    let n = unit.number.as_ref().map(|n| n.text.as_str());
    match (unit.kind, n) {
        (UnitKind::Note, _) => lang.pick("Ескерту.", "Примечание.", "Note.").to_string(),
        (UnitKind::Indent, _) => String::new(),
        (UnitKind::Paragraph, n) => format!("§ {}.", n.unwrap_or_default()),
        (UnitKind::Part, Some(n)) => format!("{n}."),
        (UnitKind::Point | UnitKind::Subpoint, Some(n)) => format!("{n})"),
        (UnitKind::Part | UnitKind::Point | UnitKind::Subpoint, None) => String::new(),
        (k, Some(n)) => match lang {
            Lang::Kk => format!("{n}-{}.", unit_name(k, lang)),
            _ => format!("{} {n}.", capitalise(unit_name(k, lang))),
        },
        (k, None) => format!("{}.", capitalise(unit_name(k, lang))),
    }
}

fn in_lang<'a>(texts: &'a [Text], lang: &str) -> Option<&'a Text> {
    texts.iter().find(|t| t.lang == lang)
}

fn join(label: &str, words: &str) -> String {
    match (label.is_empty(), words.is_empty()) {
        (true, _) => words.to_string(),
        (_, true) => label.to_string(),
        _ => format!("{label} {words}"),
    }
}

/// A unit's own lines (not its children's) in `lang`: its heading or label
/// with its title, then its text; a tombstone is one line. Without
/// `notes`, texts are bare (the redline of `zan diff`); with them, a
/// summary carries its marker (`render::summary`).
fn lines_of(unit: &Unit, lang: &str, mut notes: Option<&mut Footnotes>) -> Vec<String> {
    let l = Lang::of(lang);
    let label = label(unit, l);
    if unit.content.repealed.is_some() {
        let word = repealed_word(unit.kind, l);
        // After "1)" the word stays lower case, after a full stop it starts a sentence.
        let word = if label.ends_with(')') { word.to_string() } else { capitalise(word) };
        return vec![join(&label, &word)];
    }
    let mut marked = |t: &Text| match notes.as_deref_mut() {
        Some(n) => format!("{}{}", t.value.plain, n.mark(t)),
        None => t.value.plain.clone(),
    };
    let title = in_lang(&unit.content.titles, lang).map(&mut marked);
    let text = in_lang(&unit.content.texts, lang).map(&mut marked);
    match (has_heading(unit.kind) || title.is_some(), text) {
        (true, text) => std::iter::once(join(&label, title.as_deref().unwrap_or(""))).chain(text).collect(),
        (false, Some(text)) => vec![join(&label, &text)],
        (false, None) if label.is_empty() => Vec::new(),
        (false, None) => vec![label],
    }
}

/// A unit's own lines, bare.
pub fn own_lines(unit: &Unit, lang: &str) -> Vec<String> {
    lines_of(unit, lang, None)
}

/// A unit's own lines, each summary marked.
pub fn own_lines_marked(unit: &Unit, lang: &str, notes: &mut Footnotes) -> Vec<String> {
    lines_of(unit, lang, Some(notes))
}

/// A unit and its descendants, one line per paragraph, each summary marked.
pub fn block_lines(unit: &Unit, lang: &str, notes: &mut Footnotes) -> Vec<String> {
    let mut out = lines_of(unit, lang, Some(&mut *notes));
    for c in &unit.content.children {
        out.extend(block_lines(c, lang, notes));
    }
    out
}

/// A unit and its descendants, bare, and the markers of their summaries
/// (" [1] [2]") for the caller to show outside the quoted wording: the
/// bill quotes a new wording that must be copied without markers.
pub fn quoted_block(unit: &Unit, lang: &str, notes: &mut Footnotes) -> (Vec<String>, String) {
    fn marks(unit: &Unit, lang: &str, notes: &mut Footnotes, out: &mut Vec<String>) {
        let own = in_lang(&unit.content.titles, lang).into_iter().chain(in_lang(&unit.content.texts, lang));
        for t in own {
            let m = notes.mark(t);
            if !m.is_empty() && !out.contains(&m) {
                out.push(m);
            }
        }
        for c in &unit.content.children {
            marks(c, lang, notes, out);
        }
    }
    fn bare(unit: &Unit, lang: &str, out: &mut Vec<String>) {
        out.extend(own_lines(unit, lang));
        for c in &unit.content.children {
            bare(c, lang, out);
        }
    }
    let (mut lines, mut found) = (Vec::new(), Vec::new());
    bare(unit, lang, &mut lines);
    marks(unit, lang, notes, &mut found);
    (lines, found.concat())
}

/// The whole act: its title, then every unit in the order of the
/// structure; a blank line before each article and grouping heading; the
/// footnotes of summaries at the end.
pub fn act(act: &Act, lang: &str) -> String {
    let mut notes = Footnotes::new(Lang::of(lang));
    let mut out = String::new();
    if let Some(title) = in_lang(&act.titles, lang) {
        out.push_str(&title.value.plain);
        out.push_str(&notes.mark(title));
        out.push('\n');
    }
    fn go(u: &Unit, lang: &str, out: &mut String, notes: &mut Footnotes) {
        if has_heading(u.kind) && !out.is_empty() {
            out.push('\n');
        }
        for line in lines_of(u, lang, Some(&mut *notes)) {
            out.push_str(&line);
            out.push('\n');
        }
        for c in &u.content.children {
            go(c, lang, out, notes);
        }
    }
    // In the order of the structure, not of the files the act is written in.
    for u in super::order::roots(&act.units) {
        go(u, lang, &mut out, &mut notes);
    }
    if !notes.is_empty() {
        out.push_str("\n______\n");
        for line in notes.lines() {
            out.push_str(&line);
            out.push('\n');
        }
    }
    out
}
