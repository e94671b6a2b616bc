//! Unlinked citations: Kazakh, Russian and English mentions of articles,
//! their parts and points, and chapters, with the zan target each should link
//! to (`article 205 part 2 point 1`, `article 205..213`, `chapter 7`).
//!
//! The input is plain text: the caller strips inline references first, so a
//! citation that is already linked is never reported. Targets are relative to
//! the act the text belongs to; an act named in the text (`Франция ҚК`,
//! `Уголовного кодекса`) is not resolved here.
//!
//! Numbering rules:
//! - `213-1` (digits joined by a dash) is one inserted unit number, except
//!   with a plural noun (`205-213 баптар`, `статьями 205–213`, `Articles
//!   205-213`) where it is a range when the second number is larger; so the
//!   French `226-18, 226-19 – баптары` stay two articles.
//! - A range with a spaced dash (`54 – 57 баптар`) or `to` is always a range.
//! - A list (`205, 206, 207 баптар`, `статьями 205, 206 и 207`) gives one
//!   citation per number; the noun belongs to the last number in Kazakh and
//!   to the first in Russian and English.
//! - A Kazakh bare number with the noun in the accusative or ablative
//!   (`9 бапты қамтиды`, `9 баптан тұрады`) counts articles and is skipped.
//! - A part or point is cited only within its article (`205-баптың
//!   2-бөлігі`, `часть 2 статьи 205`, `part 2 of Article 205`) or relative to
//!   the current one (`осы баптың бірінші бөлігі`, `частью первой настоящей
//!   статьи`, `part 1 of this Article`): alone, `2-бөлігі` may be a part of
//!   an article or a division of a code.
//! - A point written `3)` under a part is `point 3`; Kazakh `тармақша` under
//!   a `тармақ` is a `subpoint`.
//!
//! Not recognised: `§ 202a` (which act's paragraph?), the abbreviations
//! `ст.`, `ч.`, `п.` (a gazette's `ст. 83` is an item, not an article) and
//! code divisions (`ІХ бөлігі`, which may also be a part of an article).

use std::ops::Range;

pub use crate::lang::Lang;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Citation {
    /// Byte range of the citation words, on `char` boundaries.
    pub range: Range<usize>,
    pub lang: Lang,
    /// zan target syntax, e.g. `article 205 part 2`.
    pub target: String,
}

/// Every citation in `text`, in text order.
pub fn find(text: &str) -> Vec<Citation> {
    let t = Tokens::new(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < t.toks.len() {
        match t.kk(i).or_else(|| t.ru(i)).or_else(|| t.en(i)) {
            Some((found, next)) => {
                out.extend(found);
                i = next;
            }
            None => i += 1,
        }
    }
    out
}

/// The reference that replaces the citation: `[<original words>](<target>)`.
pub fn suggestion(text: &str, citation: &Citation) -> String {
    format!("[{}]({})", &text[citation.range.clone()], citation.target)
}

/// The one citation the display words of a reference make in `lang`, when
/// they make exactly one: `статьей 209` cites `article 209`.
pub fn cited(words: &str, lang: &str) -> Option<Citation> {
    let mut found = find(words).into_iter().filter(|c| c.lang.code() == lang);
    let one = found.next()?;
    found.next().is_none().then_some(one)
}

/// Where `number` is written in `words` as a unit number of its own, not
/// inside a longer one (`209` is in «статьей 209» and «209-бабында», not in
/// «209-1-бабында» or «1209»).
pub fn written_number(words: &str, number: &str) -> Vec<Range<usize>> {
    if number.is_empty() {
        return Vec::new();
    }
    let joined = |c: char| c.is_alphanumeric() || DASHES.contains(&c);
    words
        .match_indices(number)
        .map(|(i, m)| i..i + m.len())
        .filter(|r| !words[..r.start].chars().next_back().is_some_and(joined))
        .filter(|r| {
            let mut rest = words[r.end..].chars();
            match rest.next() {
                Some(c) if c.is_alphanumeric() => false,
                // A dash then a digit continues the number (`209-1`).
                Some(c) if DASHES.contains(&c) => !rest.next().is_some_and(|d| d.is_ascii_digit()),
                _ => true,
            }
        })
        .collect()
}

/// `words` with the unit number `old` written as `new`, when `old` is
/// written there exactly once as a number of its own.
pub fn renumber_words(words: &str, old: &str, new: &str) -> Option<String> {
    let found = written_number(words, old);
    let [at] = found.as_slice() else { return None };
    let mut out = words.to_string();
    out.replace_range(at.clone(), new);
    Some(out)
}

/// The display words of a reference to `path` (kind keyword and number of
/// each segment, then the end of a range) that cite the same kinds of unit
/// with other numbers: what they cite, and the words corrected when each
/// wrong number is written once. `None` when they agree, or do not read as
/// one citation of the same kinds (`[this Article](article 5)`).
pub fn mismatch(
    words: &str,
    lang: &str,
    path: &[(&str, &str)],
    range_end: Option<&str>,
) -> Option<(String, Option<String>)> {
    let c = cited(words, lang)?;
    let (units, end) = match c.target.split_once("..") {
        Some((units, end)) => (units, Some(end)),
        None => (c.target.as_str(), None),
    };
    let units: Vec<&str> = units.split(' ').collect();
    let pairs: Vec<(&str, &str)> = units.chunks(2).filter_map(|p| Some((p[0], *p.get(1)?))).collect();
    if pairs.len() != path.len()
        || pairs.iter().zip(path).any(|(a, b)| a.0 != b.0)
        || end.is_some() != range_end.is_some()
    {
        return None;
    }
    let mut numbers: Vec<(&str, &str)> = pairs.iter().zip(path).map(|(a, b)| (a.1, b.1)).collect();
    numbers.extend(end.zip(range_end));
    let wrong: Vec<(&str, &str)> = numbers.into_iter().filter(|(a, b)| a != b).collect();
    if wrong.is_empty() {
        return None;
    }
    let fixed = wrong.iter().try_fold(words.to_string(), |w, (old, new)| renumber_words(&w, old, new));
    Some((c.target, fixed))
}

// ------------------------------------------------------------------ tokens

#[derive(Clone, Copy, PartialEq, Eq)]
enum T {
    Word,
    Num,
    Punct,
}

struct Tok {
    t: T,
    range: Range<usize>,
    /// Lower-cased text of a word.
    lower: String,
}

struct Tokens<'a> {
    src: &'a str,
    toks: Vec<Tok>,
}

const DASHES: &[char] = &['-', '\u{2010}', '\u{2011}', '\u{2012}', '–', '—'];

#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    Subpoint,
    Point,
    Part,
    Article,
    Chapter,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::Subpoint => "subpoint",
            Kind::Point => "point",
            Kind::Part => "part",
            Kind::Article => "article",
            Kind::Chapter => "chapter",
        }
    }
}

/// A unit number as written: digit groups joined by attached dashes, or a
/// range written with a spaced dash or `to`.
enum Spec {
    Parts(Vec<String>),
    Range(String, String),
}

impl Spec {
    fn single(&self) -> Option<String> {
        match self {
            Spec::Parts(p) => Some(p.join("-")),
            Spec::Range(..) => None,
        }
    }

    /// The number or range with a noun that may be plural.
    fn plural(&self) -> Option<String> {
        match self {
            Spec::Parts(p) => match p.as_slice() {
                [a, b] if numeric(a) < numeric(b) => Some(format!("{a}..{b}")),
                _ => Some(p.join("-")),
            },
            Spec::Range(a, b) => (numeric(a) < numeric(b)).then(|| format!("{a}..{b}")),
        }
    }
}

/// Digits parse as a number; a suffixed number (`202a`) sorts first, so it
/// never ends a range.
fn numeric(s: &str) -> Option<u64> {
    s.parse().ok()
}

/// One item of a citation: token span and its number.
struct Item {
    first: usize,
    last: usize,
    spec: Spec,
}

/// A unit of a chain: kind, number and the index of its last token.
struct Unit {
    kind: Kind,
    number: String,
    last: usize,
}

fn target(units: &[(Kind, String)], range_end: Option<&str>) -> String {
    let mut s = units.iter().map(|(k, n)| format!("{} {n}", k.name())).collect::<Vec<_>>().join(" ");
    if let Some(end) = range_end {
        s.push_str("..");
        s.push_str(end);
    }
    s
}

impl<'a> Tokens<'a> {
    fn new(src: &'a str) -> Self {
        let mut toks: Vec<Tok> = Vec::new();
        for (i, c) in src.char_indices() {
            let t = if super::is_letter(c) || matches!(c, '\u{0300}'..='\u{036F}') {
                T::Word
            } else if c.is_ascii_digit() {
                T::Num
            } else if c.is_whitespace() {
                continue;
            } else {
                T::Punct
            };
            let end = i + c.len_utf8();
            match toks.last_mut() {
                Some(last) if last.t == t && t != T::Punct && last.range.end == i => last.range.end = end,
                _ => toks.push(Tok { t, range: i..end, lower: String::new() }),
            }
        }
        // Most words are lower case already: only the others get a copy.
        for tok in toks.iter_mut().filter(|t| t.t == T::Word) {
            let word = &src[tok.range.clone()];
            if word.chars().any(char::is_uppercase) {
                tok.lower = word.to_lowercase();
            }
        }
        Tokens { src, toks }
    }

    fn is(&self, i: usize, t: T) -> bool {
        self.toks.get(i).is_some_and(|k| k.t == t)
    }

    /// Token `i` directly follows token `i - 1`, with no whitespace.
    fn attached(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && self.toks[i].range.start == self.toks[i - 1].range.end
    }

    fn spaced(&self, i: usize) -> bool {
        i > 0 && i < self.toks.len() && !self.attached(i)
    }

    fn text(&self, i: usize) -> &'a str {
        &self.src[self.toks[i].range.clone()]
    }

    fn word(&self, i: usize) -> Option<&str> {
        self.toks
            .get(i)
            .filter(|t| t.t == T::Word)
            .map(|t| if t.lower.is_empty() { &self.src[t.range.clone()] } else { t.lower.as_str() })
    }

    fn punct(&self, i: usize, set: &[char]) -> bool {
        self.is(i, T::Punct) && self.text(i).starts_with(set)
    }

    fn citation(&self, lang: Lang, first: usize, last: usize, target: String) -> Citation {
        Citation { range: self.toks[first].range.start..self.toks[last].range.end, lang, target }
    }

    /// A number may start at `i` unless it continues something (`2.1`, `№13`).
    fn starts_clean(&self, i: usize) -> bool {
        !self.attached(i) || self.punct(i - 1, &['(', '[', '«', '"', '“', '„', '‘'])
    }

    /// Digit groups joined by attached dashes (`213-1`, `205-213`), with an
    /// optional one-letter Latin suffix (`202a`). Returns the parts and the
    /// index after them; `None` when the number runs on (`2.1`, `5th`).
    fn num_group(&self, i: usize) -> Option<(Vec<String>, usize)> {
        if !self.is(i, T::Num) {
            return None;
        }
        let mut parts = vec![self.text(i).to_owned()];
        let mut j = i + 1;
        while self.punct(j, DASHES) && self.attached(j) && self.is(j + 1, T::Num) && self.attached(j + 1) {
            parts.push(self.text(j + 1).to_owned());
            j += 2;
        }
        if self.is(j, T::Word) && self.attached(j) {
            let w = self.text(j);
            if w.len() != 1 || !w.starts_with(|c: char| c.is_ascii_lowercase()) {
                return None;
            }
            parts.last_mut()?.push_str(w);
            j += 1;
        }
        if self.punct(j, &['.', ',', '/', ':'])
            && self.attached(j)
            && self.is(j + 1, T::Num)
            && self.attached(j + 1)
        {
            return None;
        }
        Some((parts, j))
    }

    /// A number group, or a range `a – b` / `a to b` of single numbers.
    fn item(&self, i: usize) -> Option<(Item, usize)> {
        let (parts, j) = self.num_group(i)?;
        let range_sep =
            (self.punct(j, DASHES) && self.spaced(j)) || (self.word(j) == Some("to") && self.spaced(j));
        if range_sep
            && parts.len() == 1
            && self.spaced(j + 1)
            && let Some((end, k)) = self.num_group(j + 1)
            && end.len() == 1
        {
            let spec = Spec::Range(parts[0].clone(), end[0].clone());
            return Some((Item { first: i, last: k - 1, spec }, k));
        }
        Some((Item { first: i, last: j - 1, spec: Spec::Parts(parts) }, j))
    }

    /// Items separated by `,` or joined by a conjunction, starting at `i`.
    fn items(&self, i: usize, and: &[&str]) -> Option<(Vec<Item>, usize)> {
        let (first, mut j) = self.item(i)?;
        let mut items = vec![first];
        loop {
            let comma = self.punct(j, &[',']) && self.attached(j);
            let conj = self.word(j).is_some_and(|w| and.contains(&w));
            if !(comma || conj) || !self.spaced(j + 1) {
                break;
            }
            let Some((next, k)) = self.item(j + 1) else {
                break;
            };
            items.push(next);
            j = k;
            if conj {
                break;
            }
        }
        Some((items, j))
    }

    fn roman(&self, i: usize) -> Option<String> {
        if !self.is(i, T::Word) || !self.text(i).chars().all(|c| "IVXLCDMІХСМ".contains(c)) {
            return None;
        }
        let latin = |c| match c {
            'І' => 'I',
            'Х' => 'X',
            'С' => 'C',
            'М' => 'M',
            c => c,
        };
        Some(self.text(i).chars().map(latin).collect())
    }

    // ------------------------------------------------------------- Kazakh

    fn kk(&self, i: usize) -> Option<(Vec<Citation>, usize)> {
        if self.word(i) == Some("осы")
            && let Some(n) = self.word(i + 1).and_then(kk_noun)
            && n.kind == Kind::Article
            && n.genitive
        {
            let (units, next) = self.kk_chain(i + 2, Kind::Article, false)?;
            let last = units.last()?.last;
            let pairs: Vec<_> = units.into_iter().map(|u| (u.kind, u.number)).collect();
            return Some((vec![self.citation(Lang::Kk, i, last, target(&pairs, None))], next));
        }
        if let Some(number) = self.roman(i)
            && let Some((noun, bare)) = self.kk_noun_at(i + 1)
            && let Some(n) = self.word(noun).and_then(kk_noun)
            && n.kind == Kind::Chapter
            && !(bare && n.count_case)
        {
            let t = target(&[(Kind::Chapter, number)], None);
            return Some((vec![self.citation(Lang::Kk, i, noun, t)], noun + 1));
        }
        if !self.starts_clean(i) {
            return None;
        }
        let (items, j) = self.items(i, &["және", "мен", "бен", "пен", "немесе"])?;
        let (noun, bare) = self.kk_noun_at(j)?;
        let n = self.word(noun).and_then(kk_noun)?;
        if items.len() > 1 || n.plural {
            if !matches!(n.kind, Kind::Article | Kind::Chapter) {
                return None;
            }
            let count = items.len();
            let found = items
                .into_iter()
                .enumerate()
                .map(|(k, it)| {
                    let last = if k + 1 == count { noun } else { it.last };
                    let number = it.spec.plural()?;
                    let t = format!("{} {number}", n.kind.name());
                    Some(self.citation(Lang::Kk, it.first, last, t))
                })
                .collect::<Option<Vec<_>>>()?;
            return Some((found, noun + 1));
        }
        let item = items.into_iter().next()?;
        if bare && n.count_case {
            return None;
        }
        let (number, range_end) = match &item.spec {
            Spec::Parts(p) => (p.join("-"), None),
            Spec::Range(a, b) if numeric(a) < numeric(b) => (a.clone(), Some(b.clone())),
            Spec::Range(..) => return None,
        };
        let mut pairs = vec![(n.kind, number)];
        let mut last = noun;
        let mut next = noun + 1;
        match n.kind {
            Kind::Chapter => {}
            Kind::Article => {
                if n.genitive
                    && range_end.is_none()
                    && let Some((units, k)) = self.kk_chain(noun + 1, Kind::Article, false)
                {
                    last = units.last()?.last;
                    next = k;
                    pairs.extend(units.into_iter().map(|u| (u.kind, u.number)));
                }
            }
            _ => return None,
        }
        let t = target(&pairs, range_end.as_deref());
        Some((vec![self.citation(Lang::Kk, item.first, last, t)], next))
    }

    /// Where the noun after a Kazakh number starts: `205-бап`, `205 бап`,
    /// `17 – бап`. The flag tells a bare (space-only) connector.
    fn kk_noun_at(&self, j: usize) -> Option<(usize, bool)> {
        if self.is(j, T::Word) && self.spaced(j) {
            return Some((j, true));
        }
        if self.punct(j, DASHES) && self.is(j + 1, T::Word) && self.attached(j) == self.attached(j + 1) {
            return Some((j + 1, false));
        }
        None
    }

    /// Units below `parent`, each but the last in the genitive:
    /// `2-бөлігінің 3) тармақшасы`.
    fn kk_chain(&self, mut i: usize, mut parent: Kind, mut sub: bool) -> Option<(Vec<Unit>, usize)> {
        let mut units = Vec::new();
        while self.spaced(i) {
            let (number, j, paren) = if let Some((num, j)) = self.kk_ordinal(i) {
                (num, j, false)
            } else {
                let Some((parts, j)) = self.num_group(i) else {
                    break;
                };
                let paren = self.punct(j, &[')']) && self.attached(j);
                (parts.join("-"), j + usize::from(paren), paren)
            };
            let Some((noun, bare)) = self.kk_noun_at(j) else {
                break;
            };
            if paren && !bare {
                break;
            }
            let Some(n) = self.word(noun).and_then(kk_noun) else {
                break;
            };
            let kind = match (parent, n.kind, n.tarmaqsha) {
                (Kind::Article, Kind::Part, _) => Kind::Part,
                (Kind::Article | Kind::Part, Kind::Point, _) => Kind::Point,
                (Kind::Point, Kind::Point, true) if sub => Kind::Subpoint,
                _ => break,
            };
            if n.plural || (bare && n.count_case) {
                break;
            }
            units.push(Unit { kind, number, last: noun });
            i = noun + 1;
            sub = !n.tarmaqsha && kind == Kind::Point;
            parent = kind;
            if !n.genitive {
                break;
            }
        }
        let next = units.last()?.last + 1;
        Some((units, next))
    }

    fn kk_ordinal(&self, i: usize) -> Option<(String, usize)> {
        const ORDINALS: [&str; 10] = [
            "бірінші",
            "екінші",
            "үшінші",
            "төртінші",
            "бесінші",
            "алтыншы",
            "жетінші",
            "сегізінші",
            "тоғызыншы",
            "оныншы",
        ];
        let pos = |w: &str| ORDINALS.iter().position(|o| *o == w);
        let w = self.word(i)?;
        if w == "он"
            && let Some(k) = self.word(i + 1).and_then(pos)
            && k < 2
        {
            return Some(((k + 11).to_string(), i + 2));
        }
        Some(((pos(w)? + 1).to_string(), i + 1))
    }

    // ------------------------------------------------------------- Russian

    fn ru(&self, i: usize) -> Option<(Vec<Citation>, usize)> {
        let noun = self.word(i).and_then(ru_noun)?;
        match noun.kind {
            Kind::Article | Kind::Chapter => {
                if !self.spaced(i + 1) {
                    return None;
                }
                if noun.kind == Kind::Chapter
                    && let Some(r) = self.roman(i + 1)
                {
                    let t = target(&[(Kind::Chapter, r)], None);
                    return Some((vec![self.citation(Lang::Ru, i, i + 1, t)], i + 2));
                }
                let (items, j) = self.items(i + 1, &["и", "или"])?;
                self.listed(Lang::Ru, i, noun, items, j)
            }
            _ => {
                let mut pairs: Vec<(Kind, String)> = Vec::new();
                let mut j = i;
                loop {
                    let n = self.word(j).and_then(ru_noun)?;
                    if pairs.last().is_some_and(|(k, _)| n.kind <= *k) || n.kind == Kind::Chapter {
                        return None;
                    }
                    let (number, k) = self.ru_number(j + 1, n.kind)?;
                    pairs.push((n.kind, number));
                    if n.kind == Kind::Article {
                        pairs.reverse();
                        let t = target(&pairs, None);
                        return Some((vec![self.citation(Lang::Ru, i, k - 1, t)], k));
                    }
                    if matches!(self.word(k), Some("настоящей" | "этой" | "данной"))
                        && matches!(self.word(k + 1), Some("статьи"))
                    {
                        pairs.reverse();
                        let t = target(&pairs, None);
                        return Some((vec![self.citation(Lang::Ru, i, k + 1, t)], k + 2));
                    }
                    j = k;
                }
            }
        }
    }

    /// The number after a Russian or English noun at `i - 1`: digits,
    /// `3)` for points, an ordinal word for parts (`частью второй`), a Roman
    /// numeral for chapters. Returns it and the index after it.
    fn ru_number(&self, i: usize, kind: Kind) -> Option<(String, usize)> {
        if !self.spaced(i) {
            return None;
        }
        if kind == Kind::Part
            && let Some(n) = self.word(i).and_then(ru_ordinal)
        {
            return Some((n.to_string(), i + 1));
        }
        if kind == Kind::Chapter
            && let Some(r) = self.roman(i)
        {
            return Some((r, i + 1));
        }
        let (parts, j) = self.num_group(i)?;
        let paren = matches!(kind, Kind::Point | Kind::Subpoint) && self.punct(j, &[')']) && self.attached(j);
        Some((parts.join("-"), j + usize::from(paren)))
    }

    /// An article or chapter noun at `i` with its items: `статьями 205–213`,
    /// `Articles 205, 206 and 207`, `главой 7`.
    fn listed(
        &self,
        lang: Lang,
        i: usize,
        noun: Noun,
        items: Vec<Item>,
        next: usize,
    ) -> Option<(Vec<Citation>, usize)> {
        let mut out = Vec::new();
        for (k, item) in items.iter().enumerate() {
            let number = if noun.plural {
                item.spec.plural()?
            } else if items.len() == 1 {
                item.spec.single()?
            } else {
                return None;
            };
            let first = if k == 0 { i } else { item.first };
            let t = format!("{} {number}", noun.kind.name());
            out.push(self.citation(lang, first, item.last, t));
        }
        Some((out, next))
    }

    // ------------------------------------------------------------- English

    fn en(&self, i: usize) -> Option<(Vec<Citation>, usize)> {
        let noun = self.word(i).and_then(en_noun)?;
        let mut at = i + 1;
        if self.word(i) == Some("art") {
            if !(self.punct(at, &['.']) && self.attached(at)) {
                return None;
            }
            at += 1;
        }
        if !self.spaced(at) {
            return None;
        }
        match noun.kind {
            Kind::Chapter if self.roman(at).is_some() => {
                let t = target(&[(Kind::Chapter, self.roman(at)?)], None);
                Some((vec![self.citation(Lang::En, i, at, t)], at + 1))
            }
            Kind::Article if !noun.plural => {
                let (parts, mut j) = self.num_group(at)?;
                let mut pairs = vec![(Kind::Article, parts.join("-"))];
                for kind in [Kind::Part, Kind::Point, Kind::Subpoint] {
                    let subdivision = self.punct(j, &['('])
                        && self.is(j + 1, T::Num)
                        && self.punct(j + 2, &[')'])
                        && (j..j + 3).all(|k| self.attached(k));
                    if !subdivision {
                        break;
                    }
                    pairs.push((kind, self.text(j + 1).to_owned()));
                    j += 3;
                }
                Some((vec![self.citation(Lang::En, i, j - 1, target(&pairs, None))], j))
            }
            Kind::Article | Kind::Chapter => {
                let (items, j) = self.items(at, &["and", "or"])?;
                self.listed(Lang::En, i, noun, items, j)
            }
            _ => {
                let mut pairs: Vec<(Kind, String)> = Vec::new();
                let mut j = i;
                loop {
                    let n = self.word(j).and_then(en_noun)?;
                    if matches!(pairs.last(), Some((k, _)) if n.kind <= *k) || n.plural {
                        return None;
                    }
                    let (number, k) = self.ru_number(j + 1, n.kind)?;
                    pairs.push((n.kind, number));
                    if n.kind == Kind::Article {
                        pairs.reverse();
                        let t = target(&pairs, None);
                        return Some((vec![self.citation(Lang::En, i, k - 1, t)], k));
                    }
                    if self.word(k) != Some("of") {
                        return None;
                    }
                    if self.word(k + 1) == Some("this") && self.word(k + 2) == Some("article") {
                        pairs.reverse();
                        let t = target(&pairs, None);
                        return Some((vec![self.citation(Lang::En, i, k + 2, t)], k + 3));
                    }
                    j = k + 1;
                }
            }
        }
    }
}

// -------------------------------------------------------------- vocabulary

#[derive(Clone, Copy)]
struct Noun {
    kind: Kind,
    /// The form is or may be plural (Russian `статьи` is both).
    plural: bool,
}

struct KkNoun {
    kind: Kind,
    plural: bool,
    genitive: bool,
    /// Accusative or ablative: after a bare number it counts units.
    count_case: bool,
    tarmaqsha: bool,
}

/// Kazakh unit nouns with their case forms; `бап` alternates with `баб-`
/// before a vowel, `бөлік` with `бөліг-`, `тармақ` with `тармағ-`.
fn kk_noun(w: &str) -> Option<KkNoun> {
    let (kind, plural, tarmaqsha) = if let Some(s) = w.strip_prefix("бап") {
        let known = matches!(
            s,
            "" | "ты"
                | "тың"
                | "та"
                | "тан"
                | "қа"
                | "тағы"
                | "тар"
                | "тары"
                | "тарда"
                | "тарға"
                | "тарды"
                | "тардың"
                | "тарын"
                | "тарына"
                | "тарының"
                | "тарында"
                | "тарынан"
                | "тардағы"
                | "тарындағы"
        );
        if !known {
            return None;
        }
        (Kind::Article, s.starts_with("тар"), false)
    } else if let Some(s) = w.strip_prefix("баб") {
        let known = matches!(s, "ы" | "ын" | "ына" | "ында" | "ындағы" | "ынан" | "ының");
        if !known {
            return None;
        }
        (Kind::Article, false, false)
    } else if w.starts_with("бөлік") || w.starts_with("бөліг") {
        (Kind::Part, w.starts_with("бөліктер"), false)
    } else if w.starts_with("тармақша") {
        (Kind::Point, w.starts_with("тармақшалар"), true)
    } else if w.starts_with("тармақ") || w.starts_with("тармағ") {
        (Kind::Point, w.starts_with("тармақтар"), false)
    } else if w.starts_with("тарау") {
        (Kind::Chapter, w.starts_with("тараулар"), false)
    } else {
        return None;
    };
    Some(KkNoun {
        kind,
        plural,
        genitive: w.ends_with("ың") || w.ends_with("ің"),
        count_case: matches!(
            w,
            "бапты"
                | "баптан"
                | "бөлікті"
                | "бөліктен"
                | "тарауды"
                | "тараудан"
                | "тармақты"
                | "тармақтан"
        ),
        tarmaqsha,
    })
}

/// Russian unit nouns in all cases; `статьи`, `части`, `главы`, `пункты`
/// may be plural.
fn ru_noun(w: &str) -> Option<Noun> {
    let ends = |stem: &str, sing: &[&str], plur: &[&str]| {
        let rest = w.strip_prefix(stem)?;
        if sing.contains(&rest) {
            Some(false)
        } else if plur.contains(&rest) {
            Some(true)
        } else {
            None
        }
    };
    let (kind, plural) = if let Some(p) =
        ends("стат", &["ья", "ье", "ью", "ьей", "ьёй"], &["ьи", "ей", "ьям", "ьями", "ьях"])
    {
        (Kind::Article, p)
    } else if let Some(p) = ends("част", &["ь", "ью"], &["и", "ей", "ям", "ями", "ях"]) {
        (Kind::Part, p)
    } else if let Some(p) = ends("глав", &["а", "е", "у", "ой", "ою"], &["ы", "", "ам", "ами", "ах"])
    {
        (Kind::Chapter, p)
    } else if let Some(p) = ends("подпункт", &["", "а", "у", "ом", "е"], &["ы", "ов", "ам", "ами", "ах"])
    {
        (Kind::Subpoint, p)
    } else if let Some(p) = ends("пункт", &["", "а", "у", "ом", "е"], &["ы", "ов", "ам", "ами", "ах"])
    {
        (Kind::Point, p)
    } else {
        return None;
    };
    Some(Noun { kind, plural })
}

/// Russian ordinals first to twelfth in any gender and case (`второй`,
/// `третьей`, `первую`); `пятнадцатой` is not `пят-` + ending.
fn ru_ordinal(w: &str) -> Option<u32> {
    const STEMS: [(&str, u32); 12] = [
        ("одиннадцат", 11),
        ("двенадцат", 12),
        ("перв", 1),
        ("втор", 2),
        ("трет", 3),
        ("четверт", 4),
        ("пят", 5),
        ("шест", 6),
        ("седьм", 7),
        ("восьм", 8),
        ("девят", 9),
        ("десят", 10),
    ];
    const ENDINGS: [&str; 23] = [
        "ая", "ой", "ую", "ый", "ое", "ого", "ому", "ым", "ом", "ые", "ых", "ыми", "ья", "ье", "ью", "ьей",
        "ий", "ьего", "ьему", "ьим", "ьем", "ьи", "ьих",
    ];
    STEMS.iter().find(|(stem, _)| w.strip_prefix(stem).is_some_and(|e| ENDINGS.contains(&e))).map(|(_, n)| *n)
}

fn en_noun(w: &str) -> Option<Noun> {
    let (kind, plural) = match w {
        "article" | "art" => (Kind::Article, false),
        "articles" => (Kind::Article, true),
        "chapter" => (Kind::Chapter, false),
        "chapters" => (Kind::Chapter, true),
        "part" => (Kind::Part, false),
        "point" => (Kind::Point, false),
        "subpoint" => (Kind::Subpoint, false),
        _ => return None,
    };
    Some(Noun { kind, plural })
}
