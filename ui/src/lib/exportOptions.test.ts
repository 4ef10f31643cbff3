import { describe, expect, it } from 'vitest';
import { defaultChoice, defaultFileName, exportDate, toExportDto } from './exportOptions';

describe('export options', () => {
  it('names the file after today', () => {
    expect(defaultFileName(new Date(2026, 2, 5, 10, 0))).toBe('dossier-overzicht-2026-03-05.pdf');
  });

  it('is safe by default: no medical, originals in, no cover name', () => {
    expect(toExportDto(defaultChoice('nl'))).toEqual({
      from: null,
      to: null,
      kinds: [],
      includeMedical: false,
      includeAttachments: true,
      language: 'nl',
      coverName: null,
      coverAddress: null,
    });
  });

  it('maps dates, kinds and the cover', () => {
    const c = { ...defaultChoice('en'), from: '1-3-2026', to: '31-3-2026', kinds: ['decision' as const] };
    c.withCover = true;
    c.coverName = '  A. Jansen ';
    c.coverAddress = 'Straat 1\n1234 AB Plaats';
    expect(toExportDto(c)).toMatchObject({
      from: '2026-03-01',
      to: '2026-03-31',
      kinds: ['decision'],
      language: 'en',
      coverName: 'A. Jansen',
      coverAddress: 'Straat 1\n1234 AB Plaats',
    });
  });

  it('leaves the cover empty when switched off, even with a name typed', () => {
    const c = { ...defaultChoice('nl'), coverName: 'A. Jansen', coverAddress: 'Straat 1' };
    expect(toExportDto(c)?.coverName).toBeNull();
    expect(toExportDto(c)?.coverAddress).toBeNull();
  });

  it('refuses a date it cannot read', () => {
    expect(exportDate('')).toBeNull();
    expect(exportDate('gisteren?')).toBe('invalid');
    expect(toExportDto({ ...defaultChoice('nl'), to: 'xx' })).toBeNull();
  });
});
