//! Reviewers' remarks in the editor: the thread of a remark on hover, and
//! "Resolve" on an open one, which rewrites its status keyword. Not a fix of
//! its `open-remark` note: `zan check --fix` must not resolve remarks.

use crate::diag::Edit;
use crate::lang::Lang;
use crate::model::{File, OperationKind, Remark, RemarkStatus, Unit, UnitContent};

/// Every remark of a file, in the acts' units and in the units that its
/// amendments add or rewrite.
pub fn remarks(file: &File) -> Vec<&Remark> {
    fn walk<'f>(content: &'f UnitContent, out: &mut Vec<&'f Remark>) {
        out.extend(&content.remarks);
        content.children.iter().for_each(|u: &Unit| walk(&u.content, out));
    }
    let mut out = Vec::new();
    for unit in file.acts.iter().flat_map(|a| &a.units) {
        walk(&unit.content, &mut out);
    }
    for op in file.amendments.iter().flat_map(|a| &a.operations) {
        if let OperationKind::Add { content, .. } | OperationKind::Rewrite { content, .. } = &op.kind {
            walk(content, &mut out);
        }
    }
    out
}

/// The remark thread under `offset`, as Markdown, and the remark's span.
pub fn hover(file: &File, offset: usize) -> Option<(String, std::ops::Range<usize>)> {
    let r = remarks(file).into_iter().find(|r| r.span.contains(&offset))?;
    let status = match r.status {
        RemarkStatus::Open => "open",
        RemarkStatus::Resolved => "resolved",
    };
    let mut md = format!("**{}** · {} · _{status}_\n\n{}", r.author, r.date, r.text.join("\n\n"));
    for reply in &r.replies {
        md.push_str(&format!(
            "\n\n---\n\n**{}** · {}\n\n{}",
            reply.author,
            reply.date,
            reply.text.join("\n\n")
        ));
    }
    Some((md, r.span.clone()))
}

/// "Resolve" for each open remark that `span` touches: its title in the
/// language of messages, and the edit.
pub fn resolve_actions(file: &File, span: std::ops::Range<usize>, ui: Lang) -> Vec<(String, Edit)> {
    let title =
        ui.pick("Ескертпені шешілді деп белгілеу", "Отметить замечание решённым", "Resolve the remark");
    remarks(file)
        .into_iter()
        .filter(|r| r.status == RemarkStatus::Open && r.span.start <= span.end && span.start <= r.span.end)
        .map(|r| (title.to_string(), Edit { range: r.status_span.clone(), replacement: "resolved".into() }))
        .collect()
}
