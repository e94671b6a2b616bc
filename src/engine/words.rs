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
/// returns the references dropped because their words changed (not those
/// whose words all went, deleted or replaced by words with links).
pub fn splice(text: &mut RichText, range: Range<usize>, new: &RichText) -> Vec<InlineRef> {
    let delta = new.plain.len() as isize - range.len() as isize;
    let changes = |r: &InlineRef| {
        if range.is_empty() {
            r.plain.start < range.start && range.start < r.plain.end
        } else {
            r.plain.start < range.end && range.start < r.plain.end
        }
    };
    // A reference whose words all go, replaced by nothing or by words with
    // links of their own, goes with them as the drafter meant.
    let deliberate = |r: &InlineRef| {
        !range.is_empty()
            && range.start <= r.plain.start
            && r.plain.end <= range.end
            && (new.plain.trim().is_empty() || !new.refs.is_empty())
    };
    let mut dropped = Vec::new();
    let mut refs = Vec::with_capacity(text.refs.len() + new.refs.len());
    for r in text.refs.drain(..) {
        if changes(&r) {
            if !deliberate(&r) {
                dropped.push(r);
            }
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

/// Writes the display words of `text`'s reference `r` as `words`, keeping
/// the link (a renumbering rewrites «статьей 209» to «статьей 209-1»).
pub fn rewrite_display(text: &mut RichText, r: usize, words: &str) {
    let range = text.refs[r].plain.clone();
    let delta = words.len() as isize - range.len() as isize;
    let shift = |x: usize| (x as isize + delta) as usize;
    text.plain.replace_range(range.clone(), words);
    for (i, x) in text.refs.iter_mut().enumerate() {
        if i == r {
            x.plain.end = shift(x.plain.end);
        } else if x.plain.start >= range.end {
            x.plain = shift(x.plain.start)..shift(x.plain.end);
        }
    }
    // The source map no longer describes this text.
    text.pieces.clear();
}

/// Closing punctuation: written right after a word, never after a space.
pub fn closing(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '.' | '!' | '?' | ')' | ']' | '»' | '”')
}

/// Opening punctuation: written right before a word, never before a space.
pub fn opening(c: char) -> bool {
    matches!(c, '(' | '[' | '«' | '“' | '„')
}

/// How replacing `range` of `text` with `new` is written so that the text
/// stays normalised at both seams, as a reader of the bill would write it by
/// hand: one space between words, none at the ends of the text, none before
/// closing or after opening punctuation, and one after closing punctuation
/// that meets a word. Whitespace next to a seam may be taken into the range
/// (a deletion of "X" from "a X b" removes one of the spaces too), and a
/// space may be added to `new`. Words glued to the quoted ones before the
/// edit stay glued (replacing "шестнадцати" in "шестнадцатилетнего"): a
/// space is only added where the text had none to lose. `insert "X" after
/// "Y"` on "Y Z" gives "Y X Z"; `"X, " before "Z"` or `"X," before "Z"`
/// gives "X, Z"; `delete "(X)"` from "a (X), b" gives "a, b".
pub fn seam(text: &str, range: Range<usize>, new: &RichText) -> (Range<usize>, RichText) {
    let word = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    let space = |c: Option<char>| c.is_some_and(char::is_whitespace);
    let old = &text[range.clone()];
    // Whether the old words were glued to a word on either side.
    let glued_left = word(text[..range.start].chars().next_back()) && word(old.chars().next());
    let glued_right = word(old.chars().next_back()) && word(text[range.end..].chars().next());
    let mut out = new.clone();
    let mut range = range;
    // Leading and trailing whitespace of the quoted words, where the text
    // already has a space or an end there, or punctuation that takes none.
    let lead = out.plain.len() - out.plain.trim_start().len();
    let prev = text[..range.start].chars().next_back();
    if lead > 0 && (prev.is_none() || space(prev) || prev.is_some_and(opening)) {
        shift(&mut out, 0..lead, "");
    }
    let trail = out.plain.len() - out.plain.trim_end().len();
    let next = text[range.end..].chars().next();
    if trail > 0 && (next.is_none() || space(next) || next.is_some_and(closing)) {
        let len = out.plain.len();
        shift(&mut out, len - trail..len, "");
    }
    let before = text[..range.start].trim_end_matches(char::is_whitespace).len();
    let after = text.len() - text[range.end..].trim_start_matches(char::is_whitespace).len();
    let left = text[..before].chars().next_back();
    let right = text[after..].chars().next();
    // Two characters that a space separates: none after opening or before
    // closing punctuation, none at a hyphen (`209` + `-1` is `209-1`).
    let joins = |a: Option<char>, b: Option<char>| match (a, b) {
        (Some(a), Some(b)) => {
            !(a.is_whitespace() || opening(a) || a == '-' || b.is_whitespace() || closing(b) || b == '-')
        }
        _ => false,
    };
    if out.plain.trim().is_empty() {
        // Nothing written in between: what stood apart stays one space apart,
        // what was glued (a part of a word) stays glued.
        let cut = &text[before..after];
        let apart = cut.starts_with(char::is_whitespace) || cut.ends_with(char::is_whitespace);
        let kept = if apart && joins(left, right) { " " } else { "" };
        return (before..after, RichText { plain: kept.to_string(), refs: Vec::new(), ..out });
    }
    let first = out.plain.chars().next();
    let last = out.plain.chars().next_back();
    // Closing punctuation at the front of the new words takes the place of
    // the spaces before them; opening punctuation at the end, of those after.
    if first.is_some_and(closing) && before < range.start {
        range.start = before;
    }
    if last.is_some_and(opening) && range.end < after {
        range.end = after;
    }
    let prev = text[..range.start].chars().next_back();
    let next = text[range.end..].chars().next();
    if !glued_left && joins(prev, first) {
        shift(&mut out, 0..0, " ");
    }
    if !glued_right && joins(last, next) {
        out.plain.push(' ');
    }
    (range, out)
}

/// Replaces `at` of `text`'s plain words with `with`, moving its references.
fn shift(text: &mut RichText, at: Range<usize>, with: &str) {
    let delta = with.len() as isize - at.len() as isize;
    for r in &mut text.refs {
        if r.plain.start >= at.end {
            let s = |x: usize| (x as isize + delta) as usize;
            r.plain = s(r.plain.start)..s(r.plain.end);
        }
    }
    text.plain.replace_range(at, with);
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
    fn seams_stay_normalised() {
        let apply = |text: &str, range: Range<usize>, new: &str| {
            let (range, new) = seam(text, range, &rich(new, &[]));
            let mut out = text.to_string();
            out.replace_range(range, &new.plain);
            out
        };
        // Insertions: as written, a space only where two words would join.
        assert_eq!(apply("Y Z", 1..1, "X"), "Y X Z");
        assert_eq!(apply("Y Z", 2..2, "X"), "Y X Z");
        assert_eq!(apply("Y, Z", 2..2, " X"), "Y, X Z");
        assert_eq!(apply("YZ", 1..1, "X"), "Y X Z");
        assert_eq!(apply("Y.", 2..2, " X."), "Y. X.");
        assert_eq!(apply("Y Z", 1..1, "X "), "Y X Z");
        assert_eq!(apply("отырып алдау", 13..13, "күш қолданып,"), "отырып күш қолданып, алдау");
        assert_eq!(apply("Y Z", 2..2, ", X"), "Y, X Z");
        // Deletions and replacements: no double space, no space before punctuation.
        assert_eq!(apply("a X b", 2..3, ""), "a b");
        assert_eq!(apply("a (X), b", 2..5, ""), "a, b");
        assert_eq!(apply("X b", 0..1, ""), "b");
        assert_eq!(apply("a X", 2..3, ""), "a");
        assert_eq!(apply("a (X), b", 1..5, ""), "a, b");
        assert_eq!(apply("шестнадцатилетнего", 0..22, "четырнадцати"), "четырнадцатилетнего");
        assert_eq!(apply("a X b", 2..3, " Y "), "a Y b");
    }
}
