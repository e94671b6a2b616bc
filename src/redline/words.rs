//! Word-level diff of one paragraph pair, cleaned up into readable runs.

use std::collections::HashMap;

use similar::{Algorithm, DiffOp, DiffableStr, capture_diff_slices_deadline};
use unicode_segmentation::UnicodeSegmentation;

use super::{Segment, SegmentKind};

/// Myers gives the shortest edit inside a paragraph; Patience, used for
/// paragraphs, has too few unique anchors among words and spaces.
const WORD_ALGORITHM: Algorithm = Algorithm::Myers;

/// Tokens either unchanged or replaced; runs of both kinds alternate.
#[derive(Debug)]
pub(super) enum Run<'a> {
    Equal(Vec<&'a str>),
    Change { del: Vec<&'a str>, ins: Vec<&'a str> },
}

/// A paragraph split at UAX #29 word boundaries: words, single punctuation
/// marks and whitespace runs are separate tokens; ideographs are one each.
struct Tokens<'a> {
    text: Vec<&'a str>,
    /// Each token's number in its [`Vocabulary`]: the diff compares integers,
    /// not strings.
    ids: Vec<u32>,
}

/// A paragraph's tokens as a multiset (sorted ids), for pairing paragraphs.
pub(super) struct Bag(Vec<u32>);

/// The distinct tokens of the paragraphs compared together, numbered.
#[derive(Default)]
pub(super) struct Vocabulary<'a> {
    ids: HashMap<&'a str, u32, foldhash::fast::RandomState>,
    /// Visible (non-whitespace) characters of each token, by id.
    visible: Vec<usize>,
}

impl<'a> Vocabulary<'a> {
    fn tokens(&mut self, paragraph: &'a str) -> Tokens<'a> {
        let text = paragraph.tokenize_unicode_words();
        let ids = text
            .iter()
            .map(|token| {
                *self.ids.entry(token).or_insert_with(|| {
                    self.visible.push(visible_chars(token));
                    (self.visible.len() - 1) as u32
                })
            })
            .collect();
        Tokens { text, ids }
    }

    pub fn bag(&mut self, paragraph: &'a str) -> Bag {
        let mut ids = self.tokens(paragraph).ids;
        ids.sort_unstable();
        Bag(ids)
    }

    fn visible(&self, ids: &[u32]) -> usize {
        ids.iter().map(|&id| self.visible[id as usize]).sum()
    }

    /// An upper bound of the similarity [`diff`] gives, from the tokens two
    /// paragraphs share regardless of order: a Dice coefficient of their
    /// words, weighted by length.
    pub fn similarity(&self, old: &Bag, new: &Bag) -> f32 {
        let (old, new) = (&old.0, &new.0);
        let (mut shared, mut i, mut j) = (0, 0, 0);
        while i < old.len() && j < new.len() {
            match old[i].cmp(&new[j]) {
                std::cmp::Ordering::Less => i += 1,
                std::cmp::Ordering::Greater => j += 1,
                std::cmp::Ordering::Equal => {
                    shared += self.visible[old[i] as usize];
                    (i, j) = (i + 1, j + 1);
                }
            }
        }
        dice(shared, self.visible(old) + self.visible(new) - 2 * shared)
    }
}

/// The share of visible characters left unchanged, 0.0 to 1.0.
fn dice(equal: usize, changed: usize) -> f32 {
    // Both sides blank: alike only if identical, which the caller sees.
    if equal + changed == 0 { 0.0 } else { (2 * equal) as f32 / (2 * equal + changed) as f32 }
}

/// Diffs two paragraphs word by word; also gives the share of visible
/// characters left unchanged, 0.0 to 1.0. Whitespace is not counted, so two
/// unrelated sentences do not look alike through their spaces.
pub(super) fn diff<'a>(old: &'a str, new: &'a str) -> (Vec<Run<'a>>, f32) {
    // The common start and end are equal whatever the diff finds inside, so
    // only the middle is segmented and diffed; each end is one token, but
    // for the blank tokens where the middle meets the end, which
    // `slide_to_word_start` moves.
    let (head, tail) = common_ends(old, new);
    let (prefix, suffix) = (&old[..head], &old[old.len() - tail..]);
    let mut vocabulary = Vocabulary::default();
    let o = vocabulary.tokens(&old[head..old.len() - tail]);
    let n = vocabulary.tokens(&new[head..new.len() - tail]);
    let ops = capture_diff_slices_deadline(WORD_ALGORITHM, &o.ids, &n.ids, None);
    let mut equal = visible_chars(prefix) + visible_chars(suffix);
    let mut changed = 0;
    let mut runs = Vec::new();
    push_equal(&mut runs, &[prefix][..usize::from(head > 0)]);
    for op in ops {
        let (i, j) = (op.old_range(), op.new_range());
        if let DiffOp::Equal { .. } = op {
            equal += vocabulary.visible(&o.ids[i.clone()]);
            push_equal(&mut runs, &o.text[i]);
        } else {
            changed += vocabulary.visible(&o.ids[i.clone()]) + vocabulary.visible(&n.ids[j.clone()]);
            push_change(&mut runs, &o.text[i], &n.text[j]);
        }
    }
    let mut rest = suffix;
    let mut blanks = Vec::new();
    while let Some(token) = rest.split_word_bounds().next().filter(|t| is_blank(t)) {
        blanks.push(token);
        rest = &rest[token.len()..];
    }
    push_equal(&mut runs, &blanks);
    push_equal(&mut runs, &[rest][..usize::from(!rest.is_empty())]);
    (runs, dice(equal, changed))
}

/// Lengths of a common start and a common end of `a` and `b`, not
/// overlapping, that each begin or end at a word boundary in both: just
/// before a whitespace character that follows a visible one (UAX #29 always
/// breaks there).
fn common_ends(a: &str, b: &str) -> (usize, usize) {
    let visible_before = |s: &str, k: usize| s[..k].chars().next_back().is_some_and(|c| !c.is_whitespace());
    let blank_at = |s: &str, k: usize| s[k..].chars().next().is_some_and(char::is_whitespace);
    let same = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
    let common = a.floor_char_boundary(same);
    let at_end = blank_at(a, common) && blank_at(b, common) && visible_before(a, common);
    let head = if at_end { common } else { cuts(&a[..common], false).last().unwrap_or(0) };
    let room = a.len().min(b.len()) - head;
    let same = a.bytes().rev().zip(b.bytes().rev()).take_while(|(x, y)| x == y).count().min(room);
    let start = a.ceil_char_boundary(a.len() - same);
    let (end, b_start) = (&a[start..], b.len() - (a.len() - start));
    let after_visible = visible_before(a, start) && visible_before(b, b_start);
    let tail = cuts(end, after_visible).next().map_or(0, |k| end.len() - k);
    (head, tail)
}

/// Turns runs into segments after moving edits to word starts and folding
/// spaces and punctuation between two edits into one edit.
pub(super) fn segments(runs: Vec<Run>) -> Vec<Segment> {
    let mut out = Vec::new();
    for run in fold(slide_to_word_start(runs)) {
        match run {
            Run::Equal(tokens) => push_segment(&mut out, SegmentKind::Equal, &tokens),
            Run::Change { del, ins } => {
                push_segment(&mut out, SegmentKind::Delete, &del);
                push_segment(&mut out, SegmentKind::Insert, &ins);
            }
        }
    }
    out
}

fn push_segment(out: &mut Vec<Segment>, kind: SegmentKind, tokens: &[&str]) {
    if !tokens.is_empty() {
        out.push(Segment { kind, text: tokens.concat() });
    }
}

fn push_equal<'a>(runs: &mut Vec<Run<'a>>, tokens: &[&'a str]) {
    if tokens.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(Run::Equal(eq)) => eq.extend_from_slice(tokens),
        _ => runs.push(Run::Equal(tokens.to_vec())),
    }
}

fn push_change<'a>(runs: &mut Vec<Run<'a>>, del: &[&'a str], ins: &[&'a str]) {
    if del.is_empty() && ins.is_empty() {
        return;
    }
    match runs.last_mut() {
        Some(Run::Change { del: d, ins: i }) => {
            d.extend_from_slice(del);
            i.extend_from_slice(ins);
        }
        _ => runs.push(Run::Change { del: del.to_vec(), ins: ins.to_vec() }),
    }
}

/// A pure insertion or deletion can often sit on either side of a space
/// ("a{+ b+} c" or "a {+b +}c"); put it where it starts with a word, as a
/// word processor marks "b ", not " b".
fn slide_to_word_start(mut runs: Vec<Run>) -> Vec<Run> {
    let mut lead = Vec::new();
    for i in 0..runs.len() {
        let (head, tail) = runs.split_at_mut(i + 1);
        let Some(Run::Equal(next)) = tail.first_mut() else {
            continue;
        };
        let edit = match &mut head[i] {
            Run::Change { del, ins } if ins.is_empty() => del,
            Run::Change { del, ins } if del.is_empty() => ins,
            _ => continue,
        };
        let mut moved = Vec::new();
        while !next.is_empty() && edit[0] == next[0] && is_blank(edit[0]) {
            moved.push(edit.remove(0));
            edit.push(next.remove(0));
        }
        match head[..i].last_mut() {
            Some(Run::Equal(prev)) => prev.extend(moved),
            _ => lead = moved,
        }
    }
    if !lead.is_empty() {
        runs.insert(0, Run::Equal(lead));
    }
    runs
}

/// Merges edits separated only by spaces or punctuation, so "a b c" → "x y z"
/// reads as one replacement, not three with single spaces left between them.
fn fold(runs: Vec<Run>) -> Vec<Run> {
    let mut out: Vec<Run> = Vec::new();
    for run in runs {
        match run {
            Run::Equal(tokens) => push_equal(&mut out, &tokens),
            Run::Change { del, ins } => {
                let gap_folds = matches!(out.as_slice(),
                    [.., Run::Change { .. }, Run::Equal(gap)] if !has_word(gap));
                if gap_folds && let Some(Run::Equal(gap)) = out.pop() {
                    push_change(&mut out, &gap, &gap);
                }
                push_change(&mut out, &del, &ins);
            }
        }
    }
    out
}

fn has_word(tokens: &[&str]) -> bool {
    tokens.iter().any(|t| t.chars().any(char::is_alphanumeric))
}

fn is_blank(token: &str) -> bool {
    token.chars().all(char::is_whitespace)
}

/// The positions in `s` just before a whitespace character that follows a
/// visible one (`prev_visible`: whether the text before `s` ends with one).
fn cuts(s: &str, mut prev_visible: bool) -> impl Iterator<Item = usize> {
    s.char_indices().filter_map(move |(k, c)| {
        let at = (prev_visible && c.is_whitespace()).then_some(k);
        prev_visible = !c.is_whitespace();
        at
    })
}

fn visible_chars(text: &str) -> usize {
    text.chars().filter(|c| !c.is_whitespace()).count()
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;
    use unicode_segmentation::UnicodeSegmentation;

    use super::common_ends;

    fn boundaries(s: &str) -> Vec<usize> {
        s.split_word_bound_indices().map(|(k, _)| k).chain([s.len()]).collect()
    }

    #[test]
    fn common_ends_stop_before_the_whitespace_around_the_change() {
        let old = "16 жасқа толған адам қылмыстық жауаптылыққа тартылады";
        let new = "14 жасқа толған адам қылмыстық жауаптылыққа тартылады";
        assert_eq!(common_ends(old, new), (0, old.len() - "16".len()));
        let (old, new) = ("лицо, достигшее шестнадцати лет.", "лицо, достигшее четырнадцати лет.");
        let (head, tail) = common_ends(old, new);
        assert_eq!((&old[..head], &old[old.len() - tail..]), ("лицо, достигшее", " лет."));
        // Ideographs have no spaces to cut at.
        assert_eq!(common_ends("年满十六周岁的人", "年满十四周岁的人"), (0, 0));
        assert_eq!(common_ends("a b", "a b"), (1, 2));
    }

    proptest! {
        /// Each cut is a UAX #29 word boundary in both texts, and the ends
        /// are common and do not overlap.
        #[test]
        fn common_ends_are_word_boundaries(
            old in "[ a-cжә.,\t\u{301}🇰🇿年]{0,24}",
            new in "[ a-cжә.,\t\u{301}🇰🇿年]{0,24}",
        ) {
            let (head, tail) = common_ends(&old, &new);
            prop_assert!(head + tail <= old.len().min(new.len()));
            prop_assert_eq!(&old[..head], &new[..head]);
            prop_assert_eq!(&old[old.len() - tail..], &new[new.len() - tail..]);
            for s in [&old, &new] {
                let b = boundaries(s);
                prop_assert!(b.contains(&head), "{:?} head {}", s, head);
                prop_assert!(b.contains(&(s.len() - tail)), "{:?} tail {}", s, tail);
            }
        }
    }
}
