//! Word operations on one paragraph's plain text.
//!
//! References whose display words are untouched keep working: their ranges
//! shift with the text. A reference whose display words are changed (the
//! edit overlaps them, or an insertion falls strictly inside them) is
//! dropped from that text: its words stay, the link goes, and the engine
//! reports it (`DroppedReference`).

use std::ops::Range;

use crate::model::{InlineRef, Occurrence, RichText};

/// Which occurrences of `needle` in `hay` an operation means, as byte
/// ranges; `Err(count)` when the words do not say which (none found, fewer
/// than asked, or several without `occurrence`).
pub fn select(hay: &str, needle: &str, occurrence: Option<Occurrence>) -> Result<Vec<Range<usize>>, usize> {
    let found: Vec<Range<usize>> = hay.match_indices(needle).map(|(i, m)| i..i + m.len()).collect();
    let count = found.len();
    match occurrence {
        _ if needle.is_empty() || count == 0 => Err(0),
        None if count == 1 => Ok(found),
        None => Err(count),
        Some(Occurrence::All) => Ok(found),
        Some(Occurrence::Nth(k)) => match found.get((k as usize).wrapping_sub(1)) {
            Some(r) => Ok(vec![r.clone()]),
            None => Err(0),
        },
    }
}

/// Replaces `range` of `text` with `new` (its words and references) and
/// returns the references dropped because their words changed.
pub fn splice(text: &mut RichText, range: Range<usize>, new: &RichText) -> Vec<InlineRef> {
    let delta = new.plain.len() as isize - range.len() as isize;
    let changes = |r: &InlineRef| {
        if range.is_empty() {
            r.plain.start < range.start && range.start < r.plain.end
        } else {
            r.plain.start < range.end && range.start < r.plain.end
        }
    };
    let mut dropped = Vec::new();
    let mut refs = Vec::with_capacity(text.refs.len() + new.refs.len());
    for r in text.refs.drain(..) {
        if changes(&r) {
            dropped.push(r);
        } else if r.plain.start >= range.end {
            let shift = |x: usize| (x as isize + delta) as usize;
            refs.push(InlineRef { plain: shift(r.plain.start)..shift(r.plain.end), ..r });
        } else {
            refs.push(r);
        }
    }
    for r in &new.refs {
        let plain = r.plain.start + range.start..r.plain.end + range.start;
        refs.push(InlineRef { plain, ..r.clone() });
    }
    refs.sort_by_key(|r| (r.plain.start, r.plain.end));
    text.plain.replace_range(range, &new.plain);
    text.refs = refs;
    // The source map no longer describes this text: it was not written anywhere.
    text.pieces.clear();
    dropped
}

/// The insertion rule: the words are inserted as written, and one space is
/// added only where they would otherwise join two words (a letter or digit
/// on both sides of the seam). `insert "X" after "Y"` on "Y Z" gives "Y X Z";
/// `"X, " before "Z"` gives "Y X, Z"; a leading or trailing space written in
/// the quoted words is kept as it is.
pub fn spaced(text: &str, at: usize, new: &RichText) -> RichText {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let lead = word(text[..at].chars().next_back()) && word(new.plain.chars().next());
    let trail = word(new.plain.chars().next_back()) && word(text[at..].chars().next());
    let mut out = new.clone();
    if lead {
        out.plain.insert(0, ' ');
        for r in &mut out.refs {
            r.plain = r.plain.start + 1..r.plain.end + 1;
        }
    }
    if trail {
        out.plain.push(' ');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rich(plain: &str, refs: &[(Range<usize>, &str)]) -> RichText {
        let refs = refs
            .iter()
            .map(|(r, n)| InlineRef {
                plain: r.clone(),
                target: crate::model::Target {
                    act: None,
                    version: None,
                    path: vec![crate::model::Segment {
                        kind: crate::model::UnitKind::Article,
                        number: Some(crate::model::Number { text: n.to_string(), span: 0..0 }),
                    }],
                    range_end: None,
                    span: 0..0,
                },
                span: 0..0,
            })
            .collect();
        RichText { plain: plain.into(), refs, pieces: Vec::new(), span: 0..0 }
    }

    #[test]
    fn selection_follows_occurrence() {
        assert_eq!(select("a b a", "a", None), Err(2));
        assert_eq!(select("a b a", "c", None), Err(0));
        assert_eq!(select("a b a", "a", Some(Occurrence::Nth(2))), Ok(vec![Range { start: 4, end: 5 }]));
        assert_eq!(select("a b a", "a", Some(Occurrence::Nth(3))), Err(0));
        assert_eq!(select("a b a", "a", Some(Occurrence::All)), Ok(vec![0..1, 4..5]));
        assert_eq!(select("a b", "b", None), Ok(vec![Range { start: 2, end: 3 }]));
    }

    #[test]
    fn references_shift_or_drop() {
        // "see 15 and 16": refs on "15" (4..6) and "16" (11..13).
        let mut t = rich("see 15 and 16", &[(4..6, "15"), (11..13, "16")]);
        let dropped = splice(&mut t, 0..3, &rich("read", &[]));
        assert!(dropped.is_empty());
        assert_eq!(t.plain, "read 15 and 16");
        assert_eq!(t.refs.iter().map(|r| r.plain.clone()).collect::<Vec<_>>(), vec![5..7, 12..14]);
        let dropped = splice(&mut t, 12..14, &rich("17", &[]));
        assert_eq!(dropped.len(), 1);
        assert_eq!(t.refs.len(), 1);
        // An insertion at a reference's edge keeps it; one inside drops it.
        assert!(splice(&mut t, 5..5, &rich("x", &[])).is_empty());
        assert_eq!(t.refs[0].plain, 6..8);
        assert_eq!(splice(&mut t, 7..7, &rich("y", &[])).len(), 1);
    }

    #[test]
    fn insertion_spacing() {
        let x = rich("X", &[]);
        assert_eq!(spaced("Y Z", 1, &x).plain, " X");
        assert_eq!(spaced("Y Z", 2, &x).plain, "X ");
        assert_eq!(spaced("Y, Z", 2, &rich(" X", &[])).plain, " X");
        assert_eq!(spaced("YZ", 1, &x).plain, " X ");
        assert_eq!(spaced("Y.", 2, &rich(" X.", &[])).plain, " X.");
    }
}
