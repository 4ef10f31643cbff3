import { describe, expect, it } from 'vitest';
import { ENTRY_KINDS } from '../kinds';
import { en } from './en';
import { nl } from './nl';
import { translate } from './translate';

function placeholders(text: string): string[] {
  return [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
}

describe('dictionaries', () => {
  it('have exactly the same keys in Dutch and English', () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(nl).sort());
  });

  it('have no empty texts', () => {
    for (const [lang, dict] of Object.entries({ nl, en })) {
      for (const [key, text] of Object.entries(dict)) {
        expect(text.trim(), `${lang} ${key}`).not.toBe('');
      }
    }
  });

  it('use the same placeholders in both languages', () => {
    for (const key of Object.keys(nl) as Array<keyof typeof nl>) {
      expect(placeholders(en[key]), key).toEqual(placeholders(nl[key]));
    }
  });

  it('name every entry kind in both languages', () => {
    for (const kind of ENTRY_KINDS) {
      const key = `kind.${kind}` as keyof typeof nl;
      expect(nl[key], kind).toBeTruthy();
      expect(en[key], kind).toBeTruthy();
    }
    expect(nl['kind.call-in']).toBe('Ik ben gebeld');
    expect(nl['kind.letter-in']).toBe('Brief ontvangen');
  });
});

describe('translate', () => {
  it('fills in placeholders', () => {
    expect(translate('nl', 'confirm.groupLabel', { n: 3 })).toBe('Groep 3');
    expect(translate('en', 'confirm.groupLabel', { n: 6 })).toBe('Group 6');
  });

  it('leaves unknown placeholders visible instead of inventing text', () => {
    expect(translate('nl', 'confirm.groupLabel')).toBe('Groep {n}');
  });
});
