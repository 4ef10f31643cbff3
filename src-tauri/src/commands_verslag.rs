//! IPC commands for "their record against mine" (issue 14 part 3): the entry's verslag
//! (which attachment, its text), the statements about it, and the correction letter's
//! blanks made from them. Each converts wire types, calls core, converts back. All run
//! on the blocking pool: each re-hashes the verslag's file (up to 200 MB) and reads its
//! text (a long PDF), so a lock never waits for them.

use dossier_core::{Dossier, StatementInput, SystemClock};
use tauri::State;

use crate::dto_letters::FillDto;
use crate::dto_verslag::{StatementDto, VerslagDto};
use crate::error::IpcError;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// Runs `f` on entry `entry_id` off the runtime, then returns the entry's verslag as it
/// is now (null when none is chosen): what every command that changes it answers.
async fn with_view<T>(
    state: &AppState,
    entry_id: u32,
    f: impl FnOnce(&mut Dossier, i64) -> dossier_core::Result<T> + Send + 'static,
) -> Result<Option<VerslagDto>> {
    let id = i64::from(entry_id);
    state
        .with_dossier_off(move |d| {
            f(d, id)?;
            Ok(d.verslag(id)?.map(VerslagDto::from))
        })
        .await
}

/// The entry's verslag with its text, sentences and statements; null when none is
/// chosen yet. `verslag_changed` when its file no longer hashes to the pin.
#[tauri::command]
#[specta::specta]
pub async fn get_verslag(state: State<'_, AppState>, entry_id: u32) -> Result<Option<VerslagDto>> {
    with_view(&state, entry_id, |_, _| Ok(())).await
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
    let file = i64::from(attachment_id);
    with_view(&state, entry_id, move |d, id| {
        d.set_verslag(id, file, &typed_text, &SystemClock)
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
    statement: StatementDto,
) -> Result<Option<VerslagDto>> {
    let input = StatementInput::try_from(statement)?;
    with_view(&state, entry_id, move |d, id| {
        d.add_statement(id, &input, &SystemClock)
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
    statement: StatementDto,
) -> Result<Option<VerslagDto>> {
    let input = StatementInput::try_from(statement)?;
    with_view(&state, entry_id, move |d, id| {
        d.change_statement(id, n, &input, &SystemClock)
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
    with_view(&state, entry_id, move |d, id| {
        d.remove_statement(id, n, &SystemClock)
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
