//! The embedded bundle font (Noto Sans, OFL, `assets/fonts/pdf/`): each face's
//! character map, glyph advances and descriptor metrics, read once with allsorts, so
//! text is measured with the advances it is drawn with (`canvas` embeds the faces).

use std::collections::HashMap;

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::tables::cmap::Cmap;
use allsorts::tables::os2::Os2;
use allsorts::tables::{FontTableProvider, HeadTable, HheaTable, HmtxTable, MaxpTable};
use allsorts::tag;

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

impl Face {
    pub const ALL: [Face; 3] = [Face::Regular, Face::Bold, Face::Italic];
}

/// What a PDF font descriptor says of a face, in its own font units.
#[derive(Debug, Clone, Copy)]
pub struct Metrics {
    pub units_per_em: u16,
    pub ascent: i16,
    pub descent: i16,
    /// OS/2 sCapHeight, or the ascent when the table has none.
    pub cap_height: i16,
    /// xMin, yMin, xMax, yMax from `head`.
    pub bbox: [i16; 4],
    /// hhea's caret slope (rise, run): upright is (1, 0).
    pub caret: (i16, i16),
    /// OS/2 usWeightClass (0 when absent).
    pub weight: u16,
}

/// One face, parsed into flat tables: measuring and drawing look characters up in
/// the hot loops of layout and rendering.
#[derive(Debug)]
pub struct FaceData {
    /// The sfnt program, subset by `canvas` when embedded.
    pub bytes: &'static [u8],
    /// PostScript name, for /BaseFont.
    pub name: &'static str,
    pub metrics: Metrics,
    /// Glyph of each code point of the Basic Multilingual Plane (0: none).
    bmp: Vec<u16>,
    /// Glyphs of the code points above it.
    astral: HashMap<u32, u16>,
    /// Advance of each glyph in font units.
    advances: Vec<u16>,
    /// Advance of each BMP code point in 1/1000 em (a missing one measures as the
    /// `.notdef` box it is drawn as).
    bmp_milli: Vec<f32>,
    /// Every printable ASCII character has a glyph.
    ascii: bool,
}

impl FaceData {
    fn parse(bytes: &'static [u8], name: &'static str) -> Option<FaceData> {
        let file = ReadScope::new(bytes).read::<FontData<'_>>().ok()?;
        let provider = file.table_provider(0).ok()?;
        let table = |t: u32| provider.read_table_data(t).ok();
        let head_data = table(tag::HEAD)?;
        let head = ReadScope::new(&head_data).read::<HeadTable>().ok()?;
        let maxp_data = table(tag::MAXP)?;
        let maxp = ReadScope::new(&maxp_data).read::<MaxpTable>().ok()?;
        let hhea_data = table(tag::HHEA)?;
        let hhea = ReadScope::new(&hhea_data).read::<HheaTable>().ok()?;
        let hmtx_data = table(tag::HMTX)?;
        let hmtx = ReadScope::new(&hmtx_data)
            .read_dep::<HmtxTable<'_>>((
                usize::from(maxp.num_glyphs),
                usize::from(hhea.num_h_metrics),
            ))
            .ok()?;
        let advances = (0..maxp.num_glyphs)
            .map(|g| hmtx.horizontal_advance(g).unwrap_or(0))
            .collect::<Vec<_>>();
        let cmap_data = table(tag::CMAP)?;
        let cmap = ReadScope::new(&cmap_data).read::<Cmap<'_>>().ok()?;
        let (_, subtable) = allsorts::font::read_cmap_subtable(&cmap).ok()??;
        let mut bmp = vec![0u16; 0x10000];
        let mut astral = HashMap::new();
        subtable
            .mappings_fn(|c, g| match bmp.get_mut(c as usize) {
                Some(slot) => *slot = g,
                None => {
                    astral.insert(c, g);
                }
            })
            .ok()?;
        let os2_data = table(tag::OS_2);
        let os2 = os2_data
            .as_deref()
            .and_then(|d| ReadScope::new(d).read_dep::<Os2>(d.len()).ok());
        let metrics = Metrics {
            units_per_em: head.units_per_em.max(1),
            ascent: hhea.ascender,
            descent: hhea.descender,
            cap_height: os2
                .as_ref()
                .and_then(|o| o.version2to4.as_ref())
                .map_or(hhea.ascender, |v| v.s_cap_height),
            bbox: [head.x_min, head.y_min, head.x_max, head.y_max],
            caret: (hhea.caret_slope_rise, hhea.caret_slope_run),
            weight: os2.map_or(0, |o| o.us_weight_class),
        };
        let upem = f32::from(metrics.units_per_em);
        let milli =
            |g: u16| f32::from(advances.get(usize::from(g)).copied().unwrap_or(0)) * 1000.0 / upem;
        let bmp_milli = bmp.iter().map(|&g| milli(g)).collect();
        let ascii = (0x21..0x7f).all(|c| bmp[c] != 0);
        Some(FaceData {
            bytes,
            name,
            metrics,
            bmp,
            astral,
            advances,
            bmp_milli,
            ascii,
        })
    }

    /// The glyph drawing `c`, if the face has one.
    pub fn glyph(&self, c: char) -> Option<u16> {
        let g = match self.bmp.get(c as usize) {
            Some(g) => *g,
            None => self.astral.get(&(c as u32)).copied().unwrap_or(0),
        };
        (g != 0).then_some(g)
    }

    /// A glyph's advance in font units.
    pub fn advance(&self, glyph: u16) -> u16 {
        self.advances.get(usize::from(glyph)).copied().unwrap_or(0)
    }

    fn milli(&self, c: char) -> f32 {
        match self.bmp_milli.get(c as usize) {
            Some(w) => *w,
            None => {
                let g = self.glyph(c).unwrap_or(0);
                f32::from(self.advance(g)) * 1000.0 / f32::from(self.metrics.units_per_em)
            }
        }
    }
}

/// The three faces.
#[derive(Debug)]
pub struct Fonts {
    faces: [FaceData; 3],
}

impl Fonts {
    pub fn load() -> Result<Fonts> {
        let parse = |bytes: &'static [u8], name: &'static str| {
            FaceData::parse(bytes, name)
                .ok_or_else(|| Error::Invalid(format!("the built-in font {name} cannot be read")))
        };
        Ok(Fonts {
            faces: [
                parse(REGULAR, "NotoSans-Regular")?,
                parse(BOLD, "NotoSans-Bold")?,
                parse(ITALIC, "NotoSans-Italic")?,
            ],
        })
    }

    pub fn face(&self, face: Face) -> &FaceData {
        &self.faces[face as usize]
    }

    /// The width of `text` in points at `size`.
    pub fn width(&self, face: Face, size: f32, text: &str) -> f32 {
        let f = self.face(face);
        let milli: f32 = text.chars().map(|c| f.milli(c)).sum();
        milli * size / 1000.0
    }
}

/// Whether every character of `text` has a glyph in the regular face (Arabic script,
/// for one, does not: it prints as boxes).
pub fn covers(fonts: &Fonts, text: &str) -> bool {
    let f = fonts.face(Face::Regular);
    // Most text is printable ASCII, which the face has whole: checked per byte.
    if f.ascii && text.bytes().all(|b| b == b' ' || b.is_ascii_graphic()) {
        return true;
    }
    text.chars()
        .filter(|c| !c.is_whitespace())
        .all(|c| f.glyph(c).is_some())
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
