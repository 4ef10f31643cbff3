//! The bundle's faces embedded in the PDF: each subset to the glyphs drawn, as a
//! Type0 font over a CIDFontType2 with its widths and a ToUnicode map, so the text
//! extracts as written.

use allsorts::binary::read::ReadScope;
use allsorts::font_data::FontData;
use allsorts::subset::{CmapTarget, SubsetProfile};
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, StringFormat};

use super::canvas::{deflate, packed};
use super::fonts::FaceData;
use crate::error::{Error, Result};

/// A face's glyphs in the order of first use: code `i + 1` draws `glyphs[i]`, which
/// is also its glyph id in the subset (0 stays `.notdef`).
#[derive(Default)]
pub struct Used {
    /// Original glyph id → code, 0 while unused.
    pub codes: Vec<u16>,
    /// Per code − 1: the original glyph and the character it extracts as.
    pub glyphs: Vec<(u16, char)>,
}

fn font_error(what: impl std::fmt::Display) -> Error {
    Error::Invalid(format!("the built-in font cannot be embedded: {what}"))
}

/// The subset font program: glyph 0 first, then the used glyphs in code order, so a
/// glyph's position is its code (allsorts numbers the subset by that position).
fn subset(face: &FaceData, used: &Used) -> Result<Vec<u8>> {
    let file = ReadScope::new(face.bytes)
        .read::<FontData<'_>>()
        .map_err(font_error)?;
    let provider = file.table_provider(0).map_err(font_error)?;
    let ids: Vec<u16> = std::iter::once(0)
        .chain(used.glyphs.iter().map(|(g, _)| *g))
        .collect();
    allsorts::subset::subset(&provider, &ids, &SubsetProfile::Pdf, CmapTarget::Unicode)
        .map_err(font_error)
}

/// Code → text for extraction (ISO 32000-1, 9.10.3), in blocks of at most 100.
fn to_unicode(tag: &str, used: &Used) -> Vec<u8> {
    let mut s = format!(
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n\
         /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n\
         /CMapName /{tag}-UCS def\n/CMapType 2 def\n\
         1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
    );
    for (block, chunk) in used.glyphs.chunks(100).enumerate() {
        s += &format!("{} beginbfchar\n", chunk.len());
        for (i, (_, c)) in chunk.iter().enumerate() {
            let code = block * 100 + i + 1;
            s += &format!("<{code:04X}> <");
            for unit in c.encode_utf16(&mut [0; 2]) {
                s += &format!("{unit:04X}");
            }
            s += ">\n";
        }
        s += "endbfchar\n";
    }
    s += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    s.into_bytes()
}

/// A Type0 font over a CIDFontType2 (TrueType outlines, CIDs are subset glyph ids).
pub fn embed(doc: &mut Document, face: &FaceData, tag: &str, used: &Used) -> Result<ObjectId> {
    let program = subset(face, used)?;
    let m = face.metrics;
    let upem = i64::from(m.units_per_em);
    let scale = |v: i16| (f32::from(v) * 1000.0 / f32::from(m.units_per_em)).round() as i64;
    let name = format!("{tag}+{}", face.name);
    let length1 = i64::try_from(program.len()).unwrap_or(i64::MAX);
    let file = doc.add_object(packed(
        dictionary! { "Length1" => length1 },
        deflate(&program),
    ));
    // Italic is read from the caret slope; the angle is counter-clockwise from
    // vertical, so an italic face's is negative.
    let italic_angle = if m.caret.0 == 0 {
        0
    } else {
        (-f32::from(m.caret.1)
            .atan2(f32::from(m.caret.0))
            .to_degrees())
        .round() as i64
    };
    // Non-symbolic (Latin text), plus italic.
    let flags = 32 | if italic_angle == 0 { 0 } else { 64 };
    // No font table has the stem width: estimated from the weight class, as PDF
    // producers usually do (about 88 at 400, 166 at 700).
    let stem_v = if m.weight == 0 {
        80
    } else {
        50 + (f32::from(m.weight) / 65.0).powi(2).round() as i64
    };
    let descriptor = doc.add_object(dictionary! {
        "Type" => "FontDescriptor",
        "FontName" => Object::Name(name.clone().into_bytes()),
        "Ascent" => scale(m.ascent),
        "Descent" => scale(m.descent),
        "CapHeight" => scale(m.cap_height),
        "ItalicAngle" => italic_angle,
        "Flags" => flags,
        "StemV" => stem_v,
        "FontBBox" => m.bbox.iter().map(|v| Object::Integer(scale(*v))).collect::<Vec<_>>(),
        "FontFile2" => file,
    });
    let widths: Vec<Object> = used
        .glyphs
        .iter()
        .map(|(g, _)| Object::Integer(i64::from(face.advance(*g)) * 1000 / upem))
        .collect();
    let cid_font = dictionary! {
        "Type" => "Font",
        "Subtype" => "CIDFontType2",
        "BaseFont" => Object::Name(name.clone().into_bytes()),
        "CIDSystemInfo" => dictionary! {
            "Registry" => Object::String(b"Adobe".to_vec(), StringFormat::Literal),
            "Ordering" => Object::String(b"Identity".to_vec(), StringFormat::Literal),
            "Supplement" => 0,
        },
        "W" => vec![1.into(), Object::Array(widths)],
        "DW" => 1000,
        "CIDToGIDMap" => "Identity",
        "FontDescriptor" => descriptor,
    };
    let unicode = doc.add_object(packed(Dictionary::new(), deflate(&to_unicode(tag, used))));
    Ok(doc.add_object(dictionary! {
        "Type" => "Font",
        "Subtype" => "Type0",
        "BaseFont" => Object::Name(name.into_bytes()),
        "Encoding" => "Identity-H",
        "DescendantFonts" => vec![Object::Dictionary(cid_font)],
        "ToUnicode" => unicode,
    }))
}
