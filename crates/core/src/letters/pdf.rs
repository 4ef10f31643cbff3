//! The letter as an A4 PDF with the bundle's font and wrapping (`crate::export`'s
//! fonts and layout), placed for a Dutch window envelope.
//!
//! Layout (NEN 1026 style, address window on the LEFT): the recipient's address block
//! starts 22 mm from the left edge and its first line sits 55 mm from the top, at most
//! six lines within 85 mm by 30 mm, so it shows in the left window of the usual
//! envelopes for an A4 folded in three (EA5/6 and C5/6: window about 20 mm from the
//! left, 45–90 mm from the top of the sheet). A one-line return address sits just
//! above it; the sender block is at the top right, outside the window. Place and date
//! follow at 100 mm, below the window; fold marks at 99 and 198 mm. Every page says
//! "pagina X van Y".

use lopdf::{dictionary, Object};

use super::compose::Letter;
use crate::error::{Error, Result};
use crate::export::canvas::{text_string, Canvas};
use crate::export::fonts::{Face, Fonts};
use crate::export::layout::{wrap, PAGE_H, PAGE_W};

const MM: f32 = 72.0 / 25.4;
const LEFT: f32 = 22.0 * MM;
const RIGHT: f32 = PAGE_W - 20.0 * MM;
const WIDTH: f32 = RIGHT - LEFT;
const SIZE: f32 = 11.0;
const LINE: f32 = 15.0;
/// The longest list item kept on one page; a longer one may break like a paragraph.
const MAX_KEPT_LINES: usize = 8;
/// Lowest baseline of body text; the footer is below it.
const BOTTOM: f32 = 25.0 * MM;
/// First baseline on pages after the first (below the running header).
const TOP_NEXT: f32 = PAGE_H - 25.0 * MM;

fn from_top(mm: f32) -> f32 {
    PAGE_H - mm * MM
}

#[derive(Debug, Clone)]
enum Item {
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        text: String,
    },
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
    },
}

struct Pages<'a> {
    fonts: &'a Fonts,
    pages: Vec<Vec<Item>>,
    y: f32,
}

impl Pages<'_> {
    fn text(&mut self, x: f32, y: f32, face: Face, size: f32, text: &str) {
        if let Some(p) = self.pages.last_mut() {
            p.push(Item::Text {
                x,
                y,
                face,
                size,
                text: text.to_string(),
            });
        }
    }

    fn ensure(&mut self, height: f32) {
        if self.y - height < BOTTOM {
            self.pages.push(Vec::new());
            self.y = TOP_NEXT;
        }
    }

    /// One wrapped line of body text at `indent`, on this or a new page.
    fn line(&mut self, indent: f32, face: Face, text: &str) {
        self.ensure(LINE);
        let y = self.y;
        self.text(LEFT + indent, y, face, SIZE, text);
        self.y -= LINE;
    }

    /// A paragraph: plain lines wrap to the width; "- " items and "1. " grounds hang.
    fn para(&mut self, p: &str, face: Face) {
        for raw in p.split('\n') {
            let (marker, rest) = list_marker(raw);
            let indent = if marker.is_empty() { 0.0 } else { 7.0 * MM };
            let wrapped = wrap(self.fonts, face, SIZE, rest, WIDTH - indent, 0.0);
            // A numbered or bulleted item (a ground, an enclosure) is read as one: it
            // moves to the next page whole rather than break after its first line.
            if !marker.is_empty() && wrapped.len() <= MAX_KEPT_LINES {
                self.ensure(LINE * wrapped.len() as f32);
            }
            for (i, l) in wrapped.iter().enumerate() {
                if i == 0 && !marker.is_empty() {
                    self.ensure(LINE);
                    let y = self.y;
                    self.text(LEFT, y, face, SIZE, &marker);
                }
                self.line(indent, face, l);
            }
        }
        self.y -= LINE * 0.6;
    }
}

/// "- item" → ("•", "item"); "12. ground" → ("12.", "ground"); else no marker.
fn list_marker(line: &str) -> (String, &str) {
    if let Some(rest) = line.strip_prefix("- ") {
        return ("•".into(), rest);
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    if digits > 0 && digits < 4 && line[digits..].starts_with(". ") {
        return (line[..digits + 1].to_string(), &line[digits + 2..]);
    }
    (String::new(), line)
}

/// Cuts `text` to fit `width` (the one-line return address).
fn fit(fonts: &Fonts, size: f32, text: &str, width: f32) -> String {
    let mut s = text.to_string();
    while fonts.width(Face::Regular, size, &s) > width && s.chars().count() > 1 {
        s.pop();
    }
    s
}

fn lay_out(fonts: &Fonts, l: &Letter) -> Vec<Vec<Item>> {
    let mut pg = Pages {
        fonts,
        pages: vec![Vec::new()],
        y: 0.0,
    };
    // Fold marks for an A4 folded in three.
    for mm in [99.0, 198.0] {
        let y = from_top(mm);
        if let Some(p) = pg.pages.last_mut() {
            p.push(Item::Rule {
                x1: 0.0,
                y1: y,
                x2: 5.0 * MM,
                y2: y,
            });
        }
    }
    // Sender, top right.
    let sender_x = 125.0 * MM;
    let mut y = from_top(20.0);
    for (i, s) in l.sender.iter().filter(|s| !s.is_empty()).enumerate() {
        let face = if i == 0 { Face::Bold } else { Face::Regular };
        let s = fit(fonts, 9.5, s, RIGHT - sender_x);
        pg.text(sender_x, y, face, 9.5, &s);
        y -= 12.5;
    }
    // Return address and the recipient, in the window.
    let back: Vec<&str> = l
        .sender
        .iter()
        .take(3)
        .map(String::as_str)
        .filter(|s| !s.is_empty())
        .collect();
    let back = fit(fonts, 6.5, &back.join(", "), 85.0 * MM);
    pg.text(LEFT, from_top(50.0), Face::Regular, 6.5, &back);
    let mut y = from_top(55.0);
    for s in l.recipient.iter().filter(|s| !s.is_empty()).take(6) {
        let s = fit(fonts, 10.5, s, 85.0 * MM);
        pg.text(LEFT, y, Face::Regular, 10.5, &s);
        y -= 13.0;
    }
    // Place and date, subject, references.
    pg.y = from_top(100.0);
    let pd = l.place_date.clone();
    pg.line(0.0, Face::Regular, &pd);
    pg.y -= LINE;
    let label = "Betreft: ";
    let label_w = fonts.width(Face::Bold, SIZE, label);
    let subject = wrap(fonts, Face::Bold, SIZE, &l.subject, WIDTH - label_w, 0.0);
    for (i, s) in subject.iter().enumerate() {
        if i == 0 {
            let y = pg.y;
            pg.text(LEFT, y, Face::Bold, SIZE, label);
        }
        pg.line(label_w, Face::Bold, s);
    }
    for r in &l.references {
        pg.line(label_w, Face::Regular, r);
    }
    pg.y -= LINE;
    for p in &l.body {
        pg.para(p, Face::Regular);
    }
    // Closing and signature, kept together.
    pg.ensure(LINE * 5.0);
    pg.line(0.0, Face::Regular, &l.closing);
    pg.y -= LINE * 2.2;
    pg.ensure(LINE * 2.0);
    let y = pg.y + 4.0;
    if let Some(p) = pg.pages.last_mut() {
        p.push(Item::Rule {
            x1: LEFT,
            y1: y,
            x2: LEFT + 70.0 * MM,
            y2: y,
        });
    }
    pg.y -= 8.0;
    let signer = l.signer.clone();
    pg.line(0.0, Face::Regular, &signer);
    if !l.enclosures.is_empty() {
        pg.y -= LINE;
        // The heading stays with its first item, however many lines that item takes.
        let first = wrap(
            fonts,
            Face::Regular,
            SIZE,
            &l.enclosures[0],
            WIDTH - 7.0 * MM,
            0.0,
        );
        pg.ensure(LINE * (1 + first.len().min(MAX_KEPT_LINES)) as f32);
        pg.line(0.0, Face::Bold, "Bijlagen");
        for (i, e) in l.enclosures.iter().enumerate() {
            pg.para(&format!("{}. {e}", i + 1), Face::Regular);
            pg.y += LINE * 0.6;
        }
    }
    pg.pages
}

pub fn render(l: &Letter) -> Result<Vec<u8>> {
    let fonts = Fonts::load()?;
    let pages = lay_out(&fonts, l);
    let mut canvas = Canvas::new(&fonts);
    let total = pages.len();
    for (i, items) in pages.iter().enumerate() {
        if i > 0 {
            let head = format!("{} — {} — {}", l.signer, l.subject, l.place_date);
            let head = fit(&fonts, 8.0, &head, WIDTH);
            canvas.text(Face::Italic, 8.0, LEFT, from_top(15.0), &head);
        }
        for item in items {
            match item {
                Item::Text {
                    x,
                    y,
                    face,
                    size,
                    text,
                } => canvas.text(*face, *size, *x, *y, text),
                Item::Rule { x1, y1, x2, y2 } => canvas.line(*x1, *y1, *x2, *y2, 0.6),
            }
        }
        let n = format!("pagina {} van {total}", i + 1);
        let x = RIGHT - fonts.width(Face::Regular, 8.5, &n);
        canvas.text(Face::Regular, 8.5, x, 12.0 * MM, &n);
        canvas.end_page(PAGE_W, PAGE_H);
    }
    let mut doc = canvas.finish()?.doc;
    let info = doc.add_object(dictionary! {
        "Title" => text_string(&l.subject),
        "Creator" => Object::string_literal("Dossierkluis"),
    });
    doc.trailer.set("Info", info);
    let mut out = Vec::new();
    doc.save_to(&mut out)
        .map_err(|e| Error::io("write the letter", e))?;
    Ok(out)
}
