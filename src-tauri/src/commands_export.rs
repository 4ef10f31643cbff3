//! IPC commands for the Export screen: how many entries a choice prints, and building
//! the PDF bundle into the one file the user chose. Nothing is written anywhere else.
//! Both run off the async runtime; a lock while the PDF is built wins, and then the
//! file is not written.

use dossier_core::entry::parse_date;
use dossier_core::export::{CoverPerson, ExportOptions, Lang};
use dossier_core::{Dossier, EntryKind, SystemClock};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::State;

use crate::commands_files::{refuse_existing, write_chosen};
use crate::commands_matters::select_case;
use crate::dto::Language;
use crate::error::IpcError;
use crate::grants::Purpose;
use crate::state::off_runtime;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// What the user chose on the Export screen.
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportOptionsDto {
    /// `YYYY-MM-DD` or empty.
    pub from: Option<String>,
    pub to: Option<String>,
    /// Kind names; empty: all kinds.
    pub kinds: Vec<String>,
    pub include_medical: bool,
    pub include_attachments: bool,
    pub language: Language,
    /// Printed on the cover only when the user typed a name.
    pub cover_name: Option<String>,
    /// One line per address line.
    pub cover_address: Option<String>,
    /// Only the entries of this case (F8), its title printed as the case.
    pub case_id: Option<u32>,
}

/// How many entries and attachments a choice prints.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportPreviewDto {
    pub entries: u32,
    pub attachments: u32,
    pub medical_left_out: u32,
}

/// The written PDF.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ExportResultDto {
    pub pages: u32,
    pub bytes: u32,
    pub path: String,
}

fn opt_date(s: &Option<String>) -> Result<Option<chrono::NaiveDate>> {
    match s.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(d) => Ok(Some(parse_date(d)?)),
    }
}

impl TryFrom<ExportOptionsDto> for ExportOptions {
    type Error = IpcError;

    fn try_from(d: ExportOptionsDto) -> Result<Self> {
        let name = d.cover_name.as_deref().map(str::trim).unwrap_or_default();
        let cover_person = (!name.is_empty()).then(|| CoverPerson {
            name: name.to_string(),
            address: d
                .cover_address
                .as_deref()
                .unwrap_or_default()
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .map(String::from)
                .collect(),
        });
        Ok(ExportOptions {
            from: opt_date(&d.from)?,
            to: opt_date(&d.to)?,
            kinds: d
                .kinds
                .iter()
                .map(|k| EntryKind::from_name(k))
                .collect::<std::result::Result<_, _>>()?,
            include_medical: d.include_medical,
            include_attachments: d.include_attachments,
            lang: match d.language {
                Language::Nl => Lang::Nl,
                Language::En => Lang::En,
            },
            cover_person,
            ..ExportOptions::default()
        })
    }
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

fn preview(d: &Dossier, options: &ExportOptions) -> Result<ExportPreviewDto> {
    let p = d.export_preview(options)?;
    Ok(ExportPreviewDto {
        entries: count(p.entries),
        attachments: count(p.attachments),
        medical_left_out: count(p.medical_left_out),
    })
}

/// How many entries (and their attachments) the choice would print.
#[tauri::command]
#[specta::specta]
pub async fn export_preview(
    state: State<'_, AppState>,
    options: ExportOptionsDto,
) -> Result<ExportPreviewDto> {
    let case_id = options.case_id;
    let mut options = ExportOptions::try_from(options)?;
    state
        .with_dossier_off(move |d| {
            select_case(d, &mut options, case_id)?;
            preview(d, &options)
        })
        .await
}

/// Builds the PDF and writes it to the chosen file (`target`, a handle to write) only.
/// An existing file is refused (`file_exists`) unless `overwrite` is true.
#[tauri::command]
#[specta::specta]
pub async fn export_pdf(
    state: State<'_, AppState>,
    options: ExportOptionsDto,
    target: u32,
    overwrite: bool,
) -> Result<ExportResultDto> {
    let case_id = options.case_id;
    let mut options = ExportOptions::try_from(options)?;
    let path = state.granted(target, Purpose::Write)?;
    refuse_existing(&path, overwrite)?;
    state.touch();
    let held = state.shared()?;
    off_runtime(move || {
        let bundle = held.run(|d| {
            select_case(d, &mut options, case_id)?;
            Ok(d.export_bundle(&options, &SystemClock)?)
        })?;
        // Locked while the PDF was built: the user has gone, so nothing is written;
        // dropping the share here closes the dossier.
        let revoked = held.revoked();
        drop(held);
        if revoked {
            return Err(IpcError::locked());
        }
        write_chosen(&path, &bundle.bytes, overwrite)?;
        Ok(ExportResultDto {
            pages: bundle.pages,
            bytes: count(bundle.bytes.len()),
            path: path.display().to_string(),
        })
    })
    .await
}
