//! The merged tree as `.zan` source: every text `official`, inline
//! references linked, kept lines as comments in place, then laid out by the
//! formatter.

use super::tree::{Item, Node};
use crate::lang::Lang;
use crate::lint::citations;
use crate::render::zan::{change, escape, quoted};

/// Whether the citation names a unit of another act: «статьей 5 Закона …»
/// (Russian names the act after the unit), «Заңның 5-бабында» (Kazakh
/// before it, in the genitive), unless it is this one («настоящего
/// Кодекса», «осы Кодекстің»).
fn foreign(words: &str, c: &citations::Citation) -> bool {
    match c.lang {
        Lang::Kk => {
            let before: Vec<&str> = words[..c.range.start].split_whitespace().rev().take(2).collect();
            let genitive = ["ның", "нің", "дың", "дің", "тың", "тің"];
            match before.as_slice() {
                [w, rest @ ..] if genitive.iter().any(|g| w.ends_with(g)) => {
                    rest.first().is_none_or(|o| o.to_lowercase() != "осы")
                }
                _ => false,
            }
        }
        _ => {
            let next = words[c.range.end..].split_whitespace().next().unwrap_or("");
            next.chars().next().is_some_and(char::is_uppercase)
        }
    }
}

/// A string literal of official words, each citation of this act linked.
pub fn linked(words: &str, lang: &str) -> String {
    let mut out = String::from("\"");
    let mut at = 0;
    for c in citations::find(words) {
        if c.lang.code() != lang || c.range.start < at || foreign(words, &c) {
            continue;
        }
        out.push_str(&escape(&words[at..c.range.start]));
        out.push('[');
        out.push_str(&escape(&words[c.range.clone()]));
        out.push_str("](");
        out.push_str(&c.target);
        out.push(')');
        at = c.range.end;
    }
    out.push_str(&escape(&words[at..]));
    out.push('"');
    out
}

fn in_order<'a>(texts: &'a [(String, String)], langs: &[String]) -> Vec<&'a (String, String)> {
    let mut v: Vec<&(String, String)> = texts.iter().collect();
    v.sort_by_key(|(l, _)| langs.iter().position(|x| x == l).unwrap_or(usize::MAX));
    v
}

/// The editorial notes and the changes read from them.
pub fn history(node: &Node, langs: &[String], out: &mut String) {
    if node.notes.is_empty() && node.changes.is_empty() {
        return;
    }
    out.push_str("history {\n");
    for c in &node.changes {
        out.push_str(&change(c.kind, &c.law, c.date, c.in_force));
    }
    for (lang, words) in in_order(&node.notes, langs) {
        out.push_str(&format!("{lang} official {}\n", quoted(words)));
    }
    out.push_str("}\n");
}

/// The words without the summary markers zan's documents put after a
/// summary («… [2]», «… [2] [3]», `render::summary`), and the markers.
pub fn markers(words: &str) -> (&str, Vec<String>) {
    let mut s = words.trim_end();
    let mut marks = Vec::new();
    while let Some(open) = s.strip_suffix(']').and_then(|x| x.rfind(" [")) {
        let n = &s[open + 2..s.len() - 1];
        if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit()) {
            break;
        }
        marks.insert(0, format!("[{n}]"));
        s = s[..open].trim_end();
    }
    (s, marks)
}

/// «[2] Пересказ, не официальный текст: SOURCE.», a footnote of zan's
/// own document: its marker and the source.
pub fn footnote(line: &str) -> Option<(String, String)> {
    let (m, rest) = line.split_once("] ")?;
    let n = m.strip_prefix('[')?;
    if n.is_empty() || !n.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let cite = rest.split_once(": ").map_or(rest, |(_, c)| c).trim_end_matches('.');
    Some((format!("{m}]"), cite.to_string()))
}

/// How a text is marked: `official`, or `summary` with its source when
/// the text came with a marker of one (a bill or consolidated text of
/// zan's own).
#[derive(Default)]
pub struct Fidelity {
    /// `(lang, cite)` of the languages whose texts are all summaries.
    pub summaries: Vec<(String, String)>,
    /// `(lang, [(marker, source)])`: the footnotes of a document of zan's;
    /// a text of that language ending in their markers is a summary.
    pub footnotes: Vec<(String, Vec<(String, String)>)>,
}

impl Fidelity {
    /// The words of `lang` as a string literal with its mark, each
    /// citation of the act linked when `link`.
    pub fn literal(&self, lang: &str, words: &str, link: bool) -> String {
        let lit = |w: &str| if link { linked(w, lang) } else { quoted(w) };
        if let Some((_, cite)) = self.summaries.iter().find(|(l, _)| l == lang) {
            return format!("summary {} cite {}", lit(words), quoted(cite));
        }
        let (bare, marks) = markers(words);
        let notes = self.footnotes.iter().find(|(l, _)| l == lang).map_or(&[][..], |(_, f)| f.as_slice());
        let cites: Option<Vec<&str>> =
            marks.iter().map(|m| notes.iter().find(|(n, _)| n == m).map(|(_, c)| c.as_str())).collect();
        match cites {
            Some(c) if !c.is_empty() => format!("summary {} cite {}", lit(bare), quoted(&c.join("; "))),
            _ => format!("official {}", lit(words)),
        }
    }
}

pub fn items_as(items: &[Item], langs: &[String], fidelity: &Fidelity, out: &mut String) {
    for item in items {
        match item {
            Item::Comment(c) => {
                out.push_str("# ");
                out.push_str(c);
                out.push('\n');
            }
            Item::Unit(n) => unit(n, langs, fidelity, out),
        }
    }
}

fn unit(node: &Node, langs: &[String], fidelity: &Fidelity, out: &mut String) {
    out.push_str(node.kind.keyword());
    if let Some(n) = &node.number {
        out.push(' ');
        out.push_str(&crate::model::written::number(n));
    }
    out.push_str(" {\n");
    content(node, langs, fidelity, out);
    out.push_str("}\n");
}

/// What is inside a unit's braces: titles, texts, history, units.
pub fn content(node: &Node, langs: &[String], fidelity: &Fidelity, out: &mut String) {
    for (lang, words) in in_order(&node.titles, langs) {
        out.push_str(&format!("title {lang} {}\n", fidelity.literal(lang, words, false)));
    }
    for (lang, words) in in_order(&node.texts, langs) {
        out.push_str(&format!("{lang} {}\n", fidelity.literal(lang, words, true)));
    }
    history(node, langs, out);
    items_as(&node.items, langs, fidelity, out);
    if node.repealed {
        out.push_str("repealed\n");
    }
}
