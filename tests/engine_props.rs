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
            Op::Add => format!(
                "  add part 9{i} after article {a} part {p} {{\n    en official \"added {i}\"\n  }}\n"
            ),
            Op::Repeal => format!("  repeal article {a} part {p}\n"),
            Op::Renumber => format!("  renumber article {a} part {p} to 8{i}\n"),
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
                zan::render::bill::bill(&a, lang).items.into_iter().flat_map(|i| i.lines).map(|l| l.unit).collect();
            prop_assert_eq!(table.len(), zan::render::entries_in(&a, lang).len());
            prop_assert_eq!(table, bill);
        }
    }
}
