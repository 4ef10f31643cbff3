//! Finding entries: filters, paging for the timeline, counts per month. (Stub: the
//! contract; built in the search work.)

use chrono::NaiveDate;

use crate::entry::{Entry, EntryKind};
use crate::error::{Error, Result};
use crate::vault::Dossier;

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

impl Dossier {
    /// Matching entries in timeline order (newest first when asked), `limit` from
    /// `offset`.
    pub fn find_entries(
        &self,
        _filter: &EntryFilter,
        _newest_first: bool,
        _offset: u32,
        _limit: u32,
    ) -> Result<Page> {
        Err(Error::Invalid(
            "filters are not available in this build yet".into(),
        ))
    }

    /// Matching entries per month (`YYYY-MM`, count), for the timeline's month headers.
    pub fn month_counts(&self, _filter: &EntryFilter) -> Result<Vec<(String, u32)>> {
        Err(Error::Invalid(
            "filters are not available in this build yet".into(),
        ))
    }
}
