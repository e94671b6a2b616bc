//! Lints over one paragraph of plain legal text (a `&str` without inline
//! references), independent of the act model: the checker wraps the findings
//! into diagnostics and maps the byte ranges onto the string literal.
//!
//! Every byte range returned here lies on `char` boundaries of the input.

pub mod citations;
pub mod hygiene;
