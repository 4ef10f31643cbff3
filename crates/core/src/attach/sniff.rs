//! The media type of an attachment, from its bytes alone: a file called `brief.pdf`
//! may be a photo, and the name must not decide how it is read or shown.

use infer::MatcherType;

use super::text::is_plain_text;

/// How far into a file the e-mail header block is looked for.
const HEADER_SCAN: usize = 64 * 1024;

/// The sniffed media type: a binary signature (`infer`), else an e-mail by its
/// RFC 822 header block, else UTF-8 text, else `application/octet-stream`.
pub(crate) fn media_type(bytes: &[u8]) -> String {
    let known = infer::get(bytes);
    if let Some(t) = &known {
        if t.matcher_type() != MatcherType::Text {
            return t.mime_type().to_string();
        }
    }
    if looks_like_email(bytes) {
        return "message/rfc822".into();
    }
    // infer's text matchers (HTML, XML, scripts) only look at the first bytes.
    match known {
        Some(t) if is_plain_text(bytes) => t.mime_type().to_string(),
        _ if is_plain_text(bytes) => "text/plain".into(),
        _ => "application/octet-stream".into(),
    }
}

/// Headers that only mail carries; one of them must be present.
const MAIL_ONLY: [&str; 5] = [
    "from",
    "received",
    "return-path",
    "delivered-to",
    "message-id",
];
/// Headers common in mail; at least two distinct ones must be present.
const MAIL_COMMON: [&str; 12] = [
    "from",
    "to",
    "cc",
    "subject",
    "date",
    "received",
    "return-path",
    "delivered-to",
    "message-id",
    "mime-version",
    "reply-to",
    "sender",
];

/// True when the file starts with an RFC 822 header block (`Name: value` lines and
/// folded continuations up to a blank line) that has the headers of a real e-mail.
/// A note that merely starts with "Subject:" stays text.
fn looks_like_email(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(HEADER_SCAN)];
    let mut seen: Vec<String> = Vec::new();
    let mut ended = false;
    for (i, line) in head.split(|&b| b == b'\n').enumerate() {
        let line = line.strip_suffix(b"\r").unwrap_or(line);
        if line.is_empty() {
            ended = true;
            break;
        }
        if line[0] == b' ' || line[0] == b'\t' {
            if i == 0 {
                return false;
            }
            continue;
        }
        let Some(colon) = line.iter().position(|&b| b == b':') else {
            return false;
        };
        let name = &line[..colon];
        if name.is_empty() || name.len() > 76 || !name.iter().all(|&b| (33..=126).contains(&b)) {
            return false;
        }
        let name = String::from_utf8_lossy(name).to_ascii_lowercase();
        if MAIL_COMMON.contains(&name.as_str()) && !seen.contains(&name) {
            seen.push(name);
        }
    }
    // A header block cut off by the scan limit is no header block; one that runs to
    // the end of a small file (a message without a body) still is.
    let complete = ended || bytes.len() <= HEADER_SCAN;
    complete && seen.len() >= 2 && seen.iter().any(|n| MAIL_ONLY.contains(&n.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(bytes: &[u8], expect: &str) {
        assert_eq!(
            media_type(bytes),
            expect,
            "{:?}",
            String::from_utf8_lossy(bytes)
        );
    }

    #[test]
    fn sniffs_from_the_bytes() {
        check(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n", "application/pdf");
        check(b"\xFF\xD8\xFF\xE0\0\x10JFIF\0", "image/jpeg");
        check(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR", "image/png");
        check(
            b"From: WPI <post@wpi.nl>\r\nTo: ik@example.nl\r\nSubject: Brief\r\n\r\nHallo",
            "message/rfc822",
        );
        check(
            b"Received: from mx.example.nl\n\tby mx2; Mon, 2 Mar 2026\nSubject: x\n\nbody",
            "message/rfc822",
        );
        check(
            "Gebeld met WPI, zij beloofden terug te bellen.".as_bytes(),
            "text/plain",
        );
        check(b"Subject: mijn aantekeningen\n\nlos", "text/plain");
        check(
            b"From: mij\nniet: een header\nmaar gewoon tekst",
            "text/plain",
        );
        check(b"\x00\x01\x02\x03garbage\xff", "application/octet-stream");
        check(b"From: a\nTo: b\n\n\0\0binary", "message/rfc822");
        check(b"From: a\nTo: b\n\0\0binary", "application/octet-stream");
    }
}
