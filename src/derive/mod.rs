//! `zan derive`: the amendment whose operations turn an act version into an
//! edited copy of it (`operations`), written into a new or existing
//! amendment file (`compose`), and proved by applying it with the engine
//! and comparing the result with the edited copy (`prove`). docs/derive.md.

mod error;
mod prove;
mod update;
mod words;

use std::collections::HashMap;

pub use error::{DeriveError, ErrorKind, Which};
pub use prove::prove;
pub use update::compose;

use crate::engine::target_of;
use crate::model::{
    Act, Number, Operation, OperationKind, Place, RichText, Segment, Span, Target, Text, Unit, UnitContent,
    UnitKind, WordChange, meaning,
};
use words::Plan;

/// How `derive` words its operations (`[derive]` in `zan.toml`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Settings {
    /// A unit whose share of changed words is above this gets a new wording
    /// (`rewrite`) instead of word operations.
    pub new_wording_above: f64,
}

impl Default for Settings {
    fn default() -> Self {
        Settings { new_wording_above: 0.5 }
    }
}

/// A unit whose text changed in one authentic language and not in the other.
#[derive(Debug, Clone, PartialEq)]
pub struct Mismatch {
    pub unit: String,
    pub title: bool,
    pub changed: String,
    pub unchanged: String,
    /// The two texts in the edited file.
    pub changed_span: Span,
    pub unchanged_span: Span,
}

/// The operations derived, in the order they apply, and what to tell the drafter.
#[derive(Debug, Clone, Default)]
pub struct Derived {
    pub operations: Vec<Operation>,
    pub mismatches: Vec<Mismatch>,
}

fn op(kind: OperationKind) -> Operation {
    Operation { kind, justifications: Vec::new(), comparisons: Vec::new(), span: 0..0 }
}

fn segment(u: &Unit) -> Segment {
    Segment { kind: u.kind, number: u.number.as_ref().map(|n| Number { text: n.text.clone(), span: 0..0 }) }
}

/// How siblings are matched: kind and number, or the place among the
/// unnumbered units of the kind (the second `indent`).
fn keys(units: &[Unit]) -> Vec<(UnitKind, String)> {
    let mut unnumbered: HashMap<UnitKind, usize> = HashMap::new();
    units
        .iter()
        .map(|u| match &u.number {
            Some(n) => (u.kind, n.text.clone()),
            None => {
                let k = unnumbered.entry(u.kind).or_default();
                *k += 1;
                (u.kind, format!("#{k}"))
            }
        })
        .collect()
}

/// The languages, fidelity and sources of texts: what word lines cannot change.
fn shape(texts: &[Text]) -> Vec<(&str, Option<crate::model::Fidelity>, Option<&str>)> {
    texts.iter().map(|t| (t.lang.as_str(), t.fidelity, t.cite.as_deref())).collect()
}

fn tombstone(u: &Unit) -> bool {
    u.content.repealed.is_some() && u.content.texts.is_empty() && u.content.children.is_empty()
}

/// The operations that turn `base` into `edited` (one act version and an
/// edited copy of it; the metadata must be the same, see `prove::metadata`).
pub fn operations(base: &Act, edited: &Act, settings: Settings) -> Derived {
    let mut d = Deriver { settings, out: Derived::default() };
    let mut base = base.clone();
    d.throughout(&mut base, edited);
    let act =
        Target { act: Some(base.id.clone()), version: None, path: Vec::new(), range_end: None, span: 0..0 };
    d.level(&base.units, &edited.units, &[], &act);
    d.out
}

struct Deriver {
    settings: Settings,
    out: Derived,
}

impl Deriver {
    /// One level of siblings: renumbered, repealed, added and changed units.
    fn level(&mut self, base: &[Unit], edited: &[Unit], inner: &[Segment], parent: &Target) {
        let (kb, ke) = (keys(base), keys(edited));
        let mut pair: Vec<Option<usize>> = ke.iter().map(|k| kb.iter().position(|b| b == k)).collect();
        let taken = |pair: &[Option<usize>], b: usize| pair.contains(&Some(b));
        // A unit with a new number and the very content of one whose number
        // is gone was renumbered.
        let mut renumbered = Vec::new();
        for (e, eu) in edited.iter().enumerate() {
            if pair[e].is_some() || eu.number.is_none() {
                continue;
            }
            let found = base.iter().enumerate().position(|(b, bu)| {
                !taken(&pair, b)
                    && !ke.contains(&kb[b])
                    && bu.kind == eu.kind
                    && bu.number.is_some()
                    && meaning(&bu.content) == meaning(&eu.content)
            });
            if let Some(b) = found {
                pair[e] = Some(b);
                renumbered.push((b, e));
            }
        }
        // A number is given up before it is taken again.
        while !renumbered.is_empty() {
            let free = |&(_, e): &(usize, usize)| !renumbered.iter().any(|&(b, _)| kb[b] == ke[e]);
            let i = renumbered.iter().position(free).unwrap_or(0);
            let (b, e) = renumbered.remove(i);
            let mut path = inner.to_vec();
            path.push(segment(&base[b]));
            let number = Number { text: ke[e].1.clone(), span: 0..0 };
            self.out.operations.push(op(OperationKind::Renumber {
                target: target_of(&path),
                number,
                update_references: false,
            }));
        }
        for (b, bu) in base.iter().enumerate() {
            if !taken(&pair, b) && bu.content.repealed.is_none() {
                let mut path = inner.to_vec();
                path.push(segment(bu));
                self.out.operations.push(op(OperationKind::Repeal { target: target_of(&path) }));
            }
        }
        for (e, eu) in edited.iter().enumerate() {
            let mut path = inner.to_vec();
            path.push(segment(eu));
            match pair[e] {
                Some(b) => self.unit(&base[b], eu, path),
                None => {
                    let sibling = |u: &Unit| {
                        let mut p = inner.to_vec();
                        p.push(segment(u));
                        target_of(&p)
                    };
                    // After the sibling before it; else before the first
                    // sibling the base has; else into the parent.
                    let (place, target) = match e.checked_sub(1) {
                        // Past the units the base has after it that are gone
                        // now (tombstones), while their numbers come first.
                        Some(prev) => {
                            let mut anchor = &edited[prev];
                            if let Some(b) = pair[prev] {
                                let number = eu.number.as_ref().map_or("", |n| n.text.as_str());
                                let gone_before = |(j, bu): &(usize, &Unit)| {
                                    let earlier = bu.number.as_ref().is_some_and(|n| {
                                        crate::render::order::numbers(&n.text, number).is_lt()
                                    });
                                    !taken(&pair, *j) && bu.kind == eu.kind && earlier
                                };
                                for (_, bu) in base.iter().enumerate().skip(b + 1).take_while(gone_before) {
                                    anchor = bu;
                                }
                            }
                            (Place::After, sibling(anchor))
                        }
                        None => match (e + 1..edited.len()).find(|&n| pair[n].is_some()) {
                            Some(next) => (Place::Before, sibling(&edited[next])),
                            None => (Place::To, parent.clone()),
                        },
                    };
                    self.out.operations.push(op(OperationKind::Add {
                        kind: eu.kind,
                        number: eu.number.clone(),
                        place,
                        target,
                        content: eu.content.clone(),
                    }));
                }
            }
        }
    }

    /// A unit that both have: its words, its title, or a new wording; then its children.
    fn unit(&mut self, b: &Unit, e: &Unit, path: Vec<Segment>) {
        let target = target_of(&path);
        let rewrite = |content: &UnitContent| {
            op(OperationKind::Rewrite { target: target.clone(), content: content.clone() })
        };
        let (bc, ec) = (&b.content, &e.content);
        let unit = crate::model::written::path(&path);
        self.mismatches(&unit, &bc.texts, &ec.texts, false);
        self.mismatches(&unit, &bc.titles, &ec.titles, true);
        match (bc.repealed.is_some(), ec.repealed.is_some()) {
            (true, true) => return,
            (false, true) if tombstone(e) => {
                self.out.operations.push(op(OperationKind::Repeal { target }));
                return;
            }
            (true, false) | (false, true) => {
                self.out.operations.push(rewrite(ec));
                return;
            }
            (false, false) => {}
        }
        let reshaped = shape(&bc.texts) != shape(&ec.texts)
            || shape(&bc.titles) != shape(&ec.titles)
            || meaning(&bc.comparisons) != meaning(&ec.comparisons);
        let lines = (!reshaped).then(|| self.lines(bc, ec)).flatten();
        let Some((replace, delete, insert)) = lines else {
            self.out.operations.push(rewrite(ec));
            return;
        };
        if !replace.is_empty() {
            self.out
                .operations
                .push(op(OperationKind::Replace { target: Some(target.clone()), changes: replace }));
        }
        if !delete.is_empty() {
            self.out.operations.push(op(OperationKind::Delete { target: target.clone(), changes: delete }));
        }
        if !insert.is_empty() {
            self.out
                .operations
                .push(op(OperationKind::Insert { target: target.clone(), insertions: insert }));
        }
        let inner = if b.kind.is_grouping() { &path[..path.len() - 1] } else { &path[..] };
        self.level(&bc.children, &ec.children, inner, &target);
    }

    /// The word lines of a unit's texts and titles, every language together;
    /// `None` when it needs a new wording. When the authentic languages'
    /// lines would fall into different operations (an insertion in one, a
    /// replacement in the other), every line is a replacement, so that one
    /// item of the bill changes both.
    #[allow(clippy::type_complexity)]
    fn lines(
        &self,
        bc: &UnitContent,
        ec: &UnitContent,
    ) -> Option<(Vec<WordChange>, Vec<WordChange>, Vec<crate::model::WordInsertion>)> {
        let split = self.lines_with(bc, ec, false)?;
        let kinds = |lang: &str| {
            let (r, d, i) = &split;
            [
                r.iter().any(|c| c.lang == lang),
                d.iter().any(|c| c.lang == lang),
                i.iter().any(|c| c.lang == lang),
            ]
        };
        let [kk, ru] = crate::lang::AUTHENTIC;
        let (k, r) = (kinds(kk), kinds(ru));
        let apart = k != r && k.iter().any(|&x| x) && r.iter().any(|&x| x);
        if apart { self.lines_with(bc, ec, true).or(Some(split)) } else { Some(split) }
    }

    #[allow(clippy::type_complexity)]
    fn lines_with(
        &self,
        bc: &UnitContent,
        ec: &UnitContent,
        replaces: bool,
    ) -> Option<(Vec<WordChange>, Vec<WordChange>, Vec<crate::model::WordInsertion>)> {
        let (mut replace, mut delete, mut insert) = (Vec::new(), Vec::new(), Vec::new());
        for (title, bt, et) in [(false, &bc.texts, &ec.texts), (true, &bc.titles, &ec.titles)] {
            for (b, e) in bt.iter().zip(et) {
                let above = self.settings.new_wording_above;
                match words::plan(&b.value, &e.value, title, &b.lang, above, replaces) {
                    Plan::Same => {}
                    Plan::Lines(l) => {
                        replace.extend(l.replace);
                        delete.extend(l.delete);
                        insert.extend(l.insert);
                    }
                    Plan::NewWording if title => replace.push(words::whole(&b.value, &e.value, &b.lang)?),
                    Plan::NewWording => return None,
                }
            }
        }
        Some((replace, delete, insert))
    }

    fn mismatches(&mut self, unit: &str, base: &[Text], edited: &[Text], title: bool) {
        let [kk, ru] = crate::lang::AUTHENTIC;
        let find = |texts: &[Text], lang: &str| texts.iter().find(|t| t.lang == lang).cloned();
        let (Some(bk), Some(br), Some(ek), Some(er)) =
            (find(base, kk), find(base, ru), find(edited, kk), find(edited, ru))
        else {
            return;
        };
        let (ck, cr) = (!words::same(&bk.value, &ek.value), !words::same(&br.value, &er.value));
        if ck != cr {
            let (changed, unchanged) = if ck { (&ek, &er) } else { (&er, &ek) };
            self.out.mismatches.push(Mismatch {
                unit: unit.to_string(),
                title,
                changed: changed.lang.clone(),
                unchanged: unchanged.lang.clone(),
                changed_span: changed.span.clone(),
                unchanged_span: unchanged.span.clone(),
            });
        }
    }

    /// A term changed everywhere it occurs in a language, in two or more
    /// paragraphs, becomes one `replace-all` line, applied to `base` here so
    /// that the rest is derived from the act as that line leaves it.
    fn throughout(&mut self, base: &mut Act, edited: &Act) {
        let mut paragraphs = Vec::new();
        pairs(&base.units, &edited.units, &mut paragraphs);
        // (lang, old, new) → paragraphs changing it, and how many times in all.
        let mut seen: HashMap<(String, String, String), (usize, usize)> = HashMap::new();
        for (lang, b, e) in &paragraphs {
            let terms = words::terms(b, e);
            let mut counted = std::collections::HashSet::new();
            for (old, new) in terms {
                let entry = seen.entry((lang.clone(), old.clone(), new.clone())).or_default();
                entry.1 += 1;
                if counted.insert((old, new)) {
                    entry.0 += 1;
                }
            }
        }
        let mut all = Vec::new();
        every_text(&base.units, &mut all);
        let mut candidates: Vec<_> = seen
            .into_iter()
            .filter(|((lang, old, _), (paragraphs, times))| {
                // Every occurrence in the act, in texts and headings, is changed so.
                let occurs: usize = all
                    .iter()
                    .filter(|t| &t.lang == lang)
                    .map(|t| t.value.plain.matches(old.as_str()).count())
                    .sum();
                *paragraphs >= 2 && occurs == *times
            })
            .map(|(k, _)| k)
            .collect();
        candidates.sort();
        // One term per language: two could overlap.
        candidates.dedup_by(|a, b| a.0 == b.0);
        if candidates.is_empty() {
            return;
        }
        let changes: Vec<WordChange> = candidates
            .into_iter()
            .map(|(lang, old, new)| WordChange {
                title: false,
                lang,
                old: plain(&old),
                new: plain(&new),
                occurrence: None,
                span: 0..0,
            })
            .collect();
        for c in &changes {
            every_text_mut(&mut base.units, &c.lang, &mut |text| {
                if let Ok(ranges) =
                    crate::engine::select(&text.plain, &c.old.plain, Some(crate::model::Occurrence::All))
                {
                    for r in ranges.into_iter().rev() {
                        let (r, new) = crate::engine::seam(&text.plain, r, &c.new);
                        crate::engine::splice(text, r, &new);
                    }
                }
            });
        }
        self.out.operations.push(op(OperationKind::Replace { target: None, changes }));
    }
}

fn plain(s: &str) -> RichText {
    RichText { plain: s.to_string(), refs: Vec::new(), pieces: Vec::new(), span: 0..0 }
}

/// The paragraphs (texts and titles) of units both acts have, by language.
fn pairs(base: &[Unit], edited: &[Unit], out: &mut Vec<(String, String, String)>) {
    let (kb, ke) = (keys(base), keys(edited));
    for (e, eu) in edited.iter().enumerate() {
        let Some(b) = kb.iter().position(|k| *k == ke[e]) else { continue };
        let bu = &base[b];
        for (bt, et) in [(&bu.content.texts, &eu.content.texts), (&bu.content.titles, &eu.content.titles)] {
            for t in bt {
                if let Some(x) = et.iter().find(|x| x.lang == t.lang) {
                    out.push((t.lang.clone(), t.value.plain.clone(), x.value.plain.clone()));
                }
            }
        }
        pairs(&bu.content.children, &eu.content.children, out);
    }
}

fn every_text<'a>(units: &'a [Unit], out: &mut Vec<&'a Text>) {
    for u in units {
        out.extend(u.content.texts.iter().chain(&u.content.titles));
        every_text(&u.content.children, out);
    }
}

fn every_text_mut(units: &mut [Unit], lang: &str, f: &mut impl FnMut(&mut RichText)) {
    for u in units {
        for t in u.content.texts.iter_mut().chain(u.content.titles.iter_mut()).filter(|t| t.lang == lang) {
            f(&mut t.value);
        }
        every_text_mut(&mut u.content.children, lang, f);
    }
}

/// What `derive` produced: the amendment file's new text, proved.
#[derive(Debug, Clone)]
pub struct Outcome {
    pub text: String,
    pub derived: Derived,
    /// The act version the amendment targets (`kz.cc version 2024-01-01`).
    pub base: String,
}

/// The amendment file that writes the output: its text, its model, and its
/// place among the workspace's files when it is one of them.
pub struct Output<'a> {
    pub text: &'a str,
    pub model: &'a crate::model::File,
    pub file: Option<usize>,
}

/// Everything `zan derive` does but reading and writing files: finds the
/// base version of the edited act in the workspace `files` (which must not
/// include the edited file), derives the operations, writes them into
/// amendment `id` of `output` (or a new file), and proves the result. The
/// CLI and the editor call this one function.
pub fn derive(
    files: &[crate::model::File],
    config: &crate::config::Config,
    edited: &crate::model::File,
    id: &str,
    output: Option<Output>,
) -> Result<Outcome, DeriveError> {
    let act = match (&edited.acts[..], edited.amendments.len()) {
        ([act], 0) => act,
        (acts, amendments) => {
            let span = acts.first().map_or(0..0, |a| a.id_span.clone());
            return Err(DeriveError::new(
                ErrorKind::NotOneAct { acts: acts.len(), amendments },
                Which::Edited,
                span,
            ));
        }
    };
    let Some(version) = act.version else {
        return Err(DeriveError::new(
            ErrorKind::NoVersion { act: act.id.clone() },
            Which::Edited,
            act.id_span.clone(),
        ));
    };
    let index = crate::index::Index::build(files);
    let base = index
        .base(&act.id, Some(version))
        .map_err(|m| DeriveError::new(ErrorKind::Check(m), Which::Edited, act.id_span.clone()))?;
    let base = crate::engine::Held::from_index(&index, base).to_act();
    prove::metadata(&base, act)?;
    let settings = Settings { new_wording_above: config.new_wording_above };
    let derived = operations(&base, act, settings);
    let name = format!("{} version {version}", act.id);
    if derived.operations.is_empty() {
        return Err(DeriveError::new(ErrorKind::NoChange { act: name }, Which::Edited, act.id_span.clone()));
    }
    let text =
        compose(output.as_ref().map(|o| (o.text, o.model)), id, &act.id, version, &derived.operations)?;
    // The workspace as it will be once the file is written, the amendment
    // nowhere else.
    let mut proved: Vec<crate::model::File> = files.to_vec();
    for f in &mut proved {
        f.amendments.retain(|a| a.id != id);
    }
    let written = crate::document::Document::parse(text.clone()).model;
    match output.as_ref().and_then(|o| o.file) {
        Some(i) => proved[i] = written,
        None => proved.push(written),
    }
    crate::config::default_languages(config, &mut proved);
    prove(&proved, config, id, act)?;
    Ok(Outcome { text, derived, base: name })
}
