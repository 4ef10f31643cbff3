//! Outlook .msg ([MS-OXMSG]): an OLE compound file (read with the `cfb` crate) whose
//! streams hold MAPI properties. Only what an entry needs is read: subject, sender,
//! recipients, dates, Message-ID, the body (plain, else HTML, else compressed RTF) and
//! the attachments by value. Old ANSI messages (`001E` strings) are decoded in their
//! code page, Windows-1252 when none is given.

use std::io::{Cursor, Read};

use chrono::{DateTime, Utc};

use super::{html, parse, rtf, text, MailAddress, MailFile, ParsedMail};

/// The most bytes read from one stream: the attachment limit, so a hostile header
/// cannot make us allocate more than a file could hold.
const MAX_STREAM: u64 = crate::attachment::MAX_ATTACHMENT_BYTES;

const PT_UNICODE: u16 = 0x001F;
const PT_STRING8: u16 = 0x001E;
const PT_BINARY: u16 = 0x0102;
const PT_LONG: u16 = 0x0003;
const PT_SYSTIME: u16 = 0x0040;

const SUBJECT: u16 = 0x0037;
const CLIENT_SUBMIT_TIME: u16 = 0x0039;
const SENT_REPRESENTING_NAME: u16 = 0x0042;
const SENT_REPRESENTING_EMAIL: u16 = 0x0065;
const TRANSPORT_HEADERS: u16 = 0x007D;
const SENDER_NAME: u16 = 0x0C1A;
const SENDER_EMAIL: u16 = 0x0C1F;
const RECIPIENT_TYPE: u16 = 0x0C15;
const DELIVERY_TIME: u16 = 0x0E06;
const BODY: u16 = 0x1000;
const RTF_COMPRESSED: u16 = 0x1009;
const HTML: u16 = 0x1013;
const INTERNET_MESSAGE_ID: u16 = 0x1035;
const DISPLAY_NAME: u16 = 0x3001;
const EMAIL_ADDRESS: u16 = 0x3003;
const ATTACH_DATA: u16 = 0x3701;
const ATTACH_FILENAME: u16 = 0x3704;
const ATTACH_METHOD: u16 = 0x3705;
const ATTACH_LONG_FILENAME: u16 = 0x3707;
const SMTP_ADDRESS: u16 = 0x39FE;
const INTERNET_CPID: u16 = 0x3FDE;
const MESSAGE_CODEPAGE: u16 = 0x3FFD;
const SENDER_SMTP: u16 = 0x5D01;
const SENT_REPRESENTING_SMTP: u16 = 0x5D02;

type Cfb<'a> = cfb::CompoundFile<Cursor<&'a [u8]>>;

/// The fixed-size properties of one object (message, recipient, attachment).
struct Props(Vec<(u16, u16, u64)>);

impl Props {
    fn read(file: &mut Cfb<'_>, dir: &str, header: usize) -> Props {
        let raw = stream(file, &format!("{dir}__properties_version1.0")).unwrap_or_default();
        let entries = raw
            .get(header..)
            .unwrap_or_default()
            .chunks_exact(16)
            .map(|e| {
                let tag = u32::from_le_bytes([e[0], e[1], e[2], e[3]]);
                let value =
                    u64::from_le_bytes([e[8], e[9], e[10], e[11], e[12], e[13], e[14], e[15]]);
                ((tag >> 16) as u16, (tag & 0xFFFF) as u16, value)
            })
            .collect();
        Props(entries)
    }

    fn get(&self, id: u16, kind: u16) -> Option<u64> {
        self.0
            .iter()
            .find(|(i, k, _)| *i == id && *k == kind)
            .map(|(_, _, v)| *v)
    }

    fn time(&self, id: u16) -> Option<DateTime<Utc>> {
        // FILETIME: 100-nanosecond ticks since 1601-01-01 UTC.
        let ticks = self.get(id, PT_SYSTIME).filter(|&t| t > 0)?;
        let secs = i64::try_from(ticks / 10_000_000).ok()? - 11_644_473_600;
        DateTime::from_timestamp(secs, 0)
    }
}

fn stream(file: &mut Cfb<'_>, path: &str) -> Option<Vec<u8>> {
    let len = file.entry(path).ok().filter(|e| e.is_stream())?.len();
    if len > MAX_STREAM {
        return None;
    }
    // No capacity from the header: a hostile file may claim far more than it holds.
    let mut out = Vec::new();
    file.open_stream(path)
        .ok()?
        .take(MAX_STREAM)
        .read_to_end(&mut out)
        .ok()?;
    Some(out)
}

/// A string property of the object in `dir`: UTF-16 when there is one, else the
/// 8-bit form in `charset`.
fn string(file: &mut Cfb<'_>, dir: &str, id: u16, charset: &str) -> Option<String> {
    if let Some(b) = stream(file, &format!("{dir}__substg1.0_{id:04X}{PT_UNICODE:04X}")) {
        let units: Vec<u16> = b
            .chunks_exact(2)
            .map(|c| u16::from_le_bytes([c[0], c[1]]))
            .collect();
        return Some(
            String::from_utf16_lossy(&units)
                .trim_end_matches('\0')
                .to_string(),
        );
    }
    let b = stream(file, &format!("{dir}__substg1.0_{id:04X}{PT_STRING8:04X}"))?;
    let b = b.strip_suffix(b"\0").unwrap_or(&b);
    Some(text::decode_charset(charset, b))
}

fn binary(file: &mut Cfb<'_>, dir: &str, id: u16) -> Option<Vec<u8>> {
    stream(file, &format!("{dir}__substg1.0_{id:04X}{PT_BINARY:04X}"))
}

fn non_empty(s: Option<String>) -> Option<String> {
    s.map(|s| s.trim().to_string()).filter(|s| !s.is_empty())
}

/// An address that is an SMTP one (Exchange's `/O=…/CN=…` names are not).
fn smtp(s: Option<String>) -> Option<String> {
    non_empty(s).filter(|a| a.contains('@') && !a.starts_with('/'))
}

pub(crate) fn parse(bytes: &[u8]) -> Result<ParsedMail, String> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| format!("this Outlook file cannot be read: {e}"))?;
    if !file.is_stream("/__properties_version1.0") {
        return Err("this is not an Outlook message (.msg): it has no message properties".into());
    }
    let props = Props::read(&mut file, "/", 32);
    let cp = props
        .get(MESSAGE_CODEPAGE, PT_LONG)
        .or_else(|| props.get(INTERNET_CPID, PT_LONG))
        .map_or(1252, |v| v as u32);
    let charset = text::codepage_label(cp);
    let cs = charset.as_str();
    // The internet headers, when the message came in by SMTP: the most faithful From,
    // To, Date and Message-ID there are.
    let headers = non_empty(string(&mut file, "/", TRANSPORT_HEADERS, cs));
    let from_headers = headers.as_ref().and_then(|h| {
        let mut raw = h.clone().into_bytes();
        raw.extend_from_slice(b"\r\n\r\n");
        parse::read_message(&raw).map(|m| {
            (
                parse::addresses(m.from()).into_iter().next(),
                parse::addresses(m.to()),
                parse::addresses(m.cc()),
                m.date().and_then(parse::to_utc),
                m.message_id().map(str::to_string),
            )
        })
    });
    let (h_from, h_to, h_cc, h_date, h_id) = from_headers.unwrap_or_default();

    let sender_address = smtp(string(&mut file, "/", SENDER_SMTP, cs))
        .or_else(|| smtp(string(&mut file, "/", SENT_REPRESENTING_SMTP, cs)))
        .or_else(|| smtp(string(&mut file, "/", SENDER_EMAIL, cs)))
        .or_else(|| smtp(string(&mut file, "/", SENT_REPRESENTING_EMAIL, cs)));
    let sender_name = non_empty(string(&mut file, "/", SENDER_NAME, cs))
        .or_else(|| non_empty(string(&mut file, "/", SENT_REPRESENTING_NAME, cs)));
    let from = h_from.or_else(|| {
        (sender_address.is_some() || sender_name.is_some()).then(|| MailAddress {
            name: text::clean_line(sender_name.as_deref().unwrap_or_default()),
            address: sender_address.clone().unwrap_or_default(),
        })
    });

    let (mut to, mut cc) = (Vec::new(), Vec::new());
    let mut recipients = Vec::new();
    let mut attachments = Vec::new();
    for e in file.read_root_storage() {
        if e.is_storage() {
            if e.name().starts_with("__recip_version1.0_") {
                recipients.push(format!("/{}/", e.name()));
            } else if e.name().starts_with("__attach_version1.0_") {
                attachments.push(format!("/{}/", e.name()));
            }
        }
    }
    recipients.sort();
    attachments.sort();
    for dir in &recipients {
        let p = Props::read(&mut file, dir, 8);
        let address = smtp(string(&mut file, dir, SMTP_ADDRESS, cs))
            .or_else(|| smtp(string(&mut file, dir, EMAIL_ADDRESS, cs)))
            .unwrap_or_default();
        let name = text::clean_line(&string(&mut file, dir, DISPLAY_NAME, cs).unwrap_or_default());
        let name = name.trim_matches(['\'', '"']).to_string();
        let name = if name.eq_ignore_ascii_case(&address) {
            String::new()
        } else {
            name
        };
        if address.is_empty() && name.is_empty() {
            continue;
        }
        let who = MailAddress { name, address };
        match p.get(RECIPIENT_TYPE, PT_LONG) {
            Some(2) => cc.push(who),
            Some(3) => {} // Bcc: not shown to the others, and not a party to the mail.
            _ => to.push(who),
        }
    }
    if to.is_empty() && cc.is_empty() {
        (to, cc) = (h_to, h_cc);
    }

    let mut left_out = Vec::new();
    let mut files = Vec::new();
    for (n, dir) in attachments.iter().enumerate() {
        let p = Props::read(&mut file, dir, 8);
        let name = non_empty(string(&mut file, dir, ATTACH_LONG_FILENAME, cs))
            .or_else(|| non_empty(string(&mut file, dir, ATTACH_FILENAME, cs)))
            .or_else(|| non_empty(string(&mut file, dir, DISPLAY_NAME, cs)))
            .unwrap_or_default();
        let name = parse::safe_file_name(&name, n + 1);
        match (p.get(ATTACH_METHOD, PT_LONG), binary(&mut file, dir, ATTACH_DATA)) {
            (_, Some(bytes)) if !bytes.is_empty() => files.push(MailFile { name, bytes }),
            (_, Some(_)) => {}
            _ => left_out.push(format!(
                "the attachment \"{name}\" (an attached message or object) is only in the original .msg"
            )),
        }
    }

    let body = if let Some(b) = non_empty(string(&mut file, "/", BODY, cs)) {
        text::clean_multiline(&b)
    } else if let Some(h) = html_body(&mut file, cp) {
        html::to_text(&h)
    } else if let Some(r) = binary(&mut file, "/", RTF_COMPRESSED) {
        rtf::decompress(&r)
            .map(|raw| rtf::to_text(&raw))
            .unwrap_or_default()
    } else {
        String::new()
    };

    Ok(ParsedMail {
        message_id: non_empty(string(&mut file, "/", INTERNET_MESSAGE_ID, cs))
            .or(h_id)
            .map(|id| id.trim_start_matches('<').trim_end_matches('>').to_string()),
        from,
        to,
        cc,
        date: props
            .time(CLIENT_SUBMIT_TIME)
            .or(h_date)
            .or_else(|| props.time(DELIVERY_TIME)),
        subject: string(&mut file, "/", SUBJECT, cs).unwrap_or_default(),
        body,
        attachments: files,
        left_out,
    })
}

/// PR_HTML: binary in the message's internet code page (or a string property).
fn html_body(file: &mut Cfb<'_>, cp: u32) -> Option<String> {
    if let Some(b) = binary(file, "/", HTML) {
        let label = text::codepage_label(cp);
        let s = match std::str::from_utf8(&b) {
            Ok(s) if cp == 65001 || !s.is_ascii() => s.to_string(),
            _ => text::decode_charset(&label, &b),
        };
        return non_empty(Some(s));
    }
    non_empty(string(file, "/", HTML, &text::codepage_label(cp)))
}

/// The RTF body of a .msg, unpacked, and the text read from it.
pub(crate) fn rtf_body(bytes: &[u8]) -> Result<(Vec<u8>, String), String> {
    let mut file = cfb::CompoundFile::open(Cursor::new(bytes))
        .map_err(|e| format!("this Outlook file cannot be read: {e}"))?;
    let packed = binary(&mut file, "/", RTF_COMPRESSED).ok_or("the message has no RTF body")?;
    let raw = rtf::decompress(&packed).ok_or("the RTF body is not compressed RTF")?;
    let text = rtf::to_text(&raw);
    Ok((raw, text))
}
