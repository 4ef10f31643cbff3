// "Pakket voor de advocaat" (issue 14 item 4), the parts that are plain logic: the
// name the package gets, the options sent to the backend, which PDF password is used
// (the one the app made, or the one the user typed) and whether a typed one will do.

import type { ExportOptionsDto_Deserialize, Language, PackageOptionsDto_Deserialize } from './bindings';
import { todayIso } from './dates';

/** A typed password needs this many characters: short ones are guessed quickly. */
export const MIN_PASSWORD = 8;

export type PackageScope = 'dossier' | 'case';
export type PackageForm = 'folder' | 'zip';
export type PasswordSource = 'app' | 'own';

export interface PackageChoice {
  scope: PackageScope;
  /** The case when `scope` is 'case'. */
  caseId: number | null;
  includeMedical: boolean;
  language: Language;
  form: PackageForm;
  withPassword: boolean;
  passwordSource: PasswordSource;
  /** What the app suggested, and what the user typed. */
  suggested: string;
  typed: string;
}

export function defaultPackageChoice(language: Language, caseId: number | null = null): PackageChoice {
  return {
    scope: caseId === null ? 'dossier' : 'case',
    caseId,
    includeMedical: false,
    language,
    form: 'folder',
    withPassword: false,
    passwordSource: 'app',
    suggested: '',
    typed: '',
  };
}

/** "Advocaatpakket-YYYY-MM-DD" (the folder made inside the chosen one), ".zip" for a file. */
export function packageName(form: PackageForm, now: Date = new Date()): string {
  const base = `Advocaatpakket-${todayIso(now)}`;
  return form === 'zip' ? `${base}.zip` : base;
}

/** The case the package is narrowed to, if any. */
export function chosenCase(c: PackageChoice): number | null {
  return c.scope === 'case' ? c.caseId : null;
}

/** The options of `make_package`. */
export function toPackageDto(c: PackageChoice): PackageOptionsDto_Deserialize {
  return { caseId: chosenCase(c), includeMedical: c.includeMedical, language: c.language, zip: c.form === 'zip' };
}

/** The Export screen's count for the same choice: every original goes in. */
export function toCountDto(c: PackageChoice): ExportOptionsDto_Deserialize {
  return {
    from: null,
    to: null,
    kinds: [],
    includeMedical: c.includeMedical,
    includeAttachments: true,
    language: c.language,
    coverName: null,
    coverAddress: null,
    caseId: chosenCase(c),
  };
}

/** The password the PDF gets: null without one. */
export function pdfPassword(c: PackageChoice): string | null {
  if (!c.withPassword) return null;
  return c.passwordSource === 'app' ? c.suggested : c.typed.trim();
}

/** What is wrong with the password choice, if anything. */
export function passwordProblem(c: PackageChoice): 'package.passwordShort' | 'package.passwordWait' | null {
  if (!c.withPassword) return null;
  if (c.passwordSource === 'app') return c.suggested === '' ? 'package.passwordWait' : null;
  return [...c.typed.trim()].length < MIN_PASSWORD ? 'package.passwordShort' : null;
}
