import { describe, expect, it } from 'vitest';
import { estimateStrength, isLongEnough, MIN_PASSPHRASE_LENGTH } from './strength';

function level(p: string) {
  return estimateStrength(p).level;
}

describe('estimateStrength', () => {
  it('says nothing for an empty field', () => {
    expect(estimateStrength('')).toEqual({ level: 'empty', bits: 0, score: 0 });
  });

  it('calls anything under 8 characters too short, however random', () => {
    expect(level('k#8Lm2p')).toBe('too-short');
    expect(level('a')).toBe('too-short');
    expect(estimateStrength('abc').score).toBe(0);
  });

  it('counts characters, not UTF-16 units', () => {
    expect(level('ëëëëëëë')).toBe('too-short'); // 7 characters
    expect(level('éèêëïöüç')).not.toBe('too-short');
  });

  it.each([
    'wachtwoord',
    'Wachtwoord1',
    'password123',
    'welkom01!',
    '12345678',
    'abcdefgh',
    'qwertyuiop',
    'aaaaaaaaaaaa',
    'Zomer2024!',
    'Ajax1900',
  ])('calls the well-known or patterned %s weak', (p) => {
    expect(level(p)).toBe('weak');
  });

  it('rates a short random mix as fair, not strong', () => {
    expect(level('k8#Lm2pQ')).toBe('fair');
  });

  it('rates four ordinary words as at least good', () => {
    expect(['good', 'strong']).toContain(level('paard fiets regen boom'));
  });

  it.each(['mijn kat slaapt graag op de bank', 'Tx7$kq!Mz2#vWp9&'])('rates the long %s as strong', (p) => {
    expect(level(p)).toBe('strong');
  });

  it('gets stronger as a passphrase gets longer', () => {
    const a = estimateStrength('regenboog');
    const b = estimateStrength('regenboog fiets');
    const c = estimateStrength('regenboog fiets kopje thee');
    expect(b.bits).toBeGreaterThan(a.bits);
    expect(c.bits).toBeGreaterThan(b.bits);
    expect(c.score).toBeGreaterThanOrEqual(b.score);
  });

  it('gives a score that matches the level', () => {
    const scores = { 'too-short': 0, weak: 1, fair: 2, good: 3, strong: 4 } as const;
    for (const p of ['abc', 'wachtwoord', 'k8#Lm2pQ', 'regenboog fiets', 'paard fiets regen boom']) {
      const s = estimateStrength(p);
      if (s.level !== 'empty') expect(s.score).toBe(scores[s.level]);
    }
  });
});

describe('isLongEnough', () => {
  it('uses the same minimum as the backend (8)', () => {
    expect(MIN_PASSPHRASE_LENGTH).toBe(8);
    expect(isLongEnough('1234567')).toBe(false);
    expect(isLongEnough('12345678')).toBe(true);
  });
});
