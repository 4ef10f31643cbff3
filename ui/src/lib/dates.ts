// Dates as people read them: "di 3 maart 2026" / "Tue 3 March 2026". Written out by
// hand instead of Intl so that every webview (and every test machine) shows the same.
// Calendar dates travel as ISO "YYYY-MM-DD" strings and are never shifted by time zones.

import type { Language } from './bindings';

const MONTHS: Record<Language, string[]> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const DAYS_SHORT: Record<Language, string[]> = {
  nl: ['zo', 'ma', 'di', 'wo', 'do', 'vr', 'za'],
  en: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
};
const DAYS_LONG: Record<Language, string[]> = {
  nl: ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};

export interface CalendarDate {
  year: number;
  month: number; // 1–12
  day: number; // 1–31
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

function isValid(d: CalendarDate): boolean {
  if (!Number.isInteger(d.year) || d.year < 1900 || d.year > 2999) return false;
  if (!Number.isInteger(d.month) || d.month < 1 || d.month > 12) return false;
  const dim = new Date(Date.UTC(d.year, d.month, 0)).getUTCDate();
  return Number.isInteger(d.day) && d.day >= 1 && d.day <= dim;
}

/** "2026-03-03" → {2026, 3, 3}, or null if it is not a real date. */
export function parseIsoDate(iso: string): CalendarDate | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso.trim());
  if (!m) return null;
  const d = { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]) };
  return isValid(d) ? d : null;
}

export function toIsoDate(d: CalendarDate): string {
  return `${pad(d.year, 4)}-${pad(d.month)}-${pad(d.day)}`;
}

function weekday(d: CalendarDate): number {
  return new Date(Date.UTC(d.year, d.month - 1, d.day)).getUTCDay();
}

/** Short form for lists: "di 3 maart 2026" / "Tue 3 March 2026". Unknown input is returned as is. */
export function formatDate(iso: string, lang: Language): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return `${DAYS_SHORT[lang][weekday(d)]} ${d.day} ${MONTHS[lang][d.month - 1]} ${d.year}`;
}

/** Long form for screen readers and confirmations: "dinsdag 3 maart 2026". */
export function formatDateLong(iso: string, lang: Language): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  return `${DAYS_LONG[lang][weekday(d)]} ${d.day} ${MONTHS[lang][d.month - 1]} ${d.year}`;
}

/** The form field's text for a date: "3-3-2026" → shown as "03-03-2026". */
export function toInputDate(iso: string): string {
  const d = parseIsoDate(iso);
  return d ? `${pad(d.day)}-${pad(d.month)}-${d.year}` : '';
}

/**
 * What people type in the date field: day-month-year with -, / or . between
 * ("3-3-2026", "03/03/2026", "3.3.2026"), or ISO "2026-03-03". Returns ISO or null.
 */
export function parseInputDate(input: string): string | null {
  const s = input.trim();
  const iso = parseIsoDate(s);
  if (iso) return toIsoDate(iso);
  const m = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(s);
  if (!m) return null;
  const d = { year: Number(m[3]), month: Number(m[2]), day: Number(m[1]) };
  return isValid(d) ? toIsoDate(d) : null;
}

/** Today's calendar date on this computer's clock. */
export function todayIso(now: Date = new Date()): string {
  return toIsoDate({ year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() });
}

/**
 * A moment (RFC 3339 text from the backend, e.g. "2026-03-03T10:15:00+01:00") as
 * "di 3 maart 2026, 10:15" in this computer's time zone. Unknown input is returned as is.
 */
export function formatDateTime(stamp: string, lang: Language): string {
  const t = new Date(stamp);
  if (Number.isNaN(t.getTime())) return stamp;
  const iso = toIsoDate({ year: t.getFullYear(), month: t.getMonth() + 1, day: t.getDate() });
  return `${formatDate(iso, lang)}, ${pad(t.getHours())}:${pad(t.getMinutes())}`;
}

/** Why a typed date is not a date, in words a tired reader understands. */
export type DateProblem =
  | { code: 'format' }
  | { code: 'month'; month: number }
  | { code: 'day'; month: number; days: number; day: number };

/**
 * What is wrong with a typed date, or null when it is a real date (or empty). "31-02-2026"
 * says "februari heeft geen 31 dagen", not "write it as day-month-year" (it was).
 */
export function dateProblem(input: string): DateProblem | null {
  const s = input.trim();
  if (s === '' || parseInputDate(s) !== null) return null;
  const m = /^(\d{1,2})\s*[-/.]\s*(\d{1,2})\s*[-/.]\s*(\d{4})$/.exec(s) ?? /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m) return { code: 'format' };
  const iso = /^\d{4}-/.test(s);
  const year = Number(iso ? m[1] : m[3]);
  const month = Number(m[2]);
  const day = Number(iso ? m[3] : m[1]);
  if (month < 1 || month > 12) return { code: 'month', month };
  if (year < 1900 || year > 2999) return { code: 'format' };
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return { code: 'day', month, days, day };
}

/** The name of month `m` (1–12) in `lang`: "februari". */
export function monthName(m: number, lang: Language): string {
  return MONTHS[lang][m - 1] ?? String(m);
}

/** `iso` minus `days` days (for "gisteren"). */
export function addDays(iso: string, days: number): string {
  const d = parseIsoDate(iso);
  if (!d) return iso;
  const t = new Date(Date.UTC(d.year, d.month - 1, d.day + days));
  return toIsoDate({ year: t.getUTCFullYear(), month: t.getUTCMonth() + 1, day: t.getUTCDate() });
}
