//! IPC commands that let the user choose files and folders: Rust opens the dialog and
//! the webview gets handles (grants.rs) with the chosen name and folder to show. Files
//! dropped on the window arrive the same way, as the `files-dropped` event.

use std::io::Write;
use std::path::{Path, PathBuf};

use dossier_core::Error;

use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, Manager, Runtime, State, WebviewWindow};
use tauri_specta::Event;

use crate::dialogs::{self, bare_name, Ask, Kind};
use crate::error::IpcError;
use crate::grants::{PickedFile, Purpose};
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// What a folder is chosen for.
#[derive(Debug, Clone, Copy, Deserialize, Type, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub enum FolderPurpose {
    /// An existing dossier, to open or recover.
    OpenDossier,
    /// Where a new dossier is made (create; restore into a new folder).
    NewDossier,
    /// Where an advocate package is written: `subfolder` inside the chosen folder,
    /// which must not exist yet or be empty.
    Package,
}

/// Event `files-dropped`: files dragged onto the window, each with a handle to read it.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct FilesDropped {
    pub files: Vec<PickedFile>,
}

fn ask(kind: Kind, title: String, state: &AppState) -> Ask {
    Ask {
        kind,
        title,
        directory: Some(state.documents_dir.clone()),
        file_name: None,
    }
}

/// "Kies bestand…": one or more files to read (attachments, a backup). Cancel: [].
#[tauri::command]
#[specta::specta]
pub async fn pick_files(
    window: WebviewWindow,
    state: State<'_, AppState>,
    title: String,
    multiple: bool,
) -> Result<Vec<PickedFile>> {
    let kind = if multiple {
        Kind::OpenFiles
    } else {
        Kind::OpenFile
    };
    let chosen = dialogs::ask(&window, ask(kind, title, &state)).await?;
    state.touch();
    Ok(chosen
        .into_iter()
        .map(|p| state.grant(p, Purpose::Read))
        .collect())
}

/// "Opslaan als…": a file to write, suggesting `file_name` in the Documents folder.
/// The GTK dialog itself asks before a chosen file is replaced. Cancel: null.
#[tauri::command]
#[specta::specta]
pub async fn pick_save_file(
    window: WebviewWindow,
    state: State<'_, AppState>,
    title: String,
    file_name: String,
) -> Result<Option<PickedFile>> {
    let mut question = ask(Kind::Save, title, &state);
    question.file_name = Some(bare_name(&file_name)?);
    let chosen = dialogs::ask(&window, question).await?;
    state.touch();
    Ok(chosen
        .into_iter()
        .next()
        .map(|p| state.grant(p, Purpose::Write)))
}

/// "Kies map…". For a new dossier or a package, `subfolder` (one name) is made inside
/// the chosen folder, as the screen promises. Cancel: null.
#[tauri::command]
#[specta::specta]
pub async fn pick_folder(
    window: WebviewWindow,
    state: State<'_, AppState>,
    title: String,
    purpose: FolderPurpose,
    subfolder: Option<String>,
) -> Result<Option<PickedFile>> {
    let subfolder = subfolder.as_deref().map(bare_name).transpose()?;
    let chosen = dialogs::ask(&window, ask(Kind::Folder, title, &state)).await?;
    state.touch();
    let Some(dir) = chosen.into_iter().next() else {
        return Ok(None);
    };
    Ok(Some(match purpose {
        FolderPurpose::OpenDossier => state.grant(dir, Purpose::Dossier),
        FolderPurpose::NewDossier => {
            let dir: PathBuf = subfolder.map(|s| dir.join(s)).unwrap_or(dir);
            state.grant(dir, Purpose::NewFolder)
        }
        FolderPurpose::Package => {
            let dir: PathBuf = subfolder.map(|s| dir.join(s)).unwrap_or(dir);
            state.grant(dir, Purpose::PackageFolder)
        }
    }))
}

/// Files dropped on the window: handles to read them, sent as `files-dropped`. The
/// webview's own drop event still moves the highlight, but its paths are useless: no
/// command takes a path.
pub fn dropped<R: Runtime>(app: &AppHandle<R>, paths: &[PathBuf]) {
    let Some(state) = app.try_state::<AppState>() else {
        return;
    };
    let files = paths
        .iter()
        .map(|p| state.grant(p.clone(), Purpose::Read))
        .collect();
    let _ = FilesDropped { files }.emit(app);
}

/// An existing file is refused (`file_exists`) unless the user said to replace it.
pub fn refuse_existing(path: &Path, overwrite: bool) -> Result<()> {
    if !overwrite && path.exists() {
        return Err(Error::FileExists(path.display().to_string()).into());
    }
    Ok(())
}

/// Writes `bytes` to the chosen `path` only (never a temporary file next to it),
/// durably and private (0600): what the app writes from a dossier may be medical.
pub fn write_chosen(path: &Path, bytes: &[u8], overwrite: bool) -> Result<()> {
    let what = format!("write {}", path.display());
    let mut options = dossier_core::vault::private_options();
    if overwrite {
        options.create(true).truncate(true);
    } else {
        // create_new: never overwrite a file that appeared in the meantime.
        options.create_new(true);
    }
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            IpcError::from(Error::FileExists(path.display().to_string()))
        } else {
            IpcError::from(Error::io(what.clone(), e))
        }
    })?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| IpcError::from(Error::io(what, e)))?;
    // A file that already existed keeps its mode on open: tighten it too.
    dossier_core::vault::private_file(path).map_err(IpcError::from)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn a_chosen_file_is_written_only_there_and_never_over_a_file_unasked() {
        let tmp = tempfile::tempdir().expect("tmp");
        let target = tmp.path().join("termijnen.ics");
        refuse_existing(&target, false).expect("a new file is fine");
        write_chosen(&target, b"BEGIN:VCALENDAR", false).expect("write");
        assert_eq!(std::fs::read(&target).expect("read"), b"BEGIN:VCALENDAR");
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1, "nothing else is written: {names:?}");

        let refused = refuse_existing(&target, false).err().map(|e| e.code);
        assert_eq!(refused, Some(ErrorCode::FileExists));
        let refused = write_chosen(&target, b"x", false).err().map(|e| e.code);
        assert_eq!(refused, Some(ErrorCode::FileExists));

        refuse_existing(&target, true).expect("replace when asked");
        write_chosen(&target, b"NEW", true).expect("overwrite");
        assert_eq!(std::fs::read(&target).expect("read"), b"NEW");
    }
}
