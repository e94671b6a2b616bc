//! A unit side by side with its comparative provisions (found by
//! `analysis::comparisons`): its own `compare` links and the links of other
//! acts that point at it, as text, Markdown and HTML.

use super::summary::Footnotes;
use super::text::block_lines;
use super::{Lang, text_in};
use crate::analysis::{Index, Resolved, Scope, resolve};
use crate::engine::{EngineError, ErrorKind};
use crate::model::{Comparison, Relation, Target};
use crate::redline::{html, markdown};

#[derive(Debug, Clone, PartialEq)]
pub struct Provision {
    pub jurisdiction: String,
    pub provision: String,
    pub relation: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub heading: String,
    pub lines: Vec<String>,
    /// The unit's `history`, one line per change (`render::history`).
    pub history: Vec<String>,
    pub provisions: Vec<Provision>,
    /// The footnotes of the summaries among `lines` and the provisions.
    pub footnotes: Vec<String>,
    lang: Lang,
}

fn relation(r: Relation, incoming: bool, lang: Lang) -> String {
    let word = super::table::comparison(
        &Comparison {
            relation: r,
            target: Target { act: None, version: None, path: Vec::new(), range_end: None, span: 0..0 },
            note: None,
            span: 0..0,
        },
        lang,
    );
    let word = word.trim_end_matches(": ").to_string();
    if incoming {
        format!("{word} ({})", lang.pick("кері сілтеме", "обратная ссылка", "incoming link"))
    } else {
        word
    }
}

/// The view of `target` in the latest version of `act`, in `lang`.
pub fn view(index: &Index, act: &str, target: &Target, lang: &str) -> Result<View, EngineError> {
    let l = Lang::of(lang);
    let Some(&version) = index.versions(act).last() else {
        return Err(EngineError { kind: ErrorKind::NoSuchId { id: act.to_string() }, at: None });
    };
    let scope = Some(Scope { act: version, unit: None });
    let node = match resolve(index, target, scope) {
        Ok(Resolved::Unit(n)) => n,
        Ok(_) => {
            return Err(EngineError { kind: ErrorKind::WrongTargetKind { operation: "compare" }, at: None });
        }
        Err(m) => return Err(EngineError { kind: ErrorKind::Check(m), at: None }),
    };
    let unit = index.nodes[node].unit;
    let mut provisions = Vec::new();
    let mut notes = Footnotes::new(l);
    let lines = block_lines(unit, lang, &mut notes);
    for link in crate::analysis::comparisons::links(index, node) {
        let word = relation(link.relation, link.incoming, l);
        provisions.push(provision(index, &link.target, link.scope, word, link.note, lang, &mut notes));
    }
    let heading = format!("{}: {}", index.acts[version].id, crate::model::citation(target, lang));
    let history = unit.content.history.as_ref().map_or(Vec::new(), |h| super::history::lines(h, l, lang));
    Ok(View { heading, lines, history, provisions, footnotes: notes.lines(), lang: l })
}

/// One comparative provision: the linked unit's text in `lang` (else the
/// first text it has, marked with its language) or the linked act's title,
/// then the link's note.
fn provision(
    index: &Index,
    t: &Target,
    scope: Option<Scope>,
    relation: String,
    note: Option<&str>,
    lang: &str,
    notes: &mut Footnotes,
) -> Provision {
    let (jurisdiction, mut text) = match resolve(index, t, scope) {
        Ok(r) => {
            let a = &index.acts[r.act(index)];
            let j = a.meta().jurisdiction.clone().unwrap_or_default();
            let text = match r {
                Resolved::Unit(n) => {
                    let u = index.nodes[n].unit;
                    let own = block_lines(u, lang, notes);
                    if own.iter().any(|s| !s.is_empty()) && u.content.texts.iter().any(|x| x.lang == lang) {
                        own.join("\n")
                    } else {
                        // No text in this language: the first there is, marked with its language.
                        u.content
                            .texts
                            .first()
                            .map(|x| format!("[{}] {}{}", x.lang, x.value.plain, notes.mark(x)))
                            .unwrap_or_default()
                    }
                }
                _ => text_in(&a.meta().titles, lang).unwrap_or("").to_string(),
            };
            (j, text)
        }
        Err(_) => (String::new(), String::new()),
    };
    if let Some(n) = note {
        text = if text.is_empty() { n.to_string() } else { format!("{text}\n— {n}") };
    }
    Provision { jurisdiction, provision: crate::model::citation(t, lang), relation, text }
}

/// The provision an operation's `compare` link names, for the review site.
pub fn linked(index: &Index, c: &Comparison, lang: &str, notes: &mut Footnotes) -> Provision {
    let word = relation(c.relation, false, Lang::of(lang));
    provision(index, &c.target, None, word, c.note.as_ref().map(|n| n.plain.as_str()), lang, notes)
}

impl View {
    fn headings(&self) -> [&'static str; 4] {
        let l = self.lang;
        [
            l.pick("Юрисдикция", "Юрисдикция", "Jurisdiction"),
            l.pick("Норма", "Норма", "Provision"),
            l.pick("Қатынас", "Соотношение", "Relation"),
            l.pick("Мәтін", "Текст", "Text"),
        ]
    }

    pub fn term(&self) -> String {
        let clean = |s: &str| {
            s.chars().map(|c| if c.is_control() && c != '\n' { ' ' } else { c }).collect::<String>()
        };
        let mut out = format!("{}\n", clean(&self.heading));
        for l in &self.lines {
            out.push_str(&format!("  {}\n", clean(l)));
        }
        if !self.history.is_empty() {
            out.push_str(&format!("\n{}:\n", super::history::heading(self.lang)));
            for l in &self.history {
                out.push_str(&format!("  - {}\n", clean(l)));
            }
        }
        let h = self.headings();
        for p in &self.provisions {
            out.push('\n');
            out.push_str(&format!("{}: {}\n", h[0], clean(&p.jurisdiction)));
            out.push_str(&format!("{}: {}\n", h[1], clean(&p.provision)));
            out.push_str(&format!("{}: {}\n", h[2], clean(&p.relation)));
            for line in p.text.lines() {
                out.push_str(&format!("  {}\n", clean(line)));
            }
        }
        if !self.footnotes.is_empty() {
            out.push_str("\n______\n");
            for f in &self.footnotes {
                out.push_str(&format!("{}\n", clean(f)));
            }
        }
        out
    }

    pub fn html(&self) -> String {
        let esc = |s: &str| html::escape(s).replace('\n', "<br>");
        let mut out = format!(
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>\ntable {{ border-collapse: collapse; }}\nth, td {{ border: 1px solid #000; padding: 4pt; vertical-align: top; text-align: left; }}\n</style>\n</head>\n<body>\n<h1>{}</h1>\n<p>{}</p>\n<table>\n<thead>\n<tr>",
            self.lang.code(),
            esc(&self.heading),
            esc(&self.heading),
            esc(&self.lines.join("\n"))
        );
        if !self.history.is_empty() {
            out.push_str(&format!("<h2>{}</h2>\n<ul>\n", super::history::heading(self.lang)));
            for l in &self.history {
                out.push_str(&format!("<li>{}</li>\n", esc(l)));
            }
            out.push_str("</ul>\n");
        }
        for h in self.headings() {
            out.push_str(&format!("<th>{h}</th>"));
        }
        out.push_str("</tr>\n</thead>\n<tbody>\n");
        for p in &self.provisions {
            out.push_str(&format!(
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>\n",
                esc(&p.jurisdiction),
                esc(&p.provision),
                esc(&p.relation),
                esc(&p.text)
            ));
        }
        out.push_str("</tbody>\n</table>\n");
        for f in &self.footnotes {
            out.push_str(&format!("<p class=\"zan-footnote\">{}</p>\n", esc(f)));
        }
        out.push_str("</body>\n</html>\n");
        out
    }

    pub fn markdown(&self) -> String {
        let mut out = format!("# {}\n\n", markdown::escape(&self.heading));
        for l in &self.lines {
            out.push_str(&format!("{}\n\n", super::markdown_paragraph(l)));
        }
        if !self.history.is_empty() {
            out.push_str(&format!("## {}\n\n", super::history::heading(self.lang)));
            for l in &self.history {
                out.push_str(&format!("- {}\n", markdown::escape(l)));
            }
            out.push('\n');
        }
        let h = self.headings();
        out.push_str(&format!("| {} |\n|---|---|---|---|\n", h.join(" | ")));
        for p in &self.provisions {
            out.push_str(&format!(
                "| {} | {} | {} | {} |\n",
                markdown::escape(&p.jurisdiction),
                markdown::escape(&p.provision),
                markdown::escape(&p.relation),
                markdown::escape(&p.text)
            ));
        }
        if !self.footnotes.is_empty() {
            out.push('\n');
            for f in &self.footnotes {
                out.push_str(&format!("{}\n\n", super::markdown_paragraph(f)));
            }
        }
        out
    }
}
