//! `zan consolidate <act-id|amendment-id> [--as-of DATE] [--lang L] [--format zan|text]`,
//! and the workspace loading and error reporting that the engine's commands share.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::analysis::Refusal;
use crate::config::Config;
use crate::diag::{Diagnostic, Severity};
use crate::document::Document;
use crate::engine::{self, Applied, EngineError, ErrorKind, Include};
use crate::model::{Date, File};
use crate::text::{Encoding, LineIndex};

#[derive(clap::Args)]
pub struct Args {
    /// An act id (the act as of a date) or an amendment id (its base version amended).
    id: String,
    /// The date to consolidate the act as of (acts only).
    #[arg(long, value_parser = parse_date)]
    as_of: Option<Date>,
    /// Which amendments an act's consolidation applies: adopted (default),
    /// proposed (and adopted), or draft (every amendment).
    #[arg(long, default_value = "adopted", value_parser = ["adopted", "proposed", "draft"])]
    include: String,
    /// Language of the text (default: the act's first language).
    #[arg(long)]
    lang: Option<String>,
    #[arg(long, default_value = "zan", value_parser = ["zan", "text"])]
    format: String,
    /// The workspace directory (default: the current directory).
    #[arg(long)]
    workspace: Option<PathBuf>,
    #[command(flatten)]
    output: super::emit::Output,
}

pub(super) fn parse_date(s: &str) -> Result<Date, String> {
    Date::parse(s).ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)"))
}

/// The `.zan` files of a workspace, parsed, and its `zan.toml`.
pub(super) struct Loaded {
    pub paths: Vec<PathBuf>,
    pub sources: Vec<(String, LineIndex)>,
    pub files: Vec<File>,
    config: Config,
    /// The id of the act or amendment asked for (read from the file, when
    /// the command was given a file's path).
    pub id: String,
}

impl Loaded {
    /// The workspace a command on `id` works in: `dir`, else the `roots` of
    /// `zan.toml`, else the current directory (`loader::layout`, as `zan
    /// check` finds it), of which it parses what the command needs
    /// (`loader::needed`; every file with `--all-files`). `id` may be the
    /// path of a `.zan` file: the id is then its first amendment's (else its
    /// first act's), and without `dir` the workspace is the file's own.
    pub fn load(dir: Option<PathBuf>, id: &str) -> Result<Loaded, ExitCode> {
        let (id, home) = match Path::new(id).is_file() {
            true => id_in(Path::new(id))?,
            false => (id.to_string(), Vec::new()),
        };
        let roots = match (dir, home.is_empty()) {
            (Some(dir), _) => vec![dir],
            (None, false) => home,
            (None, true) => Vec::new(),
        };
        Self::load_paths(&roots, Some(&id))
    }

    /// The files of `roots` (none: `zan.toml`'s `roots`, else the current
    /// directory): with `wanted`, those a command on it needs, else every
    /// one. Unreadable files and syntax errors are reported and stop the
    /// command, since the engine must not work on a half-parsed act —
    /// except, when `wanted` is given, in a file that defines neither that
    /// act or amendment nor the act it amends: such a file is left out,
    /// with a warning.
    pub fn load_paths(roots: &[PathBuf], wanted: Option<&str>) -> Result<Loaded, ExitCode> {
        let style = crate::report::Style { color: super::color_stderr(), lang: super::ui_lang(None) };
        let report = |d: &Diagnostic, path: &Path, text: &str, lines: &LineIndex| {
            eprint!("{}", crate::report::render(d, &path.display().to_string(), text, lines, &style));
        };
        let layout = match crate::loader::layout(roots, crate::loader::Search::Upward) {
            Ok(layout) => layout,
            Err(e) => {
                report(&e.diagnostic, &e.path, &e.text, &LineIndex::new(&e.text));
                return Err(ExitCode::from(2));
            }
        };
        let read = crate::par::map(&layout.files, || (), |_, path| crate::workspace::read(path));
        let models = {
            let cache = super::cache(&layout.root);
            let texts: Vec<&str> = read.iter().map(|r| r.as_ref().map_or("", String::as_str)).collect();
            let parse = |f: usize| {
                crate::cache::model(cache.as_ref(), &mut crate::syntax::parser(), &layout.files[f], texts[f])
            };
            let selected = match wanted.filter(|_| !super::all_files()) {
                Some(id) => crate::loader::needed(&texts, id, parse, |m: &File| m),
                None => None,
            };
            let mut models: Vec<Option<File>> = (0..texts.len()).map(|_| None).collect();
            match selected {
                Some(selected) => {
                    for (f, model) in selected {
                        models[f] = Some(model);
                    }
                }
                None => {
                    let ok: Vec<usize> = (0..texts.len()).filter(|&f| read[f].is_ok()).collect();
                    for (f, model) in ok.iter().zip(crate::par::map(&ok, || (), |_, &f| parse(f))) {
                        models[*f] = Some(model);
                    }
                }
            }
            models
        };
        let mut ws = Loaded {
            paths: Vec::new(),
            sources: Vec::new(),
            files: Vec::new(),
            config: layout.config,
            id: wanted.unwrap_or_default().to_string(),
        };
        let mut failed = false;
        let mut broken = Vec::new();
        for ((path, r), model) in layout.files.into_iter().zip(read).zip(models) {
            let text = match r {
                Ok(text) => text,
                Err(d) => {
                    report(&d, &path, "", &LineIndex::new(""));
                    failed = true;
                    continue;
                }
            };
            let Some(model) = model else { continue };
            if model.diagnostics.iter().any(|d| d.severity == Severity::Error) {
                broken.push(ws.files.len());
            }
            let lines = LineIndex::new(&text);
            ws.paths.push(path);
            ws.sources.push((text, lines));
            ws.files.push(model);
        }
        let needed = wanted.map(|id| needed_ids(&ws.files, id));
        let mut left_out = Vec::new();
        for &file in &broken {
            match &needed {
                Some(ids) if !defines_any(&ws.files[file], &ws.sources[file].0, ids) => {
                    let (text, lines) = &ws.sources[file];
                    let first = ws.files[file].diagnostics.iter().find(|d| d.severity == Severity::Error);
                    let p = lines.position(text, first.map_or(0, |d| d.range.start), Encoding::Chars);
                    let at = format!("{}:{}:{}", ws.paths[file].display(), p.line + 1, p.col + 1);
                    eprintln!("{}", left_out_warning(style.lang, &at, &ws.id));
                    left_out.push(file);
                }
                _ => {
                    let (text, lines) = &ws.sources[file];
                    for d in ws.files[file].diagnostics.iter().filter(|d| d.severity == Severity::Error) {
                        report(d, &ws.paths[file], text, lines);
                    }
                    failed = true;
                }
            }
        }
        for &file in left_out.iter().rev() {
            ws.paths.remove(file);
            ws.sources.remove(file);
            ws.files.remove(file);
        }
        crate::config::default_languages(&ws.config, &mut ws.files);
        if failed { Err(ExitCode::from(1)) } else { Ok(ws) }
    }

    /// The workspace's `zan.toml`.
    pub fn config(&self) -> &Config {
        &self.config
    }

    /// "path:line:col" of a byte offset of a file.
    pub fn position(&self, file: usize, offset: usize) -> String {
        let (text, lines) = &self.sources[file];
        let p = lines.position(text, offset, Encoding::Chars);
        format!("{}:{}:{}", self.paths[file].display(), p.line + 1, p.col + 1)
    }

    /// Prints an engine error (rustc style, on stderr) and gives the exit code.
    pub fn fail(&self, e: &EngineError) -> ExitCode {
        let lang = super::ui_lang(None);
        if let (ErrorKind::Check(message), Some((file, span))) = (&e.kind, &e.at) {
            let d = Diagnostic::new(message.clone(), span.clone());
            self.print(*file, &d);
            return ExitCode::from(1);
        }
        let error = crate::report::severity_word(Severity::Error, lang);
        eprintln!("{error}[{}]: {}", e.code(), e.render(lang));
        if let Some((file, span)) = &e.at {
            eprintln!(" --> {}", self.position(*file, span.start));
            let (text, lines) = &self.sources[*file];
            let line = lines.position(text, span.start, Encoding::Chars).line as usize;
            eprintln!("  | {}", &text[lines.line_range(text, line)]);
        }
        ExitCode::from(1)
    }

    pub(super) fn print(&self, file: usize, d: &Diagnostic) {
        let style = crate::report::Style { color: super::color_stderr(), lang: super::ui_lang(None) };
        let (text, lines) = &self.sources[file];
        eprint!("{}", crate::report::render(d, &self.paths[file].display().to_string(), text, lines, &style));
    }

    /// Warnings about references an amendment left pointing at repealed or
    /// renumbered units, and links it removed.
    pub fn warn_references(&self, applied: &Applied) {
        for s in &applied.stale {
            // The place as file:line:col when the reference's bytes are known,
            // then the citing unit, and the language and words of the text.
            let place =
                s.at.as_ref()
                    .filter(|loc| self.sources[loc.file].0.get(loc.span.clone()) == Some(&s.target[..]))
                    .map(|loc| format!("{}: ", self.position(loc.file, loc.span.start)))
                    .unwrap_or_default();
            let words = match (&s.lang, &s.words) {
                (Some(lang), Some(words)) => format!(" [{lang}] «{words}»"),
                _ => String::new(),
            };
            let what = match &s.renumbered_to {
                None => "which is repealed".to_string(),
                Some(to) => format!("now `{to}`"),
            };
            eprintln!(
                "warning[stale-reference]: {place}{}{words}: `{}` points at `{}`, {what}",
                s.citer, s.target, s.unit
            );
        }
        for d in &applied.dropped {
            eprintln!(
                "warning[dropped-reference]: {} {}: the link of «{}» to `{}` was removed from the `{}` text because its words changed",
                applied.result.meta.id, d.unit, d.words, d.target, d.lang
            );
        }
    }
}

/// Applies an amendment by id, or consolidates an act by id. An amendment
/// that `zan check` reports errors in is not applied: the same diagnostics
/// are printed instead. Errors are printed; the exit code is returned.
/// The id in a `.zan` file given for an id (its first amendment, else its
/// first act), and the folders of the file's workspace.
fn id_in(path: &Path) -> Result<(String, Vec<PathBuf>), ExitCode> {
    let lang = super::ui_lang(None);
    let text = crate::workspace::read(path).map_err(|d| {
        eprintln!("error: {}: {}", path.display(), d.message.render(lang));
        ExitCode::from(2)
    })?;
    let model = Document::parse(text).model;
    let Some(id) = model.amendments.first().map(|a| &a.id).or(model.acts.first().map(|a| &a.id)) else {
        eprintln!("{}", no_id_in(lang, &path.display().to_string()));
        return Err(ExitCode::from(2));
    };
    let home = crate::loader::workspace_of(path).map_err(|e| {
        let d = &e.diagnostic;
        eprint!(
            "{}",
            crate::report::render(
                d,
                &e.path.display().to_string(),
                &e.text,
                &LineIndex::new(&e.text),
                &crate::report::Style { color: super::color_stderr(), lang }
            )
        );
        ExitCode::from(2)
    })?;
    Ok((id.clone(), home))
}

/// `id`, and the act it amends when it is an amendment's: what a command
/// on `id` cannot do without.
fn needed_ids(files: &[File], id: &str) -> Vec<String> {
    let mut ids = vec![id.to_string()];
    if let Some((_, amendment)) = engine::find_amendment(files, id) {
        ids.extend(amendment.act.clone());
    }
    // A bill needs its amendments and the acts they amend.
    if let Some((_, bill)) = engine::find_bill(files, id) {
        for (a, _) in &bill.amends {
            ids.extend(needed_ids(files, a));
        }
    }
    ids
}

/// Whether a file defines one of `ids`: as parsed, or (a syntax error may
/// leave the definition out of the model) as a line `act ID …` or
/// `amendment ID …` of its text.
fn defines_any(file: &File, text: &str, ids: &[String]) -> bool {
    let parsed = file.acts.iter().map(|a| &a.id).chain(file.amendments.iter().map(|a| &a.id));
    let parsed = parsed.chain(file.bills.iter().map(|b| &b.id));
    let headed = |line: &str| {
        let mut words = line.split_whitespace();
        matches!(words.next(), Some("act" | "amendment" | "bill"))
            && words.next().is_some_and(|w| ids.iter().any(|id| w.trim_end_matches('{') == id))
    };
    parsed.into_iter().any(|i| ids.contains(i)) || text.lines().any(headed)
}

fn left_out_warning(lang: crate::lang::Lang, at: &str, id: &str) -> String {
    use crate::lang::Lang;
    match lang {
        Lang::En => {
            format!("warning: {at}: a syntax error; the file is left out, as it defines nothing `{id}` needs")
        }
        Lang::Kk => format!(
            "ескерту: {at}: синтаксис қатесі; файл алынып тасталды, өйткені онда `{id}` үшін қажет ештеңе жоқ"
        ),
        Lang::Ru => format!(
            "предупреждение: {at}: синтаксическая ошибка; файл пропущен, так как в нём нет ничего, что нужно для `{id}`"
        ),
    }
}

fn no_id_in(lang: crate::lang::Lang, path: &str) -> String {
    use crate::lang::Lang;
    match lang {
        Lang::En => format!("error: {path} defines no act or amendment"),
        Lang::Kk => format!("қате: {path} ішінде акт та, түзету де жоқ"),
        Lang::Ru => format!("ошибка: в {path} нет ни акта, ни поправки"),
    }
}

pub(super) fn apply<'m>(
    ws: &'m Loaded,
    id: &str,
    as_of: Option<Date>,
    include: Include,
) -> Result<Applied<'m>, ExitCode> {
    if engine::find_amendment(&ws.files, id).is_none() {
        return engine::consolidate(&ws.files, id, as_of, include).map_err(|e| ws.fail(&e));
    }
    crate::analysis::apply_checked(&ws.files, &ws.config, id).map_err(|refusal| match refusal {
        Refusal::Check(errors) => {
            for fd in &errors {
                ws.print(fd.file, &fd.diagnostic);
            }
            ExitCode::from(1)
        }
        Refusal::Engine(e) => ws.fail(&e),
    })
}

/// A `bill` block's amendments, each applied as `apply` applies one, in
/// the order of the law's Article 1 (`render::bill::act_order`), once `zan
/// check` finds nothing wrong with the bill; `None` when `id` is no bill.
/// Each is checked to have `lang`.
pub(super) fn apply_bill<'m>(
    ws: &'m Loaded,
    id: &str,
    lang: &str,
) -> Option<Result<(&'m crate::model::Bill, Vec<Applied<'m>>), ExitCode>> {
    let (file, bill) = engine::find_bill(&ws.files, id)?;
    let errors: Vec<_> = crate::analysis::check_bills(&ws.files)
        .into_iter()
        .filter(|d| d.file == file && bill.span.contains(&d.diagnostic.range.start))
        .collect();
    if !errors.is_empty() {
        for fd in &errors {
            ws.print(fd.file, &fd.diagnostic);
        }
        return Some(Err(ExitCode::from(1)));
    }
    let mut out = Vec::new();
    for (amendment, _) in &bill.amends {
        let applied = match apply(ws, amendment, None, Include::Adopted) {
            Ok(a) => a,
            Err(code) => return Some(Err(code)),
        };
        if let Err(code) = lang_of(Some(lang.to_string()), &applied) {
            return Some(Err(code));
        }
        ws.warn_references(&applied);
        out.push(applied);
    }
    out.sort_by_key(crate::render::bill::act_order);
    Some(Ok((bill, out)))
}

/// The language to render in: as asked, else the act's first language. A
/// language the act does not declare is refused: its text would be empty.
pub(super) fn lang_of(flag: Option<String>, applied: &Applied) -> Result<String, ExitCode> {
    let langs = &applied.result.meta.languages;
    match flag {
        Some(lang) if !langs.is_empty() && !langs.contains(&lang) => {
            let (act, all) = (&applied.result.meta.id, langs.join(", "));
            eprintln!(
                "{}",
                match super::ui_lang(None) {
                    crate::lang::Lang::En =>
                        format!("error: `{act}` has no text in `{lang}` (its languages: {all})"),
                    crate::lang::Lang::Kk =>
                        format!("қате: `{act}` актісінде `{lang}` тіліндегі мәтін жоқ (оның тілдері: {all})"),
                    crate::lang::Lang::Ru =>
                        format!("ошибка: в `{act}` нет текста на `{lang}` (его языки: {all})"),
                }
            );
            Err(ExitCode::from(2))
        }
        Some(lang) => Ok(lang),
        None => Ok(langs.first().cloned().unwrap_or_else(|| "en".into())),
    }
}

pub fn run(args: Args) -> ExitCode {
    let ws = match Loaded::load(args.workspace, &args.id) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    let include = match args.include.as_str() {
        "draft" => Include::Draft,
        "proposed" => Include::Proposed,
        _ => Include::Adopted,
    };
    if args.as_of.is_some() && engine::find_amendment(&ws.files, &ws.id).is_some() {
        eprintln!("error: --as-of applies to an act id, not to an amendment");
        return ExitCode::from(2);
    }
    let applied = match apply(&ws, &ws.id, args.as_of, include) {
        Ok(a) => a,
        Err(code) => return code,
    };
    ws.warn_references(&applied);
    if applied.left_out > 0 {
        // A reader must not take the act without proposals for the act with them.
        let (n, id) = (applied.left_out, &ws.id);
        let which = if include == Include::Proposed { "draft" } else { "proposed or draft" };
        let s = if n == 1 { "" } else { "s" };
        eprintln!("note: {n} {which} amendment{s} of `{id}` in force by then not applied (see `--include`)");
    }
    let lang = match lang_of(args.lang, &applied) {
        Ok(lang) => lang,
        Err(code) => return code,
    };
    let mut act = applied.result.to_act();
    // Both layouts follow the act's structure, not the files it is written in.
    act.units = crate::render::order::roots(&act.units).into_iter().cloned().collect();
    let text = match args.format.as_str() {
        "text" => crate::render::text::act(&act, &lang),
        _ => match crate::render::zan::act(&act) {
            Some(text) => text,
            None => return ws.fail(&EngineError { kind: engine::ErrorKind::Unprintable, at: None }),
        },
    };
    args.output.write(super::emit::Content::Text(text))
}
