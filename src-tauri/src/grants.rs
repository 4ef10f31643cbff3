//! Files and folders the user chose (in a native dialog opened by Rust, dropped on the
//! window, or listed as a recent dossier), handed to the webview as opaque numbers. A
//! command names a handle, never a path, and each handle is good for its one purpose:
//! a file picked to be read cannot be written, a save target cannot be read, a
//! dossier folder cannot be made a new dossier. So a script in the page can reach only
//! what the user pointed at, and only for what they pointed at it for.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::IpcError;

/// What a chosen path may be used for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Purpose {
    /// A file to read: an attachment, a backup to check or restore.
    Read,
    /// A file to write: an export, a calendar, a copy, a backup.
    Write,
    /// An existing dossier folder to open or recover.
    Dossier,
    /// A folder to make a new dossier in (create, restore into a new folder).
    NewFolder,
    /// A new or empty folder to write an advocate package into.
    PackageFolder,
}

/// What the UI gets for a chosen file or folder: the handle to pass back, and the name
/// and folder as text to show (display only; no command accepts them).
#[derive(Debug, Clone, Serialize, Deserialize, Type, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct PickedFile {
    pub handle: u32,
    pub name: String,
    pub folder: String,
}

#[derive(Debug, Default)]
pub struct Grants {
    last: u32,
    granted: HashMap<u32, (PathBuf, Purpose)>,
}

/// The name and the folder of `path`, as the user would read them.
pub fn display(path: &Path) -> (String, String) {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string());
    let folder = path
        .parent()
        .map(|p| p.display().to_string())
        .unwrap_or_default();
    (name, folder)
}

impl Grants {
    /// A handle for `path`, good for `purpose` only. The same path and purpose keep
    /// their handle, so listing recent dossiers again does not grow the table.
    pub fn grant(&mut self, path: PathBuf, purpose: Purpose) -> PickedFile {
        let existing = self
            .granted
            .iter()
            .find(|(_, (p, u))| *u == purpose && *p == path)
            .map(|(h, _)| *h);
        let handle = existing.unwrap_or_else(|| {
            self.last = self.last.wrapping_add(1).max(1);
            self.granted.insert(self.last, (path.clone(), purpose));
            self.last
        });
        let (name, folder) = display(&path);
        PickedFile {
            handle,
            name,
            folder,
        }
    }

    /// The path behind `handle`, if it was handed out for `purpose`.
    pub fn path(&self, handle: u32, purpose: Purpose) -> Result<PathBuf, IpcError> {
        match self.granted.get(&handle) {
            Some((path, granted)) if *granted == purpose => Ok(path.clone()),
            // Unknown and wrong-purpose handles look alike: neither names a file.
            _ => Err(dossier_core::Error::Invalid(format!(
                "no file was chosen for this (handle {handle})"
            ))
            .into()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_handle_works_only_for_what_it_was_chosen_for() {
        let mut g = Grants::default();
        let read = g.grant(PathBuf::from("/home/ana/brief.pdf"), Purpose::Read);
        assert_eq!(read.name, "brief.pdf");
        assert_eq!(read.folder, "/home/ana");
        assert_eq!(
            g.path(read.handle, Purpose::Read).ok(),
            Some(PathBuf::from("/home/ana/brief.pdf"))
        );
        // A file picked to be read cannot be written, nor opened as a dossier.
        for other in [
            Purpose::Write,
            Purpose::Dossier,
            Purpose::NewFolder,
            Purpose::PackageFolder,
        ] {
            let refused = g.path(read.handle, other).err().map(|e| e.code);
            assert_eq!(refused, Some(crate::error::ErrorCode::Invalid), "{other:?}");
        }
        // A number the app never gave out names nothing.
        assert!(g.path(read.handle + 1, Purpose::Read).is_err());
        let write = g.grant(PathBuf::from("/home/ana/brief.pdf"), Purpose::Write);
        assert_ne!(write.handle, read.handle);
        assert_eq!(
            g.grant(PathBuf::from("/home/ana/brief.pdf"), Purpose::Read)
                .handle,
            read.handle
        );
    }
}
