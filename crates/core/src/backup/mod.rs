//! Backups (F11): one standard age v1 file per backup, encrypted to a recipient
//! derived from the recovery code (so the `age` tool and the printed code alone can
//! open it); checking one without restoring; restoring into a new folder or in place.
//!
//! Inside the age file is a tar of `manifest.json` (what the backup holds, the key,
//! every file's size), `dossier.db` (and `dossier.db-wal` when it held frames) as the
//! dossier's own still-encrypted files, and `SHA256SUMS` for `sha256sum -c`.

mod check;
mod copy;
pub mod identity;
pub mod manifest;
mod read;
mod reminder;
mod restore;
mod tag;
mod write;

use std::fs;
use std::path::Path;

pub use check::{check_backup, BackupSummary};
pub use identity::{recipient_for, BackupIdentity};
pub use manifest::ManifestBody;
pub use reminder::{BackupReminder, REMIND_AFTER_DAYS, REMIND_AFTER_ENTRIES};
pub use restore::{restore_backup, RestoreComparison};
pub use write::{BackupReport, BackupSource, APP_VERSION};

use crate::error::{Error, Result};

// Private files and folders (0600/0700) come from the vault's one helper
// (`vault::new_private_file`, `vault::new_private_dir`), as for the dossier itself.

/// Which step a long backup or restore is in, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Phase {
    /// SQLCipher copies the database (no byte count).
    Copy,
    /// The copy is encrypted into the backup file (`done`/`total` bytes).
    Encrypt,
    /// The backup is decrypted and its members hashed (`done`/`total` bytes).
    Decrypt,
    /// The copy's integrity, search index and history are checked.
    Verify,
    /// The restored dossier is written.
    Restore,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub phase: Phase,
    pub done: u64,
    pub total: u64,
}

/// Gives `partial` its final name without ever replacing a file: a hard link fails
/// when the name is taken. File systems without hard links (FAT on USB sticks) fall
/// back to a rename after a check.
pub(crate) fn publish(partial: &Path, file: &Path) -> Result<()> {
    let what = || format!("write {}", file.display());
    match fs::hard_link(partial, file) {
        Ok(()) => {
            fs::remove_file(partial).map_err(|e| Error::io(what(), e))?;
        }
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(Error::AlreadyExists(file.display().to_string()));
        }
        Err(_) => {
            if fs::symlink_metadata(file).is_ok() {
                return Err(Error::AlreadyExists(file.display().to_string()));
            }
            fs::rename(partial, file).map_err(|e| Error::io(what(), e))?;
        }
    }
    if let Some(dir) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        crate::vault::sync_dir(dir).map_err(|e| Error::io(what(), e))?;
    }
    Ok(())
}

/// True when both paths live on the same device (same disk or stick).
pub fn same_disk(a: &Path, b: &Path) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        match (fs::metadata(a), fs::metadata(b)) {
            (Ok(x), Ok(y)) => x.dev() == y.dev(),
            _ => false,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = (a, b);
        false
    }
}
