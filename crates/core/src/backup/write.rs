//! Making a backup: a snapshot of the database files (still encrypted, copied while
//! holding the writer lock for a moment, see `copy.rs`) from a second connection, so
//! the dossier stays usable meanwhile; then one age file holding a tar of the manifest,
//! those files and their SHA-256 sums (hashed as they stream, so every byte is read
//! once), written to `.partial`, fsynced and renamed without ever replacing a file.

use std::fs::{self, File};
use std::io::{self, BufWriter, Read};
use std::path::{Path, PathBuf};

use ring::digest;
use rusqlite::Connection;
use zeroize::Zeroizing;

use super::copy::{remove_database_files, snapshot, Snapshot};
use super::manifest::{self, Manifest, ManifestBody, Member};
use super::{tag, Phase, Progress};
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::store::settings;
use crate::vault::Dossier;

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
    /// The data key (hex), which opens the copied files: the age encryption around
    /// the manifest protects it, as the recovery slot protects it in the dossier.
    key_hex: Zeroizing<String>,
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

fn padded(n: u64) -> u64 {
    n.div_ceil(512) * 512
}

/// The tar's length: a 512-byte header per member, contents padded to 512, and the
/// two zero blocks that end it. The manifest names it, so its own size is solved for.
fn with_payload_size(mut m: Manifest, others: &[u64]) -> Manifest {
    let rest: u64 = others.iter().map(|&n| 512 + padded(n)).sum();
    loop {
        let len = m.to_bytes().len() as u64;
        let total = 512 + padded(len) + rest + 1024;
        if total == m.payload_bytes {
            return m;
        }
        m.payload_bytes = total;
    }
}

/// Reads `inner`, hashes what passes and reports how far the whole backup got.
struct Hashing<'a, 'p, R> {
    inner: R,
    hash: digest::Context,
    done: &'a mut u64,
    total: u64,
    progress: &'a mut (dyn FnMut(Progress) + 'p),
}

impl<R: Read> Read for Hashing<'_, '_, R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hash.update(&buf[..n]);
        let before = *self.done >> 22;
        *self.done += n as u64;
        // About every 4 MiB, and at the end: often enough for a progress bar.
        if *self.done >> 22 != before || *self.done == self.total {
            (self.progress)(Progress {
                phase: Phase::Encrypt,
                done: *self.done,
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

/// The database members of a snapshot: (name in the tar, file, size).
fn members(snap: &Snapshot) -> Result<Vec<(&'static str, PathBuf, u64)>> {
    let mut out = vec![(manifest::DATABASE_MEMBER, snap.db.clone())];
    if let Some(wal) = &snap.wal {
        out.push((manifest::WAL_MEMBER, wal.clone()));
    }
    out.into_iter()
        .map(|(name, path)| {
            let size = fs::metadata(&path)
                .map_err(|e| Error::io("read the database copy", e))?
                .len();
            Ok((name, path, size))
        })
        .collect()
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
            key_hex: Zeroizing::new(hex::encode(&self.data_key()[..])),
        })
    }

    /// Makes a backup in `file` and remembers it (see [`BackupSource::write`]).
    pub fn backup_to(
        &mut self,
        file: &Path,
        clock: &dyn Clock,
        progress: &mut dyn FnMut(Progress),
    ) -> Result<BackupReport> {
        let report = self.backup_source()?.write(file, clock, progress)?;
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
        let result = self.write_parts(file, &partial, &copy, clock, progress);
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
        progress: &mut dyn FnMut(Progress),
    ) -> Result<ManifestBody> {
        progress(Progress {
            phase: Phase::Copy,
            done: 0,
            total: 0,
        });
        let now = clock.now();
        let created_at = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        let snap = snapshot(&self.conn, &self.dossier_dir, copy, |c| {
            manifest::facts(c, "main", APP_VERSION, &created_at, &self.dossier_id)
        })?;
        let files = members(&snap)?;
        let sums_len: u64 = files
            .iter()
            .map(|(name, _, _)| manifest::sums_line_len(name))
            .sum();
        let mut sizes: Vec<u64> = files.iter().map(|f| f.2).collect();
        sizes.push(sums_len);
        let m = with_payload_size(
            Manifest {
                format: manifest::FORMAT.into(),
                format_version: manifest::FORMAT_VERSION,
                body: snap.body.clone(),
                members: files
                    .iter()
                    .map(|(name, _, size)| Member {
                        name: (*name).into(),
                        size: *size,
                        sha256: String::new(),
                    })
                    .collect(),
                payload_bytes: 0,
                database_key: self.key_hex.to_string(),
            },
            &sizes,
        );
        let manifest_bytes = Zeroizing::new(m.to_bytes());
        let mtime = u64::try_from(now.timestamp()).unwrap_or(0);
        let what = || format!("write {}", partial.display());

        let out = crate::vault::new_private_file(partial)?;
        let recipient: age::x25519::Recipient = self
            .recipient
            .parse()
            .map_err(|_| Error::Damaged("the stored backup recipient cannot be read".into()))?;
        let code_tag = tag::CodeTag::for_recipient(&self.recipient);
        let recipients: [&dyn age::Recipient; 2] = [&recipient, &code_tag];
        let encryptor = age::Encryptor::with_recipients(recipients.into_iter())
            .map_err(|e| Error::Invalid(format!("prepare the encryption: {e}")))?;
        let stream = encryptor
            .wrap_output(BufWriter::with_capacity(1 << 20, out))
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
        let total: u64 = files.iter().map(|f| f.2).sum();
        let mut done = 0u64;
        let mut sums = String::new();
        for (name, path, size) in &files {
            let mut reader = Hashing {
                inner: File::open(path).map_err(|e| Error::io("read the database copy", e))?,
                hash: digest::Context::new(&digest::SHA256),
                done: &mut done,
                total,
                progress: &mut *progress,
            };
            let h = tar_header(name, *size, mtime)?;
            tar.append(&h, &mut reader)
                .map_err(|e| Error::io(what(), e))?;
            let sha = hex::encode(reader.hash.finish().as_ref());
            sums.push_str(&manifest::sums_line(&sha, name));
        }
        let h = tar_header(manifest::SUMS_MEMBER, sums.len() as u64, mtime)?;
        tar.append(&h, sums.as_bytes())
            .map_err(|e| Error::io(what(), e))?;
        let stream = tar.into_inner().map_err(|e| Error::io(what(), e))?;
        let buffered = stream.finish().map_err(|e| Error::io(what(), e))?;
        let out = buffered
            .into_inner()
            .map_err(|e| Error::io(what(), e.into_error()))?;
        out.sync_all().map_err(|e| Error::io(what(), e))?;
        drop(out);
        super::publish(partial, file)?;
        Ok(snap.body)
    }
}
