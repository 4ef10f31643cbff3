//! IPC commands for letters from an entry (F12) and the user's own details: which
//! letters an entry offers, the blanks to ask first, grounds the dossier suggests, a
//! preview, making the draft `letter-out` entry, and marking it sent. Each converts
//! wire types, calls core, converts back; nothing more. The proof of sending is
//! attached with the ordinary attachment command, so no path crosses here.

use dossier_core::entry::parse_date;
use dossier_core::letters::{plain_text, LetterFormat, LetterRequest, LetterType};
use dossier_core::{Error, SystemClock};
use tauri::State;

use crate::commands_entries::detail;
use crate::dto_entries::{wire_id, EntryDetailDto};
use crate::dto_letters::{
    how_sent, BlankDto, EnclosureOptionDto, GroundSuggestionDto, LetterOptionDto, LetterOptionsDto,
    LetterPreviewDto, LetterRequestDto, MadeLetterDto, MissingDto, NotOfferedDto, ProfileDto,
};
use crate::dto_todos::todos_dto;
use crate::error::IpcError;
use crate::notify::today;
use crate::AppState;

type Result<T> = std::result::Result<T, IpcError>;

/// The letters entry `id` offers, most important first, and those that fit its kind
/// but are not offered yet, with core's reason (the ingebrekestelling before the
/// period for deciding has passed).
#[tauri::command]
#[specta::specta]
pub async fn letter_options(state: State<'_, AppState>, id: u32) -> Result<LetterOptionsDto> {
    let today = today();
    let id = i64::from(id);
    state.with_dossier(|d| {
        let entry = d.entry(id)?;
        let offered = d.letter_options(id, today)?;
        let mut not_offered = Vec::new();
        for t in LetterType::ALL {
            let fits = t.fits_kind(entry.data.kind, entry.data.on_objection);
            if !fits || offered.iter().any(|o| o.letter_type == t) {
                continue;
            }
            if let Err(Error::LetterNotOffered { nl, en }) =
                d.letter_blanks(id, t, &LetterRequest::default(), today)
            {
                not_offered.push(NotOfferedDto {
                    letter_type: t.name().to_string(),
                    reason_nl: nl,
                    reason_en: en,
                });
            }
        }
        Ok(LetterOptionsDto {
            offered: offered.into_iter().map(LetterOptionDto::from).collect(),
            not_offered,
        })
    })
}

/// The blanks of one letter with what is filled so far; those still missing first.
#[tauri::command]
#[specta::specta]
pub async fn letter_blanks(
    state: State<'_, AppState>,
    id: u32,
    letter_type: String,
    request: LetterRequestDto,
) -> Result<Vec<BlankDto>> {
    let t = LetterType::from_name(&letter_type)?;
    let req = LetterRequest::from(request);
    let today = today();
    state.with_dossier(|d| {
        Ok(d.letter_blanks(i64::from(id), t, &req, today)?
            .into_iter()
            .map(BlankDto::from)
            .collect())
    })
}

/// Grounds for an objection against decision `id` from the user's own entries: an
/// exemption in force, a broken contact agreement, linked entries.
#[tauri::command]
#[specta::specta]
pub async fn ground_suggestions(
    state: State<'_, AppState>,
    id: u32,
) -> Result<Vec<GroundSuggestionDto>> {
    state.with_dossier(|d| {
        Ok(d.ground_suggestions(i64::from(id))?
            .into_iter()
            .map(GroundSuggestionDto::from)
            .collect())
    })
}

/// The papers an objection from entry `id` can send along: the exhibits as the overview
/// of the whole dossier numbers them (no medical papers), each with its line for the
/// letter's list of enclosures.
#[tauri::command]
#[specta::specta]
pub async fn enclosure_options(
    state: State<'_, AppState>,
    id: u32,
) -> Result<Vec<EnclosureOptionDto>> {
    state
        .with_dossier_off(move |d| {
            Ok(d.enclosure_options(i64::from(id))?
                .into_iter()
                .map(EnclosureOptionDto::from)
                .collect())
        })
        .await
}

/// The postal address the last letter to `organisation` went to (empty: none yet).
#[tauri::command]
#[specta::specta]
pub async fn organisation_address(
    state: State<'_, AppState>,
    organisation: String,
) -> Result<Vec<String>> {
    state.with_dossier(|d| Ok(d.organisation_address(&organisation)?))
}

/// The letter's text as it would be made, or what it still needs (each named; for an
/// objection the Awb 6:5 elements). Nothing is stored.
#[tauri::command]
#[specta::specta]
pub async fn letter_preview(
    state: State<'_, AppState>,
    id: u32,
    letter_type: String,
    request: LetterRequestDto,
) -> Result<LetterPreviewDto> {
    let t = LetterType::from_name(&letter_type)?;
    let req = LetterRequest::from(request);
    let today = today();
    state.with_dossier(|d| {
        match d.render_letter(i64::from(id), t, &req, LetterFormat::Txt, today) {
            Ok(r) => Ok(LetterPreviewDto {
                text: Some(plain_text(&r.letter)),
                subject: Some(r.letter.subject.clone()),
                missing: Vec::new(),
                term_ends: r.letter.term_ends.map(|d| d.to_string()),
            }),
            Err(Error::LetterIncomplete(missing)) => Ok(LetterPreviewDto {
                text: None,
                subject: None,
                missing: missing.into_iter().map(MissingDto::from).collect(),
                term_ends: None,
            }),
            Err(e) => Err(e.into()),
        }
    })
}

/// Makes the letter (`format`: `pdf`, `txt` or `docx`) as a draft `letter-out` entry
/// with the file attached, and returns it with the to-do its term sets. Runs on the
/// blocking pool (like the PDF export).
#[tauri::command]
#[specta::specta]
pub async fn make_letter(
    state: State<'_, AppState>,
    id: u32,
    letter_type: String,
    request: LetterRequestDto,
    format: String,
) -> Result<MadeLetterDto> {
    let t = LetterType::from_name(&letter_type)?;
    let format = LetterFormat::from_name(&format)?;
    let req = LetterRequest::from(request);
    let today = today();
    // Rendering a PDF or DOCX takes a while: on the blocking pool, so lock stays quick.
    state
        .with_dossier_off(move |d| {
            let made = d.make_letter(i64::from(id), t, &req, format, &SystemClock)?;
            let new_id = made.entry.id;
            let filename = d
                .attachments(new_id)?
                .into_iter()
                .next()
                .map(|a| a.filename)
                .unwrap_or_default();
            Ok(MadeLetterDto {
                entry_id: wire_id(new_id),
                title: made.entry.data.title.clone(),
                filename,
                term_ends: made.rendered.letter.term_ends.map(|d| d.to_string()),
                todos: todos_dto(&d.todos_of(&[new_id], today)?, today),
            })
        })
        .await
}

/// Marks letter `id` as sent on `sent_on` (`YYYY-MM-DD`), `how` one of `post`,
/// `aangetekend`, `e-mail`, `webformulier`, `afgegeven`. The draft tag goes and the
/// link to its source becomes what a sent letter is.
#[tauri::command]
#[specta::specta]
pub async fn mark_letter_sent(
    state: State<'_, AppState>,
    id: u32,
    sent_on: String,
    how: String,
) -> Result<EntryDetailDto> {
    let day = parse_date(sent_on.trim())?;
    let how = how_sent(&how)?;
    state.with_dossier(|d| {
        let e = d.mark_letter_sent(i64::from(id), day, how, None, &SystemClock)?;
        detail(d, e.id)
    })
}

/// Takes back marking letter `id` sent (new history): a draft again, its link back to
/// `same-decision`. Refused when the letter changed since.
#[tauri::command]
#[specta::specta]
pub async fn undo_letter_sent(state: State<'_, AppState>, id: u32) -> Result<EntryDetailDto> {
    state.with_dossier(|d| {
        let e = d.undo_letter_sent(i64::from(id), &SystemClock)?;
        detail(d, e.id)
    })
}

/// The user's name, address and e-mail (empty parts when not given).
#[tauri::command]
#[specta::specta]
pub async fn get_profile(state: State<'_, AppState>) -> Result<ProfileDto> {
    state.with_dossier(|d| Ok(d.profile()?.into()))
}

/// Replaces the user's details; returns them as stored (trimmed).
#[tauri::command]
#[specta::specta]
pub async fn set_profile(state: State<'_, AppState>, profile: ProfileDto) -> Result<ProfileDto> {
    state.with_dossier(|d| Ok(d.set_profile(&profile.into())?.into()))
}
