//! The native file and folder dialogs, opened from Rust only: the webview asks for a
//! dialog and gets back handles (grants.rs), never a path it could have made up. In
//! debug builds the answer can come from a test queue instead (the hook in lib.rs).

use std::path::PathBuf;

use tauri::{Runtime, WebviewWindow};
use tauri_plugin_dialog::DialogExt;

use crate::error::IpcError;
use crate::state::off_runtime;

/// Which dialog to show.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    OpenFile,
    OpenFiles,
    Save,
    Folder,
}

impl Kind {
    /// How the test hook writes the question down.
    #[cfg(debug_assertions)]
    pub fn name(self) -> &'static str {
        match self {
            Kind::OpenFile => "open-file",
            Kind::OpenFiles => "open-files",
            Kind::Save => "save",
            Kind::Folder => "folder",
        }
    }
}

/// What the dialog shows.
#[derive(Debug, Clone)]
pub struct Ask {
    pub kind: Kind,
    pub title: String,
    /// Where it starts.
    pub directory: Option<PathBuf>,
    /// The name a save dialog suggests.
    pub file_name: Option<String>,
}

/// Shows the dialog and returns what the user chose: nothing when they cancelled.
pub async fn ask<R: Runtime>(
    window: &WebviewWindow<R>,
    ask: Ask,
) -> Result<Vec<PathBuf>, IpcError> {
    #[cfg(debug_assertions)]
    if let Some(answer) = crate::dialog_hook::answer(&ask) {
        return answer;
    }
    let mut b = window
        .dialog()
        .file()
        .set_title(&ask.title)
        .set_parent(window)
        .set_can_create_directories(true);
    if let Some(dir) = &ask.directory {
        b = b.set_directory(dir);
    }
    if let Some(name) = &ask.file_name {
        b = b.set_file_name(name);
    }
    // The blocking calls wait for the dialog on the main thread; here they only hold a
    // worker of the blocking pool, never the async runtime.
    let picked = off_runtime(move || {
        Ok(match ask.kind {
            Kind::OpenFile => b.blocking_pick_file().into_iter().collect(),
            Kind::OpenFiles => b.blocking_pick_files().unwrap_or_default(),
            Kind::Save => b.blocking_save_file().into_iter().collect(),
            Kind::Folder => b.blocking_pick_folder().into_iter().collect::<Vec<_>>(),
        })
    })
    .await?;
    Ok(picked
        .into_iter()
        .filter_map(|p| p.into_path().ok())
        .collect())
}

/// A name the UI suggests (for a save dialog or a new dossier folder) must be one
/// name, not a path: it only fills in the dialog or names a folder inside the choice.
pub fn bare_name(name: &str) -> Result<String, IpcError> {
    let n = name.trim();
    if n.is_empty() || n == "." || n == ".." || n.contains(['/', '\\', '\0']) {
        return Err(dossier_core::Error::Invalid(format!("not a file name: {n:?}")).into());
    }
    Ok(n.to_string())
}

#[cfg(test)]
mod tests {
    use super::bare_name;

    #[test]
    fn a_suggested_name_cannot_point_elsewhere() {
        assert_eq!(
            bare_name(" overzicht.pdf ").ok().as_deref(),
            Some("overzicht.pdf")
        );
        for bad in ["", "..", "../x.pdf", "/etc/passwd", "a\\b", "map/x"] {
            assert!(bare_name(bad).is_err(), "{bad:?}");
        }
    }
}
