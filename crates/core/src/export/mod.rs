//! The printout (F9): a chronological PDF bundle for a lawyer or an objection, with a
//! cover, one block per entry, numbered exhibits with their SHA-256, the originals
//! appended, and medical material only in a separate, marked annex (F7).
//!
//! Built in passes over plain data: select the entries, classify the attachments,
//! lay out pages (twice, so the index can say where each exhibit starts), draw them
//! with our own writer into a lopdf document (`canvas`), then place images and merged
//! PDF pages in it. The database is only read by the thin loader in `load`.

mod attention;
pub(crate) mod canvas;
mod chronology;
mod cover;
mod embed;
mod exemptions;
mod exhibits;
pub(crate) mod fonts;
pub(crate) mod layout;
mod load;
mod media;
mod medical;
mod merge;
mod options;
mod preview;
#[cfg(feature = "test-hooks")]
pub use preview::counted as preview_counts;
pub use preview::ExportPreview;
mod icc;
mod render;
mod schedule;
pub(crate) mod strip;
mod text;
mod toc;
pub(crate) mod xmp;

pub use options::{
    BundleExhibit, CoverPerson, ExportAttachment, ExportInput, ExportOptions, ExportPerson, Lang,
    OpenDeadline, PdfBundle,
};

/// How one attachment would be printed (the `fuzzing` feature's entry point).
#[cfg(feature = "fuzzing")]
pub(crate) fn classify_for_fuzzing(bytes: &[u8], media_type: &str, lang: Lang) -> impl Sized {
    media::classify(bytes, media_type, lang)
}

use std::collections::HashMap;

use crate::clock::Clock;
use crate::entry::Entry;
use crate::error::Result;
use exhibits::Exhibit;
use fonts::Fonts;
use layout::{Flow, Page, Target};

/// Medical material (F7): see [`crate::entry::is_medical`], the one rule.
pub fn is_medical(entry: &Entry) -> bool {
    entry.data.is_medical()
}

impl ExportOptions {
    /// Whether `entry` goes into the bundle: selected by the filters, and not medical
    /// unless the user opted in. The one rule the export and its preview share.
    pub fn prints(&self, entry: &Entry) -> bool {
        self.selects(entry) && (self.include_medical || !is_medical(entry))
    }
}

/// What goes into the bundle, in print order.
#[derive(Debug)]
pub(crate) struct Selection<'a> {
    pub main: Vec<&'a Entry>,
    pub medical: Vec<&'a Entry>,
    /// Main exhibits first (1…n), then medical ones (M1…Mk).
    pub exhibits: Vec<Exhibit<'a>>,
    /// Entry id → its number in the chronology (1-based, per part).
    pub entry_no: HashMap<i64, usize>,
    pub people: HashMap<i64, &'a ExportPerson>,
}

fn select<'a>(input: &'a ExportInput, options: &ExportOptions) -> Selection<'a> {
    let mut chosen: Vec<&Entry> = input
        .entries
        .iter()
        .filter(|e| options.selects(e))
        .collect();
    chosen.sort_by_key(|e| (e.data.occurred_on, e.data.occurred_time, e.id));
    let (medical, main): (Vec<&Entry>, Vec<&Entry>) =
        chosen.into_iter().partition(|e| is_medical(e));
    let medical = if options.include_medical {
        medical
    } else {
        Vec::new()
    };
    let mut entry_no = HashMap::new();
    for part in [&main, &medical] {
        for (i, e) in part.iter().enumerate() {
            entry_no.insert(e.id, i + 1);
        }
    }
    let mut exhibits = Vec::new();
    for (part, prefix) in [(&main, ""), (&medical, "M")] {
        let mut n = 0;
        for e in part.iter().filter(|e| e.deleted_at.is_none()) {
            for a in input.attachments.iter().filter(|a| a.entry_id == e.id) {
                n += 1;
                exhibits.push(Exhibit::new(
                    format!("{prefix}{n}"),
                    e,
                    a,
                    !prefix.is_empty(),
                ));
            }
        }
    }
    let people = input.people.iter().map(|p| (p.id, p)).collect();
    Selection {
        main,
        medical,
        exhibits,
        entry_no,
        people,
    }
}

/// One exhibit as the bundle numbers it, for the advocate package (`crate::package`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Numbered {
    /// "4", or "M2" in the medical annex.
    pub label: String,
    /// The entry's number in the chronology ("12", "M3").
    pub entry_ref: String,
    pub entry_id: i64,
    pub occurred_on: chrono::NaiveDate,
    /// Index into `input.attachments`.
    pub attachment: usize,
}

/// The exhibits of the bundle for `options`, numbered exactly as the PDF numbers them.
pub(crate) fn numbered(input: &ExportInput, options: &ExportOptions) -> Vec<Numbered> {
    let sel = select(input, options);
    sel.exhibits
        .iter()
        .map(|ex| {
            let n = sel.entry_no.get(&ex.entry.id).copied().unwrap_or(0);
            Numbered {
                label: ex.label.clone(),
                entry_ref: if ex.medical {
                    format!("M{n}")
                } else {
                    n.to_string()
                },
                entry_id: ex.entry.id,
                occurred_on: ex.entry.data.occurred_on,
                attachment: input
                    .attachments
                    .iter()
                    .position(|a| std::ptr::eq(a, ex.att))
                    .unwrap_or(0),
            }
        })
        .collect()
}

/// Everything a page-composing function needs.
#[derive(Debug)]
pub(crate) struct Ctx<'a> {
    pub input: &'a ExportInput,
    pub options: &'a ExportOptions,
    pub lang: Lang,
    pub sel: &'a Selection<'a>,
    pub made_on: chrono::NaiveDate,
    /// Bundle page (1-based) where each exhibit starts; zeros in the first pass.
    pub starts: Vec<usize>,
    /// Bundle page (1-based) where each entry's block starts; empty in the first pass.
    pub entry_pages: HashMap<i64, usize>,
}

/// What a layout pass found: the pages, and where exhibits and entries start.
struct Laid {
    pages: Vec<Page>,
    starts: Vec<usize>,
    entry_pages: HashMap<i64, usize>,
    anchors: HashMap<Target, (usize, f32)>,
}

fn compose(ctx: &Ctx<'_>, fonts: &Fonts) -> Laid {
    let mut flow = Flow::new(fonts);
    let mut starts = vec![0; ctx.sel.exhibits.len()];
    cover::cover(ctx, &mut flow);
    flow.new_page();
    toc::toc(ctx, &mut flow);
    flow.new_page();
    chronology::chronology(ctx, &mut flow, false);
    let main_exhibits: Vec<usize> = (0..ctx.sel.exhibits.len())
        .filter(|&i| !ctx.sel.exhibits[i].medical)
        .collect();
    if !main_exhibits.is_empty() {
        flow.new_page();
        exhibits::index(ctx, &mut flow, &main_exhibits);
        if ctx.options.include_attachments {
            for &i in &main_exhibits {
                starts[i] = exhibits::exhibit(ctx, &mut flow, i);
            }
        }
    }
    if !ctx.sel.medical.is_empty() {
        medical::annex(ctx, &mut flow, &mut starts);
    }
    let entry_pages = flow
        .anchors
        .iter()
        .filter_map(|(target, (page, _))| match target {
            Target::Entry(id) => Some((*id, page + 1)),
            Target::Exhibit(_) => None,
        })
        .collect();
    Laid {
        pages: flow.pages,
        starts,
        entry_pages,
        anchors: flow.anchors,
    }
}

/// Makes the bundle. Never fails because of an attachment: one that cannot be shown
/// gets a placeholder page with its fingerprint. `clock` gives the "made on" date.
pub fn export_pdf(
    input: &ExportInput,
    options: &ExportOptions,
    clock: &dyn Clock,
) -> Result<PdfBundle> {
    let fonts = Fonts::load()?;
    let mut sel = select(input, options);
    for ex in &mut sel.exhibits {
        ex.classify(options.include_attachments, options.lang);
    }
    let made_on = crate::clock::dutch_today(clock.now());
    let mut ctx = Ctx {
        input,
        options,
        lang: options.lang,
        sel: &sel,
        made_on,
        starts: vec![0; sel.exhibits.len()],
        entry_pages: HashMap::new(),
    };
    // The index and the contents say on which page each exhibit and entry starts, and
    // printing those numbers can itself move pages (a line that now wraps). Lay out
    // again until the numbers printed are the numbers found; this settles in two or
    // three passes.
    let mut laid = compose(&ctx, &fonts);
    for _ in 0..4 {
        if laid.starts == ctx.starts && laid.entry_pages == ctx.entry_pages {
            break;
        }
        ctx.starts = std::mem::take(&mut laid.starts);
        ctx.entry_pages = std::mem::take(&mut laid.entry_pages);
        laid = compose(&ctx, &fonts);
    }
    let mut pages = laid.pages;
    let title = text::t(
        options.lang,
        "Chronologisch overzicht van contacten met WPI",
        "Chronological record of contacts with WPI",
    );
    let drawn = render::render(&ctx, &fonts, &mut pages, title)?;
    let bytes = merge::finish(
        drawn,
        &pages,
        &laid.anchors,
        &sel.exhibits,
        title,
        options.lang,
        clock,
    )?;
    let count = |f: &dyn Fn(&Exhibit<'_>) -> bool| sel.exhibits.iter().filter(|e| f(e)).count();
    Ok(PdfBundle {
        bytes,
        pages: u32::try_from(pages.len()).unwrap_or(u32::MAX),
        entries: u32::try_from(sel.main.len() + sel.medical.len()).unwrap_or(u32::MAX),
        exhibits: u32::try_from(sel.exhibits.len()).unwrap_or(u32::MAX),
        placeholders: u32::try_from(count(&|e| e.is_placeholder())).unwrap_or(u32::MAX),
    })
}
