//! The views an editor shows beside the source: the redline, comparative
//! table, bill and consolidated text of a document's amendment (or act),
//! rendered by the same engine and renderers as `zan diff`, `zan table`,
//! `zan bill` and `zan consolidate`, and refused as they refuse.

use super::World;
use crate::analysis::Refusal;
use crate::config::Config;
use crate::engine::{self, Applied, Include};
use crate::lang::Lang;
use crate::model::Date;
use crate::redline::html::escape;
use crate::render;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct View {
    pub html: String,
    pub markdown: String,
    /// The table's Word document, when asked for.
    pub docx: Option<Vec<u8>>,
}

/// What a view is asked with, beside the document.
pub struct Ask<'a> {
    pub world: &'a World,
    pub file: usize,
    /// The `zan.toml` of the document's workspace.
    pub config: &'a Config,
    /// How a file is named in a refusal (its path).
    pub name: &'a dyn Fn(usize) -> String,
    /// The language of the text.
    pub lang: &'a str,
    pub ui: Lang,
}

/// How far a view applies an amendment.
#[derive(Clone, Copy, PartialEq)]
enum Apply {
    /// As `zan table` does, or not at all.
    Whole,
    /// Every operation that applies; the others marked in place (the redline
    /// and the table show a drafter what works while one operation is wrong).
    AsFarAsItGoes,
}

/// What a view is about: the first amendment of the document, else its
/// first act (as of `as_of`). An amendment is refused as `zan table`
/// refuses it (the message is the errors `zan check` prints), unless the
/// view shows it `AsFarAsItGoes`.
fn applied<'m>(ask: &Ask<'m>, as_of: Option<Date>, how: Apply) -> Result<Applied<'m>, String> {
    let files = &ask.world.files;
    let model = &files[ask.file];
    let refusal = |r| match r {
        Refusal::Check(errors) => refused(ask, &errors),
        Refusal::Engine(e) => e.render(ask.ui),
    };
    match (model.amendments.first(), model.acts.first()) {
        (Some(a), _) if how == Apply::AsFarAsItGoes => {
            crate::analysis::apply_for_view(files, ask.config, &a.id).map_err(refusal)
        }
        (Some(a), _) => crate::analysis::apply_checked(files, ask.config, &a.id).map_err(refusal),
        (None, Some(act)) => {
            engine::consolidate(files, &act.id, as_of, Include::Adopted).map_err(|e| e.render(ask.ui))
        }
        (None, None) => Err("the document has no act or amendment".into()),
    }
}

/// The errors that stop an amendment, as `zan check` prints them.
fn refused(ask: &Ask, errors: &[crate::analysis::FileDiagnostic]) -> String {
    let style = crate::report::Style { color: false, lang: ask.ui };
    let mut out = String::new();
    for fd in errors {
        let source = &ask.world.sources[fd.file];
        out +=
            &crate::report::render(&fd.diagnostic, &(ask.name)(fd.file), &source.text, &source.lines, &style);
    }
    out
}

/// The operations of an amendment that do not apply: the path each
/// targets, and why, with its place in the source.
fn failures(ask: &Ask, a: &Applied) -> Vec<(Vec<crate::model::Segment>, String)> {
    let Some((_, amendment)) = a.amendments.first() else { return Vec::new() };
    a.failed
        .iter()
        .map(|f| {
            let op = &amendment.operations[f.operation];
            let path = op.target().map(|t| t.path.clone()).unwrap_or_default();
            let place = f.error.at.as_ref().map(|(file, span)| {
                let text = &ask.world.sources[*file].text;
                let line = text[..span.start.min(text.len())].matches('\n').count() + 1;
                format!("{}:{line}: ", (ask.name)(*file))
            });
            let does_not = ask.ui.pick("Қолданылмайды", "Не применяется", "Does not apply");
            (path, format!("{does_not}: {}{}", place.unwrap_or_default(), f.error.render(ask.ui)))
        })
        .collect()
}

/// Plain text as a view: preformatted in HTML, a text block in Markdown.
fn plain(title: &str, text: &str) -> View {
    View {
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

/// What a view says before its content, in the drafter's language: what
/// the view of an act file shows, and the changes made only in other
/// languages than the view's (which its text, in one language, cannot show).
fn notes(ask: &Ask, a: &Applied, what: &str) -> Vec<String> {
    let mut out = Vec::new();
    let model = &ask.world.files[ask.file];
    if model.amendments.is_empty()
        && let Some(act) = model.acts.first()
    {
        let id = &act.id;
        out.push(match (a.amendments.len(), ask.ui) {
            (0, Lang::En) => format!(
                "This file is the act {id}, not an amendment: the {what} shows the changes of its adopted amendments, and none is adopted. Open an amendment's file to see its {what}."
            ),
            (0, Lang::Ru) => format!(
                "Этот файл — акт {id}, а не поправка: здесь показаны изменения принятых к нему поправок, а принятых поправок нет. Откройте файл поправки."
            ),
            (0, Lang::Kk) => format!(
                "Бұл файл — {id} актісі, түзету емес: мұнда оған қабылданған түзетулердің өзгерістері көрсетіледі, ал қабылданған түзету жоқ. Түзетудің файлын ашыңыз."
            ),
            (n, Lang::En) => format!(
                "This file is the act {id}, not an amendment: the {what} shows the changes of its {n} adopted amendment{}.",
                if n == 1 { "" } else { "s" }
            ),
            (n, Lang::Ru) => format!(
                "Этот файл — акт {id}, а не поправка: здесь показаны изменения принятых к нему поправок (всего: {n})."
            ),
            (n, Lang::Kk) => format!(
                "Бұл файл — {id} актісі, түзету емес: мұнда оған қабылданған түзетулердің (барлығы: {n}) өзгерістері көрсетілген."
            ),
        });
    }
    for (unit, langs) in
        render::diff::changed_only_in_others(&a.base, &a.result, ask.lang, &["kk", "ru", "en"])
    {
        let (langs, lang) = (langs.join(", "), ask.lang);
        out.push(match ask.ui {
            Lang::En => format!(
                "{unit} changes only in its {langs} text, not in the {lang} text shown here: set the view's language to see it."
            ),
            Lang::Ru => format!(
                "{unit}: изменения только в тексте {langs}, а не в показанном здесь тексте {lang}; чтобы их увидеть, смените язык представления."
            ),
            Lang::Kk => format!(
                "{unit}: өзгерістер тек {langs} мәтінінде, мұнда көрсетілген {lang} мәтінінде емес; оларды көру үшін көріністің тілін ауыстырыңыз."
            ),
        });
    }
    out
}

/// `notes` first in a view: as paragraphs after `<body>` (or first, in a
/// fragment) and as Markdown quotes after the title.
fn with_notes(mut view: View, notes: &[String]) -> View {
    if notes.is_empty() {
        return view;
    }
    let html: String = notes.iter().map(|n| format!("<p class=\"zan-note\">{}</p>\n", escape(n))).collect();
    view.html = match view.html.find("<body>\n") {
        Some(at) => format!("{}{html}{}", &view.html[..at + 7], &view.html[at + 7..]),
        None => format!("{html}{}", view.html),
    };
    let markdown: String = notes.iter().map(|n| format!("> {n}\n\n")).collect();
    view.markdown = format!("{markdown}{}", view.markdown);
    view
}

pub fn redline(ask: &Ask) -> Result<View, String> {
    let a = applied(ask, None, Apply::AsFarAsItGoes)?;
    let diffs = render::diff::with_failures(&a.base, &a.result, ask.lang, failures(ask, &a));
    let title = title(&a);
    let view = View {
        html: render::diff::html(&diffs, &title, ask.lang),
        markdown: render::diff::markdown(&diffs, &title),
        docx: None,
    };
    Ok(with_notes(view, &notes(ask, &a, "redline")))
}

/// The table as `zan table` renders it; with `docx`, also its Word
/// document, the same bytes as `zan table --format docx`. `notes` are for
/// the drafter at the screen, not for an exported file.
pub fn table(ask: &Ask, docx: bool, notes_shown: bool) -> Result<View, String> {
    // An exported table is a document to hand on: whole, or refused.
    let how = if notes_shown { Apply::AsFarAsItGoes } else { Apply::Whole };
    let a = applied(ask, None, how)?;
    // Named as `zan table` names them: by title, among the workspace's acts.
    let acts: Vec<&crate::model::Act> = ask.world.files.iter().flat_map(|f| &f.acts).collect();
    let table = render::table::table(&a, ask.lang, &acts);
    let docx = if docx { Some(table.docx(true)?) } else { None };
    let view = View { html: table.html(true), markdown: table.markdown(true), docx };
    if !notes_shown {
        return Ok(view);
    }
    Ok(with_notes(view, &notes(ask, &a, "comparative table")))
}

pub fn bill(ask: &Ask) -> Result<View, String> {
    let a = applied(ask, None, Apply::Whole)?;
    Ok(plain(&title(&a), &render::bill::bill(&a, ask.lang).text()))
}

/// The consolidated text as of `as_of`. For an amendment that enters into
/// force after that date, the text of its act as of the date, without it
/// (and saying so): the amendment does not change the law before then.
pub fn consolidated(ask: &Ask, as_of: Option<Date>) -> Result<View, String> {
    let model = &ask.world.files[ask.file];
    if let (Some(amendment), Some(at)) = (model.amendments.first(), as_of)
        && let (Some(act), Some(in_force)) = (&amendment.act, amendment.in_force)
        && in_force > at
    {
        let a = engine::consolidate(&ask.world.files, act, as_of, Include::Adopted)
            .map_err(|e| e.render(ask.ui))?;
        let id = &amendment.id;
        let note = match ask.ui {
            Lang::En => {
                format!(
                    "{id} enters into force on {in_force}, after {at}: the text as of {at} does not include it."
                )
            }
            Lang::Ru => format!("{id} вступает в силу {in_force}, после {at}: текст на {at} её не включает."),
            Lang::Kk => format!("{id} {in_force} күшіне енеді, {at} кейін: {at} күнгі мәтінге ол кірмейді."),
        };
        let mut view = plain(&a.result.meta.id, &render::text::act(&a.result.to_act(), ask.lang));
        view.html = format!("<p class=\"zan-note\">{}</p>\n{}", escape(&note), view.html);
        view.markdown = format!("> {note}\n\n{}", view.markdown);
        return Ok(view);
    }
    let a = applied(ask, as_of, Apply::Whole)?;
    Ok(plain(&a.result.meta.id, &render::text::act(&a.result.to_act(), ask.lang)))
}
