//! `zan import act FILE… --lang kk,ru --id ACT_ID [--version DATE] [-o OUT]`:
//! official texts into `.zan` (see docs/import.md).

use std::path::PathBuf;
use std::process::ExitCode;

use super::consolidate::parse_date;
use crate::import;
use crate::lang::Lang;
use crate::model::Date;

#[derive(clap::Args)]
pub struct Args {
    #[command(subcommand)]
    what: What,
}

#[derive(clap::Subcommand)]
enum What {
    /// An act as the official database publishes it (plain text, .docx or
    /// .html), one file per language, merged into one act.
    Act(ActArgs),
    /// An amending law in the official layout, one file per language,
    /// into one amendment per act it amends (the inverse of `zan bill`).
    Law(LawArgs),
}

#[derive(clap::Args)]
struct LawArgs {
    /// The official texts of one law, one per language.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The language of each file, in order.
    #[arg(long, required = true, value_delimiter = ',', value_parser = ["kk", "ru"])]
    lang: Vec<String>,
    /// The amendment's id (default: ACT.law-NUMBER, or ACT.imported).
    #[arg(long)]
    id: Option<String>,
    /// The acts the law amends, in its order (default: found in the
    /// workspace by the title the law gives).
    #[arg(long, value_delimiter = ',')]
    target: Vec<String>,
    /// The workspace whose acts are looked up by title (default: the current directory).
    #[arg(long)]
    workspace: Option<PathBuf>,
    #[command(flatten)]
    output: super::emit::Output,
}

#[derive(clap::Args)]
struct ActArgs {
    /// The official texts, one per language.
    #[arg(required = true)]
    files: Vec<PathBuf>,
    /// The language of each file, in order (`--lang kk,ru` or `--lang kk --lang ru`).
    #[arg(long, required = true, value_delimiter = ',', value_parser = ["kk", "ru"])]
    lang: Vec<String>,
    /// The act's id in the workspace, such as `kz.cc`.
    #[arg(long)]
    id: String,
    /// The date the text states the act as of.
    #[arg(long, value_parser = parse_date)]
    version: Option<Date>,
    /// Where the text comes from (an address); the files' names by default.
    #[arg(long)]
    source: Option<String>,
    /// The date the text was retrieved (default: today).
    #[arg(long, value_parser = parse_date)]
    retrieved: Option<Date>,
    #[command(flatten)]
    output: super::emit::Output,
}

pub fn run(args: Args) -> ExitCode {
    match args.what {
        What::Act(a) => act(a),
        What::Law(a) => law(a),
    }
}

/// Today's date in UTC (days since 1970 to a civil date).
fn today() -> Date {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    let z = (secs / 86_400) as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
    let year = (yoe + era * 400 + i64::from(month <= 2)) as u16;
    Date { year, month, day }
}

/// The files with their languages, or the exit code of an error said.
fn inputs(files: &[PathBuf], langs: &[String]) -> Result<Vec<import::Input>, ExitCode> {
    if langs.len() != files.len() {
        eprintln!(
            "error: {} files and {} languages: give one `--lang` per file, in order",
            files.len(),
            langs.len()
        );
        return Err(ExitCode::from(2));
    }
    let mut inputs = Vec::new();
    for (path, lang) in files.iter().zip(langs) {
        match std::fs::read(path) {
            Ok(bytes) => {
                inputs.push(import::Input { name: path.display().to_string(), lang: Lang::of(lang), bytes })
            }
            Err(e) => {
                eprintln!("error: {}: cannot read: {e}", path.display());
                return Err(ExitCode::from(2));
            }
        }
    }
    Ok(inputs)
}

fn law(args: LawArgs) -> ExitCode {
    let inputs = match inputs(&args.files, &args.lang) {
        Ok(i) => i,
        Err(code) => return code,
    };
    // The acts the law may name, when it is not told which.
    let acts = if args.target.is_empty() {
        let roots: Vec<PathBuf> = args.workspace.into_iter().collect();
        match super::consolidate::Loaded::load_paths(&roots, None) {
            Ok(ws) => ws
                .files
                .iter()
                .flat_map(|f| &f.acts)
                .map(|a| import::law::KnownAct {
                    id: a.id.clone(),
                    version: a.version,
                    titles: a.titles.iter().map(|t| (t.lang.clone(), t.value.plain.clone())).collect(),
                })
                .collect(),
            Err(code) => return code,
        }
    } else {
        Vec::new()
    };
    let opts = import::law::Options { id: args.id, targets: args.target, acts };
    match import::law::law(&inputs, &opts) {
        Ok(imported) => finish(&imported, &args.output),
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::from(2)
        }
    }
}

fn act(args: ActArgs) -> ExitCode {
    if args.lang.len() != args.files.len() {
        eprintln!(
            "error: {} files and {} languages: give one `--lang` per file, in order",
            args.files.len(),
            args.lang.len()
        );
        return ExitCode::from(2);
    }
    let mut inputs = Vec::new();
    for (path, lang) in args.files.iter().zip(&args.lang) {
        match std::fs::read(path) {
            Ok(bytes) => {
                inputs.push(import::Input { name: path.display().to_string(), lang: Lang::of(lang), bytes })
            }
            Err(e) => {
                eprintln!("error: {}: cannot read: {e}", path.display());
                return ExitCode::from(2);
            }
        }
    }
    let opts = import::Options {
        id: args.id,
        version: args.version,
        source: args.source,
        retrieved: args.retrieved.unwrap_or_else(today),
    };
    let imported = match import::act(&inputs, &opts) {
        Ok(i) => i,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    finish(&imported, &args.output)
}

/// Reports, writes, and exits 1 when lines were kept as comments only.
fn finish(imported: &import::Imported, output: &super::emit::Output) -> ExitCode {
    for note in &imported.read_as {
        eprintln!("note: {note}");
    }
    for f in &imported.findings {
        eprintln!("{f}");
    }
    if let Err(code) = output.try_write(super::emit::Content::Text(imported.zan.clone())) {
        return code;
    }
    match imported.lost() {
        0 => ExitCode::SUCCESS,
        n => {
            let lines = if n == 1 { "line" } else { "lines" };
            eprintln!("error: {n} {lines} not imported as units, kept as comments");
            ExitCode::from(1)
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn today_is_a_date() {
        let d = super::today();
        assert!(d.year >= 2024 && crate::model::Date::parse(&d.to_string()).is_some());
    }
}
