//! Properties of the lints on arbitrary and on artifact-dense input.

// A `lint` module so that `cargo test lint` selects these tests.
mod lint {
    use proptest::prelude::*;
    use zan::lint::{citations, hygiene};

    /// Text built from the pieces the lints react to, so that findings are dense
    /// and overlap.
    fn artifacts() -> impl Strategy<Value = String> {
        let pieces = prop::sample::select(vec![
            " ",
            "  ",
            "\t",
            "\u{a0}",
            "-",
            "–",
            "—",
            "‐",
            ",",
            ".",
            ";",
            ")",
            "(",
            "§",
            "a",
            "а",
            "e",
            "е",
            "C",
            "С",
            "i",
            "і",
            "h",
            "X",
            "Х",
            "I",
            "І",
            "D",
            "ӛ",
            "Ӛ",
            "ҥ",
            "ҧ",
            "the",
            "The",
            "және",
            "бап",
            "баптың",
            "бөлігі",
            "205",
            "2",
            "статьи",
            "части",
            "второй",
            "Article",
            "(немесе)",
            "бар",
            "Мобильді",
            "中",
            "🙂",
            "\u{301}",
        ]);
        prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
    }

    fn on_boundaries(text: &str, range: &std::ops::Range<usize>) -> bool {
        range.start <= range.end
            && range.end <= text.len()
            && text.is_char_boundary(range.start)
            && text.is_char_boundary(range.end)
    }

    fn check_hygiene(text: &str) -> Result<(), TestCaseError> {
        for f in hygiene::check(text) {
            prop_assert!(on_boundaries(text, &f.range), "{f:?} in {text:?}");
            prop_assert!(f.range.start < f.range.end, "{f:?} in {text:?}");
            prop_assert!(hygiene::CODES.contains(&f.code));
        }
        let fixed = hygiene::fix_all(text);
        let left: Vec<_> = hygiene::check(&fixed).into_iter().filter(|f| f.fix.is_some()).collect();
        prop_assert!(left.is_empty(), "{text:?} -> {fixed:?} still has {left:?}");
        prop_assert_eq!(hygiene::fix_all(&fixed), fixed);
        Ok(())
    }

    fn check_citations(text: &str) -> Result<(), TestCaseError> {
        let mut end = 0;
        for c in citations::find(text) {
            prop_assert!(on_boundaries(text, &c.range), "{c:?} in {text:?}");
            prop_assert!(c.range.start >= end, "overlapping citations in {text:?}");
            end = c.range.end;
            let expected = format!("[{}]({})", &text[c.range.clone()], c.target);
            prop_assert_eq!(citations::suggestion(text, &c), expected);
        }
        Ok(())
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]

        #[test]
        fn hygiene_fixes_are_idempotent(text in artifacts()) {
            check_hygiene(&text)?;
        }

        #[test]
        fn hygiene_never_panics_on_any_unicode(text in "\\PC{0,60}") {
            check_hygiene(&text)?;
        }

        #[test]
        fn citations_never_panic(text in artifacts()) {
            check_citations(&text)?;
        }

        #[test]
        fn citations_never_panic_on_any_unicode(text in "\\PC{0,60}") {
            check_citations(&text)?;
        }
    }
}
