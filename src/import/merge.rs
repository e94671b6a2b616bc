//! Two languages of one act into one tree, unit by unit: numbered units by
//! kind and number, unnumbered ones (paragraphs, notes) by their place
//! among those of their kind. A unit in one language only is kept and
//! reported with both places.

use super::tree::{Item, Node};
use super::{Finding, ONE_LANGUAGE};
use crate::model::UnitKind;

/// What matches a unit with its counterpart: kind, number, place.
type Key = (UnitKind, Option<String>, usize);

/// Subpoints are lettered in each language's alphabet (Russian «б)» is
/// Kazakh «ә)»), so they are matched by place, as unnumbered units are.
fn key(node: &Node, items: &[Item]) -> Key {
    let by_place = node.number.is_none() || node.kind == UnitKind::Subpoint;
    if !by_place {
        return (node.kind, node.number.clone(), 0);
    }
    let same = |n: &Node| n.kind == node.kind && (n.number.is_none() || n.kind == UnitKind::Subpoint);
    let place = items.iter().filter(|i| matches!(i, Item::Unit(n) if same(n))).count();
    (node.kind, None, place)
}

/// Every key of `items`, in order, with the item's index.
fn keys(items: &[Item]) -> Vec<(Key, usize)> {
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if let Item::Unit(n) = item {
            out.push((key(n, &items[..i]), i));
        }
    }
    out
}

/// `into` gains `other`'s texts, titles, history and units.
pub fn merge(into: &mut Node, other: Node, lang: &str, first_lang: &str, findings: &mut Vec<Finding>) {
    into.titles.extend(other.titles);
    into.texts.extend(other.texts);
    into.notes.extend(other.notes);
    for c in other.changes {
        if !into.changes.contains(&c) {
            into.changes.push(c);
        }
    }
    into.repealed |= other.repealed;
    into.at.extend(other.at);
    let mut matched = vec![false; into.items.len()];
    let mut cursor = 0;
    let mut seen: Vec<Item> = Vec::new();
    for item in other.items {
        let found = match &item {
            Item::Unit(n) => {
                let k = key(n, &seen);
                keys(&into.items).into_iter().find(|(x, _)| *x == k).map(|(_, i)| i)
            }
            Item::Comment(_) => None,
        };
        seen.push(match &item {
            Item::Unit(n) => Item::Unit(Node { items: Vec::new(), ..n.clone() }),
            Item::Comment(c) => Item::Comment(c.clone()),
        });
        match (found, item) {
            (Some(i), Item::Unit(n)) => {
                if let Item::Unit(mine) = &mut into.items[i] {
                    merge(mine, n, lang, first_lang, findings);
                }
                matched[i] = true;
                cursor = i + 1;
            }
            (_, item) => {
                if let Item::Unit(n) = &item {
                    report(n, into, lang, first_lang, findings);
                }
                into.items.insert(cursor, item);
                matched.insert(cursor, true);
                cursor += 1;
            }
        }
    }
    for (i, item) in into.items.iter().enumerate() {
        if let (false, Item::Unit(n)) = (matched[i], item) {
            report(n, into, first_lang, lang, findings);
        }
    }
}

/// `node`, found in `lang` only, inside `parent`.
fn report(node: &Node, parent: &Node, lang: &str, missing: &str, findings: &mut Vec<Finding>) {
    let Some(at) = node.at(lang).cloned() else { return };
    let parent_at = match parent.at(missing) {
        Some(p) if parent.kind != crate::model::UnitKind::Book || parent.number.is_some() => {
            format!("{} is at {p}", parent.name())
        }
        _ => format!("the {missing} text has no such unit"),
    };
    findings.push(Finding {
        code: ONE_LANGUAGE,
        at,
        message: format!("{} is in {lang} only, not in {missing} ({parent_at})", node.name()),
    });
}
