//! Getting a photo or scan ready for the engine, in memory: upright from its EXIF
//! orientation, grayscale, uneven light evened out and contrast stretched, small photos
//! upscaled to about 300 dpi, and a tilted page straightened (±5°).

use image::imageops::FilterType;
use image::metadata::Orientation;
use image::{DynamicImage, GrayImage, ImageFormat, Luma};
use zeroize::Zeroizing;

use super::GrayPage;
use crate::error::{Error, Result};
use crate::picture;

/// The resolution Tesseract reads best at.
pub const TARGET_DPI: u32 = 300;
/// A4's short side in inches: a photo of a letter is assumed to be about that wide.
const A4_SHORT_INCH: f32 = 8.27;
/// The most a skew is searched for: a hand-held photo is rarely off by more.
const MAX_SKEW_DEG: f32 = 5.0;

/// Decodes a picture (within the limits of [`picture`]) and prepares it.
pub fn from_bytes(media_type: &str, bytes: &[u8]) -> Result<GrayPage> {
    let format = match media_type {
        "image/jpeg" => ImageFormat::Jpeg,
        "image/png" => ImageFormat::Png,
        "image/tiff" => ImageFormat::Tiff,
        "image/webp" => ImageFormat::WebP,
        "image/gif" => ImageFormat::Gif,
        other => {
            return Err(Error::Invalid(format!(
                "no text can be read from pictures of type {other}"
            )))
        }
    };
    let (img, orientation) = picture::decode(bytes, format).map_err(|e| match e {
        picture::Refused::TooLarge(size) => Error::Invalid(format!(
            "the picture is too large to read{}",
            picture::Refused::size_note(size)
        )),
        picture::Refused::Unreadable(e) => {
            Error::Invalid(format!("the picture cannot be read: {e}"))
        }
    })?;
    Ok(prepare(img, orientation, None))
}

/// Prepares a decoded picture. `dpi` is its resolution when known (a PDF page's image);
/// otherwise it is estimated from the picture's width as if it showed an A4 page.
pub fn prepare(
    mut img: DynamicImage,
    orientation: Option<Orientation>,
    dpi: Option<u32>,
) -> GrayPage {
    if let Some(o) = orientation {
        img.apply_orientation(o);
    }
    let gray = img.into_luma8();
    let short = gray.width().min(gray.height()).max(1) as f32;
    let dpi_now = dpi
        .map(|d| d as f32)
        .unwrap_or(short / A4_SHORT_INCH)
        .max(1.0);
    // Small photos up to 300 dpi (at most 4×); huge ones down to 300 when over 450, which
    // only costs the engine time.
    let scale = if dpi_now < 280.0 {
        (TARGET_DPI as f32 / dpi_now).min(4.0)
    } else if dpi_now > 450.0 {
        TARGET_DPI as f32 / dpi_now
    } else {
        1.0
    };
    let mut gray = if (scale - 1.0).abs() > 0.01 {
        let w = ((gray.width() as f32 * scale).round() as u32).max(1);
        let h = ((gray.height() as f32 * scale).round() as u32).max(1);
        if picture::too_large(w, h) {
            gray
        } else {
            image::imageops::resize(&gray, w, h, FilterType::Triangle)
        }
    } else {
        gray
    };
    let dpi_out = (dpi_now * scale).round() as u32;
    even_light(&mut gray, dpi_out);
    stretch(&mut gray);
    let angle = skew_angle(&gray);
    if angle.abs() > 0.15 {
        gray = rotate(&gray, -angle);
    }
    let (width, height) = gray.dimensions();
    GrayPage {
        width,
        height,
        dpi: dpi_out,
        pixels: Zeroizing::new(gray.into_raw()),
    }
}

/// Divides out the paper's brightness, measured per block (its bright 90th percentile,
/// smoothed and interpolated), so a shadow across a photo no longer reads as ink.
pub fn even_light(img: &mut GrayImage, dpi: u32) {
    let (w, h) = img.dimensions();
    // Blocks of about a quarter inch: larger than a letter's stroke, smaller than a shadow.
    let block = (dpi / 4).clamp(16, 128);
    let bw = w.div_ceil(block) as usize;
    let bh = h.div_ceil(block) as usize;
    if bw < 2 || bh < 2 {
        return;
    }
    let mut grid = vec![255f32; bw * bh];
    for by in 0..bh {
        for bx in 0..bw {
            let mut hist = [0u32; 256];
            let mut n = 0u32;
            let y0 = by as u32 * block;
            let x0 = bx as u32 * block;
            for y in y0..(y0 + block).min(h) {
                for x in x0..(x0 + block).min(w) {
                    hist[img.get_pixel(x, y).0[0] as usize] += 1;
                    n += 1;
                }
            }
            grid[by * bw + bx] = percentile(&hist, n, 0.9) as f32;
        }
    }
    // A block full of ink (a logo, a bar) is darker than paper: when its neighbourhood's
    // median is lighter, that is the paper there. (Not the neighbourhood's maximum: along
    // a shadow that is lighter than the paper here, and would grey the text.)
    let mut paper = grid.clone();
    for by in 0..bh {
        for bx in 0..bw {
            let mut near = Vec::with_capacity(9);
            for dy in -1i64..=1 {
                for dx in -1i64..=1 {
                    let (x, y) = (bx as i64 + dx, by as i64 + dy);
                    if x >= 0 && y >= 0 && (x as usize) < bw && (y as usize) < bh {
                        near.push(grid[y as usize * bw + x as usize]);
                    }
                }
            }
            near.sort_by(f32::total_cmp);
            // The lower median: at an edge half the neighbours lie on the lighter side.
            let median = near[(near.len() - 1) / 2];
            paper[by * bw + bx] = grid[by * bw + bx].max(median).max(1.0);
        }
    }
    for y in 0..h {
        let fy = ((y as f32 + 0.5) / block as f32 - 0.5).clamp(0.0, (bh - 1) as f32);
        let y0 = fy.floor() as usize;
        let y1 = (y0 + 1).min(bh - 1);
        let ty = fy - y0 as f32;
        for x in 0..w {
            let fx = ((x as f32 + 0.5) / block as f32 - 0.5).clamp(0.0, (bw - 1) as f32);
            let x0 = fx.floor() as usize;
            let x1 = (x0 + 1).min(bw - 1);
            let tx = fx - x0 as f32;
            let top = paper[y0 * bw + x0] * (1.0 - tx) + paper[y0 * bw + x1] * tx;
            let bottom = paper[y1 * bw + x0] * (1.0 - tx) + paper[y1 * bw + x1] * tx;
            let bg = top * (1.0 - ty) + bottom * ty;
            let p = img.get_pixel_mut(x, y);
            p.0[0] = ((p.0[0] as f32 / bg) * 255.0).min(255.0) as u8;
        }
    }
}

fn percentile(hist: &[u32; 256], n: u32, q: f32) -> u8 {
    let want = (n as f32 * q) as u32;
    let mut seen = 0u32;
    for (v, c) in hist.iter().enumerate() {
        seen += c;
        if seen > want {
            return v as u8;
        }
    }
    255
}

/// Stretches the 1st–99th percentile of brightness over the whole range.
pub fn stretch(img: &mut GrayImage) {
    let mut hist = [0u32; 256];
    for p in img.pixels() {
        hist[p.0[0] as usize] += 1;
    }
    let n = img.width() * img.height();
    let lo = percentile(&hist, n, 0.01) as f32;
    let hi = percentile(&hist, n, 0.99) as f32;
    if hi - lo < 16.0 {
        return;
    }
    for p in img.pixels_mut() {
        let v = ((p.0[0] as f32 - lo) / (hi - lo) * 255.0).clamp(0.0, 255.0);
        p.0[0] = v as u8;
    }
}

/// The angle (degrees) the lines of text are turned by, found by a projection-profile
/// search: turned back by the right angle, the rows of ink pile up sharpest.
pub fn skew_angle(img: &GrayImage) -> f32 {
    // Ink points of a small copy: enough to measure, cheap to search over.
    let step = (img.width() / 800).max(1);
    let (cx, cy) = (img.width() as f32 / 2.0, img.height() as f32 / 2.0);
    let mut ink = Vec::new();
    for y in (0..img.height()).step_by(step as usize) {
        for x in (0..img.width()).step_by(step as usize) {
            if img.get_pixel(x, y).0[0] < 128 {
                ink.push((x as f32 - cx, y as f32 - cy));
            }
        }
    }
    if ink.len() < 100 {
        return 0.0;
    }
    let bins = (img.height() as f32 * 1.2 / step as f32) as usize + 2;
    let score = |deg: f32| -> f64 {
        let (s, c) = deg.to_radians().sin_cos();
        let mut rows = vec![0u32; bins];
        for &(x, y) in &ink {
            let u = (x * s + y * c) / step as f32 + bins as f32 / 2.0;
            if u >= 0.0 && (u as usize) < bins {
                rows[u as usize] += 1;
            }
        }
        rows.iter().map(|&r| f64::from(r) * f64::from(r)).sum()
    };
    let search = |from: f32, to: f32, by: f32| -> f32 {
        let mut best = (f64::MIN, 0.0);
        let mut a = from;
        while a <= to + 1e-4 {
            let s = score(a);
            if s > best.0 {
                best = (s, a);
            }
            a += by;
        }
        best.1
    };
    let coarse = search(-MAX_SKEW_DEG, MAX_SKEW_DEG, 0.25);
    search(coarse - 0.25, coarse + 0.25, 0.05)
}

/// The picture turned by `deg` degrees about its centre (bilinear, white outside).
pub fn rotate(img: &GrayImage, deg: f32) -> GrayImage {
    let (w, h) = img.dimensions();
    let (s, c) = deg.to_radians().sin_cos();
    let (cx, cy) = (w as f32 / 2.0, h as f32 / 2.0);
    let src = img.as_raw();
    let at = |x: i64, y: i64| -> f32 {
        if x < 0 || y < 0 || x >= w as i64 || y >= h as i64 {
            255.0
        } else {
            src[y as usize * w as usize + x as usize] as f32
        }
    };
    GrayImage::from_fn(w, h, |x, y| {
        let (dx, dy) = (x as f32 - cx, y as f32 - cy);
        let sx = cx + dx * c - dy * s;
        let sy = cy + dx * s + dy * c;
        let (x0, y0) = (sx.floor(), sy.floor());
        let (tx, ty) = (sx - x0, sy - y0);
        let (x0, y0) = (x0 as i64, y0 as i64);
        let top = at(x0, y0) * (1.0 - tx) + at(x0 + 1, y0) * tx;
        let bottom = at(x0, y0 + 1) * (1.0 - tx) + at(x0 + 1, y0 + 1) * tx;
        Luma([(top * (1.0 - ty) + bottom * ty).round() as u8])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A page of dark "lines of text": bars 8 px high every 40 px.
    fn lines() -> GrayImage {
        GrayImage::from_fn(1200, 1600, |x, y| {
            let ink = (200..1000).contains(&x) && (200..1400).contains(&y) && y % 40 < 8;
            Luma([if ink { 20 } else { 235 }])
        })
    }

    #[test]
    fn a_turned_page_is_measured_and_straightened() {
        let straight = lines();
        assert!(skew_angle(&straight).abs() < 0.1);
        for deg in [3.0f32, -3.0, 4.5] {
            let turned = rotate(&straight, deg);
            let found = skew_angle(&turned);
            assert!((found - deg).abs() < 0.2, "turned {deg}°, found {found}°");
            let back = rotate(&turned, -found);
            assert!(skew_angle(&back).abs() < 0.2);
        }
    }

    #[test]
    fn a_shadow_across_the_page_is_evened_out() {
        // Paper from 250 on the left to 110 on the right, ink 40 % of the paper.
        let mut img = GrayImage::from_fn(800, 800, |x, y| {
            let paper = 250.0 - 140.0 * x as f32 / 800.0;
            let ink = y % 50 < 6 && x % 9 < 5;
            Luma([if ink { paper * 0.4 } else { paper } as u8])
        });
        even_light(&mut img, 300);
        stretch(&mut img);
        // The paper on the dark right is now as light as on the left; the ink stays dark.
        assert!(
            img.get_pixel(790, 25).0[0] > 200,
            "{:?}",
            img.get_pixel(790, 25)
        );
        assert!(img.get_pixel(10, 25).0[0] > 200);
        assert!(
            img.get_pixel(792, 2).0[0] < 128,
            "{:?}",
            img.get_pixel(792, 2)
        );
    }

    #[test]
    fn a_small_photo_is_upscaled_to_about_300_dpi() {
        let small = DynamicImage::ImageLuma8(GrayImage::from_pixel(620, 877, Luma([240])));
        let page = prepare(small, None, None);
        assert_eq!(page.dpi, 300);
        assert!(page.width > 2400 && page.width < 2560, "{}", page.width);
        assert_eq!(page.pixels.len(), (page.width * page.height) as usize);
    }
}
