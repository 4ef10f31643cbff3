//! Decoding untrusted images within fixed limits, for thumbnails and the PDF alike. A
//! small file can describe a picture of billions of pixels (a 110 KB PNG of
//! 30000 × 30000 took 1.9 GB and minutes to print), so the size is read from the header
//! and refused before a single pixel is decoded.

use std::io::Cursor;

use image::metadata::Orientation;
use image::{DynamicImage, ImageDecoder, ImageFormat, ImageReader, Limits};

/// The most pixels decoded: a 50-megapixel phone photo (8160 × 6120) still fits.
pub(crate) const MAX_PIXELS: u64 = 50_000_000;
/// The longest side decoded, whatever the other side is.
pub(crate) const MAX_SIDE: u32 = 16_384;
/// The most memory a decoder may allocate.
const MAX_ALLOC: u64 = 512 * 1024 * 1024;

/// Why an image was not decoded.
#[derive(Debug)]
pub(crate) enum Refused {
    /// Larger than the limits: its width and height as its header says (None when only
    /// the decoder's allocation limit knew).
    TooLarge(Option<(u32, u32)>),
    /// Damaged, cut off, or not what its type says.
    Unreadable(image::ImageError),
}

impl From<image::ImageError> for Refused {
    fn from(e: image::ImageError) -> Self {
        match e {
            image::ImageError::Limits(_) => Refused::TooLarge(None),
            other => Refused::Unreadable(other),
        }
    }
}

impl Refused {
    /// " (W × H)" when the size is known, for the message that names it.
    pub(crate) fn size_note(size: Option<(u32, u32)>) -> String {
        size.map(|(w, h)| format!(" ({w} × {h})"))
            .unwrap_or_default()
    }
}

/// True when a picture of this size is refused.
pub(crate) fn too_large(width: u32, height: u32) -> bool {
    width > MAX_SIDE || height > MAX_SIDE || u64::from(width) * u64::from(height) > MAX_PIXELS
}

/// The picture and its EXIF orientation (None when unreadable), decoded within the limits.
pub(crate) fn decode(
    bytes: &[u8],
    format: ImageFormat,
) -> Result<(DynamicImage, Option<Orientation>), Refused> {
    let mut decoder = ImageReader::with_format(Cursor::new(bytes), format).into_decoder()?;
    let (width, height) = decoder.dimensions();
    if too_large(width, height) {
        return Err(Refused::TooLarge(Some((width, height))));
    }
    let mut limits = Limits::default();
    limits.max_image_width = Some(MAX_SIDE);
    limits.max_image_height = Some(MAX_SIDE);
    limits.max_alloc = Some(MAX_ALLOC);
    decoder.set_limits(limits)?;
    // A damaged EXIF block only costs the turn, not the picture.
    let orientation = decoder.orientation().ok();
    let img = DynamicImage::from_decoder(decoder)?;
    Ok((img, orientation))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limits_let_a_big_phone_photo_through_and_stop_a_bomb() {
        assert!(!too_large(8160, 6120), "a 50 MP photo prints");
        assert!(!too_large(4000, 3000));
        assert!(too_large(30_000, 30_000));
        assert!(too_large(20_000, 10), "a side beyond the limit");
        assert!(too_large(7072, 7072), "just over 50 MP");
    }
}
