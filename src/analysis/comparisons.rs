//! The comparative links of a unit: the query behind `zan compare` (and any
//! view of a unit beside its comparative provisions), apart from how they
//! are shown.

use super::{Index, Resolved, Scope, resolve};
use crate::model::{Relation, Segment, Target};

/// One comparative provision of a unit.
#[derive(Debug, Clone)]
pub struct Link<'m> {
    /// Where the provision is: the target of the unit's own `compare`, or
    /// the unit of another act whose `compare` points here.
    pub target: Target,
    /// What `target` resolves in.
    pub scope: Option<Scope>,
    pub relation: Relation,
    /// Written in another act, pointing at this unit.
    pub incoming: bool,
    pub note: Option<&'m str>,
}

/// The unit's own links, then those of other acts that point at it.
pub fn links<'m>(index: &Index<'m>, node: usize) -> Vec<Link<'m>> {
    let unit = index.nodes[node].unit;
    let act = index.nodes[node].act;
    let own_scope = Some(Scope { act, unit: Some(node) });
    let mut out: Vec<Link> = unit
        .content
        .comparisons
        .iter()
        .map(|c| Link {
            target: c.target.clone(),
            scope: own_scope,
            relation: c.relation,
            incoming: false,
            note: c.note.as_ref().map(|n| n.plain.as_str()),
        })
        .collect();
    let id = &index.acts[act].id;
    for (n, other) in index.nodes.iter().enumerate() {
        if &index.acts[other.act].id == id {
            continue;
        }
        for c in &other.unit.content.comparisons {
            if resolve(index, &c.target, None) == Ok(Resolved::Unit(node)) {
                let act = Some(index.acts[other.act].id.clone());
                let target =
                    Target { act, version: None, path: segments(index, n), range_end: None, span: 0..0 };
                out.push(Link {
                    target,
                    scope: None,
                    relation: c.relation,
                    incoming: true,
                    note: c.note.as_ref().map(|n| n.plain.as_str()),
                });
            }
        }
    }
    out
}

/// The path of unit `node` as a target writes it (groupings left out).
fn segments(index: &Index, node: usize) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut at = Some(node);
    while let Some(n) = at {
        let u = index.nodes[n].unit;
        if (n == node || !u.kind.is_grouping())
            && let Some(num) = &u.number
        {
            out.push(Segment { kind: u.kind, number: Some(num.clone()) });
        }
        at = index.nodes[n].parent;
    }
    out.reverse();
    out
}
