//! An index kept between runs: it owns the models it was built from.

use std::sync::Arc;

use super::Index;
use crate::model::File;

self_cell::self_cell!(
    /// The models, and the index that borrows their acts, units and strings.
    pub struct Frozen {
        owner: Vec<Arc<File>>,
        #[covariant]
        dependent: Index,
    }
);

impl Frozen {
    pub fn build(files: &[Arc<File>]) -> Frozen {
        Frozen::new(files.to_vec(), |files| Index::build(files))
    }

    /// The index, borrowed no longer than `self`.
    pub fn index(&self) -> &Index<'_> {
        self.borrow_dependent()
    }

    /// The models the index was built from.
    pub fn files(&self) -> &[Arc<File>] {
        self.borrow_owner()
    }
}
