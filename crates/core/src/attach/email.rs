//! E-mail (.eml): the headers a person recognises (From, To, Subject, Date) and the
//! plain-text body, for search and preview.

use mail_parser::Address;

use crate::attachment::Preview;

/// The parts of an e-mail that are shown and searched.
pub(crate) struct Mail {
    from: String,
    to: String,
    subject: String,
    date: String,
    body: String,
}

/// Parses an e-mail; `None` when the bytes are not one.
pub(crate) fn parse(bytes: &[u8]) -> Option<Mail> {
    let m = crate::mail::read_message(bytes)?;
    let date = match (m.date(), m.header_raw("Date")) {
        (Some(d), _) => d.to_rfc822(),
        (None, Some(raw)) => raw.trim().to_string(),
        (None, None) => String::new(),
    };
    Some(Mail {
        from: addresses(m.from()),
        to: addresses(m.to()),
        subject: m.subject().unwrap_or_default().to_string(),
        date,
        // body_text turns an HTML-only message into text, so nothing is rendered.
        body: m.body_text(0).map(|b| b.into_owned()).unwrap_or_default(),
    })
}

/// "Name <address>, …" as the mail program would show it.
fn addresses(a: Option<&Address<'_>>) -> String {
    let Some(a) = a else {
        return String::new();
    };
    let shown: Vec<String> = a
        .iter()
        .map(|x| match (x.name(), x.address()) {
            (Some(n), Some(ad)) => format!("{n} <{ad}>"),
            (Some(n), None) => n.to_string(),
            (None, Some(ad)) => ad.to_string(),
            (None, None) => String::new(),
        })
        .filter(|s| !s.is_empty())
        .collect();
    shown.join(", ")
}

impl Mail {
    pub(crate) fn search_text(self) -> String {
        [self.from, self.to, self.subject, self.date, self.body].join("\n")
    }

    pub(crate) fn preview(self) -> Preview {
        Preview::Email {
            from: self.from,
            to: self.to,
            subject: self.subject,
            date: self.date,
            body: super::text::truncate_chars(self.body, super::MAX_PREVIEW_CHARS),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_headers_and_plain_body() {
        let eml = b"From: Klantmanager WPI <km@wpi.example>\r\nTo: ik@example.nl\r\n\
Subject: Uw uitkering\r\nDate: Mon, 2 Mar 2026 10:00:00 +0100\r\n\
Content-Type: text/plain; charset=utf-8\r\n\r\nU moet v\xc3\xb3\xc3\xb3r 10 maart bellen.\r\n";
        let Some(Preview::Email {
            from,
            to,
            subject,
            date,
            body,
        }) = parse(eml).map(Mail::preview)
        else {
            panic!("not parsed");
        };
        assert_eq!(from, "Klantmanager WPI <km@wpi.example>");
        assert_eq!(to, "ik@example.nl");
        assert_eq!(subject, "Uw uitkering");
        assert!(date.contains("2026"), "{date}");
        assert!(body.contains("vóór 10 maart"), "{body}");
    }
}
