//! Reading a backup file: age decryption with the identity from the recovery code,
//! the tar members hashed while they stream to scratch files, and every failure
//! sorted into wrong secret, cut off, damaged or too new. Nothing is written except
//! the scratch copies of the (still encrypted) database files.

use std::fs::File;
use std::io::{self, BufReader, Read, Write};
use std::path::Path;

use ring::digest;

use super::identity::BackupIdentity;
use super::manifest::{self, Manifest};
use super::{tag, Phase, Progress};
use crate::error::{Error, Result};

const CHUNK: u64 = 64 * 1024;
const TAG_LEN: u64 = 16;
const NONCE_LEN: u64 = 16;

/// Where the age header ends (just past the `--- mac` line), read from the raw file.
fn header_end(file: &Path) -> Result<Option<(u64, Vec<u8>)>> {
    let mut f = File::open(file).map_err(|e| Error::io(format!("read {}", file.display()), e))?;
    let mut head = Vec::new();
    Read::by_ref(&mut f)
        .take(64 * 1024)
        .read_to_end(&mut head)
        .map_err(|e| Error::io(format!("read {}", file.display()), e))?;
    let Some(mac) = head.windows(5).position(|w| w == b"\n--- ") else {
        return Ok(None);
    };
    Ok(head[mac + 1..]
        .iter()
        .position(|&b| b == b'\n')
        .map(|nl| ((mac + 1 + nl + 1) as u64, head[..mac + 1].to_vec())))
}

/// The size an age file with `header` bytes of header and `payload` plaintext bytes
/// has: nonce, then 64 KiB chunks each with a 16-byte tag (at least one chunk).
fn age_size(header: u64, payload: u64) -> u64 {
    let chunks = payload.div_ceil(CHUNK).max(1);
    header + NONCE_LEN + payload + chunks * TAG_LEN
}

/// Classifies a failure while reading the encrypted stream: a file shorter than the
/// manifest says (or, before the manifest was read, shorter than one chunk) was cut
/// off; a full-length file that fails was changed.
struct Shape {
    len: u64,
    header: u64,
}

impl Shape {
    fn failed(&self, payload: Option<u64>) -> Error {
        let cut = match payload {
            Some(p) => self.len < age_size(self.header, p),
            None => self.len < self.header + NONCE_LEN + CHUNK + TAG_LEN,
        };
        if cut {
            Error::BackupTruncated
        } else {
            Error::BackupDamaged("its encrypted contents do not check out".into())
        }
    }
}

/// What a backup holds once decrypted: its manifest, and the database files written to
/// `scratch_db` and `scratch_db-wal` (each checked against its size and SHA-256).
pub(crate) fn unpack(
    file: &Path,
    identity: &BackupIdentity,
    scratch_db: &Path,
    progress: &mut dyn FnMut(Progress),
) -> Result<Manifest> {
    let len = std::fs::metadata(file)
        .map_err(|e| Error::io(format!("read {}", file.display()), e))?
        .len();
    let starts_like_age = {
        let mut f =
            File::open(file).map_err(|e| Error::io(format!("read {}", file.display()), e))?;
        let mut magic = [0u8; 22];
        let n = f.read(&mut magic).unwrap_or(0);
        b"age-encryption.org/v1\n".starts_with(&magic[..n]) && n > 0
    };
    let Some((header, header_text)) = header_end(file)? else {
        // An age header is a few hundred bytes: a longer file without one was changed.
        return Err(if starts_like_age && len < 4096 {
            Error::BackupTruncated
        } else {
            Error::BackupDamaged("this is not a Dossierkluis backup".into())
        });
    };
    let shape = Shape { len, header };
    let input = BufReader::new(
        File::open(file).map_err(|e| Error::io(format!("read {}", file.display()), e))?,
    );
    let decryptor = age::Decryptor::new(input).map_err(|e| match e {
        age::DecryptError::Io(ref io) if io.kind() == io::ErrorKind::UnexpectedEof => {
            Error::BackupTruncated
        }
        _ => Error::BackupDamaged("the backup's header cannot be read".into()),
    })?;
    let reader = decryptor
        .decrypt(std::iter::once(identity.age() as &dyn age::Identity))
        .map_err(|e| match e {
            age::DecryptError::NoMatchingKeys => {
                match tag::header_names(&header_text, &identity.recipient()) {
                    // The marker says this code is the right one: the key stanza broke.
                    Some(true) => Error::BackupDamaged("the backup's key is damaged".into()),
                    _ => Error::BackupWrongSecret,
                }
            }
            _ => Error::BackupDamaged("the backup's header does not check out".into()),
        })?;

    let mut archive = tar::Archive::new(reader);
    let mut manifest_bytes: Option<Vec<u8>> = None;
    let mut sums_bytes: Option<Vec<u8>> = None;
    let mut payload: Option<u64> = None;
    // The database files' bytes, for the progress bar.
    let mut total = 0u64;
    // (member name, size, SHA-256) of every database file, as read.
    let mut files: Vec<(String, u64, String)> = Vec::new();
    let mut done = 0u64;
    let entries = archive.entries().map_err(|_| shape.failed(None))?;
    for entry in entries {
        let mut entry = entry.map_err(|_| shape.failed(payload))?;
        let name = entry
            .path()
            .map_err(|_| Error::BackupDamaged("a member has an unreadable name".into()))?
            .to_string_lossy()
            .into_owned();
        if entry.header().entry_type() != tar::EntryType::Regular {
            return Err(Error::BackupDamaged(format!("unexpected member {name}")));
        }
        let seen = files.iter().any(|f| f.0 == name);
        match name.as_str() {
            manifest::MANIFEST_MEMBER if manifest_bytes.is_none() => {
                let bytes =
                    small_member(&mut entry, manifest::MAX_MANIFEST_BYTES, &shape, payload)?;
                // The size is needed to tell a cut-off file from a changed one.
                payload = serde_json::from_slice::<serde_json::Value>(&bytes)
                    .ok()
                    .and_then(|v| v.get("payload_bytes").and_then(|p| p.as_u64()));
                total = serde_json::from_slice::<serde_json::Value>(&bytes)
                    .ok()
                    .and_then(|v| {
                        v.get("members")?
                            .as_array()
                            .map(|a| a.iter().filter_map(|x| x.get("size")?.as_u64()).sum())
                    })
                    .unwrap_or(0);
                manifest_bytes = Some(bytes);
            }
            manifest::SUMS_MEMBER if sums_bytes.is_none() => {
                sums_bytes = Some(small_member(
                    &mut entry,
                    manifest::MAX_SUMS_BYTES,
                    &shape,
                    payload,
                )?);
            }
            manifest::DATABASE_MEMBER | manifest::WAL_MEMBER if !seen => {
                let target = if name == manifest::DATABASE_MEMBER {
                    scratch_db.to_path_buf()
                } else {
                    super::copy::wal_of(scratch_db)
                };
                let mut count = Count {
                    done: &mut done,
                    total,
                    progress: &mut *progress,
                };
                let (size, sha) = save_member(&mut entry, &target, &shape, payload, &mut count)?;
                files.push((name, size, sha));
            }
            other => return Err(Error::BackupDamaged(format!("unexpected member {other}"))),
        }
    }
    // Read to the very end, so the last chunk's tag is checked too.
    let mut rest = archive.into_inner();
    io::copy(&mut rest, &mut io::sink()).map_err(|_| shape.failed(payload))?;

    let bytes =
        manifest_bytes.ok_or_else(|| Error::BackupDamaged("the backup has no manifest".into()))?;
    manifest::refuse_newer(&bytes, crate::store::migrations::LATEST)?;
    let m = Manifest::from_bytes(&bytes)?;
    // The stream authenticated to its last chunk, so the file is whole; its length may
    // differ from `payload_bytes` when another tar wrote it (GNU tar pads records).
    if !files.iter().any(|f| f.0 == manifest::DATABASE_MEMBER) {
        return Err(Error::BackupDamaged("the backup has no database".into()));
    }
    let sums = match (m.format_version, sums_bytes) {
        (1, None) => m
            .members
            .iter()
            .map(|x| (x.name.clone(), x.sha256.clone()))
            .collect(),
        (2, Some(b)) => parse_sums(&b)?,
        _ => {
            return Err(Error::BackupDamaged(
                "the backup's sums do not match its format".into(),
            ))
        }
    };
    let listed = m.members.len() == files.len() && sums.len() == files.len();
    let all_match = files.iter().all(|(name, size, sha)| {
        m.member(name).is_some_and(|x| x.size == *size)
            && sums.iter().any(|(n, s)| n == name && s == sha)
    });
    if !listed || !all_match {
        return Err(Error::BackupDamaged(
            "the database in the backup does not match its manifest".into(),
        ));
    }
    Ok(m)
}

/// A member read into memory (the manifest, the sums), refused when larger than `max`.
fn small_member<R: Read>(
    entry: &mut tar::Entry<'_, R>,
    max: u64,
    shape: &Shape,
    payload: Option<u64>,
) -> Result<Vec<u8>> {
    if entry.size() > max {
        return Err(Error::BackupDamaged("a member is too large".into()));
    }
    let mut bytes = Vec::new();
    entry
        .read_to_end(&mut bytes)
        .map_err(|_| shape.failed(payload))?;
    Ok(bytes)
}

/// Bytes of the database files read so far, reported about every 4 MiB.
struct Count<'a, 'p> {
    done: &'a mut u64,
    total: u64,
    progress: &'a mut (dyn FnMut(Progress) + 'p),
}

impl Count<'_, '_> {
    fn add(&mut self, n: u64, member_end: bool) {
        let before = *self.done >> 22;
        *self.done += n;
        if *self.done >> 22 != before || member_end {
            (self.progress)(Progress {
                phase: Phase::Decrypt,
                done: *self.done,
                total: self.total.max(*self.done),
            });
        }
    }
}

/// Streams a database member to `target` while hashing it; returns size and SHA-256.
fn save_member<R: Read>(
    entry: &mut tar::Entry<'_, R>,
    target: &Path,
    shape: &Shape,
    payload: Option<u64>,
    count: &mut Count<'_, '_>,
) -> Result<(u64, String)> {
    let size = entry.size();
    let mut out = crate::vault::new_private_file(target)?;
    let mut ctx = digest::Context::new(&digest::SHA256);
    let mut buf = vec![0u8; 1 << 16];
    let mut read = 0u64;
    loop {
        let n = entry.read(&mut buf).map_err(|_| shape.failed(payload))?;
        if n == 0 {
            break;
        }
        ctx.update(&buf[..n]);
        out.write_all(&buf[..n])
            .map_err(|e| Error::io(format!("write {}", target.display()), e))?;
        read += n as u64;
        count.add(n as u64, read == size);
    }
    if read != size {
        return Err(shape.failed(payload));
    }
    Ok((read, hex::encode(ctx.finish().as_ref())))
}

/// `SHA256SUMS` as `sha256sum` writes it: "HEX  NAME" per line, lower-case hex.
fn parse_sums(bytes: &[u8]) -> Result<Vec<(String, String)>> {
    let bad = || Error::BackupDamaged("the backup's sums cannot be read".into());
    let text = std::str::from_utf8(bytes).map_err(|_| bad())?;
    text.lines()
        .map(|line| {
            let (sha, name) = line.split_once("  ").ok_or_else(bad)?;
            let hex_ok = sha.len() == 64
                && sha
                    .bytes()
                    .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b));
            if !hex_ok || name.is_empty() {
                return Err(bad());
            }
            Ok((name.to_string(), sha.to_string()))
        })
        .collect()
}
