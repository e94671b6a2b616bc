//! Code lenses: on every amendment and operation, its redline and its
//! comparative table (client commands that show the document's amendment),
//! and the comparative provisions it cites, with where they are.

use crate::analysis::{Index, Location, Resolved, resolve};
use crate::lang::Lang;
use crate::model::{Comparison, File};

use super::words::{provisions, word};

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Command {
    /// `zan.showRedline` of the document.
    Redline,
    /// `zan.showTable` of the document.
    Table,
    /// `zan.showComparisons`: where the provisions are.
    Comparisons(Vec<Location>),
    /// A title alone: provisions cited, none of which resolves.
    None,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lens {
    /// The start of the amendment or operation.
    pub at: usize,
    pub title: String,
    pub command: Command,
}

pub fn lenses(index: &Index, file: &File, ui: Lang) -> Vec<Lens> {
    let mut out = Vec::new();
    for am in &file.amendments {
        out.extend(three(index, am.span.start, am.operations.iter().flat_map(|o| o.all_comparisons()), ui));
        for op in &am.operations {
            out.extend(three(index, op.span.start, op.all_comparisons(), ui));
        }
    }
    out
}

/// Redline, table, and the provisions when there are any.
fn three<'a>(index: &Index, at: usize, cited: impl Iterator<Item = &'a Comparison>, ui: Lang) -> Vec<Lens> {
    let cited: Vec<&Comparison> = cited.collect();
    let mut out = vec![
        Lens { at, title: word(ui, "Redline").into(), command: Command::Redline },
        Lens { at, title: word(ui, "Comparative table").into(), command: Command::Table },
    ];
    // Nothing to say about no comparative provisions.
    if !cited.is_empty() {
        let found: Vec<Location> = cited
            .iter()
            .filter_map(|c| match resolve(index, &c.target, None).ok()? {
                Resolved::Unit(n) | Resolved::Range(n, _) => Some(index.location(n)),
                Resolved::Act(_) => None,
            })
            .collect();
        let command = if found.is_empty() { Command::None } else { Command::Comparisons(found) };
        out.push(Lens { at, title: provisions(cited.len(), ui), command });
    }
    out
}
