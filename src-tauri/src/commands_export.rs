//! IPC commands for the Export screen: how many entries a choice prints, and building
//! the PDF bundle into the one file the user chose. Nothing is written anywhere else.

use std::io::Write;
use std::path::PathBuf;

use dossier_core::entry::parse_date;
use dossier_core::export::{CoverPerson, ExportOptions, Lang};
use dossier_core::{Dossier, EntryKind, Error, SystemClock};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::State;

use crate::commands_matters::select_case;
use crate::dto::Language;
use crate::error::IpcError;
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
    state.with_dossier(|d| {
        select_case(d, &mut options, case_id)?;
        preview(d, &options)
    })
}

/// Builds the PDF and writes it to `path` only. An existing file is refused
/// (`file_exists`) unless `overwrite` is true.
#[tauri::command]
#[specta::specta]
pub async fn export_pdf(
    state: State<'_, AppState>,
    options: ExportOptionsDto,
    path: String,
    overwrite: bool,
) -> Result<ExportResultDto> {
    let case_id = options.case_id;
    let mut options = ExportOptions::try_from(options)?;
    let trimmed = path.trim();
    if trimmed.is_empty() {
        return Err(Error::Invalid("no file was chosen".into()).into());
    }
    let path = PathBuf::from(trimmed);
    if !overwrite && path.exists() {
        return Err(Error::FileExists(path.display().to_string()).into());
    }
    let bundle = state.with_dossier(|d| {
        select_case(d, &mut options, case_id)?;
        Ok(d.export_bundle(&options, &SystemClock)?)
    })?;
    let what = format!("write {}", path.display());
    // Private (0600) like the dossier itself: a chronology holds medical letters.
    let mut open = dossier_core::vault::private_options();
    if overwrite {
        open.create(true).truncate(true);
    } else {
        // create_new: never overwrite a file that appeared in the meantime.
        open.create_new(true);
    }
    let mut file = open.open(&path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            IpcError::from(Error::FileExists(path.display().to_string()))
        } else {
            IpcError::from(Error::io(what.clone(), e))
        }
    })?;
    file.write_all(&bundle.bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| IpcError::from(Error::io(what.clone(), e)))?;
    // A file that already existed keeps its mode on open: tighten it too.
    dossier_core::vault::private_file(&path).map_err(IpcError::from)?;
    Ok(ExportResultDto {
        pages: bundle.pages,
        bytes: count(bundle.bytes.len()),
        path: path.display().to_string(),
    })
}
