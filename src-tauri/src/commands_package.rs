//! IPC commands for "Pakket voor de advocaat" (issue 14 item 4): a password the app
//! suggests for the PDF, and making the package with core's `Dossier::package` into the
//! folder or .zip the user chose in a dialog Rust opened (a handle, never a path). The
//! build runs off the async runtime; a lock while it runs wins, and then nothing is
//! written.

use dossier_core::export::{ExportOptions, Lang};
use dossier_core::{package, SystemClock};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::State;
use zeroize::Zeroizing;

use crate::commands_matters::select_case;
use crate::dto::Language;
use crate::error::IpcError;
use crate::grants::{display, Purpose};
use crate::state::off_runtime;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// What the user chose on the package screen.
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PackageOptionsDto {
    /// Only the entries of this case (F8); null: the whole dossier.
    pub case_id: Option<u32>,
    /// Medical papers in, in the bundle's separate annex (the Export screen's choice).
    pub include_medical: bool,
    /// The language of the bundle PDF (the read-me is Dutch, then English).
    pub language: Language,
    /// One .zip (`target` is a file to write) instead of a folder (`target` is a
    /// package folder).
    pub zip: bool,
}

/// The package as written.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PackageResultDto {
    /// The folder or .zip's name and the folder it is in (display text only).
    pub name: String,
    pub folder: String,
    pub files: u32,
    pub originals: u32,
    /// Originals written as copies without hidden metadata (pictures).
    pub stripped: u32,
    pub pdf_locked: bool,
}

fn count(n: usize) -> u32 {
    u32::try_from(n).unwrap_or(u32::MAX)
}

/// A password for the PDF that reads well over the phone ("k7mxp-2trwa-9qhde").
#[tauri::command]
#[specta::specta]
pub async fn suggest_pdf_password() -> Result<String> {
    Ok(package::phone_password(&ring::rand::SystemRandom::new())?)
}

/// Makes the advocate package into `target`: a new or empty folder chosen with
/// `pickFolder(…, "package", …)`, or with `zip` a new file chosen with `pickSaveFile`.
/// A taken target is refused (`already_exists` for a folder with something in it,
/// `file_exists` for a file) before anything is built. With `pdf_password` the bundle
/// PDF is locked with it (AES-256).
#[tauri::command]
#[specta::specta]
pub async fn make_package(
    state: State<'_, AppState>,
    options: PackageOptionsDto,
    target: u32,
    pdf_password: Option<String>,
) -> Result<PackageResultDto> {
    let password = pdf_password.map(Zeroizing::new);
    let purpose = if options.zip {
        Purpose::Write
    } else {
        Purpose::PackageFolder
    };
    let path = state.granted(target, purpose)?;
    package::check_target(&path, options.zip)?;
    let mut export = ExportOptions {
        include_medical: options.include_medical,
        lang: match options.language {
            Language::Nl => Lang::Nl,
            Language::En => Lang::En,
        },
        ..ExportOptions::default()
    };
    let (case_id, zip) = (options.case_id, options.zip);
    state.touch();
    let held = state.shared()?;
    off_runtime(move || {
        let pkg = held.run(|d| {
            select_case(d, &mut export, case_id)?;
            let rng = ring::rand::SystemRandom::new();
            Ok(d.package(
                &export,
                password.as_ref().map(|p| p.as_str()),
                &rng,
                &SystemClock,
            )?)
        })?;
        // Locked while it was built: the user has gone, so nothing is written.
        let revoked = held.revoked();
        drop(held);
        if revoked {
            return Err(IpcError::locked());
        }
        if zip {
            package::write_zip(&pkg, &path, &SystemClock)?;
        } else {
            package::write_dir(&pkg, &path)?;
        }
        let (name, folder) = display(&path);
        Ok(PackageResultDto {
            name,
            folder,
            files: count(pkg.files.len()),
            originals: count(pkg.originals),
            stripped: count(pkg.stripped),
            pdf_locked: pkg.pdf_locked,
        })
    })
    .await
}
