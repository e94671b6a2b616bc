//! Text hygiene lints: exact codes, byte ranges and fixes. Examples marked
//! `S0:Ln` / `S1:Ln` are verbatim lines of the seed texts.

// A `lint` module so that `cargo test lint` selects these tests.
mod lint {
    use std::ops::Range;
    use zan::lint::hygiene::{self, Finding};

    /// The byte range of the `nth` (0-based) occurrence of `needle` in `text`.
    fn at(text: &str, needle: &str, nth: usize) -> Range<usize> {
        let start = text
            .match_indices(needle)
            .nth(nth)
            .unwrap_or_else(|| panic!("{needle:?} #{nth} not in {text:?}"))
            .0;
        start..start + needle.len()
    }

    fn fix(s: &str) -> Option<String> {
        Some(s.to_owned())
    }

    /// Findings as (code, range, fix), dropping messages.
    fn found(text: &str) -> Vec<(&'static str, Range<usize>, Option<String>)> {
        hygiene::check(text).into_iter().map(|f| (f.code, f.range, f.fix)).collect()
    }

    fn only(text: &str, code: &str) -> Vec<(&'static str, Range<usize>, Option<String>)> {
        found(text).into_iter().filter(|f| f.0 == code).collect()
    }

    // ------------------------------------------------------------- mixed-script

    #[test]
    fn latin_a_in_kazakh_words_s1_l999() {
        let t = "Киберқылмысты ескертудің бұл тобынa бәрінен бұрын компьютерлік";
        assert_eq!(found(t), [("mixed-script", at(t, "тобынa", 0), fix("тобына"))]);
    }

    #[test]
    fn latin_a_paragraph_s1_l1000_fixes_every_word() {
        let t = "сaлaдaғы зaңғa қaрсы әрекеттерге қылмыстық жaуaпкершілік орнықтырaтын";
        let words = ["сaлaдaғы", "зaңғa", "қaрсы", "жaуaпкершілік", "орнықтырaтын"];
        let expected: Vec<_> =
            words.iter().map(|w| ("mixed-script", at(t, w, 0), Some(w.replace('a', "а")))).collect();
        assert_eq!(found(t), expected);
        assert_eq!(
            hygiene::fix_all(t),
            "саладағы заңға қарсы әрекеттерге қылмыстық жауапкершілік орнықтыратын"
        );
    }

    #[test]
    fn capital_latin_a_s1_l1003() {
        let t = "штaттaры Флоридa мен Aризондa 1978";
        assert_eq!(
            found(t),
            [
                ("mixed-script", at(t, "штaттaры", 0), fix("штаттары")),
                ("mixed-script", at(t, "Флоридa", 0), fix("Флорида")),
                ("mixed-script", at(t, "Aризондa", 0), fix("Аризонда")),
            ]
        );
    }

    #[test]
    fn latin_i_for_kazakh_i_s1_l929() {
        let t = "(218 бап), кредиттi заңсыз алу";
        assert_eq!(found(t), [("mixed-script", at(t, "кредиттi", 0), fix("кредитті"))]);
    }

    #[test]
    fn latin_h_for_kazakh_shha() {
        let t = "жаhандық бәсекеге";
        assert_eq!(found(t), [("mixed-script", at(t, "жаhандық", 0), fix("жаһандық"))]);
    }

    #[test]
    fn latin_capital_c_s1_l1076() {
        let t = "Cөйтіп АҚШ заңнамасына";
        assert_eq!(found(t), [("mixed-script", 0..11, fix("Сөйтіп"))]);
    }

    #[test]
    fn cyrillic_letters_in_latin_names_s1_l1949_l1955_s0_l10() {
        let t = "«Наlyk Bank» акционерлік қоғамынан, «АLTENGE» серіктестігімен, ОЕСD (Халықаралық";
        assert_eq!(
            found(t),
            [
                ("mixed-script", at(t, "Наlyk", 0), fix("Halyk")),
                ("mixed-script", at(t, "АLTENGE", 0), fix("ALTENGE")),
                // `D` has no Cyrillic twin, so the word can only be Latin.
                ("mixed-script", at(t, "ОЕСD", 0), fix("OECD")),
            ]
        );
    }

    #[test]
    fn cyrillic_suffix_of_section_numbers_s1_l1125_l1131_l1134() {
        let t = "(§ 202а); (§303а) [42]. § 263а «Компьютерлік алаяқтық»";
        assert_eq!(
            found(t),
            [
                ("mixed-script", at(t, "202а", 0), fix("202a")),
                ("mixed-script", at(t, "303а", 0), fix("303a")),
                ("mixed-script", at(t, "263а", 0), fix("263a")),
            ]
        );
    }

    #[test]
    fn cyrillic_suffix_after_a_latin_word() {
        let t = "see Article 202а";
        assert_eq!(found(t), [("mixed-script", at(t, "202а", 0), fix("202a"))]);
    }

    #[test]
    fn cyrillic_suffix_in_kazakh_context_is_left_alone() {
        assert_eq!(found("осы баптың 1а тармағы"), []);
    }

    #[test]
    fn roman_numerals_mixed_inside_one_numeral() {
        let t = "ХІІ тарау, XII тарау, XІI, ХIІ, ХI";
        assert_eq!(
            found(t),
            [
                ("mixed-script", at(t, "XІI", 0), fix("XII")),
                ("mixed-script", at(t, "ХIІ", 0), fix("ХІІ")),
                // A tie: Roman numerals default to Latin.
                ("mixed-script", at(t, "ХI", 1), fix("XI")),
            ]
        );
    }

    #[test]
    fn all_cyrillic_abbreviations_are_not_mixed_s1_l625() {
        // `ІР` and `ІТ` are Cyrillic look-alikes of IP and IT, but consistent
        // within the word: nothing mechanical tells them from an abbreviation.
        assert_eq!(found("ІР-камерадан бастап, ІТ-технологиялар, ХХІ ғасыр"), []);
    }

    #[test]
    fn tie_without_roman_numeral_has_no_fix() {
        let t = "Cа сөзі";
        // Latin C + Cyrillic а: either script fits equally.
        assert_eq!(found(t), [("mixed-script", at(t, "Cа", 0), None)]);
    }

    #[test]
    fn unconvertible_mix_is_legitimate() {
        // ж has no Latin twin, d no Cyrillic one.
        assert_eq!(found("Жd және ǅ"), []);
    }

    // ------------------------------------------------------- mis-encoded-letter

    #[test]
    fn schwa_with_diaeresis_for_o_barred_s0_l1() {
        let t = " Киберқылмыс - интернетті және цифрлық технологияларды ӛз мүдделеріне қол ";
        assert_eq!(
            found(t),
            [
                ("double-space", 0..1, fix("")),
                ("mixed-dash", at(t, "-", 0), fix("–")),
                ("mis-encoded-letter", at(t, "ӛ", 0), fix("ө")),
                ("double-space", t.len() - 1..t.len(), fix("")),
            ]
        );
        assert_eq!(
            hygiene::fix_all(t),
            "Киберқылмыс – интернетті және цифрлық технологияларды өз мүдделеріне қол"
        );
    }

    #[test]
    fn every_schwa_artifact_in_a_line_s0_l8() {
        let t = "«Компьютерлік қылмыс» ұғымы ең алғаш ӛткен ғасырдың 60-ыншы жылдары Кӛптеген";
        assert_eq!(
            only(t, "mis-encoded-letter"),
            [
                ("mis-encoded-letter", at(t, "ӛ", 0), fix("ө")),
                ("mis-encoded-letter", at(t, "ӛ", 1), fix("ө")),
            ]
        );
        let t = "Ӛзге";
        assert_eq!(found(t), [("mis-encoded-letter", 0..2, fix("Ө"))]);
    }

    #[test]
    fn rounded_vowel_artifacts_follow_vowel_harmony() {
        let t = "тҥрлі қҧқық кҥш Ҥкімет Ҧлт бҧл";
        assert_eq!(
            found(t),
            [
                ("mis-encoded-letter", at(t, "ҥ", 0), fix("ү")),
                ("mis-encoded-letter", at(t, "ҧ", 0), fix("ұ")),
                // No vowel: the velar к marks a front word.
                ("mis-encoded-letter", at(t, "ҥ", 1), fix("ү")),
                ("mis-encoded-letter", at(t, "Ҥ", 0), fix("Ү")),
                // No vowel, no velar: undecidable.
                ("mis-encoded-letter", at(t, "Ҧ", 0), None),
                ("mis-encoded-letter", at(t, "ҧ", 1), None),
            ]
        );
    }

    // --------------------------------------------------------------- mixed-dash

    #[test]
    fn en_dash_inside_compounds() {
        let t = "интернет–ресурс, 205–213, ақпараттық‐телекоммуникациялық";
        assert_eq!(
            found(t),
            [("mixed-dash", at(t, "–", 0), fix("-")), ("mixed-dash", at(t, "\u{2010}", 0), fix("-"))]
        );
    }

    #[test]
    fn a_range_of_numbers_may_take_an_en_dash_or_a_hyphen() {
        // Russian and English typography write ranges with an en dash.
        assert_eq!(found("статьями 205–213 и 205-213; Articles 205–213"), []);
    }

    #[test]
    fn unspaced_em_dash_is_english_punctuation() {
        assert_eq!(found("The law—as amended—applies."), []);
    }

    #[test]
    fn spaced_dashes_follow_the_majority() {
        // S1:L621 and S1:L1338 style: spaced hyphen, en and em dashes in one text.
        let t = "APT-шабуылдар (АРТ — Advanced Persistent Threats) – ірі; (17 – бап) - 14-тен";
        assert_eq!(
            found(t),
            [
                ("mixed-dash", at(t, "—", 0), fix("–")),
                ("mixed-dash", at(t, " - ", 0).start + 1..at(t, " - ", 0).end - 1, fix("–")),
            ]
        );
        let t = "а — б — в – г";
        assert_eq!(found(t), [("mixed-dash", at(t, "–", 0), fix("—"))]);
    }

    #[test]
    fn dash_glued_on_one_side_s1_l365() {
        let t = "1.1 Ақпараттық– телекоммуникациялық желілерді";
        assert_eq!(found(t), [("mixed-dash", at(t, "–", 0), None)]);
        let t = "ақпараттық- телекоммуникациялық";
        assert_eq!(found(t), [("mixed-dash", at(t, "-", 0), None)]);
    }

    #[test]
    fn suspended_hyphens_and_bullets_are_fine() {
        assert_eq!(found("pre- and post-war, двух- и трёхэтажный, -5 градусов"), []);
        assert_eq!(found("- техникалық жазбаларды өзгертетін"), []);
    }

    // ------------------------------------------------------------- double-space

    #[test]
    fn double_spaces_s1_l1004() {
        let t = "aтaлды. Сонaн кейін Aмерикaның бaрлық  штaттaрындa осындaй зaң  ";
        assert_eq!(
            only(t, "double-space"),
            [("double-space", at(t, "  ", 0), fix(" ")), ("double-space", at(t, "  ", 1), fix("")),]
        );
        assert_eq!(hygiene::fix_all(t), "аталды. Сонан кейін Американың барлық штаттарында осындай заң");
    }

    #[test]
    fn leading_and_trailing_whitespace() {
        assert_eq!(found("\t бап "), [("double-space", 0..2, fix("")), ("double-space", 8..9, fix(""))]);
        assert_eq!(found("   "), [("double-space", 0..3, fix(""))]);
        assert_eq!(found("a\u{a0}b"), []);
    }

    // ------------------------------------------------------------- doubled-word

    #[test]
    fn doubled_words_from_the_seed_s1_l1858_l3163_l1238() {
        let t = "айналады айналады. шексіз шексіз мүмкіндіктері; төрт бапты\nбапты қамтиды";
        assert_eq!(
            found(t),
            [
                ("doubled-word", at(t, " айналады", 0), fix("")),
                ("doubled-word", at(t, " шексіз", 1), fix("")),
                ("doubled-word", at(t, "\nбапты", 0), fix("")),
            ]
        );
        assert_eq!(hygiene::fix_all(t), "айналады. шексіз мүмкіндіктері; төрт бапты қамтиды");
    }

    #[test]
    fn doubled_words_ignore_case_not_punctuation() {
        let t = "The the law; және және; және, және";
        assert_eq!(
            found(t),
            [("doubled-word", at(t, " the", 0), fix("")), ("doubled-word", at(t, " және", 1), fix("")),]
        );
        assert_eq!(found("тез-тез, had had, that that, 5 5, сондай-ақ ақ"), []);
    }

    // ------------------------------------------------- missing-space, before-punct

    #[test]
    fn missing_spaces_from_the_seed_s1_l928_l1051_l2203() {
        let t = "ақшаны және (немесе)өзге мүлікті; қауіпсіздік,халықаралық; бар.Мобильді";
        assert_eq!(
            found(t),
            [
                ("missing-space", at(t, ")", 0), fix(") ")),
                ("missing-space", at(t, ",", 0), fix(", ")),
                ("missing-space", at(t, ".", 0), fix(". ")),
            ]
        );
    }

    #[test]
    fn no_missing_space_in_numbers_initials_domains() {
        assert_eq!(found("1,5 млн; 2.1 бөлім; Д.В.Добровольский; zakon.kz; e.g.The; (s)he; (re)enter"), []);
    }

    #[test]
    fn space_before_punctuation_s1_l1128() {
        let t = "- техникалық жазбаларды өзгертетін және жоятын (§ 274) ;";
        assert_eq!(
            found(t),
            [("space-before-punctuation", at(t, " ;", 0).start..at(t, " ;", 0).start + 1, fix(""))]
        );
        let t = "сөз  , сөз";
        assert_eq!(
            found(t),
            [
                ("double-space", at(t, "  ", 0), fix(" ")),
                ("space-before-punctuation", at(t, "  ", 0), fix("")),
            ]
        );
        assert_eq!(hygiene::fix_all(t), "сөз, сөз");
        assert_eq!(found("see .NET and ... more"), []);
    }

    // ---------------------------------------------------------------- negatives

    #[test]
    fn correct_kazakh_text_has_no_findings() {
        let t = "Қазақстан Республикасының 2014 жылғы 3 шілдедегі Қылмыстық кодексінің \
                 205-бабы – ақпараттық-телекоммуникациялық желілер; өңір, ұйым, үкімет, \
                 жаһандық, жиһаз, әрекет, ғасыр, қауіп-қатер «Интернет» (ҚК-нің) 16-ы жастан.";
        assert_eq!(found(t), []);
    }

    #[test]
    fn correct_russian_and_english_text_has_no_findings() {
        assert_eq!(found("Деяния, предусмотренные частью первой статьи 205, — наказываются."), []);
        assert_eq!(
            found("See Article 205(2) of the Criminal Code; Articles 205 to 213 apply, e.g. to DDoS."),
            []
        );
    }

    #[test]
    fn chinese_and_emoji_have_no_findings() {
        assert_eq!(found("《中华人民共和国刑法》第二百八十五条，非法侵入计算机信息系统罪。👍"), []);
    }

    #[test]
    fn ranges_fall_on_char_boundaries() {
        let t = "  中文🙂 кредиттi  ӛз 👍 интернет–ресурс ";
        let all: Vec<Finding> = hygiene::check(t);
        assert_eq!(all.len(), 6);
        for f in &all {
            assert!(t.is_char_boundary(f.range.start) && t.is_char_boundary(f.range.end), "{f:?}");
        }
        assert_eq!(hygiene::fix_all(t), "中文🙂 кредитті өз 👍 интернет-ресурс");
    }

    #[test]
    fn apply_fixes_skips_overlaps_then_fix_all_finishes() {
        let t = "the  the";
        let findings = hygiene::check(t);
        assert_eq!(found(t), [("double-space", 3..5, fix(" ")), ("doubled-word", 3..8, fix(""))]);
        assert_eq!(hygiene::apply_fixes(t, &findings), "the the");
        assert_eq!(hygiene::fix_all(t), "the");
    }

    #[test]
    fn codes_are_stable() {
        assert_eq!(
            hygiene::CODES,
            [
                "mixed-script",
                "mis-encoded-letter",
                "mixed-dash",
                "double-space",
                "doubled-word",
                "missing-space",
                "space-before-punctuation"
            ]
        );
    }
}
