//! What backups need from the vault: a second, read-only connection for a consistent
//! snapshot while the dossier stays in use, and turning a restored database file into
//! a dossier folder (new key slots, or the live dossier's own).

use std::path::Path;

use ring::rand::SecureRandom;
use rusqlite::Connection;

use super::keyslot::{DataKey, SlotFile};
use super::{anchor, fsutil, guard, slots, Dossier, KdfParams, RecoveryCode, SlotCopy, DB_FILE};
use crate::error::{Error, Result};
use crate::store;

pub(crate) use super::keyslot::new_data_key;

impl Dossier {
    /// A second connection to the same database with the same key. WAL lets it read a
    /// fixed snapshot while this dossier keeps writing.
    pub(crate) fn open_reader(&self) -> Result<Connection> {
        store::open_encrypted(&self.dir.join(DB_FILE), &self.key)
    }

    pub(crate) fn dossier_id(&self) -> &str {
        &self.slots.dossier_id
    }

    /// The data key, for writing a restored database that the existing key slots open.
    pub(crate) fn data_key(&self) -> DataKey {
        self.key.clone()
    }

    /// Opens a folder whose database was just written from a checked backup (no anchor
    /// yet: this state becomes the anchored one), holding its lock like any open.
    fn open_restored(dir: &Path, key: DataKey, slots: SlotFile) -> Result<Dossier> {
        let lock = guard::lock(dir)?;
        let mut conn = store::open_encrypted(&dir.join(DB_FILE), &key)?;
        store::allow_checkpoint_on_close(&conn)?;
        store::migrations::migrate(&mut conn, store::migrations::LATEST)?;
        let d = Dossier {
            conn,
            dir: dir.to_path_buf(),
            key,
            slots,
            slot_copy: SlotCopy::Main,
            _lock: lock,
        };
        d.anchor_now()?;
        Ok(d)
    }

    /// Makes `dir` (holding only a restored `dossier.db` keyed with `key`) a dossier:
    /// key slots for `passphrase` and the same recovery code the backup opened with,
    /// and the backup recipient of that code.
    pub(crate) fn adopt_restored(
        dir: &Path,
        key: DataKey,
        passphrase: &str,
        params: &KdfParams,
        code: &RecoveryCode,
        rng: &dyn SecureRandom,
    ) -> Result<Dossier> {
        super::check_passphrase(passphrase)?;
        let mut id = [0u8; 16];
        rng.fill(&mut id)
            .map_err(|_| Error::Invalid("the system random source failed".into()))?;
        let mut slots = SlotFile::new(uuid::Builder::from_random_bytes(id).into_uuid().to_string());
        slots.set_passphrase(&key, passphrase, params, rng)?;
        slots.set_recovery(&key, code.secret(), rng)?;
        fsutil::private_dir(dir)?;
        slots::write_both(dir, &slots)?;
        fsutil::tighten(dir)?;
        let mut dossier = Self::open_restored(dir, key, slots)?;
        dossier.set_backup_recipient_from(code)?;
        Ok(dossier)
    }
}

impl Dossier {
    /// Swaps this dossier's database file for `restored` (keyed with the same data
    /// key, in a folder on the same disk) with one rename, so a crash leaves either
    /// file, whole. Refused while another connection still holds the old one open.
    ///
    /// The anchor describes the old database, which the restored one is usually behind
    /// (that is what restoring means): it is removed before the swap and written for the
    /// restored database after it. A crash in between leaves no anchor, which the next
    /// open accepts and writes anew, rather than an old anchor reported as damage.
    pub(crate) fn replace_database(&mut self, restored: &Path) -> Result<()> {
        let db = self.dir.join(DB_FILE);
        anchor::remove(&self.dir)?;
        self.conn
            .execute_batch("PRAGMA wal_checkpoint(TRUNCATE)")
            .map_err(|e| crate::error::from_sqlite("save the dossier before restoring", e))?;
        let placeholder = Connection::open_in_memory()
            .map_err(|e| crate::error::from_sqlite("close the dossier", e))?;
        drop(std::mem::replace(&mut self.conn, placeholder));
        let wal = self.dir.join(format!("{DB_FILE}-wal"));
        let in_use = std::fs::metadata(&wal)
            .map(|m| m.len() > 0)
            .unwrap_or(false);
        let swapped = if in_use {
            Err(Error::Invalid(
                "the dossier is still in use elsewhere; nothing was replaced".into(),
            ))
        } else {
            std::fs::rename(restored, &db)
                .and_then(|()| fsutil::sync_dir(&self.dir))
                .map_err(|e| Error::io(format!("replace {}", db.display()), e))
        };
        // Re-open whichever file is there now, so the dossier stays usable either way.
        let mut conn = store::open_encrypted(&db, &self.key)?;
        store::allow_checkpoint_on_close(&conn)?;
        store::migrations::migrate(&mut conn, store::migrations::LATEST)?;
        self.conn = conn;
        self.anchor_now()?;
        swapped
    }
}
