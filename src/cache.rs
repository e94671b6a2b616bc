//! The on-disk cache of what parsing and lowering a file produce: its
//! `model::File`, diagnostics included, in the workspace's `.zan-cache/`.
//!
//! One entry per source path (named by a hash of the path relative to the
//! workspace), so the cache holds at most one entry per file and an edited
//! file overwrites its own. An entry is used only when everything in it
//! matches: the header (format, zan's version, and the size and time of the
//! running executable, so that any other build of zan, whose lowering may
//! differ, never reads it), the hash of the file's text, and the checksum
//! of the payload; the payload is then decoded with validation. Anything
//! else (corrupt, truncated, foreign, from another build) is ignored and
//! rewritten. Writes go to a temporary file renamed over the entry, so a
//! reader sees a whole entry or none, whoever writes at the same time; a
//! write that fails (read-only folder, full disk) is skipped in silence: it
//! is a cache, and nothing a command prints depends on it.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use crate::model::File;

/// The cache's folder, inside the workspace's.
pub const DIR: &str = ".zan-cache";
/// Set (to anything but empty) to turn the cache off, as `--no-cache` does.
pub const OFF_VAR: &str = "ZAN_NO_CACHE";

const MAGIC: &[u8; 8] = b"zancache";
/// The layout of an entry; bumped when it changes.
const FORMAT: u32 = 1;
/// The payload starts at a multiple of this, as rkyv's archive needs.
const ALIGN: usize = 16;
const HASH: usize = blake3::OUT_LEN;

/// A workspace's cache.
pub struct Cache {
    dir: PathBuf,
    /// The workspace's folder, resolved: entries are named by paths relative to it.
    root: PathBuf,
    /// What every valid entry starts with, padded to `ALIGN`.
    header: Vec<u8>,
    /// Whether the folder exists (made, with its `.gitignore`, on the first write).
    made: OnceLock<bool>,
}

impl Cache {
    /// The cache of the workspace in `root`, or `None` when `ZAN_NO_CACHE`
    /// is set or the running executable cannot be identified. Nothing is
    /// created until an entry is written.
    pub fn open(root: &Path) -> Option<Cache> {
        if std::env::var_os(OFF_VAR).is_some_and(|v| !v.is_empty()) {
            return None;
        }
        let root = root.canonicalize().ok()?;
        Some(Cache { dir: root.join(DIR), root, header: header()?, made: OnceLock::new() })
    }

    /// Where the entry of `path` is.
    fn entry(&self, path: &Path) -> PathBuf {
        let path = path.canonicalize().unwrap_or_else(|_| path.to_path_buf());
        let key = path.strip_prefix(&self.root).unwrap_or(&path);
        let hash = blake3::hash(key.as_os_str().as_encoded_bytes());
        self.dir.join(&hash.to_hex()[..32])
    }

    /// The model stored for `path` with this text, if its entry is whole
    /// and was written by this build of zan.
    pub fn get(&self, path: &Path, text: &blake3::Hash) -> Option<File> {
        let mut bytes = rkyv::util::AlignedVec::<ALIGN>::new();
        bytes.extend_from_reader(&mut std::fs::File::open(self.entry(path)).ok()?).ok()?;
        let rest = bytes.strip_prefix(self.header.as_slice())?;
        let (hash, rest) = rest.split_first_chunk::<HASH>()?;
        let (sum, payload) = rest.split_first_chunk::<HASH>()?;
        if hash != text.as_bytes() || sum != blake3::hash(payload).as_bytes() {
            return None;
        }
        rkyv::from_bytes::<File, rkyv::rancor::Error>(payload).ok()
    }

    /// Stores the model of `path` with this text; any failure is skipped.
    pub fn put(&self, path: &Path, text: &blake3::Hash, file: &File) {
        let Ok(payload) = rkyv::to_bytes::<rkyv::rancor::Error>(file) else { return };
        let mut bytes = Vec::with_capacity(self.header.len() + 2 * HASH + payload.len());
        bytes.extend_from_slice(&self.header);
        bytes.extend_from_slice(text.as_bytes());
        bytes.extend_from_slice(blake3::hash(&payload).as_bytes());
        bytes.extend_from_slice(&payload);
        if *self.made.get_or_init(|| self.make().is_ok()) {
            let _ = write(&self.dir, &self.entry(path), &bytes);
        }
    }

    /// Makes the folder, with a `.gitignore` that keeps it out of git.
    fn make(&self) -> std::io::Result<()> {
        std::fs::create_dir_all(&self.dir)?;
        let ignore = self.dir.join(".gitignore");
        if !ignore.is_file() {
            write(&self.dir, &ignore, b"*\n")?;
        }
        Ok(())
    }
}

/// A temporary file in `dir`, renamed over `path`: readers see the old
/// file or the new one. Not flushed to disk: an entry a crash cuts short
/// fails its checksum.
fn write(dir: &Path, path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let mut tmp = tempfile::Builder::new().prefix(".tmp-").tempfile_in(dir)?;
    tmp.write_all(bytes)?;
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// The header of this build's entries: the magic, the format, zan's version,
/// and the running executable's size and modification time (any rebuild
/// makes a new one), padded to `ALIGN`.
fn header() -> Option<Vec<u8>> {
    let exe = std::fs::metadata(std::env::current_exe().ok()?).ok()?;
    let time = exe.modified().ok()?.duration_since(std::time::UNIX_EPOCH).ok()?;
    let version = env!("CARGO_PKG_VERSION").as_bytes();
    let mut out = MAGIC.to_vec();
    out.extend_from_slice(&FORMAT.to_le_bytes());
    out.extend_from_slice(&(version.len() as u32).to_le_bytes());
    out.extend_from_slice(version);
    out.extend_from_slice(&exe.len().to_le_bytes());
    out.extend_from_slice(&time.as_secs().to_le_bytes());
    out.extend_from_slice(&time.subsec_nanos().to_le_bytes());
    out.resize(out.len().next_multiple_of(ALIGN), 0);
    Some(out)
}

/// The model of the file at `path` with `text`: from the cache when it has
/// one for exactly this text, else parsed and lowered (and stored). The
/// one way the CLI's commands turn a file into a model.
pub fn model(cache: Option<&Cache>, parser: &mut tree_sitter::Parser, path: &Path, text: &str) -> File {
    let hash = cache.map(|_| blake3::hash(text.as_bytes()));
    if let (Some(cache), Some(hash)) = (cache, &hash)
        && let Some(file) = cache.get(path, hash)
    {
        return file;
    }
    let tree = crate::syntax::parse(parser, text, None);
    let file = crate::model::lower(&tree, text);
    if let (Some(cache), Some(hash)) = (cache, &hash) {
        cache.put(path, hash, &file);
    }
    file
}

/// For the `&'static str` fields of diagnostics (codes, keywords): stored
/// as strings, read back as the one leaked copy of each distinct string, so
/// memory grows with the number of distinct words, not of entries read.
pub struct Interned;

impl rkyv::with::ArchiveWith<&'static str> for Interned {
    type Archived = rkyv::string::ArchivedString;
    type Resolver = rkyv::string::StringResolver;

    fn resolve_with(field: &&'static str, resolver: Self::Resolver, out: rkyv::Place<Self::Archived>) {
        rkyv::string::ArchivedString::resolve_from_str(field, resolver, out);
    }
}

impl<S> rkyv::with::SerializeWith<&'static str, S> for Interned
where
    S: rkyv::rancor::Fallible + ?Sized,
    S::Error: rkyv::rancor::Source,
    str: rkyv::SerializeUnsized<S>,
{
    fn serialize_with(field: &&'static str, serializer: &mut S) -> Result<Self::Resolver, S::Error> {
        rkyv::string::ArchivedString::serialize_from_str(field, serializer)
    }
}

impl<D: rkyv::rancor::Fallible + ?Sized>
    rkyv::with::DeserializeWith<rkyv::string::ArchivedString, &'static str, D> for Interned
{
    fn deserialize_with(field: &rkyv::string::ArchivedString, _: &mut D) -> Result<&'static str, D::Error> {
        Ok(intern(field.as_str()))
    }
}

fn intern(s: &str) -> &'static str {
    static SEEN: OnceLock<std::sync::Mutex<std::collections::HashSet<&'static str>>> = OnceLock::new();
    let mut seen = crate::par::lock(SEEN.get_or_init(Default::default));
    match seen.get(s) {
        Some(&s) => s,
        None => {
            let s: &'static str = Box::leak(s.to_owned().into_boxed_str());
            seen.insert(s);
            s
        }
    }
}
