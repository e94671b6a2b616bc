//! Compiles the committed tree-sitter parser (and its external scanner), so building zan needs no tree-sitter CLI.
fn main() {
    let dir = std::path::Path::new("grammar/src");
    cc::Build::new()
        .std("c11")
        .include(dir)
        .file(dir.join("parser.c"))
        .file(dir.join("scanner.c"))
        .warnings(false)
        .compile("tree-sitter-zan");
    println!("cargo:rerun-if-changed=grammar/src/parser.c");
    println!("cargo:rerun-if-changed=grammar/src/scanner.c");
    println!("cargo:rerun-if-changed=grammar/src/tree_sitter/parser.h");
}
