//! The `zan/*` view requests: the redline, comparative table, bill and
//! consolidated text of the document's amendment (or act), rendered by the
//! same engine and renderers as `zan diff`, `zan table`, `zan bill` and
//! `zan consolidate`.

use base64::Engine;

use super::server::{ViewOptions, ViewResult};
use super::state::Snapshot;
use crate::diag::UiLang;
use crate::engine::{self, Applied, Include, Refusal};
use crate::model::Date;
use crate::redline::html::escape;
use crate::render;

/// What a view is about: the first amendment of the document, else its
/// first act. An amendment is refused as `zan table` refuses it
/// (`engine::apply_checked`, under the file's `zan.toml`).
fn applied<'m>(
    snap: &'m Snapshot,
    file: usize,
    as_of: Option<Date>,
    ui: UiLang,
) -> Result<Applied<'m>, String> {
    let files = &snap.world.files;
    let model = &files[file];
    match (model.amendments.first(), model.acts.first()) {
        (Some(a), _) => engine::apply_checked(files, &snap.config_of(file), &a.id).map_err(|r| match r {
            Refusal::Check(errors) => refused(snap, &errors, ui),
            Refusal::Engine(e) => e.render(ui),
        }),
        (None, Some(act)) => {
            engine::consolidate(files, &act.id, as_of, Include::Adopted).map_err(|e| e.render(ui))
        }
        (None, None) => Err("the document has no act or amendment".into()),
    }
}

/// The errors that stop an amendment, as `zan check` prints them.
fn refused(snap: &Snapshot, errors: &[crate::analysis::FileDiagnostic], ui: UiLang) -> String {
    let style = crate::report::Style { color: false, lang: ui };
    let mut out = String::new();
    for fd in errors {
        let source = &snap.world.sources[fd.file];
        let uri = &snap.uris[fd.file];
        let path = uri.to_file_path().map_or_else(|| uri.as_str().to_string(), |p| p.display().to_string());
        out += &crate::report::render(&fd.diagnostic, &path, &source.text, &source.lines, &style);
    }
    out
}

/// Plain text as a view: preformatted in HTML, a text block in Markdown.
fn plain(title: &str, text: &str) -> ViewResult {
    ViewResult {
        html: format!("<h1>{}</h1>\n<pre>{}</pre>\n", escape(title), escape(text)),
        markdown: format!("# {title}\n\n```text\n{text}```\n"),
        docx: None,
    }
}

fn title(applied: &Applied) -> String {
    match applied.amendments.as_slice() {
        [(_, a)] => a.id.clone(),
        _ => applied.result.meta.id.clone(),
    }
}

pub fn redline(snap: &Snapshot, file: usize, lang: &str, ui: UiLang) -> Result<ViewResult, String> {
    let a = applied(snap, file, None, ui)?;
    let diffs = render::diff::between(&a.base, &a.result, lang);
    let title = title(&a);
    Ok(ViewResult {
        html: render::diff::html(&diffs, &title, lang),
        markdown: render::diff::markdown(&diffs, &title),
        docx: None,
    })
}

/// The table as `zan table` renders it; with `docx`, also its Word document
/// (base64), the same bytes as `zan table --format docx`.
pub fn table(snap: &Snapshot, file: usize, lang: &str, o: ViewOptions) -> Result<ViewResult, String> {
    let a = applied(snap, file, None, o.ui)?;
    let table = render::table::table(&a, lang);
    let docx = match o.docx {
        true => Some(base64::engine::general_purpose::STANDARD.encode(table.docx(true)?)),
        false => None,
    };
    Ok(ViewResult { html: table.html(true), markdown: table.markdown(true), docx })
}

pub fn bill(snap: &Snapshot, file: usize, lang: &str, ui: UiLang) -> Result<ViewResult, String> {
    let a = applied(snap, file, None, ui)?;
    Ok(plain(&title(&a), &render::bill::bill(&a, lang).text()))
}

pub fn consolidated(snap: &Snapshot, file: usize, lang: &str, o: ViewOptions) -> Result<ViewResult, String> {
    let a = applied(snap, file, o.as_of, o.ui)?;
    Ok(plain(&a.result.meta.id, &render::text::act(&a.result.to_act(), lang)))
}
