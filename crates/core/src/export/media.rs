//! What an attachment becomes in the bundle: an image placed on a page, the pages of a
//! PDF, text (e-mails, plain text), or a placeholder saying why it cannot be shown.
//! Classification looks at the bytes, never at the file name, and never fails.

use image::DynamicImage;
use lopdf::{Document, ObjectId};

use super::options::Lang;
use super::text::t;
use crate::picture::Refused;

/// Longest side of an image after re-encoding: 200 dpi across A4's content area keeps
/// a scanned letter legible without multi-megabyte pages.
const MAX_SIDE: u32 = 2200;
/// Text beyond this is cut, with a note: a printout of a megabyte of text helps no one,
/// and the whole file stays in the dossier under the printed fingerprint.
const MAX_TEXT_CHARS: usize = 200_000;

/// Why an attachment got a placeholder page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reason {
    DamagedImage,
    /// More pixels than `crate::picture` decodes (its size, when the header gave it).
    TooLargeImage(Option<(u32, u32)>),
    EncryptedPdf,
    DamagedPdf,
    Unsupported(String),
}

impl Reason {
    pub fn describe(&self, lang: Lang) -> String {
        match self {
            Reason::DamagedImage => t(
                lang,
                "Deze afbeelding is beschadigd of onvolledig en kan niet worden afgedrukt.",
                "This image is damaged or incomplete and cannot be printed.",
            )
            .into(),
            Reason::TooLargeImage(size) => {
                let size = Refused::size_note(*size);
                match lang {
                    Lang::Nl => format!("Deze afbeelding is te groot om af te drukken{size}."),
                    Lang::En => format!("This image is too large to print{size}."),
                }
            }
            Reason::EncryptedPdf => t(
                lang,
                "Deze PDF is met een wachtwoord beveiligd en kan daarom niet worden bijgevoegd.",
                "This PDF is protected with a password and cannot be appended.",
            )
            .into(),
            Reason::DamagedPdf => t(
                lang,
                "Deze PDF is beschadigd of onvolledig en kan niet worden bijgevoegd.",
                "This PDF is damaged or incomplete and cannot be appended.",
            )
            .into(),
            Reason::Unsupported(mt) => match lang {
                Lang::Nl => format!(
                    "Een bestand van dit soort ({mt}) kan niet in een PDF worden afgedrukt."
                ),
                Lang::En => format!("A file of this type ({mt}) cannot be printed in a PDF."),
            },
        }
    }
}

/// How an attachment is shown.
#[derive(Debug)]
pub enum Media {
    /// Not classified: originals are not appended in this export.
    Skipped,
    /// A JPEG placed with its own compressed data (no re-encoding, no loss), its
    /// metadata segments taken out (see `strip`).
    Jpeg {
        w: u32,
        h: u32,
        gray: bool,
        bytes: Vec<u8>,
        /// The original carried EXIF, XMP, IPTC or comments, left out here.
        metadata_removed: bool,
    },
    /// Decoded pixels (PNG, GIF, WebP, rotated or CMYK JPEG), 8-bit RGB or grey.
    Raw {
        w: u32,
        h: u32,
        gray: bool,
        pixels: Vec<u8>,
        /// A cut-off JPEG: the decoder filled the missing part with grey.
        incomplete: bool,
        /// The original carried metadata; pixels re-encoded carry none.
        metadata_removed: bool,
    },
    /// An attached PDF, each page placed on its own bundle page.
    Pdf {
        doc: Box<Document>,
        pages: Vec<ObjectId>,
    },
    /// E-mail headers (label, value) and the body, or a plain text file.
    Text {
        headers: Vec<(&'static str, String)>,
        body: String,
        cut: bool,
    },
    Placeholder(Reason),
}

impl Media {
    /// The printed picture leaves out metadata the original had (the index says so).
    pub fn metadata_removed(&self) -> bool {
        matches!(
            self,
            Media::Jpeg {
                metadata_removed: true,
                ..
            } | Media::Raw {
                metadata_removed: true,
                ..
            }
        )
    }

    pub fn pages_in_original(&self) -> Option<usize> {
        match self {
            Media::Jpeg { .. } | Media::Raw { .. } => Some(1),
            Media::Pdf { pages, .. } => Some(pages.len()),
            _ => None,
        }
    }
}

fn is_pdf(b: &[u8]) -> bool {
    b.len() > 5 && b[..1024.min(b.len())].windows(5).any(|w| w == b"%PDF-")
}

/// Classifies `bytes`; `media_type` (sniffed when stored) only decides between e-mail
/// and plain text.
pub fn classify(bytes: &[u8], media_type: &str, lang: Lang) -> Media {
    if is_pdf(bytes) || media_type == "application/pdf" {
        return pdf(bytes);
    }
    if let Ok(format) = image::guess_format(bytes) {
        use image::ImageFormat as F;
        return match format {
            F::Jpeg | F::Png | F::Gif | F::WebP => picture(bytes, format),
            other => Media::Placeholder(Reason::Unsupported(other.to_mime_type().into())),
        };
    }
    if media_type.starts_with("image/") {
        return Media::Placeholder(Reason::DamagedImage);
    }
    if media_type == "message/rfc822" || looks_like_mail(bytes) {
        if let Some(m) = mail(bytes, lang) {
            return m;
        }
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        if media_type.starts_with("text/") || media_type.is_empty() {
            return text(Vec::new(), s);
        }
    } else if media_type.starts_with("text/") {
        // Old Windows text files are not UTF-8; a replacement mark beats no text.
        return text(Vec::new(), &String::from_utf8_lossy(bytes));
    }
    Media::Placeholder(Reason::Unsupported(if media_type.is_empty() {
        "application/octet-stream".into()
    } else {
        media_type.to_string()
    }))
}

fn looks_like_mail(b: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&b[..b.len().min(2048)]).to_ascii_lowercase();
    head.contains("\nsubject:") || head.starts_with("from:") || head.starts_with("received:")
}

fn text(headers: Vec<(&'static str, String)>, body: &str) -> Media {
    let cut = body.chars().count() > MAX_TEXT_CHARS;
    let body = if cut {
        body.chars().take(MAX_TEXT_CHARS).collect()
    } else {
        body.replace("\r\n", "\n")
    };
    Media::Text { headers, body, cut }
}

fn mail(bytes: &[u8], lang: Lang) -> Option<Media> {
    let msg = crate::mail::read_message(bytes)?;
    let addr = |a: Option<&mail_parser::Address<'_>>| {
        a.map(|a| {
            a.iter()
                .map(|x| match (x.name(), x.address()) {
                    (Some(n), Some(e)) => format!("{n} <{e}>"),
                    (None, Some(e)) => e.to_string(),
                    (Some(n), None) => n.to_string(),
                    (None, None) => String::new(),
                })
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default()
    };
    let headers = vec![
        (t(lang, "Van", "From"), addr(msg.from())),
        (t(lang, "Aan", "To"), addr(msg.to())),
        (
            t(lang, "Datum", "Date"),
            msg.date().map(mail_date).unwrap_or_default(),
        ),
        (
            t(lang, "Onderwerp", "Subject"),
            msg.subject().unwrap_or_default().to_string(),
        ),
    ];
    let body = msg.body_text(0).map(|b| b.into_owned()).unwrap_or_default();
    Some(text(headers, &body))
}

/// "10-03-2026 10:00 (+01:00)": the sender's own clock, as the mail says.
fn mail_date(d: &mail_parser::DateTime) -> String {
    let raw = d.to_rfc3339();
    chrono::DateTime::parse_from_rfc3339(&raw)
        .map(|dt| dt.format("%d-%m-%Y %H:%M (%:z)").to_string())
        .unwrap_or(raw)
}

/// JPEG components from the frame header, so a passthrough gets the right colour
/// space; `None` when there is no baseline/progressive frame header.
fn jpeg_components(b: &[u8]) -> Option<u8> {
    let mut i = 2;
    while i + 9 < b.len() {
        if b[i] != 0xFF {
            return None;
        }
        let marker = b[i + 1];
        let len = usize::from(u16::from_be_bytes([b[i + 2], b[i + 3]]));
        if (0xC0..=0xC2).contains(&marker) {
            return Some(b[i + 9]);
        }
        i += 2 + len;
    }
    None
}

fn picture(bytes: &[u8], format: image::ImageFormat) -> Media {
    let (img, orientation) = match crate::picture::decode(bytes, format) {
        Ok(decoded) => decoded,
        Err(Refused::TooLarge(size)) => return Media::Placeholder(Reason::TooLargeImage(size)),
        Err(Refused::Unreadable(_)) => return Media::Placeholder(Reason::DamagedImage),
    };
    let upright = orientation.is_none_or(|o| o == image::metadata::Orientation::NoTransforms);
    // The decoder forgives a cut-off file (it fills the rest with grey), but a PDF
    // viewer may not: pass the bytes through only when the file ends properly.
    let whole = bytes.trim_ascii_end().ends_with(&[0xFF, 0xD9]);
    if format == image::ImageFormat::Jpeg && upright && whole {
        // Decoding succeeded, so the bytes are a whole JPEG: place its image data as
        // it is, without the metadata segments.
        if let (Some(c @ (1 | 3)), Some((clean, removed))) =
            (jpeg_components(bytes), super::strip::jpeg(bytes))
        {
            return Media::Jpeg {
                w: img.width(),
                h: img.height(),
                gray: c == 1,
                bytes: clean,
                metadata_removed: removed,
            };
        }
    }
    let mut img = img;
    if let Some(o) = orientation {
        img.apply_orientation(o);
    }
    if img.width().max(img.height()) > MAX_SIDE {
        img = img.resize(MAX_SIDE, MAX_SIDE, image::imageops::FilterType::Triangle);
    }
    // Grey with transparency goes the RGB way, so see-through parts become white.
    let gray = matches!(img.color(), image::ColorType::L8 | image::ColorType::L16);
    let (w, h) = (img.width(), img.height());
    let pixels = if gray {
        img.to_luma8().into_raw()
    } else {
        flatten_on_white(&img)
    };
    let incomplete = format == image::ImageFormat::Jpeg && !whole;
    Media::Raw {
        w,
        h,
        gray,
        pixels,
        incomplete,
        metadata_removed: super::strip::had_metadata(bytes, format),
    }
}

/// RGB on a white page: transparent parts of a screenshot become white, not black.
fn flatten_on_white(img: &DynamicImage) -> Vec<u8> {
    let rgba = img.to_rgba8();
    let mut out = Vec::with_capacity(rgba.len() / 4 * 3);
    for p in rgba.pixels() {
        let a = u16::from(p[3]);
        for c in &p.0[..3] {
            let v = (u16::from(*c) * a + 255 * (255 - a)) / 255;
            out.push(u8::try_from(v).unwrap_or(255));
        }
    }
    out
}

fn pdf(bytes: &[u8]) -> Media {
    let Ok(doc) = Document::load_mem(bytes) else {
        let encrypted = bytes.windows(8).any(|w| w == b"/Encrypt");
        return Media::Placeholder(if encrypted {
            Reason::EncryptedPdf
        } else {
            Reason::DamagedPdf
        });
    };
    if doc.is_encrypted() {
        return Media::Placeholder(Reason::EncryptedPdf);
    }
    let pages: Vec<ObjectId> = doc.get_pages().into_values().collect();
    if pages.is_empty() || pages.iter().any(|p| doc.get_dictionary(*p).is_err()) {
        return Media::Placeholder(Reason::DamagedPdf);
    }
    Media::Pdf {
        doc: Box::new(doc),
        pages,
    }
}
