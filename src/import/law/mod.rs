//! `zan import law`: an amending law in the official layout into one
//! amendment per act it amends, with typed operations — the inverse of
//! `zan bill` (docs/import.md, «Amending laws»).
pub mod formula;
pub mod phrase;

use super::tree::{At, Node};
use super::{Finding, Imported, Input, UNRECOGNISED, decode, layout, merge, normal, write};
use crate::lang::Lang;
use crate::model::{Date, UnitKind};
use crate::render::zan::quoted;
use formula::{Does, Words};
use phrase::Path;

/// An act of the workspace a law may amend, named by its titles.
pub struct KnownAct {
    pub id: String,
    pub version: Option<Date>,
    pub titles: Vec<(String, String)>,
}

pub struct Options {
    /// The amendment's id (with several acts, `-2`, `-3` … after the first).
    pub id: Option<String>,
    /// The acts amended, in the order the law names them; else found by title.
    pub targets: Vec<String>,
    pub acts: Vec<KnownAct>,
}

/// One operation read in one language.
#[derive(Debug, Clone)]
struct Op {
    path: Vec<(UnitKind, Option<String>)>,
    title: bool,
    what: What,
    at: At,
}

#[derive(Debug, Clone)]
enum What {
    Words(Words, Option<u32>),
    Throughout(String, String),
    Rewrite(Node),
    Add(UnitKind, Option<String>, Node),
    /// With the last unit of a range.
    Repeal(Option<String>),
    Renumber(String),
}

impl Op {
    /// Operations of the two languages that are one: same kind, same unit.
    fn key(&self) -> String {
        let tag = match &self.what {
            What::Words(Words::Replace { .. }, _) => "replace".to_string(),
            What::Words(Words::Delete { .. }, _) => "delete".to_string(),
            What::Words(..) => "insert".to_string(),
            What::Throughout(..) => "replace-all".to_string(),
            What::Rewrite(_) => "rewrite".to_string(),
            What::Add(k, n, _) => format!("add {} {}", k.keyword(), n.as_deref().unwrap_or("")),
            What::Repeal(to) => format!("repeal {}", to.as_deref().unwrap_or("")),
            What::Renumber(n) => format!("renumber {n}"),
        };
        format!("{tag} {}", target(&self.path))
    }
}

/// An operation with the summary markers after it («[2]»).
type Marked = (Op, Vec<String>);
/// One operation in each language that has it.
type Group = Vec<(Lang, Op, Vec<String>)>;

/// The acts one text amends, in order, each with its operations.
struct Amended {
    name: String,
    at: At,
    ops: Vec<Marked>,
    /// Lines kept as comments, after the number of operations read before them.
    comments: Vec<(usize, String)>,
}

struct Law {
    lang: Lang,
    title: Option<String>,
    number: Option<String>,
    in_force: Option<Date>,
    /// The bill said its quoted words come from a summary.
    warned: bool,
    acts: Vec<Amended>,
    /// `[n]` → the source of the summary it marks.
    footnotes: Vec<(String, String)>,
}

fn target(path: &[(UnitKind, Option<String>)]) -> String {
    path.iter()
        .map(|(k, n)| match n {
            Some(n) => format!("{} {}", k.keyword(), crate::model::written::number(n)),
            None => k.keyword().to_string(),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// «1) …» at the start of a line: the item number and the rest.
fn item(line: &str) -> Option<(&str, &str)> {
    let (n, rest) = line.split_once(") ")?;
    n.chars().all(|c| c.is_ascii_digit() || c == '-').then_some((n, rest))
}

/// «1. В Уголовный кодекс …:» of a law amending several acts.
fn act_item(line: &str) -> Option<&str> {
    let (n, rest) = line.split_once(". ")?;
    (n.chars().all(|c| c.is_ascii_digit()) && rest.ends_with(':')).then_some(rest)
}

/// The line without its final «;» or «.» and the summary markers before
/// it («» [2];»), and the markers.
fn ending(line: &str) -> (&str, Vec<String>) {
    write::markers(line.strip_suffix([';', '.']).unwrap_or(line))
}

/// The act's name in Article 1 or an act's item: «Внести в Уголовный кодекс
/// … от 3 июля 2014 года (…) следующие …:», «В Уголовный кодекс … :»,
/// «2014 жылғы 3 шілдедегі Қазақстан Республикасының Қылмыстық кодексіне
/// мынадай …:», in the nominative.
fn act_name(words: &str, lang: Lang) -> Option<String> {
    let cut = |s: &str, stops: &[&str]| {
        let end = stops.iter().filter_map(|p| s.find(p)).min().unwrap_or(s.len());
        s[..end].trim_end_matches(':').trim().to_string()
    };
    match lang {
        Lang::Kk => {
            let mut s = words;
            if let Some(i) = s.find(" жылғы ") {
                // «2014 жылғы 3 шілдедегі …»: the date before the name.
                let after = &s[i + " жылғы ".len()..];
                s = after.splitn(3, ' ').nth(2).unwrap_or(after);
            }
            let name = cut(s, &[" (", " мынадай", ":"]);
            let nominative = name
                .strip_suffix("не")
                .filter(|n| n.ends_with('і'))
                .or_else(|| name.strip_suffix("на").filter(|n| n.ends_with('ы')))
                .map(str::to_string);
            nominative.or(Some(name)).filter(|n| !n.is_empty())
        }
        _ => {
            let s = words.strip_prefix("Внести в ").or_else(|| words.strip_prefix("В "))?;
            Some(cut(s, &[" от ", " (", " следующ", ":"])).filter(|n| !n.is_empty())
        }
    }
}

/// Logical lines: each normalised, with the number of the line it starts
/// on. A line the layout wrapped is joined to the line above it: the line
/// above ends without `.` `;` `:` `!` `?`, is not in capitals (a heading) and
/// no blank line is between them; the line opens no item, act or article,
/// and it starts in lower case, with «, a digit or a bracket, or the line
/// above is an instruction (so «Республики Казахстан …» continues «1. В
/// Уголовный кодекс»). A quote opened in an instruction continues it. Lines
/// of a new wording («…» after «…:») are left as they are: the act's layout
/// joins them when it reads the wording.
fn logical(text: &str, lang: Lang) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut blank_before = true;
    // Quotes open at the end of the last line, and whether they hold a new wording.
    let mut depth = 0i32;
    let mut wording = false;
    let article = |l: &str| match lang {
        Lang::Kk => l.split_once("-бап. ").is_some_and(|(n, _)| n.chars().all(|c| c.is_ascii_digit())),
        _ => l.starts_with("Статья "),
    };
    let starts_unit = |l: &str| item(l).is_some() || act_item(l).is_some() || article(l);
    let instruction = |l: &str| {
        // «1. В Уголовный кодекс» before the «…:» that makes it an act's item.
        let numbered =
            l.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.chars().all(|c| c.is_ascii_digit()));
        starts_unit(l) || numbered || l.starts_with(|c: char| c.is_lowercase() || c == '«')
    };
    for (i, raw) in text.lines().enumerate() {
        let line = normal::line(raw);
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        let joins = match out.last() {
            _ if wording => false,
            Some(_) if depth > 0 => true,
            Some((_, prev)) if !blank_before && !starts_unit(&line) => {
                let caps = prev.chars().any(char::is_alphabetic) && !prev.chars().any(char::is_lowercase);
                let open = !prev.ends_with(['.', ';', ':', '!', '?']) && !caps;
                let lower =
                    line.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit() || "«(".contains(c));
                open && (lower || instruction(prev))
            }
            _ => false,
        };
        blank_before = false;
        if depth <= 0 && line.starts_with('«') && out.last().is_some_and(|(_, p)| p.ends_with(':')) {
            wording = true;
        }
        depth += line.matches('«').count() as i32 - line.matches('»').count() as i32;
        if depth <= 0 {
            depth = 0;
            wording = false;
        }
        crate::import::layout::join_or_push(&mut out, i + 1, line, joins);
    }
    out
}

/// Reads one text: its frame, its acts and their instructions.
fn read(text: &str, file: &str, lang: Lang, findings: &mut Vec<Finding>) -> Law {
    let lines = logical(text, lang);
    let at = |line: usize| At { file: file.to_string(), line };
    let mut law = Law {
        lang,
        title: None,
        number: None,
        in_force: None,
        warned: false,
        acts: Vec::new(),
        footnotes: Vec::new(),
    };
    let heading = lang.pick("ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ", "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН", "");
    let (first_article, article) = match lang {
        Lang::Kk => ("1-бап. ", "-бап. "),
        _ => ("Статья 1. ", "Статья "),
    };
    #[derive(PartialEq)]
    enum Part {
        Frame,
        Items,
        End,
        Footnotes,
    }
    let mut part = Part::Frame;
    let mut title: Vec<String> = Vec::new();
    let mut item_path: Vec<(UnitKind, Option<String>)> = Vec::new();
    let mut sub_path: Vec<(UnitKind, Option<String>)> = Vec::new();
    let mut i = 0;
    let unrecognised = |findings: &mut Vec<Finding>, law: &mut Law, line: usize, words: &str, why: &str| {
        findings.push(Finding {
            code: UNRECOGNISED,
            at: at(line),
            message: format!("line not recognised ({why}); kept as a comment"),
        });
        let comment = format!("{UNRECOGNISED} {}: {words}", at(line));
        match law.acts.last_mut() {
            Some(a) => a.comments.push((a.ops.len(), comment)),
            None => law.acts.push(Amended {
                name: String::new(),
                at: at(line),
                ops: Vec::new(),
                comments: vec![(0, comment)],
            }),
        }
    };
    while i < lines.len() {
        let (n, line) = (lines[i].0, lines[i].1.as_str());
        i += 1;
        if line == crate::render::summary::quoted_words_warning(lang) {
            law.warned = true;
            continue;
        }
        if part == Part::Footnotes {
            match write::footnote(line) {
                Some(f) => law.footnotes.push(f),
                None => unrecognised(findings, &mut law, n, line, "a line among the footnotes"),
            }
            continue;
        }
        if line.chars().all(|c| c == '_') {
            part = Part::Footnotes;
            continue;
        }
        let is_article = |l: &str| match lang {
            Lang::Kk => l.split_once(article).is_some_and(|(num, _)| num.chars().all(|c| c.is_ascii_digit())),
            _ => l
                .strip_prefix(article)
                .and_then(|r| r.split_once(". "))
                .is_some_and(|(num, _)| num.chars().all(|c| c.is_ascii_digit())),
        };
        match part {
            Part::Frame if line == heading => continue,
            Part::Frame if line.starts_with(first_article) => {
                law.title = (!title.is_empty()).then(|| title.join(" "));
                part = Part::Items;
                let intro = &line[first_article.len()..];
                // One act named in Article 1, or a list of acts below it.
                if let Some(name) = act_name(intro, lang).filter(|_| {
                    !intro.contains("следующие законодательные акты")
                        && !intro.contains("заңнамалық актілеріне")
                }) {
                    law.acts.push(Amended { name, at: at(n), ops: Vec::new(), comments: Vec::new() });
                }
                continue;
            }
            Part::Frame => {
                // The header line of the database («Закон Республики Казахстан
                // от … № 111-VIII.»), else the title, which may wrap.
                if let Some(num) = line
                    .split_once("№ ")
                    .map(|(_, r)| r.split_whitespace().next().unwrap_or("").trim_end_matches('.'))
                    .filter(|_| {
                        title.is_empty() && !line.contains("О внесении") && !line.contains("енгізу туралы")
                    })
                {
                    law.number = Some(num.to_string());
                } else {
                    title.push(line.to_string());
                }
                continue;
            }
            Part::Items if is_article(line) => {
                part = Part::End;
                law.in_force = crate::render::dates::find_from(line, lang);
                continue;
            }
            Part::End => {
                let signature =
                    ["Президент", "Республики Казахстан", "Қазақстан Республикасының", "Президенті"];
                if !signature.contains(&line) {
                    unrecognised(findings, &mut law, n, line, "after the last article");
                }
                continue;
            }
            _ => {}
        }
        // Article 1: an act's item, an instruction, or a header over some.
        if let Some(rest) = act_item(line)
            && let Some(name) = act_name(rest, lang)
            && formula::read(rest, lang).is_none()
        {
            law.acts.push(Amended { name, at: at(n), ops: Vec::new(), comments: Vec::new() });
            item_path.clear();
            sub_path.clear();
            continue;
        }
        let (words, numbered) = match item(line) {
            Some((_, rest)) => (rest, true),
            None => (line, false),
        };
        let (words, marks) = ending(words);
        if numbered {
            item_path.clear();
        }
        sub_path.clear_if(numbered);
        let Some(does) = formula::read(words, lang) else {
            unrecognised(findings, &mut law, n, line, "not an instruction zan knows");
            continue;
        };
        if law.acts.is_empty() {
            unrecognised(findings, &mut law, n, line, "an instruction before the act it amends is named");
            continue;
        }
        let full = |p: &Path, base: &[(UnitKind, Option<String>)]| {
            let mut v = base.to_vec();
            v.extend(p.segs.iter().cloned());
            v
        };
        // The new wording after «…:», in «…» over one or more lines.
        let block = |i: &mut usize| -> Option<(Vec<String>, usize, Vec<String>)> {
            let start = lines.get(*i)?.0;
            if !lines[*i].1.starts_with('«') {
                return None;
            }
            let mut depth = 0i32;
            let mut out = Vec::new();
            while let Some((_, l)) = lines.get(*i) {
                *i += 1;
                depth += l.matches('«').count() as i32 - l.matches('»').count() as i32;
                out.push(l.clone());
                if depth <= 0 {
                    break;
                }
            }
            let last = out.pop()?;
            let (last, marks) = ending(&last);
            out.push(last.to_string());
            let first = out.first_mut()?;
            *first = first.strip_prefix('«')?.to_string();
            let last = out.last_mut()?;
            *last = last.strip_suffix('»')?.to_string();
            Some((out, start, marks))
        };
        let act = law.acts.last_mut().expect("an act");
        let mut push =
            |what: What, path: Vec<(UnitKind, Option<String>)>, title: bool, marks: Vec<String>| {
                act.ops.push((Op { path, title, what, at: at(n) }, marks));
            };
        match does {
            Does::Header(p) => {
                if numbered {
                    item_path = p.segs;
                } else {
                    sub_path = p.segs;
                }
            }
            Does::Words { path, words, occurrence } => {
                // A line without a unit is about the header above it.
                let mut target = item_path.clone();
                if path.segs.is_empty() {
                    target.extend(sub_path.iter().cloned());
                } else {
                    target.extend(path.segs.iter().cloned());
                    sub_path.clear();
                }
                push(What::Words(words, occurrence), target, path.heading, marks);
            }
            Does::Throughout(pairs) => {
                for (old, new) in pairs {
                    push(What::Throughout(old, new), Vec::new(), false, marks.clone());
                }
            }
            Does::OtherLanguage => {}
            Does::Repeal(p, to) => push(What::Repeal(to), full(&p, &item_path), false, marks),
            Does::Renumber { path, number } => {
                push(What::Renumber(number), full(&path, &item_path), false, marks)
            }
            Does::Rewrite(ref p) | Does::Add { parent: ref p, .. } => {
                let Some((text, start, block_marks)) = block(&mut i) else {
                    unrecognised(findings, &mut law, n, line, "a new wording announced and not given in «»");
                    continue;
                };
                let path = full(p, &item_path);
                let kind = match &does {
                    Does::Add { kind, .. } => *kind,
                    _ => path.last().map_or(UnitKind::Article, |s| s.0),
                };
                let node = unit_of(&text, start, file, lang, kind, findings);
                let what = match does {
                    Does::Add { kind, number, .. } => What::Add(kind, number, node),
                    _ => What::Rewrite(node),
                };
                let act = law.acts.last_mut().expect("an act");
                act.ops.push((Op { path, title: false, what, at: at(n) }, block_marks));
            }
        }
    }
    law
}

trait ClearIf {
    fn clear_if(&mut self, yes: bool);
}

impl<T> ClearIf for Vec<T> {
    fn clear_if(&mut self, yes: bool) {
        if yes {
            self.clear();
        }
    }
}

/// The new wording of a unit, read with the act's layout: an article as
/// it is, any other unit inside an article heading put before it. Blank
/// lines before it keep the lines' numbers for messages.
fn unit_of(
    lines: &[String],
    start: usize,
    file: &str,
    lang: Lang,
    kind: UnitKind,
    findings: &mut Vec<Finding>,
) -> Node {
    let wrapper = kind != UnitKind::Article;
    let pad = start.saturating_sub(1 + usize::from(wrapper));
    let mut text = "\n".repeat(pad);
    if wrapper {
        text.push_str(lang.pick("1-бап. -\n", "Статья 1. -\n", "Article 1. -\n"));
    }
    text.push_str(&lines.join("\n"));
    let mut parsed = layout::parse(&text, file, lang);
    findings.append(&mut parsed.findings);
    let article = parsed.root.units().next().cloned();
    let Some(article) = article else { return parsed.root };
    if !wrapper {
        return article;
    }
    let first = article.units().next().cloned();
    match first {
        Some(u) if u.kind == kind => u,
        // An unnumbered paragraph: the wrapper's own text.
        _ => Node { kind, number: None, titles: Vec::new(), ..article },
    }
}

/// Words to insert get the space the bill's quotes leave out: before them
/// after an anchor or at the end, after them before an anchor.
fn spaced(new: &str, after: bool) -> String {
    if after && !new.starts_with([',', '.', ';', ':', ')']) {
        format!(" {new}")
    } else if !after {
        format!("{new} ")
    } else {
        new.to_string()
    }
}

fn occurrence(o: Option<u32>) -> String {
    o.map(|n| format!(" occurrence {n}")).unwrap_or_default()
}

/// One line of a word operation, in `lang`.
fn word_line(op: &Op, lang: &str) -> String {
    let title = if op.title { "title " } else { "" };
    match &op.what {
        What::Words(Words::Replace { old, new }, o) => {
            format!("{title}{lang} {} -> {}{}\n", quoted(old), write::linked(new, lang), occurrence(*o))
        }
        What::Throughout(old, new) => format!("{lang} {} -> {}\n", quoted(old), write::linked(new, lang)),
        What::Words(Words::Delete { old }, o) => format!("{title}{lang} {}{}\n", quoted(old), occurrence(*o)),
        What::Words(Words::After { anchor, new }, o) => format!(
            "{title}{lang} {} after {}{}\n",
            write::linked(&spaced(new, true), lang),
            quoted(anchor),
            occurrence(*o)
        ),
        What::Words(Words::Before { anchor, new }, o) => format!(
            "{title}{lang} {} before {}{}\n",
            write::linked(&spaced(new, false), lang),
            quoted(anchor),
            occurrence(*o)
        ),
        What::Words(Words::End { new }, _) => {
            format!("{title}{lang} {} at end\n", write::linked(&spaced(new, true), lang))
        }
        _ => String::new(),
    }
}

/// The anchor of an added unit, which the bill does not name: after the
/// unit whose number it continues («2-1» after «2», «213-2» after «213»),
/// else at the end of its parent.
fn place(parent: &[(UnitKind, Option<String>)], kind: UnitKind, number: Option<&str>) -> String {
    let base = number.and_then(|n| n.split_once('-')).map(|(b, _)| b.to_string());
    match base {
        Some(b) => {
            let mut anchor = parent.to_vec();
            anchor.push((kind, Some(b)));
            format!("after {}", target(&anchor))
        }
        None if parent.is_empty() => "to".to_string(),
        None => format!("to {}", target(parent)),
    }
}

/// The operations of one act in its languages, as `.zan`.
fn operations(
    groups: &[Group],
    langs: &[String],
    footnotes: &[(Lang, Vec<(String, String)>)],
    comments: &[(Option<At>, String)],
    findings: &mut Vec<Finding>,
) -> String {
    // A comment follows the last group holding the operation read before it.
    let after = |a: &Option<At>| {
        a.as_ref().and_then(|a| groups.iter().rposition(|g| g.iter().any(|(_, op, _)| &op.at == a)))
    };
    let comments_after = |k: Option<usize>, out: &mut String| {
        for (a, c) in comments {
            if after(a) == k {
                out.push_str(&format!("# {c}\n"));
            }
        }
    };
    let mut out = String::new();
    comments_after(None, &mut out);
    for (k, g) in groups.iter().enumerate() {
        let (_, op, _) = &g[0];
        let path = target(&op.path);
        let fidelity = |marks: &[(Lang, Vec<String>)]| write::Fidelity {
            footnotes: Vec::new(),
            summaries: marks
                .iter()
                .filter(|(_, m)| !m.is_empty())
                .map(|(l, m)| {
                    let notes =
                        footnotes.iter().find(|(x, _)| x == l).map(|(_, f)| f.as_slice()).unwrap_or(&[]);
                    let cites: Vec<&str> = m
                        .iter()
                        .filter_map(|k| notes.iter().find(|(n, _)| n == k).map(|(_, c)| c.as_str()))
                        .collect();
                    (l.code().to_string(), cites.join("; "))
                })
                .collect(),
        };
        let marks: Vec<(Lang, Vec<String>)> = g.iter().map(|(l, _, m)| (*l, m.clone())).collect();
        match &op.what {
            What::Words(..) | What::Throughout(..) => {
                let head = match &op.what {
                    What::Throughout(..) => "replace-all".to_string(),
                    What::Words(Words::Replace { .. }, _) => format!("replace {path}"),
                    What::Words(Words::Delete { .. }, _) => format!("delete {path}"),
                    _ => format!("insert {path}"),
                };
                out.push_str(&format!("{head} {{\n"));
                for (l, op, _) in g {
                    out.push_str(&word_line(op, l.code()));
                }
                out.push_str("}\n");
            }
            What::Rewrite(_) | What::Add(..) => {
                let mut node: Option<Node> = None;
                for (l, op, _) in g {
                    let n = match &op.what {
                        What::Rewrite(n) | What::Add(_, _, n) => n.clone(),
                        _ => continue,
                    };
                    match &mut node {
                        None => node = Some(n),
                        Some(m) => merge::merge(m, n, l.code(), &langs[0], &mut Vec::new()),
                    }
                }
                let node = node.expect("a wording");
                // zan's own bill writes words put at the start of a unit as its
                // new wording: in that language only.
                if g.len() < langs.len() {
                    let missing: Vec<&str> = langs
                        .iter()
                        .map(String::as_str)
                        .filter(|l| g.iter().all(|(x, _, _)| x.code() != *l))
                        .collect();
                    findings.push(Finding {
                        code: super::ONE_LANGUAGE,
                        at: op.at.clone(),
                        message: format!(
                            "a new wording of {} in {} only, not in {}",
                            target(&op.path),
                            g[0].0.code(),
                            missing.join(", ")
                        ),
                    });
                }
                let head = match &op.what {
                    What::Add(kind, number, _) => {
                        let parent = &op.path;
                        let num = number
                            .as_deref()
                            .map(|n| format!(" {}", crate::model::written::number(n)))
                            .unwrap_or_default();
                        format!("add {}{num} {}", kind.keyword(), place(parent, *kind, number.as_deref()))
                    }
                    _ => format!("rewrite {path}"),
                };
                out.push_str(&format!("{head} {{\n"));
                let mut inner = String::new();
                write::content(&node, langs, &fidelity(&marks), &mut inner);
                out.push_str(&inner);
                out.push_str("}\n");
            }
            What::Repeal(to) => {
                let to = to.as_deref().map(|n| format!("..{}", crate::model::written::number(n)));
                out.push_str(&format!("repeal {path}{}\n", to.unwrap_or_default()))
            }
            What::Renumber(n) => {
                out.push_str(&format!("renumber {path} to {}\n", crate::model::written::number(n)))
            }
        }
        comments_after(Some(k), &mut out);
    }
    out
}

/// Operations of the languages paired: runs of one key (several changes
/// of one unit) in each language, matched in order.
fn pair(per_lang: Vec<(Lang, Vec<Marked>)>) -> Vec<Group> {
    let mut groups: Vec<Group> = Vec::new();
    let mut first_lang: Option<Lang> = None;
    for (lang, ops) in per_lang {
        let mut runs: Vec<Group> = Vec::new();
        for (op, marks) in ops {
            let single =
                matches!(op.what, What::Rewrite(_) | What::Add(..) | What::Repeal(_) | What::Renumber(_));
            match runs.last_mut() {
                Some(r) if !single && r[0].1.key() == op.key() && r[0].0 == lang => r.push((lang, op, marks)),
                _ => runs.push(vec![(lang, op, marks)]),
            }
        }
        if first_lang.is_none() {
            first_lang = Some(lang);
            groups = runs;
            continue;
        }
        let mut taken = vec![false; groups.len()];
        for run in runs {
            let key = run[0].1.key();
            let free = (0..groups.len())
                .find(|&k| !taken[k] && groups[k][0].1.key() == key && groups[k].iter().all(|x| x.0 != lang));
            match free {
                Some(k) => {
                    taken[k] = true;
                    groups[k].extend(run);
                }
                None => groups.push(run),
            }
        }
    }
    groups
}

/// The act a law names: the one given, else the one of the workspace with that title.
fn resolve(name: &str, k: usize, opts: &Options) -> Result<(String, Option<Date>), String> {
    let known = |id: &str| opts.acts.iter().find(|a| a.id == id).and_then(|a| a.version);
    if let Some(id) = opts.targets.get(k) {
        return Ok((id.clone(), known(id)));
    }
    let lower = name.to_lowercase();
    match opts.acts.iter().find(|a| a.titles.iter().any(|(_, t)| t.to_lowercase() == lower)) {
        Some(a) => Ok((a.id.clone(), a.version)),
        None => Err(format!(
            "no act of the workspace is titled «{name}»; its amendment is kept as comments; name it with --target ACT_ID (one per act, in order)"
        )),
    }
}

/// The topic of the law from its title: after «по вопросам», before «мәселелері бойынша».
fn topic(title: &str, lang: Lang) -> Option<String> {
    match lang {
        Lang::Kk => title.split_once(" мәселелері бойынша").and_then(|(a, _)| {
            // The act's name ends in the dative: the topic is what follows it.
            ["кодексіне ", "Заңына ", "актілеріне "]
                .iter()
                .find_map(|d| a.split_once(d))
                .map(|(_, t)| t.to_string())
        }),
        _ => title.split_once(" по вопросам ").map(|(_, t)| t.to_string()),
    }
}

/// Amending laws, one text per language, into one amendment per act.
pub fn law(inputs: &[Input], opts: &Options) -> Result<Imported, String> {
    let mut findings = Vec::new();
    let mut read_as = Vec::new();
    let mut laws: Vec<(Law, String)> = Vec::new();
    for input in inputs {
        if laws.iter().any(|(l, _)| l.lang == input.lang) {
            return Err(format!(
                "{}: a second text in {}; give one file per language",
                input.name,
                input.lang.code()
            ));
        }
        let decoded = decode::decode(&input.bytes).map_err(|e| format!("{}: {e}", input.name))?;
        if let Some(r) = decoded.read_as {
            read_as.push(format!("{}: read as {r}", input.name));
        }
        laws.push((read(&decoded.text, &input.name, input.lang, &mut findings), input.name.clone()));
    }
    let Some((first, _)) = laws.first() else { return Err("no input file".into()) };
    let langs: Vec<String> = laws.iter().map(|(l, _)| l.lang.code().to_string()).collect();
    let count = first.acts.len();
    for (l, name) in &laws[1..] {
        if l.acts.len() != count {
            return Err(format!(
                "{name} amends {} acts and {} amends {count}: not texts of one law",
                l.acts.len(),
                inputs[0].name
            ));
        }
    }
    let footnotes: Vec<(Lang, Vec<(String, String)>)> =
        laws.iter().map(|(l, _)| (l.lang, l.footnotes.clone())).collect();
    let mut out = String::new();
    for k in 0..count {
        // An act the workspace does not have: its amendment is written as
        // comments (nothing lost) and the other acts are still imported.
        let (act, version, unknown) = match resolve(&first.acts[k].name, k, opts) {
            Ok((a, v)) => (a, v, false),
            Err(message) => {
                findings.push(Finding { code: super::UNKNOWN_ACT, at: first.acts[k].at.clone(), message });
                ("unknown".to_string(), None, true)
            }
        };
        let start = out.len();
        let base = opts.id.clone().unwrap_or_else(|| match &first.number {
            Some(n) => format!("{act}.law-{}", n.to_lowercase()),
            None => format!("{act}.imported"),
        });
        // A given id names the first act's amendment; the others are numbered.
        let id = if k == 0 || opts.id.is_none() { base } else { format!("{base}-{}", k + 1) };
        out.push_str(&format!("amendment {id} {{\n"));
        out.push_str(&format!("target {act}"));
        if let Some(v) = version {
            out.push_str(&format!(" version {v}"));
        }
        out.push('\n');
        if let Some(d) = laws.iter().find_map(|(l, _)| l.in_force) {
            out.push_str(&format!("in-force {d}\n"));
        }
        for (l, name) in &laws {
            if let Some(t) = l.title.as_deref().and_then(|t| topic(t, l.lang)) {
                let fidelity = match l.warned {
                    true => format!(
                        "summary {} cite {}",
                        quoted(&t),
                        quoted(&format!("the title of the law in {name}"))
                    ),
                    false => format!("official {}", quoted(&t)),
                };
                out.push_str(&format!("title {} {fidelity}\n", l.lang.code()));
            }
        }
        let per_lang: Vec<(Lang, Vec<Marked>)> =
            laws.iter().map(|(l, _)| (l.lang, l.acts[k].ops.clone())).collect();
        let groups = pair(per_lang);
        let comments: Vec<(Option<At>, String)> = laws
            .iter()
            .flat_map(|(l, _)| {
                let a = &l.acts[k];
                a.comments.iter().map(|(n, c)| (n.checked_sub(1).map(|i| a.ops[i].0.at.clone()), c.clone()))
            })
            .collect();
        out.push_str(&operations(&groups, &langs, &footnotes, &comments, &mut findings));
        out.push_str("}\n");
        if unknown {
            let text: String = out[start..].lines().map(|l| format!("# {l}\n")).collect();
            out.truncate(start);
            out.push_str(&format!(
                "# {} {}: «{}»\n{text}",
                super::UNKNOWN_ACT,
                first.acts[k].at,
                first.acts[k].name
            ));
        }
    }
    findings.sort_by(|a, b| (&a.at.file, a.at.line).cmp(&(&b.at.file, b.at.line)));
    let zan = crate::document::Document::parse(out.clone())
        .formatted()
        .ok_or_else(|| format!("internal error: the imported amendment does not parse:\n{out}"))?;
    Ok(Imported { zan, findings, read_as })
}
