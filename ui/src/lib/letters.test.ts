import { describe, expect, it } from 'vitest';
import type { BlankDto, LetterOptionDto } from './bindings';
import {
  blankHint,
  addressForRecipient,
  addressLines,
  blankQuestions,
  buildRequest,
  describe as describeLetter,
  initialFills,
  isDraftLetter,
  missingWords,
  move,
  offeredLetters,
  pickedEnclosures,
  reasonSentence,
  profileIncomplete,
  unanswered,
} from './letters';

function option(letterType: string, titleNl = letterType): LetterOptionDto {
  return { letterType, titleNl, titleEn: `${letterType} (en)`, explainNl: 'uitleg', explainEn: 'explanation', blanks: [] };
}

function blank(key: string, extra: Partial<BlankDto> = {}): BlankDto {
  return { key, labelNl: key, labelEn: key, hintNl: '', hintEn: '', required: true, multiline: false, suggested: null, missing: false, ...extra };
}

describe('letters offered', () => {
  it('keeps core order and never shows a request to extend the objection period', () => {
    const shown = offeredLetters([option('inzage'), option('uitstel-bezwaartermijn'), option('bezwaar'), option('x', 'Uitstel van de bezwaartermijn')]);
    expect(shown.map((o) => o.letterType)).toEqual(['inzage', 'bezwaar']);
  });

  it('explains in Dutch, or in English with the Dutch title beside it', () => {
    expect(describeLetter(option('bezwaar', 'Bezwaarschrift'), 'nl')).toEqual({ title: 'Bezwaarschrift', explain: 'uitleg', dutchTitle: null });
    expect(describeLetter(option('bezwaar', 'Bezwaarschrift'), 'en')).toEqual({ title: 'bezwaar (en)', explain: 'explanation', dutchTitle: 'Bezwaarschrift' });
  });
});

describe('questions first', () => {
  it('gives the hint in the UI language, Dutch first', () => {
    const b = blank('adres', { hintNl: 'elk op een eigen regel', hintEn: 'one line each' });
    expect(blankHint(b, 'nl')).toBe('elk op een eigen regel');
    expect(blankHint(b, 'en')).toBe('one line each');
  });

  it('asks the profile once when the name or the address is empty', () => {
    expect(profileIncomplete({ name: '', address: ['Javaplein 12'], email: '' })).toBe(true);
    expect(profileIncomplete({ name: 'Fatima', address: [' '], email: '' })).toBe(true);
    expect(profileIncomplete({ name: 'Fatima', address: ['Javaplein 12', '1094 HH Amsterdam'], email: '' })).toBe(false);
    expect(addressLines(' Javaplein 12 \n\n1094 HH Amsterdam\n')).toEqual(['Javaplein 12', '1094 HH Amsterdam']);
  });

  it('puts what is missing first, leaves out the profile and the grounds the editor asks', () => {
    const blanks = [blank('naam', { missing: true }), blank('ontvanger', { suggested: 'WPI' }), blank('gronden', { missing: true }), blank('ontvanger_adres', { missing: true })];
    expect(blankQuestions(blanks, true).map((b) => b.key)).toEqual(['ontvanger_adres', 'ontvanger']);
    expect(blankQuestions(blanks, false).map((b) => b.key)).toEqual(['gronden', 'ontvanger_adres', 'ontvanger']);
    expect(initialFills(blanks)).toEqual({ naam: '', ontvanger: 'WPI', gronden: '', ontvanger_adres: '' });
  });

  it('names a required question the user left empty', () => {
    const qs = [blank('ontvanger_adres'), blank('bsn', { required: false })];
    expect(unanswered(qs, { ontvanger_adres: '  ', bsn: '' }).map((b) => b.key)).toEqual(['ontvanger_adres']);
    expect(unanswered(qs, { ontvanger_adres: 'Postbus 1' })).toEqual([]);
  });

  it('sends only filled blanks and non-empty grounds, in their order', () => {
    expect(buildRequest({ naam: ' Fatima ', bsn: '', adres: 'a\nb' }, ['Twee', ' ', 'Een '])).toEqual({
      fills: [
        { key: 'naam', value: 'Fatima' },
        { key: 'adres', value: 'a\nb' },
      ],
      grounds: ['Twee', 'Een'],
      enclosures: [],
    });
  });

  it('sends the enclosures ticked, in the order of the bundle', () => {
    const opt = (label: string) => ({ label, filename: `${label}.pdf`, entryTitle: 't', date: '2026-03-03', text: `Bijlage ${label} uit mijn dossieroverzicht` });
    const options = [opt('1'), opt('2'), opt('3')];
    const picked = pickedEnclosures(options, new Set(['3', '1']));
    expect(picked).toEqual(['Bijlage 1 uit mijn dossieroverzicht', 'Bijlage 3 uit mijn dossieroverzicht']);
    expect(buildRequest({}, [], picked).enclosures).toEqual(picked);
  });
});

describe("the organisation's address", () => {
  const wpi = ['Postbus 2813', '1000 CV Amsterdam'];
  it('comes from the last letter to the new recipient when the field is empty or was filled by the app', () => {
    expect(addressForRecipient('', null, wpi)).toEqual({ value: 'Postbus 2813\n1000 CV Amsterdam', auto: 'Postbus 2813\n1000 CV Amsterdam' });
    const other = 'Postbus 1\n1000 AA Amsterdam';
    expect(addressForRecipient(other, other, wpi).value).toBe('Postbus 2813\n1000 CV Amsterdam');
  });
  it("never keeps the old recipient's remembered address for a new one", () => {
    const old = 'Postbus 2813\n1000 CV Amsterdam';
    expect(addressForRecipient(old, old, [])).toEqual({ value: '', auto: null });
  });
  it('keeps what the user typed', () => {
    expect(addressForRecipient('Mijn eigen adres', 'Postbus 2813', wpi).value).toBe('Mijn eigen adres');
  });
});

describe('grounds', () => {
  it('move up and down by one and stay inside the list', () => {
    expect(move(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(move(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(move(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(move(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });
});

describe('what is missing and drafts', () => {
  it('names each missing item in the UI language', () => {
    const m = [{ key: 'adres', nl: 'uw adres (Awb 6:5)', en: 'your address (Awb 6:5)' }];
    expect(missingWords(m, 'nl')).toEqual(['uw adres (Awb 6:5)']);
    expect(missingWords(m, 'en')).toEqual(['your address (Awb 6:5)']);
  });

  it('tells a draft letter from a sent one', () => {
    expect(isDraftLetter('letter-out', ['bezwaar', 'concept'], null)).toBe(true);
    expect(isDraftLetter('letter-out', ['bezwaar'], '2026-12-03')).toBe(false);
    expect(isDraftLetter('letter-in', ['concept'], null)).toBe(false);
  });
});

describe('not offered', () => {
  it("shows core's reason as a calm sentence", () => {
    expect(reasonSentence('een ingebrekestelling kan pas later')).toBe('Een ingebrekestelling kan pas later.');
    expect(reasonSentence('Already a sentence.')).toBe('Already a sentence.');
    expect(reasonSentence('  ')).toBe('');
  });
});
