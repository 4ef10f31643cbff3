//! IPC commands for reading a photographed or scanned letter (OCR, issue 15): read one
//! attachment on the blocking pool with an `ocr-progress` event per page and a cancel,
//! and the read texts of an entry with their suggestions. The engine runs without the
//! dossier (other commands go on meanwhile); only preparing and saving hold it.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::Arc;

use dossier_core::ocr::{self, OcrEngine, SuggestionKind};
use dossier_core::{PreparedAttachment, ReadText, SystemClock};
use dossier_tesseract::Tesseract;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, State};
use tauri_specta::Event;

use crate::dto_entries::wire_id;
use crate::error::IpcError;
use crate::grants::Purpose;
use crate::state::off_runtime;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// Set by `cancel_read_text`; one read runs at a time, so one flag serves.
static CANCEL: AtomicBool = AtomicBool::new(false);

/// One suggestion from read text: `kind` is letter_date, kenmerk, reply_by, decision or
/// threat; dates as YYYY-MM-DD; `source` the words it came from.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct SuggestionDto {
    pub kind: String,
    pub value: String,
    pub source: String,
}

/// The text read from one attachment (shown labelled: it may contain errors).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReadTextDto {
    pub attachment_id: u32,
    pub text: String,
    pub engine: String,
    pub pages: u32,
    pub read_at: String,
    pub suggestions: Vec<SuggestionDto>,
}

fn kind_name(k: SuggestionKind) -> &'static str {
    match k {
        SuggestionKind::LetterDate => "letter_date",
        SuggestionKind::Kenmerk => "kenmerk",
        SuggestionKind::ReplyBy => "reply_by",
        SuggestionKind::Decision => "decision",
        SuggestionKind::Threat => "threat",
    }
}

fn suggestion_dtos(suggestions: Vec<ocr::Suggestion>) -> Vec<SuggestionDto> {
    suggestions
        .into_iter()
        .map(|s| SuggestionDto {
            kind: kind_name(s.kind).into(),
            value: s.value,
            source: s.source,
        })
        .collect()
}

/// The text read from a chosen file that is not attached yet (the photo of a letter in
/// the guided capture), with its suggestions; kept until the file is attached.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct FileTextDto {
    pub text: String,
    pub engine: String,
    pub pages: u32,
    pub suggestions: Vec<SuggestionDto>,
}

impl From<ReadText> for ReadTextDto {
    fn from(r: ReadText) -> Self {
        ReadTextDto {
            attachment_id: wire_id(r.attachment_id),
            text: r.text,
            engine: r.engine,
            pages: r.pages,
            read_at: r.read_at,
            suggestions: suggestion_dtos(r.suggestions),
        }
    }
}

/// Event `ocr-progress`: page `done` of `total` of attachment `attachment_id` (0: the
/// chosen file that `read_file_text` reads, not attached yet).
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct OcrProgress {
    pub attachment_id: u32,
    pub done: u32,
    pub total: u32,
}

/// Runs Tesseract over prepared pages with an `ocr-progress` event per page (on the
/// blocking pool: a page takes seconds).
fn read_pages(
    app: &AppHandle,
    attachment_id: u32,
    pages: &[ocr::GrayPage],
) -> Result<ocr::OcrText> {
    let engine = Tesseract::dutch()?;
    let mut progress = |p: ocr::OcrProgress| {
        let _ = OcrProgress {
            attachment_id,
            done: p.done,
            total: p.total,
        }
        .emit(app);
    };
    Ok(ocr::read(
        &engine as &dyn OcrEngine,
        pages,
        &CANCEL,
        &mut progress,
    )?)
}

/// Reads the text of a photo or scanned PDF attachment and keeps it beside the entry
/// (searchable; no version of the entry). Fails with `cancelled` after
/// `cancel_read_text`, with `ocr_unavailable` when Tesseract or its Dutch data is missing.
#[tauri::command]
#[specta::specta]
pub async fn read_attachment_text(
    app: AppHandle,
    state: State<'_, AppState>,
    attachment_id: u32,
) -> Result<ReadTextDto> {
    let id = i64::from(attachment_id);
    CANCEL.store(false, Ordering::SeqCst);
    let pages = state
        .with_dossier_off(move |d| Ok(d.read_pages(id)?))
        .await?;
    let held = state.shared()?;
    let read = off_runtime(move || read_pages(&app, attachment_id, &pages)).await?;
    // The dossier may have been locked while the engine ran: then nothing is saved.
    if held.revoked() {
        return Err(IpcError::locked());
    }
    let held = Arc::clone(&held);
    state.touch();
    off_runtime(move || held.run(|d| Ok(d.save_read_text(id, &read, &SystemClock)?.into()))).await
}

/// Reads the text of a photo or scan the user chose (`file`, a handle to read) before
/// it is attached: the guided capture shows the suggestions while the letter is being
/// described. Nothing is written; the read is kept in memory until `attach_file` attaches
/// that file, and dropped when the dossier locks. Progress as `ocr-progress` with attachment 0.
#[tauri::command]
#[specta::specta]
pub async fn read_file_text(
    app: AppHandle,
    state: State<'_, AppState>,
    file: u32,
) -> Result<FileTextDto> {
    let path = state.granted(file, Purpose::Read)?;
    let held = state.shared()?;
    state.touch();
    CANCEL.store(false, Ordering::SeqCst);
    let read = off_runtime(move || {
        // Read into memory with the attachment's own checks (size, type); no copy on disk.
        let pages = PreparedAttachment::from_file(&path)?.read_pages()?;
        read_pages(&app, 0, &pages)
    })
    .await?;
    if held.revoked() {
        return Err(IpcError::locked());
    }
    let text = read.text();
    let dto = FileTextDto {
        suggestions: suggestion_dtos(ocr::suggest(&text)),
        engine: read.engine.clone(),
        pages: read.pages.len() as u32,
        text,
    };
    held.keep_file_read(file, read);
    Ok(dto)
}

/// Stops a running `read_attachment_text` or `read_file_text` (between words of the page being read).
#[tauri::command]
#[specta::specta]
pub async fn cancel_read_text() -> Result<()> {
    CANCEL.store(true, Ordering::SeqCst);
    Ok(())
}

/// The read texts of an entry's attachments, each with its suggestions.
#[tauri::command]
#[specta::specta]
pub async fn read_texts(state: State<'_, AppState>, entry_id: u32) -> Result<Vec<ReadTextDto>> {
    state.with_dossier(|d| {
        Ok(d.read_texts(i64::from(entry_id))?
            .into_iter()
            .map(ReadTextDto::from)
            .collect())
    })
}
