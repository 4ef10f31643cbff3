//! Links between entries: how one entry relates to another (a domain type; the
//! `entry_links` table is in `store::links`).

use crate::error::{Error, Result};

/// How one entry relates to another. The names are a contract (CLI, JSON).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum LinkKind {
    /// This entry answers the other (a letter replying to a letter or a call).
    ReplyTo,
    /// This entry is an objection (bezwaar) against the other (a decision).
    ObjectionAgainst,
    /// Both are about the same decision or matter.
    SameDecision,
}

impl LinkKind {
    pub const ALL: [LinkKind; 3] = [
        LinkKind::ReplyTo,
        LinkKind::ObjectionAgainst,
        LinkKind::SameDecision,
    ];

    pub fn name(self) -> &'static str {
        match self {
            LinkKind::ReplyTo => "reply-to",
            LinkKind::ObjectionAgainst => "objection-against",
            LinkKind::SameDecision => "same-decision",
        }
    }

    pub fn from_name(name: &str) -> Result<LinkKind> {
        LinkKind::ALL
            .into_iter()
            .find(|k| k.name() == name)
            .ok_or_else(|| {
                Error::Invalid(format!(
                    "unknown kind of link: {name} (use reply-to, objection-against or same-decision)"
                ))
            })
    }
}

/// A link from one entry to another.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EntryLink {
    pub from_id: i64,
    pub to_id: i64,
    pub kind: LinkKind,
}
