//! The before/after text of an operation's unit, for hover and `zan/redline`.
//!
//! TEMPORARY: this applies one operation's word changes to one unit's text
//! locally. It is to be replaced by the amendment engine (`src/engine/`),
//! which applies whole amendments in order with the exact semantics.

use crate::model::{Occurrence, OperationKind, RichText, Text, Unit};
use crate::redline::Redline;

/// The texts of `unit` in `lang`, one paragraph per text.
fn texts_of(texts: &[Text], lang: &str) -> Vec<String> {
    texts.iter().filter(|t| t.lang == lang).map(|t| t.value.plain.clone()).collect()
}

/// Replaces the chosen occurrence(s) of `old` with `new`; no occurrence given
/// means the first (the analysis reports when there are several).
fn replace(text: &str, old: &str, new: &str, occurrence: Option<Occurrence>) -> String {
    if old.is_empty() {
        return text.to_string();
    }
    match occurrence {
        Some(Occurrence::All) => text.replace(old, new),
        Some(Occurrence::Nth(k)) => match text.match_indices(old).nth((k as usize).saturating_sub(1)) {
            Some((at, _)) => format!("{}{new}{}", &text[..at], &text[at + old.len()..]),
            None => text.to_string(),
        },
        None => text.replacen(old, new, 1),
    }
}

fn plain(r: &RichText) -> &str {
    &r.plain
}

/// The redline of `unit` under operation `kind` in `lang`, or `None` when the
/// operation does not change that language's text.
pub fn operation_redline(unit: &Unit, kind: &OperationKind, lang: &str) -> Option<Redline> {
    let before = texts_of(&unit.content.texts, lang);
    let after: Vec<String> = match kind {
        OperationKind::Replace { changes, .. } | OperationKind::Delete { changes, .. } => {
            let mut texts = before.clone();
            for c in changes.iter().filter(|c| c.lang == lang) {
                for t in &mut texts {
                    if t.contains(plain(&c.old)) {
                        *t = replace(t, plain(&c.old), plain(&c.new), c.occurrence);
                        break;
                    }
                }
            }
            texts
        }
        OperationKind::Insert { insertions, .. } => {
            let mut texts = before.clone();
            for i in insertions.iter().filter(|i| i.lang == lang) {
                let Some(t) = texts.first_mut() else { continue };
                let new = plain(&i.new);
                *t = match &i.position {
                    crate::model::InsertPosition::Start => format!("{new}{t}"),
                    crate::model::InsertPosition::End => format!("{t}{new}"),
                    crate::model::InsertPosition::Before { anchor, occurrence } => {
                        let a = plain(anchor);
                        replace(t, a, &format!("{new}{a}"), *occurrence)
                    }
                    crate::model::InsertPosition::After { anchor, occurrence } => {
                        let a = plain(anchor);
                        replace(t, a, &format!("{a}{new}"), *occurrence)
                    }
                };
            }
            texts
        }
        OperationKind::Rewrite { content, .. } => texts_of(&content.texts, lang),
        OperationKind::Repeal { .. } => Vec::new(),
        OperationKind::Add { .. } | OperationKind::Renumber { .. } => return None,
    };
    if before == after {
        return None;
    }
    let old: Vec<&str> = before.iter().map(String::as_str).collect();
    let new: Vec<&str> = after.iter().map(String::as_str).collect();
    Some(Redline::new(&old, &new))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nth_and_all_occurrences() {
        assert_eq!(replace("a b a b", "a", "x", Some(Occurrence::Nth(2))), "a b x b");
        assert_eq!(replace("a b a b", "a", "x", Some(Occurrence::All)), "x b x b");
        assert_eq!(replace("a b a b", "a", "x", None), "x b a b");
        assert_eq!(replace("a b", "c", "x", Some(Occurrence::Nth(1))), "a b");
    }
}
