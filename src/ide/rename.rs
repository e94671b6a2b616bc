//! Rename: only a unit's number can be renamed; renumbering edits the unit's
//! number and every target that names it, in every file.

use std::ops::Range;

use super::analysis::Nav;
use super::nav;
use crate::analysis::Location;

/// The number at `offset`, if it names a unit, and its text.
pub fn prepare(nav: &Nav, file: usize, offset: usize) -> Option<(Range<usize>, String)> {
    let number = nav::number_at(&nav.index, &nav.sites, file, offset)?;
    nav::unit_meant(&nav.index, &nav.sites, file, offset)?;
    Some((number.span.clone(), number.text.clone()))
}

/// The edits that give the unit at `offset` the number `new`.
pub fn rename(nav: &Nav, file: usize, offset: usize, new: &str) -> Result<Vec<(Location, String)>, String> {
    if !nav::is_plain_number(new) {
        return Err(format!("`{new}` is not a unit number (letters and digits joined by - or :)"));
    }
    if nav::number_at(&nav.index, &nav.sites, file, offset).is_none() {
        return Err("only unit numbers can be renamed".into());
    }
    let n = nav::unit_meant(&nav.index, &nav.sites, file, offset).ok_or("this number names no unit")?;
    Ok(nav::number_sites(&nav.index, &nav.sites, n).into_iter().map(|l| (l, new.to_string())).collect())
}
