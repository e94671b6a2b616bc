//! The amendment engine: an amendment's operations applied in order to its
//! base act version give the consolidated version; amendments in force by a
//! date, applied in the order of their dates, give the act as of that date.
//!
//! The engine is exact and never guesses. A target that does not resolve,
//! quoted words that are missing or that occur more than once without
//! `occurrence`, a number already in use, an operation on a repealed unit:
//! each stops the engine with an [`EngineError`] naming the file and bytes.
//! Targets resolve with [`crate::index::resolve`] against the act as the
//! earlier operations left it, so later operations may name added or
//! renumbered units.
//!
//! Every unit carries an identity ([`Tracked::id`]) that survives renumbering
//! and `rewrite` (children are matched by kind and number), so the base and
//! the result can be compared unit by unit.

mod error;
mod references;
mod words;

use std::borrow::Borrow;
use std::collections::HashMap;

pub use error::{EngineError, ErrorKind};
pub use references::{CitedAt, DroppedReference, Reworded, StaleReference};
use references::{Citing, Named, RefEdit, remaining};
pub use words::{rewrite_display, seam, select, splice};

use crate::diag::Message;
use crate::index::{Index, Resolved, Scope, resolve};
use crate::model::{
    Act, Amendment, Date, File, InlineRef, InsertPosition, Number, Occurrence, Operation, OperationKind,
    Place, Repealed, RichText, Segment, Span, Status, Target, Unit, UnitContent, UnitKind,
};

/// A unit of the engine's working copy. `unit.content.children` is always
/// empty: the children are in `children`, each with its identity.
#[derive(Debug, Clone, PartialEq)]
pub struct Tracked {
    pub id: u32,
    pub unit: Unit,
    pub children: Vec<Tracked>,
}

impl Tracked {
    /// The model unit, children included.
    pub fn to_unit(&self) -> Unit {
        let mut unit = self.unit.clone();
        unit.content.children = self.children.iter().map(Tracked::to_unit).collect();
        unit
    }

    /// This node and its descendants, in reading order.
    pub fn walk(&self) -> Vec<&Tracked> {
        let mut out = vec![self];
        for c in &self.children {
            out.extend(c.walk());
        }
        out
    }
}

/// An act version as the engine holds it: metadata and identified units.
#[derive(Debug, Clone, PartialEq)]
pub struct Held {
    /// Metadata, titles and act-level comparisons; `units` is empty.
    pub meta: Act,
    pub roots: Vec<Tracked>,
    next_id: u32,
    /// The file each unit's texts were written in (by identity): its act's
    /// file, or the amendment's that added or rewrote it.
    written_in: HashMap<u32, usize>,
}

impl Held {
    /// The act version `act` of `index`, merged across its files.
    pub fn from_index(index: &Index, act: usize) -> Held {
        let version = &index.acts[act];
        let mut meta = version.meta().clone();
        meta.units.clear();
        meta.comparisons = version.parts.iter().flat_map(|(_, a)| a.comparisons.clone()).collect();
        let mut state = Held { meta, roots: Vec::new(), next_id: 0, written_in: HashMap::new() };
        for &(file, part) in &version.parts {
            for unit in &part.units {
                let node = state.node(unit.clone(), None);
                state.written(&node, file);
                state.roots.push(node);
            }
        }
        state
    }

    /// A node for `unit`, reusing the identities of `old`'s children with
    /// the same kind and number.
    fn node(&mut self, mut unit: Unit, old: Option<&Tracked>) -> Tracked {
        let children = std::mem::take(&mut unit.content.children);
        let id = match old {
            Some(o) => o.id,
            None => {
                self.next_id += 1;
                self.next_id
            }
        };
        let children = children
            .into_iter()
            .map(|c| {
                let same = old.and_then(|o| {
                    o.children.iter().find(|oc| {
                        oc.unit.kind == c.kind
                            && c.number.is_some()
                            && oc.unit.number.as_ref().map(|n| &n.text) == c.number.as_ref().map(|n| &n.text)
                    })
                });
                self.node(c, same)
            })
            .collect();
        Tracked { id, unit, children }
    }

    /// Records that `node` and the units inside it were written in `file`.
    fn written(&mut self, node: &Tracked, file: usize) {
        for n in node.walk() {
            self.written_in.insert(n.id, file);
        }
    }

    /// The file the texts of unit `id` were written in.
    pub fn file_of(&self, id: u32) -> Option<usize> {
        self.written_in.get(&id).copied()
    }

    /// The act as a model act, units included.
    pub fn to_act(&self) -> Act {
        let mut act = self.meta.clone();
        act.units = self.roots.iter().map(Tracked::to_unit).collect();
        act
    }

    /// Every node in reading order.
    pub fn walk(&self) -> Vec<&Tracked> {
        self.roots.iter().flat_map(Tracked::walk).collect()
    }

    /// Every node with its path (groupings left out unless the node is one),
    /// in reading order.
    pub fn walk_paths(&self) -> Vec<(&Tracked, Vec<Segment>)> {
        fn go<'a>(n: &'a Tracked, prefix: &[Segment], out: &mut Vec<(&'a Tracked, Vec<Segment>)>) {
            let mut path = prefix.to_vec();
            if let Some(seg) = segment(&n.unit) {
                path.push(seg);
            }
            out.push((n, path.clone()));
            let inner = if n.unit.kind.is_grouping() { prefix } else { &path };
            for c in &n.children {
                go(c, inner, out);
            }
        }
        let mut out = Vec::new();
        for r in &self.roots {
            go(r, &[], &mut out);
        }
        out
    }

    fn at(&self, pos: &[usize]) -> &Tracked {
        let mut node = &self.roots[pos[0]];
        for &p in &pos[1..] {
            node = &node.children[p];
        }
        node
    }

    fn at_mut(&mut self, pos: &[usize]) -> &mut Tracked {
        let mut node = &mut self.roots[pos[0]];
        for &p in &pos[1..] {
            node = &mut node.children[p];
        }
        node
    }

    fn siblings_mut(&mut self, parent: &[usize]) -> &mut Vec<Tracked> {
        if parent.is_empty() { &mut self.roots } else { &mut self.at_mut(parent).children }
    }

    /// The path of the node at `pos`, as a target would write it.
    fn path(&self, pos: &[usize]) -> Vec<Segment> {
        let mut out = Vec::new();
        let mut node: Option<&Tracked> = None;
        for (depth, &p) in pos.iter().enumerate() {
            let n = match node {
                None => &self.roots[p],
                Some(parent) => &parent.children[p],
            };
            let last = depth + 1 == pos.len();
            if (last || !n.unit.kind.is_grouping())
                && let Some(seg) = segment(&n.unit)
            {
                out.push(seg);
            }
            node = Some(n);
        }
        out
    }
}

fn segment(unit: &Unit) -> Option<Segment> {
    let number = unit.number.clone().map(|n| Number { text: n.text, span: 0..0 });
    Some(Segment { kind: unit.kind, number })
}

/// A path written the way targets are: `article 15 part 2-1`.
pub use crate::model::written::path as path_text;

/// A target as a citation-ready `Target` of a path.
pub fn target_of(path: &[Segment]) -> Target {
    Target { act: None, version: None, path: path.to_vec(), range_end: None, span: 0..0 }
}

/// One unit an operation changed: its subtree before and after (`None` when
/// the operation brought it into being), and its path at the time.
#[derive(Debug, Clone, PartialEq)]
pub struct Touched {
    pub id: u32,
    pub path: Vec<Segment>,
    pub before: Option<Tracked>,
    pub after: Option<Tracked>,
}

/// What one operation did.
#[derive(Debug, Clone, PartialEq)]
pub struct Change {
    /// The amendment (index into `Applied::amendments`) and its operation.
    pub amendment: usize,
    pub operation: usize,
    pub touched: Vec<Touched>,
}

/// The result of applying amendments to a base version.
#[derive(Debug, Clone)]
pub struct Applied<'m> {
    /// The amendments applied, in order, with their files.
    pub amendments: Vec<(usize, &'m Amendment)>,
    pub base: Held,
    pub result: Held,
    pub changes: Vec<Change>,
    /// Every renumbering, as (old path, new path).
    pub renumbered: Vec<(String, String)>,
    pub stale: Vec<StaleReference>,
    pub dropped: Vec<DroppedReference>,
    /// Display words that renumberings rewrote.
    pub reworded: Vec<Reworded>,
    /// Amendments in force in the period that `consolidate` left out for
    /// their status (proposed or draft, unless `Include` lets them in).
    pub left_out: usize,
}

/// Which amendments `consolidate` applies: those with at least this status
/// (`Adopted` < `Proposed` < `Draft` in how much is let in).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Include {
    Adopted,
    Proposed,
    Draft,
}

impl Include {
    fn admits(self, status: Option<Status>) -> bool {
        match (self, status) {
            (_, Some(Status::Adopted)) => true,
            (Include::Adopted, _) => false,
            (Include::Proposed, Some(Status::Proposed)) => true,
            (Include::Proposed, _) => false,
            (Include::Draft, _) => true,
        }
    }
}

/// Finds an amendment by id: its file and itself.
pub fn find_amendment<'m, F: Borrow<File>>(files: &'m [F], id: &str) -> Option<(usize, &'m Amendment)> {
    files
        .iter()
        .map(Borrow::borrow)
        .enumerate()
        .find_map(|(f, file)| file.amendments.iter().find(|a| a.id == id).map(|a| (f, a)))
}

/// Applies one amendment to the act version it targets.
pub fn apply_amendment<'m, F: Borrow<File>>(files: &'m [F], id: &str) -> Result<Applied<'m>, EngineError> {
    let Some((file, amendment)) = find_amendment(files, id) else {
        return Err(EngineError { kind: ErrorKind::NoSuchId { id: id.to_string() }, at: None });
    };
    let index = Index::build(files);
    apply_with(&models(files), &index, file, amendment)
}

/// Applies `amendment`, of `files[file]`, with `index` built from `files`.
pub fn apply_with<'m>(
    files: &[&'m File],
    index: &Index<'m>,
    file: usize,
    amendment: &'m Amendment,
) -> Result<Applied<'m>, EngineError> {
    let base = base_of(index, file, amendment)?;
    let state = Held::from_index(index, base);
    run(files, index, state, vec![(file, amendment)])
}

/// The act `act` as of `as_of` (default: its latest version, with every
/// admitted amendment that has an in-force date): the latest version dated
/// on or before the date, then the amendments in force after that version
/// and by the date, in the order of their dates. Amendments without an
/// in-force date are left out.
pub fn consolidate<'m, F: Borrow<File>>(
    files: &'m [F],
    act: &str,
    as_of: Option<Date>,
    include: Include,
) -> Result<Applied<'m>, EngineError> {
    let index = Index::build(files);
    let versions = index.versions(act);
    let base = versions
        .iter()
        .copied()
        .rev()
        .find(|&v| match (index.acts[v].version, as_of) {
            (Some(d), Some(at)) => d <= at,
            _ => true,
        })
        .ok_or_else(|| {
            // Versions, but none by the date: say so rather than "no act".
            let first = versions.first().and_then(|&v| index.acts[v].version);
            let kind = match (first, as_of) {
                (Some(first), Some(date)) => ErrorKind::NotInForce {
                    act: act.to_string(),
                    date: date.to_string(),
                    first: first.to_string(),
                },
                _ => ErrorKind::NoSuchId { id: act.to_string() },
            };
            EngineError { kind, at: None }
        })?;
    let since = index.acts[base].version;
    let files = models(files);
    let in_time = |a: &Amendment| {
        a.in_force.is_some_and(|d| since.is_none_or(|s| d > s) && as_of.is_none_or(|at| d <= at))
    };
    let of_act: Vec<(usize, &Amendment)> = files
        .iter()
        .enumerate()
        .flat_map(|(f, file)| file.amendments.iter().map(move |a| (f, a)))
        .filter(|(_, a)| a.act.as_deref() == Some(act) && in_time(a))
        .collect();
    let (mut chosen, left): (Vec<_>, Vec<_>) =
        of_act.into_iter().partition(|(_, a)| include.admits(a.status));
    chosen.sort_by(|x, y| (x.1.in_force, &x.1.id).cmp(&(y.1.in_force, &y.1.id)));
    let state = Held::from_index(&index, base);
    let mut applied = run(&files, &index, state.clone(), chosen.clone())
        .map_err(|e| same_day(&files, &index, &state, &chosen, e))?;
    conflicts(&applied)?;
    applied.left_out = left.len();
    Ok(applied)
}

/// An amendment that fails after another of the same in-force date, but
/// applies without it, conflicts with it: that is the error to report,
/// not the words the other one changed.
fn same_day(
    files: &[&File],
    index: &Index,
    state: &Held,
    chosen: &[(usize, &Amendment)],
    e: EngineError,
) -> EngineError {
    let Some((file, span)) = &e.at else { return e };
    let failed =
        chosen.iter().position(|(f, a)| f == file && a.span.start <= span.start && span.end <= a.span.end);
    let Some(k) = failed else { return e };
    let day = chosen[k].1.in_force;
    let Some(first) = chosen[..k].iter().position(|(_, a)| a.in_force == day) else { return e };
    let with = |others: &[(usize, &Amendment)]| {
        let list: Vec<_> =
            chosen[..first].iter().chain(others).chain(std::iter::once(&chosen[k])).copied().collect();
        run(files, index, state.clone(), list).is_ok()
    };
    if !with(&[]) {
        return e;
    }
    // The same-day amendment that the failing one cannot follow.
    let Some(other) = (first..k).find(|&j| !with(&chosen[j..=j])) else { return e };
    let unit = match &e.kind {
        ErrorKind::Check(
            Message::WordsNotFound { unit, .. }
            | Message::UnitExists { unit }
            | Message::Unresolved { target: unit, .. }
            | Message::OperationOnRepealed { target: unit },
        ) => unit.clone(),
        ErrorKind::Check(Message::WordsNotFoundNear(near)) => match &near.0 {
            Message::WordsNotFound { unit, .. } => unit.clone(),
            _ => String::new(),
        },
        _ => chosen[k]
            .1
            .operations
            .iter()
            .find(|o| o.span.start <= span.start && span.end <= o.span.end)
            .and_then(|o| o.target())
            .map(crate::model::written::target)
            .unwrap_or_default(),
    };
    let kind =
        ErrorKind::Conflict { unit, first: chosen[other].1.id.clone(), second: chosen[k].1.id.clone() };
    EngineError::new(kind, *file, span.clone())
}

/// Two amendments of the same in-force date that change the same unit (or
/// one a unit inside the other's; adding a unit changes its parent) are a
/// conflict: their order would decide the result.
fn conflicts(applied: &Applied) -> Result<(), EngineError> {
    let ancestors = ancestry(&applied.result);
    // An added unit changes its parent: where it goes depends on the order.
    let mut by_amendment: Vec<Vec<(u32, String)>> = vec![Vec::new(); applied.amendments.len()];
    for c in &applied.changes {
        for t in &c.touched {
            let id = match &t.before {
                None => ancestors.get(&t.id).and_then(|up| up.last().copied()).unwrap_or(0),
                Some(_) => t.id,
            };
            by_amendment[c.amendment].push((id, path_text(&t.path)));
        }
    }
    let related = |a: u32, b: u32| {
        a == b
            || ancestors.get(&a).is_some_and(|v| v.contains(&b))
            || ancestors.get(&b).is_some_and(|v| v.contains(&a))
    };
    for (i, (_, a)) in applied.amendments.iter().enumerate() {
        for (j, (file, b)) in applied.amendments.iter().enumerate().skip(i + 1) {
            if a.in_force != b.in_force {
                continue;
            }
            for (x, unit) in &by_amendment[i] {
                if by_amendment[j].iter().any(|(y, _)| related(*x, *y)) {
                    let kind =
                        ErrorKind::Conflict { unit: unit.clone(), first: a.id.clone(), second: b.id.clone() };
                    return Err(EngineError::new(kind, *file, b.id_span.clone()));
                }
            }
        }
    }
    Ok(())
}

/// Each unit's ancestors' identities.
fn ancestry(state: &Held) -> HashMap<u32, Vec<u32>> {
    fn go(n: &Tracked, up: &mut Vec<u32>, out: &mut HashMap<u32, Vec<u32>>) {
        out.insert(n.id, up.clone());
        up.push(n.id);
        for c in &n.children {
            go(c, up, out);
        }
        up.pop();
    }
    let mut out = HashMap::new();
    for r in &state.roots {
        go(r, &mut Vec::new(), &mut out);
    }
    out
}

/// The act version an amendment targets.
fn base_of(index: &Index, file: usize, a: &Amendment) -> Result<usize, EngineError> {
    let Some(act) = &a.act else {
        let kind = ErrorKind::NoTarget { amendment: a.id.clone() };
        return Err(EngineError::new(kind, file, a.id_span.clone()));
    };
    index
        .base(act, a.base_version)
        .map_err(|message| EngineError::new(ErrorKind::Check(message), file, a.target_span.clone()))
}

/// The models themselves, whatever holds them.
fn models<F: Borrow<File>>(files: &[F]) -> Vec<&File> {
    files.iter().map(Borrow::borrow).collect()
}

fn run<'m>(
    files: &[&'m File],
    workspace: &Index<'m>,
    state: Held,
    amendments: Vec<(usize, &'m Amendment)>,
) -> Result<Applied<'m>, EngineError> {
    let mut applied = Applied {
        amendments: Vec::new(),
        base: state.clone(),
        result: state,
        changes: Vec::new(),
        renumbered: Vec::new(),
        stale: Vec::new(),
        dropped: Vec::new(),
        reworded: Vec::new(),
        left_out: 0,
    };
    let mut snapshot = None;
    for (a, &(file, amendment)) in amendments.iter().enumerate() {
        for (o, op) in amendment.operations.iter().enumerate() {
            let refs = applied.dropped.len();
            let mut cx =
                Cx { files, workspace, file, amendment, applied: &mut applied, snapshot: &mut snapshot };
            let touched = cx.operation(op).map_err(|(kind, span)| EngineError::new(kind, file, span))?;
            // The snapshot serves resolution: it stays valid while units and
            // references stay where they are, whatever words change.
            if changes_structure(op) || applied.dropped.len() != refs {
                snapshot = None;
            }
            applied.changes.push(Change { amendment: a, operation: o, touched });
        }
    }
    applied.amendments = amendments;
    remaining(&mut applied);
    if let Some(last) = applied.amendments.last().and_then(|(_, a)| a.in_force) {
        applied.result.meta.version = Some(last);
    }
    Ok(applied)
}

type OpResult<T> = Result<T, (ErrorKind, Span)>;

/// Where a target resolved, as positions in the working copy.
enum Located {
    Act,
    Unit(Vec<usize>),
    /// Siblings from the first position to the last, inclusive.
    Range(Vec<usize>, usize),
}

struct Cx<'a, 'm> {
    files: &'a [&'m File],
    workspace: &'a Index<'m>,
    /// The amendment's file.
    file: usize,
    amendment: &'m Amendment,
    applied: &'a mut Applied<'m>,
    snapshot: &'a mut Option<Vec<File>>,
}

/// Whether an operation moves, adds or removes units or references.
fn changes_structure(op: &Operation) -> bool {
    let refs = |r: &RichText| !r.refs.is_empty();
    match &op.kind {
        OperationKind::Replace { changes, .. } | OperationKind::Delete { changes, .. } => {
            changes.iter().any(|c| refs(&c.new))
        }
        OperationKind::Insert { insertions, .. } => insertions.iter().any(|i| refs(&i.new)),
        _ => true,
    }
}

/// The working copy as a one-file workspace, so that targets resolve exactly
/// as `zan check` resolves them.
fn snapshot(state: &Held) -> Vec<File> {
    vec![File { acts: vec![state.to_act()], amendments: Vec::new(), diagnostics: Vec::new() }]
}

/// The positions of an index node in the working copy the index was built from.
fn positions(index: &Index, node: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = node;
    loop {
        let parent = index.nodes[at].parent;
        out.push(index.children(parent, 0).iter().position(|&s| s == at).unwrap_or(0));
        match parent {
            Some(p) => at = p,
            None => break,
        }
    }
    out.reverse();
    out
}

impl Cx<'_, '_> {
    fn state(&mut self) -> &mut Held {
        &mut self.applied.result
    }

    /// Runs `f` with an index of the working copy (built from the snapshot).
    fn with_index<T>(&mut self, f: impl FnOnce(&Self, &Index) -> T) -> T {
        let files = self.snapshot.take().unwrap_or_else(|| snapshot(&self.applied.result));
        let out = f(self, &Index::build(&files));
        *self.snapshot = Some(files);
        out
    }

    fn locate(&mut self, target: &Target) -> OpResult<Located> {
        self.with_index(|_, index| locate_in(index, target))
    }

    fn free(&mut self, path: &[Segment], span: Span) -> OpResult<()> {
        self.with_index(|_, index| {
            if resolve(index, &target_of(path), Some(Scope { act: 0, unit: None })).is_ok() {
                return Err((ErrorKind::Check(Message::UnitExists { unit: path_text(path) }), span));
            }
            Ok(())
        })
    }

    fn references_to(&mut self, pos: &[usize]) -> Vec<Citing> {
        self.with_index(|cx, index| cx.references_in(index, pos))
    }
}

fn locate_in(index: &Index, target: &Target) -> OpResult<Located> {
    match resolve(index, target, Some(Scope { act: 0, unit: None })) {
        Ok(Resolved::Act(_)) => Ok(Located::Act),
        Ok(Resolved::Unit(n)) => Ok(Located::Unit(positions(index, n))),
        Ok(Resolved::Range(s, e)) => {
            let (start, end) = (positions(index, s), positions(index, e));
            let same_parent = start[..start.len() - 1] == end[..end.len() - 1];
            let last = *end.last().unwrap_or(&0);
            if !same_parent || last < *start.last().unwrap_or(&0) {
                return Err((ErrorKind::WrongTargetKind { operation: "repeal" }, target.span.clone()));
            }
            Ok(Located::Range(start, last))
        }
        Err(message) => Err((ErrorKind::Check(message), target.span.clone())),
    }
}

impl Cx<'_, '_> {
    fn unit(&mut self, target: &Target, operation: &'static str) -> OpResult<Vec<usize>> {
        match self.locate(target)? {
            Located::Unit(pos) => Ok(pos),
            _ => Err((ErrorKind::WrongTargetKind { operation }, target.span.clone())),
        }
    }

    fn live_unit(&mut self, target: &Target, operation: &'static str) -> OpResult<Vec<usize>> {
        let pos = self.unit(target, operation)?;
        if self.applied.result.at(&pos).unit.content.repealed.is_some() {
            let unit = path_text(&self.applied.result.path(&pos));
            return Err((
                ErrorKind::Check(Message::OperationOnRepealed { target: unit }),
                target.span.clone(),
            ));
        }
        Ok(pos)
    }

    fn operation(&mut self, op: &Operation) -> OpResult<Vec<Touched>> {
        // A unit written in some languages only would leave the others empty.
        if let Some(message) =
            crate::index::languages::unwritten(&op.kind, &self.applied.result.meta.languages)
                .into_iter()
                .next()
        {
            return Err((ErrorKind::Check(message), op.span.clone()));
        }
        match &op.kind {
            OperationKind::Replace { target: None, changes } => self.replace_all(changes),
            OperationKind::Replace { target: Some(target), changes }
            | OperationKind::Delete { target, changes } => {
                let pos = self.live_unit(target, "replace")?;
                self.touch(&pos, |cx, pos| {
                    for c in changes {
                        cx.words(pos, c.title, &c.lang, &c.old, c.occurrence, |text, range| {
                            seam(text, range, &c.new)
                        })?;
                    }
                    Ok(())
                })
            }
            OperationKind::Insert { target, insertions } => {
                let pos = self.live_unit(target, "insert")?;
                self.touch(&pos, |cx, pos| {
                    for i in insertions {
                        match &i.position {
                            InsertPosition::Before { anchor, occurrence } => {
                                cx.words(pos, i.title, &i.lang, anchor, *occurrence, |text, r| {
                                    seam(text, r.start..r.start, &i.new)
                                })?
                            }
                            InsertPosition::After { anchor, occurrence } => {
                                cx.words(pos, i.title, &i.lang, anchor, *occurrence, |text, r| {
                                    seam(text, r.end..r.end, &i.new)
                                })?
                            }
                            InsertPosition::Start | InsertPosition::End => cx.at_edge(pos, i)?,
                        }
                    }
                    Ok(())
                })
            }
            OperationKind::Rewrite { target, content } => {
                let pos = self.unit(target, "rewrite")?;
                self.touch(&pos, |cx, pos| {
                    let old = cx.state().at(pos).clone();
                    let unit = Unit {
                        kind: old.unit.kind,
                        number: old.unit.number.clone(),
                        content: content.clone(),
                        span: old.unit.span.clone(),
                    };
                    let node = cx.state().node(unit, Some(&old));
                    let file = cx.file;
                    cx.state().written(&node, file);
                    *cx.state().at_mut(pos) = node;
                    Ok(())
                })
            }
            OperationKind::Add { kind, number, place, target, content } => {
                self.add(*kind, number.as_ref(), *place, target, content, op.span.clone())
            }
            OperationKind::Repeal { target } => self.repeal(target),
            OperationKind::Renumber { target, number, update_references } => {
                self.renumber(target, number, *update_references)
            }
        }
    }

    /// Runs `f` on the unit at `pos` and records its subtree before and after.
    fn touch(
        &mut self,
        pos: &[usize],
        f: impl FnOnce(&mut Self, &[usize]) -> OpResult<()>,
    ) -> OpResult<Vec<Touched>> {
        let before = self.state().at(pos).clone();
        let path = self.state().path(pos);
        f(self, pos)?;
        let after = self.state().at(pos).clone();
        Ok(vec![Touched { id: before.id, path, before: Some(before), after: Some(after) }])
    }

    /// Edits the occurrences of `words` that `occurrence` selects in the
    /// `lang` text (or title) of the unit at `pos`; `edit` gives the range to
    /// replace and the replacement for each.
    #[allow(clippy::too_many_arguments)]
    fn words(
        &mut self,
        pos: &[usize],
        title: bool,
        lang: &str,
        words: &RichText,
        occurrence: Option<Occurrence>,
        edit: impl Fn(&str, std::ops::Range<usize>) -> (std::ops::Range<usize>, RichText),
    ) -> OpResult<()> {
        let unit_name = path_text(&self.applied.result.path(pos));
        let not_found =
            |text: Option<&str>| crate::index::not_found(&words.plain, lang, unit_name.clone(), title, text);
        let node = self.applied.result.at_mut(pos);
        let texts = if title { &mut node.unit.content.titles } else { &mut node.unit.content.texts };
        let Some(text) = texts.iter_mut().find(|t| t.lang == lang) else {
            return Err((ErrorKind::Check(not_found(None)), words.span.clone()));
        };
        let ranges = select(&text.value.plain, &words.plain, occurrence).map_err(|count| {
            let message = if count > 1 {
                Message::AmbiguousWords { words: words.plain.clone(), lang: lang.to_string(), count, title }
            } else {
                not_found(Some(&text.value.plain))
            };
            (ErrorKind::Check(message), words.span.clone())
        })?;
        let mut dropped = Vec::new();
        for range in ranges.into_iter().rev() {
            let (range, new) = edit(&text.value.plain, range);
            let before = text.value.plain.clone();
            dropped.extend(
                splice(&mut text.value, range, &new)
                    .into_iter()
                    .map(|r| (before[r.plain.clone()].to_string(), r)),
            );
        }
        self.drop_refs(&unit_name, lang, dropped);
        Ok(())
    }

    fn drop_refs(&mut self, unit: &str, lang: &str, dropped: Vec<(String, InlineRef)>) {
        for (words, r) in dropped {
            self.applied.dropped.push(DroppedReference {
                unit: unit.to_string(),
                lang: lang.to_string(),
                words,
                target: crate::model::written::target(&r.target),
            });
        }
    }

    fn at_edge(&mut self, pos: &[usize], i: &crate::model::WordInsertion) -> OpResult<()> {
        let unit = path_text(&self.applied.result.path(pos));
        let node = self.applied.result.at_mut(pos);
        let texts = if i.title { &mut node.unit.content.titles } else { &mut node.unit.content.texts };
        let Some(text) = texts.iter_mut().find(|t| t.lang == i.lang) else {
            let message =
                Message::WordsNotFound { words: String::new(), lang: i.lang.clone(), unit, title: i.title };
            return Err((ErrorKind::Check(message), i.span.clone()));
        };
        let at = if i.position == InsertPosition::Start { 0 } else { text.value.plain.len() };
        let (range, new) = seam(&text.value.plain, at..at, &i.new);
        let before = text.value.plain.clone();
        let dropped: Vec<_> = splice(&mut text.value, range, &new)
            .into_iter()
            .map(|r| (before[r.plain.clone()].to_string(), r))
            .collect();
        self.drop_refs(&unit, &i.lang, dropped);
        Ok(())
    }

    fn replace_all(&mut self, changes: &[crate::model::WordChange]) -> OpResult<Vec<Touched>> {
        let mut touched: Vec<Touched> = Vec::new();
        for c in changes {
            if c.occurrence.is_some() {
                return Err((ErrorKind::Check(Message::OccurrenceThroughout), c.span.clone()));
            }
            let state = &self.applied.result;
            let mut all = Vec::new();
            collect_positions(&state.roots, &mut Vec::new(), &mut all);
            let mut found = false;
            for pos in all {
                let fields: Vec<bool> = c
                    .throughout()
                    .iter()
                    .copied()
                    .filter(|&title| {
                        let content = &self.applied.result.at(&pos).unit.content;
                        let texts = if title { &content.titles } else { &content.texts };
                        !c.old.plain.is_empty()
                            && texts.iter().any(|t| t.lang == c.lang && t.value.plain.contains(&c.old.plain))
                    })
                    .collect();
                if fields.is_empty() {
                    continue;
                }
                found = true;
                let path = self.applied.result.path(&pos);
                let before = self.state().at(&pos).clone();
                for title in fields {
                    self.words(&pos, title, &c.lang, &c.old, Some(Occurrence::All), |text, r| {
                        seam(text, r, &c.new)
                    })?;
                }
                let after = self.state().at(&pos).clone();
                match touched.iter_mut().find(|t| t.id == before.id) {
                    Some(t) => t.after = Some(after),
                    None => touched.push(Touched {
                        id: before.id,
                        path,
                        before: Some(before),
                        after: Some(after),
                    }),
                }
            }
            if !found {
                let message = Message::WordsNotFound {
                    words: c.old.plain.clone(),
                    lang: c.lang.clone(),
                    unit: self.applied.result.meta.id.clone(),
                    title: c.title,
                };
                return Err((ErrorKind::Check(message), c.old.span.clone()));
            }
        }
        // Reading order, whatever the order of the changes.
        let order: HashMap<u32, usize> =
            self.applied.result.walk().iter().enumerate().map(|(i, n)| (n.id, i)).collect();
        touched.sort_by_key(|t| order.get(&t.id).copied());
        Ok(touched)
    }

    fn add(
        &mut self,
        kind: UnitKind,
        number: Option<&Number>,
        place: Place,
        target: &Target,
        content: &UnitContent,
        span: Span,
    ) -> OpResult<Vec<Touched>> {
        let (parent, at) = match (place, self.locate(target)?) {
            (Place::To, Located::Act) => (Vec::new(), self.applied.result.roots.len()),
            (Place::To, Located::Unit(pos)) => {
                let len = self.applied.result.at(&pos).children.len();
                (pos, len)
            }
            (Place::After | Place::Before, Located::Unit(mut pos)) => {
                let last = pos.pop().unwrap_or(0);
                (pos, if place == Place::After { last + 1 } else { last })
            }
            _ => return Err((ErrorKind::WrongTargetKind { operation: "add" }, target.span.clone())),
        };
        if !parent.is_empty() && self.applied.result.at(&parent).unit.content.repealed.is_some() {
            let unit = path_text(&self.applied.result.path(&parent));
            return Err((
                ErrorKind::Check(Message::OperationOnRepealed { target: unit }),
                target.span.clone(),
            ));
        }
        let unit = Unit { kind, number: number.cloned(), content: content.clone(), span };
        let mut path = if parent.is_empty() { Vec::new() } else { self.applied.result.path(&parent) };
        if !parent.is_empty() && self.applied.result.at(&parent).unit.kind.is_grouping() {
            path.pop();
        }
        if let Some(n) = number {
            path.push(Segment { kind, number: Some(Number { text: n.text.clone(), span: 0..0 }) });
            self.free(&path, n.span.clone())?;
        } else {
            path.extend(segment(&unit));
        }
        // A part added to a unit whose text is not divided into parts would
        // leave that text without a number: the bill could not say which.
        if kind == UnitKind::Part && !parent.is_empty() {
            let p = self.applied.result.at(&parent);
            if !p.unit.content.texts.is_empty() && !p.children.iter().any(|c| c.unit.kind == UnitKind::Part) {
                let unit = path_text(&self.applied.result.path(&parent));
                return Err((
                    ErrorKind::Check(Message::UndividedText { unit, part: path_text(&path) }),
                    target.span.clone(),
                ));
            }
        }
        let node = self.state().node(unit, None);
        let file = self.file;
        self.state().written(&node, file);
        let id = node.id;
        self.state().siblings_mut(&parent).insert(at, node.clone());
        if let Some(n) = number {
            self.in_order(&parent, at).map_err(|m| (ErrorKind::Check(m), n.span.clone()))?;
        }
        Ok(vec![Touched { id, path, before: None, after: Some(node) }])
    }

    fn repeal(&mut self, target: &Target) -> OpResult<Vec<Touched>> {
        let positions: Vec<Vec<usize>> = match self.locate(target)? {
            Located::Unit(pos) => vec![pos],
            Located::Range(start, last) => {
                let (parent, first) = start.split_at(start.len() - 1);
                (first[0]..=last).map(|p| [parent, &[p]].concat()).collect()
            }
            Located::Act => {
                return Err((ErrorKind::WrongTargetKind { operation: "repeal" }, target.span.clone()));
            }
        };
        let date = self.amendment.in_force;
        let mut touched = Vec::new();
        for pos in positions {
            if self.applied.result.at(&pos).unit.content.repealed.is_some() {
                let unit = path_text(&self.applied.result.path(&pos));
                return Err((
                    ErrorKind::Check(Message::OperationOnRepealed { target: unit }),
                    target.span.clone(),
                ));
            }
            let refs = self.references_to(&pos);
            let path = path_text(&self.applied.result.path(&pos));
            let change = self.applied.changes.len();
            for r in refs {
                self.applied.stale.push(r.stale(&path, None, change));
            }
            let span = target.span.clone();
            touched.extend(self.touch(&pos, |cx, pos| {
                let node = cx.state().at_mut(pos);
                node.children.clear();
                node.unit.content =
                    UnitContent { repealed: Some(Repealed { date, span }), ..UnitContent::default() };
                Ok(())
            })?);
        }
        Ok(touched)
    }

    fn renumber(&mut self, target: &Target, number: &Number, update: bool) -> OpResult<Vec<Touched>> {
        let pos = self.live_unit(target, "renumber")?;
        let old_path = self.applied.result.path(&pos);
        let mut new_path = old_path.clone();
        if let Some(last) = new_path.last_mut() {
            last.number = Some(Number { text: number.text.clone(), span: 0..0 });
        }
        self.free(&new_path, number.span.clone())?;
        let refs = self.references_to(&pos);
        let (old_text, new_text) = (path_text(&old_path), path_text(&new_path));
        let old_number = self.applied.result.at(&pos).unit.number.clone().map(|n| n.text).unwrap_or_default();
        let touched = self.touch(&pos, |cx, pos| {
            cx.state().at_mut(pos).unit.number =
                Some(Number { text: number.text.clone(), span: number.span.clone() });
            Ok(())
        })?;
        let (parent, at) = pos.split_at(pos.len() - 1);
        self.in_order(parent, at[0]).map_err(|m| (ErrorKind::Check(m), number.span.clone()))?;
        // A relative reference below the unit does not name it and stays right.
        let refs =
            refs.into_iter().filter(|r| !matches!(r.edit, Some(RefEdit { segment: Named::Below, .. })));
        let mut unrewritable = Vec::new();
        let change = self.applied.changes.len();
        for mut r in refs {
            match (update, &r.site, r.edit.take()) {
                (true, CitedAt::InAct { unit }, Some(edit)) => {
                    let unit = unit.clone();
                    let r = self.ref_mut(&edit);
                    let seg = match edit.segment {
                        Named::Segment(i) => r.path.get_mut(i).and_then(|s| s.number.as_mut()),
                        Named::RangeEnd => r.range_end.as_mut(),
                        Named::Below => None,
                    };
                    if let Some(n) = seg.filter(|n| n.text == old_number) {
                        n.text = number.text.clone();
                    }
                    if let Some(words) = self.display_words(&edit, &unit, &old_number, &number.text) {
                        unrewritable.push(format!("{} {unit} «{words}»", self.applied.result.meta.id));
                    }
                }
                _ => self.applied.stale.push(r.stale(&old_text, Some(new_text.clone()), change)),
            }
        }
        if !unrewritable.is_empty() {
            let message =
                Message::UnrewritableCitations { unit: old_text, to: new_text, places: unrewritable };
            return Err((ErrorKind::Check(message), target.span.clone()));
        }
        self.applied.renumbered.push((old_text, new_text));
        Ok(touched)
    }

    /// The numbered unit at `at` among the children of `parent` keeps the
    /// numbers of its kind going up (numbers compared as `zan check` does).
    fn in_order(&self, parent: &[usize], at: usize) -> Result<(), Message> {
        let state = &self.applied.result;
        let siblings = if parent.is_empty() { &state.roots } else { &state.at(parent).children };
        let me = &siblings[at].unit;
        let Some(mine) = me.number.as_ref().and_then(|n| crate::index::numbers::key(&n.text)) else {
            return Ok(());
        };
        let keyed = |n: &Tracked| {
            let k = crate::index::numbers::key(&n.unit.number.as_ref()?.text)?;
            (n.unit.kind == me.kind).then_some(k)
        };
        let name = |i: usize| {
            let mut pos = parent.to_vec();
            pos.push(i);
            path_text(&state.path(&pos))
        };
        let unit = name(at);
        if let Some((i, k)) = siblings[..at].iter().enumerate().rev().find_map(|(i, n)| Some((i, keyed(n)?)))
            && k >= mine
        {
            return Err(Message::AmendedOrder { unit, neighbour: name(i), before: false });
        }
        if let Some((i, k)) = siblings.iter().enumerate().skip(at + 1).find_map(|(i, n)| Some((i, keyed(n)?)))
            && k <= mine
        {
            return Err(Message::AmendedOrder { unit, neighbour: name(i), before: true });
        }
        Ok(())
    }
}

fn collect_positions(nodes: &[Tracked], prefix: &mut Vec<usize>, out: &mut Vec<Vec<usize>>) {
    for (i, n) in nodes.iter().enumerate() {
        prefix.push(i);
        out.push(prefix.clone());
        collect_positions(&n.children, prefix, out);
        prefix.pop();
    }
}
