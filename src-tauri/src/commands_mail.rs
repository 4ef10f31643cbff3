//! IPC commands for e-mail in (F13): list an mbox's messages, keep the user's own
//! address (it tells email-in from email-out), plan an import and do it. The files
//! come as handles from the Rust-side dialog (grants.rs), never as paths; reading
//! and importing run off the async runtime, telling the screen how far they are as the
//! `mail-progress` event (n of N messages). Each converts wire types, calls core,
//! converts back; nothing more.

use std::collections::BTreeMap;
use std::path::Path;

use dossier_core::entry::parse_date;
use dossier_core::mail::{MailProblem, MailProblemKind};
use dossier_core::{
    Error, MailImportOptions, MailInput, MailProgress as Progress, MailStep, Profile, SystemClock,
};
use serde::{Deserialize, Serialize};
use specta::Type;
use tauri::{AppHandle, State};
use tauri_specta::Event;

use crate::dto_mail::{
    MailDateDto, MailFileDto, MailImportDto, MailMessageDto, MailPlanDto, MailProblemDto,
    MboxMessageDto,
};
use crate::error::IpcError;
use crate::grants::Purpose;
use crate::state::off_runtime;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// A mail file larger than this is refused before it is read: an mbox of years of
/// mail would fill the memory, and the dossier takes files up to 200 MB anyway.
const MAX_MAIL_FILE: u64 = 512 * 1024 * 1024;

fn refused(name: &str, why: String) -> Error {
    Error::MailRefused(vec![MailProblem {
        file: name.to_string(),
        kind: MailProblemKind::Unreadable(why),
    }])
}

fn name_of(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "mail".into())
}

fn read(path: &Path) -> std::result::Result<Vec<u8>, Error> {
    let name = name_of(path);
    let len = std::fs::metadata(path)
        .map_err(|e| Error::io(format!("read {name}"), e))?
        .len();
    if len > MAX_MAIL_FILE {
        return Err(refused(&name, "the file is larger than 512 MB".into()));
    }
    std::fs::read(path).map_err(|e| Error::io(format!("read {name}"), e))
}

/// Reads the chosen files (off the async runtime), each with its mbox pick.
async fn inputs(state: &AppState, files: Vec<MailFileDto>) -> Result<Vec<MailInput>> {
    if files.is_empty() {
        return Err(Error::Invalid("no mail file was chosen".into()).into());
    }
    let chosen = files
        .into_iter()
        .map(|f| Ok((state.granted(f.handle, Purpose::Read)?, f.pick)))
        .collect::<Result<Vec<_>>>()?;
    off_runtime(move || {
        chosen
            .into_iter()
            .map(|(path, pick)| {
                Ok(MailInput {
                    name: name_of(&path),
                    bytes: read(&path)?,
                    pick: pick.map(|p| p.into_iter().map(|n| n as usize).collect()),
                })
            })
            .collect()
    })
    .await
}

/// The user's day for each message without a date of its own (by its source).
fn options(dates: Vec<MailDateDto>, declined: Vec<String>) -> Result<MailImportOptions> {
    let mut by_source = BTreeMap::new();
    for d in dates {
        by_source.insert(d.source, parse_date(d.date.trim())?);
    }
    Ok(MailImportOptions {
        dates: by_source,
        add_people: true,
        declined_people: declined,
        ..MailImportOptions::default()
    })
}

/// Event `mail-progress`: how far a plan (`read`) or an import (`read`, then `write`)
/// is, in messages.
#[derive(Debug, Clone, Serialize, Deserialize, Type, Event)]
#[serde(rename_all = "camelCase")]
pub struct MailProgress {
    pub step: String,
    pub done: u32,
    pub total: u32,
}

/// Sends core's progress as `mail-progress`: at most about a hundred events a step,
/// always the first and the last, so thousands of messages do not flood the page.
fn emitter(app: &AppHandle) -> impl FnMut(Progress) + '_ {
    let mut last: Option<(MailStep, usize)> = None;
    move |p: Progress| {
        let stride = (p.total / 100).max(1);
        let due = match last {
            Some((step, done)) if step == p.step => p.done == p.total || p.done >= done + stride,
            _ => true,
        };
        if !due {
            return;
        }
        last = Some((p.step, p.done));
        let n = |x: usize| u32::try_from(x).unwrap_or(u32::MAX);
        let _ = MailProgress {
            step: match p.step {
                MailStep::Read => "read",
                MailStep::Write => "write",
            }
            .into(),
            done: n(p.done),
            total: n(p.total),
        }
        .emit(app);
    }
}

/// The messages of an mbox (`file`, a handle to read), for the user to pick from.
#[tauri::command]
#[specta::specta]
pub async fn mbox_messages(state: State<'_, AppState>, file: u32) -> Result<Vec<MboxMessageDto>> {
    // Only with a dossier open: the list shows who wrote to the user about what.
    state.shared()?;
    let path = state.granted(file, Purpose::Read)?;
    off_runtime(move || {
        let bytes = read(&path)?;
        let list = dossier_core::mail::mbox_summaries(&bytes)
            .map_err(|why| refused(&name_of(&path), why))?;
        Ok(list.into_iter().map(MboxMessageDto::from).collect())
    })
    .await
}

/// The user's own e-mail address (empty until given): their messages are email-out.
#[tauri::command]
#[specta::specta]
pub async fn mail_own_address(state: State<'_, AppState>) -> Result<String> {
    state.with_dossier(|d| Ok(d.profile()?.email))
}

/// Keeps the user's own e-mail address in their profile (the rest stays as it is).
#[tauri::command]
#[specta::specta]
pub async fn set_mail_own_address(state: State<'_, AppState>, email: String) -> Result<String> {
    state.with_dossier(|d| {
        let profile = Profile {
            email,
            ..d.profile()?
        };
        Ok(d.set_profile(&profile)?.email)
    })
}

/// What importing `files` would do, without writing: every message with its entry,
/// people and files, and whether it is already in the dossier; or, when a file or
/// message cannot be imported, each problem (then nothing can be imported yet).
/// `dates` gives each message without a date of its own the day the user said. Sends
/// `mail-progress` (read) as it goes.
#[tauri::command]
#[specta::specta]
pub async fn plan_mail(
    app: AppHandle,
    state: State<'_, AppState>,
    files: Vec<MailFileDto>,
    dates: Vec<MailDateDto>,
) -> Result<MailPlanDto> {
    let inputs = inputs(&state, files).await?;
    let opts = options(dates, Vec::new())?;
    state
        .with_dossier_off(move |d| {
            match d.mail_plan_with_progress(&inputs, &opts, &SystemClock, &mut emitter(&app)) {
                Ok(plan) => Ok(MailPlanDto {
                    messages: plan.iter().map(MailMessageDto::from).collect(),
                    problems: Vec::new(),
                }),
                Err(Error::MailRefused(problems)) => Ok(MailPlanDto {
                    messages: Vec::new(),
                    problems: problems.iter().map(MailProblemDto::from).collect(),
                }),
                Err(e) => Err(e.into()),
            }
        })
        .await
}

/// Imports the messages of `files` in one transaction, or nothing: each becomes an
/// e-mail entry with the original attached; messages already there are skipped and
/// named. `declined` holds the suggested people (address, or name without one) the
/// user chose not to add. Sends `mail-progress` (read, then write) as it goes.
#[tauri::command]
#[specta::specta]
pub async fn import_mail(
    app: AppHandle,
    state: State<'_, AppState>,
    files: Vec<MailFileDto>,
    dates: Vec<MailDateDto>,
    declined: Vec<String>,
) -> Result<MailImportDto> {
    let inputs = inputs(&state, files).await?;
    let opts = options(dates, declined)?;
    state
        .with_dossier_off(move |d| {
            Ok(MailImportDto::from(&d.import_mail_with_progress(
                &inputs,
                &opts,
                &SystemClock,
                &mut emitter(&app),
            )?))
        })
        .await
}
