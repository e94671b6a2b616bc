//! Two languages of one act into one tree, unit by unit: numbered units by
//! kind and number, unnumbered ones (paragraphs, notes) by their place
//! among those of their kind. A unit in one language only is kept and
//! reported with both places.

use std::collections::HashMap;

use super::tree::{Item, Node};
use super::{Finding, ONE_LANGUAGE};
use crate::model::UnitKind;

/// What matches a unit with its counterpart: kind, number, place.
type Key = (UnitKind, Option<String>, usize);

/// The keys of a list of items, in order, counting places as it goes.
/// Subpoints are lettered in each language's alphabet (Russian «б)» is
/// Kazakh «ә)»), so they are matched by place, as unnumbered units are.
#[derive(Default)]
struct Keys {
    /// Units matched by place read so far, per kind.
    places: HashMap<UnitKind, usize>,
}

impl Keys {
    fn next(&mut self, node: &Node) -> Key {
        if node.number.is_some() && node.kind != UnitKind::Subpoint {
            return (node.kind, node.number.clone(), 0);
        }
        let place = self.places.entry(node.kind).or_default();
        *place += 1;
        (node.kind, None, *place - 1)
    }
}

/// `into` gains `other`'s texts, titles, history and units. Each unit of
/// `other` is matched by its key with one of `into`'s (each key and its
/// place computed once: a unit with thousands of paragraphs stays linear);
/// one without a match goes after the last unit matched before it.
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
    let mut mine_keys = Keys::default();
    let mut index: HashMap<Key, usize> = HashMap::new();
    for (i, item) in into.items.iter().enumerate() {
        if let Item::Unit(n) = item {
            index.entry(mine_keys.next(n)).or_insert(i);
        }
    }
    let mut matched = vec![false; into.items.len()];
    // What goes after each of `into`'s items (slot i + 1), or before all (slot 0).
    let mut slots: Vec<Vec<Item>> = vec![Vec::new(); into.items.len() + 1];
    let (mut slot, mut pos) = (0, 0);
    let mut other_keys = Keys::default();
    for item in other.items {
        let found = match &item {
            Item::Unit(n) => index.get(&other_keys.next(n)).copied(),
            Item::Comment(_) => None,
        };
        match (found, item) {
            (Some(i), Item::Unit(n)) => {
                if let Item::Unit(mine) = &mut into.items[i] {
                    merge(mine, n, lang, first_lang, findings);
                }
                matched[i] = true;
                (slot, pos) = (i + 1, 0);
            }
            (_, item) => {
                if let Item::Unit(n) = &item {
                    report(n, into, lang, first_lang, findings);
                }
                slots[slot].insert(pos, item);
                pos += 1;
            }
        }
    }
    for (i, item) in into.items.iter().enumerate() {
        if let (false, Item::Unit(n)) = (matched[i], item) {
            report(n, into, first_lang, lang, findings);
        }
    }
    let mut slots = slots.into_iter();
    let mut items = slots.next().unwrap_or_default();
    for (item, after) in std::mem::take(&mut into.items).into_iter().zip(slots) {
        items.push(item);
        items.extend(after);
    }
    into.items = items;
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
