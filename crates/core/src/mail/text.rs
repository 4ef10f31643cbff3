//! Text from a mail made fit for an entry: line ends, no control or text-direction
//! characters (they could make a printed title lie), and lengths within the limits.

/// Multi-line text (a body): `\r\n` and lone `\r` become `\n`; other control
/// characters and the bidi overrides are dropped; trailing spaces and runs of more
/// than one empty line go.
pub(crate) fn clean_multiline(s: &str) -> String {
    let s = s.replace("\r\n", "\n").replace('\r', "\n");
    let kept: String = s
        .chars()
        .filter(|&c| c == '\n' || c == '\t' || !(c.is_control() || is_bidi(c)))
        .map(|c| if c == '\u{a0}' { ' ' } else { c })
        .collect();
    let mut out = String::with_capacity(kept.len());
    let mut empty_run = 0;
    for line in kept.lines() {
        let line = line.trim_end();
        if line.is_empty() {
            empty_run += 1;
            if empty_run > 1 {
                continue;
            }
        } else {
            empty_run = 0;
        }
        out.push_str(line);
        out.push('\n');
    }
    out.trim_matches('\n').to_string()
}

/// One line (a subject, a name): whitespace of any kind collapsed to one space.
pub(crate) fn clean_line(s: &str) -> String {
    s.chars()
        .filter(|&c| !is_bidi(c))
        .map(|c| {
            if c.is_control() || c.is_whitespace() {
                ' '
            } else {
                c
            }
        })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// At most `max` characters, with "…" when cut.
pub(crate) fn at_most_chars(s: String, max: usize) -> String {
    match s.char_indices().nth(max.saturating_sub(1)) {
        Some((cut, _)) if s.chars().count() > max => format!("{}…", &s[..cut]),
        _ => s,
    }
}

/// At most `max` bytes, cut at a character boundary, with a line saying so.
pub(crate) fn at_most_bytes(s: String, max: usize, note: &str) -> String {
    if s.len() <= max {
        return s;
    }
    let mut cut = max.saturating_sub(note.len() + 2);
    while !s.is_char_boundary(cut) {
        cut -= 1;
    }
    format!("{}\n\n{note}", &s[..cut])
}

fn is_bidi(c: char) -> bool {
    ('\u{202A}'..='\u{202E}').contains(&c) || ('\u{2066}'..='\u{2069}').contains(&c)
}

/// Bytes in a Windows code page or a MIME charset name, decoded by mail-parser's own
/// tables; Windows-1252 when the name is unknown (what old Western mail programs
/// wrote, and a superset of ISO-8859-1 and ASCII).
pub(crate) fn decode_charset(label: &str, bytes: &[u8]) -> String {
    if label.eq_ignore_ascii_case("utf-8") {
        return String::from_utf8_lossy(bytes).into_owned();
    }
    let decoder = mail_parser::decoders::charsets::map::charset_decoder(label.as_bytes())
        .or_else(|| mail_parser::decoders::charsets::map::charset_decoder(b"windows-1252"));
    match decoder {
        Some(d) => d(bytes),
        None => String::from_utf8_lossy(bytes).into_owned(),
    }
}

/// The charset name of a Windows code page number.
pub(crate) fn codepage_label(cp: u32) -> String {
    match cp {
        65001 => "utf-8".into(),
        20127 | 1252 => "windows-1252".into(),
        28591 => "iso-8859-1".into(),
        28605 => "iso-8859-15".into(),
        28592..=28599 => format!("iso-8859-{}", cp - 28590),
        874 | 1250..=1258 => format!("windows-{cp}"),
        932 => "shift_jis".into(),
        936 => "gb2312".into(),
        949 => "euc-kr".into(),
        950 => "big5".into(),
        866 => "ibm866".into(),
        20866 => "koi8-r".into(),
        21866 => "koi8-u".into(),
        51932 => "euc-jp".into(),
        50220..=50222 => "iso-2022-jp".into(),
        _ => "windows-1252".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_cleaned_as_an_entry_needs_it() {
        assert_eq!(
            clean_line(" Re:\tUw\r\n  brief \u{202E}x "),
            "Re: Uw brief x"
        );
        assert_eq!(
            clean_multiline("a\r\nb\r\r\r\nc\u{7}\n\n\n\nd  "),
            "a\nb\n\nc\n\nd"
        );
        assert_eq!(at_most_chars("abcdef".into(), 4), "abc…");
        assert_eq!(at_most_chars("abc".into(), 4), "abc");
        assert_eq!(decode_charset("windows-1252", b"\x80 caf\xe9"), "€ café");
        assert_eq!(decode_charset("iso-8859-15", b"\xa4"), "€");
        assert_eq!(codepage_label(1252), "windows-1252");
    }
}
