//! Paragraph alignment: which old paragraph became which new one.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::words::{self, Run};
use super::{ParagraphDiff, ParagraphKind, SegmentKind};

/// Below this share of unchanged visible text a pair reads better as one
/// deleted and one inserted paragraph than as a word-level rewrite.
const MIN_SIMILARITY: f32 = 0.5;

/// Largest changed block (old × new paragraphs) paired by best similarity;
/// larger blocks pair paragraphs by position to keep the cost linear.
const MAX_PAIRING_CELLS: usize = 1024;

pub(super) fn align(old: &[&str], new: &[&str]) -> Vec<ParagraphDiff> {
    let mut out = Vec::new();
    let (mut old_block, mut new_block) = (0..0, 0..0);
    for op in capture_diff_slices_deadline(Algorithm::Patience, old, new, None) {
        if let DiffOp::Equal { old_index, len, .. } = op {
            pair_block(&old[old_block.clone()], &new[new_block.clone()], &mut out);
            out.extend(
                old[old_index..old_index + len]
                    .iter()
                    .map(|p| ParagraphDiff::whole(ParagraphKind::Unchanged, SegmentKind::Equal, p)),
            );
            (old_block, new_block) = (0..0, 0..0);
        } else {
            old_block = extend(old_block, op.old_range());
            new_block = extend(new_block, op.new_range());
        }
    }
    pair_block(&old[old_block], &new[new_block], &mut out);
    out
}

/// Consecutive edit ops cover adjacent ranges; an empty range only marks a
/// position, so the next op's range replaces it.
fn extend(block: Range<usize>, next: Range<usize>) -> Range<usize> {
    if block.is_empty() { next } else { block.start..next.end }
}

/// Emits a block of paragraphs that differ: similar pairs become `Changed`,
/// the rest deleted (old first) or inserted, all in reading order.
fn pair_block(old: &[&str], new: &[&str], out: &mut Vec<ParagraphDiff>) {
    let old_tokens: Vec<Vec<&str>> = old.iter().map(|p| words::tokens(p)).collect();
    let new_tokens: Vec<Vec<&str>> = new.iter().map(|p| words::tokens(p)).collect();
    let pairs = if old.len() * new.len() <= MAX_PAIRING_CELLS {
        best_pairs(&old_tokens, &new_tokens)
    } else {
        (0..old.len().min(new.len()))
            .filter_map(|k| candidate(&old_tokens[k], &new_tokens[k]).map(|(_, runs)| (k, k, runs)))
            .collect()
    };
    let (mut i, mut j) = (0, 0);
    for (pi, pj, runs) in pairs {
        unpaired(&old[i..pi], &new[j..pj], out);
        out.push(if old[pi] == new[pj] {
            ParagraphDiff::whole(ParagraphKind::Unchanged, SegmentKind::Equal, old[pi])
        } else {
            ParagraphDiff { kind: ParagraphKind::Changed, segments: words::segments(runs) }
        });
        (i, j) = (pi + 1, pj + 1);
    }
    unpaired(&old[i..], &new[j..], out);
}

fn unpaired(old: &[&str], new: &[&str], out: &mut Vec<ParagraphDiff>) {
    out.extend(old.iter().map(|p| ParagraphDiff::whole(ParagraphKind::Deleted, SegmentKind::Delete, p)));
    out.extend(new.iter().map(|p| ParagraphDiff::whole(ParagraphKind::Inserted, SegmentKind::Insert, p)));
}

/// A word diff and its similarity, if the pair is similar enough to show as
/// one changed paragraph.
type Candidate<'a> = Option<(f32, Vec<Run<'a>>)>;

fn candidate<'a>(old: &[&'a str], new: &[&'a str]) -> Candidate<'a> {
    let runs = words::diff(old, new);
    let similarity = if old == new { 1.0 } else { words::similarity(&runs) };
    (similarity >= MIN_SIMILARITY).then_some((similarity, runs))
}

/// Order-preserving pairing with the largest total similarity.
fn best_pairs<'a>(old: &[Vec<&'a str>], new: &[Vec<&'a str>]) -> Vec<(usize, usize, Vec<Run<'a>>)> {
    let (n, m) = (old.len(), new.len());
    let mut candidates: Vec<Vec<Candidate>> =
        old.iter().map(|o| new.iter().map(|n| candidate(o, n)).collect()).collect();
    let similarity = |c: &Candidate| c.as_ref().map(|(s, _)| *s);
    // score[i][j]: best total for old[i..] and new[j..].
    let mut score = vec![vec![0.0f32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let skip = score[i + 1][j].max(score[i][j + 1]);
            score[i][j] = similarity(&candidates[i][j]).map_or(skip, |s| skip.max(s + score[i + 1][j + 1]));
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if similarity(&candidates[i][j]).is_some_and(|s| s + score[i + 1][j + 1] >= score[i][j])
            && let Some((_, runs)) = candidates[i][j].take()
        {
            pairs.push((i, j, runs));
            (i, j) = (i + 1, j + 1);
        } else if score[i + 1][j] >= score[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}
