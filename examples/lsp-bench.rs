//! Keystroke-to-diagnostics latency of `zan lsp` on a generated workspace
//! (`cargo run --release --example gen-corpus -- --out DIR --size 100MB`):
//!
//! `cargo run --release --example lsp-bench -- DIR [KEYSTROKES]`
//!
//! Opens the file closest to 2 MB, types into one of its strings and waits
//! for each version's diagnostics; also times the pieces (parse, lowering,
//! whole-workspace analysis) with the library directly.

#[path = "../tests/lsp_support/mod.rs"]
mod lsp_support;

use std::path::PathBuf;
use std::time::{Duration, Instant};

use lsp_support::{Client, file_uri};

// As in `zan lsp`: mimalloc for Rust and for tree-sitter.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use serde_json::json;

fn ms(d: Duration) -> String {
    format!("{:.1} ms", d.as_secs_f64() * 1000.0)
}

#[tokio::main(flavor = "multi_thread")]
async fn main() {
    // SAFETY: first thing in the process; no tree-sitter object exists yet.
    unsafe { zan::alloc::tree_sitter_uses_mimalloc() };
    let mut args = std::env::args().skip(1);
    let dir = PathBuf::from(args.next().expect("usage: lsp-bench DIR [KEYSTROKES]")).canonicalize().unwrap();
    let keystrokes: usize = args.next().map_or(20, |n| n.parse().unwrap());
    let paths = zan::workspace::discover(std::slice::from_ref(&dir));
    let sizes: Vec<u64> = paths.iter().map(|p| std::fs::metadata(p).unwrap().len()).collect();
    let total: u64 = sizes.iter().sum();
    let (pick, _) = sizes.iter().enumerate().min_by_key(|(_, s)| s.abs_diff(2_000_000)).unwrap();
    let path = &paths[pick];
    let text = std::fs::read_to_string(path).unwrap();
    println!(
        "workspace: {} files, {:.1} MB; typing in {} ({:.2} MB)",
        paths.len(),
        total as f64 / 1e6,
        path.display(),
        text.len() as f64 / 1e6
    );

    // The pieces, with the library.
    let t = Instant::now();
    let docs: Vec<_> =
        paths.iter().map(|p| zan::document::Document::parse(std::fs::read_to_string(p).unwrap())).collect();
    println!("read + parse + lower the workspace: {}", ms(t.elapsed()));
    let t = Instant::now();
    let whole = zan::document::Document::parse(text.clone());
    println!("parse + lower the file: {}", ms(t.elapsed()));
    let mut world = zan::ide::World::default();
    for d in docs {
        world.insert(world.files.len(), d);
    }
    let models = &world.files;
    let t = Instant::now();
    let diagnostics = zan::analysis::analyze(models);
    println!("analyze the workspace: {} ({} diagnostics)", ms(t.elapsed()), diagnostics.len());
    let closure = zan::ide::affected::closure(models, pick);
    let closure_bytes: u64 = closure.iter().map(|&i| sizes[i]).sum();
    let t = Instant::now();
    zan::ide::affected::diagnostics(models, pick, None);
    println!(
        "analyze the file on its closure ({} files, {:.1} MB): {}",
        closure.len(),
        closure_bytes as f64 / 1e6,
        ms(t.elapsed())
    );
    let cache = zan::analysis::LintCache::default();
    zan::ide::affected::diagnostics(models, pick, Some(&cache));
    let t = Instant::now();
    zan::ide::affected::diagnostics(models, pick, Some(&cache));
    println!("the same, its lints cached: {}", ms(t.elapsed()));
    let memo = zan::ide::affected::Memo::default();
    zan::ide::affected::file_diagnostics(&world, pick, &memo);
    let t = Instant::now();
    let (_, how) = zan::ide::affected::file_diagnostics(&world, pick, &memo);
    println!("the same, other acts in the kept index ({how:?}): {}", ms(t.elapsed()));
    // Keystrokes as the server takes them: the edit (the model taken out of
    // the workspace, so it is changed in place), then the diagnostics. The
    // second is timed: the first also turns the line index into a rope.
    let mut parser = zan::syntax::parser();
    let at = world.sources[pick].text.find(" \"").unwrap() + 2;
    for k in 0..2 {
        let source = world.sources[pick].clone();
        let model = std::mem::take(&mut world.files[pick]);
        let position = source.lines.position(&source.text, at + 2 * k, zan::text::Encoding::Utf16);
        let change = zan::ide::edit::TextChange { range: Some((position, position)), text: "ж".into() };
        let t = Instant::now();
        let (doc, step) =
            zan::ide::edit::apply(&mut parser, &source, model, &[change], zan::text::Encoding::Utf16);
        let edited = t.elapsed();
        drop((source, world.edit(pick, doc, step)));
        let t = Instant::now();
        let (_, how) = zan::ide::affected::file_diagnostics(&world, pick, &memo);
        if k == 1 {
            println!(
                "a keystroke: the edit {}, then its diagnostics ({how:?}) {}",
                ms(edited),
                ms(t.elapsed())
            );
        }
    }
    let t = Instant::now();
    let cloned: Vec<zan::model::File> = world.files.iter().map(|m| (**m).clone()).collect();
    println!("clone every model (a snapshot taken while typing): {}", ms(t.elapsed()));
    drop((cloned, whole, world, memo));

    // The server.
    let uri = file_uri(path);
    let mut c = Client::start();
    c.timeout = Duration::from_secs(600);
    let t = Instant::now();
    c.initialize(json!({"capabilities": {}, "rootUri": file_uri(&dir)})).await;
    c.open(&uri, &text);
    c.diagnostics(&uri, Some(1)).await;
    println!("initialize, index and first diagnostics: {}", ms(t.elapsed()));
    // Type inside the string in the middle of the file.
    let mut middle = text.len() / 2;
    while !text.is_char_boundary(middle) {
        middle += 1;
    }
    let quote = middle + text[middle..].find(" \"").unwrap() + 2;
    let line = text[..quote].matches('\n').count();
    let line_start = text[..quote].rfind('\n').map_or(0, |i| i + 1);
    let mut col = text[line_start..quote].encode_utf16().count();
    let mut latencies = Vec::new();
    for k in 0..keystrokes {
        let version = k as i64 + 2;
        let change = json!({"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}, "text": "ж"});
        col += 1;
        let t = Instant::now();
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        );
        c.diagnostics(&uri, Some(version)).await;
        latencies.push(t.elapsed());
    }
    latencies.sort();
    // The nearest-rank percentile: with fewer than 100 keystrokes p99 is the maximum.
    let rank = |p: usize| latencies[(latencies.len() * p).div_ceil(100).max(1) - 1];
    println!(
        "keystroke to diagnostics over {keystrokes} keystrokes: median {}, p99 {}, min {}, max {}",
        ms(rank(50)),
        ms(rank(99)),
        ms(latencies[0]),
        ms(latencies[latencies.len() - 1])
    );
    // A burst: ten keystrokes without waiting, then the last version's diagnostics.
    let first = keystrokes as i64 + 2;
    let t = Instant::now();
    for version in first..first + 10 {
        let change = json!({"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}, "text": "ж"});
        col += 1;
        c.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]}),
        );
    }
    c.diagnostics(&uri, Some(first + 9)).await;
    println!("burst of 10 keystrokes to the last one's diagnostics: {}", ms(t.elapsed()));
    let mut version = first + 10;
    let mut keystroke = |c: &mut Client, text: &str, line: usize, col: usize| {
        let change = json!({"range": {"start": {"line": line, "character": col}, "end": {"line": line, "character": col}}, "text": text});
        let params = json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [change]});
        c.notify("textDocument/didChange", params);
        version += 1;
        version - 1
    };
    // Typing on after a pause long enough for the whole-workspace pass to
    // start: the keystroke waits for no more than its own check.
    let mut after_pause = Vec::new();
    for _ in 0..5 {
        tokio::time::sleep(Duration::from_millis(400)).await;
        let t = Instant::now();
        let v = keystroke(&mut c, "ж", line, col);
        col += 1;
        c.diagnostics(&uri, Some(v)).await;
        after_pause.push(t.elapsed());
    }
    after_pause.sort();
    println!(
        "a keystroke 400 ms after the last, while the whole-workspace pass runs: median {}, max {}",
        ms(after_pause[2]),
        ms(after_pause[4])
    );
    // A keystroke that changes the structure (a new part before the
    // string's line), then one in a text before a whole-workspace pass has
    // indexed the new structure.
    let t = Instant::now();
    let v = keystroke(&mut c, "part 999 {}\n", line, 0);
    c.diagnostics(&uri, Some(v)).await;
    println!("a keystroke that adds a unit: {}", ms(t.elapsed()));
    let t = Instant::now();
    let v = keystroke(&mut c, "ж", line + 1, col);
    c.diagnostics(&uri, Some(v)).await;
    println!("the next keystroke in a text: {}", ms(t.elapsed()));
}
