//! The pictures of a PDF's scanned pages: for each page without text of its own, its
//! largest image (JPEG as DCTDecode, or 8-bit gray/RGB pixels as FlateDecode), with the
//! resolution it is printed at. Damaged input yields fewer pages, never an error.

use image::{DynamicImage, GrayImage, ImageFormat, RgbImage};
use lopdf::{Document, Object};

use crate::picture;

/// The most decompressed bytes of one page image (a 600 dpi RGB A4 is ~100 MB).
const MAX_IMAGE_BYTES: usize = 128 * 1024 * 1024;

/// (picture, dpi) per readable page without text, in page order, at most `max`.
pub(super) fn page_images(bytes: &[u8], max: usize) -> Vec<(DynamicImage, Option<u32>)> {
    let Ok(doc) = Document::load_mem(bytes) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for (number, page_id) in doc.get_pages() {
        if out.len() >= max {
            break;
        }
        let has_text = doc
            .extract_text(&[number])
            .map(|t| t.trim().chars().count() > 20)
            .unwrap_or(false);
        if has_text {
            continue;
        }
        let Ok(images) = doc.get_page_images(page_id) else {
            continue;
        };
        let Some(img) = images.iter().max_by_key(|i| i.width * i.height) else {
            continue;
        };
        let (w, h) = (img.width.max(0) as u32, img.height.max(0) as u32);
        if w == 0 || h == 0 || picture::too_large(w, h) {
            continue;
        }
        let filters = img.filters.clone().unwrap_or_default();
        let decoded = if filters.iter().any(|f| f == "DCTDecode") {
            picture::decode(img.content, ImageFormat::Jpeg)
                .ok()
                .map(|(i, _)| i)
        } else if filters.iter().all(|f| f == "FlateDecode") && img.bits_per_component == Some(8) {
            let raw = doc
                .get_object(img.id)
                .and_then(Object::as_stream)
                .and_then(|s| {
                    if filters.is_empty() {
                        Ok(s.content.clone())
                    } else {
                        s.decompressed_content_with_limit(MAX_IMAGE_BYTES)
                    }
                })
                .ok();
            raw.and_then(|raw| match img.color_space.as_deref() {
                Some("DeviceGray") => GrayImage::from_raw(w, h, raw).map(DynamicImage::ImageLuma8),
                Some("DeviceRGB") => RgbImage::from_raw(w, h, raw).map(DynamicImage::ImageRgb8),
                _ => None,
            })
        } else {
            None
        };
        let Some(decoded) = decoded else { continue };
        out.push((decoded, page_dpi(&doc, page_id, w)));
    }
    out
}

/// The resolution of an image `width` pixels wide spread over the page's width.
fn page_dpi(doc: &Document, page_id: lopdf::ObjectId, width: u32) -> Option<u32> {
    let page = doc.get_dictionary(page_id).ok()?;
    let media = page.get(b"MediaBox").ok()?.as_array().ok()?;
    let num = |o: &Object| {
        o.as_float()
            .ok()
            .or_else(|| o.as_i64().ok().map(|i| i as f32))
    };
    let points = num(media.get(2)?)? - num(media.first()?)?;
    (points > 72.0).then(|| (width as f32 / (points / 72.0)).round() as u32)
}
