import { describe, expect, it } from 'vitest';
import { canRead, fillFrom, suggestionKey } from './ocr';

describe('read-text suggestions', () => {
  it('fills only what was accepted, each in its own field', () => {
    expect(fillFrom([])).toEqual({});
    expect(
      fillFrom([
        { kind: 'letter_date', value: '2026-04-02', source: 'Datum: 2 april 2026' },
        { kind: 'kenmerk', value: 'ZK-2026-118834', source: 'Ons kenmerk: ZK-2026-118834' },
        { kind: 'reply_by', value: '2026-04-09', source: 'vóór 9 april 2026' },
        { kind: 'decision', value: 'besluit', source: 'dit besluit' },
        { kind: 'threat', value: 'wij kunnen uw uitkering stopzetten', source: '…' },
      ]),
    ).toEqual({
      letterDated: '2026-04-02',
      kenmerk: 'ZK-2026-118834',
      replyBy: '2026-04-09',
      kind: 'decision',
      threat: true,
      threatText: 'wij kunnen uw uitkering stopzetten',
    });
  });

  it('keys suggestions by kind and value, and reads pictures and PDFs only', () => {
    expect(suggestionKey({ kind: 'kenmerk', value: 'A1', source: 'x' })).toBe('kenmerk:A1');
    expect(canRead('image/jpeg')).toBe(true);
    expect(canRead('application/pdf')).toBe(true);
    expect(canRead('text/plain')).toBe(false);
  });
});
