//! Restoring a backup: into a new folder (new key slots for a new passphrase and the
//! same recovery code), or in place of the open dossier after a safety backup of it.
//! Everything is written in a private folder beside the target first and checked; only
//! then is it moved into place with one rename, so a crash at any moment leaves either
//! the old dossier or the restored one, never a mix.

use std::fs;
use std::path::{Path, PathBuf};

use ring::rand::SecureRandom;
use rusqlite::Connection;
use zeroize::Zeroizing;

use super::check::{open_copy, verify_copy, BackupSummary, Scratch};
use super::copy::{export_copy, remove_database_files};
use super::identity::BackupIdentity;
use super::manifest::{self, Manifest, ManifestBody};
use super::write::BackupReport;
use super::{read, Phase, Progress};
use crate::clock::Clock;
use crate::error::{from_sqlite, Error, Result};
use crate::store::{history, settings};
use crate::vault::{self, Dossier, KdfParams, RecoveryCode, DB_FILE};

/// How a backup compares with the open dossier, before restoring it in place.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreComparison {
    pub backup: ManifestBody,
    /// Entries written in the dossier after the backup was made: lost on restore.
    pub lost_entries: u64,
    /// History versions (new entries, edits, deletions) the backup does not have.
    pub lost_versions: u64,
    /// The backup was made of another dossier.
    pub other_dossier: bool,
}

const STAGING: &str = ".restoring-";

fn staging_prefix(target: &Path) -> String {
    let name = target
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "dossier".into());
    format!(".{name}{STAGING}")
}

fn parent_of(target: &Path) -> PathBuf {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// A staging folder left by a crash during an earlier restore of `target`.
fn remove_stale_staging(target: &Path) {
    let prefix = staging_prefix(target);
    if let Ok(it) = fs::read_dir(parent_of(target)) {
        for e in it.flatten() {
            if e.file_name().to_string_lossy().starts_with(&prefix) {
                let _ = fs::remove_dir_all(e.path());
            }
        }
    }
}

/// Decrypts and checks the backup into `staging`; returns the manifest and an open
/// connection to the checked copy.
fn unpack_checked(
    file: &Path,
    code: &RecoveryCode,
    staging: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<(Manifest, Connection, PathBuf)> {
    let identity = BackupIdentity::from_recovery_code(code)?;
    let copy = staging.join("backup.db");
    let m = read::unpack(file, &identity, &copy, progress)?;
    progress(Progress {
        phase: Phase::Verify,
        done: 0,
        total: 0,
    });
    let conn = open_copy(&copy, &m)?;
    verify_copy(&conn, &m)?;
    Ok((m, conn, copy))
}

/// Writes the checked copy as `staging/dossier.db` keyed with `key`, without the
/// manifest row, remembering the backup as the last one made of this state.
fn write_restored(
    conn: &Connection,
    staging: &Path,
    key: &[u8; 32],
    m: &Manifest,
    recipient: Option<&str>,
    progress: &mut dyn FnMut(Progress),
) -> Result<PathBuf> {
    progress(Progress {
        phase: Phase::Restore,
        done: 0,
        total: 0,
    });
    let target = staging.join(DB_FILE);
    let key_hex = Zeroizing::new(hex::encode(key));
    export_copy(conn, &target, &key_hex, |c| {
        let set = |k: &str, v: &str| {
            c.execute(
                "INSERT INTO copy.settings (key, value) VALUES (?1, ?2)
                 ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                [k, v],
            )
            .map(drop)
            .map_err(|e| from_sqlite("write the restored dossier", e))
        };
        c.execute(
            "DELETE FROM copy.settings WHERE key = ?1",
            [manifest::BODY_SETTING],
        )
        .map_err(|e| from_sqlite("write the restored dossier", e))?;
        set(settings::LAST_BACKUP_AT, &m.body.created_at)?;
        if let Some(r) = recipient {
            set(settings::BACKUP_RECIPIENT, r)?;
        }
        Ok(())
    })?;
    Ok(target)
}

fn check_restored(d: &Dossier, m: &Manifest) -> Result<()> {
    let report = d.verify()?;
    if !report.problems.is_empty() || report.chain_head != m.body.chain_head {
        return Err(Error::Damaged(
            "the restored dossier did not check out; nothing was replaced".into(),
        ));
    }
    Ok(())
}

/// Restores `file` into the new folder `target` (missing or empty), opened afterwards
/// with `passphrase` or the same recovery code. Nothing is left at `target` on failure.
pub fn restore_backup(
    file: &Path,
    code: &RecoveryCode,
    target: &Path,
    passphrase: &str,
    params: &KdfParams,
    rng: &dyn SecureRandom,
    progress: &mut dyn FnMut(Progress),
) -> Result<BackupSummary> {
    match fs::read_dir(target).map(|mut it| it.next().is_some()) {
        Ok(true) => return Err(Error::AlreadyExists(target.display().to_string())),
        Ok(false) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(_) => return Err(Error::AlreadyExists(target.display().to_string())),
    }
    let parent = parent_of(target);
    fs::create_dir_all(&parent)
        .map_err(|e| Error::io(format!("create the folder {}", parent.display()), e))?;
    remove_stale_staging(target);
    let staging = Scratch::new(&parent, &staging_prefix(target), rng)?;
    let (m, conn, copy) = unpack_checked(file, code, &staging.0, progress)?;
    let key = vault::new_data_key(rng)?;
    write_restored(&conn, &staging.0, &key, &m, None, progress)?;
    drop(conn);
    remove_database_files(&copy);
    let dossier = Dossier::adopt_restored(&staging.0, key, passphrase, params, code, rng)?;
    check_restored(&dossier, &m)?;
    dossier.lock();
    if target.exists() {
        fs::remove_dir(target)
            .map_err(|e| Error::io(format!("replace the empty folder {}", target.display()), e))?;
    }
    fs::rename(&staging.0, target).map_err(|e| {
        Error::io(
            format!("move the restored dossier to {}", target.display()),
            e,
        )
    })?;
    std::mem::forget(staging);
    vault::sync_dir(&parent).map_err(|e| Error::io(format!("write {}", parent.display()), e))?;
    let bytes = fs::metadata(file).map(|m| m.len()).unwrap_or(0);
    Ok(BackupSummary {
        body: m.body,
        bytes,
    })
}

/// What restoring in place did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct InPlaceReport {
    pub restored: BackupSummary,
    /// The automatic backup of the dossier as it was just before.
    pub safety: BackupReport,
}

impl Dossier {
    /// How the backup described by `backup` compares with this dossier: what would be
    /// lost by restoring it in place.
    pub fn compare_with_backup(&self, backup: &ManifestBody) -> Result<RestoreComparison> {
        let lost_entries: i64 = self
            .conn()
            .query_row(
                "SELECT count(*) FROM entries WHERE id > ?1",
                [backup.max_entry_id],
                |r| r.get(0),
            )
            .map_err(|e| from_sqlite("compare with the backup", e))?;
        let versions = history::verify_chain(self.conn())?.versions;
        Ok(RestoreComparison {
            backup: backup.clone(),
            lost_entries: lost_entries.max(0) as u64,
            lost_versions: versions.saturating_sub(backup.chain_length),
            other_dossier: backup.dossier_id != self.dossier_id(),
        })
    }

    /// Replaces this dossier's contents by the backup in `file`: checks the backup,
    /// makes a safety backup of the dossier as it is to `safety_file`, writes the
    /// restored database beside the dossier, checks it, and only then swaps it in.
    /// The passphrase and recovery code stay as they are now.
    pub fn restore_in_place(
        &mut self,
        file: &Path,
        code: &RecoveryCode,
        safety_file: &Path,
        clock: &dyn Clock,
        rng: &dyn SecureRandom,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<InPlaceReport> {
        let dir = self.dir().to_path_buf();
        remove_stale_staging(&dir);
        let staging = Scratch::new(&parent_of(&dir), &staging_prefix(&dir), rng)?;
        let (m, conn, copy) = unpack_checked(file, code, &staging.0, progress)?;
        let safety = self.backup_to(safety_file, clock, progress)?;
        let recipient = self.backup_recipient()?;
        let key = self.data_key();
        let restored = write_restored(&conn, &staging.0, &key, &m, recipient.as_deref(), progress)?;
        drop(conn);
        remove_database_files(&copy);
        {
            // The copy must open with the live key and hold the backup's history.
            let check = crate::store::open_encrypted(&restored, &key)?;
            let chain = history::verify_chain(&check)?;
            if chain.broken_at.is_some() || chain.head != m.body.chain_head {
                return Err(Error::Damaged(
                    "the restored dossier did not check out; nothing was replaced".into(),
                ));
            }
        }
        remove_database_files_except_main(&restored);
        self.replace_database(&restored)?;
        check_restored(self, &m)?;
        let bytes = fs::metadata(file).map(|x| x.len()).unwrap_or(0);
        Ok(InPlaceReport {
            restored: BackupSummary {
                body: m.body,
                bytes,
            },
            safety,
        })
    }
}

/// The check connection is closed; only its `-wal`/`-shm` may remain.
fn remove_database_files_except_main(db: &Path) {
    for suffix in ["-wal", "-shm", "-journal"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = fs::remove_file(PathBuf::from(p));
    }
}
