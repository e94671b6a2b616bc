//! Writes a synthetic zan workspace for benchmarks:
//! `cargo run --release --example gen-corpus -- --out DIR [--articles N | --size 10MB] [--acts M] [--amendments K] [--seed S] [--short] [--acts-per-file K]`
//!
//! `--short` writes articles of about 2 KB (one or two parts) instead of 6 KB;
//! `--acts-per-file K` writes K Kazakh acts to each file (the many-small-acts
//! shape: `--acts 1200 --acts-per-file 150 --short`).

mod gen_corpus;

use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use gen_corpus::{Config, generate};

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("gen-corpus: {e}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<(), String> {
    let mut out = None;
    let (mut articles, mut size, mut acts, mut amendments, mut seed) = (None, None, 4, 8, 1);
    let mut short = false;
    let mut acts_per_file = 1;
    let mut args = std::env::args().skip(1);
    while let Some(flag) = args.next() {
        if flag == "--short" {
            short = true;
            continue;
        }
        let value = args.next().ok_or(format!("{flag} needs a value"))?;
        let number = || value.parse::<usize>().map_err(|e| format!("{flag} {value}: {e}"));
        match flag.as_str() {
            "--out" => out = Some(value.clone()),
            "--articles" => articles = Some(number()?),
            "--size" => size = Some(parse_size(&value)?),
            "--acts" => acts = number()?,
            "--amendments" => amendments = number()?,
            "--acts-per-file" => acts_per_file = number()?.max(1),
            "--seed" => seed = value.parse().map_err(|e| format!("--seed {value}: {e}"))?,
            _ => return Err(format!("unknown option {flag}")),
        }
    }
    let out = out.ok_or("--out DIR is required")?;
    let articles = match (articles, size) {
        (Some(_), Some(_)) => return Err("give --articles or --size, not both".into()),
        (Some(n), None) => n,
        (None, Some(bytes)) => articles_for(bytes, acts, amendments, seed, short),
        (None, None) => 500,
    };
    let started = Instant::now();
    let config = Config { short, acts_per_file, ..Config::new(articles, acts, amendments, seed) };
    let summary = generate(&config, |path, text| {
        let path = Path::new(&out).join(path);
        std::fs::create_dir_all(path.parent().expect("a file path has a parent"))?;
        std::fs::write(path, text)
    })
    .map_err(|e| e.to_string())?;
    eprintln!(
        "gen-corpus: {} files, {} bytes, {articles} articles in {acts} acts, {amendments} amendments, in {:.2?}",
        summary.files,
        summary.bytes,
        started.elapsed()
    );
    Ok(())
}

/// `10MB`, `512KB`, `1GB` (powers of 1000) or a plain byte count.
fn parse_size(text: &str) -> Result<u64, String> {
    let upper = text.to_ascii_uppercase();
    let (digits, unit) = match upper.find(|c: char| !c.is_ascii_digit()) {
        Some(i) => upper.split_at(i),
        None => (upper.as_str(), ""),
    };
    let unit = match unit {
        "" | "B" => 1,
        "KB" | "K" => 1_000,
        "MB" | "M" => 1_000_000,
        "GB" | "G" => 1_000_000_000,
        _ => return Err(format!("--size {text}: unknown unit")),
    };
    digits.parse::<u64>().map(|n| n * unit).map_err(|e| format!("--size {text}: {e}"))
}

/// The article count that yields about `bytes`: the size grows linearly with
/// the articles (amendments add a fixed part), so two samples fit the line.
fn articles_for(bytes: u64, acts: usize, amendments: usize, seed: u64, short: bool) -> usize {
    let size = |articles: usize| {
        generate(&Config { short, ..Config::new(articles, acts, amendments, seed) }, |_, _| Ok(()))
            .expect("a sink that discards cannot fail")
            .bytes as f64
    };
    let small = 1000.max(200 * acts);
    let (a, b) = (size(small), size(2 * small));
    let per_article = (b - a) / small as f64;
    let n = ((bytes as f64 - (a - per_article * small as f64)) / per_article).max(1.0);
    // Below the samples, per-act minimums bend the line: correct once, cheaply.
    let n = if n < small as f64 { n * bytes as f64 / size(n as usize) } else { n };
    n.round().max(1.0) as usize
}
