//! mbox files (mboxo and mboxrd, `>From ` unquoted by mail-parser's reader): the
//! messages one by one, and a list of them for the user to pick from.

use chrono::{NaiveDateTime, TimeZone};

use super::parse;

/// One message of an mbox as listed for picking.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MboxSummary {
    /// Counting from 1, as the user picks it (`--mbox-pick 1,3`).
    pub index: usize,
    pub from: String,
    pub subject: String,
    /// Date and time in the Netherlands (Europe/Amsterdam), when the message has one.
    pub date: Option<NaiveDateTime>,
    pub size: usize,
}

pub(crate) fn split(bytes: &[u8]) -> Result<Vec<Vec<u8>>, String> {
    if !bytes.starts_with(b"From ") {
        return Err("this is not an mbox file: it does not start with a \"From \" line".into());
    }
    let messages: Vec<Vec<u8>> = mail_parser::mailbox::mbox::MessageIterator::new(bytes)
        .map(|m| m.map(|m| m.unwrap_contents()))
        .collect::<Result<_, _>>()
        .map_err(|e| format!("the mbox file cannot be read: {e}"))?;
    if messages.is_empty() {
        return Err("the mbox file holds no messages".into());
    }
    Ok(messages)
}

/// The messages of an mbox, for the user to pick which ones to import.
pub fn mbox_summaries(bytes: &[u8]) -> Result<Vec<MboxSummary>, String> {
    let messages = super::mbox_messages(bytes)?;
    Ok(messages
        .iter()
        .enumerate()
        .map(|(i, m)| {
            let parsed = super::guarded(|| parse::eml(m)).ok();
            MboxSummary {
                index: i + 1,
                from: parsed
                    .as_ref()
                    .and_then(|p| p.from.as_ref())
                    .map(|a| a.shown().to_string())
                    .unwrap_or_default(),
                subject: parsed
                    .as_ref()
                    .map(|p| super::text::clean_line(&p.subject))
                    .unwrap_or_default(),
                date: parsed.as_ref().and_then(|p| p.date).map(|d| {
                    chrono_tz::Europe::Amsterdam
                        .from_utc_datetime(&d.naive_utc())
                        .naive_local()
                }),
                size: m.len(),
            }
        })
        .collect())
}
