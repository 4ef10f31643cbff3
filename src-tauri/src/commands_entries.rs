//! IPC commands for the timeline, entries, history, search, people, attachments and
//! undo. Each converts wire types, calls core, converts back; nothing more.

use dossier_core::{Dossier, EntryData, EntryFilter, PageStart, SystemClock};
use tauri::State;

use crate::dto_entries::{
    names_of, parse_period, AttachmentDto, EntryDetailDto, EntryFieldsDto, EntryRowDto,
    KlantmanagerPeriodDto, MonthCountDto, Names, PageStartDto, PersonDto, PersonFieldsDto,
    PreviewDto, TimelineFilterDto, TimelinePageDto, VersionDto,
};
use crate::error::IpcError;
use crate::grants::Purpose;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// The most rows one timeline request may ask for.
const MAX_PAGE: u32 = 500;

fn names(d: &Dossier) -> Result<Names> {
    Ok(names_of(&d.people()?))
}

pub(crate) fn detail(d: &Dossier, id: i64) -> Result<EntryDetailDto> {
    let e = d.entry(id)?;
    let klantmanager = d.klantmanager_on(e.data.occurred_on)?;
    let attachments = d.attachments(id)?;
    Ok(EntryDetailDto::new(
        &e,
        &names(d)?,
        klantmanager,
        attachments,
    ))
}

/// One page of the timeline (`limit` rows from `start`), in date order.
#[tauri::command]
#[specta::specta]
pub async fn timeline_page(
    state: State<'_, AppState>,
    filter: TimelineFilterDto,
    newest_first: bool,
    start: PageStartDto,
    limit: u32,
) -> Result<TimelinePageDto> {
    let filter = EntryFilter::try_from(filter)?;
    let start = PageStart::try_from(start)?;
    state.with_dossier(|d| {
        let page = d.timeline_page(&filter, newest_first, &start, limit.min(MAX_PAGE))?;
        let names = names(d)?;
        Ok(TimelinePageDto {
            entries: page.iter().map(|e| EntryRowDto::new(e, &names)).collect(),
        })
    })
}

/// Matching entries per month (`YYYY-MM`), oldest month first.
#[tauri::command]
#[specta::specta]
pub async fn month_counts(
    state: State<'_, AppState>,
    filter: TimelineFilterDto,
) -> Result<Vec<MonthCountDto>> {
    let filter = EntryFilter::try_from(filter)?;
    state.with_dossier(|d| {
        Ok(d.month_counts(&filter)?
            .into_iter()
            .map(|(month, count)| MonthCountDto { month, count })
            .collect())
    })
}

#[tauri::command]
#[specta::specta]
pub async fn get_entry(state: State<'_, AppState>, id: u32) -> Result<EntryDetailDto> {
    state.with_dossier(|d| detail(d, i64::from(id)))
}

/// Adds an entry (`id` null) or changes one, keeping the earlier version with `reason`.
#[tauri::command]
#[specta::specta]
pub async fn save_entry(
    state: State<'_, AppState>,
    id: Option<u32>,
    fields: EntryFieldsDto,
    reason: String,
) -> Result<EntryDetailDto> {
    let mut data = EntryData::try_from(fields)?;
    state.with_dossier(|d| {
        let saved = match id {
            None => d.add_entry(&data, &SystemClock)?,
            Some(id) => {
                // The editor does not show the verslag: the entry keeps its own.
                data.verslag = d.entry(i64::from(id))?.data.verslag;
                d.update_entry(i64::from(id), &data, &reason, &SystemClock)?
            }
        };
        detail(d, saved.id)
    })
}

/// Deletes an entry; it stays visible as a tombstone with `reason`.
#[tauri::command]
#[specta::specta]
pub async fn delete_entry(
    state: State<'_, AppState>,
    id: u32,
    reason: String,
) -> Result<EntryDetailDto> {
    state.with_dossier(|d| {
        d.delete_entry(i64::from(id), &reason, &SystemClock)?;
        detail(d, i64::from(id))
    })
}

/// Undoes the latest change to entry `id` as a new version (see core `undo`).
#[tauri::command]
#[specta::specta]
pub async fn undo_change(state: State<'_, AppState>, id: u32) -> Result<EntryDetailDto> {
    state.with_dossier(|d| {
        d.undo_last_change(i64::from(id), &SystemClock)?;
        detail(d, i64::from(id))
    })
}

/// Every version of an entry, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn entry_history(state: State<'_, AppState>, id: u32) -> Result<Vec<VersionDto>> {
    state.with_dossier(|d| {
        Ok(d.history_with_data(i64::from(id))?
            .iter()
            .map(|(v, data)| VersionDto::new(v, data))
            .collect())
    })
}

/// Live entries matching what the user typed, best match first.
#[tauri::command]
#[specta::specta]
pub async fn search_entries(
    state: State<'_, AppState>,
    query: String,
    limit: u32,
) -> Result<Vec<EntryRowDto>> {
    state
        .with_dossier_off(move |d| {
            let found = d.search(&query, limit.min(MAX_PAGE))?;
            let names = names(d)?;
            Ok(found.iter().map(|e| EntryRowDto::new(e, &names)).collect())
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn list_people(state: State<'_, AppState>) -> Result<Vec<PersonDto>> {
    state.with_dossier(|d| Ok(d.people()?.into_iter().map(PersonDto::from).collect()))
}

#[tauri::command]
#[specta::specta]
pub async fn add_person(state: State<'_, AppState>, person: PersonFieldsDto) -> Result<PersonDto> {
    state.with_dossier(|d| Ok(d.add_person(&person.into(), &SystemClock)?.into()))
}

#[tauri::command]
#[specta::specta]
pub async fn update_person(
    state: State<'_, AppState>,
    id: u32,
    person: PersonFieldsDto,
) -> Result<PersonDto> {
    state.with_dossier(|d| Ok(d.update_person(i64::from(id), &person.into())?.into()))
}

/// Undo of adding a person: removed only while nothing in the dossier names them.
#[tauri::command]
#[specta::specta]
pub async fn remove_unused_person(state: State<'_, AppState>, id: u32) -> Result<()> {
    state.with_dossier(|d| Ok(d.remove_unused_person(i64::from(id))?))
}

/// The person with exactly this name, or a new one with `role` (quick capture's "who?").
#[tauri::command]
#[specta::specta]
pub async fn find_or_add_person(
    state: State<'_, AppState>,
    name: String,
    role: String,
) -> Result<PersonDto> {
    state.with_dossier(|d| {
        Ok(
            d.find_or_add_person(name.trim(), role.trim(), &SystemClock)?
                .into(),
        )
    })
}

#[tauri::command]
#[specta::specta]
pub async fn klantmanager_periods(
    state: State<'_, AppState>,
) -> Result<Vec<KlantmanagerPeriodDto>> {
    state.with_dossier(|d| {
        let names = names(d)?;
        Ok(d.klantmanager_periods()?
            .iter()
            .map(|p| KlantmanagerPeriodDto::new(p, &names))
            .collect())
    })
}

#[tauri::command]
#[specta::specta]
pub async fn add_klantmanager_period(
    state: State<'_, AppState>,
    person_id: u32,
    from_on: String,
    to_on: Option<String>,
) -> Result<KlantmanagerPeriodDto> {
    let (from_on, to_on) = parse_period(&from_on, &to_on)?;
    state.with_dossier(|d| {
        let p = d.add_klantmanager_period(i64::from(person_id), from_on, to_on)?;
        Ok(KlantmanagerPeriodDto::new(&p, &names(d)?))
    })
}

/// Reads the file the user dropped or picked (`file`, a handle to read) into the
/// dossier. Reading, hashing and previewing up to 200 MB runs off the async runtime.
/// When `read_file_text` already read this file (the guided capture reads a letter's
/// photo before its entry exists), that text becomes its read layer, not read again.
#[tauri::command]
#[specta::specta]
pub async fn attach_file(
    state: State<'_, AppState>,
    entry_id: u32,
    file: u32,
) -> Result<AttachmentDto> {
    let path = state.granted(file, Purpose::Read)?;
    let read = state.shared()?.take_file_read(file);
    state
        .with_dossier_off(move |d| {
            let a = d.attach_file(i64::from(entry_id), &path, &SystemClock)?;
            if let Some(read) = read {
                d.save_read_text(a.id, &read, &SystemClock)?;
            }
            Ok(a.into())
        })
        .await
}

#[tauri::command]
#[specta::specta]
pub async fn attachment_preview(state: State<'_, AppState>, id: u32) -> Result<PreviewDto> {
    state.with_dossier(|d| Ok(d.preview(i64::from(id))?.into()))
}

/// Writes a copy of an attachment to the file the user chose in the save dialog
/// (`target`, a handle to write; an explicit export).
#[tauri::command]
#[specta::specta]
pub async fn save_attachment_copy(state: State<'_, AppState>, id: u32, target: u32) -> Result<()> {
    let path = state.granted(target, Purpose::Write)?;
    let bytes = state.with_dossier(|d| Ok(d.attachment_bytes(i64::from(id))?))?;
    let what = "save a copy of the attachment";
    // Private (0600): the copy may be a medical letter.
    dossier_core::vault::private_options()
        .truncate(true)
        .open(&path)
        .and_then(|mut f| std::io::Write::write_all(&mut f, &bytes))
        .map_err(|e| IpcError::from(dossier_core::Error::io(what, e)))?;
    dossier_core::vault::private_file(&path).map_err(IpcError::from)
}
