// The timeline's virtual list: where every month header and entry row sits, which of
// them are inside the visible window, and how to fetch the rows that are missing. Pure
// maths with fixed row heights, so 100,000 entries cost nothing until they scroll into
// view. Rows are fetched by key (after a row already here, or from a month's first
// day), never by counting from the top, so a row far down costs what the first does.

export interface MonthCount {
  month: string; // YYYY-MM
  count: number;
}

export interface Section {
  month: string;
  count: number;
  /** Index (in timeline order) of the section's first entry. */
  firstIndex: number;
  /** Pixel offset of the section's header. */
  top: number;
}

export interface Layout {
  sections: Section[];
  total: number;
  height: number;
  headerHeight: number;
  rowHeight: number;
}

export type VisibleItem =
  | { type: 'header'; key: string; top: number; section: Section }
  | { type: 'entry'; key: string; top: number; index: number; month: string };

/** Month counts (any order) → sections in timeline order with their pixel offsets. */
export function buildLayout(
  months: readonly MonthCount[],
  newestFirst: boolean,
  headerHeight: number,
  rowHeight: number,
): Layout {
  const ordered = months
    .filter((m) => m.count > 0)
    .slice()
    .sort((a, b) => (newestFirst ? b.month.localeCompare(a.month) : a.month.localeCompare(b.month)));
  const sections: Section[] = [];
  let top = 0;
  let index = 0;
  for (const m of ordered) {
    sections.push({ month: m.month, count: m.count, firstIndex: index, top });
    top += headerHeight + m.count * rowHeight;
    index += m.count;
  }
  return { sections, total: index, height: top, headerHeight, rowHeight };
}

/** The last section whose header starts at or above `y` (binary search). */
function sectionAt(layout: Layout, y: number): number {
  let lo = 0;
  let hi = layout.sections.length - 1;
  let found = 0;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = layout.sections[mid];
    if (s && s.top <= y) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}

/**
 * Headers and rows that overlap [scrollTop − overscan, scrollTop + viewport + overscan],
 * in order. Never more than about (viewport + 2·overscan) / rowHeight + sections items.
 */
export function visibleItems(layout: Layout, scrollTop: number, viewport: number, overscan: number): VisibleItem[] {
  if (layout.sections.length === 0) return [];
  const from = Math.max(0, scrollTop - overscan);
  const to = scrollTop + viewport + overscan;
  const out: VisibleItem[] = [];
  for (let si = sectionAt(layout, from); si < layout.sections.length; si++) {
    const s = layout.sections[si];
    if (!s || s.top > to) break;
    if (s.top + layout.headerHeight > from) {
      out.push({ type: 'header', key: `h${s.month}`, top: s.top, section: s });
    }
    const rowsTop = s.top + layout.headerHeight;
    const first = Math.max(0, Math.floor((from - rowsTop) / layout.rowHeight));
    const last = Math.min(s.count - 1, Math.floor((to - rowsTop) / layout.rowHeight));
    for (let r = first; r <= last; r++) {
      const index = s.firstIndex + r;
      out.push({ type: 'entry', key: `e${index}`, top: rowsTop + r * layout.rowHeight, index, month: s.month });
    }
  }
  return out;
}

/** The pixel offset of entry number `index` (for scrolling a row into view). */
export function entryTop(layout: Layout, index: number): number | null {
  const s = sectionOf(layout, index);
  if (!s) return null;
  return s.top + layout.headerHeight + (index - s.firstIndex) * layout.rowHeight;
}

/** A row's place in the timeline (day, time, id): the next page starts after it. */
export interface RowKey {
  occurredOn: string;
  occurredTime: string | null;
  id: number;
}

/** Where a page starts: the top (neither set), after a row, or at a day. */
export interface PageStart {
  after?: RowKey | null;
  day?: string | null;
}

/** One request: `limit` rows from `start`, which are the rows from index `firstIndex`. */
export interface Fetch {
  start: PageStart;
  firstIndex: number;
  limit: number;
}

/** Just the key of a row (what crosses to the shell). */
export function keyOf(row: RowKey): RowKey {
  return { occurredOn: row.occurredOn, occurredTime: row.occurredTime, id: row.id };
}

/** The top of the timeline. */
export const TOP: PageStart = {};

/** The last day (`YYYY-MM-DD`) of month `YYYY-MM`. */
export function lastDayOf(month: string): string {
  const [y, m] = month.split('-').map(Number);
  const days = new Date(Date.UTC(y ?? 1970, m ?? 1, 0)).getUTCDate();
  return `${month}-${String(days).padStart(2, '0')}`;
}

/** The section (month) that holds entry `index`. */
export function sectionOf(layout: Layout, index: number): Section | null {
  if (index < 0 || index >= layout.total) return null;
  let lo = 0;
  let hi = layout.sections.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    const s = layout.sections[mid];
    if (s && s.firstIndex <= index) lo = mid;
    else hi = mid - 1;
  }
  return layout.sections[lo] ?? null;
}

/**
 * The one request that brings row `index` (and `pageSize` rows from it) closest: after
 * the nearest row above it that is already here (in its month, or the last row of the
 * month before), else from its month's first day. A row more than `maxRows` into a
 * month is reached in steps of `maxRows`: each step's last row starts the next.
 */
export function planFetch(
  layout: Layout,
  newestFirst: boolean,
  index: number,
  keyAt: (i: number) => RowKey | undefined,
  pageSize: number,
  maxRows: number,
): Fetch | null {
  const s = sectionOf(layout, index);
  if (!s) return null;
  const limit = (from: number) => Math.min(index - from + pageSize, maxRows);
  for (let j = index - 1; j >= Math.max(0, s.firstIndex - 1); j--) {
    const key = keyAt(j);
    if (key) return { start: { after: keyOf(key) }, firstIndex: j + 1, limit: limit(j + 1) };
  }
  const start = s.firstIndex === 0 ? TOP : { day: newestFirst ? lastDayOf(s.month) : `${s.month}-01` };
  return { start, firstIndex: s.firstIndex, limit: limit(s.firstIndex) };
}

/** An exemption period as the timeline needs it: which duty, first and last day (ISO). */
export interface Period {
  id: number;
  duty: string;
  fromOn: string;
  toOn: string;
}

/**
 * The exemption periods that cover `date` (both ends inclusive): a contact the agency
 * started while the person was exempted is what a lawyer looks for first.
 */
export function periodsCovering(date: string, periods: readonly Period[]): Period[] {
  return periods.filter((p) => p.fromOn <= date && date <= p.toOn);
}
