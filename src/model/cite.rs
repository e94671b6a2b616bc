//! Citation forms of a target in Kazakh, Russian and English, and its Akoma
//! Ntoso eId.

use super::{Segment, Target, UnitKind};

/// Kazakh forms of a unit name: nominative, genitive, possessive, possessive
/// genitive, plural.
fn kk_forms(kind: UnitKind) -> [&'static str; 5] {
    match kind {
        UnitKind::Book => ["кітап", "кітаптың", "кітабы", "кітабының", "кітаптар"],
        UnitKind::Division => ["бөлім", "бөлімнің", "бөлімі", "бөлімінің", "бөлімдер"],
        UnitKind::Section => ["бөлім", "бөлімнің", "бөлімі", "бөлімінің", "бөлімдер"],
        UnitKind::Subsection => {
            ["кіші бөлім", "кіші бөлімнің", "кіші бөлімі", "кіші бөлімінің", "кіші бөлімдер"]
        }
        UnitKind::Chapter => ["тарау", "тараудың", "тарауы", "тарауының", "тараулар"],
        UnitKind::Subchapter => ["параграф", "параграфтың", "параграфы", "параграфының", "параграфтар"],
        UnitKind::Article => ["бап", "баптың", "бабы", "бабының", "баптар"],
        UnitKind::Part => ["бөлік", "бөліктің", "бөлігі", "бөлігінің", "бөліктер"],
        UnitKind::Point => ["тармақ", "тармақтың", "тармағы", "тармағының", "тармақтар"],
        UnitKind::Subpoint => ["тармақша", "тармақшаның", "тармақшасы", "тармақшасының", "тармақшалар"],
        UnitKind::Indent => ["абзац", "абзацтың", "абзацы", "абзацының", "абзацтар"],
        UnitKind::Note => ["ескерту", "ескертудің", "ескертуі", "ескертуінің", "ескертулер"],
    }
}

/// Russian forms: nominative, genitive, nominative plural.
fn ru_forms(kind: UnitKind) -> [&'static str; 3] {
    match kind {
        UnitKind::Book => ["книга", "книги", "книги"],
        UnitKind::Division => ["раздел", "раздела", "разделы"],
        UnitKind::Section => ["раздел", "раздела", "разделы"],
        UnitKind::Subsection => ["подраздел", "подраздела", "подразделы"],
        UnitKind::Chapter => ["глава", "главы", "главы"],
        UnitKind::Subchapter => ["параграф", "параграфа", "параграфы"],
        UnitKind::Article => ["статья", "статьи", "статьи"],
        UnitKind::Part => ["часть", "части", "части"],
        UnitKind::Point => ["пункт", "пункта", "пункты"],
        UnitKind::Subpoint => ["подпункт", "подпункта", "подпункты"],
        UnitKind::Indent => ["абзац", "абзаца", "абзацы"],
        UnitKind::Note => ["примечание", "примечания", "примечания"],
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
        UnitKind::Part => "Part",
        UnitKind::Point => "Point",
        UnitKind::Subpoint => "Subpoint",
        UnitKind::Indent => "Paragraph",
        UnitKind::Note => "Note",
    }
}

/// Points and subpoints are numbered "1)" and cited as such, other units "15-".
fn kk_number(seg: &Segment) -> String {
    match seg.kind {
        UnitKind::Point | UnitKind::Subpoint => format!("{}) ", seg.number.text),
        _ => format!("{}-", seg.number.text),
    }
}

fn ru_number(seg: &Segment) -> String {
    match seg.kind {
        UnitKind::Point | UnitKind::Subpoint => format!("{})", seg.number.text),
        _ => seg.number.text.clone(),
    }
}

/// The target in the citation form of `lang` (`kk`, `ru`, otherwise English):
/// "205-баптың 2-бөлігі", "часть 2 статьи 205", "Article 205(2)".
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
        let forms = kk_forms(seg.kind);
        let last = i + 1 == n;
        let word = match (i, last) {
            (0, true) => forms[0],
            (0, false) => forms[1],
            (_, true) => forms[2],
            (_, false) => forms[3],
        };
        match (last, range_end) {
            (true, Some(end)) => parts.push(format!("{}-{end}-{}", seg.number.text, forms[4])),
            _ => parts.push(format!("{}{word}", kk_number(seg))),
        }
    }
    parts.join(" ")
}

fn ru_citation(path: &[Segment], range_end: Option<&str>) -> String {
    let mut parts = Vec::with_capacity(path.len());
    for (i, seg) in path.iter().enumerate().rev() {
        let forms = ru_forms(seg.kind);
        let first = i + 1 == path.len();
        let word = if first { forms[0] } else { forms[1] };
        match (first, range_end) {
            (true, Some(end)) => parts.push(format!("{} {}–{end}", forms[2], seg.number.text)),
            _ => parts.push(format!("{word} {}", ru_number(seg))),
        }
    }
    parts.join(" ")
}

fn en_citation(path: &[Segment], range_end: Option<&str>) -> String {
    let Some((first, rest)) = path.split_first() else { return String::new() };
    let mut out = match (rest.is_empty(), range_end) {
        (true, Some(end)) => format!("{}s {}–{end}", en_name(first.kind), first.number.text),
        _ => format!("{} {}", en_name(first.kind), first.number.text),
    };
    for seg in rest {
        out.push_str(&format!("({})", seg.number.text));
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
        UnitKind::Article => "art",
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
                .number
                .text
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(|c| if c.is_alphanumeric() { c } else { '-' })
                .collect();
            format!("{}_{}", eid_abbr(seg.kind), num.trim_matches('-'))
        })
        .collect();
    parts.join("__")
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
            path: path.iter().map(|&(kind, n)| Segment { kind, number: num(n) }).collect(),
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
            (target(&[(Article, "213-1")], None), "213-1-бап", "статья 213-1", "Article 213-1"),
            (target(&[(Chapter, "7")], None), "7-тарау", "глава 7", "Chapter 7"),
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
    }
}
