//! Editor queries over a workspace, for the language server: what is at an
//! offset, where it is defined, what refers to it, completion, hover, lenses,
//! hints, links, rename, views, outlines, highlighting and incremental edits.
//! Plain types and byte offsets only: the protocol lives in `src/lsp/`, which
//! converts positions at its edge. `Analysis` is the one door the server
//! uses (in the manner of rust-analyzer's `ide::Analysis`); each question
//! has a file of its own here.

pub mod affected;
pub mod analysis;
pub mod completion;
pub mod drafting;
pub mod edit;
pub mod hints;
pub mod hover;
pub mod lenses;
pub mod links;
pub mod nav;
pub mod outline;
pub mod relower;
pub mod remarks;
pub mod rename;
pub mod tokens;
pub mod views;
pub mod words;

#[cfg(test)]
mod tests;

pub use analysis::{Analysis, NavCache};

use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use tree_sitter::Tree;

use crate::document::Document;
use crate::model::File;
use crate::text::LineIndex;
use relower::Step;

/// The text of one file with its tree and line index; the model lives in
/// [`World::files`] so the whole workspace can be analysed as one slice.
#[derive(Debug)]
pub struct Source {
    pub text: String,
    pub lines: LineIndex,
    pub tree: Tree,
    /// Unique to this text of this file: what was computed on it can be
    /// told apart from what was computed on any other.
    pub revision: u64,
    /// How the model came from the one of revision `step.from`, when an
    /// edit lowered only one unit again.
    pub step: Option<Step>,
}

/// A revision not given before.
fn next_revision() -> u64 {
    static NEXT: AtomicU64 = AtomicU64::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// Every file of the workspace, in a fixed order (the order `zan check`
/// analyses them in). Cloning copies pointers only: a snapshot shares every
/// model, and an edit replaces one file's without copying the others.
#[derive(Debug, Clone, Default)]
pub struct World {
    pub files: Vec<Arc<File>>,
    pub sources: Vec<Arc<Source>>,
}

impl World {
    /// Splits a document into its source and model.
    pub fn split(doc: Document) -> (Source, File) {
        let source = Source {
            text: doc.text,
            lines: doc.lines,
            tree: doc.tree,
            revision: next_revision(),
            step: None,
        };
        (source, doc.model)
    }

    pub fn insert(&mut self, at: usize, doc: Document) {
        let (source, model) = World::split(doc);
        self.files.insert(at, Arc::new(model));
        self.sources.insert(at, Arc::new(source));
    }

    /// Puts `doc` in place of file `at`, returning the file's old source and
    /// model (the caller may drop them where it costs nothing).
    pub fn replace(&mut self, at: usize, doc: Document) -> (Arc<Source>, Arc<File>) {
        self.edit(at, doc, None)
    }

    /// [`World::replace`] with the document an edit made (`ide::edit::apply`).
    pub fn edit(&mut self, at: usize, doc: Document, step: Option<Step>) -> (Arc<Source>, Arc<File>) {
        let (mut source, model) = World::split(doc);
        source.step = step;
        let model = std::mem::replace(&mut self.files[at], Arc::new(model));
        (std::mem::replace(&mut self.sources[at], Arc::new(source)), model)
    }

    pub fn remove(&mut self, at: usize) {
        self.files.remove(at);
        self.sources.remove(at);
    }
}
