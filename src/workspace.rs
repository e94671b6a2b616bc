//! Finding and reading the `.zan` files of a workspace.

use std::collections::HashSet;
use std::path::{Path, PathBuf};

use crate::diag::{Diagnostic, Message};

/// The `.zan` files under `paths` (files are taken as given), sorted, each once.
/// Directory loops and hidden directories are skipped; symlinks are followed
/// only while they stay inside the directory given.
pub fn discover(paths: &[PathBuf]) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for path in paths {
        if path.is_dir() {
            let root = path.canonicalize().unwrap_or_else(|_| path.clone());
            let mut seen = HashSet::new();
            walk(path, &root, &mut seen, &mut out);
        } else {
            out.push(path.clone());
        }
    }
    out.sort();
    out.dedup();
    out
}

fn walk(dir: &Path, root: &Path, seen: &mut HashSet<PathBuf>, out: &mut Vec<PathBuf>) {
    let Ok(real) = dir.canonicalize() else { return };
    if !real.starts_with(root) || !seen.insert(real) {
        return;
    }
    let Ok(entries) = std::fs::read_dir(dir) else { return };
    let mut entries: Vec<_> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("");
        if name.starts_with('.') || name == "target" || name == "node_modules" {
            continue;
        }
        if path.is_dir() {
            walk(&path, root, seen, out);
        } else if name.ends_with(".zan") {
            match path.canonicalize() {
                Ok(real) if !real.starts_with(root) => {} // a symlink out of the workspace
                // Dangling or looping symlinks too: reading them reports why.
                _ => out.push(path),
            }
        }
    }
}

/// The directories a language server may read from. Nothing outside them is
/// read, watched or indexed, whatever path a client names: the one place
/// that decides it, so no request or notification has a back door.
#[derive(Debug, Clone, Default)]
pub struct Roots {
    /// As the client named them: files found under them keep these prefixes.
    given: Vec<PathBuf>,
    /// Resolved (symlinks followed), for the containment check.
    real: Vec<PathBuf>,
}

impl Roots {
    pub fn new(given: Vec<PathBuf>) -> Roots {
        let real = given.iter().filter_map(|r| r.canonicalize().ok()).collect();
        Roots { given, real }
    }

    pub fn dirs(&self) -> &[PathBuf] {
        &self.given
    }

    pub fn is_empty(&self) -> bool {
        self.given.is_empty()
    }

    /// Whether the server may read `path`: an absolute path to a `.zan` file
    /// that, with every symlink resolved, lies inside a root. A path with
    /// `..` is refused outright: editors send normalised paths, and the same
    /// file under a second name would be indexed twice. A file that no
    /// longer exists is judged by its resolved directory, so its deletion
    /// can still be seen.
    pub fn admit(&self, path: &Path) -> bool {
        let dotted = path.components().any(|c| matches!(c, std::path::Component::ParentDir));
        if dotted || !path.is_absolute() || path.extension().is_none_or(|e| e != "zan") {
            return false;
        }
        let real = match std::fs::symlink_metadata(path) {
            // A dangling or looping symlink resolves to nothing: refused.
            Ok(_) => path.canonicalize().ok(),
            Err(_) => match (path.parent(), path.file_name()) {
                (Some(dir), Some(name)) => dir.canonicalize().ok().map(|d| d.join(name)),
                _ => None,
            },
        };
        real.is_some_and(|real| self.real.iter().any(|root| real.starts_with(root)))
    }
}

/// Reads a file as UTF-8, or says why it cannot be read.
pub fn read(path: &Path) -> Result<String, Box<Diagnostic>> {
    let unreadable = |error: String| Box::new(Diagnostic::new(Message::Unreadable { error }, 0..0));
    // Only regular files: reading a FIFO or a device could block forever.
    let meta = std::fs::metadata(path).map_err(|e| unreadable(e.to_string()))?;
    if !meta.is_file() {
        return Err(unreadable("not a regular file".into()));
    }
    let bytes = std::fs::read(path).map_err(|e| unreadable(e.to_string()))?;
    String::from_utf8(bytes).map_err(|e| {
        let offset = e.utf8_error().valid_up_to();
        Box::new(Diagnostic::new(Message::NotUtf8 { offset }, 0..0))
    })
}
