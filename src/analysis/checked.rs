//! The rule every command and view that applies an amendment follows: an
//! amendment in which `zan check` finds errors (with the severities of
//! `zan.toml`) is not applied; those diagnostics are the answer instead.

use std::borrow::Borrow;

use super::FileDiagnostic;
use crate::config::Config;
use crate::diag::Severity;
use crate::engine::{Applied, EngineError, apply_amendment, find_amendment};
use crate::model::File;

/// Why an amendment was not applied.
#[derive(Debug)]
pub enum Refusal {
    /// What `zan check` reports as errors inside the amendment.
    Check(Vec<FileDiagnostic>),
    Engine(EngineError),
}

/// Applies amendment `id`, unless `zan check` finds errors in it.
pub fn apply_checked<'m, F: Borrow<File>>(
    files: &'m [F],
    config: &Config,
    id: &str,
) -> Result<Applied<'m>, Refusal> {
    if let Some((file, amendment)) = find_amendment(files, id) {
        let span = &amendment.span;
        // What `analyze` reports on the amendment's file, without linting the others.
        let plan = super::Plan { only: Some(file), ..super::Plan::default() };
        let found = super::run(files, &plan, &|| false).unwrap_or_default();
        let errors: Vec<FileDiagnostic> = crate::config::apply(config, found)
            .into_iter()
            .filter(|fd| {
                let d = &fd.diagnostic;
                fd.file == file
                    && d.severity == Severity::Error
                    && span.start <= d.range.start
                    && d.range.end <= span.end
            })
            // The amendment alone applies: a conflict with another proposal
            // matters when both are consolidated (`--as-of`).
            .filter(|fd| !matches!(fd.diagnostic.message, crate::diag::Message::ProposalConflict { .. }))
            .collect();
        if !errors.is_empty() {
            return Err(Refusal::Check(errors));
        }
    }
    apply_amendment(files, id).map_err(Refusal::Engine)
}
