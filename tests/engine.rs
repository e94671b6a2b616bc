//! The amendment engine on the shipped corpus and on small workspaces:
//! exact results, exact errors with their spans, references kept, rewritten,
//! dropped or reported.

use std::path::PathBuf;

use zan::diag::Message;
use zan::document::Document;
use zan::engine::{self, Applied, CitedAt, EngineError, ErrorKind, Held, Include};
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
fn text(state: &Held, path: &str, lang: &str) -> String {
    let (node, _) = state
        .walk_paths()
        .into_iter()
        .find(|(_, p)| zan::model::written::path(p) == path)
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
        .map(|(_, p)| zan::model::written::path(&p))
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
    let (n211, _) =
        r.walk_paths().into_iter().find(|(_, p)| zan::model::written::path(p) == "article 211").unwrap();
    let en = n211.unit.content.texts.iter().find(|t| t.lang == "en").unwrap();
    assert_eq!(en.value.refs.len(), 1);
    assert_eq!(&en.value.plain[en.value.refs[0].plain.clone()], "Article 148");
    // Deletion, replace-all, repeal, renumber with update-references.
    assert!(!text(r, "article 15 part 3", "ru").contains("(бездействия)"));
    assert!(text(r, "article 207", "en").contains("a telecommunication network"));
    assert!(
        r.walk_paths()
            .iter()
            .any(|(n, p)| zan::model::written::path(p) == "article 232" && n.unit.content.repealed.is_some())
    );
    assert_eq!(a.renumbered, vec![("article 213-2".to_string(), "article 213-1".to_string())]);
    let (note, _) =
        r.walk_paths().into_iter().find(|(_, p)| zan::model::written::path(p) == "article 210 note").unwrap();
    for t in &note.unit.content.texts {
        assert_eq!(zan::model::written::target(&t.value.refs[0].target), "article 213-1", "{}", t.lang);
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
    assert_eq!(e.render(zan::lang::Lang::En), "«» is not in the `kk` text of `article 1 part 1`");
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
        a.result.walk_paths().into_iter().find(|(_, p)| zan::model::written::path(p) == "article 2").unwrap();
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
    assert_eq!(a.stale[0].site, CitedAt::InAct { unit: "article 2".into() });
    // With update-references the reference and its words follow; the
    // relative `part 1` inside stays.
    let files = parse(&[ACT, &amend("  renumber article 1 to 1-1 update-references")]);
    let a = engine::apply_amendment(&files, "t.a.x").unwrap();
    assert!(a.stale.is_empty());
    let printed = zan::render::zan::act(&a.result.to_act()).unwrap();
    assert!(printed.contains("\"Second, see [Article 1-1](article 1-1).\""), "{printed}");
    assert!(printed.contains("[part 1](part 1)"), "{printed}");
    // A link from another act is not updated: reported with its file and place.
    let other = "act t.b {\n  article 9 {\n    compare corresponds t.a article 1\n  }\n}\n";
    let files = parse(&[ACT, &amend("  repeal article 1"), other]);
    let a = engine::apply_amendment(&files, "t.a.x").unwrap();
    let outside: Vec<&CitedAt> =
        a.stale.iter().map(|s| &s.site).filter(|s| matches!(s, CitedAt::File(_))).collect();
    let CitedAt::File(at) = outside[0] else { unreachable!() };
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
        let again = File {
            acts: vec![a.result.to_act()],
            amendments: Vec::new(),
            bills: Vec::new(),
            diagnostics: Vec::new(),
        };
        assert_eq!(reparsed.meaning(), again.meaning(), "{id}");
    }
}

/// Inserted and deleted words are written as a reader applies the bill by
/// hand: no word glued to punctuation («отырып,алдау»), no double space.
#[test]
fn insertions_and_deletions_keep_the_spacing() {
    let act = r#"act t.k version 2024-01-01 {
  languages kk ru
  article 1 {
    kk official "Күш қолданып алдау үшін жауаптылық белгіленеді."
    ru official "Ответственность за обман с применением силы (насилия) устанавливается."
  }
}
"#;
    let amendment = r#"amendment t.k.x {
  target t.k version 2024-01-01
  in-force 2025-01-01
  insert article 1 {
    kk "қорқытып," before "алдау"
    ru "или угрозой," after "силы"
  }
  delete article 1 {
    kk "үшін"
    ru "(насилия)"
  }
}
"#;
    let files = parse(&[act, amendment]);
    let a = engine::apply_amendment(&files, "t.k.x").unwrap();
    assert_eq!(text(&a.result, "article 1", "kk"), "Күш қолданып қорқытып, алдау жауаптылық белгіленеді.");
    assert_eq!(
        text(&a.result, "article 1", "ru"),
        "Ответственность за обман с применением силы или угрозой, устанавливается."
    );
}

/// The units a `replace-all` touches are listed once each, in reading order
/// (a part after its article, before the next article), whichever of its
/// lines touched them first, with their text after every line.
#[test]
fn replace_all_lists_the_units_in_reading_order() {
    let act = r#"act t.r version 2024-01-01 {
  languages en
  article 1 {
    en official "Alpha and gamma."
    part 1 {
      en official "Beta here."
    }
  }
  article 2 {
    en official "Alpha there."
  }
}
"#;
    let source = "amendment t.r.x {\n  target t.r version 2024-01-01\n  in-force 2025-01-01\n  replace-all {\n    en \"Beta\" -> \"Delta\"\n    en \"Alpha\" -> \"Omega\"\n    en \"gamma\" -> \"sigma\"\n  }\n}\n";
    let files = parse(&[act, source]);
    let a = engine::apply_amendment(&files, "t.r.x").unwrap();
    let touched: Vec<(String, String)> = a.changes[0]
        .touched
        .iter()
        .map(|t| {
            let after = t.after.as_ref().unwrap();
            let text = after.unit.content.texts[0].value.plain.clone();
            (zan::model::written::path(&t.path), text)
        })
        .collect();
    let expected = [
        ("article 1", "Omega and sigma."),
        ("article 1 part 1", "Delta here."),
        ("article 2", "Omega there."),
    ];
    let expected: Vec<(String, String)> =
        expected.iter().map(|(p, t)| (p.to_string(), t.to_string())).collect();
    assert_eq!(touched, expected);
    let before = a.changes[0].touched[0].before.as_ref().unwrap();
    assert_eq!(before.unit.content.texts[0].value.plain, "Alpha and gamma.");
}

/// `replace-all` is «по всему тексту»: texts and headings alike; a `title`
/// line changes the headings only; `occurrence` has no place in it.
#[test]
fn replace_all_covers_the_headings() {
    let act = r#"act t.k version 2024-01-01 {
  languages kk ru
  article 1 {
    title kk official "Телекоммуникациялар желісі"
    title ru official "Сеть телекоммуникаций"
    kk official "Телекоммуникациялар желісіне қол жеткізу."
    ru official "Доступ к сети телекоммуникаций."
  }
  article 2 {
    title kk official "Телекоммуникациялар"
    title ru official "Телекоммуникации"
    kk official "Басқа мәтін."
    ru official "Другой текст."
  }
}
"#;
    let amendment = |ops: &str| {
        format!("amendment t.k.x {{\n  target t.k version 2024-01-01\n  in-force 2025-01-01\n{ops}\n}}\n")
    };
    let title = |state: &Held, path: &str, lang: &str| {
        let (node, _) =
            state.walk_paths().into_iter().find(|(_, p)| zan::model::written::path(p) == path).unwrap();
        node.unit.content.titles.iter().find(|t| t.lang == lang).unwrap().value.plain.clone()
    };
    let source = amendment(
        "  replace-all {\n    kk \"Телекоммуникациялар\" -> \"Байланыс\"\n    ru \"телекоммуникаций\" -> \"связи\"\n  }",
    );
    let files = parse(&[act, &source]);
    let a = engine::apply_amendment(&files, "t.k.x").unwrap();
    assert_eq!(title(&a.result, "article 1", "kk"), "Байланыс желісі");
    assert_eq!(title(&a.result, "article 2", "kk"), "Байланыс");
    assert_eq!(text(&a.result, "article 1", "kk"), "Байланыс желісіне қол жеткізу.");
    assert_eq!(title(&a.result, "article 1", "ru"), "Сеть связи");
    assert_eq!(text(&a.result, "article 1", "ru"), "Доступ к сети связи.");
    assert_eq!(title(&a.result, "article 2", "ru"), "Телекоммуникации");
    assert_eq!(a.changes[0].touched.len(), 2);
    assert!(zan::analysis::analyze(&files).is_empty());

    // A `title` line: the headings only.
    let source = amendment("  replace-all {\n    title kk \"Телекоммуникациялар\" -> \"Байланыс\"\n  }");
    let files = parse(&[act, &source]);
    let a = engine::apply_amendment(&files, "t.k.x").unwrap();
    assert_eq!(title(&a.result, "article 1", "kk"), "Байланыс желісі");
    assert_eq!(text(&a.result, "article 1", "kk"), "Телекоммуникациялар желісіне қол жеткізу.");
    assert!(zan::analysis::analyze(&files).is_empty());

    // Words only in a text are not in the headings.
    let source = amendment("  replace-all {\n    title ru \"Доступ\" -> \"Вход\"\n  }");
    let files = parse(&[act, &source]);
    let Err(e) = engine::apply_amendment(&files, "t.k.x") else { panic!("must fail") };
    let expected =
        Message::WordsNotFound {
            words: "Доступ".into(), lang: "ru".into(), unit: "t.k".into(), title: true
        };
    assert_eq!(e.kind, ErrorKind::Check(expected.clone()));
    let found = zan::analysis::analyze(&files);
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].diagnostic.message, expected);
    assert_eq!(&source[found[0].diagnostic.range.clone()], "\"Доступ\"");

    // `occurrence` would say less than the bill's «по всему тексту».
    let source = amendment("  replace-all {\n    ru \"связи\" -> \"сети\" occurrence 1\n  }");
    let source = source.replace("связи\" ->", "телекоммуникаций\" ->");
    let files = parse(&[act, &source]);
    let Err(e) = engine::apply_amendment(&files, "t.k.x") else { panic!("must fail") };
    assert_eq!(e.kind, ErrorKind::Check(Message::OccurrenceThroughout));
    let found = zan::analysis::analyze(&files);
    assert_eq!(found.len(), 1);
    assert_eq!(
        found[0].diagnostic.message.render(Default::default()),
        "`replace-all` replaces every occurrence: drop `occurrence`, or replace in one unit"
    );
    assert_eq!(
        &source[found[0].diagnostic.range.clone()],
        "ru \"телекоммуникаций\" -> \"сети\" occurrence 1"
    );
}

/// A later operation may name a point inside a part, or a note, that an
/// earlier operation of the same amendment adds; `zan check` accepts it and
/// checks its words against the added text, as the engine applies it.
#[test]
fn operations_on_what_the_amendment_adds() {
    let act = r#"act t.k version 2024-01-01 {
  languages kk ru
  article 1 {
    part 1 {
      kk official "Бірінші."
      ru official "Первая."
    }
  }
}
"#;
    let ops = r#"amendment t.k.x {
  target t.k version 2024-01-01
  in-force 2025-01-01
  add part 2 to article 1 {
    kk official "Мыналар:"
    ru official "Следующие:"
    point 1 {
      kk official "бірінші тармақ;"
      ru official "первый пункт;"
    }
  }
  add note to article 1 {
    kk official "Ескерту мәтіні."
    ru official "Текст примечания."
  }
  replace article 1 part 2 point 1 {
    kk "бірінші" -> "жаңа"
    ru "первый" -> "новый"
  }
  insert article 1 note {
    kk "қысқа" before "мәтіні"
    ru "краткий" before "примечания"
  }
}
"#;
    let files = parse(&[act, ops]);
    assert_eq!(zan::analysis::analyze(&files), []);
    let a = engine::apply_amendment(&files, "t.k.x").unwrap();
    assert_eq!(text(&a.result, "article 1 part 2 point 1", "kk"), "жаңа тармақ;");
    assert_eq!(text(&a.result, "article 1 part 2 point 1", "ru"), "новый пункт;");
    assert_eq!(text(&a.result, "article 1 note", "kk"), "Ескерту қысқа мәтіні.");
    assert_eq!(text(&a.result, "article 1 note", "ru"), "Текст краткий примечания.");

    // Words quoted from the added point are checked against its text.
    let wrong = ops.replace("kk \"бірінші\" -> \"жаңа\"", "kk \"екінші\" -> \"жаңа\"");
    let files = parse(&[act, &wrong]);
    let found = zan::analysis::analyze(&files);
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        found[0].diagnostic.message.render(Default::default()),
        "«екінші» is not in the `kk` text of `article 1 part 2 point 1`"
    );
    assert_eq!(&wrong[found[0].diagnostic.range.clone()], "\"екінші\"");
}

/// Renumbering with `update-references` rewrites the words of each
/// reference in every language and case form, or refuses and lists those it
/// cannot rewrite.
#[test]
fn renumbering_rewrites_the_words_of_references() {
    let act = r#"act t.k version 2024-01-01 {
  languages kk ru
  article 1 {
    part 1 {
      kk official "[209-бабында](article 209) және [209](article 209) көзделген әрекеттер."
      ru official "Деяния, предусмотренные [статьей 209](article 209) и [209](article 209)."
    }
    part 2 {
      kk official "Екінші бөлік."
      ru official "Часть вторая."
    }
    part 3 {
      kk official "[Осы баптың екінші бөлігінде](part 2) көзделген."
      ru official "Предусмотренные [частью второй настоящей статьи](part 2)."
    }
  }
  article 209 {
    kk official "Мәтін."
    ru official "Текст."
  }
}
"#;
    let renumber = |ops: &str| {
        let source = format!(
            "amendment t.k.x {{\n  target t.k version 2024-01-01\n  in-force 2025-01-01\n{ops}\n}}\n"
        );
        let files = parse(&[act, &source]);
        let applied = engine::apply_amendment(&files, "t.k.x");
        let found = zan::analysis::analyze(&files);
        (applied.map(|a| a.result).map_err(|e| e.kind), found, source)
    };
    let (result, found, _) = renumber("  renumber article 209 to 209-1 update-references");
    let result = result.unwrap();
    assert_eq!(found, []);
    assert_eq!(text(&result, "article 1 part 1", "kk"), "209-1-бабында және 209-1 көзделген әрекеттер.");
    assert_eq!(text(&result, "article 1 part 1", "ru"), "Деяния, предусмотренные статьей 209-1 и 209-1.");
    let printed = zan::render::zan::act(&result.to_act()).unwrap();
    assert!(printed.contains("[209-1-бабында](article 209-1) және [209-1](article 209-1)"), "{printed}");
    assert!(printed.contains("[статьей 209-1](article 209-1)"), "{printed}");
    // Each rewording is listed, for the bill and the table to show.
    let source = "amendment t.k.x {\n  target t.k version 2024-01-01\n  in-force 2025-01-01\n  renumber article 209 to 209-1 update-references\n}\n";
    let files = parse(&[act, source]);
    let a = engine::apply_amendment(&files, "t.k.x").unwrap();
    let reworded: Vec<(&str, &str, &str, &str)> = a
        .reworded
        .iter()
        .map(|r| (r.unit.as_str(), r.lang.as_str(), r.old.as_str(), r.new.as_str()))
        .collect();
    assert_eq!(
        reworded,
        [
            ("article 1 part 1", "kk", "209-бабында", "209-1-бабында"),
            ("article 1 part 1", "kk", "209", "209-1"),
            ("article 1 part 1", "ru", "статьей 209", "статьей 209-1"),
            ("article 1 part 1", "ru", "209", "209-1"),
        ]
    );

    // Ordinal words cannot be rewritten: refused, with each place.
    let (result, found, source) = renumber("  renumber article 1 part 2 to 2-1 update-references");
    let expected = Message::UnrewritableCitations {
        unit: "article 1 part 2".into(),
        to: "article 1 part 2-1".into(),
        places: vec![
            "t.k article 1 part 3 «Осы баптың екінші бөлігінде»".into(),
            "t.k article 1 part 3 «частью второй настоящей статьи»".into(),
        ],
    };
    assert_eq!(result.unwrap_err(), ErrorKind::Check(expected.clone()));
    // `zan check` reports the same, at the renumbered target.
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(found[0].diagnostic.message, expected);
    assert_eq!(&source[found[0].diagnostic.range.clone()], "article 1 part 2");
    assert_eq!(
        expected.render(Default::default()),
        "`article 1 part 2` becomes `article 1 part 2-1`, but the words of these references cannot be rewritten to cite it: t.k article 1 part 3 «Осы баптың екінші бөлігінде», t.k article 1 part 3 «частью второй настоящей статьи»; reword them in this amendment"
    );
}

const CITED: &str = r#"act t.c version 2024-01-01 {
  languages kk ru
  article 1 {
    kk official "[2-бапта](article 2) және [3-бапта](article 3) көзделген."
    ru official "Предусмотренные [статьей 2](article 2) и [статьей 3](article 3)."
  }
  article 2 {
    kk official "Екі."
    ru official "Два."
  }
  article 3 {
    kk official "Үш."
    ru official "Три."
  }
}
"#;

/// A repeal and a renumbering with the consequential changes
/// docs/diagnostics.md advises (the citing words deleted, or replaced by
/// words with the new link) leave no warning, whatever the order.
#[test]
fn a_consequential_change_clears_the_warnings_in_any_order() {
    let repeal = "  repeal article 2";
    let delete = "  delete article 1 {\n    kk \"2-бапта және \"\n    ru \"статьей 2 и \"\n  }";
    let renumber = "  renumber article 3 to 4";
    let replace = "  replace article 1 {\n    kk \"3-бапта\" -> \"[4-бапта](article 4)\"\n    ru \"статьей 3\" -> \"[статьей 4](article 4)\"\n  }";
    for ops in [
        [repeal, delete, renumber, replace],
        [replace, delete, renumber, repeal],
        [delete, repeal, replace, renumber],
    ] {
        let source = format!(
            "amendment t.c.x {{\n  target t.c version 2024-01-01\n  in-force 2025-01-01\n{}\n}}\n",
            ops.join("\n")
        );
        let files = parse(&[CITED, &source]);
        assert_eq!(zan::analysis::analyze(&files), [], "{source}");
        let a = engine::apply_amendment(&files, "t.c.x").unwrap();
        assert!(a.stale.is_empty() && a.dropped.is_empty(), "{:?} {:?}", a.stale, a.dropped);
        assert_eq!(text(&a.result, "article 1", "kk"), "4-бапта көзделген.");
        assert_eq!(text(&a.result, "article 1", "ru"), "Предусмотренные статьей 4.");
    }
    // Without the consequential change: one warning per operation and unit.
    let source = "amendment t.c.x {\n  target t.c version 2024-01-01\n  in-force 2025-01-01\n  repeal article 2..3\n}\n";
    let files = parse(&[CITED, source]);
    let found: Vec<String> = zan::analysis::analyze(&files)
        .into_iter()
        .map(|fd| {
            format!(
                "{}: {}",
                &source[fd.diagnostic.range.clone()],
                fd.diagnostic.message.render(Default::default())
            )
        })
        .collect();
    assert_eq!(
        found,
        [
            "article 2..3: `article 2` is repealed but still cited by `t.c article 1`",
            "article 2..3: `article 3` is repealed but still cited by `t.c article 1`",
        ]
    );
}

/// An amendment keeps numbers going up, and does not add a part to an
/// article whose text is not divided into parts.
#[test]
fn numbering_order_and_undivided_text() {
    let (e, at) = apply_err("  renumber article 1 part 1 to 3");
    assert_eq!(
        e.render(zan::lang::Lang::En),
        "`article 1 part 3` would stand where numbers go down: `article 1 part 3` before `article 1 part 2`"
    );
    assert_eq!(at, "3");
    let (e, at) = apply_err("  add part 5 after article 1 part 1 {\n    en official \"x\"\n  }");
    assert_eq!(
        e.render(zan::lang::Lang::En),
        "`article 1 part 5` would stand where numbers go down: `article 1 part 5` before `article 1 part 2`"
    );
    assert_eq!(at, "5");
    let (e, at) = apply_err("  add part 2 to article 2 {\n    en official \"x\"\n  }");
    assert_eq!(
        e.render(zan::lang::Lang::En),
        "`article 2` has a text not divided into parts: adding `article 2 part 2` would leave that text without a number; rewrite `article 2` with its parts"
    );
    assert_eq!(at, "article 2");
    // In order: allowed.
    let files = parse(&[ACT, &amend("  add part 1-1 after article 1 part 1 {\n    en official \"x\"\n  }")]);
    assert!(engine::apply_amendment(&files, "t.a.x").is_ok());
}
