//! Attachments: add (bytes into the encrypted store, with SHA-256 and a new history
//! version), list, read, preview, detach. (Stub: the contract; built in the
//! attachments work.)

use std::path::Path;

use crate::attachment::{Attachment, Preview};
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::vault::Dossier;

fn not_yet() -> Error {
    Error::Invalid("attachments are not available in this build yet".into())
}

impl Dossier {
    /// Stores `bytes` as an attachment of `entry_id`; records a new version of the
    /// entry ("bijlage toegevoegd") in the same transaction.
    pub fn attach(
        &mut self,
        _entry_id: i64,
        _filename: &str,
        _bytes: &[u8],
        _clock: &dyn Clock,
    ) -> Result<Attachment> {
        Err(not_yet())
    }

    /// Reads a file (with the size limits and clear errors) and attaches it.
    pub fn attach_file(
        &mut self,
        _entry_id: i64,
        _path: &Path,
        _clock: &dyn Clock,
    ) -> Result<Attachment> {
        Err(not_yet())
    }

    /// The live attachments of an entry, in the order they were added.
    pub fn attachments(&self, _entry_id: i64) -> Result<Vec<Attachment>> {
        Err(not_yet())
    }

    pub fn attachment_bytes(&self, _id: i64) -> Result<Vec<u8>> {
        Err(not_yet())
    }

    pub fn preview(&self, _id: i64) -> Result<Preview> {
        Err(not_yet())
    }

    /// Hides an attachment from its entry (kept in the history), with a reason.
    pub fn detach(&mut self, _id: i64, _reason: &str, _clock: &dyn Clock) -> Result<()> {
        Err(not_yet())
    }
}
