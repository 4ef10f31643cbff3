//! The one list of an entry's fields. `EntryData`'s serde form (derived in
//! `crate::entry`) is the canonical JSON of a history version, gives the store its
//! named columns, is what undo reads back, and is what the CLI and the shell rename at
//! their edge. Nothing else spells the fields out, so a field cannot be stored but left
//! out of the hash.

use std::sync::LazyLock;

use serde_json::{Map, Value};

use crate::entry::{Entry, EntryData, EntryKind, EARLIEST};
use crate::error::{Error, Result};

/// Keys added to the canonical JSON after the first dossiers were written (version 5).
/// They are left out while unset (null or false), so a version recorded before they
/// existed hashes the same as the same content recorded today.
const ABSENT_WHEN_UNSET: [&str; 8] = [
    "reply_by",
    "repair_by",
    "appointment_on",
    "appointment_time",
    "contact_rule",
    "contact_rule_until",
    "on_objection",
    "verslag",
];

/// Fields that are one structured value each, kept in their column as JSON text.
const JSON_FIELDS: [&str; 1] = ["verslag"];

/// The entry's fields as a JSON object, every key present (unset ones as null/false).
pub fn fields(d: &EntryData) -> Map<String, Value> {
    match serde_json::to_value(d) {
        Ok(Value::Object(m)) => m,
        // EntryData is a plain struct of strings, dates, flags and lists.
        _ => unreachable!("EntryData serialises to an object"),
    }
}

/// Reads an entry's fields from a JSON object in the model's keys (a stored version,
/// or what a front end renamed back). Unknown keys are ignored; missing optional ones
/// are unset.
pub fn from_fields(v: Value) -> std::result::Result<EntryData, String> {
    serde_json::from_value(v).map_err(|e| e.to_string())
}

/// The fields of one stored version (its canonical JSON), for undo and the history.
pub fn version_data(content: &str) -> Result<EntryData> {
    serde_json::from_str(content)
        .map_err(|e| Error::Damaged(format!("a stored version cannot be read: {e}")))
}

/// The entry's user-visible fields (and its outgoing links, `kind:to_id`) as canonical
/// JSON: sorted keys, no whitespace, so the same content always hashes the same.
pub fn canonical(e: &Entry, links: &[String]) -> String {
    let mut m = fields(&e.data);
    for key in ABSENT_WHEN_UNSET {
        if matches!(m.get(key), Some(Value::Null | Value::Bool(false))) {
            m.remove(key);
        }
    }
    m.insert("id".into(), Value::from(e.id));
    m.insert("created_at".into(), Value::from(e.created_at.clone()));
    m.insert("deleted_at".into(), Value::from(e.deleted_at.clone()));
    m.insert("delete_reason".into(), Value::from(e.delete_reason.clone()));
    // Added with links; absent (not empty) when there are none, so versions recorded
    // before links existed read the same.
    if !links.is_empty() {
        m.insert("links".into(), Value::from(links.to_vec()));
    }
    sorted(Value::Object(m)).to_string()
}

/// The same value with every object's keys in byte order, whatever map serde_json was
/// built with (a dependency enabling `preserve_order` must not change a hash).
fn sorted(v: Value) -> Value {
    match v {
        Value::Object(m) => {
            let mut pairs: Vec<(String, Value)> = m.into_iter().collect();
            pairs.sort_by(|a, b| a.0.cmp(&b.0));
            Value::Object(pairs.into_iter().map(|(k, v)| (k, sorted(v))).collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(sorted).collect()),
        other => other,
    }
}

/// How a column is stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Column {
    /// 0 or 1.
    Flag,
    /// Text or NULL.
    Text,
    /// A structured value as JSON text, or NULL.
    Json,
}

/// The `entries` columns that hold the fields, named as the model's keys: every key
/// but the lists (tags and people have their own tables).
pub(crate) static COLUMNS: LazyLock<Vec<(String, Column)>> = LazyLock::new(|| {
    fields(&EntryData::new(EntryKind::Note, EARLIEST, ""))
        .into_iter()
        .filter(|(_, v)| !v.is_array())
        .map(|(k, v)| {
            let c = if JSON_FIELDS.contains(&k.as_str()) {
                Column::Json
            } else if v.is_boolean() {
                Column::Flag
            } else {
                Column::Text
            };
            (k, c)
        })
        .collect()
});

/// The values to store for `d`, in the order of [`COLUMNS`].
pub(crate) fn column_values(d: &EntryData) -> Vec<rusqlite::types::Value> {
    use rusqlite::types::Value as Sql;
    let m = fields(d);
    COLUMNS
        .iter()
        .map(|(k, _)| match m.get(k) {
            Some(Value::Bool(b)) => Sql::Integer(i64::from(*b)),
            Some(Value::String(s)) => Sql::Text(s.clone()),
            Some(Value::Number(n)) => Sql::Integer(n.as_i64().unwrap_or_default()),
            Some(v @ (Value::Object(_) | Value::Array(_))) => {
                Sql::Text(sorted(v.clone()).to_string())
            }
            _ => Sql::Null,
        })
        .collect()
}

/// Serde forms of the field types: dates `YYYY-MM-DD`, times `HH:MM`, kinds and rules
/// by their contract names. Reading is lenient where front ends are (surrounding
/// spaces; an empty string for "not set"), never about the format itself.
pub(crate) mod form {
    use chrono::{NaiveDate, NaiveTime};
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serializer};

    fn blank_to_none(s: Option<String>) -> Option<String> {
        s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
    }

    pub mod date {
        use super::*;
        pub fn serialize<S: Serializer>(d: &NaiveDate, s: S) -> Result<S::Ok, S::Error> {
            s.collect_str(d)
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDate, D::Error> {
            let s = String::deserialize(d)?;
            crate::entry::parse_date(&s).map_err(|e| D::Error::custom(e.to_string()))
        }
    }

    pub mod opt_date {
        use super::*;
        pub fn serialize<S: Serializer>(d: &Option<NaiveDate>, s: S) -> Result<S::Ok, S::Error> {
            match d {
                Some(d) => s.collect_str(d),
                None => s.serialize_none(),
            }
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveDate>, D::Error> {
            blank_to_none(Option::<String>::deserialize(d)?)
                .map(|s| crate::entry::parse_date(&s).map_err(|e| D::Error::custom(e.to_string())))
                .transpose()
        }
    }

    pub mod opt_time {
        use super::*;
        pub fn serialize<S: Serializer>(t: &Option<NaiveTime>, s: S) -> Result<S::Ok, S::Error> {
            match t {
                Some(t) => s.collect_str(&t.format("%H:%M")),
                None => s.serialize_none(),
            }
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<NaiveTime>, D::Error> {
            blank_to_none(Option::<String>::deserialize(d)?)
                .map(|s| crate::entry::parse_time(&s).map_err(|e| D::Error::custom(e.to_string())))
                .transpose()
        }
    }

    pub mod opt_rule {
        use super::*;
        use crate::entry::ContactRule;
        pub fn serialize<S: Serializer>(r: &Option<ContactRule>, s: S) -> Result<S::Ok, S::Error> {
            match r {
                Some(r) => s.serialize_str(r.name()),
                None => s.serialize_none(),
            }
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(
            d: D,
        ) -> Result<Option<ContactRule>, D::Error> {
            blank_to_none(Option::<String>::deserialize(d)?)
                .map(|s| ContactRule::from_name(&s).map_err(|e| D::Error::custom(e.to_string())))
                .transpose()
        }
    }

    pub mod kind {
        use super::*;
        use crate::entry::EntryKind;
        pub fn serialize<S: Serializer>(k: &EntryKind, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_str(k.name())
        }
        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<EntryKind, D::Error> {
            let s = String::deserialize(d)?;
            EntryKind::from_name(s.trim()).map_err(|e| D::Error::custom(e.to_string()))
        }
    }
}

#[cfg(test)]
mod tests;
