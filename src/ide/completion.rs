//! Completion: what may be written at an offset. Targets wherever one is
//! written (after `compare`, after a unit kind, inside `[words](…)` of any
//! text), the words of an operation's unit in the line's language, language
//! codes, and otherwise keywords.

use std::borrow::Borrow;

use super::nav;
use super::outline::pick;
use crate::analysis::{Index, Resolved, Scope, resolve};
use crate::model::{File, UnitKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ItemKind {
    /// Words of a unit's text.
    Text,
    /// An act id.
    Act,
    /// A unit number.
    Number,
    Language,
    Keyword,
    Operation,
    UnitKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub label: String,
    pub kind: ItemKind,
    /// A unit's title.
    pub detail: Option<String>,
    /// How the item sorts, when not by its label: unit numbers by number.
    pub sort: Option<String>,
}

impl Item {
    fn new(label: impl Into<String>, kind: ItemKind) -> Item {
        Item { label: label.into(), kind, detail: None, sort: None }
    }
}

const KEYWORDS: [&str; 18] = [
    "act",
    "amendment",
    "version",
    "title",
    "cite",
    "compare",
    "repealed",
    "target",
    "status",
    "justification",
    "languages",
    "jurisdiction",
    "kind",
    "number",
    "adopted",
    "in-force",
    "source",
    "author",
];
const OPERATIONS: [&str; 8] =
    ["replace", "replace-all", "delete", "insert", "rewrite", "add", "repeal", "renumber"];
const LANGUAGES: [&str; 9] = ["kk", "ru", "en", "de", "fr", "zh", "lv", "da", "sv"];

/// The items for `offset` of file `file`, whose line starts at `line_start`;
/// `lang` is the preferred language of titles.
pub fn complete<F: Borrow<File>>(
    index: &Index,
    files: &[F],
    text: &str,
    file: usize,
    line_start: usize,
    offset: usize,
    lang: &str,
) -> Vec<Item> {
    let before = &text[line_start..offset.max(line_start)];
    let file_model: &File = files[file].borrow();
    if before.matches('"').count() % 2 == 1 {
        let string = &before[before.rfind('"').map_or(0, |i| i + 1)..];
        return match link_target(string) {
            Some(target) => targets(index, file_model, file, offset, target, lang),
            None => {
                // `kk "…" -> "…"`: the language the line's strings are in.
                let head = &before[..before.find('"').unwrap_or(0)];
                let line_lang = head.split_whitespace().rev().find(|w| crate::lang::is_iso639_1(w));
                quoted_words(index, file_model, offset, line_lang)
            }
        };
    }
    let words: Vec<&str> = before.split_whitespace().collect();
    let typing = !before.ends_with(char::is_whitespace);
    // The words before the one being typed.
    let done = if typing && !words.is_empty() { &words[..words.len() - 1] } else { &words[..] };
    if let [.., "compare", _relation] = done {
        return acts(index);
    }
    if let [.., "title" | "languages" | "justification"] = done {
        return LANGUAGES.iter().map(|l| Item::new(*l, ItemKind::Language)).collect();
    }
    if let [.., kind] = done
        && let Some(kind) = UnitKind::from_keyword(kind)
    {
        return numbers(index, act_in_scope(index, file_model, file, offset, done), kind, lang);
    }
    let mut out: Vec<Item> = KEYWORDS.iter().map(|k| Item::new(*k, ItemKind::Keyword)).collect();
    out.extend(OPERATIONS.iter().map(|k| Item::new(*k, ItemKind::Operation)));
    out.extend(UnitKind::ALL.iter().map(|k| Item::new(k.keyword(), ItemKind::UnitKind)));
    if done.is_empty() {
        out.extend(["kk", "ru", "en"].iter().map(|l| Item::new(*l, ItemKind::Language)));
    }
    out
}

/// The target being written inside `[words](…` at the end of `string`.
fn link_target(string: &str) -> Option<&str> {
    let open = string.rfind("](")?;
    let target = &string[open + 2..];
    (!target.contains(')')).then_some(target)
}

/// What may follow the words of a target written so far: after a unit kind,
/// its numbers; else act ids and unit kinds.
fn targets(index: &Index, f: &File, file: usize, offset: usize, target: &str, lang: &str) -> Vec<Item> {
    let words: Vec<&str> = target.split_whitespace().collect();
    let done = if target.ends_with(char::is_whitespace) {
        &words[..]
    } else {
        &words[..words.len().saturating_sub(1)]
    };
    if let [.., kind] = done
        && let Some(kind) = UnitKind::from_keyword(kind)
    {
        return numbers(index, act_in_scope(index, f, file, offset, done), kind, lang);
    }
    let mut out = if done.is_empty() { acts(index) } else { Vec::new() };
    out.extend(UnitKind::ALL.iter().map(|k| Item::new(k.keyword(), ItemKind::UnitKind)));
    out
}

fn acts(index: &Index) -> Vec<Item> {
    let mut ids: Vec<&str> = index.acts.iter().map(|a| a.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    ids.into_iter().map(|id| Item::new(id, ItemKind::Act)).collect()
}

/// The numbers of the units of `kind` in act version `act`, with their
/// titles, sorted by number (128 before 148 before 1001).
fn numbers(index: &Index, act: Option<usize>, kind: UnitKind, lang: &str) -> Vec<Item> {
    let mut out: Vec<Item> = Vec::new();
    for node in index.nodes.iter().filter(|n| Some(n.act) == act && n.unit.kind == kind) {
        let Some(number) = &node.unit.number else { continue };
        if out.iter().any(|i| i.label == number.text) {
            continue;
        }
        let detail = pick(&node.unit.content.titles, lang).map(|t| t.value.plain.clone());
        let sort = Some(number_key(&number.text));
        out.push(Item { label: number.text.clone(), kind: ItemKind::Number, detail, sort });
    }
    out.sort_by(|a, b| a.sort.cmp(&b.sort));
    out
}

/// A key that sorts numbers as numbers: each run of digits padded.
fn number_key(number: &str) -> String {
    let mut key = String::new();
    let mut digits = String::new();
    for c in number.chars().chain(std::iter::once('\0')) {
        if c.is_ascii_digit() {
            digits.push(c);
            continue;
        }
        if !digits.is_empty() {
            key.push_str(&format!("{digits:0>10}"));
            digits.clear();
        }
        if c != '\0' {
            key.push(c);
        }
    }
    key
}

/// The act a target written at `offset` means: one named among `words`,
/// else the base of the enclosing amendment, else the enclosing act.
fn act_in_scope(index: &Index, f: &File, file: usize, offset: usize, words: &[&str]) -> Option<usize> {
    if let Some(id) = words.iter().rev().find(|w| w.contains('.') && !w.starts_with('"')) {
        let id = id.split('@').next().unwrap_or(id);
        if let Some(&v) = index.versions(id).last() {
            return Some(v);
        }
    }
    if let Some(am) = f.amendments.iter().find(|a| a.span.start <= offset && offset <= a.span.end) {
        return nav::amendment_base(index, am);
    }
    let act = f.acts.iter().find(|a| a.span.start <= offset && offset <= a.span.end)?;
    index.acts.iter().position(|v| v.parts.iter().any(|&(pf, p)| pf == file && std::ptr::eq(p, act)))
}

/// The words of the texts of the unit targeted by the operation at `offset`,
/// in the line's language when it names one.
fn quoted_words(index: &Index, f: &File, offset: usize, lang: Option<&str>) -> Vec<Item> {
    let Some(am) = f.amendments.iter().find(|a| a.span.start <= offset && offset <= a.span.end) else {
        return Vec::new();
    };
    let Some(base) = nav::amendment_base(index, am) else { return Vec::new() };
    let Some(op) = am.operations.iter().find(|o| o.span.start <= offset && offset <= o.span.end) else {
        return Vec::new();
    };
    let Some(target) = op.target() else { return Vec::new() };
    let scope = Some(Scope { act: base, unit: None });
    let Ok(Resolved::Unit(n)) = resolve(index, target, scope) else { return Vec::new() };
    let texts = &index.nodes[n].unit.content.texts;
    let in_lang = texts.iter().filter(|t| lang.is_none_or(|l| t.lang == l));
    let mut out: Vec<Item> = Vec::new();
    for t in in_lang {
        for w in t.value.plain.split(|c: char| !c.is_alphanumeric() && c != '-') {
            if !w.is_empty() && !out.iter().any(|x| x.label == w) {
                out.push(Item::new(w, ItemKind::Text));
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_sort_as_numbers() {
        let mut n = ["190", "15", "128", "148", "15-1", "2", "213-1", "213"];
        n.sort_by_key(|x| number_key(x));
        assert_eq!(n, ["2", "15", "15-1", "128", "148", "190", "213", "213-1"]);
    }

    #[test]
    fn a_link_target_is_what_follows_its_open_parenthesis() {
        assert_eq!(link_target("see [Article 15](kz.cc article "), Some("kz.cc article "));
        assert_eq!(link_target("see [Article 15](article 15) and "), None);
        assert_eq!(link_target("no link"), None);
    }
}
