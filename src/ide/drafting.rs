//! Drafting by editing, in the editor: "Propose a change to this unit" gives
//! an editable copy of the unit's act version (the client opens it as a
//! scratch document, at the unit); "Update the amendment from the edited
//! copy" derives the amendment with `derive::derive`, as `zan derive` does,
//! and gives the amendment file's new text for the client to apply.

use super::World;
use crate::config::Config;
use crate::derive::{DeriveError, Mismatch, Output, Which};
use crate::document::Document;
use crate::lang::Lang;
use crate::model::{Segment, Unit, written};
use crate::text::{Encoding, LineIndex};

/// An editable copy of an act version, and where the unit asked about is in it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Proposal {
    pub text: String,
    /// The unit's path (`article 15 part 1`) and its first byte in `text`.
    pub unit: String,
    pub offset: usize,
}

/// The deepest unit of an act of `file` at `offset`, with its path.
fn unit_at(units: &[Unit], inner: &[Segment], offset: usize) -> Option<Vec<Segment>> {
    let u = units.iter().find(|u| u.span.start <= offset && offset < u.span.end)?;
    let mut path = inner.to_vec();
    path.push(Segment { kind: u.kind, number: u.number.clone() });
    let next = if u.kind.is_grouping() { inner } else { &path[..] };
    unit_at(&u.content.children, next, offset).or(Some(path))
}

fn find<'u>(units: &'u [Unit], inner: &[Segment], path: &str) -> Option<&'u Unit> {
    units.iter().find_map(|u| {
        let mut p = inner.to_vec();
        p.push(Segment { kind: u.kind, number: u.number.clone() });
        if written::path(&p) == path {
            return Some(u);
        }
        let next = if u.kind.is_grouping() { inner } else { &p[..] };
        find(&u.content.children, next, path)
    })
}

/// The copy of the act version that holds the unit at `offset` of `file`, as
/// `zan consolidate ACT --format zan` prints it; `None` outside a unit of an act.
pub fn propose(world: &World, file: usize, offset: usize) -> Option<Proposal> {
    let act = world.files[file].acts.iter().find(|a| a.span.start <= offset && offset < a.span.end)?;
    let path = unit_at(&act.units, &[], offset)?;
    let index = crate::index::Index::build(&world.files);
    let base = index.base(&act.id, act.version).ok()?;
    let mut copy = crate::engine::Held::from_index(&index, base).to_act();
    copy.units = crate::render::order::roots(&copy.units).into_iter().cloned().collect();
    let text = crate::render::zan::act(&copy)?;
    let unit = written::path(&path);
    let printed = Document::parse(text.clone()).model;
    let offset = find(&printed.acts.first()?.units, &[], &unit)?.span.start;
    Some(Proposal { text, unit, offset })
}

/// The amendment derived from an edited copy.
#[derive(Debug, Clone, PartialEq)]
pub struct Update {
    /// The file of the workspace that holds the amendment, or `None` for a
    /// new one (the client chooses where it goes).
    pub file: Option<usize>,
    pub text: String,
    pub operations: usize,
    /// The `derive-language-mismatch` warnings, worded.
    pub warnings: Vec<String>,
}

fn place(text: &str, offset: usize) -> String {
    let p = LineIndex::new(text).position(text, offset, Encoding::Chars);
    format!("{}:{}", p.line + 1, p.col + 1)
}

/// Derives amendment `id` from file `edited` (the edited copy, left out of
/// the workspace while deriving, as are the `scratch` documents, other
/// copies that are no file of the workspace), proved; or the error, worded
/// as `zan derive` words it, with its line and column.
pub fn update(
    world: &World,
    config: &Config,
    (edited, scratch): (usize, &[usize]),
    id: &str,
    ui: Lang,
) -> Result<Update, String> {
    let kept: Vec<usize> = (0..world.files.len()).filter(|&f| f != edited && !scratch.contains(&f)).collect();
    let files: Vec<crate::model::File> = kept.iter().map(|&f| (*world.files[f]).clone()).collect();
    let holder = crate::engine::find_amendment(&files, id).map(|(f, _)| f);
    let output =
        holder.map(|f| Output { text: &world.sources[kept[f]].text, model: &files[f], file: Some(f) });
    let edited_text = &world.sources[edited].text;
    let fail = |e: DeriveError| {
        let at = match &e.at {
            Some((Which::Edited, span)) => format!(" ({})", place(edited_text, span.start)),
            Some((Which::Amendment, span)) => holder
                .map(|f| format!(" ({})", place(&world.sources[kept[f]].text, span.start)))
                .unwrap_or_default(),
            None => String::new(),
        };
        format!(
            "{}[{}]: {}{at}",
            crate::report::severity_word(crate::diag::Severity::Error, ui),
            e.code(),
            e.render(ui)
        )
    };
    let outcome = crate::derive::derive(&files, config, &world.files[edited], id, output).map_err(fail)?;
    let warning = |m: &Mismatch| {
        format!(
            "derive-language-mismatch: the `{}` {} of {} changed ({}) and the `{}` one did not ({})",
            m.changed,
            if m.title { "title" } else { "text" },
            m.unit,
            place(edited_text, m.changed_span.start),
            m.unchanged,
            place(edited_text, m.unchanged_span.start)
        )
    };
    Ok(Update {
        file: holder.map(|f| kept[f]),
        text: outcome.text,
        operations: outcome.derived.operations.len(),
        warnings: outcome.derived.mismatches.iter().map(warning).collect(),
    })
}

/// A workspace file that holds the act the edited copy is of, other than
/// the copy: whose `zan.toml` the derivation follows.
pub fn act_file(world: &World, edited: usize) -> Option<usize> {
    let id = &world.files[edited].acts.first()?.id;
    (0..world.files.len()).find(|&f| f != edited && world.files[f].acts.iter().any(|a| &a.id == id))
}

/// A drafting code action: what the client's command is asked to do.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    /// "Propose a change to this unit": the unit's path (`article 15 part 1`).
    Propose { unit: String },
    /// "Update the amendment from the edited copy": the amendments of the
    /// workspace that amend the copy's act version, for the client to offer
    /// (it may name a new one).
    Update { amendments: Vec<String> },
}

impl Action {
    pub fn title(&self, ui: Lang) -> &'static str {
        match (self, ui) {
            (Action::Propose { .. }, Lang::En) => "Propose a change to this unit",
            (Action::Propose { .. }, Lang::Kk) => "Осы құрылымдық бірлікке өзгеріс ұсыну",
            (Action::Propose { .. }, Lang::Ru) => "Предложить изменение этой структурной единицы",
            (Action::Update { .. }, Lang::En) => "Update the amendment from the edited copy",
            (Action::Update { .. }, Lang::Kk) => "Түзетуді өңделген көшірме бойынша жаңарту",
            (Action::Update { .. }, Lang::Ru) => "Обновить поправку по отредактированной копии",
        }
    }
}

/// The drafting actions at `offset` of `file`: in a file of the workspace,
/// proposing a change to the unit there; in an edited copy (`copy`: a
/// document that is no file of the workspace, holding an act of it),
/// updating an amendment from it. Cheap: the copy itself is made, and the
/// amendment derived, only when the client runs the command.
pub fn actions(world: &World, file: usize, offset: usize, copy: bool) -> Vec<Action> {
    let Some(act) = world.files[file].acts.iter().find(|a| a.span.start <= offset && offset < a.span.end)
    else {
        return Vec::new();
    };
    if !copy {
        return unit_at(&act.units, &[], offset)
            .map(|path| Action::Propose { unit: written::path(&path) })
            .into_iter()
            .collect();
    }
    if act_file(world, file).is_none() {
        return Vec::new();
    }
    let mut amendments: Vec<String> = world
        .files
        .iter()
        .enumerate()
        .filter(|&(f, _)| f != file)
        .flat_map(|(_, m)| &m.amendments)
        .filter(|a| a.act.as_ref() == Some(&act.id) && a.base_version == act.version)
        .map(|a| a.id.clone())
        .collect();
    amendments.sort();
    amendments.dedup();
    vec![Action::Update { amendments }]
}
