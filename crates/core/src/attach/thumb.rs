//! Image thumbnails: JPEG, PNG, GIF and WebP decoded in memory (with the decoder's
//! allocation limits, so a hostile file cannot exhaust memory) and re-encoded as a
//! small PNG. The PNG carries no EXIF, so no location data leaves with a preview.

use std::io::Cursor;

use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader};

use crate::attachment::Preview;

/// The longest side of a thumbnail, in pixels.
pub(crate) const THUMBNAIL_MAX: u32 = 480;

pub(crate) fn preview(media_type: &str, bytes: &[u8]) -> Preview {
    match thumbnail(media_type, bytes) {
        Ok(p) => p,
        Err(e) => super::none(format!(
            "the image could not be read; it may be damaged ({e})"
        )),
    }
}

fn thumbnail(media_type: &str, bytes: &[u8]) -> image::ImageResult<Preview> {
    let format = ImageFormat::from_mime_type(media_type).ok_or_else(|| {
        image::ImageError::Unsupported(image::error::UnsupportedError::from(
            image::error::ImageFormatHint::Name(media_type.to_string()),
        ))
    })?;
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), format).into_decoder()?;
    // Phone photos are stored sideways with an EXIF note on how to turn them.
    // A damaged EXIF block only costs the turn, not the picture.
    let orientation = decoder
        .orientation()
        .unwrap_or(image::metadata::Orientation::NoTransforms);
    let mut img = DynamicImage::from_decoder(decoder)?;
    img.apply_orientation(orientation);
    let (width, height) = (img.width(), img.height());
    if width > THUMBNAIL_MAX || height > THUMBNAIL_MAX {
        img = img.thumbnail(THUMBNAIL_MAX, THUMBNAIL_MAX);
    }
    // PNG cannot hold every pixel format (16-bit float, for one); 8-bit RGBA it can.
    let img = DynamicImage::ImageRgba8(img.to_rgba8());
    let mut png = Vec::new();
    img.write_to(&mut Cursor::new(&mut png), ImageFormat::Png)?;
    Ok(Preview::Image { png, width, height })
}
