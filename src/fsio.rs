//! Writing users' files: always atomically, so a failure leaves the original intact.

use std::io::Write;
use std::path::Path;

/// Replaces `path` with `contents`: writes a temporary file beside it, flushes
/// it to disk, gives it the original's permissions, owner and group, then
/// renames it over the original. A read-only original is refused (the
/// rename would replace it all the same), and so is one whose owner or
/// group the new file could not keep.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let original = std::fs::metadata(path).ok();
    if original.as_ref().is_some_and(|m| m.permissions().readonly()) {
        return Err(std::io::Error::new(std::io::ErrorKind::PermissionDenied, "the file is read-only"));
    }
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut builder = tempfile::Builder::new();
    // A new file is made as any program makes one (the umask applies), not
    // with the temporary's private mode.
    if let (None, Some(mode)) = (&original, shared(0o666)) {
        builder.permissions(mode);
    }
    let mut tmp = builder.prefix(".zan-").suffix(".tmp").tempfile_in(dir)?;
    // Through the `File`: the temporary's own errors would name its path, gone by now.
    tmp.as_file_mut().write_all(contents)?;
    tmp.as_file().sync_all()?;
    if let Some(meta) = &original {
        tmp.as_file().set_permissions(meta.permissions())?;
        keep_owner(tmp.as_file(), meta)?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
    Ok(())
}

/// `mode`, which the umask narrows when given at creation; none where
/// files have no modes (a new file there is made writable anyway).
#[cfg(unix)]
fn shared(mode: u32) -> Option<std::fs::Permissions> {
    Some(std::os::unix::fs::PermissionsExt::from_mode(mode))
}

#[cfg(not(unix))]
fn shared(_: u32) -> Option<std::fs::Permissions> {
    None
}

#[cfg(unix)]
fn keep_owner(file: &std::fs::File, original: &std::fs::Metadata) -> std::io::Result<()> {
    use std::os::unix::fs::MetadataExt;
    let new = file.metadata()?;
    if (new.uid(), new.gid()) == (original.uid(), original.gid()) {
        return Ok(());
    }
    std::os::unix::fs::fchown(file, Some(original.uid()), Some(original.gid())).map_err(|e| {
        std::io::Error::new(
            e.kind(),
            format!("the new file could not keep the owner and group of the old: {e}"),
        )
    })
}

#[cfg(not(unix))]
fn keep_owner(_: &std::fs::File, _: &std::fs::Metadata) -> std::io::Result<()> {
    Ok(())
}

/// The file that marks a directory as written by [`replace_dir`], so that
/// it never replaces a directory of the user's.
pub const MARKER: &str = ".zan-generated";

/// Replaces the directory `dir` with `files` (paths relative to it): writes
/// them into a temporary directory beside it, then swaps the two by renames,
/// so a reader sees the old site or the new one, never half of one. An
/// existing `dir` is replaced only when it is empty or was written so.
pub fn replace_dir(dir: &Path, files: &[(String, Vec<u8>)]) -> std::io::Result<()> {
    use std::io::{Error, ErrorKind};
    if dir.exists() {
        let ours = dir.join(MARKER).is_file();
        if !ours && std::fs::read_dir(dir)?.next().is_some() {
            return Err(Error::new(
                ErrorKind::AlreadyExists,
                format!(
                    "{} is not empty and was not written by zan; give a new or empty directory",
                    dir.display()
                ),
            ));
        }
    }
    let parent = dir.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(parent)?;
    let mut builder = tempfile::Builder::new();
    // Readable as any directory the user makes (a site goes to a web host).
    if let Some(mode) = shared(0o777) {
        builder.permissions(mode);
    }
    let tmp = builder.prefix(".zan-").tempdir_in(parent)?;
    for (name, contents) in files.iter().map(|(n, c)| (n.as_str(), c.as_slice())).chain([(MARKER, &b""[..])])
    {
        let path = tmp.path().join(name);
        if let Some(p) = path.parent() {
            std::fs::create_dir_all(p)?;
        }
        let mut f = std::fs::File::create(&path)?;
        f.write_all(contents)?;
        f.sync_all()?;
    }
    if dir.exists() {
        // The old site goes into a temporary directory of its own, removed
        // with it; back in its place if the new one cannot take it.
        let old = tempfile::Builder::new().prefix(".zan-old-").tempdir_in(parent)?;
        let aside = old.path().join("site");
        std::fs::rename(dir, &aside)?;
        if let Err(e) = std::fs::rename(tmp.path(), dir) {
            let _ = std::fs::rename(&aside, dir);
            return Err(e);
        }
    } else {
        std::fs::rename(tmp.path(), dir)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_contents_and_leaves_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.zan");
        std::fs::write(&path, "old").unwrap();
        write_atomic(&path, "жаңа".as_bytes()).unwrap();
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "жаңа");
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_read_only_file_is_refused_and_left_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.zan");
        std::fs::write(&path, "old").unwrap();
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).unwrap();
        let e = write_atomic(&path, b"new").unwrap_err();
        assert_eq!(e.to_string(), "the file is read-only");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), "old");
        assert!(std::fs::metadata(&path).unwrap().permissions().readonly());
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn replaces_a_directory_it_wrote_and_refuses_another() {
        let dir = tempfile::tempdir().unwrap();
        let site = dir.path().join("site");
        replace_dir(&site, &[("a/b.html".into(), b"one".to_vec())]).unwrap();
        replace_dir(&site, &[("c.html".into(), b"two".to_vec())]).unwrap();
        assert!(!site.join("a").exists());
        assert_eq!(std::fs::read_to_string(site.join("c.html")).unwrap(), "two");
        // Nothing left beside it: no temporary or old directory.
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
        let mine = dir.path().join("mine");
        std::fs::create_dir(&mine).unwrap();
        std::fs::write(mine.join("notes.txt"), "keep").unwrap();
        let e = replace_dir(&mine, &[("x".into(), Vec::new())]).unwrap_err();
        assert!(
            e.to_string().ends_with("is not empty and was not written by zan; give a new or empty directory")
        );
        assert_eq!(std::fs::read_to_string(mine.join("notes.txt")).unwrap(), "keep");
    }

    #[test]
    fn failure_leaves_original() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-dir").join("a.zan");
        assert!(write_atomic(&path, b"x").is_err());
        assert!(!path.exists());
    }
}
