//! Properties of `zan derive` on generated acts and on the shipped corpus:
//! random edits (words replaced, inserted and deleted, parts added and
//! repealed, an article renumbered, headings changed) in kk, ru and en, then
//! derive; the amendment applies and gives the edited act (its official
//! text in every language, an independent path from derive's own proof);
//! every operation touches a unit the edit changed, and no quoted words
//! split a word.

use std::collections::HashMap;
use std::path::Path;

use proptest::prelude::*;
use zan::document::Document;
use zan::model::{Act, File, InsertPosition, OperationKind, Segment, Unit, meaning, written};

const LANGS: [&str; 3] = ["kk", "ru", "en"];

/// Words with repeats across and inside paragraphs, so that quotations need
/// widening or `occurrence`; some carry a comma.
const VOCAB: [[&str; 8]; 3] = [
    ["заң", "бап", "адам,", "жас", "қылмыс", "жауап", "он", "алты"],
    ["закон", "статья", "лицо,", "возраст", "преступление", "ответственность", "шестнадцати", "лет"],
    ["law", "article", "person,", "age", "crime", "liability", "sixteen", "years"],
];

#[derive(Debug, Clone, PartialEq)]
struct Part {
    number: String,
    texts: [Vec<String>; 3],
    repealed: bool,
}

#[derive(Debug, Clone, PartialEq)]
struct Article {
    number: String,
    title: [Vec<String>; 3],
    parts: Vec<Part>,
}

fn sentence(words: &[String]) -> String {
    format!("{}.", words.join(" ").trim_end_matches(','))
}

fn print(articles: &[Article]) -> String {
    let mut out = String::from("act g.d version 2024-01-01 {\n  languages kk ru en\n");
    for a in articles {
        out.push_str(&format!("  article {} {{\n", a.number));
        for (l, lang) in LANGS.iter().enumerate() {
            out.push_str(&format!(
                "    title {lang} official \"{}\"\n",
                a.title[l].join(" ").trim_end_matches(',')
            ));
        }
        for p in &a.parts {
            out.push_str(&format!("    part {} {{\n", p.number));
            if p.repealed {
                out.push_str("      repealed\n");
            } else {
                for (l, lang) in LANGS.iter().enumerate() {
                    out.push_str(&format!("      {lang} official \"{}\"\n", sentence(&p.texts[l])));
                }
            }
            out.push_str("    }\n");
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

fn words(seed: &[usize], l: usize) -> Vec<String> {
    seed.iter().map(|&k| VOCAB[l][k % 8].to_string()).collect()
}

fn articles(shape: &[(usize, Vec<usize>)]) -> Vec<Article> {
    shape
        .iter()
        .enumerate()
        .map(|(a, (parts, seed))| Article {
            number: (a + 1).to_string(),
            title: [0, 1, 2].map(|l| words(&seed[..3], l)),
            parts: (1..=*parts)
                .map(|p| Part {
                    number: p.to_string(),
                    texts: [0, 1, 2].map(|l| {
                        let mut w = words(&seed[p % 3..], l);
                        // Words unique to the paragraph, as real texts have.
                        w.push(format!("{}{a}x{p}", ["с", "с", "w"][l]));
                        w
                    }),
                    repealed: false,
                })
                .collect(),
        })
        .collect()
}

#[derive(Debug, Clone)]
enum Edit {
    Replace { lang: usize, word: usize, with: usize },
    Insert { lang: usize, word: usize, with: usize },
    Delete { lang: usize, word: usize },
    Title { lang: usize, word: usize, with: usize },
    AddPart,
    RepealPart,
    RenumberLast,
}

fn edit_strategy() -> impl Strategy<Value = (usize, usize, Edit)> {
    let l = 0..3usize;
    let edit = prop_oneof![
        3 => (l.clone(), 0..20usize, 0..8usize).prop_map(|(lang, word, with)| Edit::Replace { lang, word, with }),
        2 => (l.clone(), 0..20usize, 0..8usize).prop_map(|(lang, word, with)| Edit::Insert { lang, word, with }),
        2 => (l.clone(), 0..20usize).prop_map(|(lang, word)| Edit::Delete { lang, word }),
        1 => (l, 0..3usize, 0..8usize).prop_map(|(lang, word, with)| Edit::Title { lang, word, with }),
        1 => Just(Edit::AddPart),
        1 => Just(Edit::RepealPart),
        1 => Just(Edit::RenumberLast),
    ];
    (0..10usize, 0..10usize, edit)
}

/// The edited articles; each edit on a live part, in every language the
/// edit names (a word edit in one language is a change of that language).
fn edited(base: &[Article], edits: &[(usize, usize, Edit)]) -> Vec<Article> {
    let mut out = base.to_vec();
    let n = out.len();
    for (a, p, e) in edits {
        let art = &mut out[a % n];
        let live: Vec<usize> = (0..art.parts.len()).filter(|&i| !art.parts[i].repealed).collect();
        match e {
            Edit::Title { lang, word, with } => {
                let t = &mut art.title[*lang];
                let i = word % t.len();
                t[i] = format!("{}н", VOCAB[*lang][*with].trim_end_matches(','));
            }
            Edit::AddPart => {
                let last = art.parts.last().map_or("0".into(), |p| p.number.clone());
                if last.contains('-') {
                    continue;
                }
                let texts = [0, 1, 2].map(|l| vec![VOCAB[l][3].to_string(), format!("жаңа{l}")]);
                art.parts.push(Part { number: format!("{last}-1"), texts, repealed: false });
            }
            Edit::RepealPart => {
                if live.len() > 1 {
                    let i = live[p % live.len()];
                    art.parts[i].repealed = true;
                    art.parts[i].texts = Default::default();
                }
            }
            Edit::RenumberLast => {
                let next = (n + 1).to_string();
                let last = out.last_mut().unwrap();
                if last.number != next {
                    last.number = next;
                }
            }
            _ if live.is_empty() => {}
            Edit::Replace { lang, word, with } => {
                let t = &mut art.parts[live[p % live.len()]].texts[*lang];
                let i = word % t.len();
                t[i] = VOCAB[*lang][*with].to_string();
            }
            Edit::Insert { lang, word, with } => {
                let t = &mut art.parts[live[p % live.len()]].texts[*lang];
                let i = word % (t.len() + 1);
                t.insert(i, VOCAB[*lang][*with].to_string());
            }
            Edit::Delete { lang, word } => {
                let t = &mut art.parts[live[p % live.len()]].texts[*lang];
                if t.len() > 2 {
                    let i = word % t.len();
                    t.remove(i);
                }
            }
        }
    }
    out
}

fn parse(text: &str) -> File {
    let doc = Document::parse(text.to_string());
    assert!(doc.model.diagnostics.iter().all(|d| d.severity != zan::diag::Severity::Error), "{text}");
    doc.model
}

/// Every unit by path, as compared: what it means.
fn units(act: &Act) -> HashMap<String, serde_json::Value> {
    fn go(units: &[Unit], inner: &[Segment], out: &mut HashMap<String, serde_json::Value>) {
        for u in units {
            let mut path = inner.to_vec();
            path.push(Segment { kind: u.kind, number: u.number.clone() });
            out.insert(written::path(&path), meaning(u));
            let next = if u.kind.is_grouping() { inner.to_vec() } else { path };
            go(&u.content.children, &next, out);
        }
    }
    let mut out = HashMap::new();
    go(&act.units, &[], &mut out);
    out
}

/// The paragraph a word line quotes, in the base.
fn paragraph<'a>(act: &'a Act, path: &str, title: bool, lang: &str) -> Option<&'a str> {
    fn find<'a>(units: &'a [Unit], inner: &[Segment], path: &str) -> Option<&'a Unit> {
        for u in units {
            let mut p = inner.to_vec();
            p.push(Segment { kind: u.kind, number: u.number.clone() });
            if written::path(&p) == path {
                return Some(u);
            }
            let next = if u.kind.is_grouping() { inner.to_vec() } else { p };
            if let Some(found) = find(&u.content.children, &next, path) {
                return Some(found);
            }
        }
        None
    }
    let u = find(&act.units, &[], path)?;
    let texts = if title { &u.content.titles } else { &u.content.texts };
    texts.iter().find(|t| t.lang == lang).map(|t| t.value.plain.as_str())
}

/// Some occurrence of `words` in `text` starts and ends at word boundaries.
fn whole(text: &str, words: &str) -> bool {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    text.match_indices(words).any(|(i, _)| {
        let before = !alnum(text[..i].chars().next_back()) || !alnum(words.chars().next());
        let after = !alnum(text[i + words.len()..].chars().next()) || !alnum(words.chars().next_back());
        before && after
    })
}

/// Derives `edited` against `files` (which hold the base), then checks the
/// properties; returns the amendment's text.
fn check(files: &[File], base: &Act, edited_text: &str, langs: &[&str]) -> Result<String, TestCaseError> {
    let edited = parse(edited_text);
    let config = zan::config::Config::empty(".".into());
    let outcome = match zan::derive::derive(files, &config, &edited, "g.derived", None) {
        Ok(o) => o,
        Err(e) if e.code() == "derive-no-change" => return Ok(String::new()),
        Err(e) => {
            return Err(TestCaseError::fail(format!("{}: {}", e.code(), e.render(zan::lang::Lang::En))));
        }
    };
    // Applied: the official text in every language is the edited act's.
    let mut all: Vec<File> = files.to_vec();
    all.push(parse(&outcome.text));
    let applied =
        zan::engine::apply_amendment(&all, "g.derived").map_err(|e| TestCaseError::fail(format!("{e:?}")))?;
    let mut result = applied.result.to_act();
    let edited_act = &edited.acts[0];
    // A unit the edit removed is a tombstone in the result.
    fn drop_removed(units: &mut Vec<Unit>, inner: &[Segment], kept: &HashMap<String, serde_json::Value>) {
        units.retain(|u| {
            let mut p = inner.to_vec();
            p.push(Segment { kind: u.kind, number: u.number.clone() });
            u.content.repealed.is_none() || kept.contains_key(&written::path(&p))
        });
        for u in units {
            let mut p = inner.to_vec();
            p.push(Segment { kind: u.kind, number: u.number.clone() });
            let next = if u.kind.is_grouping() { inner.to_vec() } else { p };
            drop_removed(&mut u.content.children, &next, kept);
        }
    }
    drop_removed(&mut result.units, &[], &units(edited_act));
    let order = |units: &[Unit]| zan::render::order::roots(units).into_iter().cloned().collect::<Vec<_>>();
    result.units = order(&result.units);
    let mut expected = edited_act.clone();
    expected.units = order(&expected.units);
    for lang in langs {
        prop_assert_eq!(
            zan::render::text::act(&result, lang),
            zan::render::text::act(&expected, lang),
            "{}\n{}",
            lang,
            outcome.text
        );
    }
    // Minimal: each operation's unit is one the edit changed.
    let (before, after) = (units(base), units(edited_act));
    let amendment = &parse(&outcome.text).amendments[0];
    for op in &amendment.operations {
        let Some(target) = op.target() else { continue };
        let path = written::path(&target.path);
        match &op.kind {
            OperationKind::Add { kind, number, .. } => {
                let mut p = target.path.clone();
                p.pop();
                p.push(Segment { kind: *kind, number: number.clone() });
                prop_assert!(!before.contains_key(&written::path(&p)), "added {}", written::path(&p));
            }
            OperationKind::Renumber { .. } => prop_assert!(!after.contains_key(&path), "renumbered {path}"),
            OperationKind::Repeal { .. } => {
                prop_assert!(after.get(&path) != before.get(&path), "repealed {path}")
            }
            _ => prop_assert!(
                before.contains_key(&path) && after.get(&path) != before.get(&path),
                "unchanged {path} touched:\n{}",
                outcome.text
            ),
        }
        // Whole words: each quotation is found at word boundaries in the base.
        let quoted: Vec<(bool, &str, &str)> = match &op.kind {
            OperationKind::Replace { changes, .. } | OperationKind::Delete { changes, .. } => {
                changes.iter().map(|c| (c.title, c.lang.as_str(), c.old.plain.as_str())).collect()
            }
            OperationKind::Insert { insertions, .. } => insertions
                .iter()
                .filter_map(|i| match &i.position {
                    InsertPosition::Before { anchor, .. } | InsertPosition::After { anchor, .. } => {
                        Some((i.title, i.lang.as_str(), anchor.plain.as_str()))
                    }
                    _ => None,
                })
                .collect(),
            _ => Vec::new(),
        };
        for (title, lang, words) in quoted {
            if let Some(text) = paragraph(base, &path, title, lang) {
                prop_assert!(whole(text, words), "«{}» splits a word of «{}»", words, text);
            }
        }
    }
    Ok(outcome.text)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn generated_acts(
        shape in prop::collection::vec((1..4usize, prop::collection::vec(0..8usize, 8)), 1..4),
        edits in prop::collection::vec(edit_strategy(), 1..6),
    ) {
        let base = articles(&shape);
        let base_text = print(&base);
        let files = vec![parse(&base_text)];
        let base_act = files[0].acts[0].clone();
        check(&files, &base_act, &print(&edited(&base, &edits)), &LANGS)?;
    }
}

/// The shipped corpus and its base version of the Code, as `consolidate` prints it.
fn corpus() -> (Vec<File>, Act, String) {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let files: Vec<File> = zan::workspace::discover(&[root])
        .into_iter()
        .map(|p| Document::parse(std::fs::read_to_string(p).unwrap()).model)
        .collect();
    let index = zan::index::Index::build(&files);
    let base = index.base("kz.cc", None).unwrap();
    let mut act = zan::engine::Held::from_index(&index, base).to_act();
    act.units = zan::render::order::roots(&act.units).into_iter().cloned().collect();
    let text = zan::render::zan::act(&act).unwrap();
    (files, act, text)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 16, ..ProptestConfig::default() })]

    /// Word edits on random paragraphs of the Code without links, in every language.
    #[test]
    fn shipped_corpus(edits in prop::collection::vec((0..500usize, 0..40usize, 0..8usize, 0..3usize), 1..5)) {
        let (files, act, text) = corpus();
        let mut lines: Vec<String> = text.lines().map(str::to_string).collect();
        let editable: Vec<usize> = (0..lines.len())
            .filter(|&i| {
                let l = &lines[i];
                (l.contains(" official \"") || l.contains(" summary \"")) && !l.contains('[') && !l.contains('\\')
                    && !l.trim_start().starts_with("title") && l.trim_start().len() > 3
            })
            .collect();
        for (line, word, with, kind) in edits {
            let i = editable[line % editable.len()];
            let l = &lines[i];
            let lang = l.trim_start()[..2].to_string();
            let Some(l_idx) = LANGS.iter().position(|x| *x == lang) else { continue };
            let open = l.find('"').unwrap() + 1;
            let close = open + l[open..].find('"').unwrap();
            let mut ws: Vec<String> = l[open..close].split(' ').map(str::to_string).collect();
            let k = word % ws.len();
            let new = VOCAB[l_idx][with].trim_end_matches(',').to_string();
            match kind {
                0 => ws[k] = new,
                1 => ws.insert(k, new),
                _ if ws.len() > 3 && k + 1 < ws.len() => { ws.remove(k); }
                _ => {}
            }
            lines[i] = format!("{}{}{}", &l[..open], ws.join(" "), &l[close..]);
        }
        check(&files, &act, &(lines.join("\n") + "\n"), &LANGS)?;
    }
}
