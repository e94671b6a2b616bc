use std::process::ExitCode;

#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> ExitCode {
    // SAFETY: first thing in the process; no tree-sitter object exists yet.
    unsafe { zan::alloc::tree_sitter_uses_mimalloc() };
    zan::cli::main()
}
