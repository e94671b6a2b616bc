//! One official text in one language, line by line, into a tree of units:
//! «Раздел 1.»/«1-бөлім.», «Глава 7.»/«7-тарау.», «Статья 205.»/«205-бап.»,
//! parts «1.», points «1)», subpoints «а)», unnumbered paragraphs, notes
//! «Примечание.»/«Ескертпе.», editorial notes «Сноска.»/«Ескерту.», repealed
//! units. Lines the layout wrapped are joined first.

use std::collections::HashMap;

use super::Finding;
use super::history;
use super::normal;
use super::tree::{At, Item, Node};
use crate::lang::Lang;
use crate::model::{Date, UnitKind};

/// One file's act: the header's facts and the units.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub title: Option<String>,
    pub number: Option<String>,
    pub adopted: Option<Date>,
    /// The act's top level: its units, comments and editorial notes.
    pub root: Node,
    pub findings: Vec<Finding>,
    /// The footnotes of summaries after a line «______» (a consolidated
    /// text of zan's): marker «[1]» and source.
    pub footnotes: Vec<(String, String)>,
}

/// What a line opens, if it opens a unit.
#[derive(Debug, Clone, PartialEq)]
enum Line<'a> {
    Heading { kind: UnitKind, number: String, title: &'a str },
    Numbered { kind: UnitKind, number: String, text: &'a str },
    Note(&'a str),
    Editorial,
    Plain,
}

/// `205`, `213-1`: the unit number a line starts with, and the rest.
fn number_prefix(s: &str) -> Option<(&str, &str)> {
    let mut end = 0;
    let b = s.as_bytes();
    loop {
        let start = end;
        while end < b.len() && b[end].is_ascii_digit() {
            end += 1;
        }
        if end == start {
            return None;
        }
        if end + 1 < b.len() && b[end] == b'-' && b[end + 1].is_ascii_digit() {
            end += 1;
            continue;
        }
        return Some((&s[..end], &s[end..]));
    }
}

fn heading<'a>(kind: UnitKind, number: &str, rest: &'a str) -> Option<Line<'a>> {
    let title = rest.strip_prefix('.')?;
    (title.is_empty() || title.starts_with(' ')).then(|| Line::Heading {
        kind,
        number: number.to_string(),
        title: title.trim(),
    })
}

fn classify(line: &str, lang: Lang) -> Line<'_> {
    let books: [(&str, &str); 2] = match lang {
        Lang::Kk => [("ЖАЛПЫ БӨЛІМ", "1"), ("ЕРЕКШЕ БӨЛІМ", "2")],
        _ => [("ОБЩАЯ ЧАСТЬ", "1"), ("ОСОБЕННАЯ ЧАСТЬ", "2")],
    };
    if let Some((title, n)) = books.iter().find(|(t, _)| line == *t) {
        return Line::Heading { kind: UnitKind::Book, number: n.to_string(), title };
    }
    let ru_heads = [
        ("Раздел ", UnitKind::Division),
        ("РАЗДЕЛ ", UnitKind::Division),
        ("Глава ", UnitKind::Chapter),
        ("ГЛАВА ", UnitKind::Chapter),
        ("Статья ", UnitKind::Article),
    ];
    let kk_heads = [
        ("-бөлім", UnitKind::Division),
        ("-БӨЛІМ", UnitKind::Division),
        ("-тарау", UnitKind::Chapter),
        ("-ТАРАУ", UnitKind::Chapter),
        ("-бап", UnitKind::Article),
    ];
    if lang == Lang::Ru {
        for (word, kind) in ru_heads {
            if let Some(h) =
                line.strip_prefix(word).and_then(number_prefix).and_then(|(n, r)| heading(kind, n, r))
            {
                return h;
            }
        }
    }
    if history::is_editorial(line, lang) {
        return Line::Editorial;
    }
    let notes: &[&str] = match lang {
        Lang::Kk => &["Ескертпе.", "Ескертпелер.", "Ескерту."],
        _ => &["Примечание.", "Примечания."],
    };
    if let Some(rest) = notes.iter().find_map(|n| line.strip_prefix(n)) {
        return Line::Note(rest.trim());
    }
    if let Some((n, rest)) = number_prefix(line) {
        if lang == Lang::Kk {
            for (word, kind) in kk_heads {
                if let Some(h) = rest.strip_prefix(word).and_then(|r| heading(kind, n, r)) {
                    return h;
                }
            }
        }
        if let Some(text) = rest.strip_prefix(". ") {
            return Line::Numbered { kind: UnitKind::Part, number: n.to_string(), text: text.trim() };
        }
        if let Some(text) = rest.strip_prefix(')') {
            return Line::Numbered { kind: UnitKind::Point, number: n.to_string(), text: text.trim() };
        }
    }
    let mut cs = line.chars();
    let letter = |c: char| matches!(c, 'а'..='я' | 'ә' | 'ғ' | 'қ' | 'ң' | 'ө' | 'ұ' | 'ү' | 'һ' | 'і');
    if let (Some(c), Some(')')) = (cs.next(), cs.next())
        && letter(c)
    {
        let text = line[c.len_utf8() + 1..].trim();
        return Line::Numbered { kind: UnitKind::Subpoint, number: c.to_string(), text };
    }
    Line::Plain
}

/// Logical lines: each normalised, with the number of the line it starts
/// on; a line that continues the paragraph above (it opens no unit, starts
/// in lower case, and the line above ends without closing punctuation; or
/// it is in capitals under a heading in capitals) is joined to it.
fn logical(text: &str, lang: Lang) -> Vec<(usize, String)> {
    let mut out: Vec<(usize, String)> = Vec::new();
    let mut blank_before = true;
    for (i, raw) in text.lines().enumerate() {
        let line = normal::line(raw);
        if line.is_empty() {
            blank_before = true;
            continue;
        }
        let plain = classify(&line, lang) == Line::Plain;
        let joins = match out.last() {
            Some((_, prev)) if plain && !blank_before => {
                let lower = line.chars().next().is_some_and(char::is_lowercase);
                let open = !prev.ends_with(['.', ';', ':', '!', '?', '–']);
                let caps = |s: &str| s.chars().any(char::is_alphabetic) && !s.chars().any(char::is_lowercase);
                let prev_heading =
                    matches!(classify(prev, lang), Line::Heading { kind, .. } if kind.is_grouping());
                (lower && open) || (prev_heading && caps(&line))
            }
            _ => false,
        };
        blank_before = false;
        join_or_push(&mut out, i + 1, line, joins);
    }
    out
}

/// Appends `line` (numbered `number`) to the last logical line when the
/// layout wrapped it there, else starts a new one.
pub(super) fn join_or_push(out: &mut Vec<(usize, String)>, number: usize, line: String, joins: bool) {
    match out.last_mut() {
        Some((_, prev)) if joins => {
            prev.push(' ');
            prev.push_str(&line);
        }
        _ => out.push((number, line)),
    }
}

/// The depth of a unit kind in the layout: a line opening a unit closes
/// every open unit as deep or deeper.
fn depth(kind: UnitKind) -> u8 {
    match kind {
        UnitKind::Book => 0,
        UnitKind::Division | UnitKind::Section => 1,
        UnitKind::Subsection => 2,
        UnitKind::Chapter => 3,
        UnitKind::Subchapter => 4,
        UnitKind::Article | UnitKind::Paragraph => 5,
        UnitKind::Part | UnitKind::Note => 6,
        UnitKind::Point => 7,
        UnitKind::Subpoint => 8,
        UnitKind::Indent => 9,
    }
}

/// Whether the words say the unit is repealed: «Исключена Законом РК …»,
/// «исключен», «Алып тасталды - ҚР …».
fn repeal_words(words: &str, lang: Lang) -> bool {
    let lower = words.to_lowercase();
    match lang {
        Lang::Kk => lower.starts_with("алып тасталды"),
        _ => lower.starts_with("исключен"),
    }
}

struct Builder<'a> {
    file: &'a str,
    lang: Lang,
    stack: Vec<Node>,
    /// The numbered units read in each open unit of `stack`, with where:
    /// a duplicate is found without a scan of its siblings.
    numbered: Vec<HashMap<(UnitKind, String), At>>,
    parsed: Parsed,
    /// Article numbers seen, with where: articles are numbered through the act.
    articles: HashMap<String, At>,
    /// A duplicate unit being kept as comments, and its depth.
    duplicate: Option<u8>,
    /// The last article read and where: the next must continue its number.
    last_article: Option<(u32, String, At)>,
    /// Past the line «______» that opens the footnotes.
    in_footnotes: bool,
}

impl Builder<'_> {
    fn at(&self, line: usize) -> At {
        At { file: self.file.to_string(), line }
    }

    fn lang(&self) -> &'static str {
        self.lang.code()
    }

    fn top(&mut self) -> &mut Node {
        self.stack.last_mut().expect("the root is never closed")
    }

    fn close_to(&mut self, depth_: u8) {
        while self.stack.len() > 1 && depth(self.stack.last().map_or(UnitKind::Book, |n| n.kind)) >= depth_ {
            self.close();
        }
    }

    fn close(&mut self) {
        if let Some(node) = self.stack.pop() {
            self.numbered.pop();
            self.top().items.push(Item::Unit(node));
        }
    }

    fn push(&mut self, node: Node) {
        self.stack.push(node);
        self.numbered.push(HashMap::new());
    }

    fn has_open(&self, kinds: &[UnitKind]) -> bool {
        self.stack.iter().skip(1).any(|n| kinds.contains(&n.kind))
    }

    fn keep(&mut self, code: &'static str, line: usize, words: &str, message: String) {
        let at = self.at(line);
        self.top().items.push(Item::Comment(format!("{code} {at}: {words}")));
        self.parsed.findings.push(Finding { code, at, message });
    }

    fn unrecognised(&mut self, line: usize, words: &str, why: &str) {
        self.keep(
            super::UNRECOGNISED,
            line,
            words,
            format!("line not recognised ({why}); kept as a comment"),
        );
    }

    fn open(&mut self, kind: UnitKind, number: String, line: usize, words: &str) -> bool {
        let at = self.at(line);
        self.close_to(depth(kind));
        let earlier = if kind == UnitKind::Article {
            self.articles.get(&number).cloned()
        } else {
            self.numbered.last().and_then(|m| m.get(&(kind, number.clone()))).cloned()
        };
        if let Some(first) = earlier {
            let message =
                format!("{} {number} again (first at {first}); this one is kept as comments", kind.keyword());
            self.keep(super::DUPLICATE, line, words, message);
            self.duplicate = Some(depth(kind));
            return false;
        }
        if kind == UnitKind::Article {
            self.articles.insert(number.clone(), at.clone());
            self.gap(&number, &at);
        } else if let Some(m) = self.numbered.last_mut() {
            m.insert((kind, number.clone()), at.clone());
        }
        let node = Node::new(kind, Some(number), self.lang(), at);
        self.push(node);
        true
    }

    /// An article whose base number skips some after the last one read
    /// (206 after 204; an inserted 213-1 after 213 continues it).
    fn gap(&mut self, number: &str, at: &At) {
        let Some(base) = number.split('-').next().and_then(|b| b.parse::<u32>().ok()) else { return };
        if let Some((last, last_number, last_at)) = &self.last_article
            && base > last + 1
        {
            let missing = if base == last + 2 {
                format!("{}", last + 1)
            } else {
                format!("{}–{}", last + 1, base - 1)
            };
            self.parsed.findings.push(Finding {
                code: super::NUMBERING_GAP,
                at: at.clone(),
                message: format!(
                    "article {number} follows article {last_number} (at {last_at}): no article {missing}"
                ),
            });
        }
        self.last_article = Some((base, number.to_string(), at.clone()));
    }

    /// A paragraph of the innermost open unit: its text if it has none
    /// yet and nothing below it, else an unnumbered paragraph (indent).
    fn paragraph(&mut self, line: usize, words: &str) {
        // A repealed unit has no words of its own: the paragraph is its parent's.
        while self.stack.len() > 2 && self.stack.last().is_some_and(|n| n.repealed) {
            self.close();
        }
        let lang = self.lang();
        let at = self.at(line);
        let top = self.top();
        if top.texts.is_empty() && top.items.is_empty() && !top.repealed {
            top.texts.push((lang.to_string(), words.to_string()));
        } else {
            let mut indent = Node::new(UnitKind::Indent, None, lang, at);
            indent.texts.push((lang.to_string(), words.to_string()));
            top.items.push(Item::Unit(indent));
        }
    }

    /// The words of a unit: its text, or that it is repealed.
    fn words_of_unit(&mut self, words: &str) {
        let lang = self.lang;
        let top = self.stack.last_mut().expect("root");
        if repeal_words(words, lang) {
            top.repealed = true;
            top.changes.extend(history::changes(words, lang));
            top.notes.push((lang.code().to_string(), words.to_string()));
        } else if !words.is_empty() {
            top.texts.push((lang.code().to_string(), words.to_string()));
        }
    }

    fn editorial(&mut self, words: &str) {
        let lang = self.lang;
        // The note belongs to the innermost article or grouping above it.
        let host =
            self.stack.iter().rposition(|n| n.kind == UnitKind::Article || n.kind.is_grouping()).unwrap_or(0);
        let node = &mut self.stack[host];
        node.changes.extend(history::changes(words, lang));
        node.notes.push((lang.code().to_string(), words.to_string()));
    }

    fn header(&mut self, line: usize, words: &str) {
        let lang = self.lang;
        if self.parsed.title.is_none() {
            self.parsed.title = Some(words.to_string());
            return;
        }
        let adopted = crate::render::dates::find_of_act(words, lang);
        let number = words.split_once('№').map(|(_, n)| {
            n.split_whitespace().next().unwrap_or("").trim_end_matches([',', '.', ';']).to_string()
        });
        match (adopted, number) {
            (Some(date), Some(n)) if self.parsed.number.is_none() && !n.is_empty() => {
                self.parsed.adopted = Some(date);
                self.parsed.number = Some(n);
            }
            _ => self.unrecognised(
                line,
                words,
                "text before the first unit that is neither the title nor the act's date and number",
            ),
        }
    }

    fn line(&mut self, line: usize, words: &str) {
        if words.len() >= 3 && words.chars().all(|c| c == '_') {
            self.in_footnotes = true;
            return;
        }
        if self.in_footnotes {
            match super::write::footnote(words) {
                Some(f) => self.parsed.footnotes.push(f),
                None => self.unrecognised(line, words, "a line among the footnotes"),
            }
            return;
        }
        let class = classify(words, self.lang);
        if let Some(dup) = self.duplicate {
            let ends = match &class {
                Line::Heading { kind, .. } | Line::Numbered { kind, .. } => depth(*kind) <= dup,
                _ => false,
            };
            if !ends {
                let at = self.at(line);
                self.top().items.push(Item::Comment(format!("{} {at}: {words}", super::DUPLICATE)));
                return;
            }
            self.duplicate = None;
        }
        match class {
            Line::Heading { kind, number, title } => {
                if self.open(kind, number, line, words) {
                    let lang = self.lang;
                    if kind == UnitKind::Article && repeal_words(title, lang) {
                        self.words_of_unit(title);
                    } else if !title.is_empty() {
                        self.top().titles.push((lang.code().to_string(), title.to_string()));
                    }
                }
            }
            Line::Numbered { kind: UnitKind::Part, .. } if !self.has_open(&[UnitKind::Article]) => {
                self.unrecognised(line, words, "a numbered part outside an article");
            }
            Line::Numbered { kind, number, text } => {
                let kind = if kind == UnitKind::Subpoint && !self.has_open(&[UnitKind::Point]) {
                    UnitKind::Point
                } else {
                    kind
                };
                if !self.has_open(&[UnitKind::Article]) {
                    return self.unrecognised(line, words, "a numbered point outside an article");
                }
                if self.open(kind, number, line, words) {
                    self.words_of_unit(text);
                }
            }
            Line::Note(text) => {
                if !self.has_open(&[UnitKind::Article]) {
                    return self.unrecognised(line, words, "a note outside an article");
                }
                self.close_to(depth(UnitKind::Note));
                let node = Node::new(UnitKind::Note, None, self.lang(), self.at(line));
                self.push(node);
                self.words_of_unit(text);
            }
            Line::Editorial => self.editorial(words),
            Line::Plain
                if self.stack.len() == 1
                    && !self.stack[0].items.iter().any(|i| matches!(i, Item::Unit(_))) =>
            {
                self.header(line, words)
            }
            Line::Plain
                if self.stack.last().is_some_and(|n| n.kind.is_grouping() || self.stack.len() == 1) =>
            {
                self.unrecognised(line, words, "text outside an article");
            }
            Line::Plain => self.paragraph(line, words),
        }
    }
}

/// One file in one language.
pub fn parse(text: &str, file: &str, lang: Lang) -> Parsed {
    let root = Node::new(UnitKind::Book, None, lang.code(), At { file: file.to_string(), line: 1 });
    let mut b = Builder {
        file,
        lang,
        stack: vec![root.clone()],
        numbered: vec![HashMap::new()],
        parsed: Parsed {
            title: None,
            number: None,
            adopted: None,
            root,
            findings: Vec::new(),
            footnotes: Vec::new(),
        },
        articles: HashMap::new(),
        duplicate: None,
        last_article: None,
        in_footnotes: false,
    };
    for (line, words) in logical(text, lang) {
        b.line(line, &words);
    }
    while b.stack.len() > 1 {
        b.close();
    }
    b.parsed.root = b.stack.pop().expect("root");
    b.parsed
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn classifies_lines() {
        let ru = |s| classify(s, Lang::Ru);
        let kk = |s| classify(s, Lang::Kk);
        assert_eq!(
            ru("Статья 213-1. Заголовок"),
            Line::Heading { kind: UnitKind::Article, number: "213-1".into(), title: "Заголовок" }
        );
        assert_eq!(
            kk("213-1-бап. Тақырып"),
            Line::Heading { kind: UnitKind::Article, number: "213-1".into(), title: "Тақырып" }
        );
        assert_eq!(
            kk("7-ТАРАУ. ТАҚЫРЫП"),
            Line::Heading { kind: UnitKind::Chapter, number: "7".into(), title: "ТАҚЫРЫП" }
        );
        assert_eq!(
            ru("2-1. Текст"),
            Line::Numbered { kind: UnitKind::Part, number: "2-1".into(), text: "Текст" }
        );
        assert_eq!(
            ru("9-1) текст;"),
            Line::Numbered { kind: UnitKind::Point, number: "9-1".into(), text: "текст;" }
        );
        assert_eq!(
            ru("а) текст;"),
            Line::Numbered { kind: UnitKind::Subpoint, number: "а".into(), text: "текст;" }
        );
        assert_eq!(ru("2014 года"), Line::Plain);
        assert_eq!(ru("Примечание. Текст"), Line::Note("Текст"));
        assert_eq!(kk("Ескерту. Осы бапта"), Line::Note("Осы бапта"));
    }

    #[test]
    fn a_numbering_gap_is_reported_with_both_places() {
        let text = "Статья 1. А\nТекст.\nСтатья 1-1. Б\nТекст.\nСтатья 2. В\nТекст.\nСтатья 5. Г\nТекст.\n";
        let found: Vec<String> =
            parse(text, "a.txt", Lang::Ru).findings.iter().map(|f| f.to_string()).collect();
        assert_eq!(
            found,
            [
                "a.txt:7: warning[import-numbering-gap]: article 5 follows article 2 (at a.txt:5): no article 3–4"
            ]
        );
    }

    #[test]
    fn joins_wrapped_lines() {
        let text = "Статья 1. Заголовок\nДеяние, совершенное\nв сфере, –\nнаказывается штрафом.\nГЛАВА 2. ДЛИННЫЙ\nЗАГОЛОВОК\n";
        let lines: Vec<String> =
            logical(text, Lang::Ru).into_iter().map(|(n, l)| format!("{n}: {l}")).collect();
        assert_eq!(
            lines,
            [
                "1: Статья 1. Заголовок",
                "2: Деяние, совершенное в сфере, –",
                "4: наказывается штрафом.",
                "5: ГЛАВА 2. ДЛИННЫЙ ЗАГОЛОВОК"
            ]
        );
    }
}
