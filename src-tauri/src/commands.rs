//! The IPC commands: each one converts wire types, calls core, converts back. Anything
//! more belongs in `dossier-core`.

use std::path::Path;

use dossier_core::{Dossier, KdfParams, RecoveryCode, SystemClock, Unlock};
use ring::rand::SystemRandom;
use tauri::State;
use zeroize::Zeroizing;

use crate::dto::{
    AppInfo, CreatedDossier, DossierSummary, EntryDto, NewEntryDto, RecentDossier, Settings,
};
use crate::error::IpcError;
use crate::grants::Purpose;
use crate::settings::AUTO_LOCK_RANGE;
use crate::state::off_runtime;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

fn folder_name(dir: &Path) -> String {
    dir.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| dir.display().to_string())
}

fn summary(state: &AppState, d: &Dossier) -> Result<DossierSummary> {
    Ok(DossierSummary {
        dir: d.dir().display().to_string(),
        name: folder_name(d.dir()),
        place: state.grant(d.dir().to_path_buf(), Purpose::Dossier),
        entry_count: u32::try_from(d.entry_count()?).unwrap_or(u32::MAX),
    })
}

fn remember(state: &AppState, dir: &Path) {
    let mut s = state.settings();
    s.remember(dir);
    // Failing to remember a folder must not fail the unlock itself.
    let _ = s.save(&state.config_dir);
}

#[tauri::command]
#[specta::specta]
pub fn app_info(state: State<'_, AppState>) -> AppInfo {
    let s = state.settings().clone();
    let unlocked = state
        .shared()
        .ok()
        .and_then(|held| held.run(|d| summary(&state, d)).ok());
    AppInfo {
        version: env!("CARGO_PKG_VERSION").to_string(),
        default_dossier: state.grant(state.documents_dir.join("Dossierkluis"), Purpose::NewFolder),
        recent: s
            .recent
            .iter()
            .filter(|d| dossier_core::vault::is_dossier(d))
            .map(|d| RecentDossier {
                dir: d.display().to_string(),
                name: folder_name(d),
                place: state.grant(d.clone(), Purpose::Dossier),
            })
            .collect(),
        settings: s.public(),
        unlocked,
    }
}

#[tauri::command]
#[specta::specta]
pub async fn create_dossier(
    state: State<'_, AppState>,
    dir: u32,
    passphrase: String,
) -> Result<CreatedDossier> {
    let passphrase = Zeroizing::new(passphrase);
    let dir = state.granted(dir, Purpose::NewFolder)?;
    state.lock_now();
    let path = dir.clone();
    let (d, code) = off_runtime(move || {
        Ok(Dossier::create(
            &path,
            &passphrase,
            &KdfParams::DEFAULT,
            &SystemRandom::new(),
        )?)
    })
    .await?;
    let summary = summary(&state, &d)?;
    state.set_unlocked(d);
    remember(&state, &dir);
    Ok(CreatedDossier {
        recovery_code: code.display().to_string(),
        summary,
    })
}

#[tauri::command]
#[specta::specta]
pub async fn open_dossier(
    state: State<'_, AppState>,
    dir: u32,
    passphrase: String,
) -> Result<DossierSummary> {
    let passphrase = Zeroizing::new(passphrase);
    let dir = state.granted(dir, Purpose::Dossier)?;
    // The app holds one dossier; its lock must go before this one can be taken.
    state.lock_now();
    let path = dir.clone();
    let d = off_runtime(move || Ok(Dossier::open(&path, Unlock::Passphrase(&passphrase))?)).await?;
    let summary = summary(&state, &d)?;
    state.set_unlocked(d);
    remember(&state, &dir);
    Ok(summary)
}

/// "I forgot my passphrase": open with the recovery code and set a new passphrase.
#[tauri::command]
#[specta::specta]
pub async fn recover_dossier(
    state: State<'_, AppState>,
    dir: u32,
    recovery_code: String,
    new_passphrase: String,
) -> Result<DossierSummary> {
    let new_passphrase = Zeroizing::new(new_passphrase);
    let code = RecoveryCode::parse(&Zeroizing::new(recovery_code))?;
    let dir = state.granted(dir, Purpose::Dossier)?;
    // Check the new passphrase before the slow work, so a short one costs nothing.
    if new_passphrase.chars().count() < dossier_core::vault::MIN_PASSPHRASE_CHARS {
        return Err(dossier_core::Error::PassphraseTooShort {
            min: dossier_core::vault::MIN_PASSPHRASE_CHARS,
        }
        .into());
    }
    state.lock_now();
    let path = dir.clone();
    let d = off_runtime(move || {
        let mut d = Dossier::open(&path, Unlock::RecoveryCode(&code))?;
        d.change_passphrase(&new_passphrase, &KdfParams::DEFAULT, &SystemRandom::new())?;
        Ok(d)
    })
    .await?;
    let summary = summary(&state, &d)?;
    state.set_unlocked(d);
    remember(&state, &dir);
    Ok(summary)
}

#[tauri::command]
#[specta::specta]
pub async fn change_passphrase(
    state: State<'_, AppState>,
    current: String,
    new_passphrase: String,
) -> Result<()> {
    let current = Zeroizing::new(current);
    let new_passphrase = Zeroizing::new(new_passphrase);
    state
        .with_dossier_off(move |d| {
            d.check_passphrase(&current)?;
            d.change_passphrase(&new_passphrase, &KdfParams::DEFAULT, &SystemRandom::new())?;
            Ok(())
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub fn lock_dossier(state: State<'_, AppState>) {
    state.lock_now();
}

#[tauri::command]
#[specta::specta]
pub async fn list_entries(state: State<'_, AppState>) -> Result<Vec<EntryDto>> {
    state.with_dossier(|d| Ok(d.entries()?.into_iter().map(EntryDto::from).collect()))
}

#[tauri::command]
#[specta::specta]
pub async fn add_entry(state: State<'_, AppState>, entry: NewEntryDto) -> Result<EntryDto> {
    let entry = entry.try_into()?;
    state.with_dossier(|d| Ok(d.add_entry(&entry, &SystemClock)?.into()))
}

#[tauri::command]
#[specta::specta]
pub fn save_settings(state: State<'_, AppState>, settings: Settings) -> Result<Settings> {
    if !AUTO_LOCK_RANGE.contains(&settings.auto_lock_minutes) {
        return Err(dossier_core::Error::Invalid(format!(
            "auto-lock must be between {} and {} minutes",
            AUTO_LOCK_RANGE.start(),
            AUTO_LOCK_RANGE.end()
        ))
        .into());
    }
    state.touch();
    let mut s = state.settings();
    s.language = settings.language;
    s.auto_lock_minutes = settings.auto_lock_minutes;
    s.save(&state.config_dir)
        .map_err(|e| IpcError::from(dossier_core::Error::io("save the settings", e)))?;
    Ok(s.public())
}

#[tauri::command]
#[specta::specta]
pub fn forget_recent(state: State<'_, AppState>, dir: u32) -> Result<()> {
    let dir = state.granted(dir, Purpose::Dossier)?;
    let mut s = state.settings();
    s.forget(&dir);
    let _ = s.save(&state.config_dir);
    Ok(())
}

/// Activity ping from the UI (key presses, clicks), throttled there.
#[tauri::command]
#[specta::specta]
pub fn touch(state: State<'_, AppState>) {
    state.touch();
}
