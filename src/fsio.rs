//! Writing users' files: always atomically, so a failure leaves the original intact.

use std::io::Write;
use std::path::Path;

/// Replaces `path` with `contents`: writes a temporary file beside it, flushes
/// it to disk, keeps the original's permissions, then renames it over the original.
pub fn write_atomic(path: &Path, contents: &[u8]) -> std::io::Result<()> {
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut tmp = tempfile::Builder::new().prefix(".zan-").suffix(".tmp").tempfile_in(dir)?;
    // Through the `File`: the temporary's own errors would name its path, gone by now.
    tmp.as_file_mut().write_all(contents)?;
    tmp.as_file().sync_all()?;
    if let Ok(meta) = std::fs::metadata(path) {
        tmp.as_file().set_permissions(meta.permissions())?;
    }
    tmp.persist(path).map_err(|e| e.error)?;
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
    let tmp = tempfile::Builder::new().prefix(".zan-").tempdir_in(parent)?;
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
