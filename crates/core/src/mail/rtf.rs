//! The RTF body of an Outlook message: compressed RTF ([MS-OXRTFCP], "LZFu", or
//! stored "MELA") unpacked, then read as plain text. HTML wrapped in RTF
//! (`\fromhtml1`, [MS-OXRTFEX]) is unwrapped and turned into text like any HTML body.

/// The dictionary every compressed RTF stream starts from ([MS-OXRTFCP] 2.1.2.1).
const PREBUF: &[u8] = b"{\\rtf1\\ansi\\mac\\deff0\\deftab720{\\fonttbl;}{\\f0\\fnil \\froman \\fswiss \\fmodern \\fscript \\fdecor MS Sans SerifSymbolArialTimes New RomanCourier{\\colortbl\\red0\\green0\\blue0\r\n\\par \\pard\\plain\\f0\\fs20\\b\\i\\u\\tab\\tx";

const LZFU: u32 = 0x7546_5A4C;
const MELA: u32 = 0x414C_454D;

/// The RTF inside a PR_RTF_COMPRESSED stream; `None` when it is not one.
pub(crate) fn decompress(data: &[u8]) -> Option<Vec<u8>> {
    let word = |i: usize| -> Option<u32> {
        Some(u32::from_le_bytes(data.get(i..i + 4)?.try_into().ok()?))
    };
    let raw_size = word(4)? as usize;
    let kind = word(8)?;
    let body = data.get(16..)?;
    // Never more than the attachment limit, whatever the header claims.
    let raw_size = raw_size.min(crate::attachment::MAX_ATTACHMENT_BYTES as usize);
    match kind {
        MELA => Some(body[..raw_size.min(body.len())].to_vec()),
        LZFU => {
            let mut dict = [0u8; 4096];
            dict[..PREBUF.len()].copy_from_slice(PREBUF);
            let mut write = PREBUF.len();
            let mut out = Vec::with_capacity(raw_size.min(body.len() * 8));
            let mut i = 0;
            'outer: while i < body.len() && out.len() < raw_size {
                let control = body[i];
                i += 1;
                for bit in 0..8 {
                    if i >= body.len() || out.len() >= raw_size {
                        break 'outer;
                    }
                    if control & (1 << bit) == 0 {
                        let b = body[i];
                        i += 1;
                        out.push(b);
                        dict[write] = b;
                        write = (write + 1) % 4096;
                    } else {
                        let hi = *body.get(i)? as usize;
                        let lo = *body.get(i + 1)? as usize;
                        i += 2;
                        let v = (hi << 8) | lo;
                        let offset = v >> 4;
                        let len = (v & 0xF) + 2;
                        if offset == write {
                            break 'outer;
                        }
                        for k in 0..len {
                            let b = dict[(offset + k) % 4096];
                            out.push(b);
                            dict[write] = b;
                            write = (write + 1) % 4096;
                        }
                    }
                }
            }
            out.truncate(raw_size);
            Some(out)
        }
        _ => None,
    }
}

/// Groups whose content is never text for a reader.
const SKIPPED: [&str; 16] = [
    "fonttbl",
    "colortbl",
    "stylesheet",
    "info",
    "pict",
    "object",
    "header",
    "footer",
    "listtable",
    "listoverridetable",
    "rsidtbl",
    "generator",
    "themedata",
    "latentstyles",
    "datastore",
    "filetbl",
];

/// The text of an RTF document (or the HTML it wraps, as text).
pub(crate) fn to_text(rtf: &[u8]) -> String {
    let from_html = rtf.windows(10).any(|w| w == b"\\fromhtml1");
    let mut out: Vec<u8> = Vec::new();
    // Per group: skipped, inside an \htmltag, \htmlrtf on.
    let mut stack: Vec<(bool, bool, bool)> = vec![(false, false, false)];
    let mut charset = "windows-1252".to_string();
    let mut pending_u: Vec<u16> = Vec::new();
    let mut i = 0;
    let flush_u = |out: &mut Vec<u8>, pending: &mut Vec<u16>| {
        if !pending.is_empty() {
            out.extend_from_slice(String::from_utf16_lossy(pending).as_bytes());
            pending.clear();
        }
    };
    while i < rtf.len() {
        let (skip, tag, htmlrtf) = *stack.last().unwrap_or(&(false, false, false));
        let visible = !skip && (!from_html || tag || !htmlrtf);
        let c = rtf[i];
        match c {
            b'{' => {
                stack.push((skip, tag, htmlrtf));
                i += 1;
            }
            b'}' => {
                if stack.len() > 1 {
                    stack.pop();
                }
                i += 1;
            }
            b'\\' => {
                i += 1;
                let Some(&next) = rtf.get(i) else { break };
                if next.is_ascii_alphabetic() {
                    let start = i;
                    while i < rtf.len() && rtf[i].is_ascii_alphabetic() {
                        i += 1;
                    }
                    let word = String::from_utf8_lossy(&rtf[start..i]).into_owned();
                    let pstart = i;
                    if i < rtf.len() && (rtf[i] == b'-' || rtf[i].is_ascii_digit()) {
                        i += 1;
                        while i < rtf.len() && rtf[i].is_ascii_digit() {
                            i += 1;
                        }
                    }
                    let param: Option<i64> = std::str::from_utf8(&rtf[pstart..i])
                        .ok()
                        .and_then(|p| p.parse().ok());
                    if i < rtf.len() && rtf[i] == b' ' {
                        i += 1;
                    }
                    let top = stack.len() - 1;
                    match word.as_str() {
                        w if SKIPPED.contains(&w) => stack[top].0 = true,
                        "htmltag" | "mhtmltag" => stack[top].1 = true,
                        "htmlrtf" => stack[top].2 = param != Some(0),
                        "ansicpg" => {
                            charset = super::text::codepage_label(param.unwrap_or(1252) as u32)
                        }
                        "par" | "line" if visible => {
                            flush_u(&mut out, &mut pending_u);
                            out.extend_from_slice(if from_html { b"\r\n" } else { b"\n" });
                        }
                        "tab" if visible => out.push(b'\t'),
                        "u" if visible => {
                            if let Some(p) = param {
                                pending_u.push(p as i16 as u16);
                            }
                            // The substitute character after \uN (one, \uc1).
                            if rtf.get(i) == Some(&b'\\') && rtf.get(i + 1) == Some(&b'\'') {
                                i += 4;
                            } else if i < rtf.len() && !matches!(rtf[i], b'{' | b'}' | b'\\') {
                                i += 1;
                            }
                            continue;
                        }
                        _ => {}
                    }
                } else if next == b'*' {
                    i += 1;
                    // An ignorable destination: kept only when it is an HTML tag.
                    let is_tag =
                        rtf[i..].starts_with(b"\\htmltag") || rtf[i..].starts_with(b"\\mhtmltag");
                    if !is_tag {
                        let top = stack.len() - 1;
                        stack[top].0 = true;
                    }
                } else if next == b'\'' {
                    let hex = rtf
                        .get(i + 1..i + 3)
                        .and_then(|h| std::str::from_utf8(h).ok());
                    if let Some(b) = hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                        if visible {
                            flush_u(&mut out, &mut pending_u);
                            out.extend_from_slice(
                                super::text::decode_charset(&charset, &[b]).as_bytes(),
                            );
                        }
                    }
                    i += 3;
                } else {
                    if visible {
                        match next {
                            b'~' => out.push(b' '),
                            b'\\' | b'{' | b'}' => out.push(next),
                            b'\n' | b'\r' => out.push(b'\n'),
                            _ => {}
                        }
                    }
                    i += 1;
                }
                continue;
            }
            b'\r' | b'\n' => i += 1,
            _ => {
                if visible {
                    flush_u(&mut out, &mut pending_u);
                    out.push(c);
                }
                i += 1;
            }
        }
        if c == b'}' || c == b'{' {
            flush_u(&mut out, &mut pending_u);
        }
    }
    flush_u(&mut out, &mut pending_u);
    let text = String::from_utf8_lossy(&out).into_owned();
    if from_html {
        super::html::to_text(&text)
    } else {
        super::text::clean_multiline(&text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_dictionary_has_the_length_the_spec_gives() {
        assert_eq!(PREBUF.len(), 207);
    }

    #[test]
    fn plain_rtf_reads_as_text() {
        let rtf = br"{\rtf1\ansi\ansicpg1252{\fonttbl{\f0 Arial;}}{\*\generator x;}\pard Beste mevrouw,\par Uw afspraak is op 3 maart \'e9\u8364?.\par}";
        assert_eq!(
            to_text(rtf),
            "Beste mevrouw,\nUw afspraak is op 3 maart é€."
        );
        let stored = [
            &[0u8; 4][..],
            &5u32.to_le_bytes(),
            &MELA.to_le_bytes(),
            &[0; 4],
            b"{\\rtf}",
        ]
        .concat();
        assert_eq!(decompress(&stored).unwrap(), b"{\\rtf");
    }
}
