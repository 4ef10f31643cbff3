//! The schedule under an entry with statements about the agency's verslag: "Verslag
//! van de instantie tegenover mijn versie", one row per statement (the verslag's words,
//! the user's status, their version, what supports it as links to entries and
//! exhibits) and an empty column for the lawyer's notes.

use super::fonts::Face;
use super::layout::{wrap, Item, Target, BOTTOM, LEFT, LINE, RIGHT, SMALL, TOP};
use super::options::Lang;
use super::text::t;
use super::{Ctx, Flow};
use crate::entry::Entry;
use crate::verslag::Statement;

/// Left edge of each column from LEFT: number, verslag, status, my version, support,
/// lawyer; the last runs to RIGHT.
const COLS: [f32; 6] = [0.0, 20.0, 152.0, 210.0, 326.0, 392.0];
const SIZE: f32 = SMALL;
const LH: f32 = LINE * SMALL / 10.0;
const PAD: f32 = 3.0;

fn headers(lang: Lang) -> [&'static str; 6] {
    [
        t(lang, "Nr.", "No."),
        t(lang, "Het verslag zegt", "The report says"),
        t(lang, "Klopt het?", "Is it right?"),
        t(lang, "Mijn versie", "My version"),
        t(lang, "Onderbouwing", "Support"),
        t(lang, "Opmerking advocaat", "Lawyer's note"),
    ]
}

fn width(i: usize) -> f32 {
    let end = COLS.get(i + 1).map_or(RIGHT - LEFT, |x| *x);
    end - COLS[i] - 2.0 * PAD
}

/// A piece of the support cell: text, and where clicking it leads.
struct Ref {
    text: String,
    target: Option<Target>,
}

fn support(ctx: &Ctx<'_>, s: &Statement) -> Vec<Ref> {
    let lang = ctx.lang;
    let mut out = Vec::new();
    for id in &s.support_entries {
        let main = ctx.sel.main.iter().any(|e| e.id == *id);
        let medical = ctx.sel.medical.iter().any(|e| e.id == *id);
        out.push(match ctx.sel.entry_no.get(id) {
            Some(n) if main || medical => Ref {
                text: format!(
                    "{} {}{n}",
                    t(lang, "Registratie", "Entry"),
                    if medical { "M" } else { "" }
                ),
                target: Some(Target::Entry(*id)),
            },
            _ => Ref {
                text: t(
                    lang,
                    "Een registratie buiten dit overzicht",
                    "An entry not in this record",
                )
                .to_string(),
                target: None,
            },
        });
    }
    for id in &s.support_attachments {
        let found = ctx.sel.exhibits.iter().position(|x| x.att.id == *id);
        out.push(match found {
            Some(i) => Ref {
                text: format!(
                    "{} {}",
                    t(lang, "Bijlage", "Exhibit"),
                    ctx.sel.exhibits[i].label
                ),
                target: ctx
                    .options
                    .include_attachments
                    .then_some(Target::Exhibit(i)),
            },
            None => Ref {
                text: t(
                    lang,
                    "Een bijlage buiten dit overzicht",
                    "An exhibit not in this record",
                )
                .to_string(),
                target: None,
            },
        });
    }
    out
}

fn rule(flow: &mut Flow<'_>, y: f32, w: f32) {
    flow.push(Item::Rule {
        x1: LEFT,
        y1: y,
        x2: RIGHT,
        y2: y,
        width: w,
    });
}

/// Distance from a row's top edge to its first baseline, and from its last baseline
/// to its bottom edge.
const ABOVE: f32 = PAD + SIZE * 0.85;
const BELOW: f32 = SIZE * 0.3 + PAD;

/// Text at (`x`, `y`) without the flow's page logic (the table breaks pages itself).
fn put(flow: &mut Flow<'_>, x: f32, y: f32, face: Face, text: &str) {
    flow.push(Item::Text {
        x,
        y,
        face,
        size: SIZE,
        text: text.to_string(),
    });
}

/// The column borders of a row from `top` to `bottom`, and its bottom line.
fn borders(flow: &mut Flow<'_>, top: f32, bottom: f32) {
    let xs = COLS.iter().map(|x| LEFT + x).chain([RIGHT]);
    for x in xs {
        flow.push(Item::Rule {
            x1: x,
            y1: top,
            x2: x,
            y2: bottom,
            width: 0.3,
        });
    }
    rule(flow, bottom, 0.3);
}

/// The grey header row, starting at the flow's position; returns its bottom edge.
fn header_row(ctx: &Ctx<'_>, flow: &mut Flow<'_>) -> f32 {
    flow.ensure(LH * 6.0);
    let fonts = flow.fonts;
    let cells: Vec<Vec<String>> = headers(ctx.lang)
        .iter()
        .enumerate()
        .map(|(i, h)| wrap(fonts, Face::Bold, SIZE, h, width(i), 0.0))
        .collect();
    let lines = cells.iter().map(Vec::len).max().unwrap_or(1);
    let top = flow.y + LH;
    let bottom = top - ABOVE - (lines as f32 - 1.0) * LH - BELOW;
    flow.push(Item::Fill {
        x: LEFT,
        y: bottom,
        w: RIGHT - LEFT,
        h: top - bottom,
        grey: 0.88,
    });
    rule(flow, top, 0.3);
    for (i, cell) in cells.iter().enumerate() {
        for (k, line) in cell.iter().enumerate() {
            let y = top - ABOVE - k as f32 * LH;
            put(flow, LEFT + COLS[i] + PAD, y, Face::Bold, line);
        }
    }
    borders(flow, top, bottom);
    bottom
}

/// The schedule for entry `e`, when it has statements about a verslag.
pub fn schedule(ctx: &Ctx<'_>, flow: &mut Flow<'_>, e: &Entry) {
    let Some(v) = &e.data.verslag else {
        return;
    };
    if v.statements.is_empty() {
        return;
    }
    let lang = ctx.lang;
    let title = t(
        lang,
        "Verslag van de instantie tegenover mijn versie",
        "The agency's report against my version",
    );
    flow.ensure(LINE * 6.0);
    flow.gap(LINE * 0.3);
    flow.para(Face::Bold, 10.5, 0.0, title);
    // Which file the statements quote, and that it is the same file.
    let exhibit = ctx
        .sel
        .exhibits
        .iter()
        .position(|x| x.att.id == v.attachment_id);
    let file = match exhibit {
        Some(i) => {
            let x = &ctx.sel.exhibits[i];
            format!(
                "{} {} ({})",
                t(lang, "Het verslag is Bijlage", "The report is Exhibit"),
                x.label,
                x.att.filename
            )
        }
        None => t(
            lang,
            "Het verslag is niet als bijlage in dit overzicht opgenomen",
            "The report is not among the exhibits of this record",
        )
        .to_string(),
    };
    let same = exhibit.is_none_or(|i| ctx.sel.exhibits[i].att.sha256 == v.sha256);
    let mut about = format!("{file}; SHA-256 {}.", v.sha256);
    if !v.typed_text.is_empty() {
        about.push(' ');
        about.push_str(t(
            lang,
            "De tekst van het verslag is door de gebruiker overgetypt van een foto of scan.",
            "The report's text was typed over by the user from a photo or scan.",
        ));
    }
    if !same {
        about.push(' ');
        about.push_str(t(
            lang,
            "LET OP: het bestand heeft nu een andere SHA-256 dan toen deze uitspraken werden vastgelegd.",
            "NOTE: the file now has another SHA-256 than when these statements were recorded.",
        ));
    }
    let used = flow.labelled(None, Face::Regular, SIZE, 0.0, &about);
    if let (Some(i), true) = (exhibit, ctx.options.include_attachments) {
        flow.link_lines(&used[..1], Target::Exhibit(i));
    }
    flow.gap(LH * 0.6);
    let mut top = header_row(ctx, flow);
    let fonts = flow.fonts;
    for (n, s) in v.in_order().into_iter().enumerate() {
        let mut status = s.status.label(lang == Lang::Nl).to_string();
        if s.important {
            status = format!("{status}\n({})", t(lang, "belangrijk", "important"));
        }
        let refs = support(ctx, s);
        let texts = [
            (n + 1).to_string(),
            format!("„{}”", s.quote.trim()),
            status,
            s.my_version.trim().to_string(),
        ];
        let mut cells: Vec<Vec<String>> = texts
            .iter()
            .enumerate()
            .map(|(i, text)| wrap(fonts, Face::Regular, SIZE, text, width(i), 0.0))
            .collect();
        let ref_lines: Vec<Vec<String>> = refs
            .iter()
            .map(|r| wrap(fonts, Face::Regular, SIZE, &r.text, width(4), 0.0))
            .collect();
        let support_lines = ref_lines.iter().map(Vec::len).sum::<usize>().max(1);
        let room = ((TOP - BOTTOM) / LH) as usize - 8;
        let mut lines = cells
            .iter()
            .map(Vec::len)
            .max()
            .unwrap_or(1)
            .max(support_lines)
            // Room for the lawyer to write a word or two in every row.
            .max(2);
        if lines > room {
            // A statement longer than a page: cut, the dossier keeps it whole.
            for c in &mut cells {
                if c.len() > room {
                    c.truncate(room);
                    if let Some(last) = c.last_mut() {
                        last.push('…');
                    }
                }
            }
            lines = room;
        }
        let height = ABOVE + (lines as f32 - 1.0) * LH + BELOW;
        if top - height < BOTTOM - SIZE {
            flow.start_page();
            top = header_row(ctx, flow);
        }
        let base = top - ABOVE;
        for (i, cell) in cells.iter().enumerate() {
            let face = if i == 0 || (i == 2 && s.status.asks_correction()) {
                Face::Bold
            } else {
                Face::Regular
            };
            for (k, line) in cell.iter().enumerate() {
                put(flow, LEFT + COLS[i] + PAD, base - k as f32 * LH, face, line);
            }
        }
        let mut k = 0;
        for (r, wrapped) in refs.iter().zip(&ref_lines) {
            for line in wrapped.iter().take(lines.saturating_sub(k)) {
                let y = base - k as f32 * LH;
                put(flow, LEFT + COLS[4] + PAD, y, Face::Regular, line);
                if let Some(target) = r.target {
                    let w = fonts.width(Face::Regular, SIZE, line);
                    flow.y = y;
                    flow.link(LEFT + COLS[4] + PAD, w, SIZE, target);
                }
                k += 1;
            }
        }
        let bottom = top - height;
        // Cell borders: the lawyer writes in the empty last column.
        borders(flow, top, bottom);
        top = bottom;
    }
    flow.y = top - LINE;
    flow.gap(LH * 0.5);
}
