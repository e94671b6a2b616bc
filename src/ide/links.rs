//! Document links: each resolved target leads to the unit it cites.

use std::ops::Range;

use super::analysis::Nav;
use crate::analysis::{Location, Resolved};

/// The targets of `file`, in order, with where each leads.
pub fn links(nav: &Nav, file: usize) -> Vec<(Range<usize>, Location)> {
    let mut sites: Vec<_> = nav.sites.iter().filter(|s| s.file == file).collect();
    sites.sort_by_key(|s| s.target.span.start);
    sites
        .into_iter()
        .filter_map(|s| {
            let to = match s.resolve(&nav.index)? {
                Resolved::Unit(n) | Resolved::Range(n, _) => nav.index.location(n),
                Resolved::Act(_) => return None,
            };
            Some((s.target.span.clone(), to))
        })
        .collect()
}
