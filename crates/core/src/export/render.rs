//! Draws the laid-out pages onto the canvas: the running header and footer ("pagina
//! X van Y") on every page, then each page's text and lines, in reading order.

use super::canvas::{Canvas, Drawn};
use super::fonts::{Face, Fonts};
use super::layout::{Item, Page, LEFT, PAGE_H, PAGE_W, RIGHT};
use super::medical::marking;
use super::options::Lang;
use super::text::{short_date, t};
use super::Ctx;
use crate::error::Result;

fn right_aligned(fonts: &Fonts, face: Face, size: f32, s: &str) -> f32 {
    RIGHT - fonts.width(face, size, s)
}

/// What every page shares: the header's title or name and the footer's date line.
struct Running<'a> {
    title: &'a str,
    medical: String,
    who: Option<String>,
    made: String,
}

/// Header, body, footer: the order text is extracted in.
fn page(
    ctx: &Ctx<'_>,
    fonts: &Fonts,
    canvas: &mut Canvas<'_>,
    run: &Running<'_>,
    page: &Page,
    no: usize,
    total: usize,
) {
    let head_y = PAGE_H - 40.0;
    let (left, face) = if page.medical {
        (run.medical.as_str(), Face::Bold)
    } else {
        (run.title, Face::Regular)
    };
    canvas.text(face, 8.0, LEFT, head_y, left);
    let right = match (page.header_note.is_empty(), &run.who) {
        (false, _) => Some(page.header_note.as_str()),
        (true, Some(name)) => Some(name.as_str()),
        (true, None) => None,
    };
    if let Some(right) = right {
        let f = if page.header_note.is_empty() {
            Face::Regular
        } else {
            Face::Bold
        };
        let x = right_aligned(fonts, f, 8.0, right);
        canvas.text(f, 8.0, x, head_y, right);
    }
    canvas.line(LEFT, head_y - 6.0, RIGHT, head_y - 6.0, 0.4);

    for item in &page.items {
        match item {
            Item::Text {
                x,
                y,
                face,
                size,
                text: s,
            } => canvas.text(*face, *size, *x, *y, s),
            Item::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
            } => canvas.line(*x1, *y1, *x2, *y2, *width),
            Item::Fill { x, y, w, h, grey } => canvas.fill(*x, *y, *w, *h, *grey),
        }
    }

    let foot_y = 34.0;
    canvas.line(LEFT, foot_y + 12.0, RIGHT, foot_y + 12.0, 0.4);
    canvas.text(Face::Regular, 8.0, LEFT, foot_y, &run.made);
    let n = format!(
        "{} {no} {} {total}",
        t(ctx.lang, "pagina", "page"),
        t(ctx.lang, "van", "of")
    );
    let x = right_aligned(fonts, Face::Regular, 8.0, &n);
    canvas.text(Face::Regular, 8.0, x, foot_y, &n);
    canvas.end_page(PAGE_W, PAGE_H);
}

/// The bundle's own pages; images and attached PDF pages are placed after (merge.rs).
/// Each page's items are dropped once drawn: the text is then held once, deflated,
/// not also as the layout's strings.
pub fn render(ctx: &Ctx<'_>, fonts: &Fonts, pages: &mut [Page], title: &str) -> Result<Drawn> {
    let made = match ctx.lang {
        Lang::Nl => format!("Gemaakt op {} met Dossierkluis", short_date(ctx.made_on)),
        Lang::En => format!("Made on {} with Dossierkluis", short_date(ctx.made_on)),
    };
    let run = Running {
        title,
        medical: marking(ctx.lang).to_uppercase(),
        who: ctx
            .options
            .cover_person
            .as_ref()
            .map(|p| p.name.trim().to_string())
            .filter(|n| !n.is_empty()),
        made,
    };
    let mut canvas = Canvas::new(fonts);
    let total = pages.len();
    for (i, p) in pages.iter_mut().enumerate() {
        page(ctx, fonts, &mut canvas, &run, p, i + 1, total);
        p.items = Vec::new();
    }
    canvas.finish()
}
