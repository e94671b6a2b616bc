//! The files that decide one file's diagnostics, so an edit can be checked
//! against part of the workspace first.
//!
//! A file's diagnostics depend on its own model and on the act versions it
//! defines, cites or amends. Those come from the files that define any
//! version of those act ids (an undated citation picks the latest version),
//! and from nothing else. So `analysis::analyze` over that set, in workspace
//! order, gives the file exactly the diagnostics the whole workspace gives it.

use std::borrow::Borrow;
use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use std::ops::Range;

use super::World;
use super::relower::{Shift, Step};
use crate::analysis::{FileDiagnostic, Foreign, Frozen, Kept, LintCache, Plan, Source};

/// An analysis that is never given up.
fn run<F: Borrow<File>>(files: &[F], plan: &Plan) -> Vec<FileDiagnostic> {
    crate::analysis::run(files, plan, &|| false).unwrap_or_default()
}
use crate::diag::Diagnostic;
use crate::model::{File, Unit, UnitContent};
use crate::par::lock;

fn content_ids<'m>(content: &'m UnitContent, out: &mut HashSet<&'m str>) {
    for text in content.titles.iter().chain(&content.texts) {
        out.extend(text.value.refs.iter().filter_map(|r| r.target.act.as_deref()));
    }
    out.extend(content.comparisons.iter().filter_map(|c| c.target.act.as_deref()));
    for child in &content.children {
        content_ids(&child.content, out);
    }
}

/// Every act id `file` defines, cites or amends.
fn act_ids(file: &File) -> HashSet<&str> {
    let mut out = HashSet::new();
    for act in &file.acts {
        out.insert(act.id.as_str());
        out.extend(act.comparisons.iter().filter_map(|c| c.target.act.as_deref()));
        for unit in &act.units {
            content_ids(&unit.content, &mut out);
        }
    }
    for am in &file.amendments {
        out.extend(am.act.as_deref());
        for op in &am.operations {
            out.extend(op.comparisons.iter().filter_map(|c| c.target.act.as_deref()));
            out.extend(op.target().and_then(|t| t.act.as_deref()));
            if let crate::model::OperationKind::Rewrite { content, .. }
            | crate::model::OperationKind::Add { content, .. } = &op.kind
            {
                content_ids(content, &mut out);
            }
        }
    }
    out
}

/// The files (indices, in order) whose models decide `file`'s diagnostics.
pub fn closure<F: Borrow<File>>(files: &[F], file: usize) -> Vec<usize> {
    let ids = act_ids(files[file].borrow());
    (0..files.len())
        .filter(|&i| i == file || files[i].borrow().acts.iter().any(|a| ids.contains(a.id.as_str())))
        .collect()
}

/// `file`'s diagnostics, computed on its closure only, and there only the
/// checks that report on `file` (`analysis::run` with `Plan::only`).
pub fn diagnostics<F: Borrow<File>>(
    files: &[F],
    file: usize,
    cache: Option<&LintCache>,
) -> Vec<FileDiagnostic> {
    let members = closure(files, file);
    let at = members.iter().position(|&i| i == file).expect("a file is in its own closure");
    let subset: Vec<&File> = members.iter().map(|&i| files[i].borrow()).collect();
    run(&subset, &Plan { only: Some(at), cache, ..Plan::default() })
        .into_iter()
        .map(|d| FileDiagnostic { file, diagnostic: d.diagnostic })
        .collect()
}

/// What the server keeps between keystrokes to check the edited document:
/// the lints of its strings, an index of the whole workspace that stays
/// good for the acts the document does not define while only it changes,
/// and the document's last findings.
#[derive(Default)]
pub struct Memo {
    pub lints: LintCache,
    frozen: Mutex<Option<Arc<Frozen>>>,
    last: Mutex<Option<Last>>,
}

/// The findings of the analysis proper (no model diagnostics) on one
/// revision of a file, made on a kept index.
struct Last {
    revision: u64,
    frozen: Arc<Frozen>,
    checks: Vec<Diagnostic>,
}

impl Memo {
    /// The kept index if every file but `file` is the one it was built
    /// from, else a new one.
    fn frozen(&self, files: &[Arc<File>], file: usize) -> Arc<Frozen> {
        let kept = lock(&self.frozen).clone();
        if let Some(f) = kept {
            let same = |(i, (a, b)): (usize, (&Arc<File>, &Arc<File>))| i == file || Arc::ptr_eq(a, b);
            if f.files().len() == files.len() && f.files().iter().zip(files).enumerate().all(same) {
                return f;
            }
        }
        let fresh = Arc::new(Frozen::build(files));
        *lock(&self.frozen) = Some(fresh.clone());
        fresh
    }

    /// Keeps `fresh` (built by a whole-workspace pass) for the next edits,
    /// unless the kept index still serves them: it differs from `fresh` in
    /// at most one file, and there not in structure. Else the next edit
    /// would find a changed structure (or a changed file) in it and check
    /// slowly. A kept index that still serves stays, because it holds none
    /// of the edited document's later models, which an edit then changes in
    /// place instead of copying.
    pub fn offer(&self, fresh: Arc<Frozen>) {
        let mut kept = lock(&self.frozen);
        let serves = kept.as_ref().is_some_and(|k| {
            let (old, new) = (k.files(), fresh.files());
            let mut changed = (0..old.len()).filter(|&i| !Arc::ptr_eq(&old[i], &new[i]));
            old.len() == new.len()
                && match (changed.next(), changed.next()) {
                    (None, _) => true,
                    (Some(i), None) => crate::analysis::same_structure(&old[i], &new[i]),
                    (Some(_), Some(_)) => false,
                }
        });
        if !serves {
            *kept = Some(fresh);
        }
    }
}

/// How [`file_diagnostics`] found a file's diagnostics, quickest last.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Route {
    /// A file with amendments: every check, on the files that decide it.
    Closure,
    /// Its structure changed: its own acts indexed afresh, the others
    /// found in the kept index.
    Foreign,
    /// Every unit of the file checked on the kept index.
    Kept,
    /// Only the unit the last edit changed checked again; the findings
    /// elsewhere are the last ones, moved by the edit.
    Unit,
}

/// `file`'s diagnostics, as [`diagnostics`] gives them, and how they were
/// found. A file without amendments indexes only the acts it defines (now
/// or when the kept index was built) and finds every other act it cites in
/// the kept index; while its structure stays that of the kept index, no
/// index is built at all, and after an edit inside one unit only that unit
/// is checked.
/// Every file's findings, from an index of the whole workspace that is then
/// offered to `memo`; `None` when `stop` says a newer change came in first.
pub fn workspace_diagnostics(
    files: &[Arc<File>],
    memo: &Memo,
    stop: &(dyn Fn() -> bool + Sync),
) -> Option<Vec<FileDiagnostic>> {
    let frozen = Arc::new(Frozen::build(files));
    let kept = Kept { index: frozen.index(), units: &[] };
    let diags = crate::analysis::run(files, &Plan { index: Source::Kept(kept), ..Plan::default() }, stop)?;
    memo.offer(frozen);
    Some(diags)
}

pub fn file_diagnostics(world: &World, file: usize, memo: &Memo) -> (Vec<FileDiagnostic>, Route) {
    let files = &world.files;
    if !files[file].amendments.is_empty() {
        return (diagnostics(files, file, Some(&memo.lints)), Route::Closure);
    }
    let frozen = memo.frozen(files, file);
    let last = lock(&memo.last).take();
    let then = &frozen.files()[file];
    if !crate::analysis::same_structure(then, &files[file]) {
        let local: HashSet<&str> = files[file].acts.iter().chain(&then.acts).map(|a| a.id.as_str()).collect();
        let foreign = Foreign { index: frozen.index(), local: &local };
        let plan = Plan {
            only: Some(file),
            cache: Some(&memo.lints),
            index: Source::Foreign(foreign),
            ..Plan::default()
        };
        return (run(files, &plan), Route::Foreign);
    }
    // Typing inside a text: the kept index holds this file's structure too.
    let units = crate::analysis::preorder(&files[file]);
    let kept = Kept { index: frozen.index(), units: &units };
    let source = &world.sources[file];
    let unit = last
        .filter(|l| Arc::ptr_eq(&l.frozen, &frozen))
        .and_then(|l| Some((source.step.as_ref().filter(|s| s.from == l.revision)?, l.checks)))
        .and_then(|(step, checks)| unit_checks(files, file, kept, step, checks))
        .map(|checks| {
            let out = crate::analysis::with_model(files, file, checks.clone());
            (checks, out)
        })
        // Findings at one place with one code come in the order of the
        // whole walk, which the merge does not know.
        .filter(|(_, out)| !out.windows(2).any(|w| key(&w[0]) == key(&w[1])));
    let (checks, out, path) = match unit {
        Some((checks, out)) => (checks, out, Route::Unit),
        None => {
            let plan = Plan {
                only: Some(file),
                cache: Some(&memo.lints),
                index: Source::Kept(kept),
                checks_only: true,
                ..Plan::default()
            };
            let checks = run(files, &plan);
            (checks.clone(), crate::analysis::with_model(files, file, checks), Route::Kept)
        }
    };
    let checks = checks.into_iter().map(|d| d.diagnostic).collect();
    *lock(&memo.last) = Some(Last { revision: source.revision, frozen, checks });
    (out, path)
}

fn key(d: &FileDiagnostic) -> (usize, &'static str) {
    (d.diagnostic.range.start, d.diagnostic.code())
}

/// The findings after `step`, from those before it: a unit's findings lie
/// inside it, so those of the unit lowered again are made anew and the
/// others move with the text. `None` when a finding crosses the unit's edge.
fn unit_checks(
    files: &[Arc<File>],
    file: usize,
    kept: Kept,
    step: &Step,
    before: Vec<Diagnostic>,
) -> Option<Vec<FileDiagnostic>> {
    let delta = step.splice.new_len as isize - step.splice.old.len() as isize;
    let old = &step.unit;
    let now = old.start..old.end.checked_add_signed(delta)?;
    let at = kept.units.iter().position(|u| u.span == now)?;
    let inside = |r: &Range<usize>| old.start <= r.start && r.end <= old.end;
    let apart = |r: &Range<usize>| r.end <= old.start || old.end <= r.start;
    if !before.iter().all(|d| inside(&d.range) || apart(&d.range)) {
        return None;
    }
    let shift = Shift { from: step.splice.old.end, delta };
    let mut out: Vec<_> = before
        .into_iter()
        .filter(|d| !inside(&d.range))
        .map(|mut diagnostic| {
            shift.diagnostic(&mut diagnostic);
            FileDiagnostic { file, diagnostic }
        })
        .collect();
    let units = Some(at..at + size(kept.units[at]));
    out.extend(run(
        files,
        &Plan { only: Some(file), units, index: Source::Kept(kept), checks_only: true, ..Plan::default() },
    ));
    Some(out)
}

/// A unit and all it contains, counted.
fn size(unit: &Unit) -> usize {
    1 + unit.content.children.iter().map(size).sum::<usize>()
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use super::{Memo, Route, file_diagnostics, run};
    use crate::analysis::{Kept, Plan, Source};
    use crate::document::Document;
    use crate::ide::World;
    use crate::ide::edit::{TextChange, apply};
    use crate::text::Encoding;

    /// A finding of nearly every kind in every unit, no syntax error: typing
    /// anywhere moves findings after it and leaves those before.
    const TYPING: &str = r#"act kz.typing version 2024-01-01 {
  languages kk ru
  article 1 {
    kk summary "Бұл [205-бап](kz.cc article 2050) туралы ." cite "test"
    ru summary "См. статью 15 Кодекса ." cite "test"
  }
  article 3 {
    title kk summary "Үшінші  бап" cite "test"
    kk summary "Үшінші  бап [x](kz.cc article 16)." cite "test"
  }
  article 2 {
    part 1 { kk summary "Бөлік ([y](article 999))." cite "test" }
    part 1 { ru summary "Часть ." cite "test" }
  }
  article 4 {
    kk summary "Төртінші 🙂 бап [刑法](de.stgb article 999)" cite "test"
  }
}
"#;

    /// The shipped corpus, the server's fixtures (which cite across files and
    /// carry errors) and [`TYPING`].
    fn workspace() -> (Vec<PathBuf>, World) {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let mut paths = crate::workspace::discover(&[root.join("corpus"), root.join("tests/fixtures/lsp")]);
        let mut world = World::default();
        for (i, p) in paths.iter().enumerate() {
            world.insert(i, Document::parse(std::fs::read_to_string(p).unwrap()));
        }
        paths.push(root.join("typing.zan"));
        world.insert(world.files.len(), Document::parse(TYPING.to_string()));
        (paths, world)
    }

    /// On the shipped corpus plus the server's fixtures (which cite across
    /// files and carry errors), each file's diagnostics from its closure equal
    /// those from the whole workspace.
    #[test]
    fn closure_diagnostics_equal_the_whole_workspace() {
        let (paths, world) = workspace();
        let files: Vec<_> = world.files.iter().map(|f| (**f).clone()).collect();
        let all = crate::analysis::analyze(&files);
        assert!(all.len() >= 7);
        let mut smaller = 0;
        let cache = crate::analysis::LintCache::default();
        for (file, path) in paths.iter().enumerate() {
            let expected: Vec<_> = all.iter().filter(|d| d.file == file).cloned().collect();
            assert_eq!(super::diagnostics(&files, file, None), expected, "{}", path.display());
            // Twice through the cache: filled, then answering.
            for _ in 0..2 {
                assert_eq!(super::diagnostics(&files, file, Some(&cache)), expected, "{}", path.display());
            }
            let alone = run(&files, &Plan { only: Some(file), ..Plan::default() });
            assert_eq!(alone, expected, "{}", path.display());
            // With an index kept from when the file was another one (defining
            // other acts, or none), and then with the current one.
            for other in [(file + 1) % files.len(), file] {
                let memo = Memo::default();
                let mut then = world.files.clone();
                then[file] = world.files[other].clone();
                memo.frozen(&then, file);
                assert_eq!(file_diagnostics(&world, file, &memo).0, expected, "{}", path.display());
            }
            smaller += usize::from(super::closure(&files, file).len() < files.len());
        }
        assert!(smaller > files.len() / 2, "closures are usually smaller than the workspace");
    }

    /// Typing all over the corpus and the fixtures as the server takes it:
    /// each edit applied to the document (`ide::edit::apply`), then undone,
    /// and the file checked after each with what the memo kept from before.
    /// Whichever way the diagnostics are found (one unit again, the whole
    /// file on the kept index, or the file's acts indexed afresh), they
    /// equal those of the whole analysis of the edited workspace.
    #[test]
    fn diagnostics_while_typing_equal_the_whole_workspace() {
        let (paths, mut world) = workspace();
        let mut parser = crate::syntax::parser();
        let mut paths_taken = std::collections::HashMap::new();
        for file in 0..paths.len() {
            let memo = Memo::default();
            let mut check = |world: &World, what: &str| {
                let expected: Vec<_> =
                    crate::analysis::analyze(&world.files).into_iter().filter(|d| d.file == file).collect();
                let (got, path) = file_diagnostics(world, file, &memo);
                assert_eq!(got, expected, "{} {what}", paths[file].display());
                *paths_taken.entry(path).or_insert(0) += 1;
            };
            check(&world, "as read");
            let mut at = 0;
            while at < world.sources[file].text.len() {
                for new in ["ж", "  ", "[x](article 1)", "\"", "қате ([y](article 999))", "1"] {
                    for undo in [false, true] {
                        let source = world.sources[file].clone();
                        let start = source.lines.position(&source.text, at, Encoding::Utf16);
                        let end = source.lines.position(&source.text, at + new.len(), Encoding::Utf16);
                        let change = match undo {
                            false => TextChange { range: Some((start, start)), text: new.into() },
                            true => TextChange { range: Some((start, end)), text: String::new() },
                        };
                        let model = world.files[file].clone();
                        let (doc, step) = apply(&mut parser, &source, model, &[change], Encoding::Utf16);
                        drop(world.edit(file, doc, step));
                        check(&world, &format!("{new:?} at {at}, undone: {undo}"));
                    }
                }
                let text = &world.sources[file].text;
                let step = if file + 1 == paths.len() { 7 } else { 499 };
                at = (at + step..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
            }
        }
        let count = |p: Route| paths_taken.get(&p).copied().unwrap_or(0);
        let all: usize = paths_taken.values().sum();
        assert!(count(Route::Unit) > all / 3, "{paths_taken:?}");
        assert!(
            count(Route::Kept) > 0 && count(Route::Foreign) > 0 && count(Route::Closure) > 0,
            "{paths_taken:?}"
        );
    }

    /// The whole-workspace pass on a kept index equals `analyze`, and is
    /// given up at the first question once a newer change came in.
    #[test]
    fn a_whole_pass_on_a_kept_index_equals_analyze_and_stops_when_asked() {
        let (_, world) = workspace();
        let frozen = crate::analysis::Frozen::build(&world.files);
        let all = crate::analysis::analyze(&world.files);
        let kept =
            Plan { index: Source::Kept(Kept { index: frozen.index(), units: &[] }), ..Plan::default() };
        assert_eq!(crate::analysis::run(&world.files, &kept, &|| false), Some(all));
        let asked = std::sync::atomic::AtomicUsize::new(0);
        let newer = || {
            asked.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            true
        };
        assert_eq!(crate::analysis::run(&world.files, &kept, &newer), None);
        // Once in the walk, which then ends, and once at the end.
        assert_eq!(asked.into_inner(), 2);
    }

    /// A whole pass's index replaces the kept one only when the kept one no
    /// longer serves the next edits.
    #[test]
    fn a_whole_pass_index_is_kept_only_when_the_kept_one_no_longer_serves() {
        let (_, mut world) = workspace();
        let file = world.files.len() - 1;
        let memo = Memo::default();
        let kept = memo.frozen(&world.files, file);
        let edit = |world: &mut World, from: &str, to: &str| {
            let text = world.sources[file].text.replacen(from, to, 1);
            drop(world.replace(file, Document::parse(text)));
        };
        let now = |memo: &Memo| memo.frozen.lock().unwrap().clone().unwrap();
        // Typing inside a text: the kept index still serves.
        edit(&mut world, "Үшінші", "Үшіншіж");
        memo.offer(std::sync::Arc::new(crate::analysis::Frozen::build(&world.files)));
        assert!(std::sync::Arc::ptr_eq(&now(&memo), &kept));
        // A new article: the pass's index is kept.
        edit(&mut world, "  article 4 {", "  article 5 {}\n  article 4 {");
        let fresh = std::sync::Arc::new(crate::analysis::Frozen::build(&world.files));
        memo.offer(fresh.clone());
        assert!(std::sync::Arc::ptr_eq(&now(&memo), &fresh));
        assert_eq!(file_diagnostics(&world, file, &memo).1, Route::Kept);
    }
}
