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

use crate::analysis::{FileDiagnostic, Foreign, Frozen, Kept, LintCache};
use crate::model::{File, UnitContent};

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
/// checks that report on `file` (`analysis::analyze_file`).
pub fn diagnostics<F: Borrow<File>>(
    files: &[F],
    file: usize,
    cache: Option<&LintCache>,
) -> Vec<FileDiagnostic> {
    let members = closure(files, file);
    let at = members.iter().position(|&i| i == file).expect("a file is in its own closure");
    let subset: Vec<&File> = members.iter().map(|&i| files[i].borrow()).collect();
    crate::analysis::analyze_file(&subset, at, cache)
        .into_iter()
        .map(|d| FileDiagnostic { file, diagnostic: d.diagnostic })
        .collect()
}

/// What the server keeps between keystrokes to check the edited document:
/// the lints of its strings, and an index of the whole workspace that stays
/// good for the acts the document does not define while only it changes.
#[derive(Default)]
pub struct Memo {
    pub lints: LintCache,
    frozen: Mutex<Option<Arc<Frozen>>>,
}

impl Memo {
    /// The kept index if every file but `file` is the one it was built
    /// from, else a new one.
    fn frozen(&self, files: &[Arc<File>], file: usize) -> Arc<Frozen> {
        let kept = self.frozen.lock().unwrap_or_else(|e| e.into_inner()).clone();
        if let Some(f) = kept {
            let same = |(i, (a, b)): (usize, (&Arc<File>, &Arc<File>))| i == file || Arc::ptr_eq(a, b);
            if f.files().len() == files.len() && f.files().iter().zip(files).enumerate().all(same) {
                return f;
            }
        }
        let fresh = Arc::new(Frozen::build(files));
        *self.frozen.lock().unwrap_or_else(|e| e.into_inner()) = Some(fresh.clone());
        fresh
    }
}

/// `file`'s diagnostics, as [`diagnostics`] gives them. A file without
/// amendments indexes only the acts it defines (now or when the kept index
/// was built) and finds every other act it cites in the kept index.
pub fn file_diagnostics(files: &[Arc<File>], file: usize, memo: &Memo) -> Vec<FileDiagnostic> {
    if !files[file].amendments.is_empty() {
        return diagnostics(files, file, Some(&memo.lints));
    }
    let frozen = memo.frozen(files, file);
    let then = &frozen.files()[file];
    if crate::analysis::same_structure(then, &files[file]) {
        // Typing inside a text: the kept index holds this file's structure
        // too, so no index is built at all.
        let units = crate::analysis::preorder(&files[file]);
        let kept = Kept { index: frozen.index(), units: &units };
        return crate::analysis::analyze_file_kept(files, file, Some(&memo.lints), kept);
    }
    let local: HashSet<&str> = files[file].acts.iter().chain(&then.acts).map(|a| a.id.as_str()).collect();
    let foreign = Foreign { index: frozen.index(), local: &local };
    crate::analysis::analyze_file_with(files, file, Some(&memo.lints), foreign)
}

#[cfg(test)]
mod tests {
    use std::path::PathBuf;

    use crate::document::Document;

    /// On the shipped corpus plus the server's fixtures (which cite across
    /// files and carry errors), each file's diagnostics from its closure equal
    /// those from the whole workspace.
    #[test]
    fn closure_diagnostics_equal_the_whole_workspace() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let paths = crate::workspace::discover(&[root.join("corpus"), root.join("tests/fixtures/lsp")]);
        let files: Vec<_> =
            paths.iter().map(|p| Document::parse(std::fs::read_to_string(p).unwrap()).model).collect();
        let all = crate::analysis::analyze(&files);
        let shared: Vec<_> = files.iter().cloned().map(std::sync::Arc::new).collect();
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
            let alone = crate::analysis::analyze_file(&files, file, None);
            assert_eq!(alone, expected, "{}", path.display());
            // With an index kept from when the file was another one (defining
            // other acts, or none), and then with the current one.
            for other in [(file + 1) % files.len(), file] {
                let memo = super::Memo::default();
                let mut then = shared.clone();
                then[file] = shared[other].clone();
                memo.frozen(&then, file);
                assert_eq!(super::file_diagnostics(&shared, file, &memo), expected, "{}", path.display());
            }
            smaller += usize::from(super::closure(&files, file).len() < files.len());
        }
        assert!(smaller > files.len() / 2, "closures are usually smaller than the workspace");
    }

    /// Edits all over the corpus and the fixtures, each checked with the
    /// index kept from before it: where the structure stayed (typing inside
    /// a text) and where it did not, the file's diagnostics equal those of
    /// the whole analysis of the edited workspace.
    #[test]
    fn diagnostics_after_an_edit_from_the_kept_index_equal_the_whole_workspace() {
        let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
        let paths = crate::workspace::discover(&[root.join("corpus"), root.join("tests/fixtures/lsp")]);
        let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
        let shared: Vec<_> =
            texts.iter().map(|t| std::sync::Arc::new(Document::parse(t.clone()).model)).collect();
        let (mut kept, mut all) = (0, 0);
        for (file, text) in texts.iter().enumerate() {
            if !shared[file].amendments.is_empty() {
                continue;
            }
            let memo = super::Memo::default();
            memo.frozen(&shared, file);
            let mut at = 0;
            while at < text.len() {
                for new in ["ж", "  ", "[x](article 1)", "\"", "қате ([y](article 999))"] {
                    let mut edited = text.clone();
                    edited.insert_str(at, new);
                    let mut now = shared.clone();
                    now[file] = std::sync::Arc::new(Document::parse(edited).model);
                    let expected: Vec<_> =
                        crate::analysis::analyze(&now).into_iter().filter(|d| d.file == file).collect();
                    let got = super::file_diagnostics(&now, file, &memo);
                    assert_eq!(got, expected, "{} at {at} with {new:?}", paths[file].display());
                    kept += usize::from(crate::analysis::same_structure(&shared[file], &now[file]));
                    all += 1;
                }
                at = (at + 997..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
            }
        }
        assert!(kept > all / 3, "{kept} of {all} edits kept the structure");
    }
}
