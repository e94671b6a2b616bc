//! The review site (`zan review`): static pages for reviewers who never
//! open an editor. Per language (kk, ru, en) and per amendment, the whole
//! act with the changes in place (changed units open, unchanged ones
//! collapsed, each with a permalink named by its eId), the comparative
//! table and the bill; an index of the workspace's amendments with their
//! status. No server and no network: the pages link to each other by
//! relative paths, the search runs over the page's own text, and one
//! stylesheet and script serve every page (light and dark, print).

use std::collections::{HashMap, HashSet};

use super::summary::Footnotes;
use super::text::own_lines_marked;
use super::{Lang, text_in};
use crate::analysis::Index;
use crate::engine::{Applied, Tracked};
use crate::model::{Act, Amendment, Comparison, Segment, Status};
use crate::redline::{ParagraphKind, Redline, html};

/// The site's languages, in the order of the switch.
pub const LANGS: [Lang; 3] = [Lang::Kk, Lang::Ru, Lang::En];

const CSS: &str = include_str!("site/site.css");
const JS: &str = include_str!("site/site.js");

/// An amendment of the workspace as the index lists it: applied when it has
/// a page, else why not.
pub struct Listed<'m> {
    pub amendment: &'m Amendment,
    pub page: Result<Applied<'m>, Refused>,
}

/// Why an amendment has no page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refused {
    /// Not asked for on the command line.
    NotAsked,
    /// `zan check` finds errors in it.
    Errors,
}

/// Every file of the site, as (path relative to the site's root, contents).
pub fn site(listed: &[Listed], index: &Index, acts: &[&Act], first: Lang) -> Vec<(String, String)> {
    let mut out = vec![
        ("assets/site.css".to_string(), CSS.to_string()),
        ("assets/site.js".to_string(), JS.to_string()),
        ("index.html".to_string(), amendments_index(listed, first, "")),
    ];
    for l in LANGS {
        out.push((format!("{}/index.html", l.code()), amendments_index(listed, l, "../")));
        for item in listed {
            if let Ok(applied) = &item.page {
                let dir = format!("{}/{}", l.code(), file_name(&item.amendment.id));
                out.push((format!("{dir}/index.html"), act_page(item.amendment, applied, index, l)));
                out.push((format!("{dir}/table.html"), table_page(item.amendment, applied, acts, l)));
                out.push((format!("{dir}/bill.html"), bill_page(item.amendment, applied, l)));
            }
        }
    }
    out
}

/// A directory name for an amendment id: its letters, digits, `.`, `-`
/// and `_`; anything else (which ids rarely hold) becomes `_`.
pub fn file_name(id: &str) -> String {
    id.chars().map(|c| if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') { c } else { '_' }).collect()
}

fn esc(s: &str) -> String {
    html::escape(s)
}

/// The frame of every page: skip link, banner with the language switch and
/// the theme button, the page's navigation, its main content, a footer.
struct Frame<'a> {
    lang: Lang,
    title: &'a str,
    /// From the page to the site's root: "", "../" or "../../".
    root: &'a str,
    /// The page's path under a language's directory, for the switch.
    here: &'a str,
    /// `table` pages print in landscape.
    class: &'a str,
}

impl Frame<'_> {
    fn page(&self, nav: &str, main: &str) -> String {
        let l = self.lang;
        let switch: String = LANGS
            .iter()
            .map(|o| {
                let current = if *o == l { " aria-current=\"true\"" } else { "" };
                format!(
                    "<li><a class=\"zan-lang\" hreflang=\"{c}\" lang=\"{c}\" href=\"{}{c}/{}\"{current}>{}</a></li>",
                    self.root,
                    self.here,
                    o.pick("Қазақша", "Русский", "English"),
                    c = o.code()
                )
            })
            .collect();
        format!(
            "<!DOCTYPE html>\n<html lang=\"{code}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<meta name=\"color-scheme\" content=\"light dark\">\n<link rel=\"icon\" href=\"data:,\">\n<title>{title}</title>\n<link rel=\"stylesheet\" href=\"{root}assets/site.css\">\n<script src=\"{root}assets/site.js\" defer></script>\n</head>\n<body class=\"{class}\">\n<a class=\"zan-skip\" href=\"#main\">{skip}</a>\n<header class=\"zan-banner\">\n<a class=\"zan-home\" href=\"{root}{code}/index.html\">{home}</a>\n<nav aria-label=\"{langs}\"><ul class=\"zan-langs\">{switch}</ul></nav>\n<button type=\"button\" class=\"zan-theme\" aria-pressed=\"false\">{theme}</button>\n</header>\n{nav}<main id=\"main\" tabindex=\"-1\">\n{main}</main>\n<footer class=\"zan-footer\"><p>{footer}</p></footer>\n</body>\n</html>\n",
            code = l.code(),
            title = esc(self.title),
            root = self.root,
            class = self.class,
            skip = l.pick("Мазмұнға өту", "Перейти к содержанию", "Skip to content"),
            home = l.pick("Барлық түзетулер", "Все поправки", "All amendments"),
            langs = l.pick("Тіл", "Язык", "Language"),
            theme = l.pick("Қараңғы режим", "Тёмная тема", "Dark mode"),
            footer = l.pick(
                "zan жасаған қарауға арналған көшірме; ресми мәтін емес.",
                "Копия для рассмотрения, подготовленная zan; не официальный текст.",
                "A review copy made by zan; not the official text."
            ),
        )
    }
}

fn status_word(s: Option<Status>, l: Lang) -> &'static str {
    match s {
        Some(Status::Draft) => l.pick("жоба", "черновик", "draft"),
        Some(Status::Proposed) => l.pick("ұсынылған", "внесена", "proposed"),
        Some(Status::Adopted) => l.pick("қабылданған", "принята", "adopted"),
        None => l.pick("мәртебесі жоқ", "без статуса", "no status"),
    }
}

/// The index: every amendment of the workspace, its act, title and status,
/// linked to its pages when it has them.
fn amendments_index(listed: &[Listed], l: Lang, root: &str) -> String {
    let title = l.pick("Түзетулер", "Поправки", "Amendments");
    let mut rows = String::new();
    for item in listed {
        let a = item.amendment;
        let name = text_in(&a.titles, l.code()).unwrap_or("");
        let id = match &item.page {
            Ok(_) => {
                format!("<a href=\"{root}{}/{}/index.html\">{}</a>", l.code(), file_name(&a.id), esc(&a.id))
            }
            Err(_) => esc(&a.id),
        };
        let pages = match &item.page {
            Ok(_) => String::new(),
            Err(Refused::NotAsked) => {
                l.pick("(парақ жасалмаған)", "(страница не создана)", "(no page made)").to_string()
            }
            Err(Refused::Errors) => l
                .pick(
                    "(қолданылмады: `zan check` қателер табады)",
                    "(не применена: `zan check` находит ошибки)",
                    "(not applied: `zan check` finds errors)",
                )
                .to_string(),
        };
        rows.push_str(&format!(
            "<tr><td>{id} {}</td><td>{}</td><td>{}</td><td><span class=\"zan-status zan-status-{}\">{}</span></td></tr>\n",
            esc(&pages),
            esc(a.act.as_deref().unwrap_or("")),
            esc(name),
            status_word(a.status, Lang::En).replace(' ', "-"),
            status_word(a.status, l)
        ));
    }
    let heads = [
        l.pick("Түзету", "Поправка", "Amendment"),
        l.pick("Акт", "Акт", "Act"),
        l.pick("Тақырыбы", "Предмет", "Subject"),
        l.pick("Мәртебесі", "Статус", "Status"),
    ];
    let main = format!(
        "<h1>{title}</h1>\n<table class=\"zan-index\">\n<thead><tr>{}</tr></thead>\n<tbody>\n{rows}</tbody>\n</table>\n",
        heads.iter().map(|h| format!("<th scope=\"col\">{h}</th>")).collect::<String>()
    );
    Frame { lang: l, title, root, here: "index.html", class: "zan-page-index" }.page("", &main)
}

/// The tabs of an amendment's pages.
fn tabs(l: Lang, current: &str) -> String {
    let tabs = [
        ("index.html", l.pick("Өзгерістері бар акт", "Акт с изменениями", "Act with changes")),
        ("table.html", l.pick("Салыстырмалы кесте", "Сравнительная таблица", "Comparative table")),
        ("bill.html", l.pick("Заң жобасы", "Проект закона", "Bill")),
    ];
    let items: String = tabs
        .iter()
        .map(|(file, name)| {
            let cur = if *file == current { " aria-current=\"page\"" } else { "" };
            format!("<li><a href=\"{file}\"{cur}>{name}</a></li>")
        })
        .collect();
    format!(
        "<nav class=\"zan-tabs\" aria-label=\"{}\"><ul>{items}</ul></nav>\n",
        l.pick("Түзету беттері", "Страницы поправки", "Amendment pages")
    )
}

/// The amendment's heading, status, author and entry into force.
fn heading(a: &Amendment, applied: &Applied, l: Lang) -> String {
    let act = text_in(&applied.result.meta.titles, l.code()).unwrap_or(&applied.result.meta.id);
    let mut meta = vec![format!(
        "{}: <span class=\"zan-status\">{}</span>",
        l.pick("Мәртебесі", "Статус", "Status"),
        status_word(a.status, l)
    )];
    if let Some(author) = &a.author {
        meta.push(format!("{}: {}", l.pick("Авторы", "Автор", "Author"), esc(author)));
    }
    if let Some(d) = a.in_force {
        meta.push(format!("{}: {d}", l.pick("Күшіне енуі", "Вступает в силу", "In force")));
    }
    format!(
        "<h1>{} <span class=\"zan-id\">{}</span></h1>\n<p class=\"zan-meta\">{}</p>\n",
        esc(act),
        esc(&a.id),
        meta.join(" · ")
    )
}

/// What changed in one unit, as its badge says (never colour alone).
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Same,
    Changed,
    Inserted,
    Removed,
}

impl State {
    fn class(self) -> &'static str {
        match self {
            State::Same => "zan-same",
            State::Changed => "zan-changed",
            State::Inserted => "zan-new",
            State::Removed => "zan-removed",
        }
    }

    fn badge(self, l: Lang) -> String {
        let word = match self {
            State::Same => return String::new(),
            State::Changed => l.pick("өзгертілді", "изменено", "changed"),
            State::Inserted => l.pick("жаңа", "новое", "new"),
            State::Removed => l.pick("алып тасталды", "исключено", "removed"),
        };
        format!(" <span class=\"zan-badge\">{word}</span>")
    }
}

/// The act page's material: the base version's units by identity, the
/// result's identities, what each touched unit's operations say.
struct Page<'a> {
    base: HashMap<u32, &'a Tracked>,
    in_result: HashSet<u32>,
    touched: HashMap<u32, Vec<(&'a crate::model::Operation, &'a Amendment)>>,
    index: &'a Index<'a>,
    lang: Lang,
    notes: Footnotes,
    toc: String,
}

/// The children of a unit in both versions, in reading order: the result's,
/// with each unit that no longer exists after the sibling it followed.
fn merged<'t>(
    before: &'t [Tracked],
    after: &'t [Tracked],
    base: &HashMap<u32, &'t Tracked>,
    in_result: &HashSet<u32>,
) -> Vec<(Option<&'t Tracked>, Option<&'t Tracked>)> {
    let mut out: Vec<(Option<&Tracked>, Option<&Tracked>)> =
        after.iter().map(|c| (base.get(&c.id).copied(), Some(c))).collect();
    let mut at = 0;
    for b in before {
        if let Some(i) = out.iter().position(|(x, y)| x.or(*y).is_some_and(|n| n.id == b.id)) {
            at = i + 1;
        } else if !in_result.contains(&b.id) {
            out.insert(at, (Some(b), None));
            at += 1;
        }
    }
    out
}

fn first_number(n: &Tracked) -> Option<&str> {
    if !n.unit.kind.is_grouping() {
        return n.unit.number.as_ref().map(|x| x.text.as_str());
    }
    n.children.iter().find_map(first_number)
}

impl<'a> Page<'a> {
    fn lines(&mut self, n: Option<&Tracked>) -> Vec<String> {
        let code = self.lang.code();
        n.map(|n| own_lines_marked(&n.unit, code, &mut self.notes)).unwrap_or_default()
    }

    /// A unit and its descendants; `collapsible` for an article (or any
    /// unit right under the act or a grouping). Gives whether anything in
    /// it changed.
    fn unit(
        &mut self,
        before: Option<&'a Tracked>,
        after: Option<&'a Tracked>,
        prefix: &[Segment],
        collapsible: bool,
        out: &mut String,
    ) -> bool {
        let Some(node) = after.or(before) else { return false };
        let mut path = prefix.to_vec();
        path.push(Segment {
            kind: node.unit.kind,
            number: node.unit.number.clone().map(|n| crate::model::Number { text: n.text, span: 0..0 }),
        });
        let eid = crate::model::eid(&path);
        let old = self.lines(before);
        let new = self.lines(after);
        let redline = {
            let o: Vec<&str> = old.iter().map(String::as_str).collect();
            let n: Vec<&str> = new.iter().map(String::as_str).collect();
            Redline::new(&o, &n)
        };
        let state = match (before, after) {
            (None, _) => State::Inserted,
            (_, None) => State::Removed,
            _ if !redline.is_unchanged() => State::Changed,
            _ => State::Same,
        };
        let children = merged(
            before.map(|b| b.children.as_slice()).unwrap_or_default(),
            after.map(|a| a.children.as_slice()).unwrap_or_default(),
            &self.base,
            &self.in_result,
        );
        let l = self.lang;
        let heading_line = new.first().or(old.first()).cloned().unwrap_or_else(|| eid.clone());
        let cite = super::citation(&path, l.code());
        let permalink = format!(
            "<a class=\"zan-permalink\" href=\"#{eid}\" aria-label=\"{} {}\">#</a>",
            l.pick("Тұрақты сілтеме:", "Постоянная ссылка:", "Permalink:"),
            esc(&cite)
        );
        if node.unit.kind.is_grouping() {
            self.toc.push_str(&format!(
                "<li class=\"zan-toc-group\"><a href=\"#{eid}\">{}</a></li>\n",
                esc(&heading_line)
            ));
            let mut body = String::new();
            let mut changed = state != State::Same;
            for (b, a) in children {
                // A grouping's articles are cited without it (\"article 15\").
                changed |= self.unit(b, a, prefix, true, &mut body);
            }
            out.push_str(&format!(
                "<section class=\"zan-group {}\" id=\"{eid}\" data-unit>\n<h2>{}{}{permalink}</h2>\n",
                state.class(),
                esc(&heading_line),
                state.badge(l)
            ));
            if state != State::Same {
                out.push_str(&html::render(&redline));
            }
            out.push_str(&body);
            out.push_str("</section>\n");
            return changed;
        }
        let mut body = String::new();
        let mut changed = state != State::Same;
        for (b, a) in children {
            changed |= self.unit(b, a, &path, false, &mut body);
        }
        let aside = self.aside(node.id);
        let mut shown = redline.clone();
        // The summary already shows an unchanged heading line.
        if collapsible && shown.paragraphs.first().is_some_and(|p| p.kind == ParagraphKind::Unchanged) {
            shown.paragraphs.remove(0);
        }
        let remarks = remarks(&before.unwrap_or(node).unit.content.remarks, l);
        // A unit the amendment adds takes its comments too: `zan review
        // import` writes them into the `add` that brings it in.
        let comment = format!(
            "<button type=\"button\" class=\"zan-comment\">{}<span class=\"zan-sr\"> — {}</span></button>\n",
            l.pick("Пікір қосу", "Добавить замечание", "Add a comment"),
            esc(&cite)
        );
        let own = format!(
            "<div class=\"zan-text\">{}</div>{}{aside}{remarks}{comment}",
            html::render(&shown),
            state.badge(l)
        );
        let class = format!("zan-unit {}{}", state.class(), if changed { " zan-touched" } else { "" });
        // The permalink stands in the body: a link inside <summary> would be
        // a control inside a control.
        if collapsible {
            let mark = if changed {
                format!(
                    " <span class=\"zan-badge\">{}</span>",
                    l.pick("өзгерістер бар", "есть изменения", "has changes")
                )
            } else {
                String::new()
            };
            self.toc.push_str(&format!(
                "<li{}><a href=\"#{eid}\">{}</a>{}</li>\n",
                if changed { " class=\"zan-toc-changed\"" } else { "" },
                esc(&heading_line),
                if changed { "<span class=\"zan-dot\" aria-hidden=\"true\"> ●</span>" } else { "" }
            ));
            out.push_str(&format!(
                "<details class=\"{class}\" id=\"{eid}\" data-unit{}>\n<summary><span class=\"zan-heading\">{}</span>{mark}</summary>\n{permalink}{own}{body}</details>\n",
                if changed { " open" } else { "" },
                esc(&heading_line)
            ));
        } else {
            out.push_str(&format!(
                "<div class=\"{class}\" id=\"{eid}\" data-unit>{permalink}{own}{body}</div>\n"
            ));
        }
        changed
    }

    /// Beside a changed unit: each operation's justification and the
    /// comparative provisions it links, with their texts.
    fn aside(&mut self, id: u32) -> String {
        let Some(ops) = self.touched.get(&id).cloned() else { return String::new() };
        let l = self.lang;
        let code = l.code();
        let mut out = String::new();
        for (op, amendment) in ops {
            let why = text_in(&op.justifications, code).or_else(|| text_in(&amendment.justifications, code));
            if let Some(why) = why {
                out.push_str(&format!(
                    "<p><strong>{}:</strong> {}</p>\n",
                    l.pick("Негіздеме", "Обоснование", "Justification"),
                    esc(why)
                ));
            }
            let links: Vec<&Comparison> = op.all_comparisons().collect();
            if !links.is_empty() {
                out.push_str(&format!(
                    "<p><strong>{}:</strong></p>\n<ul class=\"zan-provisions\">\n",
                    l.pick("Шетел заңнамасы", "Зарубежное законодательство", "Comparative provisions")
                ));
                for c in links {
                    let p = super::compare::linked(self.index, c, code, &mut self.notes);
                    out.push_str(&format!(
                        "<li><span class=\"zan-relation\">{}</span> — {}{}<br><span class=\"zan-foreign\">{}</span></li>\n",
                        esc(&p.relation),
                        esc(&p.provision),
                        if p.jurisdiction.is_empty() { String::new() } else { format!(" ({})", esc(&p.jurisdiction)) },
                        esc(&p.text).replace('\n', "<br>")
                    ));
                }
                out.push_str("</ul>\n");
            }
        }
        if out.is_empty() {
            return String::new();
        }
        format!(
            "<aside class=\"zan-aside\" aria-label=\"{}\">\n{out}</aside>\n",
            l.pick("Өзгеріс туралы", "Об изменении", "About the change")
        )
    }
}

/// The review remarks of a unit (`remark` blocks of the source), beside it:
/// author, date, status in words and by a sign (open ●, resolved ✓, whose
/// box is dashed), each paragraph, and the replies.
fn remarks(remarks: &[crate::model::Remark], l: Lang) -> String {
    if remarks.is_empty() {
        return String::new();
    }
    let mut out = format!(
        "<div class=\"zan-remarks\">\n<p class=\"zan-remarks-title\">{}</p>\n",
        l.pick("Ескертпелер", "Замечания", "Remarks")
    );
    let head = |author: &str, date: &crate::model::Date| {
        format!("<strong>{}</strong> · <time datetime=\"{date}\">{date}</time>", esc(author))
    };
    for r in remarks {
        let (class, status) = match r.status {
            crate::model::RemarkStatus::Open => ("open", l.pick("● ашық", "● открыто", "● open")),
            crate::model::RemarkStatus::Resolved => {
                ("resolved", l.pick("✓ шешілді", "✓ решено", "✓ resolved"))
            }
        };
        out.push_str(&format!(
            "<article class=\"zan-remark zan-remark-{class}\">\n<p class=\"zan-remark-head\"><span class=\"zan-remark-status\">{status}</span> {}</p>\n",
            head(&r.author, &r.date)
        ));
        for p in &r.text {
            out.push_str(&format!("<p>{}</p>\n", esc(p)));
        }
        if !r.replies.is_empty() {
            out.push_str(&format!(
                "<ol class=\"zan-replies\" aria-label=\"{}\">\n",
                l.pick("Жауаптар", "Ответы", "Replies")
            ));
            for reply in &r.replies {
                out.push_str(&format!(
                    "<li><p class=\"zan-remark-head\">{}</p>\n",
                    head(&reply.author, &reply.date)
                ));
                for p in &reply.text {
                    out.push_str(&format!("<p>{}</p>\n", esc(p)));
                }
                out.push_str("</li>\n");
            }
            out.push_str("</ol>\n");
        }
        out.push_str("</article>\n");
    }
    out.push_str("</div>\n");
    out
}

/// Where a reviewer's own comments are kept (in the browser, until
/// exported) and the button that exports them as the file `zan review
/// import` reads (`remarks::from_json`); the words site.js shows.
fn review_panel(applied: &Applied, l: Lang) -> String {
    format!(
        "<div class=\"zan-review\" id=\"zan-review\" data-act=\"{}\" data-author=\"{}\" data-text=\"{}\" data-save=\"{}\" data-cancel=\"{}\" data-remove=\"{}\" data-pending=\"{}\">\n<p><button type=\"button\" id=\"zan-export\" disabled>{} (<span id=\"zan-count\">0</span>)</button> <span class=\"zan-hint\">{}</span></p>\n</div>\n",
        esc(&crate::remarks::act_ref(applied)),
        l.pick("Авторы", "Автор", "Author"),
        l.pick("Пікір (абзацтар бос жолмен бөлінеді)", "Замечание (абзацы разделяются пустой строкой)", "Comment (a blank line between paragraphs)"),
        l.pick("Сақтау", "Сохранить", "Save"),
        l.pick("Болдырмау", "Отмена", "Cancel"),
        l.pick("Жою", "Удалить", "Remove"),
        l.pick("● ашық, экспортталмаған", "● открыто, не выгружено", "● open, not exported yet"),
        l.pick("Пікірлерді экспорттау", "Выгрузить замечания", "Export comments"),
        l.pick(
            "Пікірлер осы браузерде экспортқа дейін сақталады; файлды `zan review import` бастапқы мәтінге қайтарады.",
            "Замечания хранятся в этом браузере до выгрузки; файл возвращает их в исходный текст команда `zan review import`.",
            "Comments are kept in this browser until exported; `zan review import` brings the file back into the source."
        )
    )
}

/// The whole act with the changes in place, its table of contents and a
/// search box.
fn act_page(a: &Amendment, applied: &Applied, index: &Index, l: Lang) -> String {
    let mut touched: HashMap<u32, Vec<(&crate::model::Operation, &Amendment)>> = HashMap::new();
    for e in super::entries(applied) {
        for t in &e.change.touched {
            touched.entry(t.id).or_default().push((e.operation, e.amendment));
        }
    }
    let base: HashMap<u32, &Tracked> =
        applied.base.roots.iter().flat_map(Tracked::walk).map(|n| (n.id, n)).collect();
    let in_result: HashSet<u32> = applied.result.roots.iter().flat_map(Tracked::walk).map(|n| n.id).collect();
    let mut page =
        Page { base, in_result, touched, index, lang: l, notes: Footnotes::new(l), toc: String::new() };
    let mut roots = merged(&applied.base.roots, &applied.result.roots, &page.base, &page.in_result);
    super::order::by_first_number(&mut roots, |(b, a)| a.or(*b).and_then(first_number));
    let mut body = String::new();
    for (b, a) in roots {
        page.unit(b, a, &[], true, &mut body);
    }
    let footnotes: String =
        page.notes.lines().iter().map(|f| format!("<p class=\"zan-footnote\">{}</p>\n", esc(f))).collect();
    let search = format!(
        "<search class=\"zan-search\"><form role=\"search\" onsubmit=\"return false\"><label for=\"zan-q\">{}</label> <input id=\"zan-q\" type=\"search\" autocomplete=\"off\"></form><div id=\"zan-results\" role=\"status\" aria-live=\"polite\" data-none=\"{}\" data-found=\"{}\"></div></search>\n",
        l.pick("Акт мәтінінен іздеу", "Поиск по тексту акта", "Search the act"),
        l.pick("Ештеңе табылмады", "Ничего не найдено", "Nothing found"),
        l.pick("Табылды", "Найдено", "Found")
    );
    let controls = format!(
        "<p class=\"zan-controls\"><button type=\"button\" data-expand=\"1\">{}</button> <button type=\"button\" data-expand=\"0\">{}</button></p>\n",
        l.pick("Барлығын ашу", "Развернуть все", "Expand all"),
        l.pick("Өзгеріссіздерін жабу", "Свернуть неизменённые", "Collapse unchanged")
    );
    let main = format!(
        "{}{}{search}{controls}{}<div class=\"zan-act\">\n{body}</div>\n{footnotes}",
        tabs(l, "index.html"),
        heading(a, applied, l),
        review_panel(applied, l)
    );
    let toc = format!(
        "<nav class=\"zan-toc\" aria-label=\"{}\"><h2>{}</h2><ol>\n{}</ol></nav>\n",
        l.pick("Мазмұны", "Оглавление", "Contents"),
        l.pick("Мазмұны", "Оглавление", "Contents"),
        page.toc
    );
    let title =
        format!("{} — {}", a.id, l.pick("Өзгерістері бар акт", "Акт с изменениями", "Act with changes"));
    let here = format!("{}/index.html", file_name(&a.id));
    Frame { lang: l, title: &title, root: "../../", here: &here, class: "zan-page-act" }.page(&toc, &main)
}

/// The comparative table (`render::table`), its comparative provisions
/// column included, printed in landscape.
fn table_page(a: &Amendment, applied: &Applied, acts: &[&Act], l: Lang) -> String {
    let table = super::table::table(applied, l.code(), acts);
    let main = format!("{}{}{}", tabs(l, "table.html"), heading(a, applied, l), table.html_body(true, 2));
    let title =
        format!("{} — {}", a.id, l.pick("Салыстырмалы кесте", "Сравнительная таблица", "Comparative table"));
    let here = format!("{}/table.html", file_name(&a.id));
    Frame { lang: l, title: &title, root: "../../", here: &here, class: "zan-page-table" }.page("", &main)
}

/// The bill, one paragraph per line, printed in portrait.
fn bill_page(a: &Amendment, applied: &Applied, l: Lang) -> String {
    let bill = super::bill::bill(applied, l.code());
    let mut body = String::new();
    for e in &bill.errors {
        body.push_str(&format!("<p class=\"zan-error\" role=\"alert\">{}</p>\n", esc(e)));
    }
    for line in bill.text().lines() {
        if !line.is_empty() {
            body.push_str(&format!("<p>{}</p>\n", esc(line)));
        }
    }
    let main = format!(
        "{}{}<article class=\"zan-bill\">\n{body}</article>\n",
        tabs(l, "bill.html"),
        heading(a, applied, l)
    );
    let title = format!("{} — {}", a.id, l.pick("Заң жобасы", "Проект закона", "Bill"));
    let here = format!("{}/bill.html", file_name(&a.id));
    Frame { lang: l, title: &title, root: "../../", here: &here, class: "zan-page-bill" }.page("", &main)
}
