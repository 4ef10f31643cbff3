//! The sRGB colour profile (ICC v2.1, display class) for the bundle's PDF/A output
//! intent (ISO 19005-2, 6.2.3), made from the sRGB definition (IEC 61966-2-1) rather
//! than copied from a file, so no third-party profile bytes or licence come along.
//!
//! Colorants are sRGB's primaries adapted to the D50 connection space (Bradford), as
//! in every sRGB v2 profile; the tone curve is sRGB's own (linear foot, 2.4 power) as
//! a 1,024-point table.

/// A 4-byte tag or type signature.
fn sig(s: &[u8; 4]) -> [u8; 4] {
    *s
}

/// ICC s15Fixed16Number.
fn s15(v: f64) -> [u8; 4] {
    // Rounded to the nearest 1/65536, as the values in the ICC specification's tables.
    ((v * 65536.0).round() as i32).to_be_bytes()
}

fn xyz(x: f64, y: f64, z: f64) -> Vec<u8> {
    let mut t = Vec::with_capacity(20);
    t.extend(sig(b"XYZ "));
    t.extend([0; 4]);
    for v in [x, y, z] {
        t.extend(s15(v));
    }
    t
}

/// textDescriptionType (ICC v2): an ASCII description, no Unicode or ScriptCode part.
fn desc(s: &str) -> Vec<u8> {
    let mut t = Vec::new();
    t.extend(sig(b"desc"));
    t.extend([0; 4]);
    t.extend(u32::try_from(s.len() + 1).unwrap_or(0).to_be_bytes());
    t.extend(s.as_bytes());
    t.push(0);
    t.extend([0; 4]); // Unicode language code
    t.extend([0; 4]); // Unicode count
    t.extend([0; 2]); // ScriptCode code
    t.push(0); // ScriptCode count
    t.extend([0; 67]); // ScriptCode string
    t
}

fn text(s: &str) -> Vec<u8> {
    let mut t = Vec::new();
    t.extend(sig(b"text"));
    t.extend([0; 4]);
    t.extend(s.as_bytes());
    t.push(0);
    t
}

/// sRGB's tone curve, from the encoded value to linear light.
fn srgb_to_linear(v: f64) -> f64 {
    if v <= 0.04045 {
        v / 12.92
    } else {
        ((v + 0.055) / 1.055).powf(2.4)
    }
}

fn curve() -> Vec<u8> {
    const POINTS: u32 = 1024;
    let mut t = Vec::new();
    t.extend(sig(b"curv"));
    t.extend([0; 4]);
    t.extend(POINTS.to_be_bytes());
    for i in 0..POINTS {
        let y = srgb_to_linear(f64::from(i) / f64::from(POINTS - 1));
        t.extend(((y * 65535.0).round() as u16).to_be_bytes());
    }
    t
}

/// The profile's bytes.
pub fn srgb() -> Vec<u8> {
    let trc = curve();
    let tags: Vec<([u8; 4], Vec<u8>)> = vec![
        (sig(b"desc"), desc("sRGB IEC61966-2.1")),
        (sig(b"cprt"), text("No copyright, use freely")),
        (sig(b"wtpt"), xyz(0.9642, 1.0, 0.8249)),
        (sig(b"rXYZ"), xyz(0.436_074_7, 0.222_504_5, 0.013_932_2)),
        (sig(b"gXYZ"), xyz(0.385_064_9, 0.716_878_6, 0.097_104_5)),
        (sig(b"bXYZ"), xyz(0.143_080_4, 0.060_616_9, 0.714_173_3)),
        (sig(b"rTRC"), trc.clone()),
        (sig(b"gTRC"), trc.clone()),
        (sig(b"bTRC"), trc),
    ];
    let table_len = 4 + 12 * tags.len();
    let mut data = Vec::new();
    let mut entries = Vec::new();
    for (tag, body) in &tags {
        let offset = 128 + table_len + data.len();
        entries.push((*tag, offset, body.len()));
        data.extend(body);
        // Every tag's data starts on a 4-byte boundary.
        while data.len() % 4 != 0 {
            data.push(0);
        }
    }
    let size = 128 + table_len + data.len();
    let u32be = |n: usize| u32::try_from(n).unwrap_or(u32::MAX).to_be_bytes();
    let mut out = Vec::with_capacity(size);
    out.extend(u32be(size));
    out.extend([0; 4]); // preferred CMM: none
    out.extend([0x02, 0x10, 0, 0]); // version 2.1.0
    out.extend(sig(b"mntr"));
    out.extend(sig(b"RGB "));
    out.extend(sig(b"XYZ "));
    // Creation date, fixed so the same dossier gives the same bundle bytes.
    for v in [2026u16, 12, 1, 0, 0, 0] {
        out.extend(v.to_be_bytes());
    }
    out.extend(sig(b"acsp"));
    out.extend([0; 4]); // platform
    out.extend([0; 4]); // flags
    out.extend([0; 4]); // manufacturer
    out.extend([0; 4]); // model
    out.extend([0; 8]); // attributes
    out.extend([0; 4]); // rendering intent: perceptual
    out.extend(s15(0.9642));
    out.extend(s15(1.0));
    out.extend(s15(0.8249));
    out.extend([0; 4]); // creator
    out.resize(128, 0);
    out.extend(u32be(tags.len()));
    for (tag, offset, len) in entries {
        out.extend(tag);
        out.extend(u32be(offset));
        out.extend(u32be(len));
    }
    out.extend(data);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_says_its_own_size_and_kind() {
        let p = srgb();
        assert_eq!(
            u32::from_be_bytes([p[0], p[1], p[2], p[3]]) as usize,
            p.len()
        );
        assert_eq!(&p[12..24], b"mntrRGB XYZ ");
        assert_eq!(&p[36..40], b"acsp");
        // Every tag lies inside the profile.
        let n = u32::from_be_bytes([p[128], p[129], p[130], p[131]]) as usize;
        for i in 0..n {
            let e = &p[132 + 12 * i..144 + 12 * i];
            let off = u32::from_be_bytes([e[4], e[5], e[6], e[7]]) as usize;
            let len = u32::from_be_bytes([e[8], e[9], e[10], e[11]]) as usize;
            assert!(off.is_multiple_of(4) && off + len <= p.len());
        }
    }
}
