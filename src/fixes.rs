//! Applying fixes to one text: the one applier of `zan check --fix`, of
//! the text-hygiene lint's `fix_all` and of the tests.

use std::ops::Range;

/// One replacement in one file.
#[derive(
    Debug, Clone, PartialEq, Eq, serde::Serialize, rkyv::Archive, rkyv::Serialize, rkyv::Deserialize,
)]
pub struct Edit {
    pub range: Range<usize>,
    pub replacement: String,
}

/// Two edits conflict when their ranges overlap or both insert at one point
/// (their order would be a guess).
fn conflict(a: &Edit, b: &Edit) -> bool {
    (a.range.start < b.range.end && b.range.start < a.range.end) || a.range.start == b.range.start
}

/// Applies, in order, every fix (a group of edits) that conflicts with none
/// taken before it and whose edits lie on character boundaries of `text`;
/// returns the new text and the indices of the fixes taken. The others can
/// be retried on the result.
pub fn apply(text: &str, fixes: &[&[Edit]]) -> (String, Vec<usize>) {
    let mut taken: Vec<&Edit> = Vec::new();
    let mut applied = Vec::new();
    for (i, fix) in fixes.iter().enumerate() {
        let valid = fix.iter().all(|e| {
            e.range.start <= e.range.end
                && text.is_char_boundary(e.range.start)
                && text.is_char_boundary(e.range.end)
        });
        let clashes = fix
            .iter()
            .enumerate()
            .any(|(j, e)| taken.iter().any(|t| conflict(e, t)) || fix[..j].iter().any(|o| conflict(e, o)));
        if valid && !clashes && !fix.is_empty() {
            taken.extend(fix.iter());
            applied.push(i);
        }
    }
    taken.sort_by_key(|e| std::cmp::Reverse(e.range.start));
    let mut out = text.to_string();
    for e in taken {
        out.replace_range(e.range.clone(), &e.replacement);
    }
    (out, applied)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fix(edits: &[(std::ops::Range<usize>, &str)]) -> Vec<Edit> {
        edits.iter().map(|(r, s)| Edit { range: r.clone(), replacement: s.to_string() }).collect()
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_round() {
        let text = "ab  cd  ef";
        let fixes = [fix(&[(2..4, " ")]), fix(&[(3..5, "X")]), fix(&[(6..8, " ")]), fix(&[(2..2, "!")])];
        let refs: Vec<&[Edit]> = fixes.iter().map(Vec::as_slice).collect();
        assert_eq!(apply(text, &refs), ("ab cd ef".to_string(), vec![0, 2]));
    }

    #[test]
    fn edits_inside_a_letter_are_refused() {
        let text = "қате";
        let fixes = [fix(&[(1..2, "x")])];
        assert_eq!(apply(text, &[&fixes[0]]), (text.to_string(), vec![]));
    }
}
