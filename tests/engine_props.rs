//! Properties of the engine on generated acts and operations: the redline of
//! base → result marks exactly the units the operations touched; replacing
//! words and replacing them back restores the act byte for byte; the table
//! and the bill list the same units in the same order.

use std::collections::BTreeSet;

use proptest::prelude::*;
use zan::document::Document;
use zan::engine::{self, Applied};
use zan::model::File;

/// An act of `parts[i]` parts in article i+1; every part's text holds words
/// unique to it (`w1x2y0`), and part 2 of each article refers to part 1.
fn act(parts: &[usize]) -> String {
    let mut out = String::from("act g.a version 2024-01-01 {\n  languages en\n");
    for (a, &n) in parts.iter().enumerate() {
        let a = a + 1;
        out.push_str(&format!("  article {a} {{\n    title en official \"Title {a}\"\n"));
        for p in 1..=n {
            let words: Vec<String> = (0..4).map(|k| format!("w{a}x{p}y{k}")).collect();
            let refs = if p == 2 { " see [part 1](part 1) and" } else { "" };
            out.push_str(&format!(
                "    part {p} {{\n      en official \"{} {}{refs} {} {}.\"\n    }}\n",
                words[0], words[1], words[2], words[3]
            ));
        }
        out.push_str("  }\n");
    }
    out.push_str("}\n");
    out
}

#[derive(Debug, Clone)]
enum Op {
    Replace { word: usize },
    Delete { word: usize },
    Insert { word: usize },
    Add,
    Repeal,
    Renumber,
}

/// An amendment with one operation per chosen part (each part at most once).
fn amendment(parts: &[usize], ops: &[(usize, usize, Op)]) -> String {
    let mut out = String::from("amendment g.a.x {\n  target g.a version 2024-01-01\n  in-force 2025-01-01\n");
    let mut used = BTreeSet::new();
    for (i, (a, p, op)) in ops.iter().enumerate() {
        let a = a % parts.len() + 1;
        let p = p % parts[a - 1] + 1;
        if !used.insert((a, p)) {
            continue;
        }
        let w = |k: &usize| format!("w{a}x{p}y{}", k % 4);
        out.push_str(&match op {
            Op::Replace { word } => {
                format!("  replace article {a} part {p} {{\n    en \"{}\" -> \"n{i}z\"\n  }}\n", w(word))
            }
            Op::Delete { word } => {
                format!("  delete article {a} part {p} {{\n    en \" {}\"\n  }}\n", w(word))
            }
            Op::Insert { word } => {
                format!("  insert article {a} part {p} {{\n    en \"i{i}z\" after \"{}\"\n  }}\n", w(word))
            }
            // Inserted numbers (`2-3` after part 2) keep the numbers going up.
            Op::Add => format!(
                "  add part {p}-{} after article {a} part {p} {{\n    en official \"added {i}\"\n  }}\n",
                i + 1
            ),
            Op::Repeal => format!("  repeal article {a} part {p}\n"),
            Op::Renumber => format!("  renumber article {a} part {p} to {p}-{}\n", i + 1),
        });
    }
    out.push_str("}\n");
    out
}

fn parse(sources: &[String]) -> Vec<File> {
    sources.iter().map(|s| Document::parse(s.clone()).model).collect()
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        (0..4usize).prop_map(|word| Op::Replace { word }),
        // Word 0 starts the text: deleting " w…y0" would not find the space.
        (1..4usize).prop_map(|word| Op::Delete { word }),
        (0..4usize).prop_map(|word| Op::Insert { word }),
        Just(Op::Add),
        Just(Op::Repeal),
        Just(Op::Renumber),
    ]
}

fn case() -> impl Strategy<Value = (Vec<usize>, Vec<(usize, usize, Op)>)> {
    (prop::collection::vec(1..4usize, 1..5), prop::collection::vec((0..8usize, 0..8usize, op()), 1..8))
}

fn applied<'m>(files: &'m [File]) -> Applied<'m> {
    engine::apply_amendment(files, "g.a.x").unwrap_or_else(|e| panic!("{:?}", e.kind))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn redline_marks_exactly_the_touched_units((parts, ops) in case()) {
        let files = parse(&[act(&parts), amendment(&parts, &ops)]);
        let a = applied(&files);
        let touched: BTreeSet<u32> = a.changes.iter().flat_map(|c| c.touched.iter().map(|t| t.id)).collect();
        let expected: BTreeSet<String> = a
            .result
            .walk_paths()
            .into_iter()
            .filter(|(n, _)| touched.contains(&n.id))
            .map(|(_, p)| zan::render::citation(&p, "en"))
            .collect();
        let marked: BTreeSet<String> =
            zan::render::diff::between(&a.base, &a.result, "en").into_iter().map(|d| d.heading).collect();
        prop_assert_eq!(marked, expected);
    }

    #[test]
    fn replacing_words_back_restores_the_act((parts, ops) in case()) {
        let mut out = String::from("amendment g.a.x {\n  target g.a version 2024-01-01\n  in-force 2025-01-01\n");
        let mut used = BTreeSet::new();
        for (a, p, op) in &ops {
            let a = a % parts.len() + 1;
            let p = p % parts[a - 1] + 1;
            let k = match op { Op::Replace { word } | Op::Delete { word } | Op::Insert { word } => word % 4, _ => 0 };
            if !used.insert((a, p)) {
                continue;
            }
            let w = format!("w{a}x{p}y{k}");
            out.push_str(&format!("  replace article {a} part {p} {{\n    en \"{w}\" -> \"tmp{a}q{p}\"\n  }}\n"));
            out.push_str(&format!("  replace article {a} part {p} {{\n    en \"tmp{a}q{p}\" -> \"{w}\"\n  }}\n"));
        }
        out.push_str("}\n");
        let files = parse(&[act(&parts), out]);
        let a = applied(&files);
        let mut result = a.result.to_act();
        result.version = a.base.meta.version;
        let (before, after) = (zan::render::zan::act(&a.base.to_act()), zan::render::zan::act(&result));
        prop_assert!(before.is_some());
        prop_assert_eq!(before, after);
    }

    #[test]
    fn table_and_bill_list_the_same_units((parts, ops) in case()) {
        let files = parse(&[act(&parts), amendment(&parts, &ops)]);
        let a = applied(&files);
        for lang in ["kk", "ru", "en"] {
            let table: Vec<_> = zan::render::table::table(&a, lang, &[]).rows.into_iter().map(|r| r.target).collect();
            let bill: Vec<_> =
                zan::render::bill::bill(&a, lang).parts.into_iter().flat_map(|p| p.items).flat_map(|i| i.lines).map(|l| l.unit).collect();
            prop_assert_eq!(table.len(), zan::render::entries_in(&a, lang).len());
            prop_assert_eq!(table, bill);
        }
    }
}

/// Spacing: texts of words and punctuation in kk, ru or en, changed by
/// random insertions, deletions and replacements of whole words, quoted with
/// or without the spaces around them. The engine's text must equal the words
/// changed by hand and written normally: one space between words, none
/// before `,` `;` `.`, none at the ends.
mod spacing {
    use super::*;

    #[derive(Debug, Clone, PartialEq)]
    pub(super) enum Tok {
        Word(String),
        Punct(char),
    }

    pub(super) fn render(toks: &[Tok]) -> String {
        let mut out = String::new();
        for t in toks {
            match t {
                Tok::Word(w) => {
                    if !out.is_empty() {
                        out.push(' ');
                    }
                    out.push_str(w);
                }
                Tok::Punct(c) => out.push(*c),
            }
        }
        out
    }

    /// Letters for the random part of words, and disjoint ones for the code
    /// that makes each word unique: no word is inside another.
    fn letters(lang: &str) -> (Vec<char>, Vec<char>) {
        let (free, code) = match lang {
            "kk" => ("аәбвгғдеқлмнңоөпрсұүіы", "жзийкфхцчш"),
            "ru" => ("абвгдеклмнопрсуыэюя", "жзийтфхцчш"),
            _ => ("abcdeklmnoprsuy", "fghijqtvwxz"),
        };
        (free.chars().collect(), code.chars().collect())
    }

    pub(super) fn word(lang: &str, seed: usize, id: usize) -> String {
        let (free, code) = letters(lang);
        let mut w: String = (0..2 + seed % 4).map(|k| free[(seed / (k + 1) + k * 7) % free.len()]).collect();
        let n = code.len();
        w.extend([code[id / n / n % n], code[id / n % n], code[id % n]]);
        w
    }

    #[derive(Debug, Clone)]
    enum Edit {
        /// New words (and a trailing comma) before or after a word, or at an end.
        Insert { at: usize, after: bool, edge: bool, words: usize, comma: bool },
        /// `words` words from the `at`-th word, replaced by `by` new ones (none: deleted).
        Replace { at: usize, words: usize, by: usize },
    }

    fn edit() -> impl Strategy<Value = (Edit, bool, bool)> {
        let insert = (0..20usize, any::<bool>(), prop::bool::weighted(0.2), 1..3usize, any::<bool>())
            .prop_map(|(at, after, edge, words, comma)| Edit::Insert { at, after, edge, words, comma });
        let replace =
            (0..20usize, 1..3usize, 0..3usize).prop_map(|(at, words, by)| Edit::Replace { at, words, by });
        (prop_oneof![insert, replace], any::<bool>(), any::<bool>())
    }

    /// Applies `e` to `toks` by hand and gives the operation's line, or
    /// `None` when it cannot be written (too few words, punctuation inside).
    fn apply(
        toks: &mut Vec<Tok>,
        e: &Edit,
        (lead, trail): (bool, bool),
        lang: &str,
        next: &mut usize,
    ) -> Option<String> {
        let words: Vec<usize> = (0..toks.len()).filter(|&i| matches!(toks[i], Tok::Word(_))).collect();
        let mut fresh = |n: usize| -> Vec<Tok> {
            (0..n)
                .map(|_| {
                    *next += 1;
                    Tok::Word(word(lang, *next * 31, *next))
                })
                .collect()
        };
        let quote = |t: &[Tok], lead: bool, trail: bool| {
            format!("{}{}{}", if lead { " " } else { "" }, render(t), if trail { " " } else { "" })
        };
        match *e {
            Edit::Insert { at, after, edge, words: n, comma } => {
                let mut new = fresh(n);
                if comma {
                    new.push(Tok::Punct(','));
                }
                let q = quote(&new, lead, trail);
                if edge || words.is_empty() {
                    let (i, place) = if after { (toks.len(), "at end") } else { (0, "at start") };
                    toks.splice(i..i, new);
                    return Some(format!("insert article 1 {{\n    {lang} \"{q}\" {place}\n  }}"));
                }
                let w = words[at % words.len()];
                let Tok::Word(anchor) = toks[w].clone() else { unreachable!() };
                let i = if after { w + 1 } else { w };
                toks.splice(i..i, new);
                let place = if after { "after" } else { "before" };
                Some(format!("insert article 1 {{\n    {lang} \"{q}\" {place} \"{anchor}\"\n  }}"))
            }
            Edit::Replace { at, words: n, by } => {
                if words.is_empty() {
                    return None;
                }
                let w = words[at % words.len()];
                let end = w + n;
                if end > toks.len() || toks[w..end].iter().any(|t| matches!(t, Tok::Punct(_))) {
                    return None;
                }
                // A space is quoted only where the text has one.
                let lead = lead && w > 0;
                let trail = trail && matches!(toks.get(end), Some(Tok::Word(_)));
                let old = quote(&toks[w..end], lead, trail);
                let new = fresh(by);
                let line = if by == 0 {
                    format!("delete article 1 {{\n    {lang} \"{old}\"\n  }}")
                } else {
                    format!("replace article 1 {{\n    {lang} \"{old}\" -> \"{}\"\n  }}", render(&new))
                };
                toks.splice(w..end, new);
                Some(line)
            }
        }
    }

    fn text() -> impl Strategy<Value = (usize, Vec<(usize, u8)>)> {
        (0..3usize, prop::collection::vec((0..1000usize, 0..8u8), 1..8))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn word_edits_leave_the_text_normalised(
            (lang, words) in text(),
            edits in prop::collection::vec(edit(), 1..5),
        ) {
            let lang = ["kk", "ru", "en"][lang];
            let mut toks = Vec::new();
            for (i, &(seed, p)) in words.iter().enumerate() {
                toks.push(Tok::Word(word(lang, seed, i)));
                match p {
                    0 => toks.push(Tok::Punct(',')),
                    1 => toks.push(Tok::Punct(';')),
                    _ => {}
                }
            }
            toks.push(Tok::Punct('.'));
            let act = format!(
                "act g.s version 2024-01-01 {{\n  languages {lang}\n  article 1 {{\n    {lang} official \"{}\"\n  }}\n}}\n",
                render(&toks)
            );
            let mut next = 500;
            let mut ops = Vec::new();
            for (e, lead, trail) in &edits {
                ops.extend(apply(&mut toks, e, (*lead, *trail), lang, &mut next));
            }
            let amendment = format!(
                "amendment g.s.x {{\n  target g.s version 2024-01-01\n  in-force 2025-01-01\n  {}\n}}\n",
                ops.join("\n  ")
            );
            let files = parse(&[act, amendment.clone()]);
            let a = engine::apply_amendment(&files, "g.s.x").unwrap_or_else(|e| panic!("{:?}\n{amendment}", e.kind));
            let got = a.result.walk()[0].unit.content.texts[0].value.plain.clone();
            prop_assert_eq!(got, render(&toks), "{}", amendment);
        }
    }
}

/// Random operations over random acts in kk, ru and en, applied by hand to
/// a plain model of the act: the engine's consolidated text in every
/// language equals the model's, and `zan check` accepts exactly what the
/// engine applies (the bill's items and the consolidated text never
/// disagree, since both come from these operations).
mod by_hand {
    use super::spacing::{Tok, render, word};
    use super::*;

    const LANGS: [&str; 3] = ["kk", "ru", "en"];

    /// A part: its number and, unless repealed, its words in each language.
    #[derive(Debug, Clone)]
    struct Part {
        number: String,
        texts: Option<[Vec<Tok>; 3]>,
    }

    #[derive(Debug, Clone)]
    enum Step {
        Replace(usize),
        Delete(usize),
        Insert(usize, bool),
        Rewrite,
        Add,
        Repeal,
        Renumber,
    }

    fn step() -> impl Strategy<Value = (usize, usize, Step)> {
        let s = prop_oneof![
            3 => (0..4usize).prop_map(Step::Replace),
            2 => (0..4usize).prop_map(Step::Delete),
            3 => (0..4usize, any::<bool>()).prop_map(|(k, after)| Step::Insert(k, after)),
            1 => Just(Step::Rewrite),
            2 => Just(Step::Add),
            1 => Just(Step::Repeal),
            2 => Just(Step::Renumber),
        ];
        (0..8usize, 0..8usize, s)
    }

    fn words(next: &mut usize, n: usize) -> [Vec<Tok>; 3] {
        let ids: Vec<usize> = (0..n)
            .map(|_| {
                *next += 1;
                *next
            })
            .collect();
        LANGS.map(|lang| {
            let mut t: Vec<Tok> = ids.iter().map(|&id| Tok::Word(word(lang, id * 7, id))).collect();
            t.push(Tok::Punct('.'));
            t
        })
    }

    fn texts_zan(texts: &[Vec<Tok>; 3], indent: &str) -> String {
        LANGS.iter().zip(texts).map(|(l, t)| format!("{indent}{l} official \"{}\"\n", render(t))).collect()
    }

    fn in_order(parts: &[Part], at: usize) -> bool {
        let key = |i: usize| zan::analysis::number_key(&parts[i].number);
        (at == 0 || key(at - 1) < key(at)) && (at + 1 >= parts.len() || key(at) < key(at + 1))
    }

    /// Applies one step to the model and gives its operation, or `None`
    /// when it would be refused (a repealed part, no word there, a number
    /// out of order): those are generated away, so every case applies.
    fn apply(
        arts: &mut [Vec<Part>],
        (a, p, s): &(usize, usize, Step),
        i: usize,
        next: &mut usize,
    ) -> Option<String> {
        let a = a % arts.len();
        let live: Vec<usize> = (0..arts[a].len()).filter(|&j| arts[a][j].texts.is_some()).collect();
        let j = *live.get(p % live.len().max(1))?;
        let target = format!("article {} part {}", a + 1, arts[a][j].number);
        let quote = |texts: &[Vec<Tok>; 3], k: usize| -> Option<Vec<String>> {
            texts
                .iter()
                .map(|t| {
                    let w: Vec<&String> =
                        t.iter().filter_map(|x| if let Tok::Word(w) = x { Some(w) } else { None }).collect();
                    Some(w.get(k % w.len().max(1))?.to_string())
                })
                .collect()
        };
        let lines = |f: &dyn Fn(usize, &str) -> String| -> String {
            LANGS.iter().enumerate().map(|(l, lang)| format!("    {lang} {}\n", f(l, lang))).collect()
        };
        match s {
            Step::Replace(k) | Step::Delete(k) | Step::Insert(k, _) => {
                let texts = arts[a][j].texts.as_mut()?;
                let old = quote(texts, *k)?;
                let fresh = words(next, 1).map(|t| match &t[0] {
                    Tok::Word(w) => w.clone(),
                    Tok::Punct(_) => unreachable!(),
                });
                for (l, t) in texts.iter_mut().enumerate() {
                    let at = t.iter().position(|x| *x == Tok::Word(old[l].clone()))?;
                    match s {
                        Step::Replace(_) => t[at] = Tok::Word(fresh[l].clone()),
                        Step::Delete(_) => {
                            t.remove(at);
                        }
                        Step::Insert(_, after) => {
                            t.insert(at + usize::from(*after), Tok::Word(fresh[l].clone()))
                        }
                        _ => unreachable!(),
                    }
                }
                let (verb, body) = match s {
                    Step::Replace(_) => {
                        ("replace", lines(&|l, _| format!("\"{}\" -> \"{}\"", old[l], fresh[l])))
                    }
                    Step::Delete(_) => ("delete", lines(&|l, _| format!("\"{}\"", old[l]))),
                    Step::Insert(_, after) => {
                        let place = if *after { "after" } else { "before" };
                        ("insert", lines(&|l, _| format!("\"{}\" {place} \"{}\"", fresh[l], old[l])))
                    }
                    _ => unreachable!(),
                };
                Some(format!("  {verb} {target} {{\n{body}  }}\n"))
            }
            Step::Rewrite => {
                let texts = words(next, 2);
                let body = texts_zan(&texts, "    ");
                arts[a][j].texts = Some(texts);
                Some(format!("  rewrite {target} {{\n{body}  }}\n"))
            }
            Step::Add => {
                let number = format!("{}-{}", arts[a][j].number, i + 1);
                let texts = words(next, 2);
                let body = texts_zan(&texts, "    ");
                arts[a].insert(j + 1, Part { number: number.clone(), texts: Some(texts) });
                if !in_order(&arts[a], j + 1) {
                    arts[a].remove(j + 1);
                    return None;
                }
                Some(format!("  add part {number} after {target} {{\n{body}  }}\n"))
            }
            Step::Repeal => {
                arts[a][j].texts = None;
                Some(format!("  repeal {target}\n"))
            }
            Step::Renumber => {
                let number = format!("{}-{}", arts[a][j].number, i + 1);
                let old = std::mem::replace(&mut arts[a][j].number, number.clone());
                if !in_order(&arts[a], j) {
                    arts[a][j].number = old;
                    return None;
                }
                Some(format!("  renumber {target} to {number}\n"))
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(128))]

        #[test]
        fn the_consolidated_text_is_the_bill_applied_by_hand(
            shape in prop::collection::vec(1..4usize, 1..4),
            steps in prop::collection::vec(step(), 1..10),
        ) {
            let mut next = 0;
            let mut arts: Vec<Vec<Part>> = shape
                .iter()
                .map(|&n| (1..=n).map(|p| Part { number: p.to_string(), texts: Some(words(&mut next, 4)) }).collect())
                .collect();
            let mut act = String::from("act g.h version 2024-01-01 {\n  languages kk ru en\n");
            for (a, parts) in arts.iter().enumerate() {
                act.push_str(&format!("  article {} {{\n", a + 1));
                for p in parts {
                    act.push_str(&format!("    part {} {{\n{}    }}\n", p.number, texts_zan(p.texts.as_ref().unwrap(), "      ")));
                }
                act.push_str("  }\n");
            }
            act.push_str("}\n");
            next = 500;
            let mut ops = String::new();
            for (i, s) in steps.iter().enumerate() {
                ops.extend(apply(&mut arts, s, i, &mut next));
            }
            let amendment =
                format!("amendment g.h.x {{\n  target g.h version 2024-01-01\n  in-force 2025-01-01\n{ops}}}\n");
            let files = parse(&[act, amendment.clone()]);
            let errors: Vec<String> = zan::analysis::analyze(&files)
                .into_iter()
                .filter(|d| d.diagnostic.severity == zan::diag::Severity::Error)
                .map(|d| d.diagnostic.message.render(Default::default()))
                .collect();
            // Refused with a diagnostic (two operations on the same unit, one
            // of them as a whole, conflict): the commands print it instead.
            if !errors.is_empty() {
                prop_assert!(errors.iter().all(|e| e.contains("conflicts with operation")), "{errors:?}\n{amendment}");
                return Ok(());
            }
            let a = engine::apply_amendment(&files, "g.h.x").unwrap_or_else(|e| panic!("{:?}\n{amendment}", e.kind));
            for (l, lang) in LANGS.iter().enumerate() {
                let got: Vec<String> = a
                    .result
                    .walk_paths()
                    .into_iter()
                    .filter(|(n, _)| n.unit.kind == zan::model::UnitKind::Part)
                    .map(|(n, p)| {
                        let text = n.unit.content.texts.iter().find(|t| t.lang == *lang).map(|t| t.value.plain.clone());
                        format!("{} {}", zan::model::written::path(&p), text.unwrap_or_else(|| "repealed".into()))
                    })
                    .collect();
                let want: Vec<String> = arts
                    .iter()
                    .enumerate()
                    .flat_map(|(a, parts)| {
                        parts.iter().map(move |p| {
                            let text = p.texts.as_ref().map_or("repealed".to_string(), |t| render(&t[l]));
                            format!("article {} part {} {text}", a + 1, p.number)
                        })
                    })
                    .collect();
                prop_assert_eq!(got, want, "{}\n{}", lang, amendment);
            }
        }
    }
}
