//! Random amendments of every operation kind, written as .zan text, applied
//! to a random act (the shipped criminal code or a generated one), then
//! rendered as redlines, comparative tables and a bill: never a panic
//! (errors are fine).
#![no_main]

use std::sync::OnceLock;

use arbitrary::Arbitrary;
use libfuzzer_sys::fuzz_target;
use zan::document::Document;
use zan::engine::{self, Applied, Include, Held};
use zan::model::File;
use zan::redline::terminal::TerminalStyle;
use zan::model::written::number;
use zan::render::zan::quoted;

const CORPUS: [&str; 3] = [
    include_str!("../../corpus/kz/criminal-code/act.zan"),
    include_str!("../../corpus/kz/criminal-code/chapter-07.zan"),
    include_str!("../../corpus/kz/criminal-code/network-offences.zan"),
];
const KINDS: [&str; 7] = ["chapter", "article", "part", "point", "subpoint", "indent", "note"];
const LANGS: [&str; 4] = ["kk", "ru", "en", "de"];

#[derive(Arbitrary, Debug)]
enum Base {
    /// corpus/kz/criminal-code, `kz.cc` version 2024-01-01.
    Corpus,
    /// `g.a`: article i+1 has `parts[i] % 4` parts (a unit without any text when 0).
    Generated(Vec<u8>),
}

/// Words of a unit's text: a slice of its plain text, or words of the fuzzer's own.
#[derive(Arbitrary, Debug)]
struct Words {
    unit: u16,
    start: u16,
    len: u8,
    own: Option<String>,
}

#[derive(Arbitrary, Debug)]
enum Op {
    Replace { at: Words, by: String },
    Delete { at: Words },
    Insert { at: Words, words: String, after: bool },
    InsertAtEdge { unit: u16, lang: u8, words: String, start: bool },
    ReplaceAll { at: Words, by: String },
    Rewrite { unit: u16, lang: u8, text: String, title: Option<String> },
    AddAfter { unit: u16, number: Num, lang: u8, text: String },
    AddTo { unit: u16, kind: u8, number: Num, lang: u8, text: String },
    Renumber { unit: u16, to: Num, update_references: bool },
    Repeal { unit: u16, dated: bool },
}

/// A unit number: `7`, `7-1`, or arbitrary text (quoted when it has spaces).
#[derive(Arbitrary, Debug)]
enum Num {
    Plain(u16),
    Inserted(u16, u8),
    Text(String),
}

impl Num {
    fn text(&self) -> String {
        match self {
            Num::Plain(n) => n.to_string(),
            Num::Inserted(n, k) => format!("{n}-{k}"),
            Num::Text(s) => number(s),
        }
    }
}

#[derive(Arbitrary, Debug)]
struct Input {
    base: Base,
    ops: Vec<Op>,
    lang: u8,
    /// Also through `consolidate` (status and in-force date decide).
    consolidate: bool,
    docx: bool,
}

fn generated(parts: &[u8]) -> String {
    let mut out = String::from("act g.a version 2024-01-01 {\n  languages en kk\n");
    for (a, &n) in parts.iter().take(6).enumerate() {
        let a = a + 1;
        out.push_str(&format!("  article {a} {{\n    title en official \"Title {a}\"\n"));
        for p in 1..=n % 4 {
            let refs = if p == 2 { " see [part 1](part 1) and" } else { "" };
            out.push_str(&format!(
                "    part {p} {{\n      en official \"w{a}x{p} one{refs} two.\"\n      kk official \"сөз{a} бір екі.\"\n    }}\n"
            ));
        }
        out.push_str("  }\n");
    }
    out + "}\n"
}

/// Paths of the base's units with their texts (language, plain text).
fn units(state: &Held) -> Vec<UnitTexts> {
    state
        .walk_paths()
        .into_iter()
        .map(|(node, path)| {
            let texts = node.unit.content.texts.iter().map(|t| (t.lang.clone(), t.value.plain.clone()));
            (zan::model::written::path(&path), texts.collect())
        })
        .filter(|(path, _)| !path.is_empty())
        .collect()
}

/// A unit's path and its texts (language, plain text).
type UnitTexts = (String, Vec<(String, String)>);
type Units = [UnitTexts];

fn unit(units: &Units, i: u16) -> &UnitTexts {
    &units[i as usize % units.len()]
}

fn lang(l: u8) -> &'static str {
    LANGS[l as usize % LANGS.len()]
}

/// `(path, lang, words)` for a `Words`.
fn words(units: &Units, w: &Words) -> (String, String, String) {
    let (path, texts) = unit(units, w.unit);
    let Some((lang, text)) = texts.get(w.start as usize % texts.len().max(1)) else {
        return (path.clone(), "en".into(), w.own.clone().unwrap_or_default());
    };
    if let Some(own) = &w.own {
        return (path.clone(), lang.clone(), own.clone());
    }
    let mut start = w.start as usize % (text.len() + 1);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + w.len as usize + 1).min(text.len());
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    (path.clone(), lang.clone(), text[start..end].to_string())
}

fn amendment(act: &str, units: &Units, ops: &[Op]) -> String {
    let mut out = format!("amendment {act}.x {{\n  target {act} version 2024-01-01\n  in-force 2025-01-01\n");
    for op in ops.iter().take(12) {
        let line = match op {
            Op::Replace { at, by } => {
                let (path, l, w) = words(units, at);
                format!("replace {path} {{ {l} {} -> {} }}", quoted(&w), quoted(by))
            }
            Op::Delete { at } => {
                let (path, l, w) = words(units, at);
                format!("delete {path} {{ {l} {} }}", quoted(&w))
            }
            Op::Insert { at, words: new, after } => {
                let (path, l, w) = words(units, at);
                let side = if *after { "after" } else { "before" };
                format!("insert {path} {{ {l} {} {side} {} }}", quoted(new), quoted(&w))
            }
            Op::InsertAtEdge { unit: u, lang: l, words: new, start } => {
                let edge = if *start { "at start" } else { "at end" };
                format!("insert {} {{ {} {} {edge} }}", unit(units, *u).0, lang(*l), quoted(new))
            }
            Op::ReplaceAll { at, by } => {
                let (_, l, w) = words(units, at);
                format!("replace-all {{ {l} {} -> {} }}", quoted(&w), quoted(by))
            }
            Op::Rewrite { unit: u, lang: l, text, title } => {
                let title =
                    title.as_ref().map(|t| format!("title {} summary {} cite \"f\"\n", lang(*l), quoted(t)));
                format!(
                    "rewrite {} {{\n{}{} summary {} cite \"f\" }}",
                    unit(units, *u).0,
                    title.unwrap_or_default(),
                    lang(*l),
                    quoted(text)
                )
            }
            Op::AddAfter { unit: u, number: n, lang: l, text } => {
                let path = &unit(units, *u).0;
                let kind = path.rsplit(' ').nth(1).unwrap_or("article");
                format!(
                    "add {kind} {} after {path} {{ {} summary {} cite \"f\" }}",
                    n.text(),
                    lang(*l),
                    quoted(text)
                )
            }
            Op::AddTo { unit: u, kind, number: n, lang: l, text } => format!(
                "add {} {} to {} {{ {} summary {} cite \"f\" }}",
                KINDS[*kind as usize % KINDS.len()],
                n.text(),
                unit(units, *u).0,
                lang(*l),
                quoted(text)
            ),
            Op::Renumber { unit: u, to, update_references } => format!(
                "renumber {} to {}{}",
                unit(units, *u).0,
                to.text(),
                if *update_references { " update-references" } else { "" }
            ),
            Op::Repeal { unit: u, dated } => {
                format!(
                    "repeal {}{}",
                    unit(units, *u).0,
                    if *dated { " { in-force 2025-06-01 }" } else { "" }
                )
            }
        };
        out.push_str("  ");
        out.push_str(&line);
        out.push('\n');
    }
    out + "}\n"
}

fn render(applied: &Applied, lang: &str, docx: bool) {
    let diffs = zan::render::diff::between(&applied.base, &applied.result, lang);
    zan::render::diff::term(&diffs, TerminalStyle::Ansi);
    zan::render::diff::term(&diffs, TerminalStyle::Plain);
    zan::render::diff::unified(&diffs);
    zan::render::diff::html(&diffs, "t", lang);
    zan::render::diff::markdown(&diffs, "t");
    let table = zan::render::table::table(applied, lang, &[]);
    for with_compare in [false, true] {
        table.html(with_compare);
        table.markdown(with_compare);
    }
    if docx {
        let _ = table.docx(true);
    }
    zan::render::bill::bill(applied, lang).text();
    let mut act = applied.result.to_act();
    act.version = applied.base.meta.version;
    zan::render::zan::act(&act);
}

fn parse(sources: &[String]) -> Vec<File> {
    sources.iter().map(|s| Document::parse(s.clone()).model).collect()
}

/// An act's files and the units of its latest version.
fn base(act: &str, sources: &[String]) -> (Vec<File>, Vec<UnitTexts>) {
    let files = parse(sources);
    let index = zan::analysis::Index::build(&files);
    let units = index.versions(act).last().map(|&v| units(&Held::from_index(&index, v))).unwrap_or_default();
    (files, units)
}

/// The shipped code, parsed once: most of a run's time otherwise.
static CODE: OnceLock<(Vec<File>, Vec<UnitTexts>)> = OnceLock::new();

fuzz_target!(|input: Input| {
    let (act, (mut files, units)) = match &input.base {
        Base::Corpus => ("kz.cc", CODE.get_or_init(|| base("kz.cc", &CORPUS.map(str::to_string))).clone()),
        Base::Generated(parts) => ("g.a", base("g.a", &[generated(parts)])),
    };
    if units.is_empty() {
        return;
    }
    files.push(Document::parse(amendment(act, &units, &input.ops)).model);
    let lang = lang(input.lang);
    if let Ok(applied) = engine::apply_amendment(&files, &format!("{act}.x")) {
        render(&applied, lang, input.docx);
    }
    if input.consolidate
        && let Ok(applied) = engine::consolidate(&files, act, None, Include::Draft)
    {
        render(&applied, lang, false);
    }
});
