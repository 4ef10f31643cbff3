import { describe, expect, it } from 'vitest';
import { placeOf } from './paths';

describe('placeOf', () => {
  it.each([
    [{ name: 'Dossierkluis', folder: '/home/ana/Documenten' }, 'in', 'Dossierkluis in /home/ana/Documenten'],
    [{ name: 'brief.pdf', folder: 'C:\\Users\\Ana' }, 'in', 'brief.pdf in C:\\Users\\Ana'],
    [{ name: '/', folder: '' }, 'in', '/'],
  ])('%o → %s', (picked, word, expected) => {
    expect(placeOf(picked, word)).toBe(expected);
  });
});
