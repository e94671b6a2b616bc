//! One instruction of an amending law read back into what it does: the
//! inverse of the formulae of `render::bill` (docs/engine.md lists them),
//! in Russian and Kazakh. Quoted words are taken out first, so that the
//! formula is matched on its own words and quotes may hold anything.

use super::phrase::{self, Path};
use crate::lang::Lang;
use crate::model::UnitKind;

/// What changes in words.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Words {
    Replace { old: String, new: String },
    Delete { old: String },
    After { anchor: String, new: String },
    Before { anchor: String, new: String },
    End { new: String },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Does {
    /// «в статье 15:» / «15-бапта:»: the unit the next lines are about.
    Header(Path),
    Words {
        path: Path,
        words: Words,
        occurrence: Option<u32>,
    },
    /// «по всему тексту слова «…» заменить словами «…»», one pair each.
    Throughout(Vec<(String, String)>),
    /// «… изложить в следующей редакции:», the new wording follows.
    Rewrite(Path),
    /// «… дополнить частью 2-1 следующего содержания:», the wording follows.
    Add {
        parent: Path,
        kind: UnitKind,
        number: Option<String>,
    },
    /// The unit repealed, and the last of a range («статьи 205–213»).
    Repeal(Path, Option<String>),
    Renumber {
        path: Path,
        number: String,
    },
    /// «текст на казахском языке изменяется, …»: nothing in this language.
    OtherLanguage,
}

/// The line with each top-level «…» replaced by `Q`, and the quoted words.
fn unquote(line: &str) -> Option<(String, Vec<String>)> {
    let mut skeleton = String::new();
    let mut quotes = Vec::new();
    let mut depth = 0usize;
    let mut cur = String::new();
    for c in line.chars() {
        match (c, depth) {
            ('«', 0) => depth = 1,
            ('«', _) => {
                depth += 1;
                cur.push(c);
            }
            ('»', 0) => return None,
            ('»', 1) => {
                depth = 0;
                quotes.push(std::mem::take(&mut cur));
                skeleton.push_str(" Q ");
            }
            ('»', _) => {
                depth -= 1;
                cur.push(c);
            }
            (c, 0) => skeleton.push(c),
            (c, _) => cur.push(c),
        }
    }
    (depth == 0).then_some((skeleton, quotes))
}

/// Tokens of the skeleton matched against a pattern: literal words with
/// `|` alternatives, `Q` a quote, `OCC` an optional occurrence, `REST` the
/// remaining words (at least one).
struct Match {
    quotes: Vec<String>,
    occurrence: Option<u32>,
    rest: String,
}

fn matches(toks: &[&str], pattern: &str, quotes: &mut std::slice::Iter<String>, lang: Lang) -> Option<Match> {
    let mut m = Match { quotes: Vec::new(), occurrence: None, rest: String::new() };
    let pat: Vec<&str> = pattern.split(' ').collect();
    let mut i = 0;
    let mut qs = quotes.clone();
    for (k, p) in pat.iter().enumerate() {
        match *p {
            "Q" => {
                (toks.get(i) == Some(&"Q")).then_some(())?;
                m.quotes.push(qs.next()?.clone());
                i += 1;
            }
            "OCC" => {
                if let Some((n, used)) = occurrence(&toks[i..], lang) {
                    m.occurrence = Some(n);
                    i += used;
                }
            }
            "REST" => {
                // Up to the next literal of the pattern.
                let next = pat.get(k + 1);
                let end = match next {
                    Some(lit) => (i + 1..toks.len()).find(|&j| lit.split('|').any(|a| a == toks[j]))?,
                    None => toks.len(),
                };
                (end > i).then_some(())?;
                m.rest = toks[i..end].join(" ");
                i = end;
            }
            lit => {
                let t = toks.get(i)?;
                lit.split('|').any(|a| a == *t).then_some(())?;
                i += 1;
            }
        }
    }
    (i == toks.len()).then(|| {
        *quotes = qs;
        m
    })
}

/// «во втором случае» / «екінші жағдайда»: the number and the words used.
fn occurrence(toks: &[&str], lang: Lang) -> Option<(u32, usize)> {
    let word = |n: u32| {
        let n = n.to_string();
        match lang {
            Lang::Kk => crate::render::ordinal::kk(&n).map(|w| format!("{w} жағдайда")),
            _ => crate::render::ordinal::ru(
                &n,
                crate::render::ordinal::Gender::Masculine,
                crate::render::ordinal::RuCase::Prepositional,
            )
            .map(|w| format!("{} {w} случае", if w.starts_with("втор") { "во" } else { "в" })),
        }
    };
    (1..100).find_map(|n| {
        let w = word(n)?;
        let len = w.split(' ').count();
        (toks.get(..len)? == w.split(' ').collect::<Vec<_>>().as_slice()).then_some((n, len))
    })
}

const RU_SG_PL: &str = "слово|слова";
const RU_INSTR: &str = "словом|словами";

fn ru_words(toks: &[&str], quotes: &[String]) -> Option<(Words, Option<u32>)> {
    let l = Lang::Ru;
    let q = || quotes.iter();
    let try_ = |p: &str| matches(toks, p, &mut q(), l);
    if let Some(m) = try_(&format!("{RU_SG_PL} Q OCC заменить {RU_INSTR} Q")) {
        let [old, new] = <[String; 2]>::try_from(m.quotes).ok()?;
        return Some((Words::Replace { old, new }, m.occurrence));
    }
    if let Some(m) = try_(&format!("{RU_SG_PL} Q OCC исключить")) {
        return Some((Words::Delete { old: m.quotes[0].clone() }, m.occurrence));
    }
    if let Some(m) = try_(&format!("после слов|слова Q OCC дополнить {RU_INSTR} Q")) {
        let [anchor, new] = <[String; 2]>::try_from(m.quotes).ok()?;
        return Some((Words::After { anchor, new }, m.occurrence));
    }
    if let Some(m) = try_(&format!("перед {RU_INSTR} Q OCC дополнить {RU_INSTR} Q")) {
        let [anchor, new] = <[String; 2]>::try_from(m.quotes).ok()?;
        return Some((Words::Before { anchor, new }, m.occurrence));
    }
    let end = try_("дополнить предложением следующего содержания: Q")
        .or_else(|| try_(&format!("дополнить {RU_INSTR} Q")))?;
    Some((Words::End { new: end.quotes[0].clone() }, None))
}

const KK_NOM: &str = "сөз|сөздер";
const KK_INSTR: &str = "сөзбен|сөздермен";

fn kk_words(toks: &[&str], quotes: &[String]) -> Option<(Words, Option<u32>)> {
    let l = Lang::Kk;
    let q = || quotes.iter();
    let try_ = |p: &str| matches(toks, p, &mut q(), l);
    if let Some(m) = try_(&format!("Q деген {KK_NOM} OCC Q деген {KK_INSTR} ауыстырылсын"))
    {
        let [old, new] = <[String; 2]>::try_from(m.quotes).ok()?;
        return Some((Words::Replace { old, new }, m.occurrence));
    }
    if let Some(m) = try_(&format!("Q деген {KK_NOM} OCC алып тасталсын")) {
        return Some((Words::Delete { old: m.quotes[0].clone() }, m.occurrence));
    }
    if let Some(m) = try_(&format!("Q деген сөзден|сөздерден OCC кейін Q деген {KK_INSTR} толықтырылсын"))
    {
        let [anchor, new] = <[String; 2]>::try_from(m.quotes).ok()?;
        return Some((Words::After { anchor, new }, m.occurrence));
    }
    if let Some(m) = try_(&format!("Q деген сөздің|сөздердің OCC алдынан Q деген {KK_INSTR} толықтырылсын"))
    {
        let [anchor, new] = <[String; 2]>::try_from(m.quotes).ok()?;
        return Some((Words::Before { anchor, new }, m.occurrence));
    }
    let end = try_("мынадай мазмұндағы сөйлеммен толықтырылсын: Q")
        .or_else(|| try_(&format!("Q деген {KK_INSTR} толықтырылсын")))?;
    Some((Words::End { new: end.quotes[0].clone() }, None))
}

/// Where the formula starts: the first word no unit phrase has.
fn start(toks: &[&str], lang: Lang) -> usize {
    let starters: &[&str] = match lang {
        Lang::Kk => &["Q", "мынадай", "алып", "бүкіл"],
        _ => &[
            "слово",
            "слова",
            "после",
            "перед",
            "дополнить",
            "изложить",
            "исключить",
            "считать",
            "текст",
            "по",
        ],
    };
    toks.iter()
        .position(|t| starters.contains(t) || (lang == Lang::Kk && t.ends_with("тіліндегі")))
        .unwrap_or(toks.len())
}

fn path(words: &[&str], lang: Lang) -> Option<Path> {
    phrase::read(&words.join(" "), lang)
}

/// The one unit a phrase names, as an added or renumbered unit's kind and number.
fn single(p: &Path) -> Option<(UnitKind, Option<String>)> {
    match p.segs.as_slice() {
        [one] if !p.heading => Some(one.clone()),
        _ => None,
    }
}

/// What the instruction does, or `None` when it is not a formula zan knows.
/// `line` has no item number and no final «;» or «.».
pub fn read(line: &str, lang: Lang) -> Option<Does> {
    let (skeleton, quotes) = unquote(line)?;
    let toks: Vec<&str> = skeleton.split_whitespace().collect();
    let s = start(&toks, lang);
    let (unit, formula) = toks.split_at(s);
    let here = || path(unit, lang);
    if lang == Lang::Kk && quotes.is_empty() && toks.ends_with(&["деп", "нөмірленсін"]) {
        return renumber(&toks[..toks.len() - 2], lang);
    }
    if formula.is_empty() {
        let last = unit.last()?.strip_suffix(':')?;
        let mut words = unit.to_vec();
        *words.last_mut()? = last;
        if lang != Lang::Kk && words.first() != Some(&"в") {
            return None;
        }
        return path(&words, lang).map(Does::Header);
    }
    let joined = formula.join(" ");
    let q = || quotes.iter();
    match lang {
        Lang::Kk => {
            if joined.contains("тіліндегі мәтін өзгереді") {
                return Some(Does::OtherLanguage);
            }
            if let Some(rest) = joined.strip_prefix("бүкіл мәтін бойынша ") {
                return throughout(rest, &quotes, lang);
            }
            match joined.as_str() {
                "мынадай редакцияда жазылсын:" => return here().map(Does::Rewrite),
                "алып тасталсын" if !unit.is_empty() => return repeal(unit, lang),
                _ => {}
            }
            if let Some(m) = matches(formula, "мынадай мазмұндағы REST толықтырылсын:", &mut q(), lang)
            {
                let (kind, number) = single(&phrase::read(&m.rest, lang)?)?;
                return Some(Does::Add { parent: here()?, kind, number });
            }
            let (words, occurrence) = kk_words(formula, &quotes)?;
            Some(Does::Words { path: here()?, words, occurrence })
        }
        _ => {
            if joined.starts_with("текст на ") && joined.contains("не изменяется") {
                return Some(Does::OtherLanguage);
            }
            if let Some(rest) = joined.strip_prefix("по всему тексту ") {
                return throughout(rest, &quotes, lang);
            }
            match joined.as_str() {
                "изложить в следующей редакции:" => {
                    return here().map(Does::Rewrite);
                }
                "исключить" if !unit.is_empty() => return repeal(unit, lang),
                _ => {}
            }
            if let Some(m) = matches(formula, "дополнить REST следующего содержания:", &mut q(), lang)
            {
                let (kind, number) = single(&phrase::read(&m.rest, lang)?)?;
                return Some(Does::Add { parent: here()?, kind, number });
            }
            if let Some(m) = matches(formula, "считать REST", &mut q(), lang) {
                let new = phrase::read(&m.rest, lang)?;
                let number = new.segs.last()?.1.clone()?;
                return Some(Does::Renumber { path: here()?, number });
            }
            let (words, occurrence) = ru_words(formula, &quotes)?;
            Some(Does::Words { path: here()?, words, occurrence })
        }
    }
}

/// A repeal of one unit, or of a range of them: «статьи 205–213», «части
/// 2–3 статьи 15» (the plural noun first, then the range), «205-213-баптар»,
/// «15-баптың 2-3-бөліктері» (the range joined to the plural noun, last).
fn repeal(unit: &[&str], lang: Lang) -> Option<Does> {
    let ranged = || match lang {
        Lang::Kk => {
            let (last, outer) = unit.split_last()?;
            let (numbers, noun) = last.rsplit_once('-')?;
            let kind = phrase::plural(noun, lang)?;
            let (from, to) = range(numbers)?;
            let one = format!("{from}-{}", crate::model::nouns::kk(kind)[crate::model::nouns::KK_NOM]);
            let mut words = outer.to_vec();
            words.push(&one);
            path(&words, lang).map(|p| (p, to))
        }
        _ => {
            let (noun, rest) = unit.split_first()?;
            let kind = phrase::plural(noun, lang)?;
            let (numbers, outer) = rest.split_first()?;
            let (from, to) = range(numbers)?;
            let one = crate::model::nouns::ru(kind)[crate::model::nouns::RU_NOM];
            let mut words = vec![one, from.as_str()];
            words.extend(outer);
            path(&words, lang).map(|p| (p, to))
        }
    };
    match ranged() {
        Some((p, to)) => Some(Does::Repeal(p, Some(to))),
        None => path(unit, lang).map(|p| Does::Repeal(p, None)),
    }
}

/// «205–213», «205-213», «1)–3)», «213-1–213-3»: the first and last number
/// of a range. With a hyphen, it is a range only where the first number is
/// lower than the second (so «213-1» is the number of an inserted unit).
fn range(words: &str) -> Option<(String, String)> {
    let bare = |s: &str| s.strip_suffix(')').unwrap_or(s).to_string();
    let base = |s: &str| s.split('-').next().and_then(|d| d.parse::<u32>().ok());
    let number = |s: &str| {
        !s.is_empty() && s.split('-').all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()))
    };
    if let Some((a, b)) = words.split_once('–') {
        let (a, b) = (bare(a), bare(b));
        return (number(&a) && number(&b)).then_some((a, b));
    }
    words.match_indices('-').find_map(|(i, _)| {
        let (a, b) = (bare(&words[..i]), bare(&words[i + 1..]));
        (number(&a) && number(&b) && base(&a)? < base(&b)?).then_some((a, b))
    })
}

/// «15-баптың 3-бөлігі 15-баптың 4-бөлігі деп нөмірленсін»: the split
/// where both halves read as paths of one length.
fn renumber(toks: &[&str], lang: Lang) -> Option<Does> {
    (1..toks.len()).find_map(|k| {
        let (a, b) = (path(&toks[..k], lang)?, path(&toks[k..], lang)?);
        let number = b.segs.last()?.1.clone()?;
        (a.segs.len() == b.segs.len()).then_some(Does::Renumber { path: a, number })
    })
}

/// The pairs of «по всему тексту …», separated by commas.
fn throughout(rest: &str, quotes: &[String], lang: Lang) -> Option<Does> {
    let mut qs = quotes.iter();
    let mut pairs = Vec::new();
    for part in rest.split(" , ") {
        let toks: Vec<&str> = part.split_whitespace().collect();
        let p = match lang {
            Lang::Kk => format!("Q деген {KK_NOM} Q деген {KK_INSTR} ауыстырылсын"),
            _ => format!("{RU_SG_PL} Q заменить {RU_INSTR} Q"),
        };
        let m = matches(&toks, &p, &mut qs, lang)?;
        let [old, new] = <[String; 2]>::try_from(m.quotes).ok()?;
        pairs.push((old, new));
    }
    Some(Does::Throughout(pairs))
}

#[cfg(test)]
mod tests {
    use super::*;
    use UnitKind::*;

    fn path(segs: &[(UnitKind, &str)]) -> Path {
        Path {
            segs: segs.iter().map(|(k, n)| (*k, (!n.is_empty()).then(|| n.to_string()))).collect(),
            heading: false,
        }
    }

    #[test]
    fn russian_formulae() {
        assert_eq!(
            read("в части третьей статьи 15 слово «(бездействия)» исключить", Lang::Ru),
            Some(Does::Words {
                path: path(&[(Article, "15"), (Part, "3")]),
                words: Words::Delete { old: "(бездействия)".into() },
                occurrence: None
            })
        );
        assert_eq!(
            read("в статье 5 слова «а «б»» во втором случае заменить словом «в»", Lang::Ru),
            Some(Does::Words {
                path: path(&[(Article, "5")]),
                words: Words::Replace { old: "а «б»".into(), new: "в".into() },
                occurrence: Some(2)
            })
        );
        assert_eq!(read("в статье 15:", Lang::Ru), Some(Does::Header(path(&[(Article, "15")]))));
        assert_eq!(
            read("статью 15 дополнить частью 2-1 следующего содержания:", Lang::Ru),
            Some(Does::Add { parent: path(&[(Article, "15")]), kind: Part, number: Some("2-1".into()) })
        );
        assert_eq!(
            read("дополнить статьей 213-2 следующего содержания:", Lang::Ru),
            Some(Does::Add { parent: path(&[]), kind: Article, number: Some("213-2".into()) })
        );
        assert_eq!(
            read("статью 213-2 считать статьей 213-1", Lang::Ru),
            Some(Does::Renumber { path: path(&[(Article, "213-2")]), number: "213-1".into() })
        );
        assert_eq!(
            read(
                "по всему тексту слова «а б» заменить словами «в г», слово «д» заменить словом «е»",
                Lang::Ru
            ),
            Some(Does::Throughout(vec![("а б".into(), "в г".into()), ("д".into(), "е".into())]))
        );
        assert_eq!(read("статью 15 переписать", Lang::Ru), None);
    }

    #[test]
    fn ranges_of_repealed_units() {
        let ru = |s| read(s, Lang::Ru);
        let kk = |s| read(s, Lang::Kk);
        let to = |s: &str| Some(s.to_string());
        assert_eq!(ru("статьи 205–213 исключить"), Some(Does::Repeal(path(&[(Article, "205")]), to("213"))));
        assert_eq!(ru("статьи 205-213 исключить"), Some(Does::Repeal(path(&[(Article, "205")]), to("213"))));
        assert_eq!(
            ru("части 2–3 статьи 15 исключить"),
            Some(Does::Repeal(path(&[(Article, "15"), (Part, "2")]), to("3")))
        );
        assert_eq!(
            ru("пункты 1)–3) части первой статьи 206 исключить"),
            Some(Does::Repeal(path(&[(Article, "206"), (Part, "1"), (Point, "1")]), to("3")))
        );
        assert_eq!(
            ru("статьи 213-1–213-3 исключить"),
            Some(Does::Repeal(path(&[(Article, "213-1")]), to("213-3")))
        );
        // An inserted number, not a range.
        assert_eq!(ru("статью 213-1 исключить"), Some(Does::Repeal(path(&[(Article, "213-1")]), None)));
        assert_eq!(
            kk("205-213-баптар алып тасталсын"),
            Some(Does::Repeal(path(&[(Article, "205")]), to("213")))
        );
        assert_eq!(
            kk("15-баптың 2-3-бөліктері алып тасталсын"),
            Some(Does::Repeal(path(&[(Article, "15"), (Part, "2")]), to("3")))
        );
        assert_eq!(
            kk("15-баптың 2-3-бөліктер алып тасталсын"),
            Some(Does::Repeal(path(&[(Article, "15"), (Part, "2")]), to("3")))
        );
        assert_eq!(kk("213-1-бап алып тасталсын"), Some(Does::Repeal(path(&[(Article, "213-1")]), None)));
    }

    #[test]
    fn kazakh_formulae() {
        assert_eq!(
            read("15-баптың үшінші бөлігіндегі «(а)» деген сөз екінші жағдайда алып тасталсын", Lang::Kk),
            Some(Does::Words {
                path: path(&[(Article, "15"), (Part, "3")]),
                words: Words::Delete { old: "(а)".into() },
                occurrence: Some(2)
            })
        );
        assert_eq!(
            read("209-бап «а б» деген сөздердің алдынан «в» деген сөзбен толықтырылсын", Lang::Kk),
            Some(Does::Words {
                path: path(&[(Article, "209")]),
                words: Words::Before { anchor: "а б".into(), new: "в".into() },
                occurrence: None
            })
        );
        assert_eq!(
            read("210-бап мынадай мазмұндағы ескертумен толықтырылсын:", Lang::Kk),
            Some(Does::Add { parent: path(&[(Article, "210")]), kind: Note, number: None })
        );
        assert_eq!(
            read("213-2-бап 213-1-бап деп нөмірленсін", Lang::Kk),
            Some(Does::Renumber { path: path(&[(Article, "213-2")]), number: "213-1".into() })
        );
        assert_eq!(
            read("232-бап алып тасталсын", Lang::Kk),
            Some(Does::Repeal(path(&[(Article, "232")]), None))
        );
        assert_eq!(read("үшінші бөлікте:", Lang::Kk), Some(Does::Header(path(&[(Part, "3")]))));
    }
}
