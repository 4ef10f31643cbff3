//! The `people` and `klantmanager_periods` tables: the cast of a dossier and the
//! periods in which one of them was the user's own klantmanager.

use chrono::NaiveDate;
use rusqlite::{params, Connection, OptionalExtension, Row, Transaction};

use crate::error::{from_sqlite, Error, Result};
use crate::person::{KlantmanagerPeriod, Person, PersonData};

const COLUMNS: &str = "id, name, role, organisation, phone, email, notes, created_at";

/// Stands in for an open end, so overlap is one comparison; dates are `YYYY-MM-DD`
/// text, which sorts like the dates themselves.
const OPEN_END: &str = "9999-12-31";

fn person(r: &Row<'_>) -> rusqlite::Result<Person> {
    Ok(Person {
        id: r.get(0)?,
        data: PersonData {
            name: r.get(1)?,
            role: r.get(2)?,
            organisation: r.get(3)?,
            phone: r.get(4)?,
            email: r.get(5)?,
            notes: r.get(6)?,
        },
        created_at: r.get(7)?,
    })
}

pub fn insert(tx: &Transaction<'_>, p: &PersonData, now: &str) -> Result<i64> {
    tx.prepare_cached(
        "INSERT INTO people (name, role, organisation, phone, email, notes, created_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )
    .and_then(|mut s| {
        s.execute(params![
            p.name.trim(),
            p.role.trim(),
            p.organisation.trim(),
            p.phone.trim(),
            p.email.trim(),
            p.notes,
            now
        ])
    })
    .map_err(|e| from_sqlite("save the person", e))?;
    Ok(tx.last_insert_rowid())
}

pub fn update(tx: &Transaction<'_>, id: i64, p: &PersonData) -> Result<()> {
    let changed = tx
        .execute(
            "UPDATE people SET name = ?2, role = ?3, organisation = ?4, phone = ?5, email = ?6,
             notes = ?7 WHERE id = ?1",
            params![
                id,
                p.name.trim(),
                p.role.trim(),
                p.organisation.trim(),
                p.phone.trim(),
                p.email.trim(),
                p.notes
            ],
        )
        .map_err(|e| from_sqlite("change the person", e))?;
    if changed == 0 {
        return Err(Error::Invalid(format!("person {id} does not exist")));
    }
    Ok(())
}

pub fn get(conn: &Connection, id: i64) -> Result<Option<Person>> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM people WHERE id = ?1"),
        [id],
        person,
    )
    .optional()
    .map_err(|e| from_sqlite("read the person", e))
}

/// Everyone, by name (case-insensitive), then by id.
pub fn list(conn: &Connection) -> Result<Vec<Person>> {
    let mut stmt = conn
        .prepare(&format!(
            "SELECT {COLUMNS} FROM people ORDER BY name COLLATE NOCASE, id"
        ))
        .map_err(|e| from_sqlite("read the people", e))?;
    let rows = stmt
        .query_map([], person)
        .map_err(|e| from_sqlite("read the people", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the people", e))
}

/// The person with exactly this name, ignoring case (Unicode case folding: "ÖZTÜRK"
/// is "Öztürk", which SQLite's ASCII-only NOCASE misses) and surrounding spaces; the
/// oldest when the user made two with the same name. The people table is small (the
/// people one person meets at the agency), so this compares in Rust.
pub fn find_by_name(conn: &Connection, name: &str) -> Result<Option<Person>> {
    let wanted = crate::person::folded(name);
    let mut stmt = conn
        .prepare_cached("SELECT id, name FROM people ORDER BY id")
        .map_err(|e| from_sqlite("find the person", e))?;
    let ids: Vec<(i64, String)> = stmt
        .query_map([], |r| Ok((r.get(0)?, r.get(1)?)))
        .map_err(|e| from_sqlite("find the person", e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("find the person", e))?;
    let Some((id, _)) = ids
        .into_iter()
        .find(|(_, n)| crate::person::folded(n) == wanted)
    else {
        return Ok(None);
    };
    let mut stmt = conn
        .prepare_cached(&format!("SELECT {COLUMNS} FROM people WHERE id = ?1"))
        .map_err(|e| from_sqlite("find the person", e))?;
    stmt.query_row([id], person)
        .optional()
        .map_err(|e| from_sqlite("find the person", e))
}

/// Whether anything names this person: an entry (now, or in any version in the
/// history, which must keep meaning what it said) or a klantmanager period.
pub fn in_use(conn: &Connection, id: i64) -> Result<bool> {
    conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM entry_people WHERE person_id = ?1)
             OR EXISTS (SELECT 1 FROM klantmanager_periods WHERE person_id = ?1)
             OR EXISTS (SELECT 1 FROM entry_versions v, json_each(v.content, '$.people') p
                        WHERE json_extract(p.value, '$.person_id') = ?1)",
        [id],
        |r| r.get(0),
    )
    .map_err(|e| from_sqlite("see whether the person is named anywhere", e))
}

/// Removes a person row (the caller checked [`in_use`]).
pub fn delete(tx: &Transaction<'_>, id: i64) -> Result<()> {
    let changed = tx
        .execute("DELETE FROM people WHERE id = ?1", [id])
        .map_err(|e| from_sqlite("remove the person", e))?;
    if changed == 0 {
        return Err(Error::Invalid(format!("person {id} does not exist")));
    }
    Ok(())
}

/// Ids of the entries (deleted or not) this person takes part in.
pub fn entry_ids(conn: &Connection, person_id: i64) -> Result<Vec<i64>> {
    let mut stmt = conn
        .prepare("SELECT entry_id FROM entry_people WHERE person_id = ?1 ORDER BY entry_id")
        .map_err(|e| from_sqlite("read the entries of a person", e))?;
    let rows = stmt
        .query_map([person_id], |r| r.get(0))
        .map_err(|e| from_sqlite("read the entries of a person", e))?;
    rows.collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the entries of a person", e))
}

fn period(r: &Row<'_>) -> rusqlite::Result<(i64, i64, String, Option<String>)> {
    Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?))
}

fn finish_period(raw: (i64, i64, String, Option<String>)) -> Result<KlantmanagerPeriod> {
    let (id, person_id, from, to) = raw;
    let parse = |s: &str| {
        NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map_err(|_| Error::Damaged(format!("klantmanager period {id} has an invalid date")))
    };
    Ok(KlantmanagerPeriod {
        id,
        person_id,
        from_on: parse(&from)?,
        to_on: to.as_deref().map(parse).transpose()?,
    })
}

/// Every klantmanager period, earliest first.
pub fn periods(conn: &Connection) -> Result<Vec<KlantmanagerPeriod>> {
    let mut stmt = conn
        .prepare(
            "SELECT id, person_id, from_on, to_on FROM klantmanager_periods ORDER BY from_on, id",
        )
        .map_err(|e| from_sqlite("read the klantmanager periods", e))?;
    let rows: Vec<_> = stmt
        .query_map([], period)
        .map_err(|e| from_sqlite("read the klantmanager periods", e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite("read the klantmanager periods", e))?;
    rows.into_iter().map(finish_period).collect()
}

/// The recorded period that shares at least one day with `from..=to` (open-ended when
/// `to` is `None`), if any.
pub fn overlapping(
    conn: &Connection,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Result<Option<KlantmanagerPeriod>> {
    let to = to.map_or_else(|| OPEN_END.to_string(), |d| d.to_string());
    conn.query_row(
        "SELECT id, person_id, from_on, to_on FROM klantmanager_periods
         WHERE from_on <= ?2 AND coalesce(to_on, ?3) >= ?1 ORDER BY from_on LIMIT 1",
        params![from.to_string(), to, OPEN_END],
        period,
    )
    .optional()
    .map_err(|e| from_sqlite("read the klantmanager periods", e))?
    .map(finish_period)
    .transpose()
}

pub fn insert_period(
    tx: &Transaction<'_>,
    person_id: i64,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Result<i64> {
    tx.execute(
        "INSERT INTO klantmanager_periods (person_id, from_on, to_on) VALUES (?1, ?2, ?3)",
        params![person_id, from.to_string(), to.map(|d| d.to_string())],
    )
    .map_err(|e| from_sqlite("save the klantmanager period", e))?;
    Ok(tx.last_insert_rowid())
}

/// The id of the person who was the user's klantmanager on `date` (periods are
/// inclusive at both ends).
pub fn klantmanager_on(conn: &Connection, date: NaiveDate) -> Result<Option<i64>> {
    conn.query_row(
        "SELECT person_id FROM klantmanager_periods
         WHERE from_on <= ?1 AND coalesce(to_on, ?2) >= ?1 ORDER BY from_on DESC LIMIT 1",
        params![date.to_string(), OPEN_END],
        |r| r.get(0),
    )
    .optional()
    .map_err(|e| from_sqlite("read the klantmanager periods", e))
}

/// Adds a period after the checks every front end needs: the person exists, it ends
/// on or after it starts, and it overlaps no recorded period (a person has one own
/// klantmanager at a time).
pub fn add_period_checked(
    tx: &Transaction<'_>,
    person_id: i64,
    from: NaiveDate,
    to: Option<NaiveDate>,
) -> Result<KlantmanagerPeriod> {
    if get(tx, person_id)?.is_none() {
        return Err(Error::Invalid(format!("person {person_id} does not exist")));
    }
    if let Some(to) = to {
        if to < from {
            return Err(Error::Invalid(format!(
                "the klantmanager period ends ({to}) before it starts ({from})"
            )));
        }
    }
    if let Some(other) = overlapping(tx, from, to)? {
        let who = get(tx, other.person_id)?.map_or_else(String::new, |p| p.data.name);
        let until = other
            .to_on
            .map_or_else(|| "now".to_string(), |d| d.to_string());
        return Err(Error::Invalid(format!(
            "the klantmanager period overlaps the period of {who} ({} to {until}); end that one first",
            other.from_on
        )));
    }
    let id = insert_period(tx, person_id, from, to)?;
    Ok(KlantmanagerPeriod {
        id,
        person_id,
        from_on: from,
        to_on: to,
    })
}

/// The person with this name, created (with `role`) when there is none yet. Returns
/// the id and whether it was created.
pub fn find_or_insert(tx: &Transaction<'_>, p: &PersonData, now: &str) -> Result<(i64, bool)> {
    p.validate()?;
    match find_by_name(tx, &p.name)? {
        Some(found) => Ok((found.id, false)),
        None => Ok((insert(tx, p, now)?, true)),
    }
}

pub fn count(conn: &Connection) -> Result<u64> {
    conn.query_row("SELECT count(*) FROM people", [], |r| r.get::<_, i64>(0))
        .map(|n| n.max(0) as u64)
        .map_err(|e| from_sqlite("count the people", e))
}
