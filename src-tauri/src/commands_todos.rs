//! IPC commands for "Wat moet ik doen?" (F6): the to-dos, the user's choice about one,
//! the reminders due, the calendar file (written only to the file the user chose) and
//! the system-notification setting. Each converts wire types, calls core, converts back.

use dossier_core::export::Lang;
use dossier_core::todo::{self, Reminder, TodoKind, TodoState};
use dossier_core::{EntryData, Error, SystemClock};
use tauri::{AppHandle, Manager, State};

use crate::commands_files::{refuse_existing, write_chosen};
use crate::dto::Language;
use crate::dto_entries::EntryFieldsDto;
use crate::dto_todos::{
    choice_of, todos_dto, IcsResultDto, NotificationStatusDto, ReminderDto, TodoDto,
};
use crate::error::IpcError;
use crate::grants::Purpose;
use crate::notify::{self, NotifyState};
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// Every to-do as seen today: open and missed first (soonest first), then done and
/// not needed.
#[tauri::command]
#[specta::specta]
pub async fn todos(state: State<'_, AppState>) -> Result<Vec<TodoDto>> {
    let today = notify::today();
    state.with_dossier(|d| Ok(todos_dto(&d.todos(today)?, today)))
}

/// The to-dos `fields` would give if saved (quick capture's objection period in words,
/// before saving). Needs no open dossier: nothing is read or stored.
#[tauri::command]
#[specta::specta]
pub async fn preview_todos(fields: EntryFieldsDto) -> Result<Vec<TodoDto>> {
    let today = notify::today();
    let data = EntryData::try_from(fields)?;
    Ok(todos_dto(&todo::preview_todos(&data, today)?, today))
}

/// The to-dos of the entries in one case (its case view).
#[tauri::command]
#[specta::specta]
pub async fn case_todos(state: State<'_, AppState>, case_id: u32) -> Result<Vec<TodoDto>> {
    let today = notify::today();
    state.with_dossier(|d| {
        let ids = d.case_entry_ids(i64::from(case_id))?;
        Ok(todos_dto(&d.todos_of(&ids, today)?, today))
    })
}

/// The to-dos that come from one entry (its detail screen).
#[tauri::command]
#[specta::specta]
pub async fn entry_todos(state: State<'_, AppState>, id: u32) -> Result<Vec<TodoDto>> {
    let today = notify::today();
    state.with_dossier(|d| Ok(todos_dto(&d.todos_of(&[i64::from(id)], today)?, today)))
}

/// Stores what the user decided about one to-do: `choice` is `done` (with the entry
/// that did it, if any), `not-needed` or `reopen`.
#[tauri::command]
#[specta::specta]
pub async fn set_todo_state(
    state: State<'_, AppState>,
    entry_id: u32,
    kind: String,
    choice: String,
    done_by: Option<u32>,
) -> Result<()> {
    let kind = TodoKind::from_name(&kind)?;
    let choice = choice_of(&choice, done_by)?;
    state.with_dossier(|d| Ok(d.set_todo_state(i64::from(entry_id), kind, choice, &SystemClock)?))
}

/// The reminders due today that were not shown yet (the home view's banner).
#[tauri::command]
#[specta::specta]
pub async fn due_reminders(state: State<'_, AppState>) -> Result<Vec<ReminderDto>> {
    let today = notify::today();
    state.with_dossier(|d| {
        Ok(d.due_reminders(today)?
            .iter()
            .map(ReminderDto::from)
            .collect())
    })
}

/// "Gezien": these reminders are not shown again.
#[tauri::command]
#[specta::specta]
pub async fn mark_reminders_shown(
    state: State<'_, AppState>,
    reminders: Vec<ReminderDto>,
) -> Result<()> {
    let reminders = reminders
        .into_iter()
        .map(Reminder::try_from)
        .collect::<Result<Vec<_>>>()?;
    state.with_dossier(|d| Ok(d.mark_reminders_shown(&reminders, &SystemClock)?))
}

/// Writes the open to-dos as an iCalendar file to the chosen file (`target`, a handle
/// to write) only. An existing file is refused (`file_exists`) unless `overwrite` is
/// true (the save dialog asked).
#[tauri::command]
#[specta::specta]
pub async fn export_todos_ics(
    state: State<'_, AppState>,
    target: u32,
    language: Language,
    overwrite: bool,
) -> Result<IcsResultDto> {
    let path = state.granted(target, Purpose::Write)?;
    refuse_existing(&path, overwrite)?;
    let lang = match language {
        Language::Nl => Lang::Nl,
        Language::En => Lang::En,
    };
    let today = notify::today();
    let (ics, open) = state.with_dossier(|d| {
        let open = d
            .todos(today)?
            .iter()
            .filter(|t| t.state == TodoState::Open)
            .count();
        Ok((d.todos_ics(today, lang, &SystemClock)?, open))
    })?;
    write_chosen(&path, ics.as_bytes(), overwrite)?;
    Ok(IcsResultDto {
        path: path.display().to_string(),
        todos: u32::try_from(open).unwrap_or(u32::MAX),
    })
}

/// Whether system notifications are on, and what the system allows.
#[tauri::command]
#[specta::specta]
pub fn notification_status(app: AppHandle, state: State<'_, AppState>) -> NotificationStatusDto {
    NotificationStatusDto {
        enabled: state.settings().system_notifications,
        permission: notify::permission(&app).name().to_string(),
    }
}

/// Turns system notifications on or off. Turning them on asks the system; the choice
/// is kept even when refused (the Settings screen then says so).
#[tauri::command]
#[specta::specta]
pub fn set_system_notifications(
    app: AppHandle,
    state: State<'_, AppState>,
    enabled: bool,
) -> Result<NotificationStatusDto> {
    state.touch();
    let permission = if enabled {
        notify::request(&app)
    } else {
        notify::permission(&app)
    };
    {
        let mut s = state.settings();
        s.system_notifications = enabled;
        s.save(&state.config_dir)
            .map_err(|e| IpcError::from(Error::io("save the settings", e)))?;
    }
    if enabled {
        if let Some(n) = app.try_state::<NotifyState>() {
            n.reset();
        }
    }
    Ok(NotificationStatusDto {
        enabled,
        permission: permission.name().to_string(),
    })
}
