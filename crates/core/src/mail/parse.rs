//! .eml (RFC 5322 with MIME) through mail-parser: headers (RFC 2047 words decoded),
//! bodies in any charset it knows (quoted-printable, base64, UTF-8, ISO-8859-*,
//! Windows-125*), attachments and inline images, attached messages as .eml files.

use chrono::{DateTime, NaiveDate, Utc};
use mail_parser::{Address, Message, MessageParser, MimeHeaders, PartType};

use super::{html, MailAddress, MailFile, ParsedMail};

/// Parses a message with mail-parser, the one place every reader of e-mail bytes goes
/// through; `None` when the bytes are not a message. A panic inside the parser on a
/// hostile file (a bug of a third-party crate) becomes "not readable" instead of
/// taking the app or an import down.
pub(crate) fn read_message(bytes: &[u8]) -> Option<Message<'_>> {
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        MessageParser::default().parse(bytes)
    }))
    .ok()
    .flatten()
}

pub(crate) fn eml(bytes: &[u8]) -> Result<ParsedMail, String> {
    let media_type = crate::attach::media_type(bytes);
    if !matches!(
        media_type.as_str(),
        "message/rfc822" | "text/plain" | "application/octet-stream"
    ) {
        return Err(format!("this is a {media_type} file, not an e-mail"));
    }
    let m = read_message(bytes)
        .ok_or_else(|| "this is not an e-mail: it has no headers".to_string())?;
    let has_headers = m.from().is_some()
        || m.subject().is_some()
        || m.date().is_some()
        || m.message_id().is_some()
        || m.to().is_some();
    if !has_headers {
        return Err("this is not an e-mail: it has no From, To, Subject or Date".into());
    }
    let mut mail = ParsedMail {
        message_id: m.message_id().map(|s| s.trim().to_string()),
        from: addresses(m.from()).into_iter().next(),
        to: addresses(m.to()),
        cc: addresses(m.cc()),
        date: m.date().and_then(to_utc),
        subject: m.subject().unwrap_or_default().to_string(),
        ..ParsedMail::default()
    };
    let mut bodies = Vec::new();
    for part in m.text_bodies() {
        let text = match &part.body {
            PartType::Text(t) => super::text::clean_multiline(t),
            PartType::Html(h) => html::to_text(h),
            _ => continue,
        };
        if !text.trim().is_empty() {
            bodies.push(text);
        }
    }
    mail.body = bodies.join("\n\n");
    for (i, part) in m.attachments().enumerate() {
        let bytes = part.contents();
        if bytes.is_empty() {
            continue;
        }
        let name = part
            .attachment_name()
            .map(str::to_string)
            .or_else(|| {
                part.message()
                    .and_then(|msg| msg.subject())
                    .map(|s| format!("{s}.eml"))
            })
            .unwrap_or_else(|| {
                let ext = match part.content_type() {
                    _ if part.is_message() => "eml".to_string(),
                    Some(ct) => ct.c_subtype.as_deref().unwrap_or("bin").to_string(),
                    None => "bin".to_string(),
                };
                format!("bijlage-{}.{ext}", i + 1)
            });
        mail.attachments.push(MailFile {
            name: safe_file_name(&name, i + 1),
            bytes: bytes.to_vec(),
        });
    }
    Ok(mail)
}

/// A file name without folders or characters that could not be a name.
pub(crate) fn safe_file_name(name: &str, n: usize) -> String {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let clean = super::text::clean_line(base);
    let clean = clean.trim_matches(|c: char| c == '.' || c.is_whitespace());
    if clean.is_empty() {
        format!("bijlage-{n}")
    } else {
        super::text::at_most_chars(clean.to_string(), 200)
    }
}

pub(crate) fn addresses(a: Option<&Address<'_>>) -> Vec<MailAddress> {
    let Some(a) = a else {
        return Vec::new();
    };
    a.iter()
        .filter_map(|x| {
            let address = x.address().unwrap_or_default().trim().to_string();
            let name = super::text::clean_line(x.name().unwrap_or_default());
            let name = name.trim_matches(['"', '\'']).trim().to_string();
            (!address.is_empty() || !name.is_empty()).then_some(MailAddress { name, address })
        })
        .collect()
}

/// mail-parser's date as an instant; `None` when it is not a real date.
pub(crate) fn to_utc(d: &mail_parser::DateTime) -> Option<DateTime<Utc>> {
    if !d.is_valid() {
        return None;
    }
    let local = NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))?
        .and_hms_opt(u32::from(d.hour), u32::from(d.minute), u32::from(d.second))?;
    let offset = i64::from(d.tz_hour) * 3600 + i64::from(d.tz_minute) * 60;
    let offset = if d.tz_before_gmt { -offset } else { offset };
    Some((local - chrono::Duration::seconds(offset)).and_utc())
}
