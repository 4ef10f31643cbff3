//! Letters from an entry (F12) against the store: the facts a letter is filled from,
//! the letters offered, and making one — a `letter-out` entry (a draft until it is
//! marked sent) with the letter attached, linked to its source, and the term it sets
//! as the entry's follow-up date, so the to-do comes from the deadline engine.

use chrono::NaiveDate;
use zeroize::Zeroizing;

use super::attachments::PreparedAttachment;
use super::entries::record;
use super::now_string;
use super::undo::{version_data, UNDO_REASON};
use crate::clock::{dutch_today, Clock};
use crate::contact_rule::rule_label_nl;
use crate::entry::{Entry, EntryData, EntryKind};
use crate::error::{from_sqlite, Error, Result};
use crate::exemption::active_on;
use crate::export::ExportOptions;
use crate::letters::{
    compose, ground_from_entry, plain_text, render, Blank, LetterContext, LetterFormat,
    LetterOption, LetterRequest, LetterType, RenderedLetter, Template,
};
use crate::link::{EntryLink, LinkKind};
use crate::reason::ChangeReason;
use crate::store::history::{self, Action};
use crate::store::{attachments, entries, links, search, settings};
use crate::todo::{TodoKind, TodoState};
use crate::vault::Dossier;

/// The tag a letter-out entry has while it is a draft.
pub const DRAFT_TAG: &str = "concept";

/// The reason of the version [`Dossier::mark_letter_sent`] records (stored; never
/// change it: [`Dossier::undo_letter_sent`] finds the sending by it).
pub const SENT_REASON: &str = "verstuurd";

/// A paper from the dossier that a letter can send along: an exhibit numbered as the
/// overview of the whole dossier numbers it (without medical papers: a letter goes to
/// the agency, which should never get the medical file).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EnclosureOption {
    /// The exhibit's number in the overview ("3").
    pub label: String,
    pub attachment_id: i64,
    pub entry_id: i64,
    pub filename: String,
    pub entry_title: String,
    pub occurred_on: NaiveDate,
    /// The line as the letter lists it (Dutch).
    pub text: String,
}

/// A ground for an objection the dossier suggests, from an entry or an exemption.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GroundSuggestion {
    /// The entry it comes from (the agreement, the contact), if any.
    pub entry_id: Option<i64>,
    /// The paragraph as it would stand in the letter (Dutch).
    pub text: String,
}

/// A letter made: the file's bytes and the letter-out entry that keeps it.
#[derive(Debug, Clone)]
pub struct MadeLetter {
    pub rendered: RenderedLetter,
    pub entry: Entry,
}

impl Dossier {
    /// Everything a letter from entry `id` may be filled from, as seen on `today`.
    pub fn letter_context(&self, id: i64, today: NaiveDate) -> Result<LetterContext> {
        let entry = self.entry(id)?;
        if entry.deleted_at.is_some() {
            return Err(Error::Invalid(format!("entry {id} was deleted")));
        }
        let people = entry
            .data
            .people
            .iter()
            .map(|p| self.person(p.person_id).map(|p| p.data.name))
            .collect::<Result<Vec<_>>>()?;
        let links = self.links(id)?;
        let decision = match entry.data.kind {
            EntryKind::Decision => Some(entry.clone()),
            EntryKind::LetterOut => links
                .iter()
                .find(|l| l.from_id == id && l.kind == LinkKind::ObjectionAgainst)
                .map(|l| self.entry(l.to_id))
                .transpose()?
                .filter(|d| d.deleted_at.is_none() && d.data.kind == EntryKind::Decision),
            _ => None,
        };
        let mut decision_overdue = None;
        let mut objection_date = None;
        if let Some(dec) = &decision {
            decision_overdue = self
                .todos_of(&[dec.id], today)?
                .into_iter()
                .find(|t| t.kind == TodoKind::DecisionDue && t.state == TodoState::Missed)
                .map(|t| t.due_on);
            for l in self.links(dec.id)? {
                if l.to_id == dec.id && l.kind == LinkKind::ObjectionAgainst {
                    let o = self.entry(l.from_id)?;
                    let day = o
                        .data
                        .letter_dated
                        .or(o.data.sent_on)
                        .unwrap_or(o.data.occurred_on);
                    objection_date = Some(objection_date.map_or(day, |d: NaiveDate| d.min(day)));
                }
            }
        }
        let earliest: Option<String> = self
            .conn()
            .query_row(
                "SELECT MIN(occurred_on) FROM entries WHERE deleted_at IS NULL",
                [],
                |r| r.get(0),
            )
            .map_err(|e| from_sqlite("read the first day of the dossier", e))?;
        Ok(LetterContext {
            entry,
            people,
            profile: self.profile()?,
            letter_date: today,
            decision,
            decision_overdue,
            objection_date,
            earliest: earliest.and_then(|d| crate::entry::parse_date(&d).ok()),
            addresses: self.organisation_addresses()?,
        })
    }

    /// Every postal address remembered from a letter: case-folded organisation name →
    /// address lines.
    fn organisation_addresses(&self) -> Result<std::collections::BTreeMap<String, Vec<String>>> {
        Ok(
            settings::with_prefix(self.conn(), settings::ORGANISATION_ADDRESS)?
                .into_iter()
                .map(|(org, lines)| (org, lines.lines().map(str::to_string).collect()))
                .collect(),
        )
    }

    /// The postal address of `organisation` as the last letter to it gave it (empty
    /// when no letter went to it yet); names compare case-folded.
    pub fn organisation_address(&self, organisation: &str) -> Result<Vec<String>> {
        let key = format!(
            "{}{}",
            settings::ORGANISATION_ADDRESS,
            crate::person::folded(organisation)
        );
        Ok(settings::get(self.conn(), &key)?
            .map(|v| v.lines().map(str::to_string).collect())
            .unwrap_or_default())
    }

    /// The papers a letter from entry `id` can list as enclosures, numbered as the
    /// overview of the whole dossier numbers its exhibits. The entry's own files are
    /// left out when it is the decision: a copy of the decision always goes along.
    pub fn enclosure_options(&self, id: i64) -> Result<Vec<EnclosureOption>> {
        let own = self.entry(id)?;
        let skip = (own.data.kind == EntryKind::Decision).then_some(id);
        Ok(self
            .bundle_exhibits(&ExportOptions::default())?
            .into_iter()
            .filter(|x| Some(x.entry_id) != skip)
            .map(|x| {
                let text = format!(
                    "Bijlage {} uit mijn dossieroverzicht: {} ({}, {})",
                    x.label,
                    x.filename,
                    x.entry_title,
                    crate::letters::day_text(x.occurred_on)
                );
                EnclosureOption {
                    label: x.label,
                    attachment_id: x.attachment_id,
                    entry_id: x.entry_id,
                    filename: x.filename,
                    entry_title: x.entry_title,
                    occurred_on: x.occurred_on,
                    text,
                }
            })
            .collect())
    }

    /// The letters that fit entry `id` on `today`, most important first, each with its
    /// explanation and its blanks (those the user still has to fill first). An
    /// ingebrekestelling is offered only when the deadline engine says the period for
    /// deciding on the objection has passed.
    pub fn letter_options(&self, id: i64, today: NaiveDate) -> Result<Vec<LetterOption>> {
        let ctx = self.letter_context(id, today)?;
        let none = LetterRequest::default();
        LetterType::ALL
            .into_iter()
            .filter(|&t| crate::letters::refusal(&ctx, t).is_none())
            .map(|t| {
                let tpl = Template::of(t)?;
                Ok(LetterOption {
                    letter_type: t,
                    blanks: crate::letters::blanks(&ctx, &tpl, &none),
                    title_nl: tpl.title_nl,
                    title_en: tpl.title_en,
                    explain_nl: tpl.explain_nl,
                    explain_en: tpl.explain_en,
                })
            })
            .collect()
    }

    /// The blanks of one letter with what is filled so far: what to ask for first.
    pub fn letter_blanks(
        &self,
        id: i64,
        letter_type: LetterType,
        req: &LetterRequest,
        today: NaiveDate,
    ) -> Result<Vec<Blank>> {
        let ctx = self.letter_context(id, today)?;
        if let Some(refused) = crate::letters::refusal(&ctx, letter_type) {
            return Err(refused);
        }
        Ok(crate::letters::blanks(
            &ctx,
            &Template::of(letter_type)?,
            req,
        ))
    }

    /// Grounds for an objection against decision `id` the dossier can offer: the
    /// exemptions in force on the decision's date, contacts that broke an agreed rule
    /// for contact, and the entries linked to the decision.
    pub fn ground_suggestions(&self, id: i64) -> Result<Vec<GroundSuggestion>> {
        let dec = self.entry(id)?;
        let day = dec.data.letter_dated.unwrap_or(dec.data.occurred_on);
        let mut out = Vec::new();
        for e in active_on(&self.exemptions()?, day) {
            let d = &e.data;
            let mut text = format!(
                "Op de datum van het besluit had ik een ontheffing van {}, van {} tot en met {}",
                crate::exemption::duty_phrase_nl(d),
                crate::letters::day_text(d.from_on),
                crate::letters::day_text(d.to_on),
            );
            if !d.decided_by.trim().is_empty() {
                text.push_str(&format!(" (besloten door {})", d.decided_by.trim()));
            }
            text.push('.');
            out.push(GroundSuggestion {
                entry_id: d.entry_ids.first().copied(),
                text,
            });
        }
        for v in self.contact_violations()? {
            let contact = self.entry(v.entry_id)?;
            out.push(GroundSuggestion {
                entry_id: Some(v.entry_id),
                text: format!(
                    "Op {} nam u contact met mij op ({}), terwijl wij op {} hadden afgesproken: {}.",
                    crate::letters::day_text(contact.data.occurred_on),
                    contact.data.title,
                    crate::letters::day_text(v.agreed_on),
                    rule_label_nl(v.rule),
                ),
            });
        }
        for l in self.links(id)? {
            let other = if l.from_id == id { l.to_id } else { l.from_id };
            let e = self.entry(other)?;
            if e.deleted_at.is_none() && e.data.kind != EntryKind::LetterOut {
                out.push(GroundSuggestion {
                    entry_id: Some(other),
                    text: ground_from_entry(&e),
                });
            }
        }
        Ok(out)
    }

    /// The letter as a file, without storing anything (a preview).
    pub fn render_letter(
        &self,
        id: i64,
        letter_type: LetterType,
        req: &LetterRequest,
        format: LetterFormat,
        today: NaiveDate,
    ) -> Result<RenderedLetter> {
        let ctx = self.letter_context(id, today)?;
        let letter = compose(&ctx, letter_type, req)?;
        let bytes = render(&letter, format)?;
        Ok(RenderedLetter {
            letter,
            format,
            bytes,
        })
    }

    /// Makes the letter and records it, in one transaction: the recipient's address
    /// remembered for the next letter to them, a `letter-out` entry dated
    /// today with the letter's text, the file attached, tagged with its type and
    /// "concept" (a draft until [`Dossier::mark_letter_sent`]), linked to entry `id`
    /// as `same-decision` (so a draft never marks a deadline done), and with the term's
    /// last day as its follow-up date, which gives its to-do.
    pub fn make_letter(
        &mut self,
        id: i64,
        letter_type: LetterType,
        req: &LetterRequest,
        format: LetterFormat,
        clock: &dyn Clock,
    ) -> Result<MadeLetter> {
        let today = dutch_today(clock.now());
        let rendered = self.render_letter(id, letter_type, req, format, today)?;
        let l = &rendered.letter;
        let source = self.entry(id)?;
        let mut data = EntryData::new(EntryKind::LetterOut, today, l.entry_title.clone());
        data.organisation = l.recipient.first().cloned().unwrap_or_default();
        data.kenmerk = source.data.kenmerk.clone();
        data.letter_dated = Some(today);
        data.notes = plain_text(l);
        data.follow_up_on = l.term_ends;
        data.tags = vec![letter_type.name().to_string(), DRAFT_TAG.to_string()];
        data.validate(clock)?;
        let name = format!("{}-{}.{}", letter_type.name(), today, format.name());
        let file = PreparedAttachment::from_bytes(&name, Zeroizing::new(rendered.bytes.clone()))?;
        let now = now_string(clock);
        // The address the letter went to, for the next letter to the same organisation.
        let remembered = match l.recipient.split_first() {
            Some((org, lines)) if !org.trim().is_empty() && !lines.is_empty() => Some((
                format!(
                    "{}{}",
                    settings::ORGANISATION_ADDRESS,
                    crate::person::folded(org)
                ),
                lines.join("\n"),
            )),
            _ => None,
        };
        let entry = self.write(|tx| {
            if let Some((key, lines)) = &remembered {
                settings::set(tx, key, lines)?;
            }
            let new_id = entries::insert(tx, &data, &now)?;
            record(tx, new_id, Action::Create, "", &now)?;
            file.store(tx, new_id, &now)?;
            let link = EntryLink {
                from_id: new_id,
                to_id: id,
                kind: LinkKind::SameDecision,
            };
            change_link(tx, &link, true, &now)?;
            entries::get(tx, new_id)?
                .ok_or_else(|| Error::Invalid(format!("entry {new_id} does not exist")))
        })?;
        Ok(MadeLetter { rendered, entry })
    }

    /// Marks a letter made with [`Dossier::make_letter`] as sent on `sent_on`, `how`
    /// ("aangetekend", "e-mail", "webformulier", "afgegeven aan de balie"), with the
    /// proof of sending attached when given (a photo of the receipt, the confirmation
    /// e-mail). One transaction: the draft tag goes, and the link to its source becomes
    /// what the letter is once sent (`objection-against` for an objection, which marks
    /// the objection to-do done; `reply-to` for the others).
    pub fn mark_letter_sent(
        &mut self,
        id: i64,
        sent_on: NaiveDate,
        how: &str,
        proof: Option<&PreparedAttachment>,
        clock: &dyn Clock,
    ) -> Result<Entry> {
        let e = self.entry(id)?;
        if e.data.kind != EntryKind::LetterOut || e.deleted_at.is_some() {
            return Err(Error::Invalid(format!(
                "entry {id} is not a letter of yours"
            )));
        }
        if let Some(dated) = e.data.letter_dated {
            if sent_on < dated {
                return Err(Error::Invalid(format!(
                    "the letter cannot be sent on {sent_on}, before its date {dated}"
                )));
            }
        }
        let letter_type = e
            .data
            .tags
            .iter()
            .find_map(|t| LetterType::from_name(t).ok());
        let sent_link = letter_type
            .map(|t| Template::of(t).map(|tpl| tpl.sent_link))
            .transpose()?;
        let mut data = e.data.clone();
        data.sent_on = Some(sent_on);
        data.channel = how.trim().to_string();
        data.tags.retain(|t| t != DRAFT_TAG);
        data.validate(clock)?;
        let drafts: Vec<EntryLink> = self
            .links(id)?
            .into_iter()
            .filter(|l| l.from_id == id && l.kind == LinkKind::SameDecision)
            .collect();
        let now = now_string(clock);
        self.write(|tx| {
            entries::update(tx, id, &data, &now)?;
            record(tx, id, Action::Edit, SENT_REASON, &now)?;
            if let Some(kind) = sent_link {
                for draft in &drafts {
                    change_link(tx, draft, false, &now)?;
                    let sent = EntryLink { kind, ..*draft };
                    change_link(tx, &sent, true, &now)?;
                }
            }
            if let Some(p) = proof {
                p.store(tx, id, &now)?;
            }
            entries::get(tx, id)?
                .ok_or_else(|| Error::Invalid(format!("entry {id} does not exist")))
        })
    }
}

impl Dossier {
    /// Takes back [`Dossier::mark_letter_sent`] as new history, in one transaction: the
    /// letter is a draft again (its fields as before the sending, reason "ongedaan
    /// gemaakt"), the link it got when sent is the draft's `same-decision` link again
    /// (so the objection to-do is open again), and a proof attached with the sending is
    /// taken off (it stays in the history). Refused when the letter changed since.
    pub fn undo_letter_sent(&mut self, id: i64, clock: &dyn Clock) -> Result<Entry> {
        let e = self.entry(id)?;
        if e.data.kind != EntryKind::LetterOut || e.deleted_at.is_some() {
            return Err(Error::Invalid(format!(
                "entry {id} is not a letter of yours"
            )));
        }
        let versions = self.history(id)?;
        let at = versions
            .iter()
            .rposition(|v| v.action == "edit" && v.reason == SENT_REASON)
            .ok_or_else(|| Error::Invalid(format!("letter {id} was not marked sent")))?;
        let sent = &versions[at];
        // After the sending only what the same transaction recorded: its links and proof.
        let mut added = Vec::new();
        let mut removed = Vec::new();
        let mut files = false;
        for v in &versions[at + 1..] {
            let same_moment = v.recorded_at == sent.recorded_at;
            match ChangeReason::parse(&v.reason) {
                ChangeReason::LinkAdded { kind, to } if same_moment => added.push((kind, to)),
                ChangeReason::LinkRemoved { kind, to } if same_moment => {
                    removed.push((kind, to));
                }
                ChangeReason::FileAdded { .. } if same_moment => files = true,
                _ => {
                    return Err(Error::Invalid(format!(
                        "letter {id} changed after it was marked sent; undo that first"
                    )))
                }
            }
        }
        let before = at
            .checked_sub(1)
            .and_then(|i| versions.get(i))
            .ok_or_else(|| Error::Damaged(format!("letter {id} has no version before sending")))?;
        let draft = version_data(before)?;
        draft.validate(clock)?;
        let link = |(kind, to): &(String, i64)| -> Result<EntryLink> {
            Ok(EntryLink {
                from_id: id,
                to_id: *to,
                kind: LinkKind::from_name(kind)?,
            })
        };
        let added = added.iter().map(link).collect::<Result<Vec<_>>>()?;
        let removed = removed.iter().map(link).collect::<Result<Vec<_>>>()?;
        let proofs: Vec<i64> = if files {
            let mut kept: Vec<&str> = before
                .attachments
                .split(',')
                .filter(|h| !h.is_empty())
                .collect();
            let mut out = Vec::new();
            for a in self.attachments(id)? {
                match kept.iter().position(|h| *h == a.sha256) {
                    Some(i) => {
                        kept.remove(i);
                    }
                    None => out.push(a.id),
                }
            }
            out
        } else {
            Vec::new()
        };
        let now = now_string(clock);
        self.write(|tx| {
            entries::update(tx, id, &draft, &now)?;
            record(tx, id, Action::Edit, UNDO_REASON, &now)?;
            for l in &added {
                change_link(tx, l, false, &now)?;
            }
            for l in &removed {
                change_link(tx, l, true, &now)?;
            }
            for &a in &proofs {
                let gone = attachments::detach(tx, a, &now)?;
                attachments::bump_entry(tx, id, &now)?;
                let entry = entries::get(tx, id)?
                    .ok_or_else(|| Error::Invalid(format!("entry {id} does not exist")))?;
                let reason = ChangeReason::FileRemoved {
                    name: gone.filename,
                    why: UNDO_REASON.to_string(),
                };
                history::record(tx, &entry, Action::Edit, &reason.stored(), &now)?;
            }
            search::reindex_entry(tx, id)?;
            entries::get(tx, id)?
                .ok_or_else(|| Error::Invalid(format!("entry {id} does not exist")))
        })
    }
}

/// A link added or removed inside the caller's transaction, with its history version
/// (as `Dossier::link_entries` records it).
fn change_link(
    tx: &rusqlite::Transaction<'_>,
    link: &EntryLink,
    add: bool,
    now: &str,
) -> Result<()> {
    let changed = if add {
        links::insert(tx, link)?
    } else {
        links::delete(tx, link)?
    };
    if !changed {
        return Ok(());
    }
    attachments::bump_entry(tx, link.from_id, now)?;
    let entry = entries::get(tx, link.from_id)?
        .ok_or_else(|| Error::Invalid(format!("entry {} does not exist", link.from_id)))?;
    let (kind, to) = (link.kind.name().to_string(), link.to_id);
    let reason = if add {
        ChangeReason::LinkAdded { kind, to }
    } else {
        ChangeReason::LinkRemoved { kind, to }
    }
    .stored();
    history::record(tx, &entry, Action::Edit, &reason, now)?;
    Ok(())
}
