//! The cover's "look here first" lists: missed deadlines (with what can still be done,
//! Awb 6:11), open deadlines, every contact that went against an agreement and every
//! contact the agency started during an exemption, each named by its entry number and
//! date so a lawyer reading on paper can turn to it.

use std::collections::HashMap;

use super::fonts::Face;
use super::layout::{BODY, LINE};
use super::options::Lang;
use super::text::{long_date, short_date, t};
use super::{Ctx, Flow};
use crate::contact_rule::violations_in;
use crate::entry::Entry;

/// "Nr. 12, 03-03-2026" (or "Nr. M2, …" in the medical annex): how the cover names an
/// entry, the same number the chronology prints before its block.
fn entry_label(ctx: &Ctx<'_>, (e, medical): Printed<'_>) -> String {
    let no = super::exhibits::entry_ref(ctx, e, medical);
    format!(
        "{} {no}, {}",
        t(ctx.lang, "Nr.", "No."),
        short_date(e.data.occurred_on)
    )
}

/// A printed entry, and whether it is in the medical annex.
type Printed<'a> = (&'a Entry, bool);

fn printed<'a>(ctx: &Ctx<'a>) -> HashMap<i64, Printed<'a>> {
    let main = ctx.sel.main.iter().map(|e| (e.id, (*e, false)));
    let medical = ctx.sel.medical.iter().map(|e| (e.id, (*e, true)));
    main.chain(medical).collect()
}

fn heading(flow: &mut Flow<'_>, text: &str) {
    flow.gap(LINE * 0.8);
    flow.para(Face::Bold, 12.0, 0.0, text);
}

/// Missed deadlines first (bold: these cost the most), then the open ones.
pub fn deadlines(ctx: &Ctx<'_>, flow: &mut Flow<'_>) {
    let lang = ctx.lang;
    let entries = printed(ctx);
    let mut all: Vec<_> = ctx.input.open_deadlines.iter().collect();
    all.sort_by_key(|d| (d.date, d.entry_id));
    let line = |flow: &mut Flow<'_>, d: &super::options::OpenDeadline, face: Face| {
        let label = match entries.get(&d.entry_id) {
            Some(&p) => format!("{} ({}):", long_date(lang, d.date), entry_label(ctx, p)),
            None => format!("{}:", long_date(lang, d.date)),
        };
        flow.labelled(Some(&label), face, BODY, 0.0, &d.text);
    };
    let missed: Vec<_> = all.iter().filter(|d| d.missed).collect();
    if !missed.is_empty() {
        heading(
            flow,
            t(
                lang,
                "Verlopen termijnen (nog niet afgehandeld)",
                "Missed deadlines (not yet settled)",
            ),
        );
        for d in missed {
            line(flow, d, Face::Bold);
        }
    }
    heading(flow, t(lang, "Openstaande termijnen", "Open deadlines"));
    let open: Vec<_> = all.iter().filter(|d| !d.missed).collect();
    if open.is_empty() {
        flow.para(
            Face::Regular,
            BODY,
            0.0,
            t(
                lang,
                "Geen openstaande termijnen vastgelegd.",
                "No open deadlines recorded.",
            ),
        );
    }
    for d in open {
        line(flow, d, Face::Regular);
    }
}

/// Every printed contact that went against an agreement about contact (checked against
/// every agreement in the dossier, also ones not printed), one line each.
pub fn broken_agreements(ctx: &Ctx<'_>, flow: &mut Flow<'_>) {
    let lang = ctx.lang;
    let entries = printed(ctx);
    let mut broken: Vec<_> = violations_in(&ctx.input.entries)
        .into_iter()
        .filter_map(|v| entries.get(&v.entry_id).map(|p| (*p, v)))
        .collect();
    if broken.is_empty() {
        return;
    }
    broken.sort_by_key(|((e, _), _)| (e.data.occurred_on, e.data.occurred_time, e.id));
    let title = match (lang, broken.len()) {
        (Lang::Nl, 1) => "1 contact ging in tegen een gemaakte afspraak over contact".into(),
        (Lang::Nl, n) => {
            format!("{n} contacten gingen in tegen een gemaakte afspraak over contact")
        }
        (Lang::En, 1) => "1 contact went against an agreement about contact".into(),
        (Lang::En, n) => format!("{n} contacts went against an agreement about contact"),
    };
    heading(flow, &title);
    for (p, v) in broken {
        let sentence = match lang {
            Lang::Nl => v.sentence_nl(),
            Lang::En => v.sentence_en(),
        };
        let text = format!("{} — {sentence}", short_line(lang, p.0));
        flow.labelled(
            Some(&format!("{}:", entry_label(ctx, p))),
            Face::Regular,
            BODY,
            0.0,
            &text,
        );
    }
}

/// Every printed contact the agency started on a day an exemption was in force.
pub fn contacts_during_exemptions(ctx: &Ctx<'_>, flow: &mut Flow<'_>) {
    let lang = ctx.lang;
    let main = ctx.sel.main.iter().map(|e| (*e, false));
    let medical = ctx.sel.medical.iter().map(|e| (*e, true));
    let rows: Vec<(Printed<'_>, String)> = main
        .chain(medical)
        .filter(|(e, _)| e.deleted_at.is_none())
        .filter_map(|p| {
            super::exemptions::entry_line(&ctx.input.exemptions, p.0, lang).map(|l| (p, l))
        })
        .collect();
    if rows.is_empty() {
        return;
    }
    heading(
        flow,
        t(
            lang,
            "Contact door de instantie terwijl er een ontheffing gold",
            "Contact by the agency while an exemption was in force",
        ),
    );
    for (p, exemption) in rows {
        let text = format!(
            "{} — {}: {exemption}",
            short_line(lang, p.0),
            t(lang, "ontheffing", "exemption")
        );
        flow.labelled(
            Some(&format!("{}:", entry_label(ctx, p))),
            Face::Regular,
            BODY,
            0.0,
            &text,
        );
    }
}

/// The kind and title of an entry, cut to one readable line.
fn short_line(lang: Lang, e: &Entry) -> String {
    const MAX: usize = 70;
    let title = e.data.title.trim();
    let title = if title.chars().count() > MAX {
        format!(
            "{}…",
            title.chars().take(MAX).collect::<String>().trim_end()
        )
    } else {
        title.to_string()
    };
    let kind = super::text::kind_label(lang, e.data.kind);
    // "Besluit: maatregel …" already says its kind.
    if title.to_lowercase().starts_with(&kind.to_lowercase()) {
        title
    } else {
        format!("{kind}: {title}")
    }
}
