//! Unit-by-unit redlines: of an amendment (units matched by identity, so a
//! renumbered unit is one changed unit) or of two revisions of a workspace
//! (units matched by act id and path).

use std::collections::HashMap;

use super::text::own_lines;
use crate::engine::{Held, Tracked};
use crate::model::{File, Segment};
use crate::redline::terminal::TerminalStyle;
use crate::redline::{Redline, html, markdown, terminal, unified};

/// The redline of one unit, headed by its citation.
#[derive(Debug, Clone, PartialEq)]
pub struct UnitDiff {
    pub heading: String,
    pub redline: Redline,
    /// Why an operation on the unit does not apply, in an editor's view
    /// (see [`with_failures`]); the redline is then empty.
    pub failure: Option<String>,
}

fn lines(node: Option<&Tracked>, lang: &str) -> Vec<String> {
    node.map(|n| own_lines(&n.unit, lang)).unwrap_or_default()
}

/// The redline of one unit an operation touched, as `zan diff` shows it.
pub fn touched(t: &crate::engine::Touched, lang: &str) -> Redline {
    redline(&lines(t.before.as_ref(), lang), &lines(t.after.as_ref(), lang))
}

fn redline(old: &[String], new: &[String]) -> Redline {
    let old: Vec<&str> = old.iter().map(String::as_str).collect();
    let new: Vec<&str> = new.iter().map(String::as_str).collect();
    Redline::new(&old, &new)
}

/// The units whose own lines differ between `base` and `result`, in the
/// result's reading order, then the units that no longer exist.
pub fn between(base: &Held, result: &Held, lang: &str) -> Vec<UnitDiff> {
    with_failures(base, result, lang, Vec::new())
}

/// `between`, with the operations that do not apply marked in place: each
/// failure (the path it targets, why) after its target's own redline,
/// before the first unit that reads after it.
pub fn with_failures(
    base: &Held,
    result: &Held,
    lang: &str,
    mut failures: Vec<(Vec<Segment>, String)>,
) -> Vec<UnitDiff> {
    failures.sort_by_cached_key(|(p, _)| super::order::path_key(p));
    let mut failures = failures.into_iter().peekable();
    let failed = |(path, why): (Vec<Segment>, String)| UnitDiff {
        heading: super::citation(&path, lang),
        redline: Redline::new(&[], &[]),
        failure: Some(why),
    };
    let old: HashMap<u32, (&Tracked, Vec<Segment>)> =
        base.walk_paths().into_iter().map(|(n, p)| (n.id, (n, p))).collect();
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for (node, path) in result.walk_paths() {
        let key = super::order::path_key(&path);
        while let Some(f) = failures.next_if(|(p, _)| super::order::path_key(p) < key) {
            out.push(failed(f));
        }
        seen.insert(node.id);
        let before = old.get(&node.id).map(|(n, _)| *n);
        let r = redline(&lines(before, lang), &lines(Some(node), lang));
        if !r.is_unchanged() {
            out.push(UnitDiff { heading: super::citation(&path, lang), redline: r, failure: None });
        }
    }
    out.extend(failures.map(failed));
    for (node, path) in base.walk_paths() {
        if !seen.contains(&node.id) {
            let r = redline(&lines(Some(node), lang), &[]);
            out.push(UnitDiff { heading: super::citation(&path, lang), redline: r, failure: None });
        }
    }
    out
}

/// The units whose own lines change in some of `langs` but not in `lang`,
/// headed in `lang`, each with the languages it changes in: the changes a
/// view in `lang` alone does not show.
pub fn changed_only_in_others(
    base: &Held,
    result: &Held,
    lang: &str,
    langs: &[&str],
) -> Vec<(String, Vec<String>)> {
    let old: HashMap<u32, &Tracked> = base.walk_paths().into_iter().map(|(n, _)| (n.id, n)).collect();
    let mut out = Vec::new();
    for (node, path) in result.walk_paths() {
        let before = old.get(&node.id).copied();
        let changed = |l: &str| lines(before, l) != lines(Some(node), l);
        if changed(lang) {
            continue;
        }
        let others: Vec<String> =
            langs.iter().filter(|&&l| l != lang && changed(l)).map(|l| l.to_string()).collect();
        if !others.is_empty() {
            out.push((super::citation(&path, lang), others));
        }
    }
    out
}

/// The latest version of every act of a workspace, by id.
fn acts(files: &[File]) -> Vec<(String, Held)> {
    let index = crate::analysis::Index::build(files);
    let mut ids: Vec<&str> = index.acts.iter().map(|a| a.id.as_str()).collect();
    ids.sort();
    ids.dedup();
    ids.into_iter()
        .filter_map(|id| index.versions(id).last().map(|&v| (id.to_string(), Held::from_index(&index, v))))
        .collect()
}

/// The units that differ between two workspaces, matched by act id and
/// path; each act is taken in its latest version. Headings are
/// "act-id: citation".
pub fn between_workspaces(old: &[File], new: &[File], lang: &str) -> Vec<UnitDiff> {
    let (old, new) = (acts(old), acts(new));
    let mut ids: Vec<&String> = old.iter().chain(&new).map(|(id, _)| id).collect();
    ids.sort();
    ids.dedup();
    let mut out = Vec::new();
    for id in ids {
        let units = |acts: &[(String, Held)]| -> Vec<(String, Vec<Segment>, Tracked)> {
            acts.iter()
                .filter(|(a, _)| a == id)
                .flat_map(|(_, s)| {
                    s.walk_paths().into_iter().map(|(n, p)| (crate::model::written::path(&p), p, n.clone()))
                })
                .collect()
        };
        let (before, after) = (units(&old), units(&new));
        let find = |list: &[(String, Vec<Segment>, Tracked)], key: &str| {
            list.iter().find(|(k, _, _)| k == key).map(|(_, _, n)| n.clone())
        };
        let heading = |p: &[Segment]| format!("{id}: {}", super::citation(p, lang));
        for (key, path, node) in &after {
            let r = redline(&lines(find(&before, key).as_ref(), lang), &lines(Some(node), lang));
            if !r.is_unchanged() {
                out.push(UnitDiff { heading: heading(path), redline: r, failure: None });
            }
        }
        for (key, path, node) in &before {
            if find(&after, key).is_none() {
                out.push(UnitDiff {
                    heading: heading(path),
                    redline: redline(&lines(Some(node), lang), &[]),
                    failure: None,
                });
            }
        }
    }
    out
}

/// Headings and redlines for a terminal: ANSI styles or `[-…-]{+…+}`.
pub fn term(diffs: &[UnitDiff], style: TerminalStyle) -> String {
    let mut out = String::new();
    for d in diffs {
        match style {
            TerminalStyle::Ansi => out.push_str(&format!("\x1b[1m{}\x1b[0m\n", control_free(&d.heading))),
            TerminalStyle::Plain => out.push_str(&format!("{}\n", control_free(&d.heading))),
        }
        match &d.failure {
            Some(why) => out.push_str(&format!("⚠ {}\n", control_free(why))),
            None => out.push_str(&terminal::render(&d.redline, style)),
        }
        out.push('\n');
    }
    out
}

fn control_free(s: &str) -> String {
    s.chars().map(|c| if c.is_control() { ' ' } else { c }).collect()
}

/// One unified diff per unit, labelled `a/<heading>` and `b/<heading>`.
pub fn unified(diffs: &[UnitDiff]) -> String {
    diffs
        .iter()
        .map(|d| {
            let h = control_free(&d.heading);
            unified::render(&d.redline, &format!("a/{h}"), &format!("b/{h}"))
        })
        .collect()
}

/// A self-contained HTML page: one section per unit.
pub fn html(diffs: &[UnitDiff], title: &str, lang: &str) -> String {
    let mut out = format!(
        "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\nbody {{ font-family: serif; max-width: 60em; margin: 2em auto; }}\ndel {{ color: #a00; }}\nins {{ color: #060; text-decoration: underline; }}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n",
        html::escape(lang),
        html::escape(title),
        html::escape(title)
    );
    for d in diffs {
        match &d.failure {
            Some(why) => out.push_str(&format!(
                "<section class=\"zan-failed\">\n<h2>{}</h2>\n<p role=\"alert\"><strong>⚠ {}</strong></p>\n",
                html::escape(&d.heading),
                html::escape(why)
            )),
            None => {
                out.push_str(&format!("<section>\n<h2>{}</h2>\n", html::escape(&d.heading)));
                out.push_str(&html::render(&d.redline));
            }
        }
        out.push_str("</section>\n");
    }
    out.push_str("</body>\n</html>\n");
    out
}

/// A DOCX document (A4 portrait): each unit an operation changed under its
/// citation, its wording as tracked changes by the amendment's author and
/// date, the operation's justification a comment on the changed words.
/// Each heading holds the unit's bookmark and the document names its act,
/// as the table's DOCX, so reviewers' comments come back (`zan review import`).
pub fn docx(applied: &crate::engine::Applied, title: &str, lang: &str) -> Result<Vec<u8>, String> {
    use docx_rs::{Docx, Paragraph, Run};
    let mut doc = Docx::new()
        .page_size(11906, 16838)
        .default_fonts(super::docx::fonts())
        .custom_property(crate::remarks::ACT_PROPERTY, crate::remarks::act_ref(applied).as_str())
        .add_paragraph(Paragraph::new().add_run(Run::new().add_text(title).bold()));
    let mut n = 0;
    for e in super::entries_in(applied, lang) {
        let rev = super::docx::Revision::of(e.amendment);
        let why = super::table::justification(&e, lang);
        for t in &e.change.touched {
            let heading = super::citation(&t.path, lang);
            let para = Paragraph::new().add_run(Run::new().add_text(heading).bold());
            doc = doc.add_paragraph(super::docx::unit_bookmark(para, n, &t.path));
            let mut comment = why.map(|w| rev.comment(super::docx::comment_id(n), w));
            n += 1;
            for p in &touched(t, lang).paragraphs {
                let c =
                    if p.kind == crate::redline::ParagraphKind::Unchanged { None } else { comment.take() };
                doc = doc.add_paragraph(super::docx::tracked(p, &rev, false, c));
            }
        }
    }
    super::docx::pack(doc, false)
}

/// Markdown: a heading per unit, then its redline.
pub fn markdown(diffs: &[UnitDiff], title: &str) -> String {
    let mut out = format!("# {}\n", markdown::escape(title));
    for d in diffs {
        out.push_str(&format!("\n## {}\n\n", markdown::escape(&d.heading)));
        match &d.failure {
            Some(why) => out.push_str(&format!("> **⚠ {}**\n", markdown::escape(why))),
            None => out.push_str(&markdown::render(&d.redline)),
        }
    }
    out
}

/// The textconv view of a file for `git diff`: one line per unit text,
/// "act-id path [lang] words", so git shows which unit changed even when
/// the file was reformatted. Amendments are shown as written.
pub fn textconv(file: &File, source: &str) -> String {
    let index = crate::analysis::Index::build(std::slice::from_ref(file));
    let mut out = String::new();
    for (a, version) in index.acts.iter().enumerate() {
        let state = Held::from_index(&index, a);
        let id = &version.id;
        for t in &state.meta.titles {
            out.push_str(&format!("{id} title [{}] {}\n", t.lang, t.value.plain));
        }
        for (node, path) in state.walk_paths() {
            let c = &node.unit.content;
            let p = crate::model::written::path(&path);
            if c.repealed.is_some() {
                out.push_str(&format!("{id} {p} repealed\n"));
            }
            for t in &c.titles {
                out.push_str(&format!("{id} {p} title [{}] {}\n", t.lang, t.value.plain));
            }
            for t in &c.texts {
                out.push_str(&format!("{id} {p} [{}] {}\n", t.lang, t.value.plain));
            }
        }
    }
    for a in &file.amendments {
        out.push_str(&source[a.span.clone()]);
        out.push('\n');
    }
    out
}
