//! The medical annex (F7): only when the user opts in, after everything else, behind
//! its own cover marked "Vertrouwelijk — medische gegevens", with every page's header
//! saying so, so it can be taken out before the bundle goes to the municipality.

use super::exhibits;
use super::fonts::Face;
use super::layout::{Item, BODY, LEFT, LINE, RIGHT};
use super::text::t;
use super::{chronology, Ctx, Flow};

/// The marking on the annex's cover and in its running header.
pub fn marking(lang: super::Lang) -> &'static str {
    t(
        lang,
        "Vertrouwelijk — medische gegevens",
        "Confidential — medical information",
    )
}

pub fn annex(ctx: &Ctx<'_>, flow: &mut Flow<'_>, starts: &mut [usize]) {
    let lang = ctx.lang;
    flow.continued = None;
    flow.medical = true;
    flow.new_page();
    flow.mark(marking(lang));
    flow.gap(LINE * 8.0);
    let bar = |flow: &mut Flow<'_>, y: f32| {
        flow.push(Item::Rule {
            x1: LEFT,
            y1: y,
            x2: RIGHT,
            y2: y,
            width: 2.5,
        });
    };
    let top = flow.y + 30.0;
    bar(flow, top);
    flow.para(Face::Bold, 24.0, 0.0, marking(lang));
    let below = flow.y + 8.0;
    bar(flow, below);
    flow.gap(LINE * 1.5);
    flow.para(
        Face::Regular,
        11.0,
        0.0,
        t(
            lang,
            "Deze bijlage bevat medische gegevens. Dat zijn bijzondere persoonsgegevens (AVG artikel 9). De betrokkene heeft ervoor gekozen ze mee te sturen, alleen voor wie dit overzicht bestemd is. Geef deze bijlage niet door aan de gemeente of anderen zonder toestemming van de betrokkene: de klantmanager hoort alleen een conclusie te krijgen, nooit het medisch dossier.",
            "This annex contains medical information, a special category of personal data (GDPR article 9). The person chose to include it, only for the intended recipient of this record. Do not pass this annex on to the municipality or others without the person's consent: the caseworker should receive only a conclusion, never the medical file.",
        ),
    );
    flow.gap(LINE);
    flow.para(
        Face::Regular,
        BODY,
        0.0,
        t(
            lang,
            "Registraties in deze bijlage zijn genummerd M1, M2, …; hun bijlagen ook. De nummering van het hoofddeel verandert daardoor niet.",
            "Entries in this annex are numbered M1, M2, …, and so are their exhibits, so the numbering of the main part does not change.",
        ),
    );
    flow.new_page();
    chronology::chronology(ctx, flow, true);
    let which: Vec<usize> = (0..ctx.sel.exhibits.len())
        .filter(|&i| ctx.sel.exhibits[i].medical)
        .collect();
    if !which.is_empty() {
        flow.new_page();
        exhibits::index(ctx, flow, &which);
        if ctx.options.include_attachments {
            for &i in &which {
                starts[i] = exhibits::exhibit(ctx, flow, i);
            }
        }
    }
    flow.medical = false;
}
