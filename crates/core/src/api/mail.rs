//! E-mail in as entries (F13) against the store: which messages are already in the
//! dossier (by Message-ID and by the SHA-256 of their bytes), which people and
//! organisation they name, and the import itself: every chosen message of every file
//! in one transaction, or nothing. Both the plan and the import report how far they
//! are, message by message ([`MailProgress`]).

use std::collections::{BTreeMap, HashSet};

use chrono::{Duration, NaiveDate};
use ring::digest;
use rusqlite::OptionalExtension;
use zeroize::Zeroizing;

use super::attachments::PreparedAttachment;
use super::entries::record;
use super::now_string;
use crate::clock::Clock;
use crate::entry::{EntryData, EntryPerson};
use crate::error::{from_sqlite, Error, Result};
use crate::mail::{
    self, MailDraft, MailFormat, MailProblem, MailProblemKind, ParsedMail, SuggestedPerson,
};
use crate::person::{Person, PersonData};
use crate::store::history::Action;
use crate::store::{entries, people};
use crate::vault::Dossier;

/// One mail file the user chose: its name (for messages and the kept original), its
/// bytes, and for an mbox which messages to take (numbers from 1; `None`: all).
#[derive(Clone)]
pub struct MailInput {
    pub name: String,
    pub bytes: Vec<u8>,
    pub pick: Option<Vec<usize>>,
}

impl std::fmt::Debug for MailInput {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MailInput")
            .field("name", &self.name)
            .field("size", &self.bytes.len())
            .field("pick", &self.pick)
            .finish()
    }
}

/// How to import.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MailImportOptions {
    /// The day for messages that have no date (`--date`); without it (or a day of its
    /// own in `dates`) such a message is refused with [`MailProblemKind::NoDate`].
    pub fallback_date: Option<NaiveDate>,
    /// A day of its own for a message that has no date, by its source (`NAME`, or
    /// `NAME #N` for message N of an mbox): the app asks for each one.
    pub dates: BTreeMap<String, NaiveDate>,
    /// Add the suggested people to the entries (found by e-mail address or name, else
    /// added); when false, only the organisation is filled.
    pub add_people: bool,
    /// Suggested people the user chose not to add (their address, or their name when
    /// the mail gives none; case does not matter): the app confirms each person.
    pub declined_people: Vec<String>,
}

impl MailImportOptions {
    /// The day a message without a date of its own gets, if the user gave one.
    fn date_for(&self, source: &str) -> Option<NaiveDate> {
        self.dates.get(source).copied().or(self.fallback_date)
    }

    fn declines(&self, s: &SuggestedPerson) -> bool {
        let key = if s.email.trim().is_empty() {
            s.name.trim()
        } else {
            s.email.trim()
        };
        self.declined_people
            .iter()
            .any(|d| d.trim().eq_ignore_ascii_case(key))
    }
}

/// Which part of the work a [`MailProgress`] is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MailStep {
    /// Reading and examining the messages (the plan, and before an import).
    Read,
    /// Adding them to the dossier.
    Write,
}

/// How far a plan or an import is: `done` of `total` messages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MailProgress {
    pub step: MailStep,
    pub done: usize,
    pub total: usize,
}

/// Why a message was not added again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DuplicateBy {
    /// An entry's original has the same Message-ID.
    MessageId,
    /// An entry already has a file with the same SHA-256 (the same bytes).
    Hash,
}

/// One message of an import, planned or done.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MailOutcome {
    /// The file's name, `NAME #N` for message N of an mbox.
    pub source: String,
    pub data: EntryData,
    pub people: Vec<SuggestedPerson>,
    /// The names of the files the entry gets: the original first, then the mail's own.
    pub attachments: Vec<String>,
    /// SHA-256 (hex) of the original message's bytes.
    pub sha256: String,
    pub message_id: Option<String>,
    /// The entry it became, or the entry that already holds it.
    pub entry_id: Option<i64>,
    pub duplicate: Option<DuplicateBy>,
}

/// What an import did: the entries added, the messages skipped as already there.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct MailImportReport {
    pub added: Vec<MailOutcome>,
    pub skipped: Vec<MailOutcome>,
    pub people_added: u32,
}

/// A message read and examined, ready to be written.
struct Prepared {
    outcome: MailOutcome,
    files: Vec<PreparedAttachment>,
    domain: Option<String>,
}

fn sha256_hex(bytes: &[u8]) -> String {
    hex::encode(digest::digest(&digest::SHA256, bytes))
}

fn problem(file: &str, kind: MailProblemKind) -> MailProblem {
    MailProblem {
        file: file.to_string(),
        kind,
    }
}

/// One message of a chosen file, split off but not parsed yet.
struct Raw {
    /// The file's name, `NAME #N` for message N of an mbox.
    source: String,
    /// The name the kept original gets.
    name: String,
    bytes: Vec<u8>,
    /// An Outlook .msg (else an RFC 5322 message).
    msg: bool,
}

impl Raw {
    fn parse(&self) -> std::result::Result<ParsedMail, MailProblem> {
        let parsed = if self.msg {
            mail::parse_msg(&self.bytes)
        } else {
            mail::parse_eml(&self.bytes)
        };
        parsed.map_err(|why| problem(&self.source, MailProblemKind::Unreadable(why)))
    }
}

/// The messages of one file, in the order the user sees them (an mbox split, its
/// picks checked); parsing is left to the loop that reports progress.
fn split_input(input: &MailInput) -> std::result::Result<Vec<Raw>, MailProblem> {
    let name = input.name.as_str();
    let bad = |why: String| problem(name, MailProblemKind::Unreadable(why));
    if input.bytes.is_empty() {
        return Err(bad("the file is empty".into()));
    }
    let single = |msg: bool| Raw {
        source: name.into(),
        name: name.into(),
        bytes: input.bytes.clone(),
        msg,
    };
    match MailFormat::detect(name, &input.bytes) {
        MailFormat::Eml => Ok(vec![single(false)]),
        MailFormat::Msg => Ok(vec![single(true)]),
        MailFormat::Mbox => {
            let messages = mail::mbox_messages(&input.bytes).map_err(bad)?;
            let picks: Vec<usize> = match &input.pick {
                Some(p) => {
                    let mut seen = Vec::new();
                    for &n in p {
                        if n == 0 || n > messages.len() {
                            return Err(bad(format!(
                                "there is no message {n}; the file holds messages 1 to {}",
                                messages.len()
                            )));
                        }
                        if !seen.contains(&n) {
                            seen.push(n);
                        }
                    }
                    seen
                }
                None => (1..=messages.len()).collect(),
            };
            let stem = name
                .rsplit(['/', '\\'])
                .next()
                .unwrap_or(name)
                .trim_end_matches(".mbox")
                .to_string();
            Ok(picks
                .into_iter()
                .map(|n| Raw {
                    source: format!("{name} #{n}"),
                    name: format!("{stem}-{n}.eml"),
                    bytes: messages[n - 1].clone(),
                    msg: false,
                })
                .collect())
        }
    }
}

/// The Message-ID of a stored original, read again from its bytes.
fn stored_message_id(name: &str, bytes: &[u8]) -> Option<String> {
    match MailFormat::detect(name, bytes) {
        MailFormat::Msg => mail::parse_msg(bytes).ok()?.message_id,
        _ => mail::read_message(bytes)?
            .message_id()
            .map(|s| s.trim().to_string()),
    }
}

impl Dossier {
    /// The entry already holding a file with these bytes, if a live e-mail entry does.
    fn mail_by_hash(&self, sha256: &str) -> Result<Option<i64>> {
        self.conn()
            .query_row(
                "SELECT e.id FROM attachments a JOIN entries e ON e.id = a.entry_id
                 WHERE a.sha256 = ?1 AND a.deleted_at IS NULL AND e.deleted_at IS NULL
                   AND e.kind IN ('email-in', 'email-out') LIMIT 1",
                [sha256],
                |r| r.get(0),
            )
            .optional()
            .map_err(|e| from_sqlite("look for the message in the dossier", e))
    }

    /// The live e-mail entry whose original has this Message-ID. Only entries within a
    /// day of `day` are read: the same message gives the same date.
    fn mail_by_message_id(&self, id: &str, day: NaiveDate) -> Result<Option<i64>> {
        let candidates: Vec<(i64, i64, String)> = {
            let mut stmt = self
                .conn()
                .prepare(
                    "SELECT a.id, e.id, a.filename FROM attachments a
                     JOIN entries e ON e.id = a.entry_id
                     WHERE a.deleted_at IS NULL AND e.deleted_at IS NULL
                       AND e.kind IN ('email-in', 'email-out')
                       AND e.occurred_on BETWEEN ?1 AND ?2",
                )
                .map_err(|e| from_sqlite("look for the message in the dossier", e))?;
            let from = (day - Duration::days(1)).to_string();
            let to = (day + Duration::days(1)).to_string();
            let rows = stmt
                .query_map([from, to], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
                .map_err(|e| from_sqlite("look for the message in the dossier", e))?;
            // Collected here, while the statement that the rows borrow is alive.
            #[allow(clippy::let_and_return)]
            let found = rows
                .collect::<rusqlite::Result<_>>()
                .map_err(|e| from_sqlite("look for the message in the dossier", e))?;
            found
        };
        for (attachment, entry, filename) in candidates {
            let lower = filename.to_ascii_lowercase();
            if !(lower.ends_with(".eml") || lower.ends_with(".msg")) {
                continue;
            }
            let bytes = Zeroizing::new(self.attachment_bytes(attachment)?);
            if stored_message_id(&filename, &bytes).as_deref() == Some(id) {
                return Ok(Some(entry));
            }
        }
        Ok(None)
    }

    /// The organisation a mail domain stands for: that of a known person with an
    /// address at it, else the domain itself.
    fn organisation_of(known: &[Person], domain: Option<&str>) -> String {
        let Some(domain) = domain else {
            return String::new();
        };
        known
            .iter()
            .find(|p| {
                !p.data.organisation.trim().is_empty()
                    && p.data
                        .email
                        .rsplit_once('@')
                        .is_some_and(|(_, d)| d.trim().eq_ignore_ascii_case(domain))
            })
            .map(|p| p.data.organisation.trim().to_string())
            .unwrap_or_else(|| domain.to_string())
    }

    /// Reads every chosen message, examines its files and finds duplicates, before
    /// anything is written, reporting each message read. Every bad file is named; then
    /// nothing is imported.
    fn prepare_mail(
        &self,
        inputs: &[MailInput],
        opts: &MailImportOptions,
        clock: &dyn Clock,
        progress: &mut dyn FnMut(MailProgress),
    ) -> Result<Vec<Prepared>> {
        let own = self.profile()?.email;
        if own.trim().is_empty() {
            return Err(Error::MailNeedsOwnAddress);
        }
        let known = self.people()?;
        let mut problems = Vec::new();
        let mut out: Vec<Prepared> = Vec::new();
        let mut seen_hash: HashSet<String> = HashSet::new();
        let mut seen_id: HashSet<String> = HashSet::new();
        let mut raws = Vec::new();
        for input in inputs {
            match split_input(input) {
                Ok(m) => raws.extend(m),
                Err(p) => problems.push(p),
            }
        }
        let total = raws.len();
        for (done, raw) in raws.into_iter().enumerate() {
            progress(MailProgress {
                step: MailStep::Read,
                done,
                total,
            });
            let parsed = match raw.parse() {
                Ok(p) => p,
                Err(p) => {
                    problems.push(p);
                    continue;
                }
            };
            let Raw {
                source,
                name: original_name,
                bytes: original,
                ..
            } = raw;
            let Some(MailDraft {
                mut data,
                people,
                domain,
            }) = mail::draft(&parsed, &own, opts.date_for(&source))
            else {
                problems.push(problem(&source, MailProblemKind::NoDate));
                continue;
            };
            data.organisation = Self::organisation_of(&known, domain.as_deref());
            if let Err(e) = data.validate(clock) {
                problems.push(problem(&source, MailProblemKind::Refused(e.to_string())));
                continue;
            }
            let sha256 = sha256_hex(&original);
            let mut files = Vec::new();
            let mut names = Vec::new();
            let mut refused = None;
            for f in std::iter::once((original_name.as_str(), &original)).chain(
                parsed
                    .attachments
                    .iter()
                    .map(|a| (a.name.as_str(), &a.bytes)),
            ) {
                match PreparedAttachment::from_bytes(f.0, Zeroizing::new(f.1.clone())) {
                    Ok(p) => {
                        names.push(f.0.to_string());
                        files.push(p);
                    }
                    Err(Error::AttachmentEmpty(_)) => {}
                    Err(e) => refused = Some(e.to_string()),
                }
            }
            if let Some(why) = refused {
                problems.push(problem(&source, MailProblemKind::Refused(why)));
                continue;
            }
            let message_id = parsed.message_id.clone().filter(|m| !m.is_empty());
            let mut outcome = MailOutcome {
                source,
                data,
                people,
                attachments: names,
                sha256: sha256.clone(),
                message_id: message_id.clone(),
                entry_id: None,
                duplicate: None,
            };
            if let Some(id) = self.mail_by_hash(&sha256)? {
                outcome.entry_id = Some(id);
                outcome.duplicate = Some(DuplicateBy::Hash);
            } else if let Some(found) = match &message_id {
                Some(m) => self.mail_by_message_id(m, outcome.data.occurred_on)?,
                None => None,
            } {
                outcome.entry_id = Some(found);
                outcome.duplicate = Some(DuplicateBy::MessageId);
            } else if seen_hash.contains(&sha256) {
                outcome.duplicate = Some(DuplicateBy::Hash);
            } else if message_id.as_ref().is_some_and(|m| seen_id.contains(m)) {
                outcome.duplicate = Some(DuplicateBy::MessageId);
            }
            seen_hash.insert(sha256);
            if let Some(m) = message_id {
                seen_id.insert(m);
            }
            out.push(Prepared {
                outcome,
                files,
                domain,
            });
        }
        progress(MailProgress {
            step: MailStep::Read,
            done: total,
            total,
        });
        if !problems.is_empty() {
            return Err(Error::MailRefused(problems));
        }
        Ok(out)
    }

    /// What importing `inputs` would do, without writing: per message its entry, the
    /// people it suggests, its files, and whether it is already in the dossier. For a
    /// screen that shows the messages and asks which people to keep.
    pub fn mail_plan(
        &self,
        inputs: &[MailInput],
        opts: &MailImportOptions,
        clock: &dyn Clock,
    ) -> Result<Vec<MailOutcome>> {
        self.mail_plan_with_progress(inputs, opts, clock, &mut |_| {})
    }

    /// [`Dossier::mail_plan`], telling `progress` after each message read.
    pub fn mail_plan_with_progress(
        &self,
        inputs: &[MailInput],
        opts: &MailImportOptions,
        clock: &dyn Clock,
        progress: &mut dyn FnMut(MailProgress),
    ) -> Result<Vec<MailOutcome>> {
        Ok(self
            .prepare_mail(inputs, opts, clock, progress)?
            .into_iter()
            .map(|p| p.outcome)
            .collect())
    }

    /// Imports the messages of `inputs` in one transaction: each becomes an
    /// `email-in` or `email-out` entry (by the profile's own address) with the
    /// original message attached byte for byte and the mail's attachments after it;
    /// a message already in the dossier is skipped and reported. When any file or
    /// message cannot be imported, nothing is ([`Error::MailRefused`] names each).
    pub fn import_mail(
        &mut self,
        inputs: &[MailInput],
        opts: &MailImportOptions,
        clock: &dyn Clock,
    ) -> Result<MailImportReport> {
        self.import_mail_with_progress(inputs, opts, clock, &mut |_| {})
    }

    /// [`Dossier::import_mail`], telling `progress` after each message read and each
    /// message written (the write is still one transaction: all or nothing).
    pub fn import_mail_with_progress(
        &mut self,
        inputs: &[MailInput],
        opts: &MailImportOptions,
        clock: &dyn Clock,
        progress: &mut dyn FnMut(MailProgress),
    ) -> Result<MailImportReport> {
        let prepared = self.prepare_mail(inputs, opts, clock, progress)?;
        let now = now_string(clock);
        let total = prepared.len();
        self.write(|tx| {
            let mut report = MailImportReport::default();
            let mut known = people::list(tx)?;
            for (done, p) in prepared.into_iter().enumerate() {
                progress(MailProgress {
                    step: MailStep::Write,
                    done,
                    total,
                });
                let mut outcome = p.outcome;
                if outcome.duplicate.is_some() {
                    report.skipped.push(outcome);
                    continue;
                }
                let mut data = outcome.data.clone();
                if opts.add_people {
                    for s in outcome.people.iter().filter(|s| !opts.declines(s)) {
                        let found = known.iter().find(|k| {
                            (!s.email.is_empty()
                                && k.data.email.trim().eq_ignore_ascii_case(&s.email))
                                || crate::person::folded(&k.data.name)
                                    == crate::person::folded(&s.name)
                        });
                        let id = match found {
                            Some(k) => k.id,
                            None => {
                                // Their organisation only when they write from the
                                // other party's domain.
                                let theirs = s
                                    .email
                                    .rsplit_once('@')
                                    .map(|(_, d)| d.to_ascii_lowercase());
                                let organisation = match (&theirs, &p.domain) {
                                    (Some(t), Some(d)) if t == d => {
                                        Self::organisation_of(&known, Some(d))
                                    }
                                    _ => String::new(),
                                };
                                let new = PersonData {
                                    name: s.name.clone(),
                                    email: s.email.clone(),
                                    organisation,
                                    ..PersonData::default()
                                };
                                let (id, added) = people::find_or_insert(tx, &new, &now)?;
                                report.people_added += u32::from(added);
                                known = people::list(tx)?;
                                id
                            }
                        };
                        if !data.people.iter().any(|e| e.person_id == id) {
                            data.people.push(EntryPerson {
                                person_id: id,
                                role: s.role.clone(),
                            });
                        }
                    }
                }
                let id = entries::insert(tx, &data, &now)?;
                record(tx, id, Action::Create, "", &now)?;
                for f in &p.files {
                    f.store(tx, id, &now)?;
                }
                outcome.entry_id = Some(id);
                outcome.data = data;
                report.added.push(outcome);
            }
            progress(MailProgress {
                step: MailStep::Write,
                done: total,
                total,
            });
            Ok(report)
        })
    }
}
