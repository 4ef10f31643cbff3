//! IPC commands for "their record against mine" (issue 14 part 3): the entry's verslag
//! (which attachment, its text), the statements about it, and the correction letter's
//! blanks made from them. Each converts wire types, calls core, converts back. All run
//! on the blocking pool: each re-hashes the verslag's file (up to 200 MB) and reads its
//! text (a long PDF), so a lock never waits for them.

use dossier_core::{StatementInput, SystemClock};
use tauri::State;

use crate::dto_letters::FillDto;
use crate::dto_verslag::{StatementInputDto, VerslagDto};
use crate::error::IpcError;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

fn view(d: &dossier_core::Dossier, entry_id: i64) -> dossier_core::Result<Option<VerslagDto>> {
    Ok(d.verslag(entry_id)?.map(VerslagDto::from))
}

/// The entry's verslag with its text, sentences and statements; null when none is
/// chosen yet. `verslag_changed` when its file no longer hashes to the pin.
#[tauri::command]
#[specta::specta]
pub async fn get_verslag(state: State<'_, AppState>, entry_id: u32) -> Result<Option<VerslagDto>> {
    state
        .with_dossier_off(move |d| Ok(view(d, i64::from(entry_id))?))
        .await
}

/// The text core reads from an attachment; empty for a photo (the user types it).
#[tauri::command]
#[specta::specta]
pub async fn attachment_text(state: State<'_, AppState>, attachment_id: u32) -> Result<String> {
    state
        .with_dossier_off(move |d| Ok(d.attachment_text(i64::from(attachment_id))?))
        .await
}

/// Chooses the attachment that is the verslag (with typed text for a photo).
#[tauri::command]
#[specta::specta]
pub async fn set_verslag(
    state: State<'_, AppState>,
    entry_id: u32,
    attachment_id: u32,
    typed_text: String,
) -> Result<Option<VerslagDto>> {
    let id = i64::from(entry_id);
    state
        .with_dossier_off(move |d| {
            d.set_verslag(id, i64::from(attachment_id), &typed_text, &SystemClock)?;
            Ok(view(d, id)?)
        })
        .await
}

/// No file is the verslag any more (only while no statement quotes it).
#[tauri::command]
#[specta::specta]
pub async fn clear_verslag(state: State<'_, AppState>, entry_id: u32) -> Result<()> {
    state
        .with_dossier_off(move |d| {
            d.clear_verslag(i64::from(entry_id), &SystemClock)?;
            Ok(())
        })
        .await
}

/// Adds a statement; returns the verslag as it is now.
#[tauri::command]
#[specta::specta]
pub async fn add_statement(
    state: State<'_, AppState>,
    entry_id: u32,
    statement: StatementInputDto,
) -> Result<Option<VerslagDto>> {
    let id = i64::from(entry_id);
    let input = StatementInput::try_from(statement)?;
    state
        .with_dossier_off(move |d| {
            d.add_statement(id, &input, &SystemClock)?;
            Ok(view(d, id)?)
        })
        .await
}

/// Changes statement `n`.
#[tauri::command]
#[specta::specta]
pub async fn change_statement(
    state: State<'_, AppState>,
    entry_id: u32,
    n: u32,
    statement: StatementInputDto,
) -> Result<Option<VerslagDto>> {
    let id = i64::from(entry_id);
    let input = StatementInput::try_from(statement)?;
    state
        .with_dossier_off(move |d| {
            d.change_statement(id, n, &input, &SystemClock)?;
            Ok(view(d, id)?)
        })
        .await
}

/// Removes statement `n` (the history keeps it).
#[tauri::command]
#[specta::specta]
pub async fn remove_statement(
    state: State<'_, AppState>,
    entry_id: u32,
    n: u32,
) -> Result<Option<VerslagDto>> {
    let id = i64::from(entry_id);
    state
        .with_dossier_off(move |d| {
            d.remove_statement(id, n, &SystemClock)?;
            Ok(view(d, id)?)
        })
        .await
}

/// The correction letter's blanks from the statements, for the letter screen.
#[tauri::command]
#[specta::specta]
pub async fn correction_fills(state: State<'_, AppState>, entry_id: u32) -> Result<Vec<FillDto>> {
    state
        .with_dossier_off(move |d| {
            Ok(d.correction_fills(i64::from(entry_id))?
                .into_iter()
                .map(|(key, value)| FillDto { key, value })
                .collect())
        })
        .await
}
