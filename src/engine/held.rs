//! The engine's working copy of an act version: units with identities
//! that survive renumbering and `rewrite`, and their paths.

use std::sync::Arc;

use super::*;

/// A unit of the engine's working copy. `unit.content.children` is always
/// empty: the children are in `children`, each with its identity.
///
/// The unit and the list of children are shared (`Arc`): a copy of the
/// working copy costs its top-level units, not its texts, and an operation
/// copies only what it changes and the lists of children on the way to it
/// (`Held::at_mut`), so every amendment of one act can start from one base.
#[derive(Debug, Clone, PartialEq)]
pub struct Tracked {
    pub id: u32,
    pub unit: Arc<Unit>,
    pub children: Arc<Vec<Tracked>>,
}

impl Tracked {
    /// The unit, to change: copied first if another copy shares it.
    pub(super) fn unit_mut(&mut self) -> &mut Unit {
        Arc::make_mut(&mut self.unit)
    }

    /// The children, to change: the list copied first if shared.
    pub(super) fn children_mut(&mut self) -> &mut Vec<Tracked> {
        Arc::make_mut(&mut self.children)
    }

    /// The model unit, children included.
    pub fn to_unit(&self) -> Unit {
        let mut unit = (*self.unit).clone();
        unit.content.children = self.children.iter().map(Tracked::to_unit).collect();
        unit
    }

    /// This node and its descendants, in reading order.
    pub fn walk(&self) -> Vec<&Tracked> {
        let mut out = vec![self];
        for c in self.children.iter() {
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
    /// file, or the amendment's that added or rewrote it. Shared like the
    /// units, copied by the first amendment that adds or rewrites one.
    written_in: Arc<HashMap<u32, usize>>,
}

impl Held {
    /// The act version `act` of `index`, merged across its files.
    pub fn from_index(index: &Index, act: usize) -> Held {
        let version = &index.acts[act];
        let mut meta = version.meta().clone();
        meta.units.clear();
        meta.comparisons = version.parts.iter().flat_map(|(_, a)| a.comparisons.clone()).collect();
        let mut state = Held { meta, roots: Vec::new(), next_id: 0, written_in: Arc::default() };
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
    pub(super) fn node(&mut self, mut unit: Unit, old: Option<&Tracked>) -> Tracked {
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
        Tracked { id, unit: Arc::new(unit), children: Arc::new(children) }
    }

    /// Records that `node` and the units inside it were written in `file`.
    pub(super) fn written(&mut self, node: &Tracked, file: usize) {
        let written_in = Arc::make_mut(&mut self.written_in);
        for n in node.walk() {
            written_in.insert(n.id, file);
        }
    }

    /// The file the texts of unit `id` were written in.
    pub fn file_of(&self, id: u32) -> Option<usize> {
        self.written_in.get(&id).copied()
    }

    /// The index of the act as it stands, in which targets resolve exactly
    /// as `zan check` resolves them in the act written out as a file.
    pub(super) fn index(&self) -> Index<'_> {
        Index::of_tree(&self.meta, &self.roots, |n| (&*n.unit, n.children.as_slice()))
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
            for c in n.children.iter() {
                go(c, inner, out);
            }
        }
        let mut out = Vec::new();
        for r in &self.roots {
            go(r, &[], &mut out);
        }
        out
    }

    pub(super) fn at(&self, pos: &[usize]) -> &Tracked {
        let mut node = &self.roots[pos[0]];
        for &p in &pos[1..] {
            node = &node.children[p];
        }
        node
    }

    /// The node at `pos`, to change: the lists of children on the way to
    /// it are copied first where another copy shares them.
    pub(super) fn at_mut(&mut self, pos: &[usize]) -> &mut Tracked {
        let mut node = &mut self.roots[pos[0]];
        for &p in &pos[1..] {
            node = &mut node.children_mut()[p];
        }
        node
    }

    pub(super) fn siblings_mut(&mut self, parent: &[usize]) -> &mut Vec<Tracked> {
        if parent.is_empty() { &mut self.roots } else { self.at_mut(parent).children_mut() }
    }

    /// The path of the node at `pos`, as a target would write it.
    pub(super) fn path(&self, pos: &[usize]) -> Vec<Segment> {
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

pub(super) fn segment(unit: &Unit) -> Option<Segment> {
    let number = unit.number.clone().map(|n| Number { text: n.text, span: 0..0 });
    Some(Segment { kind: unit.kind, number })
}
