//! IPC commands for "Wat moet ik doen?" (F6): the to-dos, the user's choice about one,
//! the reminders due, the calendar file (written only to the path the user chose) and
//! the system-notification setting. Each converts wire types, calls core, converts back.

use std::io::Write;
use std::path::{Path, PathBuf};

use dossier_core::export::Lang;
use dossier_core::todo::{self, Reminder, TodoKind, TodoState};
use dossier_core::{EntryData, Error, SystemClock};
use tauri::{AppHandle, Manager, State};

use crate::dto::Language;
use crate::dto_entries::EntryFieldsDto;
use crate::dto_todos::{
    choice_of, todos_dto, IcsResultDto, NotificationStatusDto, ReminderDto, TodoDto,
};
use crate::error::IpcError;
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

/// Writes the open to-dos as an iCalendar file to `path` only. An existing file is
/// refused (`file_exists`) unless `overwrite` is true (the save dialog asked).
#[tauri::command]
#[specta::specta]
pub async fn export_todos_ics(
    state: State<'_, AppState>,
    path: String,
    language: Language,
    overwrite: bool,
) -> Result<IcsResultDto> {
    let path = chosen_path(&path, overwrite)?;
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
    write_chosen_file(&path, ics.as_bytes(), overwrite)?;
    Ok(IcsResultDto {
        path: path.display().to_string(),
        todos: u32::try_from(open).unwrap_or(u32::MAX),
    })
}

/// The path the user chose; an existing file is refused unless `overwrite`.
fn chosen_path(path: &str, overwrite: bool) -> Result<PathBuf> {
    let trimmed = path.trim();
    if trimmed.is_empty() {
        return Err(Error::Invalid("no file was chosen".into()).into());
    }
    let path = PathBuf::from(trimmed);
    if !overwrite && path.exists() {
        return Err(Error::FileExists(path.display().to_string()).into());
    }
    Ok(path)
}

/// Writes `bytes` to `path` only (never a temporary file next to it), durably.
fn write_chosen_file(path: &Path, bytes: &[u8], overwrite: bool) -> Result<()> {
    let what = format!("write {}", path.display());
    // Private (0600), like everything the app writes from a dossier.
    let mut options = dossier_core::vault::private_options();
    if overwrite {
        options.create(true).truncate(true);
    } else {
        // create_new: never overwrite a file that appeared in the meantime.
        options.create_new(true);
    }
    let mut file = options.open(path).map_err(|e| {
        if e.kind() == std::io::ErrorKind::AlreadyExists {
            IpcError::from(Error::FileExists(path.display().to_string()))
        } else {
            IpcError::from(Error::io(what.clone(), e))
        }
    })?;
    file.write_all(bytes)
        .and_then(|()| file.sync_all())
        .map_err(|e| IpcError::from(Error::io(what, e)))?;
    // A file that already existed keeps its mode on open: tighten it too.
    dossier_core::vault::private_file(path).map_err(IpcError::from)
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    #[test]
    fn the_calendar_file_goes_only_where_chosen_and_never_over_a_file_unasked() {
        let tmp = tempfile::tempdir().expect("tmp");
        let target = tmp.path().join("termijnen.ics");
        let typed = format!("  {}  ", target.display());
        let path = chosen_path(&typed, false).expect("a new file is fine");
        write_chosen_file(&path, b"BEGIN:VCALENDAR", false).expect("write");
        assert_eq!(std::fs::read(&target).expect("read"), b"BEGIN:VCALENDAR");
        let names: Vec<_> = std::fs::read_dir(tmp.path())
            .expect("list")
            .map(|e| e.expect("entry").file_name())
            .collect();
        assert_eq!(names.len(), 1, "nothing else is written: {names:?}");

        let refused = chosen_path(&typed, false).err().map(|e| e.code);
        assert_eq!(refused, Some(ErrorCode::FileExists));
        let refused = write_chosen_file(&target, b"x", false)
            .err()
            .map(|e| e.code);
        assert_eq!(refused, Some(ErrorCode::FileExists));

        let path = chosen_path(&typed, true).expect("replace when asked");
        write_chosen_file(&path, b"NEW", true).expect("overwrite");
        assert_eq!(std::fs::read(&target).expect("read"), b"NEW");
        assert_eq!(
            chosen_path("   ", false).err().map(|e| e.code),
            Some(ErrorCode::Invalid)
        );
    }
}
