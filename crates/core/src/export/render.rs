//! Draws the laid-out pages with printpdf: the running header and footer ("pagina X
//! van Y") on every page, then each page's text and lines, in reading order.

use printpdf::{
    Color, FontId, Greyscale, Line, LinePoint, Mm, Op, PaintMode, PdfDocument, PdfFontHandle,
    PdfPage, PdfSaveOptions, Point, Pt, Rect, TextItem,
};

use super::fonts::{Face, Fonts};
use super::layout::{Item, Page, LEFT, PAGE_H, PAGE_W, RIGHT};
use super::medical::marking;
use super::options::Lang;
use super::text::{short_date, t};
use super::Ctx;

struct Ids<'a> {
    regular: FontId,
    bold: FontId,
    italic: FontId,
    fonts: &'a Fonts,
    /// Set when a drawn character has no glyph: it prints as `.notdef`, which PDF/A
    /// forbids (ISO 19005-2, 6.2.11.8), so the bundle must not claim conformance.
    notdef: std::cell::Cell<bool>,
}

impl Ids<'_> {
    fn get(&self, face: Face) -> PdfFontHandle {
        PdfFontHandle::External(match face {
            Face::Regular => self.regular.clone(),
            Face::Bold => self.bold.clone(),
            Face::Italic => self.italic.clone(),
        })
    }
}

fn text(ops: &mut Vec<Op>, ids: &Ids<'_>, face: Face, size: f32, x: f32, y: f32, s: &str) {
    // Noto Sans has every ASCII glyph; only other characters need the lookup.
    if !ids.notdef.get()
        && s.chars().any(|c| {
            !c.is_ascii()
                && !c.is_whitespace()
                && ids.fonts.face(face).lookup_glyph_index(c as u32).is_none()
        })
    {
        ids.notdef.set(true);
    }
    ops.push(Op::StartTextSection);
    ops.push(Op::SetFont {
        font: ids.get(face),
        size: Pt(size),
    });
    ops.push(Op::SetTextCursor {
        pos: Point { x: Pt(x), y: Pt(y) },
    });
    ops.push(Op::ShowText {
        items: vec![TextItem::Text(s.to_string())],
    });
    ops.push(Op::EndTextSection);
}

fn grey(g: f32) -> Color {
    Color::Greyscale(Greyscale {
        percent: g,
        icc_profile: None,
    })
}

fn line(ops: &mut Vec<Op>, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
    ops.push(Op::SetOutlineThickness { pt: Pt(width) });
    ops.push(Op::DrawLine {
        line: Line {
            points: vec![
                LinePoint {
                    p: Point {
                        x: Pt(x1),
                        y: Pt(y1),
                    },
                    bezier: false,
                },
                LinePoint {
                    p: Point {
                        x: Pt(x2),
                        y: Pt(y2),
                    },
                    bezier: false,
                },
            ],
            is_closed: false,
        },
    });
}

fn right_aligned(fonts: &Fonts, face: Face, size: f32, s: &str) -> f32 {
    RIGHT - fonts.width(face, size, s)
}

/// Header, body, footer: the order text is extracted in.
fn page_ops(
    ctx: &Ctx<'_>,
    fonts: &Fonts,
    ids: &Ids<'_>,
    page: &Page,
    no: usize,
    total: usize,
    title: &str,
) -> Vec<Op> {
    let lang = ctx.lang;
    let mut ops = Vec::new();
    let head_y = PAGE_H - 40.0;
    let left = if page.medical {
        marking(lang).to_uppercase()
    } else {
        title.to_string()
    };
    let face = if page.medical {
        Face::Bold
    } else {
        Face::Regular
    };
    text(&mut ops, ids, face, 8.0, LEFT, head_y, &left);
    let who = ctx
        .options
        .cover_person
        .as_ref()
        .map(|p| p.name.trim().to_string())
        .filter(|n| !n.is_empty());
    let right = match (page.header_note.is_empty(), who) {
        (false, _) => page.header_note.clone(),
        (true, Some(name)) => name,
        (true, None) => String::new(),
    };
    if !right.is_empty() {
        let f = if page.header_note.is_empty() {
            Face::Regular
        } else {
            Face::Bold
        };
        text(
            &mut ops,
            ids,
            f,
            8.0,
            right_aligned(fonts, f, 8.0, &right),
            head_y,
            &right,
        );
    }
    line(&mut ops, LEFT, head_y - 6.0, RIGHT, head_y - 6.0, 0.4);

    for item in &page.items {
        match item {
            Item::Text {
                x,
                y,
                face,
                size,
                text: s,
            } => text(&mut ops, ids, *face, *size, *x, *y, s),
            Item::Rule {
                x1,
                y1,
                x2,
                y2,
                width,
            } => line(&mut ops, *x1, *y1, *x2, *y2, *width),
            Item::Fill {
                x,
                y,
                w,
                h,
                grey: g,
            } => {
                ops.push(Op::SetFillColor { col: grey(*g) });
                ops.push(Op::DrawRectangle {
                    rectangle: Rect {
                        x: Pt(*x),
                        y: Pt(*y),
                        width: Pt(*w),
                        height: Pt(*h),
                        mode: Some(PaintMode::Fill),
                        winding_order: None,
                    },
                });
                ops.push(Op::SetFillColor { col: grey(0.0) });
            }
        }
    }

    let foot_y = 34.0;
    line(&mut ops, LEFT, foot_y + 12.0, RIGHT, foot_y + 12.0, 0.4);
    let made = match lang {
        Lang::Nl => format!("Gemaakt op {} met Dossierkluis", short_date(ctx.made_on)),
        Lang::En => format!("Made on {} with Dossierkluis", short_date(ctx.made_on)),
    };
    text(&mut ops, ids, Face::Regular, 8.0, LEFT, foot_y, &made);
    let n = format!(
        "{} {no} {} {total}",
        t(lang, "pagina", "page"),
        t(lang, "van", "of")
    );
    text(
        &mut ops,
        ids,
        Face::Regular,
        8.0,
        right_aligned(fonts, Face::Regular, 8.0, &n),
        foot_y,
        &n,
    );
    ops
}

/// What printpdf wrote: images and attached PDF pages are placed after.
pub struct Drawn {
    /// The PDF, its streams not yet compressed (finishing compresses each once).
    pub bytes: Vec<u8>,
    /// Every drawn character had a glyph (no `.notdef`, as PDF/A asks).
    pub every_glyph: bool,
}

/// The PDF as printpdf writes it; images and attached PDF pages are placed after.
pub fn render(ctx: &Ctx<'_>, fonts: &Fonts, pages: &[Page], title: &str) -> Drawn {
    let mut doc = PdfDocument::new(title);
    // Fixed font names instead of printpdf's random ones (they also become the
    // subset tags, six capitals): the same dossier gives the same bytes.
    let mut add = |tag: &str, font: &printpdf::ParsedFont| {
        let id = FontId(tag.to_string());
        doc.resources
            .fonts
            .map
            .insert(id.clone(), printpdf::PdfFont::new(font.clone()));
        id
    };
    let ids = Ids {
        regular: add("DKREGU", &fonts.regular),
        bold: add("DKBOLD", &fonts.bold),
        italic: add("DKITAL", &fonts.italic),
        fonts,
        notdef: std::cell::Cell::new(false),
    };
    let total = pages.len();
    let out: Vec<PdfPage> = pages
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let ops = page_ops(ctx, fonts, &ids, p, i + 1, total, title);
            PdfPage::new(Mm::from(Pt(PAGE_W)), Mm::from(Pt(PAGE_H)), ops)
        })
        .collect();
    let mut warnings = Vec::new();
    // Not optimised here: printpdf would deflate every stream at its slowest level,
    // and finishing reads the file back and compresses once, faster (merge.rs).
    let options = PdfSaveOptions {
        image_optimization: None,
        optimize: false,
        ..PdfSaveOptions::default()
    };
    let bytes = doc.with_pages(out).save(&options, &mut warnings);
    Drawn {
        bytes,
        every_glyph: !ids.notdef.get(),
    }
}
