//! What a choice of export options would print, before building it: the counts the
//! Export screen shows so the user knows what goes to the lawyer.

use rusqlite::types::Value;
use rusqlite::Connection;

use super::ExportOptions;
use crate::entry::MEDICAL_SQL;
use crate::error::{from_sqlite, Result};
use crate::vault::Dossier;

/// More ids than this (a case of thousands of entries) are counted from the loaded
/// entries: SQLite binds at most 32,766 values in one statement.
const MAX_BOUND_IDS: usize = 10_000;

fn marks(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// How many entries and attachments the options select, and how many medical
/// entries they leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportPreview {
    pub entries: usize,
    pub attachments: usize,
    pub medical_left_out: usize,
}

impl Dossier {
    /// Uses the same selection rules as the export itself, counted in SQL: the Export
    /// screen asks again on every change of an option, so it never loads the dossier.
    pub fn export_preview(&self, options: &ExportOptions) -> Result<ExportPreview> {
        match counted(self.conn(), options)? {
            Some(p) => Ok(p),
            None => self.export_preview_loaded(options),
        }
    }
    /// The same counts from the loaded entries: the reference the SQL is tested
    /// against, and the way for a selection of more ids than SQLite binds at once.
    pub fn export_preview_loaded(&self, options: &ExportOptions) -> Result<ExportPreview> {
        let entries = self.entries()?;
        let (printed, left_out): (Vec<_>, Vec<_>) = entries
            .iter()
            .filter(|e| options.selects(e))
            .partition(|e| options.prints(e));
        let mut attachments = 0;
        for e in printed.iter().filter(|e| e.deleted_at.is_none()) {
            attachments += self.attachments(e.id)?.len();
        }
        Ok(ExportPreview {
            entries: printed.len(),
            attachments,
            medical_left_out: left_out.len(),
        })
    }
}

/// The export preview's counts in one SQL statement over `conn`; `None` when the
/// selection names more ids than one statement can bind.
/// (Public through `export::preview_counts` only with `test-hooks`: the benchmark runs
/// it on its plain-SQLite reference.)
pub fn counted(conn: &Connection, options: &ExportOptions) -> Result<Option<ExportPreview>> {
    let mut parts = vec!["1".to_string()];
    let mut values: Vec<Value> = Vec::new();
    if let Some(from) = options.from {
        parts.push("occurred_on >= ?".into());
        values.push(Value::Text(from.to_string()));
    }
    if let Some(to) = options.to {
        parts.push("occurred_on <= ?".into());
        values.push(Value::Text(to.to_string()));
    }
    if !options.kinds.is_empty() {
        parts.push(format!("kind IN ({})", marks(options.kinds.len())));
        values.extend(options.kinds.iter().map(|k| Value::Text(k.name().into())));
    }
    if !options.people.is_empty() {
        parts.push(format!(
            "id IN (SELECT entry_id FROM entry_people WHERE person_id IN ({}))",
            marks(options.people.len())
        ));
        values.extend(options.people.iter().map(|&p| Value::Integer(p)));
    }
    if let Some(ids) = &options.entry_ids {
        if ids.len() > MAX_BOUND_IDS {
            return Ok(None);
        }
        parts.push(format!("id IN ({})", marks(ids.len())));
        values.extend(ids.iter().map(|&id| Value::Integer(id)));
    }
    let selected = parts.join(" AND ");
    let printed = if options.include_medical {
        "1".to_string()
    } else {
        format!("NOT {MEDICAL_SQL}")
    };
    // The attachments are counted from their side, each looking up its entry by rowid
    // (the unqualified names resolve to that inner `entries`): an `IN (SELECT id …)`
    // would first collect the ids of every selected entry, 100,000 of them, even when
    // the dossier holds a handful of files.
    let sql = format!(
        "SELECT count(*) FILTER (WHERE {printed}), count(*) FILTER (WHERE NOT ({printed})),
           (SELECT count(*) FROM attachments a WHERE a.deleted_at IS NULL AND EXISTS
              (SELECT 1 FROM entries WHERE entries.id = a.entry_id AND {selected}
                 AND {printed} AND deleted_at IS NULL))
         FROM entries WHERE {selected}"
    );
    // The condition appears twice; its values are bound twice, in order.
    let mut bound = values.clone();
    bound.extend(values);
    let (printed, left_out, attachments): (i64, i64, i64) = conn
        .query_row(&sql, rusqlite::params_from_iter(&bound), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })
        .map_err(|e| from_sqlite("count what the export prints", e))?;
    let n = |x: i64| usize::try_from(x).unwrap_or_default();
    Ok(Some(ExportPreview {
        entries: n(printed),
        attachments: n(attachments),
        medical_left_out: n(left_out),
    }))
}
