//! Times each phase of `zan check` in process over a workspace:
//! `cargo run --release --example bench-phases -- DIR`
//!
//! Prints one `phase seconds MB/s RSS-MB` line per phase (tab-separated; the
//! resident set after the phase, on Linux): read, parse (tree-sitter), lower
//! (the model), fmt (formatting every file, as `zan fmt --check`), drop-trees
//! (as `zan check` does before analysing) and analyze (index, resolution,
//! checks and lints).

use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Instant;
// As in `zan check`: mimalloc for Rust and for tree-sitter.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // SAFETY: first thing in the process; no tree-sitter object exists yet.
    unsafe { zan::alloc::tree_sitter_uses_mimalloc() };
    let Some(dir) = std::env::args().nth(1) else {
        eprintln!("usage: bench-phases DIR");
        return ExitCode::FAILURE;
    };
    let mut phases = Vec::new();
    let mut clock = Instant::now();
    let mut lap = |name: &'static str, phases: &mut Vec<(&str, f64, f64)>| {
        phases.push((name, clock.elapsed().as_secs_f64(), rss_mb()));
        clock = Instant::now();
    };

    let paths = zan::workspace::discover(&[PathBuf::from(dir)]);
    let texts: Vec<String> = paths.iter().filter_map(|p| zan::workspace::read(p).ok()).collect();
    let bytes: usize = texts.iter().map(String::len).sum();
    lap("read", &mut phases);

    let mut parser = zan::syntax::parser();
    let trees: Vec<_> = texts.iter().map(|t| zan::syntax::parse(&mut parser, t, None)).collect();
    lap("parse", &mut phases);

    let models: Vec<_> = trees.iter().zip(&texts).map(|(tree, text)| zan::model::lower(tree, text)).collect();
    lap("lower", &mut phases);

    let changed =
        trees.iter().zip(&texts).filter(|(tree, text)| zan::fmt::format(tree, text).as_ref() != Some(*text));
    let changed = changed.count();
    lap("fmt", &mut phases);

    drop(trees);
    lap("drop-trees", &mut phases);

    let diagnostics = zan::analysis::analyze(&models);
    lap("analyze", &mut phases);

    let mb = bytes as f64 / 1e6;
    eprintln!(
        "bench-phases: {} files, {bytes} bytes, {} diagnostics, {changed} files fmt would change",
        texts.len(),
        diagnostics.len()
    );
    for (name, secs, rss) in phases {
        println!("{name}\t{secs:.3}\t{:.1}\t{rss:.0}", mb / secs);
    }
    ExitCode::SUCCESS
}

/// The resident set size in MB, from /proc (0 where there is none).
fn rss_mb() -> f64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = status.lines().find_map(|l| l.strip_prefix("VmRSS:")).and_then(|v| v.trim().strip_suffix("kB"));
    kb.and_then(|v| v.trim().parse::<f64>().ok()).unwrap_or(0.0) / 1024.0
}
