//! `zan compare <act-id> <target…>`: a unit beside its comparative provisions.

use std::path::PathBuf;
use std::process::ExitCode;

use super::consolidate::Loaded;
use crate::model::{Number, Segment, Target, UnitKind};

#[derive(clap::Args)]
pub struct Args {
    act: String,
    /// The unit, as in a target: `article 15 part 2`.
    #[arg(required = true, num_args = 1..)]
    target: Vec<String>,
    #[arg(long, default_value = "kk")]
    lang: String,
    #[arg(long, default_value = "term", value_parser = ["term", "html", "markdown"])]
    format: String,
    /// The workspace directory (default: the current directory).
    #[arg(long)]
    workspace: Option<PathBuf>,
    #[command(flatten)]
    output: super::emit::Output,
}

/// `article 15 part 2` (numbers may be quoted words of one argument: "9 c").
fn parse_target(words: &[String]) -> Result<Target, String> {
    let mut path = Vec::new();
    for pair in words.chunks(2) {
        let kind =
            UnitKind::from_keyword(&pair[0]).ok_or_else(|| format!("`{}` is not a unit kind", pair[0]))?;
        let number = pair.get(1).ok_or_else(|| format!("`{}` needs a number", pair[0]))?;
        path.push(Segment { kind, number: Some(Number { text: number.clone(), span: 0..0 }) });
    }
    Ok(Target { act: None, version: None, path, range_end: None, span: 0..0 })
}

pub fn run(args: Args) -> ExitCode {
    let target = match parse_target(&args.target) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    // The comparative provisions may be in any act: every file.
    let roots: Vec<std::path::PathBuf> = args.workspace.into_iter().collect();
    let ws = match Loaded::load_paths(&roots, None) {
        Ok(ws) => ws,
        Err(code) => return code,
    };
    let index = crate::analysis::Index::build(&ws.files);
    let view = match crate::render::compare::view(&index, &args.act, &target, &args.lang) {
        Ok(v) => v,
        Err(e) => return ws.fail(&e),
    };
    let out = match args.format.as_str() {
        "html" => view.html(),
        "markdown" => view.markdown(),
        _ => view.term(),
    };
    args.output.write(super::emit::Content::Text(out))
}
