//! Deadlines as things to do (F6): to-dos derived from entries (a decision's objection
//! or appeal period, a reply-by or repair date written in a letter, an appointment, a
//! follow-up date), their state, the reminders due, and the calendar (.ics) export.
//!
//! To-dos are derived afresh from the entries on every read, so correcting a date on a
//! letter corrects its to-do; only what the user decided (done, not needed) is stored.

mod derive;
pub mod ics;
mod model;
mod reminders;
mod text;

pub use derive::{
    derive_todos, preview_todos, sort_todos, IncomingLink, StoredTodoState, TodoSource, REPLY_KINDS,
};
pub use model::{Reminder, Todo, TodoChoice, TodoKind, TodoState, REMINDER_DAYS};
pub use reminders::{reminder_due, thresholds_to_record};
pub use text::{sentence_en, sentence_nl};
