//! The binaries allocate with mimalloc (`#[global_allocator]` in each): the
//! models of a large workspace are millions of small allocations. This makes
//! tree-sitter's C runtime, which calls libc's malloc by default, use it too,
//! so trees freed after lowering are reused for the next file's tree and model.

use libmimalloc_sys::{mi_calloc, mi_free, mi_malloc, mi_realloc};

/// # Safety
/// Call once, first thing in `main`, before any tree-sitter object exists.
pub unsafe fn tree_sitter_uses_mimalloc() {
    let allocator =
        tree_sitter::Allocator { malloc: mi_malloc, calloc: mi_calloc, realloc: mi_realloc, free: mi_free };
    // SAFETY: mimalloc's functions keep libc's contract (alignment, NULL on
    // failure), and the caller installs them before any tree-sitter object exists.
    unsafe { tree_sitter::set_allocator(Some(allocator)) };
}
