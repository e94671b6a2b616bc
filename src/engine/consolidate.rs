//! An act as of a date: its version in force then, with the amendments in
//! force by then applied in the order of their dates, and the conflicts
//! between them named.

use super::*;

/// The act `act` as of `as_of` (default: its latest version, with every
/// admitted amendment that has an in-force date): the latest version dated
/// on or before the date, then the amendments in force after that version
/// and by the date, in the order of their dates. Amendments without an
/// in-force date are left out.
pub fn consolidate<'m, F: Borrow<File>>(
    files: &'m [F],
    act: &str,
    as_of: Option<Date>,
    include: Include,
) -> Result<Applied<'m>, EngineError> {
    let index = Index::build(files);
    let versions = index.versions(act);
    let base = versions
        .iter()
        .copied()
        .rev()
        .find(|&v| match (index.acts[v].version, as_of) {
            (Some(d), Some(at)) => d <= at,
            _ => true,
        })
        .ok_or_else(|| {
            // Versions, but none by the date: say so rather than "no act".
            let first = versions.first().and_then(|&v| index.acts[v].version);
            let kind = match (first, as_of) {
                (Some(first), Some(date)) => ErrorKind::NotInForce {
                    act: act.to_string(),
                    date: date.to_string(),
                    first: first.to_string(),
                },
                _ => ErrorKind::NoSuchId { id: act.to_string() },
            };
            EngineError { kind, at: None }
        })?;
    let since = index.acts[base].version;
    let files = models(files);
    let in_time = |a: &Amendment| {
        a.in_force.is_some_and(|d| since.is_none_or(|s| d > s) && as_of.is_none_or(|at| d <= at))
    };
    let of_act: Vec<(usize, &Amendment)> = files
        .iter()
        .enumerate()
        .flat_map(|(f, file)| file.amendments.iter().map(move |a| (f, a)))
        .filter(|(_, a)| a.act.as_deref() == Some(act) && in_time(a))
        .collect();
    let (mut chosen, left): (Vec<_>, Vec<_>) =
        of_act.into_iter().partition(|(_, a)| include.admits(a.status));
    chosen.sort_by(|x, y| (x.1.in_force, &x.1.id).cmp(&(y.1.in_force, &y.1.id)));
    let state = Held::from_index(&index, base);
    let mut applied = run(&files, &index, state.clone(), chosen.clone())
        .map_err(|e| same_day(&files, &index, &state, &chosen, e))?;
    conflicts(&applied)?;
    applied.left_out = left.len();
    Ok(applied)
}

/// An amendment that fails after another of the same in-force date, but
/// applies without it, conflicts with it: that is the error to report,
/// not the words the other one changed.
pub(super) fn same_day(
    files: &[&File],
    index: &Index,
    state: &Held,
    chosen: &[(usize, &Amendment)],
    e: EngineError,
) -> EngineError {
    let Some((file, span)) = &e.at else { return e };
    let failed =
        chosen.iter().position(|(f, a)| f == file && a.span.start <= span.start && span.end <= a.span.end);
    let Some(k) = failed else { return e };
    let day = chosen[k].1.in_force;
    let Some(first) = chosen[..k].iter().position(|(_, a)| a.in_force == day) else { return e };
    let with = |others: &[(usize, &Amendment)]| {
        let list: Vec<_> =
            chosen[..first].iter().chain(others).chain(std::iter::once(&chosen[k])).copied().collect();
        run(files, index, state.clone(), list).is_ok()
    };
    if !with(&[]) {
        return e;
    }
    // The same-day amendment that the failing one cannot follow.
    let Some(other) = (first..k).find(|&j| !with(&chosen[j..=j])) else { return e };
    let unit = match &e.kind {
        ErrorKind::Check(
            Message::WordsNotFound { unit, .. }
            | Message::UnitExists { unit }
            | Message::Unresolved { target: unit, .. }
            | Message::OperationOnRepealed { target: unit },
        ) => unit.clone(),
        ErrorKind::Check(Message::WordsNotFoundNear(near)) => match &near.0 {
            Message::WordsNotFound { unit, .. } => unit.clone(),
            _ => String::new(),
        },
        _ => chosen[k]
            .1
            .operations
            .iter()
            .find(|o| o.span.start <= span.start && span.end <= o.span.end)
            .and_then(|o| o.target())
            .map(crate::model::written::target)
            .unwrap_or_default(),
    };
    let kind =
        ErrorKind::Conflict { unit, first: chosen[other].1.id.clone(), second: chosen[k].1.id.clone() };
    EngineError::new(kind, *file, span.clone())
}

/// Two amendments of the same in-force date that change the same unit (or
/// one a unit inside the other's; adding a unit changes its parent) are a
/// conflict: their order would decide the result.
pub(super) fn conflicts(applied: &Applied) -> Result<(), EngineError> {
    let ancestors = ancestry(&applied.result);
    // An added unit changes its parent: where it goes depends on the order.
    let mut by_amendment: Vec<Vec<(u32, String)>> = vec![Vec::new(); applied.amendments.len()];
    for c in &applied.changes {
        for t in &c.touched {
            let id = match &t.before {
                None => ancestors.get(&t.id).and_then(|up| up.last().copied()).unwrap_or(0),
                Some(_) => t.id,
            };
            by_amendment[c.amendment].push((id, crate::model::written::path(&t.path)));
        }
    }
    let related = |a: u32, b: u32| {
        a == b
            || ancestors.get(&a).is_some_and(|v| v.contains(&b))
            || ancestors.get(&b).is_some_and(|v| v.contains(&a))
    };
    for (i, (_, a)) in applied.amendments.iter().enumerate() {
        for (j, (file, b)) in applied.amendments.iter().enumerate().skip(i + 1) {
            if a.in_force != b.in_force {
                continue;
            }
            for (x, unit) in &by_amendment[i] {
                if by_amendment[j].iter().any(|(y, _)| related(*x, *y)) {
                    let kind =
                        ErrorKind::Conflict { unit: unit.clone(), first: a.id.clone(), second: b.id.clone() };
                    return Err(EngineError::new(kind, *file, b.id_span.clone()));
                }
            }
        }
    }
    Ok(())
}

/// Each unit's ancestors' identities.
pub(super) fn ancestry(state: &Held) -> HashMap<u32, Vec<u32>> {
    pub(super) fn go(n: &Tracked, up: &mut Vec<u32>, out: &mut HashMap<u32, Vec<u32>>) {
        out.insert(n.id, up.clone());
        up.push(n.id);
        for c in n.children.iter() {
            go(c, up, out);
        }
        up.pop();
    }
    let mut out = HashMap::new();
    for r in &state.roots {
        go(r, &mut Vec::new(), &mut out);
    }
    out
}
