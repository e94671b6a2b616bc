//! zan: legislation as plain-text source code.
//!
//! The core (syntax, model, analysis, amendment engine, renderers) knows nothing
//! of the language-server protocol; the CLI (`cli`) and the server share it.

pub mod alloc;
pub mod analysis;
pub mod cache;
pub mod cli;
pub mod config;
pub mod derive;
pub mod diag;
pub mod document;
pub mod engine;
pub mod fixes;
pub mod fmt;
pub mod fsio;
pub mod ide;
pub mod import;
pub mod index;
pub mod lang;
pub mod lint;
pub mod loader;
pub mod lsp;
pub mod model;
pub mod par;
pub mod redline;
pub mod remarks;
pub mod render;
pub mod report;
pub mod scan;
pub mod syntax;
pub mod text;
pub mod workspace;
