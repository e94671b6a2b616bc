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
    fn failure_leaves_original() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("missing-dir").join("a.zan");
        assert!(write_atomic(&path, b"x").is_err());
        assert!(!path.exists());
    }
}
