//! The originals as the package holds them: pictures without their metadata (EXIF,
//! XMP, IPTC, comments; orientation applied first), every other file byte for byte;
//! and the file names, numbered by exhibit and safe on every system.

use std::io::Cursor;

use image::metadata::Orientation;
use image::{DynamicImage, ImageFormat};

use crate::export::strip;

/// The copy of `bytes` for the package and whether it differs from the original
/// (metadata removed). A picture that does not decode stays as it is, except that a
/// JPEG's metadata segments still go when its structure parses.
pub fn clean(bytes: &[u8]) -> (Vec<u8>, bool) {
    let copy = match image::guess_format(bytes) {
        Ok(ImageFormat::Jpeg) => jpeg(bytes),
        Ok(f @ (ImageFormat::Png | ImageFormat::WebP)) => reencoded(bytes, f),
        _ => None,
    };
    match copy {
        Some(c) if c != bytes => (c, true),
        _ => (bytes.to_vec(), false),
    }
}

/// An upright JPEG loses its metadata segments and keeps its image data; a turned one
/// is turned upright and encoded again, as the orientation lives in the EXIF that goes.
fn jpeg(bytes: &[u8]) -> Option<Vec<u8>> {
    match crate::picture::decode(bytes, ImageFormat::Jpeg) {
        Ok((img, Some(o))) if o != Orientation::NoTransforms => {
            let mut img = img;
            img.apply_orientation(o);
            let rgb = DynamicImage::ImageRgb8(img.to_rgb8());
            let mut out = Vec::new();
            let enc = image::codecs::jpeg::JpegEncoder::new_with_quality(&mut out, 92);
            rgb.write_with_encoder(enc).ok()?;
            Some(out)
        }
        _ => strip::jpeg(bytes).map(|(clean, _)| clean),
    }
}

/// PNG and WebP are decoded and written again from the pixels, which carry no metadata.
fn reencoded(bytes: &[u8], format: ImageFormat) -> Option<Vec<u8>> {
    let (mut img, orientation) = crate::picture::decode(bytes, format).ok()?;
    if let Some(o) = orientation {
        img.apply_orientation(o);
    }
    let mut out = Cursor::new(Vec::new());
    img.write_to(&mut out, format).ok()?;
    Some(out.into_inner())
}

/// "4" → "04", "M2" → "M02": names sort in exhibit order.
pub fn number(label: &str) -> String {
    match label.strip_prefix('M') {
        Some(n) => format!("M{n:0>2}"),
        None => format!("{label:0>2}"),
    }
}

/// A name any file system and `sha256sum -c` take: letters, digits, `.`, `-`, `_`;
/// everything else (spaces, slashes, quotes, control characters) becomes `_`.
pub fn safe_name(name: &str) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let mut s: String = base
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || matches!(c, '.' | '-' | '_') {
                c
            } else {
                '_'
            }
        })
        .collect();
    s = s.trim_start_matches('.').to_string();
    if s.chars().count() > 80 {
        // Keep the extension, which tells the advocate's computer what opens it.
        let ext: String = s
            .rsplit_once('.')
            .map(|(_, e)| e.chars().take(10).collect())
            .unwrap_or_default();
        let stem: String = s.chars().take(68).collect();
        s = if ext.is_empty() {
            stem
        } else {
            format!("{stem}.{ext}")
        };
    }
    if s.is_empty() {
        "bestand".into()
    } else {
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_numbered_and_safe() {
        assert_eq!(number("4"), "04");
        assert_eq!(number("12"), "12");
        assert_eq!(number("M2"), "M02");
        assert_eq!(safe_name("brief van WPI.pdf"), "brief_van_WPI.pdf");
        assert_eq!(safe_name("../../etc/passwd"), "passwd");
        assert_eq!(safe_name("..."), "bestand");
        assert_eq!(safe_name("a\nb  c.txt"), "a_b__c.txt");
    }

    #[test]
    fn other_files_stay_byte_for_byte() {
        let pdf = b"%PDF-1.4 whatever".to_vec();
        assert_eq!(clean(&pdf), (pdf, false));
    }
}
