//! A unit's path as a Kazakh or Russian phrase in the case a formula needs:
//! «15-баптың үшінші бөлігіндегі», «в части третьей статьи 15»,
//! «в заголовке статьи 206», «в примечании к статье 216».
//!
//! Drafting cites existing parts and paragraphs (абзацы) by ordinal words
//! and keeps digits for articles, points («2) тармақ», «пункт 2)») and
//! for a unit the bill itself brings in («2-1-бөлік», «часть 2-1»).

use super::ordinal::{self, Gender, RuCase};
use crate::model::{Segment, UnitKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Case {
    Nom,
    Gen,
    /// Russian dative («к статье 216»); Kazakh formulae do not need it.
    Dat,
    /// Russian accusative («статью 209 … дополнить»); in Kazakh the
    /// nominative, since the unit is the subject of a passive verb.
    Acc,
    /// Kazakh bare locative («15-бапта:», the header over several changes);
    /// Russian prepositional («в статье 15»).
    Loc,
    /// Kazakh attributive locative («үшінші бөліктегі …», one change);
    /// in Russian the prepositional.
    Attr,
    Instr,
}

/// What to cite: a path, whether existing parts are cited by ordinal
/// words, whether the last unit is new (keeps digits), and whether the
/// phrase is about the unit's heading rather than the unit.
#[derive(Debug, Clone, Copy)]
pub struct Phrase<'a> {
    pub path: &'a [Segment],
    pub ordinals: bool,
    pub new_last: bool,
    pub heading: bool,
}

impl<'a> Phrase<'a> {
    /// Digits throughout: the index form of headings and lists.
    pub fn digits(path: &'a [Segment]) -> Self {
        Phrase { path, ordinals: false, new_last: false, heading: false }
    }

    /// The form of bills and tables: ordinal words for existing units.
    pub fn legal(path: &'a [Segment]) -> Self {
        Phrase { path, ordinals: true, new_last: false, heading: false }
    }

    pub fn new_last(self) -> Self {
        Phrase { new_last: true, ..self }
    }

    pub fn heading(self, heading: bool) -> Self {
        Phrase { heading, ..self }
    }

    fn ordinal_of(&self, i: usize) -> Option<&'a str> {
        let seg = &self.path[i];
        let new = self.new_last && i + 1 == self.path.len();
        (self.ordinals && !new && matches!(seg.kind, UnitKind::Part | UnitKind::Indent))
            .then(|| seg.number_text())
    }

    pub fn kk(&self, case: Case) -> String {
        let n = self.path.len();
        let mut words: Vec<String> = self
            .path
            .iter()
            .enumerate()
            .map(|(i, seg)| {
                let last = i + 1 == n && !self.heading;
                let word = kk_word(kk_forms(seg.kind), i > 0, last, case);
                match (seg.number_text(), self.ordinal_of(i).and_then(ordinal::kk)) {
                    ("", _) => word,
                    (_, Some(ord)) => format!("{ord} {word}"),
                    (num, None) if point_like(seg.kind) => format!("{num}) {word}"),
                    (num, None) => format!("{num}-{word}"),
                }
            })
            .collect();
        if self.heading {
            // The heading belongs to the unit before it: always possessive.
            words.push(kk_word(KK_HEADING, true, true, case));
        }
        words.join(" ")
    }

    pub fn ru(&self, case: Case) -> String {
        let rc = ru_case(case);
        if self.heading {
            let head = ru_heading(rc);
            return match self.path {
                [] => head.to_string(),
                path => format!("{head} {}", Phrase { path, heading: false, ..*self }.ru(Case::Gen)),
            };
        }
        // A note is "to" its unit: «примечание к статье 216».
        if let [parent @ .., last] = self.path
            && last.kind == UnitKind::Note
            && !parent.is_empty()
        {
            let note = ru_forms(UnitKind::Note)[rc as usize];
            return format!("{note} к {}", Phrase { path: parent, new_last: false, ..*self }.ru(Case::Dat));
        }
        let words: Vec<String> = (0..self.path.len())
            .rev()
            .map(|i| {
                let seg = &self.path[i];
                let own = if i + 1 == self.path.len() { rc } else { RuCase::Genitive };
                let word = ru_forms(seg.kind)[own as usize];
                let gender = if seg.kind == UnitKind::Part { Gender::Feminine } else { Gender::Masculine };
                match (seg.number_text(), self.ordinal_of(i).and_then(|n| ordinal::ru(n, gender, own))) {
                    ("", _) => word.to_string(),
                    (_, Some(ord)) => format!("{word} {ord}"),
                    (num, None) if point_like(seg.kind) => format!("{word} {num})"),
                    (num, None) => format!("{word} {num}"),
                }
            })
            .collect();
        words.join(" ")
    }
}

fn point_like(kind: UnitKind) -> bool {
    matches!(kind, UnitKind::Point | UnitKind::Subpoint)
}

/// The Kazakh attributive locative: «бөлікте» → «бөліктегі», «бапта» → «баптағы».
fn attributive(locative: &str) -> String {
    let back = locative.ends_with('а');
    format!("{locative}{}", if back { "ғы" } else { "гі" })
}

/// The word of one unit: the genitive inside a chain, possessive after
/// another unit, and the last one in `case`.
fn kk_word(f: [&str; 7], possessive: bool, last: bool, case: Case) -> String {
    let [nom, genitive, poss, poss_gen, loc, poss_loc, instr] = f;
    match (last, possessive, case) {
        (false, false, _) | (true, false, Case::Gen) => genitive.to_string(),
        (false, true, _) | (true, true, Case::Gen) => poss_gen.to_string(),
        (true, false, Case::Loc) => loc.to_string(),
        (true, true, Case::Loc) => poss_loc.to_string(),
        (true, false, Case::Attr) => attributive(loc),
        (true, true, Case::Attr) => attributive(poss_loc),
        (true, _, Case::Instr) => instr.to_string(),
        (true, false, _) => nom.to_string(),
        (true, true, _) => poss.to_string(),
    }
}

const KK_HEADING: [&str; 7] =
    ["тақырып", "тақырыптың", "тақырыбы", "тақырыбының", "тақырыпта", "тақырыбында", "тақырыппен"];

/// The case forms `kk_word` chooses from: nominative, genitive, possessive,
/// possessive genitive, locative, possessive locative, instrumental (the
/// table's plural is not one).
fn kk_forms(kind: UnitKind) -> [&'static str; 7] {
    let f = crate::model::nouns::kk(kind);
    [f[0], f[1], f[2], f[3], f[4], f[5], f[6]]
}

fn ru_case(case: Case) -> RuCase {
    match case {
        Case::Nom => RuCase::Nominative,
        Case::Gen => RuCase::Genitive,
        Case::Dat => RuCase::Dative,
        Case::Acc => RuCase::Accusative,
        Case::Loc | Case::Attr => RuCase::Prepositional,
        Case::Instr => RuCase::Instrumental,
    }
}

/// «заголовок» in each case, indexed like `ru_forms`.
fn ru_heading(case: RuCase) -> &'static str {
    ["заголовок", "заголовка", "заголовку", "заголовок", "заголовком", "заголовке"][case as usize]
}

/// Russian forms, indexed by `RuCase`: nominative, genitive, dative,
/// accusative, instrumental, prepositional (then the plural).
fn ru_forms(kind: UnitKind) -> [&'static str; 7] {
    crate::model::nouns::ru(kind)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Number;

    fn path(segs: &[(UnitKind, &str)]) -> Vec<Segment> {
        segs.iter()
            .map(|&(kind, n)| Segment {
                kind,
                number: (!n.is_empty()).then(|| Number { text: n.to_string(), span: 0..0 }),
            })
            .collect()
    }

    #[test]
    fn existing_parts_and_paragraphs_by_ordinal_words() {
        use UnitKind::*;
        let p = path(&[(Article, "15"), (Part, "3")]);
        let l = Phrase::legal(&p);
        assert_eq!(l.kk(Case::Nom), "15-баптың үшінші бөлігі");
        assert_eq!(l.kk(Case::Attr), "15-баптың үшінші бөлігіндегі");
        assert_eq!(l.kk(Case::Loc), "15-баптың үшінші бөлігінде");
        assert_eq!(l.ru(Case::Nom), "часть третья статьи 15");
        assert_eq!(l.ru(Case::Loc), "части третьей статьи 15");
        assert_eq!(l.ru(Case::Acc), "часть третью статьи 15");
        let part = path(&[(Part, "3")]);
        assert_eq!(Phrase::legal(&part).kk(Case::Attr), "үшінші бөліктегі");
        assert_eq!(Phrase::legal(&part).kk(Case::Loc), "үшінші бөлікте");
        let indent = path(&[(Part, "1"), (Indent, "2")]);
        assert_eq!(Phrase::legal(&indent).ru(Case::Loc), "абзаце втором части первой");
        assert_eq!(Phrase::legal(&indent).kk(Case::Attr), "бірінші бөліктің екінші абзацындағы");
    }

    #[test]
    fn new_units_articles_and_points_keep_digits() {
        use UnitKind::*;
        let p = path(&[(Article, "15"), (Part, "2-1")]);
        assert_eq!(Phrase::legal(&p).ru(Case::Nom), "часть 2-1 статьи 15");
        let p = path(&[(Part, "4")]);
        assert_eq!(Phrase::legal(&p).new_last().ru(Case::Instr), "частью 4");
        assert_eq!(Phrase::legal(&p).new_last().kk(Case::Instr), "4-бөлікпен");
        let p = path(&[(Article, "3"), (Point, "2")]);
        assert_eq!(Phrase::legal(&p).kk(Case::Attr), "3-баптың 2) тармағындағы");
        assert_eq!(Phrase::legal(&p).ru(Case::Loc), "пункте 2) статьи 3");
        let p = path(&[(Article, "205")]);
        assert_eq!(Phrase::legal(&p).kk(Case::Attr), "205-баптағы");
        assert_eq!(
            Phrase::digits(&path(&[(Article, "15"), (Part, "3")])).kk(Case::Nom),
            "15-баптың 3-бөлігі"
        );
    }

    #[test]
    fn headings_and_notes() {
        use UnitKind::*;
        let p = path(&[(Article, "206")]);
        assert_eq!(Phrase::legal(&p).heading(true).kk(Case::Attr), "206-баптың тақырыбындағы");
        assert_eq!(Phrase::legal(&p).heading(true).kk(Case::Nom), "206-баптың тақырыбы");
        assert_eq!(Phrase::legal(&p).heading(true).ru(Case::Loc), "заголовке статьи 206");
        assert_eq!(Phrase::legal(&[]).heading(true).kk(Case::Attr), "тақырыбындағы");
        assert_eq!(Phrase::legal(&[]).heading(true).ru(Case::Acc), "заголовок");
        let p = path(&[(Article, "216"), (Note, "")]);
        assert_eq!(Phrase::legal(&p).ru(Case::Loc), "примечании к статье 216");
        assert_eq!(Phrase::legal(&p).kk(Case::Loc), "216-баптың ескертуінде");
        let p = path(&[(Article, "15"), (Part, "3"), (Note, "")]);
        assert_eq!(Phrase::legal(&p).ru(Case::Nom), "примечание к части третьей статьи 15");
    }
}
