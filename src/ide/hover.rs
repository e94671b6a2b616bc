//! Hover on a target: the cited unit in the preferred language; on an
//! operation's target, also the redline the engine makes of it.

use std::borrow::Borrow;

use super::analysis::{Hover, Nav};
use super::nav::{self, SiteKind};
use super::outline::pick;
use super::words::word;
use crate::analysis::Resolved;
use crate::lang::Lang;
use crate::model::File;

pub fn hover<F: Borrow<File>>(
    nav: &Nav,
    files: &[F],
    file: usize,
    offset: usize,
    lang: &str,
    ui: Lang,
) -> Option<Hover> {
    let index = &nav.index;
    let site = nav::site_at(&nav.sites, file, offset)?;
    let mut md = format!("**{}**", crate::model::citation(site.target, lang));
    let resolved = site.resolve(index)?;
    let act = resolved.act(index);
    // A citation that names no act: say which act it found.
    if site.target.act.is_none() {
        md.push_str(&format!(" — `{}`", index.acts[act].id));
    }
    if let Resolved::Unit(n) = resolved {
        let unit = index.nodes[n].unit;
        if let Some(title) = pick(&unit.content.titles, lang) {
            md.push_str(&format!("\n\n*{}*", title.value.plain));
        }
        let texts: Vec<_> = unit.content.texts.iter().filter(|t| t.lang == lang).collect();
        let texts = if texts.is_empty() {
            let first = unit.content.texts.first().map(|t| t.lang.clone());
            unit.content.texts.iter().filter(|t| Some(&t.lang) == first.as_ref()).collect()
        } else {
            texts
        };
        for t in texts {
            md.push_str(&format!("\n\n{}", t.value.plain));
        }
        if let Some(r) = &unit.content.repealed {
            let date = r.date.map_or(String::new(), |d| format!(" {d}"));
            md.push_str(&format!("\n\n_{}{date}_", word(ui, "repealed")));
        }
        if let Some(h) = &unit.content.history {
            md.push_str(&format!("\n\n**{}**\n", crate::render::history::heading(ui)));
            for line in crate::render::history::lines(h, ui, lang) {
                md.push_str(&format!("\n- {line}"));
            }
        }
        if let SiteKind::Operation(a, o) = site.kind {
            md.push_str(&preview(files, &files[file].borrow().amendments[a].id, o, lang));
        }
    }
    if let Some(source) = &index.acts[act].meta().source {
        md.push_str(&format!("\n\n{}: {source}", word(ui, "source")));
    }
    Some(Hover { markdown: md, span: site.target.span.clone() })
}

/// What operation `op` of amendment `id` does, as the engine applies it (the
/// same redline as `zan diff`), after a rule; nothing when the engine
/// refuses the amendment (its diagnostics say why).
fn preview<F: Borrow<File>>(files: &[F], id: &str, op: usize, lang: &str) -> String {
    let Ok(applied) = crate::engine::apply_amendment(files, id) else { return String::new() };
    let mut out = String::new();
    for change in applied.changes.iter().filter(|c| c.operation == op) {
        for touched in &change.touched {
            let redline = crate::render::diff::touched(touched, lang);
            if !redline.is_unchanged() {
                out.push_str(&format!(
                    "\n\n---\n\n{}",
                    crate::redline::markdown::render(&redline).trim_end()
                ));
            }
        }
    }
    out
}
