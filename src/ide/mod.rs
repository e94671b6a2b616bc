//! Editor queries over a workspace, for the language server: what is at an
//! offset, where it is defined, what refers to it, outlines, highlighting and
//! incremental edits. Plain types and byte offsets only: the protocol lives in
//! `src/lsp/`, which converts positions at its edge (in the manner of
//! rust-analyzer's `ide` crate).

pub mod affected;
pub mod edit;
pub mod nav;
pub mod outline;
pub mod redline;
pub mod relower;
pub mod tokens;

use std::sync::Arc;

use tree_sitter::Tree;

use crate::document::Document;
use crate::model::File;
use crate::text::LineIndex;

/// The text of one file with its tree and line index; the model lives in
/// [`World::files`] so the whole workspace can be analysed as one slice.
#[derive(Debug)]
pub struct Source {
    pub text: String,
    pub lines: LineIndex,
    pub tree: Tree,
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
        (Source { text: doc.text, lines: doc.lines, tree: doc.tree }, doc.model)
    }

    pub fn insert(&mut self, at: usize, doc: Document) {
        let (source, model) = World::split(doc);
        self.files.insert(at, Arc::new(model));
        self.sources.insert(at, Arc::new(source));
    }

    /// Puts `doc` in place of file `at`, returning the file's old source and
    /// model (the caller may drop them where it costs nothing).
    pub fn replace(&mut self, at: usize, doc: Document) -> (Arc<Source>, Arc<File>) {
        let (source, model) = World::split(doc);
        let model = std::mem::replace(&mut self.files[at], Arc::new(model));
        (std::mem::replace(&mut self.sources[at], Arc::new(source)), model)
    }

    pub fn remove(&mut self, at: usize) {
        self.files.remove(at);
        self.sources.remove(at);
    }
}
