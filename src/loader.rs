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
    /// The other files of the workspace the named paths belong to (its
    /// `roots`, else the folder of `zan.toml`, else the named file's folder):
    /// read so that the named files' references resolve, not reported on.
    /// Empty when nothing was named, or a named path lies outside them.
    pub context: Vec<PathBuf>,
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
    let context = match search {
        Search::Upward if !paths.is_empty() => context(paths, &files, root.as_deref(), &config),
        _ => Vec::new(),
    };
    Ok(Layout { config, config_file, files, outside, context })
}

/// The files of the workspace that `paths` belong to, but `files` (see
/// `Layout::context`).
fn context(paths: &[PathBuf], files: &[PathBuf], root: Option<&Path>, config: &Config) -> Vec<PathBuf> {
    let home = home(&paths[0], root, config);
    let homes: Vec<PathBuf> = home.iter().map(|h| real(h)).collect();
    if !paths.iter().all(|p| homes.iter().any(|h| real(p).starts_with(h))) {
        return Vec::new();
    }
    let named: std::collections::HashSet<PathBuf> = files.iter().map(|f| real(f)).collect();
    crate::workspace::discover(&home)
        .into_iter()
        .filter(|p| {
            !named.contains(&real(p)) && !config.is_ignored(p) && (root.is_none() || config.contains(p))
        })
        .collect()
}

fn real(p: &Path) -> PathBuf {
    p.canonicalize().unwrap_or_else(|_| p.to_path_buf())
}

/// Where the workspace of `path` lies: the `roots` of its `zan.toml` (at
/// `root`), else the folder of `zan.toml`, else the folder of `path`.
fn home(path: &Path, root: Option<&Path>, config: &Config) -> Vec<PathBuf> {
    match root {
        Some(root) if config.roots.is_empty() => vec![root.to_path_buf()],
        Some(_) => config.roots.clone(),
        None => {
            let dir = if path.is_dir() { path } else { path.parent().unwrap_or(Path::new("")) };
            vec![if dir.as_os_str().is_empty() { PathBuf::from(".") } else { dir.to_path_buf() }]
        }
    }
}

/// The folders of the workspace a file belongs to (see `home`), for a
/// command given a file where it takes an id.
pub fn workspace_of(file: &Path) -> Result<Vec<PathBuf>, Box<ConfigError>> {
    match config::find(file) {
        Some(root) => {
            let (config, _) = read_config(&root)?;
            Ok(home(file, Some(&root), &config))
        }
        None => Ok(home(file, None, &Config::empty(PathBuf::from(".")))),
    }
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
