//! The `entries` table and its satellites (tags, people in a contact): write the
//! current state of an entry and read it back. History and search are kept in step by
//! the callers in `crate::api`, inside the same transaction.

use std::sync::LazyLock;

use chrono::{NaiveDate, NaiveTime};
use rusqlite::{params, Connection, OptionalExtension, Row, ToSql, Transaction};

use crate::entry::{ContactRule, Entry, EntryData, EntryKind, EntryPerson};
use crate::error::{from_sqlite, Error, Result};

const COLUMNS: &str = "id, kind, occurred_on, occurred_time, title, notes, asked, promised,
    agreed, organisation, place, channel, kenmerk, companions, threat, threat_text,
    follow_up_on, medical, letter_dated, sent_on, received_on, created_at, updated_at,
    version, deleted_at, delete_reason,
    (SELECT count(*) FROM attachments a WHERE a.entry_id = entries.id AND a.deleted_at IS NULL),
    reply_by, repair_by, appointment_on, appointment_time, on_objection, contact_rule,
    contact_rule_until";

fn date_str(d: Option<NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

fn time_str(t: Option<NaiveTime>) -> Option<String> {
    t.map(|t| t.format("%H:%M").to_string())
}

/// The columns an entry's data is stored in, in the order [`with_fields`] gives their
/// values: the one list both the INSERT and the UPDATE are made from.
const FIELDS: [&str; 27] = [
    "kind",
    "occurred_on",
    "title",
    "notes",
    "occurred_time",
    "asked",
    "promised",
    "agreed",
    "organisation",
    "place",
    "channel",
    "kenmerk",
    "companions",
    "threat",
    "threat_text",
    "follow_up_on",
    "medical",
    "letter_dated",
    "sent_on",
    "received_on",
    "reply_by",
    "repair_by",
    "appointment_on",
    "appointment_time",
    "on_objection",
    "contact_rule",
    "contact_rule_until",
];

/// `?1` is created_at, the fields follow.
static INSERT_SQL: LazyLock<String> = LazyLock::new(|| {
    let marks: Vec<String> = (1..=FIELDS.len() + 1).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO entries (created_at, {}) VALUES ({})",
        FIELDS.join(", "),
        marks.join(", ")
    )
});

/// `?1` is the id, `?2` updated_at, the fields follow.
static UPDATE_SQL: LazyLock<String> = LazyLock::new(|| {
    let sets: Vec<String> = FIELDS
        .iter()
        .enumerate()
        .map(|(i, f)| format!("{f} = ?{}", i + 3))
        .collect();
    format!(
        "UPDATE entries SET {}, updated_at = ?2, version = version + 1
         WHERE id = ?1 AND deleted_at IS NULL",
        sets.join(", ")
    )
});

/// Calls `f` with the stored values of `e`'s fields, in the order of [`FIELDS`]
/// (short texts trimmed, dates as `YYYY-MM-DD`, times as `HH:MM`).
fn with_fields<T>(e: &EntryData, f: impl FnOnce(&[&dyn ToSql]) -> T) -> T {
    let occurred_on = e.occurred_on.to_string();
    let times = [time_str(e.occurred_time), time_str(e.appointment_time)];
    let dates = [
        date_str(e.follow_up_on),
        date_str(e.letter_dated),
        date_str(e.sent_on),
        date_str(e.received_on),
        date_str(e.reply_by),
        date_str(e.repair_by),
        date_str(e.appointment_on),
        date_str(e.contact_rule_until),
    ];
    let (kind, title, rule) = (
        e.kind.name(),
        e.title.trim(),
        e.contact_rule.map(|r| r.name()),
    );
    let (organisation, place, channel, kenmerk) = (
        e.organisation.trim(),
        e.place.trim(),
        e.channel.trim(),
        e.kenmerk.trim(),
    );
    f(&[
        &kind,
        &occurred_on,
        &title,
        &e.notes,
        &times[0],
        &e.asked,
        &e.promised,
        &e.agreed,
        &organisation,
        &place,
        &channel,
        &kenmerk,
        &e.companions,
        &e.threat,
        &e.threat_text,
        &dates[0],
        &e.medical,
        &dates[1],
        &dates[2],
        &dates[3],
        &dates[4],
        &dates[5],
        &dates[6],
        &times[1],
        &e.on_objection,
        &rule,
        &dates[7],
    ])
}

/// Inserts a new entry (its current state only) and returns its id. One prepared
/// statement, shared with the bulk import.
pub fn insert(tx: &Transaction<'_>, e: &EntryData, now: &str) -> Result<i64> {
    insert_cached(tx, e, now)
}

/// Replaces the entry's fields with `e` and bumps its version.
pub fn update(tx: &Transaction<'_>, id: i64, e: &EntryData, now: &str) -> Result<u32> {
    let changed = with_fields(e, |fields| {
        let mut values: Vec<&dyn ToSql> = vec![&id, &now];
        values.extend_from_slice(fields);
        tx.prepare_cached(&UPDATE_SQL)
            .and_then(|mut stmt| stmt.execute(values.as_slice()))
    })
    .map_err(|err| from_sqlite("change the entry", err))?;
    if changed == 0 {
        return Err(Error::Invalid(format!(
            "entry {id} does not exist or was deleted"
        )));
    }
    tx.execute("DELETE FROM entry_tags WHERE entry_id = ?1", [id])
        .map_err(|err| from_sqlite("save the tags", err))?;
    tx.execute("DELETE FROM entry_people WHERE entry_id = ?1", [id])
        .map_err(|err| from_sqlite("save the people", err))?;
    write_tags_and_people(tx, id, e)?;
    current_version(tx, id)
}

/// Marks the entry deleted. Its content stays (for the history and the tombstone).
pub fn tombstone(tx: &Transaction<'_>, id: i64, reason: &str, now: &str) -> Result<u32> {
    let changed = tx
        .execute(
            "UPDATE entries SET deleted_at = ?2, delete_reason = ?3, updated_at = ?2,
             version = version + 1 WHERE id = ?1 AND deleted_at IS NULL",
            params![id, now, reason.trim()],
        )
        .map_err(|err| from_sqlite("delete the entry", err))?;
    if changed == 0 {
        return Err(Error::Invalid(format!(
            "entry {id} does not exist or was already deleted"
        )));
    }
    current_version(tx, id)
}

fn current_version(conn: &Connection, id: i64) -> Result<u32> {
    conn.query_row("SELECT version FROM entries WHERE id = ?1", [id], |r| {
        r.get(0)
    })
    .map_err(|e| from_sqlite("read the entry version", e))
}

/// Adds the entry's tags and people (after any old ones were removed).
fn write_tags_and_people(tx: &Transaction<'_>, id: i64, e: &EntryData) -> Result<()> {
    let mut tag = tx
        .prepare_cached("INSERT OR IGNORE INTO entry_tags (entry_id, tag) VALUES (?1, ?2)")
        .map_err(|err| from_sqlite("save the tags", err))?;
    for t in &e.tags {
        tag.execute(params![id, t.trim()])
            .map_err(|err| from_sqlite("save the tags", err))?;
    }
    let mut person = tx
        .prepare_cached(
            "INSERT OR REPLACE INTO entry_people (entry_id, person_id, role) VALUES (?1, ?2, ?3)",
        )
        .map_err(|err| from_sqlite("save the people", err))?;
    for p in &e.people {
        person
            .execute(params![id, p.person_id, p.role.trim()])
            .map_err(|err| match from_sqlite("save the people", err) {
                Error::Invalid(_) => {
                    Error::Invalid(format!("person {} does not exist", p.person_id))
                }
                other => other,
            })?;
    }
    Ok(())
}

fn opt_date(id: i64, s: Option<String>) -> Result<Option<NaiveDate>> {
    s.map(|s| {
        NaiveDate::parse_from_str(&s, "%Y-%m-%d")
            .map_err(|_| Error::Damaged(format!("entry {id} has an invalid date")))
    })
    .transpose()
}

struct RawRow {
    id: i64,
    kind: String,
    occurred_on: String,
    occurred_time: Option<String>,
    text: [String; 11],
    threat: bool,
    follow_up_on: Option<String>,
    medical: bool,
    letter_dates: [Option<String>; 3],
    created_at: String,
    updated_at: Option<String>,
    version: u32,
    deleted_at: Option<String>,
    delete_reason: String,
    attachment_count: u32,
    /// reply_by, repair_by, appointment_on, contact_rule_until
    ahead: [Option<String>; 4],
    appointment_time: Option<String>,
    on_objection: bool,
    contact_rule: Option<String>,
}

fn raw(r: &Row<'_>) -> rusqlite::Result<RawRow> {
    Ok(RawRow {
        id: r.get(0)?,
        kind: r.get(1)?,
        occurred_on: r.get(2)?,
        occurred_time: r.get(3)?,
        // title, notes, asked, promised, agreed, organisation, place, channel, kenmerk,
        // companions, threat_text
        text: [
            r.get(4)?,
            r.get(5)?,
            r.get(6)?,
            r.get(7)?,
            r.get(8)?,
            r.get(9)?,
            r.get(10)?,
            r.get(11)?,
            r.get(12)?,
            r.get(13)?,
            r.get(15)?,
        ],
        threat: r.get(14)?,
        follow_up_on: r.get(16)?,
        medical: r.get(17)?,
        letter_dates: [r.get(18)?, r.get(19)?, r.get(20)?],
        created_at: r.get(21)?,
        updated_at: r.get(22)?,
        version: r.get(23)?,
        deleted_at: r.get(24)?,
        delete_reason: r.get(25)?,
        attachment_count: r.get(26)?,
        ahead: [r.get(27)?, r.get(28)?, r.get(29)?, r.get(33)?],
        appointment_time: r.get(30)?,
        on_objection: r.get(31)?,
        contact_rule: r.get(32)?,
    })
}

fn finish(conn: &Connection, r: RawRow) -> Result<Entry> {
    let id = r.id;
    let [title, notes, asked, promised, agreed, organisation, place, channel, kenmerk, companions, threat_text] =
        r.text;
    let [letter_dated, sent_on, received_on] = r.letter_dates;
    let [reply_by, repair_by, appointment_on, contact_rule_until] = r.ahead;
    let time = |t: Option<String>| {
        t.map(|t| NaiveTime::parse_from_str(&t, "%H:%M"))
            .transpose()
            .map_err(|_| Error::Damaged(format!("entry {id} has an invalid time")))
    };
    let data = EntryData {
        kind: EntryKind::from_name(&r.kind)
            .map_err(|_| Error::Damaged(format!("entry {id} has an unknown kind")))?,
        occurred_on: NaiveDate::parse_from_str(&r.occurred_on, "%Y-%m-%d")
            .map_err(|_| Error::Damaged(format!("entry {id} has an invalid date")))?,
        occurred_time: time(r.occurred_time)?,
        title,
        notes,
        asked,
        promised,
        agreed,
        organisation,
        place,
        channel,
        kenmerk,
        companions,
        threat: r.threat,
        threat_text,
        follow_up_on: opt_date(id, r.follow_up_on)?,
        medical: r.medical,
        letter_dated: opt_date(id, letter_dated)?,
        sent_on: opt_date(id, sent_on)?,
        received_on: opt_date(id, received_on)?,
        reply_by: opt_date(id, reply_by)?,
        repair_by: opt_date(id, repair_by)?,
        appointment_on: opt_date(id, appointment_on)?,
        appointment_time: time(r.appointment_time)?,
        on_objection: r.on_objection,
        contact_rule: r
            .contact_rule
            .map(|n| ContactRule::from_name(&n))
            .transpose()
            .map_err(|_| Error::Damaged(format!("entry {id} has an unknown contact rule")))?,
        contact_rule_until: opt_date(id, contact_rule_until)?,
        tags: tags_of(conn, id)?,
        people: people_of(conn, id)?,
    };
    Ok(Entry {
        id,
        data,
        created_at: r.created_at,
        updated_at: r.updated_at,
        version: r.version,
        deleted_at: r.deleted_at,
        delete_reason: r.delete_reason,
        attachment_count: r.attachment_count,
    })
}

fn tags_of(conn: &Connection, id: i64) -> Result<Vec<String>> {
    let mut stmt = conn
        .prepare_cached("SELECT tag FROM entry_tags WHERE entry_id = ?1 ORDER BY tag")
        .map_err(|e| from_sqlite("read the tags", e))?;
    let rows = stmt
        .query_map([id], |r| r.get(0))
        .map_err(|e| from_sqlite("read the tags", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the tags", e))
}

fn people_of(conn: &Connection, id: i64) -> Result<Vec<EntryPerson>> {
    let mut stmt = conn
        .prepare_cached(
            "SELECT person_id, role FROM entry_people WHERE entry_id = ?1 ORDER BY person_id",
        )
        .map_err(|e| from_sqlite("read the people", e))?;
    let rows = stmt
        .query_map([id], |r| {
            Ok(EntryPerson {
                person_id: r.get(0)?,
                role: r.get(1)?,
            })
        })
        .map_err(|e| from_sqlite("read the people", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the people", e))
}

/// One entry by id, deleted or not.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Entry>> {
    let sql = format!("SELECT {COLUMNS} FROM entries WHERE id = ?1");
    let row = conn
        .query_row(&sql, [id], raw)
        .optional()
        .map_err(|e| from_sqlite("read the entry", e))?;
    row.map(|r| finish(conn, r)).transpose()
}

/// Entries in timeline order (date, then the order they were written down), with
/// `where_sql` (a trusted, parameterless condition on `entries`) applied.
pub fn list_where(conn: &Connection, where_sql: &str) -> Result<Vec<Entry>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM entries WHERE {where_sql} ORDER BY occurred_on, occurred_time, id"
    );
    let mut stmt = conn
        .prepare_cached(&sql)
        .map_err(|e| from_sqlite("read the entries", e))?;
    let rows: Vec<RawRow> = stmt
        .query_map([], raw)
        .map_err(|e| from_sqlite("read the entries", e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the entries", e))?;
    rows.into_iter().map(|r| finish(conn, r)).collect()
}

/// Every entry including tombstones, in timeline order.
pub fn list(conn: &Connection) -> Result<Vec<Entry>> {
    list_where(conn, "1")
}

pub fn count(conn: &Connection) -> Result<u64> {
    conn.query_row(
        "SELECT count(*) FROM entries WHERE deleted_at IS NULL",
        [],
        |r| r.get::<_, i64>(0),
    )
    .map(|n| n.max(0) as u64)
    .map_err(|e| from_sqlite("count the entries", e))
}

/// Entries matching `tail` — a `WHERE … ORDER BY … LIMIT …` clause built by the caller
/// from fixed SQL, with every value the user typed bound in `values`, never spliced in.
pub fn select(
    conn: &Connection,
    tail: &str,
    values: &[rusqlite::types::Value],
) -> Result<Vec<Entry>> {
    let mut stmt = conn
        .prepare_cached(&select_sql(tail))
        .map_err(|e| from_sqlite("read the entries", e))?;
    let rows: Vec<RawRow> = stmt
        .query_map(rusqlite::params_from_iter(values), raw)
        .map_err(|e| from_sqlite("read the entries", e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the entries", e))?;
    rows.into_iter().map(|r| finish(conn, r)).collect()
}

/// The full query [`select`] runs for `tail` (for `EXPLAIN QUERY PLAN` in tests).
pub fn select_sql(tail: &str) -> String {
    format!("SELECT {COLUMNS} FROM entries {tail}")
}

/// One entry of a bulk import: its data, with the people in it named rather than
/// referenced (they are found by name or created). `data.people` is ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportItem {
    pub data: EntryData,
    pub people: Vec<crate::person::NamedRole>,
}

/// Inserts many entries in the caller's transaction: each gets its first history
/// version (reason "imported from a file") and, at the end, its search index row.
/// Nothing is committed here, so a failure anywhere leaves the dossier unchanged, and
/// no per-entry commit (an fsync each) slows a large import down. Validation is the
/// caller's job (it needs the clock). Returns the new ids in input order.
pub fn insert_many(tx: &Transaction<'_>, items: &[ImportItem], now: &str) -> Result<Vec<i64>> {
    use crate::store::{history, people};
    let mut known: std::collections::HashMap<String, i64> = std::collections::HashMap::new();
    let mut ids = Vec::with_capacity(items.len());
    for item in items {
        let mut data = item.data.clone();
        data.people.clear();
        for p in &item.people {
            let name = p.name.trim();
            let person_id = match known.get(name) {
                Some(id) => *id,
                None => {
                    let id = match people::find_by_name(tx, name)? {
                        Some(found) => found.id,
                        None => {
                            let new = crate::person::PersonData::named(name, p.role.trim());
                            new.validate()?;
                            people::insert(tx, &new, now)?
                        }
                    };
                    known.insert(name.to_string(), id);
                    id
                }
            };
            data.people.push(EntryPerson {
                person_id,
                role: p.role.clone(),
            });
        }
        let id = insert_cached(tx, &data, now)?;
        let saved =
            get(tx, id)?.ok_or_else(|| Error::Invalid(format!("entry {id} does not exist")))?;
        history::record(
            tx,
            &saved,
            history::Action::Create,
            "imported from a file",
            now,
        )?;
        ids.push(id);
    }
    if let (Some(first), Some(last)) = (ids.first(), ids.last()) {
        index_range(tx, *first, *last)?;
    }
    Ok(ids)
}

/// Every column in one statement kept prepared: a bulk import runs it 100,000 times.
fn insert_cached(tx: &Transaction<'_>, e: &EntryData, now: &str) -> Result<i64> {
    with_fields(e, |fields| {
        let mut values: Vec<&dyn ToSql> = Vec::with_capacity(FIELDS.len() + 1);
        values.push(&now);
        values.extend_from_slice(fields);
        tx.prepare_cached(&INSERT_SQL)
            .and_then(|mut stmt| stmt.execute(values.as_slice()))
    })
    .map_err(|err| from_sqlite("save the entry", err))?;
    let id = tx.last_insert_rowid();
    write_tags_and_people(tx, id, e)?;
    Ok(id)
}

/// Adds the search index rows of the new entries `first..=last` in one statement.
/// One statement instead of a `search::reindex_entry` per entry; both build the body
/// from `search::BODY_SQL`.
fn index_range(tx: &Transaction<'_>, first: i64, last: i64) -> Result<()> {
    tx.execute(
        &format!(
            "INSERT INTO search_index (rowid, body, entry_id) SELECT e.id, {}, e.id
             FROM entries e WHERE e.id BETWEEN ?1 AND ?2 AND e.deleted_at IS NULL ORDER BY e.id",
            super::search::BODY_SQL
        ),
        params![first, last],
    )
    .map_err(|e| from_sqlite("update the search index", e))?;
    Ok(())
}

/// Everything a file can bring into a dossier in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportBatch {
    /// People to know by name; one whose name is already known is left as it is.
    pub people: Vec<crate::person::PersonData>,
    pub klantmanager_periods: Vec<crate::person::NamedPeriod>,
    pub entries: Vec<ImportItem>,
}

/// What an import added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub people_added: u32,
    pub periods_added: u32,
    pub entry_ids: Vec<i64>,
}
