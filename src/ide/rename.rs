//! Rename: only a unit's number can be renamed; renumbering edits the unit's
//! number and every target that names it, in every file, and the display
//! words of references that cite it («статьей 209» → «статьей 209-1»), with
//! the rule of `citation-words-mismatch`, so `zan check` finds nothing to
//! say afterwards.

use std::ops::Range;
use std::sync::Arc;

use super::Source;
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
pub fn rename(
    nav: &Nav,
    sources: &[Arc<Source>],
    file: usize,
    offset: usize,
    new: &str,
) -> Result<Vec<(Location, String)>, String> {
    if !nav::is_plain_number(new) {
        return Err(format!("`{new}` is not a unit number (letters and digits joined by - or :)"));
    }
    if nav::number_at(&nav.index, &nav.sites, file, offset).is_none() {
        return Err("only unit numbers can be renamed".into());
    }
    let n = nav::unit_meant(&nav.index, &nav.sites, file, offset).ok_or("this number names no unit")?;
    let numbers = nav::number_sites(&nav.index, &nav.sites, n);
    let mut edits: Vec<(Location, String)> = numbers.iter().map(|l| (l.clone(), new.to_string())).collect();
    for site in &nav.sites {
        if let Some(edit) = reworded(site, sources, &numbers, new) {
            edits.push(edit);
        }
    }
    Ok(edits)
}

/// The display words of a reference whose target the rename changes,
/// written with the new number; `None` when they do not cite the number, or
/// are written with escapes (the `citation-words-mismatch` warning and its
/// fix then say what to do).
fn reworded(
    site: &nav::Site,
    sources: &[Arc<Source>],
    numbers: &[Location],
    new: &str,
) -> Option<(Location, String)> {
    let (words, lang) = site.words?;
    let renamed = |span: &Range<usize>| numbers.iter().any(|l| l.file == site.file && l.span == *span);
    let t = site.target;
    let path: Vec<(&str, &str)> = t
        .path
        .iter()
        .map(|s| {
            let renumbered = s.number.as_ref().is_some_and(|n| renamed(&n.span));
            (s.kind.keyword(), if renumbered { new } else { s.number_text() })
        })
        .collect();
    let end = t.range_end.as_ref().map(|e| if renamed(&e.span) { new } else { e.text.as_str() });
    let touched = path.iter().zip(&t.path).any(|(p, s)| p.1 != s.number_text())
        || end.zip(t.range_end.as_ref()).is_some_and(|(e, r)| e != r.text);
    if !touched {
        return None;
    }
    let (_, fixed) = crate::lint::citations::mismatch(words, lang, &path, end)?;
    // `[words](target)`: the words lie between the bracket and `](`.
    let text = &sources[site.file].text;
    let span = (site.span.start + 1)..t.span.start.checked_sub(2)?;
    let written = text.get(span.clone())? == words && text.get(span.end..t.span.start)? == "](";
    written.then_some(())?;
    Some((Location { file: site.file, span }, fixed?))
}
