//! Lowering only what an edit touched: when one edit falls strictly inside a
//! unit and the syntax tree changed nowhere else, that unit is lowered again
//! and every span after the edit moves by the edit's length; the rest of the
//! model is kept. Anything else (syntax errors, amendments, an edit across
//! units) is left to a full lowering, so the result always equals it.

use std::ops::Range;
use std::sync::Arc;

use tree_sitter::{Node, Tree};

use crate::diag::Diagnostic;
use crate::model::{Act, Comparison, File, Number, RichText, Target, Text, Unit, UnitContent, lower_unit};

/// One edit: `old` bytes of the old text became `new_len` bytes.
#[derive(Debug, Clone)]
pub struct Splice {
    pub old: Range<usize>,
    pub new_len: usize,
}

/// How a model came from the one before it: by one splice, after which
/// only the unit that spanned `unit` (old offsets) was lowered again and
/// every other span moved by the splice.
#[derive(Debug, Clone)]
pub struct Step {
    /// The revision of the source the edit was made on.
    pub from: u64,
    pub splice: Splice,
    pub unit: Range<usize>,
}

/// The model of `text` (parsed as `tree`, from `edited`: the old tree with
/// the edit applied), from `old`, the model before the edit, which is edited
/// in place unless something else holds it, with the span (old offsets) of
/// the unit lowered again; `None` when only a full lowering gives it.
pub fn relower(
    old: Arc<File>,
    edited: &Tree,
    tree: &Tree,
    text: &str,
    splice: &Splice,
) -> Option<(File, Range<usize>)> {
    // Every kind of syntax error (missing, unexpected, unclosed, mistyped keyword).
    let syntax = |d: &Diagnostic| d.code() == "syntax-error";
    if !old.amendments.is_empty() || crate::syntax::broken(tree) || old.diagnostics.iter().any(syntax) {
        return None;
    }
    let new_end = splice.old.start + splice.new_len;
    let (node, depth) = enclosing_unit(tree.root_node(), splice.old.start, new_end)?;
    let range = node.byte_range();
    if edited.changed_ranges(tree).any(|r| r.start_byte < range.start || r.end_byte > range.end) {
        return None;
    }
    let delta = splice.new_len as isize - splice.old.len() as isize;
    let old_span = range.start..(range.end as isize - delta) as usize;
    let (unit, diagnostics) = lower_unit(node, text, depth);
    let unit = unit?;
    let mut file = Arc::unwrap_or_clone(old);
    let old_diagnostics = std::mem::take(&mut file.diagnostics);
    let slot = find_unit(&mut file.acts, &old_span)?;
    *slot = unit;
    let shift = Shift { from: splice.old.end, delta };
    for act in &mut file.acts {
        shift.act(act, &old_span);
    }
    let inside = |r: &Range<usize>| old_span.start <= r.start && r.end <= old_span.end;
    let mut kept: Vec<Diagnostic> = old_diagnostics.into_iter().filter(|d| !inside(&d.range)).collect();
    for d in &mut kept {
        shift.diagnostic(d);
    }
    // Order among diagnostics at the same range follows the traversal, which
    // this merge does not know: such a tie is left to a full lowering.
    if kept.iter().any(|k| diagnostics.iter().any(|d| d.range == k.range)) {
        return None;
    }
    kept.extend(diagnostics);
    kept.sort_by_key(|d| (d.range.start, d.range.end));
    file.diagnostics = kept;
    Some((file, old_span))
}

/// The innermost `unit` node strictly around `start..end` (neither its
/// first nor last byte touched), and how many units enclose it.
fn enclosing_unit(root: Node, start: usize, end: usize) -> Option<(Node, usize)> {
    let mut at = root.descendant_for_byte_range(start, end)?;
    let unit = loop {
        if at.kind() == "unit" && at.start_byte() < start && end < at.end_byte() {
            break at;
        }
        at = at.parent()?;
    };
    let mut depth = 0;
    let mut up = unit.parent();
    while let Some(n) = up {
        if n.kind() == "unit" {
            depth += 1;
        }
        // Units inside amendments are lowered differently (`rewrite`, `add`).
        if n.kind() == "amendment" {
            return None;
        }
        up = n.parent();
    }
    Some((unit, depth))
}

/// The unit of the model whose span is `span`.
fn find_unit<'m>(acts: &'m mut [Act], span: &Range<usize>) -> Option<&'m mut Unit> {
    let act = acts.iter_mut().find(|a| a.span.start <= span.start && span.end <= a.span.end)?;
    let mut units = &mut act.units;
    loop {
        let i = units.iter().position(|u| u.span.start <= span.start && span.end <= u.span.end)?;
        if units[i].span == *span {
            return Some(&mut units[i]);
        }
        units = &mut units[i].content.children;
    }
}

/// Moves every offset at or after `from` by `delta`.
pub(crate) struct Shift {
    pub from: usize,
    pub delta: isize,
}

impl Shift {
    fn at(&self, p: &mut usize) {
        if *p >= self.from {
            *p = (*p as isize + self.delta) as usize;
        }
    }

    fn span(&self, r: &mut Range<usize>) {
        self.at(&mut r.start);
        self.at(&mut r.end);
    }

    pub fn diagnostic(&self, d: &mut Diagnostic) {
        self.span(&mut d.range);
        for e in d.fix.iter_mut().flat_map(|f| &mut f.edits) {
            self.span(&mut e.range);
        }
    }

    /// An act; `fresh` is the span (old offsets) of the unit just lowered,
    /// whose offsets are already the new ones.
    fn act(&self, act: &mut Act, fresh: &Range<usize>) {
        if act.span.end < self.from {
            return;
        }
        self.span(&mut act.id_span);
        self.span(&mut act.span);
        self.texts(&mut act.titles);
        self.comparisons(&mut act.comparisons);
        self.units(&mut act.units, fresh);
    }

    fn units(&self, units: &mut [Unit], fresh: &Range<usize>) {
        for u in units {
            if u.span.end < self.from {
                continue;
            }
            if u.span.start == fresh.start {
                // The new unit: its spans are in new offsets already.
                continue;
            }
            self.span(&mut u.span);
            self.number(&mut u.number);
            self.content(&mut u.content, fresh);
        }
    }

    fn content(&self, c: &mut UnitContent, fresh: &Range<usize>) {
        self.texts(&mut c.titles);
        self.texts(&mut c.texts);
        self.comparisons(&mut c.comparisons);
        if let Some(r) = &mut c.repealed {
            self.span(&mut r.span);
        }
        self.units(&mut c.children, fresh);
    }

    fn texts(&self, texts: &mut [Text]) {
        for t in texts {
            self.span(&mut t.span);
            self.rich(&mut t.value);
        }
    }

    fn rich(&self, r: &mut RichText) {
        self.span(&mut r.span);
        for p in &mut r.pieces {
            self.span(&mut p.source);
        }
        for x in &mut r.refs {
            self.span(&mut x.span);
            self.target(&mut x.target);
        }
    }

    fn comparisons(&self, cs: &mut [Comparison]) {
        for c in cs {
            self.span(&mut c.span);
            self.target(&mut c.target);
            if let Some(n) = &mut c.note {
                self.rich(n);
            }
        }
    }

    fn target(&self, t: &mut Target) {
        self.span(&mut t.span);
        for s in &mut t.path {
            self.number(&mut s.number);
        }
        self.number(&mut t.range_end);
    }

    fn number(&self, n: &mut Option<Number>) {
        if let Some(n) = n {
            self.span(&mut n.span);
        }
    }
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{Splice, relower};
    use crate::document::Document;
    use crate::ide::edit::splice;

    /// Edits all over the shipped corpus and the server's fixtures: wherever
    /// the unit is lowered alone, the model equals a full lowering.
    #[test]
    fn equals_a_full_lowering() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let paths = crate::workspace::discover(&[root.join("corpus"), root.join("tests/fixtures/lsp")]);
        let mut parser = crate::syntax::parser();
        let (mut fast, mut all) = (0, 0);
        for path in &paths {
            let text = std::fs::read_to_string(path).unwrap();
            let doc = Document::parse(text.clone());
            let mut at = 0;
            while at < text.len() {
                let next = (at + 1..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap();
                for (range, new) in [
                    (at..at, "ж"),
                    (at..at, "7"),
                    (at..next, ""),
                    (at..at, "\""),
                    (at..at, "}"),
                    (at..at, "\n"),
                    (at..next, "[x](article 1)"),
                ] {
                    let (mut edited, mut tree) = (text.clone(), doc.tree.clone());
                    splice(&mut edited, &mut tree, range.clone(), new);
                    let new_tree = crate::syntax::parse(&mut parser, &edited, Some(&tree));
                    let full = crate::model::lower(&new_tree, &edited);
                    let splice = Splice { old: range.clone(), new_len: new.len() };
                    let old = std::sync::Arc::new(doc.model.clone());
                    if let Some((model, _)) = relower(old, &tree, &new_tree, &edited, &splice) {
                        assert!(model == full, "{} at {range:?} with {new:?}", path.display());
                        fast += 1;
                    }
                    all += 1;
                }
                at = (at + 97..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
            }
        }
        assert!(fast > all / 3, "{fast} of {all} edits took the fast path");
    }
}
