//! zan: legislation as plain-text source code.
//!
//! The core (syntax, model, analysis, amendment engine, renderers) knows nothing
//! of the language-server protocol; `lsp` is a thin adapter over it.

pub mod redline;
pub mod syntax;
