//! The proof: the derived amendment, as it will be written, applied to its
//! base version by `zan check` and the engine (`analysis::apply_checked`,
//! as `diff`, `table` and `bill` apply it), gives the edited act, unit for
//! unit and in every language (the model without spans).

use std::borrow::Borrow;

use super::{DeriveError, ErrorKind, Which, keys, segment, tombstone};
use crate::analysis::{Refusal, apply_checked};
use crate::config::Config;
use crate::model::{Act, File, Segment, Unit, meaning};

/// The act's own statements, which no operation changes: the same in the
/// base and the edited copy, or an error naming the first that is not.
pub fn metadata(base: &Act, edited: &Act) -> Result<(), DeriveError> {
    let statements: [(&'static str, bool); 9] = [
        ("jurisdiction", base.jurisdiction == edited.jurisdiction),
        ("kind", base.kind == edited.kind),
        ("number", base.number == edited.number),
        ("adopted", base.adopted == edited.adopted),
        ("in-force", base.in_force == edited.in_force),
        ("languages", base.languages == edited.languages),
        ("title", meaning(&base.titles) == meaning(&edited.titles)),
        ("source", base.source == edited.source),
        ("compare", meaning(&base.comparisons) == meaning(&edited.comparisons)),
    ];
    match statements.iter().find(|(_, same)| !same) {
        Some((statement, _)) => {
            Err(DeriveError::new(ErrorKind::Metadata { statement }, Which::Edited, edited.id_span.clone()))
        }
        None => Ok(()),
    }
}

/// Applies amendment `id` of `files` and compares the result with `edited`.
pub fn prove<F: Borrow<File>>(
    files: &[F],
    config: &Config,
    id: &str,
    edited: &Act,
) -> Result<(), DeriveError> {
    let applied = apply_checked(files, config, id).map_err(|refusal| {
        let reason = match refusal {
            Refusal::Check(errors) => errors
                .iter()
                .map(|fd| {
                    format!(
                        "[{}] {}",
                        fd.diagnostic.message.code(),
                        fd.diagnostic.message.render(crate::lang::Lang::En)
                    )
                })
                .collect::<Vec<_>>()
                .join("; "),
            Refusal::Engine(e) => format!("[{}] {}", e.code(), e.render(crate::lang::Lang::En)),
        };
        DeriveError { kind: ErrorKind::Refused { reason }, at: None }
    })?;
    let result = applied.result.to_act();
    let order = |units: &[Unit]| crate::render::order::roots(units).into_iter().cloned().collect::<Vec<_>>();
    compare(&order(&result.units), &order(&edited.units), &[])
        .map_err(|unit| DeriveError::new(ErrorKind::Differs { unit }, Which::Edited, edited.id_span.clone()))
}

/// A unit as compared: its own content without children, and no date on a
/// tombstone (the edited copy may write one or not).
fn own(u: &Unit) -> serde_json::Value {
    let mut u = u.clone();
    u.content.children.clear();
    if let Some(r) = &mut u.content.repealed {
        r.date = None;
    }
    meaning(&u)
}

/// The path of the first unit that differs, in reading order. A tombstone
/// the edited copy left out (a unit it removed, now repealed) is no difference.
fn compare(result: &[Unit], edited: &[Unit], inner: &[Segment]) -> Result<(), String> {
    let result: Vec<&Unit> = {
        let ke = keys(edited);
        let kr = keys(result);
        result.iter().zip(kr).filter(|(u, k)| !tombstone(u) || ke.contains(k)).map(|(u, _)| u).collect()
    };
    let path = |u: &Unit| {
        let mut p = inner.to_vec();
        p.push(segment(u));
        p
    };
    for i in 0..result.len().max(edited.len()) {
        let (r, e) = (result.get(i), edited.get(i));
        let Some(at) = e.or(r.copied()) else { break };
        let p = path(at);
        match (r, e) {
            (Some(r), Some(e)) if own(r) == own(e) => {
                let inner = if e.kind.is_grouping() { inner } else { &p[..] };
                compare(&r.content.children, &e.content.children, inner)?;
            }
            _ => return Err(crate::model::written::path(&p)),
        }
    }
    Ok(())
}
