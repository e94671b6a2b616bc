//! `zan.toml`: the workspace configuration, shared by `zan check` and the server.
//!
//! It lives at the workspace root, found by walking up from the first path.
//! Nothing it names may lead outside that root.

use std::collections::{BTreeMap, HashSet};
use std::path::{Component, Path, PathBuf};

use globset::{Glob, GlobSet, GlobSetBuilder};
use serde::Deserialize;
use toml::Spanned;

use crate::diag::FileDiagnostic;
use crate::diag::{Diagnostic, Message, Severity};
use crate::model::File;

pub const FILE_NAME: &str = "zan.toml";

/// The level a `[lints]` entry gives a code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Level {
    Error,
    Warning,
    Info,
    /// The diagnostic is not reported.
    Allow,
}

#[derive(Debug, Clone)]
pub struct Config {
    /// The directory holding `zan.toml`.
    pub root: PathBuf,
    /// Folders to check when no path is given, inside `root`.
    pub roots: Vec<PathBuf>,
    /// Languages of acts that declare none.
    pub languages: Vec<String>,
    /// Files to skip, matched against their path relative to `root`.
    pub ignore: GlobSet,
    pub lints: BTreeMap<String, Level>,
    /// `[derive] new-wording-above`: the share of a unit's words changed
    /// beyond which `zan derive` restates the unit (docs/derive.md).
    pub new_wording_above: f64,
}

impl Config {
    /// No `zan.toml`: everything under `root`, default severities.
    pub fn empty(root: PathBuf) -> Config {
        Config {
            root,
            roots: Vec::new(),
            languages: Vec::new(),
            ignore: GlobSet::empty(),
            lints: BTreeMap::new(),
            new_wording_above: 0.5,
        }
    }

    /// Whether `path` (absolute, or relative to the working directory) is
    /// matched by an `ignore` pattern.
    pub fn is_ignored(&self, path: &Path) -> bool {
        let abs = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
        let root = std::path::absolute(&self.root).unwrap_or_else(|_| self.root.clone());
        abs.strip_prefix(&root).is_ok_and(|rel| self.ignore.is_match(normalize(rel)))
    }

    /// Whether `path` really is inside the root, symbolic links resolved; a
    /// path that does not exist is judged by its spelling.
    pub fn contains(&self, path: &Path) -> bool {
        if let (Ok(p), Ok(root)) = (path.canonicalize(), self.root.canonicalize()) {
            return p.starts_with(root);
        }
        let abs = |p: &Path| normalize(&std::path::absolute(p).unwrap_or_else(|_| p.to_path_buf()));
        abs(path).starts_with(abs(&self.root))
    }
}

/// The directory of the nearest `zan.toml` at or above `start`.
pub fn find(start: &Path) -> Option<PathBuf> {
    let start = std::path::absolute(start).ok()?;
    start.ancestors().find(|dir| dir.join(FILE_NAME).is_file()).map(Path::to_path_buf)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Raw {
    #[serde(default)]
    roots: Vec<Spanned<String>>,
    #[serde(default)]
    languages: Vec<Spanned<String>>,
    #[serde(default)]
    ignore: Vec<Spanned<String>>,
    #[serde(default)]
    lints: BTreeMap<String, Level>,
    #[serde(default)]
    derive: Option<Spanned<RawDerive>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields, rename_all = "kebab-case")]
struct RawDerive {
    new_wording_above: Option<f64>,
}

/// Parses the text of `root/zan.toml`. A file that cannot be used is one
/// `invalid-config` error at the offending bytes; entries that are only
/// suspicious (a root outside the workspace, an unknown language) are
/// dropped with warnings.
pub fn parse(text: &str, root: &Path) -> Result<(Config, Vec<Diagnostic>), Box<Diagnostic>> {
    let raw: Raw = toml::from_str(text).map_err(|e| {
        let range = e.span().unwrap_or(0..0);
        Box::new(Diagnostic::new(Message::InvalidConfig { error: e.message().trim_end().to_string() }, range))
    })?;
    let mut warnings = Vec::new();
    let mut config = Config::empty(root.to_path_buf());
    for r in raw.roots {
        match inside(root, r.get_ref()) {
            Some(path) => config.roots.push(path),
            None => warnings.push(outside(&r)),
        }
    }
    for l in raw.languages {
        if crate::lang::is_iso639_1(l.get_ref()) {
            config.languages.push(l.into_inner());
        } else {
            warnings.push(Diagnostic::new(Message::UnknownLanguage { lang: l.get_ref().clone() }, l.span()));
        }
    }
    let mut globs = GlobSetBuilder::new();
    for pattern in raw.ignore {
        let escapes = Path::new(pattern.get_ref())
            .components()
            .any(|c| matches!(c, Component::ParentDir | Component::RootDir | Component::Prefix(_)));
        if escapes {
            warnings.push(outside(&pattern));
            continue;
        }
        let glob = Glob::new(pattern.get_ref()).map_err(|e| {
            let error = e.kind().to_string();
            Box::new(Diagnostic::new(Message::InvalidConfig { error }, pattern.span()))
        })?;
        globs.add(glob);
    }
    config.ignore = globs
        .build()
        .map_err(|e| Box::new(Diagnostic::new(Message::InvalidConfig { error: e.to_string() }, 0..0)))?;
    config.lints = raw.lints;
    if let Some(d) = raw.derive {
        match d.get_ref().new_wording_above {
            Some(share) if !(0.0..=1.0).contains(&share) => {
                let error = format!("`new-wording-above` is a share of words, from 0 to 1, not {share}");
                return Err(Box::new(Diagnostic::new(Message::InvalidConfig { error }, d.span())));
            }
            Some(share) => config.new_wording_above = share,
            None => {}
        }
    }
    Ok((config, warnings))
}

fn outside(entry: &Spanned<String>) -> Diagnostic {
    Diagnostic::new(Message::OutsideRoot { path: entry.get_ref().clone() }, entry.span())
}

/// `entry` joined to `root` when it stays inside it, links resolved.
fn inside(root: &Path, entry: &str) -> Option<PathBuf> {
    let joined = normalize(&root.join(entry));
    if !joined.starts_with(normalize(root)) {
        return None;
    }
    match (joined.canonicalize(), root.canonicalize()) {
        (Ok(real), Ok(real_root)) if !real.starts_with(&real_root) => None,
        _ => Some(joined),
    }
}

/// `.` and `..` removed by spelling (a path that leaves its base keeps its `..`).
fn normalize(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if matches!(out.components().next_back(), Some(Component::Normal(_))) => {
                out.pop();
            }
            c => out.push(c),
        }
    }
    out
}

/// The `[lints]` levels applied: `allow` drops a diagnostic, the other levels
/// replace its severity.
pub fn apply(config: &Config, diagnostics: Vec<FileDiagnostic>) -> Vec<FileDiagnostic> {
    diagnostics.into_iter().filter_map(|mut fd| config.level(&mut fd.diagnostic).then_some(fd)).collect()
}

impl Config {
    /// Gives `d` the severity `[lints]` sets for its code; false when the
    /// code is allowed, and so not reported.
    pub fn level(&self, d: &mut Diagnostic) -> bool {
        d.severity = match self.lints.get(d.code()) {
            None => return true,
            Some(Level::Allow) => return false,
            Some(Level::Error) => Severity::Error,
            Some(Level::Warning) => Severity::Warning,
            Some(Level::Info) => Severity::Info,
        };
        true
    }
}

/// The configuration of the workspace that holds `path`, of several.
pub fn holding<'c>(configs: &'c [Config], path: &Path) -> Option<&'c Config> {
    configs.iter().filter(|c| path.starts_with(&c.root)).max_by_key(|c| c.root.components().count())
}

/// Gives the configured languages to every act version (id and version)
/// whose blocks declare none, before analysis.
pub fn default_languages(config: &Config, files: &mut [File]) {
    if config.languages.is_empty() {
        return;
    }
    let declared: HashSet<(String, Option<crate::model::Date>)> = files
        .iter()
        .flat_map(|f| &f.acts)
        .filter(|a| !a.languages.is_empty())
        .map(|a| (a.id.clone(), a.version))
        .collect();
    for act in files.iter_mut().flat_map(|f| &mut f.acts) {
        if !declared.contains(&(act.id.clone(), act.version)) {
            act.languages = config.languages.clone();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lexical_normalization_keeps_escaping_parents() {
        assert_eq!(normalize(Path::new("/w/./a/../b")), PathBuf::from("/w/b"));
        assert_eq!(normalize(Path::new("../a")), PathBuf::from("../a"));
        assert!(inside(Path::new("/w"), "../x").is_none());
        assert!(inside(Path::new("/w"), "/etc").is_none());
        assert_eq!(inside(Path::new("/w"), "acts/../laws"), Some(PathBuf::from("/w/laws")));
    }
}
