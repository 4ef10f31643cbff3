import { describe, expect, it } from 'vitest';
import { defaultView, emptyFilter, isFiltered } from './view';

describe('timeline view', () => {
  it('starts unfiltered, newest first', () => {
    const v = defaultView();
    expect(v.newestFirst).toBe(true);
    expect(isFiltered(v.filter)).toBe(false);
  });

  it('tells a filtered list apart, so an empty result says "nothing matches"', () => {
    expect(isFiltered({ ...emptyFilter(), kinds: ['call-in'] })).toBe(true);
    expect(isFiltered({ ...emptyFilter(), from: '2026-03-01' })).toBe(true);
    expect(isFiltered({ ...emptyFilter(), medical: false })).toBe(true);
    expect(isFiltered({ ...emptyFilter(), includeDeleted: true })).toBe(true);
    expect(isFiltered({ ...emptyFilter(), organisation: '' })).toBe(false);
  });
});
