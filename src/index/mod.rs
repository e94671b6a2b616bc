//! The workspace index: every act version with its units merged across files,
//! in a flat arena so that parents, children and locations are cheap to walk;
//! what a target resolves to (`resolve`), and what can be asked of the model
//! without checking it: the order of unit numbers (`numbers`), the languages
//! a text lacks (`languages`), the closest words for «did you mean»
//! (`closest`). Both the analysis and the engine stand on it.

mod closest;
pub mod languages;
pub mod numbers;
mod resolve;

pub use closest::not_found;
pub use resolve::{Resolved, Scope, distance, resolve};

use std::borrow::Borrow;
use std::collections::HashMap;
use std::collections::hash_map::Entry;

use crate::model::{Act, Date, File, Span, Unit, UnitKind};

/// Where something is: a file of the workspace and a byte range in it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Location {
    pub file: usize,
    pub span: Span,
}

/// One unit of an act version.
#[derive(Debug)]
pub struct IndexedUnit<'m> {
    pub unit: &'m Unit,
    pub file: usize,
    pub parent: Option<usize>,
    pub children: Vec<usize>,
    /// Its place among its parent's children (or the act's top-level units).
    pub rank: usize,
    /// The act version this unit belongs to.
    pub act: usize,
    /// The nearest ancestor that is not a grouping (`None`: the act itself):
    /// the unit a target finds it from.
    pub scope: Option<usize>,
}

/// Units by where targets find them: act, scope, kind and number.
type Key<'m> = (usize, Option<usize>, UnitKind, Option<&'m str>);

/// One version of an act, possibly spread over several files.
#[derive(Debug)]
pub struct ActVersion<'m> {
    pub id: String,
    pub version: Option<Date>,
    /// Every `act` block of this id and version, with its file.
    pub parts: Vec<(usize, &'m Act)>,
    /// Top-level units, in file order.
    pub roots: Vec<usize>,
}

impl ActVersion<'_> {
    /// The block that carries the metadata (the first with any).
    pub fn meta(&self) -> &Act {
        self.parts
            .iter()
            .map(|(_, a)| *a)
            .find(|a| a.jurisdiction.is_some() || !a.languages.is_empty() || !a.titles.is_empty())
            .unwrap_or(self.parts[0].1)
    }
}

#[derive(Debug, Default)]
pub struct Index<'m> {
    pub acts: Vec<ActVersion<'m>>,
    pub nodes: Vec<IndexedUnit<'m>>,
    // foldhash: SipHash over these keys was a third of building the index.
    by_id: HashMap<String, Vec<usize>, foldhash::fast::RandomState>,
    by_number: HashMap<Key<'m>, Found, foldhash::fast::RandomState>,
    /// Nodes whose texts or links name an act, by its id: made on first use.
    citing: std::sync::OnceLock<HashMap<String, Vec<usize>, foldhash::fast::RandomState>>,
}

/// The units under one key: nearly always one, kept without allocating.
#[derive(Debug)]
enum Found {
    One(usize),
    Many(Vec<usize>),
}

impl Found {
    fn push(&mut self, n: usize) {
        match self {
            Found::One(first) => *self = Found::Many(vec![*first, n]),
            Found::Many(v) => v.push(n),
        }
    }

    fn as_slice(&self) -> &[usize] {
        match self {
            Found::One(n) => std::slice::from_ref(n),
            Found::Many(v) => v,
        }
    }
}

impl<'m> Index<'m> {
    /// Over models or anything that holds one (`Arc<File>` in the server).
    pub fn build<F: Borrow<File>>(files: &'m [F]) -> Index<'m> {
        Index::build_only(files, |_| true)
    }

    /// The index of the acts whose id `keep` accepts: every version and
    /// block of those, numbered in the same relative order as in the whole.
    pub fn build_only<F: Borrow<File>>(files: &'m [F], keep: impl Fn(&str) -> bool) -> Index<'m> {
        let mut index = Index::default();
        // Sized up front: growing the map rehashes every key.
        let units: usize = files
            .iter()
            .flat_map(|f| f.borrow().acts.iter().filter(|a| keep(&a.id)))
            .map(|a| a.units.iter().map(count).sum::<usize>())
            .sum();
        index.nodes.reserve(units);
        index.by_number.reserve(units);
        for (file_no, file) in files.iter().map(Borrow::borrow).enumerate() {
            for act in file.acts.iter().filter(|a| keep(&a.id)) {
                let at = index.act_slot(&act.id, act.version);
                index.acts[at].parts.push((file_no, act));
                for unit in &act.units {
                    let rank = index.acts[at].roots.len();
                    let node = index.add(unit, file_no, None, rank, at);
                    index.acts[at].roots.push(node);
                }
            }
        }
        index
    }

    /// The index of one act whose units are held as another tree (the
    /// engine's working copy, which shares its units between copies):
    /// `parts` gives a node's unit, whose own children are not read, and
    /// its children. The nodes are those `build` makes of the act written
    /// out as a file (file 0, act 0), so targets resolve alike.
    pub fn of_tree<T>(act: &'m Act, roots: &'m [T], parts: fn(&'m T) -> (&'m Unit, &'m [T])) -> Index<'m> {
        fn count<'m, T>(node: &'m T, parts: fn(&'m T) -> (&'m Unit, &'m [T])) -> usize {
            1 + parts(node).1.iter().map(|c| count(c, parts)).sum::<usize>()
        }
        let mut index = Index::default();
        let units = roots.iter().map(|r| count(r, parts)).sum();
        index.nodes.reserve(units);
        index.by_number.reserve(units);
        let at = index.act_slot(&act.id, act.version);
        index.acts[at].parts.push((0, act));
        for root in roots {
            let rank = index.acts[at].roots.len();
            let node = index.add_tree(root, parts, None, rank, at);
            index.acts[at].roots.push(node);
        }
        index
    }

    fn act_slot(&mut self, id: &str, version: Option<Date>) -> usize {
        let versions = self.by_id.entry(id.to_string()).or_default();
        if let Some(&at) = versions.iter().find(|&&i| self.acts[i].version == version) {
            return at;
        }
        self.acts.push(ActVersion { id: id.to_string(), version, parts: Vec::new(), roots: Vec::new() });
        versions.push(self.acts.len() - 1);
        self.acts.len() - 1
    }

    fn add(&mut self, unit: &'m Unit, file: usize, parent: Option<usize>, rank: usize, act: usize) -> usize {
        let at = self.insert(unit, file, parent, rank, act);
        for (rank, child) in unit.content.children.iter().enumerate() {
            let c = self.add(child, file, Some(at), rank, act);
            self.nodes[at].children.push(c);
        }
        at
    }

    /// One node, without its children.
    fn insert(
        &mut self,
        unit: &'m Unit,
        file: usize,
        parent: Option<usize>,
        rank: usize,
        act: usize,
    ) -> usize {
        let at = self.nodes.len();
        let scope = self.scope_below(parent);
        self.nodes.push(IndexedUnit { unit, file, parent, children: Vec::new(), rank, act, scope });
        let number = unit.number.as_ref().map(|n| n.text.as_str());
        match self.by_number.entry((act, scope, unit.kind, number)) {
            Entry::Occupied(mut e) => e.get_mut().push(at),
            Entry::Vacant(e) => {
                e.insert(Found::One(at));
            }
        }
        at
    }

    /// `add` for a node of `of_tree`'s tree.
    fn add_tree<T>(
        &mut self,
        node: &'m T,
        parts: fn(&'m T) -> (&'m Unit, &'m [T]),
        parent: Option<usize>,
        rank: usize,
        act: usize,
    ) -> usize {
        let (unit, children) = parts(node);
        let at = self.insert(unit, 0, parent, rank, act);
        for (rank, child) in children.iter().enumerate() {
            let c = self.add_tree(child, parts, Some(at), rank, act);
            self.nodes[at].children.push(c);
        }
        at
    }

    /// Every version of an act id, oldest first (an undated version first).
    pub fn versions(&self, id: &str) -> Vec<usize> {
        let mut v = self.by_id.get(id).cloned().unwrap_or_default();
        v.sort_by_key(|&i| self.acts[i].version);
        v
    }

    /// The version of act `id` an amendment that names `version` (or none:
    /// the oldest) applies to; the message says why there is none. The one
    /// rule of the analysis, the engine and the editor.
    pub fn base(&self, id: &str, version: Option<Date>) -> Result<usize, crate::diag::Message> {
        let versions = self.versions(id);
        versions
            .iter()
            .copied()
            .find(|&v| version.is_none_or(|b| self.acts[v].version == Some(b)))
            .ok_or_else(|| {
                if versions.is_empty() {
                    crate::diag::Message::UnknownAct { act: id.to_string() }
                } else {
                    let existing = versions
                        .iter()
                        .filter_map(|&v| self.acts[v].version)
                        .map(|d| d.to_string())
                        .collect();
                    let version = version.map(|d| d.to_string()).unwrap_or_default();
                    crate::diag::Message::UnknownVersion { act: id.to_string(), version, existing }
                }
            })
    }

    /// The units whose texts, titles or comparative links name act `id`
    /// (with its id written), in node order.
    pub fn citing(&self, id: &str) -> &[usize] {
        let map = self.citing.get_or_init(|| {
            let mut map: HashMap<String, Vec<usize>, foldhash::fast::RandomState> = HashMap::default();
            for (n, node) in self.nodes.iter().enumerate() {
                let content = &node.unit.content;
                let refs = content.titles.iter().chain(&content.texts).flat_map(|t| &t.value.refs);
                let acts = refs.map(|r| &r.target).chain(content.comparisons.iter().map(|c| &c.target));
                for act in acts.filter_map(|t| t.act.as_deref()) {
                    match map.get_mut(act) {
                        Some(nodes) if nodes.last() == Some(&n) => {}
                        Some(nodes) => nodes.push(n),
                        None => {
                            map.insert(act.to_string(), vec![n]);
                        }
                    }
                }
            }
            map
        });
        map.get(id).map_or(&[], Vec::as_slice)
    }

    /// The units found from the same place as `n` with its kind and number,
    /// `n` included, in document order.
    pub fn namesakes(&self, n: usize) -> &[usize] {
        let node = &self.nodes[n];
        let number = node.unit.number.as_ref().map(|x| x.text.as_str());
        self.by_number.get(&(node.act, node.scope, node.unit.kind, number)).map_or(&[], Found::as_slice)
    }

    pub fn children(&self, parent: Option<usize>, act: usize) -> &[usize] {
        match parent {
            Some(p) => &self.nodes[p].children,
            None => &self.acts[act].roots,
        }
    }

    /// Units of `kind` numbered `number` below `parent` (or the act's top level),
    /// looking through groupings (an article is found inside any chapter).
    /// Unnumbered units are found by their place: `note` is the first
    /// unnumbered note, `indent 2` the second unnumbered indent.
    pub fn find_child(
        &self,
        act: usize,
        parent: Option<usize>,
        kind: UnitKind,
        number: Option<&str>,
    ) -> Vec<usize> {
        let lookup = |number: Option<&str>| -> Vec<usize> {
            let found = self.by_number.get(&(act, self.scope_below(parent), kind, number));
            // Below a grouping, only the units inside it.
            let grouping = parent.filter(|&p| self.nodes[p].unit.kind.is_grouping());
            let inside = |&&n: &&usize| grouping.is_none_or(|p| self.within(n, p));
            found.map_or_else(Vec::new, |v| v.as_slice().iter().filter(inside).copied().collect())
        };
        let numbered = lookup(number);
        if !numbered.is_empty() || number.is_none() {
            return numbered;
        }
        let place = number.and_then(|s| s.parse::<usize>().ok()).filter(|&p| p > 0);
        place.and_then(|p| lookup(None).get(p - 1).copied()).into_iter().collect()
    }

    /// The scope of the units directly below `parent`.
    fn scope_below(&self, parent: Option<usize>) -> Option<usize> {
        match parent {
            Some(p) if self.nodes[p].unit.kind.is_grouping() => self.nodes[p].scope,
            p => p,
        }
    }

    /// Every unit of `kind` below `parent`, through groupings, for suggestions.
    pub fn all_of_kind(&self, act: usize, parent: Option<usize>, kind: UnitKind) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack: Vec<usize> = self.children(parent, act).iter().rev().copied().collect();
        while let Some(n) = stack.pop() {
            let unit = self.nodes[n].unit;
            if unit.kind == kind {
                out.push(n);
            } else if unit.kind.is_grouping() {
                stack.extend(self.nodes[n].children.iter().rev());
            }
        }
        out
    }

    /// The path of a unit as written in a target: `article 205 part 2`
    /// (groupings left out unless the unit is one).
    pub fn path(&self, node: usize) -> String {
        let mut segs = Vec::new();
        let mut at = Some(node);
        while let Some(n) = at {
            let unit = self.nodes[n].unit;
            if n == node || !unit.kind.is_grouping() {
                let num = match &unit.number {
                    Some(x) => format!(" {}", crate::model::written::number(&x.text)),
                    None => self.place(n).map_or(String::new(), |p| format!(" {p}")),
                };
                segs.push(format!("{}{num}", unit.kind.keyword()));
            }
            at = self.nodes[n].parent;
        }
        segs.reverse();
        segs.join(" ")
    }

    /// The place of an unnumbered unit among its unnumbered siblings of the
    /// same kind, when it has such siblings (`indent 2`).
    fn place(&self, n: usize) -> Option<usize> {
        let node = &self.nodes[n];
        let same: Vec<usize> = self
            .children(node.parent, node.act)
            .iter()
            .copied()
            .filter(|&s| self.nodes[s].unit.kind == node.unit.kind && self.nodes[s].unit.number.is_none())
            .collect();
        (same.len() > 1).then(|| same.iter().position(|&s| s == n).map(|p| p + 1)).flatten()
    }

    /// The siblings from `first` to `last`, both included (a range target).
    /// The units of a range target, `first` to `last` in document order:
    /// those of the same kind found from the same place (through groupings).
    pub fn range(&self, first: usize, last: usize) -> Vec<usize> {
        let (a, b) = (&self.nodes[first], &self.nodes[last]);
        let (from, to) = (first.min(last), first.max(last));
        (from..=to)
            .filter(|&n| {
                let x = &self.nodes[n];
                x.act == a.act
                    && x.scope == a.scope
                    && x.unit.kind == a.unit.kind
                    && x.unit.kind == b.unit.kind
            })
            .collect()
    }

    /// Whether `node` is `ancestor` or lies inside it.
    pub fn within(&self, node: usize, ancestor: usize) -> bool {
        let mut at = Some(node);
        while let Some(n) = at {
            if n == ancestor {
                return true;
            }
            at = self.nodes[n].parent;
        }
        false
    }

    pub fn location(&self, node: usize) -> Location {
        Location { file: self.nodes[node].file, span: self.nodes[node].unit.span.clone() }
    }
}

/// How many units `unit` is, itself included.
fn count(unit: &Unit) -> usize {
    1 + unit.content.children.iter().map(count).sum::<usize>()
}
