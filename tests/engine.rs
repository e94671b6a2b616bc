//! The amendment engine on the shipped corpus and on small workspaces:
//! exact results, exact errors with their spans, references kept, rewritten,
//! dropped or reported.

use std::path::PathBuf;

use zan::diag::Message;
use zan::document::Document;
use zan::engine::{self, Applied, EngineError, ErrorKind, Include, Site, State};
use zan::model::File;

fn corpus() -> Vec<File> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    zan::workspace::discover(&[root])
        .iter()
        .map(|p| Document::parse(std::fs::read_to_string(p).unwrap()).model)
        .collect()
}

fn parse(sources: &[&str]) -> Vec<File> {
    sources.iter().map(|s| Document::parse(s.to_string()).model).collect()
}

/// The `lang` text of the unit at `path` (e.g. "article 15 part 3").
fn text(state: &State, path: &str, lang: &str) -> String {
    let (node, _) = state
        .walk_paths()
        .into_iter()
        .find(|(_, p)| engine::path_text(p) == path)
        .unwrap_or_else(|| panic!("no {path}"));
    node.unit.content.texts.iter().find(|t| t.lang == lang).map(|t| t.value.plain.clone()).unwrap_or_default()
}

const ACT: &str = r#"act t.a version 2024-01-01 {
  languages en
  title en official "Test Act"
  article 1 {
    title en official "One"
    part 1 {
      en official "The cat sat on the mat and the cat slept."
    }
    part 2 {
      en official "See [part 1](part 1) about the dog."
    }
  }
  article 2 {
    en official "Second, see [Article 1](article 1)."
  }
}
"#;

fn amend(ops: &str) -> String {
    format!("amendment t.a.x {{\n  target t.a version 2024-01-01\n  in-force 2025-01-01\n{ops}\n}}\n")
}

fn apply_err(ops: &str) -> (EngineError, String) {
    let source = amend(ops);
    let files = parse(&[ACT, &source]);
    let Err(e) = engine::apply_amendment(&files, "t.a.x") else { panic!("the amendment must fail") };
    let (file, span) = e.at.clone().expect("a location");
    assert_eq!(file, 1);
    (e, source[span].to_string())
}

#[test]
fn flagship_age_14() {
    let files = corpus();
    let a = engine::apply_amendment(&files, "kz.cc.age-14").unwrap();
    let r = &a.result;
    assert_eq!(
        text(r, "article 15 part 3", "ru").split(", не подлежит").next().unwrap(),
        "Несовершеннолетний, достигший возраста, указанного в части первой, второй или 2-1 настоящей статьи"
    );
    assert!(
        text(r, "article 15 part 3", "kk")
            .starts_with("Осы баптың бірінші, екінші немесе 2-1-бөліктерінде көзделген")
    );
    assert!(
        text(r, "article 15 part 3", "en")
            .starts_with("A minor who has reached the age specified in Part 1, 2 or 2-1 of this Article")
    );
    assert!(
        text(r, "article 15 part 2-1", "kk")
            .starts_with("Қылмыс жасаған кезге қарай он төрт жасқа толған адамдар")
    );
    // The new part sits after part 2, and its reference to Articles 205–213 survives.
    let parts: Vec<String> = r
        .walk_paths()
        .into_iter()
        .map(|(_, p)| engine::path_text(&p))
        .filter(|p| p.starts_with("article 15 "))
        .collect();
    assert_eq!(parts, ["article 15 part 1", "article 15 part 2", "article 15 part 2-1", "article 15 part 3"]);
    assert_eq!(a.changes.len(), 2);
    assert!(a.stale.is_empty() && a.dropped.is_empty());
    assert_eq!(r.meta.version.map(|d| d.to_string()).as_deref(), Some("2026-01-01"));
    // The base is untouched.
    assert!(
        text(&a.base, "article 15 part 3", "en")
            .starts_with("A minor who has reached the age specified in Part 1 or 2 of")
    );
}

#[test]
fn demo_operations_every_kind() {
    let files = corpus();
    let a = engine::apply_amendment(&files, "kz.cc.demo-operations").unwrap();
    let r = &a.result;
    // Insertions keep the spaces they are written with.
    assert_eq!(
        text(r, "article 209", "kk"),
        "Бап күш қолданып немесе күш қолданамын деп қорқытып, ақпаратты беруге мәжбүрлеу үшін қылмыстық жауаптылықты белгілейді."
    );
    assert_eq!(
        text(r, "article 209", "en"),
        "The article establishes criminal liability for coercing a person to hand over information by violence or the threat of violence."
    );
    assert!(
        text(r, "article 211", "ru").ends_with(
            "ограниченного доступа. Статья не применяется к деяниям, предусмотренным статьей 148."
        )
    );
    // The inserted reference is a reference.
    let (n211, _) = r.walk_paths().into_iter().find(|(_, p)| engine::path_text(p) == "article 211").unwrap();
    let en = n211.unit.content.texts.iter().find(|t| t.lang == "en").unwrap();
    assert_eq!(en.value.refs.len(), 1);
    assert_eq!(&en.value.plain[en.value.refs[0].plain.clone()], "Article 148");
    // Deletion, replace-all, repeal, renumber with update-references.
    assert!(!text(r, "article 15 part 3", "ru").contains("(бездействия)"));
    assert!(text(r, "article 207", "en").contains("a telecommunication network"));
    assert!(
        r.walk_paths()
            .iter()
            .any(|(n, p)| engine::path_text(p) == "article 232" && n.unit.content.repealed.is_some())
    );
    assert_eq!(a.renumbered, vec![("article 213-2".to_string(), "article 213-1".to_string())]);
    let (note, _) =
        r.walk_paths().into_iter().find(|(_, p)| engine::path_text(p) == "article 210 note").unwrap();
    for t in &note.unit.content.texts {
        assert_eq!(zan::render::zan::target(&t.value.refs[0].target), "article 213-1", "{}", t.lang);
    }
    // Article 232 is cited nowhere, and the renumbered article's citations
    // are updated: nothing is left stale.
    assert!(a.stale.is_empty(), "{:?}", a.stale);
}

#[test]
fn words_not_found_and_ambiguous_are_errors_on_the_quoted_words() {
    let (e, at) = apply_err("  replace article 1 part 1 {\n    en \"dog\" -> \"cow\"\n  }");
    assert_eq!(
        e.kind,
        ErrorKind::Check(Message::WordsNotFound {
            words: "dog".into(),
            lang: "en".into(),
            unit: "article 1 part 1".into(),
            title: false,
        })
    );
    assert_eq!(at, "\"dog\"");
    let (e, at) = apply_err("  replace article 1 part 1 {\n    en \"cat\" -> \"cow\"\n  }");
    assert_eq!(
        e.kind,
        ErrorKind::Check(Message::AmbiguousWords {
            words: "cat".into(),
            lang: "en".into(),
            count: 2,
            title: false
        })
    );
    assert_eq!(at, "\"cat\"");
    let (e, _) = apply_err("  replace article 1 part 1 {\n    en \"cat\" -> \"cow\" occurrence 3\n  }");
    assert!(matches!(e.kind, ErrorKind::Check(Message::WordsNotFound { .. })));
    let (e, _) = apply_err("  insert article 1 part 1 {\n    kk \"x\" at end\n  }");
    assert!(matches!(e.kind, ErrorKind::Check(Message::WordsNotFound { ref lang, .. }) if lang == "kk"));
    assert_eq!(e.render(zan::diag::UiLang::En), "«» is not in the `kk` text of `article 1 part 1`");
}

#[test]
fn occurrences() {
    let files =
        parse(&[ACT, &amend("  replace article 1 part 1 {\n    en \"cat\" -> \"dog\" occurrence 2\n  }")]);
    let a = engine::apply_amendment(&files, "t.a.x").unwrap();
    assert_eq!(text(&a.result, "article 1 part 1", "en"), "The cat sat on the mat and the dog slept.");
    let files =
        parse(&[ACT, &amend("  replace article 1 part 1 {\n    en \"cat\" -> \"dog\" occurrence all\n  }")]);
    let a = engine::apply_amendment(&files, "t.a.x").unwrap();
    assert_eq!(text(&a.result, "article 1 part 1", "en"), "The dog sat on the mat and the dog slept.");
}

#[test]
fn structural_errors() {
    let (e, at) = apply_err("  repeal article 3");
    assert!(matches!(e.kind, ErrorKind::Check(Message::Unresolved { .. })));
    assert_eq!(at, "article 3");
    let (e, at) = apply_err("  add part 2 to article 1 {\n    en official \"x\"\n  }");
    assert_eq!(e.kind, ErrorKind::Check(Message::UnitExists { unit: "article 1 part 2".into() }));
    assert_eq!(at, "2");
    let (e, at) = apply_err("  renumber article 2 to 1");
    assert_eq!(e.kind, ErrorKind::Check(Message::UnitExists { unit: "article 1".into() }));
    assert_eq!(at, "1");
    let (e, at) = apply_err("  repeal article 2\n  replace article 2 {\n    en \"Second\" -> \"Third\"\n  }");
    assert_eq!(e.kind, ErrorKind::Check(Message::OperationOnRepealed { target: "article 2".into() }));
    assert_eq!(at, "article 2");
    let (e, _) = apply_err("  rewrite article 1..2 {\n    en official \"x\"\n  }");
    assert_eq!(e.kind, ErrorKind::WrongTargetKind { operation: "rewrite" });
}

#[test]
fn references_shift_drop_and_renumber() {
    // Words before a reference change: it shifts. Its own words change: it is dropped.
    let ops = "  replace article 2 {\n    en \"Second\" -> \"The second\"\n  }\n  replace article 1 part 2 {\n    en \"part 1\" -> \"the first part\"\n  }";
    let files = parse(&[ACT, &amend(ops)]);
    let a = engine::apply_amendment(&files, "t.a.x").unwrap();
    let (n2, _) =
        a.result.walk_paths().into_iter().find(|(_, p)| engine::path_text(p) == "article 2").unwrap();
    let t = &n2.unit.content.texts[0].value;
    assert_eq!(&t.plain[t.refs[0].plain.clone()], "Article 1");
    assert_eq!(a.dropped.len(), 1);
    assert_eq!((a.dropped[0].words.as_str(), a.dropped[0].target.as_str()), ("part 1", "part 1"));
    // Renumbering without update-references reports the references left behind.
    let files = parse(&[ACT, &amend("  renumber article 1 to 1-1")]);
    let a = engine::apply_amendment(&files, "t.a.x").unwrap();
    let stale: Vec<(String, String, Option<String>)> =
        a.stale.iter().map(|s| (s.target.clone(), s.unit.clone(), s.renumbered_to.clone())).collect();
    assert_eq!(stale, vec![("article 1".into(), "article 1".into(), Some("article 1-1".into()))]);
    assert_eq!(a.stale[0].site, Site::InAct { unit: "article 2".into() });
    // With update-references the reference follows; the relative `part 1` inside stays.
    let files = parse(&[ACT, &amend("  renumber article 1 to 1-1 update-references")]);
    let a = engine::apply_amendment(&files, "t.a.x").unwrap();
    assert!(a.stale.is_empty());
    let printed = zan::render::zan::act(&a.result.to_act()).unwrap();
    assert!(printed.contains("[Article 1](article 1-1)"), "{printed}");
    assert!(printed.contains("[part 1](part 1)"), "{printed}");
    // A link from another act is not updated: reported with its file and place.
    let other = "act t.b {\n  article 9 {\n    compare corresponds t.a article 1\n  }\n}\n";
    let files = parse(&[ACT, &amend("  repeal article 1"), other]);
    let a = engine::apply_amendment(&files, "t.a.x").unwrap();
    let outside: Vec<&Site> =
        a.stale.iter().map(|s| &s.site).filter(|s| matches!(s, Site::File(_))).collect();
    let Site::File(at) = outside[0] else { unreachable!() };
    assert_eq!(
        (outside.len(), at.file, &other[at.span.clone()]),
        (1, 2, "compare corresponds t.a article 1")
    );
}

#[test]
fn consolidation_as_of_a_date_and_conflicts() {
    let files = corpus();
    // Nothing adopted: the act as it is.
    let a = engine::consolidate(&files, "kz.cc", None, Include::Adopted).unwrap();
    assert!(a.changes.is_empty());
    assert_eq!(a.result, a.base);
    // Proposals in force before the date are applied, unless they conflict:
    // two of them add a point to Article 3 on the same day.
    let Err(e) =
        engine::consolidate(&files, "kz.cc", zan::model::Date::parse("2026-06-01"), Include::Proposed)
    else {
        panic!("the two definitions conflict");
    };
    assert_eq!(
        e.kind,
        ErrorKind::Conflict {
            unit: "article 3 point 1-1".into(),
            first: "kz.cc.itn-offences-definition".into(),
            second: "kz.cc.network-offences-definition".into()
        }
    );
    // Before they come into force, nothing applies.
    let a =
        engine::consolidate(&files, "kz.cc", zan::model::Date::parse("2025-12-31"), Include::Draft).unwrap();
    assert!(a.changes.is_empty());
}

#[test]
fn amendments_apply_in_the_order_of_their_dates() {
    let later = "amendment t.a.b {\n  target t.a version 2024-01-01\n  status adopted\n  in-force 2026-01-01\n  replace article 2 {\n    en \"Third\" -> \"Fourth\"\n  }\n}\n";
    let earlier = "amendment t.a.a {\n  target t.a version 2024-01-01\n  status adopted\n  in-force 2025-01-01\n  replace article 2 {\n    en \"Second\" -> \"Third\"\n  }\n}\n";
    let files = parse(&[ACT, later, earlier]);
    let a: Applied = engine::consolidate(&files, "t.a", None, Include::Adopted).unwrap();
    assert_eq!(text(&a.result, "article 2", "en"), "Fourth, see Article 1.");
    let a =
        engine::consolidate(&files, "t.a", zan::model::Date::parse("2025-06-30"), Include::Adopted).unwrap();
    assert_eq!(text(&a.result, "article 2", "en"), "Third, see Article 1.");
}

#[test]
fn consolidated_zan_parses_to_the_same_model() {
    let files = corpus();
    for id in ["kz.cc.age-14", "kz.cc.demo-operations", "kz.cc.itn-offences-definition"] {
        let a = engine::apply_amendment(&files, id).unwrap();
        let printed = zan::render::zan::act(&a.result.to_act()).expect("printable");
        let reparsed = Document::parse(printed.clone()).model;
        assert!(reparsed.diagnostics.is_empty(), "{id}: {:?}", reparsed.diagnostics);
        let again = File { acts: vec![a.result.to_act()], amendments: Vec::new(), diagnostics: Vec::new() };
        assert_eq!(reparsed.meaning(), again.meaning(), "{id}");
    }
}
