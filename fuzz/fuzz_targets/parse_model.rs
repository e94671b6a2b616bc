//! Arbitrary bytes → parse → model → analysis of a one-file workspace →
//! every diagnostic rendered in every interface language: never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use zan::lang::Lang;
use zan::document::Document;
use zan::report::{Style, render};

fuzz_target!(|data: &[u8]| {
    // What `zan check` does with a file that is not UTF-8 is tested in
    // tests/bad_input.rs; here the text is what a lossy reader would see.
    let doc = Document::parse(String::from_utf8_lossy(data).into_owned());
    let analysed = zan::analysis::analyze(std::slice::from_ref(&doc.model));
    let diagnostics = doc.model.diagnostics.iter().chain(analysed.iter().map(|fd| &fd.diagnostic));
    for d in diagnostics {
        for lang in [Lang::En, Lang::Kk, Lang::Ru] {
            for color in [false, true] {
                render(d, "f.zan", &doc.text, &doc.lines, &Style { color, lang });
            }
        }
    }
});
