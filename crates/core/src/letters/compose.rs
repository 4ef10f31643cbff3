//! Filling a template from the dossier: the values the entry, the profile and the
//! deadline engine give, the blanks the user filled, the Awb 6:5 check, and the letter
//! as plain parts (sender, address, subject, paragraphs, signature) for every format.

use std::collections::BTreeMap;

use chrono::NaiveDate;

use super::blanks::{labels, Blank, Missing};
use super::template::{LetterTerm, Template};
use super::LetterType;
use crate::deadline::{
    days_after, long_date_nl, one_month_after, penalty_days, Calendar, CONFIRMATION_DAYS,
};
use crate::entry::{Entry, EntryKind};
use crate::error::{Error, Result};
use crate::profile::Profile;

/// What the dossier knows that a letter may use. `crate::api::letters` reads it.
#[derive(Debug, Clone)]
pub struct LetterContext {
    /// The entry the letter is made from.
    pub entry: Entry,
    /// The names of the people in that contact, in the entry's order.
    pub people: Vec<String>,
    pub profile: Profile,
    /// The date on the letter (today, the Dutch day).
    pub letter_date: NaiveDate,
    /// The decision the letter is about: the entry itself when it is one, or the
    /// decision an objection letter is linked against.
    pub decision: Option<Entry>,
    /// The day by which the agency had to decide on the objection (Awb 7:10), when the
    /// deadline engine says it has passed without a decision. Only then is an
    /// ingebrekestelling offered.
    pub decision_overdue: Option<NaiveDate>,
    /// The date of the objection letter linked to the decision, when there is one.
    pub objection_date: Option<NaiveDate>,
    /// The earliest day in the dossier: the suggested start of an inzage period.
    pub earliest: Option<NaiveDate>,
    /// Postal addresses of organisations written to before (name case-folded as
    /// `crate::person::folded` → address lines): typed once, used again.
    pub addresses: BTreeMap<String, Vec<String>>,
}

impl LetterContext {
    /// The address remembered for `organisation`, if it was written to before.
    fn address_of(&self, organisation: &str) -> Option<String> {
        self.addresses
            .get(&crate::person::folded(organisation))
            .filter(|lines| !lines.is_empty())
            .map(|lines| lines.join("\n"))
    }
}

/// What the user asks for: the letter type, the blanks filled (`key` → text), the
/// grounds of an objection and extra enclosures.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct LetterRequest {
    pub fills: BTreeMap<String, String>,
    /// One ground per item; numbered in the letter. Added after a filled `gronden`.
    pub grounds: Vec<String>,
    /// Papers sent along, as the user names them ("Bijlage 3 uit mijn dossier: …").
    pub enclosures: Vec<String>,
}

/// A made letter in plain parts; every format is drawn from this.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Letter {
    pub letter_type: LetterType,
    pub letter_date: NaiveDate,
    /// The user's name, address lines and e-mail.
    pub sender: Vec<String>,
    /// The organisation and its address lines (what shows in the envelope's window).
    pub recipient: Vec<String>,
    /// "Amsterdam, 2 december 2026".
    pub place_date: String,
    pub subject: String,
    /// "Uw kenmerk: …", "Uw brief van: …".
    pub references: Vec<String>,
    /// Paragraphs; lines starting with "- " are list items, "1. " numbered grounds.
    pub body: Vec<String>,
    pub closing: String,
    /// The name under the signature line.
    pub signer: String,
    pub enclosures: Vec<String>,
    /// The last day of the term the letter sets, for its to-do.
    pub term_ends: Option<NaiveDate>,
    /// A title for the letter-out entry ("Inzageverzoek (AVG) aan WPI").
    pub entry_title: String,
}

/// "3 maart 2026": the date of a paper. Deadlines get their weekday too.
pub(crate) fn day_text(d: NaiveDate) -> String {
    let long = long_date_nl(d);
    long.split_once(' ')
        .map_or(long.clone(), |(_, rest)| rest.to_string())
}

/// A date as typed in a fill: `YYYY-MM-DD` or `DD-MM-YYYY`.
fn typed_date(s: &str) -> Option<NaiveDate> {
    let s = s.trim();
    crate::entry::parse_date(s)
        .ok()
        .or_else(|| NaiveDate::parse_from_str(s, "%d-%m-%Y").ok())
}

fn lines(s: &str) -> Vec<String> {
    s.split(['\n', '|'])
        .map(|l| l.trim().to_string())
        .filter(|l| !l.is_empty())
        .collect()
}

/// The date a paper is known by: the date on the letter, else the day it happened.
fn paper_date(e: &Entry) -> NaiveDate {
    e.data.letter_dated.unwrap_or(e.data.occurred_on)
}

/// "ons telefoongesprek van 3 maart 2026 om 10:30 uur met Mw. de Vries": how a letter
/// names the contact it is about.
fn contact_phrase(ctx: &LetterContext) -> String {
    let d = &ctx.entry.data;
    let what = match d.kind {
        EntryKind::CallIn | EntryKind::CallOut => "ons telefoongesprek",
        EntryKind::Meeting => "ons gesprek",
        EntryKind::HomeVisit => "het huisbezoek",
        EntryKind::VideoCall => "ons videogesprek",
        EntryKind::MedicalAssessment => "de keuring",
        EntryKind::LetterIn | EntryKind::Decision => "uw brief",
        EntryKind::EmailIn => "uw e-mail",
        EntryKind::Sms | EntryKind::Portal => "uw bericht",
        _ => "wat er gebeurde",
    };
    let mut s = format!("{what} van {}", day_text(paper_date(&ctx.entry)));
    if let Some(t) = d.occurred_time {
        s.push_str(&format!(" om {} uur", t.format("%H:%M")));
    }
    let is_contact = !matches!(
        d.kind,
        EntryKind::LetterIn | EntryKind::Decision | EntryKind::EmailIn
    );
    if is_contact && !ctx.people.is_empty() {
        s.push_str(" met ");
        s.push_str(&join_and(&ctx.people));
    }
    if is_contact && !d.place.is_empty() {
        s.push_str(&format!(" ({})", d.place));
    }
    s
}

fn join_and(items: &[String]) -> String {
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [init @ .., last] => format!("{} en {last}", init.join(", ")),
    }
}

/// "uw besluit van 3 maart 2026 met kenmerk WPI/2026/1234".
fn decision_phrase(decision: &Entry) -> String {
    let mut s = format!("uw besluit van {}", day_text(paper_date(decision)));
    if !decision.data.kenmerk.is_empty() {
        s.push_str(&format!(" met kenmerk {}", decision.data.kenmerk));
    }
    s
}

/// A ground for an objection taken from an entry: its date and title, and what was
/// agreed or noted (not for medical entries: the objection goes to the klantmanager's
/// organisation, which should get a conclusion, never the medical file).
pub fn ground_from_entry(e: &Entry) -> String {
    let d = &e.data;
    let mut s = format!("Op {}: {}.", day_text(paper_date(e)), d.title);
    if !d.is_medical() {
        let detail = [&d.agreed, &d.promised, &d.notes]
            .into_iter()
            .map(|t| t.trim())
            .find(|t| !t.is_empty());
        if let Some(t) = detail {
            s.push(' ');
            s.push_str(t);
        }
    }
    s
}

/// What the dossier gives for each key, before anything the user filled.
fn suggestions(ctx: &LetterContext) -> BTreeMap<&'static str, String> {
    let d = &ctx.entry.data;
    let p = &ctx.profile;
    let private = d.is_medical();
    let mut m = BTreeMap::new();
    m.insert("naam", p.name.clone());
    m.insert("adres", p.address.join("\n"));
    m.insert("email", p.email.clone());
    m.insert("plaats", p.town().unwrap_or_default());
    let org = ctx
        .decision
        .as_ref()
        .map(|e| e.data.organisation.clone())
        .filter(|o| !o.is_empty())
        .unwrap_or_else(|| d.organisation.clone());
    if let Some(address) = ctx.address_of(&org) {
        m.insert("ontvanger_adres", address);
    }
    m.insert("ontvanger", org);
    m.insert(
        "periode_van",
        ctx.earliest.map(day_text).unwrap_or_default(),
    );
    if !private {
        let said: Vec<&str> = [&d.notes, &d.asked]
            .into_iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        m.insert("besproken", said.join("\n"));
        let agreed: Vec<&str> = [&d.agreed, &d.promised]
            .into_iter()
            .map(|t| t.trim())
            .filter(|t| !t.is_empty())
            .collect();
        m.insert("afgesproken", agreed.join("\n"));
        m.insert("gedraging", d.notes.trim().to_string());
    }
    m.insert(
        "waar",
        format!("{} van {}", d.title, day_text(paper_date(&ctx.entry))),
    );
    if let Some(o) = ctx.objection_date {
        m.insert("bezwaar_datum", o.to_string());
    }
    m.retain(|_, v| !v.trim().is_empty());
    m
}

/// By post a letter arrives on a working day after it is sent: the first one after
/// the letter's date is the earliest plausible day of receipt.
fn next_working_day(calendar: &Calendar, d: NaiveDate) -> Result<NaiveDate> {
    let mut day = days_after(d, 1)?;
    while !calendar.is_working_day(day) {
        day = days_after(day, 1)?;
    }
    Ok(day)
}

/// The blanks of `t` for this context: those still to fill first, then the rest in
/// the template's order.
pub fn blanks(ctx: &LetterContext, t: &Template, req: &LetterRequest) -> Vec<Blank> {
    let sugg = suggestions(ctx);
    let mut out: Vec<Blank> = t
        .need
        .iter()
        .map(|k| (k, true))
        .chain(t.may.iter().map(|k| (k, false)))
        .map(|(k, required)| {
            let l = labels(k);
            let suggested = sugg.get(k.as_str()).cloned();
            let filled = req.fills.get(k).is_some_and(|v| !v.trim().is_empty())
                || (k == "gronden" && !req.grounds.is_empty());
            Blank {
                key: k.clone(),
                label_nl: l.nl,
                label_en: l.en,
                hint_nl: l.hint_nl,
                hint_en: l.hint_en,
                required,
                multiline: l.multiline,
                missing: required && !filled && suggested.is_none(),
                suggested,
            }
        })
        .collect();
    out.sort_by_key(|b| !b.missing);
    out
}

/// Why a letter is not offered for this entry, if it is not: [`Error::LetterNotOffered`].
pub fn refusal(ctx: &LetterContext, t: LetterType) -> Option<Error> {
    let d = &ctx.entry.data;
    if !t.fits_kind(d.kind, d.on_objection) {
        return Some(Error::LetterNotOffered {
            nl: format!(
                "een brief van het soort {} past niet bij een registratie van het soort {}",
                t.name(),
                d.kind.name()
            ),
            en: format!(
                "a letter of type {} does not fit an entry of kind {}",
                t.name(),
                d.kind.name()
            ),
        });
    }
    if t == LetterType::Ingebrekestelling && ctx.decision_overdue.is_none() {
        return Some(Error::LetterNotOffered {
            nl: "een ingebrekestelling kan pas als de termijn om op uw bezwaar te beslissen voorbij is (artikel 7:10 Awb). Die is nog niet voorbij, of er is geen bezwaar aan dit besluit gekoppeld".into(),
            en: "an ingebrekestelling is only possible once the period for deciding on your objection has passed (Awb 7:10); it has not, or no objection is linked to this decision".into(),
        });
    }
    None
}

/// Makes the letter, or says what is missing ([`Error::LetterIncomplete`]) or why it
/// does not fit ([`Error::LetterNotOffered`]).
pub fn compose(
    ctx: &LetterContext,
    letter_type: LetterType,
    req: &LetterRequest,
) -> Result<Letter> {
    if let Some(refused) = refusal(ctx, letter_type) {
        return Err(refused);
    }
    let t = Template::of(letter_type)?;
    let calendar = Calendar::netherlands()?;
    let mut v: BTreeMap<String, String> = suggestions(ctx)
        .into_iter()
        .map(|(k, s)| (k.to_string(), s))
        .collect();
    for (k, s) in &req.fills {
        if !s.trim().is_empty() {
            v.insert(k.clone(), s.trim().to_string());
        }
    }
    // A recipient typed without an address: their own remembered address, never the
    // one remembered for the organisation the dossier suggested.
    let typed = |k: &str| req.fills.get(k).filter(|s| !s.trim().is_empty());
    if let (Some(to), None) = (typed("ontvanger"), typed("ontvanger_adres")) {
        match ctx.address_of(to) {
            Some(address) => v.insert("ontvanger_adres".into(), address),
            None => v.remove("ontvanger_adres"),
        };
    }
    let mut grounds: Vec<String> = v
        .get("gronden")
        .map(|g| {
            g.split("\n\n")
                .map(|p| p.trim().to_string())
                .filter(|p| !p.is_empty())
                .collect()
        })
        .unwrap_or_default();
    grounds.extend(
        req.grounds
            .iter()
            .map(|g| g.trim().to_string())
            .filter(|g| !g.is_empty()),
    );
    let numbered: Vec<String> = grounds
        .iter()
        .enumerate()
        .map(|(i, g)| format!("{}. {g}", i + 1))
        .collect();
    v.insert("gronden".into(), numbered.join("\n\n"));

    let mut missing: Vec<Missing> = t
        .need
        .iter()
        .filter(|k| v.get(k.as_str()).is_none_or(|s| s.trim().is_empty()))
        .map(|k| Missing::of(k))
        .collect();
    if t.awb_6_5 {
        missing = awb_6_5(ctx, &v, missing, t.need.iter().any(|k| k == "gronden"));
    }
    if !missing.is_empty() {
        return Err(Error::LetterIncomplete(missing));
    }

    // Values from the dossier and the deadline engine; never typed over.
    let date = ctx.letter_date;
    let mut set = |k: &str, s: String| {
        v.insert(k.to_string(), s);
    };
    set("datum", day_text(date));
    set("kenmerk", ctx.entry.data.kenmerk.clone());
    set("contact", contact_phrase(ctx));
    set("contact_datum", day_text(paper_date(&ctx.entry)));
    set("stuk_datum", day_text(paper_date(&ctx.entry)));
    set("stuk_titel", ctx.entry.data.title.clone());
    if let Some(dec) = &ctx.decision {
        set("besluit", decision_phrase(dec));
        set("stuk_datum", day_text(paper_date(dec)));
        set("stuk_titel", dec.data.title.clone());
        set("kenmerk", dec.data.kenmerk.clone());
    }
    let month = one_month_after(date)?;
    set("antwoord_uiterlijk", long_date_nl(month));
    let fortnight = days_after(date, CONFIRMATION_DAYS)?;
    set("reactie_uiterlijk", long_date_nl(fortnight));
    if let Some(b) = v.get("bezwaar_datum").and_then(|s| typed_date(s)) {
        v.insert("bezwaar_datum".into(), day_text(b));
    }
    if let Some(p) = v.get("periode_van").and_then(|s| typed_date(s)) {
        v.insert("periode_van".into(), day_text(p));
    }
    let mut penalty = None;
    if let Some(due) = ctx.decision_overdue {
        v.insert("beslis_uiterlijk".into(), long_date_nl(due));
        let received = match v.get("ontvangen_op") {
            Some(s) => typed_date(s).ok_or_else(|| {
                Error::Invalid(format!(
                    "'{s}' is not a date; write the day they receive the letter as YYYY-MM-DD"
                ))
            })?,
            None => next_working_day(calendar, date)?,
        };
        if received < date {
            return Err(Error::Invalid(
                "they cannot receive the letter before its date".into(),
            ));
        }
        let p = penalty_days(received)?;
        v.insert("ontvangen_op".into(), long_date_nl(received));
        v.insert("dwangsom_vanaf".into(), long_date_nl(p.first_day));
        v.insert("dwangsom_tot".into(), long_date_nl(p.last_day));
        penalty = Some(p);
    }

    let body = fill_body(&t.body, &v);
    let subject = fill(&t.subject, &v);
    let get = |k: &str| v.get(k).cloned().unwrap_or_default();
    let name = get("naam");
    let mut sender = vec![name.clone()];
    sender.extend(lines(&get("adres")));
    if !get("email").is_empty() {
        sender.push(get("email"));
    }
    let mut recipient = vec![get("ontvanger")];
    recipient.extend(lines(&get("ontvanger_adres")));
    let place = get("plaats");
    let place_date = if place.is_empty() {
        day_text(date)
    } else {
        format!("{place}, {}", day_text(date))
    };
    let source = ctx.decision.as_ref().unwrap_or(&ctx.entry);
    let mut references = Vec::new();
    if !source.data.kenmerk.is_empty() {
        references.push(format!("Uw kenmerk: {}", source.data.kenmerk));
    }
    if matches!(
        source.data.kind,
        EntryKind::LetterIn | EntryKind::Decision | EntryKind::EmailIn
    ) {
        references.push(format!("Uw brief van: {}", day_text(paper_date(source))));
    }
    let mut enclosures = Vec::new();
    if matches!(
        letter_type,
        LetterType::Bezwaar | LetterType::VoorlopigBezwaar
    ) {
        // Awb 6:5 lid 2: a copy of the decision goes along where possible.
        enclosures.push(format!("Kopie van {}", get("besluit")));
    }
    enclosures.extend(
        req.enclosures
            .iter()
            .map(|e| e.trim().to_string())
            .filter(|e| !e.is_empty()),
    );
    let term_ends = match t.term {
        LetterTerm::None => None,
        LetterTerm::OneMonth => Some(month),
        LetterTerm::FourteenDays => Some(fortnight),
        LetterTerm::TwoWeeks => penalty.map(|p| p.first_day),
    };
    let to = get("ontvanger");
    Ok(Letter {
        letter_type,
        letter_date: date,
        sender,
        recipient,
        place_date,
        subject,
        references,
        body,
        closing: "Met vriendelijke groet,".into(),
        signer: name,
        enclosures,
        term_ends,
        entry_title: format!("{} aan {to}", t.title_nl),
    })
}

/// Awb 6:5: an objection names the sender (name and address), is dated and signed,
/// says which decision it is against and, unless provisional, why. The date and the
/// signature line are always printed; the signature needs a name under it.
fn awb_6_5(
    ctx: &LetterContext,
    v: &BTreeMap<String, String>,
    need_missing: Vec<Missing>,
    grounds_needed: bool,
) -> Vec<Missing> {
    let empty = |k: &str| v.get(k).is_none_or(|s| s.trim().is_empty());
    let mut out = Vec::new();
    if empty("naam") {
        out.push(Missing::awb("naam", "uw naam", "your name"));
        out.push(Missing::awb(
            "ondertekening",
            "een naam onder de handtekening",
            "a name under the signature line",
        ));
    }
    if empty("adres") {
        out.push(Missing::awb("adres", "uw adres", "your address"));
    }
    let known = ctx
        .decision
        .as_ref()
        .is_some_and(|d| !d.data.kenmerk.trim().is_empty() || !d.data.title.trim().is_empty());
    if !known {
        out.push(Missing::awb(
            "besluit",
            "welk besluit (datum en kenmerk)",
            "which decision (date and reference)",
        ));
    }
    if grounds_needed && empty("gronden") {
        out.push(Missing::awb(
            "gronden",
            "de redenen van uw bezwaar",
            "the reasons for your objection",
        ));
    }
    for m in need_missing {
        if !out.iter().any(|o| o.key == m.key) {
            out.push(m);
        }
    }
    out
}

/// `{key}` replaced by its value; a key without one stays visible as "[…]".
fn fill(text: &str, v: &BTreeMap<String, String>) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let Some(len) = rest[start..].find('}') else {
            break;
        };
        out.push_str(&rest[..start]);
        let key = &rest[start + 1..start + len];
        match v.get(key).filter(|s| !s.is_empty()) {
            Some(s) => out.push_str(s),
            None => out.push_str("[…]"),
        }
        rest = &rest[start + len + 1..];
    }
    out.push_str(rest);
    out
}

/// The body's paragraphs: a `?key ` paragraph only when `key` has a value; a value of
/// several paragraphs (the numbered grounds) becomes several.
fn fill_body(paras: &[String], v: &BTreeMap<String, String>) -> Vec<String> {
    let mut out = Vec::new();
    for p in paras {
        let text = match p.strip_prefix('?') {
            Some(rest) => {
                let (key, text) = rest.split_once([' ', '\n']).unwrap_or((rest, ""));
                if v.get(key).is_none_or(|s| s.trim().is_empty()) {
                    continue;
                }
                text
            }
            None => p.as_str(),
        };
        for part in fill(text, v).split("\n\n") {
            let part = part.trim_matches('\n');
            if !part.trim().is_empty() {
                out.push(part.to_string());
            }
        }
    }
    out
}

/// The keys `compose` sets from the dossier and the deadline engine.
#[cfg(test)]
const COMPUTED: [&str; 13] = [
    "datum",
    "kenmerk",
    "contact",
    "contact_datum",
    "stuk_datum",
    "stuk_titel",
    "besluit",
    "antwoord_uiterlijk",
    "reactie_uiterlijk",
    "beslis_uiterlijk",
    "dwangsom_vanaf",
    "dwangsom_tot",
    "gronden",
];

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a panic is the failure report
    use super::*;

    #[test]
    fn every_placeholder_of_every_template_has_a_value_or_a_question() {
        for t in LetterType::ALL {
            let tpl = Template::of(t).unwrap();
            for key in tpl.need.iter().chain(&tpl.may) {
                assert!(
                    super::super::blanks::known(key),
                    "{}: {key} has no label",
                    t.name()
                );
            }
            let conditional = tpl
                .body
                .iter()
                .filter_map(|p| p.strip_prefix('?'))
                .map(|p| p.split([' ', '\n']).next().unwrap_or("").to_string());
            for key in tpl.placeholders().into_iter().chain(conditional) {
                let asked = tpl.need.contains(&key) || tpl.may.contains(&key);
                assert!(
                    asked || COMPUTED.contains(&key.as_str()),
                    "{}: nothing fills {{{key}}}",
                    t.name()
                );
            }
        }
    }

    #[test]
    fn list_items_and_grounds_keep_their_lines() {
        let mut v = BTreeMap::new();
        v.insert("gronden".to_string(), "1. Een\n\n2. Twee".to_string());
        v.insert("x".to_string(), String::new());
        let paras = vec![
            "Dit zijn de redenen:".to_string(),
            "{gronden}".to_string(),
            "?x Alleen met x.".to_string(),
            "Vraag:\n- een\n- twee".to_string(),
        ];
        assert_eq!(
            fill_body(&paras, &v),
            [
                "Dit zijn de redenen:",
                "1. Een",
                "2. Twee",
                "Vraag:\n- een\n- twee"
            ]
        );
    }
}
