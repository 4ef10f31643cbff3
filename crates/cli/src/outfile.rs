//! Files the CLI writes on request (the PDF, the calendar, the JSON export): never an
//! existing one. A file already there is refused before the passphrase is asked, and
//! again atomically on creation in case one appeared in the meantime. Only the owner may
//! read them (0600).

use std::io::Write;
use std::path::Path;

use dossier_core::Error;

use crate::commands::Result;

/// Refuses a target that already exists: `FileExists`, whose message says it is a
/// file and to choose another name (exit 9).
pub fn refuse_existing(file: &Path) -> Result {
    if file.exists() {
        return Err(Error::FileExists(file.display().to_string()).into());
    }
    Ok(())
}

/// Creates `file`, which must not exist yet.
pub fn create_new(file: &Path) -> Result<std::fs::File> {
    // create_new: never overwrite a file that appeared in the meantime; 0600 on Unix,
    // like every file of the dossier (a shared PC's other accounts must not read it).
    dossier_core::vault::private_options()
        .create_new(true)
        .open(file)
        .map_err(|e| match e.kind() {
            std::io::ErrorKind::AlreadyExists => {
                Error::FileExists(file.display().to_string()).into()
            }
            _ => Error::io(format!("create {}", file.display()), e).into(),
        })
}

/// Writes `bytes` to a new `file` and syncs it.
pub fn write_new(file: &Path, bytes: &[u8]) -> Result {
    let mut f = create_new(file)?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| Error::io(format!("write {}", file.display()), e))?;
    Ok(())
}
