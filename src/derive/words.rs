//! The word changes of one paragraph: where the edited text differs from the
//! base, as `replace`, `delete` and `insert` lines that quote whole words,
//! each found once in the text as the engine will see it (or with its
//! `occurrence`), and checked by applying them with the engine's own word
//! functions before anyone sees them.

use std::ops::Range;

use similar::{Algorithm, DiffOp, capture_diff_slices_deadline};

use crate::engine::{closing, opening, seam, select, splice};
use crate::model::{InsertPosition, Occurrence, RichText, WordChange, WordInsertion};

/// How far a quotation is widened, in tokens on either side, to be found once.
const MAX_CONTEXT: usize = 3;

/// A word (letters and digits, joined inside by `-`, `.`, `:`, `/` or an
/// apostrophe: `213-1`, `274.1`, `ақпараттық-телекоммуникациялық`) or one
/// punctuation mark. A quotation starts and ends at these, so it never
/// splits a word.
#[derive(Debug, Clone)]
struct Token {
    bytes: Range<usize>,
    word: bool,
}

fn tokens(s: &str) -> Vec<Token> {
    let chars: Vec<(usize, char)> = s.char_indices().collect();
    let end_of = |j: usize| chars.get(j).map_or(s.len(), |c| c.0);
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if c.is_alphanumeric() {
            let mut j = i + 1;
            while let Some(&(_, d)) = chars.get(j) {
                let joined = matches!(d, '-' | '.' | ':' | '/' | '\'' | '’')
                    && chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
                if d.is_alphanumeric() {
                    j += 1;
                } else if joined {
                    j += 2;
                } else {
                    break;
                }
            }
            out.push(Token { bytes: start..end_of(j), word: true });
            i = j;
        } else {
            out.push(Token { bytes: start..end_of(i + 1), word: false });
            i += 1;
        }
    }
    out
}

/// The words of a text, as the threshold of a new wording counts them.
pub(super) fn word_count(s: &str) -> usize {
    tokens(s).iter().filter(|t| t.word).count()
}

/// What a paragraph needs.
#[derive(Debug)]
pub(super) enum Plan {
    Same,
    Lines(Lines),
    /// Changed beyond the threshold, or in a way word lines cannot say
    /// (spacing, a link's words): the unit gets a new wording.
    NewWording,
}

/// The lines of one paragraph, in the order the derived operations apply
/// them: the `replace` lines, then `delete`, then `insert`.
#[derive(Debug, Default)]
pub(super) struct Lines {
    pub replace: Vec<WordChange>,
    pub delete: Vec<WordChange>,
    pub insert: Vec<WordInsertion>,
}

/// Two texts with the same words and links (wherever they were written).
pub(super) fn same(a: &RichText, b: &RichText) -> bool {
    a.plain == b.plain
        && a.refs.len() == b.refs.len()
        && a.refs.iter().zip(&b.refs).all(|(x, y)| {
            x.plain == y.plain
                && crate::model::written::target(&x.target) == crate::model::written::target(&y.target)
        })
}

/// A changed run of tokens: `old` of the base, `new` of the edited text.
#[derive(Debug, Clone)]
struct Hunk {
    old: Range<usize>,
    new: Range<usize>,
}

struct Texts<'a> {
    base: &'a RichText,
    edited: &'a RichText,
    tb: Vec<Token>,
    te: Vec<Token>,
}

impl Texts<'_> {
    /// The tokens a hunk stands on in the base: its old words, or for an
    /// insertion the words it is anchored to (the word before it and the
    /// punctuation after that word, else the first word after it).
    fn footprint(&self, h: &Hunk) -> Option<Range<usize>> {
        if !h.old.is_empty() {
            return Some(h.old.clone());
        }
        if let Some(a) = self.tb[..h.old.start].iter().rposition(|t| t.word) {
            return Some(a..h.old.start);
        }
        let b = self.tb[h.old.start..].iter().position(|t| t.word)? + h.old.start;
        Some(h.old.start..b + 1)
    }

    fn bytes(tokens: &[Token], r: Range<usize>) -> Range<usize> {
        if r.is_empty() {
            let at = tokens
                .get(r.start)
                .map_or_else(|| tokens.last().map_or(0, |t| t.bytes.end), |t| t.bytes.start);
            return at..at;
        }
        tokens[r.start].bytes.start..tokens[r.end - 1].bytes.end
    }

    fn is_edge(&self, t: &Token, text: &str, start: bool) -> bool {
        let c = if start {
            text[t.bytes.clone()].chars().next()
        } else {
            text[t.bytes.clone()].chars().next_back()
        };
        t.word || c.is_some_and(|c| if start { opening(c) } else { closing(c) })
    }

    /// A replacement or deletion quotes from a word (or opening punctuation)
    /// to a word (or closing punctuation): a comma changed is quoted with
    /// the word it follows.
    fn widen(&self, h: &mut Hunk) -> bool {
        let mut changed = false;
        if h.old.is_empty() {
            return false;
        }
        loop {
            let first = [(&self.tb, &h.old, &self.base.plain), (&self.te, &h.new, &self.edited.plain)]
                .into_iter()
                .filter_map(|(t, r, s)| t.get(r.start).filter(|_| !r.is_empty()).map(|t| (t, s)))
                .any(|(t, s)| !self.is_edge(t, s, true));
            if first && h.old.start > 0 && h.new.start > 0 {
                h.old.start -= 1;
                h.new.start -= 1;
                changed = true;
                continue;
            }
            let last = [(&self.tb, &h.old, &self.base.plain), (&self.te, &h.new, &self.edited.plain)]
                .into_iter()
                .filter_map(|(t, r, s)| r.end.checked_sub(1).filter(|_| !r.is_empty()).map(|e| (&t[e], s)))
                .any(|(t, s)| !self.is_edge(t, s, false));
            if last && h.old.end < self.tb.len() && h.new.end < self.te.len() {
                h.old.end += 1;
                h.new.end += 1;
                changed = true;
                continue;
            }
            return changed;
        }
    }
}

/// Derives the word lines of one paragraph; `above` is the share of changed
/// words beyond which the unit gets a new wording.
/// With `replaces`, every line is a `replace` (an insertion quotes its anchor,
/// a deletion a word beside it), so that the languages of a unit change in
/// one operation.
pub(super) fn plan(
    base: &RichText,
    edited: &RichText,
    title: bool,
    lang: &str,
    above: f64,
    replaces: bool,
) -> Plan {
    if same(base, edited) {
        return Plan::Same;
    }
    let t = Texts { base, edited, tb: tokens(&base.plain), te: tokens(&edited.plain) };
    let sb: Vec<&str> = t.tb.iter().map(|x| &base.plain[x.bytes.clone()]).collect();
    let se: Vec<&str> = t.te.iter().map(|x| &edited.plain[x.bytes.clone()]).collect();
    let mut hunks = Vec::new();
    let mut common = 0;
    for op in capture_diff_slices_deadline(Algorithm::Myers, &sb, &se, None) {
        match op {
            DiffOp::Equal { old_index, len, .. } => {
                common += t.tb[old_index..old_index + len].iter().filter(|x| x.word).count();
            }
            op => hunks.push(Hunk { old: op.old_range(), new: op.new_range() }),
        }
    }
    let most = word_count(&base.plain).max(word_count(&edited.plain));
    if hunks.is_empty() || most == 0 || 1.0 - common as f64 / most as f64 > above {
        return Plan::NewWording;
    }
    let Some(mut hunks) = settle(&t, hunks) else { return Plan::NewWording };
    if replaces {
        for h in &mut hunks {
            let Some(fp) =
                t.footprint(h).or_else(|| (h.old.end < t.tb.len()).then(|| h.old.start..h.old.end + 1))
            else {
                return Plan::NewWording;
            };
            let fp = if h.new.is_empty() {
                // The word before the deleted ones, else the one after.
                match h.old.start.checked_sub(1) {
                    Some(s) => s..h.old.end,
                    None if h.old.end < t.tb.len() => h.old.start..h.old.end + 1,
                    None => return Plan::NewWording,
                }
            } else {
                fp
            };
            let lead = h.new.start as isize - h.old.start as isize;
            let tail = h.new.end as isize - h.old.end as isize;
            let old = fp.start.min(h.old.start)..fp.end.max(h.old.end);
            let new = (old.start as isize + lead) as usize..(old.end as isize + tail) as usize;
            *h = Hunk { old, new };
        }
        let Some(settled) = settle(&t, hunks) else { return Plan::NewWording };
        hunks = settled;
    }
    lines(&t, &hunks, title, lang).map_or(Plan::NewWording, Plan::Lines)
}

/// Widens hunks to whole quotations and merges those with at most one word
/// between them, until nothing changes.
fn settle(t: &Texts, mut hunks: Vec<Hunk>) -> Option<Vec<Hunk>> {
    loop {
        let mut changed = false;
        for h in &mut hunks {
            changed |= t.widen(h);
        }
        let mut merged: Vec<Hunk> = Vec::new();
        for h in hunks {
            let fp = t.footprint(&h)?;
            if let Some(prev) = merged.last_mut() {
                let pf = t.footprint(prev)?;
                // One word between two changes is quoted with them, as a
                // drafter quotes «первой или второй» whole.
                let apart =
                    pf.end <= fp.start && t.tb[pf.end..fp.start].iter().filter(|x| x.word).count() > 1;
                if !apart {
                    let old = pf.start.min(fp.start)..pf.end.max(fp.end);
                    let lead = prev.new.start as isize - prev.old.start as isize;
                    let tail = h.new.end as isize - h.old.end as isize;
                    let new = (old.start as isize + lead) as usize..(old.end as isize + tail) as usize;
                    *prev = Hunk { old, new };
                    changed = true;
                    continue;
                }
            }
            merged.push(h);
        }
        hunks = merged;
        if !changed {
            return Some(hunks);
        }
    }
}

/// The paragraph as the engine will change it, and where each edit landed,
/// so that a base offset is found in the text as changed so far.
struct Sim {
    text: RichText,
    /// (end of the edit in the base, change in length).
    shifts: Vec<(usize, isize)>,
}

impl Sim {
    fn at(&self, base: usize) -> usize {
        let delta: isize = self.shifts.iter().filter(|(e, _)| *e <= base).map(|(_, d)| d).sum();
        (base as isize + delta) as usize
    }

    /// Which occurrence (counting from 0) of `words` starts at `at`, and how many there are.
    fn find(&self, words: &str, at: usize) -> Option<(usize, usize)> {
        let all = select(&self.text.plain, words, Some(Occurrence::All)).ok()?;
        let k = all.iter().position(|r| r.start == at)?;
        Some((k, all.len()))
    }

    fn apply(
        &mut self,
        words: &str,
        occurrence: Option<Occurrence>,
        base_end: usize,
        edit: impl Fn(&str, Range<usize>) -> (Range<usize>, RichText),
    ) -> Option<()> {
        let ranges = select(&self.text.plain, words, occurrence).ok()?;
        let before = self.text.plain.len();
        for r in ranges.into_iter().rev() {
            let (r, new) = edit(&self.text.plain, r);
            splice(&mut self.text, r, &new);
        }
        self.shifts.push((base_end, self.text.plain.len() as isize - before as isize));
        Some(())
    }
}

fn plain(s: &str) -> RichText {
    RichText { plain: s.to_string(), refs: Vec::new(), pieces: Vec::new(), span: 0..0 }
}

/// `bytes` of `text` with the links wholly inside them; `None` when a link
/// is cut.
fn slice(text: &RichText, bytes: Range<usize>) -> Option<RichText> {
    let mut refs = Vec::new();
    for r in &text.refs {
        let inside = bytes.start <= r.plain.start && r.plain.end <= bytes.end;
        let apart = r.plain.end <= bytes.start || bytes.end <= r.plain.start;
        if inside {
            let plain = r.plain.start - bytes.start..r.plain.end - bytes.start;
            refs.push(crate::model::InlineRef { plain, ..r.clone() });
        } else if !apart {
            return None;
        }
    }
    Some(RichText { plain: text.plain[bytes].to_string(), refs, pieces: Vec::new(), span: 0..0 })
}

/// Widenings of a quotation by context tokens, shortest first.
fn widenings() -> impl Iterator<Item = (usize, usize)> {
    (0..=2 * MAX_CONTEXT)
        .flat_map(|n| (0..=n).map(move |l| (l, n - l)))
        .filter(|&(l, r)| l <= MAX_CONTEXT && r <= MAX_CONTEXT)
}

/// The word lines of `hunks`, applied in order to the base as the engine
/// applies them; `None` unless they give exactly the edited text.
fn lines(t: &Texts, hunks: &[Hunk], title: bool, lang: &str) -> Option<Lines> {
    let mut sim = Sim { text: t.base.clone(), shifts: Vec::new() };
    let mut out = Lines::default();
    // The tokens each hunk may take as context: up to its neighbours' footprints.
    let fps: Vec<Range<usize>> = hunks.iter().map(|h| t.footprint(h)).collect::<Option<_>>()?;
    let room = |i: usize| {
        let lo = if i == 0 { 0 } else { fps[i - 1].end };
        let hi = fps.get(i + 1).map_or(t.tb.len(), |f| f.start);
        lo..hi
    };
    let phases: [fn(&Hunk) -> bool; 3] =
        [|h| !h.old.is_empty() && !h.new.is_empty(), |h| h.new.is_empty(), |h| h.old.is_empty()];
    for (phase, wanted) in phases.into_iter().enumerate() {
        for (i, h) in hunks.iter().enumerate().filter(|(_, h)| wanted(h)) {
            let room = room(i);
            let fp = &fps[i];
            let offset = h.new.start as isize - h.old.start as isize;
            // Candidate quotations: the footprint widened inside its room,
            // starting and ending where a quotation may.
            let mut first = None;
            let mut chosen = None;
            for (l, r) in widenings() {
                let (Some(start), end) = (fp.start.checked_sub(l), fp.end + r) else { continue };
                // A deletion quotes only what goes; an anchor grows away from
                // the point it marks.
                let fixed = match phase {
                    1 => (l, r) != (0, 0),
                    2 if fp.end <= h.old.start => r > 0,
                    2 => l > 0,
                    _ => false,
                };
                if fixed || start < room.start || end > room.end {
                    continue;
                }
                let ok_edges = t.is_edge(&t.tb[start], &t.base.plain, true)
                    && t.is_edge(&t.tb[end - 1], &t.base.plain, false);
                if !ok_edges && (l, r) != (0, 0) {
                    continue;
                }
                let quoted = Texts::bytes(&t.tb, start..end);
                let words = &t.base.plain[quoted.clone()];
                let Some((k, n)) = sim.find(words, sim.at(quoted.start)) else { continue };
                // `zan check` counts words found in the base in the base: the
                // quotation must say the same place there.
                let in_base = select(&t.base.plain, words, Some(Occurrence::All)).unwrap_or_default();
                if in_base.is_empty() || in_base.get(k).is_some_and(|r| r.start == quoted.start) {
                    first.get_or_insert((start..end, k));
                }
                if n == 1 && in_base.len() <= 1 {
                    chosen = Some((start..end, None));
                    break;
                }
            }
            let (quote, occurrence) = match chosen {
                Some(c) => c,
                None => {
                    let (r, k) = first?;
                    (r, Some(Occurrence::Nth(k as u32 + 1)))
                }
            };
            let quoted = Texts::bytes(&t.tb, quote.clone());
            let words = t.base.plain[quoted.clone()].to_string();
            if phase < 2 {
                // The same context, in the edited text.
                let new_tokens = (quote.start as isize + offset) as usize
                    ..(quote.end as isize + h.new.end as isize - h.old.end as isize) as usize;
                let new = slice(t.edited, Texts::bytes(&t.te, new_tokens))?;
                sim.apply(&words, occurrence, quoted.end, |text, r| seam(text, r, &new))?;
                let line = WordChange {
                    title,
                    lang: lang.to_string(),
                    old: plain(&words),
                    new,
                    occurrence,
                    span: 0..0,
                };
                if phase == 0 { out.replace.push(line) } else { out.delete.push(line) }
            } else {
                let new = slice(t.edited, Texts::bytes(&t.te, h.new.clone()))?;
                let after = quote.end <= h.old.start;
                if after {
                    sim.apply(&words, occurrence, quoted.end, |text, r| seam(text, r.end..r.end, &new))?;
                } else {
                    sim.apply(&words, occurrence, quoted.start, |text, r| {
                        seam(text, r.start..r.start, &new)
                    })?;
                }
                let anchor = plain(&words);
                let position = if after {
                    InsertPosition::After { anchor, occurrence }
                } else {
                    InsertPosition::Before { anchor, occurrence }
                };
                out.insert.push(WordInsertion { title, lang: lang.to_string(), new, position, span: 0..0 });
            }
        }
    }
    same(&sim.text, t.edited).then_some(out)
}

/// A whole title replaced: the line for a heading changed beyond words.
pub(super) fn whole(base: &RichText, edited: &RichText, lang: &str) -> Option<WordChange> {
    let mut sim = Sim { text: base.clone(), shifts: Vec::new() };
    let new = slice(edited, 0..edited.plain.len())?;
    sim.apply(&base.plain, None, base.plain.len(), |text, r| seam(text, r, &new))?;
    same(&sim.text, edited).then(|| WordChange {
        title: true,
        lang: lang.to_string(),
        old: plain(&base.plain),
        new,
        occurrence: None,
        span: 0..0,
    })
}

/// The term of every pure one-for-one change of a paragraph: (old, new)
/// quoted without context, for finding a term changed throughout the act.
pub(super) fn terms(base: &str, edited: &str) -> Vec<(String, String)> {
    let (tb, te) = (tokens(base), tokens(edited));
    let sb: Vec<&str> = tb.iter().map(|x| &base[x.bytes.clone()]).collect();
    let se: Vec<&str> = te.iter().map(|x| &edited[x.bytes.clone()]).collect();
    capture_diff_slices_deadline(Algorithm::Myers, &sb, &se, None)
        .into_iter()
        .filter_map(|op| match op {
            DiffOp::Replace { old_index, old_len, new_index, new_len } => {
                let old = Texts::bytes(&tb, old_index..old_index + old_len);
                let new = Texts::bytes(&te, new_index..new_index + new_len);
                let all_words = tb[old_index..old_index + old_len].iter().all(|x| x.word)
                    && te[new_index..new_index + new_len].iter().all(|x| x.word);
                all_words.then(|| (base[old].to_string(), edited[new].to_string()))
            }
            _ => None,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rich(s: &str) -> RichText {
        plain(s)
    }

    #[test]
    fn words_keep_their_joints() {
        let s = "частью 213-1, (насилия) ақпараттық-телекоммуникациялық 274.1.";
        let words: Vec<&str> = tokens(s).iter().map(|t| &s[t.bytes.clone()]).collect();
        assert_eq!(
            words,
            ["частью", "213-1", ",", "(", "насилия", ")", "ақпараттық-телекоммуникациялық", "274.1", "."]
        );
    }

    fn derive(base: &str, edited: &str) -> Lines {
        match plan(&rich(base), &rich(edited), false, "ru", 0.5, false) {
            Plan::Lines(l) => l,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn a_series_is_quoted_from_word_to_word() {
        let l = derive(
            "Несовершеннолетний, предусмотренной частью первой или второй настоящей статьи, не подлежит.",
            "Несовершеннолетний, предусмотренной частью первой, второй или 2-1 настоящей статьи, не подлежит.",
        );
        assert_eq!(l.replace.len(), 1);
        assert_eq!(l.replace[0].old.plain, "первой или второй");
        assert_eq!(l.replace[0].new.plain, "первой, второй или 2-1");
        assert!(l.delete.is_empty() && l.insert.is_empty());
    }

    #[test]
    fn repeated_words_are_widened_then_counted() {
        let l = derive("один два один три один", "один два один три четыре");
        assert_eq!(l.replace[0].old.plain, "три один");
        assert_eq!(l.replace[0].occurrence, None);
        let l = derive("a b a b a b a b a b a b a b a b", "a b a b a b a b a b a b a b a c");
        assert_eq!(l.replace[0].old.plain, "b");
        assert_eq!(l.replace[0].occurrence, Some(Occurrence::Nth(8)));
    }

    #[test]
    fn insertions_and_deletions_take_an_anchor() {
        let l = derive("лица, достигшие шестнадцати лет", "лица, достигшие к тому времени шестнадцати лет");
        assert_eq!(l.insert.len(), 1);
        assert_eq!(l.insert[0].new.plain, "к тому времени");
        assert!(
            matches!(&l.insert[0].position, InsertPosition::After { anchor, .. } if anchor.plain == "достигшие")
        );
        let l = derive("действия (бездействия), если", "действия, если");
        assert_eq!(l.delete[0].old.plain, "(бездействия)");
    }
}
