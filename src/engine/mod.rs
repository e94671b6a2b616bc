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

mod consolidate;
mod error;
mod held;
mod operations;
mod references;
mod words;

use std::borrow::Borrow;
use std::collections::HashMap;
use std::sync::Arc;

pub use consolidate::consolidate;
pub use error::{EngineError, ErrorKind};
use held::segment;
pub use held::{Held, Tracked};
pub use references::{CitedAt, DroppedReference, Reworded, StaleReference};
use references::{Citing, Named, RefEdit, remaining};
pub use words::{closing, opening, rewrite_display, seam, select, splice};

use crate::diag::Message;
use crate::index::{Index, Resolved, Scope, resolve};
use crate::model::{
    Act, Amendment, Date, File, InlineRef, InsertPosition, Number, Occurrence, Operation, OperationKind,
    Place, Repealed, RichText, Segment, Span, Status, Target, Unit, UnitContent, UnitKind,
};

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
    /// The display words renumberings rewrote, unit by unit, as the
    /// replacements a bill itemises and a table shows.
    pub consequential: Vec<Consequential>,
    /// Operations left out because they do not apply ([`apply_leaving_out`]),
    /// each also in `changes` with nothing touched, where it stands.
    pub failed: Vec<Failed>,
}

/// A consequential change: the display words a renumbering with
/// `update-references` rewrote in one unit, written as the `replace` a
/// drafter would write (with the renumbering's justification), and what
/// it did to the unit.
#[derive(Debug, Clone, PartialEq)]
pub struct Consequential {
    pub operation: Operation,
    pub change: Change,
}

/// The consequential changes of `reworded`: one per citing unit and
/// renumbering, in the order the words were rewritten.
fn consequential(applied: &Applied) -> Vec<Consequential> {
    let mut out: Vec<Consequential> = Vec::new();
    for r in &applied.reworded {
        let Some(renumbering) = applied.changes.get(r.change) else { continue };
        let (_, amendment) = applied.amendments[renumbering.amendment];
        let words = |plain: &str| RichText {
            plain: plain.to_string(),
            refs: Vec::new(),
            pieces: Vec::new(),
            span: 0..0,
        };
        let change = crate::model::WordChange {
            title: r.title,
            lang: r.lang.clone(),
            old: words(&r.old),
            new: words(&r.new),
            occurrence: None,
            span: 0..0,
        };
        let same =
            |c: &Consequential| c.change.operation == renumbering.operation && c.change.touched[0].id == r.id;
        match out.iter_mut().find(|c| same(c)) {
            Some(c) => {
                c.change.touched[0].after = Some((*r.after).clone());
                if let OperationKind::Replace { changes, .. } = &mut c.operation.kind {
                    match changes.iter_mut().find(|w| {
                        w.lang == change.lang
                            && w.title == change.title
                            && w.old == change.old
                            && w.new == change.new
                    }) {
                        Some(w) => w.occurrence = Some(Occurrence::All),
                        None => changes.push(change),
                    }
                }
            }
            None => {
                let renumber = &amendment.operations[renumbering.operation];
                let operation = Operation {
                    kind: OperationKind::Replace { target: Some(target_of(&r.path)), changes: vec![change] },
                    justifications: renumber.justifications.clone(),
                    comparisons: Vec::new(),
                    span: renumber.span.clone(),
                };
                let touched = Touched {
                    id: r.id,
                    path: r.path.clone(),
                    before: Some((*r.before).clone()),
                    after: Some((*r.after).clone()),
                };
                let change = Change {
                    amendment: renumbering.amendment,
                    operation: renumbering.operation,
                    touched: vec![touched],
                };
                out.push(Consequential { operation, change });
            }
        }
    }
    out
}

/// An operation of the amendment that does not apply, and why.
#[derive(Debug, Clone, PartialEq)]
pub struct Failed {
    pub operation: usize,
    pub error: EngineError,
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

/// The `bill` block of that id, and its file.
pub fn find_bill<'m, F: Borrow<File>>(files: &'m [F], id: &str) -> Option<(usize, &'m crate::model::Bill)> {
    files
        .iter()
        .map(Borrow::borrow)
        .enumerate()
        .find_map(|(f, file)| file.bills.iter().find(|b| b.id == id).map(|b| (f, b)))
}

/// Applies one amendment to the act version it targets.
pub fn apply_amendment<'m, F: Borrow<File>>(files: &'m [F], id: &str) -> Result<Applied<'m>, EngineError> {
    let Some((file, amendment)) = find_amendment(files, id) else {
        return Err(EngineError { kind: ErrorKind::NoSuchId { id: id.to_string() }, at: None });
    };
    let index = Index::build(files);
    apply_with(&models(files), &index, file, amendment)
}

/// Applies amendment `id` as far as it applies, for a view that shows a
/// drafter every operation that works and marks the ones that do not: the
/// operations in `known` (refused by `zan check`) and every other operation
/// the engine refuses are left out, the act as it was before them, and
/// listed in `Applied::failed`. Commands never do this: they refuse.
pub fn apply_leaving_out<'m, F: Borrow<File>>(
    files: &'m [F],
    id: &str,
    known: Vec<Failed>,
) -> Result<Applied<'m>, EngineError> {
    let Some((file, amendment)) = find_amendment(files, id) else {
        return Err(EngineError { kind: ErrorKind::NoSuchId { id: id.to_string() }, at: None });
    };
    let index = Index::build(files);
    let state = base_state(&models(files), &index, file, amendment)?;
    run_from(&models(files), &index, state, None, vec![(file, amendment)], Some(known))
}

/// Applies `amendment`, of `files[file]`, with `index` built from `files`.
pub fn apply_with<'m>(
    files: &[&'m File],
    index: &Index<'m>,
    file: usize,
    amendment: &'m Amendment,
) -> Result<Applied<'m>, EngineError> {
    apply_shared(files, index, &mut Bases::default(), file, amendment)
}

/// `apply_with`, the base state taken from `bases` (made there the first
/// time): what `zan check` does for every amendment of a workspace, so that
/// the amendments of one act share its base instead of each copying it.
pub fn apply_shared<'m>(
    files: &[&'m File],
    index: &Index<'m>,
    bases: &mut Bases,
    file: usize,
    amendment: &'m Amendment,
) -> Result<Applied<'m>, EngineError> {
    let snapshot = bases.get(files, index, file, amendment)?;
    let state = snapshot.borrow_owner().clone();
    run_from(files, index, state, Some(snapshot), vec![(file, amendment)], None)
}

/// The base states of amendments (the act version each targets, or the act
/// as of a date), each with its index, made once and shared by every
/// amendment with the same base. Valid for one set of files and its index.
#[derive(Default)]
pub struct Bases {
    made: HashMap<(String, Option<Date>, Option<Date>), Arc<Snapshot>>,
}

impl Bases {
    fn get(
        &mut self,
        files: &[&File],
        index: &Index,
        file: usize,
        a: &Amendment,
    ) -> Result<Arc<Snapshot>, EngineError> {
        let key = (a.act.clone().unwrap_or_default(), a.base_version, a.as_of);
        if let Some(made) = self.made.get(&key) {
            return Ok(made.clone());
        }
        let state = base_state(files, index, file, a)?;
        let made = Arc::new(Snapshot::new(state, |held| held.index()));
        self.made.insert(key, made.clone());
        Ok(made)
    }
}

/// What an amendment amends: the act version it targets, or with `as-of`
/// the act as its adopted amendments in force by that date leave it (so a
/// later amendment can change what an earlier one added).
fn base_state(files: &[&File], index: &Index, file: usize, a: &Amendment) -> Result<Held, EngineError> {
    let Some(act) = &a.act else {
        let kind = ErrorKind::NoTarget { amendment: a.id.clone() };
        return Err(EngineError::new(kind, file, a.id_span.clone()));
    };
    let at_target = |kind| EngineError::new(kind, file, a.target_span.clone());
    if let Some(date) = a.as_of {
        return consolidate(files, act, Some(date), Include::Adopted)
            .map(|applied| applied.result)
            .map_err(|e| if e.at.is_none() { at_target(e.kind) } else { e });
    }
    let base = index.base(act, a.base_version).map_err(|message| at_target(ErrorKind::Check(message)))?;
    Ok(Held::from_index(index, base))
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
    run_from(files, workspace, state, None, amendments, None)
}

/// `run`, from `state` and, when given, its `snapshot`; with `leaving_out`,
/// failing operations are left out (see [`apply_leaving_out`]) instead of
/// stopping it.
fn run_from<'m>(
    files: &[&'m File],
    workspace: &Index<'m>,
    state: Held,
    mut snapshot: Option<Arc<Snapshot>>,
    amendments: Vec<(usize, &'m Amendment)>,
    mut leaving_out: Option<Vec<Failed>>,
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
        consequential: Vec::new(),
        failed: Vec::new(),
    };
    for (a, &(file, amendment)) in amendments.iter().enumerate() {
        for (o, op) in amendment.operations.iter().enumerate() {
            if let Some(known) = &mut leaving_out
                && let Some(k) = known.iter().position(|f| f.operation == o)
            {
                applied.failed.push(known.remove(k));
                applied.changes.push(Change { amendment: a, operation: o, touched: Vec::new() });
                continue;
            }
            // What a failing operation may have half done is undone with this.
            let before = leaving_out.is_some().then(|| {
                let a = &applied;
                (a.result.clone(), a.renumbered.len(), a.stale.len(), a.dropped.len(), a.reworded.len())
            });
            let refs = applied.dropped.len();
            let mut cx =
                Cx { files, workspace, file, amendment, applied: &mut applied, snapshot: &mut snapshot };
            let touched = match cx.operation(op) {
                Ok(touched) => touched,
                Err((kind, span)) => {
                    let error = EngineError::new(kind, file, span);
                    let Some((result, renumbered, stale, dropped, reworded)) = before else {
                        return Err(error);
                    };
                    applied.result = result;
                    applied.renumbered.truncate(renumbered);
                    applied.stale.truncate(stale);
                    applied.dropped.truncate(dropped);
                    applied.reworded.truncate(reworded);
                    applied.failed.push(Failed { operation: o, error });
                    applied.changes.push(Change { amendment: a, operation: o, touched: Vec::new() });
                    snapshot = None;
                    continue;
                }
            };
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
    applied.consequential = consequential(&applied);
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
    snapshot: &'a mut Option<Arc<Snapshot>>,
}

self_cell::self_cell!(
    /// A copy of the working copy (which shares its units) and its index:
    /// kept while operations leave units and references where they are, so
    /// that word operations and the several lookups of one operation build
    /// no index; a base's is shared by every amendment of it ([`Bases`]).
    pub struct Snapshot {
        owner: Held,
        #[covariant]
        dependent: Index,
    }
);

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

/// The positions of an index node in the working copy the index was built from.
fn positions(index: &Index, node: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut at = node;
    loop {
        let parent = index.nodes[at].parent;
        out.push(index.nodes[at].rank);
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
        let kept = self.snapshot.take();
        let snap =
            kept.unwrap_or_else(|| Arc::new(Snapshot::new(self.applied.result.clone(), |held| held.index())));
        let out = f(self, snap.borrow_dependent());
        *self.snapshot = Some(snap);
        out
    }

    fn locate(&mut self, target: &Target) -> OpResult<Located> {
        self.with_index(|_, index| locate_in(index, target))
    }

    fn free(&mut self, path: &[Segment], span: Span) -> OpResult<()> {
        self.with_index(|_, index| {
            if resolve(index, &target_of(path), Some(Scope { act: 0, unit: None })).is_ok() {
                return Err((
                    ErrorKind::Check(Message::UnitExists { unit: crate::model::written::path(path) }),
                    span,
                ));
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
