// Exemptions (F7), cases (F8) and broken contact agreements, as the screens need them:
// the fixed lists (duties, bases, statuses) with their text keys, "days left" in words,
// and grouping. Pure, so it is unit-tested without Svelte.

import type { Language } from './bindings';
import type { MessageKey, Params } from './i18n/translate';

export const DUTIES = ['work', 'applying', 'tegenprestatie', 'reintegration', 'other'] as const;
export type DutyName = (typeof DUTIES)[number];

export const BASES = ['medical-assessment', 'letter', 'conversation', 'other'] as const;
export type BasisName = (typeof BASES)[number];

export const CASE_STATUSES = ['open', 'objection', 'hearing', 'appeal', 'closed'] as const;
export type CaseStatusName = (typeof CASE_STATUSES)[number];

export function isDuty(v: string): v is DutyName {
  return (DUTIES as readonly string[]).includes(v);
}
export function isBasis(v: string): v is BasisName {
  return (BASES as readonly string[]).includes(v);
}
export function isCaseStatus(v: string): v is CaseStatusName {
  return (CASE_STATUSES as readonly string[]).includes(v);
}

/** "arbeidsverplichtingen" / "work duties". */
export function dutyKey(duty: string): MessageKey {
  return isDuty(duty) ? `duty.${duty}` : 'duty.other';
}

export function basisKey(basis: string): MessageKey {
  return isBasis(basis) ? `basis.${basis}` : 'basis.other';
}

/** "bezwaar gemaakt" / "objection filed". */
export function caseStatusKey(status: string): MessageKey {
  return isCaseStatus(status) ? `caseStatus.${status}` : 'caseStatus.open';
}

/** Whole days from `fromIso` to `toIso` (both `YYYY-MM-DD`), never shifted by time zones. */
export function daysBetween(fromIso: string, toIso: string): number {
  const utc = (iso: string): number => {
    const [y, m, d] = iso.split('-').map(Number);
    return Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1);
  };
  return Math.round((utc(toIso) - utc(fromIso)) / 86_400_000);
}

export interface Words {
  key: MessageKey;
  params?: Params;
}

/**
 * How long an exemption still runs, in words: "Nog 3 weken en 2 dagen.",
 * "Vandaag is de laatste dag.", "Afgelopen, 5 dagen geleden.", or "Begint over 4 dagen."
 */
export function daysLeftWords(fromOn: string, toOn: string, today: string): Words {
  const untilStart = daysBetween(today, fromOn);
  if (untilStart > 0) {
    return untilStart === 1 ? { key: 'exemption.startsTomorrow' } : { key: 'exemption.startsIn', params: { n: untilStart } };
  }
  const left = daysBetween(today, toOn);
  if (left < 0) {
    return left === -1 ? { key: 'exemption.endedYesterday' } : { key: 'exemption.endedAgo', params: { n: -left } };
  }
  if (left === 0) return { key: 'exemption.lastDay' };
  if (left === 1) return { key: 'exemption.leftOneDay' };
  if (left < 14) return { key: 'exemption.leftDays', params: { n: left } };
  const weeks = Math.floor(left / 7);
  const days = left % 7;
  if (days === 0) return { key: 'exemption.leftWeeks', params: { weeks } };
  if (days === 1) return { key: 'exemption.leftWeeksOneDay', params: { weeks } };
  return { key: 'exemption.leftWeeksDays', params: { weeks, days } };
}

/** Whether the exemption covers `today` (both ends inclusive). */
export function isActive(fromOn: string, toOn: string, today: string): boolean {
  return fromOn <= today && today <= toOn;
}

/** Anything with a status: cases grouped per status, in the order of CASE_STATUSES; empty groups left out. */
export function groupByStatus<T extends { fields: { status: string } }>(cases: readonly T[]): Array<{ status: CaseStatusName; cases: T[] }> {
  return CASE_STATUSES.map((status) => ({
    status,
    cases: cases.filter((c) => (isCaseStatus(c.fields.status) ? c.fields.status : 'open') === status),
  })).filter((g) => g.cases.length > 0);
}

/** Rows in chronological order: by day, then time (no time first), then id. */
export function chronological<T extends { id: number; occurredOn: string; occurredTime: string | null }>(rows: readonly T[]): T[] {
  return [...rows].sort(
    (a, b) =>
      a.occurredOn.localeCompare(b.occurredOn) || (a.occurredTime ?? '').localeCompare(b.occurredTime ?? '') || a.id - b.id,
  );
}

/** Violations per contact entry id. */
export function violationsByEntry<T extends { entryId: number }>(violations: readonly T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const v of violations) out.set(v.entryId, [...(out.get(v.entryId) ?? []), v]);
  return out;
}

/** Core gives sentences in both languages; pick the one for the screen. */
export function sentenceIn(item: { sentenceNl: string; sentenceEn: string }, lang: Language): string {
  return lang === 'en' ? item.sentenceEn : item.sentenceNl;
}
