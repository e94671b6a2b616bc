//! The rule every command and view that applies an amendment follows: an
//! amendment in which `zan check` finds errors (with the severities of
//! `zan.toml`) is not applied; those diagnostics are the answer instead.

use std::borrow::Borrow;

use super::FileDiagnostic;
use crate::config::Config;
use crate::diag::Severity;
use crate::engine::{
    Applied, EngineError, ErrorKind, Failed, apply_amendment, apply_leaving_out, find_amendment,
};
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
        let errors = errors_in(files, config, file, amendment);
        if !errors.is_empty() {
            return Err(Refusal::Check(errors));
        }
    }
    apply_amendment(files, id).map_err(Refusal::Engine)
}

/// Applies amendment `id` for a view: an operation with errors, or one the
/// engine refuses, is left out and listed in `Applied::failed` (see
/// [`crate::engine::apply_leaving_out`]). Errors outside every operation
/// (in the amendment's header) still refuse it.
pub fn apply_for_view<'m, F: Borrow<File>>(
    files: &'m [F],
    config: &Config,
    id: &str,
) -> Result<Applied<'m>, Refusal> {
    let mut known: Vec<Failed> = Vec::new();
    if let Some((file, amendment)) = find_amendment(files, id) {
        let errors = errors_in(files, config, file, amendment);
        for fd in &errors {
            let range = &fd.diagnostic.range;
            let Some(o) = amendment
                .operations
                .iter()
                .position(|op| op.span.start <= range.start && range.end <= op.span.end)
            else {
                return Err(Refusal::Check(errors));
            };
            if known.iter().all(|f| f.operation != o) {
                let kind = ErrorKind::Check(fd.diagnostic.message.clone());
                known.push(Failed { operation: o, error: EngineError::new(kind, file, range.clone()) });
            }
        }
    }
    apply_leaving_out(files, id, known).map_err(Refusal::Engine)
}

/// The errors `zan check` finds inside `amendment` (with the severities of
/// `zan.toml`), but a conflict with another proposal: that matters when
/// both are consolidated (`--as-of`), not when the amendment alone applies.
fn errors_in<F: Borrow<File>>(
    files: &[F],
    config: &Config,
    file: usize,
    amendment: &crate::model::Amendment,
) -> Vec<FileDiagnostic> {
    let span = &amendment.span;
    // What `analyze` reports on the amendment's file, without linting the others.
    let plan = super::Plan { only: Some(file), ..super::Plan::default() };
    let found = super::run(files, &plan, &|| false).unwrap_or_default();
    crate::config::apply(config, found)
        .into_iter()
        .filter(|fd| {
            let d = &fd.diagnostic;
            fd.file == file
                && d.severity == Severity::Error
                && span.start <= d.range.start
                && d.range.end <= span.end
        })
        .filter(|fd| !matches!(fd.diagnostic.message, crate::diag::Message::ProposalConflict { .. }))
        .collect()
}
