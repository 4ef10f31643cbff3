//! `dossier deadlines` and `dossier todo`: the to-dos of a dossier (F6) as lines, JSON
//! or a calendar file, and the user's choice about one. Thin over core's to-do API.

use std::io::Write;
use std::path::Path;

use dossier_core::deadline::NaiveDate;
use dossier_core::entry::parse_date;
use dossier_core::export::Lang as TextLang;
use dossier_core::todo::{sentence_en, sentence_nl, Todo, TodoChoice, TodoKind, TodoState};
use dossier_core::{Clock, Error, SystemClock};
use serde::Serialize;

use crate::commands::{open, Result};
use crate::messages::Lang;

/// The flags of `deadlines` as typed.
#[derive(Debug, Clone, Copy, Default)]
pub struct DeadlinesArgs<'a> {
    pub json: bool,
    /// Also done and not-needed to-dos.
    pub all: bool,
    /// Write the open to-dos to this calendar file instead of listing them.
    pub ics: Option<&'a Path>,
    /// `YYYY-MM-DD`: the day to see the to-dos on (for tests and for looking ahead);
    /// the computer's date when absent.
    pub today: Option<&'a str>,
}

/// `--json`: one object per to-do. The keys are a contract; dates are `YYYY-MM-DD`.
#[derive(Serialize)]
struct TodoJson {
    entry_id: i64,
    kind: &'static str,
    /// `open`, `missed`, `done`, `not-needed`.
    state: &'static str,
    entry_title: String,
    entry_date: String,
    due_on: String,
    /// `HH:MM` for an appointment with a time.
    due_time: Option<String>,
    act_by: String,
    days_left: i64,
    /// Objection and appeal: `{known: sent|letter_dated|received, date}`.
    counted_from: Option<CountedJson>,
    on_day_off: bool,
    done_by: Option<i64>,
    sentence: String,
}

#[derive(Serialize)]
struct CountedJson {
    known: &'static str,
    date: String,
}

fn sentence(t: &Todo, lang: Lang) -> String {
    match lang {
        Lang::Nl => sentence_nl(t),
        Lang::En => sentence_en(t),
    }
}

fn to_json(t: &Todo, lang: Lang) -> TodoJson {
    TodoJson {
        entry_id: t.entry_id,
        kind: t.kind.name(),
        state: t.state.name(),
        entry_title: t.entry_title.clone(),
        entry_date: t.entry_date.to_string(),
        due_on: t.due_on.to_string(),
        due_time: t.due_time.map(|x| x.format("%H:%M").to_string()),
        act_by: t.act_by.to_string(),
        days_left: t.days_left,
        counted_from: t.counted_from.map(|k| CountedJson {
            known: k.name(),
            date: k.date().to_string(),
        }),
        on_day_off: t.on_day_off,
        done_by: match t.state {
            TodoState::Done { by } => by,
            _ => None,
        },
        sentence: sentence(t, lang),
    }
}

fn today(given: Option<&str>) -> Result<NaiveDate> {
    Ok(match given {
        Some(s) => parse_date(s)?,
        None => dossier_core::dutch_today(SystemClock.now()),
    })
}

pub fn deadlines(dir: &Path, args: &DeadlinesArgs<'_>, lang: Lang) -> Result {
    let today = today(args.today)?;
    if let Some(file) = args.ics {
        // Like `export --pdf`: never overwrite, checked before the passphrase is asked.
        crate::outfile::refuse_existing(file)?;
    }
    let d = open(dir, lang)?;
    let mut out = std::io::stdout().lock();
    if let Some(file) = args.ics {
        let text_lang = match lang {
            Lang::Nl => TextLang::Nl,
            Lang::En => TextLang::En,
        };
        let ics = d.todos_ics(today, text_lang, &SystemClock)?;
        crate::outfile::write_new(file, ics.as_bytes())?;
        let events = ics.matches("BEGIN:VEVENT").count();
        writeln!(
            out,
            "{} {} ({events} {})",
            lang.pick("Agenda gemaakt:", "Calendar made:"),
            file.display(),
            lang.pick("afspraken", "events"),
        )?;
        return Ok(());
    }
    let todos: Vec<Todo> = d
        .todos(today)?
        .into_iter()
        .filter(|t| args.all || matches!(t.state, TodoState::Open | TodoState::Missed))
        .collect();
    if args.json {
        let rows: Vec<TodoJson> = todos.iter().map(|t| to_json(t, lang)).collect();
        serde_json::to_writer_pretty(&mut out, &rows).map_err(std::io::Error::from)?;
        writeln!(out)?;
    } else {
        for t in &todos {
            writeln!(
                out,
                "{}\t{}\t{}\t{}",
                t.act_by,
                t.due_on,
                t.state.name(),
                sentence(t, lang)
            )?;
        }
    }
    Ok(())
}

/// `dossier todo DIR ENTRY KIND done|not-needed|reopen [--by ID]`.
pub fn todo(
    dir: &Path,
    entry_id: i64,
    kind: &str,
    choice: &str,
    by: Option<i64>,
    lang: Lang,
) -> Result {
    let kind = TodoKind::from_name(kind)?;
    let choice = match (choice, by) {
        ("done", by) => TodoChoice::Done { by },
        ("not-needed", None) => TodoChoice::NotNeeded,
        ("reopen", None) => TodoChoice::Reopen,
        ("not-needed" | "reopen", Some(_)) => {
            return Err(Error::Invalid("--by goes only with done".into()).into())
        }
        (other, _) => {
            return Err(Error::Invalid(format!(
                "unknown choice '{other}'; use done, not-needed or reopen"
            ))
            .into())
        }
    };
    let mut d = open(dir, lang)?;
    d.set_todo_state(entry_id, kind, choice, &SystemClock)?;
    Ok(())
}
