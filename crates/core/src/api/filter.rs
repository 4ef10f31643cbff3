//! Finding entries: filters, pages of the timeline by their sort key, counts per month.

use crate::error::Result;
use crate::store::filter;
use crate::vault::Dossier;

pub use crate::filter::{EntryFilter, Page, PageStart};

impl Dossier {
    /// Up to `limit` matching entries in timeline order (newest first when asked) from
    /// `start`, in one statement with their tags and people. The next page starts
    /// after the last one returned ([`SortKey::of`]).
    pub fn timeline_page(
        &self,
        filter: &EntryFilter,
        newest_first: bool,
        start: &PageStart,
        limit: u32,
    ) -> Result<Vec<crate::Entry>> {
        filter::page(self.conn(), filter, newest_first, start, limit)
    }

    /// How many entries match.
    pub fn count_entries(&self, filter: &EntryFilter) -> Result<u64> {
        filter::total(self.conn(), filter)
    }

    /// A page with the total count (for the CLI's lists and tests).
    pub fn find_entries(
        &self,
        filter: &EntryFilter,
        newest_first: bool,
        start: &PageStart,
        limit: u32,
    ) -> Result<Page> {
        Ok(Page {
            total: self.count_entries(filter)?,
            entries: self.timeline_page(filter, newest_first, start, limit)?,
        })
    }

    /// Matching entries per month (`YYYY-MM`, count), for the timeline's month headers.
    pub fn month_counts(&self, filter: &EntryFilter) -> Result<Vec<(String, u32)>> {
        filter::month_counts(self.conn(), filter)
    }
}
