//! The model printed back as `.zan` source, laid out by the formatter.

use crate::model::{
    Act, ChangeKind, Comparison, Date, Fidelity, History, InsertPosition, Occurrence, Operation,
    OperationKind, Place, Relation, RichText, Text, Unit, UnitContent,
};

/// A target as written in `.zan`: `kz.cc@2024-01-01 article 205..213`.
use crate::model::written::{number, target};

/// A string's words with `"`, `\\`, `[` and `]` escaped.
pub fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        if matches!(c, '"' | '\\' | '[' | ']') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A string literal with its inline references.
pub fn string(r: &RichText) -> String {
    let mut out = String::from("\"");
    let mut at = 0;
    for x in &r.refs {
        out.push_str(&escape(&r.plain[at..x.plain.start]));
        out.push('[');
        out.push_str(&escape(&r.plain[x.plain.clone()]));
        out.push_str("](");
        out.push_str(&target(&x.target));
        out.push(')');
        at = x.plain.end;
    }
    out.push_str(&escape(&r.plain[at..]));
    out.push('"');
    out
}

/// A string literal of plain text (no inline references).
pub fn quoted(s: &str) -> String {
    format!("\"{}\"", escape(s))
}

fn text(prefix: &str, t: &Text) -> String {
    let mut out = format!("{prefix}{}", t.lang);
    match t.fidelity {
        Some(Fidelity::Official) => out.push_str(" official"),
        Some(Fidelity::Summary) => out.push_str(" summary"),
        None => {}
    }
    out.push(' ');
    out.push_str(&string(&t.value));
    if let Some(cite) = &t.cite {
        out.push_str(" cite ");
        out.push_str(&quoted(cite));
    }
    out.push('\n');
    out
}

fn relation(r: Relation) -> &'static str {
    match r {
        Relation::Corresponds => "corresponds",
        Relation::Stricter => "stricter",
        Relation::Lenient => "lenient",
        Relation::Broader => "broader",
        Relation::Narrower => "narrower",
        Relation::Implements => "implements",
    }
}

fn comparison(c: &Comparison) -> String {
    let note = c.note.as_ref().map(|n| format!(" {}", string(n))).unwrap_or_default();
    format!("compare {} {}{note}\n", relation(c.relation), target(&c.target))
}

/// A change of a `history` block: `amended "180-VI" 2018-07-12 in-force 2018-07-24`.
pub fn change(kind: ChangeKind, law: &str, date: Date, in_force: Option<Date>) -> String {
    let mut out = format!("{} {} {date}", kind.keyword(), quoted(law));
    if let Some(d) = in_force {
        out.push_str(&format!(" in-force {d}"));
    }
    out.push('\n');
    out
}

fn history(h: &Option<History>, out: &mut String) {
    let Some(h) = h else { return };
    out.push_str("history {\n");
    for c in &h.changes {
        out.push_str(&change(c.kind, &c.law, c.date, c.in_force));
    }
    for t in &h.notes {
        out.push_str(&text("", t));
    }
    out.push_str("}\n");
}

fn unit(u: &Unit, out: &mut String) {
    out.push_str(u.kind.keyword());
    if let Some(n) = &u.number {
        out.push(' ');
        out.push_str(&number(&n.text));
    }
    out.push_str(" {\n");
    items(&u.content, out);
    links(&u.content, out);
    out.push_str("}\n");
}

/// What a unit block holds first: titles, texts, children (then `links`).
fn items(content: &UnitContent, out: &mut String) {
    for t in &content.titles {
        out.push_str(&text("title ", t));
    }
    for t in &content.texts {
        out.push_str(&text("", t));
    }
    history(&content.history, out);
    for c in &content.children {
        unit(c, out);
    }
}

/// What a unit block holds last: links and tombstone.
fn links(content: &UnitContent, out: &mut String) {
    for c in &content.comparisons {
        out.push_str(&comparison(c));
    }
    if let Some(r) = &content.repealed {
        out.push_str("repealed");
        if let Some(d) = r.date {
            out.push_str(&format!(" {d}"));
        }
        out.push('\n');
    }
}

fn occurrence(o: Option<Occurrence>) -> String {
    match o {
        None => String::new(),
        Some(Occurrence::Nth(n)) => format!(" occurrence {n}"),
        Some(Occurrence::All) => " occurrence all".to_string(),
    }
}

fn title_flag(title: bool) -> &'static str {
    if title { "title " } else { "" }
}

/// An operation as `.zan` source (laid out by the formatter once in its
/// file), its block ending with `kept`: lines kept verbatim from an earlier
/// version of the operation (justifications, links, comments).
pub fn operation(op: &Operation, kept: &[&str]) -> String {
    let mut body = String::new();
    let mut last = String::new();
    let head = match &op.kind {
        OperationKind::Replace { target: t, changes } => {
            for c in changes {
                let (flag, lang, old, new) = (title_flag(c.title), &c.lang, string(&c.old), string(&c.new));
                body.push_str(&format!("{flag}{lang} {old} -> {new}{}\n", occurrence(c.occurrence)));
            }
            t.as_ref().map_or_else(|| "replace-all".to_string(), |t| format!("replace {}", target(t)))
        }
        OperationKind::Delete { target: t, changes } => {
            for c in changes {
                let (flag, lang, old) = (title_flag(c.title), &c.lang, string(&c.old));
                body.push_str(&format!("{flag}{lang} {old}{}\n", occurrence(c.occurrence)));
            }
            format!("delete {}", target(t))
        }
        OperationKind::Insert { target: t, insertions } => {
            for i in insertions {
                let position = match &i.position {
                    InsertPosition::Before { anchor, occurrence: o } => {
                        format!("before {}{}", string(anchor), occurrence(*o))
                    }
                    InsertPosition::After { anchor, occurrence: o } => {
                        format!("after {}{}", string(anchor), occurrence(*o))
                    }
                    InsertPosition::Start => "at start".to_string(),
                    InsertPosition::End => "at end".to_string(),
                };
                body.push_str(&format!("{}{} {} {position}\n", title_flag(i.title), i.lang, string(&i.new)));
            }
            format!("insert {}", target(t))
        }
        OperationKind::Rewrite { target: t, content } => {
            items(content, &mut body);
            links(content, &mut last);
            format!("rewrite {}", target(t))
        }
        OperationKind::Add { kind, number: n, place, target: t, content } => {
            items(content, &mut body);
            links(content, &mut last);
            let n = n.as_ref().map(|n| format!(" {}", number(&n.text))).unwrap_or_default();
            let place = match place {
                Place::To => "to",
                Place::After => "after",
                Place::Before => "before",
            };
            format!("add {}{n} {place} {}", kind.keyword(), target(t))
        }
        OperationKind::Repeal { target: t } => format!("repeal {}", target(t)),
        OperationKind::Renumber { target: t, number: n, update_references } => {
            let update = if *update_references { " update-references" } else { "" };
            format!("renumber {} to {}{update}", target(t), number(&n.text))
        }
    };
    for j in &op.justifications {
        body.push_str(&text("justification ", j));
    }
    for c in &op.comparisons {
        body.push_str(&comparison(c));
    }
    for k in kept {
        body.push_str(k);
        body.push('\n');
    }
    // A unit's links and tombstone after the operation's justifications, as drafters order them.
    body.push_str(&last);
    let blockless = matches!(op.kind, OperationKind::Repeal { .. } | OperationKind::Renumber { .. });
    if blockless && body.is_empty() { format!("{head}\n") } else { format!("{head} {{\n{body}}}\n") }
}

/// The act as canonical `.zan` source (comments are not part of the model
/// and are not printed), or `None` if the printed text would not parse.
pub fn act(a: &Act) -> Option<String> {
    let mut out = format!("act {}", a.id);
    if let Some(v) = a.version {
        out.push_str(&format!(" version {v}"));
    }
    out.push_str(" {\n");
    if let Some(j) = &a.jurisdiction {
        out.push_str(&format!("jurisdiction {j}\n"));
    }
    if let Some(k) = &a.kind {
        out.push_str(&format!("kind {k}\n"));
    }
    if let Some(n) = &a.number {
        out.push_str(&format!("number {}\n", quoted(n)));
    }
    if let Some(d) = a.adopted {
        out.push_str(&format!("adopted {d}\n"));
    }
    if let Some(d) = a.in_force {
        out.push_str(&format!("in-force {d}\n"));
    }
    if !a.languages.is_empty() {
        out.push_str(&format!("languages {}\n", a.languages.join(" ")));
    }
    for t in &a.titles {
        out.push_str(&text("title ", t));
    }
    if let Some(s) = &a.source {
        out.push_str(&format!("source {}\n", quoted(s)));
    }
    history(&a.history, &mut out);
    for u in &a.units {
        unit(u, &mut out);
    }
    for c in &a.comparisons {
        out.push_str(&comparison(c));
    }
    out.push_str("}\n");
    crate::document::Document::parse(out).formatted()
}
