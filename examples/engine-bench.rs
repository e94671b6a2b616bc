//! Times the amendment engine on a generated workspace:
//! `cargo run --release --example gen-corpus -- --out DIR --articles 500 --acts 1 --amendments 10`
//! then `cargo run --release --example engine-bench -- DIR`.
//! Reports parsing, each amendment applied with its comparative table and
//! bill, and the act consolidated with every amendment in date order.

use std::path::PathBuf;
use std::time::Instant;

use zan::engine::{self, Include};

// As in the `zan` binary: mimalloc for Rust and for tree-sitter.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    // SAFETY: first thing in the process; no tree-sitter object exists yet.
    unsafe { zan::alloc::tree_sitter_uses_mimalloc() };
    let dir = PathBuf::from(std::env::args().nth(1).expect("usage: engine-bench DIR"));
    let started = Instant::now();
    let files: Vec<zan::model::File> = zan::workspace::discover(&[dir])
        .iter()
        .map(|p| zan::document::Document::parse(std::fs::read_to_string(p).expect("readable")).model)
        .collect();
    let parse = started.elapsed();
    let ids: Vec<String> = files.iter().flat_map(|f| f.amendments.iter().map(|a| a.id.clone())).collect();
    let ops: usize = files.iter().flat_map(|f| &f.amendments).map(|a| a.operations.len()).sum();
    let units: usize = files.iter().flat_map(|f| &f.acts).map(|a| a.units.len()).sum();
    println!(
        "parsed {} files ({units} top-level units, {} amendments, {ops} operations) in {parse:.2?}",
        files.len(),
        ids.len()
    );

    let started = Instant::now();
    for id in &ids {
        engine::apply_amendment(&files, id).unwrap_or_else(|e| panic!("{id}: {:?}", e.kind));
    }
    println!("applied each amendment to the base version in {:.2?}", started.elapsed());

    let started = Instant::now();
    let (mut rows, mut html_bytes) = (0, 0);
    for id in &ids {
        let applied = engine::apply_amendment(&files, id).unwrap_or_else(|e| panic!("{id}: {:?}", e.kind));
        let table = zan::render::table::table(&applied, "en", &[]);
        rows += table.rows.len();
        html_bytes += table.html(true).len();
        html_bytes += zan::render::bill::bill(&applied, "en").text().len();
    }
    println!(
        "applied each amendment, with its table (HTML) and bill: {rows} rows, {html_bytes} bytes in {:.2?}",
        started.elapsed()
    );

    let act = files.iter().flat_map(|f| &f.amendments).find_map(|a| a.act.clone()).expect("an amendment");
    let started = Instant::now();
    match engine::consolidate(&files, &act, None, Include::Draft) {
        Ok(applied) => {
            let changes = applied.changes.len();
            let text = zan::render::zan::act(&applied.result.to_act()).map_or(0, |t| t.len());
            let table = zan::render::table::table(&applied, "en", &[]).html(false).len();
            println!(
                "consolidated {act} with {} amendments ({changes} operations), printed as .zan ({text} bytes) with its table ({table} bytes) in {:.2?}",
                applied.amendments.len(),
                started.elapsed()
            );
        }
        Err(e) => println!(
            "consolidating {act} with every amendment stops: {:?} ({:.2?})",
            e.kind,
            started.elapsed()
        ),
    }
}
