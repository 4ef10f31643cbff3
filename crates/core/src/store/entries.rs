//! The `entries` table and its satellites (tags, people in a contact): write the
//! current state of an entry and read it back, one statement per read. History and search are kept in step by
//! the callers in `crate::api`, inside the same transaction.

use std::sync::LazyLock;

use rusqlite::{params, Connection, OptionalExtension, Row, ToSql, Transaction};
use serde_json::{Map, Value};

use crate::entry::{Entry, EntryData, EntryPerson};
use crate::error::{from_sqlite, Error, Result};
pub use crate::import::{ImportBatch, ImportItem, ImportReport};
use crate::record::{self, Column, COLUMNS};

/// What is read besides the fields: id and history columns, then the tags and the
/// people in the contact (JSON arrays, so a page of entries is one statement, never a
/// query per row or per satellite table), then the fields in the order of [`COLUMNS`].
/// The arrays are put in order in [`finish`], not by an aggregate `ORDER BY`: that
/// opens a sorter per row and per array (50 rows, 100 sorters, for a few tags each).
const META: &str = "id, created_at, updated_at, version, deleted_at, delete_reason,
    (SELECT count(*) FROM attachments a WHERE a.entry_id = entries.id AND a.deleted_at IS NULL),
    (SELECT json_group_array(t.tag) FROM entry_tags t WHERE t.entry_id = entries.id),
    (SELECT json_group_array(json_array(p.person_id, p.role))
       FROM entry_people p WHERE p.entry_id = entries.id)";
const META_COUNT: usize = 9;

static SELECT_COLUMNS: LazyLock<String> = LazyLock::new(|| {
    let names: Vec<&str> = COLUMNS.iter().map(|(n, _)| n.as_str()).collect();
    format!("{META}, {}", names.join(", "))
});

/// `?1` is created_at, the fields follow.
static INSERT_SQL: LazyLock<String> = LazyLock::new(|| {
    let names: Vec<&str> = COLUMNS.iter().map(|(n, _)| n.as_str()).collect();
    let marks: Vec<String> = (1..=COLUMNS.len() + 1).map(|i| format!("?{i}")).collect();
    format!(
        "INSERT INTO entries (created_at, {}) VALUES ({})",
        names.join(", "),
        marks.join(", ")
    )
});

/// `?1` is the id, `?2` updated_at, the fields follow.
static UPDATE_SQL: LazyLock<String> = LazyLock::new(|| {
    let sets: Vec<String> = COLUMNS
        .iter()
        .enumerate()
        .map(|(i, (f, _))| format!("{f} = ?{}", i + 3))
        .collect();
    format!(
        "UPDATE entries SET {}, updated_at = ?2, version = version + 1
         WHERE id = ?1 AND deleted_at IS NULL",
        sets.join(", ")
    )
});

/// Calls `f` with the stored values of `e`'s fields, in the order of [`COLUMNS`].
fn with_fields<T>(e: &EntryData, f: impl FnOnce(&[&dyn ToSql]) -> T) -> T {
    let values = record::column_values(e);
    let refs: Vec<&dyn ToSql> = values.iter().map(|v| v as &dyn ToSql).collect();
    f(&refs)
}

/// Inserts a new entry (its current state only) and returns its id. One prepared
/// statement, shared with the bulk import.
pub fn insert(tx: &Transaction<'_>, e: &EntryData, now: &str) -> Result<i64> {
    insert_cached(tx, e, now)
}

/// Replaces the entry's fields with `e` and bumps its version.
pub fn update(tx: &Transaction<'_>, id: i64, e: &EntryData, now: &str) -> Result<u32> {
    let e = &e.normalized();
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

/// Makes a deleted entry live again. Tags, people, links and files were never removed
/// by the deletion, so clearing the mark brings all of them back as they were.
pub fn untombstone(tx: &Transaction<'_>, id: i64, now: &str) -> Result<u32> {
    let changed = tx
        .execute(
            "UPDATE entries SET deleted_at = NULL, delete_reason = '', updated_at = ?2,
             version = version + 1 WHERE id = ?1 AND deleted_at IS NOT NULL",
            params![id, now],
        )
        .map_err(|err| from_sqlite("restore the entry", err))?;
    if changed == 0 {
        return Err(Error::Invalid(format!(
            "entry {id} does not exist or is not deleted"
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
        tag.execute(params![id, t])
            .map_err(|err| from_sqlite("save the tags", err))?;
    }
    let mut person = tx
        .prepare_cached(
            "INSERT OR REPLACE INTO entry_people (entry_id, person_id, role) VALUES (?1, ?2, ?3)",
        )
        .map_err(|err| from_sqlite("save the people", err))?;
    for p in &e.people {
        person
            .execute(params![id, p.person_id, p.role])
            .map_err(|err| match from_sqlite("save the people", err) {
                Error::Invalid(_) => {
                    Error::Invalid(format!("person {} does not exist", p.person_id))
                }
                other => other,
            })?;
    }
    Ok(())
}

struct RawRow {
    id: i64,
    created_at: String,
    updated_at: Option<String>,
    version: u32,
    deleted_at: Option<String>,
    delete_reason: String,
    attachment_count: u32,
    /// JSON arrays: `["tag", ...]` and `[[person_id, "role"], ...]`.
    tags: String,
    people: String,
    fields: Map<String, Value>,
}

fn raw(r: &Row<'_>) -> rusqlite::Result<RawRow> {
    let mut fields = Map::new();
    for (i, (name, column)) in COLUMNS.iter().enumerate() {
        let value = match column {
            Column::Flag => Value::Bool(r.get(META_COUNT + i)?),
            Column::Text => Value::from(r.get::<_, Option<String>>(META_COUNT + i)?),
            // Text that is not JSON stays a string, which the model then refuses as
            // damage (in `finish`), naming the entry.
            Column::Json => match r.get::<_, Option<String>>(META_COUNT + i)? {
                None => Value::Null,
                Some(s) => serde_json::from_str(&s).unwrap_or(Value::String(s)),
            },
        };
        fields.insert(name.clone(), value);
    }
    Ok(RawRow {
        id: r.get(0)?,
        created_at: r.get(1)?,
        updated_at: r.get(2)?,
        version: r.get(3)?,
        deleted_at: r.get(4)?,
        delete_reason: r.get(5)?,
        attachment_count: r.get(6)?,
        tags: r.get(7)?,
        people: r.get(8)?,
        fields,
    })
}

fn finish(r: RawRow) -> Result<Entry> {
    let id = r.id;
    let damaged = |e: String| Error::Damaged(format!("entry {id} cannot be read: {e}"));
    // Tags by their bytes (SQLite's BINARY order), people by id: as stored.
    let mut tags: Vec<String> =
        serde_json::from_str(&r.tags).map_err(|e| damaged(e.to_string()))?;
    tags.sort_unstable();
    let mut people: Vec<(i64, String)> =
        serde_json::from_str(&r.people).map_err(|e| damaged(e.to_string()))?;
    people.sort_unstable_by_key(|(person_id, _)| *person_id);
    let people: Vec<EntryPerson> = people
        .into_iter()
        .map(|(person_id, role)| EntryPerson { person_id, role })
        .collect();
    let mut fields = r.fields;
    fields.insert("tags".into(), Value::from(tags));
    let people = serde_json::to_value(people).map_err(|e| damaged(e.to_string()))?;
    fields.insert("people".into(), people);
    let data = record::from_fields(Value::Object(fields)).map_err(damaged)?;
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

/// What a `SELECT` of whole entries lists (over `entries`, by that name).
pub(crate) fn columns() -> &'static str {
    &SELECT_COLUMNS
}

/// Runs one `SELECT` of [`columns`] and reads its rows.
pub(crate) fn read_rows(
    conn: &Connection,
    sql: &str,
    values: &[rusqlite::types::Value],
) -> Result<Vec<Entry>> {
    let mut stmt = conn
        .prepare_cached(sql)
        .map_err(|e| from_sqlite("read the entries", e))?;
    let rows: Vec<RawRow> = stmt
        .query_map(rusqlite::params_from_iter(values), raw)
        .map_err(|e| from_sqlite("read the entries", e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the entries", e))?;
    rows.into_iter().map(finish).collect()
}

/// One entry by id, deleted or not.
pub fn get(conn: &Connection, id: i64) -> Result<Option<Entry>> {
    let sql = format!("SELECT {} FROM entries WHERE id = ?1", *SELECT_COLUMNS);
    let row = conn
        .query_row(&sql, [id], raw)
        .optional()
        .map_err(|e| from_sqlite("read the entry", e))?;
    row.map(finish).transpose()
}

/// Entries in timeline order (date, then the order they were written down), with
/// `where_sql` (a trusted, parameterless condition on `entries`) applied.
pub fn list_where(conn: &Connection, where_sql: &str) -> Result<Vec<Entry>> {
    let sql = format!(
        "SELECT {} FROM entries WHERE {where_sql} ORDER BY occurred_on, occurred_time, id",
        *SELECT_COLUMNS
    );
    read_rows(conn, &sql, &[])
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
/// One statement, tags and people included.
pub fn select(
    conn: &Connection,
    tail: &str,
    values: &[rusqlite::types::Value],
) -> Result<Vec<Entry>> {
    read_rows(conn, &select_sql(tail), values)
}

/// The full query [`select`] runs for `tail` (for `EXPLAIN QUERY PLAN` in tests).
pub fn select_sql(tail: &str) -> String {
    format!("SELECT {} FROM entries {tail}", *SELECT_COLUMNS)
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
        super::search::index_range(tx, *first, *last)?;
    }
    Ok(ids)
}

/// Every column in one statement kept prepared: a bulk import runs it 100,000 times.
fn insert_cached(tx: &Transaction<'_>, e: &EntryData, now: &str) -> Result<i64> {
    let e = &e.normalized();
    with_fields(e, |fields| {
        let mut values: Vec<&dyn ToSql> = Vec::with_capacity(COLUMNS.len() + 1);
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
