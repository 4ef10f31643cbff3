// Checks the UI does before asking the backend, as message keys so the text follows
// the language switch. The backend checks again (e.g. passphrase_too_short).

import type { ErrorCode } from './bindings';
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

export function checkDir(dir: string): Problem | null {
  return dir.trim() === '' ? problem('validation.dirEmpty') : null;
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
