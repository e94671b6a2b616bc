//! The one workspace loader: which `.zan` files make up a workspace, as its
//! `zan.toml` says (roots, ignores), for every command and for the server.
//! Reading and parsing the files is the caller's: the CLI reads once, the
//! server keeps its open documents over the disk.

use std::path::{Path, PathBuf};

use crate::config::{self, Config};
use crate::diag::Diagnostic;

/// `zan.toml` as read: its path, text, and what it warns about.
#[derive(Debug)]
pub struct ConfigFile {
    pub path: PathBuf,
    pub text: String,
    pub warnings: Vec<Diagnostic>,
}

/// A `zan.toml` that cannot be used: nothing is loaded, since its ignores
/// and severities would be guessed.
#[derive(Debug)]
pub struct ConfigError {
    pub path: PathBuf,
    /// Empty when the file could not be read.
    pub text: String,
    pub diagnostic: Diagnostic,
}

/// The files of a workspace.
#[derive(Debug)]
pub struct Layout {
    /// `zan.toml`'s settings, or the defaults where there is none.
    pub config: Config,
    pub config_file: Option<ConfigFile>,
    /// The `.zan` files, sorted, each once: what `zan.toml` ignores is left
    /// out, except files named explicitly.
    pub files: Vec<PathBuf>,
    /// Files found or named outside the directory of `zan.toml`: skipped.
    pub outside: Vec<PathBuf>,
}

/// Where `zan.toml` is looked for.
#[derive(Debug, Clone, Copy)]
pub enum Search<'a> {
    /// At and above the first path: the command line's rule.
    Upward,
    /// Only in this directory: the server reads nothing outside its roots.
    At(&'a Path),
}

/// The workspace of `paths` (none: `zan.toml`'s `roots`, else the current
/// directory).
pub fn layout(paths: &[PathBuf], search: Search) -> Result<Layout, Box<ConfigError>> {
    let start = paths.first().cloned().unwrap_or_else(|| PathBuf::from("."));
    let root = match search {
        Search::Upward => config::find(&start),
        Search::At(dir) => dir.join(config::FILE_NAME).is_file().then(|| dir.to_path_buf()),
    };
    let (config, config_file) = match &root {
        Some(root) => {
            let (config, file) = read_config(root)?;
            (config, Some(file))
        }
        None => (Config::empty(PathBuf::from(".")), None),
    };
    let given = if !paths.is_empty() {
        paths.to_vec()
    } else if !config.roots.is_empty() {
        config.roots.clone()
    } else {
        vec![PathBuf::from(".")]
    };
    let (mut files, mut outside) = (Vec::new(), Vec::new());
    for path in crate::workspace::discover(&given) {
        if root.is_some() && !config.contains(&path) {
            outside.push(path);
        } else if given.contains(&path) || !config.is_ignored(&path) {
            files.push(path);
        }
    }
    Ok(Layout { config, config_file, files, outside })
}

fn read_config(root: &Path) -> Result<(Config, ConfigFile), Box<ConfigError>> {
    let path = root.join(config::FILE_NAME);
    let text = match crate::workspace::read(&path) {
        Ok(text) => text,
        Err(d) => return Err(Box::new(ConfigError { path, text: String::new(), diagnostic: *d })),
    };
    match config::parse(&text, root) {
        Ok((config, warnings)) => Ok((config, ConfigFile { path, text, warnings })),
        Err(d) => Err(Box::new(ConfigError { path, text, diagnostic: *d })),
    }
}
