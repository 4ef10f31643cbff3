// Checks the UI does before asking the backend, as message keys so the text follows
// the language switch. The backend checks again (e.g. passphrase_too_short).

import type { ErrorCode, Language } from './bindings';
import { dateProblem, monthName, parseInputDate } from './dates';
import type { MessageKey, Params } from './i18n/translate';
import { checkCode, firstBadCharacter } from './recovery';
import { isLongEnough } from './strength';

export interface Problem {
  key: MessageKey;
  params?: Params;
}

export function problem(key: MessageKey, params?: Params): Problem {
  return params ? { key, params } : { key };
}

export function backendProblem(code: ErrorCode): Problem {
  return { key: `error.${code}` };
}

/** A folder must have been chosen (the backend holds it; the UI has its handle). */
export function checkDir(dir: { handle: number } | null): Problem | null {
  return dir === null ? problem('validation.dirEmpty') : null;
}

export function checkNewPassphrase(passphrase: string): Problem | null {
  if (passphrase === '') return problem('validation.passEmpty');
  if (!isLongEnough(passphrase)) return problem('validation.passTooShort');
  return null;
}

export function checkRepeat(passphrase: string, repeat: string): Problem | null {
  if (repeat === '') return problem('validation.repeatEmpty');
  if (repeat !== passphrase) return problem('validation.mismatch');
  return null;
}

export function checkPassphraseGiven(passphrase: string, key: MessageKey = 'validation.passEmpty'): Problem | null {
  return passphrase === '' ? problem(key) : null;
}

export function checkRecoveryCode(input: string): Problem | null {
  switch (checkCode(input)) {
    case 'empty':
      return problem('validation.codeEmpty');
    case 'bad-character':
      return problem('validation.codeBadCharacter', { char: firstBadCharacter(input) ?? '?' });
    case 'too-short':
      return problem('validation.codeTooShort');
    case 'too-long':
      return problem('validation.codeTooLong');
    case null:
      return null;
  }
}

export function checkMinutes(input: string | number | null | undefined): Problem | null {
  if (input === null || input === undefined || String(input).trim() === '') return problem('validation.minutesRange');
  const n = typeof input === 'number' ? input : Number(input.trim());
  if (!Number.isInteger(n) || n < 1 || n > 120) {
    return problem('validation.minutesRange');
  }
  return null;
}

/**
 * The problem to show next to a field: empty fields are only complained about after a
 * submit; a wrong value as soon as the person has left the field.
 */
export function shownProblem(p: Problem | null, submitted: boolean, touched: boolean, value: string): Problem | null {
  return submitted || (touched && value !== '') ? p : null;
}

/** The problems that exist, in form order. */
export function present(...problems: Array<Problem | null>): Problem[] {
  return problems.filter((p): p is Problem => p !== null);
}

/**
 * A typed date checked as the person leaves the field: names the field and says what is
 * wrong ("Datum op de brief: februari heeft geen 31 dagen"). Empty is no problem here.
 */
export function checkDateField(field: string, input: string, lang: Language): Problem | null {
  const p = dateProblem(input);
  if (!p) return null;
  if (p.code === 'month') return problem('validation.noSuchMonth', { field, month: String(p.month) });
  if (p.code === 'day') return problem('validation.noSuchDay', { field, month: monthName(p.month, lang), days: String(p.days), day: String(p.day) });
  return problem('validation.fieldDateInvalid', { field });
}

/**
 * A letter cannot arrive before the date written on it: names both fields
 * ("Ontvangen op ligt vóór de datum op de brief"). Also for the send date.
 */
export function checkLetterOrder(letterDated: string, later: string, laterField: string, letterField: string): Problem | null {
  const a = parseInputDate(letterDated);
  const b = parseInputDate(later);
  if (!a || !b || b >= a) return null;
  return problem('validation.beforeLetterDate', { field: laterField, letter: letterField });
}
