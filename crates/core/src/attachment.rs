//! Attachments (F3): files kept inside the encrypted dossier with their SHA-256, and
//! what can be shown of them without opening them elsewhere.

/// The largest attachment accepted, in bytes (200 MB).
pub const MAX_ATTACHMENT_BYTES: u64 = 200 * 1024 * 1024;

/// An attachment's description (its bytes are fetched separately).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    pub id: i64,
    pub entry_id: i64,
    /// The original file name, for display only.
    pub filename: String,
    /// Sniffed from the bytes, never taken from the name.
    pub media_type: String,
    pub size: u64,
    /// Hex SHA-256 of the bytes.
    pub sha256: String,
    pub added_at: String,
}

/// What the app can show of an attachment in place.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Preview {
    /// A PNG thumbnail (longest side at most 480 px) and the original size.
    Image {
        png: Vec<u8>,
        width: u32,
        height: u32,
    },
    /// Plain text (possibly shortened).
    Text { text: String },
    /// An e-mail's headers and plain-text body.
    Email {
        from: String,
        to: String,
        subject: String,
        date: String,
        body: String,
    },
    /// A PDF: its page count and the text of its first page when it has any.
    Pdf { pages: u32, first_page_text: String },
    /// Nothing can be shown (unknown type, or a damaged file); the bytes are intact.
    None { reason: String },
}
