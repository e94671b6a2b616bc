//! The library's phases on the shipped corpus, with divan:
//! `cargo bench --bench library`. Whole-process figures on generated
//! workspaces of 1 to 100 MB come from `benches/run.sh`.

use std::path::PathBuf;

use divan::Bencher;
use divan::counter::BytesCount;
use zan::document::Document;
use zan::redline::Redline;

// As in the binaries: mimalloc for Rust and for tree-sitter.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // SAFETY: first thing in the process; no tree-sitter object exists yet.
    unsafe { zan::alloc::tree_sitter_uses_mimalloc() };
    divan::main();
}

/// Every shipped `.zan` file's text.
fn corpus() -> Vec<String> {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("corpus");
    zan::workspace::discover(&[root])
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("corpus file"))
        .collect()
}

fn bytes(texts: &[String]) -> BytesCount {
    BytesCount::new(texts.iter().map(String::len).sum::<usize>())
}

#[divan::bench]
fn parse(b: Bencher) {
    let texts = corpus();
    let mut parser = zan::syntax::parser();
    b.counter(bytes(&texts)).bench_local(|| {
        for text in &texts {
            divan::black_box(zan::syntax::parse(&mut parser, text, None));
        }
    });
}

#[divan::bench]
fn lower(b: Bencher) {
    let texts = corpus();
    let mut parser = zan::syntax::parser();
    let trees: Vec<_> = texts.iter().map(|t| zan::syntax::parse(&mut parser, t, None)).collect();
    b.counter(bytes(&texts)).bench(|| {
        for (tree, text) in trees.iter().zip(&texts) {
            divan::black_box(zan::model::lower(tree, text));
        }
    });
}

#[divan::bench]
fn analyze(b: Bencher) {
    let texts = corpus();
    let files: Vec<_> = texts.iter().map(|t| Document::parse(t.clone()).model).collect();
    b.counter(bytes(&texts)).bench(|| zan::analysis::analyze(&files));
}

#[divan::bench]
fn fmt(b: Bencher) {
    let texts = corpus();
    let docs: Vec<_> = texts.iter().map(|t| Document::parse(t.clone())).collect();
    b.counter(bytes(&texts)).bench(|| {
        for doc in &docs {
            divan::black_box(doc.formatted());
        }
    });
}

/// Each corpus file against itself with every «16» made «14»: a word changed
/// in a few paragraphs among many unchanged ones.
#[divan::bench]
fn redline(b: Bencher) {
    let texts = corpus();
    let changed: Vec<String> = texts.iter().map(|t| t.replace("16", "14")).collect();
    b.counter(bytes(&texts)).bench(|| {
        for (old, new) in texts.iter().zip(&changed) {
            divan::black_box(Redline::from_text(old, new));
        }
    });
}
