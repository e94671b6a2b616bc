//! Word-level diff of one paragraph pair, cleaned up into readable runs.

use similar::{Algorithm, DiffOp, DiffableStr, capture_diff_slices_deadline};

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

/// Splits a paragraph at UAX #29 word boundaries: words, single punctuation
/// marks and whitespace runs are separate tokens; ideographs are one each.
pub(super) fn tokens(paragraph: &str) -> Vec<&str> {
    paragraph.tokenize_unicode_words()
}

/// Diffs two tokenized paragraphs.
pub(super) fn diff<'a>(old_tokens: &[&'a str], new_tokens: &[&'a str]) -> Vec<Run<'a>> {
    let ops = capture_diff_slices_deadline(WORD_ALGORITHM, old_tokens, new_tokens, None);
    let mut runs = Vec::new();
    for op in ops {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                push_equal(&mut runs, &old_tokens[old_index..old_index + len]);
            }
            _ => push_change(&mut runs, &old_tokens[op.old_range()], &new_tokens[op.new_range()]),
        }
    }
    runs
}

/// Share of visible characters left unchanged, 0.0 to 1.0; whitespace is not
/// counted, so two unrelated sentences do not look alike through their spaces.
pub(super) fn similarity(runs: &[Run]) -> f32 {
    let (mut equal, mut old, mut new) = (0, 0, 0);
    for run in runs {
        match run {
            Run::Equal(tokens) => equal += visible_chars(tokens),
            Run::Change { del, ins } => {
                old += visible_chars(del);
                new += visible_chars(ins);
            }
        }
    }
    if equal + old + new == 0 {
        // Both sides are blank: alike only if identical, which the caller sees.
        return 0.0;
    }
    (2 * equal) as f32 / (2 * equal + old + new) as f32
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

fn visible_chars(tokens: &[&str]) -> usize {
    tokens.iter().flat_map(|t| t.chars()).filter(|c| !c.is_whitespace()).count()
}
