//! Wire types (DTOs) for IPC, with explicit conversions from core types, so the
//! domain can change without silently changing what the UI receives.

use dossier_core::{Entry, EntryKind, NewEntry};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri_specta::Event;

use crate::error::IpcError;
use crate::grants::PickedFile;

#[derive(Debug, Clone, Copy, Serialize, Deserialize, Type, PartialEq, Eq)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Nl,
    En,
}

#[derive(Debug, Clone, Serialize, Deserialize, Type, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    pub language: Language,
    pub auto_lock_minutes: u32,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RecentDossier {
    /// Display text only: commands take `place`'s handle.
    pub dir: String,
    pub name: String,
    pub place: PickedFile,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct DossierSummary {
    /// Display text only: commands take handles.
    pub dir: String,
    pub name: String,
    /// This folder as a handle to open it again (after a lock).
    pub place: PickedFile,
    pub entry_count: u32,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    pub version: String,
    /// Where a new dossier goes unless the user picks another folder.
    pub default_dossier: PickedFile,
    pub recent: Vec<RecentDossier>,
    pub settings: Settings,
    pub unlocked: Option<DossierSummary>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CreatedDossier {
    pub recovery_code: String,
    pub summary: DossierSummary,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EntryDto {
    pub id: u32,
    pub kind: String,
    pub occurred_on: String,
    pub title: String,
    pub notes: String,
    pub created_at: String,
}

impl From<Entry> for EntryDto {
    fn from(e: Entry) -> Self {
        EntryDto {
            id: u32::try_from(e.id).unwrap_or(u32::MAX),
            kind: e.data.kind.name().to_string(),
            occurred_on: e.data.occurred_on.to_string(),
            title: e.data.title,
            notes: e.data.notes,
            created_at: e.created_at,
        }
    }
}

#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NewEntryDto {
    pub kind: String,
    pub occurred_on: String,
    pub title: String,
    pub notes: String,
}

impl TryFrom<NewEntryDto> for NewEntry {
    type Error = IpcError;

    fn try_from(d: NewEntryDto) -> Result<Self, IpcError> {
        Ok(NewEntry {
            notes: d.notes,
            ..NewEntry::new(
                EntryKind::from_name(&d.kind)?,
                dossier_core::entry::parse_date(&d.occurred_on)?,
                d.title,
            )
        })
    }
}

#[derive(Debug, Clone, Copy, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum LockReason {
    Idle,
    Suspend,
    User,
}

/// Event `dossier-locked`: the backend locked the dossier by itself (idle, suspend);
/// the UI must drop every piece of dossier data it holds.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct DossierLocked {
    pub reason: LockReason,
}

/// Where a re-key is ("Alles opnieuw versleutelen").
#[derive(Debug, Clone, Copy, Serialize, Deserialize, Type)]
#[serde(rename_all = "lowercase")]
pub enum RekeyPhase {
    Preparing,
    Rewriting,
    Rewrapping,
    Done,
}

/// Event `rekey-progress`: the step of a running re-key, for its progress bar.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct RekeyProgress {
    pub phase: RekeyPhase,
    /// The pages being re-encrypted (in the `rewriting` phase).
    pub pages: u32,
}

/// Event `close-requested`: the window's close button was pressed while an editor held
/// unsaved text; the UI asks, then calls `quit_app` or stays.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
pub struct CloseRequested;
