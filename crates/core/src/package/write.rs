//! Putting a [`Package`] on disk: into a new (or empty) folder, each file created new
//! (0600) and synced, then the folders; or as one .zip written to `NAME.partial`,
//! synced and renamed. Nothing is written anywhere else, so no readable copy is left
//! behind in a temp folder.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use chrono::{Datelike, Timelike};

use super::Package;
use crate::clock::Clock;
use crate::error::{Error, Result};
use crate::vault::{new_private_dir, new_private_file, sync_dir};

/// Refuses a folder that holds anything: nothing in it is touched.
fn refuse_nonempty(dir: &Path) -> Result<bool> {
    match fs::read_dir(dir) {
        Ok(mut it) => {
            if it.next().is_some() {
                return Err(Error::AlreadyExists(dir.display().to_string()));
            }
            Ok(true)
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(false),
        Err(e) if e.kind() == std::io::ErrorKind::NotADirectory || dir.is_file() => {
            Err(Error::FileExists(dir.display().to_string()))
        }
        Err(e) => Err(Error::io(format!("read {}", dir.display()), e)),
    }
}

/// Fails like the writers do when `out` is taken, before any work (the CLI asks this
/// before the passphrase).
pub fn check_target(out: &Path, zip: bool) -> Result<()> {
    if zip {
        if out.exists() {
            return Err(Error::FileExists(out.display().to_string()));
        }
        Ok(())
    } else {
        refuse_nonempty(out).map(|_| ())
    }
}

fn write_file(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = new_private_file(path)?;
    f.write_all(bytes)
        .and_then(|()| f.sync_all())
        .map_err(|e| Error::io(format!("write {}", path.display()), e))
}

/// Writes the package into `dir`, which must not exist or be empty.
pub fn write_dir(pkg: &Package, dir: &Path) -> Result<()> {
    if !refuse_nonempty(dir)? {
        new_private_dir(dir)?;
    }
    let mut dirs: Vec<PathBuf> = vec![dir.to_path_buf()];
    for f in &pkg.files {
        let path = dir.join(&f.path);
        if let Some(parent) = path.parent() {
            if !dirs.iter().any(|d| d == parent) {
                new_private_dir(parent)?;
                dirs.push(parent.to_path_buf());
            }
        }
        write_file(&path, &f.bytes)?;
    }
    // Sub-folders first, so the top folder's entry for them is synced last.
    for d in dirs.iter().rev() {
        sync_dir(d).map_err(|e| Error::io(format!("sync {}", d.display()), e))?;
    }
    Ok(())
}

/// Writes the package as one .zip at `file` (must not exist), via `file.partial`.
/// Every entry carries the package's making time, so the same package gives the same
/// bytes.
pub fn write_zip(pkg: &Package, file: &Path, clock: &dyn Clock) -> Result<()> {
    if file.exists() {
        return Err(Error::FileExists(file.display().to_string()));
    }
    let mut partial = file.as_os_str().to_owned();
    partial.push(".partial");
    let partial = PathBuf::from(partial);
    let f = new_private_file(&partial)?;
    let zip_err = |e: zip::result::ZipError| {
        Error::io(
            format!("write {}", partial.display()),
            std::io::Error::other(e.to_string()),
        )
    };
    let local = clock.now().with_timezone(&chrono_tz::Europe::Amsterdam);
    let stamp = zip::DateTime::from_date_and_time(
        u16::try_from(local.year()).unwrap_or(1980),
        u8::try_from(local.month()).unwrap_or(1),
        u8::try_from(local.day()).unwrap_or(1),
        u8::try_from(local.hour()).unwrap_or(0),
        u8::try_from(local.minute()).unwrap_or(0),
        u8::try_from(local.second()).unwrap_or(0),
    )
    .unwrap_or_default();
    let options = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .last_modified_time(stamp)
        .unix_permissions(0o600);
    let result = (|| -> Result<()> {
        let mut w = zip::ZipWriter::new(std::io::BufWriter::new(f));
        for pf in &pkg.files {
            w.start_file(pf.path.as_str(), options).map_err(zip_err)?;
            w.write_all(&pf.bytes)
                .map_err(|e| Error::io(format!("write {}", partial.display()), e))?;
        }
        let buf = w.finish().map_err(zip_err)?;
        let f = buf
            .into_inner()
            .map_err(|e| Error::io(format!("write {}", partial.display()), e.into_error()))?;
        f.sync_all()
            .map_err(|e| Error::io(format!("write {}", partial.display()), e))?;
        Ok(())
    })();
    if let Err(e) = result {
        let _ = fs::remove_file(&partial);
        return Err(e);
    }
    // Refuse a file that appeared meanwhile rather than replace it.
    if file.exists() {
        let _ = fs::remove_file(&partial);
        return Err(Error::FileExists(file.display().to_string()));
    }
    fs::rename(&partial, file)
        .map_err(|e| Error::io(format!("rename to {}", file.display()), e))?;
    if let Some(parent) = file.parent().filter(|p| !p.as_os_str().is_empty()) {
        sync_dir(parent).map_err(|e| Error::io(format!("sync {}", parent.display()), e))?;
    }
    Ok(())
}
