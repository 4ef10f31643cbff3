//! IPC commands for exemptions (F7), cases (F8) and broken contact agreements. Each
//! converts wire types, calls core, converts back; nothing more.

use dossier_core::entry::parse_date;
use dossier_core::exemption::exemption_warnings as warnings_on;
use dossier_core::export::ExportOptions;
use dossier_core::{CaseData, CaseStatus, Dossier, Exemption, ExemptionData, SystemClock};
use tauri::State;

use crate::dto_entries::{names_of, EntryRowDto};
use crate::dto_matters::{
    CaseDto, CaseFieldsDto, ExemptionDto, ExemptionFieldsDto, ExemptionWarningDto, LinkedEntryDto,
    ViolationDto,
};
use crate::error::IpcError;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

use crate::notify::today;

fn exemption_dto(d: &Dossier, e: &Exemption) -> Result<ExemptionDto> {
    let documents = e
        .data
        .entry_ids
        .iter()
        .map(|&id| Ok(LinkedEntryDto::from(&d.entry(id)?)))
        .collect::<Result<Vec<_>>>()?;
    Ok(ExemptionDto::new(e, documents))
}

fn exemptions_dto(d: &Dossier, list: &[Exemption]) -> Result<Vec<ExemptionDto>> {
    list.iter().map(|e| exemption_dto(d, e)).collect()
}

/// The live exemptions, by first day, with their documents.
#[tauri::command]
#[specta::specta]
pub async fn list_exemptions(state: State<'_, AppState>) -> Result<Vec<ExemptionDto>> {
    state.with_dossier(|d| exemptions_dto(d, &d.exemptions()?))
}

/// One exemption (also a deleted one: then `deletedAt` is set).
#[tauri::command]
#[specta::specta]
pub async fn get_exemption(state: State<'_, AppState>, id: u32) -> Result<ExemptionDto> {
    state.with_dossier(|d| exemption_dto(d, &d.exemption(i64::from(id))?))
}

/// Records an exemption and links its documents.
#[tauri::command]
#[specta::specta]
pub async fn add_exemption(
    state: State<'_, AppState>,
    fields: ExemptionFieldsDto,
) -> Result<ExemptionDto> {
    let data = ExemptionData::try_from(fields)?;
    state.with_dossier(|d| {
        let id = d.add_exemption(&data, &SystemClock)?;
        exemption_dto(d, &d.exemption(id)?)
    })
}

/// Changes an exemption; its documents become exactly `fields.entryIds`.
#[tauri::command]
#[specta::specta]
pub async fn update_exemption(
    state: State<'_, AppState>,
    id: u32,
    fields: ExemptionFieldsDto,
) -> Result<ExemptionDto> {
    let data = ExemptionData::try_from(fields)?;
    let id = i64::from(id);
    state.with_dossier(|d| {
        d.update_exemption(id, &data, &SystemClock)?;
        exemption_dto(d, &d.exemption(id)?)
    })
}

/// Deletes an exemption: hidden, not removed.
#[tauri::command]
#[specta::specta]
pub async fn delete_exemption(state: State<'_, AppState>, id: u32) -> Result<()> {
    state.with_dossier(|d| Ok(d.delete_exemption(i64::from(id), &SystemClock)?))
}

/// The live exemptions that cover `date` (`YYYY-MM-DD`, both ends inclusive).
#[tauri::command]
#[specta::specta]
pub async fn exemptions_on(state: State<'_, AppState>, date: String) -> Result<Vec<ExemptionDto>> {
    let date = parse_date(&date)?;
    state.with_dossier(|d| exemptions_dto(d, &d.exemptions_on(date)?))
}

/// Links a live entry to a live exemption as one of its documents.
#[tauri::command]
#[specta::specta]
pub async fn link_exemption_entry(
    state: State<'_, AppState>,
    exemption_id: u32,
    entry_id: u32,
) -> Result<()> {
    state
        .with_dossier(|d| Ok(d.link_exemption_entry(i64::from(exemption_id), i64::from(entry_id))?))
}

/// Unlinks a document from an exemption.
#[tauri::command]
#[specta::specta]
pub async fn unlink_exemption_entry(
    state: State<'_, AppState>,
    exemption_id: u32,
    entry_id: u32,
) -> Result<()> {
    state.with_dossier(|d| {
        Ok(d.unlink_exemption_entry(i64::from(exemption_id), i64::from(entry_id))?)
    })
}

/// The warnings today (8 and 4 weeks before an exemption ends, and just after),
/// soonest end first, each with its sentence in Dutch and English.
#[tauri::command]
#[specta::specta]
pub async fn exemption_warnings(state: State<'_, AppState>) -> Result<Vec<ExemptionWarningDto>> {
    let today = today();
    state.with_dossier(|d| {
        Ok(warnings_on(&d.exemptions()?, today)
            .iter()
            .map(ExemptionWarningDto::from)
            .collect())
    })
}

/// The live cases, most recently active first.
#[tauri::command]
#[specta::specta]
pub async fn list_cases(state: State<'_, AppState>) -> Result<Vec<CaseDto>> {
    state.with_dossier(|d| Ok(d.cases()?.iter().map(CaseDto::from).collect()))
}

/// One case (also a deleted one: then `deletedAt` is set).
#[tauri::command]
#[specta::specta]
pub async fn get_case(state: State<'_, AppState>, id: u32) -> Result<CaseDto> {
    state.with_dossier(|d| Ok(CaseDto::from(&d.case(i64::from(id))?)))
}

/// Makes a case.
#[tauri::command]
#[specta::specta]
pub async fn add_case(state: State<'_, AppState>, fields: CaseFieldsDto) -> Result<CaseDto> {
    let data = CaseData::try_from(fields)?;
    state.with_dossier(|d| {
        let id = d.add_case(&data, &SystemClock)?;
        Ok(CaseDto::from(&d.case(id)?))
    })
}

/// Changes a case's title, status and notes.
#[tauri::command]
#[specta::specta]
pub async fn update_case(
    state: State<'_, AppState>,
    id: u32,
    fields: CaseFieldsDto,
) -> Result<CaseDto> {
    let data = CaseData::try_from(fields)?;
    let id = i64::from(id);
    state.with_dossier(|d| {
        d.update_case(id, &data, &SystemClock)?;
        Ok(CaseDto::from(&d.case(id)?))
    })
}

/// Changes only the status of a case.
#[tauri::command]
#[specta::specta]
pub async fn set_case_status(
    state: State<'_, AppState>,
    id: u32,
    status: String,
) -> Result<CaseDto> {
    let status = CaseStatus::from_name(status.trim())?;
    let id = i64::from(id);
    state.with_dossier(|d| {
        d.set_case_status(id, status, &SystemClock)?;
        Ok(CaseDto::from(&d.case(id)?))
    })
}

/// Deletes a case: hidden, not removed; its entries are not touched.
#[tauri::command]
#[specta::specta]
pub async fn delete_case(state: State<'_, AppState>, id: u32) -> Result<()> {
    state.with_dossier(|d| Ok(d.delete_case(i64::from(id), &SystemClock)?))
}

/// The live entries of a case as timeline rows, oldest first.
#[tauri::command]
#[specta::specta]
pub async fn case_entries(state: State<'_, AppState>, id: u32) -> Result<Vec<EntryRowDto>> {
    state.with_dossier(|d| {
        let names = names_of(&d.people()?);
        d.case_entry_ids(i64::from(id))?
            .into_iter()
            .map(|e| Ok(EntryRowDto::new(&d.entry(e)?, &names)))
            .collect()
    })
}

/// Puts a live entry in a live case.
#[tauri::command]
#[specta::specta]
pub async fn add_to_case(state: State<'_, AppState>, case_id: u32, entry_id: u32) -> Result<()> {
    state.with_dossier(|d| Ok(d.add_to_case(i64::from(case_id), i64::from(entry_id))?))
}

/// Takes an entry out of a case.
#[tauri::command]
#[specta::specta]
pub async fn remove_from_case(
    state: State<'_, AppState>,
    case_id: u32,
    entry_id: u32,
) -> Result<()> {
    state.with_dossier(|d| Ok(d.remove_from_case(i64::from(case_id), i64::from(entry_id))?))
}

/// The live cases an entry belongs to.
#[tauri::command]
#[specta::specta]
pub async fn cases_of_entry(state: State<'_, AppState>, id: u32) -> Result<Vec<CaseDto>> {
    state.with_dossier(|d| {
        Ok(d.cases_of_entry(i64::from(id))?
            .iter()
            .map(CaseDto::from)
            .collect())
    })
}

/// Every contact that went against an agreement about contact, in timeline order.
#[tauri::command]
#[specta::specta]
pub async fn contact_violations(state: State<'_, AppState>) -> Result<Vec<ViolationDto>> {
    state.with_dossier(|d| {
        Ok(d.contact_violations()?
            .iter()
            .map(ViolationDto::from)
            .collect())
    })
}

/// Narrows an export to one case: only its live entries, with its title printed as
/// the case. Nothing changes when `case_id` is `None`.
pub fn select_case(d: &Dossier, options: &mut ExportOptions, case_id: Option<u32>) -> Result<()> {
    if let Some(id) = case_id {
        let case = d.case(i64::from(id))?;
        options.entry_ids = Some(d.case_entry_ids(case.id)?);
        options.case_label = Some(case.data.title);
    }
    Ok(())
}
