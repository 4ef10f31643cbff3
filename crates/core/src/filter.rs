//! Which entries the timeline, search and counts show (a domain type; the SQL it
//! becomes is in `store::filter`).

use chrono::NaiveDate;

use crate::entry::{Entry, EntryKind};

/// Which entries to show. Empty / `None` fields do not filter.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EntryFilter {
    /// Full-text query as the user typed it.
    pub text: Option<String>,
    pub kinds: Vec<EntryKind>,
    pub person_id: Option<i64>,
    pub organisation: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub tag: Option<String>,
    /// `Some(true)`: only medical; `Some(false)`: none of them; `None`: all.
    pub medical: Option<bool>,
    pub include_deleted: bool,
}

/// One page of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// How many entries match in all.
    pub total: u64,
    pub entries: Vec<Entry>,
}
