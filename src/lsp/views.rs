//! The `zan/*` view requests. Only `zan/redline` exists until the amendment
//! engine lands; it redlines each operation on its own unit.

use super::server::ViewResult;
use super::state::Snapshot;
use crate::analysis::{Index, Resolved, Scope, resolve};
use crate::ide::nav::amendment_base;
use crate::ide::outline::operation_name;
use crate::ide::redline::operation_redline;
use crate::redline::{html, markdown};

/// One section per operation that changes text in `lang`: its name, then the
/// redline of its unit.
pub fn redline(snap: &Snapshot, file: usize, lang: &str) -> ViewResult {
    let files = &snap.world.files;
    let index = Index::build(files);
    let (mut md, mut out_html) = (String::new(), String::new());
    for am in &files[file].amendments {
        let Some(base) = amendment_base(&index, am) else { continue };
        md.push_str(&format!("# {}\n\n", am.id));
        out_html.push_str(&format!("<h1>{}</h1>\n", html::escape(&am.id)));
        for op in &am.operations {
            let Some(target) = op.target() else { continue };
            let Ok(Resolved::Unit(n)) = resolve(&index, target, Some(Scope { act: base, unit: None })) else {
                continue;
            };
            let Some(r) = operation_redline(index.nodes[n].unit, &op.kind, lang) else { continue };
            let name = operation_name(&op.kind);
            md.push_str(&format!("## {name}\n\n{}\n\n", markdown::render(&r)));
            out_html.push_str(&format!("<h2>{}</h2>\n{}\n", html::escape(&name), html::render(&r)));
        }
    }
    ViewResult { html: out_html, markdown: md }
}
