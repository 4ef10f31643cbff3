import { describe, expect, it } from 'vitest';
import { fillFrom } from './ocr';
import {
  answersFromFill,
  buildEntry,
  CAPTURE_TYPES,
  chosenDate,
  emptyAnswers,
  FIELD_OF,
  nextStep,
  parseWho,
  previousStep,
  questionNumber,
  REPORT_TAG,
  sendDate,
  steps,
  suggestPeople,
  type Answers,
  type Step,
  type TitleTexts,
} from './quickCapture';

const titles: TitleTexts = {
  withWho: {
    call: 'Gebeld door {who}',
    'call-out': 'Gebeld met {who}',
    letter: 'Brief van {who}',
    meeting: 'Gesprek met {who}',
    email: 'E-mail van {who}',
    decision: 'Besluit van {who} van {date}',
  },
  withoutWho: {
    call: 'Ik ben gebeld',
    'call-out': 'Ik heb gebeld',
    letter: 'Brief ontvangen',
    meeting: 'Gesprek',
    email: 'E-mail ontvangen',
    decision: 'Besluit van {date}',
  },
};
const TODAY = '2026-03-20';
const fmt = (iso: string) => `«${iso}»`;
const answers = (over: Partial<Answers>): Answers => ({ ...emptyAnswers(), day: 'today', ...over });

describe('quick capture steps', () => {
  it('asks the date first and ends with a check, for every kind of event', () => {
    for (const type of CAPTURE_TYPES) {
      expect(steps(type)[0]).toBe('date');
      expect(steps(type).at(-1)).toBe('check');
    }
    expect(nextStep('call', 'date')).toBe('who');
    expect(previousStep('call', 'date')).toBeNull();
    expect(nextStep('call', 'check')).toBeNull();
  });
  it('asks where, who came along and whether a report was promised about a meeting', () => {
    expect(steps('meeting')).toEqual(expect.arrayContaining(['place', 'companions', 'said', 'promised', 'report']));
  });
  it('asks whether a letter is a decision, and its send date only when it is', () => {
    expect(steps('letter', { isDecision: 'no' })).not.toContain('sentOn');
    expect(steps('letter', { isDecision: 'yes' })).toContain('sentOn');
    expect(nextStep('letter', 'letterDated', { isDecision: 'yes' })).toBe('sentOn');
    expect(nextStep('letter', 'letterDated', { isDecision: 'no' })).toBe('kenmerk');
    expect(steps('letter')).toEqual(expect.arrayContaining(['isDecision', 'replyBy', 'threat']));
  });
  it('numbers the questions without the check', () => {
    expect(questionNumber('call', 'date')).toEqual({ n: 1, of: steps('call').length - 1 });
    expect(questionNumber('email', 'threat')).toEqual({ n: 6, of: 6 });
  });
});

describe('the day', () => {
  it('reads vandaag, gisteren and another typed day', () => {
    expect(chosenDate({ day: 'today', otherDate: '' }, TODAY)).toBe('2026-03-20');
    expect(chosenDate({ day: 'yesterday', otherDate: '' }, '2026-03-01')).toBe('2026-02-28');
    expect(chosenDate({ day: 'other', otherDate: '3-3-2026' }, TODAY)).toBe('2026-03-03');
    expect(chosenDate({ day: 'other', otherDate: '31-02-2026' }, TODAY)).toBeNull();
    expect(chosenDate({ day: '', otherDate: '' }, TODAY)).toBeNull();
  });
});

describe('who: organisations and people', () => {
  it('WPI is an organisation, not a person', () => {
    expect(parseWho('WPI')).toEqual({ person: '', organisation: 'WPI' });
    expect(parseWho('wpi')).toEqual({ person: '', organisation: 'WPI' });
    expect(parseWho('Gemeente Amsterdam')).toEqual({ person: '', organisation: 'Gemeente Amsterdam' });
  });
  it('"Mw. de Vries van WPI" is a person of WPI', () => {
    expect(parseWho('Mw. de Vries van WPI')).toEqual({ person: 'Mw. de Vries', organisation: 'WPI' });
    expect(parseWho('Mw. de Vries (WPI)')).toEqual({ person: 'Mw. de Vries', organisation: 'WPI' });
    expect(parseWho('Mw. de Vries, WPI')).toEqual({ person: 'Mw. de Vries', organisation: 'WPI' });
  });
  it('a name alone is a person; "van" inside a Dutch name is no organisation', () => {
    expect(parseWho('Anja de Vries')).toEqual({ person: 'Anja de Vries', organisation: '' });
    expect(parseWho('Piet van Dam')).toEqual({ person: 'Piet van Dam', organisation: '' });
    expect(parseWho('Piet van Dam van Werkbedrijf', ['Werkbedrijf'])).toEqual({ person: 'Piet van Dam', organisation: 'Werkbedrijf' });
  });
  it('suggests known people by name, role or organisation', () => {
    const people = [
      { id: 1, name: 'Mark Jansen', role: 'klantmanager', organisation: 'WPI' },
      { id: 2, name: 'Sara Bakker', role: 'jobhunter', organisation: 'Werkbedrijf' },
    ];
    expect(suggestPeople('ma', people).map((p) => p.id)).toEqual([1]);
    expect(suggestPeople('job', people).map((p) => p.id)).toEqual([2]);
    expect(suggestPeople('', people)).toHaveLength(2);
  });
});

describe('every question lands in its own field', () => {
  // One distinct answer per question; the built entry must hold each in FIELD_OF's field.
  const all: Partial<Answers> = {
    day: 'other',
    otherDate: '12-03-2026',
    time: '10:15',
    who: 'Mw. de Vries van WPI',
    role: 'klantmanager',
    place: 'Jan van Galenstraat',
    companions: 'Els (Bijstandsbond)',
    asked: 'ASKED',
    said: 'SAID',
    promised: 'PROMISED',
    agreed: 'AGREED',
    report: 'yes',
    kenmerk: 'KM-1',
    replyBy: '30-03-2026',
    threat: 'yes',
    threatText: 'korting',
    followUp: '02-04-2026',
  };
  const expected: Partial<Record<Step, [string, unknown]>> = {
    place: ['place', 'Jan van Galenstraat'],
    companions: ['companions', 'Els (Bijstandsbond)'],
    asked: ['asked', 'ASKED'],
    said: ['notes', 'SAID'],
    promised: ['promised', 'PROMISED'],
    agreed: ['agreed', 'AGREED'],
    report: ['tags', [REPORT_TAG]],
    kenmerk: ['kenmerk', 'KM-1'],
    replyBy: ['replyBy', '2026-03-30'],
    threat: ['threat', true],
    followUp: ['followUpOn', '2026-04-02'],
  };
  for (const type of CAPTURE_TYPES) {
    it(`${type}: each answer in the field it belongs to, nothing else filled`, () => {
      const { fields, who } = buildEntry(type, answers(all), TODAY, titles, fmt);
      expect(who).toEqual({ person: 'Mw. de Vries', organisation: 'WPI' });
      expect(fields.organisation).toBe('WPI');
      for (const step of steps(type)) {
        const e = expected[step];
        if (!e) continue;
        expect(FIELD_OF[step as Exclude<Step, 'check'>]).toBe(e[0]);
        expect((fields as Record<string, unknown>)[e[0]]).toEqual(e[1]);
      }
      // A question this kind does not ask leaves its field empty.
      const asked = new Set(steps(type));
      if (!asked.has('asked')) expect(fields.asked).toBe('');
      if (!asked.has('agreed')) expect(fields.agreed).toBe('');
      if (!asked.has('promised')) expect(fields.promised).toBe('');
      if (!asked.has('place')) expect(fields.place).toBe('');
    });
  }
  it("the user's own account is never stored as what the agency asked", () => {
    for (const type of ['meeting', 'email', 'call-out'] as const) {
      const { fields } = buildEntry(type, answers({ said: 'Ik ben het er niet mee eens' }), TODAY, titles, fmt);
      expect(fields.notes).toBe('Ik ben het er niet mee eens');
      expect(fields.asked).toBe('');
    }
  });
});

describe('a letter that is a decision', () => {
  it('becomes a decision dated and named by the date on the letter, received on the chosen day', () => {
    const { fields } = buildEntry('letter', answers({ day: 'yesterday', who: 'WPI', isDecision: 'yes', letterDated: '3-3-2026' }), TODAY, titles, fmt);
    expect(fields.kind).toBe('decision');
    expect(fields.letterDated).toBe('2026-03-03');
    expect(fields.occurredOn).toBe('2026-03-03');
    expect(fields.receivedOn).toBe('2026-03-19');
    // No send date typed: the date on the letter counts.
    expect(fields.sentOn).toBe('2026-03-03');
    expect(fields.title).toBe('Besluit van WPI van «2026-03-03»');
    expect(fields.people).toEqual([]);
  });
  it('keeps a typed send date', () => {
    expect(sendDate({ letterDated: '3-3-2026', sentOn: '4-3-2026' })).toBe('2026-03-04');
    const { fields } = buildEntry('letter', answers({ isDecision: 'yes', letterDated: '3-3-2026', sentOn: '4-3-2026' }), TODAY, titles, fmt);
    expect(fields.sentOn).toBe('2026-03-04');
  });
  it('a letter that is no decision stays a letter with no send date', () => {
    const { fields } = buildEntry('letter', answers({ isDecision: 'no', letterDated: '3-3-2026', replyBy: '30-3-2026' }), TODAY, titles, fmt);
    expect(fields.kind).toBe('letter-in');
    expect(fields.sentOn).toBeNull();
    expect(fields.occurredOn).toBe(TODAY);
    expect(fields.replyBy).toBe('2026-03-30');
  });
  it('drops the threat text when no threat was made', () => {
    const { fields } = buildEntry('letter', answers({ threat: 'no', threatText: 'x' }), TODAY, titles, fmt);
    expect(fields.threat).toBe(false);
    expect(fields.threatText).toBe('');
    expect(fields.title).toBe('Brief ontvangen');
  });
});

describe("the letter's photo in the guided capture", () => {
  it('is asked right after the day, before who sent it', () => {
    expect(steps('letter').slice(0, 3)).toEqual(['date', 'photo', 'who']);
    for (const type of CAPTURE_TYPES.filter((t) => t !== 'letter')) expect(steps(type)).not.toContain('photo');
    expect(FIELD_OF.photo).toBe('attachments');
  });

  it('fills only the answers of the accepted suggestions, dates as the user types them', () => {
    const fill = fillFrom([
      { kind: 'letter_date', value: '2026-04-02', source: 'Datum: 2 april 2026' },
      { kind: 'reply_by', value: '2026-04-09', source: 'Reageer vóór 9 april 2026' },
      { kind: 'decision', value: '', source: 'bezwaar maken' },
    ]);
    expect(answersFromFill(fill)).toEqual({ letterDated: '02-04-2026', replyBy: '09-04-2026', isDecision: 'yes' });
    expect(answersFromFill(fillFrom([{ kind: 'kenmerk', value: 'ZK-1', source: 'Ons kenmerk: ZK-1' }]))).toEqual({ kenmerk: 'ZK-1' });
    expect(answersFromFill(fillFrom([{ kind: 'threat', value: 'stopzetten', source: 'wij stopzetten' }]))).toEqual({ threat: 'yes', threatText: 'stopzetten' });
    expect(answersFromFill(fillFrom([]))).toEqual({});
  });

  it('gives the answers the entry is built from: the letter dated and kenmerk as accepted', () => {
    const a = answers({ day: 'today', who: 'WPI', ...answersFromFill(fillFrom([
      { kind: 'letter_date', value: '2026-03-03', source: '3 maart 2026' },
      { kind: 'kenmerk', value: 'ZK-9', source: 'kenmerk ZK-9' },
    ])) });
    const { fields } = buildEntry('letter', a, TODAY, titles, fmt);
    expect(fields.letterDated).toBe('2026-03-03');
    expect(fields.kenmerk).toBe('ZK-9');
  });
});
