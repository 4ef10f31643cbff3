//! Finding entries: filters, paging for the timeline, counts per month.

use chrono::NaiveDate;

use crate::entry::{Entry, EntryKind};
use crate::error::Result;
use crate::store::filter;
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
        filter: &EntryFilter,
        newest_first: bool,
        offset: u32,
        limit: u32,
    ) -> Result<Page> {
        Ok(Page {
            total: filter::total(self.conn(), filter)?,
            entries: filter::page(self.conn(), filter, newest_first, offset, limit)?,
        })
    }

    /// Matching entries per month (`YYYY-MM`, count), for the timeline's month headers.
    pub fn month_counts(&self, filter: &EntryFilter) -> Result<Vec<(String, u32)>> {
        filter::month_counts(self.conn(), filter)
    }
}
