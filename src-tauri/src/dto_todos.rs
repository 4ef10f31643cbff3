//! Wire types for to-dos (F6: "Wat moet ik doen?"), reminders and the notification
//! setting, with explicit conversions from core types. Dates cross as `YYYY-MM-DD`,
//! times as `HH:MM`; the sentences come from core in both languages.

use chrono::NaiveDate;
use dossier_core::deadline::KnownDate;
use dossier_core::todo::{
    sentence_en, sentence_nl, Reminder, Todo, TodoChoice, TodoKind, TodoState,
};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::dto_entries::wire_id;
use crate::error::IpcError;

/// Which date a legal period was counted from.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CountedFromDto {
    /// `sent`, `letter-dated` or `received`.
    pub known: String,
    pub date: String,
}

impl From<KnownDate> for CountedFromDto {
    fn from(k: KnownDate) -> Self {
        let (known, date) = match k {
            KnownDate::Sent(d) => ("sent", d),
            KnownDate::LetterDated(d) => ("letter-dated", d),
            KnownDate::Received(d) => ("received", d),
        };
        CountedFromDto {
            known: known.to_string(),
            date: date.to_string(),
        }
    }
}

/// One thing to do, derived from one entry, with its sentence in Dutch and English.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TodoDto {
    pub entry_id: u32,
    /// `objection`, `appeal`, `reply`, `repair`, `appointment`, `follow-up`,
    /// `decision-due`.
    pub kind: String,
    /// The entry's kind name (`decision`, `letter-in`, …).
    pub entry_kind: String,
    pub entry_title: String,
    pub entry_date: String,
    pub kenmerk: String,
    pub medical: bool,
    /// The last day (legal, or as written in the letter).
    pub due_on: String,
    pub due_time: Option<String>,
    /// The day to act by (the advised send-by date for objection and appeal).
    pub act_by: String,
    pub counted_from: Option<CountedFromDto>,
    /// A date as written in a letter that falls on a weekend day or holiday.
    pub on_day_off: bool,
    /// `open`, `done`, `not-needed` or `missed`.
    pub state: String,
    /// The entry that did it (the objection letter), when the user said so.
    pub done_by: Option<u32>,
    /// Done because an entry was linked to it (not by a choice): undoing it means
    /// removing that link, so the UI offers to open that entry instead.
    pub by_link: bool,
    /// Whole days from today to `act_by`; negative when past.
    pub days_left: i32,
    /// Whole days from today to `due_on` (the last day); negative when past. Differs
    /// from `days_left` for objection and appeal, whose advised date comes earlier.
    pub days_to_due: i32,
    pub sentence_nl: String,
    pub sentence_en: String,
}

fn days(n: i64) -> i32 {
    i32::try_from(n.clamp(-100_000, 100_000)).unwrap_or(0)
}

impl TodoDto {
    /// `today`: the day the to-dos were derived for (for `days_to_due`).
    pub fn new(t: &Todo, today: NaiveDate) -> Self {
        let done_by = match t.state {
            TodoState::Done { by } => by.map(wire_id),
            _ => None,
        };
        TodoDto {
            entry_id: wire_id(t.entry_id),
            kind: t.kind.name().to_string(),
            entry_kind: t.entry_kind.name().to_string(),
            entry_title: t.entry_title.clone(),
            entry_date: t.entry_date.to_string(),
            kenmerk: t.kenmerk.clone(),
            medical: t.medical,
            due_on: t.due_on.to_string(),
            due_time: t.due_time.map(|x| x.format("%H:%M").to_string()),
            act_by: t.act_by.to_string(),
            counted_from: t.counted_from.map(CountedFromDto::from),
            on_day_off: t.on_day_off,
            state: t.state.name().to_string(),
            done_by,
            by_link: t.by_link,
            days_left: days(t.days_left),
            days_to_due: days((t.due_on - today).num_days()),
            sentence_nl: sentence_nl(t),
            sentence_en: sentence_en(t),
        }
    }
}

pub fn todos_dto(todos: &[Todo], today: NaiveDate) -> Vec<TodoDto> {
    todos.iter().map(|t| TodoDto::new(t, today)).collect()
}

/// What the user decides about a to-do: `done` (optionally by an entry),
/// `not-needed` or `reopen`.
pub fn choice_of(choice: &str, done_by: Option<u32>) -> Result<TodoChoice, IpcError> {
    match choice {
        "done" => Ok(TodoChoice::Done {
            by: done_by.map(i64::from),
        }),
        "not-needed" => Ok(TodoChoice::NotNeeded),
        "reopen" => Ok(TodoChoice::Reopen),
        other => {
            Err(dossier_core::Error::Invalid(format!("unknown choice for a to-do: {other}")).into())
        }
    }
}

/// A reminder due now for one to-do; sent back as is to mark it shown.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ReminderDto {
    pub entry_id: u32,
    pub kind: String,
    pub act_by: String,
    pub days_before: u32,
}

impl From<&Reminder> for ReminderDto {
    fn from(r: &Reminder) -> Self {
        ReminderDto {
            entry_id: wire_id(r.entry_id),
            kind: r.kind.name().to_string(),
            act_by: r.act_by.to_string(),
            days_before: r.days_before,
        }
    }
}

impl TryFrom<ReminderDto> for Reminder {
    type Error = IpcError;

    fn try_from(r: ReminderDto) -> Result<Self, IpcError> {
        Ok(Reminder {
            entry_id: i64::from(r.entry_id),
            kind: TodoKind::from_name(&r.kind)?,
            act_by: dossier_core::entry::parse_date(&r.act_by)?,
            days_before: r.days_before,
        })
    }
}

/// The system-notification setting and what the system allows.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct NotificationStatusDto {
    /// The user wants system notifications (off by default).
    pub enabled: bool,
    /// `granted`, `denied` or `prompt`.
    pub permission: String,
}

/// The calendar file that was written.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct IcsResultDto {
    pub path: String,
    /// How many open to-dos it holds.
    pub todos: u32,
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::EntryKind;

    fn date(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
    }

    #[test]
    fn a_todo_crosses_with_its_dates_state_and_counting_basis() {
        let t = Todo {
            entry_id: 7,
            kind: TodoKind::Objection,
            entry_kind: EntryKind::Decision,
            entry_title: "Besluit".into(),
            entry_date: date(2026, 3, 3),
            kenmerk: "K-1".into(),
            medical: false,
            due_on: date(2026, 4, 14),
            due_time: None,
            act_by: date(2026, 4, 7),
            counted_from: Some(KnownDate::LetterDated(date(2026, 3, 2))),
            on_day_off: false,
            state: TodoState::Done { by: Some(9) },
            by_link: true,
            days_left: -3,
        };
        let d = TodoDto::new(&t, date(2026, 4, 10));
        assert_eq!(d.kind, "objection");
        assert_eq!(d.entry_kind, "decision");
        assert_eq!(d.due_on, "2026-04-14");
        assert_eq!(d.act_by, "2026-04-07");
        assert_eq!(d.state, "done");
        assert_eq!(d.done_by, Some(9));
        assert_eq!(d.days_left, -3);
        assert_eq!(d.days_to_due, 4, "the legal last day is still ahead");
        let c = d.counted_from.expect("counted from");
        assert_eq!(
            (c.known.as_str(), c.date.as_str()),
            ("letter-dated", "2026-03-02")
        );
    }

    #[test]
    fn choices_and_reminders_round_trip() {
        assert_eq!(
            choice_of("done", Some(4)).ok(),
            Some(TodoChoice::Done { by: Some(4) })
        );
        assert_eq!(
            choice_of("not-needed", None).ok(),
            Some(TodoChoice::NotNeeded)
        );
        assert_eq!(choice_of("reopen", None).ok(), Some(TodoChoice::Reopen));
        assert!(choice_of("later", None).is_err());
        let r = Reminder {
            entry_id: 3,
            kind: TodoKind::Reply,
            act_by: date(2026, 5, 1),
            days_before: 7,
        };
        let back = Reminder::try_from(ReminderDto::from(&r)).ok();
        assert_eq!(back, Some(r));
    }
}
