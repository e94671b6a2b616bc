//! The language core: every construct reaches the model, text round-trips
//! byte for byte, syntax errors are located and do not hide intact parts.

use zan::diag::Severity;
use zan::document::Document;
use zan::model::*;
use zan::text::{Encoding, LineCol};

const EVERY_CONSTRUCT: &str = r#"# Every construct of the language.
act kz.cc version 2024-01-01 {
  jurisdiction kz
  kind code
  number "226-V"
  adopted 2014-07-03
  in-force 2015-01-01
  languages kk ru en
  title kk official "Қазақстан Республикасының Қылмыстық кодексі"
  source "Adilet K1400000226"
  compare corresponds ru.uk

  chapter 7 {
    title ru official "Уголовные правонарушения в сфере информатизации и связи"
    article 205 {
      part 1 {
        kk summary "Мәтін [осы баптың 2-бөлігі](part 2) және \"тырнақша\" \[1\]." cite "S1:L1247"
        en summary "See [Articles 205 to 213](article 205..213) and [§ 202a](de.stgb@2020-01-01 paragraph 202a)." cite "S1"
      }
      part 2 {
        point 9-1 {
          subpoint 1 {
            indent {
              zh summary "第二百八十五条 🙂" cite "S1"
            }
          }
        }
      }
      note {
        ru official "Примечание"
      }
      compare stricter lv.kl article 11 "14 жас"
      compare implements coe.ets185 article 2
    }
    article 213-1 {
      repealed 2020-01-01
    }
    article 202a {}
    article 263а {}
    article 226-18 {}
    article 4:9c {}
    article "9 c" {}
  }
}

amendment kz.cc.age-14 {
  target kz.cc version 2024-01-01
  status proposed
  author "S1 (author not named)"
  in-force 2026-01-01
  title kk summary "Жас" cite "S1:L280"
  justification ru summary "Обоснование" cite "S1:L290"
  replace article 15 part 1 {
    kk "он алты" -> "он төрт" occurrence 2
    ru "шестнадцати" -> "четырнадцати" occurrence all
    justification en summary "Why" cite "S1"
    compare stricter lv.kl article 11
  }
  delete article 205 part 1 {
    kk "сөз"
  }
  insert article 205 part 1 {
    kk "жаңа" after "сөз" occurrence 1
    ru "новое" before "слово"
    en "start" at start
    en "end" at end
  }
  replace-all {
    ru "ЭВМ" -> "компьютер"
  }
  rewrite article 209 {
    kk summary "Жаңа мәтін" cite "S1"
    justification kk summary "Себебі" cite "S1"
  }
  add part 3 to article 15 {
    kk summary "Үшінші бөлік" cite "S1"
  }
  add article 213-2 after article 213-1 {}
  add point before article 15 part 2 point 1 {}
  repeal article 212
  renumber article 213-1 to 214 update-references
  renumber article 5 to 6
}
"#;

fn doc(text: &str) -> Document {
    Document::parse(text.to_string())
}

fn nums(units: &[Unit]) -> Vec<String> {
    units.iter().map(|u| u.number.as_ref().map_or(String::new(), |n| n.text.clone())).collect()
}

fn path(t: &Target) -> String {
    let mut s: Vec<String> =
        t.path.iter().map(|s| format!("{} {}", s.kind.keyword(), s.number_text())).collect();
    if let Some(end) = &t.range_end {
        s.push(format!("..{}", end.text));
    }
    s.join(" ")
}

#[test]
fn every_construct_reaches_the_model() {
    let d = doc(EVERY_CONSTRUCT);
    assert!(d.model.diagnostics.is_empty(), "{:#?}", d.model.diagnostics);
    let act = &d.model.acts[0];
    assert_eq!(act.id, "kz.cc");
    assert_eq!(act.version, Date::parse("2024-01-01"));
    assert_eq!(act.jurisdiction.as_deref(), Some("kz"));
    assert_eq!(act.kind.as_deref(), Some("code"));
    assert_eq!(act.number.as_deref(), Some("226-V"));
    assert_eq!(act.adopted.map(|d| d.to_string()).as_deref(), Some("2014-07-03"));
    assert_eq!(act.in_force.map(|d| d.to_string()).as_deref(), Some("2015-01-01"));
    assert_eq!(act.languages, ["kk", "ru", "en"]);
    assert_eq!(act.titles[0].value.plain, "Қазақстан Республикасының Қылмыстық кодексі");
    assert_eq!(act.titles[0].fidelity, Some(Fidelity::Official));
    assert_eq!(act.source.as_deref(), Some("Adilet K1400000226"));
    assert_eq!(act.comparisons[0].target.act.as_deref(), Some("ru.uk"));

    let chapter = &act.units[0];
    assert_eq!((chapter.kind, chapter.number.as_ref().unwrap().text.as_str()), (UnitKind::Chapter, "7"));
    assert_eq!(nums(&chapter.content.children), ["205", "213-1", "202a", "263а", "226-18", "4:9c", "9 c"]);
    let art = &chapter.content.children[0];
    let part1 = &art.content.children[0];
    let kk = &part1.content.texts[0];
    assert_eq!(
        (kk.lang.as_str(), kk.fidelity, kk.cite.as_deref()),
        ("kk", Some(Fidelity::Summary), Some("S1:L1247"))
    );
    assert_eq!(kk.value.plain, "Мәтін осы баптың 2-бөлігі және \"тырнақша\" [1].");
    let r = &kk.value.refs[0];
    assert_eq!(&kk.value.plain[r.plain.clone()], "осы баптың 2-бөлігі");
    assert_eq!((r.target.act.as_deref(), path(&r.target)), (None, "part 2".to_string()));
    let en = &part1.content.texts[1];
    assert_eq!(path(&en.value.refs[0].target), "article 205 ..213");
    let pinned = &en.value.refs[1].target;
    assert_eq!(
        (pinned.act.as_deref(), pinned.version.map(|d| d.to_string())),
        (Some("de.stgb"), Some("2020-01-01".into()))
    );

    let point = &art.content.children[1].content.children[0];
    assert_eq!((point.kind, point.number.as_ref().unwrap().text.as_str()), (UnitKind::Point, "9-1"));
    let indent = &point.content.children[0].content.children[0];
    assert_eq!((indent.kind, indent.number.is_none()), (UnitKind::Indent, true));
    assert_eq!(indent.content.texts[0].value.plain, "第二百八十五条 🙂");
    assert_eq!(art.content.children[2].kind, UnitKind::Note);
    let cmp = &art.content.comparisons;
    assert_eq!(
        (cmp[0].relation, cmp[0].note.as_ref().unwrap().plain.as_str()),
        (Relation::Stricter, "14 жас")
    );
    assert_eq!((cmp[1].relation, path(&cmp[1].target)), (Relation::Implements, "article 2".into()));
    let repealed = chapter.content.children[1].content.repealed.as_ref().unwrap();
    assert_eq!(repealed.date.map(|d| d.to_string()).as_deref(), Some("2020-01-01"));

    let a = &d.model.amendments[0];
    assert_eq!((a.id.as_str(), a.act.as_deref()), ("kz.cc.age-14", Some("kz.cc")));
    assert_eq!(a.base_version.map(|d| d.to_string()).as_deref(), Some("2024-01-01"));
    assert_eq!((a.status, a.author.as_deref()), (Some(Status::Proposed), Some("S1 (author not named)")));
    assert_eq!(a.in_force.map(|d| d.to_string()).as_deref(), Some("2026-01-01"));
    assert_eq!((a.titles.len(), a.justifications.len()), (1, 1));
    let ops = &a.operations;
    assert_eq!(ops.len(), 11);
    match &ops[0].kind {
        OperationKind::Replace { target: Some(t), changes } => {
            assert_eq!(path(t), "article 15 part 1");
            assert_eq!(
                (changes[0].old.plain.as_str(), changes[0].new.plain.as_str()),
                ("он алты", "он төрт")
            );
            assert_eq!(changes[0].occurrence, Some(Occurrence::Nth(2)));
            assert_eq!(changes[1].occurrence, Some(Occurrence::All));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!((ops[0].justifications.len(), ops[0].comparisons.len()), (1, 1));
    match &ops[1].kind {
        OperationKind::Delete { changes, .. } => {
            assert_eq!((changes[0].old.plain.as_str(), changes[0].new.plain.as_str()), ("сөз", ""))
        }
        other => panic!("{other:?}"),
    }
    match &ops[2].kind {
        OperationKind::Insert { insertions, .. } => {
            let positions: Vec<String> = insertions
                .iter()
                .map(|i| match &i.position {
                    InsertPosition::After { anchor, occurrence } => {
                        format!("after {} {occurrence:?}", anchor.plain)
                    }
                    InsertPosition::Before { anchor, .. } => format!("before {}", anchor.plain),
                    InsertPosition::Start => "start".into(),
                    InsertPosition::End => "end".into(),
                })
                .collect();
            assert_eq!(positions, ["after сөз Some(Nth(1))", "before слово", "start", "end"]);
        }
        other => panic!("{other:?}"),
    }
    assert!(
        matches!(&ops[3].kind, OperationKind::Replace { target: None, changes } if changes[0].new.plain == "компьютер")
    );
    match &ops[4].kind {
        OperationKind::Rewrite { content, .. } => assert_eq!(content.texts[0].value.plain, "Жаңа мәтін"),
        other => panic!("{other:?}"),
    }
    assert_eq!(ops[4].justifications.len(), 1);
    match &ops[5].kind {
        OperationKind::Add { kind, number, place, target, .. } => {
            assert_eq!(
                (*kind, number.as_ref().unwrap().text.as_str(), *place, path(target)),
                (UnitKind::Part, "3", Place::To, "article 15".into())
            );
        }
        other => panic!("{other:?}"),
    }
    assert!(matches!(&ops[6].kind, OperationKind::Add { place: Place::After, .. }));
    assert!(matches!(&ops[7].kind, OperationKind::Add { place: Place::Before, number: None, .. }));
    assert!(matches!(&ops[8].kind, OperationKind::Repeal { target } if path(target) == "article 212"));
    assert!(
        matches!(&ops[9].kind, OperationKind::Renumber { number, update_references: true, .. } if number.text == "214")
    );
    assert!(matches!(&ops[10].kind, OperationKind::Renumber { update_references: false, .. }));
}

#[test]
fn every_span_is_exact() {
    let d = doc(EVERY_CONSTRUCT);
    let act = &d.model.acts[0];
    assert_eq!(&d.text[act.id_span.clone()], "kz.cc");
    let art = &act.units[0].content.children[0];
    assert!(d.text[art.span.clone()].starts_with("article 205 {"));
    let kk = &art.content.children[0].content.texts[0];
    assert!(d.text[kk.span.clone()].starts_with("kk summary \"Мәтін ["));
    let r = &kk.value.refs[0];
    assert_eq!(&d.text[r.span.clone()], "[осы баптың 2-бөлігі](part 2)");
    assert_eq!(&d.text[r.target.span.clone()], "part 2");
    // Plain offsets map back to the source, across escapes.
    let plain = &kk.value.plain;
    let at = plain.find("[1]").unwrap();
    assert_eq!(&d.text[kk.value.source_offset(at)..][..3], "\\[1");
}

#[test]
fn text_round_trips_byte_for_byte() {
    let texts = [
        "әғқңөұүһі ӘҒҚҢӨҰҮҺІ",
        "Уголовная ответственность — с шестнадцати лет",
        "第二百八十五条 违反国家规定",
        "Straße, Änderung, Übermittlung",
        "emoji 🙂👍🏽 and a ZWJ 👩‍⚖️",
    ];
    for t in texts {
        let source = format!("act a.b {{\n    article 1 {{   kk summary \"{t}\"   cite \"x\" }}\n}}\n");
        let d = doc(&source);
        assert!(d.model.diagnostics.is_empty(), "{:?}", d.model.diagnostics);
        assert_eq!(d.model.acts[0].units[0].content.texts[0].value.plain, t);
        let formatted = d.formatted().unwrap();
        assert_eq!(
            formatted,
            format!("act a.b {{\n  article 1 {{\n    kk summary \"{t}\" cite \"x\"\n  }}\n}}\n")
        );
        assert_eq!(doc(&formatted).model.meaning(), d.model.meaning());
    }
}

#[test]
fn syntax_errors_are_located_and_intact_parts_survive() {
    let source = "act a.b {\n  article 5 { kk summary \"Қазақша сөз\" cite \"x\" ( }\n  article 6 { kk summary \"дұрыс\" cite \"x\" }\n}\n";
    let d = doc(source);
    let errors: Vec<_> = d.model.diagnostics.iter().filter(|d| d.severity == Severity::Error).collect();
    assert_eq!(errors.len(), 1, "{errors:?}");
    assert_eq!(errors[0].code(), "syntax-error");
    assert_eq!(errors[0].message.render(Default::default()), "syntax error: unexpected `(`");
    let pos = d.lines.position(&d.text, errors[0].range.start, Encoding::Chars);
    assert_eq!(pos, LineCol { line: 1, col: 48 });
    assert_eq!(&d.text[errors[0].range.clone()], "(");
    let units = &d.model.acts[0].units;
    assert_eq!(nums(units), ["5", "6"]);
    assert_eq!(units[0].content.texts[0].value.plain, "Қазақша сөз");
    assert_eq!(d.formatted(), None, "a file with syntax errors is never formatted");
}

#[test]
fn unterminated_string_ends_at_the_line() {
    let source =
        "act a.b {\n  article 5 { kk official \"бұзылған }\n  article 6 { kk official \"дұрыс\" }\n}\n";
    let d = doc(source);
    let first = &d.model.diagnostics[0];
    assert_eq!(first.message.render(Default::default()), "syntax error: missing `\"`");
    assert_eq!(d.lines.position(&d.text, first.range.start, Encoding::Chars), LineCol { line: 1, col: 37 });
    // The next article is still in the model (nested under the broken one).
    let five = &d.model.acts[0].units[0];
    assert_eq!(nums(&five.content.children), ["6"]);
}

#[test]
fn model_diagnostics() {
    let source = r#"act a.b {
  kind code
  kind law
  adopted 2014-02-30
  languages kk qq
  article 1 {
    kk "жоқ"
    kk summary "бар"
    ru summary "есть" cite "x"
  }
}
amendment a.b.c {
  replace article 1 { kk "a" -> "b" occurrence 0 }
}
"#;
    let d = doc(source);
    let got: Vec<(String, &str, String)> = d
        .model
        .diagnostics
        .iter()
        .map(|x| (x.message.render(Default::default()), x.code(), d.text[x.range.clone()].to_string()))
        .collect();
    let expected = [
        ("`kind` is given more than once".to_string(), "duplicate-statement", "kind law".to_string()),
        ("`2014-02-30` is not a valid date".into(), "invalid-date", "2014-02-30".into()),
        ("`qq` is not an ISO 639-1 language code".into(), "unknown-language", "qq".into()),
        (
            "text without a fidelity marker (`official` or `summary`)".into(),
            "missing-fidelity",
            "\"жоқ\"".into(),
        ),
        ("a second text in `kk` for the same unit".into(), "duplicate-text", "kk summary \"бар\"".into()),
        (
            "a `summary` text must say what it summarises with `cite`".into(),
            "summary-without-cite",
            "\"бар\"".into(),
        ),
        ("occurrences are counted from 1".into(), "invalid-occurrence", "0".into()),
    ];
    assert_eq!(got, expected);
}

#[test]
fn messages_in_kazakh_and_russian() {
    let d = doc("act a.b { adopted 2014-13-01 }");
    let m = &d.model.diagnostics[0].message;
    assert_eq!(m.render(zan::lang::Lang::Kk), "`2014-13-01` жарамды күн емес");
    assert_eq!(m.render(zan::lang::Lang::Ru), "`2014-13-01` не является допустимой датой");
}

#[test]
fn paragraph_sign_units_dotted_numbers_titles_and_unnumbered_targets() {
    let d = doc(r#"act de.stgb {
  paragraph 202a {}
}
act ru.uk {
  article 274.1 {}
}
amendment a.b.c {
  replace article 205 note {
    title kk "ақпаратқа" -> "деректерге"
    ru "слово" -> "слова"
  }
  insert article 5 indent 2 {
    title en "New " at start
  }
}
"#);
    assert!(d.model.diagnostics.is_empty(), "{:?}", d.model.diagnostics);
    let stgb = &d.model.acts[0].units[0];
    assert_eq!((stgb.kind, stgb.number.as_ref().unwrap().text.as_str()), (UnitKind::Paragraph, "202a"));
    assert_eq!(d.model.acts[1].units[0].number.as_ref().unwrap().text, "274.1");
    let ops = &d.model.amendments[0].operations;
    match &ops[0].kind {
        OperationKind::Replace { target: Some(t), changes } => {
            assert_eq!(path(t), "article 205 note ");
            assert_eq!(t.path[1].number, None);
            assert_eq!((changes[0].title, changes[1].title), (true, false));
        }
        other => panic!("{other:?}"),
    }
    match &ops[1].kind {
        OperationKind::Insert { target, insertions } => {
            assert_eq!(path(target), "article 5 indent 2");
            assert!(insertions[0].title);
        }
        other => panic!("{other:?}"),
    }
}

/// Half-typed input is reported where it is, with what is expected: a
/// missing text after `->`, an unclosed brace, a mistyped keyword.
#[test]
fn half_typed_input_is_reported_where_it_is() {
    let at = |source: &str| {
        let d = doc(source);
        d.model
            .diagnostics
            .iter()
            .map(|x| {
                let p = d.lines.position(&d.text, x.range.start, Encoding::Chars);
                (p.line + 1, p.col + 1, x.message.render(Default::default()))
            })
            .collect::<Vec<_>>()
    };
    let act = "act a.b {\n  article 1 {\n    en official \"a b\"\n  }\n}\n";
    assert_eq!(
        at(&format!(
            "{act}amendment a.b.c {{\n  target a.b\n  replace article 1 {{\n    en \"a\" -> \n  }}\n}}\n"
        )),
        [(9, 14, "syntax error: missing `\"…\"`".to_string())]
    );
    assert_eq!(
        at("act a.b {\n  article 1 {\n    en official \"a b\"\n\n"),
        [(2, 13, "syntax error: this `{` is never closed: a `}` is missing".to_string())]
    );
    // A brace left open closes at the next act or amendment at the start of
    // a line: what follows is read on its own, and only the `{` is an error.
    let unclosed = "act a.c {\n  article 1 {\n    en official \"x [y](article 1)\"\n\n";
    let source = format!("{act}{unclosed}amendment a.c.d {{\n  target a.c\n  repeal article 2\n}}\n{act}");
    assert_eq!(
        at(&source),
        [(7, 13, "syntax error: this `{` is never closed: a `}` is missing".to_string())]
    );
    let model = doc(&source).model;
    let ids: Vec<&str> = model.acts.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["a.b", "a.c", "a.b"]);
    assert_eq!(model.acts[1].units.len(), 1);
    assert_eq!((model.amendments[0].id.as_str(), model.amendments[0].operations.len()), ("a.c.d", 1));
    assert_eq!(
        at(&format!(
            "{act}amendment a.b.c {{\n  target a.b\n  replace article 1 {{\n    en \"a\" -> \"c\" occurence 1\n  }}\n}}\n"
        )),
        [(9, 19, "syntax error: unexpected `occurence`; did you mean `occurrence`?".to_string())]
    );
}
