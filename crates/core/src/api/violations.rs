//! Broken contact agreements in an unlocked dossier: reads only the few columns the
//! check needs, of live entries of the kinds that matter, and applies the pure rules
//! of `crate::contact_rule`.

use chrono::NaiveDate;

use crate::contact_rule::{self, Contact, RuleAgreement, Violation};
use crate::entry::{ContactRule, EntryKind};
use crate::error::{from_sqlite, Error, Result};
use crate::vault::Dossier;

/// Agreements plus every kind some rule can break (see `contact_rule::breaks`).
const SQL: &str = "SELECT id, kind, occurred_on, sent_on, letter_dated, contact_rule,
    contact_rule_until FROM entries
    WHERE deleted_at IS NULL
      AND kind IN ('agreement', 'call-in', 'letter-in', 'sms', 'home-visit')
    ORDER BY occurred_on, occurred_time, id";

type Row = (
    i64,
    String,
    String,
    Option<String>,
    Option<String>,
    Option<String>,
    Option<String>,
);

impl Dossier {
    /// Every contact from the agency that went against a rule agreed earlier, in
    /// timeline order (one finding per contact and agreement).
    pub fn contact_violations(&self) -> Result<Vec<Violation>> {
        let mut stmt = self
            .conn()
            .prepare_cached(SQL)
            .map_err(|e| from_sqlite("read the agreements about contact", e))?;
        let rows: Vec<Row> = stmt
            .query_map([], |r| {
                Ok((
                    r.get(0)?,
                    r.get(1)?,
                    r.get(2)?,
                    r.get(3)?,
                    r.get(4)?,
                    r.get(5)?,
                    r.get(6)?,
                ))
            })
            .map_err(|e| from_sqlite("read the agreements about contact", e))?
            .collect::<rusqlite::Result<_>>()
            .map_err(|e| from_sqlite("read the agreements about contact", e))?;
        let mut agreements = Vec::new();
        let mut contacts = Vec::new();
        for (id, kind, on, sent, dated, rule, until) in rows {
            let damaged = || Error::Damaged(format!("entry {id} has an invalid field"));
            let date = |s: Option<String>| -> Result<Option<NaiveDate>> {
                s.map(|s| NaiveDate::parse_from_str(&s, "%Y-%m-%d").map_err(|_| damaged()))
                    .transpose()
            };
            let kind = EntryKind::from_name(&kind).map_err(|_| damaged())?;
            let on = date(Some(on))?.ok_or_else(damaged)?;
            if kind == EntryKind::Agreement {
                if let Some(rule) = rule {
                    agreements.push(RuleAgreement {
                        entry_id: id,
                        agreed_on: on,
                        rule: ContactRule::from_name(&rule).map_err(|_| damaged())?,
                        until: date(until)?,
                    });
                }
            } else {
                contacts.push(Contact {
                    entry_id: id,
                    kind,
                    on: contact_rule::contact_day(kind, on, date(sent)?, date(dated)?),
                });
            }
        }
        Ok(contact_rule::violations(&agreements, &contacts))
    }
}
