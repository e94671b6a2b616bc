//! The one door the language server uses (as rust-analyzer's
//! `ide::Analysis`): one method per editor question, answered in plain types
//! and byte offsets from a state of the workspace. The index and the list of
//! reference sites are built once per state and shared by every question
//! asked of it (`Navigation`).

use std::ops::Range;
use std::sync::{Arc, Mutex};

use super::affected::Memo;
use super::completion::{self, Item};
use super::lenses::{self, Lens};
use super::nav::{self, Site};
use super::{World, hints, hover, links, rename};
use crate::analysis::{FileDiagnostic, Index, Location};
use crate::config::Config;
use crate::lang::Lang;
use crate::model::File;

/// The index of a state of the workspace and its reference sites.
pub struct Nav<'m> {
    pub index: Index<'m>,
    pub sites: Vec<Site<'m>>,
}

self_cell::self_cell!(
    /// The models of one state of the workspace with their `Nav`.
    pub struct Navigation {
        owner: Vec<Arc<File>>,
        #[covariant]
        dependent: Nav,
    }
);

impl Navigation {
    pub fn build(files: &[Arc<File>]) -> Navigation {
        Navigation::new(files.to_vec(), |files| {
            let index = Index::build(files);
            let sites = nav::sites(&index, files);
            Nav { index, sites }
        })
    }

    pub fn nav(&self) -> &Nav<'_> {
        self.borrow_dependent()
    }

    /// Whether it was built from exactly these models.
    fn is_of(&self, files: &[Arc<File>]) -> bool {
        let own = self.borrow_owner();
        own.len() == files.len() && own.iter().zip(files).all(|(a, b)| Arc::ptr_eq(a, b))
    }
}

/// The last `Navigation` built, shared by the states that follow: a
/// question about a state it was not built from builds (and keeps) the one
/// of that state, so no answer comes from another state.
#[derive(Default)]
pub struct NavCache(Mutex<Option<Arc<Navigation>>>);

impl NavCache {
    pub fn get(&self, files: &[Arc<File>]) -> Arc<Navigation> {
        // Built under the lock: questions about the same new state wait for
        // one build instead of each making its own.
        let mut kept = crate::par::lock(&self.0);
        match kept.as_ref() {
            Some(n) if n.is_of(files) => n.clone(),
            _ => {
                let built = Arc::new(Navigation::build(files));
                *kept = Some(built.clone());
                built
            }
        }
    }
}

/// A state of the workspace, with what its answers are phrased in.
pub struct Analysis<'w> {
    pub world: &'w World,
    cache: &'w NavCache,
    /// Taken from the cache by the first question that needs it: a
    /// question about the document alone (formatting) builds no index.
    navigation: std::cell::OnceCell<Arc<Navigation>>,
    /// The preferred language of legal text.
    pub lang: &'w str,
    /// The language of messages.
    pub ui: Lang,
}

/// A reference's hover: Markdown, and the span it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hover {
    pub markdown: String,
    pub span: Range<usize>,
}

/// A place that names the unit under the cursor: its own number (`write`)
/// or a target that leads to it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Highlight {
    pub span: Range<usize>,
    pub write: bool,
}

impl<'w> Analysis<'w> {
    pub fn new(world: &'w World, cache: &'w NavCache, lang: &'w str, ui: Lang) -> Analysis<'w> {
        Analysis { world, cache, navigation: std::cell::OnceCell::new(), lang, ui }
    }

    fn nav(&self) -> &Nav<'_> {
        self.navigation.get_or_init(|| self.cache.get(&self.world.files)).nav()
    }

    /// A remark's thread, else the unit a reference cites.
    pub fn hover(&self, file: usize, offset: usize) -> Option<Hover> {
        if let Some((markdown, span)) = super::remarks::hover(&self.world.files[file], offset) {
            return Some(Hover { markdown, span });
        }
        hover::hover(self.nav(), &self.world.files, file, offset, self.lang, self.ui)
    }

    pub fn definition(&self, file: usize, offset: usize) -> Option<Location> {
        let nav = self.nav();
        nav::definition(&nav.index, &nav.sites, file, offset)
    }

    /// What refers to the unit meant at `offset` (with its own place first
    /// when `declaration`), and the operations that change it or its parts:
    /// a drafter asking what touches Article 15 means part 3 too.
    pub fn references(&self, file: usize, offset: usize, declaration: bool) -> Vec<Location> {
        let nav = self.nav();
        let Some(n) = nav::unit_meant(&nav.index, &nav.sites, file, offset) else { return Vec::new() };
        let mut out = Vec::new();
        if declaration {
            out.push(nav.index.location(n));
        }
        let mut found = nav::references(&nav.index, &nav.sites, n);
        for site in nav.sites.iter().filter(|s| matches!(s.kind, nav::SiteKind::Operation(..))) {
            if let Some(crate::analysis::Resolved::Unit(u)) = site.resolve(&nav.index)
                && u != n
                && nav.index.within(u, n)
            {
                found.push(Location { file: site.file, span: site.target.span.clone() });
            }
        }
        found.sort_by_key(|l| (l.file, l.span.start));
        found.dedup();
        out.extend(found);
        out
    }

    pub fn highlights(&self, file: usize, offset: usize) -> Vec<Highlight> {
        let nav = self.nav();
        let Some(n) = nav::unit_meant(&nav.index, &nav.sites, file, offset) else { return Vec::new() };
        let node = &nav.index.nodes[n];
        let own = node.unit.number.as_ref().filter(|_| node.file == file);
        let mut out: Vec<Highlight> =
            own.map(|number| Highlight { span: number.span.clone(), write: true }).into_iter().collect();
        for l in nav::references(&nav.index, &nav.sites, n).into_iter().filter(|l| l.file == file) {
            out.push(Highlight { span: l.span, write: false });
        }
        out
    }

    pub fn completion(&self, file: usize, offset: usize) -> Vec<Item> {
        let source = &self.world.sources[file];
        let line = source.lines.position(&source.text, offset, crate::text::Encoding::Utf8).line;
        let line_start = source.lines.line_range(&source.text, line as usize).start;
        let files = &self.world.files;
        completion::complete(&self.nav().index, files, &source.text, file, line_start, offset, self.lang)
    }

    /// The number at `offset` that a rename would change, and its text.
    pub fn prepare_rename(&self, file: usize, offset: usize) -> Option<(Range<usize>, String)> {
        rename::prepare(self.nav(), file, offset)
    }

    /// The edits that renumber the unit whose number is at `offset`.
    pub fn rename(&self, file: usize, offset: usize, new: &str) -> Result<Vec<(Location, String)>, String> {
        rename::rename(self.nav(), &self.world.sources, file, offset, new)
    }

    pub fn inlay_hints(&self, file: usize, span: Range<usize>) -> Vec<hints::Hint> {
        hints::hints(self.nav(), file, span, self.lang)
    }

    pub fn code_lenses(&self, file: usize) -> Vec<Lens> {
        lenses::lenses(&self.nav().index, &self.world.files[file], self.ui)
    }

    pub fn document_links(&self, file: usize) -> Vec<(Range<usize>, Location)> {
        links::links(self.nav(), file)
    }

    /// The diagnostics of `file` in `span` that carry a fix, with the
    /// severities of `config`: what `zan check --fix` would apply there.
    /// Found as the server finds the file's diagnostics (`affected`, with
    /// what `memo` keeps), not by a whole analysis per request.
    pub fn fixes(
        &self,
        file: usize,
        span: Range<usize>,
        config: &Config,
        memo: &Memo,
    ) -> Vec<FileDiagnostic> {
        let (found, _) = super::affected::file_diagnostics(self.world, file, memo);
        crate::config::apply(config, found)
            .into_iter()
            .filter(|d| {
                let r = &d.diagnostic.range;
                d.file == file && d.diagnostic.fix.is_some() && r.start <= span.end && span.start <= r.end
            })
            .collect()
    }

    /// "Resolve" for the open remarks in `span` (`ide::remarks`).
    pub fn resolve_remarks(&self, file: usize, span: Range<usize>) -> Vec<(String, crate::diag::Edit)> {
        super::remarks::resolve_actions(&self.world.files[file], span, self.ui)
    }

    /// "Propose a change to this unit": an editable copy of the act version
    /// of the unit at `offset`, and where the unit is in it.
    pub fn propose_change(&self, file: usize, offset: usize) -> Option<super::drafting::Proposal> {
        super::drafting::propose(self.world, file, offset)
    }

    /// The drafting code actions at `offset`: proposing a change to the unit
    /// there, or, in an edited `copy` (no file of the workspace), updating
    /// an amendment from it.
    pub fn drafting_actions(&self, file: usize, offset: usize, copy: bool) -> Vec<super::drafting::Action> {
        super::drafting::actions(self.world, file, offset, copy)
    }

    /// The workspace file whose `zan.toml` an edited copy's derivation follows.
    pub fn act_file(&self, edited: usize) -> Option<usize> {
        super::drafting::act_file(self.world, edited)
    }

    /// "Update the amendment from the edited copy": amendment `id` derived
    /// from file `edited` and proved, as `zan derive` does it; the `scratch`
    /// documents (no file of the workspace) are left out.
    pub fn update_amendment(
        &self,
        edited: usize,
        scratch: &[usize],
        id: &str,
        config: &Config,
    ) -> Result<super::drafting::Update, String> {
        super::drafting::update(self.world, config, (edited, scratch), id, self.ui)
    }

    /// The file's canonical layout (`None`: already canonical), or why it
    /// cannot be formatted.
    pub fn formatting(&self, file: usize) -> Result<Option<String>, String> {
        let source = &self.world.sources[file];
        let formatted = crate::fmt::format(&source.tree, &source.text).ok_or_else(|| match self.ui {
            Lang::En => "zan: the file has syntax errors; fix them first, then format".to_string(),
            Lang::Kk => "zan: файлда синтаксис қателері бар; алдымен оларды түзетіңіз".to_string(),
            Lang::Ru => "zan: в файле синтаксические ошибки; сначала исправьте их".to_string(),
        })?;
        Ok((formatted != source.text).then_some(formatted))
    }
}

/// What `zan import` is asked for by an editor: the kind of text, with its options.
pub enum ImportKind {
    Act(crate::import::Options),
    Law { id: Option<String> },
}

impl Analysis<'_> {
    /// `zan import` of texts the client read and sent: the CLI's import on
    /// the bytes; an amending law's acts are found by title among the
    /// workspace's acts (the `--workspace` of the CLI).
    pub fn import(
        &self,
        inputs: &[crate::import::Input],
        kind: ImportKind,
    ) -> Result<crate::import::Imported, String> {
        match kind {
            ImportKind::Act(opts) => crate::import::act(inputs, &opts),
            ImportKind::Law { id } => {
                let acts = self
                    .world
                    .files
                    .iter()
                    .flat_map(|f| &f.acts)
                    .map(|a| crate::import::law::KnownAct {
                        id: a.id.clone(),
                        version: a.version,
                        titles: a.titles.iter().map(|t| (t.lang.clone(), t.value.plain.clone())).collect(),
                    })
                    .collect();
                crate::import::law::law(
                    inputs,
                    &crate::import::law::Options { id, targets: Vec::new(), acts },
                )
            }
        }
    }
}
