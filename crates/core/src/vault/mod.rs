//! The dossier vault: a folder holding an SQLCipher database and a key-slot file, and
//! the lifecycle around it (create, unlock by passphrase or recovery code, re-key, lock).

mod adopt;
mod anchor;
mod fsutil;
mod guard;
mod kdf;
mod keyslot;
mod recovery;
mod rotate;
mod slots;

use std::fs;
use std::path::{Path, PathBuf};

use ring::rand::SecureRandom;
use rusqlite::{Connection, Transaction};

pub(crate) use adopt::new_data_key;
pub use anchor::{Anchor, ANCHOR_FILE};
pub(crate) use fsutil::{new_private_dir, new_private_file, sync_dir};
pub use fsutil::{private_file, private_options, tighten};
pub use guard::LOCK_FILE;
pub use kdf::{KdfParams, OWASP_MIN_MEMORY_KIB};
pub use recovery::RecoveryCode;
pub use rotate::RekeyStep;
pub use slots::SlotCopy;

use crate::error::{Error, Result};
use crate::store;
use keyslot::{DataKey, SlotFile};

/// The database inside a dossier folder.
pub const DB_FILE: &str = "dossier.db";
/// The wrapped keys inside a dossier folder.
pub const SLOT_FILE: &str = "keyslots.json";
/// The second, separately written copy of [`SLOT_FILE`].
pub const SPARE_SLOT_FILE: &str = "keyslots.spare.json";
/// The `-wal` size after which a write folds it into the database file: small, so that
/// what a crash or a damaged `-wal` can put at stake stays a few entries.
const CHECKPOINT_WAL_BYTES: u64 = 512 * 1024;
/// A passphrase shorter than this is refused outright.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// The secret a user offers to open a dossier.
#[derive(Debug, Clone, Copy)]
pub enum Unlock<'a> {
    Passphrase(&'a str),
    RecoveryCode(&'a RecoveryCode),
}

/// An unlocked dossier. Dropping it (or calling [`Dossier::lock`]) closes the database
/// and wipes the data key from memory.
pub struct Dossier {
    // Declared first so it is dropped first: the connection closes (and checkpoints)
    // while the lock is still held.
    conn: Connection,
    dir: PathBuf,
    key: DataKey,
    slots: SlotFile,
    slot_copy: SlotCopy,
    _lock: guard::DirLock,
}

impl std::fmt::Debug for Dossier {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Dossier")
            .field("dir", &self.dir)
            .finish_non_exhaustive()
    }
}

/// What `verify` found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerifyReport {
    pub schema_version: u32,
    pub entries: u64,
    /// The hash of the newest version in the history chain.
    pub chain_head: String,
    pub versions: u64,
    /// Empty when every check passed.
    pub problems: Vec<String>,
}

fn check_passphrase(passphrase: &str) -> Result<()> {
    if passphrase.chars().count() < MIN_PASSPHRASE_CHARS {
        return Err(Error::PassphraseTooShort {
            min: MIN_PASSPHRASE_CHARS,
        });
    }
    Ok(())
}

impl Dossier {
    /// Creates a new dossier in `dir` (which must not exist, or be empty) and returns it
    /// unlocked, together with the recovery code the user must print.
    pub fn create(
        dir: &Path,
        passphrase: &str,
        params: &KdfParams,
        rng: &dyn SecureRandom,
    ) -> Result<(Dossier, RecoveryCode)> {
        Self::create_at(dir, passphrase, params, rng, store::migrations::LATEST)
    }

    /// Like [`Dossier::create`], but with the schema only up to `schema` (for upgrade
    /// tests that need a dossier as an older version made it).
    #[doc(hidden)]
    pub fn create_at(
        dir: &Path,
        passphrase: &str,
        params: &KdfParams,
        rng: &dyn SecureRandom,
        schema: u32,
    ) -> Result<(Dossier, RecoveryCode)> {
        check_passphrase(passphrase)?;
        prepare_empty_dir(dir)?;
        let result = Self::create_in(dir, passphrase, params, rng, schema);
        if result.is_err() {
            // Leave nothing half-made behind, but only remove what we wrote.
            for f in [
                DB_FILE,
                SLOT_FILE,
                SPARE_SLOT_FILE,
                ANCHOR_FILE,
                LOCK_FILE,
                "dossier.db-wal",
                "dossier.db-shm",
            ] {
                let _ = fs::remove_file(dir.join(f));
            }
            let _ = fs::remove_dir(dir);
        }
        result
    }

    fn create_in(
        dir: &Path,
        passphrase: &str,
        params: &KdfParams,
        rng: &dyn SecureRandom,
        schema: u32,
    ) -> Result<(Dossier, RecoveryCode)> {
        let key = keyslot::new_data_key(rng)?;
        let recovery = RecoveryCode::generate(rng)?;
        let mut id = [0u8; 16];
        rng.fill(&mut id)
            .map_err(|_| Error::Invalid("the system random source failed".into()))?;
        let lock = guard::lock(dir)?;
        let mut slots = SlotFile::new(uuid::Builder::from_random_bytes(id).into_uuid().to_string());
        slots.set_passphrase(&key, passphrase, params, rng)?;
        slots.set_recovery(&key, recovery.secret(), rng)?;
        slots::write_both(dir, &slots)?;
        // Made private before SQLite opens it: its -wal and -shm copy this mode.
        fsutil::private_file(&dir.join(DB_FILE))?;
        let mut conn = store::open_encrypted(&dir.join(DB_FILE), &key)?;
        store::allow_checkpoint_on_close(&conn)?;
        store::migrations::migrate(&mut conn, schema)?;
        let mut d = Dossier {
            conn,
            dir: dir.to_path_buf(),
            key,
            slots,
            slot_copy: SlotCopy::Main,
            _lock: lock,
        };
        if schema >= store::migrations::SETTINGS_SCHEMA {
            d.set_backup_recipient_from(&recovery)?;
        }
        d.anchor_now()?;
        Ok((d, recovery))
    }

    /// Opens an existing dossier. A wrong secret is reported before the database is
    /// touched, so a failed attempt changes no file.
    pub fn open(dir: &Path, unlock: Unlock<'_>) -> Result<Dossier> {
        Self::open_at(dir, unlock, store::migrations::LATEST)
    }

    /// Like [`Dossier::open`], but migrates only up to `schema` (for upgrade tests).
    #[doc(hidden)]
    pub fn open_at(dir: &Path, unlock: Unlock<'_>, schema: u32) -> Result<Dossier> {
        // Before the key: which copy is the real one is for the user to say.
        guard::no_conflict_copies(dir)?;
        let unlocked = slots::unlock(dir, unlock)?;
        let db = dir.join(DB_FILE);
        if !db.is_file() {
            return Err(Error::Damaged(format!(
                "the database file {DB_FILE} is missing"
            )));
        }
        // From here on files may be written, so only with the lock held.
        let lock = guard::lock(dir)?;
        fsutil::tighten(dir)?;
        slots::repair(dir, &unlocked.repair)?;
        let (key, mut conn) = open_db(&db, unlocked.key, &unlocked.slots)?;
        // Before anything writes (a migration, a new entry would overwrite the damaged
        // frames) and before a close could checkpoint: compare with the anchor.
        if let Some(saved) = anchor::load(dir, &key)? {
            anchor::check(&conn, &saved)?;
        }
        store::allow_checkpoint_on_close(&conn)?;
        store::migrations::migrate(&mut conn, schema)?;
        let mut d = Dossier {
            conn,
            dir: dir.to_path_buf(),
            key,
            slots: unlocked.slots,
            slot_copy: unlocked.copy,
            _lock: lock,
        };
        // Dossiers made before backups existed learn their backup recipient the first
        // time someone opens them with the recovery code.
        if let Unlock::RecoveryCode(code) = unlock {
            if schema >= store::migrations::SETTINGS_SCHEMA && d.backup_recipient()?.is_none() {
                d.set_backup_recipient_from(code)?;
            }
        }
        d.anchor_now()?;
        Ok(d)
    }

    /// Which copy of the key slots opened this dossier ([`SlotCopy::notice`] says it
    /// in a sentence when it was not the first).
    pub fn slot_copy(&self) -> SlotCopy {
        self.slot_copy
    }

    /// What the dossier holds now (entry and version count, chain head), as anchored
    /// after every write. `verify` can compare its own replay of the chain with it.
    pub fn anchor(&self) -> Result<Anchor> {
        anchor::current(&self.conn)
    }

    /// The anchor as saved on disk (None for a dossier whose anchor is missing).
    pub fn saved_anchor(&self) -> Result<Option<Anchor>> {
        anchor::load(&self.dir, &self.key)
    }

    /// Writes the anchor for the current state; then keeps the `-wal` small.
    pub(crate) fn anchor_now(&self) -> Result<()> {
        if !anchor::has_history(&self.conn)? {
            return Ok(());
        }
        anchor::store(&self.dir, &self.key, &anchor::current(&self.conn)?)?;
        let wal = self.dir.join(format!("{DB_FILE}-wal"));
        if fs::metadata(&wal).map(|m| m.len()).unwrap_or(0) > CHECKPOINT_WAL_BYTES {
            store::checkpoint(&self.conn)?;
        }
        Ok(())
    }

    /// Folds the `-wal` into `dossier.db`, so a copy of the folder made now is complete.
    pub fn checkpoint(&self) -> Result<()> {
        store::checkpoint(&self.conn)
    }

    /// Replaces the passphrase by re-wrapping the data key. The database is not
    /// rewritten and the recovery code keeps working.
    pub fn change_passphrase(
        &mut self,
        new_passphrase: &str,
        params: &KdfParams,
        rng: &dyn SecureRandom,
    ) -> Result<()> {
        check_passphrase(new_passphrase)?;
        let mut slots = self.slots.clone();
        slots.set_passphrase(&self.key, new_passphrase, params, rng)?;
        slots::write_both(&self.dir, &slots)?;
        self.slots = slots;
        Ok(())
    }

    /// Checks a passphrase against this dossier's slot (e.g. "current passphrase" before
    /// a change) without touching any file.
    pub fn check_passphrase(&self, passphrase: &str) -> Result<()> {
        self.slots.unwrap_with_passphrase(passphrase).map(drop)
    }

    /// Folds the `-wal` into `dossier.db`, closes the database, wipes the key and
    /// releases the folder lock: afterwards the folder is complete by itself (a copy
    /// of it without `-wal`/`-shm` has every entry). SQLite's own close would also
    /// checkpoint; doing it first makes a failure visible to [`Dossier::close`].
    pub fn lock(self) {
        let _ = self.close();
    }

    /// Like [`Dossier::lock`], but says when the final checkpoint failed (nothing is
    /// lost then: the `-wal` stays beside the database and is read on the next open).
    pub fn close(self) -> Result<()> {
        store::checkpoint(&self.conn)
    }

    pub fn dir(&self) -> &Path {
        &self.dir
    }

    /// The KDF parameters protecting the passphrase slot.
    pub fn passphrase_params(&self) -> Option<KdfParams> {
        self.slots.passphrase_params()
    }

    pub fn schema_version(&self) -> Result<u32> {
        store::migrations::current(&self.conn)
    }

    /// Read access for store functions (`store::*` take `&Connection`). Core's own;
    /// tests reach it through the `test-hooks` feature.
    #[cfg(not(feature = "test-hooks"))]
    pub(crate) fn conn(&self) -> &Connection {
        &self.conn
    }

    #[cfg(feature = "test-hooks")]
    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// Runs `f` in one transaction and commits it; a write that returned Ok is on disk,
    /// and the anchor names it. Only api functions write, each appending its history
    /// version in `f`.
    #[cfg(not(feature = "test-hooks"))]
    pub(crate) fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.write_tx(f)
    }

    #[cfg(feature = "test-hooks")]
    pub fn write<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        self.write_tx(f)
    }

    fn write_tx<T>(&mut self, f: impl FnOnce(&Transaction<'_>) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction()
            .map_err(|e| crate::error::from_sqlite("start a transaction", e))?;
        let out = f(&tx)?;
        tx.commit()
            .map_err(|e| crate::error::from_sqlite("save the change", e))?;
        self.anchor_now()?;
        Ok(out)
    }

    /// Checks every page's authentication code and SQLite's own structure.
    pub fn verify(&self) -> Result<VerifyReport> {
        let mut problems = store::integrity_problems(&self.conn)?;
        let chain = store::history::verify_chain(&self.conn)?;
        if let Some((entry, version)) = chain.broken_at {
            problems.push(format!(
                "the history was changed afterwards: entry {entry}, version {version} no longer matches its hash"
            ));
        }
        problems.extend(crate::api::verify::live_problems(&self.conn)?);
        // The head recorded after the last write (outside the database, authenticated):
        // a chain rewritten and recomputed through SQL is consistent in itself, not
        // with it.
        if let Some(saved) = anchor::load(&self.dir, &self.key)? {
            if let Err(e) = anchor::check(&self.conn, &saved) {
                problems.push(format!(
                    "the history does not match the recorded head (version {}, {}): {e}",
                    saved.versions, saved.head
                ));
            }
        }
        Ok(VerifyReport {
            schema_version: self.schema_version()?,
            entries: store::entries::count(&self.conn)?,
            chain_head: chain.head,
            versions: chain.versions,
            problems,
        })
    }
}

/// Opens the database with the unwrapped key, or, when a re-key was cut short after
/// the database got its new key, with the new key the slot file carries for that case.
fn open_db(db: &Path, key: DataKey, slots: &SlotFile) -> Result<(DataKey, Connection)> {
    match store::open_encrypted(db, &key) {
        Ok(conn) => Ok((key, conn)),
        Err(Error::Damaged(m)) => match slots.unwrap_next(&key)? {
            Some(next) => {
                let conn = store::open_encrypted(db, &next)?;
                Ok((next, conn))
            }
            None => Err(Error::Damaged(m)),
        },
        Err(e) => Err(e),
    }
}

fn prepare_empty_dir(dir: &Path) -> Result<()> {
    match fs::read_dir(dir) {
        Ok(mut it) => {
            if it.next().is_some() {
                return Err(Error::AlreadyExists(dir.display().to_string()));
            }
            fsutil::private_dir(dir)
        }
        // A file where the folder should be: say so, not "could not read the folder".
        Err(_) if dir.is_file() => Err(Error::FileExists(dir.display().to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            fs::create_dir_all(dir)
                .map_err(|e| Error::io(format!("create the folder {}", dir.display()), e))?;
            fsutil::private_dir(dir)
        }
        Err(e) => Err(Error::io(format!("read the folder {}", dir.display()), e)),
    }
}

/// True when `dir` looks like a dossier folder (without opening it).
pub fn is_dossier(dir: &Path) -> bool {
    dir.join(SLOT_FILE).is_file() || dir.join(SPARE_SLOT_FILE).is_file()
}
