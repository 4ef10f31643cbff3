//! What `verify` checks beyond the hash chain: that what the screens and the PDF read
//! is what the history recorded. The live row of every entry (its fields, tags, people
//! and roles, links and attachment list) must equal its newest version, and every
//! attached file's bytes must still hash to the SHA-256 stored with it.

use std::collections::HashSet;

use ring::digest;
use rusqlite::{Connection, OptionalExtension};
use serde_json::{Map, Value};

use crate::entry::Entry;
use crate::error::{from_sqlite, Result};
use crate::record;
use crate::store::{entries, history, links};

/// How an entry is named in a message: its id and (the start of) its title.
fn named(e: &Entry) -> String {
    let title: String = e.data.title.chars().take(60).collect();
    format!("entry {} (\"{title}\")", e.id)
}

fn object(json: &str) -> Map<String, Value> {
    match serde_json::from_str(json) {
        Ok(Value::Object(m)) => m,
        _ => Map::new(),
    }
}

/// Unset: a key that a version recorded by an older build may lack altogether.
fn unset(v: Option<&Value>) -> bool {
    match v {
        None | Some(Value::Null) | Some(Value::Bool(false)) => true,
        Some(Value::String(s)) => s.is_empty(),
        Some(Value::Array(a)) => a.is_empty(),
        _ => false,
    }
}

/// The keys whose values differ between two canonical JSON texts, in key order, named
/// as a person reads them ("agreed", "tags", "people").
fn differing_keys(live: &str, recorded: &str) -> Vec<String> {
    let (a, b) = (object(live), object(recorded));
    let mut keys: Vec<&String> = a.keys().chain(b.keys()).collect();
    keys.sort();
    keys.dedup();
    keys.into_iter()
        .filter(|k| {
            let (x, y) = (a.get(*k), b.get(*k));
            x != y && !(unset(x) && unset(y))
        })
        .map(|k| k.replace('_', " "))
        .collect()
}

/// Every difference between the live state and the history, one message each; empty
/// when the dossier shows exactly what was recorded.
pub(crate) fn live_problems(conn: &Connection) -> Result<Vec<String>> {
    let what = "compare the entries with their history";
    let mut problems = Vec::new();
    let mut newest = conn
        .prepare(
            "SELECT version, content, attachments FROM entry_versions
             WHERE entry_id = ?1 ORDER BY seq DESC LIMIT 1",
        )
        .map_err(|e| from_sqlite(what, e))?;
    let mut seen = HashSet::new();
    for e in entries::list(conn)? {
        seen.insert(e.id);
        let recorded: Option<(u32, String, String)> = newest
            .query_row([e.id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
            .optional()
            .map_err(|err| from_sqlite(what, err))?;
        let Some((version, content, attachments)) = recorded else {
            problems.push(format!(
                "{} has no version in the history: it was written around it",
                named(&e)
            ));
            continue;
        };
        let live = record::canonical(&e, &links::canonical_outgoing(conn, e.id)?);
        let keys = differing_keys(&live, &content);
        if !keys.is_empty() {
            problems.push(format!(
                "{}: what is shown as {} no longer matches its newest version in the history",
                named(&e),
                keys.join(", ")
            ));
        }
        if history::attachment_hashes(conn, e.id)? != attachments {
            problems.push(format!(
                "{}: the list of attached files no longer matches its newest version in the history",
                named(&e)
            ));
        }
        if version != e.version {
            problems.push(format!(
                "{} is at version {}, but its history ends at version {version}",
                named(&e),
                e.version
            ));
        }
    }
    let mut ids = conn
        .prepare("SELECT DISTINCT entry_id FROM entry_versions ORDER BY entry_id")
        .map_err(|e| from_sqlite(what, e))?;
    let recorded: Vec<i64> = ids
        .query_map([], |r| r.get(0))
        .map_err(|e| from_sqlite(what, e))?
        .collect::<rusqlite::Result<_>>()
        .map_err(|e| from_sqlite(what, e))?;
    for id in recorded.into_iter().filter(|id| !seen.contains(id)) {
        problems.push(format!(
            "entry {id} is in the history but was removed from the dossier"
        ));
    }
    problems.extend(attachment_problems(conn)?);
    Ok(problems)
}

/// Attached files (detached ones too: older versions point at them) whose bytes no
/// longer hash to their stored SHA-256. One file in memory at a time.
fn attachment_problems(conn: &Connection) -> Result<Vec<String>> {
    let what = "check the attached files";
    let mut stmt = conn
        .prepare("SELECT id, entry_id, filename, sha256, data FROM attachments ORDER BY id")
        .map_err(|e| from_sqlite(what, e))?;
    let mut rows = stmt.query([]).map_err(|e| from_sqlite(what, e))?;
    let mut problems = Vec::new();
    while let Some(r) = rows.next().map_err(|e| from_sqlite(what, e))? {
        let get = |e| from_sqlite(what, e);
        let id: i64 = r.get(0).map_err(get)?;
        let entry_id: i64 = r.get(1).map_err(get)?;
        let filename: String = r.get(2).map_err(get)?;
        let sha256: String = r.get(3).map_err(get)?;
        let data = r.get_ref(4).map_err(get)?.as_blob().unwrap_or_default();
        if hex::encode(digest::digest(&digest::SHA256, data)) != sha256 {
            problems.push(format!(
                "entry {entry_id} has an attached file \"{filename}\" (attachment {id}) whose bytes no longer match the SHA-256 recorded when it was added"
            ));
        }
    }
    Ok(problems)
}
