//! Plain text in the official layout: "15-бап. Title" / "Статья 15. Title" /
//! "Article 15. Title", numbered parts "1.", points "1)", notes
//! "Ескерту." / "Примечание." / "Note.", tombstones "алып тасталды" /
//! "исключена" / "repealed". Inline references show their display words.

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

fn in_lang<'a>(texts: &'a [Text], lang: &str) -> Option<&'a str> {
    texts.iter().find(|t| t.lang == lang).map(|t| t.value.plain.as_str())
}

fn join(label: &str, words: &str) -> String {
    match (label.is_empty(), words.is_empty()) {
        (true, _) => words.to_string(),
        (_, true) => label.to_string(),
        _ => format!("{label} {words}"),
    }
}

/// A unit's own lines (not its children's) in `lang`: its heading or label
/// with its title, then its text; a tombstone is one line.
pub fn own_lines(unit: &Unit, lang: &str) -> Vec<String> {
    let l = Lang::of(lang);
    let label = label(unit, l);
    if unit.content.repealed.is_some() {
        let word = repealed_word(unit.kind, l);
        // After "1)" the word stays lower case, after a full stop it starts a sentence.
        let word = if label.ends_with(')') { word.to_string() } else { capitalise(word) };
        return vec![join(&label, &word)];
    }
    let title = in_lang(&unit.content.titles, lang);
    let text = in_lang(&unit.content.texts, lang);
    match (has_heading(unit.kind) || title.is_some(), text) {
        (true, text) => {
            std::iter::once(join(&label, title.unwrap_or(""))).chain(text.map(str::to_string)).collect()
        }
        (false, Some(text)) => vec![join(&label, text)],
        (false, None) if label.is_empty() => Vec::new(),
        (false, None) => vec![label],
    }
}

/// A unit and its descendants, one line per paragraph.
pub fn block_lines(unit: &Unit, lang: &str) -> Vec<String> {
    let mut out = own_lines(unit, lang);
    for c in &unit.content.children {
        out.extend(block_lines(c, lang));
    }
    out
}

/// The whole act: its title, then every unit; a blank line before each
/// article and grouping heading.
pub fn act(act: &Act, lang: &str) -> String {
    let mut out = String::new();
    if let Some(title) = in_lang(&act.titles, lang) {
        out.push_str(title);
        out.push('\n');
    }
    fn go(u: &Unit, lang: &str, out: &mut String) {
        if has_heading(u.kind) && !out.is_empty() {
            out.push('\n');
        }
        for line in own_lines(u, lang) {
            out.push_str(&line);
            out.push('\n');
        }
        for c in &u.content.children {
            go(c, lang, out);
        }
    }
    // In the order of the structure, not of the files the act is written in.
    for u in super::order::roots(&act.units) {
        go(u, lang, &mut out);
    }
    out
}
