//! Properties of the redline engine on mixed Cyrillic, CJK, emoji and markup.

use proptest::prelude::*;
use zan::redline::{ParagraphKind, Redline, SegmentKind};

/// Words shared between sides so that diffs find equal runs, with the
/// scripts and characters that trip tokenizers and escapers.
const WORDS: &[&str] = &[
    "бабында",
    "бабының",
    "жасқа",
    "16",
    "14",
    "закон",
    "Закона",
    "年满",
    "十六",
    "周岁",
    "👩‍⚖️",
    "🇰🇿",
    "e\u{301}",
    "Straße",
    "*",
    "|",
    "<b>",
    "`",
    "_",
];
const SEPARATORS: &[&str] = &[" ", "  ", ", ", ".", "-", "\t", ""];

fn paragraph() -> impl Strategy<Value = String> {
    prop::collection::vec((prop::sample::select(WORDS), prop::sample::select(SEPARATORS)), 0..10)
        .prop_map(|parts| parts.into_iter().map(|(w, s)| format!("{w}{s}")).collect())
}

/// Either composed words or arbitrary text from a mixed alphabet.
fn any_paragraph() -> impl Strategy<Value = String> {
    prop_oneof![paragraph(), "[а-яәіңғүұқөһА-Я一-龥😀-🙏 ,.|*<>_`\r]{0,30}"]
}

fn paragraphs() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(any_paragraph(), 0..8)
}

fn strs(v: &[String]) -> Vec<&str> {
    v.iter().map(String::as_str).collect()
}

/// Segments never repeat a kind back to back nor hold empty text, and each
/// paragraph kind holds only the segment kinds it may.
fn assert_well_formed(r: &Redline) {
    for p in &r.paragraphs {
        assert!(p.segments.iter().all(|s| !s.text.is_empty()), "{p:?}");
        assert!(p.segments.windows(2).all(|w| w[0].kind != w[1].kind), "{p:?}");
        let allowed = |k: SegmentKind| match p.kind {
            ParagraphKind::Unchanged => k == SegmentKind::Equal,
            ParagraphKind::Inserted => k == SegmentKind::Insert,
            ParagraphKind::Deleted => k == SegmentKind::Delete,
            ParagraphKind::Changed => true,
        };
        assert!(p.segments.iter().all(|s| allowed(s.kind)), "{p:?}");
        if p.kind == ParagraphKind::Changed {
            assert!(p.segments.iter().any(|s| s.kind != SegmentKind::Equal), "{p:?}");
        }
    }
}

proptest! {
    #[test]
    fn paragraphs_rebuild_exactly(old in paragraphs(), new in paragraphs()) {
        let r = Redline::new(&strs(&old), &strs(&new));
        prop_assert_eq!(r.old_paragraphs(), old);
        prop_assert_eq!(r.new_paragraphs(), new);
        assert_well_formed(&r);
    }

    #[test]
    fn texts_rebuild_exactly(old in paragraphs(), new in paragraphs()) {
        let (old, new) = (old.join("\n"), new.join("\n"));
        let r = Redline::from_text(&old, &new);
        prop_assert_eq!(r.old_text(), old);
        prop_assert_eq!(r.new_text(), new);
        assert_well_formed(&r);
    }

    #[test]
    fn edited_paragraph_rebuilds_exactly(
        words in prop::collection::vec(paragraph(), 1..4),
        edit in paragraph(),
        at in any::<prop::sample::Index>(),
    ) {
        // A pair that shares most text exercises the word-level path.
        let old = words.concat();
        let cut = at.index(old.chars().count() + 1);
        let split = old.char_indices().nth(cut).map_or(old.len(), |(i, _)| i);
        let new = format!("{}{edit}{}", &old[..split], &old[split..]);
        let r = Redline::new(&[&old], &[&new]);
        prop_assert_eq!(r.old_text(), old);
        prop_assert_eq!(r.new_text(), new);
        assert_well_formed(&r);
    }

    #[test]
    fn identical_inputs_have_no_change(text in paragraphs()) {
        let r = Redline::new(&strs(&text), &strs(&text));
        prop_assert!(r.is_unchanged());
        prop_assert_eq!(r.paragraphs.len(), text.len());
        assert_well_formed(&r);
    }
}
