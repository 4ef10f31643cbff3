//! The two copies of the key-slot file: written one after the other, read with a
//! fallback, so one lost or damaged file (a sync tool, a bad USB stick, a stray delete)
//! does not lose the dossier.

use std::path::Path;

use super::keyslot::{DataKey, SlotFile};
use super::{fsutil, Unlock, DB_FILE, SLOT_FILE, SPARE_SLOT_FILE};
use crate::error::{Error, Result};

/// Which copy of the key slots opened the dossier (a front end tells the user when it
/// was not the first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SlotCopy {
    /// `keyslots.json`, intact.
    Main,
    /// `keyslots.json` with a checksum that no longer fits, but the slot used was
    /// intact (its AEAD tag verified).
    MainDamaged,
    /// `keyslots.spare.json`, because `keyslots.json` was missing or damaged.
    Spare,
}

impl SlotCopy {
    /// One sentence for the user; None when all was well.
    pub fn notice(self) -> Option<&'static str> {
        match self {
            SlotCopy::Main => None,
            SlotCopy::MainDamaged => Some(
                "keyslots.json is damaged, but the key you used in it was intact; it was repaired from keyslots.spare.json where possible",
            ),
            SlotCopy::Spare => Some(
                "keyslots.json was missing or damaged: the dossier was opened with the second copy, keyslots.spare.json, and keyslots.json was written anew from it",
            ),
        }
    }
}

/// Writes both copies, each atomically, the first completely before the second.
pub(crate) fn write_both(dir: &Path, slots: &SlotFile) -> Result<()> {
    let bytes = slots.to_bytes();
    fsutil::atomic_write(&dir.join(SLOT_FILE), &bytes)?;
    fsutil::atomic_write(&dir.join(SPARE_SLOT_FILE), &bytes)
}

struct CopyRead {
    file: SlotFile,
    bytes: Vec<u8>,
    intact: bool,
}

fn read_copy(path: &Path) -> Result<Option<CopyRead>> {
    match std::fs::read(path) {
        Ok(bytes) => {
            let (file, intact) = SlotFile::parse(&bytes)?;
            Ok(Some(CopyRead {
                file,
                bytes,
                intact,
            }))
        }
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Error::io(format!("read {}", path.display()), e)),
    }
}

fn try_copy(copy: &CopyRead, unlock: Unlock<'_>) -> Result<DataKey> {
    let got = match unlock {
        Unlock::Passphrase(p) => copy.file.unwrap_with_passphrase(p),
        Unlock::RecoveryCode(c) => copy.file.unwrap_with_recovery(c.secret()),
    };
    match got {
        // A tag that fails in a file whose checksum is off may be damage as well as a
        // wrong secret: only an intact file may call the secret wrong.
        Err(Error::WrongPassphrase | Error::WrongRecoveryCode) if !copy.intact => {
            Err(Error::Damaged(
                "the key-slot file is damaged and the slot for this secret does not open; try the recovery code, or restore a backup".into(),
            ))
        }
        other => other,
    }
}

/// What unlocking found: the slots to keep using, the data key, the copy that opened.
pub(crate) struct Unlocked {
    pub slots: SlotFile,
    pub key: DataKey,
    pub copy: SlotCopy,
    /// The bytes to write back where a copy was missing or damaged (after the lock is
    /// taken; a failed unlock writes nothing).
    pub repair: Vec<(&'static str, Vec<u8>)>,
}

/// Unlocks with the main copy, or with the spare where the main one is missing or
/// damaged. A wrong secret in an intact main copy is final: the spare may hold an
/// older passphrase (a crash between the two writes) that must not open the dossier.
pub(crate) fn unlock(dir: &Path, unlock: Unlock<'_>) -> Result<Unlocked> {
    let main = read_copy(&dir.join(SLOT_FILE));
    let spare = read_copy(&dir.join(SPARE_SLOT_FILE));
    if let (Ok(None), Ok(None)) = (&main, &spare) {
        return Err(if dir.join(DB_FILE).exists() {
            Error::Damaged(format!(
                "the key-slot files {SLOT_FILE} and {SPARE_SLOT_FILE} are both missing"
            ))
        } else if dir.is_dir() {
            Error::NotADossier(dir.display().to_string())
        } else {
            Error::NotADossier(format!("{} does not exist", dir.display()))
        });
    }
    let main_err = match &main {
        Ok(Some(m)) => match try_copy(m, unlock) {
            Ok(key) => {
                let mut repair = Vec::new();
                let spare_same = matches!(&spare, Ok(Some(s)) if s.bytes == m.bytes);
                if m.intact && !spare_same {
                    repair.push((SPARE_SLOT_FILE, m.bytes.clone()));
                }
                if !m.intact {
                    if let Ok(Some(s)) = &spare {
                        if s.intact && s.file.dossier_id == m.file.dossier_id {
                            repair.push((SLOT_FILE, s.bytes.clone()));
                        }
                    }
                }
                return Ok(Unlocked {
                    slots: m.file.clone(),
                    key,
                    copy: if m.intact {
                        SlotCopy::Main
                    } else {
                        SlotCopy::MainDamaged
                    },
                    repair,
                });
            }
            Err(e @ (Error::WrongPassphrase | Error::WrongRecoveryCode)) => return Err(e),
            Err(e) => e,
        },
        Ok(None) => Error::Damaged(format!("the key-slot file {SLOT_FILE} is missing")),
        // Not ours at all, or too new, and no spare beside it: say so as it is.
        Err(e) if matches!(spare, Ok(None)) => return Err(same_error(e)),
        // A flipped bit may make the version look newer or the format foreign: the
        // spare decides.
        Err(e) => same_error(e),
    };
    match spare {
        Ok(Some(s)) => {
            let key = try_copy(&s, unlock).map_err(|e| match e {
                Error::WrongPassphrase | Error::WrongRecoveryCode => e,
                _ => main_err,
            })?;
            let repair = if s.intact {
                vec![(SLOT_FILE, s.bytes.clone())]
            } else {
                Vec::new()
            };
            Ok(Unlocked {
                slots: s.file,
                key,
                copy: SlotCopy::Spare,
                repair,
            })
        }
        _ => Err(main_err),
    }
}

/// The errors reading a slot file can give, copied (io::Error is not Clone).
fn same_error(e: &Error) -> Error {
    match e {
        Error::TooNew { found, supported } => Error::TooNew {
            found: *found,
            supported: *supported,
        },
        Error::NotADossier(m) => Error::NotADossier(m.clone()),
        Error::PermissionDenied(m) => Error::PermissionDenied(m.clone()),
        _ => Error::Damaged(e.to_string()),
    }
}

/// Writes back the copies `unlock` found missing or damaged.
pub(crate) fn repair(dir: &Path, repair: &[(&'static str, Vec<u8>)]) -> Result<()> {
    for (name, bytes) in repair {
        fsutil::atomic_write(&dir.join(name), bytes)?;
    }
    Ok(())
}
