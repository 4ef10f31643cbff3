//! The `todo_states` and `reminders_sent` tables, and the light reads to-dos are
//! derived from: only the columns needed, of live entries that can produce a to-do.

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::entry::EntryKind;
use crate::error::{from_sqlite, Error, Result};
use crate::store::links::LinkKind;
use crate::todo::{IncomingLink, StoredTodoState, TodoKind, TodoSource, TodoState};

/// Live entries that can produce a to-do (the same kinds of date `derive_todos` reads).
/// Named index: without statistics the planner prefers the date index and reads every
/// live row; `INDEXED BY` also makes a drift between this WHERE and the index's an
/// error rather than a slow scan.
const SOURCES: &str = "SELECT id, kind, occurred_on, title, kenmerk, medical, letter_dated,
    sent_on, received_on, reply_by, repair_by, appointment_on, appointment_time,
    follow_up_on, on_objection
    FROM entries INDEXED BY entries_todo_sources
    WHERE deleted_at IS NULL AND (kind = 'decision' OR reply_by IS NOT NULL
        OR repair_by IS NOT NULL OR appointment_on IS NOT NULL OR follow_up_on IS NOT NULL)";

fn damaged(what: &str, id: i64) -> Error {
    Error::Damaged(format!("entry {id} has an invalid {what}"))
}

fn date(s: Option<String>, what: &str, id: i64) -> Result<Option<NaiveDate>> {
    s.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| damaged(what, id)))
        .transpose()
}

type RawSource = (
    i64,
    String,
    String,
    String,
    String,
    bool,
    [Option<String>; 8],
    bool,
);

fn raw_source(r: &Row<'_>) -> rusqlite::Result<RawSource> {
    Ok((
        r.get(0)?,
        r.get(1)?,
        r.get(2)?,
        r.get(3)?,
        r.get(4)?,
        r.get(5)?,
        [
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
            r.get(10)?,
            r.get(11)?,
            r.get(12)?,
            r.get(13)?,
        ],
        r.get(14)?,
    ))
}

fn finish_source(raw: RawSource) -> Result<TodoSource> {
    let (id, kind, occurred_on, title, kenmerk, medical, dates, on_objection) = raw;
    let [letter_dated, sent_on, received_on, reply_by, repair_by, appointment_on, time, follow_up_on] =
        dates;
    let appointment_time = time
        .map(|t| {
            NaiveTime::parse_from_str(&t, "%H:%M").map_err(|_| damaged("appointment time", id))
        })
        .transpose()?;
    let kind = EntryKind::from_name(&kind).map_err(|_| damaged("kind", id))?;
    Ok(TodoSource {
        id,
        kind,
        occurred_on: date(Some(occurred_on), "date", id)?.ok_or_else(|| damaged("date", id))?,
        title,
        kenmerk,
        medical: crate::entry::is_medical(medical, kind),
        letter_dated: date(letter_dated, "date on the letter", id)?,
        sent_on: date(sent_on, "date sent", id)?,
        received_on: date(received_on, "date received", id)?,
        reply_by: date(reply_by, "reply-by date", id)?,
        repair_by: date(repair_by, "repair date", id)?,
        appointment_on: date(appointment_on, "appointment date", id)?,
        appointment_time,
        follow_up_on: date(follow_up_on, "follow-up date", id)?,
        on_objection,
    })
}

#[cfg(feature = "test-hooks")]
/// SQLite's plan for reading every to-do source, one line per step (for the test that
/// proves it reads only the covering index `entries_todo_sources`).
pub fn explain_sources(conn: &Connection) -> Result<Vec<String>> {
    let sql = format!("EXPLAIN QUERY PLAN {SOURCES} AND ?1 IS NULL");
    let mut stmt = conn
        .prepare(&sql)
        .map_err(|e| from_sqlite("explain the query", e))?;
    let rows = stmt
        .query_map([None::<i64>], |r| r.get::<_, String>(3))
        .map_err(|e| from_sqlite("explain the query", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("explain the query", e))
}

/// Every live entry that can produce a to-do, in one read; only `id` when given.
pub fn sources(conn: &Connection, only: Option<i64>) -> Result<Vec<TodoSource>> {
    let sql = match only {
        Some(_) => format!("{SOURCES} AND id = ?1"),
        None => format!("{SOURCES} AND ?1 IS NULL"),
    };
    let mut stmt = conn
        .prepare_cached(&sql)
        .map_err(|e| from_sqlite("read the deadlines", e))?;
    let rows = stmt
        .query_map([only], raw_source)
        .map_err(|e| from_sqlite("read the deadlines", e))?;
    let mut out = Vec::new();
    for row in rows {
        out.push(finish_source(
            row.map_err(|e| from_sqlite("read the deadlines", e))?,
        )?);
    }
    Ok(out)
}

/// Every stored choice. Rows of a kind or state this version does not know are skipped
/// (a newer version may add some); the to-do then shows as derived.
pub fn states(conn: &Connection) -> Result<Vec<StoredTodoState>> {
    let mut stmt = conn
        .prepare_cached("SELECT entry_id, kind, state, done_by FROM todo_states")
        .map_err(|e| from_sqlite("read the to-dos", e))?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, Option<i64>>(3)?,
            ))
        })
        .map_err(|e| from_sqlite("read the to-dos", e))?;
    let mut out = Vec::new();
    for row in rows {
        let (entry_id, kind, state, done_by) =
            row.map_err(|e| from_sqlite("read the to-dos", e))?;
        let Ok(kind) = TodoKind::from_name(&kind) else {
            continue;
        };
        let state = match state.as_str() {
            "done" => TodoState::Done { by: done_by },
            "not-needed" => TodoState::NotNeeded,
            _ => continue,
        };
        out.push(StoredTodoState {
            entry_id,
            kind,
            state,
        });
    }
    Ok(out)
}

/// The links that can settle a to-do: "objection-against" and "reply-to" from live
/// entries, and any link from a live decision on objection.
pub fn incoming_links(conn: &Connection) -> Result<Vec<IncomingLink>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT l.from_id, f.kind, f.on_objection, l.to_id, l.kind
             FROM entry_links l JOIN entries f ON f.id = l.from_id
             WHERE f.deleted_at IS NULL
               AND (l.kind IN ('objection-against', 'reply-to')
                    OR (f.kind = 'decision' AND f.on_objection = 1))",
        )
        .map_err(|e| from_sqlite("read the links", e))?;
    let rows = stmt
        .query_map([], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, bool>(2)?,
                r.get::<_, i64>(3)?,
                r.get::<_, String>(4)?,
            ))
        })
        .map_err(|e| from_sqlite("read the links", e))?;
    let mut out = Vec::new();
    for row in rows {
        let (from_id, from_kind, from_on_objection, to_id, kind) =
            row.map_err(|e| from_sqlite("read the links", e))?;
        out.push(IncomingLink {
            from_id,
            from_kind: EntryKind::from_name(&from_kind).map_err(|_| damaged("kind", from_id))?,
            from_on_objection,
            to_id,
            kind: LinkKind::from_name(&kind).map_err(|_| {
                Error::Damaged(format!("a link of entry {from_id} has an unknown kind"))
            })?,
        });
    }
    Ok(out)
}

/// Whether entry `id` exists, and if so whether it was deleted.
pub fn entry_deleted(conn: &Connection, id: i64) -> Result<Option<bool>> {
    conn.query_row(
        "SELECT deleted_at IS NOT NULL FROM entries WHERE id = ?1",
        [id],
        |r| r.get::<_, bool>(0),
    )
    .optional()
    .map_err(|e| from_sqlite("read the entry", e))
}

/// Stores `state` (done or not needed) for one to-do, replacing an earlier choice.
pub fn set_state(
    tx: &Transaction<'_>,
    entry_id: i64,
    kind: TodoKind,
    state: TodoState,
    now: &str,
) -> Result<()> {
    let (name, by) = match state {
        TodoState::Done { by } => ("done", by),
        TodoState::NotNeeded => ("not-needed", None),
        TodoState::Open | TodoState::Missed => return clear_state(tx, entry_id, kind),
    };
    tx.execute(
        "INSERT OR REPLACE INTO todo_states (entry_id, kind, state, done_by, note, set_at)
         VALUES (?1, ?2, ?3, ?4, '', ?5)",
        params![entry_id, kind.name(), name, by, now],
    )
    .map_err(|e| from_sqlite("save the to-do", e))?;
    Ok(())
}

/// Removes the stored choice (back to what the entries and links say).
pub fn clear_state(tx: &Transaction<'_>, entry_id: i64, kind: TodoKind) -> Result<()> {
    tx.execute(
        "DELETE FROM todo_states WHERE entry_id = ?1 AND kind = ?2",
        params![entry_id, kind.name()],
    )
    .map_err(|e| from_sqlite("save the to-do", e))?;
    Ok(())
}

/// The thresholds (days before) already shown for one to-do and act-by date.
pub fn shown(
    conn: &Connection,
    entry_id: i64,
    kind: TodoKind,
    act_by: NaiveDate,
) -> Result<Vec<u32>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT days_before FROM reminders_sent
             WHERE entry_id = ?1 AND kind = ?2 AND due_on = ?3",
        )
        .map_err(|e| from_sqlite("read the reminders", e))?;
    let rows = stmt
        .query_map(params![entry_id, kind.name(), act_by.to_string()], |r| {
            r.get::<_, u32>(0)
        })
        .map_err(|e| from_sqlite("read the reminders", e))?;
    rows.collect::<rusqlite::Result<Vec<u32>>>()
        .map_err(|e| from_sqlite("read the reminders", e))
}

/// Records one threshold as shown (`due_on` holds the act-by date it was for, so a
/// corrected date starts its reminders afresh).
pub fn record_shown(
    tx: &Transaction<'_>,
    entry_id: i64,
    kind: TodoKind,
    act_by: NaiveDate,
    days_before: u32,
    now: &str,
) -> Result<()> {
    tx.execute(
        "INSERT OR IGNORE INTO reminders_sent (entry_id, kind, due_on, days_before, sent_at)
         VALUES (?1, ?2, ?3, ?4, ?5)",
        params![entry_id, kind.name(), act_by.to_string(), days_before, now],
    )
    .map_err(|e| from_sqlite("save the reminder", e))?;
    Ok(())
}
