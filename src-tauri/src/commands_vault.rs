//! Commands that replace secrets (new recovery code, full re-key), hold auto-lock while
//! a recovery code is on screen, and quit the app the orderly way.

use dossier_core::vault::RekeyStep;
use dossier_core::KdfParams;
use ring::rand::SystemRandom;
use tauri::{AppHandle, State};
use tauri_specta::Event;
use zeroize::Zeroizing;

use crate::dto::{RekeyPhase, RekeyProgress};
use crate::error::IpcError;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// "Nieuwe herstelcode": after the current passphrase, a new recovery code replaces the
/// old one. Returns the new code, to be shown once and confirmed.
#[tauri::command]
#[specta::specta]
pub async fn new_recovery_code(state: State<'_, AppState>, current: String) -> Result<String> {
    let current = Zeroizing::new(current);
    state
        .with_dossier_off(move |d| {
            d.check_passphrase(&current)?;
            let code = d.new_recovery_code(&SystemRandom::new())?;
            Ok(code.display().to_string())
        })
        .await
}

/// "Alles opnieuw versleutelen": a new data key for the database, wrapped for the
/// current passphrase and a new recovery code (returned). Progress as `rekey-progress`.
#[tauri::command]
#[specta::specta]
pub async fn rekey_dossier(
    app: AppHandle,
    state: State<'_, AppState>,
    current: String,
) -> Result<String> {
    let current = Zeroizing::new(current);
    state
        .with_dossier_off(move |d| {
            d.check_passphrase(&current)?;
            let mut progress = |step: RekeyStep| {
                let (phase, pages) = match step {
                    RekeyStep::Preparing => (RekeyPhase::Preparing, 0),
                    RekeyStep::Rewriting { pages } => (RekeyPhase::Rewriting, pages),
                    RekeyStep::Rewrapping => (RekeyPhase::Rewrapping, 0),
                    _ => (RekeyPhase::Done, 0),
                };
                let pages = u32::try_from(pages).unwrap_or(u32::MAX);
                let _ = RekeyProgress { phase, pages }.emit(&app);
            };
            let code = d.rekey(
                &current,
                &KdfParams::DEFAULT,
                &SystemRandom::new(),
                &mut progress,
            )?;
            Ok(code.display().to_string())
        })
        .await
}

/// While a recovery code is on screen (and until it is confirmed) auto-lock waits:
/// locking then would lose the only copy of the new code.
#[tauri::command]
#[specta::specta]
pub fn hold_autolock(state: State<'_, AppState>, hold: bool) {
    state.hold_autolock(hold);
}

/// The UI says whether an editor holds unsaved text; closing the window then asks
/// first (event `close-requested`) instead of closing.
#[tauri::command]
#[specta::specta]
pub fn set_editor_dirty(state: State<'_, AppState>, dirty: bool) {
    state.set_editor_dirty(dirty);
}

/// Ctrl+Q: quit the orderly way (the dossier is checkpointed and closed on exit).
#[tauri::command]
#[specta::specta]
pub fn quit_app(app: AppHandle, state: State<'_, AppState>) {
    state.lock_now();
    app.exit(0);
}
