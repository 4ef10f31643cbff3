//! Crash-safe file replacement for the small files of a dossier folder, and the private
//! permissions (folder 0700, files 0600 on Unix) of everything a dossier holds or the
//! programs export: on shared PCs other accounts must not read a medical letter.

use std::fs::{self, File, OpenOptions};
use std::io::Write;
use std::path::Path;

use crate::error::{Error, Result};

/// Writes `bytes` to `path` so that after a crash the file holds either the old or the
/// new content, never a mix: temp file in the same folder, fsync, rename, fsync folder.
pub(crate) fn atomic_write(path: &Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .ok_or_else(|| Error::Invalid(format!("{} has no folder", path.display())))?;
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let tmp = dir.join(format!(".{name}.tmp"));
    let what = format!("write {}", path.display());
    let result = (|| {
        let mut f = private_options().truncate(true).open(&tmp)?;
        f.write_all(bytes)?;
        f.sync_all()?;
        drop(f);
        fs::rename(&tmp, path)?;
        sync_dir(dir)
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result.map_err(|e| Error::io(what, e))
}

/// Makes a rename durable. Folders cannot be opened for syncing on every platform.
pub(crate) fn sync_dir(dir: &Path) -> std::io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Options that create a file readable and writable by its owner only (on Unix; other
/// systems keep their own access rules). For every file the programs export too (PDF,
/// calendar, JSON, backup): add `.create_new(true)` to never overwrite.
pub fn private_options() -> OpenOptions {
    let mut o = OpenOptions::new();
    o.write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        o.mode(0o600);
    }
    o
}

#[cfg(unix)]
fn set_mode(path: &Path, mode: u32) -> std::io::Result<()> {
    use std::os::unix::fs::PermissionsExt;
    let meta = fs::symlink_metadata(path)?;
    if meta.permissions().mode() & 0o7777 != mode {
        fs::set_permissions(path, fs::Permissions::from_mode(mode))?;
    }
    Ok(())
}

/// Makes `path` a private file: created empty if absent, mode 0600 either way. Used
/// for files other code then writes (SQLite's database, an export) so they are never
/// readable by others, not even for a moment.
pub fn private_file(path: &Path) -> Result<()> {
    let what = || format!("make {} private", path.display());
    private_options()
        .open(path)
        .map_err(|e| Error::io(what(), e))?;
    #[cfg(unix)]
    set_mode(path, 0o600).map_err(|e| Error::io(what(), e))?;
    Ok(())
}

/// Creates an empty private file that must not exist yet (a backup, its scratch copy).
pub(crate) fn new_private_file(path: &Path) -> Result<File> {
    private_options()
        .create_new(true)
        .open(path)
        .map_err(|e| Error::io(format!("create {}", path.display()), e))
}

/// Creates a private folder (0700 from the start) that must not exist yet.
pub(crate) fn new_private_dir(path: &Path) -> Result<()> {
    let mut b = fs::DirBuilder::new();
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        b.mode(0o700);
    }
    b.create(path)
        .map_err(|e| Error::io(format!("create the folder {}", path.display()), e))
}

/// Makes a folder private (0700).
pub(crate) fn private_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    set_mode(dir, 0o700).map_err(|e| Error::io(format!("make {} private", dir.display()), e))?;
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// Tightens a dossier folder made before files were private: the folder 0700 and every
/// file directly in it 0600 (what SQLite makes later copies the database's mode).
pub fn tighten(dir: &Path) -> Result<()> {
    private_dir(dir)?;
    #[cfg(unix)]
    {
        let what = |p: &Path| format!("make {} private", p.display());
        let read = fs::read_dir(dir).map_err(|e| Error::io(what(dir), e))?;
        for entry in read.flatten() {
            let path = entry.path();
            if entry.file_type().map(|t| t.is_file()).unwrap_or(false) {
                set_mode(&path, 0o600).map_err(|e| Error::io(what(&path), e))?;
            }
        }
    }
    Ok(())
}
