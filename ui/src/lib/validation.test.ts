import { describe, expect, it } from 'vitest';
import { checkDir, checkMinutes, checkNewPassphrase, checkRecoveryCode, checkRepeat, present, shownProblem } from './validation';

describe('form checks', () => {
  it('wants a folder', () => {
    expect(checkDir('  ')?.key).toBe('validation.dirEmpty');
    expect(checkDir('/media/usb/Dossierkluis')).toBeNull();
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
    expect(present(null, checkDir(''), null, checkNewPassphrase('')).map((p) => p.key)).toEqual([
      'validation.dirEmpty',
      'validation.passEmpty',
    ]);
  });
});
