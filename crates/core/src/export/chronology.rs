//! The chronology: one block per entry, oldest first, with everything a lawyer looks
//! for (who, kenmerk, the letter dates, what was said and agreed, threats, exhibits)
//! and the honest-history facts (recorded later, changed, deleted).

use super::exhibits::entry_ref;
use super::fonts::{covers, Face};
use super::layout::{Item, Target, BODY, LEFT, LINE, SMALL};
use super::options::Lang;
use super::text::{date_time, instant, instant_day, kind_label, long_date, t};
use super::{Ctx, Flow};
use crate::contact_rule::{violations_in, Violation};
use crate::entry::Entry;

const INDENT: f32 = 0.0;

/// All blocks of one part (the main chronology, or the medical annex's).
pub fn chronology(ctx: &Ctx<'_>, flow: &mut Flow<'_>, medical: bool) {
    let lang = ctx.lang;
    let entries = if medical {
        &ctx.sel.medical
    } else {
        &ctx.sel.main
    };
    let title = if medical {
        t(lang, "Medische registraties", "Medical entries")
    } else {
        t(lang, "Chronologisch overzicht", "Chronology")
    };
    flow.mark(title);
    flow.para(Face::Bold, 15.0, 0.0, title);
    flow.gap(LINE * 0.4);
    if entries.is_empty() {
        flow.para(
            Face::Italic,
            BODY,
            0.0,
            t(
                lang,
                "Geen registraties in deze selectie.",
                "No entries in this selection.",
            ),
        );
    }
    // Checked against every agreement in the dossier, also ones not printed.
    let broken = violations_in(&ctx.input.entries);
    for e in entries {
        block(ctx, flow, e, medical, &broken);
    }
    flow.continued = None;
}

fn who(ctx: &Ctx<'_>, e: &Entry) -> Vec<String> {
    e.data
        .people
        .iter()
        .map(|p| match ctx.sel.people.get(&p.person_id) {
            Some(person) => {
                // "Jan Jansen (klantmanager, WPI) — belde mij": who they are, then
                // what they did in this contact.
                let about: Vec<&str> = [person.role.trim(), person.organisation.trim()]
                    .into_iter()
                    .filter(|s| !s.is_empty())
                    .collect();
                let mut s = person.name.trim().to_string();
                if !about.is_empty() {
                    s += &format!(" ({})", about.join(", "));
                }
                // The role in this contact only when it adds something: not
                // "Petra de Wit (klantmanager, WPI) — klantmanager".
                let role = p.role.trim();
                if !role.is_empty() && !role.eq_ignore_ascii_case(person.role.trim()) {
                    s += &format!(" — {role}");
                }
                s
            }
            None => format!("{} {}", t(ctx.lang, "persoon", "person"), p.person_id),
        })
        .collect()
}

fn block(ctx: &Ctx<'_>, flow: &mut Flow<'_>, e: &Entry, medical: bool, broken: &[Violation]) {
    let lang = ctx.lang;
    let d = &e.data;
    let no = entry_ref(ctx, e, medical);
    let when = date_time(lang, d.occurred_on, d.occurred_time);
    let head = format!("{no}. {when} — {}", kind_label(lang, d.kind));
    // Keep the heading with the title and the first lines of the block.
    flow.continued = None;
    flow.ensure(LINE * 4.5);
    flow.anchor(Target::Entry(e.id));
    flow.rule(0.4);
    flow.gap(2.0);
    flow.para(Face::Bold, 10.5, INDENT, &head);
    flow.continued = Some(format!(
        "{no}. {} — {} ({})",
        when,
        kind_label(lang, d.kind),
        t(lang, "vervolg", "continued")
    ));
    flow.para(Face::Bold, BODY, INDENT, d.title.trim());

    if let Some(deleted) = &e.deleted_at {
        let line = format!(
            "{} {} — {}: {}",
            t(lang, "Verwijderd op", "Deleted on"),
            instant(lang, deleted),
            t(lang, "reden", "reason"),
            e.delete_reason.trim()
        );
        flow.para(Face::Italic, BODY, INDENT, &line);
        flow.para(
            Face::Italic,
            SMALL,
            INDENT,
            t(
                lang,
                "De inhoud van verwijderde registraties staat nog in de geschiedenis van het dossier (zie de hash-keten op het voorblad).",
                "The content of deleted entries remains in the dossier's history (see the hash chain on the cover).",
            ),
        );
        flow.gap(LINE * 0.6);
        return;
    }

    let field = |flow: &mut Flow<'_>, label: &str, value: &str| {
        if !value.trim().is_empty() {
            flow.labelled(
                Some(&format!("{label}:")),
                Face::Regular,
                BODY,
                INDENT,
                value.trim(),
            );
        }
    };
    let people = who(ctx, e);
    field(flow, t(lang, "Wie", "Who"), &people.join("; "));
    field(
        flow,
        t(lang, "Organisatie", "Organisation"),
        &d.organisation,
    );
    field(flow, t(lang, "Plaats", "Place"), &d.place);
    field(flow, t(lang, "Via", "Channel"), &d.channel);
    field(flow, t(lang, "Kenmerk", "Reference (kenmerk)"), &d.kenmerk);
    let mut dates = Vec::new();
    for (nl, en, date) in [
        ("datum op de brief", "dated", d.letter_dated),
        ("verstuurd", "sent", d.sent_on),
        ("ontvangen", "received", d.received_on),
    ] {
        if let Some(date) = date {
            dates.push(format!("{} {}", t(lang, nl, en), long_date(lang, date)));
        }
    }
    field(flow, t(lang, "Datums", "Dates"), &dates.join("; "));
    if d.on_objection {
        field(
            flow,
            t(lang, "Soort besluit", "Kind of decision"),
            t(lang, "beslissing op bezwaar", "decision on objection"),
        );
    }
    // Dates the letter itself sets are printed exactly as written, marked as such.
    for (nl, en, date) in [
        (
            "Reageren vóór (zoals in de brief)",
            "Reply by (as written)",
            d.reply_by,
        ),
        (
            "Hersteltermijn tot (zoals in de brief)",
            "Repair period until (as written)",
            d.repair_by,
        ),
    ] {
        if let Some(date) = date {
            field(flow, t(lang, nl, en), &long_date(lang, date));
        }
    }
    if let Some(day) = d.appointment_on {
        let when = match d.appointment_time {
            Some(time) => format!("{} {}", long_date(lang, day), time.format("%H:%M")),
            None => long_date(lang, day),
        };
        field(flow, t(lang, "Afspraak op", "Appointment on"), &when);
    }
    if let Some(rule) = d.contact_rule {
        let mut text = match lang {
            Lang::Nl => crate::contact_rule::rule_label_nl(rule).to_string(),
            Lang::En => crate::contact_rule::rule_label_en(rule).to_string(),
        };
        if let Some(until) = d.contact_rule_until {
            text = format!(
                "{text} ({} {})",
                t(lang, "tot en met", "until"),
                long_date(lang, until)
            );
        }
        field(
            flow,
            t(lang, "Afspraak over contact", "Rule for contact"),
            &text,
        );
    }
    // Each label says whose words follow: the user's own account and what the agency
    // asked or promised (as the user recalls it) are different kinds of evidence.
    if !d.notes.trim().is_empty() {
        flow.gap(2.0);
        flow.para(
            Face::Italic,
            SMALL,
            INDENT,
            t(
                lang,
                "Verslag van betrokkene, in eigen woorden:",
                "The person's own account, in their own words:",
            ),
        );
        flow.para(Face::Regular, BODY, INDENT, d.notes.trim());
        flow.gap(2.0);
    }
    field(
        flow,
        t(
            lang,
            "Wat de instantie vroeg of wilde (volgens betrokkene)",
            "What the agency asked or wanted (as the person recalls)",
        ),
        &d.asked,
    );
    field(
        flow,
        t(
            lang,
            "Wat de instantie toezegde (volgens betrokkene)",
            "What the agency promised (as the person recalls)",
        ),
        &d.promised,
    );
    field(
        flow,
        t(
            lang,
            "Wat samen is afgesproken (volgens betrokkene)",
            "What was agreed together (as the person recalls)",
        ),
        &d.agreed,
    );
    if d.threat {
        threat(flow, lang, &d.threat_text);
    }
    for v in broken.iter().filter(|v| v.entry_id == e.id) {
        let sentence = match lang {
            Lang::Nl => v.sentence_nl(),
            Lang::En => v.sentence_en(),
        };
        flow.para(Face::Bold, BODY, INDENT, &sentence);
    }
    if let Some(line) = super::exemptions::entry_line(&ctx.input.exemptions, e, lang) {
        field(
            flow,
            t(lang, "Ontheffing op deze datum", "Exemption on this date"),
            &line,
        );
    }
    field(flow, t(lang, "Aanwezig", "Also present"), &d.companions);
    if let Some(f) = d.follow_up_on {
        field(
            flow,
            t(lang, "Vervolg op", "Follow up on"),
            &long_date(lang, f),
        );
    }
    recorded(flow, lang, e);
    let typed = [
        &d.title,
        &d.notes,
        &d.asked,
        &d.promised,
        &d.agreed,
        &d.threat_text,
        &d.companions,
        &d.organisation,
        &d.place,
        &d.kenmerk,
    ];
    let mut all = typed
        .iter()
        .map(|s| s.as_str())
        .chain(people.iter().map(|s| s.as_str()));
    if !all.all(|s| covers(flow.fonts, s)) {
        flow.para(
            Face::Italic,
            SMALL,
            INDENT,
            t(
                lang,
                "Let op: deze registratie bevat tekens die het lettertype van dit overzicht niet heeft (bijvoorbeeld Arabisch schrift). Die staan hierboven als lege vakjes; de oorspronkelijke tekst staat ongewijzigd in het dossier.",
                "Note: this entry contains characters the font of this record lacks (for example Arabic script). They appear above as empty boxes; the original text is kept unchanged in the dossier.",
            ),
        );
    }
    // One line per exhibit, each a link to the exhibit (when the originals are in).
    let refs: Vec<usize> = (0..ctx.sel.exhibits.len())
        .filter(|&i| ctx.sel.exhibits[i].entry.id == e.id)
        .collect();
    for (n, &i) in refs.iter().enumerate() {
        let x = &ctx.sel.exhibits[i];
        let mut text = format!("{} ({})", x.name(lang), x.att.filename);
        if let Some(&start) = ctx.starts.get(i).filter(|s| **s > 0) {
            text = format!("{text}, {} {start}", t(lang, "pagina", "page"));
        }
        let label = format!("{}:", t(lang, "Bijlagen", "Exhibits"));
        // Later lines start under the first one's text, past the label.
        let under = flow.fonts.width(Face::Bold, BODY, &label) + BODY * 0.3;
        let used = if n == 0 {
            flow.labelled(Some(&label), Face::Regular, BODY, INDENT, &text)
        } else {
            flow.labelled(None, Face::Regular, BODY, INDENT + under, &text)
        };
        if ctx.options.include_attachments {
            flow.link_lines(&used, Target::Exhibit(i));
        }
    }
    super::schedule::schedule(ctx, flow, e);
    flow.gap(LINE * 0.6);
}

/// A threatened sanction: bold, a text marker, and a black bar in the margin, so it
/// stands out in black-and-white print and to a screen reader alike.
fn threat(flow: &mut Flow<'_>, lang: Lang, text: &str) {
    let label = t(
        lang,
        "LET OP — sanctie gedreigd:",
        "NOTE — sanction threatened:",
    );
    let text = if text.trim().is_empty() {
        t(
            lang,
            "(geen toelichting vastgelegd)",
            "(no details recorded)",
        )
    } else {
        text.trim()
    };
    let used = flow.labelled(Some(label), Face::Bold, BODY, INDENT, text);
    for (page, y) in used {
        if let Some(p) = flow.pages.get_mut(page) {
            p.items.push(Item::Fill {
                x: LEFT - 9.0,
                y: y - 3.4,
                w: 3.2,
                h: LINE,
                grey: 0.0,
            });
        }
    }
}

/// "Vastgelegd op …" when written down more than a day after it happened, and
/// "gewijzigd" when the entry was changed later: both matter for how much weight a
/// note carries.
fn recorded(flow: &mut Flow<'_>, lang: Lang, e: &Entry) {
    let mut facts = Vec::new();
    if let Some(day) = instant_day(&e.created_at) {
        if (day - e.data.occurred_on).num_days().abs() > 1 {
            facts.push(format!(
                "{} {}",
                t(lang, "vastgelegd op", "recorded on"),
                instant(lang, &e.created_at)
            ));
        }
    }
    if let Some(changed) = &e.updated_at {
        facts.push(match lang {
            Lang::Nl => format!(
                "gewijzigd op {} (versie {}; eerdere versies staan in de geschiedenis)",
                instant(lang, changed),
                e.version
            ),
            Lang::En => format!(
                "changed on {} (version {}; earlier versions are kept in the history)",
                instant(lang, changed),
                e.version
            ),
        });
    }
    if !facts.is_empty() {
        let mut s = facts.join("; ");
        if let Some(first) = s.get(..1) {
            s = first.to_uppercase() + &s[1..];
        }
        flow.para(Face::Italic, SMALL, INDENT, &s);
    }
}
