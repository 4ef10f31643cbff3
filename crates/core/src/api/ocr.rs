//! Reading an attachment's text (OCR) and keeping it as a labelled layer beside the
//! entry: prepared pages from the stored bytes, the read text saved in
//! `attachment_read_text` and the entry reindexed, in one transaction that writes no
//! version (the chain holds what the user wrote, not what an engine guessed).
//! The long part, the engine itself, runs without the dossier: front ends may release
//! it meanwhile ([`Dossier::read_pages`], `ocr::read`, [`Dossier::save_read_text`]).

use std::sync::atomic::AtomicBool;

use serde::Serialize;

use super::now_string;
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::ocr::{self, GrayPage, OcrEngine, OcrProgress, OcrText, Suggestion};
use crate::store::{attachments, read_text, search};
use crate::vault::Dossier;
use crate::PreparedAttachment;

/// The text read from one attachment, with what it suggests. Always shown labelled
/// "Gelezen tekst (kan fouten bevatten)".
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ReadText {
    pub attachment_id: i64,
    pub text: String,
    /// "Tesseract 5.3.0 (nld)".
    pub engine: String,
    pub pages: u32,
    /// RFC 3339, UTC.
    pub read_at: String,
    pub suggestions: Vec<Suggestion>,
}

impl From<read_text::Row> for ReadText {
    fn from(r: read_text::Row) -> ReadText {
        ReadText {
            suggestions: ocr::suggest(&r.text),
            attachment_id: r.attachment_id,
            text: r.text,
            engine: r.engine,
            pages: r.pages,
            read_at: r.read_at,
        }
    }
}

fn not_readable(filename: &str, media_type: &str) -> Error {
    Error::Invalid(format!(
        "no text can be read from {filename} (a file of type {media_type})"
    ))
}

/// The pages OCR would read, or a clear error when there are none.
fn scanned_pages(filename: &str, media_type: &str, bytes: &[u8]) -> Result<Vec<GrayPage>> {
    let pages = ocr::pages(media_type, bytes)?;
    if pages.is_empty() {
        return Err(Error::Invalid(format!(
            "{filename} has no scanned pages to read: its pages have text of their own or no picture"
        )));
    }
    Ok(pages)
}

impl PreparedAttachment {
    /// The prepared pages of a file not attached yet (the guided capture reads the photo
    /// of a letter before the entry exists); the same checks as [`Dossier::read_pages`].
    pub fn read_pages(&self) -> Result<Vec<GrayPage>> {
        if !ocr::readable(self.media_type()) {
            return Err(not_readable(self.name(), self.media_type()));
        }
        scanned_pages(self.name(), self.media_type(), self.bytes())
    }
}

impl Dossier {
    /// The prepared pages of a live attachment whose text only OCR can read.
    pub fn read_pages(&self, attachment_id: i64) -> Result<Vec<GrayPage>> {
        let a = self.attachment(attachment_id)?;
        if !ocr::readable(&a.media_type) {
            return Err(not_readable(&a.filename, &a.media_type));
        }
        let (media_type, bytes) = attachments::data(self.conn(), attachment_id)?;
        let bytes = zeroize::Zeroizing::new(bytes);
        scanned_pages(&a.filename, &media_type, &bytes)
    }

    /// Saves what was read from a live attachment (replacing an earlier read) and makes
    /// it searchable. No version of the entry is written.
    pub fn save_read_text(
        &mut self,
        attachment_id: i64,
        read: &OcrText,
        clock: &dyn Clock,
    ) -> Result<ReadText> {
        let a = self.attachment(attachment_id)?;
        let row = read_text::Row {
            attachment_id,
            text: read.text(),
            engine: read.engine.clone(),
            pages: read.pages.len() as u32,
            read_at: now_string(clock),
        };
        self.write(|tx| {
            let live = attachments::list(tx, a.entry_id)?
                .iter()
                .any(|l| l.id == attachment_id);
            if !live {
                return Err(Error::Invalid(format!(
                    "attachment {attachment_id} was removed; its text is not read"
                )));
            }
            read_text::put(tx, &row)?;
            search::reindex_entry(tx, a.entry_id)
        })?;
        Ok(row.into())
    }

    /// Prepares, reads and saves in one call (for the CLI); progress before each page.
    pub fn read_attachment_text(
        &mut self,
        attachment_id: i64,
        engine: &dyn OcrEngine,
        cancel: &AtomicBool,
        progress: &mut dyn FnMut(OcrProgress),
        clock: &dyn Clock,
    ) -> Result<ReadText> {
        let pages = self.read_pages(attachment_id)?;
        let read = ocr::read(engine, &pages, cancel, progress)?;
        self.save_read_text(attachment_id, &read, clock)
    }

    /// The read text of one attachment, if it was read.
    pub fn read_text(&self, attachment_id: i64) -> Result<Option<ReadText>> {
        Ok(read_text::get(self.conn(), attachment_id)?.map(ReadText::from))
    }

    /// The read texts of an entry's live attachments.
    pub fn read_texts(&self, entry_id: i64) -> Result<Vec<ReadText>> {
        Ok(read_text::of_entry(self.conn(), entry_id)?
            .into_iter()
            .map(ReadText::from)
            .collect())
    }
}
