//! Unlinked citations: exact ranges, languages and targets for every form.
//! Examples marked `S1:Ln` are verbatim from the seed dissertation.

// A `lint` module so that `cargo test lint` selects these tests.
mod lint {
    use std::ops::Range;
    use zan::lint::citations::{self, Lang};

    fn at(text: &str, needle: &str) -> Range<usize> {
        let start = text.find(needle).unwrap_or_else(|| panic!("{needle:?} not in {text:?}"));
        start..start + needle.len()
    }

    /// Citations as (cited words, language code, target).
    fn cited(text: &str) -> Vec<(&str, &'static str, String)> {
        citations::find(text).into_iter().map(|c| (&text[c.range.clone()], c.lang.code(), c.target)).collect()
    }

    /// Asserts that `text` holds exactly one citation, covering `words`.
    fn single(text: &str, words: &str, lang: Lang, target: &str) {
        let found = citations::find(text);
        assert_eq!(found.len(), 1, "{text:?}: {found:?}");
        assert_eq!(found[0].range, at(text, words), "{text:?}");
        assert_eq!(found[0].lang, lang, "{text:?}");
        assert_eq!(found[0].target, target, "{text:?}");
    }

    // ------------------------------------------------------------------ Kazakh

    #[test]
    fn kazakh_article_forms() {
        single("ҚК 205-бап бойынша", "205-бап", Lang::Kk, "article 205");
        single("205 бап - Ақпаратқа", "205 бап", Lang::Kk, "article 205");
        single("осы Кодекстің 205-бабында", "205-бабында", Lang::Kk, "article 205");
        single("Конвенцияның 32-бабынан", "32-бабынан", Lang::Kk, "article 32");
        single("(217 бап), қылмыстық", "217 бап", Lang::Kk, "article 217");
        // S1:L1338: a spaced dash between number and noun.
        single("ҚХР ҚК (17 – бап) - 14-тен", "17 – бап", Lang::Kk, "article 17");
    }

    #[test]
    fn kazakh_inserted_article_is_not_a_range() {
        single("213-1-бап", "213-1-бап", Lang::Kk, "article 213-1");
        single("213-1-бабының", "213-1-бабының", Lang::Kk, "article 213-1");
    }

    #[test]
    fn kazakh_part_and_point() {
        single("205-баптың 2-бөлігі бойынша", "205-баптың 2-бөлігі", Lang::Kk, "article 205 part 2");
        single(
            "205-баптың 2-бөлігінің 3) тармақшасы",
            "205-баптың 2-бөлігінің 3) тармақшасы",
            Lang::Kk,
            "article 205 part 2 point 3",
        );
        // S1:L1651 with the page break removed.
        single(
            "(Македония ҚК 193 бабының 1 бөлігі) – бес жылға",
            "193 бабының 1 бөлігі",
            Lang::Kk,
            "article 193 part 1",
        );
        single(
            "3-баптың 1-тармағының 2) тармақшасы",
            "3-баптың 1-тармағының 2) тармақшасы",
            Lang::Kk,
            "article 3 point 1 subpoint 2",
        );
        single("205-баптың екінші бөлігінде", "205-баптың екінші бөлігінде", Lang::Kk, "article 205 part 2");
    }

    #[test]
    fn kazakh_relative_part_s1_l1194() {
        single(
            "осы баптың екінші бөлігіне сәйкес жазаланады.",
            "осы баптың екінші бөлігіне",
            Lang::Kk,
            "part 2",
        );
        single("Осы баптың он бірінші бөлігінде", "Осы баптың он бірінші бөлігінде", Lang::Kk, "part 11");
    }

    #[test]
    fn kazakh_range_s1_l962() {
        single("қылмыстық кодекстегі 205-213 баптар, олар", "205-213 баптар", Lang::Kk, "article 205..213");
        // S1:L1211: spaced en dash.
        single("(ҚХР ҚК 54 – 57 баптар).", "54 – 57 баптар", Lang::Kk, "article 54..57");
    }

    #[test]
    fn kazakh_list_gives_one_citation_per_number_s1_l563() {
        let t = "ҚР қылмыстық кодексіндегі (205, 206, 207, 208 баптар) бірнеше";
        assert_eq!(
            cited(t),
            [
                ("205", "kk", "article 205".to_owned()),
                ("206", "kk", "article 206".to_owned()),
                ("207", "kk", "article 207".to_owned()),
                ("208 баптар", "kk", "article 208".to_owned()),
            ]
        );
        let t = "205 және 206-баптары";
        assert_eq!(
            cited(t),
            [("205", "kk", "article 205".to_owned()), ("206-баптары", "kk", "article 206".to_owned()),]
        );
    }

    #[test]
    fn french_hyphenated_numbers_stay_articles_s1_l1310() {
        let t = "§317, §263а ГФР ҚК; 226-18, 226-19 – баптары Франция ҚК).";
        assert_eq!(
            cited(t),
            [
                ("226-18", "kk", "article 226-18".to_owned()),
                ("226-19 – баптары", "kk", "article 226-19".to_owned()),
            ]
        );
    }

    #[test]
    fn kazakh_chapters_s1_l460_l3393_l1439() {
        single("7-тарау", "7-тарау", Lang::Kk, "chapter 7");
        single("Қылмыстық кодексіндегі 7 тарауында қылмыстық", "7 тарауында", Lang::Kk, "chapter 7");
        single("Қылмыстық кодексінің 7-тарауында көзделген", "7-тарауында", Lang::Kk, "chapter 7");
        // Cyrillic Roman numeral: the target is written in Latin letters.
        single("Молодовада – ХІ тарау «Электрлік", "ХІ тарау", Lang::Kk, "chapter XI");
    }

    #[test]
    fn kazakh_counts_and_decimal_headings_are_not_citations() {
        // S1:L1244 and S1:L1238: "comprises 9 articles", "four articles".
        assert_eq!(cited("9 бапты қамтиды; 9 баптан тұрады"), []);
        assert_eq!(cited("2.1 тарау; №13-I бап"), []);
        assert_eq!(cited("ІХ бөлігінде; 2-бөлігі"), []);
    }

    // ----------------------------------------------------------------- Russian

    #[test]
    fn russian_article_forms() {
        single("статья 205 УК", "статья 205", Lang::Ru, "article 205");
        single("Статья 205. Неправомерный", "Статья 205", Lang::Ru, "article 205");
        single("диспозиция статьи 205", "статьи 205", Lang::Ru, "article 205");
        single("предусмотренное статьей 205", "статьей 205", Lang::Ru, "article 205");
        single("предусмотренное статьёй 205", "статьёй 205", Lang::Ru, "article 205");
        single("статья 213-1", "статья 213-1", Lang::Ru, "article 213-1");
    }

    #[test]
    fn russian_ranges_and_lists() {
        single("статьи 205-213", "статьи 205-213", Lang::Ru, "article 205..213");
        single("предусмотренные статьями 205–213", "статьями 205–213", Lang::Ru, "article 205..213");
        let t = "статьями 205, 206 и 207";
        assert_eq!(
            cited(t),
            [
                ("статьями 205", "ru", "article 205".to_owned()),
                ("206", "ru", "article 206".to_owned()),
                ("207", "ru", "article 207".to_owned()),
            ]
        );
    }

    #[test]
    fn russian_parts_and_points() {
        single("частью второй статьи 205", "частью второй статьи 205", Lang::Ru, "article 205 part 2");
        single("части третьей статьи 5", "части третьей статьи 5", Lang::Ru, "article 5 part 3");
        single("в части двенадцатой статьи 5", "части двенадцатой статьи 5", Lang::Ru, "article 5 part 12");
        single("часть 2 статьи 205", "часть 2 статьи 205", Lang::Ru, "article 205 part 2");
        single(
            "пункт 3) части 2 статьи 205",
            "пункт 3) части 2 статьи 205",
            Lang::Ru,
            "article 205 part 2 point 3",
        );
        single(
            "подпункт 2) пункта 1 статьи 3",
            "подпункт 2) пункта 1 статьи 3",
            Lang::Ru,
            "article 3 point 1 subpoint 2",
        );
        single(
            "Деяния, предусмотренные частью первой настоящей статьи, –",
            "частью первой настоящей статьи",
            Lang::Ru,
            "part 1",
        );
    }

    #[test]
    fn russian_ordinal_stems_need_a_short_ending() {
        // пятнадцатой is 15th, not пят- + ending.
        single("части пятнадцатой статьи 5", "статьи 5", Lang::Ru, "article 5");
    }

    #[test]
    fn russian_chapters() {
        single("главой 7", "главой 7", Lang::Ru, "chapter 7");
        single("главы XII", "главы XII", Lang::Ru, "chapter XII");
    }

    // ----------------------------------------------------------------- English

    #[test]
    fn english_forms() {
        single("under Article 205 of", "Article 205", Lang::En, "article 205");
        single("Article 205(2)", "Article 205(2)", Lang::En, "article 205 part 2");
        single("Article 205(2)(1)", "Article 205(2)(1)", Lang::En, "article 205 part 2 point 1");
        single("Articles 205 to 213", "Articles 205 to 213", Lang::En, "article 205..213");
        single("Articles 205–213", "Articles 205–213", Lang::En, "article 205..213");
        single("Chapter 7", "Chapter 7", Lang::En, "chapter 7");
        single("Chapter XII", "Chapter XII", Lang::En, "chapter XII");
        single("Art. 5", "Art. 5", Lang::En, "article 5");
        single("article 213-1", "article 213-1", Lang::En, "article 213-1");
        single("§ 202a StGB and Article 202a", "Article 202a", Lang::En, "article 202a");
        single("part 2 of Article 205", "part 2 of Article 205", Lang::En, "article 205 part 2");
        single(
            "point 1 of part 2 of Article 205",
            "point 1 of part 2 of Article 205",
            Lang::En,
            "article 205 part 2 point 1",
        );
        single("part 1 of this Article", "part 1 of this Article", Lang::En, "part 1");
        let t = "Articles 205, 206 and 207";
        assert_eq!(
            cited(t),
            [
                ("Articles 205", "en", "article 205".to_owned()),
                ("206", "en", "article 206".to_owned()),
                ("207", "en", "article 207".to_owned()),
            ]
        );
    }

    #[test]
    fn english_non_citations() {
        assert_eq!(cited("Article 5th; part 2 of the report; Chapter one; Articles of Association"), []);
    }

    // -------------------------------------------------------------- suggestion

    #[test]
    fn suggestion_wraps_the_original_words() {
        let t = "осы Кодекстің 205-баптың 2-бөлігінде көзделген";
        let c = &citations::find(t)[0];
        assert_eq!(citations::suggestion(t, c), "[205-баптың 2-бөлігінде](article 205 part 2)");
        let t = "see Article 205(2)(1).";
        let c = &citations::find(t)[0];
        assert_eq!(citations::suggestion(t, c), "[Article 205(2)(1)](article 205 part 2 point 1)");
    }

    // --------------------------------------------------------------- negatives

    #[test]
    fn no_citations_in_plain_text() {
        assert_eq!(
            cited("Қазақстан Республикасының 2014 жылғы 3 шілдедегі Қылмыстық кодексі; 16 жасқа толған; ӛз"),
            []
        );
        assert_eq!(cited("The report of 2016 counts 47 ratifications."), []);
        assert_eq!(cited("《刑法》第205条规定，计算机信息系统。🙂 205条"), []);
    }

    #[test]
    fn ranges_fall_on_char_boundaries() {
        let t = "🙂中文 205-бап 🙂 статьи 7 中 Article 5(1)🙂";
        let found = citations::find(t);
        assert_eq!(
            cited(t),
            [
                ("205-бап", "kk", "article 205".to_owned()),
                ("статьи 7", "ru", "article 7".to_owned()),
                ("Article 5(1)", "en", "article 5 part 1".to_owned()),
            ]
        );
        for c in found {
            assert!(t.is_char_boundary(c.range.start) && t.is_char_boundary(c.range.end));
        }
    }
}
