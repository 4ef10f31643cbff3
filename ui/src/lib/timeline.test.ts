import { describe, expect, it } from 'vitest';
import { buildLayout, entryTop, pagesFor, periodsCovering, visibleItems } from './timeline';

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

describe('entryTop and pagesFor', () => {
  it('finds the offset of an entry across sections', () => {
    const l = buildLayout(months, true, 50, 100);
    expect(entryTop(l, 0)).toBe(50);
    expect(entryTop(l, 2)).toBe(250);
    expect(entryTop(l, 3)).toBe(400);
    expect(entryTop(l, 5)).toBeNull();
  });

  it('names each page once', () => {
    expect(pagesFor([98, 99, 100, 101, 250], 100)).toEqual([0, 1, 2]);
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
