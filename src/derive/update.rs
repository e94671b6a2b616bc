//! The amendment file as `derive` writes it: a new amendment, or an
//! existing one updated in place. An operation that still exists (the same
//! kind on the same unit) keeps its justifications, links and comments, as
//! the drafter wrote them, so that edit, derive, justify, edit and derive
//! again loses nothing.

use super::{DeriveError, ErrorKind, Which};
use crate::model::{Amendment, Date, File, Operation, OperationKind, written};

/// What makes an operation the same one after a new derivation.
fn identity(op: &Operation) -> String {
    let target = op.target().map(written::target).unwrap_or_default();
    match &op.kind {
        OperationKind::Replace { target: None, .. } => "replace-all".into(),
        OperationKind::Replace { .. } => format!("replace {target}"),
        OperationKind::Delete { .. } => format!("delete {target}"),
        OperationKind::Insert { .. } => format!("insert {target}"),
        OperationKind::Rewrite { .. } => format!("rewrite {target}"),
        OperationKind::Add { kind, number, .. } => {
            format!("add {} {}", kind.keyword(), number.as_ref().map_or("", |n| n.text.as_str()))
        }
        OperationKind::Repeal { .. } => format!("repeal {target}"),
        OperationKind::Renumber { .. } => format!("renumber {target}"),
    }
}

fn comment(line: &str) -> bool {
    line.trim_start().starts_with('#')
}

/// The comment lines at the end of `gap` (the text before an operation),
/// without a blank line between them and the operation: the comment about it.
fn leading(gap: &str) -> &str {
    let mut start = gap.len();
    let mut lines = gap.split_inclusive('\n').collect::<Vec<_>>();
    // The indentation before the operation itself.
    if lines.last().is_some_and(|l| !l.ends_with('\n')) {
        start -= lines.pop().map_or(0, str::len);
    }
    let end = start;
    for line in lines.iter().rev() {
        if !comment(line) {
            break;
        }
        start -= line.len();
    }
    &gap[start..end]
}

/// What an earlier version of an operation keeps: the comment before it and,
/// inside its block, its justifications, links and comment lines.
struct Kept<'t> {
    before: &'t str,
    inside: Vec<&'t str>,
}

fn kept<'t>(text: &'t str, op: &Operation, gap: &'t str, all_comments: bool) -> Kept<'t> {
    let before = if all_comments {
        gap.trim_start_matches(|c: char| c != '#' && c.is_whitespace())
    } else {
        leading(gap)
    };
    let before = before.trim_end_matches([' ', '\t']);
    let mut inside: Vec<(usize, &str)> = op
        .justifications
        .iter()
        .map(|j| &j.span)
        .chain(op.comparisons.iter().map(|c| &c.span))
        .map(|s| (s.start, &text[s.clone()]))
        .collect();
    let mut at = op.span.start;
    for line in text[op.span.clone()].split_inclusive('\n') {
        if comment(line) {
            inside.push((at, line.trim()));
        }
        at += line.len();
    }
    inside.sort_by_key(|(at, _)| *at);
    Kept { before, inside: inside.into_iter().map(|(_, s)| s).collect() }
}

/// The new text of the amendment file: `existing` (its text and model) with
/// amendment `id` updated in place or appended, or a new file.
pub fn compose(
    existing: Option<(&str, &File)>,
    id: &str,
    act: &str,
    version: Date,
    operations: &[Operation],
) -> Result<String, DeriveError> {
    let (text, model) = existing.unwrap_or(("", &EMPTY));
    let out = match model.amendments.iter().find(|a| a.id == id) {
        Some(a) => update(text, a, act, version, operations)?,
        None => {
            let mut out = text.to_string();
            if !out.is_empty() {
                out.push_str(if out.ends_with('\n') { "\n" } else { "\n\n" });
            }
            out.push_str(&format!("amendment {id} {{\ntarget {act} version {version}\nstatus draft\n"));
            for op in operations {
                out.push_str(&crate::render::zan::operation(op, &[]));
            }
            out.push_str("}\n");
            out
        }
    };
    let doc = crate::document::Document::parse(out);
    let clean = !doc.model.diagnostics.iter().any(|d| d.severity == crate::diag::Severity::Error);
    clean.then(|| doc.formatted()).flatten().ok_or(DeriveError { kind: ErrorKind::Unprintable, at: None })
}

static EMPTY: File =
    File { acts: Vec::new(), amendments: Vec::new(), bills: Vec::new(), diagnostics: Vec::new() };

fn update(
    text: &str,
    a: &Amendment,
    act: &str,
    version: Date,
    operations: &[Operation],
) -> Result<String, DeriveError> {
    if a.act.as_deref() != Some(act) || a.base_version != Some(version) {
        let target = format!(
            "{} version {}",
            a.act.as_deref().unwrap_or("?"),
            a.base_version.map(|d| d.to_string()).unwrap_or_default()
        );
        let kind = ErrorKind::OtherTarget {
            amendment: a.id.clone(),
            target,
            edited: format!("{act} version {version}"),
        };
        return Err(DeriveError::new(kind, Which::Amendment, a.target_span.clone()));
    }
    let old = &a.operations;
    let close = a.span.end - 1;
    let (header_end, tail_start) = match (old.first(), old.last()) {
        (Some(first), Some(last)) => {
            let gap = &text[a.span.start..first.span.start];
            (
                first.span.start - leading(gap).len() - (gap.len() - gap.trim_end_matches([' ', '\t']).len()),
                last.span.end,
            )
        }
        _ => (close, close),
    };
    let mut out = text[..header_end].to_string();
    if !out.ends_with('\n') {
        out.push('\n');
    }
    for op in operations {
        let me = identity(op);
        let earlier = old.iter().enumerate().find(|(_, o)| identity(o) == me);
        match earlier {
            Some((i, o)) => {
                let gap_start = if i == 0 { header_end } else { old[i - 1].span.end };
                let k = kept(text, o, &text[gap_start..o.span.start], i > 0);
                let gap = &text[gap_start..o.span.start];
                if i > 0
                    && gap.trim_start_matches([' ', '\t']).starts_with('\n')
                    && gap.matches('\n').count() > 1
                {
                    out.push('\n');
                }
                if !k.before.trim().is_empty() {
                    out.push_str(k.before.trim_start_matches('\n'));
                    if !out.ends_with('\n') {
                        out.push('\n');
                    }
                }
                out.push_str(&crate::render::zan::operation(op, &k.inside));
            }
            None => out.push_str(&crate::render::zan::operation(op, &[])),
        }
    }
    out.push_str(&text[tail_start..]);
    Ok(out)
}
