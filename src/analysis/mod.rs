//! Workspace analysis: resolution of every reference, comparative link and
//! amendment target, and the checks that need more than one file.

mod amend;
mod bills;
pub use bills::check as check_bills;
mod checked;
pub mod comparisons;
mod frozen;
mod justify;
mod lints;
mod order;
mod quoted;

pub use crate::diag::FileDiagnostic;
pub use crate::index::languages::unwritten;
pub use crate::index::numbers::key as number_key;
pub use crate::index::{Index, Location, Resolved, Scope, distance, not_found, resolve};
pub(crate) use amend::{Path as UnitPath, creates, new_wording_parent, segments};
pub use checked::{Refusal, apply_checked, apply_for_view};
pub use frozen::Frozen;
pub use lints::{LintCache, PlainLints};
use lints::{Lintable, lint_all, lint_batches};

use crate::diag::{Diagnostic, Message};
use std::borrow::Borrow;
use std::collections::{HashMap, HashSet};
use std::sync::Mutex;

use crate::model::{File, Target, Unit, UnitContent};

/// Every diagnostic of the workspace: those of each file, then the
/// workspace checks, sorted by file and position.
pub fn analyze<F: Borrow<File>>(files: &[F]) -> Vec<FileDiagnostic> {
    run(files, &Plan::default(), &never).unwrap_or_default()
}

/// What an analysis covers, and what it may reuse: the one way to ask for
/// less than [`analyze`] does. Whatever the plan, a finding it reports is
/// exactly the one [`analyze`] reports (tests in `ide::affected` hold every
/// plan to that).
#[derive(Clone, Default)]
pub struct Plan<'a> {
    /// Only what reports on this file. Its units alone are checked and its
    /// texts alone linted, unless it has amendments: their checks need every
    /// reference of the workspace (who cites a repealed unit) and every other
    /// amendment (conflicts), so then every check runs and only the lints are
    /// restricted to the file.
    pub only: Option<usize>,
    /// With `only` and a kept index: only these of the file's units
    /// (counted from its first), and nothing about its acts as a whole.
    pub units: Option<std::ops::Range<usize>>,
    /// Lints of strings already seen.
    pub cache: Option<&'a LintCache>,
    /// Where the index comes from.
    pub index: Source<'a>,
    /// Without the files' own model diagnostics, and unsorted: the checks
    /// alone ([`with_model`] adds the rest).
    pub checks_only: bool,
}

/// The index an analysis resolves in.
#[derive(Clone, Copy, Default)]
pub enum Source<'a> {
    /// Built from every file.
    #[default]
    Build,
    /// Built from the acts `Foreign::local` names, the others found in an
    /// index built earlier (a file without amendments).
    Foreign(Foreign<'a>),
    /// Kept from before an edit that left the files' structure alone.
    Kept(Kept<'a>),
}

/// An analysis as `plan` says, given up (`None`) as soon as `stop` says so,
/// which it is asked now and then.
pub fn run<F: Borrow<File>>(
    files: &[F],
    plan: &Plan,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<FileDiagnostic>> {
    if let (Some(o), Source::Foreign(_) | Source::Kept(_)) = (plan.only, plan.index) {
        // Amendment checks need the whole index, and who cites what.
        assert!(files[o].borrow().amendments.is_empty(), "amendment checks need the whole index");
    }
    let checks = checks(files, plan, stop);
    if stop() {
        return None;
    }
    if plan.checks_only {
        return Some(checks);
    }
    let mine = |file: usize| plan.only.is_none_or(|o| o == file);
    let mut out: Vec<FileDiagnostic> = files
        .iter()
        .map(Borrow::borrow)
        .enumerate()
        .filter(|&(file, _)| mine(file))
        .flat_map(|(file, f)| {
            f.diagnostics.iter().map(move |d| FileDiagnostic { file, diagnostic: d.clone() })
        })
        .collect();
    out.extend(checks);
    Some(finish(out))
}

fn never() -> bool {
    false
}

/// Acts a file cites but does not define, resolved in an index built
/// earlier: exact while no file that defines them has changed.
#[derive(Clone, Copy)]
pub struct Foreign<'a> {
    pub index: &'a Index<'a>,
    /// The ids resolved in the fresh index instead: every act id the file
    /// defines, and those it defined when `index` was built.
    pub local: &'a HashSet<&'a str>,
}

/// An index of the whole workspace built before an edit that left one
/// file's structure alone ([`same_structure`]), with that file's units as
/// they are now, in the order the index holds them: resolution, numbering
/// and duplicates depend only on the structure, which is unchanged; texts,
/// references and spans are read from `units`. No index is built.
#[derive(Clone, Copy)]
pub struct Kept<'a> {
    pub index: &'a Index<'a>,
    pub units: &'a [&'a Unit],
}

/// `checks` of `files[file]` with the file's own model diagnostics, in the
/// order [`analyze`] gives them.
pub fn with_model<F: Borrow<File>>(
    files: &[F],
    file: usize,
    checks: Vec<FileDiagnostic>,
) -> Vec<FileDiagnostic> {
    let model = &files[file].borrow().diagnostics;
    let mut out: Vec<_> = model.iter().map(|d| FileDiagnostic { file, diagnostic: d.clone() }).collect();
    out.extend(checks);
    finish(out)
}

/// Sorted by file, position and code; a finding made twice is kept once.
fn finish(mut out: Vec<FileDiagnostic>) -> Vec<FileDiagnostic> {
    out.sort_by(|a, b| {
        (a.file, a.diagnostic.range.start, a.diagnostic.code()).cmp(&(
            b.file,
            b.diagnostic.range.start,
            b.diagnostic.code(),
        ))
    });
    out.dedup();
    out
}

/// Whether two models of a file have the same acts (ids, versions, headers
/// and act-level comparisons, spans included) and the same units (kinds,
/// numbers, nesting and repeal), and no amendments: then an index built from
/// one resolves, numbers and reports exactly as one built from the other.
pub fn same_structure(a: &File, b: &File) -> bool {
    fn units(a: &[Unit], b: &[Unit]) -> bool {
        a.len() == b.len()
            && a.iter().zip(b).all(|(x, y)| {
                x.kind == y.kind
                    && x.number.as_ref().map(|n| &n.text) == y.number.as_ref().map(|n| &n.text)
                    && x.content.repealed.is_some() == y.content.repealed.is_some()
                    && units(&x.content.children, &y.content.children)
            })
    }
    a.amendments.is_empty()
        && b.amendments.is_empty()
        && a.acts.len() == b.acts.len()
        && a.acts.iter().zip(&b.acts).all(|(x, y)| {
            x.id == y.id
                && x.id_span == y.id_span
                && x.version == y.version
                && x.jurisdiction == y.jurisdiction
                && x.languages == y.languages
                && x.source.is_some() == y.source.is_some()
                && x.titles.is_empty() == y.titles.is_empty()
                && x.comparisons == y.comparisons
                && units(&x.units, &y.units)
        })
}

/// A file's units in the order an index adds them: acts in order, each
/// unit before its children.
pub fn preorder(file: &File) -> Vec<&Unit> {
    fn walk<'m>(units: &'m [Unit], out: &mut Vec<&'m Unit>) {
        for u in units {
            out.push(u);
            walk(&u.content.children, out);
        }
    }
    let mut out = Vec::new();
    for act in &file.acts {
        walk(&act.units, &mut out);
    }
    out
}

/// The findings of the analysis proper, unsorted: those of `only` when
/// given, and with `units` (own units, counted from the file's first) only
/// those of these units.
fn checks<F: Borrow<File>>(
    files: &[F],
    plan: &Plan,
    stop: &(dyn Fn() -> bool + Sync),
) -> Vec<FileDiagnostic> {
    let (only, cache, units) = (plan.only, plan.cache, plan.units.clone());
    let kept = match plan.index {
        Source::Kept(k) => Some(k),
        _ => None,
    };
    let foreign = match plan.index {
        Source::Foreign(f) => Some(f),
        _ => None,
    };
    let built;
    let index = match plan.index {
        Source::Kept(k) => k.index,
        Source::Foreign(f) => {
            built = Index::build_only(files, |id| f.local.contains(id));
            &built
        }
        Source::Build => {
            built = Index::build(files);
            &built
        }
    };
    let mine = |file: usize| only.is_none_or(|o| o == file);
    let mut out = Vec::new();
    // Amendment checks report on the amendment's file only.
    let amendments = only.is_none_or(|o| !files[o].borrow().amendments.is_empty());
    let own = match only {
        Some(o) if !amendments => {
            let first = index.nodes.partition_point(|n| n.file < o);
            Some(match &units {
                Some(u) => first + u.start..first + u.end,
                None => first..index.nodes.partition_point(|n| n.file <= o),
            })
        }
        _ => None,
    };
    // Over the whole workspace without a cache, the lints (each depends on
    // one string) run on every core while this thread resolves, fed in
    // batches as the walk finds the strings.
    let stream = only.is_none() && cache.is_none();
    let (send, receive) = std::sync::mpsc::channel::<(usize, Vec<Lintable>)>();
    let receive = Mutex::new(receive);
    let linted = std::thread::scope(|scope| {
        let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
        let workers: Vec<_> =
            (0..if stream { threads } else { 0 }).map(|_| scope.spawn(|| lint_batches(&receive))).collect();
        let mut cx = Cx {
            index,
            out: &mut out,
            cited_by: HashMap::new(),
            texts: Vec::new(),
            current: kept
                .zip(own.clone())
                .map(|(k, own)| (own.start - units.as_ref().map_or(0, |u| u.start), k.units)),
            whole_acts: units.is_none(),
            stop,
            own,
            foreign,
            lints: stream.then_some(send),
            batches: 0,
        };
        cx.acts(only);
        if amendments {
            cx.amendments(files);
        }
        cx.flush();
        let mut texts = std::mem::take(&mut cx.texts);
        drop(cx);
        if stream {
            let mut batches: Vec<_> =
                workers.into_iter().flat_map(|w| w.join().expect("lints never panic")).collect();
            // In the order the walk found the strings, whichever worker took them.
            batches.sort_by_key(|(number, _)| *number);
            return batches.into_iter().flat_map(|(_, out)| out).collect();
        }
        if only.is_some() {
            out.retain(|d| mine(d.file));
            texts.retain(|&(file, _, _)| mine(file));
        }
        lint_all(&texts, cache)
    });
    out.extend(linted);
    // Bills name amendments only; nothing about them when only units are checked.
    if units.is_none() {
        out.extend(bills::check(files).into_iter().filter(|d| mine(d.file)));
    }
    out
}

struct Cx<'a, 'm> {
    index: &'a Index<'m>,
    out: &'a mut Vec<FileDiagnostic>,
    /// Who cites each unit: the citing act and unit (`None`: the act itself).
    cited_by: HashMap<usize, Vec<Citer>>,
    /// The strings to lint: linted together (and in parallel) at the end,
    /// or sent to the lint workers in batches while the walk goes on.
    texts: Vec<Lintable<'m>>,
    lints: Option<std::sync::mpsc::Sender<(usize, Vec<Lintable<'m>>)>>,
    /// Batches sent so far.
    batches: usize,
    /// When set, only these units (one file's, which has no amendments) are
    /// checked: nothing else reports on that file.
    own: Option<std::ops::Range<usize>>,
    /// Where acts that `index` leaves out are found (with `own` only).
    foreign: Option<Foreign<'a>>,
    /// The own units as they are now, from the first own node on, when
    /// `index` was built before an edit that kept the structure.
    current: Option<(usize, &'a [&'m Unit])>,
    /// Whether the checks of whole acts run (not when only some units are checked).
    whole_acts: bool,
    /// Asked now and then: when it says so, the walk ends early.
    stop: &'a (dyn Fn() -> bool + Sync),
}

/// A place that cites a unit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Citer {
    act: usize,
    node: Option<usize>,
}

impl<'m> Cx<'_, 'm> {
    /// Node `n`'s unit as it is now.
    fn unit(&self, n: usize) -> &'m Unit {
        match self.current {
            Some((start, units)) if (start..start + units.len()).contains(&n) => units[n - start],
            _ => self.index.nodes[n].unit,
        }
    }

    fn push(&mut self, file: usize, message: Message, range: std::ops::Range<usize>) {
        self.out.push(FileDiagnostic { file, diagnostic: Diagnostic::new(message, range) });
    }

    /// Checks a reference or comparative link written at `scope` and records
    /// who it cites.
    fn cite(&mut self, file: usize, target: &Target, scope: Scope) {
        if let Some(f) = self.foreign
            && target.act.as_deref().is_some_and(|id| !f.local.contains(id))
        {
            // Another act: the scope only picks the citing act's own version,
            // which this is not. Who cites what is not needed (no amendments).
            match resolve(f.index, target, None) {
                Ok(Resolved::Unit(n)) if f.index.nodes[n].unit.content.repealed.is_some() => {
                    let path = f.index.path(n);
                    self.push(file, Message::RepealedTarget { target: path }, target.span.clone());
                }
                Ok(_) => {}
                Err(message) => self.push(file, message, target.span.clone()),
            }
            return;
        }
        let Some(r) = self.target(file, target, Some(scope)) else { return };
        if let Resolved::Unit(n) = r
            && self.index.nodes[n].unit.content.repealed.is_some()
        {
            let path = self.index.path(n);
            self.push(file, Message::RepealedTarget { target: path }, target.span.clone());
        }
        let citer = Citer { act: scope.act, node: scope.unit };
        let cited = match r {
            Resolved::Act(_) => Vec::new(),
            Resolved::Unit(n) => vec![n],
            Resolved::Range(a, b) => self.index.range(a, b),
        };
        for n in cited {
            self.cited_by.entry(n).or_default().push(citer);
        }
    }

    /// Resolves a target, reporting why when it cannot.
    fn target(&mut self, file: usize, target: &Target, scope: Option<Scope>) -> Option<Resolved> {
        match resolve(self.index, target, scope) {
            Ok(r) => Some(r),
            Err(message) => {
                self.push(file, message, target.span.clone());
                None
            }
        }
    }

    /// Checks of act versions; with `self.own`, of the units of one file only
    /// (`only`), in the same order.
    fn acts(&mut self, only: Option<usize>) {
        let index = self.index;
        let partial = self.own.is_some();
        let nodes = self.own.clone().unwrap_or(0..index.nodes.len());
        // Each act's nodes, in one pass (not one pass per act).
        let mut of_act: Vec<Vec<usize>> = vec![Vec::new(); index.acts.len()];
        for n in nodes {
            of_act[index.nodes[n].act].push(n);
        }
        for (a, act) in index.acts.iter().enumerate() {
            if partial && act.parts.iter().all(|&(file, _)| Some(file) != only) {
                continue;
            }
            let languages = &act.meta().languages;
            // An act that says which jurisdiction it belongs to is real law and
            // must say where it is published.
            let declared = act.parts.iter().any(|(_, block)| block.jurisdiction.is_some());
            if self.whole_acts && declared && act.parts.iter().all(|(_, block)| block.source.is_none()) {
                let (file, block) = act.parts[0];
                self.push(file, Message::MissingSource { act: act.id.clone() }, block.id_span.clone());
            }
            for &(file, block) in &act.parts {
                if !self.whole_acts || partial && Some(file) != only {
                    continue;
                }
                for c in &block.comparisons {
                    self.cite(file, &c.target, Scope { act: a, unit: None });
                }
            }
            for &n in &of_act[a] {
                if n % 4096 == 0 && (self.stop)() {
                    return;
                }
                let node = &index.nodes[n];
                let scope = Scope { act: a, unit: Some(n) };
                let content = &self.unit(n).content;
                for text in content.titles.iter().chain(&content.texts) {
                    for r in &text.value.refs {
                        self.cite(node.file, &r.target, scope);
                    }
                    self.lint_later(node.file, &text.value, &text.lang);
                }
                for c in &content.comparisons {
                    self.cite(node.file, &c.target, scope);
                }
                self.languages(node.file, content, languages);
                self.duplicates(n);
                self.numbering(n);
            }
        }
    }
}

impl Cx<'_, '_> {
    /// A unit that has text (or a title) in one language has it in every
    /// language of the act.
    fn languages(&mut self, file: usize, content: &UnitContent, languages: &[String]) {
        if content.repealed.is_some() {
            return;
        }
        for texts in [&content.titles, &content.texts] {
            for lang in crate::index::languages::lacking(texts, languages) {
                self.push(file, Message::MissingLanguage { lang: lang.clone() }, texts[0].span.clone());
            }
        }
    }

    fn duplicates(&mut self, n: usize) {
        let index = self.index;
        let node = &index.nodes[n];
        let Some(number) = &self.unit(n).number else { return };
        // The first sibling of that kind and number (siblings are in node order).
        let first = index.namesakes(n).iter().find(|&&s| index.nodes[s].parent == node.parent);
        if first.is_some_and(|&f| f != n) {
            self.push(node.file, Message::DuplicateUnit { unit: index.path(n) }, number.span.clone());
        }
    }
}
