//! Finding entries: filters, paging for the timeline, counts per month.

use crate::error::Result;
use crate::store::filter;
use crate::vault::Dossier;

pub use crate::filter::{EntryFilter, Page};

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
