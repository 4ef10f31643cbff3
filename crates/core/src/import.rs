//! What a file can bring into a dossier (the CLI's `import`, the benchmark's bulk
//! load): domain types; the store writes them in one transaction.

use crate::entry::EntryData;

/// One entry of a bulk import: its data, with the people in it named rather than
/// referenced (they are found by name or created). `data.people` is ignored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ImportItem {
    pub data: EntryData,
    pub people: Vec<crate::person::NamedRole>,
}

/// Everything a file can bring into a dossier in one transaction.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportBatch {
    /// People to know by name; one whose name is already known is left as it is.
    pub people: Vec<crate::person::PersonData>,
    pub klantmanager_periods: Vec<crate::person::NamedPeriod>,
    pub entries: Vec<ImportItem>,
}

/// What an import added.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    pub people_added: u32,
    pub periods_added: u32,
    pub entry_ids: Vec<i64>,
}
