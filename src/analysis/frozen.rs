//! An index kept between runs: it owns the models it was built from.

use std::sync::Arc;

use super::Index;
use crate::model::File;

pub struct Frozen {
    // Declared before `files`, so dropped first, while what it borrows lives.
    index: Index<'static>,
    files: Vec<Arc<File>>,
}

impl Frozen {
    pub fn build(files: &[Arc<File>]) -> Frozen {
        let files = files.to_vec();
        let index = Index::build(&files);
        // SAFETY: the index borrows only the `File`s behind the `Arc`s (acts,
        // units and their strings), never the vector holding the `Arc`s. Those
        // allocations do not move when the vector does, are never mutated
        // while shared, and live as long as `self.files`, which is dropped
        // after `self.index` and never changed.
        let index = unsafe { std::mem::transmute::<Index<'_>, Index<'static>>(index) };
        Frozen { index, files }
    }

    /// The index, borrowed no longer than `self`.
    pub fn index(&self) -> &Index<'_> {
        &self.index
    }

    /// The models the index was built from.
    pub fn files(&self) -> &[Arc<File>] {
        &self.files
    }
}
