//! The table of contents after the cover: one row per entry of the main part (number,
//! date, kind, who, title, exhibits, page), so a reader on paper finds an entry in one
//! look; in the PDF each row links to its block and each exhibit number to the exhibit.
//! Medical entries are not listed here: the annex at the end can then be taken out
//! whole, and the first pages never name them.

use super::fonts::{Face, Fonts};
use super::layout::{Flow, Item, Target, BOTTOM, LEFT, LINE, RIGHT, SMALL};
use super::text::{kind_label, short_date, t};
use super::Ctx;

/// Left edge of each column, from LEFT: number, date, kind, who, title, exhibits.
const COLS: [f32; 6] = [0.0, 22.0, 70.0, 170.0, 262.0, 418.0];
/// Width of the page column at the right.
const PAGE_COL: f32 = 30.0;
const ROW: f32 = LINE * 0.85;
const SIZE: f32 = SMALL;

/// `s` cut to `width` points, with "…" when cut. Widths are sums of character
/// advances, so one pass adds them up (this runs for every cell of every row).
fn fit(fonts: &Fonts, face: Face, s: &str, width: f32) -> String {
    let s = s.trim();
    if fonts.width(face, SIZE, s) <= width {
        return s.to_string();
    }
    let room = width - fonts.width(face, SIZE, "…");
    let mut used = 0.0;
    let mut end = 0;
    for (i, c) in s.char_indices() {
        used += fonts.width(face, SIZE, c.encode_utf8(&mut [0; 4]));
        if used > room {
            break;
        }
        end = i + c.len_utf8();
    }
    format!("{}…", s[..end].trim_end())
}

fn header(ctx: &Ctx<'_>, flow: &mut Flow<'_>) {
    let lang = ctx.lang;
    let names = [
        t(lang, "Nr.", "No."),
        t(lang, "Datum", "Date"),
        t(lang, "Soort", "Kind"),
        t(lang, "Wie", "Who"),
        t(lang, "Titel", "Title"),
        t(lang, "Bijlagen", "Exhibits"),
    ];
    flow.ensure(ROW * 3.0);
    for (x, name) in COLS.iter().zip(names) {
        flow.text_at(LEFT + x, Face::Bold, SIZE, name);
    }
    let page = t(lang, "Blz.", "Page");
    let w = flow.fonts.width(Face::Bold, SIZE, page);
    flow.text_at(RIGHT - w, Face::Bold, SIZE, page);
    let y = flow.y - 3.0;
    flow.push(Item::Rule {
        x1: LEFT,
        y1: y,
        x2: RIGHT,
        y2: y,
        width: 0.4,
    });
    flow.gap(ROW * 1.2);
}

pub fn toc(ctx: &Ctx<'_>, flow: &mut Flow<'_>) {
    let lang = ctx.lang;
    let title = t(lang, "Inhoudsopgave", "Table of contents");
    flow.mark(title);
    flow.para(Face::Bold, 15.0, 0.0, title);
    flow.gap(3.0);
    flow.para(
        Face::Regular,
        SIZE + 1.0,
        0.0,
        t(
            lang,
            "Elke registratie op één regel, in de volgorde van het overzicht. In de PDF brengt een klik op een regel u naar de registratie, en een klik op een bijlagenummer naar die bijlage.",
            "Each entry on one line, in the order of the record. In the PDF, clicking a line takes you to the entry, and clicking an exhibit number to that exhibit.",
        ),
    );
    flow.gap(LINE * 0.5);
    header(ctx, flow);
    let fonts = flow.fonts;
    for e in &ctx.sel.main {
        if flow.y - ROW < BOTTOM {
            flow.start_page();
            header(ctx, flow);
        }
        let no = super::exhibits::entry_ref(ctx, e, false);
        // Names only: the role and organisation are in the block.
        let who = e
            .data
            .people
            .iter()
            .filter_map(|p| ctx.sel.people.get(&p.person_id))
            .map(|p| p.name.trim())
            .collect::<Vec<_>>()
            .join("; ");
        let who = if who.is_empty() {
            e.data.organisation.clone()
        } else {
            who
        };
        let mut title = e.data.title.trim().to_string();
        if e.deleted_at.is_some() {
            title = format!("({}) {title}", t(lang, "verwijderd", "deleted"));
        }
        let cells = [
            no,
            short_date(e.data.occurred_on),
            kind_label(lang, e.data.kind).to_string(),
            who,
            title,
        ];
        for (i, cell) in cells.iter().enumerate() {
            let width = COLS[i + 1] - COLS[i] - 4.0;
            let face = if i == 0 { Face::Bold } else { Face::Regular };
            flow.text_at(LEFT + COLS[i], face, SIZE, &fit(fonts, face, cell, width));
        }
        let exhibit_links = exhibit_cell(ctx, flow, e.id);
        let page = ctx.entry_pages.get(&e.id);
        if let Some(page) = page {
            let s = page.to_string();
            let w = fonts.width(Face::Regular, SIZE, &s);
            flow.text_at(RIGHT - w, Face::Regular, SIZE, &s);
        }
        // The row leads to the block: one link across it, or, around exhibit numbers
        // that link to their exhibits, one up to them and one over the page number.
        if exhibit_links {
            flow.link(LEFT, COLS[5] - 4.0, SIZE, Target::Entry(e.id));
            if page.is_some() {
                flow.link(RIGHT - PAGE_COL, PAGE_COL, SIZE, Target::Entry(e.id));
            }
        } else {
            flow.link(LEFT, RIGHT - LEFT, SIZE, Target::Entry(e.id));
        }
        flow.gap(ROW);
    }
    if !ctx.sel.medical.is_empty() {
        flow.gap(ROW);
        flow.para(
            Face::Italic,
            SIZE + 1.0,
            0.0,
            t(
                lang,
                "De medische registraties staan in een aparte bijlage achteraan, met een eigen nummering (M1, M2, …).",
                "The medical entries are in a separate annex at the end, numbered on their own (M1, M2, …).",
            ),
        );
    }
}

/// The exhibit numbers of entry `id`, each its own link when the originals are in;
/// says whether any link was made.
fn exhibit_cell(ctx: &Ctx<'_>, flow: &mut Flow<'_>, id: i64) -> bool {
    let fonts = flow.fonts;
    let mut x = LEFT + COLS[5];
    let end = RIGHT - PAGE_COL - 2.0;
    let sep = ", ";
    let numbers: Vec<usize> = (0..ctx.sel.exhibits.len())
        .filter(|&i| ctx.sel.exhibits[i].entry.id == id)
        .collect();
    let mut linked = false;
    for (n, &i) in numbers.iter().enumerate() {
        let label = ctx.sel.exhibits[i].label.clone();
        let text = if n + 1 < numbers.len() {
            format!("{label}{sep}")
        } else {
            label.clone()
        };
        let w = fonts.width(Face::Regular, SIZE, &text);
        if x + w > end {
            flow.text_at(x, Face::Regular, SIZE, "…");
            break;
        }
        flow.text_at(x, Face::Regular, SIZE, &text);
        if ctx.options.include_attachments {
            let lw = fonts.width(Face::Regular, SIZE, &label);
            flow.link(x, lw, SIZE, Target::Exhibit(i));
            linked = true;
        }
        x += w;
    }
    linked
}
