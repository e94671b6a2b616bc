//! References to a unit an operation repeals or renumbers: found before
//! the change, updated (target and words) with `update-references`, or
//! reported as stale once every operation is applied.

use std::collections::HashMap;

use super::{Applied, Cx, Tracked, positions, rewrite_display};
use crate::diag::Message;
use crate::index::{Index, Location, Resolved, Scope, resolve};
use crate::model::{Segment, Target};

/// A reference that still points at a unit an amendment repealed or
/// renumbered (without `update-references`, or from outside the act).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StaleReference {
    pub site: CitedAt,
    /// The target as written.
    pub target: String,
    /// The unit it pointed at, before the change.
    pub unit: String,
    /// `None` when the unit was repealed, else its new path.
    pub renumbered_to: Option<String>,
    /// The language of the text that holds it; `None` for a comparative link.
    pub lang: Option<String>,
    /// Its display words; `None` for a comparative link.
    pub words: Option<String>,
    /// The citing act and unit, as `zan check` names them (`kz.cc article 3`).
    pub citer: String,
    /// The change (index into `Applied::changes`) that left it behind.
    pub change: usize,
    /// The citing unit's identity, inside the act.
    pub node: Option<u32>,
    /// Where the reference's target is written: a file and its bytes.
    pub at: Option<Location>,
}

/// A reference to a unit, found before an operation changes the unit.
pub(super) struct Citing {
    pub(super) site: CitedAt,
    pub(super) target: String,
    pub(super) edit: Option<RefEdit>,
    pub(super) lang: Option<String>,
    pub(super) words: Option<String>,
    pub(super) citer: String,
    pub(super) node: Option<u32>,
    pub(super) at: Option<Location>,
}

impl Citing {
    pub(super) fn stale(self, unit: &str, renumbered_to: Option<String>, change: usize) -> StaleReference {
        StaleReference {
            site: self.site,
            target: self.target,
            unit: unit.to_string(),
            renumbered_to,
            lang: self.lang,
            words: self.words,
            citer: self.citer,
            change,
            node: self.node,
            at: self.at,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CitedAt {
    /// In the consolidated act: the unit whose text or link holds it.
    InAct { unit: String },
    /// In another file of the workspace.
    File(Location),
}

/// Display words a renumbering with `update-references` rewrote: a
/// consequential change of the citing unit's text, for the bill and the
/// table to show next to the renumbering.
#[derive(Debug, Clone, PartialEq)]
pub struct Reworded {
    /// The citing unit, as a target path (`article 1 part 1`).
    pub unit: String,
    /// The citing unit's path and identity, and the unit just before and
    /// just after the words were rewritten.
    pub path: Vec<Segment>,
    pub id: u32,
    pub before: Box<Tracked>,
    pub after: Box<Tracked>,
    pub lang: String,
    /// In the unit's title rather than its text.
    pub title: bool,
    pub old: String,
    pub new: String,
    /// The renumbering (index into `Applied::changes`).
    pub change: usize,
}

/// A reference removed from a text because an operation changed its words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DroppedReference {
    pub unit: String,
    pub lang: String,
    pub words: String,
    pub target: String,
}

/// The stale references still in the act once every operation is applied,
/// each once: one that a later operation removed or changed (the
/// consequential change docs/diagnostics.md advises) is no longer stale.
pub(super) fn remaining(applied: &mut Applied) {
    // The walk below costs the act's size: not paid when nothing is stale.
    if applied.stale.is_empty() {
        return;
    }
    let nodes: HashMap<u32, &Tracked> = applied.result.walk().into_iter().map(|n| (n.id, n)).collect();
    let holds = |s: &StaleReference| {
        let Some(id) = s.node else { return true };
        let Some(node) = nodes.get(&id) else { return false };
        let content = &node.unit.content;
        let written = |t: &Target| crate::model::written::target(t) == s.target;
        match (&s.lang, &s.words) {
            (Some(lang), Some(words)) => content.titles.iter().chain(&content.texts).any(|t| {
                &t.lang == lang
                    && t.value
                        .refs
                        .iter()
                        .any(|r| written(&r.target) && &t.value.plain[r.plain.clone()] == words)
            }),
            _ => content.comparisons.iter().any(|c| written(&c.target)),
        }
    };
    let kept: Vec<bool> = applied.stale.iter().map(holds).collect();
    let mut seen = Vec::new();
    let mut keep = kept.into_iter();
    applied.stale.retain(|s| {
        let key = (s.site.clone(), s.target.clone(), s.lang.clone(), s.words.clone(), s.unit.clone());
        let fresh = !seen.contains(&key);
        seen.push(key);
        keep.next().unwrap_or(true) && fresh
    });
}

impl Cx<'_, '_> {
    /// Rewrites the number in the display words of a reference whose target
    /// a renumbering updated (`статьей 209` → `статьей 209-1`, `209-бабында`
    /// → `209-1-бабында`); the words, when they still cite another unit than
    /// the target and cannot be rewritten (`частью второй`, the number
    /// written twice).
    pub(super) fn display_words(
        &mut self,
        edit: &RefEdit,
        unit: &str,
        old: &str,
        new: &str,
    ) -> Option<String> {
        let change = self.applied.changes.len();
        let path = self.applied.result.path(&edit.pos);
        let before = Box::new(self.applied.result.at(&edit.pos).clone());
        let node = self.applied.result.at_mut(&edit.pos);
        let id = node.id;
        let content = &mut node.unit_mut().content;
        let (text, r, title) = match edit.holder {
            Holder::Title(t, r) => (&mut content.titles[t], r, true),
            Holder::Text(t, r) => (&mut content.texts[t], r, false),
            Holder::Comparison(_) => return None,
        };
        let words = text.value.plain[text.value.refs[r].plain.clone()].to_string();
        let rewritten = crate::lint::citations::renumber_words(&words, old, new);
        if let Some(rewritten) = &rewritten {
            rewrite_display(&mut text.value, r, rewritten);
        }
        let lang = text.lang.clone();
        let reference = &text.value.refs[r];
        let shown = &text.value.plain[reference.plain.clone()];
        let target = &reference.target;
        let cited: Vec<(&str, &str)> =
            target.path.iter().map(|s| (s.kind.keyword(), s.number_text())).collect();
        let end = target.range_end.as_ref().map(|n| n.text.as_str());
        let unrewritable =
            crate::lint::citations::mismatch(shown, &lang, &cited, end).map(|_| shown.to_string());
        if let Some(new) = rewritten {
            let after = Box::new(self.applied.result.at(&edit.pos).clone());
            let (unit, old) = (unit.to_string(), words);
            self.applied.reworded.push(Reworded {
                unit,
                path,
                id,
                before,
                after,
                lang,
                title,
                old,
                new,
                change,
            });
        }
        unrewritable
    }

    pub(super) fn ref_mut(&mut self, edit: &RefEdit) -> &mut Target {
        let node = self.applied.result.at_mut(&edit.pos);
        let content = &mut node.unit_mut().content;
        match edit.holder {
            Holder::Title(t, r) => &mut content.titles[t].value.refs[r].target,
            Holder::Text(t, r) => &mut content.texts[t].value.refs[r].target,
            Holder::Comparison(c) => &mut content.comparisons[c].target,
        }
    }

    /// The references that resolve to the unit at `pos` or inside it: in the
    /// act (with how to rewrite them) and in the other acts of the workspace.
    pub(super) fn references_in(&self, index: &Index, pos: &[usize]) -> Vec<Citing> {
        let mut target_node = index.children(None, 0)[pos[0]];
        for &p in &pos[1..] {
            target_node = index.nodes[target_node].children[p];
        }
        let inside = |mut n: usize| loop {
            if n == target_node {
                return true;
            }
            match index.nodes[n].parent {
                Some(p) => n = p,
                None => return false,
            }
        };
        // A reference can only reach the unit by naming its number: the rest
        // need not be resolved.
        let unit = index.nodes[target_node].unit;
        let number = unit.number.as_ref().map_or("", |n| n.text.as_str());
        let names = |t: &Target| {
            t.path.iter().any(|s| s.kind == unit.kind && s.number_text() == number)
                || t.range_end.as_ref().is_some_and(|e| e.text == number)
        };
        let hits = |r: &Result<Resolved, Message>| match *r {
            Ok(Resolved::Unit(n)) => inside(n),
            Ok(Resolved::Range(s, e)) => s == target_node || e == target_node,
            _ => false,
        };
        let mut out = Vec::new();
        for n in 0..index.nodes.len() {
            let scope = Some(Scope { act: 0, unit: Some(n) });
            let content = &index.nodes[n].unit.content;
            let id = &self.applied.result.meta.id;
            let mut check = |t: &Target, holder: Holder, lang: Option<&String>, words: Option<&str>| {
                // References inside the unit go or move with it.
                if !names(t) || inside(n) {
                    return;
                }
                let resolved = resolve(index, t, scope);
                if hits(&resolved) {
                    let named = (0..t.path.len()).find(|&i| {
                        let prefix = Target { path: t.path[..=i].to_vec(), range_end: None, ..t.clone() };
                        resolve(index, &prefix, scope) == Ok(Resolved::Unit(target_node))
                    });
                    let segment = match (named, resolved) {
                        (Some(i), _) => Named::Segment(i),
                        (None, Ok(Resolved::Range(_, e))) if e == target_node => Named::RangeEnd,
                        _ => Named::Below,
                    };
                    let pos = positions(index, n);
                    let unit = crate::model::written::path(&self.applied.result.path(&pos));
                    let node = Some(self.applied.result.at(&pos).id);
                    let at = node
                        .and_then(|n| self.applied.result.file_of(n))
                        .map(|file| Location { file, span: t.span.clone() });
                    let citer = format!("{id} {unit}");
                    let edit = RefEdit { pos, holder, segment };
                    out.push(Citing {
                        site: CitedAt::InAct { unit },
                        target: crate::model::written::target(t),
                        edit: Some(edit),
                        lang: lang.cloned(),
                        words: words.map(str::to_string),
                        citer,
                        node,
                        at,
                    });
                }
            };
            for (i, t) in content.titles.iter().enumerate() {
                for (j, r) in t.value.refs.iter().enumerate() {
                    let words = &t.value.plain[r.plain.clone()];
                    check(&r.target, Holder::Title(i, j), Some(&t.lang), Some(words));
                }
            }
            for (i, t) in content.texts.iter().enumerate() {
                for (j, r) in t.value.refs.iter().enumerate() {
                    let words = &t.value.plain[r.plain.clone()];
                    check(&r.target, Holder::Text(i, j), Some(&t.lang), Some(words));
                }
            }
            for (i, c) in content.comparisons.iter().enumerate() {
                check(&c.target, Holder::Comparison(i), None, None);
            }
        }
        // Other acts: their links to this act, resolved against the working copy.
        let id = &self.applied.result.meta.id;
        let ours = |t: &Target| t.act.as_deref() == Some(id.as_str());
        let citing = self.workspace.citing(id).iter().map(|&n| (n, &self.workspace.nodes[n]));
        for (n, node) in citing.filter(|(_, n)| &self.workspace.acts[n.act].id != id) {
            let content = &node.unit.content;
            let refs = content.titles.iter().chain(&content.texts).flat_map(|t| {
                t.value.refs.iter().map(|r| {
                    let words = Some(t.value.plain[r.plain.clone()].to_string());
                    (&r.target, r.span.clone(), Some(t.lang.clone()), words)
                })
            });
            let links = content.comparisons.iter().map(|c| (&c.target, c.span.clone(), None, None));
            for (t, span, lang, words) in refs.chain(links).filter(|(t, ..)| ours(t) && names(t)) {
                if hits(&resolve(index, t, None)) {
                    out.push(Citing {
                        site: CitedAt::File(Location { file: node.file, span }),
                        target: crate::model::written::target(t),
                        edit: None,
                        lang,
                        words,
                        citer: format!("{} {}", self.workspace.acts[node.act].id, self.workspace.path(n)),
                        node: None,
                        at: Some(Location { file: node.file, span: t.span.clone() }),
                    });
                }
            }
        }
        for (f, file) in self.files.iter().enumerate() {
            for act in file.acts.iter().filter(|a| &a.id != id) {
                for c in act.comparisons.iter().filter(|c| ours(&c.target) && names(&c.target)) {
                    if hits(&resolve(index, &c.target, None)) {
                        out.push(Citing {
                            site: CitedAt::File(Location { file: f, span: c.span.clone() }),
                            target: crate::model::written::target(&c.target),
                            edit: None,
                            lang: None,
                            words: None,
                            citer: act.id.clone(),
                            node: None,
                            at: Some(Location { file: f, span: c.target.span.clone() }),
                        });
                    }
                }
            }
        }
        out
    }
}

/// A reference inside the working copy, to be rewritten on renumbering.
pub(super) struct RefEdit {
    pub(super) pos: Vec<usize>,
    pub(super) holder: Holder,
    pub(super) segment: Named,
}

/// Which part of a reference names the renumbered unit.
#[derive(Clone, Copy)]
pub(super) enum Named {
    Segment(usize),
    RangeEnd,
    Below,
}

#[derive(Clone, Copy)]
pub(super) enum Holder {
    Title(usize, usize),
    Text(usize, usize),
    Comparison(usize),
}
