//! Finishing with lopdf: places images (JPEGs with their original bytes) and the pages
//! of attached PDFs (each as a form XObject, scaled into its reserved slot), and sets
//! the document's language, title display and dates from the clock, its sRGB output
//! intent, and the PDF/A-2b claim when no attached PDF's pages are in it.

use std::collections::HashMap;

use lopdf::{dictionary, Dictionary, Document, Object, ObjectId, Stream, StringFormat};

use super::canvas::{deflate, text_string, Drawn};
use super::exhibits::Exhibit;
use super::layout::{Page, Slot, Target};
use super::media::Media;
use super::options::Lang;
use crate::clock::Clock;
use crate::error::{Error, Result};

fn broken(what: &str, e: lopdf::Error) -> Error {
    Error::Invalid(format!("could not {what} of the PDF bundle: {e}"))
}

/// A page content stream larger than this (decompressed) is treated as unreadable:
/// a crafted PDF should not exhaust memory.
const MAX_CONTENT: usize = 256 * 1024 * 1024;

/// An attached PDF's objects, moved into the bundle once.
struct Imported {
    /// Per original page: its form XObject, and its size and rotation.
    forms: Vec<Option<(ObjectId, [f32; 4], i64)>>,
}

#[allow(clippy::too_many_arguments)] // one call site; the parts of one finished layout
pub fn finish(
    drawn: Drawn,
    pages: &[Page],
    anchors: &HashMap<Target, (usize, f32)>,
    exhibits: &[Exhibit<'_>],
    title: &str,
    lang: Lang,
    clock: &dyn Clock,
) -> Result<Vec<u8>> {
    let Drawn {
        mut doc,
        page_ids,
        every_glyph,
    } = drawn;
    let mut imported: HashMap<usize, Imported> = HashMap::new();
    let mut images: HashMap<usize, ObjectId> = HashMap::new();
    for (page, &page_id) in pages.iter().zip(&page_ids) {
        let Some(slot) = page.slot else { continue };
        let Some(ex) = exhibits.get(slot.media) else {
            continue;
        };
        let placed = match &ex.media {
            Media::Jpeg { .. } | Media::Raw { .. } => {
                let id = match images.get(&slot.media) {
                    Some(id) => *id,
                    None => {
                        let id = doc.add_object(image_stream(ex));
                        images.insert(slot.media, id);
                        id
                    }
                };
                Some((id, image_matrix(&slot)))
            }
            Media::Pdf {
                doc: original,
                pages: originals,
            } => {
                let imp = imported
                    .entry(slot.media)
                    .or_insert_with(|| import(&mut doc, original, originals));
                imp.forms
                    .get(slot.page)
                    .copied()
                    .flatten()
                    .map(|(id, bbox, rotate)| (id, form_matrix(&slot, bbox, rotate)))
            }
            _ => None,
        };
        if let Some((xobject, matrix)) = placed {
            place(&mut doc, page_id, xobject, &matrix)?;
        }
    }
    output_intent(&mut doc)?;
    // Our own pages keep PDF/A-2b's rules; an attached PDF's pages are copied as they
    // are and may not (see xmp.rs), so only a bundle without them says it conforms.
    // A character without a glyph prints as `.notdef`, which PDF/A forbids.
    metadata(
        &mut doc,
        title,
        lang,
        clock,
        imported.is_empty() && every_glyph,
    )?;
    outline(&mut doc, pages, &page_ids)?;
    links(&mut doc, pages, &page_ids, anchors)?;
    // The document ID: a placeholder goes in now and is replaced by the file's own
    // fingerprint after saving (same length, so no offset moves): the same dossier
    // and clock give the same bytes.
    let zero = Object::String(vec![0; 16], StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![zero.clone(), zero]);
    if !imported.is_empty() {
        // An attached PDF brings all its objects, the ones its pages do not use too.
        doc.prune_objects();
    }
    compress(&mut doc);
    // Sized up front: grown by doubling, its buffer would end up far larger than it.
    let streams: usize = doc
        .objects
        .values()
        .map(|o| match o {
            Object::Stream(s) => s.content.len(),
            _ => 0,
        })
        .sum();
    let mut out = Vec::with_capacity(streams + doc.objects.len() * 200 + 4096);
    doc.save_to(&mut out)
        .map_err(|e| Error::io("write the PDF bundle", e))?;
    stamp_id(&mut out);
    Ok(out)
}

fn image_stream(ex: &Exhibit<'_>) -> Stream {
    match &ex.media {
        Media::Jpeg {
            w, h, gray, bytes, ..
        } => Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Image",
                "Width" => i64::from(*w), "Height" => i64::from(*h),
                "ColorSpace" => if *gray { "DeviceGray" } else { "DeviceRGB" },
                "BitsPerComponent" => 8, "Filter" => "DCTDecode",
            },
            bytes.clone(),
        )
        .with_compression(false),
        Media::Raw {
            w, h, gray, pixels, ..
        } => {
            let mut s = Stream::new(
                dictionary! {
                    "Type" => "XObject", "Subtype" => "Image",
                    "Width" => i64::from(*w), "Height" => i64::from(*h),
                    "ColorSpace" => if *gray { "DeviceGray" } else { "DeviceRGB" },
                    "BitsPerComponent" => 8,
                },
                pixels.clone(),
            );
            // Compressing raw pixels cannot fail in a way worth stopping for.
            let _ = s.compress();
            s
        }
        _ => Stream::new(Dictionary::new(), Vec::new()),
    }
}

/// How an XObject is drawn: `cm` operations (outermost first), and the rectangle it
/// ends up in (x, y, w, h), which gets a thin frame so the original's edge shows.
type Placement = (Vec<[f32; 6]>, [f32; 4]);

fn image_matrix(s: &Slot) -> Placement {
    (vec![[s.w, 0.0, 0.0, s.h, s.x, s.y]], [s.x, s.y, s.w, s.h])
}

/// Looks up `key` on a page or the nearest ancestor that has it (MediaBox, Resources
/// and Rotate are inheritable).
fn inherited(doc: &Document, mut id: ObjectId, key: &[u8]) -> Option<Object> {
    for _ in 0..64 {
        let dict = doc.get_dictionary(id).ok()?;
        if let Ok(v) = dict.get(key) {
            return Some(match v {
                Object::Reference(r) => doc.get_object(*r).ok()?.clone(),
                other => other.clone(),
            });
        }
        id = dict.get(b"Parent").ok()?.as_reference().ok()?;
    }
    None
}

fn number(o: &Object) -> Option<f32> {
    match o {
        Object::Integer(i) => Some(*i as f32),
        Object::Real(r) => Some(*r),
        _ => None,
    }
}

fn rect(doc: &Document, page: ObjectId) -> [f32; 4] {
    let get = |key: &[u8]| {
        let arr = inherited(doc, page, key)?;
        let v: Vec<f32> = arr.as_array().ok()?.iter().filter_map(number).collect();
        (v.len() == 4 && v[2] != v[0] && v[3] != v[1]).then(|| {
            [
                v[0].min(v[2]),
                v[1].min(v[3]),
                v[0].max(v[2]),
                v[1].max(v[3]),
            ]
        })
    };
    get(b"CropBox")
        .or_else(|| get(b"MediaBox"))
        .unwrap_or([0.0, 0.0, 595.28, 841.89])
}

/// Moves an attached PDF's objects into the bundle and makes a form XObject of each
/// page. A page whose content cannot be read gets `None` and stays blank in its slot
/// (its header still names the exhibit and page).
fn import(doc: &mut Document, original: &Document, pages: &[ObjectId]) -> Imported {
    let mut other = original.clone();
    other.renumber_objects_with(doc.max_id + 1);
    let offset = doc.max_id;
    let mut forms = Vec::new();
    let renumbered: Vec<ObjectId> = other.get_pages().into_values().collect();
    for (i, &page) in renumbered.iter().enumerate() {
        if i >= pages.len() {
            break;
        }
        let bbox = rect(&other, page);
        let rotate = inherited(&other, page, b"Rotate")
            .and_then(|r| r.as_i64().ok())
            .unwrap_or(0)
            .rem_euclid(360);
        let resources =
            inherited(&other, page, b"Resources").unwrap_or(Object::Dictionary(Dictionary::new()));
        let Ok(content) = other.get_page_content_with_limit(page, MAX_CONTENT) else {
            forms.push(None);
            continue;
        };
        let form = Stream::new(
            dictionary! {
                "Type" => "XObject", "Subtype" => "Form",
                "BBox" => bbox.iter().map(|v| Object::Real(*v)).collect::<Vec<_>>(),
                "Resources" => resources,
            },
            content,
        );
        forms.push(Some((form, bbox, rotate)));
    }
    doc.max_id = other.max_id.max(offset);
    for (id, object) in std::mem::take(&mut other.objects) {
        doc.objects.insert(id, object);
    }
    let forms = forms
        .into_iter()
        .map(|f| f.map(|(form, bbox, rotate)| (doc.add_object(form), bbox, rotate)))
        .collect();
    Imported { forms }
}

/// Scale to fit the slot, honour /Rotate, centre: as a list of `cm` operations,
/// outermost first.
fn form_matrix(s: &Slot, bbox: [f32; 4], rotate: i64) -> Placement {
    let (w, h) = (bbox[2] - bbox[0], bbox[3] - bbox[1]);
    let (dw, dh) = if rotate == 90 || rotate == 270 {
        (h, w)
    } else {
        (w, h)
    };
    let scale = (s.w / dw).min(s.h / dh);
    let (ox, oy) = (s.x + (s.w - dw * scale) / 2.0, s.y + (s.h - dh * scale));
    let turn = match rotate {
        90 => [0.0, -1.0, 1.0, 0.0, 0.0, w],
        180 => [-1.0, 0.0, 0.0, -1.0, w, h],
        270 => [0.0, 1.0, -1.0, 0.0, h, 0.0],
        _ => [1.0, 0.0, 0.0, 1.0, 0.0, 0.0],
    };
    let cm = vec![
        [1.0, 0.0, 0.0, 1.0, ox, oy],
        [scale, 0.0, 0.0, scale, 0.0, 0.0],
        turn,
        [1.0, 0.0, 0.0, 1.0, -bbox[0], -bbox[1]],
    ];
    (cm, [ox, oy, dw * scale, dh * scale])
}

/// Adds `xobject` to the page's resources and draws it with `matrix`.
fn place(
    doc: &mut Document,
    page: ObjectId,
    xobject: ObjectId,
    placement: &Placement,
) -> Result<()> {
    let (matrix, frame) = placement;
    let name = format!("DkX{}", xobject.0);
    let resources =
        inherited(doc, page, b"Resources").unwrap_or(Object::Dictionary(Dictionary::new()));
    let mut resources = resources.as_dict().cloned().unwrap_or_default();
    let mut xobjects = match resources.get(b"XObject") {
        Ok(Object::Reference(r)) => doc.get_dictionary(*r).cloned().unwrap_or_default(),
        Ok(Object::Dictionary(d)) => d.clone(),
        _ => Dictionary::new(),
    };
    xobjects.set(name.as_bytes().to_vec(), Object::Reference(xobject));
    resources.set("XObject", Object::Dictionary(xobjects));
    doc.get_dictionary_mut(page)
        .map_err(|e| broken("find a page", e))?
        .set("Resources", Object::Dictionary(resources));
    let mut ops = String::from("q\n");
    for m in matrix {
        ops += &format!("{} {} {} {} {} {} cm\n", m[0], m[1], m[2], m[3], m[4], m[5]);
    }
    ops += &format!("/{name} Do\nQ\n");
    // A thin grey frame after the original, so its white edge shows on the page.
    ops += &format!(
        "q 0.55 G 0.5 w {} {} {} {} re S Q\n",
        frame[0], frame[1], frame[2], frame[3]
    );
    doc.add_page_contents(page, ops.into_bytes())
        .map_err(|e| broken("add a page's content", e))
}

/// Deflates every stream that is not yet filtered and may be (the XMP packet stays
/// plain; the canvas deflated its own streams already), at zlib's fast level.
fn compress(doc: &mut Document) {
    for object in doc.objects.values_mut() {
        let Object::Stream(stream) = object else {
            continue;
        };
        if !stream.allows_compression || stream.dict.get(b"Filter").is_ok() {
            continue;
        }
        let packed = deflate(&stream.content);
        // Only when it saves more than the filter entry costs.
        if packed.len() + 19 < stream.content.len() {
            stream.dict.set("Filter", "FlateDecode");
            stream.set_content(packed);
        }
    }
}

/// Writes the file's SHA-256 (first 16 bytes) over the two placeholder IDs in the
/// trailer: the last two occurrences of the placeholder.
fn stamp_id(out: &mut [u8]) {
    let placeholder = format!("<{}>", "0".repeat(32)).into_bytes();
    let digest = ring::digest::digest(&ring::digest::SHA256, out);
    let id = format!("<{}>", hex::encode_upper(&digest.as_ref()[..16])).into_bytes();
    let mut end = out.len();
    for _ in 0..2 {
        let Some(at) = out[..end]
            .windows(placeholder.len())
            .rposition(|w| w == placeholder.as_slice())
        else {
            return;
        };
        out[at..at + id.len()].copy_from_slice(&id);
        end = at;
    }
}

/// Bookmarks for the cover, the chronology, the index and every exhibit, so a
/// lawyer can jump to "Bijlage 7" in any viewer.
fn outline(doc: &mut Document, pages: &[Page], page_ids: &[ObjectId]) -> Result<()> {
    let marks: Vec<(&str, ObjectId)> = pages
        .iter()
        .zip(page_ids)
        .filter_map(|(p, id)| p.bookmark.as_deref().map(|b| (b, *id)))
        .collect();
    if marks.is_empty() {
        return Ok(());
    }
    let root = doc.new_object_id();
    let ids: Vec<ObjectId> = marks.iter().map(|_| doc.new_object_id()).collect();
    for (i, (title, page)) in marks.iter().enumerate() {
        let mut item = dictionary! {
            "Title" => text_string(title),
            "Parent" => root,
            "Dest" => vec![Object::Reference(*page), "XYZ".into(), Object::Null, Object::Null, Object::Null],
        };
        if i > 0 {
            item.set("Prev", ids[i - 1]);
        }
        if let Some(next) = ids.get(i + 1) {
            item.set("Next", *next);
        }
        doc.objects.insert(ids[i], Object::Dictionary(item));
    }
    let count = i64::try_from(ids.len()).unwrap_or(i64::MAX);
    doc.objects.insert(
        root,
        Object::Dictionary(dictionary! {
            "Type" => "Outlines", "First" => ids[0], "Last" => ids[ids.len() - 1], "Count" => count,
        }),
    );
    let catalog = doc
        .catalog_mut()
        .map_err(|e| broken("find the catalog", e))?;
    catalog.set("Outlines", root);
    catalog.set("PageMode", "UseOutlines");
    Ok(())
}

/// PDF date string from the clock: reproducible bundles in tests.
/// Link annotations: each leads to the page and height where its target starts (no
/// border, so paper shows nothing; a viewer shows a hand).
fn links(
    doc: &mut Document,
    pages: &[Page],
    page_ids: &[ObjectId],
    anchors: &HashMap<Target, (usize, f32)>,
) -> Result<()> {
    for (page, &id) in pages.iter().zip(page_ids) {
        let mut annots = Vec::new();
        for l in &page.links {
            let Some(&(to, top)) = anchors.get(&l.target) else {
                continue;
            };
            let Some(&dest) = page_ids.get(to) else {
                continue;
            };
            let annot = dictionary! {
                "Type" => "Annot", "Subtype" => "Link",
                "Rect" => vec![l.x.into(), l.y.into(), (l.x + l.w).into(), (l.y + l.h).into()],
                "Border" => vec![0.into(), 0.into(), 0.into()],
                // Printable, as PDF/A asks of every annotation.
                "F" => 4,
                "Dest" => vec![dest.into(), Object::Name(b"XYZ".to_vec()), Object::Null, top.into(), Object::Null],
            };
            annots.push(Object::Reference(doc.add_object(annot)));
        }
        if annots.is_empty() {
            continue;
        }
        let dict = doc
            .get_object_mut(id)
            .and_then(Object::as_dict_mut)
            .map_err(|e| broken("add links to a page", e))?;
        dict.set("Annots", annots);
    }
    Ok(())
}

fn pdf_date(clock: &dyn Clock) -> String {
    clock.now().format("D:%Y%m%d%H%M%SZ").to_string()
}

/// The sRGB output intent PDF/A asks for when a page uses device colour (our text is
/// DeviceGray, photos DeviceRGB): the colours mean sRGB on any screen or printer.
fn output_intent(doc: &mut Document) -> Result<()> {
    let profile = Stream::new(dictionary! { "N" => 3 }, super::icc::srgb());
    let profile = doc.add_object(profile);
    let intent = dictionary! {
        "Type" => "OutputIntent",
        "S" => "GTS_PDFA1",
        "OutputConditionIdentifier" => Object::string_literal("sRGB IEC61966-2.1"),
        "Info" => Object::string_literal("sRGB IEC61966-2.1"),
        "RegistryName" => Object::string_literal("http://www.color.org"),
        "DestOutputProfile" => profile,
    };
    let intent = doc.add_object(intent);
    doc.catalog_mut()
        .map_err(|e| broken("find the catalog", e))?
        .set("OutputIntents", vec![Object::Reference(intent)]);
    Ok(())
}

fn metadata(
    doc: &mut Document,
    title: &str,
    lang: Lang,
    clock: &dyn Clock,
    pdfa: bool,
) -> Result<()> {
    let catalog = doc
        .catalog_mut()
        .map_err(|e| broken("find the catalog", e))?;
    catalog.set(
        "Lang",
        Object::String(lang.tag().as_bytes().to_vec(), StringFormat::Literal),
    );
    catalog.set(
        "ViewerPreferences",
        dictionary! { "DisplayDocTitle" => true },
    );
    let date = pdf_date(clock);
    let info = dictionary! {
        "Title" => text_string(title),
        "Creator" => Object::string_literal("Dossierkluis"),
        "Producer" => Object::string_literal("Dossierkluis (lopdf)"),
        "CreationDate" => Object::string_literal(date.clone()),
        "ModDate" => Object::string_literal(date),
    };
    let info_id = doc.add_object(info);
    doc.trailer.set("Info", Object::Reference(info_id));
    // Uncompressed, as PDF/A asks of the metadata stream, so any tool can read it.
    let xmp = super::xmp::packet(title, lang.tag(), clock.now(), pdfa);
    let stream = Stream::new(
        dictionary! { "Type" => "Metadata", "Subtype" => "XML" },
        xmp.into_bytes(),
    )
    .with_compression(false);
    let xmp_id = doc.add_object(stream);
    doc.catalog_mut()
        .map_err(|e| broken("find the catalog", e))?
        .set("Metadata", Object::Reference(xmp_id));
    Ok(())
}
