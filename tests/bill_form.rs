//! The bill's formulae in Kazakh and Russian, each on a small act written
//! for this test: the frame of the law, number agreement of the title and
//! of Article 1, the case of each formula, ordinal words for existing
//! units, items in the order of the act, and what never reaches a bill.
//! Every expectation is an exact string (docs/engine.md lists the forms).

use zan::document::Document;
use zan::engine;
use zan::model::File;

const ACT: &str = r#"act t.code version 2024-01-01 {
  languages kk ru en
  adopted 2014-07-03
  title kk official "Сынақ кодексі"
  title ru official "Тестовый кодекс"
  title en official "Test Code"
  article 5 {
    title kk official "Бірінші тақырып"
    title ru official "Первый заголовок"
    title en official "First heading"
    part 1 {
      kk official "алма мен алмұрт және алма"
      ru official "яблоко и груша и яблоко"
      en official "apple and pear and apple"
    }
    part 2 {
      kk official "екінші мәтін"
      ru official "второй текст"
      en official "second text"
    }
    part 3 {
      kk official "үшінші мәтін"
      ru official "третий текст"
      en official "third text"
    }
    note {
      kk official "ескерту мәтіні"
      ru official "текст примечания"
      en official "text of the note"
    }
  }
  article 6 {
    kk official "алтыншы баптың мәтіні"
    ru official "текст шестой статьи"
    en official "text of article six"
  }
}
"#;

fn files(ops: &str, in_force: bool) -> Vec<File> {
    let date = if in_force { "  in-force 2026-01-01\n" } else { "" };
    let amendment = format!(
        "amendment t.code.x {{\n  target t.code version 2024-01-01\n{date}  title kk summary \"сынақ\" cite \"t\"\n  title ru summary \"испытания\" cite \"t\"\n{ops}}}\n"
    );
    [ACT.to_string(), amendment].into_iter().map(|s| Document::parse(s).model).collect()
}

fn bill(ops: &str, lang: &str) -> String {
    let files = files(ops, true);
    let a = engine::apply_amendment(&files, "t.code.x").unwrap_or_else(|e| panic!("{:?}", e.kind));
    zan::render::bill::bill(&a, lang).text()
}

/// The items of Article 1: the lines after its enacting words, up to Article 2.
fn items(ops: &str, lang: &str) -> String {
    let text = bill(ops, lang);
    let body = &text[text.find(":\n").unwrap() + 2..];
    body[..body.find("\n\n").unwrap()].to_string()
}

const REPLACE_3: &str = "  replace article 5 part 3 {\n    kk \"үшінші мәтін\" -> \"жаңа мәтін\"\n    ru \"третий текст\" -> \"новый текст\"\n  }\n";
const ADD_4: &str = "  add part 4 to article 5 {\n    kk official \"төртінші мәтін\"\n    ru official \"четвертый текст\"\n    en official \"fourth text\"\n  }\n";

#[test]
fn the_frame_of_a_law() {
    assert_eq!(
        bill(REPLACE_3, "ru"),
        "ЗАКОН РЕСПУБЛИКИ КАЗАХСТАН\n\n\
         О внесении изменения в Тестовый кодекс по вопросам испытания\n\n\
         Статья 1. Внести в Тестовый кодекс от 3 июля 2014 года следующее изменение:\n\
         1) в части третьей статьи 5 слова «третий текст» заменить словами «новый текст».\n\n\
         Статья 2. Настоящий Закон вводится в действие с 1 января 2026 года.\n\n\
         Президент\nРеспублики Казахстан\n"
    );
    assert_eq!(
        bill(REPLACE_3, "kk"),
        "ҚАЗАҚСТАН РЕСПУБЛИКАСЫНЫҢ ЗАҢЫ\n\n\
         Сынақ кодексіне сынақ мәселелері бойынша өзгеріс енгізу туралы\n\n\
         1-бап. 2014 жылғы 3 шілдедегі Сынақ кодексіне мынадай өзгеріс енгізілсін:\n\
         1) 5-баптың үшінші бөлігіндегі «үшінші мәтін» деген сөздер «жаңа мәтін» деген сөздермен ауыстырылсын.\n\n\
         2-бап. Осы Заң 2026 жылғы 1 қаңтардан бастап қолданысқа енгізіледі.\n\n\
         Қазақстан Республикасының\nПрезиденті\n"
    );
}

#[test]
fn without_a_date_the_law_applies_ten_days_after_publication() {
    let files = files(REPLACE_3, false);
    let a = engine::apply_amendment(&files, "t.code.x").unwrap();
    let ru = zan::render::bill::bill(&a, "ru");
    assert_eq!(
        ru.in_force,
        "Статья 2. Настоящий Закон вводится в действие по истечении десяти календарных дней после дня его первого официального опубликования."
    );
    let kk = zan::render::bill::bill(&a, "kk");
    assert_eq!(
        kk.in_force,
        "2-бап. Осы Заң алғашқы ресми жарияланған күнінен кейін күнтізбелік он күн өткен соң қолданысқа енгізіледі."
    );
}

/// The title's and Article 1's nouns agree with what the items do.
#[test]
fn number_agreement() {
    let replace_1 =
        "  replace article 5 part 1 {\n    kk \"алмұрт\" -> \"өрік\"\n    ru \"груша\" -> \"абрикос\"\n  }\n";
    let cases = [
        (ADD_4.to_string(), "дополнения", "следующее дополнение", "толықтыру", "мынадай толықтыру"),
        (
            format!("{REPLACE_3}{ADD_4}"),
            "изменения и дополнения",
            "следующие изменение и дополнение",
            "өзгеріс пен толықтыру",
            "мынадай өзгеріс пен толықтыру",
        ),
        (
            format!("{REPLACE_3}{replace_1}{ADD_4}"),
            "изменений и дополнения",
            "следующие изменения и дополнение",
            "өзгерістер мен толықтыру",
            "мынадай өзгерістер мен толықтыру",
        ),
        (
            format!("{REPLACE_3}{replace_1}"),
            "изменений",
            "следующие изменения",
            "өзгерістер",
            "мынадай өзгерістер",
        ),
    ];
    for (ops, ru_title, ru_intro, kk_title, kk_intro) in cases {
        let ru = bill(&ops, "ru");
        assert!(ru.contains(&format!("О внесении {ru_title} в Тестовый кодекс")), "{ru}");
        assert!(ru.contains(&format!("года {ru_intro}:\n")), "{ru}");
        let kk = bill(&ops, "kk");
        assert!(kk.contains(&format!("мәселелері бойынша {kk_title} енгізу туралы")), "{kk}");
        assert!(kk.contains(&format!("кодексіне {kk_intro} енгізілсін:\n")), "{kk}");
    }
}

#[test]
fn word_formulae_kk_attributive_ru_prepositional() {
    let occurrence = "  replace article 5 part 1 {\n    kk \"алма\" -> \"өрік\" occurrence 2\n    ru \"яблоко\" -> \"абрикос\" occurrence 2\n  }\n";
    assert_eq!(
        items(occurrence, "kk"),
        "1) 5-баптың бірінші бөлігіндегі «алма» деген сөз екінші жағдайда «өрік» деген сөзбен ауыстырылсын."
    );
    assert_eq!(
        items(occurrence, "ru"),
        "1) в части первой статьи 5 слово «яблоко» во втором случае заменить словом «абрикос»."
    );
    let heading = "  replace article 5 {\n    title kk \"Бірінші\" -> \"Негізгі\"\n    title ru \"Первый\" -> \"Основной\"\n  }\n";
    assert_eq!(
        items(heading, "kk"),
        "1) 5-баптың тақырыбындағы «Бірінші» деген сөз «Негізгі» деген сөзбен ауыстырылсын."
    );
    assert_eq!(items(heading, "ru"), "1) в заголовке статьи 5 слово «Первый» заменить словом «Основной».");
    let note = "  delete article 5 note {\n    kk \" мәтіні\"\n    ru \"текст \"\n  }\n";
    assert_eq!(items(note, "kk"), "1) 5-баптың ескертуіндегі «мәтіні» деген сөз алып тасталсын.");
    assert_eq!(items(note, "ru"), "1) в примечании к статье 5 слово «текст» исключить.");
}

#[test]
fn insertions_have_the_unit_as_subject() {
    let after = "  insert article 5 part 3 {\n    kk \" толық\" after \"үшінші\"\n    ru \" полный\" after \"третий\"\n  }\n";
    assert_eq!(
        items(after, "kk"),
        "1) 5-баптың үшінші бөлігі «үшінші» деген сөзден кейін «толық» деген сөзбен толықтырылсын."
    );
    assert_eq!(
        items(after, "ru"),
        "1) часть третью статьи 5 после слова «третий» дополнить словом «полный»."
    );
    let before = "  insert article 6 {\n    kk \"жаңа \" before \"мәтіні\"\n    ru \"новый \" before \"шестой\"\n  }\n";
    assert_eq!(
        items(before, "kk"),
        "1) 6-бап «мәтіні» деген сөздің алдынан «жаңа» деген сөзбен толықтырылсын."
    );
    assert_eq!(items(before, "ru"), "1) статью 6 перед словом «шестой» дополнить словом «новый».");
    let end = "  insert article 6 {\n    kk \". Жаңа сөйлем.\" at end\n    ru \". Новое предложение.\" at end\n  }\n";
    assert_eq!(items(end, "ru"), "1) статью 6 дополнить словами «. Новое предложение.».");
    let sentence =
        "  insert article 6 {\n    kk \" Жаңа сөйлем.\" at end\n    ru \" Новое предложение.\" at end\n  }\n";
    assert_eq!(items(sentence, "kk"), "1) 6-бап мынадай мазмұндағы сөйлеммен толықтырылсын: «Жаңа сөйлем.».");
    assert_eq!(
        items(sentence, "ru"),
        "1) статью 6 дополнить предложением следующего содержания: «Новое предложение.»."
    );
    // No formula adds words at the start: the unit gets a new wording.
    let start = "  insert article 6 {\n    kk \"Жаңа: \" at start\n    ru \"Новое: \" at start\n  }\n";
    assert_eq!(
        items(start, "kk"),
        "1) 6-бап мынадай редакцияда жазылсын:\n«6-бап.\nЖаңа: алтыншы баптың мәтіні»."
    );
    assert_eq!(
        items(start, "ru"),
        "1) статью 6 изложить в следующей редакции:\n«Статья 6.\nНовое: текст шестой статьи»."
    );
}

#[test]
fn structural_formulae() {
    assert_eq!(
        items(ADD_4, "kk"),
        "1) 5-бап мынадай мазмұндағы 4-бөлікпен толықтырылсын:\n«4. төртінші мәтін»."
    );
    assert_eq!(
        items(ADD_4, "ru"),
        "1) статью 5 дополнить частью 4 следующего содержания:\n«4. четвертый текст»."
    );
    let repeal = "  repeal article 5 part 2\n";
    assert_eq!(items(repeal, "kk"), "1) 5-баптың екінші бөлігі алып тасталсын.");
    assert_eq!(items(repeal, "ru"), "1) часть вторую статьи 5 исключить.");
    let rewrite = "  rewrite article 5 part 1 {\n    kk official \"жаңа бірінші мәтін\"\n    ru official \"новый первый текст\"\n    en official \"new first text\"\n  }\n";
    assert_eq!(
        items(rewrite, "kk"),
        "1) 5-баптың бірінші бөлігі мынадай редакцияда жазылсын:\n«1. жаңа бірінші мәтін»."
    );
    assert_eq!(
        items(rewrite, "ru"),
        "1) часть первую статьи 5 изложить в следующей редакции:\n«1. новый первый текст»."
    );
}

/// Items follow the act, whatever order the operations are written in, and
/// the changes of one article are gathered under it (bare locative + colon).
#[test]
fn items_in_the_order_of_the_act_gathered_per_article() {
    let ops = format!(
        "  replace article 6 {{\n    kk \"мәтіні\" -> \"сөзі\"\n    ru \"текст\" -> \"слово\"\n  }}\n{REPLACE_3}  repeal article 5 part 2\n"
    );
    assert_eq!(
        items(&ops, "kk"),
        "1) 5-бапта:\n\
         екінші бөлік алып тасталсын;\n\
         үшінші бөліктегі «үшінші мәтін» деген сөздер «жаңа мәтін» деген сөздермен ауыстырылсын;\n\
         2) 6-баптағы «мәтіні» деген сөз «сөзі» деген сөзбен ауыстырылсын."
    );
    assert_eq!(
        items(&ops, "ru"),
        "1) в статье 5:\n\
         часть вторую исключить;\n\
         в части третьей слова «третий текст» заменить словами «новый текст»;\n\
         2) в статье 6 слово «текст» заменить словом «слово»."
    );
}

/// Only the authentic languages reach a Kazakh or Russian bill; a change
/// made in the other authentic language only is named as such.
#[test]
fn only_authentic_changes() {
    let ops = format!("  replace article 6 {{\n    en \"text\" -> \"words\"\n  }}\n{REPLACE_3}");
    assert_eq!(
        items(&ops, "ru"),
        "1) в части третьей статьи 5 слова «третий текст» заменить словами «новый текст»."
    );
    assert!(items(&ops, "en").contains("for “text” substitute “words”"));
    let ru_only = "  replace article 6 {\n    ru \"текст\" -> \"слово\"\n  }\n";
    assert_eq!(
        items(ru_only, "kk"),
        "1) 6-бапта орыс тіліндегі мәтін өзгереді, қазақ тіліндегі мәтін өзгермейді."
    );
    let kk_only = "  replace article 6 {\n    kk \"мәтіні\" -> \"сөзі\"\n  }\n";
    assert_eq!(
        items(kk_only, "ru"),
        "1) в статье 6 текст на казахском языке изменяется, текст на русском языке не изменяется."
    );
}

#[test]
fn an_addition_without_a_number_is_refused() {
    let ops = "  add part to article 5 {\n    kk official \"нөмірсіз\"\n    ru official \"без номера\"\n    en official \"without a number\"\n  }\n";
    let files = files(ops, true);
    let a = engine::apply_amendment(&files, "t.code.x").unwrap();
    assert_eq!(
        zan::render::bill::bill(&a, "ru").errors,
        ["article 5 part: an added part has no number; a bill cites every new unit by its number"]
    );
    let files = self::files(ADD_4, true);
    let a = engine::apply_amendment(&files, "t.code.x").unwrap();
    assert!(zan::render::bill::bill(&a, "ru").errors.is_empty());
}

/// An act written over several files is still cited in the order of its
/// structure: article 2 of a second file comes before article 6.
#[test]
fn items_follow_the_structure_not_the_files() {
    let part = "act t.code version 2024-01-01 {\n  article 2 {\n    kk official \"екінші бап\"\n    ru official \"вторая статья\"\n  }\n}\n";
    let amendment = "amendment t.code.x {\n  target t.code version 2024-01-01\n  repeal article 6\n  repeal article 2\n}\n";
    let files: Vec<File> =
        [ACT, part, amendment].into_iter().map(|s| Document::parse(s.to_string()).model).collect();
    let a = engine::apply_amendment(&files, "t.code.x").unwrap();
    let text = zan::render::bill::bill(&a, "ru").text();
    assert!(text.contains("\n1) статью 2 исключить;\n2) статью 6 исключить.\n"), "{text}");
}

/// Several changes of one unit in a row are gathered under its header, the
/// bare locative with a colon in Kazakh («үшінші бөлікте:»).
#[test]
fn several_changes_of_one_unit_under_its_header() {
    let ops = format!(
        "{REPLACE_3}  insert article 5 part 3 {{\n    kk \" толық\" after \"жаңа\"\n    ru \" полный\" after \"новый\"\n  }}\n  repeal article 5 part 2\n"
    );
    assert_eq!(
        items(&ops, "kk"),
        "1) 5-бапта:\n\
         екінші бөлік алып тасталсын;\n\
         үшінші бөлікте:\n\
         «үшінші мәтін» деген сөздер «жаңа мәтін» деген сөздермен ауыстырылсын;\n\
         «жаңа» деген сөзден кейін «толық» деген сөзбен толықтырылсын."
    );
    assert_eq!(
        items(&ops, "ru"),
        "1) в статье 5:\n\
         часть вторую исключить;\n\
         в части третьей:\n\
         слова «третий текст» заменить словами «новый текст»;\n\
         после слова «новый» дополнить словом «полный»."
    );
}

/// The older form names the act's publications after it: the gazette's
/// entry of `source` in the bill's language and the entries continuing it.
#[test]
fn publications_from_the_source() {
    use zan::lang::Lang;
    use zan::render::bill::publications;
    let source = "Қазақстан Республикасы Парламентінің Жаршысы, 2014 ж., № 13-I, 13-II, 83-құжат; № 21, 122-құжат; \
                  Ведомости Парламента Республики Казахстан, 2014 г., № 13-I, 13-II, ст. 83; № 21, ст. 122; 2015 г., № 16, ст. 79; \
                  Adilet K1400000226";
    assert_eq!(
        publications(source, Lang::Ru).as_deref(),
        Some(
            "(Ведомости Парламента Республики Казахстан, 2014 г., № 13-I, 13-II, ст. 83; № 21, ст. 122; 2015 г., № 16, ст. 79)"
        )
    );
    assert_eq!(
        publications(source, Lang::Kk).as_deref(),
        Some(
            "(Қазақстан Республикасы Парламентінің Жаршысы, 2014 ж., № 13-I, 13-II, 83-құжат; № 21, 122-құжат)"
        )
    );
    assert_eq!(publications("Adilet K1400000226", Lang::Ru), None);
    let files = files(REPLACE_3, true);
    let a = engine::apply_amendment(&files, "t.code.x").unwrap();
    // The act of this test names no publication: Article 1 is unchanged.
    assert_eq!(zan::render::bill::bill_with(&a, "ru", true).intro, zan::render::bill::bill(&a, "ru").intro);
}
