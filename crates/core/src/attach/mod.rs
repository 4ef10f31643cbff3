//! What core reads from an attachment's bytes, in memory only: its type (sniffed, never
//! from the name), its searchable text, and its in-place preview. Bad content never
//! fails here; it just yields less (empty text, `Preview::None`).

mod email;
mod pdf;
mod sniff;
mod text;
mod thumb;

use crate::attachment::Preview;

pub(crate) use sniff::media_type;

/// The most text kept per attachment for search: enough for any letter or e-mail
/// thread, small enough that one huge log file cannot bloat the index.
pub(crate) const MAX_SEARCH_TEXT: usize = 1024 * 1024;

/// The most text shown in a text preview.
const MAX_PREVIEW_CHARS: usize = 20_000;

/// The searchable text of an attachment of type `media_type` (empty when it has none or
/// it cannot be read).
pub(crate) fn search_text(media_type: &str, bytes: &[u8]) -> String {
    let text = match media_type {
        "message/rfc822" => guarded(|| email::parse(bytes).map(|m| m.search_text())),
        "application/pdf" => guarded(|| Some(pdf::all_text(bytes, MAX_SEARCH_TEXT))),
        t if t.starts_with("text/") => Some(text::decode(bytes)),
        _ => None,
    };
    text::truncate_bytes(text.unwrap_or_default(), MAX_SEARCH_TEXT)
}

/// What the app can show of the attachment in place.
pub(crate) fn preview(media_type: &str, bytes: &[u8]) -> Preview {
    let shown = match media_type {
        "image/jpeg" | "image/png" | "image/gif" | "image/webp" => {
            guarded(|| Some(thumb::preview(media_type, bytes)))
        }
        "message/rfc822" => guarded(|| email::parse(bytes).map(|m| m.preview())),
        "application/pdf" => guarded(|| Some(pdf::preview(bytes))),
        t if t.starts_with("text/") => Some(Preview::Text {
            text: text::truncate_chars(text::decode(bytes), MAX_PREVIEW_CHARS),
        }),
        other => Some(none(format!("no preview for files of type {other}"))),
    };
    shown.unwrap_or_else(|| none("the file could not be read; it may be damaged".into()))
}

pub(crate) fn none(reason: String) -> Preview {
    Preview::None { reason }
}

/// Runs a parser of untrusted bytes; a panic inside a third-party decoder on a damaged
/// file becomes "nothing to show" instead of taking the app down.
fn guarded<T>(f: impl FnOnce() -> Option<T>) -> Option<T> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(f))
        .ok()
        .flatten()
}
