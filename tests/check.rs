//! Workspace checks: each diagnostic code with its exact message and span.

use zan::analysis::analyze;
use zan::document::Document;

/// Runs the workspace checks over several files and lists
/// `file:code:source text of the span:message`.
fn check(files: &[&str]) -> Vec<String> {
    let docs: Vec<Document> = files.iter().map(|t| Document::parse(t.to_string())).collect();
    let models: Vec<_> = docs.iter().map(|d| d.model.clone()).collect();
    analyze(&models)
        .into_iter()
        .map(|fd| {
            let d = &fd.diagnostic;
            let src = &docs[fd.file].text[d.range.clone()];
            format!("{}:{}:{}:{}", fd.file, d.code(), src, d.message.render(Default::default()))
        })
        .collect()
}

const ACT: &str = r#"act kz.cc version 2024-01-01 {
  languages kk ru
  chapter 7 {
    article 205 {
      part 1 {
        kk official "он алты жасқа толған, он алты"
        ru official "шестнадцатилетнего возраста"
      }
      part 2 {
        kk official "[1-бөлік](part 1) және [207-бап](article 207) және [209](article 209)"
        ru official "[часть 1](part 1)"
      }
    }
    article 206 {
      kk official "мәтін"
    }
    article 209 {
      repealed 2020-01-01
    }
    article 206 {}
  }
}
"#;

#[test]
fn references_resolve_or_say_why() {
    assert_eq!(
        check(&[ACT]),
        [
            "0:unresolved-reference:article 207:`article 207` does not exist in `kz.cc`; did you mean `article 205`, `article 206`, `article 209`?",
            "0:reference-to-repealed:article 209:`article 209` is repealed",
            "0:missing-language:kk official \"мәтін\":no text in `ru`, a language of the act",
            "0:duplicate-unit:206:`article 206` is defined more than once",
            "0:numbering-order:206:`article 206` comes after `article 209`: numbers must go up",
        ]
    );
}

#[test]
fn amendment_targets_and_quoted_words() {
    let amendment = r#"amendment kz.cc.a {
  target kz.cc version 2024-01-01
  replace article 205 part 1 {
    kk "он алты" -> "он төрт"
    kk "он жеті" -> "он сегіз"
    ru "шестнадцатилетнего" -> "четырнадцатилетнего"
    ru "возраста" -> "лет" occurrence 2
  }
  repeal article 205 part 3
  add article 205-1 after article 205 {
    kk official "жаңа"
    ru official "новая"
  }
  renumber article 205-1 to 205-2
}
amendment kz.cc.b {
  target kz.cc version 2020-01-01
}
amendment kz.cc.c {
  target kz.xx
}
"#;
    assert_eq!(
        check(&[ACT, amendment])[5..],
        [
            "1:ambiguous-words:\"он алты\":«он алты» occurs 2 times in the `kk` text: say which with `occurrence`",
            "1:words-not-found:\"он жеті\":«он жеті» is not in the `kk` text of `article 205 part 1`",
            "1:words-not-found:\"возраста\":«возраста» is not in the `ru` text of `article 205 part 1`",
            "1:unresolved-reference:article 205 part 3:`article 205 part 3` does not exist in `kz.cc`; did you mean `article 205 part 1`, `article 205 part 2`?",
            "1:unknown-version:target kz.cc version 2020-01-01:`kz.cc` has no version of 2020-01-01 (versions: 2024-01-01)",
            "1:unknown-act:target kz.xx:no act `kz.xx` in the workspace",
        ]
    );
}

/// What an amendment adds or rewrites has a text in every language of the
/// act: a part written in Russian only would be empty in the Kazakh bill and
/// the Kazakh consolidated text.
#[test]
fn amended_units_have_every_language() {
    let amendment = r#"amendment kz.cc.a {
  target kz.cc version 2024-01-01
  rewrite article 205 part 2 {
    ru official "2."
  }
  add part 3 to article 205 {
    title kk official "тақырып"
    kk official "үш"
    ru official "три"
    point 1 {
      kk official "бір"
    }
  }
  add part 4 to article 205 {}
  rewrite article 206 {
    part 1 {
      kk official "бір"
      ru official "один"
    }
  }
}
"#;
    assert_eq!(
        check(&[ACT, amendment])[5..],
        [
            "1:missing-language:rewrite article 205 part 2 {\n    ru official \"2.\"\n  }:`article 205 part 2` as amended has no text in `kk`, a language of the act",
            "1:missing-language:add part 3 to article 205 {\n    title kk official \"тақырып\"\n    kk official \"үш\"\n    ru official \"три\"\n    point 1 {\n      kk official \"бір\"\n    }\n  }:`article 205 part 3` as amended has no title in `ru`, a language of the act",
            "1:missing-language:add part 3 to article 205 {\n    title kk official \"тақырып\"\n    kk official \"үш\"\n    ru official \"три\"\n    point 1 {\n      kk official \"бір\"\n    }\n  }:`article 205 part 3 point 1` as amended has no text in `ru`, a language of the act",
            "1:missing-language:add part 4 to article 205 {}:`article 205 part 4` as amended has no text in `kk`, a language of the act",
            "1:missing-language:add part 4 to article 205 {}:`article 205 part 4` as amended has no text in `ru`, a language of the act",
        ]
    );
}

/// Clean under its own zan.toml, which makes words quoted from summaries
/// (every text of the corpus's Code is one) notes: nothing else is found.
#[test]
fn the_shipped_corpus_checks_clean() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus");
    let layout = zan::loader::layout(std::slice::from_ref(&root), zan::loader::Search::Upward).unwrap();
    assert_eq!(layout.config_file.as_ref().map(|f| f.path.clone()), Some(root.join("zan.toml")));
    assert!(layout.files.len() >= 10);
    let texts: Vec<String> = layout.files.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    let docs: Vec<Document> = texts.iter().map(|t| Document::parse(t.to_string())).collect();
    let models: Vec<_> = docs.iter().map(|d| d.model.clone()).collect();
    let found = zan::config::apply(&layout.config, analyze(&models));
    let other: Vec<_> = found
        .iter()
        .filter(|fd| {
            (fd.diagnostic.code(), fd.diagnostic.severity)
                != ("words-from-summary", zan::diag::Severity::Info)
        })
        .collect();
    assert_eq!(other, Vec::<&zan::analysis::FileDiagnostic>::new());
    assert!(found.len() >= 10, "{}", found.len());
}

#[test]
fn hygiene_and_unlinked_citations_carry_exact_fixes() {
    let act = "act a.b {\n  languages kk ru\n  article 205 {\n    kk official \"205-бапта көзделген  әрекет \\\"тырнақша\\\" тобынa\"\n    ru official \"см. статью 205 [статья 205](article 205)\"\n  }\n}\n";
    let docs = [Document::parse(act.to_string())];
    let models: Vec<_> = docs.iter().map(|d| d.model.clone()).collect();
    let got: Vec<String> = analyze(&models)
        .iter()
        .map(|fd| {
            let d = &fd.diagnostic;
            let fix = d.fix.as_ref().map(|f| {
                let e = &f.edits[0];
                format!("{} => {}", &act[e.range.clone()], e.replacement)
            });
            format!("{}:{}:{:?}", d.code(), &act[d.range.clone()], fix)
        })
        .collect();
    assert_eq!(
        got,
        [
            "unlinked-citation:205-бапта:Some(\"205-бапта => [205-бапта](article 205)\")",
            "double-space:  :Some(\"   =>  \")",
            "mixed-script:тобынa:Some(\"тобынa => тобына\")",
            "unlinked-citation:статью 205:Some(\"статью 205 => [статью 205](article 205)\")",
        ]
    );
}

const BASE: &str = r#"act kz.cc version 2024-01-01 {
  article 15 {
    part 1 {
      kk official "он алты жасқа толған адам"
    }
    part 2 {
      kk official "[205-бапта](article 205) көзделген"
    }
  }
  article 205 {
    kk official "мәтін"
  }
  article 206 {
    kk official "басқа мәтін"
  }
  article 204 {}
}
act coe.ets185 {
  article 2 {
    compare implements kz.cc article 205
  }
}
"#;

#[test]
fn conflicts_repeals_and_reference_shifts() {
    let a = r#"amendment kz.cc.a {
  target kz.cc version 2024-01-01
  replace article 15 part 1 { kk "он алты" -> "он төрт" }
  repeal article 206
  replace article 206 { kk "мәтін" -> "сөз" }
  repeal article 205
}
"#;
    let b = r#"amendment kz.cc.b {
  target kz.cc version 2024-01-01
  delete article 15 part 1 { kk "алты жасқа" }
  insert article 15 part 1 { kk "кемінде " before "он" }
  renumber article 205 to 205-1 update-references
  replace-all { kk "жоқ сөз" -> "сөз" }
}
"#;
    assert_eq!(
        check(&[BASE, a, b]),
        [
            "0:numbering-order:204:`article 204` comes after `article 206`: numbers must go up",
            "1:conflict:replace article 15 part 1 { kk \"он алты\" -> \"он төрт\" }:this operation on `article 15 part 1` conflicts with an operation of `kz.cc.b`",
            "1:operation-on-repealed:article 206:`article 206` is already repealed",
            "1:conflict:repeal article 205:this operation on `article 205` conflicts with an operation of `kz.cc.b`",
            "1:reference-shift:article 205:`article 205` is repealed but still cited by `coe.ets185 article 2`, `kz.cc article 15 part 2`",
            "2:conflict:delete article 15 part 1 { kk \"алты жасқа\" }:this operation on `article 15 part 1` conflicts with an operation of `kz.cc.a`",
            "2:conflict:insert article 15 part 1 { kk \"кемінде \" before \"он\" }:this operation on `article 15 part 1` conflicts with an operation of `kz.cc.a`",
            "2:conflict:renumber article 205 to 205-1 update-references:this operation on `article 205` conflicts with an operation of `kz.cc.a`",
            "2:reference-shift:article 205:`article 205` is renumbered but still cited by `coe.ets185 article 2`",
            "2:words-not-found:\"жоқ сөз\":«жоқ сөз» is not in the `kk` text of `kz.cc`",
        ]
    );
}

/// Words of a unit's own heading or text are not inside its parts: changing
/// them beside a repeal of a part is no conflict; a repeal of the unit is.
#[test]
fn own_words_and_a_part_repealed_do_not_conflict() {
    let base = r#"act g.a version 2024-01-01 {
  languages kk
  article 1 {
    title kk official "Тақырып"
    part 1 {
      kk official "бір"
    }
    part 2 {
      kk official "екі"
    }
  }
}
"#;
    let a = r#"amendment g.a.x {
  target g.a version 2024-01-01
  repeal article 1 part 2
  replace article 1 { title kk "Тақырып" -> "Жаңа тақырып" }
}
"#;
    assert_eq!(check(&[base, a]), Vec::<String>::new());
    let b = r#"amendment g.a.y {
  target g.a version 2024-01-01
  replace article 1 { title kk "Тақырып" -> "Жаңа тақырып" }
  repeal article 1
}
"#;
    assert_eq!(
        check(&[base, b]),
        [
            "1:conflict:repeal article 1:this operation on `article 1` conflicts with operation 1 of this amendment"
        ]
    );
}

#[test]
fn the_conflicting_fixture_pair_conflicts() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let paths =
        zan::workspace::discover(&[root.join("corpus"), root.join("tests/fixtures/conflicting-pair.zan")]);
    let texts: Vec<String> = paths.iter().map(|p| std::fs::read_to_string(p).unwrap()).collect();
    let texts: Vec<&str> = texts.iter().map(String::as_str).collect();
    // The corpus's own notes on words quoted from summaries aside.
    let got: Vec<String> =
        check(&texts).into_iter().filter(|d| !d.contains(":words-from-summary:")).collect();
    // Reported on both proposals.
    assert_eq!(got.len(), 2, "{got:#?}");
    assert!(
        got[0].ends_with(
            ":this operation on `article 15 part 1` conflicts with an operation of `kz.cc.conflict-b`"
        ),
        "{}",
        got[0]
    );
    assert!(
        got[1].ends_with(
            ":this operation on `article 15 part 1` conflicts with an operation of `kz.cc.conflict-a`"
        ),
        "{}",
        got[1]
    );
}

#[test]
fn new_wording_is_checked_against_the_base_and_what_the_amendment_creates() {
    let a = r#"amendment kz.cc.a {
  target kz.cc version 2024-01-01
  add article 205-1 after article 205 {
    kk official "[205-бап](article 205) және [207-бап](article 207)"
  }
  rewrite article 206 {
    kk official "[205-1-бап](article 205-1) және  екі бос орын"
  }
}
"#;
    assert_eq!(
        check(&[BASE, a])[1..],
        [
            "1:unresolved-reference:article 207:`article 207` does not exist in `kz.cc`; did you mean `article 205`, `article 206`, `article 204`?",
            "1:double-space:  :several whitespace characters in a row; write one space",
        ]
    );
}

#[test]
fn titles_notes_and_indents_as_targets() {
    let act = r#"act kz.cc version 2024-01-01 {
  article 5 {
    indent {
      kk official "бірінші абзац"
    }
    indent {
      kk official "екінші абзац"
    }
  }
  article 210 {
    title kk official "Зиянды бағдарламалар"
    kk official "мәтін"
    note {
      kk official "ескерту мәтіні"
    }
  }
}
"#;
    let a = r#"amendment kz.cc.a {
  target kz.cc version 2024-01-01
  replace article 210 {
    title kk "Зиянды" -> "Зиян келтіретін"
    title kk "мәтін" -> "x"
  }
  replace article 210 note { kk "ескерту" -> "түсіндірме" }
  replace article 5 indent 2 { kk "екінші" -> "соңғы" }
  replace article 5 indent 3 { kk "x" -> "y" }
}
"#;
    assert_eq!(
        check(&[act, a]),
        [
            "1:words-not-found:\"мәтін\":«мәтін» is not in the `kk` title of `article 210`",
            "1:unresolved-reference:article 5 indent 3:`article 5 indent 3` does not exist in `kz.cc`; did you mean `article 5 indent 1`, `article 5 indent 2`?",
        ]
    );
}

#[test]
fn added_and_renumbered_units_need_free_numbers() {
    let a = r#"amendment kz.cc.a {
  target kz.cc version 2024-01-01
  add article 206 after article 205 {}
  add part 2 to article 15 {}
  add article 205-1 after article 205 {}
  add article 205-1 after article 205 {}
  renumber article 204 to 206
}
"#;
    assert_eq!(
        check(&[BASE, a])[1..],
        [
            "1:unit-exists:206:`article 206` already exists",
            "1:unit-exists:2:`article 15 part 2` already exists",
            "1:unit-exists:205-1:`article 205-1` already exists",
            "1:unit-exists:206:`article 206` already exists",
        ]
    );
}

#[test]
fn ranges_run_across_chapters_and_name_a_missing_end() {
    let act = r#"act kz.cc version 2024-01-01 {
  chapter 1 {
    article 1 {
      kk official "[2-4-баптар](article 2..4) және [2-9-баптар](article 2..9)"
    }
    article 2 {}
  }
  chapter 2 {
    article 3 {}
    article 4 {}
  }
}
"#;
    assert_eq!(
        check(&[act]),
        [
            "0:unresolved-reference:article 2..9:`article 9` does not exist in `kz.cc`; did you mean `article 1`, `article 2`, `article 3`?"
        ]
    );
}

/// A justification in every authentic language, at the amendment's level or
/// the operation's, is enough; none at all is a draft, not reported.
#[test]
fn justifications_in_the_authentic_languages() {
    let act = "act kz.test {\n  languages kk ru en\n  article 1 {\n    kk official \"он алты\"\n    ru official \"шестнадцать\"\n    en official \"sixteen\"\n  }\n}\n";
    let amendment = |own: &str, op: &str| {
        format!("amendment kz.test.a {{\n  target kz.test\n{own}  repeal article 1 {{\n{op}  }}\n}}\n")
    };
    let j = |lang: &str| format!("    justification {lang} summary \"x\" cite \"y\"\n");
    assert_eq!(check(&[act, &amendment("", "")]), Vec::<String>::new());
    assert_eq!(
        check(&[act, &amendment(&j("ru")[2..], &format!("{}{}", j("kk"), j("en")))]),
        Vec::<String>::new()
    );
    assert_eq!(
        check(&[act, &amendment("", &format!("{}{}", j("kk"), j("en")))]),
        [
            "1:missing-justification:justification kk summary \"x\" cite \"y\":no justification in `ru`: its comparative table would show an empty cell"
        ]
    );
}

/// A reference whose words cite another number than its target: a
/// warning, fixed by writing the target's number in the words.
#[test]
fn citation_words_must_cite_the_target() {
    let act = r#"act kz.t {
  article 1 {
    kk official "[209-бабында](article 209-1) және [осы баптың екінші бөлігінде](part 1)"
    ru official "[статьей 209-1](article 209) и [статьей 209](article 209)"
    part 1 {}
  }
  article 209 {}
  article 209-1 {}
}
"#;
    assert_eq!(
        check(&[act]),
        [
            "0:citation-words-mismatch:209-бабында:«209-бабында» cites `article 209`, but the reference points at `article 209-1`",
            "0:citation-words-mismatch:осы баптың екінші бөлігінде:«осы баптың екінші бөлігінде» cites `part 2`, but the reference points at `part 1`",
            "0:citation-words-mismatch:статьей 209-1:«статьей 209-1» cites `article 209-1`, but the reference points at `article 209`",
        ]
    );
    let doc = Document::parse(act.to_string());
    let fixes: Vec<Option<(String, String)>> = analyze(std::slice::from_ref(&doc.model))
        .into_iter()
        .map(|fd| {
            fd.diagnostic
                .fix
                .map(|f| (act[f.edits[0].range.clone()].to_string(), f.edits[0].replacement.clone()))
        })
        .collect();
    assert_eq!(
        fixes,
        [
            Some(("209-бабында".into(), "209-1-бабында".into())),
            None,
            Some(("статьей 209-1".into(), "статьей 209".into())),
        ]
    );
}

/// Half-typed input: a mistyped keyword gets «did you mean», and quoted
/// words not found get the closest words of the unit's text with the text
/// around them.
#[test]
fn did_you_mean_for_keywords_and_quoted_words() {
    let amendment = r#"amendment kz.cc.a {
  target kz.cc version 2024-01-01
  replace article 205 part 1 {
    ru "шестнадцатилетнего возрасиа" -> "четырнадцатилетнего возраста"
    kk "он алтв жасқа" -> "он төрт жасқа" occurence 1
  }
}
"#;
    assert_eq!(
        check(&[ACT, amendment])[5..],
        [
            "1:words-not-found:\"шестнадцатилетнего возрасиа\":«шестнадцатилетнего возрасиа» is not in the `ru` text of `article 205 part 1`; did you mean «шестнадцатилетнего возраста»? The text reads «шестнадцатилетнего возраста»",
            "1:words-not-found:\"он алтв жасқа\":«он алтв жасқа» is not in the `kk` text of `article 205 part 1`; did you mean «он алты жасқа»? The text reads «он алты жасқа толған, он алты»",
            "1:syntax-error:occurence 1:syntax error: unexpected `occurence`; did you mean `occurrence`?",
        ]
    );
}

/// Words quoted from a `summary` cannot be verified against the law: a
/// replacement, a deletion, an anchor and `replace-all` warn on the quoted
/// words; words found in official text, and insertions at an edge (which
/// quote nothing), do not.
#[test]
fn words_quoted_from_a_summary() {
    let act = "act kz.test {\n  languages kk ru\n  article 1 {\n    title ru summary \"Возраст\" cite \"c\"\n    kk official \"он алты жас\"\n    ru summary \"шестнадцать лет\" cite \"c\"\n  }\n}\n";
    let amendment = "amendment kz.test.a {\n  target kz.test\n  replace article 1 {\n    kk \"он алты\" -> \"он төрт\"\n    ru \"шестнадцать\" -> \"четырнадцать\"\n    title ru \"Возраст\" -> \"Лица\"\n  }\n}\namendment kz.test.b {\n  target kz.test\n  delete article 1 {\n    ru \" лет\"\n  }\n}\namendment kz.test.c {\n  target kz.test\n  replace-all {\n    ru \"шестнадцать\" -> \"16\"\n    kk \"жас\" -> \"жасы\"\n  }\n}\namendment kz.test.d {\n  target kz.test\n  insert article 1 {\n    ru \" полных\" after \"лет\"\n    ru \"Все \" at start\n  }\n}\n";
    let found: Vec<String> =
        check(&[act, amendment]).into_iter().filter(|d| d.contains(":words-from-summary:")).collect();
    assert_eq!(
        found,
        [
            "1:words-from-summary:\"шестнадцать\":«шестнадцать» is quoted from the `summary` text of `article 1` in `ru`: the words cannot be verified against the law",
            "1:words-from-summary:\"Возраст\":«Возраст» is quoted from the `summary` title of `article 1` in `ru`: the words cannot be verified against the law",
            "1:words-from-summary:\" лет\":« лет» is quoted from the `summary` text of `article 1` in `ru`: the words cannot be verified against the law",
            "1:words-from-summary:\"шестнадцать\":«шестнадцать» is quoted from the `summary` text of `kz.test` in `ru`: the words cannot be verified against the law",
            "1:words-from-summary:\"лет\":«лет» is quoted from the `summary` text of `article 1` in `ru`: the words cannot be verified against the law",
        ]
    );
    let m = |title| zan::diag::Message::WordsFromSummary {
        words: "лет".into(),
        lang: "ru".into(),
        unit: "article 1".into(),
        title,
    };
    assert_eq!(
        m(false).render(zan::lang::Lang::Kk),
        "«лет» `article 1` бірлігінің `ru` тіліндегі `summary` мәтінінен алынған: сөздерді заңмен салыстырып тексеру мүмкін емес"
    );
    assert_eq!(
        m(true).render(zan::lang::Lang::Ru),
        "«лет» взяты из заголовка `summary` единицы `article 1` на языке `ru`: эти слова нельзя сверить с законом"
    );
}

/// An addition a bill would have to cite by a number it does not have:
/// the rule `zan bill` refuses it by. A note or an unnumbered paragraph is
/// named by its place and passes.
#[test]
fn an_addition_without_a_number() {
    let act = "act kz.test {\n  article 1 {}\n}\n";
    let amendment = "amendment kz.test.a {\n  target kz.test\n  add point to article 1 {}\n  add note to article 1 {}\n  add indent to article 1 {}\n  add point 2 to article 1 {}\n}\n";
    assert_eq!(
        check(&[act, amendment]),
        [
            "1:unnumbered-addition:add point to article 1:an added point has no number; a bill cites every new unit by its number"
        ]
    );
    let kk = zan::diag::Message::UnnumberedAddition { kind: "point" };
    assert_eq!(
        kk.render(zan::lang::Lang::Kk),
        "қосылатын `point` бірлігінің нөмірі жоқ; заң жобасы әрбір жаңа бірлікті нөмірімен атайды"
    );
    assert_eq!(
        kk.render(zan::lang::Lang::Ru),
        "у добавляемой единицы `point` нет номера; законопроект называет каждую новую единицу по номеру"
    );
}
