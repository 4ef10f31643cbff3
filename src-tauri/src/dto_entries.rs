//! Wire types for the timeline, the entry editor and detail, people, attachments and
//! history, with explicit conversions to and from core types. Dates cross as
//! `YYYY-MM-DD`, times as `HH:MM`, timestamps as RFC 3339; ids as u32.

use std::collections::HashMap;

use dossier_core::entry::{parse_date, parse_time};
use dossier_core::{
    Attachment, ChangeReason, Entry, EntryData, EntryFilter, EntryKind, KlantmanagerPeriod,
    PageStart, Person, PersonData, Preview, ReasonLang, SortKey, Version,
};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::error::IpcError;

/// An id from the store as it crosses IPC.
pub fn wire_id(id: i64) -> u32 {
    u32::try_from(id).unwrap_or(u32::MAX)
}

fn opt_date(s: &Option<String>) -> Result<Option<chrono::NaiveDate>, IpcError> {
    match s.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(d) => Ok(Some(parse_date(d)?)),
    }
}

fn date_string(d: Option<chrono::NaiveDate>) -> Option<String> {
    d.map(|d| d.to_string())
}

/// Someone involved in one contact, with their role in it.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EntryPersonDto {
    pub person_id: u32,
    pub role: String,
}

/// Every field the user can write about an entry: what the editor sends and what the
/// detail and history show.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EntryFieldsDto {
    pub kind: String,
    pub occurred_on: String,
    pub occurred_time: Option<String>,
    pub title: String,
    pub notes: String,
    pub asked: String,
    pub promised: String,
    pub agreed: String,
    pub organisation: String,
    pub place: String,
    pub channel: String,
    pub kenmerk: String,
    pub companions: String,
    pub threat: bool,
    pub threat_text: String,
    pub follow_up_on: Option<String>,
    pub medical: bool,
    pub letter_dated: Option<String>,
    pub sent_on: Option<String>,
    pub received_on: Option<String>,
    /// "Reageer vóór": a date written in the letter, kept exactly as written.
    pub reply_by: Option<String>,
    /// A repair date (hersteltermijn) written in the letter, exactly as written.
    pub repair_by: Option<String>,
    /// An invitation: the appointment's day and optional `HH:MM`.
    pub appointment_on: Option<String>,
    pub appointment_time: Option<String>,
    /// Decisions only: this is the decision on the user's objection (absent: no).
    #[serde(default)]
    pub on_objection: bool,
    /// Agreements only: `email-only`, `in-writing-only`, `no-home-visits` or null.
    pub contact_rule: Option<String>,
    /// The last day the contact rule applies; null: until further notice.
    pub contact_rule_until: Option<String>,
    pub tags: Vec<String>,
    pub people: Vec<EntryPersonDto>,
}

/// `person_id` → `personId`: the shell's only change to the model's keys.
fn camel(key: &str) -> String {
    let mut out = String::with_capacity(key.len());
    let mut upper = false;
    for c in key.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.extend(c.to_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

fn snake(key: &str) -> String {
    let mut out = String::with_capacity(key.len() + 4);
    for c in key.chars() {
        if c.is_ascii_uppercase() {
            out.push('_');
            out.push(c.to_ascii_lowercase());
        } else {
            out.push(c);
        }
    }
    out
}

/// Renames every object key (people included) with `f`.
fn renamed(v: serde_json::Value, f: fn(&str) -> String) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(m) => {
            Value::Object(m.into_iter().map(|(k, v)| (f(&k), renamed(v, f))).collect())
        }
        Value::Array(a) => Value::Array(a.into_iter().map(|v| renamed(v, f)).collect()),
        other => other,
    }
}

/// The model's fields the editor does not carry: the verslag and its statements have
/// their own commands (`commands_verslag.rs`), and `save_entry` passes the entry's
/// current one on, so an edit never drops a statement.
const NOT_EDITED: [&str; 1] = ["verslag"];

impl From<&EntryData> for EntryFieldsDto {
    fn from(d: &EntryData) -> Self {
        let mut fields = dossier_core::record::fields(d);
        for key in NOT_EDITED {
            fields.remove(key);
        }
        let fields = serde_json::Value::Object(fields);
        // The DTO has a key for every field of the model (tested below).
        serde_json::from_value(renamed(fields, camel)).expect("the DTO covers the entry model")
    }
}

impl TryFrom<EntryFieldsDto> for EntryData {
    type Error = IpcError;

    fn try_from(mut d: EntryFieldsDto) -> Result<Self, IpcError> {
        // An empty row in the editor's tag list is no tag.
        d.tags.retain(|t| !t.trim().is_empty());
        let v = serde_json::to_value(d)
            .map_err(|e| IpcError::from(dossier_core::Error::Invalid(e.to_string())))?;
        dossier_core::record::from_fields(renamed(v, snake))
            .map_err(|e| dossier_core::Error::Invalid(e).into())
    }
}

/// Which entries the timeline shows, and which slice of them.
#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelineFilterDto {
    pub text: Option<String>,
    pub kinds: Vec<String>,
    pub person_id: Option<u32>,
    pub organisation: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub tag: Option<String>,
    pub medical: Option<bool>,
    pub include_deleted: bool,
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

impl TryFrom<TimelineFilterDto> for EntryFilter {
    type Error = IpcError;

    fn try_from(d: TimelineFilterDto) -> Result<Self, IpcError> {
        Ok(EntryFilter {
            text: non_empty(d.text),
            kinds: d
                .kinds
                .iter()
                .map(|k| EntryKind::from_name(k))
                .collect::<Result<_, _>>()?,
            person_id: d.person_id.map(i64::from),
            organisation: non_empty(d.organisation),
            from: opt_date(&d.from)?,
            to: opt_date(&d.to)?,
            tag: non_empty(d.tag),
            medical: d.medical,
            include_deleted: d.include_deleted,
        })
    }
}

/// A row's place in the timeline: what the next page starts after.
#[derive(Debug, Clone, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct RowKeyDto {
    pub occurred_on: String,
    pub occurred_time: Option<String>,
    pub id: u32,
}

/// Where a timeline page starts: at the top (both unset), right after a row already
/// shown (`after`), or at a day (`day`: the first row on it or past it in the list's
/// order, e.g. a month's first row).
#[derive(Debug, Clone, Default, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PageStartDto {
    pub after: Option<RowKeyDto>,
    pub day: Option<String>,
}

impl TryFrom<PageStartDto> for PageStart {
    type Error = IpcError;

    fn try_from(d: PageStartDto) -> Result<Self, IpcError> {
        match (d.after, opt_date(&d.day)?) {
            (None, None) => Ok(PageStart::First),
            (None, Some(day)) => Ok(PageStart::Day(day)),
            (Some(k), None) => Ok(PageStart::After(SortKey {
                on: parse_date(&k.occurred_on)?,
                time: match k.occurred_time.as_deref().map(str::trim) {
                    None | Some("") => None,
                    Some(t) => Some(parse_time(t)?),
                },
                id: i64::from(k.id),
            })),
            (Some(_), Some(_)) => Err(dossier_core::Error::Invalid(
                "a page starts after a row or at a day, not both".into(),
            )
            .into()),
        }
    }
}

/// The longest piece of free text a timeline row carries (the UI shows one line).
const ROW_TEXT_CHARS: usize = 200;

fn shortened(s: &str) -> String {
    s.chars().take(ROW_TEXT_CHARS).collect()
}

/// One row of the timeline: enough for the one-line view, not the whole entry.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EntryRowDto {
    pub id: u32,
    pub kind: String,
    pub occurred_on: String,
    pub occurred_time: Option<String>,
    pub title: String,
    /// Names of the people in the contact, in order.
    pub people: Vec<String>,
    pub organisation: String,
    /// The start of the notes / asked / agreed / promised text.
    pub notes: String,
    pub asked: String,
    pub agreed: String,
    pub promised: String,
    pub attachment_count: u32,
    pub threat: bool,
    pub medical: bool,
    pub deleted: bool,
    pub delete_reason: String,
}

/// Person id → name, for showing who was involved.
pub type Names = HashMap<i64, String>;

pub fn names_of(people: &[Person]) -> Names {
    people.iter().map(|p| (p.id, p.data.name.clone())).collect()
}

impl EntryRowDto {
    pub fn new(e: &Entry, names: &Names) -> EntryRowDto {
        let d = &e.data;
        EntryRowDto {
            id: wire_id(e.id),
            kind: d.kind.name().to_string(),
            occurred_on: d.occurred_on.to_string(),
            occurred_time: d.occurred_time.map(|t| t.format("%H:%M").to_string()),
            title: d.title.clone(),
            people: d
                .people
                .iter()
                .filter_map(|p| names.get(&p.person_id).cloned())
                .collect(),
            organisation: d.organisation.clone(),
            notes: shortened(&d.notes),
            asked: shortened(&d.asked),
            agreed: shortened(&d.agreed),
            promised: shortened(&d.promised),
            attachment_count: e.attachment_count,
            threat: d.threat,
            medical: d.is_medical(),
            deleted: e.deleted_at.is_some(),
            delete_reason: e.delete_reason.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct TimelinePageDto {
    /// In timeline order; the next page starts after the last one. (The list's length
    /// comes from the month counts.)
    pub entries: Vec<EntryRowDto>,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct MonthCountDto {
    /// `YYYY-MM`
    pub month: String,
    pub count: u32,
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct AttachmentDto {
    pub id: u32,
    pub entry_id: u32,
    pub filename: String,
    pub media_type: String,
    /// Bytes (f64: sizes up to 200 MB are exact).
    pub size: f64,
    pub sha256: String,
    pub added_at: String,
}

impl From<Attachment> for AttachmentDto {
    fn from(a: Attachment) -> Self {
        AttachmentDto {
            id: wire_id(a.id),
            entry_id: wire_id(a.entry_id),
            filename: a.filename,
            media_type: a.media_type,
            // Sizes are at most 200 MB, far inside f64's exact integer range.
            size: a.size as f64,
            sha256: a.sha256,
            added_at: a.added_at,
        }
    }
}

/// A person in one contact, with their name resolved.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EntryPersonViewDto {
    pub person_id: u32,
    pub name: String,
    pub role: String,
}

/// Everything the detail screen and the editor need about one entry.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct EntryDetailDto {
    pub id: u32,
    pub fields: EntryFieldsDto,
    pub people: Vec<EntryPersonViewDto>,
    /// Who was the user's klantmanager on the day it happened, if recorded.
    pub klantmanager: Option<String>,
    pub attachments: Vec<AttachmentDto>,
    pub created_at: String,
    pub updated_at: Option<String>,
    pub version: u32,
    pub deleted_at: Option<String>,
    pub delete_reason: String,
}

impl EntryDetailDto {
    pub fn new(
        e: &Entry,
        names: &Names,
        klantmanager: Option<Person>,
        attachments: Vec<Attachment>,
    ) -> EntryDetailDto {
        EntryDetailDto {
            id: wire_id(e.id),
            fields: EntryFieldsDto::from(&e.data),
            people: e
                .data
                .people
                .iter()
                .map(|p| EntryPersonViewDto {
                    person_id: wire_id(p.person_id),
                    name: names.get(&p.person_id).cloned().unwrap_or_default(),
                    role: p.role.clone(),
                })
                .collect(),
            klantmanager: klantmanager.map(|p| p.data.name),
            attachments: attachments.into_iter().map(AttachmentDto::from).collect(),
            created_at: e.created_at.clone(),
            updated_at: e.updated_at.clone(),
            version: e.version,
            deleted_at: e.deleted_at.clone(),
            delete_reason: e.delete_reason.clone(),
        }
    }
}

/// One stored version of an entry, with its fields read back.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct VersionDto {
    pub version: u32,
    /// `create` | `edit` | `delete`
    pub action: String,
    /// As stored (part of the hash chain).
    pub reason: String,
    /// `none`, `given`, `link`, `file` or `undo` (core's `ChangeReason::kind`).
    pub reason_kind: String,
    /// The reason in plain words, built by core from its structure.
    pub reason_nl: String,
    pub reason_en: String,
    pub recorded_at: String,
    pub fields: EntryFieldsDto,
    /// How many attachments the entry had in this version.
    pub attachment_count: u32,
    pub hash: String,
}

impl VersionDto {
    pub fn new(v: &Version, data: &EntryData) -> VersionDto {
        let attachment_count = v.attachments.split(',').filter(|h| !h.is_empty()).count();
        let reason = ChangeReason::parse(&v.reason);
        VersionDto {
            version: v.version,
            action: v.action.clone(),
            reason: v.reason.clone(),
            reason_kind: reason.kind().to_string(),
            reason_nl: reason.text(ReasonLang::Nl),
            reason_en: reason.text(ReasonLang::En),
            recorded_at: v.recorded_at.clone(),
            fields: EntryFieldsDto::from(data),
            attachment_count: u32::try_from(attachment_count).unwrap_or(u32::MAX),
            hash: v.hash.clone(),
        }
    }
}

#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PersonFieldsDto {
    pub name: String,
    pub role: String,
    pub organisation: String,
    pub phone: String,
    pub email: String,
    pub notes: String,
}

impl From<PersonFieldsDto> for PersonData {
    fn from(p: PersonFieldsDto) -> Self {
        PersonData {
            name: p.name.trim().to_string(),
            role: p.role.trim().to_string(),
            organisation: p.organisation.trim().to_string(),
            phone: p.phone.trim().to_string(),
            email: p.email.trim().to_string(),
            notes: p.notes,
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct PersonDto {
    pub id: u32,
    pub fields: PersonFieldsDto,
    pub created_at: String,
}

impl From<Person> for PersonDto {
    fn from(p: Person) -> Self {
        PersonDto {
            id: wire_id(p.id),
            fields: PersonFieldsDto {
                name: p.data.name,
                role: p.data.role,
                organisation: p.data.organisation,
                phone: p.data.phone,
                email: p.data.email,
                notes: p.data.notes,
            },
            created_at: p.created_at,
        }
    }
}

#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct KlantmanagerPeriodDto {
    pub id: u32,
    pub person_id: u32,
    pub name: String,
    pub from_on: String,
    pub to_on: Option<String>,
}

impl KlantmanagerPeriodDto {
    pub fn new(p: &KlantmanagerPeriod, names: &Names) -> KlantmanagerPeriodDto {
        KlantmanagerPeriodDto {
            id: wire_id(p.id),
            person_id: wire_id(p.person_id),
            name: names.get(&p.person_id).cloned().unwrap_or_default(),
            from_on: p.from_on.to_string(),
            to_on: date_string(p.to_on),
        }
    }
}

pub fn parse_period(
    from_on: &str,
    to_on: &Option<String>,
) -> Result<(chrono::NaiveDate, Option<chrono::NaiveDate>), IpcError> {
    Ok((parse_date(from_on)?, opt_date(to_on)?))
}

/// What can be shown of an attachment in place. Images arrive as a PNG data URL (the
/// CSP allows `data:` images only).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(tag = "type", rename_all = "camelCase")]
pub enum PreviewDto {
    #[serde(rename_all = "camelCase")]
    Image {
        data_url: String,
        width: u32,
        height: u32,
    },
    Text {
        text: String,
    },
    Email {
        from: String,
        to: String,
        subject: String,
        date: String,
        body: String,
    },
    #[serde(rename_all = "camelCase")]
    Pdf {
        pages: u32,
        first_page_text: String,
    },
    None {
        reason: String,
    },
}

impl From<Preview> for PreviewDto {
    fn from(p: Preview) -> Self {
        match p {
            Preview::Image { png, width, height } => PreviewDto::Image {
                data_url: data_url(&png),
                width,
                height,
            },
            Preview::Text { text } => PreviewDto::Text { text },
            Preview::Email {
                from,
                to,
                subject,
                date,
                body,
            } => PreviewDto::Email {
                from,
                to,
                subject,
                date,
                body,
            },
            Preview::Pdf {
                pages,
                first_page_text,
            } => PreviewDto::Pdf {
                pages,
                first_page_text,
            },
            Preview::None { reason } => PreviewDto::None { reason },
            _ => PreviewDto::None {
                reason: "no preview for this kind of file".into(),
            },
        }
    }
}

/// A PNG as a `data:` URL for an `<img>`.
fn data_url(png: &[u8]) -> String {
    format!(
        "data:image/png;base64,{}",
        data_encoding::BASE64.encode(png)
    )
}

#[cfg(test)]
mod model_tests {
    use super::*;
    use dossier_core::entry::parse_time;
    use dossier_core::{ContactRule, EntryPerson};

    #[test]
    fn the_editor_dto_has_exactly_the_fields_of_the_model() {
        let day = chrono::NaiveDate::from_ymd_opt(2026, 3, 20);
        let mut data = EntryData::new(EntryKind::Decision, day.unwrap(), "Besluit");
        data.occurred_time = parse_time("08:45").ok();
        data.follow_up_on = day;
        data.reply_by = day;
        data.contact_rule = Some(ContactRule::NoHomeVisits);
        data.on_objection = true;
        data.tags = vec!["bijstand".into()];
        data.people = vec![EntryPerson {
            person_id: 4,
            role: "belde".into(),
        }];
        let dto = EntryFieldsDto::from(&data);
        assert_eq!(dto.people[0].person_id, 4);
        let keys: Vec<String> = match serde_json::to_value(&dto).unwrap() {
            serde_json::Value::Object(m) => m.keys().cloned().collect(),
            _ => unreachable!(),
        };
        let mut model: Vec<String> = dossier_core::record::fields(&data)
            .keys()
            .filter(|k| !NOT_EDITED.contains(&k.as_str()))
            .map(|k| camel(k))
            .collect();
        let mut keys = keys;
        keys.sort();
        model.sort();
        assert_eq!(keys, model);
        assert_eq!(EntryData::try_from(dto).unwrap(), data);
    }
}
