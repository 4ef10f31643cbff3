//! What an unlocked dossier can do, one file per concern, each an `impl Dossier`
//! block over the store functions. Every write is one transaction that also keeps the
//! history chain and the search index in step.

pub(crate) mod attachments;
mod cases;
mod diagnostics;
mod entries;
mod exemptions;
pub mod filter;
pub(crate) mod letters;
mod links;
pub mod mail;
pub mod ocr;
mod people;
mod profile;
mod todos;
pub mod undo;
pub(crate) mod verify;
pub mod verslag;
mod violations;

pub(crate) fn now_string(clock: &dyn crate::Clock) -> String {
    clock
        .now()
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}
