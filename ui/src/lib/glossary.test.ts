// The glossary in the UI (F14): every glossary word in a dictionary sentence is marked
// (so it can be opened in place), every mark names a real term, marks never show as
// brackets in plain text, and the Woordenlijst search ignores accents.

import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { autoMark, filterTerms, findTerms, parseMarks, resolve, stripMarks, unmarkedTerms, type GlossaryWord } from './glossary';
import { en } from './i18n/en';
import { nl } from './i18n/nl';
import { translate, translateMarked } from './i18n/translate';

interface RawTerm {
  id: string;
  nl: { term: string; forms: string[]; explanation: string };
  en: { term: string; forms: string[]; explanation: string };
  source: string;
  url: string;
  checked_on: string;
}

// The same file core compiles in (crates/core/src/glossary.rs) and the app gets over IPC.
const FILE = JSON.parse(readFileSync(new URL('../../../assets/glossary/terms.json', import.meta.url), 'utf8')) as { terms: RawTerm[] };

function words(lang: 'nl' | 'en'): GlossaryWord[] {
  return FILE.terms.map((t) => ({ id: t.id, ...t[lang], source: t.source, url: t.url, checkedOn: t.checked_on }));
}

const TERMS = { nl: words('nl'), en: words('en') };
const DICTS = { nl, en } as const;

describe('the UI dictionaries and the glossary', () => {
  for (const lang of ['nl', 'en'] as const) {
    it(`${lang}: every glossary word in a sentence is marked`, () => {
      const unmarked = Object.entries(DICTS[lang]).flatMap(([key, text]) => unmarkedTerms(text, TERMS[lang]).map((w) => `${key}: ${w}`));
      // Fix: `node dev/mark-glossary.mjs`, then read the diff.
      expect(unmarked).toEqual([]);
    });

    it(`${lang}: every mark names a term that exists`, () => {
      const unknown = Object.entries(DICTS[lang]).flatMap(([key, text]) =>
        parseMarks(text)
          .filter((s) => s.ref !== undefined && !resolve(s.ref, TERMS[lang]))
          .map((s) => `${key}: ${s.ref}`),
      );
      expect(unknown).toEqual([]);
    });

    it(`${lang}: marks are well formed (no stray brackets left after stripping)`, () => {
      for (const [key, text] of Object.entries(DICTS[lang])) {
        expect(stripMarks(text), key).not.toMatch(/\[\[|\]\]/);
      }
    });
  }

  it('the test fails when a word is left unmarked', () => {
    expect(unmarkedTerms('U kunt bezwaar maken tegen dit besluit.', TERMS.nl)).toEqual(['bezwaar maken', 'besluit']);
    expect(unmarkedTerms('U kunt [[bezwaar maken]] tegen dit [[besluit]].', TERMS.nl)).toEqual([]);
    // Whole words only: the Bijstandsbond is not "bijstand".
    expect(unmarkedTerms('Iemand van de Bijstandsbond.', TERMS.nl)).toEqual([]);
  });

  it('t() gives plain text and tm() keeps the marks', () => {
    expect(nl['todoKind.objection']).toBe('[[Bezwaar maken]]');
    expect(translate('nl', 'todoKind.objection')).toBe('Bezwaar maken');
    expect(translateMarked('nl', 'todoKind.objection')).toBe('[[Bezwaar maken]]');
    expect(translate('en', 'field.kenmerk')).toBe('Reference number (kenmerk)');
  });
});

describe('marks', () => {
  it('split into plain text and named words', () => {
    expect(parseMarks('Een [[voorlopig bezwaar]] of [[een pro forma bezwaar|voorlopig-bezwaar]].')).toEqual([
      { text: 'Een ' },
      { text: 'voorlopig bezwaar', ref: 'voorlopig bezwaar' },
      { text: ' of ' },
      { text: 'een pro forma bezwaar', ref: 'voorlopig-bezwaar' },
      { text: '.' },
    ]);
    expect(resolve('Voorlopig bezwaar', TERMS.nl)?.id).toBe('voorlopig-bezwaar');
    expect(resolve('voorlopig-bezwaar', TERMS.nl)?.id).toBe('voorlopig-bezwaar');
    expect(resolve('geen woord', TERMS.nl)).toBeUndefined();
  });

  it('autoMark links the words of a to-do sentence from core, longest form first', () => {
    const sentence = 'Bezwaar maken tegen het besluit van 3 maart: uiterlijk dinsdag 14 april 2026.';
    expect(autoMark(sentence, TERMS.nl)).toBe('[[Bezwaar maken]] tegen het [[besluit]] van 3 maart: uiterlijk dinsdag 14 april 2026.');
    expect(autoMark('Send your objection against the decision.', TERMS.en)).toBe('Send your [[objection]] against the [[decision]].');
    // Already marked text is left as it is.
    expect(autoMark('[[besluit]] en besluit', TERMS.nl)).toBe('[[besluit|besluit]] en [[besluit]]');
    expect(findTerms('Een voorlopige voorziening', TERMS.nl).map((h) => h.id)).toEqual(['voorlopige-voorziening']);
  });
});

describe('Woordenlijst search', () => {
  it('finds a word as you type, ignoring accents and case', () => {
    expect(filterTerms(TERMS.nl, 'dwangsom')[0]?.id).toBe('dwangsom');
    expect(filterTerms(TERMS.nl, 'DWANG').map((t) => t.id)).toContain('dwangsom');
    expect(filterTerms(TERMS.nl, 'reintegratie')[0]?.id).toBe('re-integratie');
    // "één" in an explanation is found by typing "een keer".
    expect(filterTerms(TERMS.nl, 'een keer met 6 weken').map((t) => t.id)).toEqual(['beslistermijn']);
    expect(filterTerms(TERMS.nl, '')).toHaveLength(TERMS.nl.length);
    expect(filterTerms(TERMS.nl, 'xyzzy')).toEqual([]);
  });
});
