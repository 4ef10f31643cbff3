// Words for backups (F11): the summary line of a backup and the home view's reminder,
// kept out of the screens so they can be tested.

import type { BackupStatusDto, BackupSummaryDto } from './bindings';
import type { MessageKey } from './i18n/translate';

/** `2026-05-11` → `11-05-2026`, as the Dutch write it (also in English here). */
export function dayOf(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : iso;
}

/** The local day of an RFC 3339 moment, as `dd-mm-yyyy`. */
export function localDay(stamp: string): string {
  const d = new Date(stamp);
  if (Number.isNaN(d.getTime())) return stamp;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getDate())}-${pad(d.getMonth() + 1)}-${d.getFullYear()}`;
}

type Translate = (key: MessageKey, params?: Record<string, string | number>) => string;

/** "214 registraties" / "1 registratie" and "57 bijlagen" / "1 bijlage". */
export function counts(s: { entries: number; attachments: number }, t: Translate): { entries: string; attachments: string } {
  return {
    entries: s.entries === 1 ? t('backup.entriesOne') : t('backup.entries', { n: s.entries }),
    attachments: s.attachments === 1 ? t('backup.attachmentsOne') : t('backup.attachments', { n: s.attachments }),
  };
}

/** "Reservekopie van 12-05-2026: 214 registraties (03-01-2025 t/m 11-05-2026), 57 bijlagen" */
export function summaryLine(s: BackupSummaryDto, t: Translate): string {
  const span = s.firstOn && s.lastOn ? t('backup.span', { from: dayOf(s.firstOn), to: dayOf(s.lastOn) }) : '';
  return t('backup.summary', { date: localDay(s.createdAt), span, ...counts(s, t) });
}

/** What an in-place restore would lose: "N registraties van na DD-MM-YYYY gaan verloren". */
export function lossLine(p: { lostEntries: number; lostChanges: number }, createdAt: string, t: Translate): string {
  const date = localDay(createdAt);
  if (p.lostEntries === 1) return t('backup.olderOne', { date });
  if (p.lostEntries > 1) return t('backup.older', { n: p.lostEntries, date });
  if (p.lostChanges === 1) return t('backup.olderChangesOne', { date });
  if (p.lostChanges > 1) return t('backup.olderChanges', { n: p.lostChanges, date });
  return t('backup.notOlder');
}

/** The reminder's sentences: when the last backup was, and why to make one now. */
export function reminderLines(s: BackupStatusDto, t: Translate): { last: string; ask: string | null } {
  const last = s.lastBackupAt ? t('backup.reminderLast', { date: localDay(s.lastBackupAt) }) : t('backup.reminderNever');
  if (!s.due) return { last, ask: null };
  if (!s.lastBackupAt) return { last, ask: t('backup.reminderDueFirst') };
  if (s.entriesSince >= 20) return { last, ask: t('backup.reminderDueEntries', { n: s.entriesSince }) };
  return { last, ask: t('backup.reminderDueDays', { days: s.daysSince ?? 30 }) };
}
