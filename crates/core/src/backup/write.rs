//! Making a backup: a consistent copy of the database made by SQLCipher itself
//! (`ATTACH … KEY` + `sqlcipher_export`, into a database with its own random key) from
//! a second connection, so the dossier stays usable meanwhile; then one age file
//! holding a tar of the manifest and that copy, written to `.partial`, fsynced and
//! renamed without ever replacing an existing file.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read};
use std::path::{Path, PathBuf};

use ring::digest;
use ring::rand::SecureRandom;
use rusqlite::Connection;
use zeroize::Zeroizing;

use super::manifest::{self, Manifest, ManifestBody, Member};
use super::{tag, Phase, Progress};
use crate::clock::Clock;
use crate::error::{from_sqlite, Error, Result};
use crate::store::settings;
use crate::vault::{self, Dossier};

/// The app version written into every manifest.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");

/// What a finished backup holds and where it went.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupReport {
    pub file: PathBuf,
    /// Size of the backup file.
    pub bytes: u64,
    pub body: ManifestBody,
    /// The backup went to the same disk (or stick) as the dossier: it does not protect
    /// against losing that disk.
    pub same_disk: bool,
}

/// A snapshot source: its own connection and what the manifest needs. It is `Send`, so
/// a front end can make the backup on another thread while the dossier stays open.
pub struct BackupSource {
    conn: Connection,
    recipient: String,
    dossier_id: String,
    dossier_dir: PathBuf,
}

impl std::fmt::Debug for BackupSource {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("BackupSource")
            .field("dossier_dir", &self.dossier_dir)
            .finish_non_exhaustive()
    }
}

/// The names a backup in progress uses beside its final name; cleaned when stale.
pub(crate) fn partial_names(file: &Path) -> (PathBuf, PathBuf) {
    let mut partial = file.as_os_str().to_owned();
    partial.push(".partial");
    let mut copy = file.as_os_str().to_owned();
    copy.push(".partial-db");
    (PathBuf::from(partial), PathBuf::from(copy))
}

pub(crate) fn remove_database_files(db: &Path) {
    for suffix in ["", "-journal", "-wal", "-shm"] {
        let mut p = db.as_os_str().to_owned();
        p.push(suffix);
        let _ = fs::remove_file(PathBuf::from(p));
    }
}

fn hex_key(rng: &dyn SecureRandom) -> Result<Zeroizing<String>> {
    let key = vault::new_data_key(rng)?;
    Ok(Zeroizing::new(hex::encode(&key[..])))
}

/// Copies the database `conn` reads (alias `main`) into a new file keyed with
/// `key_hex`, inside one read transaction; `inside` runs in the same transaction (to
/// read facts that must match the copy) and may write to the copy (alias `copy`).
pub(crate) fn export_copy<T>(
    conn: &Connection,
    target: &Path,
    key_hex: &str,
    inside: impl FnOnce(&Connection) -> Result<T>,
) -> Result<T> {
    // The copy is encrypted from its first page; creating the file first makes SQLite
    // keep our permissions for it and its journal.
    vault::new_private_file(target)?;
    let key = Zeroizing::new(format!("x'{key_hex}'"));
    conn.execute(
        "ATTACH DATABASE ?1 AS copy KEY ?2",
        rusqlite::params![target.to_string_lossy(), key.as_str()],
    )
    .map_err(|e| from_sqlite("start the database copy", e))?;
    let result = (|| {
        conn.execute_batch("BEGIN")
            .map_err(|e| from_sqlite("start the database copy", e))?;
        let out = (|| {
            let version: u32 = conn
                .query_row("PRAGMA main.user_version", [], |r| r.get(0))
                .map_err(|e| from_sqlite("read the schema version", e))?;
            conn.query_row("SELECT sqlcipher_export('copy')", [], |_| Ok(()))
                .map_err(|e| from_sqlite("copy the database", e))?;
            conn.execute_batch(&format!("PRAGMA copy.user_version = {version}"))
                .map_err(|e| from_sqlite("copy the database", e))?;
            inside(conn)
        })();
        match out {
            Ok(v) => {
                conn.execute_batch("COMMIT")
                    .map_err(|e| from_sqlite("finish the database copy", e))?;
                Ok(v)
            }
            Err(e) => {
                let _ = conn.execute_batch("ROLLBACK");
                Err(e)
            }
        }
    })();
    let detach = conn
        .execute_batch("DETACH DATABASE copy")
        .map_err(|e| from_sqlite("finish the database copy", e));
    let out = result?;
    detach?;
    Ok(out)
}

/// SHA-256 and size of a file, read in blocks.
pub(crate) fn hash_file(path: &Path) -> Result<(u64, String)> {
    let mut f = File::open(path).map_err(|e| Error::io("read the database copy", e))?;
    let mut ctx = digest::Context::new(&digest::SHA256);
    let mut buf = vec![0u8; 1 << 16];
    let mut size = 0u64;
    loop {
        let n = f
            .read(&mut buf)
            .map_err(|e| Error::io("read the database copy", e))?;
        if n == 0 {
            break;
        }
        ctx.update(&buf[..n]);
        size += n as u64;
    }
    Ok((size, hex::encode(ctx.finish().as_ref())))
}

fn padded(n: u64) -> u64 {
    n.div_ceil(512) * 512
}

/// The tar's length: a 512-byte header per member, contents padded to 512, and the
/// two zero blocks that end it. The manifest names it, so its own size is solved for.
fn with_payload_size(mut m: Manifest, db_size: u64) -> Manifest {
    loop {
        let len = m.to_bytes().len() as u64;
        let total = 512 + padded(len) + 512 + padded(db_size) + 1024;
        if total == m.payload_bytes {
            return m;
        }
        m.payload_bytes = total;
    }
}

/// Reads `inner` and reports how far it got.
struct Counting<'a, R> {
    inner: R,
    done: u64,
    total: u64,
    progress: &'a mut dyn FnMut(Progress),
}

impl<R: Read> Read for Counting<'_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        let before = self.done >> 22;
        self.done += n as u64;
        // About every 4 MiB, and at the end: often enough for a progress bar.
        if self.done >> 22 != before || self.done == self.total {
            (self.progress)(Progress {
                phase: Phase::Encrypt,
                done: self.done,
                total: self.total,
            });
        }
        Ok(n)
    }
}

fn tar_header(name: &str, size: u64, mtime: u64) -> Result<tar::Header> {
    let mut h = tar::Header::new_ustar();
    h.set_path(name)
        .map_err(|e| Error::io("write the backup", e))?;
    h.set_size(size);
    h.set_mode(0o600);
    h.set_mtime(mtime);
    h.set_entry_type(tar::EntryType::Regular);
    h.set_cksum();
    Ok(h)
}

impl Dossier {
    /// A source for one backup; needs the stored backup recipient.
    pub fn backup_source(&self) -> Result<BackupSource> {
        let recipient = self
            .backup_recipient()?
            .ok_or(Error::BackupNeedsRecoveryCode)?;
        Ok(BackupSource {
            conn: self.open_reader()?,
            recipient,
            dossier_id: self.dossier_id().to_string(),
            dossier_dir: self.dir().to_path_buf(),
        })
    }

    /// Makes a backup in `file` and remembers it (see [`BackupSource::write`]).
    pub fn backup_to(
        &mut self,
        file: &Path,
        clock: &dyn Clock,
        rng: &dyn SecureRandom,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<BackupReport> {
        let report = self.backup_source()?.write(file, clock, rng, progress)?;
        self.record_backup(&report)?;
        Ok(report)
    }

    /// Remembers when the last backup was made (for the reminder on the home view).
    pub fn record_backup(&mut self, report: &BackupReport) -> Result<()> {
        let at = report.body.created_at.clone();
        self.write(|tx| settings::set(tx, settings::LAST_BACKUP_AT, &at))
    }
}

impl BackupSource {
    /// Writes the backup to `file` (which must not exist). On any failure, and after a
    /// crash, no file exists under that name; a stale `.partial` is removed first.
    pub fn write(
        self,
        file: &Path,
        clock: &dyn Clock,
        rng: &dyn SecureRandom,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<BackupReport> {
        if fs::symlink_metadata(file).is_ok() {
            return Err(Error::AlreadyExists(file.display().to_string()));
        }
        let parent = match file.parent() {
            Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
            _ => PathBuf::from("."),
        };
        let (partial, copy) = partial_names(file);
        let _ = fs::remove_file(&partial);
        remove_database_files(&copy);
        let result = self.write_parts(file, &partial, &copy, clock, rng, progress);
        let _ = fs::remove_file(&partial);
        remove_database_files(&copy);
        let body = result?;
        let bytes = fs::metadata(file)
            .map_err(|e| Error::io(format!("read {}", file.display()), e))?
            .len();
        Ok(BackupReport {
            file: file.to_path_buf(),
            bytes,
            body,
            same_disk: super::same_disk(&parent, &self.dossier_dir),
        })
    }

    fn write_parts(
        &self,
        file: &Path,
        partial: &Path,
        copy: &Path,
        clock: &dyn Clock,
        rng: &dyn SecureRandom,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ManifestBody> {
        progress(Progress {
            phase: Phase::Copy,
            done: 0,
            total: 0,
        });
        let key = hex_key(rng)?;
        let now = clock.now();
        let created_at = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let body = export_copy(&self.conn, copy, &key, |conn| {
            let body = manifest::facts(conn, "main", APP_VERSION, &created_at, &self.dossier_id)?;
            let json = serde_json::to_string(&body)
                .map_err(|e| Error::Invalid(format!("write the manifest: {e}")))?;
            conn.execute(
                "INSERT INTO copy.settings (key, value) VALUES (?1, ?2)",
                [manifest::BODY_SETTING, json.as_str()],
            )
            .map_err(|e| from_sqlite("write the manifest", e))?;
            Ok(body)
        })?;
        let (db_size, db_sha) = hash_file(copy)?;
        let m = with_payload_size(
            Manifest {
                format: manifest::FORMAT.into(),
                format_version: manifest::FORMAT_VERSION,
                body: body.clone(),
                members: vec![Member {
                    name: manifest::DATABASE_MEMBER.into(),
                    size: db_size,
                    sha256: db_sha,
                }],
                payload_bytes: 0,
                database_key: key.to_string(),
            },
            db_size,
        );
        let manifest_bytes = Zeroizing::new(m.to_bytes());
        let mtime = u64::try_from(now.timestamp()).unwrap_or(0);
        let what = || format!("write {}", partial.display());

        let out = vault::new_private_file(partial)?;
        let recipient: age::x25519::Recipient = self
            .recipient
            .parse()
            .map_err(|_| Error::Damaged("the stored backup recipient cannot be read".into()))?;
        let code_tag = tag::CodeTag::for_recipient(&self.recipient);
        let recipients: [&dyn age::Recipient; 2] = [&recipient, &code_tag];
        let encryptor = age::Encryptor::with_recipients(recipients.into_iter())
            .map_err(|e| Error::Invalid(format!("prepare the encryption: {e}")))?;
        let stream = encryptor
            .wrap_output(BufWriter::with_capacity(1 << 16, out))
            .map_err(|e| Error::io(what(), e))?;
        let mut tar = tar::Builder::new(stream);
        tar.mode(tar::HeaderMode::Deterministic);
        let h = tar_header(
            manifest::MANIFEST_MEMBER,
            manifest_bytes.len() as u64,
            mtime,
        )?;
        tar.append(&h, manifest_bytes.as_slice())
            .map_err(|e| Error::io(what(), e))?;
        let h = tar_header(manifest::DATABASE_MEMBER, db_size, mtime)?;
        let db = File::open(copy).map_err(|e| Error::io("read the database copy", e))?;
        let reader = Counting {
            inner: db,
            done: 0,
            total: db_size,
            progress,
        };
        tar.append(&h, reader).map_err(|e| Error::io(what(), e))?;
        let stream = tar.into_inner().map_err(|e| Error::io(what(), e))?;
        let buffered = stream.finish().map_err(|e| Error::io(what(), e))?;
        let out = buffered
            .into_inner()
            .map_err(|e| Error::io(what(), e.into_error()))?;
        out.sync_all().map_err(|e| Error::io(what(), e))?;
        drop(out);
        super::publish(partial, file)?;
        Ok(body)
    }
}
