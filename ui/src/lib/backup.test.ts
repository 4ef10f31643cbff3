import { describe, expect, it } from 'vitest';
import { dayOf, lossLine, reminderLines, summaryLine } from './backup';
import { translate } from './i18n/translate';

const nl = (key: Parameters<typeof translate>[1], params?: Record<string, string | number>) => translate('nl', key, params);

describe('backup words', () => {
  it('writes the summary line as the issue shows it', () => {
    const line = summaryLine(
      { createdAt: '2026-05-12T10:00:00Z', entries: 214, firstOn: '2025-01-03', lastOn: '2026-05-11', attachments: 57, bytes: 1, path: 'x', sameDisk: false },
      nl,
    );
    expect(line).toBe('Reservekopie van 12-05-2026: 214 registraties (03-01-2025 t/m 11-05-2026), 57 bijlagen');
    const one = summaryLine({ createdAt: '2026-05-12T10:00:00Z', entries: 1, firstOn: null, lastOn: null, attachments: 1, bytes: 1, path: 'x', sameDisk: false }, nl);
    expect(one).toBe('Reservekopie van 12-05-2026: 1 registratie, 1 bijlage');
  });

  it('says what an in-place restore loses, in the singular too', () => {
    const at = '2026-05-11T10:00:00Z';
    expect(lossLine({ lostEntries: 6, lostChanges: 9 }, at, nl)).toBe('Deze reservekopie is ouder: 6 registraties van na 11-05-2026 gaan verloren.');
    expect(lossLine({ lostEntries: 1, lostChanges: 1 }, at, nl)).toBe('Deze reservekopie is ouder: 1 registratie van na 11-05-2026 gaat verloren.');
    expect(lossLine({ lostEntries: 0, lostChanges: 2 }, at, nl)).toBe('Deze reservekopie is ouder: 2 wijzigingen van na 11-05-2026 gaan verloren.');
    expect(lossLine({ lostEntries: 0, lostChanges: 0 }, at, nl)).toContain('Er gaat niets verloren');
  });

  it('asks for a backup only when one is due, and says why', () => {
    const place = { handle: 1, name: 'Dossierkluis-reservekopie-2026-05-15.age', folder: '/home/ana/Documenten' };
    const base = { lastBackupAt: '2026-05-12T10:00:00Z', daysSince: 3, entriesSince: 2, due: false, suggested: place, suggestedSafety: place };
    expect(reminderLines(base, nl).ask).toBeNull();
    expect(reminderLines({ ...base, due: true, daysSince: 31 }, nl).ask).toContain('31 dagen');
    expect(reminderLines({ ...base, due: true, entriesSince: 20 }, nl).ask).toContain('20 nieuwe registraties');
    expect(reminderLines({ ...base, lastBackupAt: null, due: true }, nl).last).toBe('U hebt nog geen reservekopie gemaakt.');
    expect(dayOf('2025-01-03')).toBe('03-01-2025');
  });
});
