//! The order of an act's structure. Kazakh codes number articles through
//! the whole act and insert new units with a suffix ("213-1" after "213",
//! part "2-1" between "2" and "3"), so the structure's order is the order
//! of the numbers, compared piece by piece as numbers. An act may be
//! written over several files, so its top-level units come in file order
//! until they are sorted by the first article each holds.

use std::cmp::Ordering;

use crate::model::{Segment, Unit};

/// One piece of a unit number: digits compare as numbers, anything else
/// as text after them ("202a" → 202, "a").
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Piece {
    Number(u64),
    Text(String),
}

fn pieces(number: &str) -> Vec<Piece> {
    let mut out = Vec::new();
    let mut digits = String::new();
    let mut text = String::new();
    let flush = |digits: &mut String, text: &mut String, out: &mut Vec<Piece>| {
        if !digits.is_empty() {
            out.push(Piece::Number(digits.parse().unwrap_or(u64::MAX)));
            digits.clear();
        }
        if !text.is_empty() {
            out.push(Piece::Text(std::mem::take(text)));
        }
    };
    for c in number.chars() {
        match c {
            '-' | '.' | ':' | ' ' => flush(&mut digits, &mut text, &mut out),
            c if c.is_ascii_digit() && text.is_empty() => digits.push(c),
            c if c.is_ascii_digit() => {
                flush(&mut digits, &mut text, &mut out);
                digits.push(c);
            }
            c => {
                if !digits.is_empty() {
                    out.push(Piece::Number(digits.parse().unwrap_or(u64::MAX)));
                    digits.clear();
                }
                text.push(c);
            }
        }
    }
    flush(&mut digits, &mut text, &mut out);
    out
}

/// Compares two unit numbers in the order of the structure.
pub fn numbers(a: &str, b: &str) -> Ordering {
    pieces(a).cmp(&pieces(b))
}

/// The sort key of a path: each unit's number, an unnumbered unit (a note)
/// after its numbered siblings.
pub(crate) fn path_key(path: &[Segment]) -> Vec<(bool, Vec<Piece>)> {
    path.iter()
        .map(|s| match s.number_text() {
            "" => (true, Vec::new()),
            n => (false, pieces(n)),
        })
        .collect()
}

/// The number of the first article (or other numbered non-grouping unit)
/// a unit is or holds.
fn first_number(unit: &Unit) -> Option<&str> {
    if !unit.kind.is_grouping() {
        return unit.number.as_ref().map(|n| n.text.as_str());
    }
    unit.content.children.iter().find_map(first_number)
}

/// An act's top-level units in the order of its structure: by the first
/// article each is or holds; units without one keep their place at the end.
pub fn roots(units: &[Unit]) -> Vec<&Unit> {
    let mut out: Vec<&Unit> = units.iter().collect();
    by_first_number(&mut out, |u| first_number(u));
    out
}

/// Sorts top-level items (model units, the engine's tracked ones) as
/// [`roots`] does, by the number of the first article each is or holds.
pub fn by_first_number<T>(items: &mut [T], first: impl Fn(&T) -> Option<&str>) {
    items.sort_by(|a, b| match (first(a), first(b)) {
        (Some(x), Some(y)) => numbers(x, y),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_in_the_order_of_the_structure() {
        let mut n =
            vec!["213-1", "3", "205", "15", "2-1", "213", "128", "2", "202a", "202", "213-10", "213-2"];
        n.sort_by(|a, b| numbers(a, b));
        assert_eq!(
            n,
            ["2", "2-1", "3", "15", "128", "202", "202a", "205", "213", "213-1", "213-2", "213-10"]
        );
    }
}
