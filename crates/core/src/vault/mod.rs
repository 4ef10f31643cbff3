//! The dossier vault: a folder holding an SQLCipher database and a key-slot file, and
//! the lifecycle around it (create, unlock by passphrase or recovery code, re-key, lock).

mod adopt;
mod fsutil;
mod kdf;
mod keyslot;
mod recovery;

use std::fs;
use std::path::{Path, PathBuf};

use ring::rand::SecureRandom;
use rusqlite::{Connection, Transaction};

pub(crate) use adopt::new_data_key;
pub(crate) use fsutil::sync_dir;
pub use kdf::{KdfParams, OWASP_MIN_MEMORY_KIB};
pub use recovery::RecoveryCode;

use crate::error::{Error, Result};
use crate::store;
use keyslot::{DataKey, SlotFile};

/// The database inside a dossier folder.
pub const DB_FILE: &str = "dossier.db";
/// The wrapped keys inside a dossier folder.
pub const SLOT_FILE: &str = "keyslots.json";
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
    dir: PathBuf,
    conn: Connection,
    key: DataKey,
    slots: SlotFile,
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
            for f in [DB_FILE, SLOT_FILE, "dossier.db-wal", "dossier.db-shm"] {
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
        let mut slots = SlotFile::new(uuid::Builder::from_random_bytes(id).into_uuid().to_string());
        slots.set_passphrase(&key, passphrase, params, rng)?;
        slots.set_recovery(&key, recovery.secret(), rng)?;
        fsutil::atomic_write(&dir.join(SLOT_FILE), &slots.to_bytes())?;
        let mut conn = store::open_encrypted(&dir.join(DB_FILE), &key)?;
        store::migrations::migrate(&mut conn, schema)?;
        let mut dossier = Dossier {
            dir: dir.to_path_buf(),
            conn,
            key,
            slots,
        };
        if schema >= store::migrations::SETTINGS_SCHEMA {
            dossier.set_backup_recipient_from(&recovery)?;
        }
        Ok((dossier, recovery))
    }

    /// Opens an existing dossier. A wrong secret is reported before the database is
    /// touched, so a failed attempt changes no file.
    pub fn open(dir: &Path, unlock: Unlock<'_>) -> Result<Dossier> {
        Self::open_at(dir, unlock, store::migrations::LATEST)
    }

    /// Like [`Dossier::open`], but migrates only up to `schema` (for upgrade tests).
    #[doc(hidden)]
    pub fn open_at(dir: &Path, unlock: Unlock<'_>, schema: u32) -> Result<Dossier> {
        let slots = read_slots(dir)?;
        let key = match unlock {
            Unlock::Passphrase(p) => slots.unwrap_with_passphrase(p)?,
            Unlock::RecoveryCode(c) => slots.unwrap_with_recovery(c.secret())?,
        };
        let db = dir.join(DB_FILE);
        if !db.is_file() {
            return Err(Error::Damaged(format!(
                "the database file {DB_FILE} is missing"
            )));
        }
        let mut conn = store::open_encrypted(&db, &key)?;
        store::migrations::migrate(&mut conn, schema)?;
        let mut dossier = Dossier {
            dir: dir.to_path_buf(),
            conn,
            key,
            slots,
        };
        // Dossiers made before backups existed learn their backup recipient the first
        // time someone opens them with the recovery code.
        if let Unlock::RecoveryCode(code) = unlock {
            if schema >= store::migrations::SETTINGS_SCHEMA && dossier.backup_recipient()?.is_none()
            {
                dossier.set_backup_recipient_from(code)?;
            }
        }
        Ok(dossier)
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
        fsutil::atomic_write(&self.dir.join(SLOT_FILE), &slots.to_bytes())?;
        self.slots = slots;
        Ok(())
    }

    /// Checks a passphrase against this dossier's slot (e.g. "current passphrase" before
    /// a change) without touching any file.
    pub fn check_passphrase(&self, passphrase: &str) -> Result<()> {
        self.slots.unwrap_with_passphrase(passphrase).map(drop)
    }

    /// Closes the database and wipes the key. Equivalent to dropping the dossier.
    pub fn lock(self) {
        drop(self);
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

    /// Runs `f` in one transaction and commits it; a write that returned Ok is on disk.
    /// Only api functions write, each appending its history version in `f`.
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
        Ok(VerifyReport {
            schema_version: self.schema_version()?,
            entries: store::entries::count(&self.conn)?,
            chain_head: chain.head,
            versions: chain.versions,
            problems,
        })
    }
}

fn prepare_empty_dir(dir: &Path) -> Result<()> {
    match fs::read_dir(dir) {
        Ok(mut it) => {
            if it.next().is_some() {
                return Err(Error::AlreadyExists(dir.display().to_string()));
            }
            Ok(())
        }
        // A file where the folder should be: say so, not "could not read the folder".
        Err(_) if dir.is_file() => Err(Error::FileExists(dir.display().to_string())),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => fs::create_dir_all(dir)
            .map_err(|e| Error::io(format!("create the folder {}", dir.display()), e)),
        Err(e) => Err(Error::io(format!("read the folder {}", dir.display()), e)),
    }
}

fn read_slots(dir: &Path) -> Result<SlotFile> {
    let path = dir.join(SLOT_FILE);
    match fs::read(&path) {
        Ok(bytes) => SlotFile::from_bytes(&bytes),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            if dir.join(DB_FILE).exists() {
                Err(Error::Damaged(format!(
                    "the key-slot file {SLOT_FILE} is missing"
                )))
            } else if dir.is_dir() {
                Err(Error::NotADossier(dir.display().to_string()))
            } else {
                Err(Error::NotADossier(format!(
                    "{} does not exist",
                    dir.display()
                )))
            }
        }
        Err(e) => Err(Error::io(format!("read {}", path.display()), e)),
    }
}

/// True when `dir` looks like a dossier folder (without opening it).
pub fn is_dossier(dir: &Path) -> bool {
    dir.join(SLOT_FILE).is_file()
}
