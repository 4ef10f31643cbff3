//! PDF: page count and text (for letters that were saved or scanned with OCR), read in
//! memory with lopdf. A PDF lopdf cannot read gives no text, never an error.

use lopdf::Document;

use crate::attachment::Preview;

/// The text of every page, in order, up to about `max` bytes; empty when none can be
/// read (a scan without OCR, a damaged or encrypted file).
pub(crate) fn all_text(bytes: &[u8], max: usize) -> String {
    let Ok(doc) = Document::load_mem(bytes) else {
        return String::new();
    };
    let mut out = String::new();
    for page in doc.get_pages().into_keys() {
        if out.len() >= max {
            break;
        }
        if let Ok(text) = doc.extract_text(&[page]) {
            out.push_str(text.trim());
            out.push('\n');
        }
    }
    out
}

pub(crate) fn preview(bytes: &[u8]) -> Preview {
    let Ok(doc) = Document::load_mem(bytes) else {
        return super::none("the PDF could not be read; it may be damaged".into());
    };
    let pages = doc.get_pages();
    let Some(&first) = pages.keys().next() else {
        return super::none("the PDF has no pages that can be read; it may be damaged".into());
    };
    let first_page_text = doc
        .extract_text(&[first])
        .map(|t| super::text::truncate_chars(t.trim().to_string(), super::MAX_PREVIEW_CHARS))
        .unwrap_or_default();
    Preview::Pdf {
        pages: u32::try_from(pages.len()).unwrap_or(u32::MAX),
        first_page_text,
    }
}
