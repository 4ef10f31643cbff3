import { describe, expect, it } from 'vitest';
import { checkDateField, checkDir, checkLetterOrder, checkMinutes, checkNewPassphrase, checkRecoveryCode, checkRepeat, present, shownProblem } from './validation';
import { translate } from './i18n/translate';

describe('form checks', () => {
  it('wants a folder', () => {
    expect(checkDir(null)?.key).toBe('validation.dirEmpty');
    expect(checkDir({ handle: 3 })).toBeNull();
  });

  it('wants a new passphrase of at least 8 characters', () => {
    expect(checkNewPassphrase('')?.key).toBe('validation.passEmpty');
    expect(checkNewPassphrase('kort')?.key).toBe('validation.passTooShort');
    expect(checkNewPassphrase('lang genoeg')).toBeNull();
  });

  it('wants the repeat to be the same', () => {
    expect(checkRepeat('lang genoeg', '')?.key).toBe('validation.repeatEmpty');
    expect(checkRepeat('lang genoeg', 'lang genoeG')?.key).toBe('validation.mismatch');
    expect(checkRepeat('lang genoeg', 'lang genoeg')).toBeNull();
  });

  it('shows a problem after a submit, or once a filled-in field was left', () => {
    const p = checkRepeat('lang genoeg', 'lang');
    expect(shownProblem(p, false, false, 'lang')).toBeNull();
    expect(shownProblem(p, false, true, 'lang')).toBe(p);
    expect(shownProblem(checkRepeat('lang genoeg', ''), false, true, '')).toBeNull();
    expect(shownProblem(checkRepeat('lang genoeg', ''), true, false, '')?.key).toBe('validation.repeatEmpty');
    expect(shownProblem(null, true, true, 'x')).toBeNull();
  });

  it('checks a recovery code before sending it', () => {
    expect(checkRecoveryCode('')?.key).toBe('validation.codeEmpty');
    expect(checkRecoveryCode('7K2M')?.key).toBe('validation.codeTooShort');
    expect(checkRecoveryCode('7K2M-9QXD-U')).toEqual({ key: 'validation.codeBadCharacter', params: { char: 'U' } });
    expect(checkRecoveryCode('7k2m 9qxd 4hwt b1zr 0ncf 6pje 3vas 8gyt')).toBeNull();
  });

  it('allows 1 to 120 whole minutes', () => {
    expect(checkMinutes(1)).toBeNull();
    expect(checkMinutes(120)).toBeNull();
    expect(checkMinutes('10')).toBeNull();
    for (const bad of [0, 121, 2.5, -1, null, undefined, '', 'tien']) {
      expect(checkMinutes(bad)?.key, String(bad)).toBe('validation.minutesRange');
    }
  });

  it('keeps the problems in form order', () => {
    expect(present(null, checkDir(null), null, checkNewPassphrase('')).map((p) => p.key)).toEqual([
      'validation.dirEmpty',
      'validation.passEmpty',
    ]);
  });
});

describe('dates checked as the person leaves the field', () => {
  it('names the field and says "februari heeft geen 31 dagen"', () => {
    const p = checkDateField('Datum op de brief', '31-02-2026', 'nl');
    expect(p).not.toBeNull();
    expect(translate('nl', p!.key, p!.params)).toBe('Datum op de brief: februari heeft geen 31 dagen, maar 28.');
    const en = checkDateField('Date on the letter', '31-02-2026', 'en');
    expect(translate('en', en!.key, en!.params)).toBe('Date on the letter: February does not have 31 days, but 28.');
  });
  it('knows leap years, month 13 and text that is no date', () => {
    expect(checkDateField('X', '29-02-2028', 'nl')).toBeNull();
    const leap = checkDateField('X', '29-02-2026', 'nl');
    expect(translate('nl', leap!.key, leap!.params)).toBe('X: februari heeft geen 29 dagen, maar 28.');
    const m = checkDateField('X', '3-13-2026', 'nl');
    expect(translate('nl', m!.key, m!.params)).toBe('X: er is geen maand 13. Een jaar heeft 12 maanden.');
    const f = checkDateField('X', 'morgen', 'nl');
    expect(f!.key).toBe('validation.fieldDateInvalid');
    expect(checkDateField('X', '', 'nl')).toBeNull();
  });
  it('says "ontvangen op ligt vóór de datum op de brief", naming both', () => {
    const p = checkLetterOrder('10-03-2026', '09-03-2026', 'Ontvangen op', 'de datum op de brief');
    expect(translate('nl', p!.key, p!.params)).toBe('Ontvangen op ligt vóór de datum op de brief. Dat kan niet: kijk beide datums na.');
    expect(checkLetterOrder('10-03-2026', '10-03-2026', 'a', 'b')).toBeNull();
    expect(checkLetterOrder('', '09-03-2026', 'a', 'b')).toBeNull();
  });
});
