import { describe, expect, it } from 'vitest';
import {
  buildLayout,
  entryTop,
  lastDayOf,
  periodsCovering,
  planFetch,
  visibleItems,
  type PageStart,
  type RowKey,
} from './timeline';

const months = [
  { month: '2026-01', count: 2 },
  { month: '2026-03', count: 3 },
  { month: '2026-02', count: 0 },
];

describe('buildLayout', () => {
  it('puts the newest month first when asked, skipping empty months', () => {
    const l = buildLayout(months, true, 50, 100);
    expect(l.sections.map((s) => [s.month, s.firstIndex, s.top])).toEqual([
      ['2026-03', 0, 0],
      ['2026-01', 3, 350],
    ]);
    expect(l.total).toBe(5);
    expect(l.height).toBe(350 + 250);
  });

  it('puts the oldest month first otherwise', () => {
    const l = buildLayout(months, false, 50, 100);
    expect(l.sections.map((s) => s.month)).toEqual(['2026-01', '2026-03']);
  });
});

describe('visibleItems', () => {
  it('returns only what overlaps the window', () => {
    const l = buildLayout(months, true, 50, 100);
    const items = visibleItems(l, 0, 200, 0);
    expect(items.map((i) => i.key)).toEqual(['h2026-03', 'e0', 'e1']);
    const later = visibleItems(l, 360, 100, 0);
    expect(later.map((i) => i.key)).toEqual(['h2026-01', 'e3']);
  });

  it('keeps the DOM small for 100,000 entries', () => {
    const big = Array.from({ length: 100 }, (_, i) => ({
      month: `${1950 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}`,
      count: 1000,
    }));
    const l = buildLayout(big, true, 56, 96);
    expect(l.total).toBe(100_000);
    const items = visibleItems(l, l.height / 2, 800, 400);
    expect(items.length).toBeLessThan(25);
    expect(items.length).toBeGreaterThan(5);
    const entries = items.filter((i) => i.type === 'entry');
    // Consecutive indexes, inside the range.
    for (let k = 1; k < entries.length; k++) {
      const a = entries[k - 1];
      const b = entries[k];
      if (a?.type === 'entry' && b?.type === 'entry') expect(b.index).toBe(a.index + 1);
    }
  });

  it('is empty without entries', () => {
    expect(visibleItems(buildLayout([], true, 50, 100), 0, 500, 100)).toEqual([]);
  });
});

describe('entryTop', () => {
  it('finds the offset of an entry across sections', () => {
    const l = buildLayout(months, true, 50, 100);
    expect(entryTop(l, 0)).toBe(50);
    expect(entryTop(l, 2)).toBe(250);
    expect(entryTop(l, 3)).toBe(400);
    expect(entryTop(l, 5)).toBeNull();
  });
});

/** The timeline order of core: day, then time (untimed first), then id. */
function compare(a: RowKey, b: RowKey): number {
  const t = (k: RowKey) => k.occurredTime ?? '';
  return a.occurredOn.localeCompare(b.occurredOn) || t(a).localeCompare(t(b)) || a.id - b.id;
}

/** A model of the backend: the rows in list order and what a page request returns. */
function model(newestFirst: boolean) {
  const rows: RowKey[] = [];
  let id = 1;
  // A busy day of 700 entries (some at the same time), then quiet months.
  for (let i = 0; i < 700; i++) rows.push({ occurredOn: '2026-03-15', occurredTime: i % 3 === 0 ? null : '10:00', id: id++ });
  for (let d = 0; d < 300; d++) {
    const day = new Date(Date.UTC(2025, 0, 1) + d * 86400000).toISOString().slice(0, 10);
    rows.push({ occurredOn: day, occurredTime: d % 2 ? '09:30' : null, id: id++ });
  }
  rows.sort((a, b) => (newestFirst ? compare(b, a) : compare(a, b)));
  const counts = new Map<string, number>();
  for (const r of rows) counts.set(r.occurredOn.slice(0, 7), (counts.get(r.occurredOn.slice(0, 7)) ?? 0) + 1);
  const months = [...counts].map(([month, count]) => ({ month, count }));
  const page = (start: PageStart, limit: number): RowKey[] => {
    const from = start.after
      ? rows.findIndex((r) => (newestFirst ? compare(r, start.after!) < 0 : compare(r, start.after!) > 0))
      : start.day
        ? rows.findIndex((r) => (newestFirst ? r.occurredOn <= start.day! : r.occurredOn >= start.day!))
        : 0;
    return from < 0 ? [] : rows.slice(from, from + limit);
  };
  return { rows, months, page };
}

describe('planFetch', () => {
  it('knows the last day of every month', () => {
    expect(lastDayOf('2024-02')).toBe('2024-02-29');
    expect(lastDayOf('2025-02')).toBe('2025-02-28');
    expect(lastDayOf('2025-12')).toBe('2025-12-31');
  });

  for (const newestFirst of [true, false]) {
    it(`puts every row at its own index, jumping anywhere (${newestFirst ? 'newest' : 'oldest'} first)`, () => {
      const m = model(newestFirst);
      const layout = buildLayout(m.months, newestFirst, 50, 100);
      expect(layout.total).toBe(1000);
      const loaded = new Map<number, RowKey>();
      let requests = 0;
      const bring = (index: number) => {
        for (let step = 0; !loaded.has(index); step++) {
          expect(step).toBeLessThan(5);
          const plan = planFetch(layout, newestFirst, index, (i) => loaded.get(i), 100, 500);
          if (!plan) throw new Error(`no plan for ${index}`);
          expect(plan.limit).toBeLessThanOrEqual(500);
          requests++;
          m.page(plan.start, plan.limit).forEach((r, i) => loaded.set(plan.firstIndex + i, r));
        }
      };
      // Jumps deep into the busy day, to month starts, the end, and a walk down.
      for (const i of [999, 650, 0, 320, 999 - 5, 701, 1, 2, 3]) bring(i);
      for (let i = 0; i < 1000; i++) bring(i);
      for (const [i, r] of loaded) expect(r).toEqual(m.rows[i]);
      expect(loaded.size).toBe(1000);
      expect(requests).toBeLessThan(40);
    });
  }

  it('continues after the row above when it is there, else from the month', () => {
    const m = model(true);
    const layout = buildLayout(m.months, true, 50, 100);
    const key = m.rows[9]!;
    const after = planFetch(layout, true, 10, (i) => (i === 9 ? key : undefined), 100, 500);
    expect(after).toEqual({ start: { after: key }, firstIndex: 10, limit: 100 });
    const s = layout.sections[1]!;
    const month = planFetch(layout, true, s.firstIndex + 3, () => undefined, 100, 500);
    expect(month).toEqual({ start: { day: lastDayOf(s.month) }, firstIndex: s.firstIndex, limit: 103 });
    expect(planFetch(layout, true, 0, () => undefined, 100, 500)?.start).toEqual({});
    expect(planFetch(layout, true, 1000, () => undefined, 100, 500)).toBeNull();
  });
});

describe('exemption periods on the rows they cover', () => {
  const periods = [
    { id: 1, duty: 'work', fromOn: '2026-01-01', toOn: '2026-06-30' },
    { id: 2, duty: 'applying', fromOn: '2026-06-01', toOn: '2026-12-31' },
  ];
  it('covers both ends and nothing outside', () => {
    expect(periodsCovering('2025-12-31', periods)).toEqual([]);
    expect(periodsCovering('2026-01-01', periods).map((p) => p.id)).toEqual([1]);
    expect(periodsCovering('2026-06-15', periods).map((p) => p.id)).toEqual([1, 2]);
    expect(periodsCovering('2026-12-31', periods).map((p) => p.id)).toEqual([2]);
    expect(periodsCovering('2027-01-01', periods)).toEqual([]);
  });
});
