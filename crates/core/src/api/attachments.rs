//! Attachments: add (bytes into the encrypted store, with SHA-256 and a new history
//! version), list, read, preview, detach. Every change to an entry's files is a new
//! version of the entry, because the chain hash covers the attachment hashes and the
//! search index covers their text.

use std::fs::File;
use std::io::Read;
use std::path::Path;

use ring::digest;
use zeroize::Zeroizing;

use super::now_string;
use crate::attach;
use crate::attachment::{Attachment, Preview, MAX_ATTACHMENT_BYTES};
use crate::clock::Clock;
use crate::entry::{Entry, EntryData};
use crate::error::{Error, Result};
use crate::reason::ChangeReason;
use crate::store::attachments::{self as store, NewAttachment};
use crate::store::history::{self, Action};
use crate::store::{entries, search};
use crate::vault::Dossier;

fn too_large(name: &str) -> Error {
    Error::AttachmentTooLarge {
        name: name.to_string(),
        max_mb: MAX_ATTACHMENT_BYTES / (1024 * 1024),
    }
}

/// Appends the entry's state after an attachment change to the chain and reindexes it.
fn record(tx: &rusqlite::Transaction<'_>, entry_id: i64, reason: &str, now: &str) -> Result<()> {
    let saved = entries::get(tx, entry_id)?
        .ok_or_else(|| Error::Invalid(format!("entry {entry_id} does not exist")))?;
    history::record(tx, &saved, Action::Edit, reason, now)?;
    search::reindex_entry(tx, entry_id)
}

/// A file read and examined (type, search text, hash) before any transaction, so a
/// file that cannot be read is refused before anything is written.
pub struct PreparedAttachment {
    name: String,
    media_type: String,
    text: String,
    sha256: String,
    bytes: Zeroizing<Vec<u8>>,
}

impl std::fmt::Debug for PreparedAttachment {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("PreparedAttachment")
            .field("name", &self.name)
            .field("size", &self.bytes.len())
            .finish_non_exhaustive()
    }
}

impl PreparedAttachment {
    /// Checks the name and size and examines the bytes. Reading the content is pure and
    /// may take a while (a long PDF): done before the transaction, so the database is
    /// held only for the write itself.
    pub fn from_bytes(filename: &str, bytes: Zeroizing<Vec<u8>>) -> Result<PreparedAttachment> {
        let name = filename.trim();
        if name.is_empty() {
            return Err(Error::Invalid("an attachment needs a file name".into()));
        }
        if bytes.is_empty() {
            return Err(Error::AttachmentEmpty(name.to_string()));
        }
        if bytes.len() as u64 > MAX_ATTACHMENT_BYTES {
            return Err(too_large(name));
        }
        let media_type = attach::media_type(&bytes);
        Ok(PreparedAttachment {
            name: name.to_string(),
            text: attach::search_text(&media_type, &bytes),
            sha256: hex::encode(digest::digest(&digest::SHA256, &bytes)),
            media_type,
            bytes,
        })
    }

    /// Reads a file (with the size limits and clear errors) and examines it.
    pub fn from_file(path: &Path) -> Result<PreparedAttachment> {
        let shown = path.display().to_string();
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| shown.clone());
        let what = || format!("read {shown}");
        let meta = std::fs::metadata(path).map_err(|e| match e.kind() {
            // Said as such: "the USB stick" is the wrong thing to blame for a typo.
            std::io::ErrorKind::NotFound => Error::NotFound(shown.clone()),
            _ => Error::io(what(), e),
        })?;
        if meta.is_dir() {
            return Err(Error::Invalid(format!(
                "{shown} is a folder; choose the files inside it"
            )));
        }
        if !meta.is_file() {
            // A pipe or a device would block or never end.
            return Err(Error::Invalid(format!("{shown} is not an ordinary file")));
        }
        // The size from the file system, so a huge file is refused without reading it.
        if meta.len() > MAX_ATTACHMENT_BYTES {
            return Err(too_large(&name));
        }
        let mut bytes = Zeroizing::new(Vec::with_capacity(meta.len() as usize));
        File::open(path)
            // A file that grows while it is read is still cut off just past the limit.
            .and_then(|f| f.take(MAX_ATTACHMENT_BYTES + 1).read_to_end(&mut bytes))
            .map_err(|e| Error::io(what(), e))?;
        PreparedAttachment::from_bytes(&name, bytes)
    }

    /// The file name it is stored under.
    pub(crate) fn name(&self) -> &str {
        &self.name
    }

    /// The type found from its bytes ("image/jpeg").
    pub(crate) fn media_type(&self) -> &str {
        &self.media_type
    }

    /// The bytes, as they will be stored.
    pub(crate) fn bytes(&self) -> &[u8] {
        &self.bytes
    }

    /// Stores it on `entry_id` inside the caller's transaction, with a new version.
    pub(super) fn store(
        &self,
        tx: &rusqlite::Transaction<'_>,
        entry_id: i64,
        now: &str,
    ) -> Result<Attachment> {
        let new = NewAttachment {
            entry_id,
            filename: &self.name,
            media_type: &self.media_type,
            sha256: &self.sha256,
            data: &self.bytes,
            text: &self.text,
        };
        store::bump_entry(tx, entry_id, now)?;
        let id = store::insert(tx, &new, now)?;
        record(
            tx,
            entry_id,
            &ChangeReason::FileAdded {
                name: self.name.clone(),
            }
            .stored(),
            now,
        )?;
        Ok(Attachment {
            id,
            entry_id,
            filename: self.name.clone(),
            media_type: self.media_type.clone(),
            size: self.bytes.len() as u64,
            sha256: self.sha256.clone(),
            added_at: now.to_string(),
        })
    }
}

impl Dossier {
    /// Stores `bytes` as an attachment of `entry_id`; records a new version of the
    /// entry ("bijlage toegevoegd") in the same transaction.
    pub fn attach(
        &mut self,
        entry_id: i64,
        filename: &str,
        bytes: &[u8],
        clock: &dyn Clock,
    ) -> Result<Attachment> {
        let prepared = PreparedAttachment::from_bytes(filename, Zeroizing::new(bytes.to_vec()))?;
        let now = now_string(clock);
        self.write(|tx| prepared.store(tx, entry_id, &now))
    }

    /// Reads a file (with the size limits and clear errors) and attaches it.
    pub fn attach_file(
        &mut self,
        entry_id: i64,
        path: &Path,
        clock: &dyn Clock,
    ) -> Result<Attachment> {
        let prepared = PreparedAttachment::from_file(path)?;
        let now = now_string(clock);
        self.write(|tx| prepared.store(tx, entry_id, &now))
    }

    /// Adds an entry together with its files in one transaction: either the entry and
    /// every file are saved, or nothing is (no entry left without its letter).
    pub fn add_entry_with_attachments(
        &mut self,
        data: &EntryData,
        files: &[PreparedAttachment],
        clock: &dyn Clock,
    ) -> Result<(Entry, Vec<Attachment>)> {
        data.validate(clock)?;
        super::entries::no_verslag_yet(data)?;
        let now = now_string(clock);
        self.write(|tx| {
            let id = entries::insert(tx, data, &now)?;
            super::entries::record(tx, id, Action::Create, "", &now)?;
            let stored = files
                .iter()
                .map(|f| f.store(tx, id, &now))
                .collect::<Result<Vec<_>>>()?;
            let saved = entries::get(tx, id)?
                .ok_or_else(|| Error::Invalid(format!("entry {id} does not exist")))?;
            Ok((saved, stored))
        })
    }

    /// The live attachments of an entry, in the order they were added.
    pub fn attachments(&self, entry_id: i64) -> Result<Vec<Attachment>> {
        store::list(self.conn(), entry_id)
    }

    /// One attachment's description; detached ones too, as the history refers to them.
    pub fn attachment(&self, id: i64) -> Result<Attachment> {
        store::get(self.conn(), id)?
            .ok_or_else(|| Error::Invalid(format!("attachment {id} does not exist")))
    }

    /// The attachment's bytes, exactly as they were added (detached ones too, so an old
    /// version in the history can still be opened).
    pub fn attachment_bytes(&self, id: i64) -> Result<Vec<u8>> {
        store::data(self.conn(), id).map(|(_, bytes)| bytes)
    }

    /// What can be shown of the attachment in place; a damaged file gives
    /// `Preview::None`, never an error.
    pub fn preview(&self, id: i64) -> Result<Preview> {
        let (media_type, bytes) = store::data(self.conn(), id)?;
        let bytes = Zeroizing::new(bytes);
        Ok(attach::preview(&media_type, &bytes))
    }

    /// Hides an attachment from its entry (kept in the history), with a reason.
    pub fn detach(&mut self, id: i64, reason: &str, clock: &dyn Clock) -> Result<()> {
        let reason = reason.trim();
        if reason.is_empty() {
            return Err(Error::Invalid(
                "say why the attachment is removed; the reason stays visible".into(),
            ));
        }
        let now = now_string(clock);
        self.write(|tx| {
            if let Some(a) = store::get(tx, id)? {
                super::verslag::refuse_detach(tx, &a)?;
            }
            let a = store::detach(tx, id, &now)?;
            store::bump_entry(tx, a.entry_id, &now)?;
            record(
                tx,
                a.entry_id,
                &ChangeReason::FileRemoved {
                    name: a.filename.clone(),
                    why: reason.to_string(),
                }
                .stored(),
                &now,
            )
        })
    }
}
