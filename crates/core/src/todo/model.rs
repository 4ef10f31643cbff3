//! The to-do types shared by the engine, the API, the CLI and the desktop shell.

use chrono::{NaiveDate, NaiveTime};

use crate::deadline::KnownDate;
use crate::entry::EntryKind;
use crate::error::{Error, Result};

/// Days before the act-by date on which a reminder is due.
pub const REMINDER_DAYS: [u32; 4] = [14, 7, 3, 1];

/// What a to-do asks of the user. The `name` strings are a contract (stored in
/// `todo_states.kind`, CLI JSON, the UI); never rename one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TodoKind {
    /// Object (bezwaar) to a decision: Awb 6:7 with the Atw.
    Objection,
    /// Appeal (beroep) against a decision on objection.
    Appeal,
    /// Reply or send information by the date the letter sets (exactly as written).
    Reply,
    /// Send papers within a repair period (hersteltermijn), exactly as written.
    Repair,
    /// Go to an appointment this entry announces.
    Appointment,
    /// Come back to this entry on its follow-up date.
    FollowUp,
    /// Information only: the day by which the agency must decide on an objection
    /// (Awb 7:10). Nothing for the user to do unless it passes.
    DecisionDue,
}

impl TodoKind {
    pub const ALL: [TodoKind; 7] = [
        TodoKind::Objection,
        TodoKind::Appeal,
        TodoKind::Reply,
        TodoKind::Repair,
        TodoKind::Appointment,
        TodoKind::FollowUp,
        TodoKind::DecisionDue,
    ];

    pub fn name(self) -> &'static str {
        match self {
            TodoKind::Objection => "objection",
            TodoKind::Appeal => "appeal",
            TodoKind::Reply => "reply",
            TodoKind::Repair => "repair",
            TodoKind::Appointment => "appointment",
            TodoKind::FollowUp => "follow-up",
            TodoKind::DecisionDue => "decision-due",
        }
    }

    pub fn from_name(name: &str) -> Result<TodoKind> {
        TodoKind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| Error::Invalid(format!("unknown kind of to-do: {name}")))
    }
}

/// Where a to-do stands. `Missed` is never stored: an open to-do whose due day has
/// passed is missed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TodoState {
    Open,
    /// Done; `by` is the entry that did it (the objection letter), when known.
    Done {
        by: Option<i64>,
    },
    /// The user decided nothing is needed ("geen bezwaar nodig").
    NotNeeded,
    /// Open and its due day has passed.
    Missed,
}

impl TodoState {
    /// `open`, `done`, `not-needed`, `missed`.
    pub fn name(self) -> &'static str {
        match self {
            TodoState::Open => "open",
            TodoState::Done { .. } => "done",
            TodoState::NotNeeded => "not-needed",
            TodoState::Missed => "missed",
        }
    }
}

/// What the user decides about a to-do.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TodoChoice {
    /// Done, optionally by an entry (e.g. the objection letter).
    Done {
        by: Option<i64>,
    },
    NotNeeded,
    /// Back to open (undo a choice).
    Reopen,
}

/// One thing to do, derived from one entry.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Todo {
    /// The entry it comes from (the decision, the letter, the invitation).
    pub entry_id: i64,
    pub kind: TodoKind,
    pub entry_kind: EntryKind,
    pub entry_title: String,
    /// The date the sentence names the entry by ("het besluit van 3 maart"): the date on
    /// the letter when known, else the day it happened.
    pub entry_date: NaiveDate,
    pub kenmerk: String,
    pub medical: bool,
    /// The last day: the legal last day for objection and appeal (Atw applied), the
    /// date as written for reply and repair, the appointment or follow-up day.
    pub due_on: NaiveDate,
    pub due_time: Option<NaiveTime>,
    /// The day to act by: the advised send-by date for objection and appeal (never
    /// relying on an extension); `due_on` for the others.
    pub act_by: NaiveDate,
    /// For objection and appeal: which date the period was counted from; when it is
    /// not the send date, the sentence says so.
    pub counted_from: Option<KnownDate>,
    /// A date written in a letter that falls on a weekend day or holiday (a reason to
    /// act earlier, never to move it).
    pub on_day_off: bool,
    pub state: TodoState,
    /// The state follows from a link (the objection letter linked to the decision),
    /// not from a stored choice: reopening it means removing that link.
    pub by_link: bool,
    /// Whole days from today to `act_by` (negative when past).
    pub days_left: i64,
}

/// A reminder due now for one to-do, `days_before` its act-by date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Reminder {
    pub entry_id: i64,
    pub kind: TodoKind,
    pub act_by: NaiveDate,
    pub days_before: u32,
}
