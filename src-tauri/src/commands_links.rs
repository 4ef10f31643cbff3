//! IPC commands for links between entries ("this letter is the objection against that
//! decision"). Each converts wire types, calls core, converts back; nothing more.

use dossier_core::{Dossier, EntryLink, LinkKind, SystemClock};
use serde::Serialize;
use specta::Type;
use tauri::State;

use crate::dto_entries::wire_id;
use crate::error::IpcError;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// One link of an entry, seen from that entry, with enough of the other entry to name it.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EntryLinkDto {
    pub from_id: u32,
    pub to_id: u32,
    /// `reply-to`, `objection-against` or `same-decision`.
    pub kind: String,
    pub other_id: u32,
    pub other_title: String,
    /// `YYYY-MM-DD`.
    pub other_date: String,
    /// The other entry's kind name (`letter-in`, `decision`, …).
    pub other_kind: String,
    /// `outgoing` (this entry is `from`) or `incoming` (this entry is `to`).
    pub direction: String,
}

fn link_of(from_id: u32, to_id: u32, kind: &str) -> Result<EntryLink> {
    Ok(EntryLink {
        from_id: i64::from(from_id),
        to_id: i64::from(to_id),
        kind: LinkKind::from_name(kind)?,
    })
}

fn links_dto(d: &Dossier, id: i64) -> Result<Vec<EntryLinkDto>> {
    d.links(id)?
        .iter()
        .map(|l| {
            let outgoing = l.from_id == id;
            let other_id = if outgoing { l.to_id } else { l.from_id };
            let other = d.entry(other_id)?;
            Ok(EntryLinkDto {
                from_id: wire_id(l.from_id),
                to_id: wire_id(l.to_id),
                kind: l.kind.name().to_string(),
                other_id: wire_id(other_id),
                other_title: other.data.title.clone(),
                other_date: other.data.occurred_on.to_string(),
                other_kind: other.data.kind.name().to_string(),
                direction: if outgoing { "outgoing" } else { "incoming" }.to_string(),
            })
        })
        .collect()
}

/// Every link that starts or ends at entry `id`.
#[tauri::command]
#[specta::specta]
pub async fn entry_links(state: State<'_, AppState>, id: u32) -> Result<Vec<EntryLinkDto>> {
    state.with_dossier(|d| links_dto(d, i64::from(id)))
}

/// Links entry `from_id` to `to_id` (a new version of `from_id`).
#[tauri::command]
#[specta::specta]
pub async fn link_entries(
    state: State<'_, AppState>,
    from_id: u32,
    to_id: u32,
    kind: String,
) -> Result<()> {
    let link = link_of(from_id, to_id, &kind)?;
    state.with_dossier(|d| Ok(d.link_entries(&link, &SystemClock)?))
}

/// Removes a link (a new version of `from_id`; the earlier one still shows it).
#[tauri::command]
#[specta::specta]
pub async fn unlink_entries(
    state: State<'_, AppState>,
    from_id: u32,
    to_id: u32,
    kind: String,
) -> Result<()> {
    let link = link_of(from_id, to_id, &kind)?;
    state.with_dossier(|d| Ok(d.unlink_entries(&link, &SystemClock)?))
}
