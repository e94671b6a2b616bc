//! The inverse of `render::phrase`: a unit's path read back from the words
//! a bill cites it with, in any case the formulae use — «части третьей
//! статьи 15», «примечание к статье 216», «заголовке статьи 206»,
//! «15-баптың үшінші бөлігіндегі», «3-баптың 2) тармағы», «ескертумен».
//! The noun forms are `model::nouns`' tables and the ordinal words
//! `render::ordinal`'s, read in reverse, so each rule stays written once.

use crate::lang::Lang;
use crate::model::{UnitKind, nouns};
use crate::render::ordinal::{self, Gender, RuCase};

/// A path as read: kinds with numbers (`None` for a note), and whether the
/// phrase is about the last unit's heading.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Path {
    pub segs: Vec<(UnitKind, Option<String>)>,
    pub heading: bool,
}

const KINDS: [UnitKind; 9] = [
    UnitKind::Book,
    UnitKind::Division,
    UnitKind::Chapter,
    UnitKind::Article,
    UnitKind::Part,
    UnitKind::Point,
    UnitKind::Subpoint,
    UnitKind::Indent,
    UnitKind::Note,
];

fn ru_noun(w: &str) -> Option<UnitKind> {
    KINDS.into_iter().find(|k| nouns::ru(*k).contains(&w))
}

/// The Kazakh noun forms, with the attributive locatives («бөлігіндегі»).
fn kk_noun(w: &str) -> Option<UnitKind> {
    KINDS.into_iter().find(|k| {
        let f = nouns::kk(*k);
        f.contains(&w) || [f[4], f[5]].iter().any(|loc| attributive(loc) == w)
    })
}

fn attributive(loc: &str) -> String {
    format!("{loc}{}", if loc.ends_with('а') { "ғы" } else { "гі" })
}

fn ru_heading(w: &str) -> bool {
    ["заголовок", "заголовка", "заголовку", "заголовком", "заголовке"].contains(&w)
}

fn kk_heading(w: &str) -> bool {
    let f = ["тақырып", "тақырыптың", "тақырыбы", "тақырыбының", "тақырыпта", "тақырыбында", "тақырыппен"];
    f.contains(&w) || attributive("тақырыбында") == w || attributive("тақырыпта") == w
}

/// A number as the bill writes it: «15», «2-1», «2)», «а)».
fn digits(w: &str) -> Option<String> {
    let n = w.strip_suffix(')').unwrap_or(w);
    let ok = !n.is_empty() && n.chars().all(|c| c.is_alphanumeric() || c == '-') && !n.ends_with('-');
    let numeric = n.starts_with(|c: char| c.is_ascii_digit()) || (w.ends_with(')') && n.chars().count() == 1);
    (ok && numeric).then(|| n.to_string())
}

/// The number a Russian ordinal (one or two words) stands for.
fn ru_ordinal(words: &str) -> Option<String> {
    (1..100u32).map(|n| n.to_string()).find(|n| {
        [Gender::Masculine, Gender::Feminine].into_iter().any(|g| {
            [
                RuCase::Nominative,
                RuCase::Genitive,
                RuCase::Dative,
                RuCase::Accusative,
                RuCase::Instrumental,
                RuCase::Prepositional,
            ]
            .into_iter()
            .any(|c| ordinal::ru(n, g, c).as_deref() == Some(words))
        })
    })
}

fn kk_ordinal(words: &str) -> Option<String> {
    (1..100u32).map(|n| n.to_string()).find(|n| ordinal::kk(n).as_deref() == Some(words))
}

/// A Russian phrase: nouns each followed by a number or an ordinal, the
/// innermost first («части третьей статьи 15»); «к» joins a note to its unit.
fn ru(words: &str) -> Option<Path> {
    let words = words.strip_prefix("в ").unwrap_or(words);
    let toks: Vec<&str> = words.split_whitespace().collect();
    let mut out: Vec<(UnitKind, Option<String>)> = Vec::new();
    let mut heading = false;
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i];
        if i == 0 && ru_heading(w) {
            heading = true;
            i += 1;
            continue;
        }
        if w == "к" {
            i += 1;
            continue;
        }
        let kind = ru_noun(w)?;
        i += 1;
        let number = if kind == UnitKind::Note {
            None
        } else if let Some(n) = toks.get(i).and_then(|t| digits(t)) {
            i += 1;
            Some(n)
        } else if let Some(n) = toks.get(i..i + 2).and_then(|t| ru_ordinal(&t.join(" "))) {
            i += 2;
            Some(n)
        } else {
            let n = toks.get(i).and_then(|t| ru_ordinal(t))?;
            i += 1;
            Some(n)
        };
        out.push((kind, number));
    }
    out.reverse();
    Some(Path { segs: out, heading })
}

/// A Kazakh phrase: «15-баптың», «2) тармағы», «үшінші бөлігіндегі», the
/// outermost first, «тақырыбы» last for a heading.
fn kk(words: &str) -> Option<Path> {
    let toks: Vec<&str> = words.split_whitespace().collect();
    let mut out: Vec<(UnitKind, Option<String>)> = Vec::new();
    let mut heading = false;
    let mut i = 0;
    while i < toks.len() {
        let w = toks[i];
        if kk_heading(w) && i + 1 == toks.len() {
            heading = true;
            break;
        }
        // «15-баптың», «2-1-бөлікпен»: the number joined to the noun.
        if let Some((n, noun)) = w.rsplit_once('-')
            && let Some(kind) = kk_noun(noun)
            && digits(n).is_some()
        {
            out.push((kind, Some(n.to_string())));
            i += 1;
            continue;
        }
        if let Some(kind) = kk_noun(w) {
            out.push((kind, None));
            i += 1;
            continue;
        }
        let (number, used) = if let Some(n) = digits(w) {
            (n, 1)
        } else if let Some(n) = toks.get(i..i + 3).and_then(|t| kk_ordinal(&t[..2].join(" "))) {
            (n, 2)
        } else {
            (kk_ordinal(w)?, 1)
        };
        let kind = kk_noun(toks.get(i + used)?)?;
        out.push((kind, Some(number)));
        i += used + 1;
    }
    Some(Path { segs: out, heading })
}

/// The kind a plural noun names: «статьи», «части», «пункты»; «баптар»,
/// «бөліктер» or, possessive, «бөліктері», «баптары».
pub fn plural(w: &str, lang: Lang) -> Option<UnitKind> {
    match lang {
        Lang::Kk => KINDS.into_iter().find(|k| {
            let f = nouns::kk(*k);
            w == f[nouns::KK_PLURAL] || w == f[nouns::KK_POSS_PLURAL]
        }),
        _ => KINDS.into_iter().find(|k| nouns::ru(*k)[nouns::RU_PLURAL] == w),
    }
}

/// The path `words` cite in `lang` (empty words: the empty path).
pub fn read(words: &str, lang: Lang) -> Option<Path> {
    match lang {
        Lang::Kk => kk(words),
        _ => ru(words),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use UnitKind::*;

    fn p(segs: &[(UnitKind, Option<&str>)], heading: bool) -> Option<Path> {
        Some(Path { segs: segs.iter().map(|(k, n)| (*k, n.map(str::to_string))).collect(), heading })
    }

    #[test]
    fn reads_russian_phrases() {
        assert_eq!(
            read("в части третьей статьи 15", Lang::Ru),
            p(&[(Article, Some("15")), (Part, Some("3"))], false)
        );
        assert_eq!(
            read("часть третью статьи 15", Lang::Ru),
            p(&[(Article, Some("15")), (Part, Some("3"))], false)
        );
        assert_eq!(
            read("пункте 2) статьи 3", Lang::Ru),
            p(&[(Article, Some("3")), (Point, Some("2"))], false)
        );
        assert_eq!(
            read("примечании к статье 216", Lang::Ru),
            p(&[(Article, Some("216")), (Note, None)], false)
        );
        assert_eq!(read("заголовке статьи 206", Lang::Ru), p(&[(Article, Some("206"))], true));
        assert_eq!(
            read("в абзаце двадцать первом части первой", Lang::Ru),
            p(&[(Part, Some("1")), (Indent, Some("21"))], false)
        );
        assert_eq!(read("статьей 213-2", Lang::Ru), p(&[(Article, Some("213-2"))], false));
        assert_eq!(read("слова", Lang::Ru), None);
    }

    #[test]
    fn reads_kazakh_phrases() {
        assert_eq!(
            read("15-баптың үшінші бөлігіндегі", Lang::Kk),
            p(&[(Article, Some("15")), (Part, Some("3"))], false)
        );
        assert_eq!(
            read("3-баптың 2) тармағындағы", Lang::Kk),
            p(&[(Article, Some("3")), (Point, Some("2"))], false)
        );
        assert_eq!(
            read("216-баптың ескертуінде", Lang::Kk),
            p(&[(Article, Some("216")), (Note, None)], false)
        );
        assert_eq!(read("206-баптың тақырыбындағы", Lang::Kk), p(&[(Article, Some("206"))], true));
        assert_eq!(read("тақырыбындағы", Lang::Kk), p(&[], true));
        assert_eq!(read("жиырма бірінші бөлікте", Lang::Kk), p(&[(Part, Some("21"))], false));
        assert_eq!(read("2-1-бөлікпен", Lang::Kk), p(&[(Part, Some("2-1"))], false));
        assert_eq!(read("213-2-бап", Lang::Kk), p(&[(Article, Some("213-2"))], false));
    }
}
