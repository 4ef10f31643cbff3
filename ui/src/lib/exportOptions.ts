// The Export screen's choices → the command's options, and the default file name.
// Pure, so both are unit-tested.

import type { ExportOptionsDto_Deserialize, Language } from './bindings';
import { parseInputDate, todayIso } from './dates';
import type { EntryKind } from './kinds';

export interface ExportChoice {
  /** Dates as typed (dd-mm-jjjj …); empty: no limit. */
  from: string;
  to: string;
  kinds: EntryKind[];
  includeMedical: boolean;
  includeAttachments: boolean;
  language: Language;
  /** Name and address on the cover: only when switched on and a name was typed. */
  withCover: boolean;
  coverName: string;
  coverAddress: string;
}

export function defaultChoice(language: Language): ExportChoice {
  return {
    from: '',
    to: '',
    kinds: [],
    includeMedical: false,
    includeAttachments: true,
    language,
    withCover: false,
    coverName: '',
    coverAddress: '',
  };
}

/** A typed date that cannot be read: 'invalid'; empty: null; else ISO. */
export function exportDate(typed: string): string | null | 'invalid' {
  if (typed.trim() === '') return null;
  return parseInputDate(typed) ?? 'invalid';
}

/** The command's options, or null when a date cannot be read. */
export function toExportDto(c: ExportChoice): ExportOptionsDto_Deserialize | null {
  const from = exportDate(c.from);
  const to = exportDate(c.to);
  if (from === 'invalid' || to === 'invalid') return null;
  const name = c.withCover ? c.coverName.trim() : '';
  return {
    from,
    to,
    kinds: [...c.kinds],
    includeMedical: c.includeMedical,
    includeAttachments: c.includeAttachments,
    language: c.language,
    coverName: name === '' ? null : name,
    coverAddress: name === '' || c.coverAddress.trim() === '' ? null : c.coverAddress.trim(),
  };
}

/** "dossier-overzicht-YYYY-MM-DD.pdf" for today (local date). */
export function defaultFileName(now: Date = new Date()): string {
  return `dossier-overzicht-${todayIso(now)}.pdf`;
}
