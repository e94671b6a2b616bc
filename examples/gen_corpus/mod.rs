//! A deterministic generator of synthetic zan workspaces, for benchmarks and
//! tests: Kazakh acts (kk, ru, sometimes en) spread over ~2 MB files, foreign
//! acts they are compared with, and amendments whose every operation applies
//! cleanly. Every reference points at a unit that exists and that no
//! amendment repeals, renumbers or rewrites (relative references inside such
//! an article excepted: they go or move with it).
//!
//! The whole workspace is planned first (article numbers, parts, points, which
//! articles each operation will touch), so texts can refer forward; then acts
//! are written one by one and the amendments last, from the texts captured
//! while writing the articles they touch.

mod vocab;

use std::collections::{HashMap, HashSet};
use std::fmt::Write as _;
use std::io;

use vocab::{
    ADVERBS, COMPARE_NOTES, CONNECTORS, FIRST_CHAPTER, FOREIGN, LAST_CHAPTER, NOUNS, POINTS_INTRO, RARE,
    REF_PHRASES, TOPICS, VERBS,
};

/// The version date of every generated act; amendments target it.
const VERSION: &str = "2024-01-01";
const RELATIONS: &[&str] = &["corresponds", "stricter", "lenient", "broader", "narrower", "implements"];

pub struct Config {
    /// Articles over all Kazakh acts (inserted and repealed ones included).
    pub articles: usize,
    pub acts: usize,
    pub amendments: usize,
    pub seed: u64,
    /// A file is closed after the first chapter that brings it past this size.
    pub file_bytes: usize,
    /// Short articles (one or two parts, rarely points: about 2 KB instead of
    /// 6 KB), so that 50,000 articles make about 100 MB.
    pub short: bool,
    /// Kazakh acts written together in one file (`acts/bundle-NNN.zan`):
    /// the many-small-acts shape of a file of resolutions or decrees. 1: each
    /// act in files of its own.
    pub acts_per_file: usize,
}

impl Config {
    pub fn new(articles: usize, acts: usize, amendments: usize, seed: u64) -> Config {
        Config {
            articles,
            acts: acts.max(1),
            amendments,
            seed,
            file_bytes: 2_000_000,
            short: false,
            acts_per_file: 1,
        }
    }
}

/// What was written.
pub struct Summary {
    pub files: usize,
    pub bytes: u64,
}

/// Generates the workspace, handing each file (path relative to the output
/// folder, contents) to `sink` in a fixed order.
pub fn generate(cfg: &Config, mut sink: impl FnMut(&str, &str) -> io::Result<()>) -> io::Result<Summary> {
    let mut generator = Gen::plan(cfg);
    let mut summary = Summary { files: 0, bytes: 0 };
    let mut emit = |path: &str, text: &str| {
        summary.files += 1;
        summary.bytes += text.len() as u64;
        sink(path, text)
    };
    let mut bundle = (String::new(), 0, 0);
    for a in 0..generator.acts.len() {
        if cfg.acts_per_file > 1 && generator.acts[a].kazakh {
            generator.write_act(a, &mut |_, text| {
                bundle.0.push_str(text);
                Ok(())
            })?;
            bundle.1 += 1;
            if bundle.1 == cfg.acts_per_file || a + 1 == cfg.acts {
                bundle.2 += 1;
                emit(&format!("acts/bundle-{:03}.zan", bundle.2), &std::mem::take(&mut bundle.0))?;
                bundle.1 = 0;
            }
        } else {
            generator.write_act(a, &mut emit)?;
        }
    }
    generator.write_amendments(&mut emit)?;
    Ok(summary)
}

/// SplitMix64: tiny, fast, and fully determined by the seed.
struct Rng(u64);

impl Rng {
    fn new(seed: u64, stream: u64) -> Rng {
        Rng(seed ^ stream.wrapping_mul(0xD1B5_4A32_D192_ED03))
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (((self.next() >> 32) * n as u64) >> 32) as usize
    }

    fn range(&mut self, lo: usize, hi: usize) -> usize {
        lo + self.below(hi - lo + 1)
    }

    fn percent(&mut self, p: usize) -> bool {
        self.below(100) < p
    }

    fn pick<T: Copy>(&mut self, xs: &[T]) -> T {
        xs[self.below(xs.len())]
    }

    fn date(&mut self, from: usize, to: usize) -> String {
        format!("{}-{:02}-{:02}", self.range(from, to), self.range(1, 12), self.range(1, 28))
    }
}

struct Article {
    number: String,
    base: usize,
    suffix: usize,
    /// Per part, per point: the number of subpoints. No parts: the article is one paragraph.
    parts: Vec<Vec<usize>>,
    repealed: Option<String>,
    note: bool,
    compare: bool,
    /// Repealed, renumbered or rewritten by an amendment: nothing may refer to it.
    quiet: bool,
    /// Rare words (indices into `RARE`) planted in its first paragraph.
    rare: Vec<usize>,
    /// Touched by a word operation: its texts are kept for the amendment.
    capture: bool,
}

impl Article {
    fn live(&self) -> bool {
        self.repealed.is_none()
    }
}

struct Act {
    id: String,
    /// Kazakh acts carry kk, ru and en; foreign ones ru and en.
    kazakh: bool,
    kind: &'static str,
    jurisdiction: &'static str,
    title: [&'static str; 3],
    /// Genitive forms for cross-act references: kk, ru, en.
    genitive: [&'static str; 3],
    kk_dat: &'static str,
    /// After the number's dash: a convocation ("226-V") or a series ("149-ФЗ").
    number_suffix: &'static str,
    articles: Vec<Article>,
    /// Index of each chapter's first article.
    chapters: Vec<usize>,
    /// Articles that references may point at.
    refable: Vec<usize>,
}

enum OpKind {
    Replace,
    Delete,
    InsertBefore,
    InsertAfter,
    InsertStart,
    InsertEnd,
    ReplaceAll { rare: usize },
    Rewrite,
    AddPart,
    AddPoint { part: usize },
    AddAfter { number: String },
    Repeal,
    Renumber { number: String },
}

struct Op {
    kind: OpKind,
    article: usize,
}

struct AmendmentPlan {
    id: String,
    act: usize,
    ops: Vec<Op>,
}

/// A unit whose own text a word operation may change.
struct Leaf {
    path: String,
    kk: Captured,
    ru: Captured,
}

struct Captured {
    plain: String,
    /// Rendered words, with the index of the run (words not separated by punctuation or a reference).
    words: Vec<(usize, String)>,
}

#[derive(Clone, Copy)]
enum Piece {
    Word(&'static str),
    /// Connectors and the words around references: never quoted by an amendment.
    Glue(&'static str),
    Punct(&'static str),
    Ref(usize),
}

struct Ref {
    target: String,
    kk_loc: String,
    kk_dat: String,
    ru: String,
    en: String,
}

/// One paragraph in three aligned languages.
#[derive(Default)]
struct Para {
    kk: Vec<Piece>,
    ru: Vec<Piece>,
    en: Vec<Piece>,
    refs: Vec<Ref>,
}

#[derive(Clone, Copy, PartialEq)]
enum Lang {
    Kk,
    Ru,
    En,
}

impl Lang {
    fn code(self) -> &'static str {
        match self {
            Lang::Kk => "kk",
            Lang::Ru => "ru",
            Lang::En => "en",
        }
    }

    fn index(self) -> usize {
        self as usize
    }
}

#[derive(Clone, Copy)]
enum Shape {
    /// One or two sentences.
    Full,
    /// A sentence ending in "in the following cases:".
    Intro,
    /// A point or subpoint: one clause ending in ";" or, for the last, ".".
    Item { last: bool },
}

/// Where a paragraph is, for relative references.
#[derive(Clone, Copy)]
struct Ctx {
    act: usize,
    /// 1-based part number, and the article's part count.
    part: Option<(usize, usize)>,
}

struct Gen<'c> {
    cfg: &'c Config,
    acts: Vec<Act>,
    amendments: Vec<AmendmentPlan>,
    captured: HashMap<(usize, usize), Vec<Leaf>>,
}

impl<'c> Gen<'c> {
    fn plan(cfg: &'c Config) -> Gen<'c> {
        let mut rng = Rng::new(cfg.seed, 0);
        let mut acts = Vec::new();
        let weights: Vec<usize> = (0..cfg.acts).map(|_| rng.range(2, 6)).collect();
        let total: usize = weights.iter().sum();
        for (a, w) in weights.iter().enumerate() {
            let topic = &TOPICS[a % TOPICS.len()];
            let n = (cfg.articles * w / total).max(12);
            let (articles, chapters) = skeleton(&mut rng, n, true, cfg.short);
            acts.push(Act {
                id: format!("kz.act{}", a + 1),
                kazakh: true,
                kind: topic.kind,
                jurisdiction: "kz",
                title: [topic.kk, topic.ru, topic.en],
                genitive: [topic.kk_gen, topic.ru_gen, topic.en_ref],
                kk_dat: topic.kk_dat,
                number_suffix: ["II", "III", "IV", "V", "VI", "VII"][a % 6],
                articles,
                chapters,
                refable: Vec::new(),
            });
        }
        for f in FOREIGN {
            let (articles, chapters) = skeleton(&mut rng, (cfg.articles / 20).max(12), false, cfg.short);
            acts.push(Act {
                id: format!("{}.act1", f[0]),
                kazakh: false,
                kind: f[1],
                jurisdiction: f[0],
                title: ["", f[2], f[3]],
                genitive: ["", f[4], f[5]],
                kk_dat: "",
                number_suffix: f[6],
                articles,
                chapters,
                refable: Vec::new(),
            });
        }
        let amendments = plan_amendments(&mut rng, cfg, &mut acts);
        for act in &mut acts {
            act.refable = (0..act.articles.len())
                .filter(|&i| act.articles[i].live() && !act.articles[i].quiet)
                .collect();
        }
        Gen { cfg, acts, amendments, captured: HashMap::new() }
    }

    // ------------------------------------------------------------ acts

    fn write_act(&mut self, a: usize, emit: &mut impl FnMut(&str, &str) -> io::Result<()>) -> io::Result<()> {
        let mut rng = Rng::new(self.cfg.seed, 1 + a as u64);
        let dir = if self.acts[a].kazakh { "acts" } else { "foreign" };
        let id = self.acts[a].id.clone();
        let mut starts = self.acts[a].chapters.clone();
        let chapters = starts.len();
        starts.push(self.acts[a].articles.len());
        let mut head = String::new();
        self.write_metadata(&mut rng, a, &mut head);
        let mut body = String::new();
        let mut file = 0;
        for c in 0..chapters {
            self.write_chapter(&mut rng, a, c, starts[c]..starts[c + 1], &mut body);
            if body.len() >= self.cfg.file_bytes || c + 1 == chapters {
                file += 1;
                let text = format!(
                    "# Synthetic workspace generated by gen-corpus (seed {}): not official wording.\n\
                     act {} version {VERSION} {{\n{}{}}}\n",
                    self.cfg.seed,
                    id,
                    std::mem::take(&mut head),
                    body
                );
                emit(&format!("{dir}/{id}/{file:03}.zan"), &text)?;
                body.clear();
            }
        }
        Ok(())
    }

    fn write_metadata(&self, rng: &mut Rng, a: usize, out: &mut String) {
        let act = &self.acts[a];
        let adopted = rng.range(1999, 2020);
        let _ = writeln!(out, "  jurisdiction {}", act.jurisdiction);
        let _ = writeln!(out, "  kind {}", act.kind);
        let _ = writeln!(out, "  number \"{}-{}\"", rng.range(10, 600), act.number_suffix);
        let _ = writeln!(out, "  adopted {adopted}-{:02}-{:02}", rng.range(1, 12), rng.range(1, 28));
        let _ = writeln!(out, "  in-force {}-01-01", adopted + 1);
        if act.kazakh {
            let _ = writeln!(out, "  languages kk ru");
            let _ = writeln!(out, "  title kk official \"{}\"", act.title[0]);
        } else {
            let _ = writeln!(out, "  languages ru");
        }
        let _ = writeln!(out, "  title ru official \"{}\"", act.title[1]);
        let _ = writeln!(out, "  title en summary \"{}\" cite \"synthetic:{}\"", act.title[2], act.id);
        let _ = writeln!(
            out,
            "  source \"Synthetic text generated by gen-corpus, seed {}; not an official publication\"",
            self.cfg.seed
        );
        if act.kazakh {
            let _ = writeln!(out, "  compare broader {}", self.acts[self.cfg.acts + a % FOREIGN.len()].id);
        }
    }

    fn write_chapter(
        &mut self,
        rng: &mut Rng,
        a: usize,
        c: usize,
        range: std::ops::Range<usize>,
        out: &mut String,
    ) {
        let act = &self.acts[a];
        let last = c + 1 == act.chapters.len();
        let _ = writeln!(out, "\n  chapter {} {{", c + 1);
        let title = if c == 0 {
            FIRST_CHAPTER
        } else if last {
            LAST_CHAPTER
        } else {
            let n = rng.pick(NOUNS);
            [n[0], n[1], n[2]]
        };
        for &lang in self.langs(a) {
            if lang != Lang::En {
                let _ = writeln!(
                    out,
                    "    title {} official \"{}\"",
                    lang.code(),
                    capitalized(title[lang.index()])
                );
            }
        }
        for i in range {
            self.write_article(rng, a, i, out);
        }
        out.push_str("  }\n");
    }

    fn langs(&self, a: usize) -> &'static [Lang] {
        if self.acts[a].kazakh { &[Lang::Kk, Lang::Ru, Lang::En] } else { &[Lang::Ru, Lang::En] }
    }

    fn write_article(&mut self, rng: &mut Rng, a: usize, i: usize, out: &mut String) {
        let act = &self.acts[a];
        let art = &act.articles[i];
        let _ = writeln!(out, "\n    article {} {{", art.number);
        if let Some(date) = &art.repealed {
            let _ = writeln!(out, "      repealed {date}");
            out.push_str("    }\n");
            return;
        }
        let cite = format!("synthetic:{}:{}", act.id, art.number);
        let title = title_para(rng);
        self.write_texts(rng, a, &title, "title ", &cite, 6, out, None);
        let mut rare = art.rare.clone();
        let capture = art.capture;
        let mut leaves = Vec::new();
        let parts = art.parts.clone();
        let path = format!("article {}", art.number);
        let ctx = Ctx { act: a, part: None };
        if parts.is_empty() {
            let para = self.para(rng, ctx, Shape::Full, &mut rare);
            let leaf = self.write_texts(rng, a, &para, "", &cite, 6, out, capture.then(|| path.clone()));
            leaves.extend(leaf);
        }
        for (p, points) in parts.iter().enumerate() {
            let ctx = Ctx { act: a, part: Some((p + 1, parts.len())) };
            let part_path = format!("{path} part {}", p + 1);
            let _ = writeln!(out, "      part {} {{", p + 1);
            let shape = if points.is_empty() { Shape::Full } else { Shape::Intro };
            let para = self.para(rng, ctx, shape, &mut rare);
            let leaf = (capture && points.is_empty()).then(|| part_path.clone());
            leaves.extend(self.write_texts(rng, a, &para, "", &cite, 8, out, leaf));
            for (q, &subpoints) in points.iter().enumerate() {
                let point_path = format!("{part_path} point {}", q + 1);
                let last = q + 1 == points.len();
                let _ = writeln!(out, "        point {} {{", q + 1);
                let shape = if subpoints > 0 { Shape::Intro } else { Shape::Item { last } };
                let para = self.para(rng, ctx, shape, &mut rare);
                let leaf = (capture && subpoints == 0).then(|| point_path.clone());
                leaves.extend(self.write_texts(rng, a, &para, "", &cite, 10, out, leaf));
                for s in 0..subpoints {
                    let letter = subpoint_letter(s);
                    let _ = writeln!(out, "          subpoint {letter} {{");
                    let para = self.para(rng, ctx, Shape::Item { last: s + 1 == subpoints }, &mut rare);
                    let leaf = capture.then(|| format!("{point_path} subpoint {letter}"));
                    leaves.extend(self.write_texts(rng, a, &para, "", &cite, 12, out, leaf));
                    out.push_str("          }\n");
                }
                out.push_str("        }\n");
            }
            out.push_str("      }\n");
        }
        let art = &self.acts[a].articles[i];
        if art.note {
            out.push_str("      note {\n");
            let para = self.para(rng, ctx, Shape::Full, &mut rare);
            self.write_texts(rng, a, &para, "", &cite, 8, out, None);
            out.push_str("      }\n");
        }
        if art.compare {
            let foreign = &self.acts[self.cfg.acts + rng.below(FOREIGN.len())];
            let target = &foreign.articles[foreign.refable[rng.below(foreign.refable.len())]].number;
            let _ = write!(out, "      compare {} {} article {target}", rng.pick(RELATIONS), foreign.id);
            if rng.percent(30) {
                let _ = write!(out, " \"{}\"", rng.pick(COMPARE_NOTES));
            }
            out.push('\n');
        }
        out.push_str("    }\n");
        if capture {
            self.captured.insert((a, i), leaves);
        }
    }

    /// Writes a paragraph's texts (`prefix` is "title " or ""), returning the
    /// captured leaf when `leaf` names its path.
    #[allow(clippy::too_many_arguments)]
    fn write_texts(
        &self,
        rng: &mut Rng,
        a: usize,
        para: &Para,
        prefix: &str,
        cite: &str,
        indent: usize,
        out: &mut String,
        leaf: Option<String>,
    ) -> Option<Leaf> {
        let summary = prefix.starts_with("justification") || rng.percent(8);
        for &lang in self.langs(a) {
            if lang == Lang::En && !rng.percent(if prefix.is_empty() { 15 } else { 5 }) {
                continue;
            }
            let fidelity = if summary || lang == Lang::En { "summary" } else { "official" };
            let _ = write!(out, "{:indent$}{prefix}{} {fidelity} \"", "", lang.code());
            render(para, lang, out, true);
            out.push('"');
            if fidelity == "summary" {
                let _ = write!(out, " cite \"{cite}\"");
            }
            out.push('\n');
        }
        leaf.map(|path| Leaf { path, kk: capture(para, Lang::Kk), ru: capture(para, Lang::Ru) })
    }

    // ------------------------------------------------------------ texts

    fn para(&self, rng: &mut Rng, ctx: Ctx, shape: Shape, rare: &mut Vec<usize>) -> Para {
        let mut p = Para::default();
        let sentences = match shape {
            Shape::Full => rng.pick(&[1, 1, 2]),
            _ => 1,
        };
        for _ in 0..sentences {
            let clauses = match shape {
                Shape::Item { .. } => 1,
                _ => rng.pick(&[1, 2, 2, 3]),
            };
            for c in 0..clauses {
                if c > 0 {
                    let conj = rng.pick(CONNECTORS);
                    p.push_all(Piece::Punct(","));
                    p.push3(conj, Piece::Glue);
                }
                self.clause(rng, ctx, &mut p, rare.pop());
            }
            if let Shape::Intro = shape {
                p.push3(POINTS_INTRO, Piece::Glue);
                p.push_all(Piece::Punct(":"));
            } else if matches!(shape, Shape::Item { last: false }) {
                p.push_all(Piece::Punct(";"));
            } else {
                p.push_all(Piece::Punct("."));
            }
        }
        p
    }

    fn clause(&self, rng: &mut Rng, ctx: Ctx, p: &mut Para, rare: Option<usize>) {
        let reference = if rng.percent(45) { Some(self.reference(rng, ctx)) } else { None };
        // Two different nouns: a repeated word would be a `doubled-word` finding.
        let count = rng.range(1, 3);
        let mut nouns: Vec<[&'static str; 3]> = Vec::with_capacity(count);
        while nouns.len() < count {
            let n = rng.pick(NOUNS);
            if nouns.last() != Some(&n) {
                nouns.push(n);
            }
        }
        let adverb = rng.percent(30).then(|| rng.pick(ADVERBS));
        let verb = rng.pick(VERBS);
        let phrase = &REF_PHRASES[rng.below(REF_PHRASES.len())];
        if let Some(r) = reference {
            let k = p.refs.len();
            // Russian "с" becomes "со" before "статьей"/"статьями".
            let ru = if phrase.ru.ends_with(" с") && r.ru.starts_with("ст") {
                "в соответствии со"
            } else {
                phrase.ru
            };
            p.kk.push(Piece::Ref(k));
            p.kk.push(Piece::Glue(phrase.kk));
            p.kk.push(Piece::Punct(","));
            p.ru.extend([Piece::Glue(ru), Piece::Ref(k), Piece::Punct(",")]);
            p.en.extend([Piece::Glue(phrase.en), Piece::Ref(k), Piece::Punct(",")]);
            p.refs.push(Ref {
                kk_loc: if phrase.kk_dative { r.kk_dat.clone() } else { r.kk_loc.clone() },
                ..r
            });
        }
        // After the first noun: never capitalized, so `replace-all` finds every copy.
        let rare = rare.map(|r| RARE[r]);
        for (i, n) in nouns.iter().enumerate() {
            p.kk.push(Piece::Word(n[0]));
            if let Some(r) = rare.filter(|_| i == 0) {
                p.kk.push(Piece::Word(r[0]));
            }
        }
        if let Some(adv) = adverb {
            p.kk.push(Piece::Word(adv[0]));
        }
        p.kk.push(Piece::Word(verb[0]));
        for (l, lang) in [(1, &mut p.ru), (2, &mut p.en)] {
            lang.push(Piece::Word(nouns[0][l]));
            if let Some(r) = rare.filter(|_| l == 1) {
                lang.push(Piece::Word(r[2]));
            }
            lang.push(Piece::Word(verb[l]));
            if let Some(adv) = adverb {
                lang.push(Piece::Word(adv[l]));
            }
            lang.extend(nouns[1..].iter().map(|n| Piece::Word(n[l])));
        }
    }

    /// A reference to a unit that exists and stays: relative `part N`, an
    /// article, its part or point, a range, or an article of another act.
    fn reference(&self, rng: &mut Rng, ctx: Ctx) -> Ref {
        let act = &self.acts[ctx.act];
        let roll = rng.below(100);
        if let Some((part, parts)) = ctx.part.filter(|&(_, n)| n >= 2 && roll < 15) {
            let other = (part + rng.range(1, parts - 1) - 1) % parts + 1;
            return Ref {
                target: format!("part {other}"),
                kk_loc: format!("осы баптың {other}-бөлігінде"),
                kk_dat: format!("осы баптың {other}-бөлігіне"),
                ru: format!("частью {other} настоящей статьи"),
                en: format!("part {other} of this Article"),
            };
        }
        if (40..50).contains(&roll)
            && let Some(r) = self.range_ref(rng, act)
        {
            return r;
        }
        if roll >= 85 && act.kazakh && self.cfg.acts > 1 {
            let mut b = rng.below(self.cfg.acts - 1);
            if b >= ctx.act {
                b += 1;
            }
            let other = &self.acts[b];
            let art = &other.articles[rng.pick(&other.refable)];
            let n = &art.number;
            let [kk, ru, en] = other.genitive;
            if !art.parts.is_empty() && rng.percent(40) {
                let p = rng.range(1, art.parts.len());
                return Ref {
                    target: format!("{} article {n} part {p}", other.id),
                    kk_loc: format!("{kk} {n}-бабының {p}-бөлігінде"),
                    kk_dat: format!("{kk} {n}-бабының {p}-бөлігіне"),
                    ru: format!("частью {p} статьи {n} {ru}"),
                    en: format!("Article {n}({p}) of {en}"),
                };
            }
            return Ref {
                target: format!("{} article {n}", other.id),
                kk_loc: format!("{kk} {n}-бабында"),
                kk_dat: format!("{kk} {n}-бабына"),
                ru: format!("статьей {n} {ru}"),
                en: format!("Article {n} of {en}"),
            };
        }
        let art = &act.articles[rng.pick(&act.refable)];
        let n = &art.number;
        if roll >= 50 && !art.parts.is_empty() {
            let p = rng.range(1, art.parts.len());
            let points = art.parts[p - 1].len();
            if points > 0 && roll >= 75 {
                let q = rng.range(1, points);
                return Ref {
                    target: format!("article {n} part {p} point {q}"),
                    kk_loc: format!("{n}-баптың {p}-бөлігінің {q}-тармағында"),
                    kk_dat: format!("{n}-баптың {p}-бөлігінің {q}-тармағына"),
                    ru: format!("пунктом {q} части {p} статьи {n}"),
                    en: format!("Article {n}({p})({q})"),
                };
            }
            return Ref {
                target: format!("article {n} part {p}"),
                kk_loc: format!("{n}-баптың {p}-бөлігінде"),
                kk_dat: format!("{n}-баптың {p}-бөлігіне"),
                ru: format!("частью {p} статьи {n}"),
                en: format!("Article {n}({p})"),
            };
        }
        Ref {
            target: format!("article {n}"),
            kk_loc: format!("{n}-бапта"),
            kk_dat: format!("{n}-бапқа"),
            ru: format!("статьей {n}"),
            en: format!("Article {n}"),
        }
    }

    /// `article A..B` between two plain-numbered articles that stay.
    fn range_ref(&self, rng: &mut Rng, act: &Act) -> Option<Ref> {
        let k = rng.below(act.refable.len());
        let from = &act.articles[act.refable[k]];
        let to = act.refable[k + 1..]
            .iter()
            .take(8)
            .map(|&j| &act.articles[j])
            .filter(|t| t.suffix == 0)
            .nth(rng.below(3))?;
        (from.suffix == 0).then(|| {
            let (a, b) = (from.base, to.base);
            Ref {
                target: format!("article {a}..{b}"),
                kk_loc: format!("{a}-{b}-баптарда"),
                kk_dat: format!("{a}-{b}-баптарға"),
                ru: format!("статьями {a}-{b}"),
                en: format!("Articles {a}–{b}"),
            }
        })
    }

    // ------------------------------------------------------ amendments

    fn write_amendments(&self, emit: &mut impl FnMut(&str, &str) -> io::Result<()>) -> io::Result<()> {
        let mut rng = Rng::new(self.cfg.seed, u64::MAX);
        for plan in &self.amendments {
            let mut out = String::new();
            self.write_amendment(&mut rng, plan, &mut out);
            emit(&format!("amendments/{}.zan", plan.id), &out)?;
        }
        Ok(())
    }

    fn write_amendment(&self, rng: &mut Rng, plan: &AmendmentPlan, out: &mut String) {
        let act = &self.acts[plan.act];
        let cite = format!("synthetic:{}", plan.id);
        let _ = writeln!(
            out,
            "# Synthetic amendment generated by gen-corpus (seed {}): not official wording.\n\
             amendment {} {{\n  target {} version {VERSION}",
            self.cfg.seed, plan.id, act.id
        );
        let _ = writeln!(out, "  status {}", rng.pick(&["draft", "proposed", "adopted"]));
        let _ = writeln!(out, "  author \"Мәжіліс депутаттарының жұмыс тобы\"");
        let _ = writeln!(out, "  in-force {}", rng.date(2025, 2027));
        let _ = writeln!(
            out,
            "  title kk summary \"{} өзгерістер мен толықтырулар енгізу туралы\" cite \"{cite}\"",
            act.kk_dat
        );
        let _ = writeln!(
            out,
            "  title ru summary \"О внесении изменений и дополнений в {}\" cite \"{cite}\"",
            act.title[1]
        );
        let ctx = Ctx { act: plan.act, part: None };
        let para = self.para(rng, ctx, Shape::Full, &mut Vec::new());
        self.write_texts(rng, plan.act, &para, "justification ", &cite, 2, out, None);
        for op in &plan.ops {
            out.push('\n');
            self.write_op(rng, plan.act, op, &cite, out);
        }
        out.push_str("}\n");
    }

    fn write_op(&self, rng: &mut Rng, a: usize, op: &Op, cite: &str, out: &mut String) {
        let act = &self.acts[a];
        let art = &act.articles[op.article];
        let n = &art.number;
        let ctx = Ctx { act: a, part: None };
        let new_texts = |rng: &mut Rng, shape: Shape, indent: usize, out: &mut String| {
            let para = self.para(rng, ctx, shape, &mut Vec::new());
            self.write_texts(rng, a, &para, "", cite, indent, out, None);
        };
        let word_op = |rng: &mut Rng,
                       out: &mut String,
                       keyword: &str,
                       line: &dyn Fn(&mut Rng, &Captured, usize) -> Option<String>| {
            let leaves = &self.captured[&(a, op.article)];
            let leaf = &leaves[rng.below(leaves.len())];
            let _ = writeln!(out, "  {keyword} {} {{", leaf.path);
            for (lang, text) in [("kk", &leaf.kk), ("ru", &leaf.ru)] {
                let l = if lang == "kk" { 0 } else { 1 };
                if let Some(line) = line(rng, text, l) {
                    let _ = writeln!(out, "    {lang} {line}");
                }
            }
            self.op_notes(rng, a, cite, out);
            out.push_str("  }\n");
        };
        match &op.kind {
            OpKind::Replace => word_op(rng, out, "replace", &|rng, text, l| {
                let old = unique_phrase(rng, text)?;
                let new = fresh(rng, NOUNS, l, &old);
                Some(format!("\"{old}\" -> \"{new}\""))
            }),
            OpKind::Delete => word_op(rng, out, "delete", &|rng, text, _| {
                Some(format!("\"{}\"", unique_phrase(rng, text)?))
            }),
            OpKind::InsertBefore | OpKind::InsertAfter => {
                let side = if matches!(op.kind, OpKind::InsertBefore) { "before" } else { "after" };
                word_op(rng, out, "insert", &|rng, text, l| {
                    let anchor = unique_phrase(rng, text)?;
                    let new = fresh(rng, ADVERBS, l, &anchor);
                    Some(format!("\"{new}\" {side} \"{anchor}\""))
                })
            }
            OpKind::InsertStart | OpKind::InsertEnd => {
                let edge = if matches!(op.kind, OpKind::InsertStart) { "start" } else { "end" };
                word_op(rng, out, "insert", &|rng, _, l| {
                    Some(format!("\"{}\" at {edge}", rng.pick(ADVERBS)[l]))
                })
            }
            OpKind::ReplaceAll { rare } => {
                let [kk_old, kk_new, ru_old, ru_new] = RARE[*rare];
                let _ = writeln!(
                    out,
                    "  replace-all {{\n    kk \"{kk_old}\" -> \"{kk_new}\"\n    ru \"{ru_old}\" -> \"{ru_new}\"\n  }}"
                );
            }
            OpKind::Rewrite => {
                let _ = writeln!(out, "  rewrite article {n} {{");
                let title = title_para(rng);
                self.write_texts(rng, a, &title, "title ", cite, 4, out, None);
                for p in 1..=rng.range(1, 3) {
                    let _ = writeln!(out, "    part {p} {{");
                    new_texts(rng, Shape::Full, 6, out);
                    out.push_str("    }\n");
                }
                self.op_notes(rng, a, cite, out);
                out.push_str("  }\n");
            }
            OpKind::AddPart => {
                let _ = writeln!(out, "  add part {} to article {n} {{", art.parts.len() + 1);
                new_texts(rng, Shape::Full, 4, out);
                self.op_notes(rng, a, cite, out);
                out.push_str("  }\n");
            }
            OpKind::AddPoint { part } => {
                let points = art.parts[*part].len();
                let _ = writeln!(out, "  add point {} to article {n} part {} {{", points + 1, part + 1);
                new_texts(rng, Shape::Item { last: true }, 4, out);
                out.push_str("  }\n");
            }
            OpKind::AddAfter { number } => {
                let _ = writeln!(out, "  add article {number} after article {n} {{");
                let title = title_para(rng);
                self.write_texts(rng, a, &title, "title ", cite, 4, out, None);
                for p in 1..=rng.range(1, 3) {
                    let _ = writeln!(out, "    part {p} {{");
                    new_texts(rng, Shape::Full, 6, out);
                    out.push_str("    }\n");
                }
                out.push_str("  }\n");
            }
            OpKind::Repeal => {
                let _ = write!(out, "  repeal article {n}");
                if rng.percent(40) {
                    out.push_str(" {\n");
                    self.op_notes(rng, a, cite, out);
                    out.push_str("  }");
                }
                out.push('\n');
            }
            OpKind::Renumber { number } => {
                let update = if rng.percent(50) { " update-references" } else { "" };
                let _ = writeln!(out, "  renumber article {n} to {number}{update}");
            }
        }
    }

    /// Sometimes a justification and a comparative link inside an operation.
    fn op_notes(&self, rng: &mut Rng, a: usize, cite: &str, out: &mut String) {
        if rng.percent(30) {
            let para = self.para(rng, Ctx { act: a, part: None }, Shape::Full, &mut Vec::new());
            let _ = write!(out, "    justification ru summary \"");
            render(&para, Lang::Ru, out, true);
            let _ = writeln!(out, "\" cite \"{cite}\"");
        }
        if rng.percent(20) {
            let foreign = &self.acts[self.cfg.acts + rng.below(FOREIGN.len())];
            let target = &foreign.articles[rng.pick(&foreign.refable)].number;
            let _ = writeln!(out, "    compare {} {} article {target}", rng.pick(RELATIONS), foreign.id);
        }
    }
}

impl Para {
    fn push_all(&mut self, piece: Piece) {
        self.kk.push(piece);
        self.ru.push(piece);
        self.en.push(piece);
    }

    fn push3(&mut self, words: [&'static str; 3], piece: fn(&'static str) -> Piece) {
        self.kk.push(piece(words[0]));
        self.ru.push(piece(words[1]));
        self.en.push(piece(words[2]));
    }
}

/// An article title: two or three nouns, no final stop.
fn title_para(rng: &mut Rng) -> Para {
    let mut p = Para::default();
    for _ in 0..rng.range(2, 3) {
        p.push3(rng.pick(NOUNS), Piece::Word);
    }
    p
}

/// The letter of the `i`th subpoint of a point (from 0): codes letter the
/// subpoints of a point «а)», «ә)», «б)» (numbered «1)» they would read as
/// points in the official layout), here in the Kazakh alphabet's order;
/// a point has at most four.
fn subpoint_letter(i: usize) -> char {
    const LETTERS: [char; 10] = ['а', 'ә', 'б', 'в', 'г', 'ғ', 'д', 'е', 'ж', 'з'];
    LETTERS[i]
}

/// Article numbers, parts, points and chapters of one act.
fn skeleton(rng: &mut Rng, n: usize, tombstones: bool, short: bool) -> (Vec<Article>, Vec<usize>) {
    let (part_counts, with_points): (&[usize], usize) =
        if short { (&[1, 1, 1, 2], 5) } else { (&[1, 2, 2, 3, 3, 3, 4, 4, 5, 6], 30) };
    let mut articles: Vec<Article> = Vec::with_capacity(n);
    let mut base = 0;
    for _ in 0..n {
        let suffix = match articles.last() {
            Some(last) if last.suffix < 3 && rng.percent(4) => last.suffix + 1,
            _ => {
                base += 1;
                0
            }
        };
        let repealed = (tombstones && rng.percent(2)).then(|| rng.date(2005, 2023));
        let parts = if repealed.is_some() || rng.percent(15) {
            Vec::new()
        } else {
            (0..rng.pick(part_counts))
                .map(|_| {
                    if rng.percent(with_points) {
                        (0..rng.range(2, 8))
                            .map(|_| if rng.percent(15) { rng.range(2, 4) } else { 0 })
                            .collect()
                    } else {
                        Vec::new()
                    }
                })
                .collect()
        };
        articles.push(Article {
            number: if suffix == 0 { base.to_string() } else { format!("{base}-{suffix}") },
            base,
            suffix,
            parts,
            note: repealed.is_none() && rng.percent(7),
            compare: repealed.is_none() && tombstones && rng.percent(15),
            repealed,
            quiet: false,
            rare: Vec::new(),
            capture: false,
        });
    }
    let mut chapters = Vec::new();
    let mut i = 0;
    while i < n {
        chapters.push(i);
        i += rng.range(8, 25);
    }
    (articles, chapters)
}

/// Chooses, for every amendment, one operation of each kind (and a few more
/// word operations), each on an article no other operation touches.
fn plan_amendments(rng: &mut Rng, cfg: &Config, acts: &mut [Act]) -> Vec<AmendmentPlan> {
    let mut used: Vec<Vec<bool>> = acts.iter().map(|a| vec![false; a.articles.len()]).collect();
    let mut numbers: Vec<HashSet<String>> =
        acts.iter().map(|a| a.articles.iter().map(|x| x.number.clone()).collect()).collect();
    let mut rare_next = vec![0; cfg.acts];
    let mut plans = Vec::new();
    for k in 0..cfg.amendments {
        let a = k % cfg.acts;
        let act = &mut acts[a];
        let used = &mut used[a];
        let numbers = &mut numbers[a];
        let mut ops = Vec::new();
        // At most half of an act's articles are touched, so references keep targets.
        let mut find = |rng: &mut Rng, arts: &[Article], ok: &dyn Fn(usize) -> bool| {
            if used.iter().filter(|&&u| u).count() * 2 >= arts.len() {
                return None;
            }
            for _ in 0..64 {
                let i = rng.below(arts.len());
                if !used[i] && arts[i].live() && ok(i) {
                    used[i] = true;
                    return Some(i);
                }
            }
            None
        };
        // 0-5 word operations, 6 replace-all (while rare words last), 7 rewrite,
        // 8 add to, 9 add after, 10 repeal, 11 renumber; then more word operations.
        let extra = rng.range(0, 4);
        let mut kinds = vec![0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
        kinds.extend((0..extra).map(|_| rng.below(6)));
        for kind in kinds {
            let arts = &act.articles;
            let op = match kind {
                0..=5 => find(rng, arts, &|_| true).map(|i| {
                    let kind = match kind {
                        0 => OpKind::Replace,
                        1 => OpKind::Delete,
                        2 => OpKind::InsertBefore,
                        3 => OpKind::InsertAfter,
                        4 => OpKind::InsertStart,
                        _ => OpKind::InsertEnd,
                    };
                    Op { kind, article: i }
                }),
                6 if rare_next[a] < RARE.len() => {
                    let carriers: Vec<usize> = (0..2).filter_map(|_| find(rng, arts, &|_| true)).collect();
                    carriers.first().map(|&first| {
                        let rare = rare_next[a];
                        rare_next[a] += 1;
                        for &c in &carriers {
                            act.articles[c].rare.push(rare);
                        }
                        Op { kind: OpKind::ReplaceAll { rare }, article: first }
                    })
                }
                7 => find(rng, arts, &|_| true).map(|i| Op { kind: OpKind::Rewrite, article: i }),
                8 => find(rng, arts, &|i| !arts[i].parts.is_empty()).map(|i| {
                    let with_points: Vec<usize> =
                        (0..arts[i].parts.len()).filter(|&p| !arts[i].parts[p].is_empty()).collect();
                    let kind = if !with_points.is_empty() && rng.percent(50) {
                        OpKind::AddPoint { part: rng.pick(&with_points) }
                    } else {
                        OpKind::AddPart
                    };
                    Op { kind, article: i }
                }),
                9 => {
                    let next = |i: usize| format!("{}-{}", arts[i].base, arts[i].suffix + 1);
                    find(rng, arts, &|i| !numbers.contains(&next(i))).map(|i| {
                        numbers.insert(next(i));
                        Op { kind: OpKind::AddAfter { number: next(i) }, article: i }
                    })
                }
                10 => find(rng, arts, &|_| true).map(|i| Op { kind: OpKind::Repeal, article: i }),
                11 => {
                    // `N` becomes `N-1 -1`: the same place in the order, a number nobody uses.
                    let new = |i: usize| format!("{}-1", arts[i].base - 1);
                    let ok = |i: usize| {
                        i > 0
                            && arts[i].suffix == 0
                            && arts[i - 1].suffix == 0
                            && arts[i - 1].base + 1 == arts[i].base
                            && !numbers.contains(&new(i))
                    };
                    find(rng, arts, &ok).map(|i| {
                        numbers.insert(new(i));
                        Op { kind: OpKind::Renumber { number: new(i) }, article: i }
                    })
                }
                _ => None,
            };
            ops.extend(op);
        }
        for op in &ops {
            let art = &mut act.articles[op.article];
            match op.kind {
                OpKind::Rewrite | OpKind::Repeal | OpKind::Renumber { .. } => art.quiet = true,
                OpKind::ReplaceAll { .. }
                | OpKind::AddPart
                | OpKind::AddPoint { .. }
                | OpKind::AddAfter { .. } => {}
                _ => art.capture = true,
            }
        }
        // Amendments list their operations in the order of the act; replace-all last.
        ops.sort_by_key(|op| (matches!(op.kind, OpKind::ReplaceAll { .. }), op.article));
        plans.push(AmendmentPlan { id: format!("{}.am{}", act.id, k / cfg.acts + 1), act: a, ops });
    }
    plans
}

/// Writes a paragraph in one language; `source` keeps references as
/// `[display](target)`, otherwise only the display words remain.
fn render(para: &Para, lang: Lang, out: &mut String, source: bool) {
    let pieces = match lang {
        Lang::Kk => &para.kk,
        Lang::Ru => &para.ru,
        Lang::En => &para.en,
    };
    let mut cap = true;
    for (i, piece) in pieces.iter().enumerate() {
        match *piece {
            Piece::Punct(p) => {
                out.push_str(p);
                cap = p == ".";
                continue;
            }
            _ if i > 0 => out.push(' '),
            _ => {}
        }
        match *piece {
            Piece::Word(w) | Piece::Glue(w) => push_word(out, w, cap),
            Piece::Ref(k) => {
                let r = &para.refs[k];
                let display = match lang {
                    Lang::Kk => &r.kk_loc,
                    Lang::Ru => &r.ru,
                    Lang::En => &r.en,
                };
                if source {
                    out.push('[');
                    push_word(out, display, cap);
                    let _ = write!(out, "]({})", r.target);
                } else {
                    push_word(out, display, cap);
                }
            }
            Piece::Punct(_) => unreachable!(),
        }
        cap = false;
    }
}

fn push_word(out: &mut String, word: &str, cap: bool) {
    if cap {
        out.push_str(&capitalized(word));
    } else {
        out.push_str(word);
    }
}

fn capitalized(word: &str) -> String {
    let mut chars = word.chars();
    chars.next().map(|c| c.to_uppercase().chain(chars).collect()).unwrap_or_default()
}

/// The plain text of one language and its words, as a word operation sees them.
fn capture(para: &Para, lang: Lang) -> Captured {
    let mut plain = String::new();
    render(para, lang, &mut plain, false);
    let pieces = if lang == Lang::Kk { &para.kk } else { &para.ru };
    let mut words = Vec::new();
    let mut run = 0;
    let mut cap = true;
    for piece in pieces {
        match *piece {
            Piece::Word(w) => {
                let mut s = String::new();
                push_word(&mut s, w, cap);
                words.push((run, s));
                cap = false;
            }
            Piece::Punct(p) => {
                run += 1;
                cap = p == ".";
            }
            Piece::Glue(_) | Piece::Ref(_) => {
                run += 1;
                cap = false;
            }
        }
    }
    Captured { plain, words }
}

/// One or two adjacent words that occur exactly once in the text.
fn unique_phrase(rng: &mut Rng, text: &Captured) -> Option<String> {
    let words = &text.words;
    let start = rng.below(words.len());
    let pair_first = rng.percent(50);
    (0..words.len()).map(|k| (start + k) % words.len()).find_map(|i| {
        let single = words[i].1.clone();
        let pair = words.get(i + 1).filter(|w| w.0 == words[i].0).map(|w| format!("{single} {}", w.1));
        let tries = if pair_first { [pair, Some(single)] } else { [Some(single), pair] };
        tries
            .into_iter()
            .flatten()
            .find(|p| p.chars().count() >= 4 && text.plain.matches(p.as_str()).count() == 1)
    })
}

/// A vocabulary entry in language `l` that differs from `old`.
fn fresh(rng: &mut Rng, list: &[[&'static str; 3]], l: usize, old: &str) -> &'static str {
    loop {
        let w = rng.pick(list)[l];
        if w != old {
            return w;
        }
    }
}
