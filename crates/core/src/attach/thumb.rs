//! Image thumbnails: JPEG, PNG, GIF and WebP decoded in memory (within
//! `crate::picture`'s limits, so a hostile file cannot exhaust memory) and re-encoded as a
//! small PNG. The PNG carries no EXIF, so no location data leaves with a preview.

use std::io::Cursor;

use image::{DynamicImage, ImageFormat};

use crate::picture::{self, Refused};

use crate::attachment::Preview;

/// The longest side of a thumbnail, in pixels.
pub(crate) const THUMBNAIL_MAX: u32 = 480;

pub(crate) fn preview(media_type: &str, bytes: &[u8]) -> Preview {
    match thumbnail(media_type, bytes) {
        Ok(p) => p,
        Err(Refused::TooLarge(size)) => super::none(format!(
            "the image is too large to show{}; the file itself is kept unchanged",
            Refused::size_note(size)
        )),
        Err(Refused::Unreadable(e)) => super::none(format!(
            "the image could not be read; it may be damaged ({e})"
        )),
    }
}

fn thumbnail(media_type: &str, bytes: &[u8]) -> Result<Preview, Refused> {
    let format = ImageFormat::from_mime_type(media_type).ok_or_else(|| {
        Refused::Unreadable(image::ImageError::Unsupported(
            image::error::UnsupportedError::from(image::error::ImageFormatHint::Name(
                media_type.to_string(),
            )),
        ))
    })?;
    // Phone photos are stored sideways with an EXIF note on how to turn them.
    let (mut img, orientation) = picture::decode(bytes, format)?;
    img.apply_orientation(orientation.unwrap_or(image::metadata::Orientation::NoTransforms));
    let (width, height) = (img.width(), img.height());
    if width > THUMBNAIL_MAX || height > THUMBNAIL_MAX {
        img = img.thumbnail(THUMBNAIL_MAX, THUMBNAIL_MAX);
    }
    // PNG cannot hold every pixel format (16-bit float, for one); 8-bit RGBA it can.
    let img = DynamicImage::ImageRgba8(img.to_rgba8());
    let mut png = Vec::new();
    img.write_to(&mut Cursor::new(&mut png), ImageFormat::Png)
        .map_err(Refused::Unreadable)?;
    Ok(Preview::Image { png, width, height })
}
