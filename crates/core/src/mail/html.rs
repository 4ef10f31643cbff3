//! HTML bodies as readable text: blocks and line breaks as new lines, list items as
//! bullets, table cells apart, entities decoded, head, style and script left out.
//! Nothing is rendered and no link is followed.

/// Elements whose content is never text for a reader.
const SKIPPED: [&str; 6] = ["head", "style", "script", "title", "template", "noscript"];
/// Elements that start and end on their own line.
const BLOCKS: [&str; 22] = [
    "p",
    "div",
    "br",
    "tr",
    "table",
    "ul",
    "ol",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "blockquote",
    "hr",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "address",
    "dl",
];

pub(crate) fn to_text(html: &str) -> String {
    let mut out = String::with_capacity(html.len() / 2);
    let mut skip_depth: Option<String> = None;
    let mut pre = 0usize;
    let mut rest = html;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix("<!--") {
            rest = after.find("-->").map_or("", |i| &after[i + 3..]);
            continue;
        }
        if rest.starts_with('<') {
            let Some(end) = rest.find('>') else {
                break;
            };
            let tag = &rest[1..end];
            rest = &rest[end + 1..];
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if let Some(skipped) = &skip_depth {
                if closing && *skipped == name {
                    skip_depth = None;
                }
                continue;
            }
            if !closing && SKIPPED.contains(&name.as_str()) && !tag.ends_with('/') {
                skip_depth = Some(name);
                continue;
            }
            match name.as_str() {
                "li" if !closing => {
                    newline(&mut out);
                    out.push_str("• ");
                }
                "td" | "th" if !closing && !out.ends_with('\n') && !out.is_empty() => {
                    out.push('\t');
                }
                "pre" => {
                    pre = if closing {
                        pre.saturating_sub(1)
                    } else {
                        pre + 1
                    };
                    newline(&mut out);
                }
                "br" => out.push('\n'),
                "p" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6" | "blockquote" | "table" => {
                    newline(&mut out);
                    if !out.is_empty() && !out.ends_with("\n\n") {
                        out.push('\n');
                    }
                }
                n if BLOCKS.contains(&n) => newline(&mut out),
                _ => {}
            }
            continue;
        }
        let next = rest.find('<').unwrap_or(rest.len());
        let chunk = &rest[..next];
        rest = &rest[next..];
        if skip_depth.is_some() {
            continue;
        }
        let decoded = entities(chunk);
        if pre > 0 {
            out.push_str(&decoded);
        } else {
            for (i, word) in decoded.split(|c: char| c.is_ascii_whitespace()).enumerate() {
                if i > 0 && !out.ends_with([' ', '\n', '\t']) && !out.is_empty() {
                    out.push(' ');
                }
                out.push_str(word);
            }
        }
    }
    super::text::clean_multiline(&out)
}

fn newline(out: &mut String) {
    while out.ends_with(' ') {
        out.pop();
    }
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
}

/// `&amp;`, `&#233;`, `&#x20AC;` and the named entities mail-parser knows.
fn entities(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let end = rest[1..]
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '#'))
            .map(|e| e + 1);
        match end {
            Some(e) if rest[e..].starts_with(';') && e > 1 => {
                let token = &rest[..=e];
                if token == "&nbsp;" {
                    out.push(' ');
                } else {
                    mail_parser::decoders::html::add_html_token(&mut out, token.as_bytes(), false);
                }
                rest = &rest[e + 1..];
            }
            _ => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_reads_as_text() {
        let html = "<html><head><title>x</title><style>p{}</style></head><body>\
            <p>Beste  mevrouw,</p><div>Uw afspraak is op <b>3&nbsp;maart</b>.</div>\
            <ul><li>paspoort</li><li>loonstrook &amp; huurcontract</li></ul>\
            <!-- comment --><p>Met vriendelijke groet,<br>WPI &#8364;&#x20AC; caf&eacute;</p></body></html>";
        assert_eq!(
            to_text(html),
            "Beste mevrouw,\n\nUw afspraak is op 3 maart.\n• paspoort\n• loonstrook & huurcontract\n\nMet vriendelijke groet,\nWPI €€ café"
        );
        assert_eq!(to_text("a &b c"), "a &b c");
        assert_eq!(to_text("<unclosed"), "");
    }
}
