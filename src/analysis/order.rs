//! Numbering order: siblings of one kind in one file go up.

use super::{Cx, Index};
use crate::diag::Message;

/// A unit number as something comparable: `213-1` → [(213, ""), (1, "")],
/// `202a` → [(202, "a")], `XII` → [(12, "")]. `None` when it is not a number
/// of that shape (`"9 c"`, `4:9c`).
pub fn key(number: &str) -> Option<Vec<(u32, String)>> {
    number.split('-').map(part).collect()
}

fn part(s: &str) -> Option<(u32, String)> {
    let digits: String = s.chars().take_while(char::is_ascii_digit).collect();
    if digits.is_empty() {
        return roman(s).map(|n| (n, String::new()));
    }
    let suffix = &s[digits.len()..];
    let letters = suffix.chars().count() <= 2 && suffix.chars().all(char::is_alphabetic);
    letters.then(|| (digits.parse().ok(), suffix.to_lowercase())).and_then(|(n, s)| Some((n?, s)))
}

/// Roman numerals, in Latin letters or their Cyrillic look-alikes (І, Х, С, М).
fn roman(s: &str) -> Option<u32> {
    let value = |c: char| match c {
        'I' | 'І' => Some(1),
        'V' => Some(5),
        'X' | 'Х' => Some(10),
        'L' => Some(50),
        'C' | 'С' => Some(100),
        'D' => Some(500),
        'M' | 'М' => Some(1000),
        _ => None,
    };
    let values: Option<Vec<u32>> = s.chars().map(value).collect();
    let values = values.filter(|v| !v.is_empty())?;
    let mut total = 0;
    for (i, &v) in values.iter().enumerate() {
        if values.get(i + 1).is_some_and(|&next| next > v) { total -= v as i64 } else { total += v as i64 }
    }
    u32::try_from(total).ok().filter(|&t| t > 0)
}

impl Cx<'_, '_> {
    /// Reports a unit whose number is lower than that of the previous sibling
    /// of the same kind in the same file.
    pub(super) fn numbering(&mut self, n: usize) {
        let index: &Index = self.index;
        let node = &index.nodes[n];
        let Some(number) = &self.unit(n).number else { return };
        let Some(mine) = key(&number.text) else { return };
        let siblings = index.children(node.parent, node.act);
        let at = siblings.iter().position(|&s| s == n).unwrap_or(0);
        let previous = siblings[..at].iter().rev().find_map(|&s| {
            let other = &index.nodes[s];
            let num = other.unit.number.as_ref()?;
            (other.unit.kind == node.unit.kind && other.file == node.file).then(|| (s, key(&num.text)))
        });
        if let Some((p, Some(theirs))) = previous
            && mine < theirs
        {
            let message = Message::NumberingOrder { unit: index.path(n), previous: index.path(p) };
            self.push(node.file, message, number.span.clone());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::key;

    #[test]
    fn keys_order_national_numbers() {
        let k = |s| key(s).unwrap();
        assert!(k("213") < k("213-1") && k("213-1") < k("213-2") && k("213-2") < k("214"));
        assert!(k("202") < k("202a") && k("202a") < k("202b") && k("202b") < k("203"));
        assert!(k("IX") < k("X") && k("X") < k("XII") && k("ХІІ") == k("XII"));
        assert_eq!(key("9 c"), None);
        assert_eq!(key("4:9c"), None);
    }
}
