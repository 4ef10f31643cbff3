//! Our PDF page writer, straight into a lopdf `Document`: each page's content stream
//! (text as Identity-H glyph codes, lines, grey fills) is written into one reused
//! buffer and deflated when the page ends; the faces used are embedded when the
//! document is finished (`embed`).

use flate2::{Compress, Compression, FlushCompress, Status};
use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::embed::{embed, Used};
use super::fonts::{Face, FaceData, Fonts};
use crate::error::Result;

/// Fixed resource names, which are also the subset tags (six capitals): the same
/// dossier gives the same bytes.
const TAGS: [&str; 3] = ["DKREGU", "DKBOLD", "DKITAL"];

/// What was drawn: the document (pages, fonts, catalog), its pages in order, and
/// whether every character had a glyph.
pub struct Drawn {
    pub doc: Document,
    pub page_ids: Vec<ObjectId>,
    /// No `.notdef` was drawn (PDF/A forbids it, ISO 19005-2, 6.2.11.8).
    pub every_glyph: bool,
}

pub struct Canvas<'a> {
    fonts: &'a Fonts,
    doc: Document,
    pages_id: ObjectId,
    resources_id: ObjectId,
    page_ids: Vec<ObjectId>,
    /// The page being drawn, and its deflated form: both reused from page to page.
    buf: Vec<u8>,
    packed: Vec<u8>,
    z: Compress,
    used: [Used; 3],
    notdef: bool,
}

/// A number as content streams need it: to a thousandth of a point (far below what
/// print or screen can show), trailing zeros dropped, so "62", "801.89". Written by
/// hand: general float formatting was a twentieth of a big export.
fn num(buf: &mut Vec<u8>, v: f32) {
    let milli = (f64::from(v) * 1000.0).round() as i64;
    if milli < 0 {
        buf.push(b'-');
    }
    let m = milli.unsigned_abs();
    digits(buf, m / 1000);
    let mut frac = m % 1000;
    if frac != 0 {
        buf.push(b'.');
        let mut places = 3;
        while frac.is_multiple_of(10) {
            frac /= 10;
            places -= 1;
        }
        let at = buf.len();
        for _ in 0..places {
            buf.push(b'0' + (frac % 10) as u8);
            frac /= 10;
        }
        buf[at..].reverse();
    }
}

/// The point (x, y) followed by the operator `op`.
fn point(buf: &mut Vec<u8>, x: f32, y: f32, op: &[u8]) {
    num(buf, x);
    buf.push(b' ');
    num(buf, y);
    buf.extend_from_slice(op);
}

fn digits(buf: &mut Vec<u8>, mut n: u64) {
    let at = buf.len();
    loop {
        buf.push(b'0' + (n % 10) as u8);
        n /= 10;
        if n == 0 {
            break;
        }
    }
    buf[at..].reverse();
}

/// Deflates `data` into `out` at zlib's fast level (the slowest costs several times
/// the time for a file only a few percent smaller). `z` is reset and reused: a fresh
/// encoder per page would allocate and clear its tables for each of thousands of pages.
fn deflate_with(z: &mut Compress, data: &[u8], out: &mut Vec<u8>) {
    z.reset();
    out.clear();
    // zlib's bound for incompressible input is a little over its length.
    out.reserve(data.len() + data.len() / 64 + 64);
    loop {
        let done = usize::try_from(z.total_in()).unwrap_or(data.len());
        match z.compress_vec(&data[done.min(data.len())..], out, FlushCompress::Finish) {
            // Deflating into memory has no way to fail but misuse.
            Ok(Status::StreamEnd) | Err(_) => return,
            Ok(_) => out.reserve(out.capacity().max(4096)),
        }
    }
}

/// `data` deflated at zlib's fast level.
pub fn deflate(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    deflate_with(
        &mut Compress::new(Compression::fast(), true),
        data,
        &mut out,
    );
    out
}

/// A PDF text string: plain when ASCII, else UTF-16BE with its byte-order mark.
pub fn text_string(s: &str) -> Object {
    if s.is_ascii() {
        return Object::string_literal(s);
    }
    let mut bytes = vec![0xFE, 0xFF];
    for unit in s.encode_utf16() {
        bytes.extend(unit.to_be_bytes());
    }
    Object::String(bytes, StringFormat::Hexadecimal)
}

/// A stream of already deflated bytes.
pub fn packed(mut dict: Dictionary, deflated: Vec<u8>) -> Stream {
    dict.set("Filter", "FlateDecode");
    Stream::new(dict, deflated).with_compression(false)
}

impl<'a> Canvas<'a> {
    pub fn new(fonts: &'a Fonts) -> Canvas<'a> {
        // PDF/A-2 is built on PDF 1.7 (ISO 32000-1).
        let mut doc = Document::with_version("1.7");
        let pages_id = doc.new_object_id();
        let resources_id = doc.new_object_id();
        Canvas {
            fonts,
            doc,
            pages_id,
            resources_id,
            page_ids: Vec::new(),
            buf: Vec::with_capacity(64 * 1024),
            packed: Vec::with_capacity(16 * 1024),
            z: Compress::new(Compression::fast(), true),
            used: Default::default(),
            notdef: false,
        }
    }

    /// `s` with its baseline starting at (x, y).
    pub fn text(&mut self, face: Face, size: f32, x: f32, y: f32, s: &str) {
        let f: &FaceData = self.fonts.face(face);
        let used = &mut self.used[face as usize];
        let b = &mut self.buf;
        b.extend_from_slice(b"BT\n/");
        b.extend_from_slice(TAGS[face as usize].as_bytes());
        b.push(b' ');
        num(b, size);
        b.extend_from_slice(b" Tf\n");
        point(b, x, y, b" Td\n");
        // The codes as a literal string of bytes, escaped where the syntax needs it
        // (ISO 32000-1, 7.3.4.2): half the size of hex, so half the deflating.
        b.push(b'(');
        for c in s.chars() {
            let code = match f.glyph(c) {
                Some(g) => {
                    if used.codes.is_empty() {
                        used.codes = vec![0; usize::from(u16::MAX) + 1];
                    }
                    let slot = &mut used.codes[usize::from(g)];
                    if *slot == 0 {
                        used.glyphs.push((g, c));
                        *slot = u16::try_from(used.glyphs.len()).unwrap_or(0);
                    } else {
                        // Several characters can share a glyph (a space and a
                        // no-break space): the lowest is the one text extracts as.
                        let entry = &mut used.glyphs[usize::from(*slot) - 1];
                        entry.1 = entry.1.min(c);
                    }
                    *slot
                }
                None => {
                    if !c.is_whitespace() {
                        self.notdef = true;
                    }
                    0
                }
            };
            for byte in code.to_be_bytes() {
                match byte {
                    b'(' | b')' | b'\\' => b.extend_from_slice(&[b'\\', byte]),
                    // A bare CR would be read as an end of line.
                    b'\r' => b.extend_from_slice(b"\\r"),
                    _ => b.push(byte),
                }
            }
        }
        b.extend_from_slice(b") Tj\nET\n");
    }

    /// A straight line `width` thick.
    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32) {
        let b = &mut self.buf;
        num(b, width);
        b.extend_from_slice(b" w\n");
        point(b, x1, y1, b" m\n");
        point(b, x2, y2, b" l\nS\n");
    }

    /// A grey rectangle (0 black … 1 white); later text is black again.
    pub fn fill(&mut self, x: f32, y: f32, w: f32, h: f32, grey: f32) {
        let b = &mut self.buf;
        num(b, grey);
        b.extend_from_slice(b" g\n");
        for v in [x, y, w, h] {
            num(b, v);
            b.push(b' ');
        }
        b.extend_from_slice(b"re\nf\n0 g\n");
    }

    /// Ends the page being drawn, `w` by `h` points.
    pub fn end_page(&mut self, w: f32, h: f32) {
        deflate_with(&mut self.z, &self.buf, &mut self.packed);
        // A copy of exactly its length: the reused buffer keeps its spare room.
        let content = self
            .doc
            .add_object(packed(Dictionary::new(), self.packed.clone()));
        self.buf.clear();
        let page = dictionary! {
            "Type" => "Page",
            "Parent" => self.pages_id,
            "MediaBox" => vec![0.into(), 0.into(), w.into(), h.into()],
            "Contents" => content,
            "Resources" => self.resources_id,
        };
        let id = self.doc.add_object(page);
        self.page_ids.push(id);
    }

    /// Embeds the faces used and closes the page tree and catalog.
    pub fn finish(mut self) -> Result<Drawn> {
        let mut fonts = Dictionary::new();
        for face in Face::ALL {
            let used = std::mem::take(&mut self.used[face as usize]);
            if used.glyphs.is_empty() {
                continue;
            }
            let font = embed(
                &mut self.doc,
                self.fonts.face(face),
                TAGS[face as usize],
                &used,
            )?;
            fonts.set(TAGS[face as usize], font);
        }
        self.doc.objects.insert(
            self.resources_id,
            Object::Dictionary(dictionary! { "Font" => fonts }),
        );
        let count = i64::try_from(self.page_ids.len()).unwrap_or(i64::MAX);
        let kids: Vec<Object> = self.page_ids.iter().map(|id| (*id).into()).collect();
        self.doc.objects.insert(
            self.pages_id,
            Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
        );
        let catalog = self.doc.add_object(dictionary! {
            "Type" => "Catalog", "Pages" => self.pages_id, "PageLayout" => "OneColumn",
        });
        self.doc.trailer.set("Root", catalog);
        Ok(Drawn {
            doc: self.doc,
            page_ids: self.page_ids,
            every_glyph: !self.notdef,
        })
    }
}
