//! The cover page: what this bundle is, whose (only if the user chose to say), which
//! period and filters, counts in words, what needs attention first (missed and open
//! deadlines, broken agreements, exemptions: see `attention`), and the hash-chain head
//! with what it proves and what it does not.

use chrono::NaiveDate;

use super::fonts::Face;
use super::layout::{BODY, LINE, SMALL};
use super::options::Lang;
use super::text::{counted, join_list, kind_label, long_date, short_date, t, COUNT_GROUPS};
use super::{Ctx, Flow};

pub fn cover(ctx: &Ctx<'_>, flow: &mut Flow<'_>) {
    let lang = ctx.lang;
    flow.start_page();
    flow.mark(t(lang, "Voorblad", "Cover"));
    flow.gap(LINE * 2.0);
    flow.para(
        Face::Bold,
        18.0,
        0.0,
        t(
            lang,
            "Chronologisch overzicht van contacten met WPI",
            "Chronological record of contacts with WPI",
        ),
    );
    // One case: its name right under the title, so the reader knows what matter the
    // bundle is about before anything else.
    if let Some(case) = ctx.options.case_label.as_deref().map(str::trim) {
        if !case.is_empty() {
            flow.gap(2.0);
            flow.para(
                Face::Bold,
                14.0,
                0.0,
                &format!("{}: {case}", t(ctx.lang, "Zaak", "Case")),
            );
        }
    }
    flow.gap(4.0);
    flow.para(
        Face::Regular,
        BODY,
        0.0,
        t(
            lang,
            "Gemaakt uit het eigen dossier van de betrokkene (Dossierkluis). De registraties zijn in eigen woorden vastgelegd; bij elke registratie staat wanneer het contact plaatsvond, en wanneer het later werd vastgelegd of gewijzigd.",
            "Made from the person's own dossier (Dossierkluis). The entries are in their own words; each entry says when the contact took place, and when it was recorded or changed later.",
        ),
    );
    flow.gap(LINE);
    if let Some(p) = &ctx.options.cover_person {
        if !p.name.trim().is_empty() {
            flow.labelled(
                Some(&format!("{}:", t(lang, "Naam", "Name"))),
                Face::Regular,
                BODY,
                0.0,
                p.name.trim(),
            );
        }
        let address: Vec<&str> = p
            .address
            .iter()
            .map(|l| l.trim())
            .filter(|l| !l.is_empty())
            .collect();
        if !address.is_empty() {
            flow.labelled(
                Some(&format!("{}:", t(lang, "Adres", "Address"))),
                Face::Regular,
                BODY,
                0.0,
                &address.join(", "),
            );
        }
    }
    let field = |flow: &mut Flow<'_>, label: &str, value: &str| {
        flow.labelled(Some(&format!("{label}:")), Face::Regular, BODY, 0.0, value);
    };
    field(flow, t(lang, "Periode", "Period"), &period(ctx));
    field(
        flow,
        t(lang, "Gemaakt op", "Made on"),
        &long_date(lang, ctx.made_on),
    );
    field(flow, t(lang, "Selectie", "Selection"), &filters(ctx));
    field(
        flow,
        t(lang, "Medische gegevens", "Medical information"),
        if ctx.options.include_medical {
            t(
                lang,
                "op verzoek opgenomen, in een aparte, gemarkeerde bijlage achteraan",
                "included at the user's request, in a separate, marked annex at the end",
            )
        } else {
            t(lang, "niet opgenomen", "not included")
        },
    );
    field(
        flow,
        t(lang, "Originele bijlagen", "Original exhibits"),
        if ctx.options.include_attachments {
            t(
                lang,
                "bijgevoegd na het overzicht bijlagen",
                "appended after the list of exhibits",
            )
        } else {
            t(
                lang,
                "niet bijgevoegd (alleen vermeld, met vingerafdruk)",
                "not appended (listed with fingerprint only)",
            )
        },
    );
    flow.gap(LINE * 0.8);
    flow.para(Face::Bold, 12.0, 0.0, t(lang, "Inhoud", "Contents"));
    flow.para(Face::Regular, BODY, 0.0, &counts(ctx));
    super::attention::deadlines(ctx, flow);
    super::attention::broken_agreements(ctx, flow);
    let (first, last) = bounds(ctx);
    let exemptions = super::exemptions::listed(&ctx.input.exemptions, first, last);
    if !exemptions.is_empty() {
        flow.gap(LINE * 0.8);
        flow.para(
            Face::Bold,
            12.0,
            0.0,
            t(
                lang,
                "Ontheffingen in deze periode",
                "Exemptions in this period",
            ),
        );
        for e in exemptions {
            let line = super::exemptions::cover_line(e, ctx.options);
            flow.para(Face::Regular, BODY, 0.0, &line);
        }
    }
    super::attention::contacts_during_exemptions(ctx, flow);
    flow.gap(LINE * 0.8);
    chain(ctx, flow);
}

/// The period the bundle covers: the chosen dates, else the first and last entry.
fn bounds(ctx: &Ctx<'_>) -> (Option<NaiveDate>, Option<NaiveDate>) {
    let all = ctx.sel.main.iter().chain(ctx.sel.medical.iter());
    let first = ctx
        .options
        .from
        .or_else(|| all.clone().map(|e| e.data.occurred_on).min());
    let last = ctx
        .options
        .to
        .or_else(|| all.map(|e| e.data.occurred_on).max());
    (first, last)
}

fn period(ctx: &Ctx<'_>) -> String {
    let lang = ctx.lang;
    match bounds(ctx) {
        (Some(a), Some(b)) => match lang {
            Lang::Nl => format!("{} tot en met {}", long_date(lang, a), long_date(lang, b)),
            Lang::En => format!("{} to {} inclusive", long_date(lang, a), long_date(lang, b)),
        },
        (Some(a), None) => format!("{} {}", t(lang, "vanaf", "from"), long_date(lang, a)),
        (None, Some(b)) => format!("{} {}", t(lang, "tot en met", "up to"), long_date(lang, b)),
        (None, None) => t(lang, "geen registraties", "no entries").into(),
    }
}

fn filters(ctx: &Ctx<'_>) -> String {
    let lang = ctx.lang;
    let o = ctx.options;
    let mut parts = Vec::new();
    if let Some(case) = o.case_label.as_deref().filter(|c| !c.trim().is_empty()) {
        parts.push(format!("{} {}", t(lang, "zaak", "case"), case.trim()));
    } else if o.entry_ids.is_some() {
        parts.push(
            t(
                lang,
                "een gekozen deel van de registraties",
                "a chosen part of the entries",
            )
            .into(),
        );
    }
    if o.kinds.is_empty() {
        parts.push(t(lang, "alle soorten contact", "all kinds of contact").into());
    } else {
        let kinds: Vec<String> = o
            .kinds
            .iter()
            .map(|k| kind_label(lang, *k).to_lowercase())
            .collect();
        parts.push(format!(
            "{} {}",
            t(lang, "alleen", "only"),
            join_list(lang, &kinds)
        ));
    }
    if o.people.is_empty() {
        parts.push(t(lang, "alle personen", "all people").into());
    } else {
        let names: Vec<String> = o
            .people
            .iter()
            .map(|id| {
                ctx.sel
                    .people
                    .get(id)
                    .map_or_else(|| id.to_string(), |p| p.name.clone())
            })
            .collect();
        parts.push(format!(
            "{} {}",
            t(lang, "met", "involving"),
            join_list(lang, &names)
        ));
    }
    if let (Some(f), Some(to)) = (o.from, o.to) {
        parts.push(format!(
            "{} {} – {}",
            t(lang, "periode", "period"),
            short_date(f),
            short_date(to)
        ));
    }
    parts.join("; ")
}

fn counts(ctx: &Ctx<'_>) -> String {
    let lang = ctx.lang;
    let all: Vec<_> = ctx.sel.main.iter().chain(ctx.sel.medical.iter()).collect();
    let live: Vec<_> = all.iter().filter(|e| e.deleted_at.is_none()).collect();
    let deleted = all.len() - live.len();
    let groups: Vec<String> = COUNT_GROUPS
        .iter()
        .filter_map(|(kinds, words)| {
            let n = live.iter().filter(|e| kinds.contains(&e.data.kind)).count();
            (n > 0).then(|| counted(lang, n, words))
        })
        .collect();
    let mut s = match lang {
        Lang::Nl => format!(
            "{} {}",
            live.len(),
            if live.len() == 1 {
                "registratie"
            } else {
                "registraties"
            }
        ),
        Lang::En => format!(
            "{} {}",
            live.len(),
            if live.len() == 1 { "entry" } else { "entries" }
        ),
    };
    if !groups.is_empty() {
        s = format!("{s}: {}", join_list(lang, &groups));
    }
    s.push('.');
    if deleted > 0 {
        s += &match lang {
            Lang::Nl => format!(
                " Daarnaast {deleted} verwijderde {}, zichtbaar gelaten met de reden.",
                if deleted == 1 {
                    "registratie"
                } else {
                    "registraties"
                }
            ),
            Lang::En => format!(
                " Also {deleted} deleted {}, left visible with the reason.",
                if deleted == 1 { "entry" } else { "entries" }
            ),
        };
    }
    let exhibits = ctx.sel.exhibits.len();
    s += &match (lang, exhibits) {
        (Lang::Nl, 1) => " 1 bijlage.".to_string(),
        (Lang::Nl, n) => format!(" {n} bijlagen."),
        (Lang::En, 1) => " 1 exhibit.".to_string(),
        (Lang::En, n) => format!(" {n} exhibits."),
    };
    s
}

fn chain(ctx: &Ctx<'_>, flow: &mut Flow<'_>) {
    let lang = ctx.lang;
    let input = ctx.input;
    flow.para(
        Face::Bold,
        12.0,
        0.0,
        t(lang, "Controle: hash-keten", "Check: hash chain"),
    );
    flow.labelled(Some("SHA-256:"), Face::Regular, 9.0, 0.0, &input.chain_head);
    let explain = match lang {
        Lang::Nl => format!(
            "Deze code is de laatste schakel van een keten van vingerafdrukken over alle {} vastgelegde versies in het hele dossier, ook van gewijzigde en verwijderde registraties en van registraties die niet in deze selectie staan. Wordt later iets in die geschiedenis veranderd of weggehaald, dan komt er een andere code uit. Met het dossier is dus na te gaan dat de registraties in dit overzicht sindsdien niet zijn aangepast. Over de juistheid van de inhoud zegt de code niets.",
            input.chain_versions
        ),
        Lang::En => format!(
            "This code is the last link of a chain of fingerprints over all {} recorded versions in the whole dossier, including changed and deleted entries and entries outside this selection. If anything in that history is changed or removed later, a different code comes out. With the dossier, one can therefore check that the entries in this record have not been altered since. The code says nothing about whether the content is true.",
            input.chain_versions
        ),
    };
    flow.para(Face::Regular, SMALL + 0.5, 0.0, &explain);
    if !input.chain_intact {
        flow.gap(3.0);
        flow.para(
            Face::Bold,
            BODY,
            0.0,
            t(
                lang,
                "Let op: bij het maken van dit overzicht klopte de hash-keten niet. Het dossier is mogelijk buiten de app om gewijzigd.",
                "Warning: when this record was made, the hash chain did not check out. The dossier may have been changed outside the app.",
            ),
        );
    }
}
