//! Which entries the timeline, search and counts show, and where a page of them starts
//! (domain types; the SQL they become is in `store::filter`).

use chrono::{NaiveDate, NaiveTime};

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

/// An entry's place in the timeline: day, then time (an entry without one comes
/// before the timed ones of its day), then id (the order it was written down). No two
/// entries share a key, so "after this key" never skips or repeats one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct SortKey {
    pub on: NaiveDate,
    pub time: Option<NaiveTime>,
    pub id: i64,
}

impl SortKey {
    pub fn of(e: &Entry) -> SortKey {
        SortKey {
            on: e.data.occurred_on,
            time: e.data.occurred_time,
            id: e.id,
        }
    }
}

/// Where a page of the timeline starts, in the page's own direction (newest or oldest
/// first). A page is found by its key, never by counting rows from the top, so page
/// 1,000 costs what page 1 costs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum PageStart {
    /// The top of the timeline.
    #[default]
    First,
    /// Right after this entry (the last row of the page before).
    After(SortKey),
    /// The first entry on this day or past it in the page's direction: on or before
    /// the day when newest first, on or after it when oldest first (a month's first
    /// row, a date the user jumps to).
    Day(NaiveDate),
}

/// One page of the timeline.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Page {
    /// How many entries match in all.
    pub total: u64,
    pub entries: Vec<Entry>,
}

impl Page {
    /// Where the next page starts (`None` after the last row).
    pub fn next(&self) -> Option<PageStart> {
        self.entries
            .last()
            .map(|e| PageStart::After(SortKey::of(e)))
    }
}
