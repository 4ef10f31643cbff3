//! The one error type of core: each variant is a situation the user must be told about
//! differently, so front ends branch on the variant (or its [`Error::code`]).

use std::io;

pub type Result<T, E = Error> = std::result::Result<T, E>;

/// What went wrong, in terms a front end can explain to the user.
///
/// Decryption failures are deliberately vague about *why* they failed (no hint whether
/// the salt, the nonce or the tag was off): they only say which secret did not fit.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The passphrase does not unlock this dossier. Nothing on disk was changed.
    #[error("the passphrase does not open this dossier")]
    WrongPassphrase,
    /// The recovery code is well-formed (its checksum fits) but does not open this dossier.
    #[error("the recovery code does not open this dossier")]
    WrongRecoveryCode,
    /// The recovery code was mistyped: wrong length, a letter that cannot occur, or a
    /// checksum that does not fit. Caught before any decryption is tried.
    #[error("the recovery code contains a typing error: {0}")]
    RecoveryCodeTypo(String),
    /// The folder is not a dossier (no key-slot file, or the file is something else).
    #[error("this folder is not a dossier: {0}")]
    NotADossier(String),
    /// The dossier exists but its data does not check out (page authentication failed,
    /// truncated file, key-slot file changed). Never returned for a wrong secret.
    #[error("the dossier is damaged: {0}")]
    Damaged(String),
    /// The database holds less than the anchor saw after the last save: a damaged or
    /// cut `-wal`, or an older `dossier.db` put back. Nothing was changed or deleted
    /// (the `-wal` is kept), so a backup or an expert can still recover the rest.
    #[error("the dossier is damaged: {}", missing_text(*saved_entries, *found_entries, *missing_versions))]
    EntriesMissing {
        saved_entries: u64,
        found_entries: u64,
        missing_versions: u64,
    },
    /// Another program (Dossierkluis itself or the `dossier` command) has this dossier
    /// open; two writers could each lose the other's entries. Nothing was written.
    #[error("this dossier is already open (in Dossierkluis or in another program)")]
    InUse,
    /// A sync tool left a second database or key-slot file beside the real one (two
    /// computers changed the folder). Not opened: the user decides which copy counts.
    #[error("a sync program left a second copy in the dossier folder ({0}); move it out of the folder before opening the dossier, it may hold entries that are not in the real one")]
    SyncConflict(String),
    /// The dossier was written by a newer version of Dossierkluis.
    #[error("the dossier was made by a newer version of Dossierkluis (schema {found}, this version knows up to {supported})")]
    TooNew { found: u32, supported: u32 },
    /// The target already holds a dossier or other files; nothing was overwritten.
    #[error("there is already something at {0}")]
    AlreadyExists(String),
    /// A file the user asked to write (a PDF, a calendar, an export) is already there;
    /// it was left as it is. Also a dossier folder asked for where a file is.
    #[error("the file {0} already exists")]
    FileExists(String),
    /// The disk (or USB stick) is full.
    #[error("the disk is full while writing {0}")]
    DiskFull(String),
    /// A file the user named (an attachment to read) is not there.
    #[error("there is no file at {0}")]
    NotFound(String),
    /// The operating system refused access.
    #[error("no permission to use {0}")]
    PermissionDenied(String),
    /// Any other input/output failure, with what was being done.
    #[error("could not {what}: {source}")]
    Io {
        what: String,
        #[source]
        source: io::Error,
    },
    /// A new passphrase is too short to protect medical and legal papers.
    #[error("the passphrase must have at least {min} characters")]
    PassphraseTooShort { min: usize },
    /// An attachment with no bytes at all (often a failed download or scan).
    #[error("the file {0} is empty")]
    AttachmentEmpty(String),
    /// An attachment over the size limit.
    #[error("the file {name} is larger than {max_mb} MB")]
    AttachmentTooLarge { name: String, max_mb: u64 },
    /// The dossier is locked; unlock it first.
    #[error("the dossier is locked")]
    Locked,
    /// Input that cannot be stored as given (the message names the field).
    #[error("{0}")]
    Invalid(String),
    /// The recovery code does not open this backup (it belongs to another dossier, or
    /// to a recovery code that was replaced). Nothing was written.
    #[error("the recovery code does not open this backup")]
    BackupWrongSecret,
    /// The backup file was changed or damaged after it was made. Nothing was written.
    #[error("the backup is damaged: {0}")]
    BackupDamaged(String),
    /// The backup file ends too early (an interrupted copy or a full stick).
    #[error("the backup file is incomplete: it was cut off")]
    BackupTruncated,
    /// The backup was made by a newer Dossierkluis; this version cannot read it.
    #[error("the backup was made by a newer version of Dossierkluis ({app_version})")]
    BackupTooNew { app_version: String },
    /// The dossier has no backup recipient yet; open it once with the recovery code.
    #[error("open the dossier once with its recovery code before the first backup")]
    BackupNeedsRecoveryCode,
    /// A letter cannot be made without these (each named in the user's words, for an
    /// objection as the element Awb 6:5 requires). Nothing was written.
    #[error("the letter cannot be made yet; missing: {}", missing_list(.0))]
    LetterIncomplete(Vec<crate::letters::Missing>),
    /// This kind of letter does not fit this entry, or not yet (an ingebrekestelling
    /// before the period for deciding has passed). Nothing was written.
    #[error("{en}")]
    LetterNotOffered { nl: String, en: String },
    /// Mail files (or messages of an mbox) that cannot be imported, each named with
    /// why. Nothing was imported.
    #[error("{}", mail_problems(.0))]
    MailRefused(Vec<crate::mail::MailProblem>),
    /// Telling the user's own e-mails from the agency's needs their own address, which
    /// the profile does not have yet. Nothing was imported.
    #[error("your own e-mail address is not known yet: give it once in your profile, so your own e-mails are told apart from those you received")]
    MailNeedsOwnAddress,
    /// The file chosen as the agency's verslag no longer hashes to the SHA-256 the
    /// statements were made against, was removed, or another file is offered in its
    /// place while statements quote it. Nothing was written.
    #[error("{en}")]
    VerslagChanged { nl: String, en: String },
    /// The user stopped a long task (reading the text of a scan). Nothing was written.
    #[error("stopped; nothing was saved")]
    Cancelled,
    /// Text cannot be read from pictures on this computer: the OCR engine or its Dutch
    /// language data is missing (the message says which).
    #[error("text cannot be read from pictures here: {0}")]
    OcrUnavailable(String),
}

fn mail_problems(p: &[crate::mail::MailProblem]) -> String {
    let each: Vec<String> = p.iter().map(ToString::to_string).collect();
    format!("nothing was imported; {}", each.join("; "))
}

fn missing_list(m: &[crate::letters::Missing]) -> String {
    m.iter()
        .map(|m| m.en.as_str())
        .collect::<Vec<_>>()
        .join(", ")
}

impl Error {
    /// A stable, machine-readable name for the variant. The UI and the CLI's exit
    /// codes branch on this, never on the message text.
    pub fn code(&self) -> &'static str {
        match self {
            Error::WrongPassphrase => "wrong_passphrase",
            Error::WrongRecoveryCode => "wrong_recovery_code",
            Error::RecoveryCodeTypo(_) => "recovery_code_typo",
            Error::NotADossier(_) => "not_a_dossier",
            Error::Damaged(_) => "damaged",
            Error::EntriesMissing { .. } => "entries_missing",
            Error::InUse => "in_use",
            Error::SyncConflict(_) => "sync_conflict",
            Error::TooNew { .. } => "too_new",
            Error::AlreadyExists(_) => "already_exists",
            Error::FileExists(_) => "file_exists",
            Error::DiskFull(_) => "disk_full",
            Error::NotFound(_) => "not_found",
            Error::PermissionDenied(_) => "permission_denied",
            Error::Io { .. } => "io",
            Error::PassphraseTooShort { .. } => "passphrase_too_short",
            Error::AttachmentEmpty(_) => "attachment_empty",
            Error::AttachmentTooLarge { .. } => "attachment_too_large",
            Error::Locked => "locked",
            Error::Invalid(_) => "invalid",
            Error::BackupWrongSecret => "backup_wrong_secret",
            Error::BackupDamaged(_) => "backup_damaged",
            Error::BackupTruncated => "backup_truncated",
            Error::BackupTooNew { .. } => "backup_too_new",
            Error::BackupNeedsRecoveryCode => "backup_needs_recovery_code",
            Error::LetterIncomplete(_) => "letter_incomplete",
            Error::LetterNotOffered { .. } => "letter_not_offered",
            Error::MailRefused(p)
                if p.iter()
                    .all(|p| p.kind == crate::mail::MailProblemKind::NoDate) =>
            {
                "mail_needs_date"
            }
            Error::MailRefused(_) => "mail_refused",
            Error::MailNeedsOwnAddress => "mail_needs_own_address",
            Error::VerslagChanged { .. } => "verslag_changed",
            Error::Cancelled => "cancelled",
            Error::OcrUnavailable(_) => "ocr_unavailable",
        }
    }

    /// Classifies an I/O error while doing `what` (e.g. "write the key-slot file").
    pub fn io(what: impl Into<String>, source: io::Error) -> Error {
        let what = what.into();
        match source.kind() {
            io::ErrorKind::StorageFull => Error::DiskFull(what),
            io::ErrorKind::PermissionDenied | io::ErrorKind::ReadOnlyFilesystem => {
                Error::PermissionDenied(what)
            }
            _ => Error::Io { what, source },
        }
    }
}

/// What is missing, in the terms a user counts in: entries when whole entries are gone,
/// otherwise the number of changes.
pub fn missing_text(saved_entries: u64, found_entries: u64, missing_versions: u64) -> String {
    let gone = saved_entries.saturating_sub(found_entries);
    let what = if gone > 0 {
        format!("{gone} of the {saved_entries} entries saved last time cannot be read")
    } else {
        format!("the last {missing_versions} saved changes cannot be read")
    };
    format!("{what}; nothing was deleted and the files were left as they were")
}

/// SQLite errors after the key was verified mean the file itself is at fault.
pub(crate) fn from_sqlite(what: &str, e: rusqlite::Error) -> Error {
    use rusqlite::ErrorCode as C;
    if let rusqlite::Error::SqliteFailure(f, ref msg) = e {
        let detail = msg.clone().unwrap_or_else(|| f.to_string());
        return match f.code {
            C::NotADatabase | C::DatabaseCorrupt => Error::Damaged(format!("{what}: {detail}")),
            C::DiskFull => Error::DiskFull(what.to_string()),
            C::ReadOnly | C::PermissionDenied | C::CannotOpen => {
                Error::PermissionDenied(format!("{what}: {detail}"))
            }
            C::SystemIoFailure => Error::Io {
                what: what.to_string(),
                source: io::Error::other(detail),
            },
            C::ConstraintViolation => Error::Invalid(format!("{what}: {detail}")),
            _ => Error::Io {
                what: what.to_string(),
                source: io::Error::other(detail),
            },
        };
    }
    Error::Invalid(format!("{what}: {e}"))
}
