import { describe, expect, it } from 'vitest';
import type { ErrorCode } from './bindings';
import { attachErrorKey, ERROR_CODES, errorCodeOf, errorMessage, isErrorCode } from './errors';
import { translate } from './i18n/translate';
import { en } from './i18n/en';
import { nl } from './i18n/nl';

describe('error messages', () => {
  it('has a Dutch and an English text for every error code', () => {
    for (const code of ERROR_CODES) {
      for (const lang of ['nl', 'en'] as const) {
        const text = errorMessage(code, lang);
        expect(text, `${lang} ${code}`).not.toBe(`error.${code}`);
        expect(text.trim().length, `${lang} ${code}`).toBeGreaterThan(20);
      }
    }
  });

  it('lists exactly the error codes of the contract', () => {
    expect([...ERROR_CODES].sort()).toEqual(
      [
        'already_exists',
        'file_exists',
        'attachment_empty',
        'attachment_too_large',
        'backup_damaged',
        'backup_needs_recovery_code',
        'backup_too_new',
        'backup_truncated',
        'backup_wrong_secret',
        'damaged',
        'disk_full',
        'internal',
        'invalid',
        'mail_needs_date',
        'mail_needs_own_address',
        'mail_refused',
        'io',
        'locked',
        'not_a_dossier',
        'not_found',
        'passphrase_too_short',
        'permission_denied',
        'recovery_code_typo',
        'too_new',
        'wrong_passphrase',
        'wrong_recovery_code',
        'entries_missing',
        'in_use',
        'sync_conflict',
        'letter_incomplete',
        'letter_not_offered',
        'verslag_changed',
        'cancelled',
        'ocr_unavailable',
      ].sort(),
    );
  });

  it('has no error text in the dictionaries that no code uses', () => {
    const used = new Set(ERROR_CODES.map((c) => `error.${c}`));
    for (const dict of [nl, en]) {
      for (const key of Object.keys(dict).filter((k) => k.startsWith('error.'))) {
        expect(used.has(key), key).toBe(true);
      }
    }
  });

  it('gives different texts for different codes', () => {
    for (const lang of ['nl', 'en'] as const) {
      const texts = ERROR_CODES.map((c) => errorMessage(c, lang));
      expect(new Set(texts).size).toBe(texts.length);
    }
  });

  it('says what happened and what to do for a wrong passphrase', () => {
    expect(errorMessage('wrong_passphrase', 'nl')).toBe(
      'Het wachtwoord klopt niet. Probeer het opnieuw of gebruik uw herstelcode.',
    );
    expect(errorMessage('wrong_passphrase', 'en')).toBe('The passphrase is not right. Try again or use your recovery code.');
  });
});

describe('errorCodeOf', () => {
  it('takes the code of an IPC error, whatever its message says', () => {
    expect(errorCodeOf({ code: 'disk_full', message: 'wrong passphrase' })).toBe('disk_full');
  });

  it('treats anything else as internal', () => {
    expect(errorCodeOf(new Error('boom'))).toBe('internal');
    expect(errorCodeOf('wrong_passphrase')).toBe('internal');
    expect(errorCodeOf({ code: 'no_such_code' })).toBe('internal');
    expect(errorCodeOf(null)).toBe('internal');
  });

  it('recognises codes', () => {
    const code: ErrorCode = 'locked';
    expect(isErrorCode(code)).toBe(true);
    expect(isErrorCode('Locked')).toBe(false);
  });
});

describe('attach errors say what happened to the file', () => {
  it('names not found, no permission, empty and too big apart', () => {
    const texts = (['not_found', 'permission_denied', 'attachment_empty', 'attachment_too_large', 'io'] as const).map((c) => translate('nl', attachErrorKey(c)));
    expect(new Set(texts).size).toBe(5);
    expect(texts[0]).toMatch(/bestaat niet/);
    expect(texts[0]).not.toMatch(/USB/);
    expect(texts[1]).toMatch(/toestemming/);
    expect(texts[2]).toMatch(/leeg/);
    expect(texts[3]).toMatch(/groter dan 200 MB/);
  });
});
