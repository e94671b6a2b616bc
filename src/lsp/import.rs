//! `zan/import`: the client reads the chosen files (the server reads
//! nothing outside the workspace roots) and sends their bytes; the import
//! runs through `ide::Analysis::import` and its answer is put in the
//! protocol's shape.

use base64::Engine;

use super::state::Snapshot;
use crate::ide::analysis::{Analysis, ImportKind};

#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportFile {
    /// The file's name, as messages and comments name it.
    pub name: String,
    /// Its language, `kk` or `ru`.
    pub lang: String,
    /// Its bytes, base64-encoded.
    pub bytes: String,
}

/// Parameters of `zan/import` (docs/import.md, «Editors»).
#[derive(Debug, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportParams {
    /// `act` or `law`.
    pub kind: String,
    pub files: Vec<ImportFile>,
    /// The act's id (`act`), the amendment's (`law`, optional).
    #[serde(default)]
    pub id: Option<String>,
    /// `act` only: the retrieval date, `YYYY-MM-DD`.
    #[serde(default)]
    pub retrieved: Option<String>,
}

/// One thing the import reports, at a line of an input.
#[derive(Debug, serde::Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct ImportFinding {
    pub code: String,
    pub file: String,
    pub line: usize,
    pub message: String,
}

#[derive(Debug, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct ImportResult {
    /// The `.zan` text.
    pub zan: String,
    pub findings: Vec<ImportFinding>,
    /// «FILE: read as windows-1251», one per input not in UTF-8 text.
    pub read_as: Vec<String>,
    /// Lines kept as comments only (`import-unrecognised` and the like).
    pub lost: usize,
}

pub fn import(snap: &Snapshot, params: ImportParams) -> Result<ImportResult, String> {
    let mut inputs = Vec::new();
    for f in params.files {
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(&f.bytes)
            .map_err(|e| format!("{}: the bytes are not base64: {e}", f.name))?;
        inputs.push(crate::import::Input { name: f.name, lang: crate::lang::Lang::of(&f.lang), bytes });
    }
    let date =
        |s: &str| crate::model::Date::parse(s).ok_or_else(|| format!("`{s}` is not a date (YYYY-MM-DD)"));
    let kind = match params.kind.as_str() {
        "act" => ImportKind::Act(crate::import::Options {
            id: params.id.ok_or("an act's import needs its id")?,
            version: None,
            source: None,
            retrieved: date(params.retrieved.as_deref().ok_or("an act's import needs the retrieval date")?)?,
        }),
        "law" => ImportKind::Law { id: params.id },
        other => return Err(format!("`{other}` is not a kind of text to import (act or law)")),
    };
    let analysis = Analysis::new(&snap.world, &snap.nav, &snap.config.lang, snap.config.ui);
    let imported = analysis.import(&inputs, kind)?;
    Ok(ImportResult {
        lost: imported.lost(),
        findings: imported
            .findings
            .iter()
            .map(|f| ImportFinding {
                code: f.code.to_string(),
                file: f.at.file.clone(),
                line: f.at.line,
                message: f.message.clone(),
            })
            .collect(),
        read_as: imported.read_as,
        zan: imported.zan,
    })
}
