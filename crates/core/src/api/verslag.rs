//! The agency's verslag of a conversation in the dossier: which attachment it is
//! (pinned by the SHA-256 of its bytes), its text (read from the file, or typed by the
//! user for a photo), and the user's statements about it. The verslag is part of the
//! entry record, so every change here is one history version of the entry.

use rusqlite::Connection;
use zeroize::Zeroizing;

use super::now_string;
use crate::attach;
use crate::attachment::Attachment;
use crate::clock::Clock;
use crate::entry::{Entry, EntryData};
use crate::error::{Error, Result};
use crate::reason::ChangeReason;
use crate::store::attachments as files;
use crate::store::entries;
use crate::store::history::Action;
use crate::vault::Dossier;
use crate::verslag::{self, Span, Statement, StatementInput, Verslag};

/// The verslag as the screens and the CLI show it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VerslagView {
    pub attachment: Attachment,
    /// The text the statements quote.
    pub text: String,
    /// The user typed the text (from a photo or scan); otherwise it is read from the file.
    pub typed: bool,
    pub sentences: Vec<Span>,
    /// In the order the verslag has them.
    pub statements: Vec<Statement>,
}

fn changed(nl: String, en: String) -> Error {
    Error::VerslagChanged { nl, en }
}

/// The text core reads from an attachment's bytes (PDF text, an e-mail's headers and
/// body, plain text); empty for a photo.
fn file_text(media_type: &str, bytes: &[u8]) -> String {
    attach::search_text(media_type, bytes)
}

/// Checks the pin of `v` on entry `entry_id`: the attachment is the entry's own, still
/// attached, and its bytes hash to the SHA-256 the statements were made against.
/// Returns the attachment and the verslag's text.
fn pinned(conn: &Connection, entry_id: i64, v: &Verslag) -> Result<(Attachment, String)> {
    let a = files::get(conn, v.attachment_id)?.ok_or_else(|| {
        changed(
            format!("Het verslag (bijlage {}) bestaat niet", v.attachment_id),
            format!("the report (attachment {}) does not exist", v.attachment_id),
        )
    })?;
    if a.entry_id != entry_id {
        return Err(changed(
            format!("{} hoort niet bij deze registratie", a.filename),
            format!("{} is not an attachment of this entry", a.filename),
        ));
    }
    let live = files::list(conn, entry_id)?.iter().any(|l| l.id == a.id);
    if !live {
        return Err(changed(
            format!(
                "Het verslag {} is van deze registratie verwijderd",
                a.filename
            ),
            format!("the report {} was removed from this entry", a.filename),
        ));
    }
    let (media_type, bytes) = files::data(conn, a.id)?;
    let bytes = Zeroizing::new(bytes);
    let hash = hex::encode(ring::digest::digest(&ring::digest::SHA256, &bytes));
    if hash != v.sha256 || a.sha256 != v.sha256 {
        return Err(changed(
            format!(
                "Het bestand {} is veranderd sinds uw uitspraken erover zijn vastgelegd \
                 (SHA-256 {} in plaats van {}); de uitspraken gaan over het oude bestand",
                a.filename,
                short(&hash),
                short(&v.sha256)
            ),
            format!(
                "the file {} changed after your statements about it were recorded \
                 (SHA-256 {} instead of {}); the statements are about the earlier file",
                a.filename,
                short(&hash),
                short(&v.sha256)
            ),
        ));
    }
    let text = if v.typed_text.is_empty() {
        file_text(&media_type, &bytes)
    } else {
        v.typed_text.clone()
    };
    Ok((a, text))
}

fn short(hash: &str) -> &str {
    hash.get(..12).unwrap_or(hash)
}

/// What the store must confirm about an entry's verslag before it is saved: the pin
/// holds, and the supporting entries and exhibits exist.
pub(crate) fn check_in_store(conn: &Connection, entry_id: i64, d: &EntryData) -> Result<()> {
    let Some(v) = &d.verslag else {
        return Ok(());
    };
    pinned(conn, entry_id, v)?;
    for s in &v.statements {
        for &e in &s.support_entries {
            if entries::get(conn, e)?.is_none() {
                return Err(Error::Invalid(format!(
                    "statement {} names entry {e}, which does not exist",
                    s.id
                )));
            }
        }
        for &a in &s.support_attachments {
            if files::get(conn, a)?.is_none() {
                return Err(Error::Invalid(format!(
                    "statement {} names attachment {a}, which does not exist",
                    s.id
                )));
            }
        }
    }
    Ok(())
}

/// Refuses to detach the file that is an entry's verslag: the statements quote it.
pub(crate) fn refuse_detach(conn: &Connection, a: &Attachment) -> Result<()> {
    let Some(e) = entries::get(conn, a.entry_id)? else {
        return Ok(());
    };
    match &e.data.verslag {
        Some(v) if v.attachment_id == a.id => Err(changed(
            format!(
                "{} is het verslag van deze registratie; kies eerst geen verslag meer \
                 (of verwijder eerst de uitspraken)",
                a.filename
            ),
            format!(
                "{} is this entry's report; unset it as the report first (removing the \
                 statements about it)",
                a.filename
            ),
        )),
        _ => Ok(()),
    }
}

impl Dossier {
    /// The entry's verslag with its text and statements; `None` when no file has been
    /// chosen as the verslag. `Error::VerslagChanged` when the file no longer hashes
    /// to its pin.
    pub fn verslag(&self, entry_id: i64) -> Result<Option<VerslagView>> {
        let e = self.entry(entry_id)?;
        let Some(v) = &e.data.verslag else {
            return Ok(None);
        };
        let (attachment, text) = pinned(self.conn(), entry_id, v)?;
        Ok(Some(VerslagView {
            attachment,
            sentences: verslag::sentences(&text),
            text,
            typed: !v.typed_text.is_empty(),
            statements: v.in_order().into_iter().cloned().collect(),
        }))
    }

    /// The text core reads from an attachment (what the verslag's text would be); empty
    /// for a photo, whose text the user types.
    pub fn attachment_text(&self, attachment_id: i64) -> Result<String> {
        let (media_type, bytes) = files::data(self.conn(), attachment_id)?;
        let bytes = Zeroizing::new(bytes);
        Ok(file_text(&media_type, &bytes))
    }

    /// Chooses attachment `attachment_id` of the entry as the agency's verslag, pinned by
    /// its SHA-256. `typed_text` is the text of a photo or scan as the user typed it;
    /// it must be empty for a file that has text of its own. Once statements quote the
    /// verslag, another file (or other typed text) is refused with
    /// `Error::VerslagChanged`; choosing the same again changes nothing.
    pub fn set_verslag(
        &mut self,
        entry_id: i64,
        attachment_id: i64,
        typed_text: &str,
        clock: &dyn Clock,
    ) -> Result<Entry> {
        let now = now_string(clock);
        let typed = typed_text.trim().replace("\r\n", "\n");
        self.write(|tx| {
            let e = live_entry(tx, entry_id)?;
            let a = files::get(tx, attachment_id)?
                .filter(|a| a.entry_id == entry_id)
                .ok_or_else(|| {
                    Error::Invalid(format!(
                        "attachment {attachment_id} is not an attachment of entry {entry_id}"
                    ))
                })?;
            if let Some(old) = &e.data.verslag {
                let same = old.attachment_id == a.id && old.typed_text == typed;
                if same {
                    return Ok(e);
                }
                if !old.statements.is_empty() {
                    return Err(changed(
                        format!(
                            "Er zijn al {} uitspraken over het verslag; een ander bestand \
                             of andere tekst kan daarom niet het verslag worden. Verwijder \
                             eerst de uitspraken",
                            old.statements.len()
                        ),
                        format!(
                            "{} statements already quote the report, so another file or \
                             other text cannot become the report; remove the statements first",
                            old.statements.len()
                        ),
                    ));
                }
            }
            let (media_type, bytes) = files::data(tx, a.id)?;
            let bytes = Zeroizing::new(bytes);
            let own = file_text(&media_type, &bytes);
            if !typed.is_empty() && !own.trim().is_empty() {
                return Err(Error::Invalid(format!(
                    "{} has text of its own; typed text is only for a photo or scan without text",
                    a.filename
                )));
            }
            let mut data = e.data.clone();
            data.verslag = Some(Verslag {
                attachment_id: a.id,
                sha256: a.sha256.clone(),
                typed_text: typed.clone(),
                statements: Vec::new(),
            });
            let reason = ChangeReason::VerslagChosen {
                name: a.filename.clone(),
            };
            save(tx, entry_id, &data, &reason, &now, clock)
        })
    }

    /// No file is the verslag any more. Refused while statements quote it.
    pub fn clear_verslag(&mut self, entry_id: i64, clock: &dyn Clock) -> Result<Entry> {
        let now = now_string(clock);
        self.write(|tx| {
            let e = live_entry(tx, entry_id)?;
            let Some(v) = &e.data.verslag else {
                return Ok(e);
            };
            if !v.statements.is_empty() {
                return Err(Error::Invalid(format!(
                    "{} statements quote the report; remove them first",
                    v.statements.len()
                )));
            }
            let name = files::get(tx, v.attachment_id)?
                .map(|a| a.filename)
                .unwrap_or_default();
            let mut data = e.data.clone();
            data.verslag = None;
            save(
                tx,
                entry_id,
                &data,
                &ChangeReason::VerslagCleared { name },
                &now,
                clock,
            )
        })
    }

    /// Adds a statement; returns the entry and the statement's number.
    pub fn add_statement(
        &mut self,
        entry_id: i64,
        input: &StatementInput,
        clock: &dyn Clock,
    ) -> Result<(Entry, u32)> {
        let mut n = 0;
        let saved = self.edit_statements(entry_id, clock, |v, text| {
            verslag::check_quote(text, input.start, &input.quote)?;
            n = v.next_id();
            v.statements.push(input.with_id(n));
            Ok(Some(ChangeReason::StatementAdded { n }))
        })?;
        Ok((saved, n))
    }

    /// Changes statement `n` (its quote, status, importance, own version, support).
    pub fn change_statement(
        &mut self,
        entry_id: i64,
        n: u32,
        input: &StatementInput,
        clock: &dyn Clock,
    ) -> Result<Entry> {
        self.edit_statements(entry_id, clock, |v, text| {
            verslag::check_quote(text, input.start, &input.quote)?;
            let slot = v
                .statements
                .iter_mut()
                .find(|s| s.id == n)
                .ok_or_else(|| no_statement(entry_id, n))?;
            let new = input.with_id(n);
            if *slot == new {
                return Ok(None);
            }
            *slot = new;
            Ok(Some(ChangeReason::StatementChanged { n }))
        })
    }

    /// Removes statement `n` (the history keeps it).
    pub fn remove_statement(&mut self, entry_id: i64, n: u32, clock: &dyn Clock) -> Result<Entry> {
        self.edit_statements(entry_id, clock, |v, _| {
            let before = v.statements.len();
            v.statements.retain(|s| s.id != n);
            if v.statements.len() == before {
                return Err(no_statement(entry_id, n));
            }
            Ok(Some(ChangeReason::StatementRemoved { n }))
        })
    }

    /// One edit of the statements about entry `entry_id`'s verslag, in one
    /// transaction: the live entry's verslag, its pin checked (the file re-hashed: the
    /// "frozen by SHA-256" check, deliberately on every edit, and the only I/O here),
    /// then `edit` with the verslag and its text. `edit` returns the reason to record,
    /// or `None` when nothing changed (then no version is added).
    fn edit_statements(
        &mut self,
        entry_id: i64,
        clock: &dyn Clock,
        edit: impl FnOnce(&mut Verslag, &str) -> Result<Option<ChangeReason>>,
    ) -> Result<Entry> {
        let now = now_string(clock);
        self.write(|tx| {
            let e = live_entry(tx, entry_id)?;
            let mut data = e.data.clone();
            let v = with_verslag(&mut data)?;
            let (_, text) = pinned(tx, entry_id, v)?;
            match edit(v, &text)? {
                None => Ok(e),
                Some(reason) => save(tx, entry_id, &data, &reason, &now, clock),
            }
        })
    }
}

impl Dossier {
    /// The blanks of the correction letter (`correctie`) made from the entry's
    /// statements in one step (see [`verslag::correction_fills`]); a front end passes
    /// them as the letter's fills, and the user may still change them.
    pub fn correction_fills(&self, entry_id: i64) -> Result<Vec<(String, String)>> {
        let e = self.entry(entry_id)?;
        let v =
            e.data.verslag.as_ref().ok_or_else(|| {
                Error::Invalid(format!("entry {entry_id} has no report chosen yet"))
            })?;
        let (a, _) = pinned(self.conn(), entry_id, v)?;
        let day = crate::deadline::long_date_nl(e.data.occurred_on);
        let what = format!(
            "het verslag van ons gesprek op {day} ({}), dat ik ontving als {}",
            e.data.title.trim(),
            a.filename
        );
        let conn = self.conn();
        let support = |s: &Statement| -> Vec<String> {
            let entries = s.support_entries.iter().filter_map(|id| {
                let e = entries::get(conn, *id).ok().flatten()?;
                // Medical entries are not named in a letter to the agency.
                (!e.data.is_medical()).then(|| {
                    format!(
                        "mijn registratie van {}: {}",
                        e.data.occurred_on.format("%d-%m-%Y"),
                        e.data.title.trim()
                    )
                })
            });
            let files = s.support_attachments.iter().filter_map(|id| {
                let a = files::get(conn, *id).ok().flatten()?;
                let owner = entries::get(conn, a.entry_id).ok().flatten()?;
                (!owner.data.is_medical()).then(|| format!("het stuk {}", a.filename))
            });
            entries.chain(files).collect()
        };
        verslag::correction_fills(&what, v, &support)
            .map(|f| f.into_iter().map(|(k, v)| (k.to_string(), v)).collect())
            .ok_or_else(|| {
                Error::Invalid(
                    "no statement is marked incorrect, incomplete, not said or not discussed, so there is nothing to correct"
                        .into(),
                )
            })
    }
}

fn no_statement(entry_id: i64, n: u32) -> Error {
    Error::Invalid(format!(
        "entry {entry_id} has no statement {n}; `dossier statements` lists them"
    ))
}

fn live_entry(conn: &Connection, id: i64) -> Result<Entry> {
    let e = entries::get(conn, id)?
        .ok_or_else(|| Error::Invalid(format!("entry {id} does not exist")))?;
    if e.deleted_at.is_some() {
        return Err(Error::Invalid(format!("entry {id} was deleted")));
    }
    Ok(e)
}

fn with_verslag(data: &mut EntryData) -> Result<&mut Verslag> {
    data.verslag.as_mut().ok_or_else(|| {
        Error::Invalid(
            "no file of this entry is chosen as the agency's report yet; choose it first \
             (`dossier verslag set`)"
                .into(),
        )
    })
}

/// Validates and stores the entry's new data, appending its version.
fn save(
    tx: &rusqlite::Transaction<'_>,
    id: i64,
    data: &EntryData,
    reason: &ChangeReason,
    now: &str,
    clock: &dyn Clock,
) -> Result<Entry> {
    data.validate(clock)?;
    check_in_store(tx, id, data)?;
    entries::update(tx, id, data, now)?;
    super::entries::record(tx, id, Action::Edit, &reason.stored(), now)
}
