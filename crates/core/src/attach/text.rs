//! Plain text: recognising it, decoding it, and shortening it on character boundaries.

/// Valid UTF-8 without NUL bytes: what a text editor or a phone saves as a note.
pub(crate) fn is_plain_text(bytes: &[u8]) -> bool {
    !bytes.contains(&0) && std::str::from_utf8(bytes).is_ok()
}

/// The text of the bytes (lossy, so a stray bad byte never hides the rest), without a
/// byte-order mark.
pub(crate) fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    String::from_utf8_lossy(bytes).into_owned()
}

/// At most `max` bytes of `s`, cut at a character boundary.
pub(crate) fn truncate_bytes(mut s: String, max: usize) -> String {
    if s.len() > max {
        let mut cut = max;
        while !s.is_char_boundary(cut) {
            cut -= 1;
        }
        s.truncate(cut);
    }
    s
}

/// At most `max` characters of `s`.
pub(crate) fn truncate_chars(mut s: String, max: usize) -> String {
    if let Some((cut, _)) = s.char_indices().nth(max) {
        s.truncate(cut);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_on_character_boundaries() {
        assert_eq!(truncate_bytes("aéb".into(), 2), "a");
        assert_eq!(truncate_bytes("aéb".into(), 3), "aé");
        assert_eq!(truncate_chars("aéb".into(), 2), "aé");
        assert_eq!(truncate_chars("ab".into(), 5), "ab");
    }

    #[test]
    fn text_is_utf8_without_nul() {
        assert!(is_plain_text("Geachte heer, één brief".as_bytes()));
        assert!(!is_plain_text(b"abc\0def"));
        assert!(!is_plain_text(b"caf\xe9"));
        assert_eq!(decode(b"\xEF\xBB\xBFhallo"), "hallo");
    }
}
