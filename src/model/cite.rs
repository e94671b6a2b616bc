//! Citation forms of a target in Kazakh, Russian and English, and its Akoma
//! Ntoso eId.

use super::{Segment, Target, UnitKind, nouns};

/// The name of a unit kind in the nominative: "бап", "статья", "Article".
pub fn unit_name(kind: UnitKind, lang: crate::lang::Lang) -> &'static str {
    match lang {
        crate::lang::Lang::Kk => nouns::kk(kind)[nouns::KK_NOM],
        crate::lang::Lang::Ru => nouns::ru(kind)[nouns::RU_NOM],
        crate::lang::Lang::En => en_name(kind),
    }
}

fn en_name(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Book => "Book",
        UnitKind::Division => "Division",
        UnitKind::Section => "Section",
        UnitKind::Subsection => "Subsection",
        UnitKind::Chapter => "Chapter",
        UnitKind::Subchapter => "Subchapter",
        UnitKind::Article => "Article",
        UnitKind::Paragraph => "§",
        UnitKind::Part => "Part",
        UnitKind::Point => "Point",
        UnitKind::Subpoint => "Subpoint",
        UnitKind::Indent => "Paragraph",
        UnitKind::Note => "Note",
    }
}

/// "§ 202a": the paragraph sign is not inflected in any language.
fn section_sign(seg: &Segment, range_end: Option<&str>) -> String {
    match range_end {
        Some(end) => format!("§§ {}–{end}", seg.number_text()),
        None => format!("§ {}", seg.number_text()),
    }
}

/// The target in the citation form of `lang` (`kk`, `ru`, otherwise English):
/// "205-баптың 2-бөлігі", "часть 2 статьи 205", "Article 205(2)", "§ 202a".
pub fn citation(target: &Target, lang: &str) -> String {
    let path = &target.path;
    let range_end = target.range_end.as_ref().map(|n| n.text.as_str());
    let mut out = match lang {
        "kk" => kk_citation(path, range_end),
        "ru" => ru_citation(path, range_end),
        _ => en_citation(path, range_end),
    };
    if let Some(act) = &target.act {
        if out.is_empty() {
            out = act.clone();
        } else {
            out = format!("{out} ({act})");
        }
    }
    out
}

fn kk_citation(path: &[Segment], range_end: Option<&str>) -> String {
    let n = path.len();
    let mut parts = Vec::with_capacity(n);
    for (i, seg) in path.iter().enumerate() {
        let last = i + 1 == n;
        let end = range_end.filter(|_| last);
        if seg.kind == UnitKind::Paragraph {
            parts.push(section_sign(seg, end));
            continue;
        }
        let forms = nouns::kk(seg.kind);
        let word = match (i, last) {
            (0, true) => forms[nouns::KK_NOM],
            (0, false) => forms[nouns::KK_GEN],
            (_, true) => forms[nouns::KK_POSS],
            (_, false) => forms[nouns::KK_POSS_GEN],
        };
        let num = seg.number_text();
        parts.push(match (end, seg.kind) {
            // After a genitive («15-баптың») the plural is possessive: «2-3-бөліктері».
            (Some(end), _) if i > 0 => format!("{num}-{end}-{}", forms[nouns::KK_POSS_PLURAL]),
            (Some(end), _) => format!("{num}-{end}-{}", forms[nouns::KK_PLURAL]),
            _ if num.is_empty() => word.to_string(),
            // Points and subpoints are numbered "1)" and cited as such.
            (None, UnitKind::Point | UnitKind::Subpoint) => format!("{num}) {word}"),
            (None, _) => format!("{num}-{word}"),
        });
    }
    parts.join(" ")
}

fn ru_citation(path: &[Segment], range_end: Option<&str>) -> String {
    let mut parts = Vec::with_capacity(path.len());
    for (i, seg) in path.iter().enumerate().rev() {
        let first = i + 1 == path.len();
        let end = range_end.filter(|_| first);
        if seg.kind == UnitKind::Paragraph {
            parts.push(section_sign(seg, end));
            continue;
        }
        let forms = nouns::ru(seg.kind);
        let word = if first { forms[nouns::RU_NOM] } else { forms[nouns::RU_GEN] };
        let num = seg.number_text();
        parts.push(match (end, seg.kind) {
            (Some(end), _) => format!("{} {num}–{end}", forms[nouns::RU_PLURAL]),
            _ if num.is_empty() => word.to_string(),
            (None, UnitKind::Point | UnitKind::Subpoint) => format!("{word} {num})"),
            (None, _) => format!("{word} {num}"),
        });
    }
    parts.join(" ")
}

fn en_citation(path: &[Segment], range_end: Option<&str>) -> String {
    let Some((first, rest)) = path.split_first() else { return String::new() };
    let head_end = range_end.filter(|_| rest.is_empty());
    let mut out = match (first.kind, head_end) {
        (UnitKind::Paragraph, end) => section_sign(first, end),
        (kind, Some(end)) => format!("{}s {}–{end}", en_name(kind), first.number_text()),
        (kind, None) => format!("{} {}", en_name(kind), first.number_text()).trim_end().to_string(),
    };
    for seg in rest {
        match &seg.number {
            Some(n) => out.push_str(&format!("({})", n.text)),
            None => out.push_str(&format!(", {}", en_name(seg.kind).to_lowercase())),
        }
    }
    if let (false, Some(end)) = (rest.is_empty(), range_end) {
        out.push_str(&format!("–({end})"));
    }
    out
}

fn eid_abbr(kind: UnitKind) -> &'static str {
    match kind {
        UnitKind::Book => "book",
        UnitKind::Division => "dvs",
        UnitKind::Section => "sec",
        UnitKind::Subsection => "subsec",
        UnitKind::Chapter => "chp",
        UnitKind::Subchapter => "subchp",
        // LegalDocML.de also writes a § as `art`.
        UnitKind::Article | UnitKind::Paragraph => "art",
        UnitKind::Part => "para",
        UnitKind::Point => "point",
        UnitKind::Subpoint => "subpoint",
        UnitKind::Indent => "al",
        UnitKind::Note => "note",
    }
}

/// The Akoma Ntoso eId of a path: `art_205__para_2__point_1`. Numbers keep
/// letters of any script; spaces are dropped and other punctuation becomes `-`.
pub fn eid(path: &[Segment]) -> String {
    let parts: Vec<String> = path
        .iter()
        .map(|seg| {
            let num: String = seg
                .number_text()
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            match num.trim_matches('-') {
                "" => eid_abbr(seg.kind).to_string(),
                num => format!("{}_{num}", eid_abbr(seg.kind)),
            }
        })
        .collect();
    parts.join("__")
}

/// An eId without the segments of its groupings: the unit as a citation
/// names it (`chp_7__art_205__para_2` → `art_205__para_2`).
pub fn eid_cited(eid: &str) -> String {
    let grouping = |seg: &str| {
        let abbr = seg.split('_').next().unwrap_or(seg);
        UnitKind::ALL.into_iter().any(|k| k.is_grouping() && eid_abbr(k) == abbr)
    };
    eid.split("__").filter(|seg| !grouping(seg)).collect::<Vec<_>>().join("__")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Number;

    fn target(path: &[(UnitKind, &str)], range_end: Option<&str>) -> Target {
        let num = |s: &str| Number { text: s.to_string(), span: 0..0 };
        Target {
            act: None,
            version: None,
            path: path
                .iter()
                .map(|&(kind, n)| Segment { kind, number: (!n.is_empty()).then(|| num(n)) })
                .collect(),
            range_end: range_end.map(num),
            span: 0..0,
        }
    }

    #[test]
    fn citation_forms() {
        use UnitKind::*;
        let cases = [
            (target(&[(Article, "205")], None), "205-бап", "статья 205", "Article 205"),
            (
                target(&[(Article, "205"), (Part, "2")], None),
                "205-баптың 2-бөлігі",
                "часть 2 статьи 205",
                "Article 205(2)",
            ),
            (
                target(&[(Article, "205"), (Part, "2"), (Point, "1")], None),
                "205-баптың 2-бөлігінің 1) тармағы",
                "пункт 1) части 2 статьи 205",
                "Article 205(2)(1)",
            ),
            (
                target(&[(Article, "205")], Some("213")),
                "205-213-баптар",
                "статьи 205–213",
                "Articles 205–213",
            ),
            (
                target(&[(Article, "15"), (Part, "2")], Some("3")),
                "15-баптың 2-3-бөліктері",
                "части 2–3 статьи 15",
                "Article 15(2)–(3)",
            ),
            (target(&[(Article, "213-1")], None), "213-1-бап", "статья 213-1", "Article 213-1"),
            (target(&[(Chapter, "7")], None), "7-тарау", "глава 7", "Chapter 7"),
            (target(&[(Paragraph, "202a")], None), "§ 202a", "§ 202a", "§ 202a"),
            (
                target(&[(Paragraph, "202a"), (Part, "1")], None),
                "§ 202a 1-бөлігі",
                "часть 1 § 202a",
                "§ 202a(1)",
            ),
            (target(&[(Paragraph, "202a")], Some("206")), "§§ 202a–206", "§§ 202a–206", "§§ 202a–206"),
            (
                target(&[(Article, "210"), (Note, "")], None),
                "210-баптың ескертуі",
                "примечание статьи 210",
                "Article 210, note",
            ),
            (target(&[(Article, "274.1")], None), "274.1-бап", "статья 274.1", "Article 274.1"),
        ];
        for (t, kk, ru, en) in cases {
            assert_eq!(citation(&t, "kk"), kk);
            assert_eq!(citation(&t, "ru"), ru);
            assert_eq!(citation(&t, "en"), en);
        }
    }

    #[test]
    fn eids() {
        use UnitKind::*;
        assert_eq!(
            eid(&target(&[(Article, "205"), (Part, "2"), (Point, "1")], None).path),
            "art_205__para_2__point_1"
        );
        assert_eq!(eid(&target(&[(Chapter, "4"), (Article, "9 c")], None).path), "chp_4__art_9c");
        assert_eq!(eid(&target(&[(Article, "213-1")], None).path), "art_213-1");
        assert_eq!(eid(&target(&[(Article, "4:9c")], None).path), "art_4-9c");
        assert_eq!(eid(&target(&[(Article, "274.1")], None).path), "art_274-1");
        assert_eq!(eid(&target(&[(Article, "210"), (Note, "")], None).path), "art_210__note");
        assert_eq!(eid_cited("book_2__chp_7__art_205__para_2"), "art_205__para_2");
        assert_eq!(eid_cited("art_15__para_2-1"), "art_15__para_2-1");
    }
}
