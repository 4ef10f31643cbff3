//! The error that crosses IPC: `{code, message}`. The UI branches on `code` only and
//! shows its own words; `message` is for logs and developers.

use serde::Serialize;
use specta::Type;

/// Every code the UI must be able to explain. Mirrors `dossier_core::Error::code`,
/// plus `internal` for anything unexpected.
#[derive(Debug, Clone, Copy, Serialize, Type, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    WrongPassphrase,
    WrongRecoveryCode,
    RecoveryCodeTypo,
    NotADossier,
    Damaged,
    TooNew,
    AlreadyExists,
    FileExists,
    DiskFull,
    NotFound,
    PermissionDenied,
    Io,
    Locked,
    Invalid,
    PassphraseTooShort,
    AttachmentEmpty,
    AttachmentTooLarge,
    EntriesMissing,
    InUse,
    SyncConflict,
    BackupWrongSecret,
    BackupDamaged,
    BackupTruncated,
    BackupTooNew,
    BackupNeedsRecoveryCode,
    /// A letter lacks what it cannot be made without (for an objection: the Awb 6:5
    /// elements); `letter_preview` names each.
    LetterIncomplete,
    /// This letter does not fit this entry, or not yet.
    LetterNotOffered,
    MailRefused,
    MailNeedsDate,
    MailNeedsOwnAddress,
    /// The verslag's file no longer hashes to its pin, or another file is offered in
    /// its place while statements quote it.
    VerslagChanged,
    /// The user stopped a long task (reading a scan); nothing was saved.
    Cancelled,
    /// Tesseract or its Dutch data is missing on this computer.
    OcrUnavailable,
    Internal,
}

#[derive(Debug, Clone, Serialize, Type)]
pub struct IpcError {
    pub code: ErrorCode,
    pub message: String,
}

impl IpcError {
    pub fn locked() -> IpcError {
        IpcError {
            code: ErrorCode::Locked,
            message: "the dossier is locked".into(),
        }
    }

    pub fn internal(message: impl Into<String>) -> IpcError {
        IpcError {
            code: ErrorCode::Internal,
            message: message.into(),
        }
    }
}

impl From<dossier_core::Error> for IpcError {
    fn from(e: dossier_core::Error) -> Self {
        use dossier_core::Error as E;
        let code = match &e {
            E::WrongPassphrase => ErrorCode::WrongPassphrase,
            E::WrongRecoveryCode => ErrorCode::WrongRecoveryCode,
            E::RecoveryCodeTypo(_) => ErrorCode::RecoveryCodeTypo,
            E::NotADossier(_) => ErrorCode::NotADossier,
            E::Damaged(_) => ErrorCode::Damaged,
            E::TooNew { .. } => ErrorCode::TooNew,
            E::AlreadyExists(_) => ErrorCode::AlreadyExists,
            E::FileExists(_) => ErrorCode::FileExists,
            E::DiskFull(_) => ErrorCode::DiskFull,
            E::NotFound(_) => ErrorCode::NotFound,
            E::PermissionDenied(_) => ErrorCode::PermissionDenied,
            E::Io { .. } => ErrorCode::Io,
            E::Locked => ErrorCode::Locked,
            E::Invalid(_) => ErrorCode::Invalid,
            E::PassphraseTooShort { .. } => ErrorCode::PassphraseTooShort,
            E::AttachmentEmpty(_) => ErrorCode::AttachmentEmpty,
            E::AttachmentTooLarge { .. } => ErrorCode::AttachmentTooLarge,
            E::EntriesMissing { .. } => ErrorCode::EntriesMissing,
            E::InUse => ErrorCode::InUse,
            E::SyncConflict(_) => ErrorCode::SyncConflict,
            E::BackupWrongSecret => ErrorCode::BackupWrongSecret,
            E::BackupDamaged(_) => ErrorCode::BackupDamaged,
            E::BackupTruncated => ErrorCode::BackupTruncated,
            E::BackupTooNew { .. } => ErrorCode::BackupTooNew,
            E::BackupNeedsRecoveryCode => ErrorCode::BackupNeedsRecoveryCode,
            E::LetterIncomplete(_) => ErrorCode::LetterIncomplete,
            E::LetterNotOffered { .. } => ErrorCode::LetterNotOffered,
            // Only dates missing: the screen asks for the day instead of refusing.
            E::MailRefused(_) if e.code() == "mail_needs_date" => ErrorCode::MailNeedsDate,
            E::MailRefused(_) => ErrorCode::MailRefused,
            E::MailNeedsOwnAddress => ErrorCode::MailNeedsOwnAddress,
            E::VerslagChanged { .. } => ErrorCode::VerslagChanged,
            E::Cancelled => ErrorCode::Cancelled,
            E::OcrUnavailable(_) => ErrorCode::OcrUnavailable,
            _ => ErrorCode::Internal,
        };
        IpcError {
            code,
            message: e.to_string(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_error_codes_and_ipc_codes_agree() {
        let samples = [
            dossier_core::Error::WrongPassphrase,
            dossier_core::Error::WrongRecoveryCode,
            dossier_core::Error::RecoveryCodeTypo("x".into()),
            dossier_core::Error::NotADossier("x".into()),
            dossier_core::Error::Damaged("x".into()),
            dossier_core::Error::TooNew {
                found: 9,
                supported: 2,
            },
            dossier_core::Error::AlreadyExists("x".into()),
            dossier_core::Error::FileExists("x.pdf".into()),
            dossier_core::Error::DiskFull("x".into()),
            dossier_core::Error::NotFound("x".into()),
            dossier_core::Error::PermissionDenied("x".into()),
            dossier_core::Error::Locked,
            dossier_core::Error::Invalid("x".into()),
            dossier_core::Error::PassphraseTooShort { min: 8 },
            dossier_core::Error::AttachmentEmpty("scan.jpg".into()),
            dossier_core::Error::AttachmentTooLarge {
                name: "film.mp4".into(),
                max_mb: 200,
            },
            dossier_core::Error::EntriesMissing {
                saved_entries: 46,
                found_entries: 42,
                missing_versions: 4,
            },
            dossier_core::Error::InUse,
            dossier_core::Error::SyncConflict("keyslots (1).json".into()),
            dossier_core::Error::BackupWrongSecret,
            dossier_core::Error::BackupDamaged("x".into()),
            dossier_core::Error::BackupTruncated,
            dossier_core::Error::BackupTooNew {
                app_version: "9.0.0".into(),
            },
            dossier_core::Error::BackupNeedsRecoveryCode,
            dossier_core::Error::LetterIncomplete(vec![dossier_core::letters::Missing::of("naam")]),
            dossier_core::Error::LetterNotOffered {
                nl: "x".into(),
                en: "x".into(),
            },
            dossier_core::Error::MailRefused(vec![dossier_core::mail::MailProblem {
                file: "x.eml".into(),
                kind: dossier_core::mail::MailProblemKind::NoDate,
            }]),
            dossier_core::Error::MailRefused(vec![dossier_core::mail::MailProblem {
                file: "x.eml".into(),
                kind: dossier_core::mail::MailProblemKind::Unreadable("x".into()),
            }]),
            dossier_core::Error::MailNeedsOwnAddress,
            dossier_core::Error::VerslagChanged {
                nl: "x".into(),
                en: "x".into(),
            },
            dossier_core::Error::Cancelled,
            dossier_core::Error::OcrUnavailable("x".into()),
        ];
        for e in samples {
            let core_code = e.code();
            let ipc = IpcError::from(e);
            let wire = serde_json::to_value(ipc.code).expect("serialise");
            assert_eq!(wire, core_code, "code mismatch");
        }
    }
}
