//! Broken contact agreements in an unlocked dossier: reads the agreements that set a
//! rule and, only when there is one, the live contacts of the kinds a rule can break;
//! the pure rules of `crate::contact_rule` decide.

use chrono::NaiveDate;
use rusqlite::Connection;

use crate::contact_rule::{self, Contact, RuleAgreement, Violation, BREAKABLE};
use crate::entry::{ContactRule, EntryKind};
use crate::error::{from_sqlite, Error, Result};
use crate::vault::Dossier;

const AGREEMENTS: &str = "SELECT id, occurred_on, contact_rule, contact_rule_until
    FROM entries WHERE deleted_at IS NULL AND kind = 'agreement'
      AND contact_rule IS NOT NULL ORDER BY occurred_on, id";

fn damaged(id: i64) -> Error {
    Error::Damaged(format!("entry {id} has an invalid field"))
}

fn date(id: i64, s: Option<String>) -> Result<Option<NaiveDate>> {
    s.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| damaged(id)))
        .transpose()
}

/// Runs `sql` and collects its rows, with one error context.
fn rows<T>(
    conn: &Connection,
    sql: &str,
    row: impl FnMut(&rusqlite::Row<'_>) -> rusqlite::Result<T>,
) -> Result<Vec<T>> {
    let what = "read the agreements about contact";
    let mut stmt = conn.prepare_cached(sql).map_err(|e| from_sqlite(what, e))?;
    let found = stmt
        .query_map([], row)
        .map_err(|e| from_sqlite(what, e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite(what, e))?;
    Ok(found)
}

impl Dossier {
    /// Every contact from the agency that went against a rule agreed earlier, in
    /// timeline order (one finding per contact and agreement).
    pub fn contact_violations(&self) -> Result<Vec<Violation>> {
        let conn = self.conn();
        let mut agreements = Vec::new();
        for (id, on, rule, until) in rows(conn, AGREEMENTS, |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?, r.get(3)?))
        })? {
            agreements.push(RuleAgreement {
                entry_id: id,
                agreed_on: date(id, Some(on))?.ok_or_else(|| damaged(id))?,
                rule: ContactRule::from_name(&rule).map_err(|_| damaged(id))?,
                until: date(id, until)?,
            });
        }
        // Most dossiers have no such agreement: then no contact needs reading.
        if agreements.is_empty() {
            return Ok(Vec::new());
        }
        let kinds: Vec<String> = BREAKABLE
            .iter()
            .map(|k| format!("'{}'", k.name()))
            .collect();
        let sql = format!(
            "SELECT id, kind, occurred_on FROM entries
             WHERE deleted_at IS NULL AND kind IN ({})
             ORDER BY occurred_on, occurred_time, id",
            kinds.join(", ")
        );
        let mut contacts = Vec::new();
        for (id, kind, on) in rows(conn, &sql, |r| {
            Ok((r.get(0)?, r.get::<_, String>(1)?, r.get(2)?))
        })? {
            contacts.push(Contact {
                entry_id: id,
                kind: EntryKind::from_name(&kind).map_err(|_| damaged(id))?,
                on: date(id, Some(on))?.ok_or_else(|| damaged(id))?,
            });
        }
        Ok(contact_rule::violations(&agreements, &contacts))
    }
}
