//! `zan import`: official texts into `.zan`.
pub mod decode;
pub mod history;
pub mod law;
pub mod layout;
pub mod normal;
pub mod tree;

use tree::At;

/// A line kept as a comment because it is not understood.
pub const UNRECOGNISED: &str = "import-unrecognised";
/// A second unit with a number already used, kept as comments.
pub const DUPLICATE: &str = "import-duplicate";
/// An act an amending law amends that the workspace does not have: its
/// amendment is kept as comments.
pub const UNKNOWN_ACT: &str = "import-unknown-act";

/// Something the import reports, at a line of an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Finding {
    pub code: &'static str,
    pub at: At,
    pub message: String,
}

impl std::fmt::Display for Finding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: warning[{}]: {}", self.at, self.code, self.message)
    }
}
pub mod merge;
pub mod write;

use crate::lang::Lang;
use crate::model::{Date, UnitKind};
use tree::Node;

/// A unit in one language only, or numbered differently in the other.
pub const ONE_LANGUAGE: &str = "import-one-language";
/// An article whose number skips some after the last one.
pub const NUMBERING_GAP: &str = "import-numbering-gap";
/// An article with a heading and nothing else: a truncated copy?
pub const EMPTY: &str = "import-empty";

/// One input file: its name as the user gave it, its language, its bytes.
pub struct Input {
    pub name: String,
    pub lang: Lang,
    pub bytes: Vec<u8>,
}

pub struct Options {
    pub id: String,
    pub version: Option<Date>,
    /// Where the text comes from (an address or file names); the inputs'
    /// names when not given.
    pub source: Option<String>,
    pub retrieved: Date,
}

/// The `.zan` source of the act and what the import reports.
#[derive(Debug)]
pub struct Imported {
    pub zan: String,
    pub findings: Vec<Finding>,
    /// «ru.txt: read as windows-1251», one per input not in UTF-8 text.
    pub read_as: Vec<String>,
}

impl Imported {
    /// The findings that mean a line was not taken into the act as a unit.
    pub fn lost(&self) -> usize {
        self.findings.iter().filter(|f| matches!(f.code, UNRECOGNISED | DUPLICATE | UNKNOWN_ACT)).count()
    }
}

fn empty_articles(node: &Node, lang: &str, findings: &mut Vec<Finding>) {
    for n in node.units() {
        let bare = n.texts.is_empty() && !n.repealed && n.units().next().is_none();
        if n.kind == UnitKind::Article
            && bare
            && let Some(at) = n.at(lang)
        {
            let message = format!("{} has a heading and no text (a truncated copy?)", n.name());
            findings.push(Finding { code: EMPTY, at: at.clone(), message });
        }
        empty_articles(n, lang, findings);
    }
}

/// An act from its official texts, one file per language.
pub fn act(inputs: &[Input], opts: &Options) -> Result<Imported, String> {
    if !is_act_id(&opts.id) {
        return Err(format!(
            "`{}` is not an act id (lower-case words joined by dots, such as `kz.cc`)",
            opts.id
        ));
    }
    let mut findings = Vec::new();
    let mut read_as = Vec::new();
    let mut merged: Option<layout::Parsed> = None;
    let mut fidelity = write::Fidelity::default();
    let mut langs: Vec<String> = Vec::new();
    for input in inputs {
        let lang = input.lang.code();
        if langs.iter().any(|l| l == lang) {
            return Err(format!("{}: a second text in {lang}; give one file per language", input.name));
        }
        let decoded = decode::decode(&input.bytes).map_err(|e| format!("{}: {e}", input.name))?;
        if let Some(r) = decoded.read_as {
            read_as.push(format!("{}: read as {r}", input.name));
        }
        let mut parsed = layout::parse(&decoded.text, &input.name, input.lang);
        empty_articles(&parsed.root, lang, &mut parsed.findings);
        findings.append(&mut parsed.findings);
        fidelity.footnotes.push((lang.to_string(), std::mem::take(&mut parsed.footnotes)));
        match &mut merged {
            None => merged = Some(parsed),
            Some(m) => {
                let first = langs[0].clone();
                merge::merge(&mut m.root, parsed.root, lang, &first, &mut findings);
                m.number = m.number.take().or(parsed.number);
                m.adopted = m.adopted.or(parsed.adopted);
                if let Some(t) = parsed.title {
                    m.root.titles.push((lang.to_string(), t));
                }
            }
        }
        if let Some(m) = &mut merged
            && langs.is_empty()
            && let Some(t) = m.title.take()
        {
            m.root.titles.push((lang.to_string(), t));
        }
        langs.push(lang.to_string());
    }
    let Some(parsed) = merged else { return Err("no input file".into()) };
    // In the order of the inputs: a line's place is a finding's place.
    findings.sort_by(|a, b| (&a.at.file, a.at.line).cmp(&(&b.at.file, b.at.line)));
    let source = opts
        .source
        .clone()
        .unwrap_or_else(|| inputs.iter().map(|i| i.name.as_str()).collect::<Vec<_>>().join(", "));
    let mut out = format!("act {}", opts.id);
    if let Some(v) = opts.version {
        out.push_str(&format!(" version {v}"));
    }
    out.push_str(" {\n");
    if let Some(n) = &parsed.number {
        out.push_str(&format!("number {}\n", crate::render::zan::quoted(n)));
    }
    if let Some(d) = parsed.adopted {
        out.push_str(&format!("adopted {d}\n"));
    }
    out.push_str(&format!("languages {}\n", langs.join(" ")));
    for (lang, t) in &parsed.root.titles {
        out.push_str(&format!("title {lang} {}\n", fidelity.literal(lang, t, false)));
    }
    out.push_str(&format!(
        "source {}\n",
        crate::render::zan::quoted(&format!("{source} (retrieved {})", opts.retrieved))
    ));
    write::history(&parsed.root, &langs, &mut out);
    write::items_as(&parsed.root.items, &langs, &fidelity, &mut out);
    out.push_str("}\n");
    let zan = crate::document::Document::parse(out.clone())
        .formatted()
        .ok_or_else(|| format!("internal error: the imported act does not parse:\n{out}"))?;
    Ok(Imported { zan, findings, read_as })
}

/// `kz.cc`: lower-case words joined by dots, as the grammar's `act_id`.
fn is_act_id(id: &str) -> bool {
    let word = |w: &str, first: bool| {
        !w.is_empty()
            && w.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
            && (!first || w.starts_with(|c: char| c.is_ascii_lowercase()))
    };
    let mut parts = id.split('.');
    parts.next().is_some_and(|w| word(w, true)) && id.contains('.') && parts.all(|w| word(w, false))
}
