import { describe, expect, it } from 'vitest';
import { defaultPackageChoice, packageName, passwordProblem, pdfPassword, toCountDto, toPackageDto } from './package';

describe('the package screen', () => {
  it('starts with the whole dossier, a folder, no medical papers and no password', () => {
    const c = defaultPackageChoice('nl');
    expect(toPackageDto(c)).toEqual({ caseId: null, includeMedical: false, language: 'nl', zip: false });
    expect(pdfPassword(c)).toBeNull();
    expect(passwordProblem(c)).toBeNull();
  });

  it('opened from a case, it packs that case; the count asks for the same choice', () => {
    const c = defaultPackageChoice('en', 7);
    expect(toPackageDto(c).caseId).toBe(7);
    expect(toCountDto(c)).toMatchObject({ caseId: 7, includeAttachments: true, includeMedical: false });
    c.scope = 'dossier';
    expect(toPackageDto(c).caseId).toBeNull();
    expect(toCountDto(c).caseId).toBeNull();
  });

  it('names the folder or the .zip after the day', () => {
    const day = new Date(2026, 11, 3, 10, 0);
    expect(packageName('folder', day)).toBe('Advocaatpakket-2026-12-03');
    expect(packageName('zip', day)).toBe('Advocaatpakket-2026-12-03.zip');
  });

  it("uses the app's password, or a typed one of 8 characters or more", () => {
    const c = defaultPackageChoice('nl');
    c.withPassword = true;
    expect(passwordProblem(c)).toBe('package.passwordWait');
    c.suggested = 'k7mxp-2trwa-9qhde';
    expect(passwordProblem(c)).toBeNull();
    expect(pdfPassword(c)).toBe('k7mxp-2trwa-9qhde');
    c.passwordSource = 'own';
    c.typed = ' kort ';
    expect(passwordProblem(c)).toBe('package.passwordShort');
    c.typed = ' bel me even 4711 ';
    expect(passwordProblem(c)).toBeNull();
    expect(pdfPassword(c)).toBe('bel me even 4711');
    c.withPassword = false;
    expect(pdfPassword(c)).toBeNull();
  });
});
