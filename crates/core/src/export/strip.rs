//! Metadata out of printed pictures. A phone photo carries EXIF (GPS position, camera,
//! time), XMP and IPTC, which can tell a reader where a person lives or shelters; the
//! bundle prints the picture, never that. A JPEG placed as it is keeps its compressed
//! image data byte for byte and loses only the metadata segments; decoded pictures
//! (PNG, WebP, rotated JPEGs) are re-encoded from pixels and so carry none. The dossier
//! keeps the original bytes and their SHA-256 unchanged.

/// JPEG markers whose segments carry the picture; every other APPn segment (EXIF and
/// XMP in APP1, ICC and FlashPix in APP2, IPTC in APP13, …) and comments (COM) go.
/// APP0 (JFIF) and APP14 (Adobe: the colour transform) stay, as a viewer needs them.
fn keep(marker: u8) -> bool {
    !matches!(marker, 0xE1..=0xED | 0xEF | 0xFE)
}

/// `bytes` (a whole JPEG) without its metadata segments, and whether any were there;
/// `None` when the segment structure does not parse (the caller then re-encodes).
pub fn jpeg(bytes: &[u8]) -> Option<(Vec<u8>, bool)> {
    if !bytes.starts_with(&[0xFF, 0xD8]) {
        return None;
    }
    let mut out = Vec::with_capacity(bytes.len());
    out.extend_from_slice(&bytes[..2]);
    let mut removed = false;
    let mut i = 2;
    loop {
        // Fill bytes (0xFF repeated) may sit before a marker.
        while bytes.get(i) == Some(&0xFF) && bytes.get(i + 1) == Some(&0xFF) {
            i += 1;
        }
        if bytes.get(i) != Some(&0xFF) {
            return None;
        }
        let marker = *bytes.get(i + 1)?;
        match marker {
            0xD9 => {
                out.extend_from_slice(&bytes[i..i + 2]);
                return Some((out, removed));
            }
            // Markers without a length (TEM, RSTn) outside a scan.
            0x01 | 0xD0..=0xD7 => {
                out.extend_from_slice(&bytes[i..i + 2]);
                i += 2;
                continue;
            }
            _ => {}
        }
        let len = usize::from(u16::from_be_bytes([*bytes.get(i + 2)?, *bytes.get(i + 3)?]));
        let end = i
            .checked_add(2 + len)
            .filter(|&e| len >= 2 && e <= bytes.len())?;
        if keep(marker) {
            out.extend_from_slice(&bytes[i..end]);
        } else {
            removed = true;
        }
        i = end;
        if marker == 0xDA {
            // Entropy-coded data up to the next marker that is not a stuffed 0xFF00 or
            // a restart marker.
            let start = i;
            while i + 1 < bytes.len() {
                if bytes[i] == 0xFF
                    && bytes[i + 1] != 0x00
                    && !(0xD0..=0xD7).contains(&bytes[i + 1])
                {
                    break;
                }
                i += 1;
            }
            if i + 1 >= bytes.len() {
                return None;
            }
            out.extend_from_slice(&bytes[start..i]);
        }
    }
}

/// Whether a PNG holds text, EXIF or time chunks, which a re-encoded copy drops.
fn png_has_metadata(bytes: &[u8]) -> bool {
    let mut i = 8;
    while i + 8 <= bytes.len() {
        let len = u32::from_be_bytes([bytes[i], bytes[i + 1], bytes[i + 2], bytes[i + 3]]) as usize;
        let kind = &bytes[i + 4..i + 8];
        if matches!(kind, b"eXIf" | b"tEXt" | b"zTXt" | b"iTXt" | b"tIME") {
            return true;
        }
        i = match i.checked_add(12 + len) {
            Some(n) => n,
            None => return false,
        };
    }
    false
}

/// Whether a WebP holds an EXIF or XMP chunk.
fn webp_has_metadata(bytes: &[u8]) -> bool {
    let mut i = 12;
    while i + 8 <= bytes.len() {
        let kind = &bytes[i..i + 4];
        if matches!(kind, b"EXIF" | b"XMP ") {
            return true;
        }
        let len =
            u32::from_le_bytes([bytes[i + 4], bytes[i + 5], bytes[i + 6], bytes[i + 7]]) as usize;
        i = match i.checked_add(8 + len + (len & 1)) {
            Some(n) => n,
            None => return false,
        };
    }
    false
}

/// Whether the original picture carried metadata that the printed copy leaves out.
pub fn had_metadata(bytes: &[u8], format: image::ImageFormat) -> bool {
    match format {
        image::ImageFormat::Jpeg => jpeg(bytes).is_some_and(|(_, removed)| removed),
        image::ImageFormat::Png => png_has_metadata(bytes),
        image::ImageFormat::WebP => webp_has_metadata(bytes),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn segment(marker: u8, body: &[u8]) -> Vec<u8> {
        let mut s = vec![0xFF, marker];
        s.extend_from_slice(&u16::try_from(body.len() + 2).unwrap().to_be_bytes());
        s.extend_from_slice(body);
        s
    }

    #[test]
    fn metadata_segments_go_and_the_picture_stays() {
        let mut j = vec![0xFF, 0xD8];
        j.extend(segment(0xE0, b"JFIF\0\x01\x01"));
        j.extend(segment(0xE1, b"Exif\0\0GPS 52.37N 4.89E"));
        j.extend(segment(0xFE, b"taken at home"));
        j.extend(segment(0xDB, &[0; 65]));
        j.extend(segment(0xDA, &[1, 1, 0, 0, 63, 0]));
        // Scan data with a stuffed 0xFF00 and a restart marker inside.
        j.extend_from_slice(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56]);
        j.extend_from_slice(&[0xFF, 0xD9]);
        let (out, removed) = jpeg(&j).unwrap();
        assert!(removed);
        let text = String::from_utf8_lossy(&out);
        assert!(!text.contains("GPS") && !text.contains("home"), "{text}");
        assert!(text.contains("JFIF"));
        assert!(out.ends_with(&[0x12, 0xFF, 0x00, 0x34, 0xFF, 0xD0, 0x56, 0xFF, 0xD9]));
    }

    #[test]
    fn a_broken_structure_is_not_guessed_at() {
        assert!(jpeg(b"not a jpeg").is_none());
        let mut j = vec![0xFF, 0xD8];
        j.extend_from_slice(&[0xFF, 0xE1, 0x40, 0x00, 1, 2, 3]);
        assert!(jpeg(&j).is_none(), "a length past the end");
    }
}
