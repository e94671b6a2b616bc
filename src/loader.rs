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
    /// The workspace's folder, where its cache lives (`cache::DIR`): that
    /// of `zan.toml`, else the first path given (a file's own folder), else
    /// the current directory.
    pub root: PathBuf,
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
    let root = root.unwrap_or_else(|| match given[0].is_dir() {
        true => given[0].clone(),
        false => {
            given[0].parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new(".")).to_path_buf()
        }
    });
    Ok(Layout { config, config_file, files, outside, context, root })
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

/// The files a command on one act or amendment (`id`) needs, in workspace
/// order, parsed by `parse`; `None` when every file is needed (an id no file
/// declares: its error names what there is). Every file is scanned
/// (`scan::heads`), and parsed are:
/// - every file that declares `id` or an act it targets (`T`), and every file
///   with an amendment of an act in `T` (consolidation applies them; the
///   checks look for conflicts with them);
/// - the files that declare an act those amendments may cite (a word shaped
///   like an act id in their text);
/// - the files that mention an act in `T` in a target that names a unit an
///   amendment of `T` repeals or renumbers (`article 15`), or a range: the
///   engine reports the references it leaves stale, and finds them by the
///   kind and number they name;
/// - every file the scan cannot read with certainty.
///
/// Nothing else can change what the engine, or the checks inside the
/// amendments of `T`, find (`tests/select.rs` compares every command's
/// output with the whole workspace's).
pub fn needed<D: Send>(
    texts: &[&str],
    id: &str,
    parse: impl Fn(usize) -> D + Sync,
    model: impl Fn(&D) -> &crate::model::File,
) -> Option<Vec<(usize, D)>> {
    use crate::scan;
    let heads: Vec<scan::Heads> = crate::par::map(texts, || (), |_, text| scan::heads(text));
    let declares = |a: &str| heads.iter().any(|h| h.acts.iter().any(|x| x == a));
    let mut targets: Vec<&str> = heads
        .iter()
        .flat_map(|h| &h.amendments)
        .filter(|a| a.id == id)
        .filter_map(|a| a.target.as_deref())
        .collect();
    if targets.is_empty() && declares(id) {
        targets.push(id);
    }
    if targets.is_empty() {
        return None;
    }
    let mut wanted = vec![false; texts.len()];
    let mut cited: Vec<&str> = Vec::new();
    for (f, h) in heads.iter().enumerate() {
        let amends = h
            .amendments
            .iter()
            .filter(|a| a.id == id || a.target.as_deref().is_some_and(|t| targets.contains(&t)));
        for a in amends {
            wanted[f] = true;
            cited.extend(scan::act_ids(&texts[f][a.span.clone()]));
        }
        wanted[f] |= h.unclear || h.acts.iter().any(|a| targets.contains(&a.as_str()));
    }
    for (f, h) in heads.iter().enumerate() {
        wanted[f] |= h.acts.iter().any(|a| cited.contains(&a.as_str()));
    }
    let first: Vec<usize> = (0..texts.len()).filter(|&f| wanted[f]).collect();
    let mut parsed: Vec<(usize, D)> =
        first.iter().copied().zip(crate::par::map(&first, || (), |_, &f| parse(f))).collect();
    // Who cites the units the amendments repeal or renumber.
    let changed = {
        let models: Vec<&crate::model::File> = parsed.iter().map(|(_, d)| model(d)).collect();
        changed_units(&models, &targets)
    };
    let rest: Vec<usize> = (0..texts.len())
        .filter(|&f| !wanted[f])
        .filter(|&f| {
            targets.iter().any(|t| {
                scan::mentions(texts[f], t).any(|end| {
                    let target = scan::target_after(texts[f], end);
                    match &changed {
                        None => true,
                        Some(units) => {
                            target.contains("..")
                                || units.iter().any(|(kind, n)| scan::names(target, kind, n))
                        }
                    }
                })
            })
        })
        .collect();
    parsed.extend(rest.iter().copied().zip(crate::par::map(&rest, || (), |_, &f| parse(f))));
    parsed.sort_by_key(|(f, _)| *f);
    Some(parsed)
}

/// The units the amendments of `targets` repeal or renumber, as a target
/// names them (`article`, `15`): resolved in their base versions and as
/// their targets write them, and, when one repeals a range, every unit an
/// amendment brings (the range may take it in). The engine reports a
/// reference that names one of them. `None` when that cannot be told from
/// the words of a target (an unnumbered unit or a grouping, a number with a
/// space, a range that does not resolve).
fn changed_units(files: &[&crate::model::File], targets: &[&str]) -> Option<Vec<(&'static str, String)>> {
    use crate::index::{Index, Resolved, Scope, resolve};
    use crate::model::OperationKind;
    let index = Index::build(files);
    let mut out = Vec::new();
    let amendments: Vec<_> = files
        .iter()
        .flat_map(|f| &f.amendments)
        .filter(|a| a.act.as_deref().is_some_and(|t| targets.contains(&t)))
        .collect();
    let mut ranges = false;
    for a in &amendments {
        let base = a.act.as_deref().and_then(|act| index.base(act, a.base_version).ok());
        for op in &a.operations {
            let target = match &op.kind {
                OperationKind::Repeal { target } | OperationKind::Renumber { target, .. } => target,
                _ => continue,
            };
            let last = target.path.last()?;
            out.push((last.kind.keyword(), last.number.as_ref()?.text.clone()));
            ranges |= target.range_end.is_some();
            let scope = base.map(|act| Scope { act, unit: None });
            let units = match scope.map(|scope| resolve(&index, target, Some(scope))) {
                Some(Ok(Resolved::Unit(n))) => vec![n],
                Some(Ok(Resolved::Range(s, e))) => index.range(s, e),
                _ if target.range_end.is_some() => return None,
                _ => Vec::new(),
            };
            for n in units {
                let unit = index.nodes[n].unit;
                // Units inside a grouping are cited without it.
                if unit.kind.is_grouping() {
                    return None;
                }
                out.push((unit.kind.keyword(), unit.number.as_ref()?.text.clone()));
            }
        }
    }
    if ranges {
        for op in amendments.iter().flat_map(|a| &a.operations) {
            if let Some((kind, number)) = crate::analysis::creates(&op.kind).and_then(|p| p.last().cloned()) {
                out.push((kind.keyword(), number));
            }
        }
    }
    out.iter().all(|(_, n)| !n.is_empty() && !n.contains([' ', '"', ')', ']', '{', '}', '\\'])).then_some(out)
}
