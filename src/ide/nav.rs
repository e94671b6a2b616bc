//! Navigation: the target or unit at an offset, where a target leads, and
//! every target in the workspace that leads to a unit.

use std::borrow::Borrow;
use std::ops::Range;

use crate::analysis::{Index, Location, Resolved, Scope, resolve};
use crate::model::{Comparison, File, Number, OperationKind, RichText, Target, Unit, UnitContent};

/// Where a target is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SiteKind {
    /// `[words](target)` inside a string.
    Reference,
    /// `compare <relation> <target>`.
    Comparison,
    /// The target of an amendment operation (amendment index, operation index).
    Operation(usize, usize),
}

/// One target of the workspace, with the scope it resolves in.
#[derive(Debug, Clone, Copy)]
pub struct Site<'m> {
    pub file: usize,
    pub target: &'m Target,
    /// Where the cursor finds it: a reference's display words and target,
    /// else the target.
    pub span: &'m Range<usize>,
    /// A reference's display words and their language, where known: what a
    /// renumbering rewrites along with the target.
    pub words: Option<(&'m str, &'m str)>,
    pub scope: Option<Scope>,
    pub kind: SiteKind,
}

impl Site<'_> {
    pub fn resolve(&self, index: &Index) -> Option<Resolved> {
        resolve(index, self.target, self.scope).ok()
    }
}

/// Every target of the workspace, with the same scopes the analysis uses:
/// the one list hover, definition, references, rename, links, hints and
/// tokens work from. It holds the targets of units, comparisons (and the
/// references in their notes) and operations, and the references inside
/// every text an amendment brings: the new wording of `add` and `rewrite`,
/// the new words of `replace` and `insert`, and justifications.
pub fn sites<'m, F: Borrow<File>>(index: &Index<'m>, files: &'m [F]) -> Vec<Site<'m>> {
    let mut out = Vec::new();
    for (a, act) in index.acts.iter().enumerate() {
        for &(file, block) in &act.parts {
            let scope = Some(Scope { act: a, unit: None });
            comparisons(&mut out, file, &block.comparisons, scope);
        }
    }
    for (n, node) in index.nodes.iter().enumerate() {
        let scope = Some(Scope { act: node.act, unit: Some(n) });
        let content = &node.unit.content;
        for text in content.titles.iter().chain(&content.texts) {
            text_references(&mut out, node.file, &text.value, Some(&text.lang), scope, &[]);
        }
        comparisons(&mut out, node.file, &content.comparisons, scope);
    }
    for (file, f) in files.iter().map(Borrow::borrow).enumerate() {
        for (ai, am) in f.amendments.iter().enumerate() {
            let Some(base) = amendment_base(index, am) else { continue };
            let scope = Some(Scope { act: base, unit: None });
            for text in am.titles.iter().chain(&am.justifications) {
                text_references(&mut out, file, &text.value, Some(&text.lang), scope, &[]);
            }
            let mut created = Vec::new();
            for (oi, op) in am.operations.iter().enumerate() {
                comparisons(&mut out, file, &op.comparisons, scope);
                for text in &op.justifications {
                    text_references(&mut out, file, &text.value, Some(&text.lang), scope, &[]);
                }
                // As the analysis: a target the amendment itself created
                // names nothing in the base.
                let node = match op.target() {
                    Some(t) if created.contains(&crate::analysis::segments(t)) => None,
                    Some(t) => match resolve(index, t, scope) {
                        Ok(Resolved::Unit(n)) => Some(n),
                        _ => None,
                    },
                    None => None,
                };
                if let Some(t) = op.target() {
                    out.push(Site {
                        file,
                        target: t,
                        span: &t.span,
                        words: None,
                        scope,
                        kind: SiteKind::Operation(ai, oi),
                    });
                }
                created.extend(crate::analysis::creates(&op.kind));
                let in_unit = Some(Scope { act: base, unit: node });
                match &op.kind {
                    OperationKind::Add { content, .. } | OperationKind::Rewrite { content, .. } => {
                        let unit = crate::analysis::new_wording_parent(index, &op.kind, node);
                        new_wording(&mut out, file, content, Some(Scope { act: base, unit }), &created);
                    }
                    OperationKind::Replace { changes, .. } | OperationKind::Delete { changes, .. } => {
                        for c in changes {
                            text_references(&mut out, file, &c.new, Some(&c.lang), in_unit, &[]);
                        }
                    }
                    OperationKind::Insert { insertions, .. } => {
                        for i in insertions {
                            text_references(&mut out, file, &i.new, Some(&i.lang), in_unit, &[]);
                        }
                    }
                    OperationKind::Repeal { .. } | OperationKind::Renumber { .. } => {}
                }
            }
        }
    }
    out
}

/// The references of a text; those to a unit in `created` are left out,
/// since they name what the amendment adds, not a unit of the base.
fn text_references<'m>(
    out: &mut Vec<Site<'m>>,
    file: usize,
    text: &'m RichText,
    lang: Option<&'m str>,
    scope: Option<Scope>,
    created: &[crate::analysis::UnitPath],
) {
    for r in &text.refs {
        if r.target.act.is_none() && created.contains(&crate::analysis::segments(&r.target)) {
            continue;
        }
        let words = lang.map(|l| (&text.plain[r.plain.clone()], l));
        out.push(Site { file, target: &r.target, span: &r.span, words, scope, kind: SiteKind::Reference });
    }
}

/// Comparative links and the references in their notes.
fn comparisons<'m>(out: &mut Vec<Site<'m>>, file: usize, list: &'m [Comparison], scope: Option<Scope>) {
    for c in list {
        out.push(Site {
            file,
            target: &c.target,
            span: &c.target.span,
            words: None,
            scope,
            kind: SiteKind::Comparison,
        });
        if let Some(note) = &c.note {
            text_references(out, file, note, None, scope, &[]);
        }
    }
}

/// The targets of a new wording (`add`, `rewrite`) and of its units.
fn new_wording<'m>(
    out: &mut Vec<Site<'m>>,
    file: usize,
    content: &'m UnitContent,
    scope: Option<Scope>,
    created: &[crate::analysis::UnitPath],
) {
    let mut stack = vec![content];
    while let Some(c) = stack.pop() {
        for text in c.titles.iter().chain(&c.texts) {
            text_references(out, file, &text.value, Some(&text.lang), scope, created);
        }
        comparisons(out, file, &c.comparisons, scope);
        stack.extend(c.children.iter().map(|u| &u.content));
    }
}

/// The act version an amendment applies to, as the analysis picks it.
pub fn amendment_base(index: &Index, am: &crate::model::Amendment) -> Option<usize> {
    let id = am.act.as_ref()?;
    index.base(id, am.base_version).ok()
}

/// The innermost target written at `offset` of `file`.
pub fn site_at<'m>(sites: &[Site<'m>], file: usize, offset: usize) -> Option<Site<'m>> {
    sites.iter().filter(|s| s.file == file && contains(s.span, offset)).min_by_key(|s| s.span.len()).copied()
}

/// The innermost unit of `file` whose span holds `offset`.
pub fn unit_at(index: &Index, file: usize, offset: usize) -> Option<usize> {
    (0..index.nodes.len())
        .filter(|&n| index.nodes[n].file == file && contains(&index.nodes[n].unit.span, offset))
        .min_by_key(|&n| index.nodes[n].unit.span.len())
}

/// A span holds the offsets from its start to its end inclusive, so a cursor
/// just after a word still counts as on it.
fn contains(span: &Range<usize>, offset: usize) -> bool {
    span.start <= offset && offset <= span.end
}

/// The unit meant at an offset: the one a target there leads to, else the one
/// whose number is there.
pub fn unit_meant(index: &Index, sites: &[Site], file: usize, offset: usize) -> Option<usize> {
    if let Some(site) = site_at(sites, file, offset) {
        return match site.resolve(index)? {
            Resolved::Unit(n) => Some(n),
            Resolved::Range(a, e) => Some(range_end_or_start(site.target, offset, a, e)),
            Resolved::Act(_) => None,
        };
    }
    let n = unit_at(index, file, offset)?;
    let number = index.nodes[n].unit.number.as_ref()?;
    contains(&number.span, offset).then_some(n)
}

fn range_end_or_start(target: &Target, offset: usize, start: usize, end: usize) -> usize {
    match &target.range_end {
        Some(e) if contains(&e.span, offset) => end,
        _ => start,
    }
}

/// Where the target at `offset` leads: a unit's span, or an act's first block.
pub fn definition(index: &Index, sites: &[Site], file: usize, offset: usize) -> Option<Location> {
    let site = site_at(sites, file, offset)?;
    match site.resolve(index)? {
        Resolved::Unit(n) => Some(index.location(n)),
        Resolved::Range(a, e) => Some(index.location(range_end_or_start(site.target, offset, a, e))),
        Resolved::Act(a) => {
            let &(file, act) = index.acts[a].parts.first()?;
            Some(Location { file, span: act.span.clone() })
        }
    }
}

/// Every target that leads to unit `n` (a range counts for its two ends).
pub fn references(index: &Index, sites: &[Site], n: usize) -> Vec<Location> {
    let mut out: Vec<Location> = sites
        .iter()
        .filter(|s| match s.resolve(index) {
            Some(Resolved::Unit(u)) => u == n,
            Some(Resolved::Range(a, e)) => a == n || e == n,
            _ => false,
        })
        .map(|s| Location { file: s.file, span: s.target.span.clone() })
        .collect();
    out.sort_by_key(|l| (l.file, l.span.start));
    out.dedup();
    out
}

/// Every place that writes unit `n`'s number: the unit's own number and each
/// target segment (or range end) that names it, directly or as a prefix of a
/// deeper path. Renumbering rewrites exactly these.
pub fn number_sites(index: &Index, sites: &[Site], n: usize) -> Vec<Location> {
    let unit: &Unit = index.nodes[n].unit;
    let mut out = Vec::new();
    if let Some(number) = &unit.number {
        out.push(Location { file: index.nodes[n].file, span: number.span.clone() });
    }
    for site in sites {
        let t = site.target;
        for k in 1..=t.path.len() {
            if t.path[k - 1].kind != unit.kind {
                continue;
            }
            let prefix = Target { path: t.path[..k].to_vec(), range_end: None, ..t.clone() };
            if let Some(number) = &t.path[k - 1].number
                && resolve(index, &prefix, site.scope) == Ok(Resolved::Unit(n))
            {
                out.push(Location { file: site.file, span: number.span.clone() });
            }
        }
        if let (Some(end), Some(Resolved::Range(_, e))) = (&t.range_end, site.resolve(index))
            && e == n
        {
            out.push(Location { file: site.file, span: end.span.clone() });
        }
    }
    out.sort_by_key(|l| (l.file, l.span.start));
    out.dedup();
    out
}

/// The unit number written at `offset`: a unit's own number or a segment of a
/// target. Only numbers can be renamed.
pub fn number_at<'m>(
    index: &Index<'m>,
    sites: &[Site<'m>],
    file: usize,
    offset: usize,
) -> Option<&'m Number> {
    if let Some(site) = site_at(sites, file, offset) {
        let t = site.target;
        return t
            .path
            .iter()
            .filter_map(|s| s.number.as_ref())
            .chain(&t.range_end)
            .find(|x| contains(&x.span, offset));
    }
    let n = unit_at(index, file, offset)?;
    let number = index.nodes[n].unit.number.as_ref()?;
    contains(&number.span, offset).then_some(number)
}

/// Whether `s` is a unit number as the grammar writes one unquoted: letters
/// and digits joined by single `-` or `:`.
pub fn is_plain_number(s: &str) -> bool {
    !s.is_empty()
        && s.split(['-', ':']).all(|part| !part.is_empty() && part.chars().all(char::is_alphanumeric))
}
