//! The embedded bundle font (Noto Sans, OFL, `assets/fonts/pdf/`) and text measurement
//! with its real glyph advances, so wrapping matches what is drawn.

use printpdf::ParsedFont;

use crate::error::{Error, Result};

const REGULAR: &[u8] = include_bytes!("../../../../assets/fonts/pdf/NotoSans-Regular.ttf");
const BOLD: &[u8] = include_bytes!("../../../../assets/fonts/pdf/NotoSans-Bold.ttf");
const ITALIC: &[u8] = include_bytes!("../../../../assets/fonts/pdf/NotoSans-Italic.ttf");

/// Which cut of the font a run of text uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    Regular,
    Bold,
    Italic,
}

/// The three parsed faces plus a cache of advances for the characters Dutch text uses
/// most, since measuring is the hot loop of layout.
#[derive(Debug)]
pub struct Fonts {
    pub regular: ParsedFont,
    pub bold: ParsedFont,
    pub italic: ParsedFont,
    /// Advance in 1/1000 em for code points below 0x250, per face.
    cache: [Vec<f32>; 3],
}

impl Fonts {
    pub fn load() -> Result<Fonts> {
        let parse = |bytes: &[u8], name: &str| {
            let mut warnings = Vec::new();
            ParsedFont::from_bytes(bytes, 0, &mut warnings)
                .ok_or_else(|| Error::Invalid(format!("the built-in font {name} cannot be read")))
        };
        let regular = parse(REGULAR, "Noto Sans Regular")?;
        let bold = parse(BOLD, "Noto Sans Bold")?;
        let italic = parse(ITALIC, "Noto Sans Italic")?;
        let table = |f: &ParsedFont| (0u32..0x250).map(|c| advance(f, c)).collect::<Vec<_>>();
        let cache = [table(&regular), table(&bold), table(&italic)];
        Ok(Fonts {
            regular,
            bold,
            italic,
            cache,
        })
    }

    pub fn face(&self, face: Face) -> &ParsedFont {
        match face {
            Face::Regular => &self.regular,
            Face::Bold => &self.bold,
            Face::Italic => &self.italic,
        }
    }

    /// The width of `text` in points at `size`.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let table = &self.cache[face as usize];
        let font = self.face(face);
        let milli: f32 = text
            .chars()
            .map(|c| match table.get(c as usize) {
                Some(w) => *w,
                None => advance(font, c as u32),
            })
            .sum();
        milli * size / 1000.0
    }
}

/// A character's advance in 1/1000 em; a character the font lacks is drawn as the
/// `.notdef` box (glyph 0), so it is measured as that box.
fn advance(font: &ParsedFont, c: u32) -> f32 {
    let upem = f32::from(font.font_metrics.units_per_em.max(1));
    let gid = font.lookup_glyph_index(c).unwrap_or(0);
    f32::from(font.get_horizontal_advance(gid)) * 1000.0 / upem
}

/// Whether every character of `text` has a glyph in the regular face (Arabic script,
/// for one, does not: it prints as boxes).
pub fn covers(fonts: &Fonts, text: &str) -> bool {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .all(|c| fonts.regular.lookup_glyph_index(c as u32).is_some())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a panic is the failure report
    use super::*;

    #[test]
    fn dutch_and_turkish_letters_have_glyphs_arabic_does_not() {
        let f = Fonts::load().unwrap();
        assert!(covers(&f, "é ë ï ö ç ß ğ ş € „ ” – Çağlar Özdemir"));
        assert!(!covers(&f, "محمد"));
        assert!(f.width(Face::Bold, 10.0, "WWW") > f.width(Face::Regular, 10.0, "iii"));
    }
}
