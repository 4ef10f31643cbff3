//! IPC commands for backups (F11): the home view's reminder, making a backup with a
//! progress event, checking one, and restoring into a new folder or in place. Files
//! are named by handles (grants.rs): the suggested backup and safety files are Rust's
//! own choice, any other the user's in a dialog. The slow work runs off the async
//! runtime; making a backup holds the dossier only while its snapshot connection is
//! opened, so the app stays usable (and lockable) meanwhile.

use std::path::Path;

use dossier_core::backup::{self, BackupSummary, ManifestBody, Phase, Progress};
use dossier_core::{Error, KdfParams, RecoveryCode, SystemClock};
use ring::rand::SystemRandom;
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, State};
use tauri_specta::Event;
use zeroize::Zeroizing;

use crate::error::IpcError;
use crate::grants::{PickedFile, Purpose};
use crate::state::off_runtime;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// Event `backup-progress`: how far a backup, check or restore is.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct BackupProgress {
    /// copy, encrypt, decrypt, verify or restore.
    pub phase: String,
    /// 0–100, or null while a step has no byte count.
    pub percent: Option<u32>,
}

fn emitter(app: &AppHandle) -> impl FnMut(Progress) + '_ {
    move |p: Progress| {
        let phase = match p.phase {
            Phase::Copy => "copy",
            Phase::Encrypt => "encrypt",
            Phase::Decrypt => "decrypt",
            Phase::Verify => "verify",
            Phase::Restore => "restore",
        };
        let percent = (p.total > 0).then(|| (p.done.saturating_mul(100) / p.total) as u32);
        let _ = BackupProgress {
            phase: phase.into(),
            percent,
        }
        .emit(app);
    }
}

/// What the home view says about backups.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupStatusDto {
    /// RFC 3339 UTC, or null when there never was a backup.
    pub last_backup_at: Option<String>,
    pub days_since: Option<u32>,
    pub entries_since: u32,
    /// Time to ask for a backup (30 days or 20 new entries).
    pub due: bool,
    /// Where a backup goes unless the user chooses another file (a handle to write):
    /// `Dossierkluis-reservekopie-YYYY-MM-DD.age` in Documents.
    pub suggested: PickedFile,
    /// The same for the safety backup before a restore in place.
    pub suggested_safety: PickedFile,
}

/// What a backup holds.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct BackupSummaryDto {
    /// RFC 3339 UTC.
    pub created_at: String,
    pub entries: u32,
    pub first_on: Option<String>,
    pub last_on: Option<String>,
    pub attachments: u32,
    pub bytes: u32,
    pub path: String,
    /// Only for a backup just made: it went to the dossier's own disk.
    pub same_disk: bool,
}

fn n(x: u64) -> u32 {
    u32::try_from(x).unwrap_or(u32::MAX)
}

fn summary_dto(body: &ManifestBody, bytes: u64, path: &Path, same_disk: bool) -> BackupSummaryDto {
    BackupSummaryDto {
        created_at: body.created_at.clone(),
        entries: n(body.entries),
        first_on: body.first_on.clone(),
        last_on: body.last_on.clone(),
        attachments: n(body.attachments),
        bytes: n(bytes),
        path: path.display().to_string(),
        same_disk,
    }
}

fn code(typed: String) -> Result<RecoveryCode> {
    Ok(RecoveryCode::parse(&Zeroizing::new(typed))?)
}

#[tauri::command]
#[specta::specta]
pub async fn backup_status(state: State<'_, AppState>) -> Result<BackupStatusDto> {
    let day = chrono::Utc::now().format("%Y-%m-%d");
    let suggested = state.grant(
        state
            .documents_dir
            .join(format!("Dossierkluis-reservekopie-{day}.age")),
        Purpose::Write,
    );
    let suggested_safety = state.grant(
        state.documents_dir.join(format!(
            "Dossierkluis-reservekopie-{day}-veiligheidskopie.age"
        )),
        Purpose::Write,
    );
    state.with_dossier(|d| {
        let r = d.backup_reminder(&SystemClock)?;
        Ok(BackupStatusDto {
            last_backup_at: r.last_backup_at,
            days_since: r
                .days_since
                .map(|x| u32::try_from(x.max(0)).unwrap_or(u32::MAX)),
            entries_since: n(r.entries_since),
            due: r.due,
            suggested,
            suggested_safety,
        })
    })
}

/// Makes a backup to `target` (a handle to write; the file must not exist), sending
/// `backup-progress`.
#[tauri::command]
#[specta::specta]
pub async fn make_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    target: u32,
) -> Result<BackupSummaryDto> {
    let path = state.granted(target, Purpose::Write)?;
    let source = state.with_dossier(|d| Ok(d.backup_source()?))?;
    let handle = app.clone();
    let target = path.clone();
    let report =
        off_runtime(move || Ok(source.write(&target, &SystemClock, &mut emitter(&handle))?))
            .await?;
    state.with_dossier(|d| Ok(d.record_backup(&report)?))?;
    Ok(summary_dto(
        &report.body,
        report.bytes,
        &path,
        report.same_disk,
    ))
}

fn checked(app: &AppHandle, path: &Path, code: &RecoveryCode) -> Result<BackupSummary> {
    Ok(backup::check_backup(
        path,
        code,
        &std::env::temp_dir(),
        &SystemRandom::new(),
        &mut emitter(app),
    )?)
}

/// Decrypts and checks a backup fully without restoring it.
#[tauri::command]
#[specta::specta]
pub async fn check_backup(
    app: AppHandle,
    state: State<'_, AppState>,
    file: u32,
    recovery_code: String,
) -> Result<BackupSummaryDto> {
    let path = state.granted(file, Purpose::Read)?;
    let code = code(recovery_code)?;
    let p = path.clone();
    let s = off_runtime(move || checked(&app, &p, &code)).await?;
    Ok(summary_dto(&s.body, s.bytes, &path, false))
}

/// How a backup compares with the open dossier, before restoring it in place.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RestorePreviewDto {
    pub backup: BackupSummaryDto,
    /// Entries written in the dossier after the backup: lost on restore.
    pub lost_entries: u32,
    /// Changes (new entries, edits, deletions) the backup does not have.
    pub lost_changes: u32,
    pub other_dossier: bool,
}

#[tauri::command]
#[specta::specta]
pub async fn preview_restore(
    app: AppHandle,
    state: State<'_, AppState>,
    file: u32,
    recovery_code: String,
) -> Result<RestorePreviewDto> {
    let path = state.granted(file, Purpose::Read)?;
    let code = code(recovery_code)?;
    let p = path.clone();
    let s = off_runtime(move || checked(&app, &p, &code)).await?;
    let cmp = state.with_dossier(|d| Ok(d.compare_with_backup(&s.body)?))?;
    Ok(RestorePreviewDto {
        backup: summary_dto(&s.body, s.bytes, &path, false),
        lost_entries: n(cmp.lost_entries),
        lost_changes: n(cmp.lost_versions),
        other_dossier: cmp.other_dossier,
    })
}

/// Replaces the open dossier's contents by the backup (`file`, a handle to read),
/// after a safety backup of it to `safety` (a handle to write). The passphrase and
/// recovery code stay as they are.
#[tauri::command]
#[specta::specta]
pub async fn restore_in_place(
    app: AppHandle,
    state: State<'_, AppState>,
    file: u32,
    recovery_code: String,
    safety: u32,
) -> Result<BackupSummaryDto> {
    let path = state.granted(file, Purpose::Read)?;
    let safety = state.granted(safety, Purpose::Write)?;
    let code = code(recovery_code)?;
    let p = path.clone();
    // The dossier is busy for the whole swap; nothing else may write meanwhile.
    let report = state
        .with_dossier_off(move |d| {
            Ok(d.restore_in_place(
                &p,
                &code,
                &safety,
                &SystemClock,
                &SystemRandom::new(),
                &mut emitter(&app),
            )?)
        })
        .await?;
    Ok(summary_dto(
        &report.restored.body,
        report.restored.bytes,
        &path,
        false,
    ))
}

/// Restores a backup (`file`, a handle to read) into a new, empty folder (`dir`, a
/// handle for a new dossier), with a new passphrase.
#[tauri::command]
#[specta::specta]
pub async fn restore_to_folder(
    app: AppHandle,
    state: State<'_, AppState>,
    file: u32,
    recovery_code: String,
    dir: u32,
    new_passphrase: String,
) -> Result<BackupSummaryDto> {
    let path = state.granted(file, Purpose::Read)?;
    let dir = state.granted(dir, Purpose::NewFolder)?;
    let code = code(recovery_code)?;
    let pass = Zeroizing::new(new_passphrase);
    if pass.chars().count() < dossier_core::vault::MIN_PASSPHRASE_CHARS {
        return Err(Error::PassphraseTooShort {
            min: dossier_core::vault::MIN_PASSPHRASE_CHARS,
        }
        .into());
    }
    let p = path.clone();
    let s = off_runtime(move || {
        Ok(backup::restore_backup(
            &p,
            &code,
            &dir,
            &pass,
            &KdfParams::DEFAULT,
            &SystemRandom::new(),
            &mut emitter(&app),
        )?)
    })
    .await?;
    Ok(summary_dto(&s.body, s.bytes, &path, false))
}
