//! Resolution: a target to a unit (or range, or act) of one act version.

use super::Index;
use crate::diag::Message;
use crate::model::{Segment, Target};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Resolved {
    Act(usize),
    Unit(usize),
    Range(usize, usize),
}

impl Resolved {
    pub fn act(self, index: &Index) -> usize {
        match self {
            Resolved::Act(a) => a,
            Resolved::Unit(n) | Resolved::Range(n, _) => index.nodes[n].act,
        }
    }
}

/// Where a target is written: its act version and, for relative targets, the
/// unit that contains it.
#[derive(Debug, Clone, Copy)]
pub struct Scope {
    pub act: usize,
    pub unit: Option<usize>,
}

pub fn resolve(index: &Index, target: &Target, scope: Option<Scope>) -> Result<Resolved, Message> {
    let act = match &target.act {
        Some(id) => pick_version(index, id, target, scope)?,
        None => match scope {
            Some(s) => s.act,
            None => return Err(Message::UnknownAct { act: String::new() }),
        },
    };
    let Some((first, rest)) = target.path.split_first() else { return Ok(Resolved::Act(act)) };
    // Relative targets start at the nearest enclosing unit that has the first segment.
    let mut ancestors = Vec::new();
    if target.act.is_none() {
        let mut at = scope.and_then(|s| s.unit);
        while let Some(n) = at {
            ancestors.push(Some(n));
            at = index.nodes[n].parent;
        }
    }
    ancestors.push(None);
    let mut found = None;
    for &anc in &ancestors {
        if let Some(&n) =
            index.find_child(act, anc, first.kind, first.number.as_ref().map(|n| n.text.as_str())).first()
        {
            found = Some(n);
            break;
        }
    }
    let Some(mut node) = found else {
        return Err(unresolved(index, act, None, first, target));
    };
    for seg in rest {
        match index
            .find_child(act, Some(node), seg.kind, seg.number.as_ref().map(|n| n.text.as_str()))
            .first()
        {
            Some(&n) => node = n,
            None => return Err(unresolved(index, act, Some(node), seg, target)),
        }
    }
    match &target.range_end {
        None => Ok(Resolved::Unit(node)),
        Some(end) => {
            // The end is looked for beside the start, across groupings:
            // `article 205..213` may run over two chapters.
            let last = target.path.last().map_or(first.kind, |s| s.kind);
            let scope = index.nodes[node].scope;
            match index.find_child(act, scope, last, Some(&end.text)).first() {
                Some(&e) => Ok(Resolved::Range(node, e)),
                None => {
                    let seg = Segment { kind: last, number: Some(end.clone()) };
                    Err(unresolved(index, act, scope, &seg, target))
                }
            }
        }
    }
}

fn pick_version(index: &Index, id: &str, target: &Target, scope: Option<Scope>) -> Result<usize, Message> {
    let versions = index.versions(id);
    if versions.is_empty() {
        return Err(Message::UnknownAct { act: id.to_string() });
    }
    if let Some(v) = target.version {
        return versions.iter().copied().find(|&a| index.acts[a].version == Some(v)).ok_or_else(|| {
            let existing =
                versions.iter().filter_map(|&a| index.acts[a].version).map(|d| d.to_string()).collect();
            Message::UnknownVersion { act: id.to_string(), version: v.to_string(), existing }
        });
    }
    // The citing act's own version when it cites itself, else the latest.
    if let Some(s) = scope.filter(|s| index.acts[s.act].id == id) {
        return Ok(s.act);
    }
    Ok(*versions.last().unwrap_or(&versions[0]))
}

/// Up to three units of the same kind whose numbers are closest to the one asked for.
fn unresolved(index: &Index, act: usize, parent: Option<usize>, seg: &Segment, target: &Target) -> Message {
    let mut candidates: Vec<(usize, usize)> = index
        .all_of_kind(act, parent, seg.kind)
        .into_iter()
        .map(|n| {
            // Unnumbered units are compared by their place (`indent 2`).
            let path = index.path(n);
            let num = path.rsplit(' ').next().unwrap_or("").trim_matches('"').to_string();
            (distance(&num, seg.number_text()), n)
        })
        .filter(|&(d, _)| d <= 2)
        .collect();
    candidates.sort();
    let suggestions = candidates.iter().take(3).map(|&(_, n)| index.path(n)).collect();
    // A missing range end is named as the unit it would be: `article 213`.
    let mut path = target.path.clone();
    if target.range_end.is_some() && seg.number == target.range_end {
        path.pop();
        path.push(seg.clone());
    }
    Message::Unresolved {
        target: crate::model::written::path(&path),
        act: index.acts[act].id.clone(),
        suggestions,
    }
}

/// Levenshtein distance over characters.
pub fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut prev = row[0];
        row[0] = i + 1;
        for (j, &cb) in b.iter().enumerate() {
            let cur = row[j + 1];
            row[j + 1] = (prev + usize::from(ca != cb)).min(row[j] + 1).min(cur + 1);
            prev = cur;
        }
    }
    row[b.len()]
}
