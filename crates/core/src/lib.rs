//! Dossierkluis core: the encrypted dossier vault and the domain built on it, with no UI.
//!
//! Everything a front end (the desktop shell, the `dossier` CLI, benchmarks) can do goes
//! through these functions. Time and randomness are passed in, so results are
//! reproducible in tests.
#![forbid(unsafe_code)]

mod api;
mod attach;
pub mod attachment;
pub mod backup;
pub mod case;
pub mod clock;
pub mod contact_rule;
pub mod deadline;
pub mod entry;
pub mod error;
pub mod exemption;
pub mod export;
pub mod filter;
#[cfg(feature = "fuzzing")]
pub mod fuzzing;
pub mod glossary;
pub mod import;
pub mod lang;
pub mod letters;
pub mod link;
pub mod mail;
pub mod ocr;
pub mod package;
pub mod person;
mod picture;
pub mod process;
pub mod profile;
pub mod reason;
pub mod record;
// The store is core's own: every write goes through an api function that appends its
// history version in the same transaction. Tests and the benchmark see it through the
// `test-hooks` feature.
#[cfg(feature = "test-hooks")]
pub mod store;
#[cfg(not(feature = "test-hooks"))]
mod store;
pub mod todo;
pub mod vault;
pub mod verslag;

pub use api::attachments::PreparedAttachment;
pub use api::letters::{EnclosureOption, GroundSuggestion, MadeLetter, DRAFT_TAG, SENT_REASON};
pub use api::mail::{
    DuplicateBy, MailImportOptions, MailImportReport, MailInput, MailOutcome, MailProgress,
    MailStep,
};
pub use api::ocr::ReadText;
pub use api::verslag::VerslagView;
pub use attachment::{Attachment, Preview};
pub use case::{Case, CaseData, CaseStatus};
pub use clock::{dutch_today, Clock, FixedClock, SystemClock};
pub use contact_rule::Violation;
pub use entry::{ContactRule, Entry, EntryData, EntryKind, EntryPerson, NewEntry};
pub use error::{Error, Result};
pub use exemption::{Duty, Exemption, ExemptionBasis, ExemptionData, ExemptionWarning};
pub use filter::{EntryFilter, Page, PageStart, SortKey};
pub use link::{EntryLink, LinkKind};
pub use person::{KlantmanagerPeriod, Person, PersonData};
pub use profile::Profile;
pub use reason::{ChangeReason, ReasonLang};
pub use store::history::{ChainReport, Version, GENESIS};
pub use vault::{Dossier, KdfParams, RecoveryCode, SlotCopy, Unlock};
pub use verslag::{Statement, StatementInput, Status, Verslag};
