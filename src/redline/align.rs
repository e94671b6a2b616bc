//! Paragraph alignment: which old paragraph became which new one.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use super::words::{self, Bag, Vocabulary};
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
/// the rest deleted (old first) or inserted, all in reading order. Pairs are
/// chosen by the words they share, so only the chosen ones are diffed.
fn pair_block(old: &[&str], new: &[&str], out: &mut Vec<ParagraphDiff>) {
    let pairs = match (old.len(), new.len()) {
        (0, _) | (_, 0) => Vec::new(),
        (n, m) if n * m <= MAX_PAIRING_CELLS => {
            let mut vocabulary = Vocabulary::default();
            let old_bags: Vec<Bag> = old.iter().map(|p| vocabulary.bag(p)).collect();
            let new_bags: Vec<Bag> = new.iter().map(|p| vocabulary.bag(p)).collect();
            best_pairs(n, m, |i, j| vocabulary.similarity(&old_bags[i], &new_bags[j]))
        }
        (n, m) => (0..n.min(m)).map(|k| (k, k)).collect(),
    };
    let (mut i, mut j) = (0, 0);
    for (pi, pj) in pairs {
        let paired = if old[pi] == new[pj] {
            ParagraphDiff::whole(ParagraphKind::Unchanged, SegmentKind::Equal, old[pi])
        } else {
            let (runs, similarity) = words::diff(old[pi], new[pj]);
            if similarity < MIN_SIMILARITY {
                continue;
            }
            ParagraphDiff { kind: ParagraphKind::Changed, segments: words::segments(runs) }
        };
        unpaired(&old[i..pi], &new[j..pj], out);
        out.push(paired);
        (i, j) = (pi + 1, pj + 1);
    }
    unpaired(&old[i..], &new[j..], out);
}

fn unpaired(old: &[&str], new: &[&str], out: &mut Vec<ParagraphDiff>) {
    out.extend(old.iter().map(|p| ParagraphDiff::whole(ParagraphKind::Deleted, SegmentKind::Delete, p)));
    out.extend(new.iter().map(|p| ParagraphDiff::whole(ParagraphKind::Inserted, SegmentKind::Insert, p)));
}

/// Order-preserving pairing of `n` old and `m` new paragraphs with the
/// largest total similarity, among pairs similar enough to show as one
/// changed paragraph.
fn best_pairs(n: usize, m: usize, similarity: impl Fn(usize, usize) -> f32) -> Vec<(usize, usize)> {
    let similar: Vec<Vec<Option<f32>>> = (0..n)
        .map(|i| (0..m).map(|j| Some(similarity(i, j)).filter(|&s| s >= MIN_SIMILARITY)).collect())
        .collect();
    // score[i][j]: best total for old[i..] and new[j..].
    let mut score = vec![vec![0.0f32; m + 1]; n + 1];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let skip = score[i + 1][j].max(score[i][j + 1]);
            score[i][j] = similar[i][j].map_or(skip, |s| skip.max(s + score[i + 1][j + 1]));
        }
    }
    let mut pairs = Vec::new();
    let (mut i, mut j) = (0, 0);
    while i < n && j < m {
        if similar[i][j].is_some_and(|s| s + score[i + 1][j + 1] >= score[i][j]) {
            pairs.push((i, j));
            (i, j) = (i + 1, j + 1);
        } else if score[i + 1][j] >= score[i][j + 1] {
            i += 1;
        } else {
            j += 1;
        }
    }
    pairs
}
