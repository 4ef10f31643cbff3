//! Exhibits: numbering, the index (*Overzicht bijlagen*) with each file's SHA-256, and
//! each exhibit's separator followed by its original (image, PDF pages, text) or a
//! placeholder that says why it cannot be shown.

use super::fonts::Face;
use super::layout::{wrap, Flow, Item, Slot, Target, BODY, BOTTOM, LEFT, LINE, PAGE_W, SMALL, TOP};
use super::media::{self, Media};
use super::options::{ExportAttachment, Lang};
use super::text::{exhibit_name, kind_label, long_date, short_date, t};
use super::Ctx;
use crate::entry::Entry;

/// One numbered exhibit.
#[derive(Debug)]
pub struct Exhibit<'a> {
    /// "4", or "M2" in the medical annex.
    pub label: String,
    pub entry: &'a Entry,
    pub att: &'a ExportAttachment,
    pub medical: bool,
    pub media: Media,
}

impl<'a> Exhibit<'a> {
    pub fn new(label: String, entry: &'a Entry, att: &'a ExportAttachment, medical: bool) -> Self {
        Exhibit {
            label,
            entry,
            att,
            medical,
            media: Media::Skipped,
        }
    }

    /// Looks at the bytes only when the originals go into the bundle.
    pub fn classify(&mut self, include_originals: bool, lang: Lang) {
        if include_originals {
            self.media = media::classify(&self.att.bytes, &self.att.media_type, lang);
        }
    }

    pub fn is_placeholder(&self) -> bool {
        matches!(self.media, Media::Placeholder(_))
    }

    pub fn name(&self, lang: Lang) -> String {
        exhibit_name(lang, &self.label)
    }
}

/// Where an entry is referred to: "registratie 12" / "M3".
pub fn entry_ref(ctx: &Ctx<'_>, entry: &Entry, medical: bool) -> String {
    let n = ctx.sel.entry_no.get(&entry.id).copied().unwrap_or(0);
    if medical {
        format!("M{n}")
    } else {
        n.to_string()
    }
}

const COL_DATE: f32 = 62.0;
const COL_TEXT: f32 = 124.0;

/// The index page(s) of the exhibits in `which`.
pub fn index(ctx: &Ctx<'_>, flow: &mut Flow<'_>, which: &[usize]) {
    let lang = ctx.lang;
    let medical = which.first().is_some_and(|&i| ctx.sel.exhibits[i].medical);
    let title = match (medical, lang) {
        (false, _) => t(lang, "Overzicht bijlagen", "List of exhibits"),
        (true, _) => t(
            lang,
            "Overzicht medische bijlagen",
            "List of medical exhibits",
        ),
    };
    flow.mark(title);
    flow.para(Face::Bold, 15.0, 0.0, title);
    flow.gap(4.0);
    flow.para(
        Face::Regular,
        BODY,
        0.0,
        t(
            lang,
            "De bijlagen zijn genummerd in de volgorde van de registraties. Bij elk bestand staat de SHA-256-vingerafdruk die werd berekend toen het aan het dossier werd toegevoegd: met het originele bestand kan iedereen nagaan dat het niet is veranderd.",
            "Exhibits are numbered in the order of the entries. Each file is listed with the SHA-256 fingerprint computed when it was added to the dossier: anyone with the original file can check that it has not changed.",
        ),
    );
    if !ctx.options.include_attachments {
        flow.para(
            Face::Italic,
            BODY,
            0.0,
            t(
                lang,
                "De originele bestanden zijn op verzoek niet bijgevoegd.",
                "At the user's request, the original files are not appended.",
            ),
        );
    }
    flow.gap(LINE * 0.5);
    flow.ensure(LINE * 4.0);
    flow.text_at(LEFT, Face::Bold, SMALL, t(lang, "Nummer", "Number"));
    flow.text_at(LEFT + COL_DATE, Face::Bold, SMALL, t(lang, "Datum", "Date"));
    let cols = t(
        lang,
        "Omschrijving, bestand en SHA-256",
        "Description, file and SHA-256",
    );
    flow.text_at(LEFT + COL_TEXT, Face::Bold, SMALL, cols);
    let y = flow.y - 4.0;
    flow.push(Item::Rule {
        x1: LEFT,
        y1: y,
        x2: super::layout::RIGHT,
        y2: y,
        width: 0.4,
    });
    flow.gap(LINE * 1.2);
    let fonts = flow.fonts;
    for &i in which {
        let ex = &ctx.sel.exhibits[i];
        let desc = format!(
            "{} ({}, {} {})",
            ex.entry.data.title.trim(),
            kind_label(lang, ex.entry.data.kind),
            t(lang, "registratie", "entry"),
            entry_ref(ctx, ex.entry, ex.medical)
        );
        let lines = wrap(
            fonts,
            Face::Regular,
            BODY,
            &desc,
            super::layout::CONTENT_W - COL_TEXT,
            0.0,
        );
        flow.ensure(LINE * (lines.len() as f32 + 2.2));
        flow.text_at(LEFT, Face::Bold, BODY, &ex.name(lang));
        if ctx.options.include_attachments {
            flow.link(LEFT, COL_DATE - 4.0, BODY, Target::Exhibit(i));
        }
        flow.text_at(
            LEFT + COL_DATE,
            Face::Regular,
            BODY,
            &short_date(ex.entry.data.occurred_on),
        );
        for line in lines {
            flow.text_at(LEFT + COL_TEXT, Face::Regular, BODY, &line);
            flow.gap(LINE);
        }
        let mut facts = vec![format!(
            "{}: {}",
            t(lang, "bestand", "file"),
            ex.att.filename
        )];
        if let Some(n) = ex.media.pages_in_original() {
            facts.push(match (lang, n) {
                (Lang::Nl, 1) => "1 blad".into(),
                (Lang::Nl, n) => format!("{n} bladen"),
                (Lang::En, 1) => "1 page".into(),
                (Lang::En, n) => format!("{n} pages"),
            });
        }
        if ex.is_placeholder() {
            facts.push(t(lang, "kan niet worden afgedrukt", "cannot be printed").into());
        }
        if ex.media.metadata_removed() {
            facts.push(
                t(
                    lang,
                    "metadata verwijderd (zoals plaats en camera); het origineel in het dossier is ongewijzigd",
                    "metadata removed (such as location and camera); the original in the dossier is unchanged",
                )
                .into(),
            );
        }
        if let Some(&start) = ctx.starts.get(i).filter(|s| **s > 0) {
            facts.push(format!(
                "{} {start}",
                t(lang, "begint op pagina", "starts on page")
            ));
        }
        flow.para(Face::Regular, SMALL, COL_TEXT, &facts.join(" · "));
        flow.para(
            Face::Regular,
            SMALL,
            COL_TEXT,
            &format!(
                "{}: {}",
                t(lang, "SHA-256 van het origineel", "SHA-256 of the original"),
                ex.att.sha256
            ),
        );
        flow.gap(LINE * 0.45);
    }
}

/// The separator and the original of exhibit `i`; returns the bundle page it starts on.
pub fn exhibit(ctx: &Ctx<'_>, flow: &mut Flow<'_>, i: usize) -> usize {
    let lang = ctx.lang;
    let ex = &ctx.sel.exhibits[i];
    flow.continued = None;
    flow.new_page();
    flow.anchor(Target::Exhibit(i));
    let start = flow.pages.len();
    let heading = format!("{} — {}", ex.name(lang), ex.entry.data.title.trim());
    flow.mark(&heading);
    flow.para(Face::Bold, 14.0, 0.0, &heading);
    flow.gap(2.0);
    let at = format!(
        "{} {}: {} — {}",
        t(lang, "Bij registratie", "With entry"),
        entry_ref(ctx, ex.entry, ex.medical),
        long_date(lang, ex.entry.data.occurred_on),
        kind_label(lang, ex.entry.data.kind)
    );
    flow.para(Face::Regular, BODY, 0.0, &at);
    let file = format!(
        "{}: {} ({})",
        t(lang, "Bestand", "File"),
        ex.att.filename,
        if ex.att.media_type.is_empty() {
            "?"
        } else {
            &ex.att.media_type
        }
    );
    flow.para(Face::Regular, BODY, 0.0, &file);
    flow.para(
        Face::Regular,
        SMALL,
        0.0,
        &format!("SHA-256: {}", ex.att.sha256),
    );
    flow.gap(3.0);
    flow.rule(0.6);
    flow.gap(LINE * 0.4);
    flow.continued = Some(format!(
        "{} ({})",
        ex.name(lang),
        t(lang, "vervolg", "continued")
    ));
    match &ex.media {
        Media::Jpeg { w, h, .. } | Media::Raw { w, h, .. } => {
            if matches!(
                ex.media,
                Media::Raw {
                    incomplete: true,
                    ..
                }
            ) {
                flow.para(Face::Italic, BODY, 0.0, t(lang, "Let op: dit bestand is onvolledig (afgebroken). Wat in het bestand ontbreekt, is grijs weergegeven.", "Note: this file is incomplete (cut off). What is missing from the file is shown in grey."));
                flow.gap(LINE * 0.3);
            }
            let top = flow.y;
            let slot = fit(
                i,
                0,
                *w as f32,
                *h as f32,
                LEFT,
                BOTTOM - 8.0,
                super::layout::CONTENT_W,
                top - BOTTOM + 8.0,
            );
            flow.page().slot = Some(slot);
        }
        Media::Pdf { pages, .. } => {
            let n = pages.len();
            let note = match (lang, n) {
                (Lang::Nl, 1) => "Het origineel (1 blad) staat hieronder, verkleind.".to_string(),
                (Lang::Nl, n) => format!("Het origineel ({n} bladen) begint hieronder; elk volgend blad staat verkleind op een eigen pagina, met bijlage- en bladnummer bovenaan."),
                (Lang::En, 1) => "The original (1 page) is shown below, reduced.".to_string(),
                (Lang::En, n) => format!("The original ({n} pages) starts below; each further page is reduced onto a page of its own, with the exhibit and page number at the top."),
            };
            flow.para(Face::Italic, BODY, 0.0, &note);
            flow.continued = None;
            let sheet = |p: usize| match lang {
                Lang::Nl => format!("{} — blad {} van {n}", ex.name(lang), p + 1),
                Lang::En => format!("{} — page {} of {n}", ex.name(lang), p + 1),
            };
            // The first page goes under the separator, so a one-page letter takes
            // one page; `merge` fits each original into its slot, keeping proportions.
            let top = flow.y + LINE * 0.4;
            let page = flow.page();
            page.header_note = sheet(0);
            page.slot = Some(Slot {
                media: i,
                page: 0,
                x: 40.0,
                y: BOTTOM - 12.0,
                w: PAGE_W - 80.0,
                h: top - (BOTTOM - 12.0),
            });
            for p in 1..n {
                flow.start_page();
                let page = flow.page();
                page.header_note = sheet(p);
                page.slot = Some(Slot {
                    media: i,
                    page: p,
                    x: 40.0,
                    y: BOTTOM - 12.0,
                    w: PAGE_W - 80.0,
                    h: TOP + 18.0 - (BOTTOM - 12.0),
                });
            }
        }
        Media::Text { headers, body, cut } => {
            for (label, value) in headers {
                flow.labelled(Some(&format!("{label}:")), Face::Regular, BODY, 0.0, value);
            }
            if !headers.is_empty() {
                flow.gap(LINE * 0.5);
            }
            flow.para(Face::Regular, BODY, 0.0, body);
            if *cut {
                flow.gap(LINE * 0.5);
                flow.para(Face::Italic, BODY, 0.0, t(lang, "[Ingekort: de tekst is te lang om helemaal af te drukken. Het volledige bestand staat ongewijzigd in het dossier.]", "[Shortened: the text is too long to print in full. The whole file is kept unchanged in the dossier.]"));
            }
        }
        Media::Placeholder(reason) => {
            flow.gap(LINE);
            flow.para(
                Face::Bold,
                12.0,
                0.0,
                t(
                    lang,
                    "Dit bestand kan niet worden afgedrukt",
                    "This file cannot be printed",
                ),
            );
            flow.gap(3.0);
            flow.para(Face::Regular, BODY, 0.0, &reason.describe(lang));
            flow.para(Face::Regular, BODY, 0.0, t(lang, "Het bestand zelf staat ongewijzigd in het dossier. De SHA-256-vingerafdruk hierboven hoort bij dat bestand; op verzoek kan het apart worden aangeleverd.", "The file itself is kept unchanged in the dossier. The SHA-256 fingerprint above belongs to that file; it can be supplied separately on request."));
        }
        Media::Skipped => {}
    }
    flow.continued = None;
    let name = ex.name(lang);
    for page in &mut flow.pages[start - 1..] {
        if page.header_note.is_empty() {
            page.header_note = name.clone();
        }
    }
    start
}

/// The largest rectangle with the image's proportions inside the area, centred at
/// the top.
#[allow(clippy::too_many_arguments)] // a rectangle and a size: naming them is clearer
fn fit(media: usize, page: usize, w: f32, h: f32, x: f32, y: f32, aw: f32, ah: f32) -> Slot {
    // Never larger than one point per pixel: a small picture is not blown up.
    let scale = (aw / w.max(1.0)).min(ah / h.max(1.0)).min(1.0);
    let (sw, sh) = (w * scale, h * scale);
    Slot {
        media,
        page,
        x: x + (aw - sw) / 2.0,
        y: y + ah - sh,
        w: sw,
        h: sh,
    }
}
