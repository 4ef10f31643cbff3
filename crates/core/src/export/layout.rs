//! The page model and the text flow: A4 geometry, greedy wrapping with real glyph
//! widths, and page breaks that never cut a line and keep headings with their text.
//! Pages are plain data here; `render` turns them into PDF operations once the total
//! page count is known.

use std::collections::HashMap;

use super::fonts::{Face, Fonts};

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const LEFT: f32 = 62.0;
pub const RIGHT: f32 = PAGE_W - 56.0;
pub const CONTENT_W: f32 = RIGHT - LEFT;
/// Baseline of the first body line; the running header sits above it.
pub const TOP: f32 = PAGE_H - 78.0;
/// Lowest baseline of body text; the footer sits below it.
pub const BOTTOM: f32 = 66.0;

pub const BODY: f32 = 10.0;
pub const SMALL: f32 = 8.0;
pub const LINE: f32 = 13.6;

/// Something drawn on a page. Coordinates in points, origin bottom-left; `y` of text
/// is its baseline.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        text: String,
    },
    /// A line, `width` thick.
    Rule {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
    },
    /// A filled grey rectangle (0 black … 1 white).
    Fill {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        grey: f32,
    },
}

/// What `merge` places into a reserved rectangle after the page is drawn:
/// an image's original pixels, or a page of an attached PDF.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Slot {
    /// Index into the exhibits' media list.
    pub media: usize,
    /// For PDFs: which page of the original (0-based).
    pub page: usize,
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// What a link in the bundle leads to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Target {
    /// The block of an entry (by id) in the chronology.
    Entry(i64),
    /// The first page of an exhibit (index into the exhibits).
    Exhibit(usize),
}

/// A clickable rectangle on a page (a PDF link annotation).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
    pub target: Target,
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub items: Vec<Item>,
    pub slot: Option<Slot>,
    /// Set on the medical annex's pages: the running header says so on every page.
    pub medical: bool,
    /// Shown in the running header of this page (e.g. "Bijlage 4 — blad 2 van 7").
    pub header_note: String,
    /// An entry for the document outline (bookmarks) starting on this page.
    pub bookmark: Option<String>,
    pub links: Vec<Link>,
}

/// Writes wrapped text top to bottom, starting new pages as needed.
#[derive(Debug)]
pub struct Flow<'a> {
    pub fonts: &'a Fonts,
    pub pages: Vec<Page>,
    pub y: f32,
    pub medical: bool,
    /// Printed in italics at the top of a page that continues a block.
    pub continued: Option<String>,
    /// Where each link target starts: page index (0-based) and the y of its top.
    pub anchors: HashMap<Target, (usize, f32)>,
}

impl<'a> Flow<'a> {
    pub fn new(fonts: &'a Fonts) -> Flow<'a> {
        Flow {
            fonts,
            pages: Vec::new(),
            y: TOP,
            medical: false,
            continued: None,
            anchors: HashMap::new(),
        }
    }

    /// Marks the current position as where `target` starts; call it after the
    /// `ensure` that keeps the heading on this page.
    pub fn anchor(&mut self, target: Target) {
        self.page();
        let at = (self.pages.len() - 1, self.y + LINE);
        self.anchors.insert(target, at);
    }

    /// A link over `w` points from `x` on the current baseline, for text of `size`.
    pub fn link(&mut self, x: f32, w: f32, size: f32, target: Target) {
        let y = self.y - size * 0.3;
        self.page().links.push(Link {
            x,
            y,
            w,
            h: size * 1.3,
            target,
        });
    }

    /// Links the whole width of each line in `used` (as `labelled` returns them).
    pub fn link_lines(&mut self, used: &[(usize, f32)], target: Target) {
        for &(page, y) in used {
            if let Some(p) = self.pages.get_mut(page) {
                p.links.push(Link {
                    x: LEFT,
                    y: y - BODY * 0.3,
                    w: CONTENT_W,
                    h: BODY * 1.3,
                    target,
                });
            }
        }
    }

    pub fn page(&mut self) -> &mut Page {
        if self.pages.is_empty() {
            self.start_page();
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    /// Begins a fresh page (with a continuation line when inside a block).
    pub fn start_page(&mut self) {
        self.pages.push(Page {
            medical: self.medical,
            ..Page::default()
        });
        self.y = TOP;
        if let Some(c) = self.continued.clone() {
            self.push_text(LEFT, Face::Italic, SMALL, c);
            self.y -= LINE;
        }
    }

    /// A fresh page unless the current one is still empty.
    pub fn new_page(&mut self) {
        if self
            .pages
            .last()
            .is_none_or(|p| !p.items.is_empty() || p.slot.is_some())
        {
            self.start_page();
        }
    }

    /// Makes room for `height` points, breaking the page if they do not fit.
    pub fn ensure(&mut self, height: f32) {
        if self.pages.is_empty() || self.y - height < BOTTOM - 0.01 {
            self.start_page();
        }
    }

    pub fn gap(&mut self, h: f32) {
        self.y -= h;
    }

    fn push_text(&mut self, x: f32, face: Face, size: f32, text: String) {
        let y = self.y;
        self.page().items.push(Item::Text {
            x,
            y,
            face,
            size,
            text,
        });
    }

    /// Names the current page in the document outline.
    pub fn mark(&mut self, title: &str) {
        self.page().bookmark = Some(title.to_string());
    }

    /// Text at `x` on the current baseline, without moving down (table columns).
    pub fn text_at(&mut self, x: f32, face: Face, size: f32, text: &str) {
        self.ensure(LINE);
        self.push_text(x, face, size, text.to_string());
    }

    pub fn push(&mut self, item: Item) {
        self.page().items.push(item);
    }

    /// A paragraph, wrapped to the content width minus `indent`.
    pub fn para(&mut self, face: Face, size: f32, indent: f32, text: &str) {
        self.labelled(None, face, size, indent, text);
    }

    /// "Label: value" with the label bold and the value wrapped after it; continuation
    /// lines start at `indent`. Returns the baselines used (for highlight bars).
    pub fn labelled(
        &mut self,
        label: Option<&str>,
        face: Face,
        size: f32,
        indent: f32,
        text: &str,
    ) -> Vec<(usize, f32)> {
        let lh = LINE * size / BODY;
        let width = CONTENT_W - indent;
        let label_w = label.map_or(0.0, |l| self.fonts.width(Face::Bold, size, l) + size * 0.3);
        let lines = wrap(self.fonts, face, size, text, width, label_w);
        let mut used = Vec::new();
        for (i, line) in lines.into_iter().enumerate() {
            self.ensure(lh);
            used.push((self.pages.len() - 1, self.y));
            let mut x = LEFT + indent;
            if i == 0 {
                if let Some(l) = label {
                    self.push_text(x, Face::Bold, size, l.to_string());
                    x += label_w;
                }
            }
            if !line.is_empty() {
                self.push_text(x, face, size, line);
            }
            self.y -= lh;
        }
        used
    }

    /// A horizontal rule across the content width.
    pub fn rule(&mut self, width: f32) {
        let y = self.y + LINE * 0.55;
        self.push(Item::Rule {
            x1: LEFT,
            y1: y,
            x2: RIGHT,
            y2: y,
            width,
        });
    }
}

/// Bytes of a full body line, about a hundred characters of Dutch.
const LINE_ROOM: usize = 128;

/// Greedy wrapping: words are kept whole unless one alone is wider than the line,
/// then it is cut by characters. `first_offset` narrows the first line (after a label).
/// Every input paragraph (`\n`) starts a new line; an empty text gives one empty line.
pub fn wrap(
    fonts: &Fonts,
    face: Face,
    size: f32,
    text: &str,
    width: f32,
    first_offset: f32,
) -> Vec<String> {
    let space = fonts.width(face, size, " ");
    let mut lines: Vec<String> = Vec::new();
    let mut avail = width - first_offset;
    for raw in text.split('\n') {
        // A tab prints as a space and other control characters not at all; most
        // paragraphs have neither, and are not copied.
        let cleaned: String;
        let para = if raw.chars().any(char::is_control) {
            cleaned = raw
                .chars()
                .map(|c| if c == '\t' { ' ' } else { c })
                .filter(|c| !c.is_control())
                .collect();
            cleaned.as_str()
        } else {
            raw
        };
        // Room for a full line up front, so it is not grown character by character.
        let room = para.len().min(LINE_ROOM);
        let mut line = String::with_capacity(room);
        let mut line_w = 0.0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = fonts.width(face, size, word);
            let needed = if line.is_empty() {
                w
            } else {
                line_w + space + w
            };
            if needed <= avail {
                if !line.is_empty() {
                    line.push(' ');
                }
                line.push_str(word);
                line_w = needed;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::replace(&mut line, String::with_capacity(room)));
                avail = width;
            }
            if w <= avail {
                line.push_str(word);
                line_w = w;
                continue;
            }
            // A word wider than a line (a hash, a URL): cut it by characters.
            line_w = 0.0;
            for c in word.chars() {
                let cw = fonts.width(face, size, c.encode_utf8(&mut [0; 4]));
                if line_w + cw > avail && !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                    avail = width;
                    line_w = 0.0;
                }
                line.push(c);
                line_w += cw;
            }
        }
        lines.push(line);
        avail = width;
    }
    lines
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)] // tests: a panic is the failure report
    use super::*;

    #[test]
    fn no_wrapped_line_is_wider_than_the_column() {
        let f = Fonts::load().unwrap();
        let text = "Mevrouw Özdemir-Çağlar zei dat de uitkering per 1 maart wordt opgeschort \
                    als ik de bankafschriften niet vóór vrijdag inlever. "
            .repeat(20)
            + &"a".repeat(400);
        let lines = wrap(&f, Face::Regular, BODY, &text, 200.0, 50.0);
        assert!(lines.len() > 20);
        for (i, l) in lines.iter().enumerate() {
            let limit = if i == 0 { 150.0 } else { 200.0 };
            assert!(f.width(Face::Regular, BODY, l) <= limit + 0.01, "{l}");
        }
        let words: Vec<&str> = text.split_whitespace().collect();
        let back = lines.join(" ");
        assert!(back.split_whitespace().count() >= words.len());
    }

    #[test]
    fn paragraphs_stay_separate_and_empty_text_is_one_line() {
        let f = Fonts::load().unwrap();
        assert_eq!(
            wrap(&f, Face::Regular, BODY, "a\nb", 100.0, 0.0),
            ["a", "b"]
        );
        assert_eq!(wrap(&f, Face::Regular, BODY, "", 100.0, 0.0), [""]);
    }
}
