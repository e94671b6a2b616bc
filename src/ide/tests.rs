//! Each editor question asked of `Analysis` on a small workspace written
//! inline, the cursor marked `$0` (rust-analyzer's style), the answer
//! compared with `expect!` (`UPDATE_EXPECT=1 cargo test --lib ide::tests`
//! rewrites the expectations; read the diff).

use expect_test::{Expect, expect};

use super::{Analysis, NavCache, World};
use crate::document::Document;
use crate::lang::Lang;

const ACT: &str = "act kz.cc version 2024-01-01 {
  languages en
  source \"Official Gazette\"
  article 15 {
    title en summary \"Age of liability\" cite \"S\"
    part 1 { en summary \"A person of sixteen is liable.\" cite \"S\" }
    part 2 { en summary \"See [part 1](part 1).\" cite \"S\" }
  }
  article 16 { title en summary \"Repealed rule\" cite \"S\" repealed 2020-01-01 }
}
";

const AMENDMENT: &str = "amendment kz.cc.x {
  target kz.cc version 2024-01-01
  replace article 15 part 1 {
    en \"sixteen\" -> \"fourteen\"
    compare stricter kz.cc article 16
  }
  add part 3 to article 15 {
    en summary \"3. As [part 1](article 15 part 1) says.\" cite \"S\"
  }
}
";

/// The workspace of `files` (name, text), and the file and offset of the
/// one `$0` among them.
fn fixture(files: &[(&str, &str)]) -> (World, usize, usize) {
    let mut world = World::default();
    let mut cursor = None;
    for (i, (_, text)) in files.iter().enumerate() {
        let at = text.find("$0");
        if let Some(at) = at {
            cursor = Some((i, at));
        }
        world.insert(i, Document::parse(text.replacen("$0", "", 1)));
    }
    let (file, offset) = cursor.expect("a $0 marker");
    (world, file, offset)
}

fn ask(files: &[(&str, &str)], question: impl Fn(&Analysis, usize, usize) -> String, expected: Expect) {
    let (world, file, offset) = fixture(files);
    let cache = NavCache::default();
    let analysis = Analysis::new(&world, &cache, "en", Lang::En);
    expected.assert_eq(&question(&analysis, file, offset));
}

fn marked(text: &str, needle: &str, shift: usize) -> String {
    let at = text.find(needle).unwrap() + shift;
    format!("{}$0{}", &text[..at], &text[at..])
}

#[test]
fn hover_on_a_reference_inside_an_added_part() {
    let amendment = marked(AMENDMENT, "[part 1](article 15", 2);
    ask(
        &[("act", ACT), ("amendment", &amendment)],
        |a, f, o| a.hover(f, o).map(|h| format!("{:?}\n{}", h.span, h.markdown)).unwrap_or_default(),
        expect![[r#"
            217..234
            **Article 15(1)** — `kz.cc`

            A person of sixteen is liable.

            source: Official Gazette"#]],
    );
}

#[test]
fn hover_on_an_operation_shows_the_engines_redline() {
    let amendment = marked(AMENDMENT, "article 15 part 1 {", 8);
    ask(
        &[("act", ACT), ("amendment", &amendment)],
        |a, f, o| a.hover(f, o).map(|h| h.markdown).unwrap_or_default(),
        expect![[r#"
            **Article 15(1)** — `kz.cc`

            A person of sixteen is liable.

            ---

            1\. A person of ~~sixteen~~ **fourteen** is liable.

            source: Official Gazette"#]],
    );
}

/// Hover on a unit tells its history in the language of messages; a
/// history with no change the import could read, by its notes.
#[test]
fn hover_shows_history() {
    let act = "act t.h version 2024-01-01 {
  languages ru
  article 1 {
    ru official \"Текст.\"
    history {
      amended \"50-VII\" 2021-07-12
      repealed \"90-VII\" 2022-01-05 in-force 2022-03-01
    }
  }
  article 2 {
    ru official \"Ещё.\"
    history { ru official \"Сноска. Статья 2 с изменениями, внесенными Законом РК от 01.02.2003 N 5-II.\" }
  }
}
";
    let user =
        "amendment t.h.x {\n  target t.h version 2024-01-01\n  repeal article 1\n  repeal article 2\n}\n";
    for (ui, expected) in [
        (
            Lang::Ru,
            expect![[r#"
                **статья 1** — `t.h`

                Текст.

                **История**

                - Изменение: Закон от 12 июля 2021 года № 50-VII
                - Исключение: Закон от 5 января 2022 года № 90-VII, вводится в действие с 1 марта 2022 года"#]],
        ),
        (
            Lang::Kk,
            expect![[r#"
                **статья 1** — `t.h`

                Текст.

                **Тарихы**

                - Өзгеріс: 2021 жылғы 12 шілдедегі № 50-VII Заң
                - Алып тастау: 2022 жылғы 5 қаңтардағы № 90-VII Заң, 2022 жылғы 1 наурыздан бастап қолданысқа енгізіледі"#]],
        ),
    ] {
        let (world, file, offset) = fixture(&[("act", act), ("amendment", &marked(user, "article 1", 8))]);
        let cache = NavCache::default();
        let analysis = Analysis::new(&world, &cache, "ru", ui);
        let md = analysis.hover(file, offset).map(|h| h.markdown).unwrap_or_default();
        let md = md.split("\n\n---").next().unwrap().to_string();
        expected.assert_eq(&md);
    }
    ask(
        &[("act", act), ("amendment", &marked(user, "article 2", 8))],
        |a, f, o| {
            a.hover(f, o).map(|h| h.markdown.split("\n\n---").next().unwrap().to_string()).unwrap_or_default()
        },
        expect![[r#"
            **Article 2** — `t.h`

            Ещё.

            **History**

            - Сноска. Статья 2 с изменениями, внесенными Законом РК от 01.02.2003 N 5-II."#]],
    );
}

#[test]
fn definition_and_references_of_a_part() {
    let act = marked(ACT, "part 1 {", 5);
    ask(
        &[("act", &act), ("amendment", AMENDMENT)],
        |a, f, o| format!("{:?}\n{:?}", a.definition(f, o), a.references(f, o, true)),
        expect![[r#"
            None
            [Location { file: 0, span: 142..205 }, Location { file: 0, span: 244..250 }, Location { file: 1, span: 64..81 }, Location { file: 1, span: 217..234 }]"#]],
    );
}

#[test]
fn references_of_an_article_list_the_operations_on_its_parts() {
    let act = marked(ACT, "article 15 {", 8);
    ask(
        &[("act", &act), ("amendment", AMENDMENT)],
        |a, f, o| format!("{:?}", a.references(f, o, false)),
        expect!["[Location { file: 1, span: 64..81 }, Location { file: 1, span: 173..183 }]"],
    );
}

#[test]
fn completion_of_unit_numbers_inside_a_link() {
    let amendment = AMENDMENT.replace("(article 15 part 1)", "(article $0");
    ask(
        &[("act", ACT), ("amendment", &amendment)],
        |a, f, o| a.completion(f, o).iter().map(|i| format!("{} {:?}\n", i.label, i.detail)).collect(),
        expect![[r#"
            15 Some("Age of liability")
            16 Some("Repealed rule")
        "#]],
    );
}

#[test]
fn rename_reaches_the_new_wording() {
    let act = marked(ACT, "article 15 {", 8);
    ask(
        &[("act", &act), ("amendment", AMENDMENT)],
        |a, f, o| format!("{:?}", a.rename(f, o, "15-1")),
        expect![[
            r#"Ok([(Location { file: 0, span: 84..86 }, "15-1"), (Location { file: 1, span: 72..74 }, "15-1"), (Location { file: 1, span: 181..183 }, "15-1"), (Location { file: 1, span: 225..227 }, "15-1")])"#
        ]],
    );
}

#[test]
fn lenses_hints_and_links() {
    let amendment = format!("$0{AMENDMENT}");
    ask(
        &[("act", ACT), ("amendment", &amendment)],
        |a, f, _| {
            let lenses: Vec<String> =
                a.code_lenses(f).iter().map(|l| format!("{} {} {:?}", l.at, l.title, l.command)).collect();
            let hints = a.inlay_hints(f, 0..AMENDMENT.len());
            let links = a.document_links(f);
            format!("{}\n{hints:?}\n{links:?}", lenses.join("\n"))
        },
        expect![[r#"
            0 Redline Redline
            0 Comparative table Table
            0 1 comparative provision Comparisons([Location { file: 0, span: 271..347 }])
            56 Redline Redline
            56 Comparative table Table
            56 1 comparative provision Comparisons([Location { file: 0, span: 271..347 }])
            159 Redline Redline
            159 Comparative table Table
            [Hint { offset: 152, label: "Repealed rule" }, Hint { offset: 183, label: "Age of liability" }]
            [(64..81, Location { file: 0, span: 142..205 }), (136..152, Location { file: 0, span: 271..347 }), (173..183, Location { file: 0, span: 76..268 }), (217..234, Location { file: 0, span: 142..205 })]"#]],
    );
}
