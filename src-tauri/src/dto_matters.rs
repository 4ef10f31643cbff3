//! Wire types for exemptions (F7), cases (F8) and broken contact agreements, with
//! explicit conversions to and from core types. Dates cross as `YYYY-MM-DD`, ids as
//! u32; the sentences come from core in both languages.

use dossier_core::entry::parse_date;
use dossier_core::exemption::{active_sentence_en, active_sentence_nl};
use dossier_core::{
    Case, CaseData, CaseStatus, Duty, Entry, Exemption, ExemptionBasis, ExemptionData,
    ExemptionWarning, Violation,
};
use serde::{Deserialize, Serialize};
use specta::Type;

use crate::dto_entries::wire_id;
use crate::error::IpcError;

/// Everything the user writes about an exemption: what the form sends and the list
/// shows.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ExemptionFieldsDto {
    /// `work`, `applying`, `tegenprestatie`, `reintegration` or `other`.
    pub duty: String,
    /// Required for `other`: which duty.
    pub duty_text: String,
    /// First and last day, both inclusive.
    pub from_on: String,
    pub to_on: String,
    pub decided_by: String,
    /// `medical-assessment`, `letter`, `conversation` or `other`.
    pub basis: String,
    pub basis_text: String,
    pub notes: String,
    /// The entries that document it (decision letter, medical assessment).
    pub entry_ids: Vec<u32>,
}

impl TryFrom<ExemptionFieldsDto> for ExemptionData {
    type Error = IpcError;

    fn try_from(d: ExemptionFieldsDto) -> Result<Self, IpcError> {
        Ok(ExemptionData {
            duty: Duty::from_name(d.duty.trim())?,
            duty_text: d.duty_text.trim().to_string(),
            from_on: parse_date(&d.from_on)?,
            to_on: parse_date(&d.to_on)?,
            decided_by: d.decided_by.trim().to_string(),
            basis: ExemptionBasis::from_name(d.basis.trim())?,
            basis_text: d.basis_text.trim().to_string(),
            notes: d.notes,
            entry_ids: d.entry_ids.into_iter().map(i64::from).collect(),
        })
    }
}

impl From<&ExemptionData> for ExemptionFieldsDto {
    fn from(d: &ExemptionData) -> Self {
        ExemptionFieldsDto {
            duty: d.duty.name().to_string(),
            duty_text: d.duty_text.clone(),
            from_on: d.from_on.to_string(),
            to_on: d.to_on.to_string(),
            decided_by: d.decided_by.clone(),
            basis: d.basis.name().to_string(),
            basis_text: d.basis_text.clone(),
            notes: d.notes.clone(),
            entry_ids: d.entry_ids.iter().map(|&id| wire_id(id)).collect(),
        }
    }
}

/// A linked entry, enough to name it (and to mark it private when medical).
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct LinkedEntryDto {
    pub id: u32,
    pub kind: String,
    pub title: String,
    pub occurred_on: String,
    pub medical: bool,
    pub deleted: bool,
}

impl From<&Entry> for LinkedEntryDto {
    fn from(e: &Entry) -> Self {
        LinkedEntryDto {
            id: wire_id(e.id),
            kind: e.data.kind.name().to_string(),
            title: e.data.title.clone(),
            occurred_on: e.data.occurred_on.to_string(),
            medical: e.data.is_medical(),
            deleted: e.deleted_at.is_some(),
        }
    }
}

/// A stored exemption with its documents.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ExemptionDto {
    pub id: u32,
    pub fields: ExemptionFieldsDto,
    pub documents: Vec<LinkedEntryDto>,
    /// "U heeft op deze datum een ontheffing van de arbeidsverplichtingen." (core's words)
    pub active_sentence_nl: String,
    pub active_sentence_en: String,
    pub created_at: String,
    pub updated_at: Option<String>,
    pub deleted_at: Option<String>,
}

impl ExemptionDto {
    pub fn new(e: &Exemption, documents: Vec<LinkedEntryDto>) -> ExemptionDto {
        ExemptionDto {
            id: wire_id(e.id),
            fields: ExemptionFieldsDto::from(&e.data),
            documents,
            active_sentence_nl: active_sentence_nl(e),
            active_sentence_en: active_sentence_en(e),
            created_at: e.created_at.clone(),
            updated_at: e.updated_at.clone(),
            deleted_at: e.deleted_at.clone(),
        }
    }
}

/// "Uw ontheffing loopt af op …; vraag op tijd verlenging aan", in both languages.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ExemptionWarningDto {
    pub exemption_id: u32,
    /// `eight-weeks`, `four-weeks` or `ended`.
    pub level: String,
    /// Days from today to the last day: 0 on the last day, negative once ended.
    pub days_left: i32,
    pub duty: String,
    pub duty_text: String,
    pub to_on: String,
    pub sentence_nl: String,
    pub sentence_en: String,
}

impl From<&ExemptionWarning> for ExemptionWarningDto {
    fn from(w: &ExemptionWarning) -> Self {
        ExemptionWarningDto {
            exemption_id: wire_id(w.exemption_id),
            level: w.level.name().to_string(),
            days_left: i32::try_from(w.days_left).unwrap_or(i32::MIN),
            duty: w.duty.name().to_string(),
            duty_text: w.duty_text.clone(),
            to_on: w.to_on.to_string(),
            sentence_nl: w.sentence_nl(),
            sentence_en: w.sentence_en(),
        }
    }
}

/// What the user writes about a case.
#[derive(Debug, Clone, Serialize, Deserialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CaseFieldsDto {
    pub title: String,
    /// `open`, `objection`, `hearing`, `appeal` or `closed`.
    pub status: String,
    pub notes: String,
}

impl TryFrom<CaseFieldsDto> for CaseData {
    type Error = IpcError;

    fn try_from(d: CaseFieldsDto) -> Result<Self, IpcError> {
        Ok(CaseData {
            title: d.title.trim().to_string(),
            status: CaseStatus::from_name(d.status.trim())?,
            notes: d.notes,
        })
    }
}

/// A stored case with a summary of its live entries.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct CaseDto {
    pub id: u32,
    pub fields: CaseFieldsDto,
    pub entry_count: u32,
    /// The day of its earliest and latest live entry.
    pub first_on: Option<String>,
    pub last_on: Option<String>,
    pub created_at: String,
    pub updated_at: Option<String>,
    pub deleted_at: Option<String>,
}

impl From<&Case> for CaseDto {
    fn from(c: &Case) -> Self {
        CaseDto {
            id: wire_id(c.id),
            fields: CaseFieldsDto {
                title: c.data.title.clone(),
                status: c.data.status.name().to_string(),
                notes: c.data.notes.clone(),
            },
            entry_count: c.entry_count,
            first_on: c.first_on.map(|d| d.to_string()),
            last_on: c.last_on.map(|d| d.to_string()),
            created_at: c.created_at.clone(),
            updated_at: c.updated_at.clone(),
            deleted_at: c.deleted_at.clone(),
        }
    }
}

/// One contact that went against one agreement about contact.
#[derive(Debug, Clone, Serialize, Type)]
#[serde(rename_all = "camelCase")]
pub struct ViolationDto {
    pub entry_id: u32,
    pub agreement_entry_id: u32,
    /// `email-only`, `in-writing-only` or `no-home-visits`.
    pub rule: String,
    pub agreed_on: String,
    /// "Dit contact ging in tegen de afspraak van dinsdag 3 maart 2026: alleen per
    /// e-mail."
    pub sentence_nl: String,
    pub sentence_en: String,
}

impl From<&Violation> for ViolationDto {
    fn from(v: &Violation) -> Self {
        ViolationDto {
            entry_id: wire_id(v.entry_id),
            agreement_entry_id: wire_id(v.agreement_entry_id),
            rule: v.rule.name().to_string(),
            agreed_on: v.agreed_on.to_string(),
            sentence_nl: v.sentence_nl(),
            sentence_en: v.sentence_en(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::ErrorCode;

    fn fields() -> ExemptionFieldsDto {
        ExemptionFieldsDto {
            duty: "work".into(),
            duty_text: " ".into(),
            from_on: "2026-01-05".into(),
            to_on: "2026-07-03".into(),
            decided_by: " klantmanager J. de Vries, WPI ".into(),
            basis: "medical-assessment".into(),
            basis_text: String::new(),
            notes: "Keuring".into(),
            entry_ids: vec![3, 7],
        }
    }

    #[test]
    fn exemption_fields_round_trip_through_core() {
        let data = ExemptionData::try_from(fields()).expect("valid");
        assert_eq!(data.duty, Duty::Work);
        assert_eq!(data.decided_by, "klantmanager J. de Vries, WPI");
        assert_eq!(data.entry_ids, vec![3, 7]);
        let back = ExemptionFieldsDto::from(&data);
        assert_eq!(back.from_on, "2026-01-05");
        assert_eq!(back.to_on, "2026-07-03");
        assert_eq!(back.basis, "medical-assessment");
        assert_eq!(back.duty_text, "");
    }

    #[test]
    fn unknown_names_and_bad_dates_are_invalid() {
        for f in [
            ExemptionFieldsDto {
                duty: "flying".into(),
                ..fields()
            },
            ExemptionFieldsDto {
                basis: "rumour".into(),
                ..fields()
            },
            ExemptionFieldsDto {
                to_on: "3-7-2026".into(),
                ..fields()
            },
        ] {
            let e = ExemptionData::try_from(f).expect_err("refused");
            assert_eq!(e.code, ErrorCode::Invalid);
        }
        let c = CaseData::try_from(CaseFieldsDto {
            title: "Bezwaar".into(),
            status: "won".into(),
            notes: String::new(),
        })
        .expect_err("refused");
        assert_eq!(c.code, ErrorCode::Invalid);
    }
}
