import { describe, expect, it } from 'vitest';
import { translate } from './i18n/translate';
import {
  BASES,
  CASE_STATUSES,
  DUTIES,
  basisKey,
  caseStatusKey,
  chronological,
  daysBetween,
  daysLeftWords,
  dutyKey,
  groupByStatus,
  isActive,
  sentenceIn,
  violationsByEntry,
} from './matters';

function words(from: string, to: string, today: string, lang: 'nl' | 'en' = 'nl'): string {
  const w = daysLeftWords(from, to, today);
  return translate(lang, w.key, w.params);
}

describe('daysBetween', () => {
  it('counts calendar days, across months and a DST change', () => {
    expect(daysBetween('2026-03-28', '2026-03-30')).toBe(2);
    expect(daysBetween('2026-03-01', '2026-02-28')).toBe(-1);
    expect(daysBetween('2026-01-01', '2027-01-01')).toBe(365);
  });
});

describe('daysLeftWords', () => {
  const from = '2026-01-01';
  it('says how long an exemption still runs, in Dutch', () => {
    expect(words(from, '2026-07-03', '2026-07-03')).toBe('Vandaag is de laatste dag.');
    expect(words(from, '2026-07-03', '2026-07-02')).toBe('Nog 1 dag.');
    expect(words(from, '2026-07-03', '2026-06-25')).toBe('Nog 8 dagen.');
    expect(words(from, '2026-07-03', '2026-06-19')).toBe('Nog 2 weken.');
    expect(words(from, '2026-07-03', '2026-06-18')).toBe('Nog 2 weken en 1 dag.');
    expect(words(from, '2026-07-03', '2026-06-10')).toBe('Nog 3 weken en 2 dagen.');
  });
  it('says when it ended or when it starts', () => {
    expect(words(from, '2026-07-03', '2026-07-04')).toBe('Afgelopen: gisteren was de laatste dag.');
    expect(words(from, '2026-07-03', '2026-07-08')).toBe('Afgelopen, 5 dagen geleden.');
    expect(words('2026-08-01', '2026-09-01', '2026-07-31')).toBe('Begint morgen.');
    expect(words('2026-08-01', '2026-09-01', '2026-07-28')).toBe('Begint over 4 dagen.');
  });
  it('has English words too', () => {
    expect(words(from, '2026-07-03', '2026-06-10', 'en')).toBe('3 weeks and 2 days left.');
    expect(words(from, '2026-07-03', '2026-07-03', 'en')).toBe('Today is the last day.');
  });
});

describe('isActive', () => {
  it('includes the first and the last day', () => {
    expect(isActive('2026-01-01', '2026-07-03', '2026-01-01')).toBe(true);
    expect(isActive('2026-01-01', '2026-07-03', '2026-07-03')).toBe(true);
    expect(isActive('2026-01-01', '2026-07-03', '2026-07-04')).toBe(false);
    expect(isActive('2026-01-01', '2026-07-03', '2025-12-31')).toBe(false);
  });
});

describe('labels', () => {
  it('name every duty, basis and status in both languages', () => {
    for (const key of [...DUTIES.map(dutyKey), ...BASES.map(basisKey), ...CASE_STATUSES.map(caseStatusKey)]) {
      expect(translate('nl', key)).not.toBe(key);
      expect(translate('en', key)).not.toBe(key);
    }
    expect(translate('nl', dutyKey('work'))).toBe('arbeidsverplichtingen');
    expect(translate('nl', caseStatusKey('objection'))).toBe('bezwaar gemaakt');
    expect(translate('en', caseStatusKey('appeal'))).toBe('appeal to the court');
  });
  it('fall back for unknown names', () => {
    expect(dutyKey('flying')).toBe('duty.other');
    expect(basisKey('x')).toBe('basis.other');
    expect(caseStatusKey('x')).toBe('caseStatus.open');
  });
});

describe('grouping', () => {
  const c = (id: number, status: string) => ({ id, fields: { status } });
  it('groups cases by status in a fixed order and leaves empty groups out', () => {
    const groups = groupByStatus([c(1, 'closed'), c(2, 'open'), c(3, 'objection'), c(4, 'open'), c(5, 'weird')]);
    expect(groups.map((g) => g.status)).toEqual(['open', 'objection', 'closed']);
    expect(groups[0]?.cases.map((x) => x.id)).toEqual([2, 4, 5]);
  });
  it('orders rows oldest first, by day, then time, then id', () => {
    const r = (id: number, occurredOn: string, occurredTime: string | null = null) => ({ id, occurredOn, occurredTime });
    const sorted = chronological([r(1, '2026-03-05', '10:00'), r(2, '2026-03-01'), r(3, '2026-03-05', '09:00'), r(4, '2026-03-05')]);
    expect(sorted.map((x) => x.id)).toEqual([2, 4, 3, 1]);
  });
  it('collects violations per entry, and picks the sentence in the language', () => {
    const v = (entryId: number, n: string) => ({ entryId, sentenceNl: `nl ${n}`, sentenceEn: `en ${n}` });
    const map = violationsByEntry([v(7, 'a'), v(8, 'b'), v(7, 'c')]);
    expect(map.get(7)?.length).toBe(2);
    expect(map.has(9)).toBe(false);
    expect(sentenceIn(v(1, 'x'), 'en')).toBe('en x');
    expect(sentenceIn(v(1, 'x'), 'nl')).toBe('nl x');
  });
});
