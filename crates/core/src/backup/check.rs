//! Checking a backup without restoring it: decrypt it fully, compare every member with
//! the manifest, then open the database copy and run SQLCipher's and SQLite's integrity
//! checks, the search index's own check, and replay the history chain to the head the
//! manifest names. The copy lives in a private scratch folder that is removed after.

use std::fs;
use std::path::{Path, PathBuf};

use ring::rand::SecureRandom;
use rusqlite::Connection;
use zeroize::Zeroizing;

use super::identity::BackupIdentity;
use super::manifest::{self, Manifest, ManifestBody};
use super::{read, Phase, Progress};
use crate::error::{Error, Result};
use crate::store::{self, history, settings};
use crate::vault::RecoveryCode;

/// What a backup holds, once it checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    pub body: ManifestBody,
    /// Size of the backup file.
    pub bytes: u64,
}

/// A private folder removed (with what is in it) when dropped.
pub(crate) struct Scratch(pub(crate) PathBuf);

impl Scratch {
    pub(crate) fn new(parent: &Path, prefix: &str, rng: &dyn SecureRandom) -> Result<Scratch> {
        let mut id = [0u8; 6];
        rng.fill(&mut id)
            .map_err(|_| Error::Invalid("the system random source failed".into()))?;
        let dir = parent.join(format!("{prefix}{}", hex::encode(id)));
        crate::vault::new_private_dir(&dir)?;
        Ok(Scratch(dir))
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn damaged(what: impl Into<String>) -> Error {
    Error::BackupDamaged(what.into())
}

/// Opens the database copy with the key the manifest holds.
pub(crate) fn open_copy(path: &Path, m: &Manifest) -> Result<Connection> {
    let hex_ok = m.database_key.len() == 64
        && m.database_key
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
    let raw = Zeroizing::new(
        hex::decode(&m.database_key)
            .ok()
            .filter(|_| hex_ok)
            .ok_or_else(|| damaged("the key in the manifest cannot be read"))?,
    );
    let mut key = Zeroizing::new([0u8; 32]);
    key.copy_from_slice(&raw);
    store::open_encrypted(path, &key).map_err(|e| match e {
        Error::Damaged(_) => damaged("the database in the backup does not open"),
        other => other,
    })
}

/// Every check of the copy against its manifest.
pub(crate) fn verify_copy(conn: &Connection, m: &Manifest) -> Result<()> {
    let problems =
        store::integrity_problems(conn).map_err(|_| damaged("integrity check failed"))?;
    if let Some(p) = problems.first() {
        return Err(damaged(format!(
            "the database in the backup is damaged: {p}"
        )));
    }
    conn.execute(
        "INSERT INTO search_index (search_index) VALUES ('integrity-check')",
        [],
    )
    .map_err(|_| damaged("the search index in the backup is damaged"))?;
    let chain = history::verify_chain(conn)?;
    if chain.broken_at.is_some()
        || chain.head != m.body.chain_head
        || chain.versions != m.body.chain_length
    {
        return Err(damaged(
            "the history in the backup does not lead to the head its manifest names",
        ));
    }
    let found = manifest::facts(
        conn,
        "main",
        &m.body.app_version,
        &m.body.created_at,
        &m.body.dossier_id,
    )?;
    if found != m.body {
        return Err(damaged(
            "the manifest does not describe the database it came with",
        ));
    }
    let stored = settings::get(conn, manifest::BODY_SETTING)?;
    let ours = serde_json::to_string(&m.body).ok();
    if stored.is_none() || stored != ours {
        return Err(damaged(
            "the manifest was changed after the backup was made",
        ));
    }
    Ok(())
}

/// Decrypts and checks `file` with the identity from `code`, using a scratch folder
/// inside `scratch_parent` (the system's temporary folder is fine: the copy stays
/// encrypted). Each way of failing has its own error; nothing else is written.
pub fn check_backup(
    file: &Path,
    code: &RecoveryCode,
    scratch_parent: &Path,
    rng: &dyn SecureRandom,
    progress: &mut dyn FnMut(Progress),
) -> Result<BackupSummary> {
    let identity = BackupIdentity::from_recovery_code(code)?;
    let scratch = Scratch::new(scratch_parent, ".dossierkluis-check-", rng)?;
    let db = scratch.0.join(manifest::DATABASE_MEMBER);
    let m = read::unpack(file, &identity, &db, progress)?;
    progress(Progress {
        phase: Phase::Verify,
        done: 0,
        total: 0,
    });
    let conn = open_copy(&db, &m)?;
    verify_copy(&conn, &m)?;
    drop(conn);
    let bytes = fs::metadata(file)
        .map_err(|e| Error::io(format!("read {}", file.display()), e))?
        .len();
    Ok(BackupSummary {
        body: m.body,
        bytes,
    })
}
