//! The model printed back as `.zan` source, laid out by the formatter.

use crate::model::{Act, ChangeKind, Comparison, Date, Fidelity, History, Relation, RichText, Text, Unit};

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
    for t in &u.content.titles {
        out.push_str(&text("title ", t));
    }
    for t in &u.content.texts {
        out.push_str(&text("", t));
    }
    history(&u.content.history, out);
    for c in &u.content.children {
        unit(c, out);
    }
    for c in &u.content.comparisons {
        out.push_str(&comparison(c));
    }
    if let Some(r) = &u.content.repealed {
        out.push_str("repealed");
        if let Some(d) = r.date {
            out.push_str(&format!(" {d}"));
        }
        out.push('\n');
    }
    out.push_str("}\n");
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
