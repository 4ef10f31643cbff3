// Guided quick capture: right after a call, letter, talk or e-mail, one plain question
// per screen (the date first), every answer stored in the field it belongs to, shown
// back before saving. The steps, where each answer goes and the entry it makes are pure,
// so they are tested without a screen.

import { addDays, parseInputDate, toInputDate } from './dates';
import { emptyFields, type Fields } from './entries';
import type { EntryKind } from './kinds';
import type { EditorFill } from './ocr';

export type CaptureType = 'call' | 'call-out' | 'letter' | 'meeting' | 'email';
export const CAPTURE_TYPES: readonly CaptureType[] = ['call', 'call-out', 'meeting', 'letter', 'email'];

/** One question. Each step's answer goes into exactly one field (see FIELD_OF). */
export type Step =
  | 'date'
  | 'photo'
  | 'who'
  | 'place'
  | 'companions'
  | 'asked'
  | 'said'
  | 'promised'
  | 'agreed'
  | 'report'
  | 'isDecision'
  | 'letterDated'
  | 'sentOn'
  | 'kenmerk'
  | 'replyBy'
  | 'threat'
  | 'followUp'
  | 'check';

const STEPS: Record<CaptureType, Step[]> = {
  call: ['date', 'who', 'asked', 'said', 'promised', 'agreed', 'threat', 'followUp', 'check'],
  'call-out': ['date', 'who', 'said', 'asked', 'promised', 'agreed', 'threat', 'followUp', 'check'],
  meeting: ['date', 'place', 'who', 'companions', 'said', 'promised', 'report', 'threat', 'followUp', 'check'],
  letter: ['date', 'photo', 'who', 'isDecision', 'letterDated', 'sentOn', 'kenmerk', 'said', 'replyBy', 'threat', 'check'],
  email: ['date', 'who', 'asked', 'said', 'replyBy', 'threat', 'check'],
};

/**
 * The field of the entry each question fills ("photo": the letter's photo or scan is
 * attached, its read text kept beside it; what it suggests fills other answers only
 * when the user accepts it). "said" is the user's own account (notes:
 * "Wat er gebeurd is"), never "asked" (what the agency asked): a lawyer reads them apart.
 */
export const FIELD_OF: Record<Exclude<Step, 'check'>, keyof Fields | 'people' | 'attachments'> = {
  date: 'occurredOn',
  photo: 'attachments',
  who: 'people',
  place: 'place',
  companions: 'companions',
  asked: 'asked',
  said: 'notes',
  promised: 'promised',
  agreed: 'agreed',
  report: 'tags',
  isDecision: 'kind',
  letterDated: 'letterDated',
  sentOn: 'sentOn',
  kenmerk: 'kenmerk',
  replyBy: 'replyBy',
  threat: 'threat',
  followUp: 'followUpOn',
};

/** The tag a promised report (verslag) gets, so it can be found and asked for. */
export const REPORT_TAG = 'verslag beloofd';

export const CAPTURE_KIND: Record<CaptureType, EntryKind> = {
  call: 'call-in',
  'call-out': 'call-out',
  letter: 'letter-in',
  meeting: 'meeting',
  email: 'email-in',
};

export function isCaptureType(v: string): v is CaptureType {
  return (CAPTURE_TYPES as readonly string[]).includes(v);
}

export type YesNo = 'yes' | 'no' | '';
export type DayChoice = 'today' | 'yesterday' | 'other' | '';

export interface Answers {
  day: DayChoice;
  /** The typed date when `day` is "other". */
  otherDate: string;
  /** HH:MM or '' (calls and meetings). */
  time: string;
  who: string;
  /** The role of that person in this contact ("klantmanager"), or ''. */
  role: string;
  place: string;
  companions: string;
  asked: string;
  said: string;
  promised: string;
  agreed: string;
  report: YesNo;
  isDecision: YesNo;
  letterDated: string;
  /** Typed; empty means "the date on the letter". */
  sentOn: string;
  kenmerk: string;
  replyBy: string;
  threat: YesNo;
  threatText: string;
  followUp: string;
}

export function emptyAnswers(): Answers {
  return {
    day: '',
    otherDate: '',
    time: '',
    who: '',
    role: '',
    place: '',
    companions: '',
    asked: '',
    said: '',
    promised: '',
    agreed: '',
    report: '',
    isDecision: '',
    letterDated: '',
    sentOn: '',
    kenmerk: '',
    replyBy: '',
    threat: '',
    threatText: '',
    followUp: '',
  };
}

/** The steps asked, given the answers so far (a letter that is no decision has no send date). */
export function steps(type: CaptureType, a?: Pick<Answers, 'isDecision'>): readonly Step[] {
  const list = STEPS[type];
  if (type === 'letter' && a && a.isDecision !== 'yes') return list.filter((s) => s !== 'sentOn');
  return list;
}

export function nextStep(type: CaptureType, step: Step, a?: Pick<Answers, 'isDecision'>): Step | null {
  const list = steps(type, a);
  const i = list.indexOf(step);
  return i >= 0 && i + 1 < list.length ? (list[i + 1] ?? null) : null;
}

export function previousStep(type: CaptureType, step: Step, a?: Pick<Answers, 'isDecision'>): Step | null {
  const list = steps(type, a);
  const i = list.indexOf(step);
  return i > 0 ? (list[i - 1] ?? null) : null;
}

/** "Vraag 2 van 9": the check step is not counted as a question. */
export function questionNumber(type: CaptureType, step: Step, a?: Pick<Answers, 'isDecision'>): { n: number; of: number } {
  const questions: Step[] = steps(type, a).filter((s) => s !== 'check');
  return { n: questions.indexOf(step) + 1, of: questions.length };
}

/** The day it happened (ISO), from "vandaag / gisteren / andere dag", or null. */
export function chosenDate(a: Pick<Answers, 'day' | 'otherDate'>, today: string): string | null {
  if (a.day === 'today') return today;
  if (a.day === 'yesterday') return addDays(today, -1);
  if (a.day === 'other') return parseInputDate(a.otherDate);
  return null;
}

/** The send date a decision's period counts from: as typed, else the date on the letter. */
export function sendDate(a: Pick<Answers, 'sentOn' | 'letterDated'>): string | null {
  return parseInputDate(a.sentOn) ?? parseInputDate(a.letterDated);
}

/** Organisations people name as senders; a bare one of these is no person. */
export const KNOWN_ORGANISATIONS = ['WPI', 'UWV', 'SVB', 'DWI', 'Gemeente Amsterdam', 'Gemeente', 'Belastingdienst', 'CAK', 'Juridisch Loket', 'Bijstandsbond'];

export interface Who {
  /** The person, or '' when the sender is an organisation only. */
  person: string;
  organisation: string;
}

/**
 * Tells organisations and people apart: "WPI" is an organisation; "Mw. de Vries van WPI"
 * (or "Mw. de Vries (WPI)", "Mw. de Vries, WPI") is a person of it; "Anja de Vries" is
 * a person. `orgs` adds the organisations of known people.
 */
export function parseWho(input: string, orgs: readonly string[] = []): Who {
  const text = input.trim().replace(/\s+/g, ' ');
  if (text === '') return { person: '', organisation: '' };
  const all = [...KNOWN_ORGANISATIONS, ...orgs].filter((o) => o.trim() !== '');
  const isOrg = (s: string) => all.some((o) => o.toLowerCase() === s.trim().toLowerCase()) || /^[A-Z]{2,6}$/.test(s.trim());
  const canon = (s: string) => all.find((o) => o.toLowerCase() === s.trim().toLowerCase()) ?? s.trim();
  if (isOrg(text)) return { person: '', organisation: canon(text) };
  const paren = /^(.+?)\s*\((.+)\)$/.exec(text);
  if (paren && paren[1] && paren[2]) return { person: paren[1].trim(), organisation: canon(paren[2]) };
  const comma = /^(.+?),\s*(.+)$/.exec(text);
  if (comma && comma[1] && comma[2] && isOrg(comma[2])) return { person: comma[1].trim(), organisation: canon(comma[2]) };
  const van = /^(.+)\s+(?:van|from|bij|at)\s+(.+)$/i.exec(text);
  if (van && van[1] && van[2] && isOrg(van[2])) return { person: van[1].trim(), organisation: canon(van[2]) };
  return { person: text, organisation: '' };
}

/** A known person offered as a suggestion for "who". */
export interface KnownPerson {
  id: number;
  name: string;
  role: string;
  organisation: string;
}

/** Known people whose name, role or organisation starts a word with what was typed (at most 5). */
export function suggestPeople(typed: string, people: readonly KnownPerson[]): KnownPerson[] {
  const q = typed.trim().toLowerCase();
  if (q === '') return people.slice(0, 5);
  const words = (p: KnownPerson) => `${p.name} ${p.role} ${p.organisation}`.toLowerCase().split(/[\s,()]+/);
  return people.filter((p) => p.name.toLowerCase().startsWith(q) || words(p).some((w) => w.startsWith(q))).slice(0, 5);
}

/** Title templates with {who} and {date}; the screen passes them in the user's language. */
export interface TitleTexts {
  withWho: Record<CaptureType | 'decision', string>;
  withoutWho: Record<CaptureType | 'decision', string>;
}

/** What the answers make: the entry, and the person to look up or add. */
export interface Built {
  fields: Fields;
  who: Who;
}

/**
 * The entry the answers make. Every answer goes to the field FIELD_OF names; a letter
 * that is a decision becomes a decision, dated and named by the date on the letter, with
 * the day it came as "received on".
 */
export function buildEntry(type: CaptureType, a: Answers, today: string, titles: TitleTexts, formatDate: (iso: string) => string, orgs: readonly string[] = []): Built {
  const on = chosenDate(a, today) ?? today;
  const decision = type === 'letter' && a.isDecision === 'yes';
  const kind: EntryKind = decision ? 'decision' : CAPTURE_KIND[type];
  const f = emptyFields(kind, on);
  const who = parseWho(a.who, orgs);
  const name = who.person || who.organisation;
  const letterDated = type === 'letter' ? parseInputDate(a.letterDated) : null;
  const key: CaptureType | 'decision' = decision ? 'decision' : type;
  const dated = letterDated ?? on;
  f.title = (name ? titles.withWho[key] : titles.withoutWho[key]).replace('{who}', name).replace('{date}', formatDate(dated));
  f.organisation = who.organisation;
  const time = a.time.trim();
  f.occurredTime = type === 'letter' || type === 'email' || time === '' ? null : time;
  // Only what this kind asks is taken, so an answer left over from another path (Vorige,
  // then a different choice) never lands in a field the check did not show.
  const asked = new Set(steps(type, a));
  const text = (s: Step, v: string) => (asked.has(s) ? v.trim() : '');
  f.place = text('place', a.place);
  f.companions = text('companions', a.companions);
  f.asked = text('asked', a.asked);
  f.notes = text('said', a.said);
  f.promised = text('promised', a.promised);
  f.agreed = text('agreed', a.agreed);
  f.kenmerk = text('kenmerk', a.kenmerk);
  if (asked.has('report') && a.report === 'yes') f.tags = [REPORT_TAG];
  if (type === 'letter') {
    f.letterDated = letterDated;
    f.receivedOn = on;
    if (decision) {
      f.sentOn = sendDate(a);
      // A decision is dated by its letter: the timeline and the to-do name it so.
      if (letterDated) f.occurredOn = letterDated;
    }
  }
  f.replyBy = asked.has('replyBy') ? parseInputDate(a.replyBy) : null;
  f.threat = a.threat === 'yes';
  f.threatText = f.threat ? a.threatText.trim() : '';
  f.followUpOn = asked.has('followUp') ? parseInputDate(a.followUp) : null;
  return { fields: f, who };
}

/**
 * The answers an accepted suggestion from the letter's photo fills (what `fillFrom`
 * makes of them): dates as the user would type them, so every step shows and checks
 * them as typed. Accepting is the user's choice, so it replaces what was there.
 */
export function answersFromFill(f: EditorFill): Partial<Answers> {
  const out: Partial<Answers> = {};
  if (f.kind === 'decision') out.isDecision = 'yes';
  if (f.letterDated) out.letterDated = toInputDate(f.letterDated);
  if (f.kenmerk !== undefined) out.kenmerk = f.kenmerk;
  if (f.replyBy) out.replyBy = toInputDate(f.replyBy);
  if (f.threat) {
    out.threat = 'yes';
    if (f.threatText !== undefined) out.threatText = f.threatText;
  }
  return out;
}
