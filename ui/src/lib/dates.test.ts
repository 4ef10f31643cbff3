import { describe, expect, it } from 'vitest';
import {
  formatDate,
  formatDateLong,
  formatDateTime,
  parseInputDate,
  parseIsoDate,
  toInputDate,
  todayIso,
} from './dates';

describe('formatDate', () => {
  it.each([
    ['2026-03-03', 'di 3 maart 2026', 'Tue 3 March 2026'],
    ['2026-04-14', 'di 14 april 2026', 'Tue 14 April 2026'],
    ['2024-02-29', 'do 29 februari 2024', 'Thu 29 February 2024'],
    ['2025-12-28', 'zo 28 december 2025', 'Sun 28 December 2025'],
    ['2026-05-02', 'za 2 mei 2026', 'Sat 2 May 2026'],
    ['2019-01-07', 'ma 7 januari 2019', 'Mon 7 January 2019'],
  ])('%s → %s / %s', (iso, nl, en) => {
    expect(formatDate(iso, 'nl')).toBe(nl);
    expect(formatDate(iso, 'en')).toBe(en);
  });

  it('writes the weekday in full for the long form', () => {
    expect(formatDateLong('2026-03-03', 'nl')).toBe('dinsdag 3 maart 2026');
    expect(formatDateLong('2026-03-04', 'en')).toBe('Wednesday 4 March 2026');
  });

  it('shows text it cannot read as it is, rather than a wrong date', () => {
    expect(formatDate('2026-02-30', 'nl')).toBe('2026-02-30');
    expect(formatDate('gisteren', 'en')).toBe('gisteren');
  });
});

describe('parseInputDate', () => {
  it.each([
    ['3-3-2026', '2026-03-03'],
    ['03-03-2026', '2026-03-03'],
    ['3/3/2026', '2026-03-03'],
    ['3.3.2026', '2026-03-03'],
    [' 14 - 4 - 2026 ', '2026-04-14'],
    ['2026-03-03', '2026-03-03'],
    ['29-2-2024', '2024-02-29'],
  ])('reads %s as %s (day first)', (input, iso) => {
    expect(parseInputDate(input)).toBe(iso);
  });

  it.each(['', '31-4-2026', '29-2-2025', '3-13-2026', '3-3-26', 'morgen', '2026-3-3'])(
    'refuses %s',
    (input) => {
      expect(parseInputDate(input)).toBeNull();
    },
  );

  it('round-trips with the field text', () => {
    expect(toInputDate('2026-03-03')).toBe('03-03-2026');
    expect(parseInputDate(toInputDate('2026-12-31'))).toBe('2026-12-31');
    expect(toInputDate('nonsense')).toBe('');
  });
});

describe('other helpers', () => {
  it('parses ISO dates strictly', () => {
    expect(parseIsoDate('2026-03-03')).toEqual({ year: 2026, month: 3, day: 3 });
    expect(parseIsoDate('2026-3-3')).toBeNull();
  });

  it('gives today on the local calendar', () => {
    expect(todayIso(new Date(2026, 2, 3, 23, 59))).toBe('2026-03-03');
    expect(todayIso(new Date(2026, 0, 1, 0, 0))).toBe('2026-01-01');
  });

  it('formats a moment with the time of day', () => {
    expect(formatDateTime('2026-03-03T09:05:00', 'nl')).toBe('di 3 maart 2026, 09:05');
    expect(formatDateTime('2026-03-03T21:30:00', 'en')).toBe('Tue 3 March 2026, 21:30');
    expect(formatDateTime('not a time', 'nl')).toBe('not a time');
  });
});
