// Backend errors arrive as { code, message }. The UI branches on `code` only and shows
// its own plain-language text for it; the backend's message is for logs, not people.

import type { ErrorCode, Language } from './bindings';
import { translate, type MessageKey } from './i18n/translate';

export const ERROR_CODES = [
  'wrong_passphrase',
  'wrong_recovery_code',
  'recovery_code_typo',
  'not_a_dossier',
  'damaged',
  'too_new',
  'already_exists',
  'file_exists',
  'disk_full',
  'not_found',
  'permission_denied',
  'io',
  'locked',
  'invalid',
  'passphrase_too_short',
  'attachment_empty',
  'attachment_too_large',
  'entries_missing',
  'in_use',
  'sync_conflict',
  'backup_wrong_secret',
  'backup_damaged',
  'backup_truncated',
  'backup_too_new',
  'backup_needs_recovery_code',
  'letter_incomplete',
  'letter_not_offered',
  'mail_refused',
  'mail_needs_date',
  'mail_needs_own_address',
  'verslag_changed',
  'cancelled',
  'ocr_unavailable',
  'internal',
] as const satisfies readonly ErrorCode[];

// Fails to compile if ErrorCode gains a member that is not in ERROR_CODES.
type Missing = Exclude<ErrorCode, (typeof ERROR_CODES)[number]>;
export const ERROR_CODES_COMPLETE: [Missing] extends [never] ? true : never = true;

// Fails to compile if an ErrorCode has no text.
type ErrorKey = `error.${ErrorCode}`;
const errorKey = (code: ErrorCode): MessageKey => `error.${code}` satisfies ErrorKey as ErrorKey;

export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
}

/** The code of anything a command rejected with; unknown shapes count as 'internal'. */
export function errorCodeOf(error: unknown): ErrorCode {
  if (typeof error === 'object' && error !== null && 'code' in error) {
    const code = (error as { code: unknown }).code;
    if (isErrorCode(code)) return code;
  }
  return 'internal';
}

export function errorMessage(code: ErrorCode, lang: Language): string {
  return translate(lang, errorKey(code));
}

/**
 * The words for a file that could not be attached: what happened to that file (not
 * found, no permission, empty, too big, unreadable), not a guess about the dossier.
 */
export function attachErrorKey(code: ErrorCode): MessageKey {
  switch (code) {
    case 'not_found':
    case 'permission_denied':
    case 'io':
    case 'invalid':
      return `attach.error.${code}`;
    default:
      return `error.${code}`;
  }
}
