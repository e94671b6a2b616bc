//! Inlay hints: after each resolved target, the cited unit's title.

use std::ops::Range;

use super::analysis::Nav;
use super::outline::pick;
use crate::analysis::Resolved;

/// How much of a title a hint shows.
const TITLE_CHARS: usize = 40;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// Where the hint goes: the end of the target.
    pub offset: usize,
    pub label: String,
}

pub fn hints(nav: &Nav, file: usize, span: Range<usize>, lang: &str) -> Vec<Hint> {
    let index = &nav.index;
    nav.sites
        .iter()
        .filter(|s| s.file == file && s.target.span.start >= span.start && s.target.span.end <= span.end)
        .filter_map(|s| {
            let Resolved::Unit(n) = s.resolve(index)? else { return None };
            let title = &pick(&index.nodes[n].unit.content.titles, lang)?.value.plain;
            let short: String = title.chars().take(TITLE_CHARS).collect();
            let label = if short.len() < title.len() { format!("{short}…") } else { short };
            Some(Hint { offset: s.target.span.end, label })
        })
        .collect()
}
