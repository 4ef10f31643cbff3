//! One writer at a time, and nothing opened past a sync tool's conflict copy: the OS
//! lock held while a dossier is open, and the look at the folder before it is opened.

use std::fs::{File, OpenOptions, TryLockError};
use std::path::Path;

use super::{ANCHOR_FILE, DB_FILE, SLOT_FILE, SPARE_SLOT_FILE};
use crate::error::{Error, Result};

/// The file whose OS lock marks a dossier as open. The lock (not the file) is what
/// counts: the operating system drops it when the process ends, even by `kill -9`.
pub const LOCK_FILE: &str = "dossier.lock";

/// Held as long as the dossier is open; dropping it releases the lock.
#[derive(Debug)]
pub(crate) struct DirLock(#[allow(dead_code)] File);

/// Takes the dossier's lock, or says that another program has it open.
pub(crate) fn lock(dir: &Path) -> Result<DirLock> {
    let path = dir.join(LOCK_FILE);
    let mut options = OpenOptions::new();
    options.read(true).write(true).create(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let file = options
        .open(&path)
        .map_err(|e| Error::io(format!("open {}", path.display()), e))?;
    match file.try_lock() {
        Ok(()) => Ok(DirLock(file)),
        Err(TryLockError::WouldBlock) => Err(Error::InUse),
        Err(TryLockError::Error(e)) => Err(Error::io(format!("lock {}", path.display()), e)),
    }
}

/// The names a dossier folder holds by itself (the `-wal`, `-shm` and temporary
/// files come and go with them).
fn is_own(name: &str) -> bool {
    matches!(
        name,
        DB_FILE | SLOT_FILE | SPARE_SLOT_FILE | ANCHOR_FILE | LOCK_FILE
    ) || name == format!("{DB_FILE}-wal")
        || name == format!("{DB_FILE}-shm")
        || name == format!("{DB_FILE}-journal")
        || name.starts_with('.')
}

/// A second database, key-slot or anchor file beside the real ones, as Dropbox,
/// OneDrive, Nextcloud, Google Drive and Syncthing make them when two computers changed
/// the folder: "dossier (conflicted copy …).db", "keyslots (1).json",
/// "dossier.sync-conflict-20261201-….db", "dossier-LAPTOP.db".
fn is_conflict_copy(name: &str) -> bool {
    if is_own(name) {
        return false;
    }
    let lower = name.to_lowercase();
    let stem = |own: &str| lower.starts_with(own.split('.').next().unwrap_or(own));
    let looks_like = |own: &str| {
        let ext = own.rsplit('.').next().unwrap_or("");
        stem(own) && lower.contains(&format!(".{ext}"))
    };
    looks_like(DB_FILE) || looks_like(SLOT_FILE) || looks_like(ANCHOR_FILE)
}

/// Refuses to open a folder in which a sync tool left a conflict copy: which of the two
/// holds the newest entries is for the user to decide, not for us to guess.
pub(crate) fn no_conflict_copies(dir: &Path) -> Result<()> {
    let Ok(read) = std::fs::read_dir(dir) else {
        return Ok(());
    };
    let mut found: Vec<String> = read
        .flatten()
        .filter_map(|e| e.file_name().into_string().ok())
        .filter(|n| is_conflict_copy(n))
        .collect();
    if found.is_empty() {
        return Ok(());
    }
    found.sort();
    Err(Error::SyncConflict(found.join(", ")))
}

#[cfg(test)]
mod tests {
    use super::is_conflict_copy;

    #[test]
    fn conflict_copies_of_sync_tools_are_recognised() {
        for name in [
            "dossier (conflicted copy 2026-12-01).db",
            "dossier (Jan's conflicted copy 2026-12-01).db",
            "dossier (1).db",
            "dossier-LAPTOP-JAN.db",
            "dossier.sync-conflict-20261201-101500-ABCDEFG.db",
            "keyslots (1).json",
            "keyslots.sync-conflict-20261201-101500-ABCDEFG.json",
            "Keyslots (conflict 2026-12-01).json",
            "anchor (1).json",
            "dossier.db (1)",
        ] {
            assert!(is_conflict_copy(name), "{name}");
        }
        for name in [
            "dossier.db",
            "dossier.db-wal",
            "dossier.db-shm",
            "keyslots.json",
            "keyslots.spare.json",
            "anchor.json",
            "dossier.lock",
            ".keyslots.json.tmp",
            "notities.txt",
        ] {
            assert!(!is_conflict_copy(name), "{name}");
        }
    }
}
